// The dashboard's charts: each <canvas data-chart="{...}"> carries its own figures as JSON (the same numbers as the
// table beside it), so no script is inline and the page's policy allows scripts from this host only.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') {
    return; // chart.js did not load: the tables still carry every number
  }

  var palette = ['#0969da', '#cf222e', '#8c959f', '#1a7f37', '#bf8700', '#8250df', '#0550ae', '#a40e26'];
  var named = { met: '#1a7f37', breached: '#cf222e', open: '#8c959f' };
  var still = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var spec;
    try {
      spec = JSON.parse(canvas.getAttribute('data-chart'));
    } catch (e) {
      return;
    }

    var datasets = spec.datasets.map(function (d, i) {
      var colour = (d.tone && named[d.tone]) || palette[i % palette.length];
      var set = { label: d.label, data: d.data, backgroundColor: spec.type === 'doughnut' ? d.data.map(function (_, j) { return palette[j % palette.length]; }) : colour, borderColor: colour };
      if (d.stack) {
        set.stack = d.stack;
      }
      if (spec.type === 'line') {
        set.fill = false;
        set.tension = 0.2;
        set.pointRadius = 2;
      }
      return set;
    });

    var options = {
      responsive: true,
      maintainAspectRatio: false,
      animation: still ? false : undefined,
      indexAxis: spec.horizontal ? 'y' : 'x',
      plugins: { legend: { display: datasets.length > 1 || spec.type === 'doughnut', position: 'bottom' } },
    };
    if (spec.type !== 'doughnut') {
      options.scales = {
        x: { stacked: !!spec.stacked, beginAtZero: true, ticks: { precision: 0 } },
        y: { stacked: !!spec.stacked, beginAtZero: true, ticks: { precision: 0 } },
      };
    }

    canvas.chart = new Chart(canvas, { type: spec.type, data: { labels: spec.labels, datasets: datasets }, options: options });
  });
})();
