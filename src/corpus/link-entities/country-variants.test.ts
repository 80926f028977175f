import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ingest } from '../../app/ingest.js';
import { buildKnowledgeBase, countryActors } from '../../kb/knowledge-base.js';
import type { MentionType } from '../../model/index.js';
import { createResources, defineStage } from '../../pipeline/index.js';
import { createEntitiesStage, KNOWLEDGE_BASE } from '../../stages/entities/index.js';
import { openSqliteStore } from '../../store/sqlite/index.js';
import { findMentions, naiveSentences } from '../../../test/helpers/make-doc.js';

// Names the NER would tag in the two articles below; the test is about linking, not tagging.
const FORMS: readonly (readonly [string, MentionType])[] = [
  ['United States', 'LOC'], ['U.S.', 'MISC'], ['USA', 'LOC'], ['America', 'LOC'], ['Canada', 'LOC'], ['Ottawa', 'LOC'],
  ['United Kingdom', 'LOC'], ['Britain', 'LOC'], ['UK', 'ORG'], ['London', 'LOC'],
];
const sentences = defineStage({ name: 'sentences', version: 1, requires: [], assigns: 'sentences', run: (doc) => naiveSentences(doc.text) });
const mentions = defineStage({ name: 'mentions', version: 1, requires: ['sentences'], assigns: 'mentions', run: (doc) => findMentions(doc.text, FORMS) });

const FIRST = [
  'Lumber exporters in Canada braced for new duties on Monday after the United States announced a review of softwood imports.',
  'U.S. trade officials said the review would take six months. Ottawa called the move unfair, and Britain offered to mediate.',
].join(' ');
const SECOND = [
  'The USA will cut its duties on Canadian lumber, officials in Ottawa said on Friday.',
  'Mills across America had complained about prices. The UK welcomed the deal, and London said the United Kingdom would follow it closely.',
].join(' ');

test('link-entities › "United States", "U.S.", "USA" and "America" in two stored articles are one canonical state; "Britain", "UK" and "United Kingdom" another', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-countries-'));
  writeFileSync(join(dir, 'a-lumber-duties.txt'), `Canada braces for lumber duties\n\n${FIRST}\n`);
  writeFileSync(join(dir, 'b-lumber-deal.txt'), `Duties on lumber to be cut\n\n${SECOND}\n`);
  const store = openSqliteStore(':memory:');
  await store.migrate();
  try {
    const kb = buildKnowledgeBase(countryActors());
    const summary = await ingest([dir], { store, stages: [sentences, mentions, createEntitiesStage()], resources: createResources({ [KNOWLEDGE_BASE]: kb }) });
    assert.equal(summary.inserted, 2, JSON.stringify(summary.failures));
    const states = await store.listEntities({ type: 'LOC' });
    const usa = states.filter((e) => e.kbId === 'country:USA');
    assert.equal(usa.length, 1, states.map((e) => `${e.name} ${e.kbId}`).join('; '));
    assert.equal(usa[0]!.articleCount, 2);
    assert.equal(usa[0]!.mentionCount, 5, 'four names and the "its" of "The USA will cut its duties"');
    assert.equal(usa[0]!.kind, 'state');
    const uk = states.filter((e) => e.kbId === 'country:GBR');
    assert.equal(uk.length, 1);
    assert.equal(uk[0]!.articleCount, 2);
    assert.equal(uk[0]!.mentionCount, 3);
    assert.equal(states.filter((e) => /united|america|usa|britain|uk/i.test(e.name) && !e.kbId).length, 0, 'no variant is left as its own place');
  } finally {
    await store.close();
  }
});

test('country variants › a demonym two countries share goes to the independent state: "Indian" is India, not a territory', () => {
  const kb = buildKnowledgeBase(countryActors());
  assert.equal(kb.lookupDemonym('Indian')?.id, 'country:IND');
  assert.equal(kb.lookupDemonym('Indians')?.id, 'country:IND');
  assert.equal(kb.lookupDemonym('British')?.id, 'country:GBR');
});
