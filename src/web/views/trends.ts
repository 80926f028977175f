/**
 * Trends: merged events counted by PLOVER type per year, month or day, as stacked bars over the dense range of their
 * dates, with the search page's filters; a table gives the same numbers to screen readers and keyboard users, and
 * each period links to the timeline there. Stray dates and undated events are counted apart, not drawn.
 */
import { api, type SearchFacetsView } from '../api-client.js';
import { h, route, svg } from '../dom.js';
import { humanDate } from '../human-time.js';
import { ploverColour } from '../plover-colours.js';
import type { ViewContext } from './context.js';
import { dateInput, downloadControl, field, filterChips, formValues, heading, plural, selectOf, STATUSES } from './parts.js';

/** The filters this page takes, as the API names them. */
const FILTERS = ['q', 'entity', 'type', 'status', 'country', 'outlet', 'from', 'to'] as const;
const PERIODS = ['year', 'month', 'day'] as const;
/** Types with a column of their own in the table; the rest are summed in "other". */
const TABLE_TYPES = 6;

export async function trendsView({ query, main }: ViewContext): Promise<void> {
  const filters: Record<string, string | undefined> = Object.fromEntries(FILTERS.map((k) => [k, query.get(k)?.trim() || undefined]));
  const period = PERIODS.find((p) => p === query.get('period'));
  const [trends, facets] = await Promise.all([
    api.trends({ ...filters, period }),
    api.searchFacets().catch((): SearchFacetsView => ({ outlets: [], eventTypes: [], countries: [] })),
  ]);

  const form = h('form', { class: 'filters', 'aria-label': 'trend filters', on: { submit: (e) => {
    e.preventDefault();
    location.hash = route('/trends', formValues(form));
  } } },
  field('Words', h('input', { id: 'trends-q', name: 'q', type: 'search', value: filters['q'] ?? '', placeholder: 'only what matching articles report', autocomplete: 'off' })),
  field('Entity', h('input', { id: 'trends-entity', name: 'entity', type: 'text', value: filters['entity'] ?? '', placeholder: 'name, alias or id', autocomplete: 'off' })),
  field('Event type', selectOf('trends-type', 'type', filters['type']?.toUpperCase() ?? '', facets.eventTypes.map((t) => ({ value: t.value, label: `${t.value} (${t.count})` })))),
  field('Status', selectOf('trends-status', 'status', filters['status'] ?? '', STATUSES.map((s) => ({ value: s, label: s })))),
  field('Country', selectOf('trends-country', 'country', filters['country'] ?? '', facets.countries.map((c) => ({ value: c.value, label: `${c.name} (${c.count})` })))),
  field('From', dateInput('trends-from', 'from', filters['from'] ?? '')),
  field('To', dateInput('trends-to', 'to', filters['to'] ?? '')),
  field('Bars', selectOf('trends-period', 'period', period ?? '', PERIODS.map((p) => ({ value: p, label: `one per ${p}` })), 'automatic')),
  h('button', { type: 'submit' }, 'Show'));

  const chips = filterChips('/trends', { ...filters, period }, FILTERS.filter((k) => filters[k]).map((k) => ({ key: k, label: k, value: filters[k]! })));
  const dated = trends.periods.reduce((n, p) => n + p.total, 0);
  const apart = [
    trends.before ? `${plural(trends.before, 'event')} dated before ${humanDate(trends.periods[0]?.period ?? '')}` : '',
    trends.after ? `${plural(trends.after, 'event')} dated after ${humanDate(trends.periods.at(-1)?.period ?? '')}` : '',
    trends.undated ? `${plural(trends.undated, 'undated event')}` : '',
  ].filter(Boolean);

  main.append(
    heading('Trends', h('span', { class: 'muted' }, `${plural(trends.total, 'event')} · one bar per ${trends.period}`)),
    form,
    chips ?? '',
    trends.periods.length ? chart(trends, filters) : h('p', { class: 'muted' }, trends.total ? 'No dated events match.' : 'No events match these filters.'),
    apart.length ? h('p', { class: 'muted' }, `Not drawn: ${apart.join('; ')}.`) : '',
    trends.periods.length ? legend(trends.types, filters) : '',
    trends.periods.length ? table(trends, dated) : '',
    downloadControl(filters, 'the events counted here'),
  );
}

/** Stacked bars, one per period, drawn from the counts (the SVG is an image: the table below holds the numbers). */
function chart(trends: Awaited<ReturnType<typeof api.trends>>, filters: Record<string, string | undefined>): HTMLElement {
  const width = 960;
  const height = 260;
  const top = 10;
  const bottom = 40;
  const left = 44;
  const max = Math.max(1, ...trends.periods.map((p) => p.total));
  const barWidth = (width - left) / trends.periods.length;
  const y = (n: number) => top + (height - top - bottom) * (1 - n / max);
  const labelEvery = Math.max(1, Math.ceil(trends.periods.length / 12));
  const bars = trends.periods.flatMap((p, i) => {
    let base = 0;
    const x = left + i * barWidth;
    const segments = trends.types.filter((t) => p.counts[t]).map((t) => {
      const n = p.counts[t]!;
      const rect = svg('rect', { x: x + 0.5, y: y(base + n), width: Math.max(1, barWidth - 1), height: y(base) - y(base + n), fill: ploverColour(t), 'data-type': t }, svg('title', {}, `${humanDate(p.period)}: ${n} ${t}`));
      base += n;
      return rect;
    });
    const label = i % labelEvery === 0 ? [svg('text', { x: x + barWidth / 2, y: height - bottom + 16, 'text-anchor': 'middle', class: 'axis-label' }, p.period)] : [];
    return [...segments, ...label];
  });
  const axis = [0, Math.round(max / 2), max].map((n) => svg('text', { x: left - 6, y: y(n) + 4, 'text-anchor': 'end', class: 'axis-label' }, String(n)));
  return h('figure', { class: 'trends-chart', 'data-bars': String(trends.periods.length) },
    svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `events per ${trends.period}, ${trends.periods[0]!.period} to ${trends.periods.at(-1)!.period}, by type; the table below lists the numbers`, width: '100%' },
      svg('line', { x1: left, y1: y(0), x2: width, y2: y(0), stroke: 'currentColor', 'stroke-width': 1 }), ...axis, ...bars),
    h('figcaption', { class: 'muted small' }, `Highest bar: ${plural(max, 'event')}. Filters: ${Object.entries(filters).filter(([, v]) => v).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}.`));
}

/** One swatch per type, each a link that narrows the chart to it. */
function legend(types: readonly string[], filters: Record<string, string | undefined>): HTMLElement {
  return h('ul', { class: 'legend plain trends-legend', 'aria-label': 'event types' }, ...types.map((t) => {
    // Through the CSSOM: the policy allows no inline style attribute.
    const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.background = ploverColour(t);
    return h('li', null, swatch, ' ', h('a', { href: route('/trends', { ...filters, type: t }) }, t));
  }));
}

/** The counts as a table: a row per period with events, linked to the timeline at that period. */
function table(trends: Awaited<ReturnType<typeof api.trends>>, dated: number): HTMLElement {
  const columns = trends.types.slice(0, TABLE_TYPES);
  const hasOther = trends.types.length > TABLE_TYPES;
  const rows = trends.periods.filter((p) => p.total > 0);
  return h('details', { class: 'trends-table' }, h('summary', null, `The numbers (${plural(rows.length, trends.period)} with events, ${plural(dated, 'event')})`),
    h('table', null,
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, trends.period), h('th', { scope: 'col' }, 'events'), ...columns.map((t) => h('th', { scope: 'col' }, t)), hasOther ? h('th', { scope: 'col' }, 'other') : '')),
      h('tbody', null, ...rows.map((p) => h('tr', null,
        h('th', { scope: 'row' }, h('a', { href: route('/timeline', { zoom: trends.period, at: p.period }) }, humanDate(p.period))),
        h('td', null, String(p.total)),
        ...columns.map((t) => h('td', null, String(p.counts[t] ?? 0))),
        hasOther ? h('td', null, String(p.total - columns.reduce((n, t) => n + (p.counts[t] ?? 0), 0))) : '')))));
}
