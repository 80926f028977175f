/**
 * Search snippets built in JavaScript from an article body and the words searched for, the way FTS5's snippet()
 * picks them (the window of 16 words holding the most distinct terms, then the most hits). SQLite can only build
 * a snippet for one row by re-running the query restricted to that row, which walks the term's whole list up to
 * it (a millisecond per hit on common words, most of a search's time); reading the body and marking it here costs
 * a few microseconds. Words are compared as the index compares them: letters and digits, case and diacritics folded.
 */
import { fromMarkedSnippet, HIT_END, HIT_START, type SnippetPassage } from './snippet.js';
import type { SearchHit } from './store.js';

/** A searched word or phrase, folded, with whether its last word is a prefix (word*). */
export interface SnippetTerm {
  readonly words: readonly string[];
  readonly isPrefix: boolean;
}

/** Words of a snippet window, as FTS5's snippet(…, 16). */
export const SNIPPET_WORDS = 16;

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower case without diacritics: "Kyïv" → "kyiv" (as the index's remove_diacritics). */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The terms of a search as the user typed it (see toFtsQuery): words, "phrases" and prefix*; AND/OR are
 * operators, and a term after NOT is excluded, so it is never marked.
 * @example snippetTerms('"power stations" electric* NOT convoy') // [{words:['power','stations'],isPrefix:false},{words:['electric'],isPrefix:true}]
 */
export function snippetTerms(input: string): SnippetTerm[] {
  const terms: SnippetTerm[] = [];
  let isNegated = false;
  const re = /"([^"]+)"|(\S+)/g;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    const raw = m[1] ?? m[2]!;
    if (!m[1] && /^(AND|OR|NOT)$/.test(raw)) {
      isNegated = raw === 'NOT';
      continue;
    }
    const words = (raw.match(WORD) ?? []).map(foldWord);
    if (words.length && !isNegated) terms.push({ words, isPrefix: !m[1] && raw.endsWith('*') });
    isNegated = false;
  }
  return terms;
}

/**
 * The passage of `body` to show for a hit: the SNIPPET_WORDS-word window with the most distinct terms (then the
 * most hits, then the earliest), with the matching words marked by offset, and "…" where the body was cut. A body
 * where no term matches (a title-only hit) gives its opening.
 */
export function textSnippet(body: string, terms: readonly SnippetTerm[], windowWords = SNIPPET_WORDS): { passage: SnippetPassage; bracketed: string } {
  const tokens: { start: number; end: number; folded: string }[] = [];
  for (const m of body.matchAll(WORD)) tokens.push({ start: m.index, end: m.index + m[0].length, folded: foldWord(m[0]) });
  if (!tokens.length) return fromMarkedSnippet('');
  // Hits: [first token, last token, term index].
  const hits: [number, number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    terms.forEach((term, t) => {
      const last = term.words.length - 1;
      if (i + last >= tokens.length) return;
      for (let k = 0; k <= last; k++) {
        const token = tokens[i + k]!.folded;
        const word = term.words[k]!;
        if (k === last && term.isPrefix ? !token.startsWith(word) : token !== word) return;
      }
      hits.push([i, i + last, t]);
    });
  }
  const size = Math.min(windowWords, tokens.length);
  let best = { from: 0, score: -1 };
  // Windows start at each hit (or at the opening when there is none); the first best one wins.
  for (const from of hits.length ? [...new Set(hits.map(([first]) => Math.max(0, Math.min(first - 2, tokens.length - size))))] : [0]) {
    const inside = hits.filter(([first, lastToken]) => first >= from && lastToken < from + size);
    const score = new Set(inside.map(([, , t]) => t)).size * 1000 + inside.length;
    if (score > best.score || (score === best.score && from < best.from)) best = { from, score };
  }
  const lastIndex = best.from + size - 1;
  const start = tokens[best.from]!.start;
  // The last window keeps the body's closing punctuation; an inner one stops at its last word.
  const end = lastIndex === tokens.length - 1 ? body.trimEnd().length : tokens[lastIndex]!.end;
  let marked = best.from > 0 ? '…' : '';
  let at = start;
  for (const [first, lastToken] of hits) {
    if (first < best.from || lastToken > lastIndex) continue;
    const hitStart = tokens[first]!.start;
    if (hitStart < at) continue;
    marked += `${body.slice(at, hitStart)}${HIT_START}${body.slice(hitStart, tokens[lastToken]!.end)}${HIT_END}`;
    at = tokens[lastToken]!.end;
  }
  marked += body.slice(at, end) + (lastIndex < tokens.length - 1 ? '…' : '');
  return fromMarkedSnippet(marked);
}

/**
 * An articles row of a word search (id, title, outlet, published_at, and `body` unless snippets were not wanted) as
 * a hit with `score`, its snippet cut from the body: one shape for both adapters.
 */
export function searchHitOf(row: Readonly<Record<string, unknown>>, terms: readonly SnippetTerm[], score: number): SearchHit {
  const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
  const { passage, bracketed } = row['body'] === undefined ? { passage: { text: '', hits: [] }, bracketed: '' } : textSnippet(String(row['body']), terms);
  return { id: String(row['id']), title: text(row['title']), outlet: text(row['outlet']), publishedAt: text(row['published_at']), snippet: bracketed, passage, score };
}
