/**
 * Builds a Doc by hand at exactly the layer under test (spaCy's "construct a Doc manually"), so a
 * stage's unit test does not depend on the stages before it.
 */
import { createDoc, makeTokenTable, type ArticleMeta, type Doc, type Layers, type Mention, type MentionType, type Upos } from '../../src/model/index.js';

export interface MakeDocInput {
  readonly text: string;
  readonly meta?: Partial<ArticleMeta>;
  readonly layers?: Partial<Layers>;
}

/** A Doc over `text` with the given layers; meta defaults to a text input in English. */
export function makeDoc(input: MakeDocInput): Doc {
  const doc = createDoc({ text: input.text, meta: { source: 'test', format: 'text', language: 'en', ...input.meta } });
  return { ...doc, layers: { ...input.layers } };
}

/** Whitespace-and-punctuation tokens of a text, for tests that need a tokens layer but not the tokenizer. */
export function naiveTokens(text: string, pos: Upos = 'X'): Layers['tokens'] {
  const rows: { start: number; end: number; pos: Upos }[] = [];
  const re = /\w+(?:['’.-]\w+)*|[^\s\w]/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) rows.push({ start: m.index, end: m.index + m[0].length, pos });
  return makeTokenTable(rows);
}

/** Sentences split at . ! ? followed by a space and a capital (enough for hand-written test text). */
export function naiveSentences(text: string): Layers['sentences'] {
  const out: { start: number; end: number; tokenStart: number; tokenEnd: number }[] = [];
  let start = 0;
  const re = /[.!?]["”’]?(?=\s+["“]?[A-Z])|$/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '.' && /\b(?:Gen|Brig|Maj|Lt|Col|Capt|Mr|Mrs|Ms|Dr|St|Sgt|Adm)$/.test(text.slice(0, m.index))) continue;
    const end = m.index + m[0].length;
    const chunk = text.slice(start, end);
    const lead = chunk.length - chunk.trimStart().length;
    if (chunk.trim()) out.push({ start: start + lead, end, tokenStart: 0, tokenEnd: 0 });
    start = end;
    if (m[0] === '') break;
  }
  return out;
}

/**
 * Mentions for every occurrence of each surface form, longest forms first, never overlapping.
 * @example findMentions(text, [['Qassem Soleimani', 'PER'], ['Soleimani', 'PER']])
 */
export function findMentions(text: string, forms: readonly (readonly [string, MentionType])[]): Mention[] {
  const taken: { start: number; end: number }[] = [];
  const out: Mention[] = [];
  const sorted = [...forms].sort((a, b) => b[0].length - a[0].length);
  for (const [surface, type] of sorted) {
    let from = 0;
    for (let at = text.indexOf(surface, from); at >= 0; at = text.indexOf(surface, from)) {
      from = at + surface.length;
      const end = at + surface.length;
      const isWord = !/\w/.test(text[at - 1] ?? ' ') && !/\w/.test(text[end] ?? ' ');
      if (!isWord || taken.some((t) => at < t.end && end > t.start)) continue;
      taken.push({ start: at, end });
      out.push({ id: '', start: at, end, text: surface, type, tokenStart: 0, tokenEnd: 0, origin: 'ner' });
    }
  }
  return out.sort((a, b) => a.start - b.start).map((m, i) => ({ ...m, id: `m${i + 1}` }));
}
