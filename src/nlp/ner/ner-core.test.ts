import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseCorpus } from './corpus-format.js';
import { DROP_GAZETTEER, DROP_WORD, extractFeatures, hashString, isTitleCaseLine, titleCaseWords, wordShape } from './features.js';
import { createGazetteer, matchGazetteer } from './gazetteer.js';
import { decodeNerModel, encodeNerModel } from './model-file.js';
import { tagWords, viterbi } from './model.js';
import { makeConsistent } from './tag-document.js';
import { bilouFromChunks, chunksFromBilou, chunksFromIob, isAllowedEnd, isAllowedTransition, TAG_COUNT, TAG_NAMES } from './tags.js';
import { trainNer } from './train.js';

describe('ner core › tags', () => {
  it('reads IOB2 chunks, CoNLL style (an I- after O opens a chunk)', () => {
    assert.deepEqual(chunksFromIob(['B-PER', 'I-PER', 'O', 'I-LOC', 'B-ORG', 'B-ORG']), [
      { start: 0, end: 2, type: 'PER' },
      { start: 3, end: 4, type: 'LOC' },
      { start: 4, end: 5, type: 'ORG' },
      { start: 5, end: 6, type: 'ORG' },
    ]);
  });

  it('round-trips chunks through BILOU', () => {
    const chunks = chunksFromIob(['B-PER', 'I-PER', 'I-PER', 'O', 'B-LOC', 'B-MISC', 'I-MISC']);
    const bilou = bilouFromChunks(chunks, 7);
    assert.deepEqual([...bilou].map((t) => TAG_NAMES[t]), ['B-PER', 'I-PER', 'L-PER', 'O', 'U-LOC', 'B-MISC', 'L-MISC']);
    assert.deepEqual(chunksFromBilou(bilou), chunks);
  });

  it('decodes only valid BILOU sequences, even when emissions favour invalid ones', () => {
    const n = 4;
    const emissions = new Float32Array(n * TAG_COUNT);
    // Favour I-PER everywhere, which may never open a sentence or follow O.
    for (let i = 0; i < n; i++) emissions[i * TAG_COUNT + TAG_NAMES.indexOf('I-PER')] = 5;
    const path = viterbi(emissions, n, new Float32Array((TAG_COUNT + 1) * TAG_COUNT));
    let prev = -1;
    for (const tag of path) {
      assert.ok(isAllowedTransition(prev, tag), `${TAG_NAMES[prev] ?? 'START'} → ${TAG_NAMES[tag]}`);
      prev = tag;
    }
    assert.ok(isAllowedEnd(prev));
  });
});

describe('ner core › features and gazetteer', () => {
  it('collapses word shapes', () => {
    assert.equal(wordShape('Soleimani'), 'Xx');
    assert.equal(wordShape('U.S.'), 'X.X.');
    assert.equal(wordShape('1996-08-30'), 'd-d-d');
  });

  it('marks multi-word gazetteer matches with B/I/L/U positions', () => {
    const gazetteer = createGazetteer([['New York City', 2], ['York', 1]]);
    const codes = matchGazetteer(gazetteer, ['in', 'new', 'york', 'city']);
    assert.deepEqual(codes[0], []);
    assert.deepEqual(codes[1], [1 * 4 + 0]);
    assert.deepEqual(codes[2], [1 * 4 + 1, 0 * 4 + 3]);
    assert.deepEqual(codes[3], [1 * 4 + 2]);
  });

  it('gives the same matches with the tokens\' hashes as without them', () => {
    const gazetteer = createGazetteer([['New York City', 2], ['York', 1], ['Oslo', 4]]);
    const tokens = ['in', 'new', 'york', 'city', 'and', 'oslo', 'york'];
    assert.deepEqual(matchGazetteer(gazetteer, tokens, tokens.map((t) => hashString(t))), matchGazetteer(gazetteer, tokens));
  });
});

describe('ner core › line shape and feature dropout', () => {
  it('tells a title-case heading or button from a sentence with names in it', () => {
    assert.equal(isTitleCaseLine(['Join', 'Google']), true);
    assert.equal(isTitleCaseLine(['Rafael', 'Nadal', 'Wins', 'in', 'Paris']), true);
    assert.equal(isTitleCaseLine(['Barack', 'Obama', 'met', 'Angela', 'Merkel', '.']), false);
    assert.equal(isTitleCaseLine(['Google', '.']), false);
  });

  it('writes a sentence as a title for augmentation, keeping short function words low', () => {
    assert.deepEqual(titleCaseWords(['the', 'mayor', 'of', 'Lyon', 'resigned', 'in', 'March']), ['The', 'Mayor', 'of', 'Lyon', 'Resigned', 'in', 'March']);
  });

  it('adds line features only for models trained with them, and more of them on a title-case line', () => {
    const base = { gazetteer: createGazetteer([['Oslo', 2]]), clusters: new Map<number, number>() };
    const words = ['Join', 'Google'];
    const plain = extractFeatures(words, base);
    const withLine = extractFeatures(words, { ...base, lineFeatures: true });
    const sentence = extractFeatures(['Join', 'us', 'today'], { ...base, lineFeatures: true });
    // 3 line features per token, plus the title-line word on a title-case line.
    assert.equal(withLine.feats.length - plain.feats.length, 2 * 4);
    assert.equal(sentence.feats.length - extractFeatures(['Join', 'us', 'today'], base).feats.length, 3 * 3);
  });

  it('adds word-class context and class × capitals only for models trained with them', () => {
    const clusters = new Map<number, number>([[hashString('google'), 0b1_0110_1101], [hashString('joined'), 0b1_1001]]);
    const base = { gazetteer: createGazetteer([]), clusters };
    const words = ['Ana', 'joined', 'Google', 'today'];
    const plain = extractFeatures(words, base);
    // Context: classes at -2 and +2 and a class bigram with each neighbour, for every token.
    assert.equal(extractFeatures(words, { ...base, classContext: true }).feats.length - plain.feats.length, 4 * 4);
    // Class × capitals: one more feature for each token (a word without a class reads as class 0).
    assert.equal(extractFeatures(words, { ...base, classCap: true }).feats.length - plain.feats.length, 4);
    assert.deepEqual(extractFeatures(words, { gazetteer: base.gazetteer, clusters: new Map(), classContext: true, classCap: true }).feats, extractFeatures(words, { gazetteer: base.gazetteer, clusters: new Map() }).feats);
  });

  it('gives a word its cluster features whatever its case, and a model file keeps the clusters', () => {
    // "google" and "Google" share one cluster key (the normalised word): a lower-case tweet gets the name's class.
    const clusters = new Map<number, number>([[hashString('google'), 0b1_0110_1101]]);
    const res = { gazetteer: createGazetteer([]), clusters };
    const lower = extractFeatures(['join', 'google'], res);
    const upper = extractFeatures(['Join', 'Google'], res);
    const none = extractFeatures(['join', 'google'], { ...res, clusters: new Map<number, number>() });
    const own = (f: { offsets: Uint32Array; feats: Uint32Array }, i: number): Set<number> => new Set(f.feats.subarray(f.offsets[i]!, f.offsets[i + 1]!));
    const shared = [...own(lower, 1)].filter((h) => own(upper, 1).has(h) && !own(none, 1).has(h));
    // Four path prefixes and the two neighbour classes are the same in both cases (cluster × shape differs with the shape).
    assert.equal(shared.length, 4 + 2);
    const file = encodeNerModel({ info: { name: 'toy', version: 1, trainedOn: [], epochs: 1, seed: 1, featureCount: 0 }, tagCount: TAG_COUNT, hashes: new Uint32Array(), weights: new Float32Array(), transitions: new Float32Array((TAG_COUNT + 1) * TAG_COUNT), gazetteer: [], clusters: [hashString('google'), 0b1_0110_1101] });
    assert.equal(decodeNerModel(file).features.clusters.get(hashString('google')), 0b1_0110_1101);
  });

  it('leaves out gazetteer codes (own and as a neighbour) and word features of dropped tokens only', () => {
    const res = { gazetteer: createGazetteer([['Oslo', 2]]), clusters: new Map<number, number>() };
    const words = ['in', 'Oslo', 'today'];
    const full = extractFeatures(words, res);
    const noGaz = extractFeatures(words, res, undefined, Uint8Array.from([0, DROP_GAZETTEER, 0]));
    const noWord = extractFeatures(words, res, undefined, Uint8Array.from([0, DROP_WORD, 0]));
    const count = (f: { offsets: Uint32Array }, i: number): number => f.offsets[i + 1]! - f.offsets[i]!;
    // "in" loses GazNext, "Oslo" loses GazHere, "today" loses GazPrev.
    assert.deepEqual([0, 1, 2].map((i) => count(full, i) - count(noGaz, i)), [1, 1, 1]);
    // Word, cased word, two word bigrams and word × next shape.
    assert.deepEqual([0, 1, 2].map((i) => count(full, i) - count(noWord, i)), [0, 5, 0]);
  });
});

describe('ner core › training and model file', () => {
  // A toy corpus we wrote: enough for the perceptron to learn that capitalised words after "met" are people.
  const corpus = [
    ['Anna', 'met', 'Boris', 'in', 'Oslo', '.'],
    ['Carl', 'met', 'Dana', 'in', 'Rome', '.'],
    ['Eva', 'visited', 'Lima', '.'],
    ['Fred', 'met', 'Gina', 'in', 'Kyiv', '.'],
  ];
  const tags = [
    ['B-PER', 'O', 'B-PER', 'O', 'B-LOC', 'O'],
    ['B-PER', 'O', 'B-PER', 'O', 'B-LOC', 'O'],
    ['B-PER', 'O', 'B-LOC', 'O'],
    ['B-PER', 'O', 'B-PER', 'O', 'B-LOC', 'O'],
  ];
  const features = { gazetteer: createGazetteer([['Oslo', 2]]), clusters: new Map<number, number>() };
  const sentences = corpus.map((words, i) => ({ words, tags: bilouFromChunks(chunksFromIob(tags[i]!), words.length) }));

  it('trains deterministically and round-trips through the model file', () => {
    const a = trainNer(sentences, features, { epochs: 5, seed: 7, minFeatureCount: 1 });
    const b = trainNer(sentences, features, { epochs: 5, seed: 7, minFeatureCount: 1 });
    assert.deepEqual(a.weights, b.weights);
    const dropped = trainNer(sentences, features, { epochs: 5, seed: 7, minFeatureCount: 1, gazetteerDropout: 0.5, wordDropout: 0.5 });
    assert.notDeepEqual(dropped.weights, a.weights);
    assert.deepEqual(trainNer(sentences, features, { epochs: 5, seed: 7, minFeatureCount: 1, gazetteerDropout: 0.5, wordDropout: 0.5 }).weights, dropped.weights);
    const file = encodeNerModel({ info: { name: 'toy', version: 1, trainedOn: ['toy'], epochs: 5, seed: 7, featureCount: 0 }, tagCount: TAG_COUNT, ...a, gazetteer: [['Oslo', 2]], clusters: [] });
    const model = decodeNerModel(file);
    assert.equal(model.info.name, 'toy');
    assert.ok(model.features.gazetteer.names.has('oslo'));
    assert.equal(model.features.lineFeatures, false);
    const lined = decodeNerModel(encodeNerModel({ info: { name: 'toy', version: 1, trainedOn: ['toy'], epochs: 5, seed: 7, featureCount: 0, lineFeatures: true }, tagCount: TAG_COUNT, ...a, gazetteer: [['Oslo', 2]], clusters: [] }));
    assert.equal(lined.features.lineFeatures, true);
    const predicted = chunksFromBilou(tagWords(model, ['Hana', 'met', 'Ivan', 'in', 'Oslo', '.']));
    assert.deepEqual(predicted.map((c) => c.type), ['PER', 'PER', 'LOC']);
  });

  it('refuses a file that is not a model', () => {
    assert.throws(() => decodeNerModel(new Uint8Array([1, 2, 3])), /not gzip/);
  });
});

describe('ner core › document consistency', () => {
  const sentences = [
    ['Defence', 'Minister', 'Sergei', 'Shoigu', 'spoke', '.'],
    ['Shoigu', 'left', 'for', 'Aleppo', '.'],
    ['Later', 'Shoigu', 'returned', '.'],
  ];

  it('tags a lone surname of a tagged person as PER, tagged or not', () => {
    const result = makeConsistent(sentences, [[{ start: 2, end: 4, type: 'PER' }], [{ start: 0, end: 1, type: 'ORG' }, { start: 3, end: 4, type: 'LOC' }], []]);
    assert.deepEqual(result[1], [{ start: 0, end: 1, type: 'PER' }, { start: 3, end: 4, type: 'LOC' }]);
    assert.deepEqual(result[2], [{ start: 1, end: 2, type: 'PER' }]);
  });

  it('lets no person read in a heading turn a word the page tags as an organisation into a person (issue 16)', () => {
    // "Volterra Pros & Cons" is a heading read as a person; "Volterra" alone is the agency in running text.
    const doc = [['Volterra', 'Pros', '&', 'Cons'], ['With', 'Volterra', ',', 'you', 'get', 'more', '.'], ['Volterra', 'can', 'help', '.']];
    const result = makeConsistent(doc, [[{ start: 0, end: 2, type: 'PER' }], [{ start: 1, end: 2, type: 'ORG' }], []]);
    assert.deepEqual(result[1], [{ start: 1, end: 2, type: 'ORG' }]);
    assert.deepEqual(result[2], []);
    // The same name in running text still lends its parts, and so does a heading whose parts are tagged nothing else.
    const text = [['Ann', 'Volterra', 'spoke', '.'], ['With', 'Volterra', ',', 'you', 'get', 'more', '.']];
    assert.deepEqual(makeConsistent(text, [[{ start: 0, end: 2, type: 'PER' }], [{ start: 1, end: 2, type: 'ORG' }]])[1], [{ start: 1, end: 2, type: 'PER' }]);
    const list = [['Ann', 'Volterra', '(', 'Oslo', ')'], ['Volterra', 'won', '.']];
    assert.deepEqual(makeConsistent(list, [[{ start: 0, end: 2, type: 'PER' }, { start: 3, end: 4, type: 'LOC' }], []])[1], [{ start: 0, end: 1, type: 'PER' }]);
  });

  it('reads a name credited "by" a person as a work wherever the page repeats it (issue 16)', () => {
    const doc = [['Grave', 'Empire', 'by', 'Richard', 'Swan'], ['About', 'Grave', 'Empire'], ['Read', 'Grave', 'Empire']];
    const result = makeConsistent(doc, [[{ start: 3, end: 5, type: 'PER' }], [{ start: 1, end: 3, type: 'PER' }], []]);
    assert.deepEqual(result.map((list) => list.map((c) => c.type)), [['MISC', 'PER'], ['MISC'], ['MISC']]);
    // Must not fire: a place before "by" ("a visit to Slovenia by Kwasniewski"), or one capitalised word ("Photo by").
    const visit = [['a', 'visit', 'to', 'Slovenia', 'by', 'Kwasniewski'], ['Photo', 'by', 'Ann', 'Lee']];
    const kept = makeConsistent(visit, [[{ start: 3, end: 4, type: 'LOC' }, { start: 5, end: 6, type: 'PER' }], [{ start: 2, end: 4, type: 'PER' }]]);
    assert.deepEqual(kept.map((list) => list.map((c) => c.type)), [['LOC', 'PER'], ['PER']]);
  });

  it('gives one surface string its majority type', () => {
    const doc = [['Aleppo', 'fell', '.'], ['Aleppo', 'burned', '.'], ['Aleppo', 'wept', '.']];
    const result = makeConsistent(doc, [[{ start: 0, end: 1, type: 'LOC' }], [{ start: 0, end: 1, type: 'LOC' }], [{ start: 0, end: 1, type: 'ORG' }]]);
    assert.deepEqual(result.map((list) => list[0]?.type), ['LOC', 'LOC', 'LOC']);
  });
});

describe('ner core › corpus formats', () => {
  it('reads CoNLL documents and UNER OTH as partial labels', () => {
    const conll = '0\t-DOCSTART-\tO\n\n0\tAnna\tB-PER\n1\tsang\tO\n\n0\t-DOCSTART-\tO\n\n0\tOslo\tB-LOC\n';
    const docs = parseCorpus(conll, 'conll2003');
    assert.equal(docs.length, 2);
    assert.deepEqual(docs[0]?.sentences[0]?.tags, ['B-PER', 'O']);
    const uner = '# newdoc id = d1\n# text = x\n1\tGoogle\tB-OTH\t-\tx\n2\tsays\tO\t-\t-\n';
    assert.deepEqual(parseCorpus(uner, 'uner', { otherAs: 'OTH' })[0]?.sentences[0]?.tags, ['B-OTH', 'O']);
    assert.deepEqual(parseCorpus(uner, 'uner', { otherAs: 'O' })[0]?.sentences[0]?.tags, ['O', 'O']);
  });

  it('maps CrossNER politics types to PER/ORG/LOC/MISC, one sentence per document', () => {
    const text = 'The\tO\nLabour\tB-politicalparty\nParty\tI-politicalparty\nwon\tO\nthe\tO\n1997\tB-election\nelection\tI-election\n\nTony\tB-politician\nBlair\tI-politician\nvisited\tO\nFrance\tB-country\nwith\tO\nNATO\tB-organisation\n';
    const docs = parseCorpus(text, 'crossner');
    assert.equal(docs.length, 2);
    assert.deepEqual(docs[0]?.sentences[0]?.tags, ['O', 'B-ORG', 'I-ORG', 'O', 'O', 'B-MISC', 'I-MISC']);
    assert.deepEqual(docs[1]?.sentences[0]?.tags, ['B-PER', 'I-PER', 'O', 'B-LOC', 'O', 'B-ORG']);
  });

  it('maps WNUT-17 groups to ORG and its products to O or partial labels as asked; BTC joins "@ handle" back into one token', () => {
    const wnut = 'Apple\tB-corporation\niPhone\tB-product\nfans\tO\nin\tO\nOslo\tB-location\n';
    assert.deepEqual(parseCorpus(wnut, 'wnut17', { otherAs: 'OTH' })[0]?.sentences[0]?.tags, ['B-ORG', 'B-OTH', 'O', 'O', 'B-LOC']);
    assert.deepEqual(parseCorpus(wnut, 'wnut17', { otherAs: 'O' })[0]?.sentences[0]?.tags, ['B-ORG', 'O', 'O', 'O', 'B-LOC']);
    const btc = 'RT\tO\n@\tB-ORG\nbbc\tB-ORG\n:\tO\nObama\tB-PER\nPresident\tI-PER\n';
    const sentence = parseCorpus(btc, 'btc')[0]?.sentences[0];
    assert.deepEqual(sentence?.words, ['RT', '@bbc', ':', 'Obama', 'President']);
    assert.deepEqual(sentence?.tags, ['O', 'B-ORG', 'O', 'B-PER', 'I-PER']);
  });
});
