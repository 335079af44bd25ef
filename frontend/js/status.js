// Loading indicator and error banner.
//
// Messages are stored as (key, params) rather than text so that a language switch
// re-renders a banner that is already showing.

import { t } from './i18n.js';
import { el } from './dom.js';

const loadingEl = () => document.getElementById('pa-loading');
const loadingTextEl = () => document.getElementById('pa-loading-text');
const errorEl = () => document.getElementById('pa-error');
const errorListEl = () => document.getElementById('pa-error-list');

let loadingMsg = null;
const errors = new Map();

export function showLoading(key, params) {
  loadingMsg = { key, params };
  renderLoading();
}

export function hideLoading() {
  loadingMsg = null;
  renderLoading();
}

function renderLoading() {
  const box = loadingEl();
  if (!box) return;
  if (!loadingMsg) {
    box.hidden = true;
    box.setAttribute('aria-busy', 'false');
    return;
  }
  loadingTextEl().textContent = t(loadingMsg.key, loadingMsg.params);
  box.setAttribute('aria-busy', 'true');
  box.hidden = false;
}

/** A readable one-liner for fetch/HTTP failures; details go to the console for the administrator. */
export function describeError(err) {
  if (!err) return '';
  if (err.network) return t('errorNetwork');
  return err.message || String(err);
}

/** Shows (or replaces) the error identified by `id`. */
export function showError(id, key, params) {
  errors.set(id, { key, params });
  renderErrors();
}

export function clearError(id) {
  if (errors.delete(id)) renderErrors();
}

function renderErrors() {
  const box = errorEl();
  if (!box) return;
  const list = errorListEl();
  list.replaceChildren(
    ...[...errors.values()].map(({ key, params }) => {
      // Params may themselves need translating (e.g. a layer title); resolve them now.
      const resolved = {};
      for (const [k, v] of Object.entries(params || {})) resolved[k] = typeof v === 'function' ? v() : v;
      return el('li', null, t(key, resolved));
    }),
  );
  box.hidden = errors.size === 0;
}

export function initStatus() {
  const box = errorEl();
  if (!box) return;
  box.querySelector('[data-action="retry"]').addEventListener('click', () => window.location.reload());
  box.querySelector('[data-action="dismiss"]').addEventListener('click', () => {
    errors.clear();
    renderErrors();
  });
}

export function relabelStatus() {
  renderLoading();
  renderErrors();
}
