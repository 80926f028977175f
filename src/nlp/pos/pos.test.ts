import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { UPOS_TAGS } from '../../model/index.js';
import { encodeNerModel } from '../ner/model-file.js';
import { tokenizeText } from '../tokenize-text.js';
import { parseConllu } from './conllu.js';
import { extractPosFeatures, lexiconKey, type PosLexicon } from './features.js';
import { decodePosModel, encodePosModel, uposOfColumns } from './model-file.js';
import { createLemmaRules, editScript, learnLemmaRules, lemmatise } from './lemma.js';
import { tagPosColumns, tagPosWords, type PosModelInfo } from './model.js';
import { createPerceptronPosTagger } from './tagger.js';
import { buildAmbiguityClasses, buildFineTagSet, buildTagDictionary, fineTagSet, trainPos, trainStackedPos, type PosTrainingSentence } from './train.js';

const tag = (name: string): number => UPOS_TAGS.indexOf(name as (typeof UPOS_TAGS)[number]);

/** A toy corpus we wrote: determiners, nouns, verbs, punctuation, with "run" both NOUN and VERB. */
function toyCorpus(): PosTrainingSentence[] {
  const rows: [string, string][][] = [
    [['The', 'DET'], ['troops', 'NOUN'], ['run', 'VERB'], ['.', 'PUNCT']],
    [['A', 'DET'], ['run', 'NOUN'], ['ended', 'VERB'], ['.', 'PUNCT']],
    [['The', 'DET'], ['rebels', 'NOUN'], ['fled', 'VERB'], ['.', 'PUNCT']],
    [['They', 'PRON'], ['run', 'VERB'], ['.', 'PUNCT']],
    [['The', 'DET'], ['run', 'NOUN'], ['failed', 'VERB'], ['.', 'PUNCT']],
    [['Rebels', 'NOUN'], ['attacked', 'VERB'], ['the', 'DET'], ['town', 'NOUN'], ['.', 'PUNCT']],
  ];
  return rows.map((s) => ({ words: s.map(([w]) => w), tags: Uint8Array.from(s, ([, t]) => tag(t)) }));
}

function info(extra: Partial<PosModelInfo> = {}): PosModelInfo {
  return { name: 'toy', version: 1, task: 'pos', tags: [...UPOS_TAGS], trainedOn: ['toy'], epochs: 8, seed: 1, featureCount: 0, tagDictionary: [], ...extra };
}

describe('pos › conllu', () => {
  it('reads words, UPOS, lemmas and spacing, with multiword tokens split into their words', () => {
    const text = [
      '# text = We don\'t know.',
      '1\tWe\twe\tPRON\tPRP\t_\t3\tnsubj\t_\t_',
      '2-3\tdon\'t\t_\t_\t_\t_\t_\t_\t_\t_',
      '2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_',
      '3\tn\'t\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_',
      '4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No',
      '5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_',
      '',
    ].join('\n');
    const [sentence] = parseConllu(text);
    assert.deepEqual(sentence?.words, ['We', 'do', "n't", 'know', '.']);
    assert.deepEqual(sentence?.upos, ['PRON', 'AUX', 'PART', 'VERB', 'PUNCT']);
    assert.deepEqual(sentence?.lemmas, ['we', 'do', 'not', 'know', '.']);
    assert.deepEqual(sentence?.xpos, ['PRP', 'VBP', 'RB', 'VB', '.']);
    assert.deepEqual(sentence?.spaceAfter, [true, false, true, false, true]);
  });
});

describe('pos › features', () => {
  it('gives each token its own feature range, the same for the same sentence', () => {
    const a = extractPosFeatures(['Iran', "'s", 'envoy', 'met', 'U.S.', 'officials', '.']);
    const b = extractPosFeatures(['Iran', "'s", 'envoy', 'met', 'U.S.', 'officials', '.']);
    assert.equal(a.offsets.length, 8);
    for (let i = 0; i < 7; i++) assert.ok(a.offsets[i + 1]! > a.offsets[i]!);
    assert.deepEqual(a.feats, b.feats);
  });

  it('adds the optional groups only when the lexicon asks for them, and reads clusters of the word and its neighbours', () => {
    const words = ['Rebels', 'shelled', 'the', 'town', '.'];
    const plain = extractPosFeatures(words);
    const rich = extractPosFeatures(words, undefined, { rich: true });
    assert.ok(rich.offsets[5]! > plain.offsets[5]!);
    const clustersA: PosLexicon = { rich: true, clusters: new Map([[lexiconKey('town'), 0b1011], [lexiconKey('shelled'), 0b110]]) };
    const clustersB: PosLexicon = { rich: true, clusters: new Map([[lexiconKey('town'), 0b1001], [lexiconKey('shelled'), 0b110]]) };
    const a = extractPosFeatures(words, undefined, clustersA);
    const b = extractPosFeatures(words, undefined, clustersB);
    const range = (f: ReturnType<typeof extractPosFeatures>, i: number): number[] => [...f.feats.subarray(f.offsets[i], f.offsets[i + 1])];
    assert.deepEqual(range(a, 0), range(b, 0), '"Rebels" is two words away from "town": the same features');
    assert.notDeepEqual(range(a, 2), range(b, 2), '"the" sees the cluster of the next word');
    assert.notDeepEqual(range(a, 3), range(b, 3));
  });

  it('builds ambiguity classes of frequent words only', () => {
    const classes = buildAmbiguityClasses(toyCorpus(), 3, 0.05);
    const mask = (word: string): number | undefined => classes.map.get(lexiconKey(word));
    assert.equal(mask('run'), (1 << tag('NOUN')) | (1 << tag('VERB')));
    assert.equal(mask('the'), 1 << tag('DET'));
    assert.equal(mask('fled'), undefined, 'seen once');
  });

  it('treats curly and straight quotes alike', () => {
    assert.deepEqual(extractPosFeatures(['“', 'Stop', '”']).feats, extractPosFeatures(['"', 'Stop', '"']).feats);
  });
});

describe('pos › training and model file', () => {
  const corpus = toyCorpus();
  const trained = trainPos(corpus, { tagCount: UPOS_TAGS.length, epochs: 8, seed: 1 });
  const bytes = encodePosModel({ info: info({ featureCount: trained.hashes.length }), hashes: trained.hashes, weights: trained.weights });
  const model = decodePosModel(bytes, UPOS_TAGS);

  it('learns the toy corpus, telling the noun "run" from the verb by context', () => {
    for (const s of corpus) assert.deepEqual([...tagPosWords(model, s.words)], [...s.tags], s.words.join(' '));
  });

  it('is deterministic for a seed', () => {
    const again = trainPos(corpus, { tagCount: UPOS_TAGS.length, epochs: 8, seed: 1 });
    assert.deepEqual(again.hashes, trained.hashes);
    assert.deepEqual(again.weights, trained.weights);
  });

  it('carries its feature groups and clusters through the model file', () => {
    const clusters = [lexiconKey('run'), 0b101, lexiconKey('troops'), 0b110];
    const lexicon = { rich: true, clusters: new Map([[clusters[0]!, clusters[1]!], [clusters[2]!, clusters[3]!]]) };
    const richTrained = trainPos(corpus, { tagCount: UPOS_TAGS.length, epochs: 20, seed: 1, lexicon });
    const richModel = decodePosModel(encodePosModel({ info: info({ featureGroups: ['rich', 'clusters'], wordClusters: clusters }), hashes: richTrained.hashes, weights: richTrained.weights }), UPOS_TAGS);
    assert.equal(richModel.lexicon.rich, true);
    assert.equal(richModel.lexicon.clusters?.get(lexiconKey('Run')), 0b101);
    let right = 0;
    let total = 0;
    for (const s of corpus) {
      const predicted = tagPosWords(richModel, s.words);
      s.tags.forEach((gold, i) => (right += predicted[i] === gold ? 1 : 0));
      total += s.tags.length;
    }
    // Averaging over six sentences can leave a word seen once ("town") behind; the rest must be learnt.
    assert.ok(right >= total - 1, `${right} of ${total}`);
    assert.equal(model.lexicon.rich, false, 'a model without groups keeps the plain features');
  });

  it('gives the second pass of a stacked tagger its own features: salted apart, plus the first pass\'s tags around the word', () => {
    const words = ['The', 'troops', 'run', '.'];
    const plain = extractPosFeatures(words);
    const second = extractPosFeatures(words, undefined, undefined, Uint8Array.from([tag('DET'), tag('NOUN'), tag('VERB'), tag('PUNCT')]));
    assert.equal(second.isSecondPass, true);
    assert.equal(second.offsets[1]! - second.offsets[0]!, plain.offsets[1]! - plain.offsets[0]! + 9, 'nine stacked templates per word');
    const shared = [...second.feats].filter((hash) => plain.feats.includes(hash));
    assert.deepEqual(shared, [], 'no second-pass hash meets a first-pass one');
    const otherGuess = extractPosFeatures(words, undefined, undefined, Uint8Array.from([tag('DET'), tag('NOUN'), tag('NOUN'), tag('PUNCT')]));
    assert.notDeepEqual([...otherGuess.feats], [...second.feats], 'the first pass\'s tags are read');
  });

  it('trains a stacked tagger (first pass, jackknifed second pass) that keeps both passes in one file', () => {
    const options = { tagCount: UPOS_TAGS.length, epochs: 8, seed: 1 };
    const toModel = (weights: { hashes: Uint32Array; weights: Float32Array }) => decodePosModel(encodePosModel({ info: info(), ...weights }), UPOS_TAGS);
    const stacked = trainStackedPos(corpus, options, 2, toModel);
    assert.ok(stacked.hashes.length > trained.hashes.length, 'second-pass rows follow the first pass\'s');
    assert.deepEqual(stacked.hashes.subarray(0, trained.hashes.length), trained.hashes, 'the first pass is the plain tagger');
    const stackedModel = decodePosModel(encodePosModel({ info: info({ featureGroups: ['stacked'] }), ...stacked }), UPOS_TAGS);
    assert.equal(stackedModel.lexicon.stacked, true);
    for (const s of corpus) assert.deepEqual([...tagPosWords(stackedModel, s.words)], [...s.tags], s.words.join(' '));
  });

  it('tags an empty sentence as nothing', () => {
    assert.equal(tagPosWords(model, []).length, 0);
  });

  it('refuses a NER model file and a model with another tag order', () => {
    const ner = encodeNerModel({ info: { name: 'ner', version: 1, trainedOn: [], epochs: 1, seed: 1, featureCount: 0 }, tagCount: 2, hashes: new Uint32Array(), weights: new Float32Array(), transitions: new Float32Array(6), gazetteer: [], clusters: [] });
    assert.throws(() => decodePosModel(ner, UPOS_TAGS), /not "pos"/);
    assert.throws(() => decodePosModel(bytes, [...UPOS_TAGS].reverse()), /differ/);
  });

  it('takes the tag of a dictionary word without scoring it', () => {
    const dictionary = buildTagDictionary(corpus, 3, 0.99);
    // "." (6×) and "The" (3×) always take one tag; "run" (4×) is ambiguous.
    assert.equal(dictionary.map.size, 2);
    const withDictionary = decodePosModel(encodePosModel({ info: info({ tagDictionary: [...dictionary.pairs] }), hashes: new Uint32Array(), weights: new Float32Array() }), UPOS_TAGS);
    assert.deepEqual([...tagPosWords(withDictionary, ['The', 'x', '.'])].map((t) => UPOS_TAGS[t]), ['DET', 'X', 'PUNCT']);
  });

  it('tags our tokens sentence by sentence, with lower-cased forms as lemmas when no lemmatiser is given', () => {
    const text = 'The troops run. A run ended.';
    const tagged = createPerceptronPosTagger(model).tag(text, tokenizeText(text));
    assert.deepEqual([...tagged.pos].map((t) => UPOS_TAGS[t]), ['DET', 'NOUN', 'VERB', 'PUNCT', 'DET', 'NOUN', 'VERB', 'PUNCT']);
    assert.deepEqual(tagged.lemmas, ['the', 'troops', 'run', '.', 'a', 'run', 'ended', '.']);
  });
});

describe('pos › lemmas', () => {
  it('writes edit scripts as "strip|append"', () => {
    assert.equal(editScript('running', 'run'), '4|');
    assert.equal(editScript('went', 'go'), '4|go');
    assert.equal(editScript('cities', 'city'), '3|y');
  });

  it('learns endings by UPOS and exceptions by word, and generalises endings to unseen words', () => {
    const rows: [string, string, string][] = [
      ['soldiers', 'NOUN', 'soldier'], ['tanks', 'NOUN', 'tank'], ['cities', 'NOUN', 'city'], ['bodies', 'NOUN', 'body'],
      ['attacked', 'VERB', 'attack'], ['killed', 'VERB', 'kill'], ['went', 'VERB', 'go'], ['is', 'AUX', 'be'],
      ['news', 'NOUN', 'news'], ['Kills', 'VERB', 'kill'], ['runs', 'VERB', 'run'],
    ];
    const table = learnLemmaRules([{ words: rows.map((r) => r[0]), upos: rows.map((r) => r[1]), lemmas: rows.map((r) => r[2]) }], 5, 2);
    const rules = createLemmaRules(table);
    for (const [word, upos, lemma] of rows) assert.equal(lemmatise(rules, word, upos), lemma, word);
    assert.equal(lemmatise(rules, 'Commanders', 'NOUN'), 'commander');
    assert.equal(lemmatise(rules, 'shelled', 'VERB'), 'shell');
    assert.equal(lemmatise(rules, 'militias', 'PROPN'), 'militias', 'no rule for this UPOS: the lower-cased form');
  });
});

describe('pos › fine tags (UPOS/XPOS pairs)', () => {
  // Past tense and participle are both VERB in UPOS; "had" is AUX in one sentence and VERB in another.
  const rows: [string, string, string][][] = [
    [['Rebels', 'NOUN', 'NNS'], ['attacked', 'VERB', 'VBD'], ['the', 'DET', 'DT'], ['town', 'NOUN', 'NN'], ['.', 'PUNCT', '.']],
    [['The', 'DET', 'DT'], ['town', 'NOUN', 'NN'], ['was', 'AUX', 'VBD'], ['attacked', 'VERB', 'VBN'], ['.', 'PUNCT', '.']],
    [['Troops', 'NOUN', 'NNS'], ['had', 'AUX', 'VBD'], ['fled', 'VERB', 'VBN'], ['.', 'PUNCT', '.']],
    [['Troops', 'NOUN', 'NNS'], ['had', 'VERB', 'VBD'], ['tanks', 'NOUN', 'NNS'], ['.', 'PUNCT', '.']],
    [['Rebels', 'NOUN', 'NNS'], ['fled', 'VERB', 'VBD'], ['.', 'PUNCT', '.']],
  ];
  const sentences = rows.map((s) => ({ words: s.map((r) => r[0]), upos: s.map((r) => r[1]), xpos: s.map((r) => r[2]) }));

  it('keeps pairs seen often enough, maps a rarer pair to its UPOS\'s commonest, and gives every UPOS a column', () => {
    const set = buildFineTagSet(sentences, UPOS_TAGS, 2);
    // VERB/VBD (3×) and VERB/VBN (2×) stay apart; AUX/VBD (2×) is kept; NOUN/NN (2×) and NOUN/NNS (5×) both kept.
    for (const tag of ['VERB/VBD', 'VERB/VBN', 'AUX/VBD', 'NOUN/NNS', 'NOUN/NN', 'PUNCT/.']) assert.ok(set.tags.includes(tag), tag);
    assert.ok(set.tags.indexOf('NOUN/NNS') < set.tags.indexOf('NOUN/NN'), 'the commonest pair of a UPOS comes first');
    for (const upos of UPOS_TAGS) assert.ok(set.tags.some((tag) => tag.split('/')[0] === upos), upos);
    const rare = set.columns({ upos: ['VERB'], xpos: ['VBZ'] });
    assert.equal(set.tags[rare[0]!], 'VERB/VBD', 'an unseen pair becomes the commonest VERB pair');
    assert.deepEqual(fineTagSet(set.tags).tags, set.tags);
  });

  it('trains on fine tags and reports UPOS, the PTB tags beside them', () => {
    const set = buildFineTagSet(sentences, UPOS_TAGS, 1);
    const data = sentences.map((s) => ({ words: s.words, tags: set.columns(s) }));
    const trained = trainPos(data, { tagCount: set.tags.length, epochs: 10, seed: 1 });
    const model = decodePosModel(encodePosModel({ info: info({ tags: [...set.tags], featureCount: trained.hashes.length }), hashes: trained.hashes, weights: trained.weights }), UPOS_TAGS);
    assert.equal(model.tagCount, set.tags.length);
    const words = ['The', 'town', 'was', 'attacked', '.'];
    assert.deepEqual([...tagPosWords(model, words)].map((t) => UPOS_TAGS[t]), ['DET', 'NOUN', 'AUX', 'VERB', 'PUNCT']);
    assert.deepEqual([...tagPosColumns(model, words)].map((c) => set.tags[c]), ['DET/DT', 'NOUN/NN', 'AUX/VBD', 'VERB/VBN', 'PUNCT/.']);
    const text = 'Rebels attacked the town.';
    const tagged = createPerceptronPosTagger(model).tag(text, tokenizeText(text));
    assert.deepEqual(tagged.xpos, ['NNS', 'VBD', 'DT', 'NN', '.']);
    assert.deepEqual([...tagged.pos].map((t) => UPOS_TAGS[t]), ['NOUN', 'VERB', 'DET', 'NOUN', 'PUNCT']);
  });

  it('gives no PTB tags from a UPOS model, and refuses a fine tag whose UPOS is unknown', () => {
    const upos = decodePosModel(encodePosModel({ info: info(), hashes: new Uint32Array(), weights: new Float32Array() }), UPOS_TAGS);
    assert.equal(createPerceptronPosTagger(upos).tag('They fled.', tokenizeText('They fled.')).xpos, undefined);
    assert.throws(() => uposOfColumns(['VERB/VBD', 'VRB/VBN'], UPOS_TAGS), /not one of/);
  });
});
