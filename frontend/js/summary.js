// The readiness summary in the side panel: per zone and per industrial park, how many parcels
// (and mu) are ready, partly ready or not ready as of the slider's date
// (GET /api/readiness/summary?as_of=…).
//
// The slider can move faster than the server answers: requests are debounced, answers cached
// per date, and an answer for a date that is no longer wanted is never shown.

import { getJson } from './config.js';
import { pick, t } from './i18n.js';
import { monthLabel } from './asof.js';
import { formatNumber } from './popup.js';
import { readinessColor } from './styles.js';
import { describeError } from './status.js';
import { el } from './dom.js';

const DEBOUNCE_MS = 350;
const CLASSES = ['ready', 'partly', 'none'];


const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export class SummaryPanel {
  /**
   * @param section  the panel section (hidden while the readiness view is off)
   * @param titles   () → {zones, industrialParks} group headings (the catalog's layer titles)
   */
  constructor(section, { titles }) {
    this.section = section;
    this.heading = section.querySelector('#pa-summary-heading');
    this.asOfEl = section.querySelector('#pa-summary-asof');
    this.body = section.querySelector('#pa-summary-body');
    this.titles = titles;
    this.cache = new Map();
    this.wanted = null;
    this.timer = null;
  }

  /** Asks for the summary as of `asOf`, after a short pause so a drag or play run costs one request. */
  request(asOf, { now = false } = {}) {
    this.wanted = asOf;
    clearTimeout(this.timer);
    this.render();
    if (this.cache.has(asOf) && !this.cache.get(asOf).error) return;
    this.timer = setTimeout(() => this._load(asOf), now ? 0 : DEBOUNCE_MS);
  }

  _load(asOf) {
    if (this.cache.has(asOf) && !this.cache.get(asOf).error) return;
    getJson(`/api/readiness/summary?as_of=${encodeURIComponent(asOf)}`).then(
      (data) => this.cache.set(asOf, { data }),
      (error) => {
        console.error('ParkAtlas: readiness summary failed', error);
        this.cache.set(asOf, { error });
      },
    ).then(() => {
      if (this.wanted === asOf) this.render();
    });
  }

  render() {
    this.heading.textContent = t('summaryHeading');
    if (!this.wanted) return;
    this.asOfEl.textContent = t('summaryAsOf', { date: monthLabel(this.wanted) });
    const hit = this.cache.get(this.wanted);
    this.section.setAttribute('aria-busy', hit ? 'false' : 'true');
    // While the next date loads, the previous figures stay (dimmed) rather than flashing empty.
    this.body.classList.toggle('pa-stale', !hit);
    if (!hit) {
      if (!this.body.childElementCount) this.body.replaceChildren(el('p', 'pa-summary-status', t('summaryLoading')));
      return;
    }
    if (hit.error) {
      this.body.replaceChildren(el('p', 'pa-summary-status pa-summary-error', t('summaryError', { detail: describeError(hit.error) })));
      return;
    }
    const titles = this.titles();
    const frag = document.createDocumentFragment();
    frag.appendChild(this._key());
    frag.appendChild(this._table('zones', titles.zones, hit.data.zones));
    frag.appendChild(this._table('industrial-parks', titles.industrialParks, hit.data.industrialParks));
    this.body.replaceChildren(frag);
  }

  /** The map's own colours: all met, none met, and the ramp's yellow for "some". */
  _chipColor(cls) {
    return cls === 'ready' ? readinessColor(1, 1) : cls === 'none' ? readinessColor(0, 1) : readinessColor(3, 8);
  }

  /** Column key: what the three colours and the two numbers in each cell mean. */
  _key() {
    const key = el('div', 'pa-summary-key');
    for (const cls of CLASSES) {
      const item = el('span', `pa-summary-key-item pa-summary-${cls}`);
      const chip = el('span', 'pa-summary-chip');
      chip.style.background = this._chipColor(cls);
      item.append(chip, document.createTextNode(t(`summary_${cls}`)));
      key.appendChild(item);
    }
    key.appendChild(el('span', 'pa-summary-unit', t('summaryUnit')));
    return key;
  }

  _table(group, title, rows) {
    const table = el('table', 'pa-summary-table');
    table.dataset.group = group;
    table.appendChild(el('caption', null, title));
    const thead = el('thead');
    const hr = el('tr');
    hr.appendChild(el('th', 'pa-summary-name'));
    for (const cls of CLASSES) {
      const th = el('th', `pa-summary-${cls}`, t(`summary_${cls}`));
      th.scope = 'col';
      hr.appendChild(th);
    }
    thead.appendChild(hr);
    table.appendChild(thead);

    const tbody = el('tbody');
    const list = Array.isArray(rows) ? rows : [];
    if (!list.length) {
      const tr = el('tr');
      const td = el('td', 'pa-summary-status', t('summaryEmpty'));
      td.colSpan = 4;
      tr.appendChild(td);
      tbody.appendChild(tr);
    }
    for (const r of list) {
      const tr = el('tr');
      tr.dataset.code = r.code ?? '';
      const th = el('th', 'pa-summary-name');
      th.scope = 'row';
      th.appendChild(el('span', null, pick(r.name, r.code ?? '')));
      th.appendChild(this._bar(r));
      tr.appendChild(th);
      for (const cls of CLASSES) {
        const c = r[cls] || {};
        const td = el('td', `pa-summary-${cls}`);
        td.dataset.parcels = String(num(c.parcels));
        td.appendChild(el('span', 'pa-summary-parcels', formatNumber(num(c.parcels), { decimals: 0 })));
        const mu = num(c.mu);
        td.appendChild(el('span', 'pa-summary-mu', mu ? formatNumber(mu, { decimals: 1, fixed: true }) : '0'));
        tr.appendChild(td);
      }
      tbody.appendChild(tr);
    }
    table.appendChild(tbody);
    return table;
  }

  /** A thin stacked bar of the three classes by area: the proportion at a glance. */
  _bar(r) {
    const bar = el('span', 'pa-summary-bar');
    bar.setAttribute('aria-hidden', 'true');
    const total = CLASSES.reduce((s, cls) => s + num(r[cls] && r[cls].mu), 0);
    if (total <= 0) return bar;
    for (const cls of CLASSES) {
      const share = num(r[cls] && r[cls].mu) / total;
      if (share <= 0) continue;
      const part = el('span', `pa-summary-bar-${cls}`);
      part.style.width = `${(share * 100).toFixed(2)}%`;
      part.style.background = this._chipColor(cls);
      bar.appendChild(part);
    }
    return bar;
  }
}
