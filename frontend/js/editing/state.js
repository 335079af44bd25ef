// The editor's state machine. One state object says where the planner is:
//
//   off      edit mode is off (the map reads as for everyone)
//   select   on, nothing or one parcel being looked at, waiting for a click or a tool
//   edit     one parcel selected: its outline can be dragged, its attributes changed, its history shown
//   merge    two or more parcels selected (shift/ctrl-click): they can be merged
//   draw     a new outline is being drawn (Geoman polygon drawing)
//   draft    the new outline is finished and waits for its attributes and a save
//   split    a line across the selected parcel is being drawn
//
// `busy` (a write in flight) overlays any of these and disables the tools. The editor (editor.js) performs the
// transitions; this module says what each phase allows and shows it in the toolbar.

import { t } from '../i18n.js';

const $ = (id) => document.getElementById(id);

export const PHASES = ['off', 'select', 'edit', 'merge', 'draw', 'draft', 'split'];

const HINTS = {
  select: 'hintSelect', edit: 'hintEdit', merge: 'hintMerge', draw: 'hintDraw', draft: 'hintDraft', split: 'hintSplit',
};

export class EditorState {
  constructor() {
    this.on = false;
    this.mode = null; // null | 'draw' | 'split': a Geoman drawing in progress
    this.selection = []; // parcel layers, in click order
    this.edit = null; // {layer, id, etag, original (latlngs), props, loading} while one existing parcel is reshaped
    this.draft = null; // the drawn, not yet saved polygon
    this.busy = false;
    this.collapsed = false;
  }

  get phase() {
    if (!this.on) return 'off';
    if (this.mode) return this.mode;
    if (this.draft) return 'draft';
    if (this.edit) return 'edit';
    if (this.selection.length > 1) return 'merge';
    return 'select';
  }

  /** Nothing being drawn, no unsaved drawing, no write in flight: a tool may start. */
  get idle() {
    return this.on && !this.busy && !this.mode && !this.draft;
  }

  /** Whether `action` is allowed now: draw, split, merge, retire, history, select, save. */
  can(action) {
    const n = this.selection.length;
    switch (action) {
      case 'draw': return this.idle;
      case 'split': return this.idle && n === 1;
      case 'merge': return this.idle && n >= 2;
      case 'retire': return this.idle && n === 1;
      case 'history': return this.on && !this.busy && n === 1;
      case 'select': return this.on && !this.draft;
      case 'save': return this.on && !this.busy && Boolean(this.draft || this.edit);
      default: return false;
    }
  }

  selectedIds() {
    return this.selection.map((l) => String(l.feature.id));
  }
}

/** Shows what the state allows: the toggle, the tools, the hint, the selection, the form's visibility. */
export function renderState(state, { splitPoints = 0 } = {}) {
  const on = state.on;
  $('edit-toggle').setAttribute('aria-pressed', String(on));
  document.body.classList.toggle('pa-editing', on);
  document.body.dataset.editPhase = state.phase;
  $('pa-editor').hidden = !on;
  if (!on) return;
  $('draw-parcel').disabled = !state.can('draw');
  $('draw-parcel').setAttribute('aria-pressed', String(state.mode === 'draw'));
  $('split-parcel').disabled = !state.can('split');
  $('split-parcel').setAttribute('aria-pressed', String(state.mode === 'split'));
  // Shown while a split line is drawn: finishes it (as clicking its last point again or Enter does).
  $('pa-split-actions').hidden = state.mode !== 'split';
  const points = state.mode === 'split' ? splitPoints : 0;
  $('split-finish').disabled = points < 2;
  $('split-finish').dataset.points = String(points);
  $('merge-parcels').disabled = !state.can('merge');
  $('delete-parcel').disabled = !state.can('retire');
  $('history-button').disabled = !state.can('history');

  $('pa-edit-hint').textContent = t(HINTS[state.phase], { n: state.selection.length });

  const sel = $('edit-selection');
  sel.hidden = !state.selection.length;
  sel.textContent = state.selection.length
    ? t('selectedParcels', { codes: state.selection.map((l) => l.feature.properties.code || l.feature.id).join('、') })
    : '';
  sel.dataset.ids = state.selection.map((l) => l.feature.id).join(',');
  const form = $('parcel-form');
  form.hidden = !(state.draft || state.edit);
  $('parcel-save').disabled = state.busy;
  form.setAttribute('aria-busy', String(state.busy));
  form.dataset.mode = state.draft ? 'create' : state.edit ? 'update' : '';
}
