import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { loadParseModel, loadPosTagger } from '../../app/nlp-models.js';
import { childrenWith, DEP_LABELS, depLabel, depLabelIndex, dependents, headPath, subtreeSpan, type DependencyTable } from '../../model/deps.js';
import type { Doc } from '../../model/index.js';
import { createResources, runStages, type Resources } from '../../pipeline/index.js';
import { xposHash } from '../../nlp/parse/features.js';
import { decodeParseModel, encodeParseModel } from '../../nlp/parse/model-file.js';
import { trainParser } from '../../nlp/parse/train.js';
import { makeDoc, naiveTokens } from '../../../test/helpers/make-doc.js';
import { createSentences } from '../sentences/index.js';
import { createTokenize } from '../tokenize/index.js';
import { createParse } from './index.js';
import { parseDoc } from './parse.js';

let resources: Resources;
before(() => {
  // The shipped POS tagger and parser, loaded from models/ as the app does.
  resources = createResources({ 'nlp.pos': loadPosTagger(), 'parse.model': loadParseModel() });
});

function parse(text: string): Doc {
  return runStages(makeDoc({ text }), [createTokenize(), createSentences(), createParse()], { publishedAt: undefined, resources }).doc;
}

/** The token index of the first token whose text is `word`. */
function at(doc: Doc, word: string): number {
  const tokens = doc.layers.tokens!;
  for (let i = 0; i < tokens.length; i++) if (doc.text.slice(tokens.start[i], tokens.end[i]) === word) return i;
  throw new Error(`no token "${word}"`);
}

/** "word <-relation- head" of token i, with the relation's universal part. */
function arc(doc: Doc, deps: DependencyTable, i: number): string {
  const tokens = doc.layers.tokens!;
  const h = deps.head[i]!;
  const head = h < 0 ? 'ROOT' : doc.text.slice(tokens.start[h], tokens.end[h]);
  return `${doc.text.slice(tokens.start[i], tokens.end[i])} <-${depLabel(deps, i).split(':')[0]}- ${head}`;
}

describe('parse', () => {
  // Known error of tagger v2 + parse@3: after a plural proper noun, "near" is tagged ADJ and the object becomes a
  // compound of the place ("Palestinians <-compound- Hebron"). Kept visible as a todo until a model fixes it.
  it('attaches the object of a killing when a plural proper noun precedes "near"', { todo: 'tagger v2 tags "near" ADJ here' }, () => {
    const doc = parse('Israeli troops killed two Palestinians near Hebron on Tuesday, the army said.');
    assert.equal(arc(doc, doc.layers.deps!, at(doc, 'Palestinians')), 'Palestinians <-obj- killed');
  });

  it('parses a wire story\'s dateline apart from the clause it opens', () => {
    const doc = parse('KYIV, Ukraine (AP) — Russian troops shelled the city of Kharkiv on Monday, officials said.');
    const deps = doc.layers.deps!;
    assert.equal(arc(doc, deps, at(doc, 'troops')), 'troops <-nsubj- shelled');
    assert.equal(arc(doc, deps, at(doc, 'KYIV')), 'KYIV <-dep- shelled');
    for (const word of ['Ukraine', 'AP']) assert.notEqual(deps.head[at(doc, word)], at(doc, 'shelled'), `${word} stays inside the dateline`);
  });

  it('finds the subject and object of a killing and the clause that attributes it', () => {
    const doc = parse('Israeli troops killed two Palestinian men near Hebron on Tuesday, the army said.');
    const deps = doc.layers.deps!;
    assert.equal(arc(doc, deps, at(doc, 'troops')), 'troops <-nsubj- killed');
    assert.equal(arc(doc, deps, at(doc, 'men')), 'men <-obj- killed');
    assert.equal(arc(doc, deps, at(doc, 'two')), 'two <-nummod- men');
    assert.equal(arc(doc, deps, at(doc, 'army')), 'army <-nsubj- said');
    assert.equal(arc(doc, deps, at(doc, 'said')), 'said <-parataxis- killed');
    assert.equal(arc(doc, deps, at(doc, 'killed')), 'killed <-root- ROOT');
  });

  it('attaches a clausal complement of a speech verb and the subject inside it', () => {
    const doc = parse('The ministry said that rebels had attacked a convoy in the north.');
    const deps = doc.layers.deps!;
    assert.equal(arc(doc, deps, at(doc, 'attacked')), 'attacked <-ccomp- said');
    assert.equal(arc(doc, deps, at(doc, 'rebels')), 'rebels <-nsubj- attacked');
    assert.equal(arc(doc, deps, at(doc, 'convoy')), 'convoy <-obj- attacked');
    assert.equal(arc(doc, deps, at(doc, 'ministry')), 'ministry <-nsubj- said');
  });

  it('marks the subject of a passive and the agent of its by-phrase', () => {
    const doc = parse('Three soldiers were wounded by a roadside bomb in Kandahar province.');
    const deps = doc.layers.deps!;
    assert.equal(depLabel(deps, at(doc, 'soldiers')), 'nsubj:pass');
    assert.equal(arc(doc, deps, at(doc, 'bomb')), 'bomb <-obl- wounded');
  });

  it('gives each sentence one root and never attaches across sentences', () => {
    const doc = parse('Protesters marched through Nairobi on Sunday. Police fired tear gas at the crowd.');
    const deps = doc.layers.deps!;
    const sentences = doc.layers.sentences!;
    assert.equal(sentences.length, 2);
    for (const s of sentences) {
      let roots = 0;
      for (let i = s.tokenStart; i < s.tokenEnd; i++) {
        const h = deps.head[i]!;
        if (h < 0) roots++;
        else assert.ok(h >= s.tokenStart && h < s.tokenEnd, `token ${i} attached outside its sentence`);
      }
      assert.equal(roots, 1);
    }
    assert.equal(deps.length, doc.layers.tokens!.length);
  });

  it('lets later stages read phrases, paths and role children from the tree', () => {
    const doc = parse('A senior UN envoy met rebel leaders in Geneva.');
    const deps = doc.layers.deps!;
    const children = dependents(deps);
    const met = at(doc, 'met');
    const [subject] = childrenWith(deps, met, ['nsubj'], children);
    assert.equal(subject, at(doc, 'envoy'));
    const span = subtreeSpan(deps, subject!, children);
    const tokens = doc.layers.tokens!;
    assert.equal(doc.text.slice(tokens.start[span.start], tokens.end[span.end - 1]), 'A senior UN envoy');
    assert.deepEqual(headPath(deps, at(doc, 'Geneva')), [at(doc, 'Geneva'), met]);
    assert.deepEqual(childrenWith(deps, met, ['obj', 'obl'], children), [at(doc, 'leaders'), at(doc, 'Geneva')]);
  });

  it('needs the parser model in resources', () => {
    const doc = runStages(makeDoc({ text: 'Talks resumed.' }), [createTokenize(), createSentences()], { publishedAt: undefined, resources }).doc;
    assert.throws(() => runStages(doc, [createParse()], { publishedAt: undefined, resources: createResources({}) }), /parse\.model/);
  });
});

describe('parse › PTB tags', () => {
  // A toy model trained with the "xpos" group on tags alone (every UPOS is X, the words are new at test time):
  // only the tokens' PTB tags can tell it the tree, so the stage must hand them over.
  const train = ['Police arrested two men .', 'Rebels seized three towns .', 'Troops shelled four villages .'];
  const tags = ['NNS', 'VBD', 'CD', 'NNS', '.'];
  const heads = [2, 0, 4, 2, 2];
  const relations = ['nsubj', 'root', 'nummod', 'obj', 'punct'];
  const trained = trainParser(
    train.map((s) => ({ words: s.split(' '), upos: new Uint8Array(5), xpos: Uint32Array.from(tags, xposHash), heads: Int32Array.from(heads), relations: Uint8Array.from(relations, depLabelIndex) })),
    { epochs: 8, seed: 13, exploreFrom: 3, exploreProbability: 0.9 },
  );
  const model = decodeParseModel(encodeParseModel({ info: { name: 'xpos-toy', version: 1, task: 'parse', labels: [...DEP_LABELS], trainedOn: ['three sentences we wrote'], epochs: 8, seed: 13, featureGroups: ['xpos'] }, actions: trained.actions, relations: trained.relations }));

  it('passes the tokens\' PTB tags to a model trained with them', () => {
    const text = 'Militants kidnapped five workers.';
    const tokens = naiveTokens(text)!;
    const doc = makeDoc({ text, layers: { tokens: { ...tokens, xpos: tags }, sentences: [{ start: 0, end: text.length, tokenStart: 0, tokenEnd: 5 }] } });
    const deps = parseDoc(doc, model);
    assert.deepEqual([...deps.head], heads.map((h) => h - 1));
    assert.deepEqual([...deps.label].map((l) => DEP_LABELS[l]), relations);
  });
});
