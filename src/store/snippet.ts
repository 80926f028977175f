/**
 * Search snippets. Both adapters ask their engine to wrap hits in two private-use characters (which news text
 * does not contain), then turn that into the passage as plain text with hit offsets, so a caller never has to
 * guess whether a "[" came from the article or from the highlighter.
 */

/** Wraps the start of a hit in an engine's snippet (U+E000, private use). */
export const HIT_START = '\uE000';
/** Wraps the end of a hit in an engine's snippet (U+E001, private use). */
export const HIT_END = '\uE001';

/** A snippet passage as plain text, with where its hits are (UTF-16 offsets into `text`). */
export interface SnippetPassage {
  readonly text: string;
  readonly hits: readonly { readonly start: number; readonly end: number }[];
}

/**
 * Reads an engine snippet marked with HIT_START/HIT_END: the plain passage with hit offsets, and the legacy
 * display form with hits in [ and ].
 * @example fromMarkedSnippet('a \uE000rocket\uE001 hit') // { passage: { text: 'a rocket hit', hits: [{ start: 2, end: 8 }] }, bracketed: 'a [rocket] hit' }
 */
export function fromMarkedSnippet(marked: string): { passage: SnippetPassage; bracketed: string } {
  let text = '';
  let bracketed = '';
  const hits: { start: number; end: number }[] = [];
  let openAt: number | undefined;
  for (const ch of marked) {
    if (ch === HIT_START) {
      openAt ??= text.length;
      continue;
    }
    if (ch === HIT_END) {
      if (openAt !== undefined && text.length > openAt) {
        hits.push({ start: openAt, end: text.length });
        bracketed += `[${text.slice(openAt)}]`;
      } else if (openAt !== undefined) bracketed += text.slice(openAt);
      openAt = undefined;
      continue;
    }
    text += ch;
    if (openAt === undefined) bracketed += ch;
  }
  if (openAt !== undefined) bracketed += text.slice(openAt);
  return { passage: { text, hits }, bracketed };
}
