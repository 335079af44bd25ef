// The OGC API as pages (/ogcapi/… asked for as HTML, see ogcapi/HtmlPages): the same resource is read as JSON and
// shown as links, a list of collections, a table of features with a map, or a schema's properties. Everything the
// server sends is set as text.

import { getLang, setLang, onLangChange, applyDocumentLang, t, otherLang, LANGS } from '../i18n.js';
import { el } from '../dom.js';
import { describeError } from '../status.js';

const L = window.L;
const $ = (id) => document.getElementById(id);
let doc = null;
let map = null;

/** The address of this resource as JSON: the same path and parameters, with f=json. */
function jsonUrl(href = window.location.href) {
  const url = new URL(href, window.location.origin);
  url.searchParams.set('f', 'json');
  url.searchParams.delete('lang');
  return url;
}

/** A link inside the API opens as a page; any other keeps its address. */
function pageHref(href) {
  const url = new URL(href, window.location.origin);
  if (url.origin === window.location.origin && url.pathname.startsWith('/ogcapi') && url.pathname !== '/ogcapi/api') {
    url.searchParams.set('f', 'html');
    url.searchParams.set('lang', getLang() === 'en' ? 'en' : 'zh-CN');
  }
  return url.toString();
}

/** An element holding other nodes (el() takes text only). */
function box(tag, className, ...children) {
  const node = el(tag, className);
  node.append(...children);
  return node;
}

function link(href, text) {
  const a = el('a', null, text);
  a.href = pageHref(href);
  return a;
}

function links(list) {
  if (!Array.isArray(list) || !list.length) return null;
  const ul = el('ul', 'pa-sheet-list');
  for (const l of list) {
    const li = el('li');
    li.append(link(l.href, l.title || l.href), el('span', 'pa-sheet-note', ` · ${l.rel}${l.type ? ` · ${l.type}` : ''}`));
    ul.append(li);
  }
  return ul;
}

function section(title, ...content) {
  const s = el('section');
  s.append(el('h2', null, title), ...content.filter(Boolean));
  return s;
}

function text(value) {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.join(getLang() === 'zh' ? '、' : ', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function table(headers, rows) {
  const tableEl = el('table', 'pa-sheet-table');
  const head = el('tr');
  headers.forEach((h) => head.append(el('th', null, h)));
  tableEl.append(box('thead', null, head));
  const body = el('tbody');
  for (const row of rows) {
    const tr = el('tr');
    row.forEach((cell) => tr.append(cell instanceof Node ? box('td', null, cell) : el('td', null, text(cell))));
    body.append(tr);
  }
  tableEl.append(body);
  const wrap = el('div', 'pa-browse-table');
  wrap.append(tableEl);
  return wrap;
}

function drawMap(geojson) {
  if (!L || !geojson) return;
  // a catalogue's records (the investment projects) have no geometry: nothing to draw, so no map
  const features = geojson.type === 'FeatureCollection' ? geojson.features || [] : [geojson];
  if (!features.some((f) => f && f.geometry)) return;
  const box = $('browse-map');
  box.hidden = false;
  if (map) map.remove();
  map = L.map(box, { zoomSnap: 0.25, scrollWheelZoom: false });
  L.control.scale({ imperial: false }).addTo(map);
  const layer = L.geoJSON(geojson, {
    style: { color: '#CC1E6B', weight: 2, fillOpacity: 0.15 },
    pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: 6, color: '#CC1E6B' }),
  }).addTo(map);
  const bounds = layer.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds.pad(0.1), { animate: false, maxZoom: 18 });
  else map.setView([36.17, 111.62], 13);
}

function render() {
  applyDocumentLang();
  const sw = $('lang-switch');
  sw.textContent = LANGS[otherLang()].name;
  sw.lang = LANGS[otherLang()].tag;
  $('browse-json').href = jsonUrl().toString();
  $('browse-crumbs').textContent = window.location.pathname;
  const body = $('browse-body');
  body.replaceChildren();
  if (!doc) return;
  $('browse-title').textContent = doc.title || (doc.type === 'Feature' ? `${t('browseFeature')} ${doc.id}` : doc.type === 'FeatureCollection'
    ? t('browseFeatures') : window.location.pathname.split('/').filter(Boolean).pop() || 'OGC API');
  $('browse-description').textContent = doc.description || '';
  document.title = `${$('browse-title').textContent} · ParkAtlas OGC API`;
  if (Array.isArray(doc.collections)) {
    body.append(section(t('browseCollections'), table([t('browseCollection'), t('browseDescription'), t('browseItems')],
      doc.collections.map((c) => [link(`/ogcapi/collections/${c.id}`, c.title || c.id), c.description || '',
        link(`/ogcapi/collections/${c.id}/items`, t('browseItems'))]))));
  }
  if (doc.type === 'FeatureCollection') {
    const features = doc.features || [];
    const names = [...new Set(features.flatMap((f) => Object.keys(f.properties || {})))];
    body.append(el('p', 'pa-sheet-note', t('browseMatched', { returned: doc.numberReturned, matched: doc.numberMatched })));
    body.append(table(['id', ...names], features.map((f) => {
      const self = new URL(window.location.href);
      self.pathname = `${self.pathname.replace(/\/$/, '')}/${encodeURIComponent(f.id)}`;
      self.search = '';
      return [link(self.toString(), String(f.id)), ...names.map((n) => (f.properties || {})[n])];
    })));
    drawMap(doc);
  } else if (doc.type === 'Feature') {
    body.append(table([t('browseProperty'), t('browseValue')], Object.entries(doc.properties || {}).map(([k, v]) => [k, v])));
    drawMap(doc);
  } else if (doc.properties && doc.$schema) {
    body.append(table([t('browseProperty'), t('browseTitle'), t('browseType')], Object.entries(doc.properties)
      .map(([k, v]) => [k, v.title || '', v.type || v.format || ''])));
  }
  if (Array.isArray(doc.conformsTo)) body.append(section(t('browseConformance'), box('ul', 'pa-sheet-list', ...doc.conformsTo.map((c) => el('li', null, c)))));
  if (Array.isArray(doc.functions)) {
    body.append(table([t('browseFunction'), t('browseDescription')], doc.functions.map((f) => [f.name, f.description || ''])));
  }
  const linkList = links(doc.links);
  if (linkList) body.append(section(t('browseLinks'), linkList));
}

async function main() {
  applyDocumentLang();
  $('lang-switch').addEventListener('click', () => setLang(otherLang()));
  onLangChange(render);
  render();
  try {
    const response = await fetch(jsonUrl(), { headers: { Accept: 'application/json, application/geo+json' } });
    const body = await response.json();
    if (!response.ok) throw Object.assign(new Error(body.detail || response.statusText), { status: response.status, problem: body });
    doc = body;
    $('browse-status').hidden = true;
  } catch (err) {
    $('browse-status').textContent = err && err.problem ? err.problem.detail || err.message : describeError(err);
  }
  render();
  document.body.classList.add('pa-ready');
}

main();
