/**
 * Loads the NLP resources of the default pipeline: the shipped NER model (models/ner/ner-en.bin.gz,
 * read from disk once) and the wink-nlp POS tagger. Both are read-only and shared by every document.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DossierError } from '../model/index.js';
import { decodeNerModel } from '../nlp/ner/model-file.js';
import type { NerModel } from '../nlp/ner/model.js';
import { createWinkPosTagger, POS_TAGGER_RESOURCE, type PosTagger } from '../nlp/pos-tagger.js';
import { NER_MODEL_RESOURCE } from '../stages/ner/index.js';

/** Where the shipped NER model lives in the repository. */
export const NER_MODEL_PATH = fileURLToPath(new URL('../../models/ner/ner-en.bin.gz', import.meta.url));

/** Reads and decodes a NER model file; a missing or bad file is an E_RESOURCE_MISSING error naming the path. */
export function loadNerModel(path: string = NER_MODEL_PATH): NerModel {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    throw new DossierError('E_RESOURCE_MISSING', `NER model file "${path}" could not be read (retrain with \`npm run train:ner\`)`, { cause });
  }
  try {
    return decodeNerModel(bytes);
  } catch (cause) {
    throw new DossierError('E_RESOURCE_MISSING', `NER model file "${path}" is not a valid model`, { cause });
  }
}

/** The NLP entries of the default resources: POS tagger and NER model. */
export function loadNlpResources(): Record<string, PosTagger | NerModel> {
  return { [POS_TAGGER_RESOURCE]: createWinkPosTagger(), [NER_MODEL_RESOURCE]: loadNerModel() };
}
