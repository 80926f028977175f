/**
 * The access token of a shared server, asked for once when the API answers 401 and kept in sessionStorage (gone
 * when the tab closes; never in localStorage or a cookie, so no other site's request can carry it).
 */
import { h, replaceChildren } from './dom.js';

const KEY = 'dossier-token';

/** The Authorization header for API calls, or none. */
export function authHeaders(): Record<string, string> {
  const token = sessionStorage.getItem(KEY);
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** Whether a token is kept for this tab. */
export function hasToken(): boolean {
  return sessionStorage.getItem(KEY) !== null;
}

/** Forgets the token (sign out). */
export function forgetToken(): void {
  sessionStorage.removeItem(KEY);
}

/** Draws the sign-in form into `main`; on submit keeps the token and calls `onSignedIn`. */
export function signInForm(main: HTMLElement, message: string, onSignedIn: () => void): void {
  const input = h('input', { id: 'token-input', name: 'token', type: 'password', required: true, autocomplete: 'current-password', spellcheck: 'false' });
  replaceChildren(main,
    h('h1', { tabindex: -1 }, 'Sign in'),
    h('p', { class: hasToken() ? 'error' : 'muted', role: hasToken() ? 'alert' : null }, hasToken() ? `${message} Give another token.` : 'This server needs an access token (ask whoever runs it; `dossier token add` makes one).'),
    h('form', { id: 'sign-in', class: 'filters', on: { submit: (e) => {
      e.preventDefault();
      const token = input.value.trim();
      if (!token) return;
      sessionStorage.setItem(KEY, token);
      onSignedIn();
    } } }, h('span', { class: 'field' }, h('label', { for: 'token-input' }, 'Access token'), input), h('button', { type: 'submit' }, 'Sign in')));
}
