/**
 * The `ner` stage: PER, ORG, LOC and MISC mentions with character and token spans, from the shipped
 * averaged-perceptron BILOU tagger (models/ner/, loaded by app/resources.ts) with document-level consistency.
 */
import { DossierError, tokenPos, type Doc, type Mention } from '../../model/index.js';
import { defineStage, type Stage, type StageContext } from '../../pipeline/stage.js';
import type { NerModel } from '../../nlp/ner/model.js';
import { tagDocument } from '../../nlp/ner/tag-document.js';

/** Bump when the model or the decoding changes. */
export const NER_VERSION = 8;

/** The resources key of the NER model. */
export const NER_MODEL_RESOURCE = 'ner.model';

/** Mentions of a Doc that has tokens and sentences: the pure core of the stage. */
export function findMentions(doc: Doc, model: NerModel): Mention[] {
  const tokens = doc.layers.tokens!;
  const sentences = doc.layers.sentences!;
  const words = sentences.map((s) => {
    const out: string[] = [];
    for (let i = s.tokenStart; i < s.tokenEnd; i++) out.push(doc.text.slice(tokens.start[i], tokens.end[i]));
    return out;
  });
  const chunks = tagDocument(model, words);
  const mentions: Mention[] = [];
  chunks.forEach((list, s) => {
    const sentence = sentences[s]!;
    for (const chunk of list) {
      const tokenStart = sentence.tokenStart + chunk.start;
      const tokenEnd = sentence.tokenStart + chunk.end;
      // "Born in a village …", "Speaking to reporters …": a lone capitalised verb opening a sentence is no name.
      if (chunk.start === 0 && chunk.end === 1 && tokenPos(tokens, tokenStart) === 'VERB') continue;
      const start = tokens.start[tokenStart] ?? 0;
      const end = tokens.end[tokenEnd - 1] ?? 0;
      mentions.push({ id: `m${mentions.length + 1}`, text: doc.text.slice(start, end), type: chunk.type, start, end, tokenStart, tokenEnd, origin: 'ner' });
    }
  });
  return mentions;
}

/** Creates the ner stage; it reads the model from ctx.resources (key "ner.model"). */
export function createNer(): Stage<'mentions'> {
  return defineStage({
    name: 'ner',
    version: NER_VERSION,
    requires: ['tokens', 'sentences'],
    assigns: 'mentions',
    run(doc: Doc, ctx: StageContext): Mention[] {
      if (!ctx.resources.has(NER_MODEL_RESOURCE)) {
        throw new DossierError('E_RESOURCE_MISSING', `ner needs the model in resources["${NER_MODEL_RESOURCE}"] (see loadDefaultResources)`);
      }
      return findMentions(doc, ctx.resources.get<NerModel>(NER_MODEL_RESOURCE));
    },
  });
}
