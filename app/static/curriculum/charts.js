/* Curriculum charts. Teaching coverage ({kind: "teaching", labels, talks, cases}): paired
   bars per topic. Otherwise each <canvas data-chart="{labels, cases, series}"> becomes a chart of
   cases per month (bars) with the cases of the most frequent topics as lines over them
   (Chart.js, served from /static/vendor). Nothing is stacked: a case with three topics is one
   case in its bar and one in each of its topics' lines. The same numbers are in the table. */
(function () {
  "use strict";
  // Colour-blind-safe palette (Okabe-Ito, plus two greys).
  var COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000", "#999999", "#666666"];

  function draw(canvas) {
    var data;
    try { data = JSON.parse(canvas.getAttribute("data-chart")); } catch (e) { return; }
    if (!window.Chart || !data) { return; }
    if (data.kind === "teaching") { drawTeaching(canvas, data); return; }
    if (!data.series) { return; }
    var datasets = [];
    if (data.cases) {
      datasets.push({ type: "bar", label: "All cases", data: data.cases, backgroundColor: "#D9D9D9", borderColor: "#999999", borderWidth: 1, order: 2 });
    }
    data.series.forEach(function (s, i) {
      var colour = COLOURS[i % COLOURS.length];
      datasets.push({ type: "line", label: s.label, data: s.data, borderColor: colour, backgroundColor: colour, pointRadius: 3, tension: 0, order: 1 });
    });
    canvas.chart = new window.Chart(canvas, {
      data: { labels: data.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { stacked: false },
          y: { stacked: false, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "Cases" } }
        },
        plugins: { legend: { position: "bottom" } }
      }
    });
    canvas.setAttribute("data-drawn", "true");
  }

  // Teaching coverage: for each topic, a bar of didactic talks and a bar of cases presented.
  function drawTeaching(canvas, data) {
    canvas.chart = new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [
          { label: "Didactic talks", data: data.talks, backgroundColor: COLOURS[0] },
          { label: "Cases presented", data: data.cases, backgroundColor: COLOURS[1] }
        ]
      },
      options: {
        indexAxis: "y",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: "bottom" } }
      }
    });
    canvas.setAttribute("data-drawn", "true");
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("canvas[data-chart]"), draw);
  });
})();
