// Who is signed in (GET /api/me), what their roles let them do, and signing out.
//
// The CSRF token the server's session login needs lives in request.js, which sends it with every write;
// forms (login.html) send it as the field `_csrf`. GET /api/me both answers who is signed in and makes the
// server set the token's cookie.

import { t } from './i18n.js';
import { request, csrfToken, ensureCsrfToken, ME_URL, ProblemError } from './request.js';

export { csrfToken, ensureCsrfToken, ME_URL };
export const LOGIN_PAGE = '/login.html';
export const LOGOUT_URL = '/logout';
const SIGNED_OUT = Object.freeze({ signedIn: false });

// Most privileged first: a user with several roles is labelled by the strongest one.
export const ROLES = ['admin', 'investment', 'planner', 'analyst'];

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
    const r = await request('GET', ME_URL, { cache: 'no-store' });
    return normaliseMe(r.body);
  } catch (err) {
    console.warn(`ParkAtlas: ${ME_URL} failed; treating as signed out`, err);
    return SIGNED_OUT;
  }
}

/** The user's strongest known role ("admin", "investment", "planner", "analyst"), else the first one given. */
export function mainRole(user) {
  const roles = (user && user.roles) || [];
  return ROLES.find((r) => roles.includes(r)) || roles[0] || null;
}

/** Display label for a role in the current language; unknown roles are shown as sent. */
export function roleLabel(role) {
  return ROLES.includes(role) ? t(`role_${role}`) : role || '';
}

/** True when the user keeps the investment pipeline (the investment bureau and admins). */
export function canMoveProjects(user) {
  return !!(user && user.signedIn && user.roles.some((r) => r === 'admin' || r === 'investment'));
}

/** True when the user may edit parcels (planners and admins). */
export function canEdit(user) {
  return !!(user && user.signedIn && user.roles.some((r) => r === 'admin' || r === 'planner'));
}

// The server answers POST /logout with a redirect to the login page; the page goes there itself below.
const postLogout = () => request('POST', LOGOUT_URL, { redirect: 'manual' });

/**
 * POST /logout with the CSRF header, then go to the login page. A 403 usually means a stale
 * token (another tab signed in or out): fetch a fresh one and try once more. Rejects if the
 * server could not be reached or refused twice, so the caller can say so.
 */
export async function signOut() {
  try {
    await postLogout();
  } catch (err) {
    if (!(err instanceof ProblemError) || err.status !== 403) throw err;
    await ensureCsrfToken({ fresh: true });
    await postLogout();
  }
  window.location.assign(`${LOGIN_PAGE}?logout`);
}
