import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { loadNerModel } from '../../app/nlp-models.js';
import type { Mention, MentionType } from '../../model/index.js';
import type { NerModel } from '../../nlp/ner/model.js';
import { createWinkPosTagger } from '../../nlp/pos-tagger.js';
import { createResources, runStages, type Resources } from '../../pipeline/index.js';
import { makeDoc } from '../../../test/helpers/make-doc.js';
import { createSentences } from '../sentences/index.js';
import { createTokenize } from '../tokenize/index.js';
import { createNer } from './index.js';

let model: NerModel;
let resources: Resources;
before(() => {
  // The real shipped model, loaded from models/ner/ as the app does.
  model = loadNerModel();
  resources = createResources({ 'nlp.pos': createWinkPosTagger(), 'ner.model': model });
});

function mentions(text: string): Mention[] {
  const { doc } = runStages(makeDoc({ text }), [createTokenize(), createSentences(), createNer()], { publishedAt: undefined, resources });
  return [...(doc.layers.mentions ?? [])];
}

function pairs(text: string): [string, MentionType][] {
  return mentions(text).map((m) => [m.text, m.type]);
}

describe('ner', () => {
  const cases: [string, string, [string, MentionType][]][] = [
    [
      'keeps "Maj. Gen. Qassem Soleimani" as one PER without the titles, with ORG and LOC',
      'Maj. Gen. Qassem Soleimani met Hezbollah commanders in Aleppo.',
      [['Qassem Soleimani', 'PER'], ['Hezbollah', 'ORG'], ['Aleppo', 'LOC']],
    ],
    [
      'finds a president, a capital and a country',
      'President Vladimir Putin flew from Moscow to Tehran on Monday to meet Iranian officials.',
      [['Vladimir Putin', 'PER'], ['Moscow', 'LOC'], ['Tehran', 'LOC'], ['Iranian', 'MISC']],
    ],
    [
      'tags a news agency and the U.S. in a dateline story',
      'WASHINGTON (Reuters) - The U.S. Treasury imposed sanctions on Syrian banks, the department said.',
      [['WASHINGTON', 'LOC'], ['Reuters', 'ORG'], ['U.S. Treasury', 'ORG'], ['Syrian', 'MISC']],
    ],
  ];
  for (const [title, text, expected] of cases) {
    it(title, () => assert.deepEqual(pairs(text), expected));
  }

  it('gives a lone surname the type of the full name earlier in the article', () => {
    const found = pairs('Defence Minister Sergei Shoigu arrived in Damascus. Later, Shoigu toured the base.');
    assert.deepEqual(found.filter(([, type]) => type === 'PER'), [['Sergei Shoigu', 'PER'], ['Shoigu', 'PER']]);
  });

  it('does not take a capitalised verb opening a sentence for a name ("Born in a village …")', () => {
    const found = pairs('Born in a village in the hills of Latakia, Samer Aboud joined the army at eighteen.');
    assert.ok(!found.some(([text]) => text === 'Born'), JSON.stringify(found));
    assert.ok(found.some(([text, type]) => text === 'Samer Aboud' && type === 'PER'), JSON.stringify(found));
  });

  it('tags nothing in a sentence without names', () => {
    assert.deepEqual(pairs('The talks ended late on Tuesday without a deal.'), []);
  });

  it('gives mentions character offsets into the text, token spans and origin "ner"', () => {
    const text = 'Fighters loyal to Hezbollah entered Aleppo.';
    for (const m of mentions(text)) {
      assert.equal(text.slice(m.start, m.end), m.text);
      assert.ok(m.tokenEnd > m.tokenStart);
      assert.equal(m.origin, 'ner');
    }
  });

  it('requires tokens and sentences', () => {
    assert.throws(() => runStages(makeDoc({ text: 'Aleppo.' }), [createNer()], { publishedAt: undefined, resources }), /missing layer/);
  });

  it('loads a model with weights, transitions and a gazetteer', () => {
    assert.ok(model.info.featureCount > 10_000);
    assert.equal(model.transitions.length, (model.tagCount + 1) * model.tagCount);
    assert.ok(model.features.gazetteer.names.has('aleppo'));
  });
});
