/**
 * Contract tests of the EntityOverridesPort (migration 10), registered by runStoreContract for every adapter:
 * corrections are stored with who/when, listed by entity, deleted; relinking an article rewrites its counts,
 * aliases, pairs and entity pages; a renamed entity keeps its name when a longer one is saved later; events
 * follow an entity merged away; type evidence counts the entities sharing a name.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EntityLink } from '../corpus/link-entities/index.js';
import type { Doc } from '../model/index.js';
import type { Store } from './store.js';

/** Helpers the main contract lends (its fixtures and article builders). */
export interface OverrideContractKit {
  readonly withStore: (body: (store: Store) => Promise<void>) => Promise<void>;
  readonly article: (text: string, options?: { outlet?: string; publishedAt?: string }) => Doc;
  readonly entityLink: (docEntityId: string, entityId: string, name: string, type: EntityLink['type'], extra?: Partial<EntityLink>) => EntityLink;
  /** Saves an annotated article with its events (entities linked by the default linker). */
  readonly saveWithEvents: (store: Store, doc: Doc) => Promise<unknown>;
  /** An annotated article whose event has actors, as the events contract tests use. */
  readonly eventArticle: () => Doc;
}

const HARBOUR = 'Colonel Ndjike inspected the harbour in Goma with M23 observers on Monday.';
const MARKET = 'Guillaume Ndjike said the market in Goma reopened after the ceasefire.';

/** Registers the entity-override contract tests (inside runStoreContract's describe). */
export function runEntityOverrideContract(kit: OverrideContractKit): void {
  const { withStore, article, entityLink } = kit;

  test('entity overrides: stored with who and when, listed by entity, deleted once', async () => {
    await withStore(async (store) => {
      const merge = await store.addEntityOverride({ kind: 'merge', entityId: 'per:ndjike', targetId: 'per:guillaume ndjike', decidedBy: 'ana', decidedAt: '2026-12-07T06:00:00.000Z' });
      const retype = await store.addEntityOverride({ kind: 'retype', entityId: 'per:japan', type: 'LOC', previous: 'PER', decidedBy: 'bo', decidedAt: '2026-12-07T06:01:00.000Z' });
      assert.ok(merge.id !== retype.id);
      assert.deepEqual(merge, { id: merge.id, kind: 'merge', entityId: 'per:ndjike', targetId: 'per:guillaume ndjike', decidedBy: 'ana', decidedAt: '2026-12-07T06:00:00.000Z' });
      assert.deepEqual((await store.listEntityOverrides(['per:guillaume ndjike'])).map((o) => o.id), [merge.id], 'found by its target too');
      assert.deepEqual((await store.listEntityOverrides(['per:japan'])).map((o) => [o.kind, o.type, o.previous]), [['retype', 'LOC', 'PER']]);
      assert.deepEqual((await store.listEntityOverrides()).map((o) => o.id), [merge.id, retype.id]);
      assert.deepEqual(await store.listEntityOverrides([]), []);
      assert.deepEqual(await store.deleteEntityOverride(merge.id), merge);
      assert.equal(await store.deleteEntityOverride(merge.id), undefined, 'an unknown id deletes nothing');
      assert.deepEqual((await store.listEntityOverrides()).map((o) => o.id), [retype.id]);
    });
  });

  test('entity overrides: relinking an article moves its counts, aliases, pairs and entity page rows', async () => {
    await withStore(async (store) => {
      const harbour = article(HARBOUR, { outlet: 'Kivu Times', publishedAt: '2024-03-05' });
      const market = article(MARKET, { outlet: 'Goma Daily', publishedAt: '2024-03-06' });
      const m23 = entityLink('e2', 'org:m23', 'M23', 'ORG', { mentionCount: 1 });
      await store.saveArticle(harbour, 'test@1', { entities: [entityLink('e1', 'per:ndjike', 'Ndjike', 'PER', { aliases: ['Ndjike', 'Colonel Ndjike'], mentionCount: 2 }), m23] });
      await store.saveArticle(market, 'test@1', { entities: [entityLink('e1', 'per:guillaume ndjike', 'Guillaume Ndjike', 'PER', { mentionCount: 1 })] });
      assert.deepEqual(await store.articlesLinkingEntities(['per:ndjike', 'per:guillaume ndjike']), [harbour.id, market.id].sort());

      await store.relinkArticleEntities(harbour.id, [entityLink('e1', 'per:guillaume ndjike', 'Ndjike', 'PER', { aliases: ['Ndjike', 'Colonel Ndjike'], mentionCount: 2, reason: 'merged by the user' }), m23]);
      assert.deepEqual((await store.listEntities()).map((e) => [e.id, e.articleCount, e.mentionCount]), [['per:guillaume ndjike', 2, 3], ['org:m23', 1, 1]]);
      const person = await store.getEntity('per:guillaume ndjike');
      assert.deepEqual(person?.aliases.map((a) => a.alias).sort(), ['Colonel Ndjike', 'Guillaume Ndjike', 'Ndjike']);
      assert.deepEqual(person?.articles.map((a) => [a.articleId, a.reason]), [[harbour.id, 'merged by the user'], [market.id, 'test link']]);
      assert.equal((await store.getEntity('per:ndjike'))?.articleCount, 0, 'the entity merged away keeps its row, with no article');
      assert.deepEqual((await store.listCooccurrences()).map((p) => [p.a, p.b, p.articles]), [['org:m23', 'per:guillaume ndjike', 1]]);
      assert.deepEqual((await store.listEntities({ search: 'colonel' })).map((e) => e.id), ['per:guillaume ndjike'], 'the moved alias is searchable');
      assert.deepEqual((await store.articleEntityLinks(harbour.id)).map((l) => [l.docEntityId, l.entityId]), [['e1', 'per:guillaume ndjike'], ['e2', 'org:m23']]);
    });
  });

  test('entity overrides: a renamed entity keeps its name and type when later articles save it', async () => {
    await withStore(async (store) => {
      await store.saveArticle(article(HARBOUR), 'test@1', { entities: [entityLink('e1', 'per:ndjike', 'Ndjike', 'PER')] });
      await store.addEntityOverride({ kind: 'rename', entityId: 'per:ndjike', name: 'Col. Ndjike', previous: 'Ndjike', decidedBy: 'ana', decidedAt: '2026-12-07T06:00:00.000Z' });
      await store.updateEntityRecord('per:ndjike', { name: 'Col. Ndjike', type: 'ORG', kind: 'organisation' });
      await store.saveArticle(article(MARKET), 'test@1', { entities: [entityLink('e1', 'per:ndjike', 'Guillaume Ndjike Mbala', 'PER')] });
      const entity = await store.getEntity('per:ndjike');
      assert.deepEqual([entity?.name, entity?.type, entity?.kind, entity?.articleCount], ['Col. Ndjike', 'ORG', 'organisation', 2]);
      await store.updateEntityRecord('per:ndjike', { type: 'PER' });
      assert.deepEqual([(await store.getEntity('per:ndjike'))?.name, (await store.getEntity('per:ndjike'))?.type], ['Col. Ndjike', 'PER'], 'fields not given are kept');
    });
  });

  test('entity overrides: type evidence counts the mentions of every entity sharing the name, by type', async () => {
    await withStore(async (store) => {
      const japan = (entityId: string, type: EntityLink['type'], mentionCount: number) => entityLink('e1', entityId, 'Japan', type, { nameKey: 'japan', mentionCount });
      await store.saveArticle(article(HARBOUR), 'test@1', { entities: [japan('kb:country:JPN', 'LOC', 5)] });
      await store.saveArticle(article(MARKET), 'test@1', { entities: [japan('per:japan', 'PER', 1)] });
      assert.deepEqual(await store.entityTypeEvidence('per:japan'), [{ type: 'LOC', entities: 1, mentions: 5 }, { type: 'PER', entities: 1, mentions: 1 }]);
      assert.deepEqual(await store.entityTypeEvidence('nobody'), []);
    });
  });

  test('entity overrides: the events of an entity merged away follow it to the entity kept', async () => {
    await withStore(async (store) => {
      await kit.saveWithEvents(store, kit.eventArticle());
      const [event] = await store.listEvents();
      assert.ok(event, 'an event');
      const detail = await store.getEvent(event.id);
      const actor = detail!.actors.find((a) => a.role === 'source')!;
      await store.moveEntityEvents(actor.id, 'org:kept');
      assert.deepEqual((await store.listEvents({ entityId: 'org:kept' })).map((e) => e.id), [event.id]);
      assert.deepEqual(await store.listEvents({ entityId: actor.id }), []);
      assert.ok((await store.getEvent(event.id))!.sourceIds.includes('org:kept'));
      assert.ok(!(await store.getEvent(event.id))!.sourceIds.includes(actor.id));
    });
  });
}
