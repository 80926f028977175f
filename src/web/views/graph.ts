/**
 * The graph: entities linked when named in the same article (co-occurrence), and merged events between the
 * entities that did them (actor →) and underwent them (→ target), drawn with cytoscape and listed as tables for
 * keyboard and screen-reader users.
 */
import { api, type GraphView } from '../api-client.js';
import { append, h, route } from '../dom.js';
import type { ViewContext } from './context.js';
import { entityHref, eventHref, heading, partialNote, plural, statusBadge, typeBadge } from './parts.js';

const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';
const TYPE_COLOURS: Record<string, string> = { PER: '#2563eb', ORG: '#c2410c', LOC: '#15803d', MISC: '#7e22ce' };
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

const EDGE_COLOURS: Record<GraphEdge['kind'], string> = { 'co-occurrence': '#94a3b8', actor: '#7f1d1d', target: '#1e3a8a' };


/** Co-occurrence and event graph of the whole corpus, or of one entity's articles and events (?entity=). */
export async function graphView({ query, main }: ViewContext): Promise<void> {
  const entity = query.get('entity') ?? undefined;
  const [graph, { default: cytoscape }] = await Promise.all([api.graph(entity), import('cytoscape')]);
  const entities = graph.nodes.filter((n): n is EntityNode => n.kind === 'entity');
  const events = graph.nodes.filter((n): n is EventNode => n.kind === 'event');
  const links = graph.edges.filter((e) => e.kind === 'co-occurrence');
  const labels = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const canvas = h('div', {
    class: 'graph-canvas', id: 'graph-canvas', role: 'img',
    'aria-label': `graph of ${plural(entities.length, 'entity')}, ${plural(events.length, 'event')} and ${plural(graph.edges.length, 'link')}; the same data is in the tables below`,
  });
  const eventTable = eventsTable(graph, events, labels);
  let showEvents = true;
  let setEventsShown: (shown: boolean) => void = () => undefined;
  const toggle = events.length ? h('label', null, h('input', {
    type: 'checkbox', checked: true, id: 'graph-show-events',
    on: { change: (e) => {
      showEvents = (e.target as HTMLInputElement).checked;
      eventTable.hidden = !showEvents;
      setEventsShown(showEvents);
    } },
  }), ' Show events') : null;

  append(main,
    heading(entity ? `Graph around ${labels.get(entity) ?? entity}` : 'Graph of entities and events',
      `${plural(entities.length, 'entity')}, ${plural(links.length, 'co-occurrence link')} from ${plural(graph.scannedArticles, 'article')}; ${eventsNote(events.length, graph.eventsTotal)}. `,
      'Lines join entities named in the same article, thicker for more articles; arrows run from the entity that acted to the event (◆) and on to its target, thicker for more reports. Click a node to open its page.'),
    entity ? h('p', null, h('a', { href: route('/graph') }, 'Show the whole graph')) : null,
    partialNote(graph),
    graph.nodes.length ? canvas : h('p', { class: 'muted' }, 'No entities yet: the graph fills in once articles are ingested with the entities stage.'),
    legend(toggle),
    links.length ? h('details', { class: 'set-apart' }, h('summary', null, 'Co-occurrence links as a table'), h('table', { class: 'list' },
      h('thead', null, h('tr', null, h('th', null, 'Entity'), h('th', null, 'Entity'), h('th', { class: 'num' }, 'Articles together'))),
      h('tbody', null, ...links.map((e) => h('tr', null,
        h('td', null, h('a', { href: entityHref(e.source) }, labels.get(e.source) ?? e.source)),
        h('td', null, h('a', { href: entityHref(e.target) }, labels.get(e.target) ?? e.target)),
        h('td', { class: 'num' }, String(e.weight))))))) : null,
    events.length ? eventTable : null);
  if (!graph.nodes.length) return;
  const maxCount = Math.max(1, ...entities.map((n) => n.articleCount));
  const maxReports = Math.max(1, ...events.map((n) => n.reportCount));
  const maxWeight = Math.max(1, ...links.map((e) => e.weight));
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
        ...entities.map((n) => ({ data: { id: n.id, kind: 'entity', label: n.label, colour: TYPE_COLOURS[n.type] ?? '#555', size: 18 + 34 * Math.sqrt(n.articleCount / maxCount), isFocus: n.id === entity ? 1 : 0 } })),
        ...events.map((n) => ({
          data: { id: n.id, kind: 'event', label: n.label, colour: STATUS_STYLES[n.status]?.colour ?? '#555', border: STATUS_STYLES[n.status]?.border ?? 'solid', size: 16 + 22 * Math.sqrt(n.reportCount / maxReports) },
        })),
        // Event links are as thick as the most reported event allows; co-occurrence as the most frequent pair.
        ...graph.edges.map((e) => ({ data: { id: e.id, kind: e.kind, source: e.source, target: e.target, colour: EDGE_COLOURS[e.kind], width: 1 + 5 * (e.weight / (e.kind === 'co-occurrence' ? maxWeight : maxReports)) } })),
      ],
      style: [
        { selector: 'node', style: { 'background-color': 'data(colour)', label: 'data(label)', width: 'data(size)', height: 'data(size)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3, color: '#1f2937', 'text-wrap': 'ellipsis', 'text-max-width': '140px' } },
        { selector: 'node[isFocus = 1]', style: { 'border-width': 3, 'border-color': '#111827' } },
        { selector: 'node[kind = "event"]', style: { shape: 'diamond', 'border-width': 3, 'border-color': '#111827', 'border-style': 'data(border)' as 'solid', 'font-size': 10, color: '#374151' } },
        { selector: 'edge', style: { width: 'data(width)', 'line-color': 'data(colour)', opacity: 0.7, 'curve-style': 'haystack' } },
        { selector: 'edge[kind != "co-occurrence"]', style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'target-arrow-color': 'data(colour)', 'arrow-scale': 1.1, opacity: 0.85 } },
        { selector: '.hidden', style: { display: 'none' } },
      ],
      layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 90, padding: 20 },
      wheelSensitivity: 0.3,
    });
    cy.on('tap', 'node', (event) => {
      const id = String(event.target.id());
      location.hash = event.target.data('kind') === 'event' ? eventHref(id) : entityHref(id);
    });
    // Hiding an event hides its arrows with it (cytoscape hides the edges of hidden nodes).
    setEventsShown = (shown) => {
      cy.nodes('[kind = "event"]').toggleClass('hidden', !shown);
      container.dataset['events'] = String(shown ? events.length : 0);
    };
    setEventsShown(showEvents);
    container.dataset['drawn'] = String(cy.nodes().length);
  });
}

/** "30 of 412 events shown", "no events", … */
function eventsNote(shown: number, total: number): string {
  if (!total) return 'no events';
  return shown < total ? `${shown} of ${plural(total, 'event')} shown, those with most reports` : `${plural(shown, 'event')}`;
}

/** What the colours, shapes and lines mean, with the events toggle. */
function legend(toggle: HTMLElement | null): HTMLElement {
  const mark = (symbol: string, colour: string) => {
    const el = h('span', { 'aria-hidden': 'true' }, symbol);
    el.style.color = colour; // CSSOM, which the CSP allows (unlike a style attribute)
    return el;
  };
  return h('fieldset', { class: 'legend graph-legend' }, h('legend', null, 'Legend'),
    h('span', null, '● entities: ', ...Object.keys(TYPE_COLOURS).map((t) => h('span', null, typeBadge(t), ' '))),
    h('span', null, '◆ events by status: ', ...Object.entries(STATUS_STYLES).map(([status, s]) => h('span', null, mark('◆', s.colour), ' ', statusBadge(status), ` (${s.border} border) `))),
    h('span', null, mark('—', EDGE_COLOURS['co-occurrence']), ' named together'),
    h('span', null, mark('→', EDGE_COLOURS.actor), ' actor → event'),
    h('span', null, mark('→', EDGE_COLOURS.target), ' event → target'),
    toggle);
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
