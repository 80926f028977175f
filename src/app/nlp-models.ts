/**
 * Loads the NLP resources of the default pipeline: the shipped NER model (models/ner/ner-en.bin.gz), POS
 * model with its lemma rules (models/pos/pos-en.bin.gz) and dependency parser (models/parse/parse-en.bin.gz),
 * each read from disk once. All are read-only and shared by every document.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DossierError, UPOS_TAGS } from '../model/index.js';
import { decodeNerModel } from '../nlp/ner/model-file.js';
import type { NerModel } from '../nlp/ner/model.js';
import { POS_TAGGER_RESOURCE, type PosTagger } from '../nlp/pos.js';
import { decodePosModel } from '../nlp/pos/model-file.js';
import type { PosModel } from '../nlp/pos/model.js';
import { createPerceptronPosTagger } from '../nlp/pos/tagger.js';
import { NER_MODEL_RESOURCE } from '../stages/ner/index.js';
import { decodeParseModel } from '../nlp/parse/model-file.js';
import type { ParseModel } from '../nlp/parse/model.js';
import { PARSE_MODEL_RESOURCE } from '../stages/parse/index.js';
import { shareTypedArrays } from '../platform/shared-arrays.js';
import { GENRE_MODEL_RESOURCE, type GenreModel } from '../nlp/genre-model.js';

/**
 * Reads a model file and decodes it; a missing file or one `decode` refuses is an E_RESOURCE_MISSING error naming the
 * path (and the command that rebuilds it).
 */
function readModelFile<T>(path: string, what: string, trainScript: string, decode: (bytes: Buffer) => T): T {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    throw new DossierError('E_RESOURCE_MISSING', `${what} model file "${path}" could not be read (retrain with \`npm run ${trainScript}\`)`, { cause });
  }
  try {
    return decode(bytes);
  } catch (cause) {
    throw new DossierError('E_RESOURCE_MISSING', `${what} model file "${path}" is not a valid ${what} model`, { cause });
  }
}

/** Where the shipped NER model lives in the repository. */
export const NER_MODEL_PATH = fileURLToPath(new URL('../../models/ner/ner-en.bin.gz', import.meta.url));

/** Reads and decodes a NER model file; a missing or bad file is an E_RESOURCE_MISSING error naming the path. */
export function loadNerModel(path: string = NER_MODEL_PATH): NerModel {
  return readModelFile(path, 'NER', 'train:ner', decodeNerModel);
}

/** Where the shipped POS model lives in the repository. */
export const POS_MODEL_PATH = fileURLToPath(new URL('../../models/pos/pos-en.bin.gz', import.meta.url));

/** Reads and decodes a POS model file; a missing or bad file is an E_RESOURCE_MISSING error naming the path. */
export function loadPosModel(path: string = POS_MODEL_PATH): PosModel {
  return readModelFile(path, 'POS', 'train:pos', (bytes) => decodePosModel(bytes, UPOS_TAGS));
}

/** The default POS tagger: UPOS and lemmas (the model's UPOS-driven lemma rules) from the shipped model. */
export function loadPosTagger(path: string = POS_MODEL_PATH): PosTagger {
  return createPerceptronPosTagger(loadPosModel(path));
}

/** Where the shipped dependency parser lives in the repository. */
export const PARSE_MODEL_PATH = fileURLToPath(new URL('../../models/parse/parse-en.bin.gz', import.meta.url));

/** Reads and decodes a parser model file; a missing or bad file is an E_RESOURCE_MISSING error naming the path. */
export function loadParseModel(path: string = PARSE_MODEL_PATH): ParseModel {
  return readModelFile(path, 'parser', 'train:parse', decodeParseModel);
}

/** Where the shipped news-gate model (genre) lives in the repository. */
export const GENRE_MODEL_PATH = fileURLToPath(new URL('../../models/genre/genre-en.json', import.meta.url));

/** Reads the news-gate model; a missing or bad file is an E_RESOURCE_MISSING error naming the path. */
export function loadGenreModel(path: string = GENRE_MODEL_PATH): GenreModel {
  return readModelFile(path, 'genre', 'train:genre', (bytes) => {
    const model = JSON.parse(bytes.toString('utf8')) as Partial<GenreModel>;
    if (typeof model.bias !== 'number' || typeof model.threshold !== 'number' || typeof model.weights !== 'object' || model.weights === null) {
      throw new Error('bias, threshold and weights are required');
    }
    return model as GenreModel;
  });
}

/** The three NLP models as plain data, as loaded from their files (a worker thread can be handed them). */
export interface NlpModels {
  readonly pos: PosModel;
  readonly ner: NerModel;
  readonly parse: ParseModel;
}

/**
 * Loads the shipped models with their weight tables in shared memory, for a pool of worker threads: each worker is
 * handed them (`ResourceOptions.models`) instead of reading the files, so the tables (≈ 140 MB) are held once per
 * process, not once per worker, and a worker starts without decoding them.
 */
export function loadSharedNlpModels(): NlpModels {
  return { pos: shareTypedArrays(loadPosModel()), ner: shareTypedArrays(loadNerModel()), parse: shareTypedArrays(loadParseModel()) };
}

/**
 * The NLP entries of the default resources: POS tagger, NER model, dependency parser (from `models` when given) and
 * the news-gate model (small: each thread reads its own).
 */
export function loadNlpResources(models?: NlpModels): Record<string, PosTagger | NerModel | ParseModel | GenreModel> {
  return {
    [POS_TAGGER_RESOURCE]: createPerceptronPosTagger(models?.pos ?? loadPosModel()),
    [NER_MODEL_RESOURCE]: models?.ner ?? loadNerModel(),
    [PARSE_MODEL_RESOURCE]: models?.parse ?? loadParseModel(),
    [GENRE_MODEL_RESOURCE]: loadGenreModel(),
  };
}
