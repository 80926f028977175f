import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ExportGraph } from './graph.js';
import { toGexf } from './gexf.js';
import { toGraphml } from './graphml.js';

/** Two actors of a raid on a consulate, the event between them, and their co-occurrence in two articles. */
const GRAPH: ExportGraph = {
  nodes: [
    { id: 'e-cell', label: 'Rhône Cell', kind: 'entity', type: 'ORG' },
    { id: 'e-guards', label: 'Swiss Army & "Guards"', kind: 'entity', type: 'ORG' },
    { id: 'ev-geneva', label: 'ASSAULT 2024-03-05', kind: 'event', type: 'ASSAULT', date: '2024-03-05', status: 'corroborated' },
  ],
  edges: [
    { source: 'e-cell', target: 'ev-geneva', relation: 'source-of', weight: 1 },
    { source: 'ev-geneva', target: 'e-guards', relation: 'target-of', weight: 1 },
    { source: 'e-cell', target: 'e-guards', relation: 'co-occurs', weight: 2 },
  ],
};

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['key', 'node', 'edge', 'data', 'attribute', 'attributes', 'attvalue'].includes(name) });
type Xml = Record<string, any>;

function parse(text: string): Xml {
  assert.equal(XMLValidator.validate(text), true, 'well-formed XML');
  return parser.parse(text) as Xml;
}

describe('export › GraphML and GEXF', () => {
  test('GraphML: keys declared before use, edges between existing nodes, co-occurrence undirected, actor edges directed', () => {
    const doc = parse(toGraphml(GRAPH)).graphml;
    assert.equal(doc['@xmlns'], 'http://graphml.graphdrawing.org/xmlns');
    const keys = new Map<string, Xml>(doc.key.map((k: Xml) => [k['@id'], k]));
    const graph = doc.graph;
    assert.ok(['directed', 'undirected'].includes(graph['@edgedefault']));
    const nodeIds = new Set(graph.node.map((n: Xml) => n['@id']));
    assert.equal(nodeIds.size, GRAPH.nodes.length);
    for (const element of [...graph.node, ...graph.edge]) {
      for (const d of element.data ?? []) {
        const key = keys.get(d['@key']);
        assert.ok(key, `key ${d['@key']} declared`);
        assert.equal(key!['@for'], element['@source'] === undefined ? 'node' : 'edge');
      }
    }
    const label = graph.node.find((n: Xml) => n['@id'] === 'e-guards').data.find((d: Xml) => d['@key'] === 'label')['#text'];
    assert.equal(label, 'Swiss Army & "Guards"', 'escaped text reads back');
    const directedness = graph.edge.map((e: Xml) => {
      assert.ok(nodeIds.has(e['@source']) && nodeIds.has(e['@target']));
      const weight = e.data.find((d: Xml) => d['@key'] === 'weight')['#text'];
      assert.ok(Number.isFinite(Number(weight)), 'weight is a double');
      return (e['@directed'] ?? (graph['@edgedefault'] === 'directed' ? 'true' : 'false')) === 'true';
    });
    assert.deepEqual(directedness, [true, true, false]);
  });

  test('GEXF: declared attributes, edges between existing nodes, co-occurrence undirected with its weight', () => {
    const doc = parse(toGexf(GRAPH)).gexf;
    assert.match(doc['@xmlns'], /^http:\/\/gexf\.net\/1\.[23]$/);
    const graph = doc.graph;
    const declared = new Set(graph.attributes.flatMap((a: Xml) => a.attribute.map((x: Xml) => `${a['@class']}:${x['@id']}`)));
    const nodeIds = new Set(graph.nodes.node.map((n: Xml) => n['@id']));
    for (const n of graph.nodes.node) for (const v of n.attvalues?.attvalue ?? []) assert.ok(declared.has(`node:${v['@for']}`));
    const types = graph.edges.edge.map((e: Xml) => {
      assert.ok(nodeIds.has(e['@source']) && nodeIds.has(e['@target']));
      for (const v of e.attvalues?.attvalue ?? []) assert.ok(declared.has(`edge:${v['@for']}`));
      return e['@type'] ?? graph['@defaultedgetype'];
    });
    assert.deepEqual(types, ['directed', 'directed', 'undirected']);
    assert.equal(graph.edges.edge[2]['@weight'], '2');
  });
});
