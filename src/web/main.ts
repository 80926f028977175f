/**
 * The web UI: a hash router over views. Every view builds DOM from API data with `h()` (text only, never HTML).
 * Keyboard: "/" focuses search, every control is a link, button or input, and each page moves focus to its heading.
 */
import './styles.css';
import { ApiRequestError } from './api-client.js';
import { h, replaceChildren } from './dom.js';
import { articleView } from './views/article.js';
import { briefView } from './views/brief.js';
import { claimsView, claimView } from './views/claims.js';
import { entitiesView, entityView } from './views/entities.js';
import { eventView } from './views/event.js';
import { graphView } from './views/graph.js';
import { homeView } from './views/home.js';
import { mapView } from './views/map.js';
import { searchView } from './views/search.js';
import { timelineView } from './views/timeline.js';
import { trendsView } from './views/trends.js';
import { alertsView, refreshAlertCount } from './views/alerts.js';
import { signInForm } from './auth.js';
import type { ViewContext } from './views/context.js';

type View = (ctx: ViewContext) => Promise<void>;

const ROUTES: readonly [RegExp, View, string][] = [
  [/^\/?$/, homeView, 'home'],
  [/^\/search$/, searchView, 'search'],
  [/^\/article\/(.+)$/, articleView, 'article'],
  [/^\/entities$/, entitiesView, 'entities'],
  // Before the entity page: ids are URL-encoded, so a "/brief" suffix is never part of one.
  [/^\/entity\/(.+)\/brief$/, briefView, 'brief'],
  [/^\/entity\/(.+)$/, entityView, 'entity'],
  [/^\/claims$/, claimsView, 'claims'],
  [/^\/claim\/(.+)$/, claimView, 'claim'],
  [/^\/event\/(.+)$/, eventView, 'event'],
  [/^\/timeline$/, timelineView, 'timeline'],
  [/^\/trends$/, trendsView, 'trends'],
  [/^\/graph$/, graphView, 'graph'],
  [/^\/map$/, mapView, 'map'],
  [/^\/alerts$/, alertsView, 'alerts'],
];

const main = document.getElementById('main') as HTMLElement;
const searchForm = document.getElementById('search-form') as HTMLFormElement;
const searchInput = document.getElementById('search-input') as HTMLInputElement;
let renderCount = 0;

async function render(): Promise<void> {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path = '/', qs = ''] = hash.split('?', 2);
  const query = new URLSearchParams(qs);
  const match = ROUTES.map(([re, view, name]) => ({ m: re.exec(path), view, name })).find((r) => r.m);
  const thisRender = ++renderCount;
  // Marks for the time to first render (the browser test reads them): from here, or from navigation on a page load.
  performance.mark('view-start');
  document.body.dataset['view'] = match?.name ?? 'not-found';
  document.body.dataset['state'] = 'loading';
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav a[data-nav]')) {
    if (link.dataset['nav'] === match?.name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (match?.name === 'search') searchInput.value = query.get('q') ?? '';
  replaceChildren(main, h('p', { class: 'muted' }, 'Loading…'));
  try {
    if (!match) throw new ApiRequestError(404, 'E_NOT_FOUND', `no page "${path}"`);
    const target = h('div');
    await match.view({ param: decodeURIComponent(match.m![1] ?? ''), query, main: target });
    if (thisRender !== renderCount) return;
    replaceChildren(main, ...target.childNodes);
  } catch (error) {
    if (thisRender !== renderCount) return;
    // A shared server without (or with a wrong) token: ask for one once, then draw the page again.
    if (error instanceof ApiRequestError && error.status === 401) {
      signInForm(main, error.message, () => void render());
      document.body.dataset['state'] = 'ready';
      main.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    replaceChildren(main, h('h1', { tabindex: -1 }, error instanceof ApiRequestError && error.status === 404 ? 'Not found' : 'Something went wrong'), h('p', { class: 'error', role: 'alert' }, message));
  }
  document.body.dataset['state'] = 'ready';
  performance.mark('view-ready');
  void refreshAlertCount();
  // Move focus to the page heading so keyboard and screen-reader users start at the new content.
  const heading = main.querySelector<HTMLElement>('h1');
  if (heading && document.activeElement !== searchInput) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
  const focusId = query.get('focus');
  if (focusId) document.getElementById(focusId)?.scrollIntoView({ block: 'center' });
  else window.scrollTo(0, 0);
}

searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const q = searchInput.value.trim();
  if (!q) return;
  // On the search page the filters in force stay (new words start again at the first page); elsewhere, a plain search.
  const [path = '', qs = ''] = location.hash.replace(/^#/, '').split('?', 2);
  const params = new URLSearchParams(path === '/search' ? qs : '');
  params.delete('offset');
  params.set('q', q);
  location.hash = `#/search?${params.toString()}`;
});

document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement;
  const isTyping = target.matches('input, textarea, select, [contenteditable]');
  if (event.key === '/' && !isTyping) {
    event.preventDefault();
    searchInput.focus();
    searchInput.select();
  }
});

window.addEventListener('hashchange', () => void render());
void render();
