/**
 * Search: words and/or filters (entity, event type, status, place, country, outlet, publication dates), all kept
 * in the hash (#/search?q=…&country=IQ) so a search can be linked to, with the filters in force shown as
 * removable chips. Words are highlighted in the snippets; a filters-only search lists articles newest first.
 */
import { api, ApiRequestError, type SearchFacetsView, type SearchPage } from '../api-client.js';
import { append, h, route, shortDate } from '../dom.js';
import type { ViewContext } from './context.js';
import { saveSearchForm } from './alerts.js';
import { articleHref, dateInput, downloadControl, eventHref, field, filterChips, formValues, heading, pager, plural, selectOf, STATUSES, statusBadge } from './parts.js';

const PAGE = 20;

/** The filters, in the order the form and the chips show them. */
const FILTERS = [
  ['entity', 'Entity'], ['type', 'Event type'], ['status', 'Event status'], ['place', 'Place'], ['country', 'Country'], ['outlet', 'Outlet'], ['from', 'Published from'], ['to', 'Published to'],
] as const;
type FilterKey = (typeof FILTERS)[number][0];

/** Hits for ?q= and the filters, best first (newest first without words), with matching words marked. */
export async function searchView({ query, main }: ViewContext): Promise<void> {
  const q = query.get('q')?.trim() ?? '';
  const filters: Partial<Record<FilterKey, string>> = {};
  for (const [key] of FILTERS) {
    const value = query.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const hasFilter = Object.keys(filters).length > 0;
  const offset = Number(query.get('offset') ?? 0) || 0;
  const params = { q: q || undefined, ...filters };

  // Facets fill the menus; without them the menus still offer the value in force.
  const facetsP = api.searchFacets().catch((): SearchFacetsView => ({ outlets: [], eventTypes: [], countries: [] }));
  const entityNameP = filters.entity && /:/.test(filters.entity) ? api.entity(filters.entity, 1, 0).then((e) => e.name, () => filters.entity!) : Promise.resolve(filters.entity);
  let page: SearchPage | null = null;
  let failure: string | null = null;
  if (q || hasFilter) {
    try {
      page = await api.search({ ...params, limit: PAGE, offset });
    } catch (error) {
      // A bad filter (an unknown entity or country, a malformed date) is shown next to the form, to be fixed there.
      if (!(error instanceof ApiRequestError) || error.status >= 500 || error.status === 401) throw error;
      failure = error.message;
    }
  }
  const [facets, entityName] = await Promise.all([facetsP, entityNameP]);
  const events = page && offset === 0 && (q || filters.type || filters.status || page.filters.entityId)
    ? await api.events({ q: q || undefined, type: filters.type, status: filters.status, entity: page.filters.entityId, limit: 5, offset: 0 }).catch(() => null)
    : null;

  const countryName = (code: string) => facets.countries.find((c) => c.value.toLowerCase() === code.toLowerCase())?.name ?? code;
  const display: Record<FilterKey, (v: string) => string> = {
    entity: () => entityName ?? '', type: (v) => v.toUpperCase(), status: (v) => v, place: (v) => v, country: countryName, outlet: (v) => v, from: (v) => v, to: (v) => v,
  };
  const chips = filterChips('/search', params, FILTERS.filter(([key]) => filters[key]).map(([key, label]) => ({ key, label, value: display[key](filters[key]!) })));

  append(main,
    heading(q ? `Search: ${q}` : hasFilter ? 'Search: filtered articles' : 'Search', page
      ? page.items.length
        ? `${page.offset + 1}–${page.offset + page.items.length}${page.hasMore ? ' of more' : ''} ${q ? 'hits, best first' : 'articles, newest first'}`
        : 'No article matches.'
      : 'Words, a "quoted phrase" or a prefix*, and/or filters. Press / to reach the search box from anywhere.'),
    searchForm(q, filters, facets),
    chips,
    (q || hasFilter) && !failure ? saveSearchForm(params) : null,
    failure ? h('p', { class: 'error', role: 'alert' }, failure) : null,
    page ? h('ol', { class: 'hits', start: page.offset + 1 }, ...page.items.map((hit) => h('li', { class: 'hit', 'data-id': hit.id },
      h('a', { href: articleHref(hit.id), class: 'hit-title' }, hit.title ?? '(untitled)'),
      h('div', { class: 'muted small hit-meta' }, `${shortDate(hit.publishedAt)} · ${hit.outlet ?? 'unknown outlet'}`),
      h('p', { class: 'snippet' }, ...hit.snippet.map((part) => (part.isHit ? h('mark', null, part.text) : part.text)))))) : null,
    page ? pager('/search', params, page, page.items.length) : null,
    // The page's dates are publication dates; the export's from/to are event dates, hence the other names.
    page?.items.length ? downloadControl({ q: q || undefined, entity: filters.entity, type: filters.type, status: filters.status, place: filters.place, country: filters.country,
      outlet: filters.outlet, published_from: filters.from, published_to: filters.to }, `the events${filters.type || filters.status || filters.entity ? ' matching the event filters' : ''} and claims reported in every article of this search, not only this page`) : null,
    events?.items.length ? h('section', { class: 'set-apart' }, h('h2', null, q ? 'Events reported in these articles' : 'Matching events'), h('ul', { class: 'plain' }, ...events.items.map((e) => h('li', { class: 'tl-item' },
      h('span', { class: 'tl-date' }, e.windowStart), h('span', { class: 'tl-badges' }, statusBadge(e.status), ' ', h('span', { class: 'badge' }, e.ploverType)),
      h('span', { class: 'tl-text' }, h('a', { href: eventHref(e.id) }, e.summary || e.ploverType),
        h('span', { class: 'muted' }, ` · ${plural(e.assertingOrigins, 'independent source')}`)))))) : null);
}

/** The search form: words and every filter, labelled; submitting puts them all in the hash. */
function searchForm(q: string, filters: Partial<Record<FilterKey, string>>, facets: SearchFacetsView): HTMLFormElement {
  const words = h('input', { id: 'search-q', name: 'q', type: 'search', value: q, placeholder: 'words, "a phrase", prefix*', autocomplete: 'off' });
  const text = (key: FilterKey, placeholder: string) => h('input', { id: `search-${key}`, name: key, type: 'text', value: filters[key] ?? '', placeholder, autocomplete: 'off' });
  const form = h('form', { class: 'filters search-filters', 'aria-label': 'search and filters', on: { submit: (e) => {
    e.preventDefault();
    location.hash = route('/search', formValues(form));
  } } },
  field('Words', words),
  field('Entity', text('entity', 'name, alias or id')),
  field('Event type', selectOf('search-type', 'type', filters.type?.toUpperCase() ?? '', facets.eventTypes.map((t) => ({ value: t.value, label: `${t.value} (${t.count})` })))),
  field('Event status', selectOf('search-status', 'status', filters.status ?? '', STATUSES.map((s) => ({ value: s, label: s })))),
  field('Place', text('place', 'name or gazetteer id')),
  field('Country', selectOf('search-country', 'country', countryValue(filters.country, facets), facets.countries.map((c) => ({ value: c.value, label: `${c.name} (${c.count})` })))),
  field('Outlet', selectOf('search-outlet', 'outlet', filters.outlet ?? '', facets.outlets.map((o) => ({ value: o.value, label: `${o.value} (${o.count})` })))),
  field('Published from', dateInput('search-from', 'from', filters.from ?? '')),
  field('Published to', dateInput('search-to', 'to', filters.to ?? '')),
  h('button', { type: 'submit' }, 'Search'),
  q || Object.keys(filters).length ? h('a', { href: route('/search', { q: q || undefined }) }, 'Clear filters') : null);
  return form;
}

/** The menu value for a country given as a code or a name in a link ("iq", "Iraq" → "IQ"). */
function countryValue(given: string | undefined, facets: SearchFacetsView): string {
  if (!given) return '';
  const lower = given.toLowerCase();
  return facets.countries.find((c) => c.value.toLowerCase() === lower || c.name.toLowerCase() === lower)?.value ?? given;
}
