import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EVENT_LEXICON_RESOURCE, type EventLexicon } from '../events/lexicon.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { composeAnnotator, composePipeline } from './compose-pipeline.js';
import { loadEventLexicon } from './dictionaries.js';

test('compose pipeline › the pipeline of a store codes with the dictionaries imported into it', async () => {
  const store = openSqliteStore(':memory:');
  try {
    await store.migrate();
    await store.saveDictionary({ file: 'valdoria.actors.txt', kind: 'actors', text: 'VALDORIA_ [VLD]\nKAEL_MARROW_\n\t[VLDGOV >010701]\n', entries: 2 });
    const { stages, resources } = await composePipeline(store);
    assert.ok(stages.length > 0);
    const lexicon = resources.get<EventLexicon>(EVENT_LEXICON_RESOURCE);
    assert.equal(lexicon.stats.actors, loadEventLexicon().stats.actors + 2, 'both imported actors are in the lexicon');
  } finally {
    await store.close();
  }
});

test('compose pipeline › worker threads code with the dictionaries imported into the store, as one thread does', async () => {
  const store = openSqliteStore(':memory:');
  const raw = {
    source: 'valdoria.txt', format: 'text' as const, contentType: 'text' as const, hints: { publishedAt: '2024-03-05' },
    content: 'Valdoria shelled rebel positions near Aleppo on Monday, killing four fighters, a military spokesman said.\n\nThe rebels denied the report on Tuesday.',
  };
  const genres = ['news' as const, 'opinion' as const, 'other' as const];
  try {
    await store.migrate();
    await store.saveDictionary({ file: 'valdoria.actors.txt', kind: 'actors', text: 'VALDORIA_ [VLD]\nKAEL_MARROW_\n\t[VLDGOV >010701]\n', entries: 2 });
    const inline = await composeAnnotator(store, { jobs: 0 });
    const pool = await composeAnnotator(store, { jobs: 1 });
    try {
      const one = await inline.annotator.annotate(raw, genres);
      const threaded = await pool.annotator.annotate(raw, genres);
      assert.ok(one.ok && threaded.ok);
      assert.match(JSON.stringify(one.doc.layers.events), /VLD/, 'the imported actor codes the event');
      assert.deepEqual(threaded.doc.layers, one.doc.layers, 'the worker thread annotates exactly as this thread');
    } finally {
      await pool.annotator.close();
    }
  } finally {
    await store.close();
  }
});
