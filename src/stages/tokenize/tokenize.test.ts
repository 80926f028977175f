import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { TOKEN_FLAG_SENTENCE_START, TOKEN_FLAG_SPACE_AFTER, tokenPos, tokenText } from '../../model/index.js';
import { loadPosTagger } from '../../app/nlp-models.js';
import { splitSentences } from '../../nlp/split-sentences.js';
import { tokenizeText } from '../../nlp/tokenize-text.js';
import { createResources, runStages } from '../../pipeline/index.js';
import { makeDoc } from '../../../test/helpers/make-doc.js';
import { createTokenize, tokenizeDoc } from './index.js';

/** Tokens of a text as strings. */
function words(text: string): string[] {
  const t = tokenizeText(text);
  return Array.from({ length: t.length }, (_, i) => text.slice(t.start[i], t.end[i]));
}

/** Sentences of a text as strings, split by the rule splitter. */
function sentences(text: string): string[] {
  const t = tokenizeText(text);
  const isStart = splitSentences(text, t);
  const out: string[] = [];
  let open = 0;
  for (let i = 1; i <= t.length; i++) {
    if (i < t.length && !isStart[i]) continue;
    out.push(text.slice(t.start[open], t.end[i - 1]));
    open = i;
  }
  return out;
}

describe('tokenize › tokens', () => {
  const cases: [string, string, string[]][] = [
    ['keeps military titles with their stop', 'Maj. Gen. Qassem Soleimani', ['Maj.', 'Gen.', 'Qassem', 'Soleimani']],
    ['keeps "Brig. Gen." and "Lt. Col."', 'Brig. Gen. Hamid Taqavi and Lt. Col. Ray Stone', ['Brig.', 'Gen.', 'Hamid', 'Taqavi', 'and', 'Lt.', 'Col.', 'Ray', 'Stone']],
    ['keeps month abbreviations before a day', 'on Nov. 17 and Sept. 3', ['on', 'Nov.', '17', 'and', 'Sept.', '3']],
    ['keeps acronyms with stops', 'U.S. and U.N. forces', ['U.S.', 'and', 'U.N.', 'forces']],
    ['keeps initials', 'Mr. J. R. Smith', ['Mr.', 'J.', 'R.', 'Smith']],
    ['splits a dateline', 'MOSCOW (Reuters) - Talks began', ['MOSCOW', '(', 'Reuters', ')', '-', 'Talks', 'began']],
    ['splits possessives and negations', "Iran's envoy can't come; they're late", ['Iran', "'s", 'envoy', 'ca', "n't", 'come', ';', 'they', "'re", 'late']],
    ['splits curly possessives', 'Hezbollah’s fighters', ['Hezbollah', '’s', 'fighters']],
    ['splits a plural possessive stop', "the Guards' wing", ['the', 'Guards', "'", 'wing']],
    ['keeps hyphenated names and numbers', 'al-Quds Force lost 3,000 men in 48-hour fighting', ['al-Quds', 'Force', 'lost', '3,000', 'men', 'in', '48-hour', 'fighting']],
    ['keeps decimals and splits currency and percent', '$4.2 billion, up 3.5%', ['$', '4.2', 'billion', ',', 'up', '3.5', '%']],
    ['keeps times of day', 'at 5 p.m. on Monday', ['at', '5', 'p.m.', 'on', 'Monday']],
    ['keeps degrees with their stop', 'a Ph.D. from Tehran', ['a', 'Ph.D.', 'from', 'Tehran']],
    ['keeps URLs and e-mail addresses', 'See https://example.org/a?b=1. Mail desk@example.org.', ['See', 'https://example.org/a?b=1', '.', 'Mail', 'desk@example.org', '.']],
    ['splits photo credits at slashes', 'Photo: Ivan Petrov/AFP', ['Photo', ':', 'Ivan', 'Petrov', '/', 'AFP']],
    ['splits quotes from words', '“We will win,” he said.', ['“', 'We', 'will', 'win', ',', '”', 'he', 'said', '.']],
    ['does not keep a stop after an ordinary word', 'He said no. Then he left.', ['He', 'said', 'no', '.', 'Then', 'he', 'left', '.']],
    ['keeps "No." before a number', 'No. 10 Downing Street', ['No.', '10', 'Downing', 'Street']],
    ['splits two sentences joined with no space after the stop', 'a physician.Police said', ['a', 'physician', '.', 'Police', 'said']],
    ['keeps a stop between lower-case parts or before a lower-case part', 'Amazon.com and Node.js', ['Amazon.com', 'and', 'Node.js']],
  ];
  for (const [title, text, expected] of cases) {
    it(title, () => assert.deepEqual(words(text), expected));
  }

  it('gives offsets that slice back to each token', () => {
    const text = 'Brig. Gen. Ali, 54, met U.S. envoys in Aleppo on Nov. 17.';
    const t = tokenizeText(text);
    for (let i = 0; i < t.length; i++) assert.equal(text.slice(t.start[i], t.end[i]).trim(), text.slice(t.start[i], t.end[i]));
    assert.equal(t.end[t.length - 1], text.length);
  });
});

describe('tokenize › sentences', () => {
  const cases: [string, string, string[]][] = [
    ['does not break after titles', 'Maj. Gen. Qassem Soleimani arrived. He spoke.', ['Maj. Gen. Qassem Soleimani arrived.', 'He spoke.']],
    ['does not break after "U.S." mid-sentence', 'The U.S. Navy and U.S. officials met. Talks ended.', ['The U.S. Navy and U.S. officials met.', 'Talks ended.']],
    ['breaks after "U.S." at the end of a sentence', 'Troops left the U.S. The talks ended.', ['Troops left the U.S.', 'The talks ended.']],
    ['does not break after a month before a day', 'It began on Nov. 17 in Aleppo.', ['It began on Nov. 17 in Aleppo.']],
    ['does not break after initials', 'Mr. J. R. Smith said so.', ['Mr. J. R. Smith said so.']],
    ['keeps the dateline with the first sentence', 'MOSCOW (Reuters) - Talks began. They ended.', ['MOSCOW (Reuters) - Talks began.', 'They ended.']],
    ['keeps closing quotes with their sentence', 'He said: "We will fight. We will win." Then he left.', ['He said: "We will fight.', 'We will win."', 'Then he left.']],
    ['does not break before a lower-case word after a quote', '"Stop!" he shouted. Nobody did.', ['"Stop!" he shouted.', 'Nobody did.']],
    ['breaks at a line break between a headline and the body', 'Iran general in Moscow\nThe general flew in.', ['Iran general in Moscow', 'The general flew in.']],
    ['does not break a soft-wrapped line', 'The general flew\nto Moscow on Friday.', ['The general flew\nto Moscow on Friday.']],
    ['breaks two sentences joined with no space after the stop', 'He saw a physician.Police arrived.', ['He saw a physician.', 'Police arrived.']],
    ['does not break after "Inc." before a name', 'Apple Inc. Chief Executive Tim Cook spoke.', ['Apple Inc. Chief Executive Tim Cook spoke.']],
  ];
  for (const [title, text, expected] of cases) {
    it(title, () => assert.deepEqual(sentences(text), expected));
  }
});

describe('tokenize › stage', () => {
  // The shipped POS model (models/pos/), loaded as the app does.
  const tagger = loadPosTagger();

  it('fills UPOS, lemmas, space and sentence-start flags', () => {
    const text = 'Maj. Gen. Qassem Soleimani met commanders in Aleppo. They left.';
    const tokens = tokenizeDoc(text, tagger);
    const at = (word: string): number => {
      for (let i = 0; i < tokens.length; i++) if (tokenText(text, tokens, i) === word) return i;
      return -1;
    };
    assert.equal(tokenPos(tokens, at('Soleimani')), 'PROPN');
    assert.equal(tokenPos(tokens, at('met')), 'VERB');
    assert.equal(tokens.lemmas[tokens.lemma[at('met')]!], 'meet');
    assert.equal(tokens.lemmas[tokens.lemma[at('commanders')]!], 'commander');
    assert.ok((tokens.flags[at('They')]! & TOKEN_FLAG_SENTENCE_START) !== 0);
    assert.ok((tokens.flags[at('Gen.')]! & TOKEN_FLAG_SENTENCE_START) === 0);
    assert.ok((tokens.flags[at('Maj.')]! & TOKEN_FLAG_SPACE_AFTER) !== 0);
    assert.ok((tokens.flags[at('Aleppo')]! & TOKEN_FLAG_SPACE_AFTER) === 0);
  });

  it('tags news sentences with the shipped UPOS model (issue 4)', () => {
    const cases: [string, string[]][] = [
      ['Iran’s envoy said the U.S. had attacked a base near Aleppo on Nov. 17.', ['PROPN', 'PART', 'NOUN', 'VERB', 'DET', 'PROPN', 'AUX', 'VERB', 'DET', 'NOUN', 'ADP', 'PROPN', 'ADP', 'PROPN', 'NUM', 'PUNCT']],
      ['“We will not leave,” the minister told reporters.', ['PUNCT', 'PRON', 'AUX', 'PART', 'VERB', 'PUNCT', 'PUNCT', 'DET', 'NOUN', 'VERB', 'NOUN', 'PUNCT']],
    ];
    for (const [text, expected] of cases) {
      const tokens = tokenizeDoc(text, tagger);
      assert.deepEqual(Array.from({ length: tokens.length }, (_, i) => tokenPos(tokens, i)), expected, text);
    }
  });

  it('runs in the pipeline with the tagger from resources', () => {
    const doc = makeDoc({ text: 'Hezbollah fighters reached Aleppo.' });
    const { doc: done } = runStages(doc, [createTokenize()], { publishedAt: undefined, resources: createResources({ 'nlp.pos': tagger }) });
    assert.equal(done.layers.tokens?.length, 5);
  });

  it('fails with E_RESOURCE_MISSING without a tagger', () => {
    const doc = makeDoc({ text: 'Text.' });
    assert.throws(() => runStages(doc, [createTokenize()], { publishedAt: undefined, resources: createResources({}) }), /POS tagger/);
  });
});
