// The sign-in page (login.html): labels in the current language, the park's name, the message
// for ?error / ?logout, and the CSRF token copied into the form just before it is sent.
//
// The form itself is a plain POST to /login (Spring Security's session login); the server
// answers with a redirect to / on success and to /login.html?error on failure.

import { getLang, setLang, onLangChange, applyDocumentLang, t, pick, otherLang, LANGS } from './i18n.js';
import { getJson, CONFIG_URL } from './config.js';
import { csrfToken, ensureCsrfToken, fetchMe } from './auth.js';

const $ = (id) => document.getElementById(id);

let park = null; // catalog.park.name {zh, en}, once known
let message = null; // { kind: 'error' | 'logout' | 'signed-in' | 'no-token', key, params }
let submitting = false;

function initialMessage() {
  const q = new URLSearchParams(window.location.search);
  if (q.has('error')) return { kind: 'error', key: 'loginError' };
  if (q.has('logout')) return { kind: 'logout', key: 'loginLoggedOut' };
  return null;
}

function renderMessage() {
  const el = $('login-message');
  if (!message) {
    el.hidden = true;
    el.textContent = '';
    delete el.dataset.kind;
    return;
  }
  el.textContent = t(message.key, message.params);
  el.dataset.kind = message.kind;
  // Errors are announced at once; the other notes politely.
  el.setAttribute('role', message.kind === 'error' || message.kind === 'no-token' ? 'alert' : 'status');
  el.hidden = false;
}

function relabel() {
  const name = park ? pick(park, '') : '';
  const alt = park && typeof park === 'object' ? park[otherLang()] || '' : '';
  $('park-name').textContent = name || t('appName');
  const altEl = $('park-name-alt');
  altEl.textContent = alt && alt !== name ? alt : '';
  altEl.lang = LANGS[otherLang()].tag;
  document.title = `${t('loginPageTitle')} · ${name || t('appName')}`;

  const sw = $('lang-switch');
  sw.textContent = LANGS[otherLang()].name;
  sw.lang = LANGS[otherLang()].tag;
  sw.setAttribute('aria-label', `${LANGS[otherLang()].name} – ${t('switchLabel')}`);
  sw.title = t('switchLabel');
  sw.dataset.lang = getLang();

  $('login-heading').textContent = t('loginHeading');
  $('username-label').textContent = t('username');
  $('password-label').textContent = t('password');
  $('login-submit').textContent = submitting ? t('loginSubmitting') : t('loginSubmit');
  $('login-hint').textContent = t('loginHint');
  $('back-to-map').textContent = t('backToMap');
  renderMessage();
}

function setSubmitting(on) {
  submitting = on;
  const btn = $('login-submit');
  btn.disabled = on;
  btn.setAttribute('aria-busy', String(on));
  btn.textContent = on ? t('loginSubmitting') : t('loginSubmit');
}

async function onSubmit(event) {
  const form = event.currentTarget;
  if (submitting) {
    event.preventDefault();
    return;
  }
  // The cookie may have changed since the page loaded (another tab signed in or out): read it now.
  const token = csrfToken();
  if (token) {
    $('csrf').value = token;
    setSubmitting(true); // the browser navigates; the button just shows that something is happening
    return;
  }
  // No token yet: ask the server for one (GET /api/me sets the cookie), then send the form.
  event.preventDefault();
  setSubmitting(true);
  const fresh = await ensureCsrfToken();
  if (!fresh) {
    setSubmitting(false);
    message = { kind: 'no-token', key: 'loginNoToken' };
    renderMessage();
    return;
  }
  $('csrf').value = fresh;
  form.submit(); // does not fire "submit" again
}

async function loadParkName() {
  try {
    const catalog = await getJson(CONFIG_URL);
    if (catalog && catalog.park && catalog.park.name) {
      park = catalog.park.name;
      relabel();
    }
  } catch (err) {
    // The page works without the park's name; "ParkAtlas" stands in.
    console.warn('ParkAtlas: could not load the park name', err);
  }
}

async function main() {
  applyDocumentLang();
  message = initialMessage();
  relabel();
  $('lang-switch').addEventListener('click', () => setLang(otherLang()));
  onLangChange(relabel);
  $('login-form').addEventListener('submit', onSubmit);
  if (message && message.kind === 'error') {
    $('username').setAttribute('aria-invalid', 'true');
    $('password').setAttribute('aria-invalid', 'true');
  }

  loadParkName();

  // Have the token ready before the user presses the button. /api/me also says whether this
  // browser is already signed in, which is worth a note (but not after ?error / ?logout).
  const token = csrfToken();
  if (token) $('csrf').value = token;
  const me = await fetchMe();
  const now = csrfToken();
  if (now) $('csrf').value = now;
  if (me.signedIn && !message) {
    message = { kind: 'signed-in', key: 'loginAlready', params: { name: me.username } };
    renderMessage();
  }
  document.body.classList.add('pa-ready');
}

main().catch((err) => console.error('ParkAtlas: sign-in page failed', err));
