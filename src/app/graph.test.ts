import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contestedCorpus, MILITIA_NAME } from '../../test/helpers/annotated-corpus.js';
import { seedGeneratedStore } from '../../test/helpers/generated-store.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { MergedEventRow, Store } from '../store/store.js';
import { entityGraph, type GraphEventNode } from './queries.js';

const eventNodes = (graph: Awaited<ReturnType<typeof entityGraph>>) => graph.nodes.filter((n): n is GraphEventNode => n.kind === 'event');

test('graph › the contested event joins the graph, linked from the armed group that carried it out', async () => {
  const { store } = await contestedCorpus();
  try {
    const graph = await entityGraph(store);
    const militia = graph.nodes.find((n) => n.kind === 'entity' && n.label === MILITIA_NAME);
    assert.ok(militia);
    const [event, ...rest] = eventNodes(graph);
    assert.equal(rest.length, 0);
    assert.deepEqual(
      { kind: event!.kind, label: event!.label, ploverType: event!.ploverType, status: event!.status, reportCount: event!.reportCount, assertingOrigins: event!.assertingOrigins, date: event!.date },
      { kind: 'event', label: 'ASSAULT 2024-11-10', ploverType: 'ASSAULT', status: 'contested', reportCount: 3, assertingOrigins: 1, date: '2024-11-10' },
    );
    // Three reports (the wire, its copy and the denial) weigh the actor edge; the event has no target entity.
    assert.deepEqual(graph.edges.filter((e) => e.kind !== 'co-occurrence').map((e) => [e.kind, e.source, e.target, e.weight]), [['actor', militia.id, event!.id, 3]]);
    assert.equal(graph.eventsTotal, 1);
    assert.equal(graph.scannedArticles, 3);

    // Around the group (found by name), its events.
    const ego = await entityGraph(store, { entityId: MILITIA_NAME });
    assert.deepEqual(eventNodes(ego).map((n) => n.id), [event!.id]);
    assert.ok(ego.edges.some((e) => e.kind === 'actor' && e.source === militia.id && e.target === event!.id));
  } finally {
    await store.close();
  }
});

test('graph › maxEvents=0 keeps co-occurrence only, and still counts the events in scope', async () => {
  const { store } = await contestedCorpus();
  try {
    for (const graph of [await entityGraph(store, { maxEvents: 0 }), await entityGraph(store, { entityId: MILITIA_NAME, maxEvents: 0 })]) {
      assert.deepEqual(graph.nodes.map((n) => n.kind), ['entity']);
      assert.ok(graph.edges.every((e) => e.kind === 'co-occurrence'));
      assert.equal(graph.eventsTotal, 1);
    }
  } finally {
    await store.close();
  }
});

test('graph › actors outside the co-occurrence nodes are looked up; coded actors without an entity are not drawn', async () => {
  const { store } = await contestedCorpus();
  try {
    const [real] = await store.listEvents({});
    const codeOnly: MergedEventRow = { ...real!, id: 'ev-coded-only', sourceIds: ['code:IRQMIL'], targetIds: ['code:---CVL'], reportCount: 9 };
    // No entity among the most mentioned; a second, busier event has only coded actors; the real one gains a coded target.
    const stubbed: Store = {
      ...store,
      listEntities: async () => [],
      countEvents: async () => 2,
      listEventKeys: async (q) => ((q?.offset ?? 0) === 0 ? [{ ...real!, targetIds: ['code:---CVL'] }, codeOnly] : []),
      listEvents: async (q) => [{ ...real!, targetIds: ['code:---CVL'] }, codeOnly].filter((e) => !q?.ids || q.ids.includes(e.id)),
    };
    const graph = await entityGraph(stubbed);
    assert.deepEqual(graph.nodes.map((n) => [n.kind, n.label]), [['entity', MILITIA_NAME], ['event', 'ASSAULT 2024-11-10']]);
    const militia = graph.nodes[0]!;
    assert.equal(militia.kind === 'entity' && militia.articleCount, 3);
    assert.deepEqual(graph.edges.map((e) => [e.kind, e.source, e.target]), [['actor', militia.id, real!.id]]);

    // maxEvents bounds the events drawn: the busiest with an entity actor first.
    const one = await entityGraph(stubbed, { maxEvents: 1 });
    assert.deepEqual(eventNodes(one).map((n) => n.id), [real!.id]);
  } finally {
    await store.close();
  }
});

test('graph › ranks events on their keys and reads only the kept ones in full; reads claims without their articles (issue 18)', async () => {
  const store = openSqliteStore(':memory:');
  try {
    await store.migrate();
    await seedGeneratedStore(store, 40);
    const fullReads: number[] = [];
    let claimPages = 0;
    const counted: Store = {
      ...store,
      listEvents: async (q) => {
        const rows = await store.listEvents(q);
        fullReads.push(rows.length);
        return rows;
      },
      listClaims: async (q) => {
        claimPages++;
        return store.listClaims(q);
      },
    };
    const graph = await entityGraph(counted, { maxEvents: 5 });
    assert.equal(eventNodes(graph).length, 5);
    assert.deepEqual(fullReads, [5], 'one read of the five kept events');
    assert.equal(claimPages, 0, 'no claim read with its article body');
    // The same graph as ranking full rows: the busiest events of the latest, in rank order, with their summaries.
    const all = await store.listEvents({ limit: 500 });
    const busiest = all.filter((e) => [...e.sourceIds, ...e.targetIds].some((id) => !id.startsWith('code:')))
      .sort((a, b) => b.reportCount - a.reportCount || b.assertingOrigins - a.assertingOrigins || b.windowStart.localeCompare(a.windowStart) || a.id.localeCompare(b.id));
    assert.deepEqual(eventNodes(graph).map((n) => [n.id, n.summary]), busiest.slice(0, 5).map((e) => [e.id, e.summary]));
  } finally {
    await store.close();
  }
});
