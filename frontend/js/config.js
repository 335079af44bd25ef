// Talks to the backend: the map catalog (/api/map/config) and OGC API Features item pages.
//
// The catalog is the single source of truth for which layers exist, what they are called
// and how their attributes are labelled; nothing here hard-codes a collection list.

export const CONFIG_URL = '/api/map/config';

// Large enough that a park's layers normally arrive in one page; paging is still followed.
const PAGE_LIMIT = 10000;
// A misbehaving server that keeps returning "next" must not hang the page forever.
const MAX_PAGES = 200;

export class HttpError extends Error {
  constructor(status, statusText, url) {
    super(`HTTP ${status}${statusText ? ' ' + statusText : ''}`);
    this.status = status;
    this.url = url;
  }
}

export async function getJson(url, accept = 'application/json') {
  let response;
  try {
    response = await fetch(url, {
      headers: { Accept: accept },
      credentials: 'same-origin',
    });
  } catch (e) {
    // fetch only rejects on network failure; mark it so the UI can say so plainly.
    const err = new Error(e && e.message ? e.message : 'network error');
    err.network = true;
    throw err;
  }
  if (!response.ok) throw new HttpError(response.status, response.statusText, url);
  return response.json();
}

export async function loadCatalog() {
  const catalog = await getJson(CONFIG_URL, 'application/json');
  if (!catalog || !Array.isArray(catalog.collections)) {
    throw new Error('invalid catalog (no collections)');
  }
  return catalog;
}

function withLimit(itemsUrl) {
  const url = new URL(itemsUrl, window.location.origin);
  if (!url.searchParams.has('limit')) url.searchParams.set('limit', String(PAGE_LIMIT));
  return url.href;
}

/**
 * Fetches every page of a collection's items, handing each page's features to `onPage`
 * as it arrives so big layers start drawing before the last page is in.
 * Resolves with the total number of features received.
 */
export async function loadItems(itemsUrl, onPage) {
  let url = withLimit(itemsUrl);
  const seen = new Set();
  let total = 0;
  for (let page = 0; url && page < MAX_PAGES; page++) {
    seen.add(url);
    const fc = await getJson(url, 'application/geo+json, application/json');
    const features = Array.isArray(fc.features) ? fc.features : [];
    total += features.length;
    if (features.length) onPage(features);
    const next = (fc.links || []).find((l) => l && l.rel === 'next' && l.href);
    url = null;
    if (next) {
      const href = new URL(next.href, window.location.href).href;
      // Guard against a server that links a page to itself.
      if (!seen.has(href) && features.length) url = href;
    }
  }
  return total;
}

/** Attribute definitions of a collection, indexed by name. */
export function attributeIndex(collection) {
  const index = new Map();
  (collection.attributes || []).forEach((a) => index.set(a.name, a));
  return index;
}

/** The catalog's enumerated values of one attribute, or null. */
export function attributeValues(collection, attrName) {
  const attr = (collection.attributes || []).find((a) => a.name === attrName);
  return attr && Array.isArray(attr.values) && attr.values.length ? attr.values : null;
}
