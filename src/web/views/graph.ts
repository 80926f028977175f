/**
 * The graph: entities linked when named in the same article (co-occurrence now; entity–event–entity edges when
 * the store has events), drawn with cytoscape and listed as a table for keyboard and screen-reader users.
 */
import { api } from '../api-client.js';
import { append, h, route } from '../dom.js';
import type { ViewContext } from './context.js';
import { entityHref, heading, partialNote, plural, typeBadge } from './parts.js';

const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';
const TYPE_COLOURS: Record<string, string> = { PER: '#2563eb', ORG: '#c2410c', LOC: '#15803d', MISC: '#7e22ce' };

/** Co-occurrence graph of all scanned articles, or of one entity's (?entity=). */
export async function graphView({ query, main }: ViewContext): Promise<void> {
  const entity = query.get('entity') ?? undefined;
  const [graph, { default: cytoscape }] = await Promise.all([api.graph(entity), import('cytoscape')]);
  const canvas = h('div', { class: 'graph-canvas', id: 'graph-canvas', role: 'img', 'aria-label': `graph of ${plural(graph.nodes.length, 'entity')} and ${plural(graph.edges.length, 'link')}; the same data is in the table below` });
  const labels = new Map(graph.nodes.map((n) => [n.id, n.label]));
  append(main,
    heading(entity ? `Graph around ${labels.get(entity) ?? entity}` : 'Graph of entities', `${plural(graph.nodes.length, 'entity')}, ${plural(graph.edges.length, 'link')} from ${plural(graph.scannedArticles, 'article')}. Links join entities named in the same article; thicker means more articles. Click a node to open its page.`),
    entity ? h('p', null, h('a', { href: route('/graph') }, 'Show the whole graph')) : null,
    partialNote(graph),
    graph.nodes.length ? canvas : h('p', { class: 'muted' }, 'No entities yet: the graph fills in once articles are ingested with the entities stage.'),
    h('p', { class: 'legend-inline' }, ...Object.keys(TYPE_COLOURS).map((t) => h('span', null, typeBadge(t), ' '))),
    graph.edges.length ? h('details', { class: 'set-apart' }, h('summary', null, 'Links as a table'), h('table', { class: 'list' },
      h('thead', null, h('tr', null, h('th', null, 'Entity'), h('th', null, 'Entity'), h('th', { class: 'num' }, 'Articles together'))),
      h('tbody', null, ...graph.edges.map((e) => h('tr', null,
        h('td', null, h('a', { href: entityHref(e.source) }, labels.get(e.source) ?? e.source)),
        h('td', null, h('a', { href: entityHref(e.target) }, labels.get(e.target) ?? e.target)),
        h('td', { class: 'num' }, String(e.weight))))))) : null);
  if (!graph.nodes.length) return;
  const maxCount = Math.max(1, ...graph.nodes.map((n) => n.articleCount));
  const maxWeight = Math.max(1, ...graph.edges.map((e) => e.weight));
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
        ...graph.nodes.map((n) => ({ data: { id: n.id, label: n.label, colour: TYPE_COLOURS[n.type] ?? '#555', size: 18 + 34 * Math.sqrt(n.articleCount / maxCount), isFocus: n.id === entity ? 1 : 0 } })),
        ...graph.edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target, width: 1 + 6 * (e.weight / maxWeight) } })),
      ],
      style: [
        { selector: 'node', style: { 'background-color': 'data(colour)', label: 'data(label)', width: 'data(size)', height: 'data(size)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3, color: '#1f2937', 'text-wrap': 'ellipsis', 'text-max-width': '140px' } },
        { selector: 'node[isFocus = 1]', style: { 'border-width': 3, 'border-color': '#111827' } },
        { selector: 'edge', style: { width: 'data(width)', 'line-color': '#94a3b8', opacity: 0.7, 'curve-style': 'haystack' } },
      ],
      layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 90, padding: 20 },
      wheelSensitivity: 0.3,
    });
    cy.on('tap', 'node', (event) => {
      location.hash = entityHref(String(event.target.id()));
    });
    container.dataset['drawn'] = String(cy.nodes().length);
  });
}
