/** Hand-built dependency trees for the unit tests of the arc-based event rules (src/events). */
import type { DepLabel, Upos } from '../../src/model/index.js';
import type { ArcToken, SentenceDeps } from '../../src/events/arc-roles.js';

/**
 * A tree from "word/UPOS/head/relation[/lemma]" items, heads 1-based as in CoNLL-U (0 = root); the lemma is the
 * lower-cased word unless a fifth field gives it.
 */
export function arcTree(spec: string): { tokens: ArcToken[]; deps: SentenceDeps; words: string[] } {
  const tokens: ArcToken[] = [];
  const head: number[] = [];
  const label: DepLabel[] = [];
  for (const item of spec.split(' ')) {
    const [text, pos, h, rel, lemma] = item.split('/') as [string, Upos, string, DepLabel, string | undefined];
    tokens.push({ text, pos, lemma: lemma ?? text.toLowerCase() });
    head.push(Number(h) - 1);
    label.push(rel);
  }
  return { tokens, deps: { head, label }, words: tokens.map((t) => t.text) };
}
