/**
 * The timeline: dated items (articles now; coded events with their status and source count when the store has
 * them), drawn as a density strip you can zoom from years to days, and listed by period below.
 */
import { api, type TimelineView } from '../api-client.js';
import { append, h, route, svg } from '../dom.js';
import type { ViewContext } from './context.js';
import { articleHref, dateInput, downloadControl, entityHref, eventHref, field, filterChips, formValues, heading, partialNote, plural, statusBadge } from './parts.js';

type Zoom = 'year' | 'month' | 'day';
const ZOOM_CHARS: Record<Zoom, number> = { year: 4, month: 7, day: 10 };

/**
 * Timeline of the whole store, or of one entity (?entity=), narrowed by words (?q=) and dates (?from=&to=),
 * zoomed by ?zoom=year|month|day.
 */
export async function timelineView({ query, main }: ViewContext): Promise<void> {
  const entity = query.get('entity') || undefined;
  const q = query.get('q')?.trim() || undefined;
  const from = query.get('from')?.trim() || undefined;
  const to = query.get('to')?.trim() || undefined;
  const view = await api.timeline({ entity, q, from, to });
  const zoom: Zoom = (['year', 'month', 'day'] as const).find((z) => z === query.get('zoom')) ?? defaultZoom(view);
  const filters = { entity, q, from, to };
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
  const buckets = new Map<string, TimelineView['items'][number][]>();
  for (const item of view.items) {
    const key = item.date.slice(0, ZOOM_CHARS[zoom]);
    buckets.set(key, [...(buckets.get(key) ?? []), item]);
  }
  const keys = [...buckets.keys()].sort();
  // The strip is a continuous axis: empty periods between the first and last item are drawn as gaps.
  const axis = continuousAxis(keys, zoom);
  const counts = { event: 0, article: 0, role: 0 };
  for (const item of view.items) counts[item.kind]++;
  const kindFilter = h('fieldset', { class: 'legend' }, h('legend', null, 'Show'), ...(['event', 'article', 'role'] as const).map((kind) => h('label', null,
    h('input', { type: 'checkbox', checked: true, on: { change: (e) => document.querySelector('.timeline')?.classList.toggle(`hide-tl-${kind}`, !(e.target as HTMLInputElement).checked) } }),
    ` ${plural(counts[kind], kind)}`)));
  const max = Math.max(1, ...[...buckets.values()].map((b) => b.length));

  const strip = svg('svg', { class: 'density', viewBox: `0 0 ${Math.max(axis.length, 12) * 24} 64`, role: 'img', 'aria-label': `items per ${zoom}` });
  axis.forEach((key, i) => {
    const n = buckets.get(key)?.length ?? 0;
    if (n === 0) {
      strip.appendChild(svg('rect', { x: i * 24 + 3, y: 51, width: 18, height: 1, class: 'density-empty' }));
      return;
    }
    const height = Math.max(3, Math.round((n / max) * 48));
    const link = svg('a', { href: `#bucket-${key}` });
    link.addEventListener('click', (e) => {
      e.preventDefault();
      document.getElementById(`bucket-${key}`)?.scrollIntoView({ block: 'start' });
    });
    link.appendChild(svg('rect', { x: i * 24 + 3, y: 52 - height, width: 18, height, class: 'density-bar' }, svg('title', {}, `${key}: ${plural(n, 'item')}`)));
    link.appendChild(svg('text', { x: i * 24 + 12, y: 62, 'text-anchor': 'middle', class: 'density-label' }, axis.length <= 24 || i % Math.ceil(axis.length / 24) === 0 ? key.slice(zoom === 'year' ? 0 : 2) : ''));
    strip.appendChild(link);
  });

  const zoomLinks = h('span', { class: 'zoom', role: 'group', 'aria-label': 'zoom' }, 'Zoom: ', ...(['year', 'month', 'day'] as const).map((z) => z === zoom
    ? h('strong', { 'aria-current': 'true' }, ` ${z} `)
    : h('a', { href: route('/timeline', { ...filters, zoom: z }) }, ` ${z} `)));

  append(main,
    heading(entity ? 'Timeline of an entity' : 'Timeline', `${plural(view.items.length, 'dated item')}${view.undated ? ` · ${view.undated} undated article(s) not shown` : ''}`),
    entity ? h('p', null, 'Filtered to ', h('a', { href: entityHref(entity) }, entity), ' · ', h('a', { href: route('/timeline', { zoom }) }, 'show everything')) : null,
    form,
    filterChips('/timeline', { ...filters, zoom: query.get('zoom') ?? undefined }, [
      ...(q ? [{ key: 'q', label: 'Words', value: q }] : []), ...(from ? [{ key: 'from', label: 'From', value: from }] : []), ...(to ? [{ key: 'to', label: 'To', value: to }] : []),
    ]),
    h('p', { class: 'note' }, 'Events are placed at the start of the window in which they happened (±week, month… when the text is vague), with their corroboration status and how many independent sources assert them; articles by publication date; roles by the date they began.'),
    kindFilter,
    partialNote(view),
    downloadControl(filters, 'the events dated in this range (and claims of articles published in it)'),
    zoomLinks,
    view.items.length ? strip : h('p', { class: 'muted' }, 'Nothing dated yet.'),
    h('div', { class: 'timeline' }, ...keys.map((key) => h('section', { id: `bucket-${key}`, class: 'bucket' },
      h('h2', null, key, h('span', { class: 'muted' }, ` · ${plural(buckets.get(key)!.length, 'item')}`)),
      h('ul', { class: 'plain' }, ...buckets.get(key)!.map((item) => item.event
        ? h('li', { class: `tl-item tl-event status-${item.event.status}` },
          h('span', { class: 'tl-date', title: `${item.date} – ${item.event.windowEnd}` }, item.date.slice(0, 10), item.event.datePrecision !== 'day' ? h('span', { class: 'muted small' }, ` ±${item.event.datePrecision}`) : null),
          h('span', { class: 'tl-badges' }, statusBadge(item.event.status), ' ', h('span', { class: 'badge' }, item.event.ploverType)),
          h('span', { class: 'tl-text' },
            h('a', { href: eventHref(item.event.id) }, item.label),
            h('span', { class: 'muted' }, ` · ${plural(item.event.assertingOrigins, 'independent source')}, ${plural(item.event.reportCount, 'report')}${item.event.placeName ? ` · ${item.event.placeName}` : ''}`)))
        : h('li', { class: `tl-item tl-${item.kind}` },
          h('span', { class: 'tl-date' }, item.date.slice(0, 10)),
          h('span', { class: 'tl-badges' }, h('span', { class: 'badge' }, item.kind)),
          h('span', { class: 'tl-text' },
            item.articleId ? h('a', { href: articleHref(item.articleId) }, item.label) : item.label,
            item.outlet ? h('span', { class: 'muted' }, ` · ${item.outlet}`) : null))))))));
}

function defaultZoom(view: TimelineView): Zoom {
  const years = new Set(view.items.map((i) => i.date.slice(0, 4)));
  if (years.size > 3) return 'year';
  const months = new Set(view.items.map((i) => i.date.slice(0, 7)));
  return months.size > 2 ? 'month' : 'day';
}

/** Every period from the first key to the last (when there are at most 400; otherwise just the keys). */
function continuousAxis(keys: readonly string[], zoom: Zoom): string[] {
  if (keys.length < 2) return [...keys];
  const first = keys[0]!;
  const last = keys[keys.length - 1]!;
  const out: string[] = [];
  if (zoom === 'year') {
    for (let y = Number(first); y <= Number(last) && out.length <= 400; y++) out.push(String(y).padStart(4, '0'));
  } else if (zoom === 'month') {
    let [y, m] = first.split('-').map(Number) as [number, number];
    for (let key = first; key <= last && out.length <= 400; key = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`) {
      out.push(key);
      m++;
      if (m > 12) [y, m] = [y + 1, 1];
    }
  } else {
    const end = Date.parse(`${last}T00:00:00Z`);
    for (let t = Date.parse(`${first}T00:00:00Z`); t <= end && out.length <= 400; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out.length > 400 || out.some((k) => Number.isNaN(Date.parse(k.length === 4 ? `${k}-01-01` : k.length === 7 ? `${k}-01` : k))) ? [...keys] : out;
}
