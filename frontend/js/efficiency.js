// 以亩产论英雄, a mode of the map page: the year's per-mu evaluation (GET /api/mujun) — the parcels coloured by the
// class of their firm (A–D) or by the kind of idle land they are, a key with counts, per zone the firms by class and
// the idle land in mu, and the firms with their class and score per mu. The colours come from the parcels' own
// derived attributes (mujun_class, idle_kind), so the map and CQL2 agree. Everything the server sends is set as text.

import { getJson } from './config.js';
import { t, getLang, onLangChange } from './i18n.js';
import { el, setPanelOpen } from './dom.js';
import { token } from './styles.js';

const $ = (id) => document.getElementById(id);
const CLASSES = ['A', 'B', 'C', 'D'];
const IDLE = ['approved_not_supplied', 'supplied_not_used', 'built_not_producing', 'producing_below_standard'];

function colour(mode, value) {
  if (!value) return token('--pa-map-stage-none');
  return mode === 'idle' ? token(`--pa-map-idle-${value.replace(/_/g, '-')}`) : token(`--pa-map-mujun-${value.toLowerCase()}`);
}

function number(n, digits = 1) {
  return n == null ? '—' : Number(n).toLocaleString(getLang() === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: digits });
}

export class EfficiencyView {
  /** @param onOpen called when the panel opens (the other panels on the same edge step aside) */
  constructor(map, manager, { onOpen } = {}) {
    this.map = map;
    this.manager = manager;
    this.onOpen = onOpen || (() => {});
    this.on = false;
    this.data = null;
    this.pending = Promise.resolve();
    this.section = $('pa-mujun');
    this.toggle = $('mujun-toggle');
    this.mode = $('mujun-show');
    this.toggle.addEventListener('click', () => this.show(!this.on));
    $('pa-mujun-close').addEventListener('click', () => this.show(false));
    this.mode.addEventListener('change', () => this._recolour());
    this.relabel();
    onLangChange(() => { this.relabel(); if (this.data) this._render(); });
  }

  show(on) {
    if (on === undefined) return this.on;
    const next = Boolean(on);
    if (next === this.on) return this.on;
    this.on = next;
    setPanelOpen(this.section, this.toggle, 'pa-view-mujun', next);
    if (next) {
      this.onOpen();
      this.manager.decorate('parcels', {
        style: (feature, base) => {
          const p = feature.properties || {};
          const value = this.mode.value === 'idle' ? p.idle_kind : p.mujun_class;
          return { ...base, fill: true, fillColor: colour(this.mode.value, value), fillOpacity: value ? 0.8 : 0.2 };
        },
      });
      this.pending = this._load();
    } else {
      this.manager.decorate('parcels', null);
    }
    return this.on;
  }

  /** Resolves once the last request has been answered (for tests and scripts). */
  settled() {
    return this.pending.then(() => {}, () => {});
  }

  async _load() {
    $('mujun-error').hidden = true;
    try {
      this.data = await getJson('/api/mujun');
      this._render();
    } catch (err) {
      $('mujun-error').textContent = t('mujunError', { detail: err && err.message ? err.message : String(err) });
      $('mujun-error').hidden = false;
    }
  }

  _recolour() {
    this.manager.restyle('parcels');
    this._legend();
  }

  _render() {
    const d = this.data;
    $('mujun-year').textContent = d.year == null ? t('mujunNoYear') : t('mujunYear', { year: d.year });
    const head = el('tr');
    head.append(el('th', null, t('mujunZone')), ...CLASSES.map((c) => el('th', null, c)), el('th', null, t('mujunIdleMu')));
    const rows = (d.by_zone || []).map((z) => {
      const tr = el('tr');
      const idleMu = IDLE.reduce((sum, k) => sum + ((z.idle && z.idle[k] && z.idle[k].mu) || 0), 0);
      tr.append(el('td', null, z.place || '—'), ...CLASSES.map((c) => el('td', null, String((z.classes && z.classes[c]) || 0))),
        el('td', null, number(idleMu)));
      return tr;
    });
    const thead = el('thead');
    thead.append(head);
    const tbody = el('tbody');
    tbody.append(...rows);
    $('mujun-zones').replaceChildren(thead, tbody);
    $('mujun-firms').replaceChildren(...(d.firms || []).map((f) => {
      const li = el('li', 'pa-pipeline-member');
      li.dataset.code = f.code;
      const badge = el('span', 'pa-pipeline-code', f.class || '—');
      li.append(badge, el('span', 'pa-pipeline-name', t('mujunFirmRow', { code: f.code, name: getLang() === 'en' && f.name_en ? f.name_en : f.name })));
      const note = f.score_per_mu != null ? t('mujunScore', { score: number(f.score_per_mu, 3) })
        : f.unscored === 'not_rated' ? t('mujunNotRated') : t('mujunUnrated');
      li.append(el('span', 'pa-pipeline-extra', `${note} · ${(f.parcel_codes || []).join('、')}`));
      return li;
    }));
    this._recolour();
  }

  /** The key: each class (or idle kind) with the parcels the map colours by it. */
  _legend() {
    const idle = this.mode.value === 'idle';
    const values = idle ? IDLE : CLASSES;
    const counts = new Map();
    const parcels = this.manager.layers.parcels;
    if (parcels) parcels.eachLayer((layer) => {
      const p = (layer.feature && layer.feature.properties) || {};
      const v = (idle ? p.idle_kind : p.mujun_class) || null;
      counts.set(v, (counts.get(v) || 0) + 1);
    });
    $('mujun-legend').replaceChildren(...[...values, null].map((v) => {
      const row = el('li', 'pa-pipeline-legend-row');
      row.dataset.value = v || 'none';
      const swatch = el('span', 'pa-pipeline-swatch');
      swatch.style.background = colour(this.mode.value, v);
      const label = v ? (idle ? t(`idle_${v}`) : t(`mujunClass_${v}`)) : idle ? t('mujunNotIdle') : t('mujunUnrated');
      row.append(swatch, el('span', null, label), el('span', 'pa-pipeline-legend-count', String(counts.get(v) || 0)));
      return row;
    }));
  }

  relabel() {
    $('mujun-toggle-text').textContent = t('mujunButton');
    $('pa-mujun-heading').textContent = t('mujunHeading');
    $('pa-mujun-close').setAttribute('aria-label', t('close'));
    $('mujun-show-label').textContent = t('mujunShow');
    $('mujun-zones-heading').textContent = t('mujunZones');
    $('mujun-firms-heading').textContent = t('mujunFirms');
    const chosen = this.mode.value || 'class';
    this.mode.replaceChildren(...[['class', t('mujunShowClass')], ['idle', t('mujunShowIdle')]].map(([v, text]) => {
      const o = el('option', null, text);
      o.value = v;
      return o;
    }));
    this.mode.value = chosen;
  }
}
