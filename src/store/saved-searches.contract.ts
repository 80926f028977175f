/**
 * The contract of saved searches, the article feed and notes (migration 11), run by runStoreContract for every
 * adapter. Kept apart from store.contract.ts so each feature's contract reads on its own.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeDoc } from '../../test/helpers/make-doc.js';
import type { Store } from './store.js';

const PIPELINE = 'clean@1,tokenize@1,ner@1';

/** runStoreContract's helper: runs body against a fresh migrated store (and a way to open a second handle on it). */
type WithStore = (body: (store: Store, fixture: { openPeer(): Promise<Store> }) => Promise<void>) => Promise<void>;

/** Registers the saved-search, feed and note tests (inside the adapter's describe). */
export function runSavedSearchContract(withStore: WithStore): void {
  const article = (text: string, outlet: string, publishedAt: string) => makeDoc({ text, meta: { outlet, publishedAt, title: text.slice(0, 30) } });

  test('saved searches: saved seen up to the feed head, listed, found by id or name, names unique, deleted', async () => {
    await withStore(async (store) => {
      assert.equal(await store.feedHead(), 0, 'an empty store has an empty feed');
      await store.saveArticle(article('Shelling near Kherson damaged the port.', 'Kyiv Courier', '2024-11-02'), PIPELINE);
      const head = await store.feedHead();
      assert.ok(head >= 1);
      const saved = await store.saveSearch({ name: 'Kherson port', text: 'kherson', filters: { outlet: 'Kyiv Courier' }, createdBy: 'ana' });
      assert.equal(saved.seenFeedSeq, head, 'what is already stored is not new');
      assert.deepEqual([saved.name, saved.text, saved.filters, saved.createdBy], ['Kherson port', 'kherson', { outlet: 'Kyiv Courier' }, 'ana']);
      assert.match(saved.createdAt, /^\d{4}-\d\d-\d\dT/);
      const filtersOnly = await store.saveSearch({ name: 'Courier', filters: { outlet: 'Kyiv Courier' } });
      assert.equal(filtersOnly.text, null);
      await assert.rejects(store.saveSearch({ name: 'Kherson port', filters: {} }), { code: 'E_USAGE' });
      assert.deepEqual((await store.listSavedSearches()).map((s) => s.name), ['Kherson port', 'Courier']);
      assert.equal((await store.getSavedSearch(String(saved.id)))?.name, 'Kherson port');
      assert.equal((await store.getSavedSearch('Courier'))?.id, filtersOnly.id);
      assert.equal(await store.getSavedSearch('nothing'), undefined);
      assert.equal(await store.deleteSavedSearch(saved.id), true);
      assert.equal(await store.deleteSavedSearch(saved.id), false);
      assert.deepEqual((await store.listSavedSearches()).map((s) => s.name), ['Courier']);
    });
  });

  test('feed: only new articles advance it; a search filter keeps articles after a position; seen never moves back', async () => {
    await withStore(async (store) => {
      const first = article('Drones struck a power station in Kharkiv overnight.', 'Kyiv Courier', '2024-11-03');
      await store.saveArticle(first, PIPELINE);
      const saved = await store.saveSearch({ name: 'Kharkiv', text: 'kharkiv', filters: {} });
      const second = article('Repair crews in Kharkiv restored power to most homes.', 'Kyiv Courier', '2024-11-04');
      const elsewhere = article('Repair crews in Odesa restored power to the port.', 'Black Sea Post', '2024-11-04');
      await store.saveArticle(second, PIPELINE);
      await store.saveArticle(elsewhere, PIPELINE);
      const head = await store.feedHead();
      assert.equal(head, saved.seenFeedSeq + 2);
      // A duplicate and an update are not new articles: the feed stays where it is.
      assert.equal(await store.saveArticle(second, PIPELINE), 'duplicate');
      assert.equal(await store.saveArticle(first, 'clean@1,tokenize@1,ner@2'), 'updated');
      assert.equal(await store.feedHead(), head);

      const after = async (text: string | undefined, outlet?: string) =>
        (await store.search({ ...(text ? { text } : {}), filter: { afterFeedSeq: saved.seenFeedSeq, ...(outlet ? { outlet } : {}) } })).map((h) => h.id).sort();
      assert.deepEqual(await after('kharkiv'), [second.id], 'words: only the new match');
      assert.deepEqual(await after(undefined), [second.id, elsewhere.id].sort(), 'no words: every new article');
      assert.deepEqual(await after(undefined, 'black sea post'), [elsewhere.id], 'with another filter');
      assert.deepEqual((await store.search({ filter: { afterFeedSeq: head } })).length, 0, 'nothing after the head');

      assert.equal(await store.markSearchSeen(saved.id, head), head);
      assert.equal(await store.markSearchSeen(saved.id, 1), head, 'an older position never moves it back');
      assert.equal((await store.getSavedSearch('Kharkiv'))?.seenFeedSeq, head);
      await assert.rejects(store.markSearchSeen(saved.id + 100, head), { code: 'E_USAGE' });
    });
  });

  test('feed: newest stored first lists only what came after a position, with words, filters or neither, a page at a time', async () => {
    await withStore(async (store) => {
      // Published dates run against the storing order, so newest stored first differs from newest published first.
      const old = article('Talks in Doha on a ceasefire in Gaza stalled.', 'Gulf Courier', '2024-12-01');
      await store.saveArticle(old, PIPELINE);
      const seen = await store.feedHead();
      const docs = Array.from({ length: 5 }, (_, i) => article(`Report ${i}: talks in Doha on a ceasefire resumed.`, i % 2 ? 'Gulf Courier' : 'Levant Observer', `2024-11-${String(20 - i)}`));
      for (const doc of docs) await store.saveArticle(doc, PIPELINE);
      await store.saveArticle(old, 'clean@1,tokenize@1,ner@2'); // an update: not new, wherever its row sorts
      const newest = async (text: string | undefined, outlet?: string, page: { limit?: number; offset?: number } = {}) =>
        (await store.search({ ...(text ? { text } : {}), filter: { afterFeedSeq: seen, ...(outlet ? { outlet } : {}) }, withSnippets: false, isNewestStoredFirst: true, ...page })).map((h) => h.id);
      const ids = docs.map((d) => d.id).reverse();
      assert.deepEqual(await newest('doha ceasefire'), ids, 'words: the new matches, last stored first');
      assert.deepEqual(await newest(undefined), ids, 'no words: every new article');
      assert.deepEqual(await newest('doha', 'gulf courier'), ids.filter((_, i) => i % 2 === 1), 'words and a filter');
      assert.deepEqual(await newest('doha', undefined, { limit: 2, offset: 2 }), ids.slice(2, 4), 'a page');
      assert.deepEqual(await newest('stalled'), [], 'an old match is not new');
      const scored = await store.search({ text: 'doha', filter: { afterFeedSeq: seen }, isNewestStoredFirst: true, limit: 1 });
      assert.deepEqual([scored[0]!.score, scored[0]!.passage.hits.length > 0], [0, true], 'unranked, with a snippet when asked');
      assert.deepEqual(await store.search({ text: 'doha', filter: { afterFeedSeq: await store.feedHead() }, isNewestStoredFirst: true }), [], 'nothing after the head');
    });
  });

  test('feed: articles saved by two handles at once get distinct positions, each visible once its position is', async () => {
    await withStore(async (store, fixture) => {
      const peer = await fixture.openPeer();
      try {
        const docs = Array.from({ length: 6 }, (_, i) => article(`Report ${i}: talks in Doha resumed on day ${i + 1}.`, 'Gulf Courier', `2024-11-1${i}`));
        await Promise.all(docs.map((doc, i) => (i % 2 ? peer : store).saveArticle(doc, PIPELINE)));
        assert.equal(await store.feedHead(), 6);
        assert.equal((await store.search({ filter: { afterFeedSeq: 0 }, limit: 20 })).length, 6);
        assert.equal((await store.search({ filter: { afterFeedSeq: 5 } })).length, 1);
      } finally {
        await peer.close();
      }
    });
  });

  test('notes: kept on entities and events, listed oldest first per target', async () => {
    await withStore(async (store) => {
      const a = await store.addNote({ targetKind: 'entity', targetId: 'org:m23', text: 'Check the UN panel report.', author: 'ana' });
      await store.addNote({ targetKind: 'event', targetId: 'org:m23', text: 'Not the entity.', author: 'ben' });
      const b = await store.addNote({ targetKind: 'entity', targetId: 'org:m23', text: 'Named “M-23” in French press — ok.', author: 'ben' });
      assert.deepEqual((await store.listNotes('entity', 'org:m23')).map((n) => [n.id, n.text, n.author]), [
        [a.id, 'Check the UN panel report.', 'ana'], [b.id, 'Named “M-23” in French press — ok.', 'ben'],
      ]);
      assert.equal((await store.listNotes('event', 'org:m23')).length, 1);
      assert.deepEqual(await store.listNotes('entity', 'per:nobody'), []);
      assert.match(a.createdAt, /^\d{4}-\d\d-\d\dT/);
    });
  });
}
