/**
 * The map: merged events with coordinates and the places articles name, on bundled world geometry (Natural Earth
 * via world-atlas, drawn with d3-geo; no tiles, nothing fetched from another server). Zoom with the wheel or the
 * buttons, pan by dragging or with the arrow keys. Every located event is drawn: the server counts the visible
 * extent's events per grid cell (cells shrink as you zoom in) or, when it holds few, sends the events; nearby marks
 * cluster (with their count) and split as you zoom in; labels are placed where they collide with nothing; a click
 * (or Enter) on a mark lists what is there, a page at a time.
 */
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { GeoProjection } from 'd3-geo';
import { api, type MapClustersView, type MapEvent, type MapView } from '../api-client.js';
import { append, h, replaceChildren, route, svg } from '../dom.js';
import { shortHumanDate } from '../human-time.js';
import { clusterMarks, placeLabels, type Box, type Cluster } from '../map-layout.js';
import { ploverColour, PLOVER_COLOURS } from '../plover-colours.js';
import type { ViewContext } from './context.js';
import { articleHref, entityHref, eventHref, heading, plural, statusBadge } from './parts.js';

const WIDTH = 960;
const HEIGHT = 500;
/** Marks closer than this many screen pixels join one cluster. */
const CLUSTER_PX = 32;
const MIN_ZOOM = 1;
const MAX_ZOOM = 64;
/** Rows the tables under the map list before pointing to the rest. */
const TABLE_ROWS = 100;
/** Events the panel lists at a time for a mark. */
const PANEL_PAGE = 20;
/** The server's grid: cells of 16° at level 0, halved at each level up to 10 (src/app/map-clusters.ts). */
const BASE_CELL_DEGREES = 16;
const MAX_GRID_LEVEL = 10;
/** The extent asked for is widened to whole tiles of this many cells, so a small pan reuses the last answer. */
const TILE_CELLS = 4;
/** How long the view waits after a zoom or pan before asking for the new extent's clusters. */
const FETCH_DELAY_MS = 120;

type MapPoint = MapView['points'][number];
type MapCell = MapClustersView['clusters'][number];
/** What a mark stands for: an event, a grid cell of the server's (with its count) or a place named in articles. */
type Thing = { kind: 'event'; event: MapEvent } | { kind: 'cell'; cell: MapCell; level: number } | { kind: 'place'; point: MapPoint };
/** What a mark of events weighs: an event counts one, a cell its events. */
const eventCount = (t: Thing): number => (t.kind === 'event' ? 1 : t.kind === 'cell' ? t.cell.events : 0);

/** Map of events and resolved places in all articles, or in one entity's (?entity=). */
export async function mapView({ query, main }: ViewContext): Promise<void> {
  const entity = query.get('entity') ?? undefined;
  const [view, world, d3, topojson] = await Promise.all([
    api.map(entity),
    fetch('world-110m.json').then((r) => r.json() as Promise<Topology<{ countries: GeometryCollection }>>),
    import('d3-geo'),
    import('topojson-client'),
  ]);
  const projection = d3.geoNaturalEarth1().fitExtent([[8, 8], [WIDTH - 8, HEIGHT - 8]], { type: 'Sphere' });
  const path = d3.geoPath(projection);
  const project = (lon: number, lat: number): [number, number] | undefined => projection([lon, lat]) ?? undefined;

  // Role "group", not "img": the marks inside are buttons, and an image's content is presentational.
  const map = svg('svg', { class: 'world', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'group', 'aria-label': 'map: drag or use the arrow keys to pan, the wheel or + and − to zoom; the same data is listed below', tabindex: 0 });
  const base = svg('g', { class: 'map-base' });
  base.appendChild(svg('path', { d: path({ type: 'Sphere' }) ?? '', class: 'sphere' }));
  base.appendChild(svg('path', { d: path(d3.geoGraticule10()) ?? '', class: 'graticule' }));
  const countries = topojson.feature(world, world.objects.countries);
  for (const country of countries.features) base.appendChild(svg('path', { d: path(country) ?? '', class: 'country' }, svg('title', {}, String((country.properties as { name?: string } | null)?.name ?? ''))));
  base.appendChild(svg('path', { d: path(topojson.mesh(world, world.objects.countries, (a, b) => a !== b)) ?? '', class: 'borders' }));
  const marks = svg('g', { class: 'map-marks' });
  map.append(base, marks);

  const details = h('div', { class: 'map-details', id: 'map-details', 'aria-live': 'polite' }, h('p', { class: 'muted small' }, 'Click a mark (or focus it and press Enter) to list what is there.'));
  const layers = { events: true, places: true };
  const places: ProjectedThing[] = [];
  for (const p of view.points) {
    const xy = project(p.lon, p.lat);
    if (xy) places.push({ thing: { kind: 'place', point: p }, xy, weight: p.articleCount });
  }
  // The events of the extent last fetched: the server's cells, or the events themselves.
  let events: ProjectedThing[] = [];

  // The view transform: screen = k · projected + (x, y).
  const extentCorners = view.extent ? [project(view.extent.west, view.extent.south), project(view.extent.east, view.extent.north), project(view.extent.west, view.extent.north), project(view.extent.east, view.extent.south)].filter((xy): xy is [number, number] => Boolean(xy)) : [];
  let zoom = fitTo(extentCorners) ?? fitTo(places.map((t) => t.xy)) ?? { k: 1, x: 0, y: 0 };
  const initial = zoom;
  // Pixels per degree of longitude along the equator at zoom 1, to pick the grid whose cells are about a cluster wide.
  const pxPerDegree = Math.abs((project(90, 0)?.[0] ?? 1) - (project(-90, 0)?.[0] ?? 0)) / 180;
  const legendTypes = new Set(view.events.map((e) => e.ploverType));

  let frame = 0;
  const draw = () => {
    frame = 0;
    base.setAttribute('transform', `translate(${zoom.x.toFixed(2)},${zoom.y.toFixed(2)}) scale(${zoom.k.toFixed(4)})`);
    drawMarks(marks, places, events, zoom, layers, (cluster) => showCluster(details, cluster, entity));
    map.dataset['zoom'] = zoom.k.toFixed(2);
  };
  const redraw = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };

  // Asks for the clusters of the visible extent (widened to whole tiles) when the grid level or the tiles change;
  // an answer that arrives after a newer request was made is dropped.
  let lastKey = '';
  let sequence = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fetchEvents = async (): Promise<void> => {
    const level = gridLevel(zoom.k, pxPerDegree);
    const bbox = visibleBox(zoom, projection, level);
    const key = `${level}|${bbox}`;
    if (key === lastKey) return;
    lastKey = key;
    const mine = ++sequence;
    map.dataset['loading'] = 'true';
    const answer = await api.mapClusters(entity, level, bbox);
    if (mine !== sequence) return;
    delete map.dataset['loading'];
    map.dataset['mode'] = answer.events.length ? 'events' : 'clusters';
    map.dataset['located'] = String(answer.located);
    events = [
      ...answer.events.flatMap((e): ProjectedThing[] => {
        const xy = project(e.lon, e.lat);
        return xy ? [{ thing: { kind: 'event', event: e }, xy, weight: e.reportCount }] : [];
      }),
      ...answer.clusters.flatMap((c): ProjectedThing[] => {
        const xy = project(c.lon, c.lat);
        return xy ? [{ thing: { kind: 'cell', cell: c, level: answer.zoomLevel }, xy, weight: c.events }] : [];
      }),
    ];
    const before = legendTypes.size;
    for (const e of answer.events) legendTypes.add(e.ploverType);
    for (const c of answer.clusters) for (const t of c.types) legendTypes.add(t.type);
    if (legendTypes.size !== before) fillLegend(legend, legendTypes);
    redraw();
  };
  const refetch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void fetchEvents().catch((error: unknown) => showError(details, error)), FETCH_DELAY_MS);
  };
  const moved = () => {
    redraw();
    refetch();
  };

  const zoomAt = (factor: number, cx = WIDTH / 2, cy = HEIGHT / 2) => {
    const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom.k * factor));
    const f = k / zoom.k;
    zoom = clampPan({ k, x: cx - (cx - zoom.x) * f, y: cy - (cy - zoom.y) * f });
    moved();
  };
  const panBy = (dx: number, dy: number) => {
    zoom = clampPan({ ...zoom, x: zoom.x + dx, y: zoom.y + dy });
    moved();
  };
  const toSvg = (event: MouseEvent) => {
    const rect = map.getBoundingClientRect();
    return [((event.clientX - rect.left) / rect.width) * WIDTH, ((event.clientY - rect.top) / rect.height) * HEIGHT] as const;
  };
  map.addEventListener('wheel', (event) => {
    event.preventDefault();
    const [x, y] = toSvg(event);
    zoomAt(event.deltaY < 0 ? 1.25 : 0.8, x, y);
  }, { passive: false });
  let drag: { x: number; y: number; moved: boolean } | undefined;
  map.addEventListener('pointerdown', (event) => {
    if ((event.target as Element).closest('.mark')) return;
    const [x, y] = toSvg(event);
    drag = { x, y, moved: false };
    map.setPointerCapture(event.pointerId);
  });
  map.addEventListener('pointermove', (event) => {
    if (!drag) return;
    const [x, y] = toSvg(event);
    if (Math.abs(x - drag.x) + Math.abs(y - drag.y) > 2) drag.moved = true;
    panBy(x - drag.x, y - drag.y);
    drag = { ...drag, x, y };
  });
  map.addEventListener('pointerup', () => {
    drag = undefined;
  });
  map.addEventListener('keydown', (event) => {
    if (event.target !== map) return;
    const moves: Record<string, [number, number]> = { ArrowLeft: [60, 0], ArrowRight: [-60, 0], ArrowUp: [0, 60], ArrowDown: [0, -60] };
    if (moves[event.key]) panBy(...moves[event.key]!);
    else if (event.key === '+' || event.key === '=') zoomAt(1.5);
    else if (event.key === '-') zoomAt(1 / 1.5);
    else return;
    event.preventDefault();
  });
  const layerToggle = (key: keyof typeof layers, label: string, count: number) => h('label', null,
    h('input', { type: 'checkbox', checked: true, id: `map-show-${key}`, on: { change: (e) => {
      layers[key] = (e.target as HTMLInputElement).checked;
      redraw();
    } } }), ` ${label} (${count})`);
  const controls = h('div', { class: 'map-controls', role: 'group', 'aria-label': 'map controls' },
    h('button', { type: 'button', id: 'map-zoom-in', 'aria-label': 'zoom in', on: { click: () => zoomAt(1.5) } }, '+'),
    h('button', { type: 'button', id: 'map-zoom-out', 'aria-label': 'zoom out', on: { click: () => zoomAt(1 / 1.5) } }, '−'),
    h('button', { type: 'button', id: 'map-fit', on: { click: () => {
      zoom = initial;
      moved();
    } } }, 'Fit to the events'),
    h('button', { type: 'button', id: 'map-world', on: { click: () => {
      zoom = { k: 1, x: 0, y: 0 };
      moved();
    } } }, 'Whole world'),
    layerToggle('events', 'events', view.eventsLocated), layerToggle('places', 'places named', view.points.length));

  const legend = h('div', { class: 'map-legend', 'aria-label': 'legend' });
  fillLegend(legend, legendTypes);

  const unplaced = view.eventsTotal - view.eventsLocated;
  append(main,
    heading(entity ? 'Map of an entity\'s events and places' : 'Map of events and places',
      `${plural(view.eventsLocated, 'event')} placed${unplaced ? ` (${unplaced} of ${view.eventsTotal} have no place with coordinates)` : ''}; ${plural(view.points.length, 'resolved place')} named in ${plural(view.scannedArticles, 'article')}${view.unresolved ? ` · ${view.unresolved} place mention(s) not resolved` : ''}.`),
    entity ? h('p', null, 'Filtered to ', h('a', { href: entityHref(entity) }, entity), ' · ', h('a', { href: route('/map') }, 'show everything')) : null,
    view.isPartial ? h('p', { class: 'note' }, `Showing the ${view.points.length} most named places.`) : null,
    controls,
    legend,
    h('div', { class: 'map-wrap' }, map),
    details,
    view.events.length ? h('section', null, h('h2', null, 'Events with most reports'), h('table', { class: 'list' },
      h('thead', null, h('tr', null, h('th', null, 'Date'), h('th', null, 'Event'), h('th', null, 'Type'), h('th', null, 'Status'), h('th', null, 'Place'), h('th', { class: 'num' }, 'Reports'))),
      h('tbody', null, ...view.events.slice(0, TABLE_ROWS).map((e) => h('tr', null,
        h('td', { class: 'nowrap' }, e.windowStart ? shortHumanDate(e.windowStart) : 'undated'), h('td', null, h('a', { href: eventHref(e.id) }, cut(e.summary || e.ploverType))), h('td', null, e.ploverType),
        h('td', null, statusBadge(e.status)), h('td', null, e.placeName), h('td', { class: 'num' }, String(e.reportCount)))))),
    view.eventsLocated > view.events.length ? h('p', { class: 'muted' }, `${view.eventsLocated - view.events.length} more on the map (click a mark to list them) and the `, h('a', { href: route('/timeline', { entity }) }, 'timeline'), '.') : null) : null,
    view.points.length ? h('section', null, h('h2', null, 'Places most named'), h('table', { class: 'list' },
      h('thead', null, h('tr', null, h('th', null, 'Place'), h('th', null, 'Country'), h('th', null, 'Precision'), h('th', null, 'Coordinates'), h('th', { class: 'num' }, 'Articles'))),
      h('tbody', null, ...view.points.slice(0, TABLE_ROWS).map((p) => h('tr', null,
        h('td', null, h('button', { type: 'button', class: 'linkish', on: { click: () => showCluster(details, { x: 0, y: 0, weight: p.articleCount, members: [{ kind: 'place', point: p }] }, entity) } }, p.name)),
        h('td', null, p.countryCode ?? '—'), h('td', null, p.precision ?? '—'),
        h('td', { class: 'nowrap' }, `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}`),
        h('td', { class: 'num' }, String(p.articleCount))))))) : h('p', { class: 'muted' }, 'No resolved places yet: the map fills in once articles are ingested with the place stage.'));
  // The first extent's events are part of the first render.
  await fetchEvents();
  draw();
}

/** A mark before clustering: what it stands for, where it projects (at zoom 1) and how heavy it is. */
interface ProjectedThing {
  readonly thing: Thing;
  readonly xy: [number, number];
  readonly weight: number;
}

/** The grid level whose cells are about CLUSTER_PX wide on screen at zoom k. */
function gridLevel(k: number, pxPerDegree: number): number {
  const wanted = CLUSTER_PX / (pxPerDegree * k);
  return Math.max(0, Math.min(MAX_GRID_LEVEL, Math.round(Math.log2(BASE_CELL_DEGREES / wanted))));
}

/**
 * The visible extent as west,south,east,north, widened to whole tiles of the level's grid. The projection's
 * meridians curve, so each side is the outermost of its two screen corners (a corner off the globe counts as the
 * globe's edge).
 */
function visibleBox(zoom: { k: number; x: number; y: number }, projection: GeoProjection, level: number): string {
  const [x0, x1, y0, y1] = [-zoom.x / zoom.k, (WIDTH - zoom.x) / zoom.k, -zoom.y / zoom.k, (HEIGHT - zoom.y) / zoom.k];
  const at = (x: number, y: number) => projection.invert?.([x, y]) ?? null;
  const finite = (p: [number, number] | null) => (p && Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90 ? p : null);
  const [nw, sw, ne, se] = [at(x0, y0), at(x0, y1), at(x1, y0), at(x1, y1)].map(finite);
  const centreX = projection([0, 0])?.[0] ?? WIDTH / 2;
  const north = finite(at(centreX, y0))?.[1] ?? 90;
  const south = finite(at(centreX, y1))?.[1] ?? -90;
  const west = nw && sw ? Math.min(nw[0], sw[0]) : -180;
  const east = ne && se ? Math.max(ne[0], se[0]) : 180;
  const tile = (BASE_CELL_DEGREES / 2 ** level) * TILE_CELLS;
  const down = (v: number, origin: number, min: number) => Math.max(min, Math.floor((v - origin) / tile) * tile + origin);
  const up = (v: number, origin: number, max: number) => Math.min(max, Math.ceil((v - origin) / tile) * tile + origin);
  const round = (v: number) => String(Math.round(v * 1e6) / 1e6);
  return [down(west, -180, -180), down(south, -90, -90), up(east, -180, 180), up(north, -90, 90)].map(round).join(',');
}

/** The legend: one colour per PLOVER type seen so far, in the palette's order. */
function fillLegend(legend: HTMLElement, types: ReadonlySet<string>): void {
  const order = Object.keys(PLOVER_COLOURS);
  replaceChildren(legend,
    h('span', null, h('span', { class: 'dot place-dot', 'aria-hidden': 'true' }), 'place named in articles'),
    h('span', null, h('span', { class: 'dot cluster-dot', 'aria-hidden': 'true' }), 'cluster (count inside; its colour: the commonest type)'),
    ...[...types].sort((a, b) => order.indexOf(a) - order.indexOf(b)).map((type) => {
      const dot = h('span', { class: 'dot diamond', 'aria-hidden': 'true' });
      dot.style.background = ploverColour(type);
      return h('span', null, dot, type);
    }));
}

function showError(target: HTMLElement, error: unknown): void {
  replaceChildren(target, h('p', { class: 'note', role: 'alert' }, `The map could not load its events: ${error instanceof Error ? error.message : String(error)}`));
}

/** Draws the clusters of the visible layers at the current zoom, with labels that collide with nothing. */
function drawMarks(target: SVGGElement, places: readonly ProjectedThing[], events: readonly ProjectedThing[], zoom: { k: number; x: number; y: number }, layers: { events: boolean; places: boolean }, open: (c: Cluster<Thing>) => void): void {
  target.replaceChildren();
  const onScreen = (x: number, y: number) => x >= -20 && y >= -20 && x <= WIDTH + 20 && y <= HEIGHT + 20;
  const toMarks = (things: readonly ProjectedThing[], isShown: boolean) => (isShown ? things : [])
    .map((t) => ({ x: t.xy[0] * zoom.k + zoom.x, y: t.xy[1] * zoom.k + zoom.y, weight: t.weight, item: t.thing }))
    .filter((m) => onScreen(m.x, m.y));
  // Places under events: events are what the map is for.
  const placeClusters = clusterMarks(toMarks(places, layers.places), CLUSTER_PX);
  const eventClusters = clusterMarks(toMarks(events, layers.events), CLUSTER_PX);
  const maxPlace = Math.max(1, ...placeClusters.map((c) => c.weight));
  const drawn: { cluster: Cluster<Thing>; r: number; name: string }[] = [];
  for (const c of placeClusters) {
    const r = 3 + 7 * Math.sqrt(c.weight / maxPlace);
    const names = c.members.flatMap((m) => namesOf(m).map(([n]) => n));
    const mark = svg('g', { class: `mark place-mark${c.members.length > 1 ? ' cluster' : ''}`, tabindex: 0, role: 'button', 'aria-label': `${c.members.length > 1 ? `${c.members.length} places: ` : ''}${names.slice(0, 3).join(', ')}${names.length > 3 ? '…' : ''}: ${plural(c.weight, 'article')}` },
      svg('circle', { cx: c.x.toFixed(1), cy: c.y.toFixed(1), r: r.toFixed(1), class: 'point' }),
      svg('title', {}, `${names.slice(0, 5).join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''} · ${plural(c.weight, 'article')}`));
    activate(mark, () => open(c));
    target.appendChild(mark);
    drawn.push({ cluster: c, r, name: labelOf(c) });
  }
  for (const c of eventClusters) {
    const count = c.members.reduce((sum, m) => sum + eventCount(m), 0);
    const types = tally(c.members.flatMap((m): [string, number][] => (m.kind === 'event' ? [[m.event.ploverType, 1]] : m.kind === 'cell' ? m.cell.types.map((t) => [t.type, t.events]) : [])));
    const colour = ploverColour(types[0]![0]);
    const where = tally(c.members.flatMap(namesOf)).map(([n]) => n);
    const label = `${plural(count, 'event')} at ${where.slice(0, 2).join(', ')}${where.length > 2 ? '…' : ''}: ${types.map(([t, n]) => `${n} ${t}`).join(', ')}`;
    let mark: SVGGElement;
    let r: number;
    if (count === 1) {
      r = 7;
      const [x, y] = [c.x, c.y];
      mark = svg('g', { class: 'mark event', tabindex: 0, role: 'button', 'aria-label': label },
        svg('path', { d: `M${x.toFixed(1)},${(y - r).toFixed(1)} L${(x + r).toFixed(1)},${y.toFixed(1)} L${x.toFixed(1)},${(y + r).toFixed(1)} L${(x - r).toFixed(1)},${y.toFixed(1)} Z`, fill: colour, class: 'event-mark' }),
        svg('title', {}, label));
    } else {
      r = Math.min(18, 8 + 1.5 * Math.log2(count));
      mark = svg('g', { class: 'mark event cluster', tabindex: 0, role: 'button', 'aria-label': label },
        svg('circle', { cx: c.x.toFixed(1), cy: c.y.toFixed(1), r: r.toFixed(1), fill: colour, class: 'event-cluster' }),
        svg('text', { x: c.x.toFixed(1), y: (c.y + 4).toFixed(1), 'text-anchor': 'middle', class: `cluster-count${isDark(colour) ? ' on-dark' : ''}`, 'aria-hidden': 'true' }, compactCount(count)),
        svg('title', {}, label));
    }
    mark.dataset['count'] = String(count);
    activate(mark, () => open(c));
    target.appendChild(mark);
    drawn.push({ cluster: c, r, name: labelOf(c) });
  }
  // Labels: events first, then the most named places (a name already shown is not repeated); one that fits nowhere is left out.
  const obstacles: Box[] = drawn.map((d) => ({ x: d.cluster.x - d.r, y: d.cluster.y - d.r, width: 2 * d.r, height: 2 * d.r }));
  const isEvent = (d: (typeof drawn)[number]) => Number(d.cluster.members[0]!.kind !== 'place');
  const named = new Set<string>();
  const order = drawn.map((d, obstacle) => ({ ...d, obstacle }))
    .sort((a, b) => isEvent(b) - isEvent(a) || b.cluster.weight - a.cluster.weight)
    .filter((d) => !named.has(d.name.replace(/ \+\d+$/, '')) && Boolean(named.add(d.name.replace(/ \+\d+$/, ''))));
  const placed = placeLabels(order.map((d) => ({ x: d.cluster.x, y: d.cluster.y, r: d.r, text: d.name, obstacle: d.obstacle })), obstacles, { x: 0, y: 0, width: WIDTH, height: HEIGHT });
  for (const p of placed) target.appendChild(svg('text', { x: p.x.toFixed(1), y: p.y.toFixed(1), 'text-anchor': p.anchor, class: 'place-label', 'aria-hidden': 'true' }, order[p.index]!.name));
}

/**
 * The list of what a mark stands for, in the panel under the map. Its events come a page at a time (most reported
 * first): from the server for the grid cells a cluster joined, else from the events already drawn. A place shows its
 * newest articles when the server sent them (the most named places) and links to a search for all of them (narrowed
 * to the map's entity, if any).
 */
function showCluster(target: HTMLElement, cluster: Cluster<Thing>, entity: string | undefined): void {
  const drawnEvents = cluster.members.flatMap((m) => (m.kind === 'event' ? [m.event] : [])).sort((a, b) => b.reportCount - a.reportCount);
  const cells = cluster.members.flatMap((m) => (m.kind === 'cell' ? [m] : []));
  const places = cluster.members.flatMap((m) => (m.kind === 'place' ? [m.point] : []));
  const total = cluster.members.reduce((sum, m) => sum + eventCount(m), 0);
  const pageAt = async (offset: number): Promise<readonly MapEvent[]> => (cells.length
    ? (await api.mapEvents(entity, cells[0]!.level, cells.map((c) => `${c.cell.row}:${c.cell.col}`).join(','), PANEL_PAGE, offset)).items
    : drawnEvents.slice(offset, offset + PANEL_PAGE));
  const list = h('ul', { class: 'plain map-events', 'data-total': String(total) });
  const more = h('button', { type: 'button', class: 'map-more', id: 'map-more', hidden: true }, 'Show more');
  let shown = 0;
  const loadPage = async () => {
    more.disabled = true;
    const items = await pageAt(shown);
    append(list, ...items.map((e) => h('li', null,
      statusBadge(e.status), ' ', h('span', { class: 'badge' }, e.ploverType), ' ', h('a', { href: eventHref(e.id) }, cut(e.summary || e.ploverType)),
      h('span', { class: 'muted small' }, ` · ${e.placeName} · ${e.windowStart ? shortHumanDate(e.windowStart) : 'undated'} · ${plural(e.reportCount, 'report')}`))));
    shown += items.length;
    const left = items.length ? total - shown : 0;
    more.hidden = left <= 0;
    more.disabled = false;
    more.textContent = `Show ${Math.min(PANEL_PAGE, left)} more (${left} not listed yet)`;
  };
  const load = () => void loadPage().catch((error: unknown) => append(target, h('p', { class: 'note', role: 'alert' }, `Could not list the events: ${error instanceof Error ? error.message : String(error)}`)));
  more.addEventListener('click', load);
  replaceChildren(target,
    h('h2', null, labelOf(cluster)),
    total ? h('p', { class: 'muted small' }, `${plural(total, 'event')}, most reported first`) : null,
    total ? list : null,
    total ? more : null,
    ...places.map((p) => h('div', null, h('h3', null, `${p.name} · ${plural(p.articleCount, 'article')}`),
      h('ul', { class: 'plain' }, ...p.articles.map((a) => h('li', null, h('a', { href: articleHref(a.id) }, a.title ?? '(untitled)')))),
      p.articleCount > p.articles.length ? h('p', { class: 'small' }, h('a', { href: route('/search', { place: p.id, entity }), class: 'place-articles' },
        p.articles.length ? `and ${p.articleCount - p.articles.length} more` : `List the ${plural(p.articleCount, 'article')}`)) : null)));
  if (total) load();
}

/** Click and Enter (or Space) run the same action. */
function activate(mark: SVGElement, action: () => void): void {
  mark.addEventListener('click', action);
  mark.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Enter' || (e as KeyboardEvent).key === ' ') {
      e.preventDefault();
      action();
    }
  });
}

/** The transform that frames these projected points (with a margin, at least a region's width), or undefined. */
function fitTo(points: readonly [number, number][]): { k: number; x: number; y: number } | undefined {
  if (!points.length) return undefined;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // At least 60 × 40 projected pixels (a region around a single city), plus a 10% margin.
  const w = Math.max(60, x1 - x0) * 1.2;
  const hgt = Math.max(40, y1 - y0) * 1.2;
  const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.min(WIDTH / w, HEIGHT / hgt)));
  return clampPan({ k, x: WIDTH / 2 - ((x0 + x1) / 2) * k, y: HEIGHT / 2 - ((y0 + y1) / 2) * k });
}

/** Keeps the world on screen: the map cannot be dragged away entirely. */
function clampPan(z: { k: number; x: number; y: number }): { k: number; x: number; y: number } {
  const minX = WIDTH - WIDTH * z.k;
  const minY = HEIGHT - HEIGHT * z.k;
  return { k: z.k, x: Math.min(0, Math.max(minX, z.x)), y: Math.min(0, Math.max(minY, z.y)) };
}

/** The place names a mark stands for, with how many events (or one) each. */
function namesOf(t: Thing): [string, number][] {
  if (t.kind === 'event') return [[t.event.placeName, 1]];
  if (t.kind === 'cell') return t.cell.places.map((p) => [p.name, p.events]);
  return [[t.point.name, 1]];
}

/** How many place names a mark has in all (a cell knows its count beyond the names it lists). */
function nameCount(t: Thing): number {
  return t.kind === 'cell' ? t.cell.placeCount : 1;
}

/** "Baghdad" or "Baghdad +3" (the commonest name of a cluster and how many others). */
function labelOf(c: Cluster<Thing>): string {
  const names = tally(c.members.flatMap(namesOf));
  const others = Math.max(names.length, c.members.reduce((sum, m) => sum + nameCount(m), 0)) - 1;
  return others > 0 ? `${names[0]![0]} +${others}` : names[0]![0];
}

/** Values with their summed weights, heaviest first (ties by name). */
function tally(values: readonly (readonly [string, number])[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const [v, n] of values) counts.set(v, (counts.get(v) ?? 0) + n);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** A count that fits inside a cluster's circle: 987, 1.2k, 13k. */
function compactCount(n: number): string {
  if (n < 1000) return String(n);
  return n < 10_000 ? `${(n / 1000).toFixed(1).replace(/\.0$/, '')}k` : `${Math.round(n / 1000)}k`;
}

/** Whether white text reads better than dark text on this fill (relative luminance below 0.3). */
function isDark(hex: string): boolean {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.3;
}

function cut(text: string): string {
  return text.length > 140 ? `${text.slice(0, 139).trimEnd()}…` : text;
}
