// Planners' edit mode: draw, reshape, split, merge and retire parcels, with the server's conflict checks drawn on
// the map, optimistic locking (ETag / If-Match) and the version history.
//
// This class performs the transitions of the state machine (state.js) and runs the writes (api.js); the parts it
// composes each own one concern: the attribute form (form.js), the refusals (conflicts.js), the history
// (history.js), snapping and the red lines (snapping.js), the server-measured area (area.js), and keeping things
// in view (view.js). Drawing and vertex editing use Leaflet-Geoman (geoman.js, loaded for planners only).
//
// Geometry goes to the server as GeoJSON in CRS84 with full precision (toGeoJSON(false)): Leaflet's default rounds
// to 6 decimals (~10 cm), which would move shared boundaries off the neighbours' vertices and overlap them; the
// server validates and answers 422 with the offending geometries, which are drawn in red.

import { t, onLangChange } from '../i18n.js';
import { canEdit } from '../auth.js';
import { describeError } from '../status.js';
import { editStyles } from '../styles.js';
import { EditorState, renderState } from './state.js';
import { AttributeForm } from './form.js';
import { Conflicts } from './conflicts.js';
import { HistoryPanel } from './history.js';
import { RedLines, SNAP, COLLECTION, configureSnapping } from './snapping.js';
import { AreaMeter } from './area.js';
import { frame, keepClear, ensurePane } from './view.js';
import { pmOf } from './geoman.js';
import * as api from './api.js';

const L = window.L;
const $ = (id) => document.getElementById(id);

function cloneLatLngs(v) {
  return Array.isArray(v) ? v.map(cloneLatLngs) : L.latLng(v.lat, v.lng);
}

const TEXTS = {
  'draw-parcel': 'drawParcel', 'split-parcel': 'splitParcel', 'merge-parcels': 'mergeParcels',
  'delete-parcel': 'deleteParcel', 'history-button': 'historyButton', 'parcel-save': 'save',
  'parcel-cancel': 'cancel', 'edit-conflict-reload': 'conflictReload', 'pa-history-close': 'close',
  'split-finish': 'splitFinish', 'split-cancel': 'cancel',
};

export class Editor {
  constructor(map, manager, catalog, { getUser, onLegend }) {
    this.map = map;
    this.manager = manager;
    this.catalog = catalog;
    this.getUser = getUser;
    this.onLegend = onLegend || (() => {});
    this.collection = catalog.collections.find((c) => c.id === COLLECTION) || { id: COLLECTION, attributes: [] };
    this.state = new EditorState();
    this.styles = editStyles();

    ensurePane(map);
    this.conflicts = new Conflicts(map);
    this.history = new HistoryPanel(map, this.collection, {
      frame: (layers) => frame(map, layers),
      onRestore: (id, version) => this._restore(id, version),
      isBusy: () => this.state.busy,
    });
    this.redLines = new RedLines(map, manager);
    this.form = new AttributeForm(this.collection);
    this.area = new AreaMeter();
    this._workingLayer = null;

    this._bindUi();
    this._bindMap();
    onLangChange(() => {
      this.relabel();
      this.conflicts.relabel();
      this.history.relabel();
      this.area.relabel();
    });
    this.relabel();
  }

  // ---------------------------------------------------------------- for the hook

  /** Whether edit mode is on (the hook's enabled()). */
  get on() {
    return this.state.on;
  }

  selectedIds() {
    return this.state.selectedIds();
  }

  editLayer() {
    return this.state.edit ? this.state.edit.layer : null;
  }

  etag() {
    return this.state.edit ? this.state.edit.etag : null;
  }

  selectById(id, add = false) {
    const layer = this._find(id);
    if (layer) this.select(layer, { add });
    return Boolean(layer);
  }

  // ---------------------------------------------------------------- UI

  _bindUi() {
    $('edit-toggle').addEventListener('click', () => this.setEnabled(!this.state.on));
    $('draw-parcel').addEventListener('click', () => this.startDraw());
    $('split-parcel').addEventListener('click', () => this.startSplit());
    $('split-finish').addEventListener('click', () => this.finishLine());
    $('split-cancel').addEventListener('click', () => this.cancel());
    $('pa-editor-collapse').addEventListener('click', () => this.setCollapsed(!this.state.collapsed));
    // While a line or polygon is being drawn: Enter finishes it, Escape abandons it.
    document.addEventListener('keydown', (e) => {
      if (!this.state.on || !this.state.mode || e.defaultPrevented) return;
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
    $('pa-history-close').addEventListener('click', () => this.history.close());
  }

  relabel() {
    $('edit-toggle-text').textContent = t('editButton');
    $('edit-toggle').title = this.state.on ? t('editHide') : t('editShow');
    for (const [id, key] of Object.entries(TEXTS)) $(id).textContent = t(key);
    $('pa-edit-heading').textContent = t('editHeading');
    const collapse = $('pa-editor-collapse');
    collapse.title = this.state.collapsed ? t('editExpand') : t('editCollapse');
    collapse.setAttribute('aria-label', collapse.title);
    $('pa-history-heading').textContent = t('historyHeading');
    $('edit-conflict-text').textContent = t('conflictMessage');
    this.form.relabel();
    this._render();
    if (this.history.open) this.history.render();
  }

  /** Shows the state: tools, hint, selection, form; the area only where there is a shape to measure. */
  _render() {
    const s = this.state;
    const splitPoints = s.mode === 'split' && this._workingLayer ? this._workingLayer.getLatLngs().length : 0;
    renderState(s, { splitPoints });
    if (!(s.mode === 'draw' || s.draft || s.edit)) this.area.clear();
  }

  _setMessage(kind, text) {
    const box = $('parcel-message');
    box.hidden = !text;
    box.textContent = text || '';
    box.dataset.kind = kind || '';
    if (kind === 'error' && this.state.collapsed) this.setCollapsed(false); // the planner has to see why
  }

  /** Collapses the card to its title bar and tools (the map under it stays usable), or opens it again. */
  setCollapsed(collapsed) {
    this.state.collapsed = Boolean(collapsed);
    $('pa-editor').classList.toggle('pa-editor-collapsed', this.state.collapsed);
    $('pa-editor-collapse').setAttribute('aria-expanded', String(!this.state.collapsed));
    this.relabel();
  }

  // ---------------------------------------------------------------- off ↔ on

  setEnabled(on) {
    const next = Boolean(on) && canEdit(this.getUser());
    if (next === this.state.on) return;
    this.state.on = next;
    const parcels = this.manager.layers[COLLECTION];
    if (next) {
      this.map.closePopup();
      this.map.boxZoom.disable(); // shift-click selects parcels for a merge
      this._configureLayers();
      this.manager.setVisible(COLLECTION, true);
      this.redLines.show(() => this.state.on);
    } else {
      this.cancel();
      this._clearSelection();
      this.history.close();
      this.map.boxZoom.enable();
      parcels.eachLayer((layer) => this._popupClicks(layer, true));
      this.redLines.hide();
    }
    this._render();
    this.relabel();
    this.onLegend();
  }

  /** In edit mode a click selects a parcel instead of opening its popup; only parcels and roads snap. */
  _configureLayers() {
    configureSnapping(this.manager);
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
      if (!this.state.on || this.state.mode || this.state.busy) return;
      const layer = e.layer || e.sourceTarget;
      if (!layer || !layer.feature) return;
      L.DomEvent.stop(e);
      const add = e.originalEvent && (e.originalEvent.shiftKey || e.originalEvent.ctrlKey || e.originalEvent.metaKey);
      this.select(layer, { add });
    });
    // Features arriving later (reload, paging) must follow the edit-mode wiring too.
    parcels.on('layeradd', (e) => {
      if (this.state.on) {
        e.layer.options.snapIgnore = false;
        this._popupClicks(e.layer, false);
      }
    });
    this.map.on('pm:drawstart', (e) => this._drawStarted(e));
    this.map.on('pm:drawend', () => this._drawEnded());
    this.map.on('pm:create', (e) => this._created(e));
  }

  _drawStarted(e) {
    this._workingLayer = e.workingLayer;
    // A double click finishes a line (two clicks on the same point) and must not zoom in as well.
    if (this._dblTimer) {
      clearTimeout(this._dblTimer); // still ours from the previous drawing
      this._dblTimer = null;
      this._dblZoom = true;
    } else this._dblZoom = this.map.doubleClickZoom.enabled();
    this.map.doubleClickZoom.disable();
    if (this.state.mode === 'split') {
      e.workingLayer.on('pm:vertexadded', () => this._render());
      return;
    }
    if (this.state.mode !== 'draw') return;
    const points = () => e.workingLayer.getLatLngs().slice();
    this.area.ring(points());
    e.workingLayer.on('pm:vertexadded', () => this.area.ring(points()));
    const hint = this.map.pm.Draw.Polygon._hintMarker;
    if (hint) hint.on('move', (ev) => this._workingLayer === e.workingLayer && this.area.ring([...points(), ev.latlng]));
  }

  _drawEnded() {
    this._workingLayer = null;
    // Re-enabled after the click that finished the shape has gone by (its dblclick would zoom).
    if (this._dblZoom) {
      this._dblTimer = setTimeout(() => {
        this._dblTimer = null;
        this.map.doubleClickZoom.enable();
      }, 400);
    }
    this._dblZoom = false;
    if (this.state.mode) {
      this.state.mode = null;
      this._render();
    }
  }

  // ---------------------------------------------------------------- select → edit | merge

  select(layer, { add = false } = {}) {
    const s = this.state;
    if (!s.can('select')) return; // off, or a new parcel waits to be finished or cancelled
    const already = s.selection.includes(layer);
    if (add) {
      // Shift-click: build a set for merging; the reshaping of a single parcel stops.
      this._stopEdit(true);
      s.selection = already ? s.selection.filter((l) => l !== layer) : [...s.selection, layer];
    } else {
      if (already && s.selection.length === 1) return;
      this._stopEdit(true);
      s.selection = [layer];
    }
    this._markSelection();
    this.history.close();
    this.conflicts.clear();
    if (s.selection.length === 1) {
      this._startEdit(s.selection[0]);
      keepClear(this.map, s.selection[0]);
    }
    this._render();
  }

  _markSelection() {
    this.manager.layers[COLLECTION].eachLayer((l) => {
      const path = l.getElement && l.getElement();
      if (path) path.classList.toggle('pa-edit-selected', this.state.selection.includes(l));
    });
  }

  _clearSelection() {
    this._stopEdit(true);
    this.state.selection = [];
    this._markSelection();
  }

  _startEdit(layer) {
    const id = String(layer.feature.id);
    const props = layer.feature.properties || {};
    const edit = { layer, id, etag: null, original: cloneLatLngs(layer.getLatLngs()), props: { ...props }, loading: null };
    this.state.edit = edit;
    this.form.fill(props);
    $('parcel-violations').replaceChildren();
    this._setMessage(null, '');
    this.conflicts.hideTheirs();
    if (props.area_m2 != null && props.area_mu != null) this.area.known(props.area_m2, props.area_mu);
    else this.area.layer(layer);
    pmOf(layer).enable({ ...SNAP, allowSelfIntersection: false, draggable: true });
    this._onShapeChange = this._onShapeChange || (() => this.state.edit && this.area.layer(this.state.edit.layer));
    layer.on('pm:edit pm:markerdrag pm:drag', this._onShapeChange);
    layer.bringToFront();
    // The ETag of the version this edit starts from: the server refuses a save if it has moved on.
    edit.loading = api.readParcel(id).then(
      (r) => {
        edit.etag = r.etag;
        if (r.feature && r.feature.properties) edit.props = { ...r.feature.properties };
        return r.etag;
      },
      (err) => {
        console.error(`ParkAtlas: could not read ${id} before editing`, err);
        if (this.state.edit === edit) this._setMessage('error', t('errorSave', { detail: describeError(err) }));
        return null;
      },
    );
    this._render();
  }

  /** Ends reshaping; with `restore` puts the original outline back. */
  _stopEdit(restore) {
    const edit = this.state.edit;
    if (!edit) return;
    this.state.edit = null;
    const { layer } = edit;
    if (layer.pm) {
      layer.pm.disable();
      if (layer.pm.disableLayerDrag) layer.pm.disableLayerDrag();
    }
    if (this._onShapeChange) layer.off('pm:edit pm:markerdrag pm:drag', this._onShapeChange);
    if (restore) layer.setLatLngs(edit.original);
    this.conflicts.hideTheirs();
  }

  // ---------------------------------------------------------------- draw → draft, split

  startDraw() {
    if (!this.state.can('draw')) return;
    this._clearSelection();
    this.conflicts.clear();
    this.history.close();
    this.state.mode = 'draw';
    const d = this.styles.draft;
    this.map.pm.enableDraw('Polygon', {
      ...SNAP,
      allowSelfIntersection: false,
      requireSnapToFinish: false,
      finishOn: null,
      templineStyle: { color: d.color },
      hintlineStyle: { color: d.color, dashArray: '5 5' },
      pathOptions: { ...d, className: 'pa-draft' },
    });
    this._render();
  }

  startSplit() {
    const s = this.state;
    if (!s.can('split')) return;
    this._stopEdit(true);
    keepClear(this.map, s.selection[0]);
    this.conflicts.clear();
    s.mode = 'split';
    const line = this.styles.splitLine;
    this.map.pm.enableDraw('Line', {
      ...SNAP,
      templineStyle: { color: line.color },
      hintlineStyle: { color: line.color, dashArray: '5 5' },
      pathOptions: { ...line, className: 'pa-split-line' },
    });
    this._render();
  }

  /** Finishes the split line (two or more points) or the polygon (three or more) being drawn. */
  finishLine() {
    const mode = this.state.mode;
    const draw = mode === 'split' ? this.map.pm.Draw.Line : mode === 'draw' ? this.map.pm.Draw.Polygon : null;
    if (!draw || !draw.enabled()) return false;
    const n = draw._layer ? draw._layer.getLatLngs().length : 0;
    if (n < (mode === 'split' ? 2 : 3)) return false;
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
    this.state.draft = layer;
    this.state.mode = null;
    layer.pm.enable({ ...SNAP, allowSelfIntersection: false });
    layer.on('pm:edit pm:markerdrag', () => this.area.layer(layer));
    this.area.layer(layer);
    this.form.fill({ status: 'planned', leveling: 'not_started' });
    $('parcel-violations').replaceChildren();
    if (this.state.collapsed) this.setCollapsed(false); // the form is in the card
    this._setMessage(null, '');
    this._render();
    this.form.focus('code');
  }

  async _split(line) {
    const layer = this.state.selection[0];
    if (!layer) return;
    await this._run(async () => {
      await api.splitParcel(layer.feature.id, line);
      this._clearSelection();
      await this._reload();
      this._setMessage('ok', t('splitDone'));
    });
  }

  // ---------------------------------------------------------------- save

  async save() {
    const s = this.state;
    if (!s.can('save')) return undefined;
    const { props, missing } = this.form.read();
    if (missing.length) {
      this._setMessage('error', t('missingFields', { names: missing.join('、') }));
      this.form.focusFirstInvalid();
      return undefined;
    }
    this.conflicts.clear();
    return s.draft ? this._saveNew(props) : this._saveEdit(props);
  }

  async _saveNew(props) {
    const clean = Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null));
    const feature = { type: 'Feature', geometry: this.state.draft.toGeoJSON(false).geometry, properties: clean };
    await this._run(async () => {
      await api.createParcel(feature);
      this._dropDraft();
      await this._reload();
      this._setMessage('ok', t('saved'));
    });
  }

  async _saveEdit(props) {
    const edit = this.state.edit;
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
      await api.patchParcel(edit.id, patch, etag);
      this._stopEdit(false);
      this._clearSelection();
      await this._reload();
      this._setMessage('ok', t('saved'));
    });
  }

  /** Runs a write; 422 draws the violations, 412 the other edit, anything else is a message. */
  async _run(fn) {
    const s = this.state;
    s.busy = true;
    this._setMessage('busy', t('saving'));
    this._render();
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
      s.busy = false;
      this._render();
      if (this.history.open) this.history.render();
    }
  }

  _showViolations(problem) {
    this._setMessage('error', this.conflicts.show(problem));
    $('pa-editor').scrollTop = 0;
    frame(this.map, [this.conflicts.layer, this.state.draft || (this.state.edit && this.state.edit.layer)]);
  }

  /** 412: someone else saved this parcel since the edit started. Show theirs; never overwrite. */
  async _showStale(problem) {
    const edit = this.state.edit;
    const current = problem && problem.currentETag;
    this.conflicts.showTheirs(null, current);
    this._setMessage(null, ''); // the conflict box says it
    if (!edit) return;
    try {
      const r = await api.readParcel(edit.id);
      this.conflicts.showTheirs(r.feature, current);
      edit.theirs = { etag: r.etag, feature: r.feature };
      frame(this.map, [this.conflicts.theirs, edit.layer]);
    } catch (err) {
      console.warn('ParkAtlas: could not read the current version', err);
    }
  }

  /** After a 412: drop my unsaved change and continue from the version now on the server. */
  async reloadTheirs() {
    const edit = this.state.edit;
    const id = edit ? edit.id : null;
    this._stopEdit(true);
    this._clearSelection();
    await this._reload();
    this._setMessage(null, '');
    if (!id) return;
    const layer = this._find(id);
    if (layer) this.select(layer);
  }

  /** Abandons whatever is in progress: a drawing, the draft, the reshaping, the conflicts. */
  cancel() {
    const s = this.state;
    if (s.mode) this.map.pm.disableDraw();
    s.mode = null;
    this._dropDraft();
    this._stopEdit(true);
    this.conflicts.clear();
    this._setMessage(null, '');
    if (s.selection.length === 1) this._clearSelection();
    this._render();
  }

  _dropDraft() {
    const draft = this.state.draft;
    if (!draft) return;
    draft.pm.disable();
    this.map.removeLayer(draft);
    this.state.draft = null;
  }

  // ---------------------------------------------------------------- merge, retire, history

  async merge() {
    const s = this.state;
    if (s.selection.length < 2) return;
    const ids = s.selectedIds();
    await this._run(async () => {
      await api.mergeParcels(ids);
      this._clearSelection();
      await this._reload();
      this._setMessage('ok', t('mergeDone'));
    });
  }

  async retire() {
    const s = this.state;
    if (s.selection.length !== 1) return;
    const layer = s.selection[0];
    const code = layer.feature.properties.code || layer.feature.id;
    if (!window.confirm(t('confirmDelete', { code }))) return;
    const id = String(layer.feature.id);
    const edit = s.edit;
    const etag = (edit && edit.id === id && (edit.etag || (await edit.loading))) || null;
    await this._run(async () => {
      const tag = etag || (await api.readParcel(id)).etag;
      await api.retireParcel(id, tag);
      this._clearSelection();
      await this._reload();
      this._setMessage('ok', t('deleteDone', { code }));
    });
  }

  showHistory() {
    if (this.state.selection.length !== 1) return undefined;
    return this.history.show(String(this.state.selection[0].feature.id));
  }

  _restore(id, version) {
    return this._run(async () => {
      await api.restoreVersion(id, version);
      this.history.close();
      this._clearSelection();
      await this._reload();
      this._setMessage('ok', t('restoreDone', { version }));
    });
  }

  // ---------------------------------------------------------------- helpers

  async _reload() {
    await this.manager.reload(COLLECTION);
    if (this.state.on) this._configureLayers();
  }

  _find(id) {
    let hit = null;
    this.manager.layers[COLLECTION].eachLayer((l) => {
      if (l.feature && String(l.feature.id) === String(id)) hit = l;
    });
    return hit;
  }
}
