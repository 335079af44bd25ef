// The basemaps the server configures (GET /api/map/config → basemaps) and the datum each is drawn in. Tianditu and
// custom WGS 84 / CGCS2000 tiles fit the park's coordinates as they are. GCJ-02 tiles (AMap and most Chinese
// commercial maps) are drawn about 500 m off: for them the map uses a CRS that shifts every position into GCJ-02
// when it is drawn and back when it is read (a click, the view's bounds, a drawn parcel), so what is stored and
// sent to the server is never shifted. The way back has no closed form; it is iterated to well under a millimetre.

import { onLangChange, pick, t } from './i18n.js';
import { el, htmlText } from './dom.js';

const L = window.L;

// Krasovsky 1940, as GCJ-02 uses it
const A = 6378245.0;
const EE = 0.00669342162296594323;

function outOfChina(lat, lng) {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function dLat(x, y) {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function dLng(x, y) {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/** A WGS 84 (or CGCS2000) position in GCJ-02. */
export function toGcj02(lat, lng) {
  if (outOfChina(lat, lng)) return { lat, lng };
  const rad = (lat / 180) * Math.PI;
  let magic = Math.sin(rad);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  const la = (dLat(lng - 105, lat - 35) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const ln = (dLng(lng - 105, lat - 35) * 180) / ((A / sqrtMagic) * Math.cos(rad) * Math.PI);
  return { lat: lat + la, lng: lng + ln };
}

/** A GCJ-02 position back in WGS 84: the shift is smooth and small, so a fixed-point iteration converges fast. */
export function fromGcj02(lat, lng) {
  let w = { lat, lng };
  for (let i = 0; i < 30; i += 1) {
    const g = toGcj02(w.lat, w.lng);
    const eLat = g.lat - lat;
    const eLng = g.lng - lng;
    w = { lat: w.lat - eLat, lng: w.lng - eLng };
    if (Math.abs(eLat) < 1e-10 && Math.abs(eLng) < 1e-10) break; // ≈ 0.01 mm
  }
  return w;
}

/** Web Mercator whose positions are GCJ-02 on the screen and WGS 84 everywhere else. */
const GCJ02_CRS = L.extend({}, L.CRS.EPSG3857, {
  code: 'EPSG:3857+GCJ02',
  projection: {
    bounds: L.Projection.SphericalMercator.bounds,
    project(latlng) {
      const g = toGcj02(latlng.lat, latlng.lng);
      return L.Projection.SphericalMercator.project(L.latLng(g.lat, g.lng));
    },
    unproject(point) {
      const g = L.Projection.SphericalMercator.unproject(point);
      const w = fromGcj02(g.lat, g.lng);
      return L.latLng(w.lat, w.lng);
    },
  },
});

/** The map CRS for a basemap's datum. */
export function crsFor(datum) {
  return datum === 'gcj02' ? GCJ02_CRS : L.CRS.EPSG3857;
}

/** The basemap to show first, from the address (?basemap=) if it names one, else the server's choice. */
export function initialBasemap(config) {
  const asked = new URLSearchParams(window.location.search).get('basemap');
  const all = config.basemaps || [];
  if (asked === 'none' || all.some((b) => b.id === asked)) return asked;
  return config.basemap || 'none';
}

/**
 * The basemap switcher in the side panel (hidden when none is configured) and the tiles it draws. Switching to a
 * basemap of another datum moves the map to its CRS, keeping the same place in view.
 */
export class Basemaps {
  constructor(map, config, chosen) {
    this.map = map;
    this.all = config.basemaps || [];
    this.layers = [];
    this.current = 'none';
    this.select = document.getElementById('pa-basemap-select');
    const section = document.getElementById('pa-basemap-section');
    if (section) section.hidden = this.all.length === 0;
    if (this.select) this.select.addEventListener('change', () => this.show(this.select.value));
    this.relabel();
    onLangChange(() => this.relabel());
    this.show(chosen);
  }

  relabel() {
    if (!this.select) return;
    const heading = document.getElementById('pa-basemap-heading');
    if (heading) heading.textContent = t('basemap');
    this.select.replaceChildren(el('option', null, t('basemapNone')), ...this.all.map((b) => el('option', null, pick(b.title, b.id))));
    this.select.options[0].value = 'none';
    this.all.forEach((b, i) => { this.select.options[i + 1].value = b.id; });
    this.select.value = this.current;
  }

  show(id) {
    const basemap = this.all.find((b) => b.id === id) || null;
    this.layers.forEach((l) => l.remove());
    this.layers = [];
    const crs = crsFor(basemap ? basemap.datum : 'wgs84');
    if (this.map.options.crs !== crs) {
      const center = this.map.getCenter();
      const zoom = this.map.getZoom();
      this.map.options.crs = crs;
      this.map._resetView(center, zoom, true); // every layer projects itself again, now through the new CRS
    }
    this.current = basemap ? basemap.id : 'none';
    document.body.dataset.datum = basemap ? basemap.datum : 'wgs84';
    if (basemap) {
      const options = {
        subdomains: basemap.subdomains || 'abc',
        maxZoom: 20,
        maxNativeZoom: basemap.maxZoom || 18,
        className: 'pa-basemap',
        // Leaflet writes the attribution as HTML; the configured text goes in as text.
        attribution: htmlText(basemap.attribution || ''),
      };
      this.layers.push(L.tileLayer(basemap.url, options).addTo(this.map));
      if (basemap.labels) this.layers.push(L.tileLayer(basemap.labels, { ...options, attribution: '' }).addTo(this.map));
    }
    if (this.select) this.select.value = this.current;
  }
}

