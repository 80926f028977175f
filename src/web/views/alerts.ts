/**
 * Alerts (new articles and events for each saved search since it was last seen, with "mark seen"), and the parts
 * other pages use: the "Save this search" form, the "Watch" button of an entity, and the notes of an entity or event.
 */
import { api, ApiRequestError, type Note } from '../api-client.js';
import { append, h, replaceChildren, route, shortDate } from '../dom.js';
import type { ViewContext } from './context.js';
import { articleHref, eventHref, heading, plural, statusBadge } from './parts.js';

/** The alerts page. */
export async function alertsView({ main }: ViewContext): Promise<void> {
  const alerts = await api.alerts();
  const failure = h('span', { class: 'error', role: 'alert', id: 'alerts-error' });
  const markSeen = (search?: number) => void act(failure, async () => {
    await api.markSeen(alerts.feedHead, search);
    await refreshAlertCount();
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  append(main,
    heading('Alerts', alerts.searches.length
      ? `${plural(alerts.unread, 'new article')} across ${alerts.searches.length} saved search${alerts.searches.length === 1 ? '' : 'es'}`
      : 'No saved search yet: save one from the search page, or watch an entity from its page.'),
    alerts.unread ? h('p', null, h('button', { type: 'button', id: 'mark-all-seen', on: { click: () => markSeen() } }, 'Mark all seen'), ' ', failure) : failure,
    ...alerts.searches.map(({ search, articles, hasMore, events, error }) => h('section', { class: 'card alert-search', 'data-search': search.id },
      h('h2', null, h('a', { href: route('/search', { q: search.text ?? undefined, ...search.filters }) }, search.name), ' ',
        h('span', { class: `badge${articles.length ? ' unread' : ''}` }, articles.length ? `${articles.length}${hasMore ? '+' : ''} new` : 'nothing new')),
      h('p', { class: 'muted small' }, [search.text ? `“${search.text}”` : '', ...Object.entries(search.filters).map(([k, v]) => `${k}: ${v}`)].filter(Boolean).join(' · '),
        search.createdBy ? ` · saved by ${search.createdBy}` : ''),
      error ? h('p', { class: 'error' }, `This search cannot run: ${error}`) : null,
      articles.length ? h('ul', { class: 'plain alert-articles' }, ...articles.map((a) => h('li', null,
        h('a', { href: articleHref(a.id) }, a.title ?? '(untitled)'), h('span', { class: 'muted small' }, ` · ${a.outlet ?? 'unknown outlet'} · ${shortDate(a.publishedAt)}`)))) : null,
      events.length ? h('ul', { class: 'plain alert-events' }, ...events.map((e) => h('li', null, statusBadge(e.status), ' ', h('span', { class: 'badge' }, e.ploverType), ' ',
        h('a', { href: eventHref(e.id) }, (e.summary || e.ploverType).replace(/\s+/g, ' ').slice(0, 140))))) : null,
      h('p', null,
        articles.length ? h('button', { type: 'button', class: 'mark-seen', on: { click: () => markSeen(search.id) } }, 'Mark seen') : null, ' ',
        h('button', { type: 'button', class: 'delete-search', on: { click: () => void act(failure, async () => {
          await api.deleteSavedSearch(search.id);
          await refreshAlertCount();
          window.dispatchEvent(new HashChangeEvent('hashchange'));
        }) } }, 'Delete')))));
}

/** Updates the unread count in the nav ("Alerts 3"); quiet when the API cannot say (e.g. not signed in yet). */
export async function refreshAlertCount(): Promise<void> {
  const badge = document.getElementById('alert-count');
  if (!badge) return;
  try {
    const { unread } = await api.alerts();
    badge.textContent = unread ? String(unread) : '';
    badge.hidden = !unread;
    badge.setAttribute('aria-label', `${plural(unread, 'new alert')}`);
  } catch (error) {
    if (!(error instanceof ApiRequestError)) throw error;
    badge.hidden = true;
  }
}

/** "Save this search": a name, then POST with the page's words and filters. */
export function saveSearchForm(params: Record<string, string | undefined>): HTMLElement {
  const suggested = [params['q'], ...Object.entries(params).filter(([k, v]) => k !== 'q' && v).map(([, v]) => v)].filter(Boolean).join(' · ').slice(0, 80);
  const name = h('input', { id: 'save-search-name', name: 'name', required: true, maxlength: 200, value: suggested, autocomplete: 'off' });
  const outcome = h('span', { role: 'status', id: 'save-search-outcome' });
  return h('form', { class: 'filters save-search', 'aria-label': 'save this search', on: { submit: (e) => {
    e.preventDefault();
    void act(outcome, async () => {
      const payload: Record<string, string> = { name: name.value.trim() };
      for (const [k, v] of Object.entries(params)) if (v) payload[k] = v;
      const saved = await api.saveSearch(payload);
      replaceChildren(outcome, h('span', { class: 'notice' }, `Saved as “${saved.name}”: new matches will show under `, h('a', { href: route('/alerts') }, 'Alerts'), '.'));
    });
  } } }, h('span', { class: 'field' }, h('label', { for: 'save-search-name' }, 'Save this search as'), name), h('button', { type: 'submit' }, 'Save search'), ' ', outcome);
}

/** "Watch": a saved search on this entity, so its new articles and events become alerts. */
export function watchButton(entityId: string, entityName: string): HTMLElement {
  const outcome = h('span', { role: 'status' });
  return h('p', { class: 'watch' }, h('button', { type: 'button', id: 'watch-entity', on: { click: () => void act(outcome, async () => {
    const saved = await api.saveSearch({ name: `Entity: ${entityName}`, entity: entityId });
    replaceChildren(outcome, h('span', { class: 'notice' }, `Watching: new articles naming it will show under `, h('a', { href: route('/alerts') }, 'Alerts'), ` (“${saved.name}”).`));
  }) } }, 'Watch this entity'), ' ', outcome);
}

/** The notes of an entity or event, with a form to add one; loads after the page, without holding it up. */
export function notesSection(kind: 'entity' | 'event', id: string): HTMLElement {
  const list = h('ol', { class: 'plain notes', id: 'notes-list' }, h('li', { class: 'muted' }, 'Loading notes…'));
  const text = h('textarea', { id: 'note-text', name: 'text', required: true, rows: 3, maxlength: 10000 });
  const failure = h('span', { class: 'error', role: 'alert' });
  const show = (notes: readonly Note[]) => replaceChildren(list, ...(notes.length ? notes.map(noteItem) : [h('li', { class: 'muted' }, 'No notes yet.')]));
  void api.notes(kind, id).then((page) => show(page.items), (error: unknown) => replaceChildren(list, h('li', { class: 'error' }, error instanceof Error ? error.message : String(error))));
  return h('section', { id: 'notes' }, h('h2', null, 'Notes'), list,
    h('form', { class: 'note-form', on: { submit: (e) => {
      e.preventDefault();
      void act(failure, async () => {
        await api.addNote(kind, id, text.value);
        text.value = '';
        show((await api.notes(kind, id)).items);
      });
    } } }, h('label', { for: 'note-text' }, `Add a note on this ${kind}`), text, h('button', { type: 'submit' }, 'Add note'), ' ', failure));
}

function noteItem(note: Note): HTMLElement {
  return h('li', { class: 'note' }, h('p', null, note.text), h('div', { class: 'muted small' }, `${note.author} · ${note.createdAt.slice(0, 16).replace('T', ' ')}`));
}

/** Runs an action, showing an API error beside its control instead of failing the page. */
async function act(failure: HTMLElement, action: () => Promise<void>): Promise<void> {
  replaceChildren(failure);
  try {
    await action();
  } catch (error) {
    replaceChildren(failure, h('span', { class: 'error' }, error instanceof ApiRequestError ? `${error.message} (${error.status})` : 'The request failed.'));
  }
}
