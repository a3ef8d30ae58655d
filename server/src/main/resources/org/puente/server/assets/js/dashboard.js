/* Puente dashboard: fetches the dashboard's JSON endpoints and draws them with Apache ECharts.
   Values from the API are put in the page with textContent only. */
(function () {
  'use strict';

  const page = JSON.parse(document.getElementById('page-data').textContent);
  const t = page.messages;
  const lang = page.lang;
  const numbers = new Intl.NumberFormat(lang === 'es' ? 'es' : 'en');
  const charts = {};
  const MALE = '#2f6db3';
  const FEMALE = '#c2417a';
  let generation = 0;

  function fmt(value) {
    return value === null || value === undefined ? '–' : numbers.format(value);
  }

  function chart(id) {
    if (!charts[id]) {
      charts[id] = echarts.init(document.getElementById(id), null, { renderer: 'canvas' });
    }
    return charts[id];
  }

  function filters() {
    return {
      country: document.getElementById('filter-country').value,
      period: document.getElementById('filter-period').value,
      direction: document.getElementById('filter-direction').value
    };
  }

  function url(path, extra) {
    const params = new URLSearchParams();
    const f = filters();
    Object.keys(f).forEach(function (key) {
      if (f[key]) {
        params.set(key, f[key]);
      }
    });
    Object.keys(extra || {}).forEach(function (key) {
      params.set(key, extra[key]);
    });
    params.set('lang', lang);
    return path + '?' + params.toString();
  }

  function getJson(path) {
    return fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (response.status === 401) {
          window.location.assign('/login?next=' + encodeURIComponent(window.location.pathname));
          throw new Error('signed out');
        }
        if (!response.ok) {
          return response.json().then(function (body) {
            throw new Error(body && body.error ? body.error.message : String(response.status));
          });
        }
        return response.json();
      });
  }

  function clear(element) {
    while (element.firstChild) {
      element.removeChild(element.firstChild);
    }
  }

  function link(href, text) {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    a.setAttribute('download', '');
    return a;
  }

  function setDownloads(containerId, download) {
    const container = document.getElementById(containerId);
    if (!container || !download) {
      return;
    }
    clear(container);
    (download.tables || []).forEach(function (table) {
      const span = document.createElement('span');
      span.textContent = table.label + ': ';
      const csv = link(table.csv, t.download_csv);
      csv.className = 'download-csv';
      const xlsx = link(table.xlsx, t.download_xlsx);
      xlsx.className = 'download-xlsx';
      span.appendChild(csv);
      span.appendChild(document.createTextNode(' · '));
      span.appendChild(xlsx);
      container.appendChild(span);
    });
  }

  function note(id, suppressedCells) {
    const element = document.getElementById(id + '-note');
    if (element) {
      element.hidden = !(suppressedCells > 0);
    }
  }

  function loaded(id, state) {
    document.getElementById(id).setAttribute('data-loaded', state);
  }

  function empty(c, text) {
    c.clear();
    c.setOption({
      title: {
        text: text || t.no_data,
        left: 'center',
        top: 'middle',
        textStyle: {
          fontSize: 14,
          fontWeight: 'normal',
          color: '#5b6574',
          width: Math.max(120, c.getWidth() - 32),
          overflow: 'break'
        }
      }
    });
  }

  function finish(id, json, draw) {
    const c = chart(id);
    const drawn = draw(c);
    if (drawn !== true) {
      empty(c, typeof drawn === 'string' ? drawn : null);
    }
    note(id, json.suppressedCells || 0);
    setDownloads(id + '-downloads', json.download);
    loaded(id, 'true');
  }

  function failed(id, error) {
    const c = chart(id);
    c.clear();
    c.setOption({
      title: {
        text: t.load_error,
        subtext: String(error.message || error),
        left: 'center',
        top: 'middle',
        textStyle: { fontSize: 14, fontWeight: 'normal', color: '#b42318' }
      }
    });
    loaded(id, 'error');
  }

  function load(id, path, draw, mine) {
    loaded(id, 'false');
    return getJson(path)
      .then(function (json) {
        if (mine === generation) {
          finish(id, json, function (c) {
            return draw(c, json);
          });
        }
      })
      .catch(function (error) {
        if (mine === generation) {
          failed(id, error);
        }
      });
  }

  // ---- headline ----

  function headline(json) {
    const keys = page.headline;
    Object.keys(keys).forEach(function (cardId) {
      const card = document.getElementById('headline-' + cardId);
      const indicator = json.indicators[keys[cardId]];
      if (!card || !indicator) {
        return;
      }
      card.querySelector('.kpi-label').textContent = indicator.label;
      card.querySelector('.kpi-value').textContent = fmt(indicator.value);
      card.querySelector('.kpi-value').title = indicator.suppressed ? t.suppressed_value : '';
      const change = card.querySelector('.kpi-change');
      change.classList.remove('up', 'down', 'flat');
      if (indicator.change === null) {
        change.textContent = '';
        change.classList.add('flat');
      } else {
        const c = indicator.change;
        change.textContent =
          (c > 0 ? '▲ +' : c < 0 ? '▼ ' : '▶ ') + numbers.format(c) + ' %';
        change.classList.add(c > 0 ? 'up' : c < 0 ? 'down' : 'flat');
      }
      card.querySelector('.kpi-previous').textContent =
        t.yoy + ' ' + json.previousPeriod + ': ' + fmt(indicator.previous);
    });
    setDownloads('headline-downloads', json.download);
  }

  // ---- charts ----

  function drawSeries(c, json) {
    const anyValue = json.series.some(function (s) {
      return s.values.some(function (v) {
        return v !== null && v > 0;
      });
    });
    if (!anyValue) {
      return false;
    }
    c.setOption(
      {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: json.months },
        yAxis: { type: 'value' },
        series: json.series.map(function (s) {
          return {
            name: s.label,
            type: 'line',
            data: s.values,
            connectNulls: false,
            showSymbol: false
          };
        })
      },
      true
    );
    return true;
  }

  /** Y0T4 → 0–4, Y_GE100 → 100+; the label otherwise. */
  function shortAge(code, label) {
    let m = /^Y(\d+)T(\d+)$/.exec(code);
    if (m) {
      return m[1] + '–' + m[2];
    }
    m = /^Y_GE(\d+)$/.exec(code);
    return m ? m[1] + '+' : label;
  }

  function drawPyramid(c, json) {
    if (!json.ageGroups.length) {
      return false;
    }
    const shown = json.sexes.some(function (s) {
      return s.values.some(function (v) {
        return v !== null && v > 0;
      });
    });
    if (!shown) {
      return json.suppressedCells > 0 ? t.all_withheld : false;
    }
    const male = json.sexes.find(function (s) {
      return s.code === 'M';
    });
    const female = json.sexes.find(function (s) {
      return s.code === 'F';
    });
    const abs = function (v) {
      return numbers.format(Math.abs(v));
    };
    c.setOption(
      {
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          valueFormatter: function (v) {
            return v === null || v === undefined || v === '-' ? t.suppressed_value : abs(v);
          }
        },
        legend: { top: 0 },
        grid: { left: 16, right: 16, top: 32, bottom: 30, containLabel: true },
        xAxis: { type: 'value', axisLabel: { formatter: abs } },
        yAxis: {
          type: 'category',
          data: json.ageGroups.map(function (a) {
            return shortAge(a.code, a.label);
          }),
          axisTick: { show: false }
        },
        series: [
          {
            name: male.label,
            type: 'bar',
            stack: 'pyramid',
            itemStyle: { color: MALE },
            data: male.values.map(function (v) {
              return v === null ? '-' : -v;
            })
          },
          {
            name: female.label,
            type: 'bar',
            stack: 'pyramid',
            itemStyle: { color: FEMALE },
            data: female.values.map(function (v) {
              return v === null ? '-' : v;
            })
          }
        ]
      },
      true
    );
    return true;
  }

  function drawMatrix(c, json) {
    const data = [];
    let max = 0;
    json.matrix.forEach(function (row, r) {
      row.forEach(function (value, col) {
        if (value !== null && value > 0) {
          data.push([col, r, value]);
          max = Math.max(max, value);
        }
      });
    });
    if (!data.length) {
      return false;
    }
    const label = function (x) {
      return x.label;
    };
    c.setOption(
      {
        tooltip: {
          formatter: function (p) {
            // ECharts shows tooltips as HTML: escape the labels
            return echarts.format.encodeHTML(
              json.rows[p.value[1]].label +
                (json.direction === 'DEPARTURE'
                  ? ' → '
                  : json.direction === 'ARRIVAL'
                    ? ' ← '
                    : ' ↔ ') +
                json.columns[p.value[0]].label +
                ': ' +
                numbers.format(p.value[2])
            );
          }
        },
        grid: { left: 8, right: 16, top: 10, bottom: 44, containLabel: true },
        xAxis: {
          type: 'category',
          data: json.columns.map(label),
          axisLabel: { rotate: 45, interval: 0 }
        },
        yAxis: { type: 'category', data: json.rows.map(label), axisLabel: { interval: 0 } },
        visualMap: {
          min: 0,
          max: max,
          calculable: false,
          orient: 'horizontal',
          left: 'center',
          bottom: 0,
          itemHeight: 120,
          inRange: { color: ['#e8f0fa', '#1f5fa8'] }
        },
        series: [
          {
            type: 'heatmap',
            data: data,
            label: { show: json.columns.length <= 8 },
            emphasis: { itemStyle: { borderColor: '#1d2430', borderWidth: 1 } }
          }
        ]
      },
      true
    );
    return true;
  }

  function drawSankey(c, json) {
    if (!json.sankey.links.length) {
      return false;
    }
    c.setOption(
      {
        tooltip: { trigger: 'item' },
        series: [
          {
            type: 'sankey',
            data: json.sankey.nodes,
            links: json.sankey.links,
            nodeAlign: 'justify',
            left: 8,
            right: c.getWidth() < 500 ? 96 : 150,
            emphasis: { focus: 'adjacency' },
            lineStyle: { color: 'gradient', curveness: 0.5 },
            label: { fontSize: 11, width: 140, overflow: 'truncate' }
          }
        ]
      },
      true
    );
    return true;
  }

  function drawReturns(c, json) {
    if (!json.returnedFrom.length) {
      return false;
    }
    const top = Math.min(json.returnedFrom.length, 15);
    const categories = json.returnedFrom.slice(0, top).map(function (x) {
      return x.label;
    });
    c.setOption(
      {
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          valueFormatter: function (v) {
            return v === null || v === undefined || v === '-' ? t.suppressed_value : fmt(v);
          }
        },
        legend: { top: 0 },
        grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: 'value' },
        yAxis: { type: 'category', data: categories, inverse: true, axisLabel: { interval: 0 } },
        series: json.sexes
          .map(function (s) {
            return {
              name: s.label,
              type: 'bar',
              stack: 'returns',
              barMaxWidth: 28,
              itemStyle: { color: s.code === 'M' ? MALE : FEMALE },
              data: s.values.slice(0, top).map(function (v) {
                return v === null ? '-' : v;
              })
            };
          })
          .concat([
            {
              // where every sex is withheld, the published total alone (it reveals no cell)
              name: t.returns_sex_withheld,
              type: 'bar',
              stack: 'returns',
              barMaxWidth: 28,
              itemStyle: { color: '#9aa3af' },
              data: json.totals.slice(0, top).map(function (total, i) {
                const allWithheld = json.sexes.every(function (s) {
                  return s.values[i] === null;
                });
                return allWithheld && total.value !== null ? total.value : '-';
              })
            }
          ])
      },
      true
    );
    return true;
  }

  function drawQuality(c, json) {
    if (!json.countries.length) {
      return false;
    }
    const keys = ['sex', 'age', 'citizenship', 'migrationStatus'];
    const series = keys.map(function (key) {
      return {
        name: json.labels[key],
        type: 'bar',
        data: json.countries.map(function (x) {
          return Math.round(1000 * x.coverage[key]) / 10;
        })
      };
    });
    ['rejectedShare', 'duplicateShare'].forEach(function (key) {
      series.push({
        name: json.labels[key],
        type: 'bar',
        data: json.countries.map(function (x) {
          return Math.round(1000 * x[key]) / 10;
        })
      });
    });
    c.setOption(
      {
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          valueFormatter: function (v) {
            return numbers.format(v) + ' %';
          }
        },
        legend: { top: 0, type: 'scroll' },
        grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
        xAxis: {
          type: 'category',
          data: json.countries.map(function (x) {
            return x.label;
          }),
          axisLabel: { interval: 0, rotate: json.countries.length > 4 ? 30 : 0 }
        },
        yAxis: { type: 'value', max: 100, name: t.share },
        series: series
      },
      true
    );
    return true;
  }

  function loadAll() {
    generation += 1;
    const mine = generation;
    getJson(url('/api/dashboard/headline'))
      .then(function (json) {
        if (mine === generation) {
          headline(json);
        }
      })
      .catch(function () {});
    load('chart-series', url('/api/dashboard/series'), drawSeries, mine);
    load(
      'chart-pyramid-arrivals',
      url('/api/dashboard/pyramid', { population: 'arrivals' }),
      drawPyramid,
      mine
    );
    load(
      'chart-pyramid-migrants',
      url('/api/dashboard/pyramid', { population: 'migrants' }),
      drawPyramid,
      mine
    );
    load(
      'chart-pyramid-returns',
      url('/api/dashboard/pyramid', { population: 'returns' }),
      drawPyramid,
      mine
    );
    getJson(url('/api/dashboard/flows'))
      .then(function (json) {
        if (mine === generation) {
          finish('chart-flows-matrix', json, function (c) {
            return drawMatrix(c, json);
          });
          finish('chart-flows-sankey', json, function (c) {
            return drawSankey(c, json);
          });
        }
      })
      .catch(function (error) {
        if (mine === generation) {
          failed('chart-flows-matrix', error);
          failed('chart-flows-sankey', error);
        }
      });
    loaded('chart-flows-matrix', 'false');
    loaded('chart-flows-sankey', 'false');
    load('chart-returns', url('/api/dashboard/returns'), drawReturns, mine);
    load('chart-quality', url('/api/dashboard/quality'), drawQuality, mine);
  }

  function onFilter() {
    const f = filters();
    const params = new URLSearchParams();
    Object.keys(f).forEach(function (key) {
      if (f[key]) {
        params.set(key, f[key]);
      }
    });
    const query = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (query ? '?' + query : ''));
    const lang = document.getElementById('lang-switch');
    if (lang) {
      const target = window.location.pathname + (query ? '?' + query : '');
      lang.href = lang.pathname + '?next=' + encodeURIComponent(target);
    }
    loadAll();
  }

  function start() {
    ['filter-country', 'filter-period', 'filter-direction'].forEach(function (id) {
      document.getElementById(id).addEventListener('change', onFilter);
    });
    let timer = null;
    window.addEventListener('resize', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        Object.keys(charts).forEach(function (id) {
          charts[id].resize();
        });
      }, 100);
    });
    loadAll();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
