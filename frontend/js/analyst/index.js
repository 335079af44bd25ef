// The analyst's panel (分析 / Analyse), a mode of the map page open to everyone: a filter built from pick-lists
// (status; within N metres of a facility, S_DWITHIN in EPSG:4546) and typed CQL2 text, checked live by the server
// (a wrong one shows the server's message and where); the matches as a table and outlined on the map; statistics
// grouped by an attribute (GET /api/stats); downloads of exactly what is shown (GET /api/export). Every value the
// server sends is set as text.

import { getJson } from '../config.js';
import { t, pick, getLang } from '../i18n.js';
import { el } from '../dom.js';
import { token } from '../styles.js';
import { ProblemError, request } from '../request.js';
import { drawBars } from './chart.js';
import { ConditionBuilder } from './conditions.js';
import { loadGeoman } from '../editing/geoman.js';

const L = window.L;
const $ = (id) => document.getElementById(id);
const DEBOUNCE_MS = 300;
const ROWS = 50;
const GROUPABLE = new Set(['zone', 'industrial_park', 'readiness_tier', 'ready', 'standard_land']);

const DRAWN = '__drawn';
const PICKED = '__picked';

/** A GeoJSON geometry (CRS84) as CQL2 WKT, seven decimals (a centimetre). */
function wkt(geometry) {
  const xy = (c) => `${Number(c[0]).toFixed(7)} ${Number(c[1]).toFixed(7)}`;
  const ring = (r) => `(${r.map(xy).join(', ')})`;
  const polygon = (p) => `(${p.map(ring).join(', ')})`;
  switch (geometry.type) {
    case 'Point': return `POINT(${xy(geometry.coordinates)})`;
    case 'LineString': return `LINESTRING${ring(geometry.coordinates)}`;
    case 'Polygon': return `POLYGON${polygon(geometry.coordinates)}`;
    case 'MultiPoint': return `MULTIPOINT(${geometry.coordinates.map((c) => `(${xy(c)})`).join(', ')})`;
    case 'MultiLineString': return `MULTILINESTRING(${geometry.coordinates.map(ring).join(', ')})`;
    case 'MultiPolygon': return `MULTIPOLYGON(${geometry.coordinates.map(polygon).join(', ')})`;
    default: return null;
  }
}

function quote(text) {
  return `'${String(text).replace(/'/g, "''")}'`;
}

function number(n, digits = 2) {
  return n == null ? '—' : Number(n).toLocaleString(getLang() === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: digits });
}

export class AnalystView {
  /** @param onOpen called when the panel opens (the finder, on the same edge of the map, steps aside) */
  /** @param signedIn () → Promise of whether someone is signed in (saved queries are each account's own) */
  constructor(map, catalog, { onOpen, signedIn, manager } = {}) {
    this.manager = manager;
    this.drawn = null; // the range drawn on the map (GeoJSON geometry, CRS84)
    this.picked = null; // the feature last clicked on the map: {collection, id, name, geometry}
    this.signedIn = signedIn || (() => Promise.resolve(false));
    this.saved = [];
    this.map = map;
    this.catalog = catalog;
    this.onOpen = onOpen || (() => {});
    this.on = false;
    this.facilities = [];
    this.sort = null; // {name, ascending}: the table's order, sent as sortby
    this.offset = 0; // the table's page
    this.pending = Promise.resolve();
    this.section = $('pa-analyst');
    this.toggle = $('analyst-toggle');
    this.toggle.addEventListener('click', () => this.show(!this.on));
    $('pa-analyst-close').addEventListener('click', () => this.show(false));
    const pane = map.createPane('pa-pane-analyst');
    pane.style.zIndex = '480';
    pane.style.pointerEvents = 'none';
    this.outline = L.geoJSON(null, {
      pane: 'pa-pane-analyst',
      interactive: false,
      style: () => ({ color: token('--pa-map-finder-line'), weight: 3, fill: false, opacity: 1 }),
      pointToLayer: (f, latlng) => L.circleMarker(latlng, { pane: 'pa-pane-analyst', radius: 7, color: token('--pa-map-finder-line'), weight: 3, fill: false }),
    });
    this.conditions = new ConditionBuilder($('analyst-conditions'), () => this._changed('analyst-conditions'),
      (name) => this._choices(name));
    $('analyst-add-condition').addEventListener('click', () => {
      const row = this.conditions.add();
      if (row) row.ready.then(() => this._changed('analyst-conditions'));
    });
    $('analyst-draw').addEventListener('click', () => { this.pending = this._draw(); });
    this.shape = L.geoJSON(null, {
      pane: 'pa-pane-analyst',
      interactive: false,
      style: () => ({ color: token('--pa-map-finder-line'), weight: 2, dashArray: '6 4', fillOpacity: 0.06 }),
    });
    map.on('popupopen', (e) => {
      const source = e.popup && e.popup._source;
      const feature = source && source.feature;
      if (!feature || !feature.geometry || !manager) return;
      const hit = manager.selectedFeature ? manager.selectedFeature() : null;
      const collection = hit ? hit.id : null;
      const p = feature.properties || {};
      this.picked = { collection, id: feature.id, name: p.name || p.code || String(feature.id), geometry: feature.geometry };
      if (this.on) this._fillTargets();
    });
    for (const id of ['analyst-layer', 'analyst-status-pick', 'analyst-near', 'analyst-group', 'analyst-group2', 'analyst-measure', 'analyst-relation']) {
      $(id).addEventListener('change', () => this._changed(id));
    }
    $('analyst-metres').addEventListener('input', () => this._changed('analyst-metres'));
    $('analyst-filter').addEventListener('input', () => this._changed('analyst-filter'));
    $('analyst-save').addEventListener('click', () => { this.pending = this._save(); });
    $('analyst-saved').addEventListener('change', () => this._load($('analyst-saved').value));
    this.relabel();
  }

  show(on) {
    if (on === undefined) return this.on;
    const next = Boolean(on);
    if (next === this.on) return this.on;
    this.on = next;
    this.section.hidden = !next;
    this.toggle.setAttribute('aria-pressed', String(next));
    document.body.classList.toggle('pa-view-analyse', next);
    if (next) {
      this.onOpen();
      this.outline.addTo(this.map);
      this.shape.addTo(this.map);
      this.pending = this._start();
    } else {
      this.map.removeLayer(this.outline);
      this.map.removeLayer(this.shape);
    }
    return this.on;
  }

  /** Resolves once the last change has been answered (for tests and scripts). */
  settled() {
    return new Promise((resolve) => {
      const wait = () => (this.timer ? setTimeout(wait, 50) : this.pending.then(resolve, resolve));
      wait();
    });
  }

  async _start() {
    if (!this.facilities.length) {
      const page = await getJson('/ogcapi/collections/facilities/items?limit=100').catch(() => ({ features: [] }));
      this.facilities = (page.features || []).map((f) => ({ id: f.id, name: { zh: f.properties.name, en: f.properties.name_en || f.properties.name }, coordinates: f.geometry.coordinates }));
      this._fillLayers();
      this._fillPicks();
      this._resetConditions();
      if (await this.signedIn()) {
        $('analyst-saved-box').hidden = false;
        await this._refreshSaved();
      }
    }
    await this._run();
  }

  async _refreshSaved() {
    const answer = await request('GET', '/api/queries').catch(() => ({ body: [] }));
    this.saved = Array.isArray(answer.body) ? answer.body : [];
    $('analyst-saved').replaceChildren(this._option('', t('analystSavedPick')), ...this.saved.map((q) => this._option(q.id, q.name)));
  }

  /** Keeps the question as it is now (the layer and the whole filter, picks included) under the name typed. */
  async _save() {
    const name = $('analyst-save-name').value.trim();
    if (!name) {
      $('analyst-save-name').focus();
      return;
    }
    try {
      await request('POST', '/api/queries', { body: { name, collection: this.collection().id, filter: this.filter() || null } });
      $('analyst-save-name').value = '';
      await this._refreshSaved();
      $('analyst-summary').textContent = t('analystSaved', { name });
    } catch (err) {
      this._error(err, this.filter());
    }
  }

  /** Asks a saved question again: its layer, and its filter as the condition (the picks cleared). */
  _load(id) {
    const q = this.saved.find((s) => s.id === id);
    if (!q) return;
    $('analyst-layer').value = q.collection;
    this._fillPicks();
    this._resetConditions();
    $('analyst-status-pick').value = '';
    $('analyst-near').value = '';
    $('analyst-filter').value = q.filter || '';
    this.offset = 0;
    this.sort = null;
    this.pending = this._run();
  }

  collection() {
    return this.catalog.collections.find((c) => c.id === $('analyst-layer').value) || this.catalog.collections[0];
  }

  /** The whole filter: the picks and the typed text, each in parentheses, joined by AND. */
  filter() {
    const parts = [];
    const status = $('analyst-status-pick').value;
    if (status) parts.push(`status = ${quote(status)}`);
    const target = this._targetWkt();
    const relation = $('analyst-relation').value;
    const metres = Number($('analyst-metres').value);
    if (target && relation === 'dwithin' && Number.isFinite(metres)) parts.push(`S_DWITHIN(geometry, ${target}, ${metres})`);
    else if (target && relation === 'intersects') parts.push(`S_INTERSECTS(geometry, ${target})`);
    else if (target && relation === 'within') parts.push(`S_WITHIN(geometry, ${target})`);
    const built = this.conditions.cql();
    if (built) parts.push(built);
    const typed = $('analyst-filter').value.trim();
    if (typed) parts.push(parts.length ? `(${typed})` : typed);
    return parts.join(' AND ');
  }

  /** The reference of the spatial condition as CQL2 WKT: a facility, the drawn range or the clicked feature. */
  _targetWkt() {
    const value = $('analyst-near').value;
    if (value === DRAWN) return this.drawn ? wkt(this.drawn) : null;
    if (value === PICKED) return this.picked ? wkt(this.picked.geometry) : null;
    const near = this.facilities.find((f) => f.id === value);
    return near ? `POINT(${near.coordinates[0]} ${near.coordinates[1]})` : null;
  }

  /** The reference pick-list: the facilities, then the drawn range and the clicked feature when there are ones. */
  _fillTargets() {
    const select = $('analyst-near');
    const before = select.value;
    const options = [this._option('', t('analystNoDistance')), ...this.facilities.map((f) => this._option(f.id, pick(f.name, f.id)))];
    if (this.drawn) options.push(this._option(DRAWN, t('analystDrawn')));
    if (this.picked) options.push(this._option(PICKED, t('analystPicked', { name: this.picked.name })));
    select.replaceChildren(...options);
    select.value = [...select.options].some((o) => o.value === before) ? before : '';
    const relation = $('analyst-relation');
    const chosen = relation.value || 'dwithin';
    relation.replaceChildren(...['dwithin', 'intersects', 'within'].map((r) => this._option(r, t(`analystRelation_${r}`))));
    relation.value = chosen;
    const metres = chosen === 'dwithin';
    $('analyst-metres').hidden = !metres;
    $('analyst-metres-unit').hidden = !metres;
  }

  /** Draws a range on the map (Leaflet-Geoman, loaded on first use); the spatial condition then refers to it. */
  async _draw() {
    const button = $('analyst-draw');
    button.disabled = true;
    try {
      const PM = await loadGeoman();
      if (!this.map.pm) PM.reInitLayer(this.map);
      this.map.pm.setLang(getLang() === 'en' ? 'en' : 'zh');
      const created = new Promise((resolve) => this.map.once('pm:create', (e) => resolve(e.layer)));
      this.map.pm.enableDraw('Polygon', { snappable: false, continueDrawing: false });
      const layer = await created;
      this.drawn = layer.toGeoJSON().geometry;
      layer.remove();
      this.shape.clearLayers().addData(this.drawn);
      this._fillTargets();
      $('analyst-near').value = DRAWN;
      if ($('analyst-relation').value === 'dwithin' && !$('analyst-metres').value) $('analyst-metres').value = '0';
      this._changed('analyst-near');
    } catch (err) {
      console.error('ParkAtlas: drawing a range failed', err);
    } finally {
      button.disabled = false;
    }
  }

  /** Pick-lists for attributes coded by another layer: a parcel's zone and industrial park, by name. */
  _choices(name) {
    const source = { zone: 'zones', industrial_park: 'industrial-parks' }[name];
    if (!source || !this.manager) return null;
    return this.manager.load(source).then((entry) => entry.geojson.getLayers().map((l) => l.feature.properties)
      .map((p) => ({ value: p.code, label: (getLang() === 'en' && p.name_en) || p.name || p.code }))
      .sort((a, b) => String(a.value).localeCompare(String(b.value))), () => []);
  }

  /** The second grouping: any other groupable attribute, once there is a first. */
  _fillSecondGroup() {
    const first = $('analyst-group').value;
    const select = $('analyst-group2');
    const before = select.value;
    const others = (this.groupable || []).filter((a) => a.name !== first);
    select.replaceChildren(this._option('', t('analystNoGroup')), ...others.map((a) => this._option(a.name, pick(a.label, a.name))));
    select.value = others.some((a) => a.name === before) ? before : '';
    select.disabled = !first;
  }

  /** The builder offers the chosen layer's attributes, with no conditions yet. */
  _resetConditions() {
    const collection = this.collection();
    this.conditions.setAttributes([...(collection.attributes || []), ...(collection.derivedAttributes || [])]);
  }

  _changed(id) {
    if (id === 'analyst-layer') {
      this._fillPicks();
      this._resetConditions();
      this.sort = null;
    }
    if (id === 'analyst-relation') this._fillTargets();
    if (id === 'analyst-group') this._fillSecondGroup();
    if (id !== 'analyst-group' && id !== 'analyst-group2') this.offset = 0; // a new question starts at its first page
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pending = this._run();
    }, id === 'analyst-filter' || id === 'analyst-metres' ? DEBOUNCE_MS : 0);
  }

  async _run() {
    const collection = this.collection();
    const filter = this.filter();
    const query = filter ? `&filter=${encodeURIComponent(filter)}` : '';
    const lang = getLang() === 'en' ? 'en' : 'zh-CN';
    $('analyst-csv').href = `/api/export/${collection.id}.csv?lang=${lang}${query}`;
    $('analyst-geojson').href = `/api/export/${collection.id}.geojson?lang=${lang}${query}`;
    $('analyst-gpkg').href = `/api/export/${collection.id}.gpkg?lang=${lang}${query}`;
    $('analyst-shp').href = `/api/export/${collection.id}.shp.zip?lang=${lang}${query}`;
    $('analyst-shp-gbk').href = `/api/export/${collection.id}.shp.zip?encoding=gbk&lang=${lang}${query}`;
    $('analyst-fgb').href = `/api/export/${collection.id}.fgb?lang=${lang}${query}`;
    $('analyst-dxf').href = `/api/export/${collection.id}.dxf?lang=${lang}${query}`;
    const group = $('analyst-group').value;
    const measure = $('analyst-measure').value;
    const then = group ? $('analyst-group2').value : '';
    const groups = [group, then].filter(Boolean).join(',');
    const statsQuery = `/api/stats/${collection.id}?lang=${lang}${groups ? `&group_by=${encodeURIComponent(groups)}` : ''}${measure ? `&sum=${encodeURIComponent(measure)}` : ''}${query}`;
    $('analyst-stats-csv').href = `${statsQuery}&f=csv`;
    const run = (this.runs = (this.runs || 0) + 1);
    try {
      const [page, stats] = await Promise.all([
        getJson(`/ogcapi/collections/${collection.id}/items?limit=${ROWS}&offset=${this.offset}${this.sort
          ? `&sortby=${this.sort.ascending ? '' : '-'}${encodeURIComponent(this.sort.name)}` : ''}${query}`, 'application/geo+json'),
        getJson(statsQuery),
      ]);
      if (run !== this.runs) return; // a later change answered meanwhile
      $('analyst-error').hidden = true;
      this._summary(page, stats, collection, filter);
      this._table(page, collection);
      this._stats(stats, collection);
      this.outline.clearLayers();
      this.outline.addData(page);
      this._frame(filter);
    } catch (err) {
      if (run !== this.runs) return;
      this._error(err, filter);
    }
  }

  /** A new question's answer is brought into view beside the panel (the whole park needs no framing). */
  _frame(filter) {
    if (!filter || filter === this.framed) return;
    this.framed = filter;
    const bounds = this.outline.getBounds();
    if (!bounds.isValid()) return;
    const left = this.section.getBoundingClientRect().right - this.map.getContainer().getBoundingClientRect().left;
    this.map.fitBounds(bounds, { paddingTopLeft: [Math.max(16, left + 16), 16], paddingBottomRight: [16, 16], maxZoom: 17, animate: false });
  }

  _summary(page, stats, collection, filter) {
    const mu = stats.total && stats.total.area_mu;
    $('analyst-summary').textContent = `${t('analystMatched', { n: number(page.numberMatched, 0) })}${collection.attributes.some((a) => a.name === 'area_mu') ? ` · ${number(mu)} ${t('analystMu')}` : ''}`;
    $('analyst-summary').title = filter;
  }

  /** The server's own words on a filter it could not read, with a caret under where it stopped. */
  _error(err, filter) {
    const problem = err instanceof ProblemError ? err.problem : err && err.problem;
    const detail = (problem && problem.detail) || (err && err.message) || String(err);
    const typed = $('analyst-filter').value.trim();
    const offset = filter.length - typed.length - (filter.endsWith(')') && filter !== typed ? 1 : 0);
    let text = detail;
    if (problem && Number.isInteger(problem.position) && typed) {
      const at = problem.position - (filter === typed ? 0 : offset);
      if (at >= 0 && at <= typed.length) text = `${detail}\n${typed}\n${' '.repeat(at)}^`;
    }
    $('analyst-error').textContent = text;
    $('analyst-error').hidden = false;
    $('analyst-summary').textContent = t('analystInvalid');
    $('analyst-table').replaceChildren();
    $('analyst-pager').replaceChildren();
    $('analyst-stats').replaceChildren();
    this.outline.clearLayers();
  }

  _columns(collection) {
    const names = ['code', 'name', 'status', 'kind', 'utility', 'area_mu', 'land_use', 'zone', 'industrial_park', 'ready_date'];
    const all = [...(collection.attributes || []), ...(collection.derivedAttributes || [])];
    return names.map((n) => all.find((a) => a.name === n)).filter(Boolean).slice(0, 6);
  }

  _table(page, collection) {
    const columns = this._columns(collection);
    const table = el('table');
    const head = el('tr');
    head.append(el('th', null, 'id'), ...columns.map((c) => this._header(c)));
    const thead = el('thead');
    thead.append(head);
    const body = el('tbody');
    for (const f of page.features || []) {
      const tr = el('tr');
      tr.dataset.id = f.id;
      tr.append(el('td', null, String(f.id)));
      for (const c of columns) {
        const v = (f.properties || {})[c.name];
        const label = Array.isArray(c.values) ? c.values.find((x) => String(x.value) === String(v)) : null;
        const td = el('td', typeof v === 'number' ? 'pa-num' : null, v == null ? '—' : label ? pick(label.label, String(v)) : typeof v === 'number' ? number(v) : String(v));
        tr.append(td);
      }
      body.append(tr);
    }
    table.append(thead, body);
    $('analyst-table').replaceChildren(table);
    $('analyst-pager').replaceChildren(...this._pager(page).childNodes);
  }

  /** A column's header: a button that orders the table by it, ascending then descending. */
  _header(column) {
    const th = el('th');
    const button = el('button', 'pa-analyst-sort', pick(column.label, column.name));
    button.type = 'button';
    const sorted = this.sort && this.sort.name === column.name;
    th.setAttribute('aria-sort', sorted ? (this.sort.ascending ? 'ascending' : 'descending') : 'none');
    if (sorted) button.append(el('span', null, this.sort.ascending ? ' ▲' : ' ▼'));
    button.addEventListener('click', () => {
      this.sort = { name: column.name, ascending: !(sorted && this.sort.ascending) };
      this.offset = 0;
      this.pending = this._run();
    });
    th.append(button);
    return th;
  }

  /** "1–50 of 204" with the previous and next pages. */
  _pager(page) {
    const p = el('div', 'pa-analyst-pager');
    const total = page.numberMatched || 0;
    const first = total ? this.offset + 1 : 0;
    const last = Math.min(total, this.offset + (page.numberReturned || 0));
    const previous = el('button', 'pa-button pa-button-light', t('analystPrevious'));
    previous.type = 'button';
    previous.disabled = this.offset === 0;
    previous.addEventListener('click', () => {
      this.offset = Math.max(0, this.offset - ROWS);
      this.pending = this._run();
    });
    const next = el('button', 'pa-button pa-button-light', t('analystNext'));
    next.type = 'button';
    next.disabled = last >= total;
    next.addEventListener('click', () => {
      this.offset += ROWS;
      this.pending = this._run();
    });
    p.append(previous, el('span', 'pa-analyst-range', t('analystRange', { first: number(first, 0), last: number(last, 0), total: number(total, 0) })), next);
    return p;
  }

  _stats(stats, collection) {
    const hasMu = collection.attributes.some((a) => a.name === 'area_mu');
    const measure = $('analyst-measure').value;
    const measured = measure ? [...collection.attributes, ...(collection.derivedAttributes || [])].find((a) => a.name === measure) : null;
    const group = $('analyst-group').value;
    const then = group ? $('analyst-group2').value : '';
    const attributes = [...collection.attributes, ...(collection.derivedAttributes || [])];
    const title = (name) => {
      const a = attributes.find((x) => x.name === name);
      return a ? pick(a.label, name) : name;
    };
    const table = el('table');
    const head = el('tr');
    head.append(el('th', null, group ? title(group) : t('analystGroup')), ...(then ? [el('th', null, title(then))] : []),
      el('th', null, t('analystCount')), ...(hasMu ? [el('th', null, t('analystMu'))] : []));
    if (measured) {
      const name = pick(measured.label, measure);
      for (const what of ['Sum', 'Mean', 'Min', 'Max']) head.append(el('th', null, t(`analyst${what}`, { name })));
    }
    const thead = el('thead');
    thead.append(head);
    const body = el('tbody');
    const bars = [];
    const shown = (g, name) => (g.labels && g.labels[name] != null ? String(g.labels[name]) : t('analystNone'));
    for (const g of stats.groups || []) {
      const tr = el('tr');
      const label = group ? shown(g, group) : t('analystAll');
      tr.append(el('td', null, label), ...(then ? [el('td', null, shown(g, then))] : []), el('td', 'pa-num', number(g.count, 0)),
        ...(hasMu ? [el('td', 'pa-num', number(g.area_mu))] : []));
      if (measured) {
        const s = (g.stats && g.stats[measure]) || {};
        for (const what of ['sum', 'mean', 'min', 'max']) tr.append(el('td', 'pa-num', number(s[what])));
      }
      body.append(tr);
      bars.push({ label, series: then ? shown(g, then) : null, seriesKey: then === 'status' && collection.id === 'parcels' && g.keys ? g.keys.status : null,
        value: hasMu ? g.area_mu || 0 : g.count });
    }
    table.append(thead, body);
    $('analyst-stats').replaceChildren(table);
    this._chart(bars, hasMu ? t('analystMu') : t('analystCount'));
  }

  /** The groups as bars; hidden when there is only one (no grouping) or nothing. */
  _chart(bars, unit) {
    const box = $('analyst-chart').parentElement;
    const drawn = bars.length > 1;
    box.hidden = !drawn;
    if (!drawn) return;
    this.chartDrawing = drawBars($('analyst-chart'), this.chart, bars, unit, (n) => number(n)).then((chart) => {
      this.chart = chart;
    }, (err) => {
      console.error('ParkAtlas: the chart could not be drawn', err);
      box.hidden = true;
    });
  }

  _fillLayers() {
    const select = $('analyst-layer');
    const current = select.value || 'parcels';
    select.replaceChildren(...this.catalog.collections.map((c) => {
      const o = el('option', null, pick(c.title, c.id));
      o.value = c.id;
      return o;
    }));
    select.value = this.catalog.collections.some((c) => c.id === current) ? current : this.catalog.collections[0].id;
  }

  /** The pick-lists of the chosen layer: its statuses, the facilities to measure from, what to group by. */
  _fillPicks() {
    const collection = this.collection();
    const status = (collection.attributes || []).find((a) => a.name === 'status');
    const statusSelect = $('analyst-status-pick');
    statusSelect.replaceChildren(this._option('', t('analystAny')), ...(status ? status.values.map((v) => this._option(v.value, pick(v.label, v.value))) : []));
    statusSelect.disabled = !status;
    this._fillTargets();
    const groupable = [...(collection.attributes || []), ...(collection.derivedAttributes || [])]
      .filter((a) => GROUPABLE.has(a.name) || (Array.isArray(a.values) && a.values.length && a.type !== 'array'));
    const groupSelect = $('analyst-group');
    const before = groupSelect.value;
    groupSelect.replaceChildren(this._option('', t('analystNoGroup')), ...groupable.map((a) => this._option(a.name, pick(a.label, a.name))));
    groupSelect.value = groupable.some((a) => a.name === before) ? before : groupable.some((a) => a.name === 'zone') ? 'zone' : '';
    this.groupable = groupable;
    this._fillSecondGroup();
    const numeric = [...(collection.attributes || []), ...(collection.derivedAttributes || [])]
      .filter((a) => (a.type === 'number' || a.type === 'integer') && a.name !== 'area_mu');
    const measureSelect = $('analyst-measure');
    const measureBefore = measureSelect.value;
    measureSelect.replaceChildren(this._option('', t('analystNoMeasure')), ...numeric.map((a) => this._option(a.name, pick(a.label, a.name))));
    measureSelect.value = numeric.some((a) => a.name === measureBefore) ? measureBefore : '';
  }

  _option(value, text) {
    const o = el('option', null, text);
    o.value = value;
    return o;
  }

  relabel() {
    $('analyst-toggle-text').textContent = t('analystButton');
    $('pa-analyst-heading').textContent = t('analystHeading');
    $('pa-analyst-close').setAttribute('aria-label', t('close'));
    $('analyst-layer-label').textContent = t('analystLayer');
    $('analyst-status-label').textContent = t('analystStatus');
    $('analyst-near-label').textContent = t('analystWithin');
    $('analyst-target-label').textContent = t('analystTarget');
    $('analyst-draw').textContent = t('analystDraw');
    $('analyst-add-condition').textContent = t('analystAddCondition');
    this.conditions.relabel();
    $('analyst-metres-unit').textContent = t('analystMetresOf');
    $('analyst-filter-label').textContent = t('analystFilter');
    $('analyst-group-label').textContent = t('analystGroupBy');
    $('analyst-measure-label').textContent = t('analystMeasure');
    $('analyst-group2-label').textContent = t('analystThenBy');
    $('analyst-download-label').textContent = t('analystDownload');
    $('analyst-stats-csv').textContent = t('analystStatsCsv');
    $('analyst-shp-gbk').title = t('analystShpGbkHint');
    $('analyst-dxf').title = t('analystDxfHint');
    $('analyst-saved-label').textContent = t('analystSavedLabel');
    $('analyst-save').textContent = t('analystSave');
    $('analyst-save-name').placeholder = t('analystSaveName');
    if (this.facilities.length) {
      const values = ['analyst-layer', 'analyst-status-pick', 'analyst-near', 'analyst-group', 'analyst-group2', 'analyst-measure'].map((id) => $(id).value);
      this._fillLayers();
      this._fillPicks();
      ['analyst-layer', 'analyst-status-pick', 'analyst-near', 'analyst-group', 'analyst-group2', 'analyst-measure'].forEach((id, i) => { $(id).value = values[i]; });
      if (this.on) this.pending = this._run();
    }
  }
}
