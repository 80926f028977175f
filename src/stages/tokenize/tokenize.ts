/**
 * The `tokenize` stage: the article body → the token table (character offsets, UPOS, lemmas, flags).
 * Tokens follow CoNLL/PTB conventions with news fixes ("Maj. Gen.", "U.S.", "Nov. 17", initials, clitics);
 * the sentence-start flag is set here from the rule splitter, and the `sentences` stage reads it.
 */
import { DossierError, TOKEN_FLAG_SENTENCE_START, TOKEN_FLAG_SPACE_AFTER, type Doc, type TokenTable } from '../../model/index.js';
import { defineStage, type Stage, type StageContext } from '../../pipeline/stage.js';
import { POS_TAGGER_RESOURCE, type PosTagger } from '../../nlp/pos.js';
import { splitSentences } from '../../nlp/split-sentences.js';
import { tokenizeText } from '../../nlp/tokenize-text.js';

/** Bump when token boundaries, tags or flags change (3: UPOS and lemmas from the perceptron model trained on UD EWT, issue 4; 4: pos-en v2 with richer affixes and word clusters; 5: a stop with no space between a lower-case word and a capitalised one ends a word, "physician.Police"). */
export const TOKENIZE_VERSION = 5;

/** Tokenizes `text` and tags it with `tagger`: the pure core of the stage. */
export function tokenizeDoc(text: string, tagger: PosTagger): TokenTable {
  const spans = tokenizeText(text);
  const n = spans.length;
  const isStart = splitSentences(text, spans);
  const tagged = tagger.tag(text, spans, isStart);
  const flags = new Uint8Array(n);
  const lemma = new Uint32Array(n);
  const lemmas: string[] = [];
  const lemmaIndex = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const end = spans.end[i] ?? 0;
    const isSpaceAfter = end < text.length && /\s/u.test(text.charAt(end));
    flags[i] = (isSpaceAfter ? TOKEN_FLAG_SPACE_AFTER : 0) | (isStart[i] ? TOKEN_FLAG_SENTENCE_START : 0);
    const key = tagged.lemmas[i] ?? '';
    let index = lemmaIndex.get(key);
    if (index === undefined) {
      index = lemmas.length;
      lemmas.push(key);
      lemmaIndex.set(key, index);
    }
    lemma[i] = index;
  }
  return { length: n, start: spans.start, end: spans.end, pos: tagged.pos, flags, lemma, lemmas, ...(tagged.xpos ? { xpos: tagged.xpos } : {}) };
}

/** Creates the tokenize stage; it reads the POS tagger from ctx.resources (key "nlp.pos"). */
export function createTokenize(): Stage<'tokens'> {
  return defineStage({
    name: 'tokenize',
    version: TOKENIZE_VERSION,
    requires: [],
    assigns: 'tokens',
    run(doc: Doc, ctx: StageContext): TokenTable {
      if (!ctx.resources.has(POS_TAGGER_RESOURCE)) {
        throw new DossierError('E_RESOURCE_MISSING', `tokenize needs the POS tagger in resources["${POS_TAGGER_RESOURCE}"] (see loadDefaultResources)`);
      }
      return tokenizeDoc(doc.text, ctx.resources.get<PosTagger>(POS_TAGGER_RESOURCE));
    },
  });
}
