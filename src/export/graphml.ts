/**
 * GraphML (for Gephi, yEd, NetworkX): typed node and edge attributes declared with <key>. Actor and target edges
 * are directed (the graph's default); co-occurrence edges carry directed="false", since sharing articles is symmetric.
 */
import type { ExportGraph } from './graph.js';
import { xmlEscape } from './xml.js';

/** The graph as a GraphML document. */
export function toGraphml(graph: ExportGraph): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
    '  <key id="date" for="node" attr.name="date" attr.type="string"/>',
    '  <key id="status" for="node" attr.name="status" attr.type="string"/>',
    '  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <graph id="dossier" edgedefault="directed">',
  ];
  for (const n of graph.nodes) {
    const data = [['label', n.label], ['kind', n.kind], ['type', n.type], ['date', n.date], ['status', n.status]]
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `<data key="${k}">${xmlEscape(v)}</data>`)
      .join('');
    out.push(`    <node id="${xmlEscape(n.id)}">${data}</node>`);
  }
  graph.edges.forEach((e, i) => {
    const directed = e.relation === 'co-occurs' ? ' directed="false"' : '';
    out.push(`    <edge id="e${i}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}"${directed}><data key="relation">${e.relation}</data><data key="weight">${e.weight}</data></edge>`);
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
