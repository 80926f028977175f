/**
 * Is an event trigger reported as something that happened, read from the dependency tree? A verb can name an
 * event the sentence does not assert: the content of another event ("threatened to [kill]", "urged Ukraine to
 * [investigate]"), a purpose ("trains as a teacher so they can take the day off to [fight] the bill"), a wish or an
 * attempt ("wanted to [raid] a base"), the object of a noun of effort or request ("efforts to [urge] Ukraine"), or a
 * change in a quantity ("the Nikkei [declined] 0.3%"). Pure: works on one sentence tree with sentence-relative heads.
 */
import type { DepLabel } from '../model/index.js';
import type { ArcToken, SentenceDeps } from './arc-roles.js';

/** Why a trigger is not an asserted event of its own. */
export type UnassertedReason = 'content-of-event' | 'purpose' | 'wish-or-attempt' | 'directed' | 'intent-noun' | 'quantity' | 'infinitive';

/** Verbs and adjectives whose to-infinitive names what is wanted or tried, not what happened. */
const WISH_LEMMAS = new Set(['want', 'wish', 'hope', 'try', 'seek', 'attempt', 'aim', 'strive', 'struggle', 'plot', 'scheme', 'eager', 'keen', 'need', 'like', 'love', 'prefer', 'desire', 'intend', 'mean', 'able', 'unable', 'free', 'quick', 'ready', 'willing', 'reluctant', 'unwilling']);
/**
 * Verbs whose object-plus-infinitive is allowed, asked, ordered or expected of someone, not done by them ("a bill
 * to allow teachers to [protest]", "urged all sides to [engage]", "are required to [report]"), whether or not the
 * governing verb is itself coded; what is left to someone ("leaving everyone else to [fight] for scraps") likewise.
 * Factive causatives ("forced them to flee") are not here: that flight happened.
 */
const DIRECTIVE_LEMMAS = new Set(['allow', 'permit', 'enable', 'let', 'authorize', 'authorise', 'urge', 'ask', 'encourage', 'invite', 'tell', 'order', 'instruct', 'direct', 'call', 'persuade', 'convince', 'require', 'expect', 'advise', 'warn', 'beg', 'implore', 'leave']);
/** Nouns whose to-infinitive is intended, asked or possible, not done ("an effort to cut costs", "the request to investigate"). */
const INTENT_NOUNS = new Set(['effort', 'attempt', 'bid', 'request', 'call', 'plan', 'push', 'campaign', 'demand', 'proposal', 'offer', 'threat', 'pledge', 'promise', 'need', 'right', 'ability', 'power', 'chance', 'opportunity', 'way', 'intention', 'desire', 'willingness', 'readiness', 'pressure', 'deadline', 'goal', 'mission', 'strategy', 'warning', 'appeal', 'invitation', 'permission', 'authority', 'mandate', 'drive', 'quest', 'scheme', 'plot', 'idea', 'option', 'temptation', 'urge', 'wish', 'hope', 'motion', 'bill', 'legislation', 'measure', 'order']);
/** Verbs whose that-clause is asked, alleged, denied or feared, not vouched for. */
const NON_FACTIVE_LEMMAS = new Set(['deny', 'reject', 'dismiss', 'dispute', 'accuse', 'allege', 'claim', 'charge', 'warn', 'threaten', 'urge', 'demand', 'ask', 'request', 'call', 'propose', 'suggest', 'fear', 'suspect', 'insist', 'vow', 'pledge', 'promise']);
/** Heads of a phrase that is an amount, not a participant ("0.3%", "$20", "5 percent", "two points"). */
const QUANTITY_LEMMAS = new Set(['%', 'percent', 'per cent', 'percentage', 'point', 'cent', '$', '€', '£', '¥', 'dollar', 'euro', 'pound', 'yen', 'basis']);
const QUANTITY_LABELS = new Set<DepLabel>(['obj', 'obl', 'obl:npmod', 'obl:tmod', 'nmod:npmod']);

function childrenOf(deps: SentenceDeps): number[][] {
  const out: number[][] = deps.head.map(() => []);
  deps.head.forEach((h, i) => {
    if (h >= 0 && h < out.length) out[h]!.push(i);
  });
  return out;
}

/** The to-infinitive marker of verb v: a `mark` child "to", or "to" right before it. */
function hasToMarker(tokens: readonly ArcToken[], deps: SentenceDeps, kids: readonly number[][], v: number): boolean {
  // "to be [deployed]": the marker sits before the auxiliary, which must be a bare infinitive ("admitted to threatening" is no infinitive).
  const before = kids[v]!.filter((k) => k < v && (deps.label[k] === 'aux' || deps.label[k] === 'aux:pass')).sort((a, b) => a - b)[0];
  const at = before ?? v;
  if (tokens[at]!.text.toLowerCase() !== tokens[at]!.lemma.toLowerCase()) return false;
  if (kids[v]!.some((k) => k < v && deps.label[k] === 'mark' && tokens[k]!.text.toLowerCase() === 'to')) return true;
  return at > 0 && tokens[at - 1]!.text.toLowerCase() === 'to' && tokens[at - 1]!.pos === 'PART';
}

/**
 * Why the event whose head token is `head` is not asserted in its sentence, or undefined when it is.
 * `triggerHeads` are the heads of the sentence's other event triggers (an event inside another's complement is that
 * event's content: "threatened to kill" is one THREATEN, "urged X to investigate Y" one REQUEST).
 * @example unassertedReason(tokens, deps, 5, new Set([2])) // 'content-of-event' for "kill" in "He threatened to kill her"
 */
export function unassertedReason(tokens: readonly ArcToken[], deps: SentenceDeps, head: number, triggerHeads: ReadonlySet<number>): UnassertedReason | undefined {
  if (head < 0 || head >= tokens.length || deps.head.length !== tokens.length) return undefined;
  const kids = childrenOf(deps);
  const label = (i: number): DepLabel => deps.label[i] ?? 'dep';
  const isVerb = tokens[head]!.pos === 'VERB' || tokens[head]!.pos === 'AUX';
  if (isVerb && isQuantityChange(tokens, deps, kids, head)) return 'quantity';
  // Climb over coordination: "threatened to assault and [murder]" shares its first conjunct's place in the tree.
  let v = head;
  let infinitiveConjunct = false;
  for (let guard = 0; guard < 4 && label(v) === 'conj' && deps.head[v]! >= 0; guard++) {
    infinitiveConjunct ||= isVerb && hasToMarker(tokens, deps, kids, v);
    v = deps.head[v]!;
  }
  // "had no option but to come out and [surrender]": a to-infinitive the parser conjoined to a finite verb is that
  // verb's complement (what was left, wanted or possible), not a second act.
  if (infinitiveConjunct && (tokens[v]!.pos === 'VERB' || tokens[v]!.pos === 'AUX') && !hasToMarker(tokens, deps, kids, v)) return 'infinitive';
  const rel = label(v);
  const governor = deps.head[v]!;
  if (governor < 0) return undefined;
  // "accused him of [killing]", "threatened to [kill]", "urged Kyiv to [investigate]": the content of another event.
  // A that-clause is content only under a verb that does not vouch for it ("denied that troops fired", not "admitted he took").
  if (triggerHeads.has(governor)) {
    const isContent =
      rel === 'xcomp' ||
      (rel === 'ccomp' && NON_FACTIVE_LEMMAS.has(tokens[governor]!.lemma.toLowerCase())) ||
      (rel === 'advcl' && (hasToMarker(tokens, deps, kids, v) || kids[v]!.some((k) => deps.label[k] === 'mark' && tokens[k]!.lemma.toLowerCase() === 'of')));
    if (isContent) return 'content-of-event';
  }
  if (!isVerb || !hasToMarker(tokens, deps, kids, v)) return undefined;
  const governorLemma = tokens[governor]!.lemma.toLowerCase();
  // "devote money to [win] the election": a purpose clause.
  if (rel === 'advcl') return 'purpose';
  if (rel === 'xcomp' && WISH_LEMMAS.has(governorLemma)) return 'wish-or-attempt';
  if (rel === 'xcomp' && tokens[governor]!.pos === 'VERB' && DIRECTIVE_LEMMAS.has(governorLemma)) return 'directed';
  // Our parser often hangs the infinitive on the object instead: "to allow teachers to [protest]" (acl of teachers).
  const outer = deps.head[governor]!;
  if (rel === 'acl' && label(governor) === 'obj' && outer >= 0 && tokens[outer]!.pos === 'VERB' && DIRECTIVE_LEMMAS.has(tokens[outer]!.lemma.toLowerCase())) return 'directed';
  if ((rel === 'acl' || rel === 'xcomp') && (tokens[governor]!.pos === 'NOUN' || tokens[governor]!.pos === 'PROPN') && INTENT_NOUNS.has(governorLemma)) return 'intent-noun';
  return undefined;
}

/** Prepositions of a measure phrase ("fell by 2%", "rose to $27 billion"); "in 2019" is a time, not an amount. */
const MEASURE_CASES = new Set(['', 'by', 'to', 'from']);

/** "declined 0.3%", "cut 5 percent", "fell two points": a verb whose object or measure is an amount. */
function isQuantityChange(tokens: readonly ArcToken[], deps: SentenceDeps, kids: readonly number[][], v: number): boolean {
  const caseOf = (n: number): string => tokens[kids[n]!.find((k) => deps.label[k] === 'case' && k < n) ?? -1]?.text.toLowerCase() ?? '';
  const measures = kids[v]!.filter((k) => QUANTITY_LABELS.has(deps.label[k]!) && k > v && MEASURE_CASES.has(caseOf(k)) && isAmount(tokens, deps, kids, k));
  if (measures.length === 0) return false;
  // A participant object beside the amount keeps the event ("fined the company $5 million").
  return !kids[v]!.some((k) => (deps.label[k] === 'obj' || deps.label[k] === 'iobj') && !measures.includes(k));
}

/** An amount: a percentage, a sum of money, points; a bare number is not one ("killed 12"). */
function isAmount(tokens: readonly ArcToken[], deps: SentenceDeps, kids: readonly number[][], n: number): boolean {
  const t = tokens[n]!;
  const word = t.text.toLowerCase();
  if (QUANTITY_LEMMAS.has(t.lemma.toLowerCase()) || QUANTITY_LEMMAS.has(word) || /^[$€£¥]|%$/.test(word)) return true;
  // "0.3 %" with the sign as the number's dependent.
  return t.pos === 'NUM' && kids[n]!.some((k) => QUANTITY_LEMMAS.has(tokens[k]!.text.toLowerCase()));
}

/** Nouns of accidents and disasters: "killed in a helicopter crash" names no one who killed. */
const ACCIDENT_NOUNS = new Set(['crash', 'accident', 'collision', 'fire', 'blaze', 'flood', 'flooding', 'storm', 'hurricane', 'typhoon', 'cyclone', 'tornado', 'earthquake', 'quake', 'tsunami', 'avalanche', 'landslide', 'mudslide', 'stampede', 'outbreak', 'disease', 'illness', 'derailment', 'wreck', 'drowning', 'heatwave', 'eruption', 'collapse']);

/**
 * An event verb whose cause is an accident or a disaster ("two soldiers were killed in a helicopter crash"): with
 * no one named who did it, it is no act of anyone's.
 * @example isAccidentAt(tokens, deps, 3) // true for "killed" in "Two soldiers were killed in a crash"
 */
export function isAccidentAt(tokens: readonly ArcToken[], deps: SentenceDeps, head: number): boolean {
  if (head < 0 || head >= tokens.length || deps.head.length !== tokens.length) return false;
  for (let k = 0; k < tokens.length; k++) {
    if (deps.head[k] !== head || !['obl', 'obl:agent', 'advcl', 'nsubj'].includes(deps.label[k]!)) continue;
    if (ACCIDENT_NOUNS.has(tokens[k]!.lemma.toLowerCase())) return true;
  }
  return false;
}

/** Modal auxiliaries: an act under one is conditional, possible, owed or still to come, not reported as done. */
const SCOPE_MODALS = new Set(['would', 'could', 'might', 'may', 'should', 'can', 'must', 'will', 'shall', "'d", "'ll", 'wo', 'ca']);
/** Clause arcs an act shares its governor's modality through: complements, conjuncts, clausal subjects, adverbial clauses. */
const MODAL_ARCS = new Set<DepLabel>(['xcomp', 'conj', 'csubj', 'advcl']);
/** A negation reaches only complements and conjuncts ("did not try to [attack]", "did not [attack] or [kill]"). */
const NEGATION_ARCS = new Set<DepLabel>(['xcomp', 'conj']);
/** Markers of an adverbial clause told as fact whatever the main clause's mood: "could face prison after [killing] …". */
const FACT_MARKERS = new Set(['after', 'before', 'since', 'because', 'as', 'when', 'while', 'following', 'once', 'until', 'for', 'despite', 'although', 'though']);

/**
 * Is the trigger at `head` inside the scope of a modal or a negation on a clause above it: "would have objected to
 * Ukraine [opening] an investigation", "they may decide to [strike]", "did not try to [attack]"? The climb follows
 * clause arcs only, never a noun ("could face charges over the [killing]" keeps the killing), nor a reported,
 * relative or temporal clause ("said he [attacked]", "could face prison after [killing]"). The trigger's own
 * auxiliaries are the coder's modality, read elsewhere.
 * @example isInModalScope(tokens, deps, 9) // true for "opening" in "Volker said he would have objected to Ukraine opening an inquiry"
 */
export function isInModalScope(tokens: readonly ArcToken[], deps: SentenceDeps, head: number): boolean {
  if (head < 0 || head >= tokens.length || deps.head.length !== tokens.length) return false;
  const kids = childrenOf(deps);
  let v = head;
  let negationReaches = true;
  for (let guard = 0; guard < 6; guard++) {
    const rel = deps.label[v]!;
    const governor = deps.head[v]!;
    // "would take a series of measures to oppose it, including [calling] for …": a noun's to-infinitive (its purpose)
    // shares the mood of the verb whose object or subject the noun is.
    if (rel === 'acl' && governor >= 0 && hasToMarker(tokens, deps, kids, v) && ['obj', 'nsubj:pass', 'obl'].includes(deps.label[governor]!) && deps.head[governor]! >= 0) {
      v = deps.head[governor]!;
      negationReaches = false;
      if (kids[v]!.some((k) => deps.label[k] === 'aux' && SCOPE_MODALS.has(tokens[k]!.text.toLowerCase()))) return true;
      continue;
    }
    if (governor < 0 || !MODAL_ARCS.has(rel)) return false;
    if (rel === 'advcl' && kids[v]!.some((k) => deps.label[k] === 'mark' && FACT_MARKERS.has(tokens[k]!.text.toLowerCase()))) return false;
    negationReaches &&= NEGATION_ARCS.has(rel);
    v = governor;
    const scoped = kids[v]!.some((k) => {
      const word = tokens[k]!.text.toLowerCase();
      if (deps.label[k] === 'aux') return SCOPE_MODALS.has(word);
      return negationReaches && deps.label[k] === 'advmod' && (word === 'not' || word === "n't" || word === 'never');
    });
    if (scoped) return true;
  }
  return false;
}

/**
 * Is the trigger at `head` the perfect-tense verb of a relative clause, "the Palestinian Authority, which has
 * [rejected] the administration as a mediator", "the Taliban, who have long [refused] to negotiate": a standing
 * description of a participant, background to the news, not an act the article reports. A relative clause in the
 * simple past ("the attack that killed a guard") may carry the news and is kept.
 * @example isPerfectRelative(tokens, deps, 5) // true for "rejected" in "The group, which has rejected talks, met"
 */
export function isPerfectRelative(tokens: readonly ArcToken[], deps: SentenceDeps, head: number): boolean {
  if (head < 0 || head >= tokens.length || deps.head.length !== tokens.length) return false;
  const kids = childrenOf(deps);
  const isPerfect = kids[head]!.some((k) => (deps.label[k] === 'aux' || deps.label[k] === 'aux:pass') && tokens[k]!.lemma.toLowerCase() === 'have');
  if (!isPerfect) return false;
  let v = head;
  for (let guard = 0; guard < 4 && deps.label[v] === 'conj' && deps.head[v]! >= 0; guard++) v = deps.head[v]!;
  // "the Taliban, who have long [refused] to negotiate": a relative pronoun as subject makes it a relative clause,
  // whatever arc the parser gave it (parataxis, conj).
  return deps.label[v] === 'acl:relcl' || kids[v]!.some((k) => (deps.label[k] === 'nsubj' || deps.label[k] === 'nsubj:pass') && (tokens[k]!.text.toLowerCase() === 'who' || tokens[k]!.text.toLowerCase() === 'which'));
}
