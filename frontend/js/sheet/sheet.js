// A parcel's sheet (/parcels/{code}): the parcel in context on a map, its key figures, the standard-land indicators
// with what each means, the readiness checklist with dates and reasons, the nearest works, the buildings on it,
// and the enquiry form. Everything the server names is set as text; the page re-renders on the language switch.

import { getLang, setLang, onLangChange, applyDocumentLang, t, pick, otherLang, LANGS } from '../i18n.js';
import { getJson, loadCatalog } from '../config.js';
import { request } from '../request.js';
import { el } from '../dom.js';
import { createStyler } from '../styles.js';
import { describeError } from '../status.js';
import { unit } from './units.js';
import { keepLabelsApart } from '../labels.js';
import { addContext } from '../context.js';

const L = window.L;
const $ = (id) => document.getElementById(id);
const CONTEXT_METRES = 350; // how far around the parcel its neighbours, roads and lines are drawn
const DEGREES_PER_METRE = 1 / 111320;

const code = decodeURIComponent(window.location.pathname.replace(/^\/parcels\//, '').replace(/\/$/, ''));
let sheet = null;
let checklist = null;
let catalog = null;
let park = null;
let map = null;

function number(n, digits = 2) {
  return n == null ? '—' : Number(n).toLocaleString(getLang() === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: digits });
}

function row(dl, labelText, value) {
  dl.append(el('dt', null, labelText), el('dd', null, value));
}

function render() {
  applyDocumentLang();
  const sw = $('lang-switch');
  sw.textContent = LANGS[otherLang()].name;
  sw.lang = LANGS[otherLang()].tag;
  $('sheet-finder').textContent = t('sheetBackToFinder');
  $('sheet-finder').href = `/?view=find&lang=${getLang()}`;
  $('sheet-home').href = `/?lang=${getLang()}`;
  $('park-name').textContent = park ? pick(park.name, '') : 'ParkAtlas';
  if (!sheet) return;
  document.title = `${sheet.code} · ${park ? pick(park.name, '') : 'ParkAtlas'}`;
  $('sheet-title').textContent = t('sheetTitle', { code: sheet.code });
  $('sheet-brochure').textContent = t('sheetBrochure');
  $('sheet-brochure').href = `/api/parcels/${encodeURIComponent(sheet.id)}/brochure.pdf?lang=${LANGS[getLang()].tag}`;
  $('sheet-subtitle').textContent = [sheet.industrial_park && pick(sheet.industrial_park.name),
    sheet.zone && pick(sheet.zone.name), pick(sheet.status.label), sheet.standard_land ? t('sheetStandardLand') : null]
    .filter(Boolean).join(' · ');
  const r = sheet.readiness;
  $('sheet-tier').replaceChildren(
    el('span', `pa-sheet-tier-badge pa-tier-${r.tier}`, t('sheetTier', { n: r.tier, total: r.tiers.length })),
    el('span', null, ` ${pick(r.tier_label, '')} · ${r.ready ? t('sheetReadyNow') : r.ready_date ? t('sheetReadyOn', { date: r.ready_date }) : t('sheetNotScheduled')}`));

  const dl = $('sheet-figures');
  dl.replaceChildren();
  row(dl, t('sheetArea'), t('sheetAreaValue', { mu: number(sheet.area.mu), m2: number(sheet.area.m2, 0), ha: number(sheet.area.ha) }));
  row(dl, t('sheetLandUse'), `${sheet.land_use.value} ${pick(sheet.land_use.label, '')}`);
  row(dl, t('sheetIndustrialPark'), sheet.industrial_park ? pick(sheet.industrial_park.name) : '—');
  row(dl, t('sheetZone'), sheet.zone ? pick(sheet.zone.name) : '—');
  row(dl, t('sheetStatus'), pick(sheet.status.label));
  row(dl, t('sheetPrice'), sheet.reference_price_wan_per_mu == null ? t('sheetPriceOnRequest')
    : `${number(sheet.reference_price_wan_per_mu)} ${unit('万元/亩')}`);
  row(dl, t('sheetReadiness'), `${r.met} / ${r.total} · ${t(r.standard === 'nine' ? 'standard_nine' : 'standard_seven')}`);

  const tbody = $('sheet-indicators');
  tbody.replaceChildren();
  for (const i of sheet.indicators) {
    const tr = el('tr');
    const what = el('th', null, pick(i.label, i.name));
    what.scope = 'row';
    const value = el('td', 'pa-sheet-value', i.value == null ? '—' : `${i.bound === 'min' ? '≥' : '≤'} ${number(i.value)} ${unit(i.unit)}`);
    tr.append(what, value, el('td', 'pa-sheet-meaning', pick(i.meaning, '')));
    tbody.append(tr);
  }

  $('sheet-assessments-heading').textContent = t('sheetAssessments');
  const done = (sheet.regional_assessments || []).filter((a) => a.done);
  const todo = (sheet.regional_assessments || []).filter((a) => !a.done);
  $('sheet-assessments').replaceChildren(...(done.length
    ? done.map((a) => { const li = el('li', null, pick(a.label, a.value)); li.dataset.value = a.value; return li; })
    : [el('li', 'pa-sheet-none', t('sheetAssessmentsNone'))]));
  $('sheet-assessments-todo').textContent = todo.length
    ? t('sheetAssessmentsTodo', { list: todo.map((a) => pick(a.label, a.value)).join(getLang() === 'zh' ? '、' : ', ') }) : '';

  $('sheet-readiness-heading').textContent = t(r.standard === 'nine' ? 'standard_nine' : 'standard_seven');
  const list = $('sheet-readiness');
  list.replaceChildren();
  for (const item of (checklist && checklist.items) || []) {
    const li = el('li', item.met ? 'pa-met' : 'pa-unmet');
    li.dataset.item = item.item;
    const when = item.met ? t('sheetSince', { date: item.readyDate }) : item.readyDate ? t('sheetFrom', { date: item.readyDate }) : t('sheetNotScheduled');
    li.append(el('span', 'pa-sheet-mark', item.met ? '✓' : '✗'), el('strong', null, pick(item.label, item.item)), el('span', null, ` · ${when}`));
    const source = getLang() === 'en' ? item.sourceNameEn || item.sourceName : item.sourceName;
    const line = getLang() === 'en' ? item.servingLineNameEn || item.servingLineName : item.servingLineName;
    if (item.met && (line || source)) {
      li.append(el('span', 'pa-sheet-source', [...new Set([line, source].filter(Boolean))].join(' ← ')));
    }
    if (!item.met && item.reason) li.append(el('span', 'pa-sheet-reason', pick(item.reason, '')));
    list.append(li);
  }

  $('sheet-nearest-heading').textContent = t('sheetNearest');
  const nearest = $('sheet-nearest');
  nearest.replaceChildren(...sheet.nearest.map((n) => el('li', null,
    `${pick(n.label, n.target)}: ${n.name ? pick(n.name) : ''} · ${number(n.distance_m, 0)} m`)));
  $('sheet-buildings-heading').textContent = t('sheetBuildings');
  const buildings = $('sheet-buildings');
  buildings.replaceChildren(...(sheet.buildings.length ? sheet.buildings.map((b) => el('li', null,
    [b.code, b.name, pick(b.status.label), b.floors ? t('sheetFloors', { n: b.floors }) : null,
      b.building_area_m2 ? `${number(b.building_area_m2, 0)} m²` : null].filter(Boolean).join(' · ')))
    : [el('li', 'pa-sheet-none', t('sheetNoBuildings'))]));

  $('sheet-figures-heading').textContent = t('sheetFigures');
  $('sheet-indicators-heading').textContent = t('sheetIndicators');
  $('sheet-enquire-heading').textContent = t('sheetEnquire');
  const c = sheet.contact || {};
  $('sheet-contact').textContent = [c.name && pick(c.name), c.phone, c.email, c.address && pick(c.address)].filter(Boolean).join(' · ')
    || t('sheetContactByForm');
  for (const [id, key] of [['name', 'sheetYourName'], ['organisation', 'sheetOrganisation'], ['contact', 'sheetContactField'],
    ['industry', 'sheetIndustry'], ['land', 'sheetLandNeed'], ['message', 'sheetMessage']]) {
    $(`enquiry-${id}-label`).textContent = t(key);
  }
  $('enquiry-send').textContent = t('sheetSend');
  $('sheet-map').setAttribute('aria-label', t('sheetMapLabel', { code: sheet.code }));
  $('sheet-map-note').textContent = t('sheetMapNote');
  $('sheet-made').textContent = t('sheetAsOf', { date: sheet.as_of });
}

async function drawMap() {
  const bounds = L.latLngBounds([sheet.bbox[1], sheet.bbox[0]], [sheet.bbox[3], sheet.bbox[2]]);
  map = L.map('sheet-map', { zoomControl: true, scrollWheelZoom: false, zoomSnap: 0.25 });
  map.fitBounds(bounds.pad(1.4), { animate: false }); // the parcel among its neighbours
  L.control.scale({ imperial: false }).addTo(map);
  addContext(map).catch(() => {}); // the river, the town, the roads around: where the parcel is
  const d = CONTEXT_METRES * DEGREES_PER_METRE;
  const box = [sheet.bbox[0] - d * 1.25, sheet.bbox[1] - d, sheet.bbox[2] + d * 1.25, sheet.bbox[3] + d].join(',');
  for (const id of ['parcels', 'factory-buildings', 'utility-lines', 'roads', 'facilities']) {
    const collection = catalog.collections.find((c) => c.id === id);
    if (!collection) continue;
    const page = await getJson(`/ogcapi/collections/${id}/items?limit=1000&bbox=${box}`);
    const style = createStyler(collection);
    const layer = L.geoJSON(page, {
      style: (f) => (id === 'parcels' && String(f.id) === String(sheet.id)
        ? { ...style(f), weight: 4, color: getComputedStyle(document.documentElement).getPropertyValue('--pa-map-finder-line').trim() || '#CC1E6B' }
        : id === 'parcels' ? { ...style(f), fillOpacity: 0.35 } : style(f)),
      pointToLayer: (f, latlng) => L.circleMarker(latlng, style(f)),
      interactive: id === 'roads' || id === 'facilities',
    }).addTo(map);
    if (id === 'roads') labelRoads(layer);
    if (id === 'facilities') {
      layer.eachLayer((l) => {
        const p = l.feature.properties;
        const name = getLang() === 'en' ? p.name_en || p.name : p.name;
        if (name) l.bindTooltip(() => el('span', null, name), { direction: 'center', className: 'pa-sheet-road-label' });
      });
    }
  }
  keepLabelsApart(map);
}

/**
 * A road is stored as one segment per block, so its name is put once, on its longest segment in view, and names
 * that would overlap give way (labels.js).
 */
function labelRoads(layer) {
  const longest = new Map();
  layer.eachLayer((l) => {
    const p = l.feature.properties;
    const name = getLang() === 'en' ? p.name_en || p.name : p.name;
    if (!name) return;
    const latlngs = l.getLatLngs().flat(2);
    let length = 0;
    for (let i = 1; i < latlngs.length; i += 1) length += latlngs[i - 1].distanceTo(latlngs[i]);
    if (!longest.has(name) || longest.get(name).length < length) longest.set(name, { l, length });
  });
  for (const [name, { l }] of longest) {
    l.bindTooltip(() => el('span', null, name), { permanent: true, direction: 'center', className: 'pa-sheet-road-label pa-label' });
  }
}

async function main() {
  applyDocumentLang();
  $('lang-switch').addEventListener('click', () => setLang(otherLang()));
  onLangChange(() => {
    render();
    if (map) {
      map.remove();
      map = null;
      drawMap().catch(() => {});
    }
  });
  render();
  try {
    catalog = await loadCatalog();
    park = catalog.park;
    sheet = await getJson(`/api/parcels/${encodeURIComponent(code)}/sheet`);
    checklist = await getJson(`/api/parcels/${encodeURIComponent(sheet.id)}/readiness`);
  } catch (err) {
    $('sheet-status').textContent = err && err.status === 404 ? t('sheetNotFound', { code }) : describeError(err);
    render();
    return;
  }
  $('sheet-status').hidden = true;
  $('sheet').hidden = false;
  render();
  document.body.classList.add('pa-ready');
  await drawMap().catch((err) => console.error('ParkAtlas: sheet map failed', err));
  document.body.classList.add('pa-map-drawn');
  $('enquiry-form').addEventListener('submit', (e) => {
    e.preventDefault();
    enquire();
  });
}

async function enquire() {
  const form = $('enquiry-form');
  const result = $('enquiry-result');
  const data = Object.fromEntries(new FormData(form).entries());
  const body = { ...data, parcels: [sheet.id] };
  body.land_need_mu = data.land_need_mu === '' ? null : Number(data.land_need_mu);
  for (const k of ['organisation', 'industry', 'message', 'website']) if (body[k] === '') delete body[k];
  $('enquiry-send').disabled = true;
  try {
    const answer = await request('POST', '/api/enquiries', { body, contentType: 'application/json' });
    result.textContent = answer.body && answer.body.acknowledgement ? answer.body.acknowledgement : t('sheetSent');
    result.className = 'pa-sheet-result pa-sheet-ok';
    form.querySelectorAll('input, textarea').forEach((i) => { if (i.name !== 'website') i.value = ''; });
  } catch (err) {
    result.textContent = describeError(err);
    result.className = 'pa-sheet-result pa-sheet-error';
  } finally {
    $('enquiry-send').disabled = false;
  }
}

main();
