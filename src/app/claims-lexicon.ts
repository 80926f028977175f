/** Reads the claims stage's hand-edited lexicon files from src/data/ and parses them. */
import { readFileSync } from 'node:fs';
import { CLAIMS_LEXICON_FILES, parseClaimsLexicon, type ClaimsLexicon, type ClaimsLexiconTexts } from '../stages/claims/index.js';

const DATA_DIR = new URL('../data/', import.meta.url);

/** The parsed claims lexicon; `dataDir` defaults to src/data/. */
export function loadClaimsLexicon(dataDir: URL = DATA_DIR): ClaimsLexicon {
  const texts = Object.fromEntries(
    Object.entries(CLAIMS_LEXICON_FILES).map(([role, file]) => [role, readFileSync(new URL(file, dataDir), 'utf8')]),
  ) as unknown as ClaimsLexiconTexts;
  return parseClaimsLexicon(texts);
}
