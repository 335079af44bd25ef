// The finder's result list: how many parcels and mu, then one row per parcel with the figures an investor
// compares first. Rows and the map stay in step: hovering one emphasises the other, a click frames the parcel.

import { el } from '../dom.js';
import { t, getLang } from '../i18n.js';
import { valueLabel } from '../vocabulary.js';

const MU_PER_HA = 15;

function formatNumber(n, digits = 1) {
  return Number(n).toLocaleString(getLang() === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: digits });
}

export class FinderResults {
  /**
   * @param handlers {onHover(id, on), onOpen(id), sheetUrl(row), tierLabel(n), placeName(kind, code)}
   */
  constructor(summary, list, parcels, handlers) {
    this.summary = summary;
    this.list = list;
    this.parcels = parcels;
    this.h = handlers;
    this.rows = new Map();
    this.answer = null;
    this.chosen = new Set(); // parcels ticked for comparison, at most four
    this.compareLink = el('a', 'pa-button pa-button-light pa-finder-compare-go');
    this.compareLink.hidden = true;
  }

  /** Shows an answer of GET /api/finder; `error` (text) instead when the search failed. */
  render(answer, error = null, selected = null) {
    this.answer = answer;
    this.rows.clear();
    this.list.replaceChildren();
    if (error) {
      this.summary.textContent = error;
      this.summary.classList.add('pa-finder-error');
      return;
    }
    this.summary.classList.remove('pa-finder-error');
    if (!answer) {
      this.summary.textContent = t('finderSearching');
      return;
    }
    this.summary.textContent = answer.count === 0 ? t('finderNone')
      : t('finderCount', { n: answer.count, mu: formatNumber(answer.total_mu) });
    for (const id of [...this.chosen]) if (!answer.parcels.some((p) => String(p.id) === id)) this.chosen.delete(id);
    this.summary.append(this.compareLink);
    this._renderCompare();
    for (const row of answer.parcels) this.list.append(this._row(row));
    if (answer.count > answer.parcels.length) {
      this.list.append(el('li', 'pa-finder-more-rows', t('finderFirst', { n: answer.parcels.length })));
    }
    this.select(selected);
  }

  _row(p) {
    const li = el('li', 'pa-finder-row');
    li.dataset.id = p.id;
    const button = el('button', 'pa-finder-open');
    button.type = 'button';
    const head = el('span', 'pa-finder-row-head');
    head.append(el('strong', 'pa-finder-code', p.code || p.id),
      el('span', 'pa-finder-area', t('finderMu', { mu: formatNumber(p.area_mu), ha: formatNumber(p.area_mu / MU_PER_HA, 2) })));
    const place = [this.h.placeName('industrialParks', p.industrial_park), this.h.placeName('zones', p.zone)]
      .filter(Boolean).join(' · ');
    const facts = [];
    facts.push(p.ready ? t('finderReadyNow') : p.ready_date ? t('finderReadyOn', { date: p.ready_date }) : t('finderNotScheduled'));
    if (p.readiness_tier) facts.push(this.h.tierLabel(p.readiness_tier));
    if (p.reference_price_wan_per_mu != null) facts.push(t('finderPrice', { price: formatNumber(p.reference_price_wan_per_mu) }));
    if (p.min_investment_wan_per_mu != null) facts.push(t('finderInvest', { v: formatNumber(p.min_investment_wan_per_mu, 0) }));
    button.append(head, el('span', 'pa-finder-place', place),
      el('span', 'pa-finder-facts', [valueLabel(this.parcels, 'status', p.status), ...facts].join(' · ')));
    button.addEventListener('click', () => this.h.onOpen(p.id));
    button.addEventListener('mouseenter', () => this.h.onHover(p.id, true));
    button.addEventListener('mouseleave', () => this.h.onHover(p.id, false));
    button.addEventListener('focus', () => this.h.onHover(p.id, true));
    button.addEventListener('blur', () => this.h.onHover(p.id, false));
    const sheet = el('a', 'pa-finder-sheet', t('finderSheet'));
    sheet.href = this.h.sheetUrl(p);
    const compare = el('label', 'pa-finder-compare');
    const box = el('input');
    box.type = 'checkbox';
    box.checked = this.chosen.has(String(p.id));
    box.addEventListener('change', () => {
      if (box.checked && this.chosen.size >= 4) {
        box.checked = false;
        return;
      }
      if (box.checked) this.chosen.add(String(p.id));
      else this.chosen.delete(String(p.id));
      this._renderCompare();
    });
    compare.append(box, document.createTextNode(t('finderCompare')));
    const side = el('span', 'pa-finder-side');
    side.append(sheet, compare);
    li.append(button, side);
    this.rows.set(String(p.id), li);
    return li;
  }

  _renderCompare() {
    const n = this.chosen.size;
    this.compareLink.hidden = n < 2;
    this.compareLink.textContent = t('finderCompareGo', { n });
    this.compareLink.href = `/compare?ids=${[...this.chosen].map(encodeURIComponent).join(',')}&lang=${getLang()}`;
  }

  /** Marks the row of a parcel hovered on the map (or stops). */
  hover(id, on) {
    const row = this.rows.get(String(id));
    if (row) row.classList.toggle('pa-finder-row-hover', on);
  }

  /** Marks the selected parcel's row and scrolls it into view. */
  select(id) {
    for (const [rowId, row] of this.rows) {
      const on = rowId === String(id);
      row.classList.toggle('pa-finder-row-selected', on);
      if (on) row.scrollIntoView({ block: 'nearest' });
    }
  }

  ids() {
    return this.answer ? this.answer.parcels.map((p) => String(p.id)) : [];
  }
}

