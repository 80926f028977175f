/**
 * The timeline: dated items (coded events with their status and source count, articles, roles), drawn as a density
 * strip over the range where dates are dense, and listed one period at a time, a page at a time, so the page stays
 * small whatever the store holds. Dates far outside the dense range and undated events have groups of their own.
 */
import { api, type TimelinePage } from '../api-client.js';
import { append, h, route, svg } from '../dom.js';
import { humanDate, shortHumanDate } from '../human-time.js';
import { axisDate, axisFor, isDate, shiftPeriod, ZOOM_CHARS, type DenseRange, type Zoom } from '../../app/timeline-periods.js';
import type { ViewContext } from './context.js';
import { articleHref, dateInput, downloadControl, entityHref, eventHref, field, filterChips, formValues, heading, plural, statusBadge } from './parts.js';

type Item = TimelinePage['items'][number];
type Day = TimelinePage['periods'][number];
/** Items listed per page of a period (the server sends one page at a time). */
const PAGE_ITEMS = 100;
/** Longest summary shown in a list before it is cut (the event page has the whole sentence). */
const MAX_SUMMARY_CHARS = 160;
const UNDATED = 'undated';
const OUTSIDE = 'outside';

/**
 * Timeline of the whole store, or of one entity (?entity=), narrowed by words (?q=) and dates (?from=&to=),
 * zoomed by ?zoom=year|month|day, showing the period ?at= (a key at that zoom, 'undated' or 'outside'), ?page=.
 */
export async function timelineView({ query, main }: ViewContext): Promise<void> {
  const entity = query.get('entity') || undefined;
  const q = query.get('q')?.trim() || undefined;
  const from = query.get('from')?.trim() || undefined;
  const to = query.get('to')?.trim() || undefined;
  const pageNumber = Math.max(1, Number(query.get('page')) || 1);
  // The server picks the zoom and the period when the hash names none, and sends one page of that period's items.
  const view = await api.timeline({ entity, q, from, to, zoom: query.get('zoom') ?? undefined, at: query.get('at') ?? undefined, offset: (pageNumber - 1) * PAGE_ITEMS, limit: PAGE_ITEMS });
  const range = view.range ?? undefined;
  const zoom: Zoom = view.zoom;
  const at = view.at;
  const filters = { entity, q, from, to };
  const here = (params: Record<string, string | undefined>) => route('/timeline', { ...filters, zoom: query.get('zoom') ?? undefined, ...params });

  const form = h('form', { class: 'filters timeline-filters', 'aria-label': 'timeline filters', on: { submit: (e) => {
    e.preventDefault();
    // The entity has no control here: it stays until its chip or "show everything" removes it.
    location.hash = route('/timeline', { entity, zoom: query.get('zoom') ?? undefined, ...formValues(form) });
  } } },
  field('Words', h('input', { id: 'timeline-q', name: 'q', type: 'search', value: q ?? '', placeholder: 'only what matching articles report', autocomplete: 'off' })),
  field('From', dateInput('timeline-from', 'from', from ?? '')),
  field('To', dateInput('timeline-to', 'to', to ?? '')),
  h('button', { type: 'submit' }, 'Filter'),
  q || from || to ? h('a', { href: route('/timeline', { entity }) }, 'Clear words and dates') : null);

  const counts = view.counts;
  const list = h('div', { class: 'timeline' });
  const kindFilter = h('fieldset', { class: 'legend' }, h('legend', null, 'Show'), ...(['event', 'article', 'role'] as const).map((kind) => h('label', null,
    h('input', { type: 'checkbox', checked: true, on: { change: (e) => list.classList.toggle(`hide-tl-${kind}`, !(e.target as HTMLInputElement).checked) } }),
    ` ${plural(counts[kind], kind)}`)));

  const zoomLinks = h('span', { class: 'zoom', role: 'group', 'aria-label': 'zoom' }, 'Zoom: ', ...(['year', 'month', 'day'] as const).map((z) => z === zoom
    ? h('strong', { 'aria-current': 'true' }, ` ${z} `)
    : h('a', { href: route('/timeline', { ...filters, zoom: z, at: isDate(at) ? (at.length >= ZOOM_CHARS[z] ? at.slice(0, ZOOM_CHARS[z]) : undefined) : undefined }) }, ` ${z} `)));

  // The items of the selected period (or group), a page of them, under headings one zoom level finer.
  const pages = Math.max(1, Math.ceil(view.total / PAGE_ITEMS));
  const page = Math.min(pageNumber, pages);
  const shown = view.items;
  const groupChars = at === UNDATED ? 0 : at === OUTSIDE ? 4 : Math.min(10, at.length === 4 ? 7 : 10);
  const groups = new Map<string, Item[]>();
  for (const item of shown) {
    const key = groupChars ? item.date.slice(0, groupChars) : UNDATED;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  append(list, ...[...groups].map(([key, items]) => h('section', { class: 'bucket', id: `bucket-${key}` },
    h('h2', null, key === UNDATED ? 'Undated events' : humanDate(key), h('span', { class: 'muted' }, ` · ${plural(items.length, 'item')}`)),
    h('ul', { class: 'plain' }, ...items.map(itemRow)))));

  const periodNav = at && at !== UNDATED && at !== OUTSIDE ? h('nav', { class: 'pager period-nav', 'aria-label': 'periods' },
    h('a', { href: here({ at: shiftPeriod(at, -1) }), rel: 'prev' }, `← ${humanDate(shiftPeriod(at, -1))}`),
    h('strong', null, humanDate(at)),
    h('a', { href: here({ at: shiftPeriod(at, 1) }), rel: 'next' }, `${humanDate(shiftPeriod(at, 1))} →`)) : null;
  const pager = pages > 1 ? h('nav', { class: 'pager', 'aria-label': 'pages of this period' },
    page > 1 ? h('a', { href: here({ at, page: page > 2 ? String(page - 1) : undefined }), rel: 'prev' }, '← Previous') : null,
    h('span', { class: 'muted' }, `${view.offset + 1}–${view.offset + shown.length} of ${view.total}`),
    page < pages ? h('a', { href: here({ at, page: String(page + 1) }), rel: 'next' }, 'Next →') : null) : null;

  append(main,
    heading(entity ? 'Timeline of an entity' : 'Timeline', summaryLine(view)),
    entity ? h('p', null, 'Filtered to ', h('a', { href: entityHref(entity) }, entity), ' · ', h('a', { href: route('/timeline', { zoom: query.get('zoom') ?? undefined }) }, 'show everything')) : null,
    form,
    filterChips('/timeline', { ...filters, zoom: query.get('zoom') ?? undefined }, [
      ...(q ? [{ key: 'q', label: 'Words', value: q }] : []), ...(from ? [{ key: 'from', label: 'From', value: from }] : []), ...(to ? [{ key: 'to', label: 'To', value: to }] : []),
    ]),
    h('p', { class: 'note' }, 'Events are placed at the start of the window in which they happened (±week, month… when the text is vague), with their corroboration status and how many independent sources assert them; articles by publication date; roles by the date they began.'),
    partialLine(view),
    kindFilter,
    downloadControl(filters, 'the events dated in this range (and claims of articles published in it)'),
    zoomLinks,
    range ? densityStrip(view.periods, range, zoom, at, here) : h('p', { class: 'muted' }, 'Nothing dated yet.'),
    groupLinks(view.undatedEvents, view.outside, range, at, here),
    periodNav,
    view.total ? null : at ? h('p', { class: 'muted' }, `Nothing in ${humanDate(at)}.`) : null,
    list,
    pager);
}

/** One item of the list: an event with its status and sources, or an article or role. */
function itemRow(item: Item): HTMLElement {
  const date = isDate(item.date) ? shortHumanDate(item.date.slice(0, 10)) : 'undated';
  if (item.event) {
    const e = item.event;
    return h('li', { class: `tl-item tl-event status-${e.status}` },
      h('span', { class: 'tl-date', title: isDate(item.date) ? `${item.date} – ${e.windowEnd}` : 'no date in the text' }, date, isDate(item.date) && e.datePrecision !== 'day' ? h('span', { class: 'muted small' }, ` ±${e.datePrecision}`) : null),
      h('span', { class: 'tl-badges' }, statusBadge(e.status), ' ', h('span', { class: 'badge' }, e.ploverType)),
      h('span', { class: 'tl-text' },
        h('a', { href: eventHref(e.id) }, cut(item.label)),
        h('span', { class: 'muted' }, ` · ${plural(e.assertingOrigins, 'independent source')}, ${plural(e.reportCount, 'report')}${e.placeName ? ` · ${e.placeName}` : ''}`)));
  }
  return h('li', { class: `tl-item tl-${item.kind}` },
    h('span', { class: 'tl-date', title: item.date }, date),
    h('span', { class: 'tl-badges' }, h('span', { class: 'badge' }, item.kind)),
    h('span', { class: 'tl-text' },
      item.articleId ? h('a', { href: articleHref(item.articleId) }, cut(item.label)) : cut(item.label),
      item.outlet ? h('span', { class: 'muted' }, ` · ${item.outlet}`) : null));
}

/** The strip: one bar per period of the axis, each a link that lists its period (the selected one marked). */
function densityStrip(days: readonly Day[], range: DenseRange, zoom: Zoom, at: string, here: (p: Record<string, string | undefined>) => string): SVGElement {
  const axis = axisFor(zoom, range, axisDate(at, range));
  const chars = ZOOM_CHARS[zoom];
  const counts = new Map<string, number>();
  for (const day of days) {
    const key = day.date.slice(0, chars);
    counts.set(key, (counts.get(key) ?? 0) + day.events + day.articles + day.roles);
  }
  const max = Math.max(1, ...axis.map((k) => counts.get(k) ?? 0));
  const width = 24;
  const every = Math.ceil(axis.length / 24);
  // A group of links, not an image: an image's children are presentational, and links inside one are nested interactive content.
  const strip = svg('svg', { class: 'density', viewBox: `0 0 ${Math.max(axis.length, 12) * width} 66`, role: 'group', 'aria-label': `items per ${zoom}; each bar lists its ${zoom}` });
  axis.forEach((key, i) => {
    const n = counts.get(key) ?? 0;
    const label = i % every === 0 ? svg('text', { x: i * width + 12, y: 64, 'text-anchor': 'middle', class: 'density-label', 'aria-hidden': 'true' }, zoom === 'year' ? key : zoom === 'month' ? key.slice(2) : key.slice(8)) : null;
    if (n === 0) {
      strip.appendChild(svg('rect', { x: i * width + 3, y: 51, width: 18, height: 1, class: 'density-empty' }));
      if (label) strip.appendChild(label);
      return;
    }
    const height = Math.max(3, Math.round((n / max) * 48));
    const link = svg('a', { href: here({ at: key }), 'aria-label': `${humanDate(key)}: ${plural(n, 'item')}`, class: key === at ? 'current' : 'period' },
      svg('rect', { x: i * width + 3, y: 52 - height, width: 18, height, class: `density-bar${key === at ? ' current' : ''}` }));
    strip.appendChild(link);
    if (label) strip.appendChild(label);
  });
  return strip;
}

/** Links to the groups kept off the axis: undated events, and dates outside the dense range. */
function groupLinks(undated: number, outside: number, range: DenseRange | undefined, at: string, here: (p: Record<string, string | undefined>) => string): HTMLElement | null {
  if (!undated && !outside) return null;
  const link = (key: string, text: string) => (at === key ? h('strong', { 'aria-current': 'true' }, text) : h('a', { href: here({ at: key }) }, text));
  return h('p', { class: 'timeline-groups' },
    outside ? link(OUTSIDE, `${plural(outside, 'item')} dated outside ${range?.from}–${range?.to}`) : null,
    outside && undated ? ' · ' : null,
    undated ? link(UNDATED, `${plural(undated, 'undated event')}`) : null);
}

/** "2,426 events, 788 articles; 3,100 dated, mostly 2019–2024 · 5 articles without a publication date not shown". */
function summaryLine(view: TimelinePage): string {
  const { counts } = view;
  const dated = view.periods.reduce((n, d) => n + d.events + d.articles + d.roles, 0);
  const parts = [plural(counts.event, 'event'), plural(counts.article, 'article'), ...(counts.role ? [plural(counts.role, 'role')] : [])];
  const range = view.range;
  return `${parts.join(', ')}; ${dated} dated${range ? `, mostly ${range.from === range.to ? range.from : `${range.from}–${range.to}`}` : ''}${view.undatedArticles ? ` · ${plural(view.undatedArticles, 'article')} without a publication date not shown` : ''}`;
}

/** Says exactly what was left out, only when something was. */
function partialLine(view: TimelinePage): HTMLElement | null {
  return view.articlesPartial ? h('p', { class: 'note' }, 'This timeline shows only the first articles found that match the words; narrow it with dates or an entity to see the rest.') : null;
}

function cut(text: string): string {
  return text.length > MAX_SUMMARY_CHARS ? `${text.slice(0, MAX_SUMMARY_CHARS - 1).trimEnd()}…` : text;
}
