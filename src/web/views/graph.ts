/**
 * The graph: entities linked when named in the same article (co-occurrence), and merged events between the
 * entities that did them (actor →) and underwent them (→ target), drawn with cytoscape and listed as tables for
 * keyboard and screen-reader users.
 */
import { api, type GraphView } from '../api-client.js';
import { append, h, replaceChildren, route } from '../dom.js';
import type { ViewContext } from './context.js';
import { entityHref, eventHref, heading, partialNote, plural, statusBadge, typeBadge } from './parts.js';

const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';
/** Community colours (Okabe–Ito, safe for the common colour-vision deficiencies); communities past the eighth are grey. */
const COMMUNITY_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
const OTHER_COMMUNITY = '#9ca3af';
/** The entity type is the node's shape, so colour can show the community. */
const TYPE_SHAPES: Record<string, { shape: 'ellipse' | 'round-rectangle' | 'triangle' | 'hexagon'; symbol: string }> = {
  PER: { shape: 'ellipse', symbol: '●' }, ORG: { shape: 'round-rectangle', symbol: '■' }, LOC: { shape: 'triangle', symbol: '▲' }, MISC: { shape: 'hexagon', symbol: '⬢' },
};
/** Event diamonds by corroboration status; the border style repeats it for readers who cannot tell the colours apart. */
const STATUS_STYLES: Record<string, { colour: string; border: 'solid' | 'double' | 'dashed' | 'dotted' }> = {
  'single-source': { colour: '#6366f1', border: 'solid' },
  corroborated: { colour: '#16a34a', border: 'double' },
  contested: { colour: '#d97706', border: 'dashed' },
  denied: { colour: '#dc2626', border: 'dotted' },
};
type GraphNode = GraphView['nodes'][number];
type GraphEdge = GraphView['edges'][number];
type EventNode = Extract<GraphNode, { kind: 'event' }>;
type EntityNode = Extract<GraphNode, { kind: 'entity' }>;

const EDGE_COLOURS: Record<GraphEdge['kind'], string> = { 'co-occurrence': '#94a3b8', actor: '#7f1d1d', target: '#1e3a8a', 'claimed-about': '#7e22ce' };
/** The relations a reader can switch on and off; "acted on" brings the event diamonds with it. */
const RELATIONS: readonly { id: string; label: string; kinds: readonly GraphEdge['kind'][] }[] = [
  { id: 'co-occurrence', label: 'named together', kinds: ['co-occurrence'] },
  { id: 'events', label: 'acted on (events)', kinds: ['actor', 'target'] },
  { id: 'claims', label: 'claimed about', kinds: ['claimed-about'] },
];
/** Labels are drawn only once zoomed in far enough for their font to reach this many pixels (cytoscape's min-zoomed-font-size). */
const MIN_LABEL_PX = 9;

/**
 * Co-occurrence, event and claim graph of the whole corpus (the entities most connected to each other, coloured by
 * community), or of one entity's articles and events (?entity=). Clicking a node shows its ego network (it and its
 * neighbours, the rest faded) with links to its page; each relation can be switched off.
 */
export async function graphView({ query, main }: ViewContext): Promise<void> {
  const entity = query.get('entity') ?? undefined;
  const [graph, { default: cytoscape }] = await Promise.all([api.graph(entity), import('cytoscape')]);
  const entities = graph.nodes.filter((n): n is EntityNode => n.kind === 'entity');
  const events = graph.nodes.filter((n): n is EventNode => n.kind === 'event');
  const links = graph.edges.filter((e) => e.kind === 'co-occurrence');
  const claimLinks = graph.edges.filter((e) => e.kind === 'claimed-about');
  const labels = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const canvas = h('div', {
    class: 'graph-canvas', id: 'graph-canvas', role: 'img',
    'aria-label': `graph of ${plural(entities.length, 'entity')}, ${plural(events.length, 'event')} and ${plural(graph.edges.length, 'link')}; the same data is in the tables below`,
  });
  let showEgo: (id: string) => void = () => undefined;
  // The keyboard's way to the ego view (the canvas takes clicks only).
  const egoSelect = h('select', { id: 'graph-ego', on: { change: (e) => {
    const id = (e.target as HTMLSelectElement).value;
    if (id) showEgo(id);
  } } }, h('option', { value: '' }, 'everything'),
  ...[...entities].sort((a, b) => b.degree - a.degree || a.label.localeCompare(b.label)).map((n) => h('option', { value: n.id }, n.label)));
  const focusPanel = h('div', { class: 'graph-focus', id: 'graph-focus', 'aria-live': 'polite' }, h('p', { class: 'muted small' }, 'Click a node to see its neighbours; scroll or pinch to zoom (names appear as you zoom in).'));
  const eventTable = eventsTable(graph, events, labels);
  const shown: Record<string, boolean> = { 'co-occurrence': true, events: true, claims: true };
  let applyFilters: () => void = () => undefined;
  const counts: Record<string, number> = { 'co-occurrence': links.length, events: events.length, claims: claimLinks.length };
  const filters = h('fieldset', { class: 'legend graph-filters' }, h('legend', null, 'Relations'), ...RELATIONS.map((r) => h('label', null,
    h('input', {
      type: 'checkbox', checked: true, id: r.id === 'events' ? 'graph-show-events' : `graph-show-${r.id}`, disabled: counts[r.id] === 0,
      on: { change: (e) => {
        shown[r.id] = (e.target as HTMLInputElement).checked;
        if (r.id === 'events') eventTable.hidden = !shown[r.id];
        applyFilters();
      } },
    }), ' ', mark(r.id === 'co-occurrence' ? '—' : '→', EDGE_COLOURS[r.kinds[0]!]), ` ${r.label} (${counts[r.id]})`)));

  append(main,
    heading(entity ? `Graph around ${labels.get(entity) ?? entity}` : 'Graph of entities and events',
      `${plural(entities.length, 'entity')}${entity ? '' : ', the most connected'}, ${plural(links.length, 'co-occurrence link')} from ${plural(graph.scannedArticles, 'article')}; ${eventsNote(events.length, graph.eventsTotal)}; ${plural(claimLinks.length, 'claimed-about link')}. `,
      'Colours are communities (entities more linked to each other than to the rest), shapes entity types. Lines join entities named in the same article; arrows run from the entity that acted to the event (◆) and on to its target, and from a source to what it made claims about.'),
    entity ? h('p', null, h('a', { href: route('/graph') }, 'Show the whole graph')) : null,
    partialNote(graph),
    graph.nodes.length ? filters : null,
    graph.nodes.length ? h('p', { class: 'graph-ego-control' }, h('label', { for: 'graph-ego' }, 'Neighbours of '), egoSelect) : null,
    graph.nodes.length ? h('div', { class: 'graph-layout' }, canvas, focusPanel) : h('p', { class: 'muted' }, 'No entities yet: the graph fills in once articles are ingested with the entities stage.'),
    legend(entities),
    links.length ? h('details', { class: 'set-apart' }, h('summary', null, 'Co-occurrence links as a table'), h('table', { class: 'list' },
      h('thead', null, h('tr', null, h('th', null, 'Entity'), h('th', null, 'Entity'), h('th', { class: 'num' }, 'Articles together'))),
      h('tbody', null, ...links.map((e) => h('tr', null,
        h('td', null, h('a', { href: entityHref(e.source) }, labels.get(e.source) ?? e.source)),
        h('td', null, h('a', { href: entityHref(e.target) }, labels.get(e.target) ?? e.target)),
        h('td', { class: 'num' }, String(e.weight))))))) : null,
    claimLinks.length ? h('details', { class: 'set-apart' }, h('summary', null, 'Claimed-about links as a table'), h('table', { class: 'list' },
      h('thead', null, h('tr', null, h('th', null, 'Source'), h('th', null, 'Named in its claims'), h('th', { class: 'num' }, 'Claims'))),
      h('tbody', null, ...claimLinks.map((e) => h('tr', null,
        h('td', null, h('a', { href: entityHref(e.source) }, labels.get(e.source) ?? e.source)),
        h('td', null, h('a', { href: entityHref(e.target) }, labels.get(e.target) ?? e.target)),
        h('td', { class: 'num' }, String(e.weight))))))) : null,
    events.length ? eventTable : null);
  if (!graph.nodes.length) return;
  const maxDegree = Math.max(1, ...entities.map((n) => n.degree));
  const maxReports = Math.max(1, ...events.map((n) => n.reportCount));
  const maxWeight = Math.max(1, ...links.map((e) => e.weight));
  const maxClaims = Math.max(1, ...claimLinks.map((e) => e.weight));
  const edgeScale: Record<GraphEdge['kind'], number> = { 'co-occurrence': maxWeight, actor: maxReports, target: maxReports, 'claimed-about': maxClaims };
  // The container must be in the document for cytoscape to measure it: draw once the view is shown.
  requestAnimationFrame(() => {
    const container = document.getElementById('graph-canvas');
    if (!container) return;
    // Cytoscape injects a <style> (position: relative) unless an element with this id exists; the CSP forbids
    // inline styles, so styles.css sets the position and this marker tells cytoscape not to inject.
    if (!document.getElementById(CYTOSCAPE_STYLESHEET_ID)) document.head.append(h('meta', { id: CYTOSCAPE_STYLESHEET_ID, name: 'cytoscape-stylesheet', content: 'in styles.css' }));
    const cy = cytoscape({
      container,
      elements: [
        ...entities.map((n) => {
          const weight = Math.sqrt(n.degree / maxDegree);
          return { data: {
            id: n.id, kind: 'entity', label: n.label, colour: COMMUNITY_COLOURS[n.community] ?? OTHER_COMMUNITY, shape: TYPE_SHAPES[n.type]?.shape ?? 'ellipse',
            size: 16 + 34 * weight, font: Math.round(7 + 11 * weight), isFocus: n.id === entity ? 1 : 0,
          } };
        }),
        ...events.map((n) => ({
          data: { id: n.id, kind: 'event', label: n.label, colour: STATUS_STYLES[n.status]?.colour ?? '#555', border: STATUS_STYLES[n.status]?.border ?? 'solid', size: 14 + 20 * Math.sqrt(n.reportCount / maxReports), font: 8 },
        })),
        ...graph.edges.map((e) => ({ data: { id: e.id, kind: e.kind, source: e.source, target: e.target, colour: EDGE_COLOURS[e.kind], width: 1 + 5 * (e.weight / edgeScale[e.kind]) } })),
      ],
      style: [
        {
          selector: 'node', style: {
            'background-color': 'data(colour)', shape: 'data(shape)' as 'ellipse', label: 'data(label)', width: 'data(size)', height: 'data(size)', 'font-size': 'data(font)' as unknown as number,
            'min-zoomed-font-size': MIN_LABEL_PX, 'text-valign': 'bottom', 'text-margin-y': 3, color: '#111827', 'text-wrap': 'ellipsis', 'text-max-width': '140px',
            'text-background-color': '#ffffff', 'text-background-opacity': 0.75, 'text-background-padding': '1px', 'border-width': 1, 'border-color': '#ffffff',
          },
        },
        { selector: 'node[isFocus = 1]', style: { 'border-width': 3, 'border-color': '#111827' } },
        { selector: 'node[kind = "event"]', style: { shape: 'diamond', 'border-width': 3, 'border-color': '#111827', 'border-style': 'data(border)' as 'solid', color: '#374151' } },
        { selector: 'edge', style: { width: 'data(width)', 'line-color': 'data(colour)', opacity: 0.55, 'curve-style': 'haystack' } },
        { selector: 'edge[kind != "co-occurrence"]', style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'target-arrow-color': 'data(colour)', 'arrow-scale': 1.1, opacity: 0.8 } },
        { selector: 'edge[kind = "claimed-about"]', style: { 'line-style': 'dashed' } },
        { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0 } },
        // The ego network keeps every label, whatever the zoom.
        // Larger than elsewhere (the ring is fitted to the canvas, which zooms out a little), on one line cut to
        // fit the room the ring leaves; the panel beside lists the full names.
        { selector: 'node.ego', style: { 'min-zoomed-font-size': 0, 'font-size': 16, 'text-max-width': `${RING_LABEL_PX - 10}px`, 'z-index': 10 } },
        { selector: '.hidden', style: { display: 'none' } },
      ],
      layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 12000, idealEdgeLength: () => 110, padding: 20 },
      wheelSensitivity: 0.3,
    });
    // Where the ego view moved nodes from, so "Show everything" puts them back.
    const moved = new Map<string, { x: number; y: number }>();
    const restorePositions = () => {
      for (const [id, position] of moved) cy.getElementById(id).position(position);
      moved.clear();
    };
    const clearEgo = () => {
      restorePositions();
      cy.elements().removeClass('faded ego');
      container.dataset['ego'] = '';
      cy.fit(undefined, 20);
    };
    cy.on('tap', (event) => {
      if (event.target === cy) clearEgo();
    });
    showEgo = (id: string) => {
      const node = cy.getElementById(id);
      if (node.empty()) return;
      const ego = node.closedNeighborhood().filter((el: { visible(): boolean }) => el.visible());
      cy.elements().addClass('faded').removeClass('ego');
      ego.removeClass('faded');
      ego.nodes().addClass('ego');
      restorePositions();
      ringAround(node, ego.nodes().filter((n: { id(): string }) => n.id() !== id), moved);
      cy.fit(ego, 30);
      container.dataset['ego'] = id;
      container.dataset['egoLabelOverlaps'] = String(labelOverlaps(ego.nodes()));
      const isEvent = node.data('kind') === 'event';
      const neighbours = ego.nodes().filter((n: { id(): string }) => n.id() !== id).map((n: { id(): string; data(key: string): string }) => ({ id: n.id(), label: String(n.data('label')), kind: n.data('kind') }));
      replaceChildren(focusPanel,
        h('h2', null, labels.get(id) ?? id),
        h('p', null, h('a', { href: isEvent ? eventHref(id) : entityHref(id), class: 'graph-open' }, isEvent ? 'Open the event' : 'Open its page'),
          isEvent ? null : h('span', null, ' · ', h('a', { href: route('/graph', { entity: id }) }, 'Graph around it'))),
        h('p', { class: 'muted small' }, `${plural(neighbours.length, 'neighbour')} shown:`),
        h('ul', { class: 'plain small' }, ...neighbours.slice(0, 30).map((n: { id: string; label: string; kind: string }) => h('li', null, h('a', { href: n.kind === 'event' ? eventHref(n.id) : entityHref(n.id) }, n.label)))),
        h('button', { type: 'button', on: { click: () => {
          clearEgo();
          egoSelect.value = '';
        } } }, 'Show everything'));
    };
    cy.on('tap', 'node', (event) => showEgo(String(event.target.id())));
    // Hiding events hides their arrows with them (cytoscape hides the edges of hidden nodes).
    applyFilters = () => {
      for (const r of RELATIONS) for (const kind of r.kinds) cy.edges(`[kind = "${kind}"]`).toggleClass('hidden', !shown[r.id]);
      cy.nodes('[kind = "event"]').toggleClass('hidden', !shown['events']);
      container.dataset['events'] = String(shown['events'] ? events.length : 0);
      container.dataset['edges'] = String(cy.edges().filter((e: { hasClass(c: string): boolean }) => !e.hasClass('hidden')).length);
    };
    applyFilters();
    container.dataset['drawn'] = String(cy.nodes().length);
  });
}

/** Room for one label, in model pixels, between neighbours side by side on the ego ring (labels are cut 10 px shorter). */
const RING_LABEL_PX = 120;
/** Room for a node and its label, in model pixels, between neighbours one above the other on the ring. */
const RING_ROW_PX = 78;
/** The ego ring is an ellipse this much flatter than wide, as the canvas is. */
const RING_ASPECT = 0.65;

/** The cytoscape node collection calls the ego layout makes. */
interface NodeSet {
  length: number;
  forEach(fn: (node: GraphNodeHandle) => void): void;
}
interface GraphNodeHandle {
  id(): string;
  position(): { x: number; y: number };
  position(to: { x: number; y: number }): void;
  boundingBox(options: { includeLabels: boolean }): { x1: number; x2: number; y1: number; y2: number };
}

/**
 * Puts `neighbours` on an elliptic ring around `centre`, spaced so that side-by-side labels do not collide (at the
 * ring's top and bottom neighbours sit side by side: the arc between them must hold a label; on its sides they sit
 * one above the other); their old positions go into `moved`. The force layout left an ego's neighbours where the
 * whole graph put them: stacked, names overlapping.
 */
function ringAround(centre: GraphNodeHandle, neighbours: NodeSet, moved: Map<string, { x: number; y: number }>): void {
  const { x, y } = centre.position();
  // Between neighbours at angle θ the step s along the ring moves s·|sin θ| across and aspect·s·|cos θ| down; one of
  // them clears a box (RING_LABEL_PX wide or RING_ROW_PX high) at every angle once s² ≥ width² + (height/aspect)²
  // (5 % more for the chord being shorter than the arc).
  const step = 1.05 * Math.hypot(RING_LABEL_PX, RING_ROW_PX / RING_ASPECT);
  const radius = Math.max(200, (neighbours.length * step) / (2 * Math.PI));
  let i = 0;
  neighbours.forEach((node) => {
    moved.set(node.id(), { ...node.position() });
    const angle = (2 * Math.PI * i++) / neighbours.length - Math.PI / 2;
    node.position({ x: x + radius * Math.cos(angle), y: y + RING_ASPECT * radius * Math.sin(angle) });
  });
}

/** How many pairs of these nodes' boxes, labels included, overlap (kept on the canvas for the browser test). */
function labelOverlaps(nodes: NodeSet): number {
  const boxes: { x1: number; x2: number; y1: number; y2: number }[] = [];
  nodes.forEach((node) => boxes.push(node.boundingBox({ includeLabels: true })));
  let overlaps = 0;
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
    if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps++;
  }));
  return overlaps;
}

/** A coloured symbol (CSSOM colour, which the CSP allows unlike a style attribute). */
function mark(symbol: string, colour: string): HTMLElement {
  const el = h('span', { 'aria-hidden': 'true' }, symbol);
  el.style.color = colour;
  return el;
}

/** "30 of 412 events shown", "no events", … */
function eventsNote(shown: number, total: number): string {
  if (!total) return 'no events';
  return shown < total ? `${shown} of ${plural(total, 'event')} shown, those with most reports` : `${plural(shown, 'event')}`;
}

/** What the colours, shapes and lines mean. */
function legend(entities: readonly EntityNode[]): HTMLElement {
  const communities = [...new Set(entities.map((n) => n.community))].sort((a, b) => a - b);
  return h('fieldset', { class: 'legend graph-legend' }, h('legend', null, 'Legend'),
    h('span', null, 'shapes: ', ...Object.entries(TYPE_SHAPES).map(([type, s]) => h('span', null, h('span', { 'aria-hidden': 'true' }, s.symbol), ' ', typeBadge(type), ' '))),
    h('span', null, 'communities: ', ...communities.slice(0, COMMUNITY_COLOURS.length).map((c) => h('span', null, mark('●', COMMUNITY_COLOURS[c]!), ` ${c + 1} `)),
      communities.length > COMMUNITY_COLOURS.length ? h('span', null, mark('●', OTHER_COMMUNITY), ' others') : null),
    h('span', null, '◆ events by status: ', ...Object.entries(STATUS_STYLES).map(([status, s]) => h('span', null, mark('◆', s.colour), ' ', statusBadge(status), ` (${s.border} border) `))));
}

/** The events as a table: the same data as the diamonds and arrows, reachable by keyboard. */
function eventsTable(graph: GraphView, events: readonly EventNode[], labels: ReadonlyMap<string, string>): HTMLElement {
  const actors = (eventId: string, kind: 'actor' | 'target') => {
    const ids = graph.edges.filter((e) => e.kind === kind && (kind === 'actor' ? e.target : e.source) === eventId).map((e) => (kind === 'actor' ? e.source : e.target));
    if (!ids.length) return h('span', { class: 'muted' }, '—');
    return h('span', null, ...ids.flatMap((id, i) => [i ? ', ' : '', h('a', { href: entityHref(id) }, labels.get(id) ?? id)]));
  };
  return h('details', { class: 'set-apart', id: 'graph-events', open: true }, h('summary', null, 'Events in the graph as a table'), h('table', { class: 'list' },
    h('thead', null, h('tr', null, h('th', null, 'Date'), h('th', null, 'Event'), h('th', null, 'Status'), h('th', null, 'Actors'), h('th', null, 'Targets'), h('th', { class: 'num' }, 'Reports'))),
    h('tbody', null, ...events.map((n) => h('tr', null,
      h('td', { class: 'nowrap' }, n.date ?? 'undated'),
      h('td', null, h('a', { href: eventHref(n.id), title: n.summary }, n.ploverType)),
      h('td', null, statusBadge(n.status)),
      h('td', null, actors(n.id, 'actor')),
      h('td', null, actors(n.id, 'target')),
      h('td', { class: 'num' }, String(n.reportCount)))))));
}
