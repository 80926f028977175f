/** GEXF 1.3 (Gephi's own format): node attributes declared once, weighted edges. */
import type { ExportGraph } from './graph.js';
import { xmlEscape } from './xml.js';

/** The graph as a GEXF document. */
export function toGexf(graph: ExportGraph): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    '  <meta><creator>Dossier</creator><description>entities, merged events and co-occurrence</description></meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    '    <attributes class="node">',
    '      <attribute id="kind" title="kind" type="string"/>',
    '      <attribute id="type" title="type" type="string"/>',
    '      <attribute id="date" title="date" type="string"/>',
    '      <attribute id="status" title="status" type="string"/>',
    '    </attributes>',
    '    <attributes class="edge">',
    '      <attribute id="relation" title="relation" type="string"/>',
    '    </attributes>',
    '    <nodes>',
  ];
  for (const n of graph.nodes) {
    const values = [['kind', n.kind], ['type', n.type], ['date', n.date], ['status', n.status]]
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `<attvalue for="${k}" value="${xmlEscape(v)}"/>`)
      .join('');
    out.push(`      <node id="${xmlEscape(n.id)}" label="${xmlEscape(n.label)}"><attvalues>${values}</attvalues></node>`);
  }
  out.push('    </nodes>', '    <edges>');
  graph.edges.forEach((e, i) => {
    const type = e.relation === 'co-occurs' ? ' type="undirected"' : '';
    out.push(`      <edge id="${i}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}" weight="${e.weight}"${type}><attvalues><attvalue for="relation" value="${e.relation}"/></attvalues></edge>`);
  });
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}
