// The area shown in #draw-area while drawing and editing: the server's figure, measured in EPSG:4546 as a saved
// parcel's is (POST /api/parcels/measure), so what the planner sees is what the parcel will get. Calls are
// debounced (150 ms) and an answer that arrives after a newer shape was asked for is dropped. The element keeps
// data-m2 and data-mu (tests and scripts read them) and is aria-busy while a figure is on its way.

import { t } from '../i18n.js';
import { formatArea } from '../popup.js';
import { measure } from './api.js';

const DEBOUNCE_MS = 150;
const $ = () => document.getElementById('draw-area');

/** A closed GeoJSON polygon (CRS84) from a ring of L.LatLng. */
export function ringPolygon(latlngs) {
  const ring = latlngs.map((p) => [p.lng, p.lat]);
  if (ring.length) ring.push(ring[0]);
  return { type: 'Polygon', coordinates: [ring] };
}

export class AreaMeter {
  constructor() {
    this.timer = null;
    this.seq = 0;
    this.shown = false;
  }

  /** Nothing to measure: the element is hidden. */
  clear() {
    this._cancel();
    const out = $();
    out.hidden = true;
    out.removeAttribute('aria-busy');
    delete out.dataset.m2;
    delete out.dataset.mu;
    this.shown = false;
  }

  /** A figure the server already gave (a stored parcel's area_m2 / area_mu). */
  known(m2, mu) {
    this._cancel();
    this._render(Number(m2), Number(mu));
  }

  /** A ring being drawn (its vertices, plus the pointer): fewer than three points enclose nothing. */
  ring(latlngs) {
    if (latlngs.length < 3) return this.known(0, 0);
    return this.geometry(ringPolygon(latlngs));
  }

  /** A Leaflet polygon (the draft, the parcel being reshaped), at full precision. */
  layer(layer) {
    return this.geometry(layer.toGeoJSON(false).geometry);
  }

  /** Asks the server for the area of a GeoJSON geometry, once the shape has held still for a moment. */
  geometry(geometry) {
    this._cancel();
    const out = $();
    out.setAttribute('aria-busy', 'true');
    if (!this.shown) {
      out.hidden = false;
      out.textContent = t('areaLine', { area: '…' });
    }
    const seq = ++this.seq;
    this.timer = setTimeout(async () => {
      this.timer = null;
      try {
        const a = await measure(geometry);
        if (seq === this.seq) this._render(Number(a.area_m2), Number(a.area_mu));
      } catch (err) {
        // A shape the server cannot measure yet (e.g. crossing itself while drawn) keeps the last figure.
        if (seq !== this.seq) return;
        console.warn('ParkAtlas: could not measure the shape', err);
        $().removeAttribute('aria-busy');
        $().dataset.error = String(err.status || 'network');
      }
    }, DEBOUNCE_MS);
  }

  _cancel() {
    clearTimeout(this.timer);
    this.timer = null;
    this.seq += 1;
  }

  _render(m2, mu) {
    const out = $();
    out.hidden = false;
    out.removeAttribute('aria-busy');
    delete out.dataset.error;
    if (this.shown && (out.dataset.m2 !== String(m2))) out.dataset.updates = String((+out.dataset.updates || 0) + 1);
    out.dataset.m2 = String(m2);
    out.dataset.mu = String(mu);
    out.textContent = t('areaLine', { area: formatArea(m2, mu) });
    this.shown = true;
  }

  /** The figure again in the current language. */
  relabel() {
    const out = $();
    if (this.shown && out.dataset.m2 !== undefined) out.textContent = t('areaLine', { area: formatArea(Number(out.dataset.m2), Number(out.dataset.mu)) });
  }
}
