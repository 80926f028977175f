/**
 * Event modality from the words around a trigger: negated > hypothetical > planned > ongoing > asserted.
 * Used by the coder for every coded event, and exported so `npm run eval:factuality` can score the same rules on
 * every gold verb, coded or not.
 */
import type { Upos } from '../model/index.js';

/** What the rules read of a token; the coder's CoderToken is one. */
export interface ModalityToken {
  readonly text: string;
  readonly lemma: string;
  readonly pos: Upos;
}

/** How the text presents an event (mirrors model Modality). */
export type CodedModality = 'asserted' | 'planned' | 'hypothetical' | 'negated' | 'ongoing';

/** Where the trigger is, beyond its first token. Token indexes into the same sentence array. */
export interface ModalityOptions {
  /** The trigger's head token (the verb of "shot down"); default its first token. */
  readonly head?: number;
  /** End of the event's subject phrase: the backward walk does not go past it. Default: no subject known. */
  readonly subjectEnd?: number;
}

/** "be" and "get" forms: the passive and progressive auxiliaries. */
export const BE_FORMS: ReadonlySet<string> = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', "'s", "'re", 'am', 'get', 'got', 'gets', 'gotten']);
/** Words that negate the verb after them. */
export const NEGATION: ReadonlySet<string> = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'without']);
const FUTURE = new Set(['will', "'ll", 'shall', 'wo']);
const MODAL_HYPOTHETICAL = new Set(['could', 'might', 'may', 'would', 'should', "'d", 'can', 'ca']);
/** Lemmas whose "to"-infinitive is planned: "plans to send", "is ready to attack". */
const PLAN_VERBS = new Set(['plan', 'intend', 'aim', 'prepare', 'vow', 'pledge', 'promise', 'agree', 'decide', 'want', 'seek', 'hope', 'schedule', 'set', 'threaten', 'move', 'mean', 'propose', 'offer', 'ready', 'willing', 'prepared', 'determined', 'poised']);
const REPORT_VERBS = new Set(['say', 'announce', 'declare', 'state', 'confirm', 'tell', 'add', 'warn', 'insist', 'indicate', 'report', 'promise', 'pledge']);
const HYPOTHETICAL_CUES = new Set(['if', 'unless', 'whether', 'possibly', 'perhaps', 'maybe']);
const ONGOING_CUES = new Set(['continue', 'keep', 'still']);
/**
 * Words that open another clause: the walk back from the trigger stops there, whatever the tagger called them
 * ("did not say whether he decided to leave or was forced out": "forced" is not negated).
 */
const CLAUSE_WORDS = new Set(['that', 'whether', 'if', 'unless', 'because', 'when', 'while', 'although', 'though', 'after', 'before', 'since', 'until', 'once', 'whereas', 'what', 'which', 'who', 'whom', 'whose', 'where', 'how', 'why']);
/** A subject pronoun starts a new clause: "the aircraft they intend to launch" (the earlier "will" is not theirs). */
const SUBJECT_PRONOUNS = new Set(['i', 'he', 'she', 'we', 'they', 'it', 'you']);
/** Punctuation by its text, since taggers differ on quotes and dashes. */
const CLAUSE_PUNCT = /^[.,;:!?()[\]{}"\u201c\u201d]$/;
/** "not all of their claims were upheld", "not only": the negation is the quantifier's, not the verb's. */
const NOT_QUANTIFIER = new Set(['all', 'only', 'every', 'just']);
/**
 * Words before "to" that let a negation through to the infinitive ("is not going to attack", "not about to",
 * "was not able to land"); after any other verb the negation stays on that verb ("does not attempt to compete").
 */
const NEGATION_CARRIERS = new Set(['going', 'about', 'able', 'be', 'is', 'are', 'was', 'were', 'am', "'s", "'re"]);
/** Hedges before "to" with no "be" needed: "appears to be running", "expects to cut", "is likely to". */
const HEDGE_TO = new Set(['appear', 'appears', 'appeared', 'seem', 'seems', 'seemed', 'expect', 'expects', 'expected', 'expecting', 'likely', 'unlikely']);
/** Hedges before "to" after a "be" form: "are said to be", "is believed to have". */
const HEDGE_PASSIVE_TO = new Set(['said', 'believed', 'thought', 'rumoured', 'rumored', 'alleged', 'understood', 'reputed', 'feared', 'suspected', 'estimated', 'presumed']);
/** Hedges before a "that" clause: "it is expected that … will", "analysts believe that", "it is possible that". */
const HEDGE_THAT = new Set([
  'expected', 'expect', 'expects', 'believed', 'believe', 'believes', 'thought', 'think', 'thinks', 'likely', 'unlikely', 'possible', 'probable',
  'rumoured', 'rumored', 'feared', 'fear', 'fears', 'suspected', 'suspect', 'suspects', 'predicted', 'predict', 'predicts', 'anticipated', 'assumed',
  'presumed', 'speculated', 'appears', 'seems', 'appeared', 'seemed',
]);
/** Finite forms that rule out a headline "NP to VERB". */
const FINITE_WORDS = new Set(['is', 'are', 'was', 'were', 'am', 'has', 'have', 'had', 'does', 'do', 'did', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'should', 'shall']);

/** Lower-case word with straight apostrophes. */
function wordOf(t: ModalityToken | undefined): string {
  return t ? t.text.toLowerCase().replace(/[\u2018\u2019]/g, "'") : '';
}

/** Start of the auxiliary chain before token `t` ("has not been", "will", "is about to"). */
export function auxStart(tokens: readonly ModalityToken[], t: number): number {
  let i = t - 1;
  while (i >= 0) {
    const tok = tokens[i]!;
    const w = wordOf(tok);
    if (tok.pos === 'AUX' || tok.pos === 'PART' || tok.pos === 'ADV' || BE_FORMS.has(w) || NEGATION.has(w) || FUTURE.has(w) || MODAL_HYPOTHETICAL.has(w) || w === 'to' || w === 'about' || w === 'have' || w === 'has' || w === 'had' || w === 'did' || w === 'do' || w === 'does') {
      i--;
      continue;
    }
    break;
  }
  return i + 1;
}

/** A "be" form within the two words before `at` ("are said", "is widely believed"). */
function hasBeBefore(tokens: readonly ModalityToken[], at: number): boolean {
  return [1, 2].some((k) => BE_FORMS.has(wordOf(tokens[at - k])));
}

/** A hedge right before "to" at `i`: "appears to", "expects to", "are said to", "is widely believed to". */
function isHedgeBeforeTo(tokens: readonly ModalityToken[], i: number): boolean {
  const prev = wordOf(tokens[i - 1]);
  return HEDGE_TO.has(prev) || (HEDGE_PASSIVE_TO.has(prev) && hasBeBefore(tokens, i - 1));
}

/** A hedge right before "that" at `i` ("it is expected that", "analysts widely believe that"). */
function isHedgeBeforeThat(tokens: readonly ModalityToken[], i: number): boolean {
  const prev = wordOf(tokens[i - 1]);
  return HEDGE_THAT.has(prev) || (tokens[i - 1]?.pos === 'ADV' && HEDGE_THAT.has(wordOf(tokens[i - 2])));
}

/**
 * A headline "NP to VERB" ("Singapore Airlines to be compensated", "Oil prices to rise"): a sentence with no final
 * stop and no finite auxiliary opens with a short noun phrase, then "to", then only "be"/adverbs before the trigger.
 * Narrow on purpose: a plain "to" is no future cue ("a contract to supply", "the first model to be built"), and "The
 * operation to rescue the pilot was carried out" is no headline. Read by words, since taggers stumble on headlines
 * (one tags "Apple" in "Apple to lower UK iTunes prices" a verb): capitalised words pass whatever their tag; a
 * lower-case -ed word, or an -s word before the head noun ("Apple releases program to limit …"), reads as a verb.
 */
function isHeadlineInfinitive(tokens: readonly ModalityToken[], at: number): boolean {
  let k = at - 1;
  while (k >= 0 && (BE_FORMS.has(wordOf(tokens[k])) || tokens[k]!.pos === 'ADV')) k--;
  if (k < 1 || k > 9 || wordOf(tokens[k]) !== 'to') return false;
  const last = [...tokens].reverse().find((t) => !/^["'\u2019\u201d)]$/.test(t.text));
  if (!last || /^[.!?]$/.test(last.text) || tokens.slice(at + 1).some((t) => FINITE_WORDS.has(wordOf(t)))) return false;
  // "Thanks to rising demand": a preposition, not a subject.
  if (wordOf(tokens[k - 1]) === 'thanks') return false;
  for (let j = 0; j < k; j++) {
    const t = tokens[j]!;
    const w = wordOf(t);
    if (FINITE_WORDS.has(w)) return false;
    if (/^[A-Z0-9]/.test(t.text) || w === "'s" || w === '-' || w === '&') continue;
    if (/ed$/.test(w) || (j < k - 1 && /[^s]s$/.test(w))) return false;
    if (!['NOUN', 'PROPN', 'NUM', 'ADJ', 'DET'].includes(t.pos)) return false;
  }
  return true;
}

/**
 * The modality of the event whose trigger starts at token `at` of one sentence (negated > hypothetical > planned >
 * ongoing > asserted). The cues are read from the words before the trigger back to the start of its clause.
 * @example modalityAt(tokens('Iran has not acknowledged sending troops'), 4) // 'negated'
 */
export function modalityAt(tokens: readonly ModalityToken[], at: number, options: ModalityOptions = {}): CodedModality {
  const head = options.head ?? at;
  const subjectEnd = options.subjectEnd !== undefined && options.subjectEnd <= at ? options.subjectEnd : 0;
  const lemmas = tokens.map((t) => (t.lemma || t.text).toLowerCase());
  const from = Math.max(subjectEnd, at - 10, 0);
  let isNegated = false;
  let isHypothetical = false;
  let isPlanned = false;
  let isOngoing = false;
  // Past "need to", "attempt to": a negation further back belongs to that verb.
  let isPastInfinitive = false;
  for (let i = at - 1; i >= from; i--) {
    const tok = tokens[i]!;
    const w = wordOf(tok);
    if ((tok.pos === 'PUNCT' && w !== '-') || CLAUSE_PUNCT.test(w)) break;
    if (CLAUSE_WORDS.has(w) || tok.pos === 'SCONJ') {
      if (HYPOTHETICAL_CUES.has(w)) isHypothetical = true;
      if (w === 'that' && isHedgeBeforeThat(tokens, i)) isHypothetical = true;
      break;
    }
    if (SUBJECT_PRONOUNS.has(w)) {
      // The clause's opener stands before its subject: "did not say whether he decided …".
      const opener = wordOf(tokens[i - 1]);
      if (HYPOTHETICAL_CUES.has(opener) || (opener === 'that' && isHedgeBeforeThat(tokens, i - 1))) isHypothetical = true;
      break;
    }
    if (NEGATION.has(w)) {
      if (!isPastInfinitive && !(w === 'not' && NOT_QUANTIFIER.has(wordOf(tokens[i + 1])))) isNegated = true;
    } else if (FUTURE.has(w)) isPlanned = true;
    // "would like to thank" is a wish now, not a condition.
    else if ((w === 'would' || w === "'d") && ['like', 'love', 'prefer'].includes(wordOf(tokens[i + 1]))) continue;
    // "said it would allow": future in reported speech; "would" alone is conditional.
    else if ((w === 'would' || w === "'d") && lemmas.slice(0, i).some((l) => REPORT_VERBS.has(l))) isPlanned = true;
    else if (MODAL_HYPOTHETICAL.has(w)) isHypothetical = true;
    else if (w === 'to') {
      const prev = wordOf(tokens[i - 1]);
      if (!NEGATION.has(prev) && !NEGATION_CARRIERS.has(prev)) isPastInfinitive = true;
      if (isHedgeBeforeTo(tokens, i)) isHypothetical = true;
      else if (i > 0 && (PLAN_VERBS.has(lemmas[i - 1]!) || (lemmas[i - 1] === 'about' && BE_FORMS.has(wordOf(tokens[i - 2]))) || (BE_FORMS.has(prev) && prev !== 'been'))) isPlanned = true;
      else if (i > 1 && PLAN_VERBS.has(lemmas[i - 2]!)) isPlanned = true;
    } else if (w === 'going' && wordOf(tokens[i + 1]) === 'to') isPlanned = true;
    else if (ONGOING_CUES.has(lemmas[i]!)) isOngoing = true;
  }
  // "if" / "unless" earlier in the sentence makes the clause conditional.
  for (let i = at - 1; i >= 0; i--) {
    const w = wordOf(tokens[i]);
    if (w === 'if' || w === 'unless') isHypothetical = true;
  }
  if (isHeadlineInfinitive(tokens, at)) isPlanned = true;
  if (wordOf(tokens[head]).endsWith('ing') && head > 0) {
    const prev = wordOf(tokens[auxStart(tokens, head)]);
    const before = wordOf(tokens[head - 1]);
    if (['is', 'are', 'was', 'were', 'am', "'s", "'re"].includes(before) || (prev && ['is', 'are', 'was', 'were'].includes(prev) && !tokens.slice(Math.max(0, at - 3), at).some((t) => wordOf(t) === 'to'))) isOngoing = true;
  }
  if (isNegated) return 'negated';
  if (isHypothetical) return 'hypothetical';
  if (isPlanned) return 'planned';
  if (isOngoing) return 'ongoing';
  return 'asserted';
}
