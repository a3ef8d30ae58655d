/* Puente upload page: sends the chosen file with XMLHttpRequest (so the upload's progress shows),
   then the counts and the first rejected rows (identifiers masked by the server). Values from the
   API are put in the page with textContent only. */
(function () {
  'use strict';

  const page = JSON.parse(document.getElementById('page-data').textContent);
  const t = page.messages;
  const numbers = new Intl.NumberFormat(page.lang === 'es' ? 'es' : 'en');

  function byId(id) {
    return document.getElementById(id);
  }

  function clear(element) {
    while (element.firstChild) {
      element.removeChild(element.firstChild);
    }
  }

  function status(text, isError) {
    const element = byId('upload-status');
    element.textContent = text;
    element.className = isError ? 'status error' : 'status';
  }

  function errorOf(xhr) {
    try {
      const body = JSON.parse(xhr.responseText);
      if (body && body.error && body.error.message) {
        return body.error.message;
      }
    } catch (e) {
      // not JSON
    }
    return 'HTTP ' + xhr.status;
  }

  function showCounts(result) {
    const counts = result.counts;
    byId('count-read').textContent = numbers.format(counts.read);
    byId('count-accepted').textContent = numbers.format(counts.accepted);
    byId('count-rejected').textContent = numbers.format(counts.rejected);
    byId('count-duplicates').textContent = numbers.format(counts.duplicates);
    const duplicate = byId('upload-duplicate');
    if (result.duplicateOf !== null && result.duplicateOf !== undefined) {
      duplicate.textContent = t.upload_duplicate_of + ' ' + result.duplicateOf;
      duplicate.hidden = false;
    } else {
      duplicate.hidden = true;
    }
    const reasons = byId('upload-reasons');
    clear(reasons);
    const byReason = counts.rejectedByReason || {};
    Object.keys(byReason).forEach(function (reason) {
      const item = document.createElement('li');
      item.textContent = reason + ': ' + numbers.format(byReason[reason]);
      reasons.appendChild(item);
    });
    byId('upload-reasons-title').hidden = Object.keys(byReason).length === 0;
    byId('upload-counts').hidden = false;
  }

  function showRejects(json) {
    const body = byId('upload-rejects-rows');
    clear(body);
    (json.rows || []).forEach(function (row) {
      const tr = document.createElement('tr');
      const line = document.createElement('td');
      line.textContent = String(row.line);
      line.className = 'num';
      const reasons = document.createElement('td');
      reasons.textContent = (row.reasons || []).join('; ');
      const fields = document.createElement('td');
      fields.textContent = Object.keys(row.fields || {})
        .map(function (name) {
          const value = row.fields[name];
          return name + '=' + (value === null ? '' : value);
        })
        .join(', ');
      tr.appendChild(line);
      tr.appendChild(reasons);
      tr.appendChild(fields);
      body.appendChild(tr);
    });
    byId('upload-rejects').hidden = !(json.rows && json.rows.length);
  }

  function loadRejects(submission) {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', '/api/submissions/' + encodeURIComponent(submission) + '/rejects?limit=100');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.onload = function () {
      if (xhr.status === 200) {
        showRejects(JSON.parse(xhr.responseText));
      } else {
        status(t.upload_error + ': ' + errorOf(xhr), true);
      }
    };
    xhr.send();
  }

  function upload(event) {
    event.preventDefault();
    const spec = byId('upload-spec').value;
    const input = byId('upload-file');
    const file = input.files && input.files[0];
    if (!spec || !file) {
      status(t.upload_choose, true);
      return;
    }
    const button = byId('upload-submit');
    const progress = byId('upload-progress');
    progress.value = 0;
    byId('upload-counts').hidden = true;
    byId('upload-rejects').hidden = true;
    button.disabled = true;
    status(t.upload_progress + ' 0 %', false);
    const xhr = new XMLHttpRequest();
    xhr.open(
      'POST',
      '/api/uploads?spec=' + encodeURIComponent(spec) + '&filename=' + encodeURIComponent(file.name)
    );
    xhr.setRequestHeader('X-CSRF-Token', page.csrf);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) {
        const percent = Math.round((100 * e.loaded) / e.total);
        progress.value = percent;
        status(t.upload_progress + ' ' + percent + ' %', false);
      }
    };
    xhr.upload.onload = function () {
      progress.value = 100;
      status(t.upload_processing, false);
    };
    xhr.onload = function () {
      button.disabled = false;
      if (xhr.status !== 200) {
        status(t.upload_error + ': ' + errorOf(xhr), true);
        return;
      }
      const result = JSON.parse(xhr.responseText);
      status('', false);
      showCounts(result);
      if (result.counts.rejected > 0) {
        loadRejects(result.submission);
      }
    };
    xhr.onerror = function () {
      button.disabled = false;
      status(t.upload_error, true);
    };
    xhr.send(file);
  }

  function start() {
    byId('upload-form').addEventListener('submit', upload);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
