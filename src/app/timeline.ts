/**
 * The timeline, paged by the server (issue 18): the whole scope is sent as counts per date (the strip, the dense
 * range and the zoom are drawn from them), and the items of one group (a year, month or day; the dates outside the
 * dense range; the undated events) one page at a time. A page reads only the days it covers: the counts say which
 * day the page starts on, and the store lists events and articles from that day on (`startFrom`, `isOldestFirst`),
 * so the first view no longer reads 2,000 articles and 5,000 events whatever the store holds.
 */
import type { ArticleFilter, EventQuery, MergedEventRow, SearchHit, Store } from '../store/store.js';
import { MAX_EVENT_SEARCH_HITS, requireEntity } from './queries.js';
import { defaultZoomOf, denseRangeOf, isDate, isWithin, stripPeriods, ZOOM_CHARS, type DenseRange, type Zoom } from './timeline-periods.js';

/** One dated item on the timeline: a merged event, an article, or the start of a role. */
export interface TimelineItem {
  readonly kind: 'event' | 'article' | 'role';
  /** ISO date or date-time (an event's window start; a TimeML value for roles, e.g. '2019' or '2019-03'). */
  readonly date: string;
  readonly label: string;
  /** The article (of an article or role item; for an event, its earliest article). */
  readonly articleId: string | null;
  readonly outlet: string | null;
  /** Event items only. */
  readonly event?: {
    readonly id: string;
    readonly ploverType: string;
    readonly windowEnd: string;
    readonly datePrecision: string;
    readonly status: MergedEventRow['status'];
    readonly assertingOrigins: number;
    readonly reportCount: number;
    readonly placeName: string | null;
  };
}

/** Dated items on one date key (a day, or a year or month for a role dated no finer; a period in TimelinePage.periods). */
export interface TimelineDay {
  readonly date: string;
  readonly events: number;
  readonly articles: number;
  readonly roles: number;
}

/** The group of items a page lists: a period key at the zoom (2023, 2023-03, 2023-03-01), or one of these. */
export const UNDATED_GROUP = 'undated';
export const OUTSIDE_GROUP = 'outside';

/** Items a page lists by default, and at most. */
export const TIMELINE_PAGE_ITEMS = 100;
export const MAX_TIMELINE_PAGE_ITEMS = 500;

/** What a timeline is asked for: its scope (entity, words, dates), then the group, zoom and page to list. */
export interface TimelineQuery {
  readonly entityId?: string;
  /** Words: only the articles that match them (the first MAX_EVENT_SEARCH_HITS) and the events they report. */
  readonly text?: string;
  /** ISO date prefixes; `to` is inclusive at its precision. Events are kept when their window meets the range. */
  readonly from?: string;
  readonly to?: string;
  /** Default: year over more than 3 years, month over more than 2 months, else day. */
  readonly zoom?: Zoom;
  /** The group to list (default: the latest period of the dense range with items). */
  readonly at?: string;
  readonly offset?: number;
  readonly limit?: number;
}

/**
 * One page of the timeline, with the counts of the whole scope. `at` is the group listed ('' when the scope is
 * empty), `total` how many items it holds; `items` are `offset`… of them, oldest first (within a day: events, then
 * roles, then articles, each in the store's order).
 */
export interface TimelinePage {
  /**
   * Dated items of the whole scope as the strip draws them (stripPeriods): per period of the zoom on the strip's
   * axis, per year elsewhere. Per day for every day, the 20k-article store's answer was 140 kB.
   */
  readonly periods: readonly TimelineDay[];
  /** The years where dated items are dense (the axis); dates before or after are the 'outside' group. */
  readonly range: DenseRange | null;
  readonly zoom: Zoom;
  readonly at: string;
  readonly items: readonly TimelineItem[];
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  /** Items in scope by kind (undated events included). */
  readonly counts: { readonly event: number; readonly article: number; readonly role: number };
  readonly undatedEvents: number;
  /** Dated items outside the dense range. */
  readonly outside: number;
  /** Articles without a publication date: counted, not placed. */
  readonly undatedArticles: number;
  /** With words, only the first MAX_EVENT_SEARCH_HITS matching articles were read. */
  readonly articlesPartial: boolean;
}

/** Largest page the store lists at once (both adapters). */
const STORE_PAGE = 500;

type Interval = { readonly from: string; readonly to: string };

/**
 * The timeline of the store, or of one entity, narrowed by words and dates: counts per date, and one page of one group.
 * @example await timelinePage(store, { zoom: 'month', at: '2023-03', offset: 100 }) // items 101–200 of March 2023
 */
export async function timelinePage(store: Store, query: TimelineQuery = {}): Promise<TimelinePage> {
  let entityId = query.entityId;
  let roles: TimelineItem[] = [];
  if (entityId) {
    const detail = await requireEntity(store, entityId, { articlesLimit: 0 });
    entityId = detail.id;
    const inRange = (date: string) => (!query.from || date >= query.from) && (!query.to || date <= `${query.to}\uffff`);
    roles = detail.roles.filter((r) => r.from && isDate(r.from) && inRange(r.from))
      .map((r): TimelineItem => ({ kind: 'role', date: r.from!, label: [r.title, r.organisation].filter(Boolean).join(', '), articleId: r.articleId, outlet: null }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  }
  const filter: ArticleFilter = { ...(entityId ? { entityId } : {}), ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}) };
  // Words: the matching articles are few (at most MAX_EVENT_SEARCH_HITS) and kept in memory; the events are those they report.
  let hits: SearchHit[] | undefined;
  let articlesPartial = false;
  if (query.text) {
    const found = await store.search({ text: query.text, filter, limit: MAX_EVENT_SEARCH_HITS, withSnippets: false });
    articlesPartial = found.length >= MAX_EVENT_SEARCH_HITS;
    hits = found.filter((h) => h.publishedAt !== null)
      .sort((a, b) => (a.publishedAt! < b.publishedAt! ? -1 : a.publishedAt! > b.publishedAt! ? 1 : 0));
  }
  const scope: EventQuery = {
    ...(entityId ? { entityId } : {}), ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: `${query.to}\uffff` } : {}),
    ...(hits ? { articleIds: hits.map((h) => h.id) } : {}),
  };

  const [eventDays, articleDays] = await Promise.all([
    store.countEventsByPeriod(scope, 'day', { byType: false }),
    hits ? Promise.resolve([]) : store.countArticlesByPeriod(filter, 'day'),
  ]);
  const byDay = new Map<string, { date: string; events: number; articles: number; roles: number }>();
  const day = (date: string) => {
    const key = date.slice(0, 10);
    let entry = byDay.get(key);
    if (!entry) byDay.set(key, (entry = { date: key, events: 0, articles: 0, roles: 0 }));
    return entry;
  };
  let undatedEvents = 0;
  let undatedArticles = 0;
  for (const c of eventDays) {
    if (c.period === '' || !isDate(c.period)) undatedEvents += c.events;
    else day(c.period).events += c.events;
  }
  for (const c of hits ? hits.map((h) => ({ period: h.publishedAt!.slice(0, 10), articles: 1 })) : articleDays) {
    if (c.period === '' || !isDate(c.period)) undatedArticles += c.articles;
    else day(c.period).articles += c.articles;
  }
  for (const r of roles) day(r.date).roles++;
  const days = [...byDay.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const counted = days.map((d) => ({ date: d.date, count: d.events + d.articles + d.roles }));
  const range = denseRangeOf(counted) ?? null;
  const zoom = query.zoom ?? defaultZoomOf(counted, range ?? undefined);
  const outside = range ? counted.filter((c) => !isWithin(c.date, range)).reduce((n, c) => n + c.count, 0) : 0;

  const requested = query.at ?? '';
  const latest = range ? [...days].reverse().find((d) => isWithin(d.date, range)) : undefined;
  const at = requested === UNDATED_GROUP || requested === OUTSIDE_GROUP || (requested.length === ZOOM_CHARS[zoom] && isDate(requested))
    ? requested
    : latest ? latest.date.slice(0, ZOOM_CHARS[zoom]) : undatedEvents ? UNDATED_GROUP : outside ? OUTSIDE_GROUP : '';
  const intervals: Interval[] = at === UNDATED_GROUP || at === '' ? []
    : at === OUTSIDE_GROUP ? (range ? [{ from: '0000', to: pad4(Number(range.from) - 1) }, { from: pad4(Number(range.to) + 1), to: '9999' }] : [])
    : [{ from: at, to: at }];

  const offset = Math.max(0, query.offset ?? 0);
  const limit = Math.max(1, Math.min(query.limit ?? TIMELINE_PAGE_ITEMS, MAX_TIMELINE_PAGE_ITEMS));
  const reader: IntervalReader = { store, scope, filter, hits, roles };
  let items: TimelineItem[] = [];
  let total = 0;
  if (at === UNDATED_GROUP) {
    total = undatedEvents;
    if (offset < total) items = (await listAll(store, { ...scope, startTo: '' }, offset + limit)).slice(offset).map(eventItem);
  } else {
    // Group by group (before the range, after it), skipping whole intervals the page starts past.
    let skip = offset;
    for (const interval of intervals) {
      const inside = days.filter((d) => d.date >= interval.from && d.date <= `${interval.to}\uffff`);
      const size = inside.reduce((n, d) => n + d.events + d.articles + d.roles, 0);
      total += size;
      if (items.length >= limit) continue;
      if (skip >= size) {
        skip -= size;
        continue;
      }
      const page = await readInterval(reader, interval, inside, skip, limit - items.length);
      items = items.concat(page);
      skip = 0;
    }
  }
  const countOf = (kind: 'events' | 'articles' | 'roles') => days.reduce((n, d) => n + d[kind], 0);
  return {
    periods: range ? stripPeriods(days, zoom, range, at) : [], range, zoom, at, items, total, offset, limit,
    counts: { event: countOf('events') + undatedEvents, article: countOf('articles'), role: countOf('roles') },
    undatedEvents, outside, undatedArticles, articlesPartial,
  };
}

interface IntervalReader {
  readonly store: Store;
  readonly scope: EventQuery;
  readonly filter: ArticleFilter;
  /** With words: the matching articles, oldest first. */
  readonly hits: readonly SearchHit[] | undefined;
  readonly roles: readonly TimelineItem[];
}

/**
 * Items `skip`… (at most `limit`) of an interval, whose date keys and counts are `inside`: the page starts on the
 * day where the counts reach `skip`, and only that day on is read from the store.
 */
async function readInterval(reader: IntervalReader, interval: Interval, inside: readonly TimelineDay[], skip: number, limit: number): Promise<TimelineItem[]> {
  let before = 0;
  let first = interval.from;
  for (const d of inside) {
    const size = d.events + d.articles + d.roles;
    first = d.date;
    if (before + size > skip) break;
    before += size;
  }
  const need = skip - before + limit;
  const upTo = `${interval.to}\uffff`;
  const { store, scope, filter, hits, roles } = reader;
  const latestFrom = (a: string | undefined, b: string) => (a && a > b ? a : b);
  const earliestTo = (a: string | undefined, b: string) => (a && `${a}\uffff` < `${b}\uffff` ? a : b);
  const [events, articles] = await Promise.all([
    listAll(store, { ...scope, startFrom: first, startTo: upTo }, need),
    hits
      ? Promise.resolve(hits.filter((h) => h.publishedAt! >= first && h.publishedAt! <= upTo).slice(0, need))
      : searchAll(store, { ...filter, from: latestFrom(filter.from, first), to: earliestTo(filter.to, interval.to) }, need),
  ]);
  const merged = [
    ...events.map(eventItem),
    ...roles.filter((r) => r.date >= first && r.date <= upTo).slice(0, need),
    ...articles.map((a): TimelineItem => ({ kind: 'article', date: a.publishedAt!, label: a.title ?? '(untitled)', articleId: a.id, outlet: a.outlet })),
  ];
  const order = { event: 0, role: 1, article: 2 };
  // Stable: within a day and kind, the store's order (events by window, articles by date then as stored).
  merged.sort((a, b) => {
    const x = a.date.slice(0, 10);
    const y = b.date.slice(0, 10);
    return (x < y ? -1 : x > y ? 1 : 0) || order[a.kind] - order[b.kind];
  });
  return merged.slice(skip - before, skip - before + limit);
}

/** The first `count` events of a query, a store page at a time. */
async function listAll(store: Store, query: EventQuery, count: number): Promise<MergedEventRow[]> {
  const out: MergedEventRow[] = [];
  while (out.length < count) {
    const asked = Math.min(STORE_PAGE, count - out.length);
    const page = await store.listEvents({ ...query, limit: asked, offset: out.length });
    out.push(...page);
    if (page.length < asked) break;
  }
  return out.slice(0, count);
}

/** The first `count` dated articles of a filter, oldest first, a store page at a time. */
async function searchAll(store: Store, filter: ArticleFilter, count: number): Promise<SearchHit[]> {
  const out: SearchHit[] = [];
  while (out.length < count) {
    const asked = Math.min(STORE_PAGE, count - out.length);
    const page = await store.search({ filter, isOldestFirst: true, withSnippets: false, limit: asked, offset: out.length });
    out.push(...page);
    if (page.length < asked) break;
  }
  return out.filter((a) => a.publishedAt !== null).slice(0, count);
}

function eventItem(e: MergedEventRow): TimelineItem {
  return {
    kind: 'event', date: e.windowStart, label: e.summary || e.ploverType, articleId: null, outlet: null,
    event: { id: e.id, ploverType: e.ploverType, windowEnd: e.windowEnd, datePrecision: e.datePrecision, status: e.status, assertingOrigins: e.assertingOrigins, reportCount: e.reportCount, placeName: e.place?.name ?? null },
  };
}

function pad4(n: number): string {
  return String(Math.max(0, n)).padStart(4, '0');
}
