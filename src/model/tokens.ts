/**
 * Tokens as typed-array columns, not one object per token (a news article has thousands,
 * a corpus millions). A token is an index i into every column.
 *
 * Layout per token i:
 *   start[i], end[i]  character offsets into Doc.text (half-open)
 *   pos[i]            index into UPOS_TAGS
 *   flags[i]          bit 0: token is followed by whitespace; bit 1: sentence start
 *   lemma[i]          index into lemmas (interned strings)
 */
export const UPOS_TAGS = [
  'X', 'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB',
] as const;
export type Upos = (typeof UPOS_TAGS)[number];

export const TOKEN_FLAG_SPACE_AFTER = 1;
export const TOKEN_FLAG_SENTENCE_START = 2;

export interface TokenTable {
  readonly length: number;
  readonly start: Uint32Array;
  readonly end: Uint32Array;
  readonly pos: Uint8Array;
  readonly flags: Uint8Array;
  readonly lemma: Uint32Array;
  /** Interned lemma strings; lemma[i] indexes here. */
  readonly lemmas: readonly string[];
  /** PTB tag of each token ("VBD", "VBN": UD EWT's XPOS), when the tagger predicts them; the parser reads them. */
  readonly xpos?: readonly string[];
}

/** Builds a TokenTable from plain arrays (tests and small inputs). */
export function makeTokenTable(rows: readonly { start: number; end: number; pos?: Upos; lemma?: string; flags?: number }[]): TokenTable {
  const n = rows.length;
  const start = new Uint32Array(n);
  const end = new Uint32Array(n);
  const pos = new Uint8Array(n);
  const flags = new Uint8Array(n);
  const lemma = new Uint32Array(n);
  const lemmas: string[] = [];
  const lemmaIndex = new Map<string, number>();
  rows.forEach((row, i) => {
    start[i] = row.start;
    end[i] = row.end;
    pos[i] = row.pos ? UPOS_TAGS.indexOf(row.pos) : 0;
    flags[i] = row.flags ?? 0;
    const key = row.lemma ?? '';
    let li = lemmaIndex.get(key);
    if (li === undefined) {
      li = lemmas.length;
      lemmas.push(key);
      lemmaIndex.set(key, li);
    }
    lemma[i] = li;
  });
  return { length: n, start, end, pos, flags, lemma, lemmas };
}

/** The surface text of token i. */
export function tokenText(text: string, tokens: TokenTable, i: number): string {
  return text.slice(tokens.start[i], tokens.end[i]);
}

/** The UPOS tag of token i. */
export function tokenPos(tokens: TokenTable, i: number): Upos {
  return UPOS_TAGS[tokens.pos[i] ?? 0] ?? 'X';
}
