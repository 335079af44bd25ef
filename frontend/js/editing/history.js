// The selected parcel's version history (#pa-history): newest first, each version's operation named from the
// server's vocabulary (create, edit, split, merge, retire, import), who and when, and the server's note in the
// page's language; a version's before/after outlines on the map, its changed properties, and a restore button.
// A language switch fetches the list again, so the notes follow the page.

import { t } from '../i18n.js';
import { el } from '../dom.js';
import { describeError } from '../status.js';
import { operationLabel, attributeLabel, attributeOf, enumLabel } from '../vocabulary.js';
import { editStyles } from '../styles.js';
import { overlay } from './view.js';
import { parcelHistory } from './api.js';

const $ = (id) => document.getElementById(id);

export class HistoryPanel {
  /**
   * @param collection the parcels' catalog entry (property labels of the changes)
   * @param frame      (layers) → brings them into the free part of the map
   * @param onRestore  (parcelId, version) → restores it (the editor runs the write)
   * @param isBusy     () → a write is in flight (the restore button waits)
   */
  constructor(map, collection, { frame, onRestore, isBusy }) {
    const styles = editStyles();
    this.collection = collection;
    this.frame = frame;
    this.onRestore = onRestore;
    this.isBusy = isBusy || (() => false);
    this.before = overlay(map, 'pa-history-before', styles.historyBefore);
    this.after = overlay(map, 'pa-history-after', styles.historyAfter);
    this.state = null; // {id, versions, shown, error}

    $('pa-history-list').addEventListener('click', (e) => {
      const restore = e.target.closest('.pa-restore');
      if (restore) return this.restore(restore.dataset.version);
      const row = e.target.closest('.pa-history-version');
      if (row) this.showVersion(row.dataset.version);
      return undefined;
    });
  }

  get open() {
    return Boolean(this.state);
  }

  async show(id) {
    const box = $('pa-history');
    box.hidden = false;
    box.dataset.parcel = id;
    this.state = { id, versions: null, shown: null, error: null };
    this.render();
    box.scrollIntoView({ block: 'start' });
    await this._load(id);
  }

  async _load(id) {
    const h = this.state;
    try {
      const versions = await parcelHistory(id);
      if (this.state !== h) return;
      h.versions = versions;
      h.error = null;
    } catch (err) {
      if (this.state !== h) return;
      h.error = err;
    }
    this.render();
  }

  /** The page's language changed: ask again, so the server's notes come in the new language. */
  relabel() {
    if (!this.state) return;
    this.render();
    this._load(this.state.id);
  }

  render() {
    const h = this.state;
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
      row.dataset.operation = v.operation || '';
      const shown = String(h.shown) === String(v.version);
      row.setAttribute('aria-pressed', String(shown));
      const when = v.at ? String(v.at).replace('T', ' ').slice(0, 16) : '';
      row.append(el('span', 'pa-history-op', `v${v.version} · ${operationLabel(v.operation)}`),
        el('span', 'pa-history-meta', `${v.by || ''} · ${when}`));
      if (v.note) row.appendChild(el('span', 'pa-history-note', v.note));
      li.appendChild(row);
      if (shown) {
        const changes = Array.isArray(v.changes) ? v.changes : [];
        if (changes.length) {
          const ul = el('ul', 'pa-history-changes');
          for (const c of changes) ul.appendChild(el('li', null, this._change(c)));
          li.appendChild(ul);
        }
        const restore = el('button', 'pa-button pa-button-light pa-restore', t('restoreVersion'));
        restore.type = 'button';
        restore.dataset.version = String(v.version);
        restore.disabled = this.isBusy();
        li.appendChild(restore);
      }
      list.appendChild(li);
    }
  }

  /** "Status: Available → Reserved": the property's label, enumerated values by their labels. */
  _change(c) {
    const attr = attributeOf(this.collection, c.property);
    const value = (x) => {
      if (x === null || x === undefined || x === '') return '—';
      return attr && Array.isArray(attr.values) && attr.values.length ? enumLabel(attr, x) : String(x);
    };
    return `${attributeLabel(this.collection, c.property)}: ${value(c.before)} → ${value(c.after)}`;
  }

  showVersion(version) {
    const h = this.state;
    if (!h || !h.versions) return;
    const v = h.versions.find((x) => String(x.version) === String(version));
    if (!v) return;
    h.shown = v.version;
    this.before.clearLayers();
    this.after.clearLayers();
    if (v.geometryBefore) this.before.addData({ type: 'Feature', geometry: v.geometryBefore, properties: {} });
    if (v.geometryAfter) this.after.addData({ type: 'Feature', geometry: v.geometryAfter, properties: {} });
    this.render();
    this.frame([this.before, this.after]);
  }

  restore(version) {
    const h = this.state;
    if (!h) return undefined;
    if (!window.confirm(t('confirmRestore', { version }))) return undefined;
    return this.onRestore(h.id, version);
  }

  close() {
    this.state = null;
    this.before.clearLayers();
    this.after.clearLayers();
    $('pa-history').hidden = true;
    $('pa-history-list').replaceChildren();
  }
}
