// Measuring on the map, for analysts and planners alike: distance along a line and the area it closes, in metres,
// square metres and mu (亩), measured in the park's own projected CRS (EPSG:4546, CGCS2000 / 3-degree Gauss-Krüger
// CM 111°E) as the server measures; and a readout of the pointer's position in CGCS2000 latitude/longitude and in
// EPSG:4546. Everything shown is set as text.

import { t, getLang, onLangChange } from './i18n.js';
import { el } from './dom.js';

const L = window.L;
const SQUARE_METRES_PER_MU = 10000 / 15;

// CGCS2000 ellipsoid; Krüger's series to n⁶ (sub-millimetre within a 3° zone)
const A = 6378137.0;
const F = 1 / 298.257222101;
const N = F / (2 - F);
const E = Math.sqrt(F * (2 - F));
const RA = (A / (1 + N)) * (1 + N ** 2 / 4 + N ** 4 / 64 + N ** 6 / 256);
const ALPHA = [
  N / 2 - (2 * N ** 2) / 3 + (5 * N ** 3) / 16 + (41 * N ** 4) / 180 - (127 * N ** 5) / 288 + (7891 * N ** 6) / 37800,
  (13 * N ** 2) / 48 - (3 * N ** 3) / 5 + (557 * N ** 4) / 1440 + (281 * N ** 5) / 630 - (1983433 * N ** 6) / 1935360,
  (61 * N ** 3) / 240 - (103 * N ** 4) / 140 + (15061 * N ** 5) / 26880 + (167603 * N ** 6) / 181440,
  (49561 * N ** 4) / 161280 - (179 * N ** 5) / 168 + (6601661 * N ** 6) / 7257600,
  (34729 * N ** 5) / 80640 - (3418889 * N ** 6) / 1995840,
  (212378941 * N ** 6) / 319334400,
];
const CENTRAL_MERIDIAN = 111; // EPSG:4546, the CRS the park's layers are stored and measured in
const FALSE_EASTING = 500000;

/** A CGCS2000 position (degrees) in EPSG:4546: {x: easting, y: northing} in metres. */
export function toEpsg4546(lat, lng) {
  const phi = (lat * Math.PI) / 180;
  const lambda = ((lng - CENTRAL_MERIDIAN) * Math.PI) / 180;
  const s = Math.sin(phi);
  const tt = Math.sinh(Math.atanh(s) - E * Math.atanh(E * s));
  const xiP = Math.atan2(tt, Math.cos(lambda));
  const etaP = Math.atanh(Math.sin(lambda) / Math.sqrt(1 + tt * tt));
  let xi = xiP;
  let eta = etaP;
  ALPHA.forEach((a, i) => {
    const j = 2 * (i + 1);
    xi += a * Math.sin(j * xiP) * Math.cosh(j * etaP);
    eta += a * Math.cos(j * xiP) * Math.sinh(j * etaP);
  });
  return { x: FALSE_EASTING + RA * eta, y: RA * xi };
}

/** Length (m) of a path and, for three vertices or more, the area (m²) of the ring it closes, in EPSG:4546. */
export function measure(latlngs) {
  const pts = latlngs.map((p) => toEpsg4546(p.lat, p.lng));
  let length = 0;
  for (let i = 1; i < pts.length; i += 1) length += Math.hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
  let twice = 0;
  if (pts.length >= 3) {
    for (let i = 0; i < pts.length; i += 1) {
      const a = pts[i];
      const b = pts[(i + 1) % pts.length];
      twice += a.x * b.y - b.x * a.y;
    }
  }
  return { metres: length, squareMetres: Math.abs(twice) / 2 };
}

function fmt(n, digits) {
  return Number(n).toLocaleString(getLang() === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** What a measurement reads: "1 234.5 m", and "· 5 678 m² · 8.52 亩" once it closes an area. */
export function describe(result) {
  const distance = result.metres >= 1000 ? `${fmt(result.metres / 1000, 3)} km` : `${fmt(result.metres, 1)} m`;
  if (!result.squareMetres) return distance;
  return `${distance} · ${fmt(result.squareMetres, 0)} m² · ${fmt(result.squareMetres / SQUARE_METRES_PER_MU, 2)} ${t('analystMu')}`;
}

/** The measuring tool (a button under the zoom) and the coordinate readout (bottom left). */
export function addMeasuring(map) {
  const state = { on: false, points: [], line: null, marker: null };
  const control = L.control({ position: 'bottomleft' }); // clear of the finder and analyst panels at the top left
  const button = el('button', 'pa-measure-button');
  button.type = 'button';
  const readout = el('output', 'pa-measure-result');
  readout.setAttribute('aria-live', 'polite');
  control.onAdd = () => {
    const box = el('div', 'leaflet-bar pa-measure');
    box.append(button, readout);
    L.DomEvent.disableClickPropagation(box);
    return box;
  };
  control.addTo(map);
  const relabel = () => {
    button.textContent = state.on ? t('measureStop') : t('measure');
    button.title = t('measureHint');
    button.setAttribute('aria-pressed', String(state.on));
  };
  const update = (extra) => {
    const pts = extra ? [...state.points, extra] : state.points;
    if (state.line) state.line.setLatLngs(pts);
    readout.textContent = pts.length > 1 ? describe(measure(pts)) : state.on ? t('measureStart') : '';
    readout.hidden = !readout.textContent;
  };
  const stop = () => {
    state.on = false;
    map.getContainer().classList.remove('pa-measuring');
    map.doubleClickZoom.enable();
    relabel();
    update();
  };
  button.addEventListener('click', () => {
    if (state.on) {
      stop();
      return;
    }
    state.on = true;
    state.points = [];
    if (state.line) state.line.remove();
    state.line = L.polyline([], { color: '#1565C0', weight: 3, dashArray: '6 4', interactive: false }).addTo(map);
    map.getContainer().classList.add('pa-measuring');
    map.doubleClickZoom.disable();
    relabel();
    update();
  });
  map.on('click', (e) => {
    if (!state.on) return;
    state.points.push(e.latlng);
    update();
  });
  map.on('dblclick', () => {
    if (state.on) stop();
  });
  document.addEventListener('keydown', (e) => {
    if (state.on && e.key === 'Escape') stop();
  });

  const coords = L.control({ position: 'bottomleft' });
  const where = el('output', 'pa-coordinates');
  coords.onAdd = () => where;
  coords.addTo(map);
  map.on('mousemove', (e) => {
    if (state.on) update(e.latlng);
    const p = toEpsg4546(e.latlng.lat, e.latlng.lng);
    where.textContent = `${e.latlng.lat.toFixed(6)}°N ${e.latlng.lng.toFixed(6)}°E · EPSG:4546 E ${fmt(p.x, 1)} N ${fmt(p.y, 1)}`;
  });
  map.on('mouseout', () => { where.textContent = ''; });
  relabel();
  update();
  onLangChange(() => { relabel(); update(); });
  return { measure: (latlngs) => measure(latlngs), state };
}
