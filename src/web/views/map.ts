/**
 * The map: resolved places (events with coordinates when the store has them) on bundled world geometry
 * (Natural Earth via world-atlas, drawn with d3-geo). No tiles, nothing fetched from another server.
 */
import type { GeometryCollection, Topology } from 'topojson-specification';
import { api, type MapView } from '../api-client.js';
import { append, h, replaceChildren, route, svg } from '../dom.js';
import type { ViewContext } from './context.js';
import { articleHref, entityHref, eventHref, heading, partialNote, plural } from './parts.js';

/** Event types get colours in order of first appearance. */
const TYPE_PALETTE = ['#dc2626', '#2563eb', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#ca8a04', '#db2777', '#4b5563', '#65a30d'];

const WIDTH = 960;
const HEIGHT = 500;

/** Map of resolved places in all scanned articles, or in one entity's (?entity=). */
export async function mapView({ query, main }: ViewContext): Promise<void> {
  const entity = query.get('entity') ?? undefined;
  const [view, world, d3, topojson] = await Promise.all([
    api.map(entity),
    fetch('world-110m.json').then((r) => r.json() as Promise<Topology<{ countries: GeometryCollection }>>),
    import('d3-geo'),
    import('topojson-client'),
  ]);
  const located = [...view.points, ...view.events.map((e) => ({ lon: e.lon, lat: e.lat }))];
  const isWorld = query.get('view') === 'world' || located.length === 0;
  const projection = d3.geoNaturalEarth1();
  if (isWorld) projection.fitExtent([[8, 8], [WIDTH - 8, HEIGHT - 8]], { type: 'Sphere' });
  else projection.fitExtent([[8, 8], [WIDTH - 8, HEIGHT - 8]], { type: 'MultiPoint', coordinates: regionAround(located) });
  const path = d3.geoPath(projection);
  const map = svg('svg', { class: 'world', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': `map of ${plural(view.points.length, 'place')}; the same data is listed below` });
  map.appendChild(svg('path', { d: path({ type: 'Sphere' }) ?? '', class: 'sphere' }));
  map.appendChild(svg('path', { d: path(d3.geoGraticule10()) ?? '', class: 'graticule' }));
  const countries = topojson.feature(world, world.objects.countries);
  for (const country of countries.features) map.appendChild(svg('path', { d: path(country) ?? '', class: 'country' }, svg('title', {}, String((country.properties as { name?: string } | null)?.name ?? ''))));
  map.appendChild(svg('path', { d: path(topojson.mesh(world, world.objects.countries, (a, b) => a !== b)) ?? '', class: 'borders' }));

  const details = h('div', { class: 'map-details', 'aria-live': 'polite' });
  const maxCount = Math.max(1, ...view.points.map((p) => p.articleCount));
  for (const point of [...view.points].sort((a, b) => b.articleCount - a.articleCount)) {
    const xy = projection([point.lon, point.lat]);
    if (!xy) continue;
    const dot = svg('circle', { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: (3 + 9 * Math.sqrt(point.articleCount / maxCount)).toFixed(1), class: `point place-mark precision-${point.precision ?? 'unknown'}`, tabindex: 0, role: 'button', 'aria-label': `${point.name}: ${plural(point.articleCount, 'article')}` },
      svg('title', {}, `${point.name} (${point.countryCode ?? '?'}) · ${plural(point.articleCount, 'article')}, ${plural(point.mentionCount, 'mention')}`));
    const show = () => showPoint(details, point);
    dot.addEventListener('click', show);
    dot.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Enter' || (e as KeyboardEvent).key === ' ') {
        e.preventDefault();
        show();
      }
    });
    map.appendChild(dot);
    map.appendChild(svg('text', { x: (xy[0] + 9).toFixed(1), y: (xy[1] - 7).toFixed(1), class: 'place-label' }, point.name));
  }

  const colours = new Map<string, string>();
  for (const e of view.events) if (!colours.has(e.ploverType)) colours.set(e.ploverType, TYPE_PALETTE[colours.size % TYPE_PALETTE.length]!);
  const maxReports = Math.max(1, ...view.events.map((e) => e.reportCount));
  for (const e of [...view.events].sort((a, b) => b.reportCount - a.reportCount)) {
    const xy = projection([e.lon, e.lat]);
    if (!xy) continue;
    // Events are diamonds (places are circles), coloured by type and sized by the number of reports.
    const r = 5 + 9 * Math.sqrt(e.reportCount / maxReports);
    const [x, y] = xy;
    const mark = svg('path', {
      d: `M${(x).toFixed(1)},${(y - r).toFixed(1)} L${(x + r).toFixed(1)},${y.toFixed(1)} L${x.toFixed(1)},${(y + r).toFixed(1)} L${(x - r).toFixed(1)},${y.toFixed(1)} Z`,
      fill: colours.get(e.ploverType)!, class: `event-mark status-${e.status}`, tabindex: 0, role: 'link', 'aria-label': `${e.ploverType} event at ${e.placeName}, ${e.status}`,
    }, svg('title', {}, `${e.ploverType} · ${e.placeName} · ${e.windowStart} · ${e.status} · ${plural(e.reportCount, 'report')}\n${e.summary}`));
    const open = () => {
      location.hash = eventHref(e.id);
    };
    mark.addEventListener('click', open);
    mark.addEventListener('keydown', (ev) => {
      if ((ev as KeyboardEvent).key === 'Enter') open();
    });
    map.appendChild(mark);
  }
  const legend = h('div', { class: 'map-legend' },
    h('span', null, h('span', { class: 'dot place-dot' }), 'place named in articles'),
    ...[...colours].map(([type, colour]) => {
      const dot = h('span', { class: 'dot' });
      dot.style.background = colour;
      return h('span', null, dot, `${type} event`);
    }));

  append(main,
    heading(entity ? 'Map of an entity\'s places and events' : 'Map of places and events', `${plural(view.points.length, 'resolved place')} from ${plural(view.scannedArticles, 'article')}${view.unresolved ? ` · ${view.unresolved} place mention(s) not resolved` : ''}. Circles grow with the number of articles.`),
    entity ? h('p', null, 'Filtered to ', h('a', { href: entityHref(entity) }, entity), ' · ', h('a', { href: route('/map') }, 'show everything')) : null,
    h('p', { class: 'note' }, `Diamonds are merged events (${view.events.length}), coloured by type and sized by reports; circles are places named in articles, sized by articles.`),
    partialNote(view),
    view.points.length ? h('p', null, isWorld
      ? h('a', { href: route('/map', { entity }) }, 'Zoom to the places')
      : h('a', { href: route('/map', { entity, view: 'world' }) }, 'Show the whole world')) : null,
    legend,
    h('div', { class: 'map-wrap' }, map),
    details,
    view.events.length ? h('section', null, h('h2', null, 'Events'), h('table', { class: 'list' },
      h('thead', null, h('tr', null, h('th', null, 'Date'), h('th', null, 'Event'), h('th', null, 'Type'), h('th', null, 'Status'), h('th', null, 'Place'), h('th', { class: 'num' }, 'Reports'))),
      h('tbody', null, ...view.events.map((e) => h('tr', null,
        h('td', { class: 'nowrap' }, e.windowStart), h('td', null, h('a', { href: eventHref(e.id) }, e.summary || e.ploverType)), h('td', null, e.ploverType),
        h('td', null, e.status), h('td', null, e.placeName), h('td', { class: 'num' }, String(e.reportCount))))))) : null,
    view.points.length ? h('h2', null, 'Places') : null,
    view.points.length ? h('table', { class: 'list' },
      h('thead', null, h('tr', null, h('th', null, 'Place'), h('th', null, 'Country'), h('th', null, 'Precision'), h('th', null, 'Coordinates'), h('th', { class: 'num' }, 'Articles'))),
      h('tbody', null, ...view.points.map((p) => h('tr', null,
        h('td', null, h('button', { type: 'button', class: 'linkish', on: { click: () => showPoint(details, p) } }, p.name)),
        h('td', null, p.countryCode ?? '—'), h('td', null, p.precision ?? '—'),
        h('td', { class: 'nowrap' }, `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}`),
        h('td', { class: 'num' }, String(p.articleCount)))))) : h('p', { class: 'muted' }, 'No resolved places yet: the map fills in once articles are ingested with the place stage.'));
}

function showPoint(target: HTMLElement, point: MapView['points'][number]): void {
  replaceChildren(target, h('h2', null, point.name), h('ul', { class: 'plain' }, ...point.articles.map((a) => h('li', null, h('a', { href: articleHref(a.id) }, a.title ?? '(untitled)')))),
    point.articleCount > point.articles.length ? h('p', { class: 'muted' }, `and ${point.articleCount - point.articles.length} more`) : null);
}

/** Corners of the places' bounding box, widened so a single city still shows its region (at least 16° × 10°). */
function regionAround(points: readonly { lon: number; lat: number }[]): [number, number][] {
  const lons = points.map((p) => p.lon);
  const lats = points.map((p) => p.lat);
  const [west, east, south, north] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const padLon = Math.max(4, (16 - (east - west)) / 2);
  const padLat = Math.max(3, (10 - (north - south)) / 2);
  return [[Math.max(-180, west - padLon), Math.max(-85, south - padLat)], [Math.min(180, east + padLon), Math.min(85, north + padLat)]];
}
