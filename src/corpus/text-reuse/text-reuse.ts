/**
 * Passage-level text reuse between two articles: a rewrite or cut copy of a story (a new lead, fewer paragraphs)
 * is no near-duplicate of it, yet its sentences are the original's. Two articles are linked when at least
 * three of their sentences are reused word for word *outside quotation marks*; within a linked pair, a reworded
 * sentence (most of its word triples kept) is aligned with its original too. Quoted words never link two
 * articles: two outlets quoting one official statement share its words, not each other's text.
 */
import { shingleWords } from '../near-duplicates/index.js';
import { fnv1aOfWords } from '../../nlp/fnv1a.js';

/** A character range of an article's text. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/** A sentence of one article aligned with the sentence of the other that it reuses (or that reuses it). */
export interface ReusedPassage {
  readonly span: TextSpan;
  readonly otherSpan: TextSpan;
}

/** Text reuse seen from one article of a linked pair. */
export interface TextReuse {
  readonly articleId: string;
  readonly otherId: string;
  /** True when this article is the copy: more of its own text is found in the other than the other way round. */
  readonly isCopy: boolean;
  readonly passages: readonly ReusedPassage[];
}

/** Words per shingle for verbatim reuse: five words in a row are rarely shared by chance. */
const SHINGLE_WORDS = 5;
/** Words per shingle for retrieval keys: longer, so stock phrases ("said in a statement on") key nothing. */
const KEY_WORDS = 8;
/** One key in KEY_SAMPLING shingles is kept (by hash): a shared run of ~40 words shares about five keys. */
const KEY_SAMPLING = 8;
/** Keys stored per article at most (a 2,000-word text has about 250). */
const MAX_KEYS = 256;
/** Unquoted words a sentence needs to count as reused text: "Police are investigating." is a stock line. */
const MIN_SENTENCE_WORDS = 8;
/** Share of a sentence's unquoted shingles found in the other article for the sentence to be reused verbatim. */
const VERBATIM_SHARE = 0.6;
/** Verbatim sentences two articles must share (with MIN_LINK_WORDS words) to be linked at all. */
const MIN_VERBATIM_SENTENCES = 3;
const MIN_LINK_WORDS = 40;
/** Share of word triples two sentences of a linked pair must share to be one sentence reworded. */
const REWORDED_SHARE = 0.5;
/** Sentences a reworded one may sit from a verbatim reused pair, on both sides. */
const REWORDED_REACH = 2;

interface Sentence {
  readonly span: TextSpan;
  /** Words outside quotation marks, normalised as near-duplicate shingles are. */
  readonly unquoted: readonly string[];
  /** Every word, quoted or not. */
  readonly words: readonly string[];
}

/** Hashes of a sentence's word triples (all words): how a reworded sentence is recognised. Read only inside a link. */
const TRIPLES = new WeakMap<Sentence, ReadonlySet<number>>();
function triplesOf(sentence: Sentence): ReadonlySet<number> {
  let triples = TRIPLES.get(sentence);
  if (!triples) TRIPLES.set(sentence, (triples = new Set(shingles(sentence.words, 3))));
  return triples;
}

/** Sentence ends: a full stop, question or exclamation mark (and a closing quote) before a space and a capital or quote. */
const SENTENCE_END = /[.!?]["”’')]*\s+(?=["“‘'(]?[\p{Lu}\p{N}])/gu;
const OPENING_QUOTES = /["“”]/g;
/** Titles and abbreviations whose full stop ends no sentence: "according to Dr. Samer Aboud". */
const ABBREVIATION = /(?:^|[\s(])(?:Dr|Mr|Mrs|Ms|Prof|Gen|Brig|Col|Lt|Maj|Capt|Sgt|Cpl|Adm|Gov|Sen|Rep|Rev|St|Jr|Sr|No|Mt|Ft|U\.S|U\.N|[A-Z])\.$/;

/**
 * The sentences of a text with their unquoted words. Quotation marks open and close in turn within a paragraph
 * (news style opens each paragraph of a long quotation anew), so a paragraph break ends any open quotation.
 */
function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraphStart = 0;
  for (const paragraph of text.split(/\n/)) {
    const base = paragraphStart;
    paragraphStart += paragraph.length + 1;
    // Unquoted text: quoted stretches blanked out, offsets kept.
    let inQuote = false;
    let last = 0;
    let unquotedText = '';
    for (const m of paragraph.matchAll(OPENING_QUOTES)) {
      const at = m.index;
      const isOpen = m[0] === '“' || (m[0] === '"' && !inQuote);
      const isClose = m[0] === '”' || (m[0] === '"' && inQuote);
      if (isOpen && !inQuote) {
        unquotedText += paragraph.slice(last, at);
        inQuote = true;
        last = at;
      } else if (isClose && inQuote) {
        unquotedText += ' '.repeat(at + 1 - last);
        inQuote = false;
        last = at + 1;
      }
    }
    unquotedText += inQuote ? ' '.repeat(paragraph.length - last) : paragraph.slice(last);
    let start = 0;
    const ends = [...paragraph.matchAll(SENTENCE_END)].map((m) => m.index + m[0].trimEnd().length)
      .filter((end) => !ABBREVIATION.test(paragraph.slice(Math.max(0, end - 6), end)));
    for (const end of [...ends, paragraph.length]) {
      if (end <= start) continue;
      const words = shingleWords(paragraph.slice(start, end));
      if (words.length) out.push({ span: { start: base + start, end: base + end }, unquoted: shingleWords(unquotedText.slice(start, end)), words });
      start = end;
      while (start < paragraph.length && /\s/.test(paragraph[start]!)) start++;
    }
  }
  return out;
}

function shingles(words: readonly string[], size: number): number[] {
  const out: number[] = [];
  for (let i = 0; i + size <= words.length; i++) out.push(fnv1aOfWords(words, i, size));
  return out;
}

/**
 * Retrieval keys of an article: a sample of the hashes of its unquoted word 8-shingles (one in eight, chosen by
 * hash, so two articles sharing a passage keep the same keys of it; at most 256). Two articles sharing a few sentences share
 * several keys; quotations and short stock lines give none.
 */
export function passageKeys(text: string): number[] {
  const keys = new Set<number>();
  for (const s of sentencesOf(text)) for (const h of shingles(s.unquoted, KEY_WORDS)) if (h % KEY_SAMPLING === 0) keys.add(h);
  // The smallest hashes of a very long text: a passage it shares with a shorter one keeps most of its keys.
  return [...keys].sort((a, b) => a - b).slice(0, MAX_KEYS);
}

interface Side {
  readonly sentences: readonly Sentence[];
  /** Unquoted shingle → the sentences holding it. */
  readonly index: ReadonlyMap<number, readonly number[]>;
  readonly unquotedShingles: number;
}

/**
 * The sides read lately, by text (least recently used dropped first): a new article is aligned with each of its
 * candidates in turn, and the same few stored articles come up as candidates again and again.
 */
const recentSides = new Map<string, Side>();
const RECENT_SIDES = 16;

function sideOf(text: string): Side {
  const known = recentSides.get(text);
  if (known) {
    recentSides.delete(text);
    recentSides.set(text, known);
    return known;
  }
  const sentences = sentencesOf(text);
  const index = new Map<number, number[]>();
  let count = 0;
  sentences.forEach((s, i) => {
    for (const h of new Set(shingles(s.unquoted, SHINGLE_WORDS))) {
      const at = index.get(h);
      if (at) at.push(i);
      else index.set(h, [i]);
      count++;
    }
  });
  const side = { sentences, index, unquotedShingles: count };
  recentSides.set(text, side);
  if (recentSides.size > RECENT_SIDES) recentSides.delete(recentSides.keys().next().value!);
  return side;
}

/** Sentences of `from` reused verbatim in `to`: [sentence of from, sentence of to], and how many shingles of `from` `to` holds. */
function verbatim(from: Side, to: Side): { pairs: [number, number][]; words: number; found: number } {
  const pairs: [number, number][] = [];
  let words = 0;
  let found = 0;
  from.sentences.forEach((s, i) => {
    const own = [...new Set(shingles(s.unquoted, SHINGLE_WORDS))];
    const votes = new Map<number, number>();
    let hits = 0;
    for (const h of own) {
      const at = to.index.get(h);
      if (!at) continue;
      hits++;
      for (const j of new Set(at)) votes.set(j, (votes.get(j) ?? 0) + 1);
    }
    found += hits;
    if (s.unquoted.length < MIN_SENTENCE_WORDS || hits < VERBATIM_SHARE * own.length) return;
    // The sentence of `to` holding most of its shingles (the first among equals).
    const [best] = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    pairs.push([i, best![0]]);
    words += s.unquoted.length;
  });
  return { pairs, words, found };
}

/** Share of the smaller sentence's word triples the two share. */
function rewordedShare(a: Sentence, b: Sentence): number {
  const [ta, tb] = [triplesOf(a), triplesOf(b)];
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const h of ta) if (tb.has(h)) shared++;
  return shared / Math.min(ta.size, tb.size);
}

/**
 * The text reuse between two articles, seen from each (`[fromA, fromB]`), or undefined when they share fewer than
 * three unquoted sentences. Symmetric: swapping the arguments swaps the answer, so the links stored do not depend
 * on which article arrived first.
 * @example alignReuse({ id: 'wire', text: wireStory }, { id: 'rewrite', text: rewrite })?.[1].isCopy // true
 */
export function alignReuse(a: { id: string; text: string }, b: { id: string; text: string }): [TextReuse, TextReuse] | undefined {
  const sa = sideOf(a.text);
  const sb = sideOf(b.text);
  const ab = verbatim(sa, sb);
  const ba = verbatim(sb, sa);
  const sentences = Math.max(ab.pairs.length, ba.pairs.length);
  if (sentences < MIN_VERBATIM_SENTENCES || Math.max(ab.words, ba.words) < MIN_LINK_WORDS) return undefined;
  const pairs = new Map<string, [number, number]>();
  for (const [i, j] of ab.pairs) pairs.set(`${i}:${j}`, [i, j]);
  for (const [j, i] of ba.pairs) pairs.set(`${i}:${j}`, [i, j]);
  // Within a linked pair, a sentence neither side reused verbatim may be the other's reworded ("A strike killed
  // 12" → "12 were killed when a strike …"): best-scoring pairs first, each sentence used once.
  const usedA = new Set([...pairs.values()].map(([i]) => i));
  const usedB = new Set([...pairs.values()].map(([, j]) => j));
  const loose: { i: number; j: number; score: number }[] = [];
  // Only next to reused text: a new lead sits above the paragraphs it copies, while two press releases that end
  // with the same "About us" paragraph share nothing near their leads.
  const verbatimPairs = [...pairs.values()];
  const nearReused = (i: number, j: number) => verbatimPairs.some(([x, y]) => Math.abs(x - i) <= REWORDED_REACH && Math.abs(y - j) <= REWORDED_REACH);
  sa.sentences.forEach((x, i) => {
    if (usedA.has(i) || x.words.length < MIN_SENTENCE_WORDS) return;
    sb.sentences.forEach((y, j) => {
      if (usedB.has(j) || y.words.length < MIN_SENTENCE_WORDS || !nearReused(i, j)) return;
      const score = rewordedShare(x, y);
      if (score >= REWORDED_SHARE) loose.push({ i, j, score });
    });
  });
  loose.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  for (const { i, j } of loose) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    pairs.set(`${i}:${j}`, [i, j]);
  }
  const ordered = [...pairs.values()].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  // The copy is the article more of whose text the other holds (a cut copy lies inside its original).
  const shareA = sa.unquotedShingles ? ab.found / sa.unquotedShingles : 0;
  const shareB = sb.unquotedShingles ? ba.found / sb.unquotedShingles : 0;
  const aIsCopy = shareA > shareB || (shareA === shareB && a.id > b.id);
  return [
    { articleId: a.id, otherId: b.id, isCopy: aIsCopy, passages: ordered.map(([i, j]) => ({ span: sa.sentences[i]!.span, otherSpan: sb.sentences[j]!.span })) },
    { articleId: b.id, otherId: a.id, isCopy: !aIsCopy, passages: ordered.map(([i, j]) => ({ span: sb.sentences[j]!.span, otherSpan: sa.sentences[i]!.span })) },
  ];
}

/** Stored articles a new one is compared with, at most: the ones sharing the most keys. */
export const REUSE_CANDIDATES = 8;
/** Keys two articles must share to be compared. */
export const MIN_SHARED_KEYS = 2;
/** Articles read per key when looking for candidates: a key shared by many articles is a stock passage. */
export const REUSE_ARTICLES_PER_KEY = 16;
