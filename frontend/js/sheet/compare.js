// Two to four parcels side by side (/compare?ids=a,b,c): every figure of their sheets in one table, the rows where
// they differ marked, and in each such row the cell an investor would call best (largest, cheapest, soonest,
// nearest) emphasised. The address holds the parcels and the language, so a link shows the same comparison.

import { getLang, setLang, onLangChange, applyDocumentLang, t, pick, otherLang, LANGS } from '../i18n.js';
import { getJson, loadCatalog } from '../config.js';
import { el } from '../dom.js';
import { describeError } from '../status.js';
import { unit } from './units.js';

const $ = (id) => document.getElementById(id);
const MAX = 4;
const ids = (new URLSearchParams(window.location.search).get('ids') || '').split(',').map((s) => s.trim())
  .filter(Boolean).slice(0, MAX);
let sheets = [];
let park = null;

const num = (n, d = 2) => (n == null ? null : Number(n).toLocaleString(getLang() === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: d }));

/** The rows: a label, each sheet's value (for comparing) and its text, and which way is better (or none). */
function rows() {
  const out = [
    { key: 'sheetArea', value: (s) => s.area.mu, text: (s) => t('sheetAreaValue', { mu: num(s.area.mu), m2: num(s.area.m2, 0), ha: num(s.area.ha) }), better: 'high' },
    { key: 'sheetIndustrialPark', value: (s) => s.industrial_park && s.industrial_park.code, text: (s) => (s.industrial_park ? pick(s.industrial_park.name) : '—') },
    { key: 'sheetZone', value: (s) => s.zone && s.zone.code, text: (s) => (s.zone ? pick(s.zone.name) : '—') },
    { key: 'sheetLandUse', value: (s) => s.land_use.value, text: (s) => `${s.land_use.value} ${pick(s.land_use.label, '')}` },
    { key: 'sheetStatus', value: (s) => s.status.value, text: (s) => pick(s.status.label) },
    { key: 'sheetStandardLand', value: (s) => s.standard_land, text: (s) => (s.standard_land ? t('yes') : t('no')) },
    { key: 'sheetPrice', value: (s) => s.reference_price_wan_per_mu, text: (s) => (s.reference_price_wan_per_mu == null ? '—' : `${num(s.reference_price_wan_per_mu)} ${unit('万元/亩')}`), better: 'low' },
    { key: 'compareTier', value: (s) => s.readiness.tier, text: (s) => `${s.readiness.tier} · ${pick(s.readiness.tier_label, '')}`, better: 'high' },
    { key: 'compareReadyDate', value: (s) => s.readiness.ready_date, text: (s) => s.readiness.ready_date || t('sheetNotScheduled'), better: 'early' },
    { key: 'sheetReadiness', value: (s) => s.readiness.met, text: (s) => `${s.readiness.met} / ${s.readiness.total}`, better: 'high' },
    {
      key: 'compareAssessments',
      value: (s) => (s.regional_assessments || []).filter((a) => a.done).length,
      text: (s) => {
        const done = (s.regional_assessments || []).filter((a) => a.done);
        return `${done.length} / ${(s.regional_assessments || []).length}: ${done.map((a) => pick(a.label, a.value)).join(getLang() === 'zh' ? '、' : '; ') || '—'}`;
      },
      better: 'high',
    },
  ];
  const indicators = sheets[0] ? sheets[0].indicators : [];
  indicators.forEach((indicator, i) => {
    out.push({
      label: () => pick(indicator.label, indicator.name),
      value: (s) => s.indicators[i].value,
      text: (s) => (s.indicators[i].value == null ? '—'
        : `${s.indicators[i].bound === 'min' ? '≥' : '≤'} ${num(s.indicators[i].value)} ${unit(indicator.unit)}`.trim()),
      // a lower floor or a higher ceiling asks less of the investor
      better: indicator.bound === 'min' ? 'low' : 'high',
    });
  });
  const targets = sheets[0] ? sheets[0].nearest.map((n) => n.target) : [];
  for (const target of targets) {
    const of = (s) => s.nearest.find((n) => n.target === target);
    out.push({
      label: () => pick(of(sheets[0]).label, target),
      value: (s) => (of(s) ? of(s).distance_m : null),
      text: (s) => (of(s) ? `${num(of(s).distance_m, 0)} m` : '—'),
      better: 'low',
    });
  }
  out.push({ key: 'sheetBuildings', value: (s) => s.buildings.length, text: (s) => String(s.buildings.length), better: 'high' });
  return out;
}

function best(row) {
  if (!row.better) return null;
  const values = sheets.map(row.value).filter((v) => v != null);
  if (values.length < 2) return null;
  if (row.better === 'early') return [...values].sort()[0];
  return row.better === 'high' ? Math.max(...values) : Math.min(...values);
}

function render() {
  applyDocumentLang();
  $('lang-switch').textContent = LANGS[otherLang()].name;
  $('sheet-finder').textContent = t('sheetBackToFinder');
  $('sheet-finder').href = `/?view=find&lang=${getLang()}`;
  $('park-name').textContent = park ? pick(park.name, '') : 'ParkAtlas';
  $('compare-title').textContent = t('compareTitle');
  document.title = `${t('compareTitle')} · ${park ? pick(park.name, '') : 'ParkAtlas'}`;
  if (!sheets.length) return;
  const brochure = $('compare-brochure');
  brochure.hidden = false;
  brochure.textContent = t('compareBrochure');
  brochure.href = `/api/parcels/brochure.pdf?ids=${sheets.map((s) => encodeURIComponent(s.id)).join(',')}&lang=${LANGS[getLang()].tag}`;
  const head = el('tr');
  head.append(el('th', null, ''));
  for (const s of sheets) {
    const th = el('th');
    th.scope = 'col';
    const a = el('a', null, s.code);
    a.href = `/parcels/${encodeURIComponent(s.code)}?lang=${getLang()}`;
    th.append(a);
    head.append(th);
  }
  $('compare-head').replaceChildren(head);
  const body = $('compare-body');
  body.replaceChildren();
  for (const row of rows()) {
    const tr = el('tr');
    const values = sheets.map(row.value);
    const differs = new Set(values.map((v) => JSON.stringify(v))).size > 1;
    if (differs) tr.classList.add('pa-differs');
    const th = el('th', null, row.label ? row.label() : t(row.key));
    th.scope = 'row';
    tr.append(th);
    const top = differs ? best(row) : null;
    sheets.forEach((s, i) => {
      const td = el('td', null, row.text(s));
      if (top != null && values[i] === top) td.classList.add('pa-best');
      tr.append(td);
    });
    body.append(tr);
  }
  $('compare-note').textContent = t('compareNote');
}

async function main() {
  $('lang-switch').addEventListener('click', () => setLang(otherLang()));
  onLangChange(render);
  render();
  if (ids.length < 2) {
    $('compare-status').textContent = t('compareTooFew');
    return;
  }
  try {
    const catalog = await loadCatalog();
    park = catalog.park;
    sheets = await Promise.all(ids.map((id) => getJson(`/api/parcels/${encodeURIComponent(id)}/sheet`)));
  } catch (err) {
    $('compare-status').textContent = describeError(err);
    return;
  }
  $('compare-status').hidden = true;
  $('compare-table').hidden = false;
  render();
  document.body.classList.add('pa-ready');
}

main();
