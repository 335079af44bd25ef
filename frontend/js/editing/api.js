// The parcel endpoints the editor uses, all through the one request module (CSRF header, Accept-Language, one
// ProblemError). Geometry goes as GeoJSON in CRS84.

import { request } from '../request.js';

const ITEMS_URL = '/ogcapi/collections/parcels/items';
const GEOJSON = 'application/geo+json';
const ACCEPT = 'application/geo+json, application/json, application/problem+json';

const itemUrl = (id) => `${ITEMS_URL}/${encodeURIComponent(id)}`;
const parcelUrl = (id, rest = '') => `/api/parcels/${encodeURIComponent(id)}${rest}`;
const send = (method, url, options = {}) => request(method, url, { accept: ACCEPT, cache: 'no-store', ...options });

/** The parcel as stored now: {etag, feature}. */
export async function readParcel(id) {
  const r = await send('GET', itemUrl(id));
  return { etag: r.etag, feature: r.body };
}

export const createParcel = (feature) => send('POST', ITEMS_URL, { body: feature, contentType: GEOJSON });

export const patchParcel = (id, patch, etag) =>
  send('PATCH', itemUrl(id), { body: patch, contentType: 'application/merge-patch+json', ifMatch: etag });

export const retireParcel = (id, etag) => send('DELETE', itemUrl(id), { ifMatch: etag });

export const splitParcel = (id, line) => send('POST', parcelUrl(id, '/split'), { body: line, contentType: GEOJSON });

export const mergeParcels = (ids) => send('POST', '/api/parcels/merge', { body: { ids } });

/** The versions of a parcel, oldest first; notes in the page's language. */
export async function parcelHistory(id) {
  const r = await send('GET', parcelUrl(id, '/history'));
  return (r.body && r.body.versions) || [];
}

export const restoreVersion = (id, version) =>
  send('POST', parcelUrl(id, `/history/${encodeURIComponent(version)}/restore`));

/** The area the server gives a shape (EPSG:4546): {area_m2, area_mu}. */
export async function measure(geometry) {
  const r = await send('POST', '/api/parcels/measure', { body: geometry, contentType: GEOJSON });
  return r.body || {};
}
