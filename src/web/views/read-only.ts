/**
 * On a shared server a reader token may only read: the controls that would change the store are taken away (the
 * API would refuse them with 403 anyway) and one line says why, once the session is known.
 */
import { currentSession } from '../api-client.js';
import { h } from '../dom.js';

/** Removes the elements matching `selector` under `root` for a reader, leaving a note after the last of them. */
export function editorsOnly(root: HTMLElement, selector: string, what: string): void {
  void currentSession().then((who) => {
    if (who.canEdit) return;
    const controls = [...root.querySelectorAll(selector)];
    if (!controls.length) return;
    controls[controls.length - 1]!.after(h('p', { class: 'muted read-only' }, `Signed in as ${who.name} (reader): ${what} need an editor token.`));
    for (const control of controls) control.remove();
  }, () => { /* no session answer: keep the controls; the API still refuses what the token may not do */ });
}
