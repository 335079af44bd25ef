// Feature popups: every attribute the catalog declares, labelled and formatted for the
// current language. Content is built with DOM nodes and textContent only, because
// attribute values are data a park types in and must never be interpreted as HTML.

import { getLang, pick, t, unitFor, LANGS } from './i18n.js';
import { enumLabel, valueLabel } from './vocabulary.js';
import { PARCEL_STATUS, badgeInk } from './styles.js';
import { el } from './dom.js';

const M2_PER_MU = 10000 / 15; // 1 mu = 666.67 m², the unit Chinese land is sold in

const AREA_M2 = 'area_m2';
const AREA_MU = 'area_mu';

function isEmpty(v) {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '') ||
    (typeof v === 'number' && Number.isNaN(v)) || (Array.isArray(v) && v.length === 0);
}

// Digit groups separated by a space ("34 874"): the form used in Chinese standards
// (GB 3101) and SI, and unambiguous for readers of either language.
function groupDigits(intPart) {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

export function formatNumber(n, { decimals, fixed = false } = {}) {
  if (typeof n !== 'number' || !Number.isFinite(n)) return String(n);
  // Two decimals for ordinary magnitudes; small ratios (energy per 10k yuan…) keep about
  // three significant digits instead of collapsing to 0.
  const a = Math.abs(n);
  const d = decimals ?? (a >= 1 || a === 0 ? 2 : Math.min(10, Math.max(3, Math.ceil(-Math.log10(a)) + 2)));
  let s = n.toFixed(d);
  if (!fixed && s.includes('.')) s = s.replace(/\.?0+$/, '');
  if (s === '-0') s = '0';
  const neg = s.startsWith('-');
  const [intPart, frac] = (neg ? s.slice(1) : s).split('.');
  return (neg ? '-' : '') + (Math.abs(n) >= 1000 ? groupDigits(intPart) : intPart) + (frac ? '.' + frac : '');
}

function toNumber(v) {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  return null;
}

/** "52.31 亩（34 874 m²）" — land is thought of in mu, surveyed in m²; show both. */
export function formatArea(m2, mu) {
  let m2n = toNumber(m2);
  let mun = toNumber(mu);
  if (m2n === null && mun === null) return null;
  if (mun === null) mun = m2n / M2_PER_MU;
  if (m2n === null) m2n = mun * M2_PER_MU;
  const muText = formatNumber(mun, { decimals: 2, fixed: true });
  const m2Text = formatNumber(Math.round(m2n), { decimals: 0 });
  return getLang() === 'en' ? `${muText} mu (${m2Text} m²)` : `${muText} 亩（${m2Text} m²）`;
}

function withUnit(text, u) {
  if (!u) return text;
  // Percent and degree signs attach to the number; other units take a space.
  return u === '%' || u === '‰' || u === '°' ? `${text}${u}` : `${text} ${u}`;
}

export { valueLabel };

function formatBoolean(v) {
  const truthy = v === true || v === 'true' || v === 1 || v === '1';
  return truthy ? t('yes') : t('no');
}

/** Formats one attribute value for display; returns null when there is nothing to show. */
export function formatValue(attr, value, props) {
  if (isEmpty(value)) return null;
  if (Array.isArray(value)) {
    const parts = value.map((v) => formatValue(attr, v, props)).filter((v) => v !== null);
    return parts.length ? parts.join(getLang() === 'en' ? ', ' : '、') : null;
  }
  if (typeof value === 'object') return JSON.stringify(value);

  // A sibling "<name>_unit" property (e.g. capacity_unit) supplies a per-feature unit.
  const unit = attr.unit || (props && !isEmpty(props[`${attr.name}_unit`]) ? props[`${attr.name}_unit`] : null);
  const type = attr.type || (typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string');

  if (type === 'boolean' || typeof value === 'boolean') return formatBoolean(value);
  if (Array.isArray(attr.values) && attr.values.length) return enumLabel(attr, value);
  if (type === 'number' || type === 'integer') {
    const n = toNumber(value);
    if (n === null) return String(value);
    const { label, factor } = unitFor(unit);
    const value2 = n * factor;
    return withUnit(formatNumber(value2, type === 'integer' && factor === 1 ? { decimals: 0 } : {}), label);
  }
  // Dates are shown as the backend sends them (ISO dates read fine in both languages).
  return withUnit(String(value), type === 'date' ? null : unitFor(unit).label);
}

/** The feature's name in the current language, falling back to its code. */
export function featureName(feature) {
  const p = (feature && feature.properties) || {};
  const zh = p.name;
  const en = p.name_en;
  const name = getLang() === 'en' ? en || zh : zh || en;
  return isEmpty(name) ? (isEmpty(p.code) ? null : String(p.code)) : String(name);
}

function attributesFor(collection, props) {
  if (Array.isArray(collection.attributes) && collection.attributes.length) return collection.attributes;
  // Without a catalog description, show the raw scalar properties rather than nothing.
  return Object.keys(props)
    .filter((k) => props[k] === null || typeof props[k] !== 'object')
    .map((k) => ({ name: k, label: k }));
}

/** Rows of [label, value] for a feature, in catalog order, empties skipped. */
export function attributeRows(collection, feature) {
  const props = (feature && feature.properties) || {};
  const attrs = attributesFor(collection, props);
  const names = new Set(attrs.map((a) => a.name));
  const rows = [];
  let areaDone = false;

  for (const attr of attrs) {
    const name = attr.name;
    if (name === AREA_M2 || name === AREA_MU) {
      // Both area attributes collapse into one row at the position of the first one.
      if (areaDone) continue;
      areaDone = true;
      const text = formatArea(props[AREA_M2], props[AREA_MU]);
      if (text !== null) rows.push({ name: 'area', label: t('area'), value: text });
      continue;
    }
    // "capacity_unit" is folded into "capacity" above; don't list it twice.
    if (name.endsWith('_unit') && names.has(name.slice(0, -5)) && !isEmpty(props[name.slice(0, -5)])) continue;
    const text = formatValue(attr, props[name], props);
    if (text === null) continue;
    rows.push({ name, label: pick(attr.label, name), value: text });
  }
  return rows;
}


/** Builds the popup DOM for a feature. */
export function buildPopup(collection, feature) {
  const props = (feature && feature.properties) || {};
  const root = el('div', `pa-popup pa-popup-${collection.id}`);
  root.lang = LANGS[getLang()].tag;

  const header = el('header', 'pa-popup-header');
  header.appendChild(el('div', 'pa-popup-kicker', pick(collection.title, collection.id)));
  const title = featureName(feature) || pick(collection.title, collection.id);
  const h = el('h3', 'pa-popup-title', title);
  header.appendChild(h);

  // Status first, as a coloured badge: it is the first thing an investor asks about a parcel.
  if (collection.id === 'parcels' && !isEmpty(props.status)) {
    const badge = el('span', `pa-badge pa-badge-${String(props.status).replace(/[^A-Za-z0-9_-]/g, '_')}`,
      valueLabel(collection, 'status', props.status));
    const colours = PARCEL_STATUS[props.status];
    if (colours) {
      badge.style.setProperty('--pa-badge-bg', colours.fill);
      badge.style.setProperty('--pa-badge-fg', badgeInk(props.status));
    }
    header.appendChild(badge);
  }
  root.appendChild(header);

  const rows = attributeRows(collection, feature);
  if (rows.length) {
    const table = el('table', 'pa-popup-attrs');
    const tbody = el('tbody');
    for (const row of rows) {
      const tr = el('tr');
      tr.dataset.attr = row.name;
      const th = el('th', null, row.label);
      th.scope = 'row';
      tr.appendChild(th);
      tr.appendChild(el('td', null, row.value));
      tbody.appendChild(tr);
    }
    table.appendChild(tbody);
    root.appendChild(table);
  }
  return root;
}

/** Short hover text: name plus, for parcels, the status. */
export function tooltipText(collection, feature) {
  const p = (feature && feature.properties) || {};
  const name = featureName(feature) || pick(collection.title, collection.id);
  if (collection.id === 'parcels' && !isEmpty(p.status)) {
    const area = formatArea(p[AREA_M2], p[AREA_MU]);
    return [name, valueLabel(collection, 'status', p.status), area].filter(Boolean).join(' · ');
  }
  if (!isEmpty(p.status) && (collection.id === 'roads' || collection.id === 'utility-lines' ||
      collection.id === 'facilities' || collection.id === 'factory-buildings')) {
    return `${name} · ${valueLabel(collection, 'status', p.status)}`;
  }
  return name;
}
