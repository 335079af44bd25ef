// The readiness view (七通一平 / 九通一平): "is this land ready, and if not, when?"
//
// The server gives, per parcel and item, the date from which the item is met
// (GET /api/readiness/parcels). Everything that depends only on the date — parcel colours, the
// data-met attributes, the legend counts — is computed here in the browser, so moving the
// slider recolours instantly without a request. The checklist (popup) and the summary (panel)
// ask the server for the settled date, because they carry reasons, paths and areas.

import { getJson } from './config.js';
import { pick, t } from './i18n.js';
import { normaliseDate, today, stepOf, dateOfStep } from './asof.js';
import { readinessStyle } from './styles.js';
import { showError, clearError, describeError } from './status.js';
import { Timebar } from './timebar.js';
import { Checklist } from './checklist.js';
import { SummaryPanel } from './summary.js';

const $ = (id) => document.getElementById(id);
const DATES_URL = '/api/readiness/parcels';
const VIEW_PARAM = 'view';
const VIEW_VALUE = 'readiness';
const ASOF_PARAM = 'asof';

/** Keeps the address bar in step with the view, so a link or a reload shows the same thing. */
function setUrlParams(params) {
  const url = new URL(window.location.href);
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined) url.searchParams.delete(k);
    else url.searchParams.set(k, v);
  }
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
}

/** Accepts ?asof=2027-06-30 or ?asof=2027-06 (the end of that month, as the slider means it). */
function dateFromUrl(value) {
  if (!value) return null;
  if (/^\d{4}-\d{2}$/.test(value)) {
    const iso = normaliseDate(`${value}-01`);
    return iso ? dateOfStep(stepOf(iso)) : null;
  }
  return normaliseDate(value);
}

export class ReadinessView {
  /**
   * @param onLegend     called when the legend must be redrawn (colours or counts changed)
   * @param coveredRight () → px of the map's right edge under the side panel
   */
  constructor(map, manager, catalog, { onLegend, coveredRight }) {
    this.map = map;
    this.manager = manager;
    this.catalog = catalog;
    this.onLegend = onLegend || (() => {});
    this.coveredRight = coveredRight || (() => 0);
    this.on = false;
    this.data = null; // {standard, items, labels, parcels}
    this.loadError = null;
    this.met = new Map(); // parcel id → items met as of this.asOf

    const q = new URLSearchParams(window.location.search);
    const fromUrl = dateFromUrl(q.get(ASOF_PARAM));
    this.asOf = fromUrl || today();
    // Only a date someone picked goes into the address: a bare ?view=readiness keeps meaning "today".
    this.dateChosen = Boolean(fromUrl);

    this.toggle = $('readiness-toggle');
    this.toggleText = $('readiness-toggle-text');
    this.bar = $('pa-timebar');
    this.summarySection = $('pa-readiness-summary');

    this.timebar = new Timebar(this.bar, {
      onInput: (iso) => this._setDate(iso),
      onCommit: (iso) => this._commit(iso),
    });
    this.timebar.show(this.asOf);
    this.checklist = new Checklist(map, {
      getAsOf: () => this.asOf,
      labels: () => (this.data && this.data.labels) || {},
      covered: () => ({ right: this.coveredRight(), bottom: this.coveredBottom() }),
    });
    const title = (id) => {
      const c = catalog.collections.find((x) => x.id === id);
      return c ? pick(c.title, id) : id;
    };
    this.summary = new SummaryPanel(this.summarySection, {
      titles: () => ({ zones: title('zones'), industrialParks: title('industrial-parks') }),
    });

    manager.decorate('parcels', this._decorator());
    this.toggle.addEventListener('click', () => this.show(!this.on));

    this.loading = null;
    // Every parcel's dates: fetched at once on a park drawn as GeoJSON (a few kilobytes), but on one drawn from
    // tiles (tens of thousands of parcels, hundreds of kilobytes) only when the view is first switched on.
    // Fetched once the first view's layers are in (prefetch(), from app.js), so that it does not hold up their
    // requests on a slow link — or at once, when the view is asked for in the address.
    const parcels = manager.entries.get('parcels');
    let begin;
    const started = new Promise((resolve) => {
      begin = resolve;
    });
    this.prefetch = () => begin();
    this.ready = parcels && parcels.tiled ? Promise.resolve() : started.then(() => (this.data ? undefined : this._load()));
    // Nobody may be awaiting it; a failure is reported on screen when the view is used.
    this.ready.catch(() => {});

    if (q.get(VIEW_PARAM) === VIEW_VALUE) {
      this.prefetch();
      this.show(true);
    }
    this.relabel();
  }

  _load() {
    if (!this.loading) {
      this.loading = this._fetchDates().finally(() => {
        this.loading = null;
      });
    }
    return this.loading;
  }

  async _fetchDates() {
    try {
      const data = await getJson(DATES_URL);
      if (!data || !Array.isArray(data.items) || !data.parcels || typeof data.parcels !== 'object') {
        throw new Error('invalid readiness data');
      }
      this.data = data;
      this.loadError = null;
      this.met.clear();
      clearError('readiness');
    } catch (err) {
      console.error('ParkAtlas: readiness data failed', err);
      this.loadError = err;
      if (this.on) this._reportError();
      throw err;
    }
    this._setDate(this.asOf, true);
    // Resolve once the parcels are drawn too, so data-met is on every path when a caller continues.
    await this.manager.load('parcels').catch(() => {});
    this._setDate(this.asOf, true);
  }

  _reportError() {
    showError('readiness', 'errorReadiness', { detail: () => describeError(this.loadError) });
  }

  _decorator() {
    return {
      style: (feature, base) => {
        if (!this.on || !this.data) return base;
        return readinessStyle(this._metOf(feature), this.data.items.length);
      },
      element: (layer) => {
        const path = layer.getElement();
        const met = this.on && this.data ? this._metOf(layer.feature) : null;
        if (met === null) {
          path.removeAttribute('data-met');
          path.removeAttribute('data-total');
        } else {
          path.setAttribute('data-met', String(met));
          path.setAttribute('data-total', String(this.data.items.length));
        }
      },
      tooltip: (feature, text) => {
        const met = this.on && this.data ? this._metOf(feature) : null;
        return met === null ? text : `${text} · ${t('metCount', { met, total: this.data.items.length })}`;
      },
      popup: (root, feature, layer) => {
        if (this.on) this.checklist.decorate(root, feature, layer);
      },
    };
  }

  _metOf(feature) {
    return feature && feature.id != null ? this.metOf(feature.id) : null;
  }

  /** Items met by a parcel as of the current date, or null if the server knows nothing of it. */
  metOf(parcelId) {
    const id = String(parcelId);
    return this.met.has(id) ? this.met.get(id) : null;
  }

  /**
   * Recounts every parcel's items met as of `iso` (ISO dates compare as strings) and returns
   * the ids whose count changed.
   */
  _count(iso) {
    const changed = new Set();
    if (!this.data) return changed;
    const items = this.data.items;
    for (const [id, dates] of Object.entries(this.data.parcels)) {
      let n = 0;
      for (const item of items) {
        const d = dates ? dates[item] : null;
        if (d && d <= iso) n += 1;
      }
      if (this.met.get(id) !== n) changed.add(id);
      this.met.set(id, n);
    }
    return changed;
  }

  /**
   * The cheap part of a date change: recount and recolour (every slider movement). Only parcels
   * whose count changed are restyled, so dragging stays smooth on a large park; `full` restyles
   * all (the view was just switched on, or the data just arrived).
   */
  _setDate(iso, full = false) {
    this.asOf = iso;
    const changed = this._count(iso);
    if (this.on) {
      this.manager.restyle('parcels', full ? null : changed);
      this.onLegend();
    }
  }

  /** The settled part: address bar, summary and an open checklist follow the new date. */
  _commit(iso) {
    this.dateChosen = true;
    if (!this.on) return;
    setUrlParams({ [ASOF_PARAM]: iso });
    this.summary.request(iso);
    const open = this.manager.selectedFeature();
    if (open && open.id === 'parcels') this.manager.refreshPopup();
  }

  setAsOf(value) {
    const iso = normaliseDate(value);
    if (!iso) throw new RangeError(`not a date (YYYY-MM-DD): ${value}`);
    this.timebar.stop();
    this.timebar.show(iso);
    this._setDate(iso);
    this._commit(iso);
    return iso;
  }

  /** Turns the view on or off; without an argument only reports whether it is on. */
  show(on) {
    if (on === undefined) return this.on;
    const next = Boolean(on);
    if (next === this.on) return this.on;
    this.on = next;
    const park = this._parkBounds();
    const parkInView = Boolean(park && this.map.getBounds().contains(park));
    document.body.classList.toggle('pa-view-readiness', next);
    this.bar.hidden = !next;
    if (next && parkInView) this._keepClearOfBar(park);
    this.summarySection.hidden = !next;
    if (!next) {
      this.timebar.stop();
      this.checklist.clearTrace();
      clearError('readiness');
    } else if (this.loadError) {
      // Asking for the view again is the natural retry after a failure.
      this._reportError();
      this._load().catch(() => {});
    } else if (!this.data) {
      this.prefetch();
      this._load().then(() => this.on && this.summary.request(this.asOf, { now: true }), () => {});
    }
    setUrlParams({ [VIEW_PARAM]: next ? VIEW_VALUE : null, [ASOF_PARAM]: next && this.dateChosen ? this.asOf : null });
    this._setDate(this.asOf, true);
    if (!next) this.manager.restyle('parcels');
    if (next) this.summary.request(this.asOf, { now: true });
    // The open parcel popup gains or loses its checklist.
    this.manager.refreshPopup();
    this._renderToggle();
    this.onLegend();
    return this.on;
  }

  /** What the legend needs to explain the colours, or null when the view is off. */
  legendState() {
    if (!this.on || !this.data) return null;
    const total = this.data.items.length;
    const counts = new Array(total + 1).fill(0);
    let noData = 0;
    this.manager.layers.parcels.eachLayer((layer) => {
      const met = this._metOf(layer.feature);
      if (met === null) noData += 1;
      else counts[met] += 1;
    });
    return { standard: this.data.standard || 'seven', total, counts, noData, asOf: this.asOf };
  }

  _parkBounds() {
    const boundary = this.manager.layers['park-boundary'];
    const b = boundary && boundary.getLayers().length ? boundary.getBounds() : null;
    return b && b.isValid() ? b : null;
  }

  /**
   * The whole park was in view: the bar now covers its southern parcels, so the park moves up above the bar (or
   * is framed again in what the bar leaves free, when moving it up would push its north edge out).
   */
  _keepClearOfBar(park) {
    const covered = this.coveredBottom();
    if (!covered) return;
    const size = this.map.getSize();
    const south = this.map.latLngToContainerPoint(park.getSouthWest()).y;
    const north = this.map.latLngToContainerPoint(park.getNorthEast()).y;
    const overlap = south - (size.y - covered - 8);
    if (overlap <= 0) return;
    if (north - overlap >= 8) {
      this.map.panBy([0, overlap], { animate: false });
    } else {
      this.map.fitBounds(park, { paddingTopLeft: [16, 16], paddingBottomRight: [this.coveredRight() + 16, covered + 12], animate: false });
    }
  }

  /** Px of the map's bottom hidden by the time bar (0 when it floats at the top, as on phones). */
  coveredBottom() {
    if (!this.on || this.bar.hidden) return 0;
    const map = this.map.getContainer().getBoundingClientRect();
    const bar = this.bar.getBoundingClientRect();
    if (bar.top < map.top + map.height / 2) return 0;
    return Math.max(0, Math.round(map.bottom - bar.top));
  }

  _renderToggle() {
    this.toggle.setAttribute('aria-pressed', String(this.on));
    this.toggle.title = this.on ? t('readinessHide') : t('readinessShow');
  }

  relabel() {
    this.toggleText.textContent = t('readinessButton');
    this._renderToggle();
    this.timebar.relabel();
    this.summary.render();
  }
}
