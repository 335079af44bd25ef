// The finder (找地 / Find land): an investor's search over the park's parcels, as a mode of the map page.
//
// The criteria live in the address (criteria.js), so a link restores the search, its order and the parcel picked.
// Each change asks GET /api/finder (the server turns the criteria into one CQL2 filter); the matches are outlined
// on the map and listed beside it, and the two stay in step.

import { getJson } from '../config.js';
import { t, pick, getLang } from '../i18n.js';
import { token } from '../styles.js';
import { describeError } from '../status.js';
import { criteriaFromUrl, writeUrl, apiQuery } from './criteria.js';
import { FinderForm } from './form.js';
import { FinderResults } from './results.js';

const L = window.L;
const $ = (id) => document.getElementById(id);
const DEBOUNCE_MS = 250;

async function places(collection) {
  const page = await getJson(`/ogcapi/collections/${collection}/items?limit=100`);
  return (page.features || []).map((f) => ({
    code: f.properties.code,
    name: { zh: f.properties.name, en: f.properties.name_en || f.properties.name },
  })).filter((p) => p.code);
}

export class FinderView {
  /**
   * @param onOpen       called when the finder opens (other modes that colour the parcels step aside)
   * @param coveredRight () → px of the map's right edge under the side panel
   */
  constructor(map, manager, catalog, { onOpen, coveredRight } = {}) {
    this.map = map;
    this.manager = manager;
    this.catalog = catalog;
    this.onOpen = onOpen || (() => {});
    this.coveredRight = coveredRight || (() => 0);
    this.parcels = catalog.collections.find((c) => c.id === 'parcels');
    const fromUrl = criteriaFromUrl();
    this.criteria = fromUrl.criteria;
    this.selected = fromUrl.selected;
    this.on = false;
    this.answer = null;
    this.searches = 0;
    this.pending = Promise.resolve();

    this.toggle = $('finder-toggle');
    this.section = $('pa-finder');
    this.toggle.addEventListener('click', () => this.show(!this.on));
    $('pa-finder-close').addEventListener('click', () => this.show(false));

    const pane = map.createPane('pa-pane-finder');
    const parcelsPane = map.getPane(manager.layers.parcels.options.pane);
    pane.style.zIndex = String(Number(parcelsPane && parcelsPane.style.zIndex || 400) + 1);
    pane.style.pointerEvents = 'none';
    this.outline = L.geoJSON(null, {
      pane: 'pa-pane-finder',
      interactive: false,
      style: () => ({ color: token('--pa-map-finder-line'), weight: 3, fill: false, opacity: 1 }),
    });

    // Events of one parcel reach its layer group with the parcel as propagatedFrom.
    const parcelOf = (e) => {
      const layer = e.propagatedFrom || e.layer;
      return layer && layer.feature ? String(layer.feature.id) : null;
    };
    manager.layers.parcels.on('mouseover', (e) => this.results && this.results.hover(parcelOf(e), true));
    manager.layers.parcels.on('mouseout', (e) => this.results && this.results.hover(parcelOf(e), false));
    manager.layers.parcels.on('popupopen', (e) => {
      if (this.on && parcelOf(e) && this.results && this.results.rows.has(parcelOf(e))) this._select(parcelOf(e), false);
    });

    this.relabel();
    if (fromUrl.open) this.show(true);
  }

  /** Opens or closes the finder; without an argument only reports whether it is open. */
  show(on) {
    if (on === undefined) return this.on;
    const next = Boolean(on);
    if (next === this.on) return this.on;
    this.on = next;
    this.section.hidden = !next;
    document.body.classList.toggle('pa-view-find', next);
    this.toggle.setAttribute('aria-pressed', String(next));
    if (next) {
      this.onOpen();
      this.outline.addTo(this.map);
      this.pending = this._start();
    } else {
      this.map.removeLayer(this.outline);
      writeUrl(false, {}, null);
    }
    return this.on;
  }

  async _start() {
    if (!this.form) {
      const [industrialParks, zones] = await Promise.all([places('industrial-parks'), places('zones')])
        .catch(() => [[], []]);
      this.places = { industrialParks, zones };
      const items = ((this.catalog.vocabulary || {}).readinessItems || []).map((i) => i.id);
      this.form = new FinderForm($('pa-finder-form'), this.parcels, this.places, items, (criteria) => this._changed(criteria));
      this.results = new FinderResults($('pa-finder-summary'), $('pa-finder-list'), this.parcels, {
        onHover: (id, hovering) => this.manager.hover('parcels', id, hovering),
        onOpen: (id) => this._select(id, true),
        sheetUrl: (p) => `/parcels/${encodeURIComponent(p.code || p.id)}?lang=${getLang()}`,
        tierLabel: (n) => this._tierLabel(n),
        placeName: (kind, code) => {
          const hit = code && this.places[kind].find((p) => p.code === code);
          return hit ? pick(hit.name, code) : code || '';
        },
      });
      this.form.show(this.criteria);
    }
    await this._search();
  }

  _changed(criteria) {
    this.criteria = criteria;
    this.selected = null;
    writeUrl(true, this.criteria, this.selected);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pending = this._search();
    }, DEBOUNCE_MS);
  }

  /** Resolves once no change is waiting for its search and the last search has been shown (for tests, scripts). */
  async idle() {
    for (;;) {
      const pending = this.pending;
      await pending;
      if (!this.timer && pending === this.pending) return this.answer;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async _search() {
    writeUrl(true, this.criteria, this.selected);
    const n = ++this.searches;
    this.results.render(null);
    let answer;
    try {
      answer = await getJson(`/api/finder?${apiQuery(this.criteria)}`);
    } catch (err) {
      if (n === this.searches) this.results.render(null, describeError(err));
      return;
    }
    if (n !== this.searches) return; // a later search has been asked for
    this.answer = answer;
    await this.manager.load('parcels').catch(() => {});
    this.outline.clearLayers();
    for (const p of answer.parcels) {
      const layer = this.manager.featureLayer('parcels', p.id);
      if (layer && layer.feature) this.outline.addData(layer.feature);
    }
    this.results.render(answer, null, this.selected);
    if (this.selected) this._select(this.selected, true);
    else this._frame();
  }

  /** Pans and zooms to the matches, clear of the finder's card. */
  _frame() {
    const bounds = this.outline.getBounds();
    if (!bounds.isValid()) return;
    const narrow = window.matchMedia('(max-width: 720px)').matches;
    const left = narrow ? 0 : this.section.getBoundingClientRect().width + 24;
    const top = narrow ? this.section.getBoundingClientRect().height + 16 : 16;
    this.map.fitBounds(bounds, { paddingTopLeft: [left + 16, top], paddingBottomRight: [this.coveredRight() + 16, 16],
      maxZoom: 17, animate: false });
  }


  _select(id, frame) {
    this.selected = id;
    writeUrl(true, this.criteria, id);
    if (this.results) this.results.select(id);
    if (frame) {
      const width = this.section.hidden ? 0 : this.section.getBoundingClientRect().width + 12;
      this.manager.open('parcels', id, { left: window.matchMedia('(max-width: 720px)').matches ? 0 : width });
    }
  }

  _tierLabel(n) {
    const tiers = (this.catalog.vocabulary || {}).readinessTiers || [];
    const hit = tiers.find((x) => String(x.id) === String(n));
    return hit ? pick(hit.label, String(n)) : String(n);
  }

  relabel() {
    $('finder-toggle-text').textContent = t('finderButton');
    this.toggle.title = t('finderTitle');
    $('pa-finder-heading').textContent = t('finderTitle');
    $('pa-finder-close').setAttribute('aria-label', t('finderClose'));
    $('pa-finder-close').title = t('finderClose');
    if (this.form) {
      this.form.render(this.criteria);
      this.results.render(this.answer, null, this.selected);
    }
  }
}
