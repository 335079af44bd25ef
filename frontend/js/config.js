// Talks to the backend: the map catalog (/api/map/config) and OGC API Features item pages.
//
// The catalog is the single source of truth for which layers exist, what they are called
// and how their attributes are labelled; nothing here hard-codes a collection list.

import { request } from './request.js';
import { setVocabulary } from './vocabulary.js';

export { ProblemError } from './request.js';

export const CONFIG_URL = '/api/map/config';

// Large enough that a park's layers normally arrive in one page; paging is still followed.
const PAGE_LIMIT = 10000;
// A misbehaving server that keeps returning "next" must not hang the page forever.
const MAX_PAGES = 200;

/** GET a JSON document through the one request module; rejects with its ProblemError. */
export async function getJson(url, accept = 'application/json') {
  return (await request('GET', url, { accept })).body;
}

export async function loadCatalog() {
  const catalog = await getJson(CONFIG_URL, 'application/json');
  if (!catalog || !Array.isArray(catalog.collections)) {
    throw new Error('invalid catalog (no collections)');
  }
  setVocabulary(catalog);
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
