/**
 * The PosTagger of the default pipeline: UPOS from the averaged perceptron (src/nlp/pos/model.ts), tagged
 * sentence by sentence over our own tokens; lemmas from a lemmatiser passed in, else from the model's lemma
 * rules driven by the UPOS just chosen (src/nlp/pos/lemma.ts), else the lower-cased form.
 */
import { UPOS_TAGS } from '../../model/index.js';
import type { PosTagger, PosTags } from '../pos.js';
import { splitSentences } from '../split-sentences.js';
import type { TokenSpans } from '../tokenize-text.js';
import { lemmatise as lemmatiseByRules } from './lemma.js';
import { tagPosColumns, type PosModel } from './model.js';

/** Lemmas for our tokens of a text. */
export type Lemmatiser = (text: string, tokens: TokenSpans) => readonly string[];

/** A PosTagger over a loaded model; its columns map onto UPOS_TAGS (decodePosModel checks this). */
export function createPerceptronPosTagger(model: PosModel, lemmatise?: Lemmatiser): PosTagger {
  // A fine-tag model ("VERB/VBD") also gives each token its PTB tag, for the parser.
  const fine = model.info.tags.some((tag) => tag.includes('/'));
  const xposOfColumn = model.info.tags.map((tag) => tag.split('/')[1] ?? '_');
  return {
    name: `${model.info.name}@${model.info.version}`,
    tag(text: string, tokens: TokenSpans, isSentenceStart?: Uint8Array): PosTags {
      const n = tokens.length;
      const starts = isSentenceStart ?? splitSentences(text, tokens);
      const pos = new Uint8Array(n);
      const xpos = fine ? new Array<string>(n) : undefined;
      let open = 0;
      for (let i = 1; i <= n; i++) {
        if (i < n && !starts[i]) continue;
        const words = new Array<string>(i - open);
        for (let k = open; k < i; k++) words[k - open] = text.slice(tokens.start[k], tokens.end[k]);
        const columns = tagPosColumns(model, words);
        for (let k = 0; k < columns.length; k++) {
          pos[open + k] = model.upos[columns[k]!]!;
          if (xpos) xpos[open + k] = xposOfColumn[columns[k]!]!;
        }
        open = i;
      }
      let lemmas: readonly string[];
      if (lemmatise) lemmas = lemmatise(text, tokens);
      else {
        const out = new Array<string>(n);
        const rules = model.lemmaRules;
        for (let i = 0; i < n; i++) {
          const word = text.slice(tokens.start[i], tokens.end[i]);
          out[i] = rules ? lemmatiseByRules(rules, word, UPOS_TAGS[pos[i]!] ?? 'X') : word.toLowerCase();
        }
        lemmas = out;
      }
      return { pos, lemmas, ...(xpos ? { xpos } : {}) };
    },
  };
}
