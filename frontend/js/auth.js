// Who is signed in, and the CSRF token the server's session login needs.
//
// The backend (Spring Security) keeps a session cookie and a CSRF token in the cookie XSRF-TOKEN,
// readable by scripts. Forms send the token as the field `_csrf`, scripts as the header
// X-XSRF-TOKEN. GET /api/me both answers who is signed in and makes the server set the cookie.

import { t } from './i18n.js';

export const ME_URL = '/api/me';
export const LOGIN_PAGE = '/login.html';
export const LOGOUT_URL = '/logout';
const CSRF_COOKIE = 'XSRF-TOKEN';
const SIGNED_OUT = Object.freeze({ signedIn: false });

// Most privileged first: a user with several roles is labelled by the strongest one.
export const ROLES = ['admin', 'planner', 'analyst'];

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

/** "ROLE_ADMIN" and "admin" alike become "admin", so either spelling from the server works. */
function normaliseRole(role) {
  return String(role || '').replace(/^ROLE_/i, '').toLowerCase();
}

/** The /api/me answer in a dependable shape; anything unexpected counts as signed out. */
function normaliseMe(body) {
  if (!body || body.signedIn !== true || !body.username) return SIGNED_OUT;
  const roles = Array.isArray(body.roles) ? body.roles.map(normaliseRole).filter(Boolean) : [];
  return { ...body, roles };
}

/**
 * GET /api/me. Never rejects: a failure (network, HTTP error, bad JSON) means "signed out", so
 * the public map keeps working when the sign-in service does not.
 */
export async function fetchMe() {
  try {
    const response = await fetch(ME_URL, {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      cache: 'no-store',
    });
    if (!response.ok) {
      console.warn(`ParkAtlas: ${ME_URL} answered HTTP ${response.status}; treating as signed out`);
      return SIGNED_OUT;
    }
    return normaliseMe(await response.json());
  } catch (err) {
    console.warn(`ParkAtlas: ${ME_URL} failed; treating as signed out`, err);
    return SIGNED_OUT;
  }
}

/** The token, asking the server for one (via GET /api/me) if the cookie is not there yet. */
export async function ensureCsrfToken() {
  const token = csrfToken();
  if (token) return token;
  await fetchMe();
  return csrfToken();
}

/** The user's strongest known role ("admin", "planner", "analyst"), else the first one given. */
export function mainRole(user) {
  const roles = (user && user.roles) || [];
  return ROLES.find((r) => roles.includes(r)) || roles[0] || null;
}

/** Display label for a role in the current language; unknown roles are shown as sent. */
export function roleLabel(role) {
  return ROLES.includes(role) ? t(`role_${role}`) : role || '';
}

/** True when the user may edit parcels (planners and admins). */
export function canEdit(user) {
  return !!(user && user.signedIn && user.roles.some((r) => r === 'admin' || r === 'planner'));
}

async function postLogout(token) {
  try {
    return await fetch(LOGOUT_URL, {
      method: 'POST',
      headers: token ? { 'X-XSRF-TOKEN': token } : {},
      credentials: 'same-origin',
      // The server answers with a redirect to the login page; the browser goes there itself below.
      redirect: 'manual',
    });
  } catch (e) {
    // Same marking as config.js, so describeError() can say "the server could not be reached".
    const err = new Error(e && e.message ? e.message : 'network error');
    err.network = true;
    throw err;
  }
}

/**
 * POST /logout with the CSRF header, then go to the login page. A 403 usually means a stale
 * token (another tab signed in or out): fetch a fresh one and try once more. Rejects if the
 * server could not be reached or refused twice, so the caller can say so.
 */
export async function signOut() {
  let response = await postLogout(await ensureCsrfToken());
  if (response.status === 403) {
    await fetchMe();
    response = await postLogout(csrfToken());
  }
  // type "opaqueredirect" is the expected 302; 2xx is fine too.
  if (response.type !== 'opaqueredirect' && !response.ok) {
    throw new Error(`HTTP ${response.status}${response.statusText ? ' ' + response.statusText : ''}`);
  }
  window.location.assign(`${LOGIN_PAGE}?logout`);
}
