import assert from 'node:assert/strict';
import { test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { EXPORT_FORMATS, exportAs, openExport } from '../../src/app/export.js';
import { GDELT_COLUMNS } from '../../src/export/index.js';
import { attackArticle, contestedCorpus, denialClaim, MILITIA_NAME, saveAnnotated } from '../helpers/annotated-corpus.js';

/** A strict RFC 4180 reader, written for these tests: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

test('export › events.csv parses back: one contested event, one origin, the lowest toll', async () => {
  const { store } = await contestedCorpus();
  const [event, ...rest] = records(await exportAs(store, 'events.csv'));
  assert.equal(rest.length, 0);
  assert.equal(event!['status'], 'contested');
  assert.equal(event!['independent_origins'], '1');
  assert.equal(event!['source_actors'], MILITIA_NAME);
  assert.equal(event!['fatalities'], '1');
  assert.match(event!['explanation']!, /denied by Nasser Kanaani/);
  assert.equal(event!['date_precision'], 'day');
});

test('export › acled.csv and gdelt.tsv carry dates, codes and places', async () => {
  const { store } = await contestedCorpus();
  const [acled] = records(await exportAs(store, 'acled.csv'));
  assert.equal(acled!['event_date'], '2024-11-10');
  assert.equal(acled!['time_precision'], '1');
  assert.equal(acled!['location'], 'Baghdad');
  assert.equal(acled!['source_scale'], 'Other', 'none of the outlets is a world wire');
  assert.equal(acled!['event_type'], 'Explosions/Remote violence');
  assert.equal(acled!['iso'], '368', 'Iraq, ISO numeric');
  const rows = (await exportAs(store, 'gdelt.tsv')).trim().split('\n').map((l) => l.split('\t'));
  assert.equal(rows.length, 1, 'one record, no header');
  const gdelt = Object.fromEntries(GDELT_COLUMNS.map((h, i) => [h, rows[0]![i]]));
  assert.equal(gdelt['SQLDATE'], '20241110');
  assert.equal(gdelt['EventRootCode'], '19');
  assert.equal(gdelt['QuadClass'], '4');
  assert.equal(gdelt['NumArticles'], '3');
  assert.equal(gdelt['ActionGeo_CountryCode'], 'IZ', 'FIPS 10-4 for Iraq');
});

test('export › GraphML and GEXF parse as XML with entity and event nodes joined by edges', async () => {
  const { store } = await contestedCorpus();
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['node', 'edge', 'data', 'attvalue'].includes(name) });
  const graphml = parser.parse(await exportAs(store, 'graphml'));
  const nodes = graphml.graphml.graph.node as { '@_id': string }[];
  const edges = graphml.graphml.graph.edge as { '@_source': string; '@_target': string }[];
  assert.equal(nodes.length, 2, 'the militia and the merged event');
  assert.equal(edges.length, 1);
  const gexf = parser.parse(await exportAs(store, 'gexf'));
  assert.equal(gexf.gexf.graph.nodes.node.length, 2);
  assert.equal(gexf.gexf.graph.edges.edge[0]['@_source'], edges[0]!['@_source']);
});

test('export › FollowTheMoney lines have an id, a schema and list-valued properties', async () => {
  const { store } = await contestedCorpus();
  const lines = (await exportAs(store, 'ftm.jsonl')).trim().split('\n').map((l) => JSON.parse(l) as { id: string; schema: string; properties: Record<string, unknown> });
  assert.deepEqual([...new Set(lines.map((l) => l.schema))].sort(), ['Article', 'Documentation', 'Event', 'Organization']);
  const articles = lines.filter((l) => l.schema === 'Article').map((l) => l.id);
  assert.equal(articles.length, 3, 'the three articles that report the event');
  for (const line of lines) for (const value of Object.values(line.properties)) assert.ok(Array.isArray(value));
  const event = lines.find((l) => l.schema === 'Event')!;
  const org = lines.find((l) => l.schema === 'Organization')!;
  assert.deepEqual(event.properties['involved'], [org.id]);
});

test('export › claims and entities export, JSON Lines parse, and an unknown format is a usage error', async () => {
  const { store } = await contestedCorpus();
  const [claim] = records(await exportAs(store, 'claims.csv'));
  assert.equal(claim!['stance'], 'denied');
  assert.equal(claim!['origin'], 'Nasser Kanaani');
  const entities = records(await exportAs(store, 'entities.csv'));
  assert.equal(entities.length, 1);
  for (const format of ['events.jsonl', 'claims.jsonl', 'entities.jsonl']) {
    for (const line of (await exportAs(store, format)).trim().split('\n')) assert.doesNotThrow(() => JSON.parse(line), format);
  }
  await assert.rejects(exportAs(store, 'xlsx'), /unknown export format "xlsx"/);
  assert.equal(Object.keys(EXPORT_FORMATS).length, 11);
});

test('export › claims exports hold assertions unless asked for other kinds, and every row names its kind', async () => {
  const { store } = await contestedCorpus();
  const text = `${MILITIA_NAME} leaders called for a ceasefire in the city.`;
  const wish = { ...denialClaim(text), id: 'c1', kind: 'desire' as const, stance: 'asserted' as const, eventIds: [] };
  await saveAnnotated(store, attackArticle(text, 'Kyiv Courier', '2024-11-15', { claims: [wish] }));
  assert.deepEqual(records(await exportAs(store, 'claims.csv')).map((r) => [r['kind'], r['stance']]), [['assertion', 'denied']], 'assertions by default');
  assert.deepEqual(records(await exportAs(store, 'claims.csv', { claimKinds: 'desire' })).map((r) => [r['kind'], r['outlet']]), [['desire', 'Kyiv Courier']]);
  const every = (await exportAs(store, 'claims.jsonl', { claimKinds: 'all' })).trim().split('\n').map((l) => JSON.parse(l) as { kind: string });
  assert.deepEqual(every.map((r) => r.kind), ['assertion', 'desire']);
  await assert.rejects(openExport(store, 'claims.csv', { claimKinds: 'opinion' }), /--kind "opinion"/);
});

test('export › a long export lets other work run between pages, and its chunks join to the same file', async () => {
  const { store } = await contestedCorpus();
  // 120 more articles: more than the rows an export reads between two turns of the event loop.
  for (let i = 0; i < 120; i++) {
    const text = `${MILITIA_NAME} fired rockets at checkpoint ${i} on Sunday, killing a guard.`;
    await saveAnnotated(store, attackArticle(text, `Outlet ${i}`, '2024-11-12'));
  }
  // SQLite answers synchronously: without turns, nothing else (an HTTP request, this counter) runs until the end.
  let turns = 0;
  let isExporting = true;
  const count = () => {
    if (!isExporting) return;
    turns++;
    setImmediate(count);
  };
  setImmediate(count);
  const chunks: string[] = [];
  for await (const chunk of await openExport(store, 'claims.csv')) chunks.push(chunk);
  isExporting = false;
  assert.ok(turns >= 2, `the event loop turned ${turns} times during the export`);
  assert.equal(chunks.join(''), await exportAs(store, 'claims.csv'));
  assert.equal(records(chunks.join('')).length, 1, 'the one denial claim, once');
  assert.equal(parseCsv(chunks[0]!).length, 1, 'the header comes first, alone');
  await assert.rejects(openExport(store, 'events.csv', { from: '2024-13-01' }), /--from must be a date/, 'filters are checked before the first chunk');
});
