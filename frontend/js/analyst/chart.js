// The statistics as a bar chart: one bar per group, its area in mu (or its count where a layer has no area), drawn
// with Chart.js (vendor/chart.js, MIT), loaded the first time a chart is drawn so the map page does not carry it.
// Labels and numbers are drawn on a canvas as text; the same figures stay in the table beside it for screen readers
// and copying, and the canvas says what it shows in its aria-label.

import { token } from '../styles.js';

const SCRIPT = '/vendor/chart.js/chart.umd.min.js';
let loading = null;

/** Loads Chart.js once; resolves with its constructor. */
export function loadChart() {
  if (window.Chart) return Promise.resolve(window.Chart);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = SCRIPT;
      script.onload = () => (window.Chart ? resolve(window.Chart) : reject(new Error('Chart.js did not start')));
      script.onerror = () => reject(new Error(`could not load ${SCRIPT}`));
      document.head.appendChild(script);
    }).catch((err) => {
      loading = null;
      throw err;
    });
  }
  return loading;
}

/**
 * Draws (or redraws) the chart on `canvas`.
 * @param bars [{label, value}] in the table's order
 * @param unit what a bar measures, for the axis and the accessible description
 * @param format number → text in the reader's language
 */
export async function drawBars(canvas, previous, bars, unit, format) {
  const Chart = await loadChart();
  if (previous) previous.destroy();
  const colour = token('--pa-map-finder-line') || '#c2185b';
  canvas.setAttribute('aria-label', `${unit}: ${bars.map((b) => `${b.label} ${format(b.value)}`).join('；')}`);
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: bars.map((b) => b.label),
      datasets: [{ label: unit, data: bars.map((b) => b.value), backgroundColor: colour, borderRadius: 3, maxBarThickness: 48 }],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (item) => `${unit}: ${format(item.parsed.y)}` } },
      },
      scales: {
        x: { ticks: { autoSkip: false, maxRotation: 45, callback(value) { return shorten(this.getLabelForValue(value)); } } },
        y: { beginAtZero: true, title: { display: true, text: unit } },
      },
    },
  });
}

function shorten(label) {
  const text = String(label ?? '');
  return text.length > 9 ? `${text.slice(0, 8)}…` : text;
}
