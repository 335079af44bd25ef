// Every request the page makes to its server goes through request(): one place for the headers the server
// expects (CSRF token on writes, the page's language, the session cookie) and one typed error for a refusal.
//
// The backend (Spring Security) keeps the CSRF token in the cookie XSRF-TOKEN, readable by scripts; writes send it
// back as the header X-XSRF-TOKEN. GET /api/me makes the server set that cookie, so a write that finds no cookie asks
// for /api/me first (once, shared by concurrent writes). Messages the server writes (a violation's `message`, a
// problem's `detail`, a history `note`) come in the language of Accept-Language, which is the page's current one.

import { getLang, LANGS } from './i18n.js';

export const ME_URL = '/api/me';
const CSRF_COOKIE = 'XSRF-TOKEN';
const CSRF_HEADER = 'X-XSRF-TOKEN';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const DEFAULT_ACCEPT = 'application/json, application/problem+json';

/**
 * A request the server refused (non-2xx) or that never reached it (`network`). `problem` is the parsed RFC 9457
 * problem+json body (or whatever JSON the server sent), {} when there was none.
 */
export class ProblemError extends Error {
  constructor({ status = 0, statusText = '', url = '', problem = {}, network = false, cause } = {}) {
    const p = problem && typeof problem === 'object' ? problem : {};
    super(network ? (cause && cause.message) || 'network error'
      : p.detail || p.title || `HTTP ${status}${statusText ? ' ' + statusText : ''}`);
    this.name = 'ProblemError';
    this.status = status;
    this.statusText = statusText;
    this.url = url;
    this.problem = p;
    this.network = network;
  }
}

/** The CSRF token from the XSRF-TOKEN cookie, or null when the server has not set it yet. */
export function csrfToken() {
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === CSRF_COOKIE) {
      const value = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(value) || null;
      } catch (e) {
        return value || null;
      }
    }
  }
  return null;
}

let tokenRequest = null;

/**
 * The token, asking the server for one (GET /api/me sets the cookie) if the cookie is not there yet. With `fresh`
 * it asks even when there is a cookie (after a 403 for a stale token). Never rejects; null when there is none.
 */
export async function ensureCsrfToken({ fresh = false } = {}) {
  if (!fresh) {
    const token = csrfToken();
    if (token) return token;
  }
  if (!tokenRequest) {
    tokenRequest = request('GET', ME_URL, { cache: 'no-store' })
      .catch(() => null)
      .finally(() => {
        tokenRequest = null;
      });
  }
  await tokenRequest;
  return csrfToken();
}

function encodeBody(body) {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Blob || body instanceof FormData || body instanceof URLSearchParams) {
    return body;
  }
  return JSON.stringify(body);
}

async function readBody(response) {
  if (response.status === 204 || response.type === 'opaqueredirect') return null;
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch (e) {
    return null;
  }
}

/**
 * One request. Resolves with {status, etag, body (parsed JSON or null), headers}; rejects with a ProblemError.
 *
 * @param body        a value to send as JSON (or a string, Blob, FormData sent as is)
 * @param contentType Content-Type of the body (application/json by default)
 * @param ifMatch     an ETag for If-Match (optimistic locking)
 * @param accept      the Accept header
 * @param cache       fetch's cache mode
 * @param redirect    fetch's redirect mode; with 'manual' a redirect counts as success
 */
export async function request(method, url, { body, contentType, ifMatch, accept, cache, redirect } = {}) {
  const verb = String(method || 'GET').toUpperCase();
  const headers = { Accept: accept || DEFAULT_ACCEPT, 'Accept-Language': LANGS[getLang()].tag };
  if (!SAFE.has(verb)) {
    const token = await ensureCsrfToken();
    if (token) headers[CSRF_HEADER] = token;
  }
  const payload = encodeBody(body);
  if (payload !== undefined && !(payload instanceof FormData)) headers['Content-Type'] = contentType || 'application/json';
  if (ifMatch) headers['If-Match'] = ifMatch;
  let response;
  try {
    response = await fetch(url, {
      method: verb,
      headers,
      body: payload,
      credentials: 'same-origin',
      ...(cache ? { cache } : {}),
      ...(redirect ? { redirect } : {}),
    });
  } catch (cause) {
    // fetch only rejects when the server could not be reached.
    throw new ProblemError({ url, network: true, cause });
  }
  const parsed = await readBody(response);
  const redirected = redirect === 'manual' && response.type === 'opaqueredirect';
  if (!response.ok && !redirected) {
    throw new ProblemError({ status: response.status, statusText: response.statusText, url, problem: parsed || {} });
  }
  return { status: response.status, etag: response.headers.get('ETag'), body: parsed, headers: response.headers };
}
