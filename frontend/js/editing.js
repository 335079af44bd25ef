// Planners' edit mode: draw, reshape, split, merge and retire parcels, with the server's
// conflict checks drawn on the map, optimistic locking (ETag / If-Match) and the version history.
//
// Drawing and vertex editing use Leaflet-Geoman (vendor/leaflet-geoman, loaded after Leaflet).
// Geometry goes to the server as GeoJSON in CRS84 with full precision (toGeoJSON(false)): Leaflet's default rounds
// to 6 decimals (~10 cm), which would move shared boundaries off the neighbours' vertices and overlap them; the
// server validates (simple polygon, inside the park, no overlap, clear of red lines, minimum area,
// no slivers) and answers 422 with the offending geometries, which are drawn in red here.
//
// Only planners and admins see the toggle (body.pa-can-edit); the server checks the role anyway.

import { t, pick, onLangChange } from './i18n.js';
import { canEdit } from './auth.js';
import { request } from './request.js';
import { ruleLabel, operationLabel } from './vocabulary.js';
import { describeError } from './status.js';
import { formatArea } from './popup.js';
import { redLineOutlines, RED_LINE_STYLE } from './redlines.js';
import { el } from './dom.js';

const L = window.L;
const $ = (id) => document.getElementById(id);

const COLLECTION = 'parcels';
const ITEMS_URL = '/ogcapi/collections/parcels/items';
const SNAP = { snappable: true, snapDistance: 15 };
// Which collections the pointer snaps to while drawing or editing: neighbouring parcels and roads.
const SNAP_TARGETS = new Set(['parcels', 'roads']);
// Above the data layers and the readiness trace, below tooltips and popups.
const OVERLAY_PANE = { name: 'pa-pane-edit', zIndex: 480 };
const EARTH_RADIUS = 6378137;


/** Geodesic area of a ring of L.LatLng in m² (spherical excess, as in Leaflet.draw). */
export function ringArea(latlngs) {
  const n = latlngs.length;
  if (n < 3) return 0;
  const rad = Math.PI / 180;
  let area = 0;
  for (let i = 0; i < n; i++) {
    const p1 = latlngs[i];
    const p2 = latlngs[(i + 1) % n];
    area += (p2.lng - p1.lng) * rad * (2 + Math.sin(p1.lat * rad) + Math.sin(p2.lat * rad));
  }
  return Math.abs((area * EARTH_RADIUS * EARTH_RADIUS) / 2);
}

/** Area of a Leaflet polygon (outer ring minus holes) in m². */
function polygonArea(layer) {
  let rings = layer.getLatLngs();
  while (Array.isArray(rings[0]) && Array.isArray(rings[0][0])) rings = rings[0]; // multi → first polygon
  if (!Array.isArray(rings[0])) rings = [rings];
  return rings.reduce((sum, ring, i) => sum + (i === 0 ? 1 : -1) * ringArea(ring), 0);
}

function cloneLatLngs(v) {
  return Array.isArray(v) ? v.map(cloneLatLngs) : L.latLng(v.lat, v.lng);
}

/** Every call goes through the one request module (CSRF header, Accept-Language, ProblemError). */
const send = (method, url, options = {}) =>
  request(method, url, { accept: 'application/geo+json, application/json, application/problem+json', cache: 'no-store', ...options });

const itemUrl = (id) => `${ITEMS_URL}/${encodeURIComponent(id)}`;

export class Editor {
  constructor(map, manager, catalog, { getUser, onLegend }) {
    this.map = map;
    this.onLegend = onLegend || (() => {});
    this.manager = manager;
    this.catalog = catalog;
    this.collection = catalog.collections.find((c) => c.id === COLLECTION) || { id: COLLECTION, attributes: [] };
    this.getUser = getUser;
    this.on = false;
    this.selection = []; // parcel layers, in click order
    this.edit = null; // {layer, id, etag, original (latlngs), props} while an existing parcel is reshaped
    this.draft = null; // the drawn, not yet saved polygon
    this.mode = null; // null | 'draw' | 'split'
    this.busy = false;
    this.collapsed = false;
    this.history = null; // {id, versions, shown}

    if (!map.getPane(OVERLAY_PANE.name)) {
      const pane = map.createPane(OVERLAY_PANE.name);
      pane.style.zIndex = String(OVERLAY_PANE.zIndex);
      pane.classList.add('pa-pane');
    }
    const overlay = (className, style) =>
      L.geoJSON(null, {
        pane: OVERLAY_PANE.name,
        interactive: false,
        pmIgnore: true,
        snapIgnore: true,
        style: () => ({ className, interactive: false, ...style }),
        pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: 7, pmIgnore: true, snapIgnore: true }),
      }).addTo(map);
    this.conflicts = overlay('pa-conflict', { color: '#D7191C', weight: 3, fillColor: '#D7191C', fillOpacity: 0.35 });
    this.theirs = overlay('pa-their-version', { color: '#6A1B9A', weight: 3, dashArray: '8 5', fill: false });
    this.historyBefore = overlay('pa-history-before', { color: '#7A7A7A', weight: 3, dashArray: '6 4', fillOpacity: 0.08 });
    this.historyAfter = overlay('pa-history-after', { color: '#1565C0', weight: 3, fillOpacity: 0.12 });
    // One polyline per outline piece (Geoman snaps to Polylines on the map, not to groups); on the map only in edit mode.
    this.redLines = L.featureGroup();
    this._redLinesFrom = null; // the roads layer count the outlines were built from

    this._buildUi();
    this._bindMap();
    onLangChange(() => this.relabel());
    this.relabel();
  }

  // ---------------------------------------------------------------- UI

  _buildUi() {
    const toggle = $('edit-toggle');
    toggle.addEventListener('click', () => this.setEnabled(!this.on));
    $('draw-parcel').addEventListener('click', () => this.startDraw());
    $('split-parcel').addEventListener('click', () => this.startSplit());
    $('split-finish').addEventListener('click', () => this.finishLine());
    $('split-cancel').addEventListener('click', () => this.cancel());
    $('pa-editor-collapse').addEventListener('click', () => this.setCollapsed(!this.collapsed));
    // While a line or polygon is being drawn: Enter finishes it, Escape abandons it.
    document.addEventListener('keydown', (e) => {
      if (!this.on || !this.mode || e.defaultPrevented) return;
      if (e.target && /^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName)) return;
      if (e.key === 'Enter') {
        e.preventDefault();
        this.finishLine();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        this.cancel();
      }
    });
    $('merge-parcels').addEventListener('click', () => this.merge());
    $('delete-parcel').addEventListener('click', () => this.retire());
    $('history-button').addEventListener('click', () => this.showHistory());
    $('parcel-cancel').addEventListener('click', () => this.cancel());
    $('edit-conflict-reload').addEventListener('click', () => this.reloadTheirs());
    $('parcel-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.save();
    });
    $('pa-history-list').addEventListener('click', (e) => {
      const restore = e.target.closest('.pa-restore');
      if (restore) return this.restore(restore.dataset.version);
      const row = e.target.closest('.pa-history-version');
      if (row) this.showVersion(row.dataset.version);
      return undefined;
    });
    $('pa-history-close').addEventListener('click', () => this.closeHistory());
    this._buildFields();
  }

  /** One field per editable catalog attribute (computed ones such as the area are the server's). */
  _buildFields() {
    const box = $('parcel-fields');
    box.replaceChildren();
    this.fields = [];
    for (const attr of this.collection.attributes || []) {
      if (attr.computed) continue;
      const required = Boolean(attr.required);
      const row = el('label', 'pa-field');
      row.dataset.attr = attr.name;
      const label = el('span', 'pa-field-label');
      let input;
      if (Array.isArray(attr.values) && attr.values.length) {
        input = el('select');
        input.appendChild(el('option', null, '—')).value = '';
        for (const v of attr.values) {
          const o = el('option');
          o.value = String(v.value);
          input.appendChild(o);
        }
      } else if (attr.type === 'boolean') {
        input = el('select');
        for (const v of ['', 'true', 'false']) input.appendChild(el('option')).value = v;
      } else {
        input = el('input');
        input.type = attr.type === 'number' || attr.type === 'integer' ? 'number' : attr.type === 'date' ? 'date' : 'text';
        if (input.type === 'number') input.step = attr.type === 'integer' ? '1' : 'any';
      }
      input.name = attr.name;
      input.id = `parcel-field-${attr.name}`;
      if (required) {
        input.required = true;
        row.classList.add('pa-required');
      }
      const unit = el('span', 'pa-field-unit', typeof attr.unit === 'string' ? attr.unit : '');
      row.append(label, input, unit);
      box.appendChild(row);
      this.fields.push({ attr, input, label, required, row });
    }
  }

  relabel() {
    const toggle = $('edit-toggle');
    $('edit-toggle-text').textContent = t('editButton');
    toggle.title = this.on ? t('editHide') : t('editShow');
    const texts = {
      'draw-parcel': 'drawParcel', 'split-parcel': 'splitParcel', 'merge-parcels': 'mergeParcels',
      'delete-parcel': 'deleteParcel', 'history-button': 'historyButton', 'parcel-save': 'save',
      'parcel-cancel': 'cancel', 'edit-conflict-reload': 'conflictReload', 'pa-history-close': 'close',
      'split-finish': 'splitFinish', 'split-cancel': 'cancel',
    };
    for (const [id, key] of Object.entries(texts)) $(id).textContent = t(key);
    $('pa-edit-heading').textContent = t('editHeading');
    const collapse = $('pa-editor-collapse');
    collapse.title = this.collapsed ? t('editExpand') : t('editCollapse');
    collapse.setAttribute('aria-label', collapse.title);
    $('pa-history-heading').textContent = t('historyHeading');
    $('edit-conflict-text').textContent = t('conflictMessage');
    for (const f of this.fields) {
      f.label.textContent = pick(f.attr.label, f.attr.name) + (f.required ? ' *' : '');
      if (f.input.tagName === 'SELECT') {
        for (const o of f.input.options) {
          if (!o.value) o.textContent = '—';
          else if (f.attr.type === 'boolean') o.textContent = o.value === 'true' ? t('yes') : t('no');
          else {
            const v = f.attr.values.find((x) => String(x.value) === o.value);
            o.textContent = v ? pick(v.label, o.value) : o.value;
          }
        }
      }
      f.row.querySelector('.pa-field-unit').textContent = typeof f.attr.unit === 'string' ? f.attr.unit : '';
    }
    this._renderState();
    if (this.history) this._renderHistory();
  }

  /** Shows what applies to the current state: buttons, hint, live area, selection, form. */
  _renderState() {
    const toggle = $('edit-toggle');
    toggle.setAttribute('aria-pressed', String(this.on));
    document.body.classList.toggle('pa-editing', this.on);
    $('pa-editor').hidden = !this.on;
    if (!this.on) return;
    const one = this.selection.length === 1;
    const drawing = this.mode !== null;
    $('draw-parcel').disabled = this.busy || drawing || !!this.draft;
    $('draw-parcel').setAttribute('aria-pressed', String(this.mode === 'draw'));
    $('split-parcel').disabled = this.busy || drawing || !!this.draft || !one;
    $('split-parcel').setAttribute('aria-pressed', String(this.mode === 'split'));
    // Shown while a split line is drawn: finishes it (as clicking its last point again or Enter does).
    $('pa-split-actions').hidden = this.mode !== 'split';
    const points = this.mode === 'split' && this._workingLayer ? this._workingLayer.getLatLngs().length : 0;
    $('split-finish').disabled = points < 2;
    $('split-finish').dataset.points = String(points);
    $('merge-parcels').disabled = this.busy || drawing || !!this.draft || this.selection.length < 2;
    $('delete-parcel').disabled = this.busy || drawing || !!this.draft || !one;
    $('history-button').disabled = this.busy || !one;

    let hint;
    if (this.mode === 'draw') hint = t('hintDraw');
    else if (this.mode === 'split') hint = t('hintSplit');
    else if (this.draft) hint = t('hintDraft');
    else if (this.edit) hint = t('hintEdit');
    else if (this.selection.length > 1) hint = t('hintMerge', { n: this.selection.length });
    else hint = t('hintSelect');
    $('pa-edit-hint').textContent = hint;

    const sel = $('edit-selection');
    sel.hidden = !this.selection.length;
    sel.textContent = this.selection.length
      ? t('selectedParcels', { codes: this.selection.map((l) => l.feature.properties.code || l.feature.id).join('、') })
      : '';
    sel.dataset.ids = this.selection.map((l) => l.feature.id).join(',');
    this._renderArea();
    $('parcel-form').hidden = !(this.draft || this.edit);
    $('parcel-save').disabled = this.busy;
    $('parcel-form').setAttribute('aria-busy', String(this.busy));
    $('parcel-form').dataset.mode = this.draft ? 'create' : this.edit ? 'update' : '';
  }

  _renderArea(extra = null) {
    const out = $('draw-area');
    let m2 = null;
    if (this.mode === 'draw' && this._workingLayer) {
      const pts = this._workingLayer.getLatLngs().slice();
      if (extra) pts.push(extra);
      m2 = ringArea(pts);
    } else if (this.draft) m2 = polygonArea(this.draft);
    else if (this.edit) m2 = polygonArea(this.edit.layer);
    out.hidden = m2 === null;
    if (m2 === null) return;
    out.dataset.m2 = String(Math.round(m2 * 100) / 100);
    out.dataset.mu = String(Math.round((m2 / (10000 / 15)) * 10000) / 10000);
    out.textContent = `${t('area')}：${formatArea(m2)}`;
    if (this._lastArea !== null && this._lastArea !== undefined) out.dataset.updates = String((+out.dataset.updates || 0) + 1);
    this._lastArea = m2;
  }

  _setMessage(kind, text) {
    const box = $('parcel-message');
    box.hidden = !text;
    box.textContent = text || '';
    box.dataset.kind = kind || '';
    if (kind === 'error' && this.collapsed) this.setCollapsed(false); // the planner has to see why
  }

  // ---------------------------------------------------------------- mode

  setEnabled(on) {
    on = !!on && canEdit(this.getUser());
    if (on === this.on) return;
    this.on = on;
    const parcels = this.manager.layers[COLLECTION];
    if (on) {
      this.map.closePopup();
      this.map.boxZoom.disable(); // shift-click selects parcels for a merge
      this._configureLayers();
      this.manager.setVisible(COLLECTION, true);
      this._showRedLines();
    } else {
      this.cancel();
      this._clearSelection();
      this.closeHistory();
      this.map.boxZoom.enable();
      parcels.eachLayer((layer) => this._popupClicks(layer, true));
      this.map.removeLayer(this.redLines);
    }
    this._renderState();
    this.relabel();
    this.onLegend();
  }

  /** Builds the red-line outlines from the roads (loading them if the layer was never shown) and puts them on the map. */
  async _showRedLines() {
    try {
      await this.manager.load('roads');
    } catch (err) {
      console.warn('ParkAtlas: roads not available, no red lines to snap to', err);
      return;
    }
    if (!this.on) return;
    const roads = this.manager.layers.roads;
    const features = [];
    roads.eachLayer((l) => l.feature && features.push(l.feature));
    const key = features.length + ':' + features.map((f) => f.id).join(',');
    if (this._redLinesFrom !== key) {
      this.redLines.clearLayers();
      for (const piece of redLineOutlines(features)) {
        const line = L.polyline(piece.latlngs, { ...RED_LINE_STYLE });
        line.feature = { type: 'Feature', id: piece.road, properties: { road: piece.road } };
        this.redLines.addLayer(line);
      }
      this._redLinesFrom = key;
    }
    if (!this.map.hasLayer(this.redLines)) this.redLines.addTo(this.map);
    this.redLines.eachLayer((l) => {
      const path = l.getElement && l.getElement();
      if (path) path.dataset.road = l.feature.id;
    });
  }

  /** Collapses the card to its title bar and tools (the map under it stays usable), or opens it again. */
  setCollapsed(collapsed) {
    this.collapsed = !!collapsed;
    const card = $('pa-editor');
    card.classList.toggle('pa-editor-collapsed', this.collapsed);
    $('pa-editor-collapse').setAttribute('aria-expanded', String(!this.collapsed));
    this.relabel();
  }

  /** In edit mode a click selects a parcel instead of opening its popup; only parcels and roads snap. */
  _configureLayers() {
    for (const [id, group] of Object.entries(this.manager.layers)) {
      const snap = SNAP_TARGETS.has(id);
      group.eachLayer((layer) => {
        layer.options.snapIgnore = !snap;
        if (id !== COLLECTION) layer.options.pmIgnore = true;
      });
      const entry = this.manager.entries.get(id);
      if (entry && entry.hitGroup) entry.hitGroup.eachLayer((l) => { l.options.snapIgnore = true; l.options.pmIgnore = true; });
    }
    this.manager.layers[COLLECTION].eachLayer((layer) => this._popupClicks(layer, false));
  }

  _popupClicks(layer, on) {
    // bindPopup() listens for click with layer._openPopup; detach it while editing.
    if (typeof layer._openPopup !== 'function') return;
    layer.off('click', layer._openPopup, layer);
    if (on) layer.on('click', layer._openPopup, layer);
  }

  _bindMap() {
    const parcels = this.manager.layers[COLLECTION];
    parcels.on('click', (e) => {
      if (!this.on || this.mode || this.busy) return;
      const layer = e.layer || e.sourceTarget;
      if (!layer || !layer.feature) return;
      L.DomEvent.stop(e);
      const add = e.originalEvent && (e.originalEvent.shiftKey || e.originalEvent.ctrlKey || e.originalEvent.metaKey);
      this.select(layer, { add });
    });
    // Features arriving later (reload, paging) must follow the edit-mode wiring too.
    parcels.on('layeradd', (e) => {
      if (this.on) {
        e.layer.options.snapIgnore = false;
        this._popupClicks(e.layer, false);
      }
    });
    this.map.on('pm:drawstart', (e) => {
      this._workingLayer = e.workingLayer;
      this._lastArea = null;
      // A double click finishes a line (two clicks on the same point) and must not zoom in as well.
      if (this._dblTimer) {
        clearTimeout(this._dblTimer); // still ours from the previous drawing
        this._dblTimer = null;
        this._dblZoom = true;
      } else this._dblZoom = this.map.doubleClickZoom.enabled();
      this.map.doubleClickZoom.disable();
      if (this.mode === 'split') {
        e.workingLayer.on('pm:vertexadded', () => this._renderState());
        return;
      }
      if (this.mode !== 'draw') return;
      e.workingLayer.on('pm:vertexadded', () => this._renderArea());
      const hint = this.map.pm.Draw.Polygon._hintMarker;
      if (hint) hint.on('move', (ev) => this._renderArea(ev.latlng));
    });
    this.map.on('pm:drawend', () => {
      this._workingLayer = null;
      // Re-enabled after the click that finished the shape has gone by (its dblclick would zoom).
      if (this._dblZoom) {
        this._dblTimer = setTimeout(() => {
          this._dblTimer = null;
          this.map.doubleClickZoom.enable();
        }, 400);
      }
      this._dblZoom = false;
      if (this.mode) {
        this.mode = null;
        this._renderState();
      }
    });
    this.map.on('pm:create', (e) => this._created(e));
  }

  // ---------------------------------------------------------------- selection

  select(layer, { add = false } = {}) {
    if (!this.on) return;
    if (this.draft) return; // finish or cancel the new parcel first
    const already = this.selection.includes(layer);
    if (add) {
      // Shift-click: build a set for merging; the reshaping of a single parcel stops.
      this._stopEdit(true);
      if (already) this.selection = this.selection.filter((l) => l !== layer);
      else this.selection.push(layer);
    } else {
      if (already && this.selection.length === 1) return;
      this._stopEdit(true);
      this.selection = [layer];
    }
    this._markSelection();
    this.closeHistory();
    this._clearConflicts();
    if (this.selection.length === 1) {
      this._startEdit(this.selection[0]);
      this._keepClear(this.selection[0]);
    }
    this._renderState();
  }

  /**
   * Pans (and if need be zooms out) so that the layer is clear of the editor card and the side panel; its
   * vertex handles would otherwise sit under the card and could not be dragged.
   */
  _keepClear(layer) {
    const b = layer && layer.getBounds && layer.getBounds();
    if (!b || !b.isValid()) return;
    const map = this.map;
    const mapBox = map.getContainer().getBoundingClientRect();
    const card = $('pa-editor').getBoundingClientRect();
    const size = map.getSize();
    const margin = 24;
    // The free part of the map, in container pixels.
    let left = margin;
    let top = margin;
    let right = size.x - margin;
    const bottom = size.y - margin;
    const narrow = card.width >= mapBox.width * 0.9; // phone: the card sits on top
    if (card.width) {
      if (narrow) top = Math.max(top, card.bottom - mapBox.top + margin);
      else left = Math.max(left, card.right - mapBox.left + margin);
    }
    const panel = document.getElementById('pa-panel');
    const panelOpen = panel && !document.body.classList.contains('pa-panel-collapsed') && panel.offsetParent;
    if (panelOpen && !narrow) {
      const p = panel.getBoundingClientRect();
      if (p.left > mapBox.left + size.x / 2) right = Math.min(right, p.left - mapBox.left - margin);
    }
    if (right - left < 120 || bottom - top < 120) return; // too little room to be clever
    const nw = map.latLngToContainerPoint(b.getNorthWest());
    const se = map.latLngToContainerPoint(b.getSouthEast());
    if (se.x - nw.x > right - left || se.y - nw.y > bottom - top) {
      map.fitBounds(b, { paddingTopLeft: [left, top], paddingBottomRight: [size.x - right, size.y - bottom], maxZoom: map.getZoom(), animate: false });
      return;
    }
    const dx = nw.x < left ? nw.x - left : se.x > right ? se.x - right : 0;
    const dy = nw.y < top ? nw.y - top : se.y > bottom ? se.y - bottom : 0;
    if (dx || dy) map.panBy([dx, dy], { animate: false });
  }

  _markSelection() {
    this.manager.layers[COLLECTION].eachLayer((l) => {
      const path = l.getElement && l.getElement();
      if (path) path.classList.toggle('pa-edit-selected', this.selection.includes(l));
    });
  }

  _clearSelection() {
    this._stopEdit(true);
    this.selection = [];
    this._markSelection();
  }

  async _startEdit(layer) {
    const id = String(layer.feature.id);
    const original = cloneLatLngs(layer.getLatLngs());
    this.edit = { layer, id, etag: null, original, props: { ...layer.feature.properties }, loading: null };
    this._fillForm(layer.feature.properties);
    this._setMessage(null, '');
    $('edit-conflict').hidden = true;
    layer.pm.enable({ ...SNAP, allowSelfIntersection: false, draggable: true });
    layer.on('pm:edit pm:markerdrag pm:drag', this._onShapeChange || (this._onShapeChange = () => this._renderArea()));
    layer.bringToFront();
    // The ETag of the version this edit starts from: the server refuses a save if it has moved on.
    const edit = this.edit;
    edit.loading = send('GET', itemUrl(id)).then(
      (r) => {
        edit.etag = r.etag;
        if (r.body && r.body.properties) edit.props = { ...r.body.properties };
        return r.etag;
      },
      (err) => {
        console.error(`ParkAtlas: could not read ${id} before editing`, err);
        if (this.edit === edit) this._setMessage('error', t('errorSave', { detail: describeError(err) }));
        return null;
      },
    );
    this._renderState();
  }

  /** Ends reshaping; with `restore` puts the original outline back. */
  _stopEdit(restore) {
    const edit = this.edit;
    if (!edit) return;
    this.edit = null;
    const { layer } = edit;
    if (layer.pm) {
      layer.pm.disable();
      layer.pm.disableLayerDrag && layer.pm.disableLayerDrag();
    }
    if (this._onShapeChange) layer.off('pm:edit pm:markerdrag pm:drag', this._onShapeChange);
    if (restore) layer.setLatLngs(edit.original);
    this.theirs.clearLayers();
    $('edit-conflict').hidden = true;
  }

  // ---------------------------------------------------------------- draw, split

  startDraw() {
    if (!this.on || this.mode) return;
    this._clearSelection();
    this._clearConflicts();
    this.closeHistory();
    this.mode = 'draw';
    this.map.pm.enableDraw('Polygon', {
      ...SNAP,
      allowSelfIntersection: false,
      requireSnapToFinish: false,
      finishOn: null,
      templineStyle: { color: '#1565C0' },
      hintlineStyle: { color: '#1565C0', dashArray: '5 5' },
      pathOptions: { color: '#1565C0', weight: 3, fillOpacity: 0.2, className: 'pa-draft' },
    });
    this._renderState();
  }

  startSplit() {
    if (!this.on || this.mode || this.selection.length !== 1) return;
    this._stopEdit(true);
    this._keepClear(this.selection[0]);
    this._clearConflicts();
    this.mode = 'split';
    this.map.pm.enableDraw('Line', {
      ...SNAP,
      templineStyle: { color: '#D7191C' },
      hintlineStyle: { color: '#D7191C', dashArray: '5 5' },
      pathOptions: { color: '#D7191C', weight: 3, className: 'pa-split-line' },
    });
    this._renderState();
  }

  /** Finishes the split line (two or more points) or the polygon (three or more) being drawn. */
  finishLine() {
    const draw = this.mode === 'split' ? this.map.pm.Draw.Line : this.mode === 'draw' ? this.map.pm.Draw.Polygon : null;
    if (!draw || !draw.enabled()) return false;
    const n = draw._layer ? draw._layer.getLatLngs().length : 0;
    if (n < (this.mode === 'split' ? 2 : 3)) return false;
    draw._finishShape();
    return true;
  }

  _created(e) {
    const { layer, shape } = e;
    if (shape === 'Line') {
      this.map.removeLayer(layer);
      this._split(layer.toGeoJSON(false).geometry);
      return;
    }
    if (shape !== 'Polygon') {
      this.map.removeLayer(layer);
      return;
    }
    // The drawing stays editable so that a rejected outline can be fixed and sent again.
    layer.options.snapIgnore = true;
    this.draft = layer;
    layer.pm.enable({ ...SNAP, allowSelfIntersection: false });
    layer.on('pm:edit pm:markerdrag', () => this._renderArea());
    this.mode = null;
    this._fillForm({ status: 'planned', leveling: 'not_started' });
    if (this.collapsed) this.setCollapsed(false); // the form is in the card
    this._setMessage(null, '');
    this._renderState();
    const first = this.fields.find((f) => f.attr.name === 'code');
    if (first) first.input.focus({ preventScroll: true });
  }

  async _split(line) {
    const layer = this.selection[0];
    if (!layer) return;
    await this._run(async () => {
      await send('POST', `/api/parcels/${encodeURIComponent(layer.feature.id)}/split`, { body: line, contentType: 'application/geo+json' });
      this._clearSelection();
      await this._reload();
      this._setMessage('ok', t('splitDone'));
    });
  }

  // ---------------------------------------------------------------- form

  _fillForm(props) {
    for (const f of this.fields) {
      const v = props ? props[f.attr.name] : undefined;
      f.input.value = v === null || v === undefined ? '' : String(v);
      f.row.classList.remove('pa-invalid');
    }
    $('parcel-violations').replaceChildren();
  }

  _readForm() {
    const props = {};
    const missing = [];
    for (const f of this.fields) {
      const raw = f.input.value.trim();
      f.row.classList.toggle('pa-invalid', f.required && !raw);
      if (f.required && !raw) missing.push(pick(f.attr.label, f.attr.name));
      if (!raw) {
        props[f.attr.name] = null;
        continue;
      }
      if (f.attr.type === 'number' || f.attr.type === 'integer') props[f.attr.name] = Number(raw);
      else if (f.attr.type === 'boolean') props[f.attr.name] = raw === 'true';
      else props[f.attr.name] = raw;
    }
    return { props, missing };
  }

  async save() {
    if (this.busy || !(this.draft || this.edit)) return;
    const { props, missing } = this._readForm();
    if (missing.length) {
      this._setMessage('error', t('missingFields', { names: missing.join('、') }));
      const bad = this.fields.find((f) => f.row.classList.contains('pa-invalid'));
      if (bad) bad.input.focus();
      return;
    }
    this._clearConflicts();
    if (this.draft) return this._saveNew(props);
    return this._saveEdit(props);
  }

  async _saveNew(props) {
    const clean = Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null));
    const feature = { type: 'Feature', geometry: this.draft.toGeoJSON(false).geometry, properties: clean };
    await this._run(async () => {
      await send('POST', ITEMS_URL, { body: feature, contentType: 'application/geo+json' });
      this._dropDraft();
      await this._reload();
      this._setMessage('ok', t('saved'));
    });
  }

  async _saveEdit(props) {
    const edit = this.edit;
    const etag = edit.etag || (await edit.loading);
    if (!etag) {
      this._setMessage('error', t('errorNoEtag'));
      return;
    }
    const patch = {};
    const before = edit.layer.feature.geometry;
    const geometry = edit.layer.toGeoJSON(false).geometry;
    if (JSON.stringify(geometry.coordinates) !== JSON.stringify(before && before.coordinates)) patch.geometry = geometry;
    const changed = {};
    for (const [k, v] of Object.entries(props)) {
      const old = edit.props[k] === undefined ? null : edit.props[k];
      if (String(old) !== String(v)) changed[k] = v;
    }
    if (Object.keys(changed).length) patch.properties = changed;
    if (!Object.keys(patch).length) {
      this._setMessage('ok', t('nothingChanged'));
      return;
    }
    await this._run(async () => {
      await send('PATCH', itemUrl(edit.id), { body: patch, contentType: 'application/merge-patch+json', ifMatch: etag });
      this._stopEdit(false);
      this._clearSelection();
      await this._reload();
      this._setMessage('ok', t('saved'));
    });
  }

  /** Runs a write; 422 draws the violations, 412 the other edit, anything else is a message. */
  async _run(fn) {
    this.busy = true;
    this._setMessage('busy', t('saving'));
    this._renderState();
    try {
      await fn();
    } catch (err) {
      console.warn('ParkAtlas: edit refused', err);
      if (err.status === 422) this._showViolations(err.problem);
      else if (err.status === 412) await this._showStale(err.problem);
      else if (err.status === 403 || err.status === 401) this._setMessage('error', t('errorForbidden'));
      else if (err.status === 404) this._setMessage('error', t('errorGone'));
      else this._setMessage('error', t('errorSave', { detail: describeError(err) }));
    } finally {
      this.busy = false;
      this._renderState();
    }
  }

  _showViolations(problem) {
    const list = $('parcel-violations');
    list.replaceChildren();
    const violations = Array.isArray(problem && problem.violations) ? problem.violations : [];
    this._setMessage('error', (problem && problem.detail) || t('errorInvalid'));
    for (const v of violations) {
      const li = el('li', 'pa-violation');
      li.dataset.rule = v.rule || '';
      const rule = el('strong', 'pa-violation-rule', ruleLabel(v.rule));
      li.append(rule, document.createTextNode(v.message ? ` ${v.message}` : ''));
      if (Array.isArray(v.features) && v.features.length) li.dataset.features = v.features.join(',');
      list.appendChild(li);
      if (v.geometry) {
        try {
          this.conflicts.addData({ type: 'Feature', geometry: v.geometry, properties: { rule: v.rule } });
        } catch (e) {
          console.warn('ParkAtlas: unusable violation geometry', v, e);
        }
      }
    }
    this.conflicts.eachLayer((l) => {
      const path = l.getElement && l.getElement();
      if (path && l.feature) path.dataset.rule = l.feature.properties.rule || '';
    });
    $('pa-editor').scrollTop = 0;
    this._frame([this.conflicts, this.draft || (this.edit && this.edit.layer)]);
  }

  /** Brings layers into the part of the map not hidden by the editor card and the side panel. */
  _frame(layers) {
    let bounds = null;
    for (const l of layers) {
      const b = l && l.getBounds && l.getBounds();
      if (b && b.isValid()) bounds = bounds ? bounds.extend(b) : L.latLngBounds(b.getSouthWest(), b.getNorthEast());
    }
    if (!bounds) return;
    const card = $('pa-editor').getBoundingClientRect();
    const mapBox = this.map.getContainer().getBoundingClientRect();
    const left = Math.max(0, card.right - mapBox.left) + 16;
    const panel = document.getElementById('pa-panel');
    const panelOpen = panel && !document.body.classList.contains('pa-panel-collapsed') && panel.offsetParent;
    const right = panelOpen && card.width < mapBox.width * 0.9 ? mapBox.right - panel.getBoundingClientRect().left + 16 : 16;
    const narrow = card.width >= mapBox.width * 0.9; // phone: the card sits on top
    const opts = narrow
      ? { paddingTopLeft: [16, card.bottom - mapBox.top + 16], paddingBottomRight: [16, 16] }
      : { paddingTopLeft: [left, 16], paddingBottomRight: [right, 16] };
    this.map.fitBounds(bounds, { ...opts, maxZoom: Math.max(this.map.getZoom(), 16), animate: false });
  }

  /** 412: someone else saved this parcel since the edit started. Show theirs; never overwrite. */
  async _showStale(problem) {
    const edit = this.edit;
    const box = $('edit-conflict');
    box.hidden = false;
    box.dataset.currentEtag = (problem && problem.currentETag) || '';
    this._setMessage(null, ''); // the conflict box says it
    if (!edit) return;
    try {
      const r = await send('GET', itemUrl(edit.id));
      this.theirs.clearLayers();
      if (r.body && r.body.geometry) this.theirs.addData(r.body);
      edit.theirs = { etag: r.etag, feature: r.body };
      this._frame([this.theirs, edit.layer]);
    } catch (err) {
      console.warn('ParkAtlas: could not read the current version', err);
    }
  }

  /** After a 412: drop my unsaved change and continue from the version now on the server. */
  async reloadTheirs() {
    const edit = this.edit;
    const id = edit ? edit.id : null;
    this._stopEdit(true);
    this._clearSelection();
    await this._reload();
    this._setMessage(null, '');
    if (!id) return;
    const layer = this._find(id);
    if (layer) this.select(layer);
  }

  cancel() {
    if (this.mode) this.map.pm.disableDraw();
    this.mode = null;
    this._dropDraft();
    this._stopEdit(true);
    this._clearConflicts();
    this._setMessage(null, '');
    if (this.selection.length === 1) this._clearSelection();
    this._renderState();
  }

  _dropDraft() {
    if (!this.draft) return;
    this.draft.pm.disable();
    this.map.removeLayer(this.draft);
    this.draft = null;
  }

  _clearConflicts() {
    this.conflicts.clearLayers();
    this.theirs.clearLayers();
    $('parcel-violations').replaceChildren();
    $('edit-conflict').hidden = true;
  }

  // ---------------------------------------------------------------- merge, retire

  async merge() {
    if (this.selection.length < 2) return;
    const ids = this.selection.map((l) => String(l.feature.id));
    await this._run(async () => {
      await send('POST', '/api/parcels/merge', { body: { ids } });
      this._clearSelection();
      await this._reload();
      this._setMessage('ok', t('mergeDone'));
    });
  }

  async retire() {
    if (this.selection.length !== 1) return;
    const layer = this.selection[0];
    const code = layer.feature.properties.code || layer.feature.id;
    if (!window.confirm(t('confirmDelete', { code }))) return;
    const id = String(layer.feature.id);
    const etag = (this.edit && this.edit.id === id && (this.edit.etag || (await this.edit.loading))) || null;
    await this._run(async () => {
      const tag = etag || (await send('GET', itemUrl(id))).etag;
      await send('DELETE', itemUrl(id), { ifMatch: tag });
      this._clearSelection();
      await this._reload();
      this._setMessage('ok', t('deleteDone', { code }));
    });
  }

  // ---------------------------------------------------------------- history

  async showHistory() {
    if (this.selection.length !== 1) return;
    const id = String(this.selection[0].feature.id);
    const box = $('pa-history');
    box.hidden = false;
    box.dataset.parcel = id;
    this.history = { id, versions: null, shown: null, error: null };
    this._renderHistory();
    box.scrollIntoView({ block: 'start' });
    try {
      const r = await send('GET', `/api/parcels/${encodeURIComponent(id)}/history`);
      if (!this.history || this.history.id !== id) return;
      this.history.versions = (r.body && r.body.versions) || [];
    } catch (err) {
      if (this.history) this.history.error = err;
    }
    this._renderHistory();
  }

  _renderHistory() {
    const h = this.history;
    const list = $('pa-history-list');
    list.replaceChildren();
    if (!h) return;
    if (h.error) return void list.appendChild(el('li', 'pa-history-empty', t('errorSave', { detail: describeError(h.error) })));
    if (!h.versions) return void list.appendChild(el('li', 'pa-history-empty', t('loading')));
    if (!h.versions.length) return void list.appendChild(el('li', 'pa-history-empty', t('historyEmpty')));
    for (const v of [...h.versions].reverse()) {
      const li = el('li', 'pa-history-item');
      const row = el('button', 'pa-history-version');
      row.type = 'button';
      row.dataset.version = String(v.version);
      row.setAttribute('aria-pressed', String(String(h.shown) === String(v.version)));
      const when = v.at ? String(v.at).replace('T', ' ').slice(0, 16) : '';
      const op = operationLabel(v.operation);
      row.append(el('span', 'pa-history-op', `v${v.version} · ${op}`), el('span', 'pa-history-meta', `${v.by || ''} · ${when}`));
      if (v.note) row.appendChild(el('span', 'pa-history-note', v.note));
      li.appendChild(row);
      if (String(h.shown) === String(v.version)) {
        const changes = Array.isArray(v.changes) ? v.changes : [];
        if (changes.length) {
          const ul = el('ul', 'pa-history-changes');
          for (const c of changes) {
            const attr = (this.collection.attributes || []).find((a) => a.name === c.property);
            ul.appendChild(el('li', null, `${attr ? pick(attr.label, c.property) : c.property}: ${c.before ?? '—'} → ${c.after ?? '—'}`));
          }
          li.appendChild(ul);
        }
        const restore = el('button', 'pa-button pa-button-light pa-restore', t('restoreVersion'));
        restore.type = 'button';
        restore.dataset.version = String(v.version);
        restore.disabled = this.busy;
        li.appendChild(restore);
      }
      list.appendChild(li);
    }
  }

  showVersion(version) {
    const h = this.history;
    if (!h || !h.versions) return;
    const v = h.versions.find((x) => String(x.version) === String(version));
    if (!v) return;
    h.shown = v.version;
    this.historyBefore.clearLayers();
    this.historyAfter.clearLayers();
    if (v.geometryBefore) this.historyBefore.addData({ type: 'Feature', geometry: v.geometryBefore, properties: {} });
    if (v.geometryAfter) this.historyAfter.addData({ type: 'Feature', geometry: v.geometryAfter, properties: {} });
    this._renderHistory();
    this._frame([this.historyBefore, this.historyAfter]);
  }

  async restore(version) {
    const h = this.history;
    if (!h) return;
    if (!window.confirm(t('confirmRestore', { version }))) return;
    await this._run(async () => {
      await send('POST', `/api/parcels/${encodeURIComponent(h.id)}/history/${encodeURIComponent(version)}/restore`);
      this.closeHistory();
      this._clearSelection();
      await this._reload();
      this._setMessage('ok', t('restoreDone', { version }));
    });
  }

  closeHistory() {
    this.history = null;
    this.historyBefore.clearLayers();
    this.historyAfter.clearLayers();
    $('pa-history').hidden = true;
    $('pa-history-list').replaceChildren();
  }

  // ---------------------------------------------------------------- helpers

  async _reload() {
    await this.manager.reload(COLLECTION);
    if (this.on) this._configureLayers();
  }

  _find(id) {
    let hit = null;
    this.manager.layers[COLLECTION].eachLayer((l) => {
      if (l.feature && String(l.feature.id) === String(id)) hit = l;
    });
    return hit;
  }
}

/** window.parkatlas.editing, available from page load; `ready` resolves once the editor is attached. */
export function createEditingHook() {
  let editor = null;
  let settle = null;
  const ready = new Promise((resolve, reject) => {
    settle = { resolve, reject };
  });
  ready.catch(() => {});
  const need = () => {
    if (!editor) throw new Error('ParkAtlas: the editor is not ready; await parkatlas.editing.ready first');
    return editor;
  };
  const hook = {
    enabled: () => Boolean(editor && editor.on),
    enable: (on = true) => need().setEnabled(on),
    selected: () => (editor ? editor.selection.map((l) => String(l.feature.id)) : []),
    select: (id, add = false) => {
      const e = need();
      const layer = e._find(id);
      if (layer) e.select(layer, { add });
      return Boolean(layer);
    },
    editLayer: () => (editor && editor.edit ? editor.edit.layer : null),
    draft: () => (editor ? editor.draft : null),
    etag: () => (editor && editor.edit ? editor.edit.etag : null),
    mode: () => (editor ? editor.mode : null),
    redLines: () => (editor ? editor.redLines : null),
    finishLine: () => need().finishLine(),
    area: () => {
      const a = $('draw-area');
      return a && !a.hidden ? { m2: Number(a.dataset.m2), mu: Number(a.dataset.mu) } : null;
    },
    ready,
  };
  return {
    hook,
    attach(e) {
      editor = e;
      settle.resolve(hook);
    },
    fail(err) {
      settle.reject(err);
    },
  };
}
