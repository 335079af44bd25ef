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
  // the map's colour-blind-safe (Okabe–Ito) colours, the finder's highlight first
  const colours = ['--pa-map-finder-line', '--pa-map-parcel-available', '--pa-map-parcel-reserved',
    '--pa-map-parcel-transferred', '--pa-map-parcel-in-use', '--pa-map-parcel-planned-hatch']
    .map((name) => token(name)).filter(Boolean);
  const palette = colours.length ? colours : ['#c2185b', '#2e9d7e', '#e0a800', '#3f7fbf', '#8c8c8c'];
  const labels = [...new Set(bars.map((b) => b.label))];
  const series = [...new Set(bars.map((b) => b.series))];
  const keyOf = new Map(bars.map((b) => [b.series, b.seriesKey]));
  // a parcel status keeps the colour the map gives it, so 可出让 is green here as there
  const colourOf = (name, i) => {
    const key = keyOf.get(name);
    const own = key ? token(`--pa-map-parcel-${String(key).replace(/_/g, '-')}${key === 'planned' ? '-hatch' : ''}`) : '';
    return own || palette[i % palette.length];
  };
  // one series: a bar per group; two groupings: the second stacked inside each bar of the first
  const datasets = series.map((name, i) => ({
    label: name == null ? unit : name,
    data: labels.map((label) => {
      const bar = bars.find((b) => b.label === label && b.series === name);
      return bar ? bar.value : 0;
    }),
    backgroundColor: colourOf(name, i),
    borderRadius: 3,
    maxBarThickness: 48,
  }));
  const stacked = series.length > 1 || series[0] != null;
  canvas.setAttribute('aria-label', `${unit}: ${bars.map((b) => `${b.label}${b.series != null ? ` · ${b.series}` : ''} ${format(b.value)}`).join('；')}`);
  return new Chart(canvas, {
    type: 'bar',
    data: { labels, datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        legend: { display: stacked, position: 'bottom', labels: { boxWidth: 10, font: { size: 11 } } },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${format(item.parsed.y)}` } },
      },
      scales: {
        x: { stacked, ticks: { autoSkip: false, maxRotation: 45, callback(value) { return shorten(this.getLabelForValue(value)); } } },
        y: { stacked, beginAtZero: true, title: { display: true, text: unit } },
      },
    },
  });
}

function shorten(label) {
  const text = String(label ?? '');
  return text.length > 9 ? `${text.slice(0, 8)}…` : text;
}
