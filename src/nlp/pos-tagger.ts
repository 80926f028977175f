/**
 * Part of speech and lemmas for our tokens from wink-nlp: the tagger of the pipeline before issue 4, kept for
 * comparison (`npm run eval:pos`, `npm run bench:nlp`); the default pipeline now uses src/nlp/pos/.
 * wink-nlp's English model tags the text (≈ 89 % UPOS on UD EWT, fast), and its tokens are aligned to ours by
 * character offset: "Maj." (ours) takes the tag of wink's "Maj"; a lemma is taken only where both tokenizers
 * agree on the span, else the lower-cased form.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { UPOS_TAGS, type Upos } from '../model/index.js';
import type { PosTagger, PosTags } from './pos.js';
import type { TokenSpans } from './tokenize-text.js';

export { POS_TAGGER_RESOURCE, type PosTagger, type PosTags } from './pos.js';

const UPOS_INDEX = new Map<string, number>(UPOS_TAGS.map((tag, i) => [tag, i]));

/** A POS tagger backed by wink-nlp and wink-eng-lite-web-model (loaded once; ≈ 0.2 s). */
export function createWinkPosTagger(): PosTagger {
  const tagWithWink = createWinkAligner();
  return { name: `wink-eng-lite-web-model`, tag: tagWithWink };
}

/** Runs wink-nlp on the text and aligns its tokens, tags and lemmas to ours by character offset. */
function createWinkAligner(): (text: string, tokens: TokenSpans) => { pos: Uint8Array; lemmas: string[] } {
  const nlp = winkNLP(model);
  const its = nlp.its;
  return (text: string, tokens: TokenSpans) => {
    const doc = nlp.readDoc(text);
    const values = doc.tokens().out() as string[];
    const tags = doc.tokens().out(its.pos) as string[];
    // The typings declare its.lemma with a different signature than out() accepts; it works at run time.
    const winkLemmas = doc.tokens().out(its.lemma as unknown as typeof its.pos) as string[];
    // Locate wink's tokens in the text; wink keeps the original characters of every token.
    const winkStart = new Int32Array(values.length).fill(-1);
    const winkEnd = new Int32Array(values.length);
    let cursor = 0;
    values.forEach((value, k) => {
      const at = text.indexOf(value, cursor);
      if (at < 0 || at - cursor > 64) return;
      winkStart[k] = at;
      winkEnd[k] = at + value.length;
      cursor = at + value.length;
    });
    const pos = new Uint8Array(tokens.length);
    const lemmas: string[] = new Array<string>(tokens.length);
    let k = 0;
    for (let i = 0; i < tokens.length; i++) {
      const start = tokens.start[i] ?? 0;
      const end = tokens.end[i] ?? 0;
      while (k < values.length && (winkStart[k] === -1 || (winkEnd[k] ?? 0) <= start)) k++;
      const surface = text.slice(start, end);
      if (k < values.length && (winkStart[k] ?? 0) < end) {
        pos[i] = UPOS_INDEX.get(tags[k] ?? 'X') ?? 0;
        lemmas[i] = winkStart[k] === start && winkEnd[k] === end ? (winkLemmas[k] ?? surface.toLowerCase()) : surface.toLowerCase();
      } else {
        pos[i] = 0;
        lemmas[i] = surface.toLowerCase();
      }
    }
    return { pos, lemmas };
  };
}

/** The UPOS name of an index, for tests and debugging. */
export function uposName(index: number): Upos {
  return UPOS_TAGS[index] ?? 'X';
}
