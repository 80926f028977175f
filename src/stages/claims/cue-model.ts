/**
 * The learned half of cue detection: a small logistic regression that scores whether a verb outside the reporting-verb
 * lexicon attributes a proposition to its subject ("Sanders [warned] voters that …", "critics [fear] the law will …",
 * "Trump [wants] to build a wall"). It complements the lexicon and never overrides it: only verbs the rules left alone,
 * whose arcs already give a subject and a content, are scored. Features are what a reader checks: the verb's lemma,
 * what kind of complement it takes (a clause, an infinitive, an object), whether the clause opens with "that", what
 * its subject is (a pronoun, a name, a noun such as "officials"), its tense, negation and neighbouring words (the
 * grammatical ones: a name or a noun next to the verb counts by its class).
 * Weights are trained by `npm run train:claims-cue` on PolNeAR train (model card: models/README.md) and shipped as
 * JSON (models/claims/cue-en.json); app/ loads them and passes them in the resources.
 */
import { depLabel, UPOS_TAGS } from '../../model/index.js';
import { seededRandom, shuffleInPlace } from '../../nlp/ner/train.js';
import type { ParseView, SpeechArcs } from './syntax.js';

/** Resource key under which app/ passes the trained CueModel to the stage (optional: without it, rules only). */
export const CLAIMS_CUE_MODEL = 'claims.cue-model@1';

/** A trained cue model: named feature weights, a bias and the decision threshold on the probability. */
export interface CueModel {
  readonly version: number;
  readonly bias: number;
  readonly threshold: number;
  readonly weights: Readonly<Record<string, number>>;
}

/** What the complement of a candidate verb is, as the arcs give it. */
export type ComplementKind = 'ccomp' | 'parataxis' | 'xcomp' | 'obj';

const PRONOUN_SUBJECTS = new Set(['he', 'she', 'they', 'i', 'we', 'you', 'it', 'who', 'that', 'which', 'this']);

/**
 * Word classes whose words say how a verb is used ("warned [that]", "pointed [out]", "[publicly] said") rather than
 * what the article is about. A neighbour of another class is named by its class only: trained on 2015–16 campaign
 * news, "next=clinton" and "prev=rubio" had learned who was in the news, not how attribution is written.
 */
const GRAMMAR_CLASSES = new Set(['ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'PART', 'PRON', 'PUNCT', 'SCONJ']);

function word(view: ParseView, i: number): string {
  return i >= 0 && i < view.tokens.length ? view.text.slice(view.tokens.start[i], view.tokens.end[i]).toLowerCase().replace(/’/g, "'") : '<none>';
}

function lemmaOf(view: ParseView, i: number): string {
  return (view.tokens.lemmas[view.tokens.lemma[i]!] ?? word(view, i)).toLowerCase();
}

/** Token i as a neighbour feature value: the word of a grammatical class, else its class ("to", "PROPN"). */
function neighbour(view: ParseView, i: number): string {
  if (i < 0 || i >= view.tokens.length) return '<none>';
  const upos = UPOS_TAGS[view.tokens.pos[i]!] ?? 'X';
  return GRAMMAR_CLASSES.has(upos) ? word(view, i) : upos;
}

/**
 * A noun's lemma as a feature value; a proper name by its class only (who is in the news is no cue). A capitalised
 * word inside a sentence is a name too, whatever its tag ("Sanders" tagged NOUN, lemma "sander").
 */
function nounValue(view: ParseView, i: number): string {
  const isCapitalised = /^\p{Lu}/u.test(view.text.slice(view.tokens.start[i], view.tokens.end[i]));
  const isMidSentence = i > 0 && !/^[.!?:"“”]$/.test(word(view, i - 1));
  return UPOS_TAGS[view.tokens.pos[i]!] === 'PROPN' || (isCapitalised && isMidSentence) ? 'PROPN' : lemmaOf(view, i);
}

/** The complement kind of verb v (the same order `speechArcs` reads them in), or undefined. */
export function complementKind(view: ParseView, v: number): ComplementKind | undefined {
  const labels = view.children[v]!.map((c) => depLabel(view.deps, c));
  if (labels.includes('ccomp')) return 'ccomp';
  if (depLabel(view.deps, v) === 'parataxis' && view.deps.head[v]! >= 0 && view.deps.head[v]! < v) return 'parataxis';
  const obj = view.children[v]!.find((c) => c > v && (depLabel(view.deps, c) === 'obj' || depLabel(view.deps, c) === 'xcomp'));
  if (obj === undefined) return undefined;
  return depLabel(view.deps, obj) === 'xcomp' ? 'xcomp' : 'obj';
}

/**
 * The features of a candidate cue: verb v with its arcs. Every feature is a string ("lemma=warn", "kind=ccomp"),
 * present or absent; the same function serves training and scoring.
 */
export function cueFeatures(view: ParseView, v: number, arcs: SpeechArcs): string[] {
  const { deps, tokens } = view;
  const lemma = lemmaOf(view, v);
  const kind = complementKind(view, v) ?? 'none';
  const out = [`lemma=${lemma}`, `kind=${kind}`, `lemma|kind=${lemma}|${kind}`, `rel=${depLabel(deps, v)}`, `rel|kind=${depLabel(deps, v)}|${kind}`];
  const xpos = tokens.xpos?.[v];
  if (xpos) out.push(`xpos=${xpos}`);
  // "warned that …" / "fear the law will …": a complement clause and how it opens.
  const ccomp = view.children[v]!.find((c) => depLabel(deps, c) === 'ccomp');
  if (ccomp !== undefined) {
    const mark = view.children[ccomp]!.find((c) => depLabel(deps, c) === 'mark');
    out.push(`ccomp-mark=${mark === undefined ? 'none' : word(view, mark)}`);
    out.push(`ccomp-pos=${UPOS_TAGS[tokens.pos[ccomp]!]}`);
    out.push(`ccomp-subj=${view.children[ccomp]!.some((c) => depLabel(deps, c).startsWith('nsubj')) ? 1 : 0}`);
  }
  const obj = view.children[v]!.find((c) => c > v && depLabel(deps, c) === 'obj');
  if (obj !== undefined) {
    out.push(`obj-pos=${UPOS_TAGS[tokens.pos[obj]!]}`);
    out.push(`obj-lemma=${nounValue(view, obj)}`);
    out.push(`lemma|obj-pos=${lemma}|${UPOS_TAGS[tokens.pos[obj]!]}`);
  }
  // Who the subject is: "officials", "he", a name; an organisation or person speaks, "the bill" does not.
  const s = arcs.subjectHead;
  if (s !== undefined) {
    const sw = word(view, s);
    out.push(`subj-pos=${UPOS_TAGS[tokens.pos[s]!]}`, `subj-inherited=${arcs.isSubjectInherited ? 1 : 0}`);
    out.push(PRONOUN_SUBJECTS.has(sw) ? `subj-pron=${sw}` : `subj-lemma=${nounValue(view, s)}`);
    out.push(`subj-pos|kind=${UPOS_TAGS[tokens.pos[s]!]}|${kind}`);
  }
  for (const c of view.children[v]!) {
    const rel = depLabel(deps, c);
    if (rel === 'aux' || rel === 'aux:pass') out.push(`aux=${word(view, c)}`);
    if (rel === 'advmod' && /^(?:not|n't|never)$/.test(word(view, c))) out.push('negated');
    if (rel === 'iobj') out.push('has-iobj');
    if (rel === 'obl') out.push(`obl-case=${view.children[c]!.filter((k) => depLabel(deps, k) === 'case').map((k) => word(view, k)).join('_') || 'none'}`);
  }
  const next = neighbour(view, v + 1);
  out.push(`prev=${neighbour(view, v - 1)}`, `next=${next}`, `next|lemma=${next}|${lemma}`);
  return out;
}

/** The probability that the candidate with these features is an attribution cue. */
export function scoreCue(model: CueModel, features: readonly string[]): number {
  let z = model.bias;
  for (const f of features) z += model.weights[f] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/** Training settings: L2 strength, passes, learning rate, minimum count of a feature, threshold, shuffle seed. */
export interface CueTrainSettings {
  readonly l2: number;
  readonly epochs: number;
  readonly rate: number;
  readonly minCount: number;
  readonly threshold: number;
  readonly seed: number;
}

/**
 * Trains the cue model by stochastic gradient descent on the log loss with L2 (weights decayed lazily per update),
 * in a seeded shuffle order. Features seen fewer than `minCount` times are dropped; weights are rounded to 4 decimals
 * so the file is stable across runs.
 */
export function trainCueModel(examples: readonly { features: readonly string[]; isCue: boolean }[], settings: CueTrainSettings): CueModel {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of new Set(e.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const kept = (f: string): boolean => (counts.get(f) ?? 0) >= settings.minCount;
  const data = examples.map((e) => ({ features: [...new Set(e.features)].filter(kept), y: e.isCue ? 1 : 0 }));
  const w = new Map<string, number>();
  let bias = 0;
  const random = seededRandom(settings.seed);
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    shuffleInPlace(order, random);
    const rate = settings.rate / (1 + epoch);
    for (const k of order) {
      const { features, y } = data[k]!;
      let z = bias;
      for (const f of features) z += w.get(f) ?? 0;
      const g = 1 / (1 + Math.exp(-z)) - y;
      bias -= rate * g;
      for (const f of features) {
        const old = w.get(f) ?? 0;
        w.set(f, old - rate * (g + settings.l2 * old));
      }
    }
  }
  const weights: Record<string, number> = {};
  for (const f of [...w.keys()].sort()) {
    const value = Math.round(w.get(f)! * 1e4) / 1e4;
    if (value !== 0) weights[f] = value;
  }
  return { version: 1, bias: Math.round(bias * 1e4) / 1e4, threshold: settings.threshold, weights };
}
