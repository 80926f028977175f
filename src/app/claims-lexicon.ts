/** Reads the claims stage's hand-edited lexicon files from src/data/ and its trained cue model from models/claims/. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DossierError } from '../model/index.js';
import { CLAIMS_LEXICON_FILES, parseClaimsLexicon, type ClaimsLexicon, type ClaimsLexiconTexts, type CueModel } from '../stages/claims/index.js';

const DATA_DIR = new URL('../data/', import.meta.url);

/** The parsed claims lexicon; `dataDir` defaults to src/data/. */
export function loadClaimsLexicon(dataDir: URL = DATA_DIR): ClaimsLexicon {
  const texts = Object.fromEntries(
    Object.entries(CLAIMS_LEXICON_FILES).map(([role, file]) => [role, readFileSync(new URL(file, dataDir), 'utf8')]),
  ) as unknown as ClaimsLexiconTexts;
  return parseClaimsLexicon(texts);
}

/** Where the shipped cue model lives in the repository. */
export const CLAIMS_CUE_MODEL_PATH = fileURLToPath(new URL('../../models/claims/cue-en.json', import.meta.url));

/**
 * Reads the claims stage's learned cue model (`npm run train:claims-cue`); a missing file or one that is not a cue
 * model is an E_RESOURCE_MISSING error naming the path.
 */
export function loadClaimsCueModel(path: string = CLAIMS_CUE_MODEL_PATH): CueModel {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new DossierError('E_RESOURCE_MISSING', `claims cue model file "${path}" could not be read (retrain with \`npm run train:claims-cue\`)`, { cause });
  }
  let model: Partial<CueModel>;
  try {
    model = JSON.parse(raw) as Partial<CueModel>;
  } catch (cause) {
    throw new DossierError('E_RESOURCE_MISSING', `claims cue model file "${path}" is not JSON`, { cause });
  }
  if (typeof model.bias !== 'number' || typeof model.threshold !== 'number' || typeof model.weights !== 'object' || model.weights === null) {
    throw new DossierError('E_RESOURCE_MISSING', `claims cue model file "${path}" is not a cue model (needs bias, threshold and weights)`);
  }
  return model as CueModel;
}
