/**
 * The `parse` stage: a labelled dependency tree for every sentence (UD relations), from the shipped
 * arc-eager parser (src/nlp/parse/, model loaded by app/ into resources) over our tokens and their UPOS tags.
 * Each sentence is parsed on its own, so no arc crosses a sentence boundary.
 */
import { DossierError, type Doc } from '../../model/index.js';
import { depLabelIndex, type DependencyTable } from '../../model/deps.js';
import { defineStage, type Stage, type StageContext } from '../../pipeline/stage.js';
import { xposHash } from '../../nlp/parse/features.js';
import { parseSentenceBeam } from '../../nlp/parse/beam.js';
import type { ParseModel } from '../../nlp/parse/model.js';
import { datelineLength } from './dateline.js';

/** Bump when the model or the decoding changes. */
export const PARSE_VERSION = 4;

/** The relation of a dateline's head word to the clause it opens (no event or claim rule reads "dep"). */
const DATELINE_RELATION = depLabelIndex('dep');

/** The resources key of the parser model. */
export const PARSE_MODEL_RESOURCE = 'parse.model';

/** Options of the parse stage. */
export interface ParseOptions {
  /**
   * Beam width of the decoder; default: the width the model was trained for (info.beam), else 1 (greedy). A model
   * trained globally for a beam parses worse greedily, and a greedy model worse with a beam.
   */
  readonly beamWidth?: number;
}

/** The beam width a model decodes with under `options`. */
export function beamWidthFor(model: ParseModel, options: ParseOptions = {}): number {
  return options.beamWidth ?? Number(model.info.beam ?? 1);
}

/** The dependency trees of a Doc that has tokens (with UPOS) and sentences: the pure core of the stage. */
export function parseDoc(doc: Doc, model: ParseModel, options: ParseOptions = {}): DependencyTable {
  const width = beamWidthFor(model, options);
  const tokens = doc.layers.tokens!;
  const n = tokens.length;
  const head = new Int32Array(n).fill(-1);
  const label = new Uint8Array(n);
  // A model trained with PTB tags reads them from the tokens (a fine-tag tagger); without them it parses on UPOS
  // and the words alone, less accurately.
  const usesXpos = model.info.featureGroups?.includes('xpos') ?? false;
  for (const sentence of doc.layers.sentences!) {
    const from = sentence.tokenStart;
    const words: string[] = [];
    for (let i = from; i < sentence.tokenEnd; i++) words.push(doc.text.slice(tokens.start[i], tokens.end[i]));
    const xpos = usesXpos && tokens.xpos ? Uint32Array.from(tokens.xpos.slice(from, sentence.tokenEnd), xposHash) : undefined;
    const pos = tokens.pos.subarray(from, sentence.tokenEnd);
    // A dateline and the clause after it are parsed apart; the dateline hangs from the clause's root as "dep".
    const cut = datelineLength(words);
    const clause = parseSentenceBeam(model, cut === 0 ? words : words.slice(cut), pos.subarray(cut), xpos?.subarray(cut), width);
    let clauseRoot = -1;
    for (let k = 0; k < clause.head.length; k++) {
      const h = clause.head[k]!;
      if (h < 0) clauseRoot = from + cut + k;
      head[from + cut + k] = h < 0 ? -1 : from + cut + h;
      label[from + cut + k] = clause.label[k]!;
    }
    if (cut === 0) continue;
    const dateline = parseSentenceBeam(model, words.slice(0, cut), pos.subarray(0, cut), xpos?.subarray(0, cut), width);
    for (let k = 0; k < cut; k++) {
      const h = dateline.head[k]!;
      head[from + k] = h < 0 ? clauseRoot : from + h;
      label[from + k] = h < 0 ? DATELINE_RELATION : dateline.label[k]!;
    }
  }
  return { length: n, head, label };
}

/** Creates the parse stage; it reads the model from ctx.resources (key "parse.model"). */
export function createParse(options: ParseOptions = {}): Stage<'deps'> {
  return defineStage({
    name: 'parse',
    version: PARSE_VERSION,
    requires: ['tokens', 'sentences'],
    assigns: 'deps',
    run(doc: Doc, ctx: StageContext): DependencyTable {
      if (!ctx.resources.has(PARSE_MODEL_RESOURCE)) {
        throw new DossierError('E_RESOURCE_MISSING', `parse needs the model in resources["${PARSE_MODEL_RESOURCE}"] (see loadDefaultResources)`);
      }
      return parseDoc(doc, ctx.resources.get<ParseModel>(PARSE_MODEL_RESOURCE), options);
    },
  });
}
