import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/store.js';
import { composePipeline, type ComposedPipeline } from './compose-pipeline.js';
import { entityCorrections, mergeEntities, renameEntity, retypeEntity, splitEntity, typeWarning, undoCorrection } from './entity-corrections.js';
import { ingest } from './ingest.js';

// Three short reports of one port strike: the authority's chairman is "Kwame Mensah-Bonsu" in the first and
// "Kwame Bonsu" in the others, which the rules keep as two people.
const ARTICLES: Readonly<Record<string, string>> = {
  'a.txt': `Port workers strike in Takoradi as talks stall

Kwame Mensah-Bonsu, the chairman of the Ghana Ports Authority, said on Monday that talks with the dock workers' union had stalled. Mensah-Bonsu said the union wanted higher wages before the harbour in Takoradi reopens.

Union leaders in Accra said they would meet the authority again next week.`,
  'b.txt': `Ghana port strike enters second week

Kwame Bonsu, who heads the Ghana Ports Authority, told reporters in Accra that ships were waiting at anchor outside Takoradi. Bonsu said the authority had offered the union a new contract.

Shipping lines said cargo was being sent to Lome instead.`,
  'surname.txt': `Flood barrier opens early in Rotterdam

Mayor Verhoeven said on Tuesday that the storm barrier near Rotterdam had been closed for six hours as the river rose. Verhoeven told reporters the water board would inspect the gates next week.`,
  'fullname.txt': `Dutch water board praises barrier crews

Marloes Verhoeven, the chief engineer of the water board, said the crews at the storm barrier worked through the night. The board met in Rotterdam on Wednesday to review the closure.`,
  'namesake.txt': `Cyclists ride for flood relief

Pieter Verhoeven, a teacher from Utrecht, said on Saturday that the ride had raised money for families whose homes flooded.`,
  'c.txt': `Ships return to Takoradi

Kwame Bonsu said on Friday that the strike was over and that the first ships had docked at the port in Takoradi overnight.`,
};

let dir: string;
let pipeline: ComposedPipeline;
const AUTHOR = { by: 'ana', at: '2026-12-07T06:00:00.000Z' };

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-corrections-'));
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(dir, name), text);
  const probe = openSqliteStore(':memory:');
  await probe.migrate();
  pipeline = await composePipeline(probe);
  await probe.close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function withCorpus(names: readonly string[], body: (store: Store) => Promise<void>): Promise<void> {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  try {
    await ingestFiles(store, names);
    await body(store);
  } finally {
    await store.close();
  }
}

const ingestFiles = (store: Store, names: readonly string[], stages = pipeline.stages) =>
  ingest(names.map((n) => join(dir, n)), { store, stages, resources: pipeline.resources });

const people = async (store: Store) => (await store.listEntities({ type: 'PER' })).map((e) => [e.name, e.articleCount]);

test('entity corrections › a merge relinks stored articles and holds for articles ingested later and re-ingested by a newer pipeline', async () => {
  await withCorpus(['a.txt', 'b.txt'], async (store) => {
    assert.deepEqual((await people(store)).sort(), [['Kwame Bonsu', 1], ['Kwame Mensah-Bonsu', 1]], 'the rules keep the two names apart');
    const { override, relinkedArticles } = await mergeEntities(store, 'Kwame Mensah-Bonsu', 'Kwame Bonsu', AUTHOR);
    assert.deepEqual([override.kind, override.decidedBy, override.decidedAt, relinkedArticles], ['merge', 'ana', AUTHOR.at, 1]);
    assert.deepEqual(await people(store), [['Kwame Mensah-Bonsu', 2]]);
    await ingestFiles(store, ['c.txt']);
    assert.deepEqual(await people(store), [['Kwame Mensah-Bonsu', 3]], 'a new article naming "Kwame Bonsu" links to the entity kept');
    const upgraded = pipeline.stages.map((s) => (s.name === 'entities' ? { ...s, version: s.version + 1000 } : s));
    const again = await ingestFiles(store, ['b.txt'], upgraded);
    assert.equal(again.updated, 1);
    assert.deepEqual(await people(store), [['Kwame Mensah-Bonsu', 3]], 'an article re-ingested by a newer pipeline keeps the merge');
    const view = await entityCorrections(store, (await store.getEntity('Kwame Mensah-Bonsu'))!);
    assert.deepEqual(view.corrections.map((c) => [c.kind, c.entityId, c.targetId]), [['merge', override.entityId, override.targetId]]);

    await undoCorrection(store, override.id);
    assert.deepEqual((await people(store)).sort(), [['Kwame Bonsu', 2], ['Kwame Mensah-Bonsu', 1]], 'undone: the rules decide again');
    await assert.rejects(undoCorrection(store, override.id), /no entity correction with id/);
  });
});

test('entity corrections › a name split off an entity takes its articles; undone, they return', async () => {
  await withCorpus(['a.txt', 'b.txt', 'c.txt'], async (store) => {
    await mergeEntities(store, 'Kwame Mensah-Bonsu', 'Kwame Bonsu', AUTHOR);
    const { override, relinkedArticles } = await splitEntity(store, 'Kwame Mensah-Bonsu', 'Kwame Bonsu', { by: 'bo' });
    assert.equal(relinkedArticles, 2);
    assert.deepEqual((await people(store)).sort(), [['Kwame Bonsu', 2], ['Kwame Mensah-Bonsu', 1]]);
    await assert.rejects(splitEntity(store, 'Kwame Mensah-Bonsu', 'Takoradi', AUTHOR), /has no name or alias "Takoradi"/);
    await undoCorrection(store, override.id);
    assert.deepEqual(await people(store), [['Kwame Mensah-Bonsu', 3]]);
  });
});

test('entity corrections › rename and retype change the record, survive re-ingest, and undo restores them', async () => {
  await withCorpus(['a.txt'], async (store) => {
    const authority = (await store.listEntities({ search: 'ghana ports' }))[0]!;
    const renamed = await renameEntity(store, authority.id, 'Ghana Ports and Harbours Authority', AUTHOR);
    const tema = (await store.getEntity('Takoradi'))!;
    const retyped = await retypeEntity(store, tema.id, 'ORG', AUTHOR);
    await assert.rejects(retypeEntity(store, tema.id, 'ORG', AUTHOR), /already ORG/);
    await ingestFiles(store, ['b.txt']);
    const [authorityNow, temaNow] = [await store.getEntity(authority.id), await store.getEntity(tema.id)];
    assert.deepEqual([authorityNow?.name, authorityNow?.articleCount], ['Ghana Ports and Harbours Authority', 2]);
    assert.deepEqual([temaNow?.type, temaNow?.kind, temaNow?.articleCount], ['ORG', 'organisation', 2]);
    assert.equal((await store.listEntities({ type: 'ORG' })).some((e) => e.id === tema.id), true, 'listed under its new type');
    await undoCorrection(store, renamed.override.id);
    await undoCorrection(store, retyped.override.id);
    assert.equal((await store.getEntity(authority.id))?.name, 'Ghana Ports Authority');
    assert.deepEqual([(await store.getEntity(tema.id))?.type, (await store.getEntity(tema.id))?.kind], [tema.type, tema.kind]);
  });
});

test('entity corrections › bad input is a usage error quoting the value; unknown entities are not found', async () => {
  await withCorpus(['c.txt'], async (store) => {
    await assert.rejects(mergeEntities(store, 'Takoradi', 'Takoradi', AUTHOR), /same entity/);
    await assert.rejects(mergeEntities(store, 'Takoradi', 'Atlantis', AUTHOR), /no entity with id, name or alias "Atlantis"/);
    await assert.rejects(renameEntity(store, 'Takoradi', '   ', AUTHOR), /display name "   "/);
    await assert.rejects(renameEntity(store, 'Takoradi', 'Takoradi Port', { by: ' ' }), /corrector " ": give a name/);
    await assert.rejects(undoCorrection(store, -3), /expected a positive whole number/);
  });
});

test('entity corrections › one name, many types: warned when other types hold a fifth of the mentions', () => {
  assert.equal(typeWarning('PER', [{ type: 'LOC', entities: 2, mentions: 147 }, { type: 'PER', entities: 1, mentions: 9 }]),
    'one name, many types: LOC 147 mentions (2 entities), PER 9 mentions (1 entity)');
  assert.equal(typeWarning('LOC', [{ type: 'LOC', entities: 2, mentions: 147 }, { type: 'PER', entities: 1, mentions: 9 }]), null, '6 % is not a strong disagreement');
  assert.equal(typeWarning('ORG', [{ type: 'ORG', entities: 1, mentions: 3 }, { type: 'PER', entities: 1, mentions: 1 }]), null, 'one stray mention is not');
});

test('entity corrections › a bare surname stored before its full name joins it once the full name is stored, as in the other order', async () => {
  const linksOf = async (store: Store) => (await store.listEntities({ type: 'PER' })).map((e) => [e.name, e.articleCount]).sort();
  await withCorpus(['surname.txt'], async (store) => {
    assert.deepEqual(await linksOf(store), [['Verhoeven', 1]], 'alone, the surname is its own entity');
    await ingestFiles(store, ['fullname.txt']);
    assert.deepEqual(await linksOf(store), [['Marloes Verhoeven', 2]], 'the full name arrived: the earlier article joins it');
    const [link] = (await store.articleEntityLinks((await store.listArticles({}))[0]!.id)).filter((l) => l.entityId.startsWith('per:'));
    assert.ok(link, 'the relinked article links the person');
  });
  await withCorpus(['fullname.txt', 'surname.txt'], async (store) => {
    assert.deepEqual(await linksOf(store), [['Marloes Verhoeven', 2]], 'the other order gives the same entities');
  });
  await withCorpus(['surname.txt'], async (store) => {
    await ingestFiles(store, ['fullname.txt']);
    await ingestFiles(store, ['namesake.txt']);
    assert.deepEqual(await linksOf(store), [['Marloes Verhoeven', 2], ['Pieter Verhoeven', 1]], 'joined while only one was known; a namesake later does not undo it');
  });
  await withCorpus(['namesake.txt', 'fullname.txt', 'surname.txt'], async (store) => {
    assert.deepEqual(await linksOf(store), [['Marloes Verhoeven', 1], ['Pieter Verhoeven', 1], ['Verhoeven', 1]], 'two known namesakes: the bare surname stays apart');
  });
});
