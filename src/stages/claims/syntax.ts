/**
 * Who says what, read from a dependency parse (UD v2 relations): the speaker of a reporting verb is its subject
 * (nsubj; through a relative pronoun to its antecedent; shared by a coordinated or participial verb), what is said is
 * its clausal complement (ccomp), or — for "…, X said" — the clause the verb hangs from (parataxis), or its object;
 * the one told ("told reporters") is the addressee, never the speaker. Pure functions over the deps and tokens layers.
 */
import { depLabel, UPOS_TAGS, type DependencyTable, type Span, type TokenTable } from '../../model/index.js';

/** What the arcs of one reporting verb say. Every span is trimmed of punctuation at both ends. */
export interface SpeechArcs {
  /** The speaker: the subject's whole subtree ("Alan Cole, an economist at the Tax Foundation"). */
  readonly subject?: Span;
  /** The token heading the subject (its head noun or pronoun). */
  readonly subjectHead?: number;
  /** True when the subject is shared with the verb this one hangs from (conj, advcl, xcomp), not the verb's own. */
  readonly isSubjectInherited?: boolean;
  /** What is said: the complement clause (with its "that"), the host clause of a parenthetical, or the object. */
  readonly content?: Span;
  /** The one told or asked: "reporters" in "told reporters", "VOA" in "told VOA". */
  readonly addressee?: Span;
}

/** A parse with the child lists built once. */
export interface ParseView {
  readonly text: string;
  readonly tokens: TokenTable;
  readonly deps: DependencyTable;
  readonly children: readonly (readonly number[])[];
}

/** Builds the view (children lists) of a parse; call once per document. */
export function parseView(text: string, tokens: TokenTable, deps: DependencyTable): ParseView {
  const children: number[][] = Array.from({ length: deps.length }, () => []);
  for (let i = 0; i < deps.length; i++) {
    const h = deps.head[i]!;
    if (h >= 0 && h < deps.length) children[h]!.push(i);
  }
  return { text, tokens, deps, children };
}

/** The token whose characters contain the offset, or -1 (binary search over token starts). */
export function tokenAt(tokens: TokenTable, offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.end[mid]! <= offset) lo = mid + 1;
    else if (tokens.start[mid]! > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}

const RELATIVE_PRONOUNS = new Set(['who', 'that', 'which', 'whom']);
const PUNCT_RE = /^[^\p{L}\p{N}]+$/u;

function childrenWith(view: ParseView, head: number, labels: readonly string[]): number[] {
  return view.children[head]!.filter((c) => labels.includes(depLabel(view.deps, c)));
}

/** Token range [first, last] of the subtree under `root`, leaving out the subtrees under `skip`. */
function subtreeRange(view: ParseView, root: number, skip: ReadonlySet<number> = new Set()): [number, number] {
  let first = root;
  let last = root;
  const stack = [root];
  while (stack.length > 0) {
    const t = stack.pop()!;
    if (t < first) first = t;
    if (t > last) last = t;
    for (const c of view.children[t]!) if (!skip.has(c)) stack.push(c);
  }
  return [first, last];
}

/** The character span of tokens first..last, without punctuation at either end; undefined when nothing is left. */
function spanOf(view: ParseView, first: number, last: number): Span | undefined {
  const word = (i: number): boolean => !PUNCT_RE.test(view.text.slice(view.tokens.start[i], view.tokens.end[i]));
  const isQuote = (i: number): boolean => /^["“”'‘’]+$/u.test(view.text.slice(view.tokens.start[i], view.tokens.end[i]));
  let a = first;
  let b = last;
  while (a <= b && !word(a)) a++;
  while (b >= a && !word(b)) b--;
  if (a > b) return undefined;
  // Quotation marks that open or close the clause belong to it, with the comma before a closing one ("…,”"), as
  // PolNeAR and the quote rules count them.
  if (a - 1 >= first && isQuote(a - 1)) a--;
  let c = b + 1;
  while (c <= last && !word(c) && !isQuote(c)) c++;
  if (c <= last && isQuote(c)) b = c;
  // "Sen. Bernie Sanders (I-Vt.)": a bracket opened inside the span closes inside it.
  const inside = view.text.slice(view.tokens.start[a], view.tokens.end[b]);
  if ((inside.match(/\(/g)?.length ?? 0) > (inside.match(/\)/g)?.length ?? 0)) {
    for (let k = b + 1; k < view.tokens.length && k <= b + 2; k++) {
      if (view.text.slice(view.tokens.start[k], view.tokens.end[k]) === ')') {
        b = k;
        break;
      }
    }
  }
  return { start: view.tokens.start[a]!, end: view.tokens.end[b]! };
}

function lower(view: ParseView, i: number): string {
  return view.text.slice(view.tokens.start[i], view.tokens.end[i]).toLowerCase();
}

/**
 * The subject of verb v: its nsubj; a relative pronoun subject ("officials who said") stands for the noun the clause
 * modifies; a verb with no subject of its own shares the subject of the verb it is coordinated with or hangs from
 * ("criticised the plan and said …", "…, saying …").
 */
function subjectOf(view: ParseView, v: number, depth = 0): number | undefined {
  if (depth > 4) return undefined;
  const own = childrenWith(view, v, ['nsubj', 'nsubj:outer'])[0];
  const head = view.deps.head[v]!;
  const rel = depLabel(view.deps, v);
  // "he was told by John Bolton to …": in the passive the speaker is the agent, the subject the one told.
  const agent = childrenWith(view, v, ['obl:agent'])[0];
  if (own === undefined && agent !== undefined) return agent;
  if (own !== undefined) {
    if (RELATIVE_PRONOUNS.has(lower(view, own)) && (rel === 'acl:relcl' || rel === 'acl') && head >= 0) return head;
    return own;
  }
  if (head < 0) return undefined;
  if (rel === 'conj' || rel === 'advcl' || rel === 'xcomp' || rel === 'acl') return subjectOf(view, head, depth + 1);
  return undefined;
}

/** A time or a sentence adverb set off by a comma before a subject: "Today,", "Last week,", "However,", "Two years ago,". */
const LEADING_ADVERBIAL_PIECE_RE =
  /^(?:(?:on|last|this|next|earlier|later|early|late|that|one)\s+)?(?:today|yesterday|tonight|now|meanwhile|however|also|still|instead|then|since|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|night|week|weekend|month|year)$|^[\p{L}\p{N} ]{1,30}\sago$/iu;

/**
 * The first token of a subject subtree without a leading adverbial piece the parser hung on it ("Today, officials
 * said" → "officials"): the piece runs from `a` to a comma before the head.
 */
function afterLeadingAdverbial(view: ParseView, a: number, head: number): number {
  for (let c = a + 1; c < head; c++) {
    if (view.text.slice(view.tokens.start[c]!, view.tokens.end[c]!) !== ',') continue;
    const piece = view.text.slice(view.tokens.start[a]!, view.tokens.end[c - 1]!);
    return LEADING_ADVERBIAL_PIECE_RE.test(piece) ? c + 1 : a;
  }
  return a;
}

/** The arcs of the reporting verb at token v (its first token for a two-word cue). */
export function speechArcs(view: ParseView, v: number): SpeechArcs {
  const { deps } = view;
  const subj = subjectOf(view, v);
  const relOfVerb = depLabel(deps, v);
  let subject: Span | undefined;
  if (subj !== undefined) {
    // Through a relative pronoun, the antecedent is the noun without the clause that holds the verb ("voters who said").
    // An agent's "by" is not part of the speaker.
    const skip = new Set<number>([v, ...(depLabel(deps, subj) === 'obl:agent' ? childrenWith(view, subj, ['case']) : [])]);
    let [a, b] = subtreeRange(view, subj, skip);
    // "Republican presidential front-runner Donald Trump said": a title the parser hangs on the verb as a second
    // nsubj belongs to the same noun phrase when the two are adjacent.
    const head = deps.head[subj]!;
    if (head >= 0 && depLabel(deps, subj) === 'nsubj') {
      for (const other of childrenWith(view, head, ['nsubj'])) {
        if (other === subj) continue;
        const [c, e] = subtreeRange(view, other, skip);
        if (e + 1 === a || b + 1 === c) [a, b] = [Math.min(a, c), Math.max(b, e)];
      }
    }
    a = afterLeadingAdverbial(view, a, subj);
    subject = spanOf(view, a, b);
  }
  let content: Span | undefined;
  const ccomp = childrenWith(view, v, ['ccomp'])[0];
  const head = deps.head[v]!;
  if (ccomp !== undefined) {
    const [a, b] = subtreeRange(view, ccomp);
    content = spanOf(view, a, b);
  } else if (relOfVerb === 'parataxis' && head >= 0 && head < v) {
    // "The border was closed, a diplomat said": the verb hangs from the clause it reports.
    const [a, b] = subtreeRange(view, head, new Set([v]));
    const [va] = subtreeRange(view, v);
    content = spanOf(view, a, Math.min(b, va - 1));
  } else {
    const obj = childrenWith(view, v, ['obj', 'xcomp'])[0];
    if (obj !== undefined && obj > v) {
      const [a, b] = subtreeRange(view, obj);
      content = spanOf(view, a, b);
    }
  }
  let addressee: Span | undefined;
  const told = childrenWith(view, v, ['iobj'])[0] ?? (ccomp !== undefined ? childrenWith(view, v, ['obj'])[0] : undefined);
  if (told !== undefined) {
    const [a, b] = subtreeRange(view, told);
    addressee = spanOf(view, a, b);
  }
  if (content && subject && content.start <= subject.start && subject.end <= content.end) subject = undefined;
  const isSubjectInherited = subj !== undefined && deps.head[subj] !== v && !(depLabel(deps, v).startsWith('acl') && deps.head[v] === subj);
  return { ...(subject ? { subject, subjectHead: subj, isSubjectInherited } : {}), ...(content ? { content } : {}), ...(addressee ? { addressee } : {}) };
}

const TIME_WORD_RE = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|night|week|weekend|month|year|yesterday|today|tonight|january|february|march|april|may|june|july|august|september|october|november|december)$/;

/**
 * Where a reported content stops because a modifier of the reporting verb itself follows it: a participle clause after
 * a comma ("said X, asserting that …"), a second verb sharing the verb's subject ("said X and pledged …"), or the time
 * of saying ("said X on Thursday night"). Returns the character offset of the first such modifier after the content's
 * start, or undefined. Coordinated clauses with their own subject or "that" stay in the content.
 */
export function verbModifierCut(view: ParseView, v: number, contentStart: number, contentEnd: number): number | undefined {
  const { tokens, deps, text } = view;
  const first = tokenAt(tokens, contentStart);
  if (first < 0 || first <= v) return undefined;
  const word = (i: number): string => text.slice(tokens.start[i], tokens.end[i]).toLowerCase();
  let cut: number | undefined;
  for (const c of view.children[v]!) {
    if (c <= first) continue;
    const rel = depLabel(deps, c);
    const [a, b] = subtreeRange(view, c);
    if (a <= first || tokens.start[a]! >= contentEnd) continue;
    const kids = view.children[c]!;
    const isParticiple = rel === 'advcl' && /ing$/.test(word(c)) && a === c && word(a - 1) === ',';
    // The conjunct opens with its "and"/"but" (after a comma at most): "…, but did not recommend …".
    const opener = word(a) === ',' ? a + 1 : a;
    const isSharedVerb = rel === 'conj' && !kids.some((k) => /^(?:nsubj|nsubj:pass|mark|expl)$/.test(depLabel(deps, k))) && kids.some((k) => depLabel(deps, k) === 'cc' && /^(?:and|but)$/.test(word(k)) && k === opener);
    const isTime = (rel === 'obl' || rel === 'obl:tmod' || rel === 'nmod:tmod') && b === contentEndToken(view, contentEnd) && TIME_WORD_RE.test(word(c));
    if (!isParticiple && !isSharedVerb && !isTime) continue;
    if (cut === undefined || a < cut) cut = a;
  }
  return cut === undefined ? undefined : tokens.start[cut]!;
}

/** The last token ending at or before `end`. */
function contentEndToken(view: ParseView, end: number): number {
  let t = tokenAt(view.tokens, Math.max(0, end - 1));
  while (t > 0 && PUNCT_RE.test(view.text.slice(view.tokens.start[t], view.tokens.end[t]))) t--;
  return t;
}

const ADJ_TAG = UPOS_TAGS.indexOf('ADJ');
const NOUN_TAG = UPOS_TAGS.indexOf('NOUN');
const PROPN_TAG = UPOS_TAGS.indexOf('PROPN');
const NUM_TAG = UPOS_TAGS.indexOf('NUM');
const DET_TAG = UPOS_TAGS.indexOf('DET');
const PUNCT_TAG = UPOS_TAGS.indexOf('PUNCT');
const CCONJ_TAG = UPOS_TAGS.indexOf('CCONJ');
const SCONJ_TAG = UPOS_TAGS.indexOf('SCONJ');
/** Longest run of title words put back before a name. */
const MAX_TITLE_WORDS = 6;

/**
 * A speaker phrase with the title words the parser cut off before it: "Republican presidential candidate Donald Trump
 * said" is often parsed with "candidate" hanging elsewhere and "Donald Trump" alone as the subject; "Cruz constituent
 * Dan Golvach", "17-year-old Jared Potts", "former President Bill Clinton". The run must be adjectives, nouns, names or
 * numbers written without punctuation up to the name, must hold a lower-case word (a title, not another name), must
 * open the clause (sentence start, punctuation or a conjunction before it) and must name no time ("Last week Trump
 * said" keeps "Trump"). A leading article comes along ("the Rev."). Returns the span unchanged when nothing applies.
 */
export function withTitleWords(view: ParseView, span: Span, floor: number): Span {
  const { tokens, text } = view;
  const first = tokenAt(tokens, span.start);
  if (first <= 0 || tokens.start[first] !== span.start) return span;
  const isTitleTag = (i: number): boolean => [ADJ_TAG, NOUN_TAG, PROPN_TAG, NUM_TAG].includes(tokens.pos[i]!);
  let k = first - 1;
  let hasLowerWord = false;
  while (k >= 0 && first - k <= MAX_TITLE_WORDS && tokens.start[k]! >= floor && isTitleTag(k) && /^\s+$/.test(text.slice(tokens.end[k], tokens.start[k + 1]))) {
    const w = text.slice(tokens.start[k], tokens.end[k]);
    if (TIME_WORD_RE.test(w.toLowerCase()) || /^(?:last|next|this|earlier|later|\d{4})$/i.test(w) || /['’]s$/.test(w)) return span;
    if (/^\p{Ll}/u.test(w)) hasLowerWord = true;
    k--;
  }
  if (k === first - 1 || !hasLowerWord) return span;
  // A leading article comes along: "the Rev.", "A top strategist".
  if (k >= 0 && tokens.start[k]! >= floor && tokens.pos[k] === DET_TAG && /^(?:the|a|an)$/i.test(text.slice(tokens.start[k], tokens.end[k]))) k--;
  const opensClause = k < 0 || tokens.end[k]! <= floor || [PUNCT_TAG, CCONJ_TAG, SCONJ_TAG].includes(tokens.pos[k]!);
  if (!opensClause) return span;
  return { start: tokens.start[k + 1]!, end: span.end };
}

/**
 * True when the verb at token v takes a noun-phrase object and no clause ("Back when he wrote his book, …", "tell more
 * jokes"): a verb whose lexicon frames have no noun phrase then reports nothing here. An "object" followed at once by a
 * verb is the subject of a complement clause the parser cut short ("says an internal review shows …"), not an object.
 */
export function hasObjectOnly(view: ParseView, v: number): boolean {
  if (childrenWith(view, v, ['ccomp', 'parataxis', 'xcomp']).length > 0) return false;
  const obj = childrenWith(view, v, ['obj']).find((c) => c > v);
  if (obj === undefined) return false;
  // Look for a verb after the object within the same stretch of words (before punctuation, a relative pronoun or a
  // coordinator): "say Mrs. Clinton's statistical advantage obscures …" is a clause whatever arcs the parser drew.
  for (let t = obj; t < view.tokens.length; t++) {
    const word = lower(view, t);
    if (PUNCT_RE.test(word) || RELATIVE_PRONOUNS.has(word) || word === 'and' || word === 'or' || word === 'but') return true;
    const pos = UPOS_TAGS[view.tokens.pos[t]!];
    if (pos === 'VERB' || pos === 'AUX') return false;
  }
  return true;
}
