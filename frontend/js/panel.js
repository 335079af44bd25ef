// The layer panel: one checkbox per catalog collection, with live loading state and feature count.
//
// Checkboxes are created once and only relabelled afterwards, so keyboard focus and the
// user's place in the list survive a language switch.

import { pick, t } from './i18n.js';
import { el } from './dom.js';

export class LayerPanel {
  constructor(listEl, manager, { onError } = {}) {
    this.listEl = listEl;
    this.manager = manager;
    this.onError = onError || (() => {});
    this.items = new Map();

    for (const collection of manager.ordered) {
      const id = collection.id;
      const li = el('li', 'pa-layer-item');
      li.dataset.collection = id;

      const input = el('input');
      input.type = 'checkbox';
      input.id = `pa-layer-${id}`;
      input.dataset.layer = id;
      input.checked = manager.entries.get(id).defaultVisible;

      const label = el('label', 'pa-layer-title');
      label.htmlFor = input.id;

      const meta = el('span', 'pa-layer-meta');
      meta.id = `pa-layer-meta-${id}`;
      input.setAttribute('aria-describedby', meta.id);

      input.addEventListener('change', () => {
        manager.setVisible(id, input.checked).catch((err) => this.onError(id, err));
      });

      li.append(input, label, meta);
      listEl.appendChild(li);
      this.items.set(id, { li, input, label, meta });
    }
    this.relabel();
  }

  /** Refreshes one layer's row (or all) from the manager's state. */
  update(id) {
    const ids = id ? [id] : [...this.items.keys()];
    for (const key of ids) {
      const item = this.items.get(key);
      const entry = this.manager.entries.get(key);
      if (!item || !entry) continue;
      // Someone may have toggled the layer through the API (tests, future tools): follow the map.
      item.input.checked = this.manager.isVisible(key);
      item.li.classList.toggle('pa-loading', Boolean(entry.loading));
      item.li.classList.toggle('pa-failed', Boolean(entry.error));
      item.li.setAttribute('aria-busy', entry.loading ? 'true' : 'false');
      let text = '';
      if (entry.error) text = t('layerFailed');
      else if (entry.loading) text = t('layerLoading');
      else if (entry.loaded) text = entry.count ? String(entry.count) : t('noFeatures');
      else if (entry.total != null) text = entry.total ? String(entry.total) : t('noFeatures'); // hidden: counted only
      const n = entry.loaded ? entry.count : entry.total;
      const zoomIn = !entry.error && this.manager.isVisible(key) && this.manager.tooSmallToDraw(key);
      item.li.classList.toggle('pa-zoom-in', zoomIn);
      item.meta.textContent = zoomIn ? `${text} · ${t('zoomInToSee')}` : text;
      item.meta.title = n ? t('featureCount', { n }) : text;
    }
  }

  relabel() {
    for (const [id, item] of this.items) {
      const entry = this.manager.entries.get(id);
      item.label.textContent = pick(entry.collection.title, id);
    }
    this.update();
  }
}
