/**
 * Builds a Doc by hand at exactly the layer under test (spaCy's "construct a Doc manually"), so a
 * stage's unit test does not depend on the stages before it.
 */
import { createDoc, makeTokenTable, type ArticleMeta, type Doc, type Layers, type Upos } from '../../src/model/index.js';

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
