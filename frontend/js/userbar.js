// The title bar's sign-in corner: "name · role  [Sign out]" when signed in, "[Sign in]" when not.
//
// Nothing is shown until GET /api/me has answered, so a signed-in user never sees a flash of
// "Sign in". A failed /api/me counts as signed out (auth.js), never as an error of the map.

import { getLang, t, onLangChange } from './i18n.js';
import { fetchMe, signOut, mainRole, roleLabel, canEdit, ROLES } from './auth.js';
import { showError, clearError, describeError } from './status.js';

const $ = (id) => document.getElementById(id);

export class UserBar {
  constructor() {
    this.user = null;
    this.busy = false;
    const out = $('signout');
    if (out) out.addEventListener('click', () => this.signOut());
    onLangChange(() => this.relabel());
  }

  /** Asks the server who is signed in; resolves with the (normalised) /api/me answer, never rejects. */
  async load() {
    this.user = await fetchMe();
    this.render();
    return this.user;
  }

  render() {
    const box = $('pa-user');
    if (!box || !this.user) return;
    const user = this.user;
    const signedIn = !!user.signedIn;
    const role = signedIn ? mainRole(user) : null;

    box.hidden = false;
    box.dataset.state = signedIn ? 'signed-in' : 'signed-out';
    $('pa-user-info').hidden = !signedIn;
    $('signout').hidden = !signedIn;
    $('signin').hidden = signedIn;
    $('whoami').textContent = signedIn ? user.username : '';
    const roleEl = $('whoami-role');
    roleEl.textContent = role ? roleLabel(role) : '';
    roleEl.hidden = !role;
    if (role) roleEl.dataset.role = role;
    else delete roleEl.dataset.role;

    const body = document.body.classList;
    body.toggle('pa-signed-in', signedIn);
    body.toggle('pa-signed-out', !signedIn);
    body.toggle('pa-can-edit', canEdit(user));
    for (const r of ROLES) body.toggle(`pa-role-${r}`, signedIn && user.roles.includes(r));
    this.relabel();
  }

  relabel() {
    const user = this.user;
    const signin = $('signin');
    if (signin) {
      signin.querySelector('.pa-user-text').textContent = t('signIn');
      signin.title = t('signInTitle');
      signin.href = `/login.html?lang=${getLang()}`; // the sign-in page speaks the map's language
    }
    const out = $('signout');
    if (out) {
      out.querySelector('.pa-user-text').textContent = this.busy ? t('signingOut') : t('signOut');
      out.title = t('signOutTitle');
    }
    const roleEl = $('whoami-role');
    if (roleEl && roleEl.dataset.role) roleEl.textContent = roleLabel(roleEl.dataset.role);
    const info = $('pa-user-info');
    if (info && user && user.signedIn) {
      const label = t('signedInAs', { name: user.username, role: roleLabel(mainRole(user)) || '—' });
      info.title = label;
      info.setAttribute('aria-label', label);
    }
  }

  async signOut() {
    if (this.busy) return;
    this.busy = true;
    const out = $('signout');
    out.disabled = true;
    out.setAttribute('aria-busy', 'true');
    this.relabel();
    clearError('signout');
    try {
      await signOut(); // navigates to the login page on success
    } catch (err) {
      console.error('ParkAtlas: sign-out failed', err);
      showError('signout', 'errorSignOut', { detail: () => describeError(err) });
      this.busy = false;
      out.disabled = false;
      out.removeAttribute('aria-busy');
      this.relabel();
    }
  }
}
