/* Puente mirror statistics page: draws the heat map of the symmetric percentage difference
   (origin × destination) from the page data with Apache ECharts, and reloads the page for another
   year. Labels reach the chart as data; its tooltips escape them. */
(function () {
  'use strict';

  const page = JSON.parse(document.getElementById('page-data').textContent);
  const t = page.messages;
  const numbers = new Intl.NumberFormat(page.lang === 'es' ? 'es' : 'en', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1
  });

  const year = document.getElementById('mirror-year');
  if (year) {
    year.addEventListener('change', function () {
      document.getElementById('mirror-filters').submit();
    });
  }

  function draw() {
    const element = document.getElementById('mirror-heatmap');
    if (!element) {
      return;
    }
    const chart = echarts.init(element, null, { renderer: 'canvas' });
    let max = 10;
    page.cells.forEach(function (cell) {
      max = Math.max(max, Math.abs(cell[2]));
    });
    const option = {
      tooltip: {
        formatter: function (p) {
          // ECharts shows tooltips as HTML: escape the labels
          return echarts.format.encodeHTML(
            page.origins[p.value[1]] +
              ' → ' +
              page.destinations[p.value[0]] +
              ': ' +
              t.mirror_spd +
              ' ' +
              numbers.format(p.value[2])
          );
        }
      },
      grid: { left: 8, right: 16, top: 30, bottom: 60, containLabel: true },
      xAxis: {
        type: 'category',
        name: t.mirror_destination,
        nameLocation: 'middle',
        nameGap: 70,
        data: page.destinations,
        axisLabel: { rotate: 45, interval: 0 }
      },
      yAxis: {
        type: 'category',
        name: t.mirror_origin,
        data: page.origins,
        axisLabel: { interval: 0 }
      },
      visualMap: {
        min: -max,
        max: max,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 160,
        inRange: { color: ['#b2182b', '#f7f7f7', '#2166ac'] }
      },
      series: [
        {
          type: 'heatmap',
          data: page.cells,
          label: {
            show: page.destinations.length <= 10,
            formatter: function (p) {
              return numbers.format(p.value[2]);
            }
          },
          emphasis: { itemStyle: { borderColor: '#1d2430', borderWidth: 1 } }
        }
      ]
    };
    if (!page.cells.length) {
      option.title = {
        text: t.mirror_heatmap_empty,
        left: 'center',
        top: 'middle',
        textStyle: { fontSize: 14, fontWeight: 'normal', color: '#5b6472' }
      };
    }
    chart.setOption(option, true);
    element.setAttribute('data-loaded', 'true');
    window.addEventListener('resize', function () {
      chart.resize();
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
