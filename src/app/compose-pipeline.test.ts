import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EVENT_LEXICON_RESOURCE, type EventLexicon } from '../events/lexicon.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { composePipeline } from './compose-pipeline.js';
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
