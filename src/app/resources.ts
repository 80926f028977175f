/** Loads the read-only resources the default stages need, once per process. */
import { createResources, type Resources } from '../pipeline/index.js';
import { KNOWLEDGE_BASE } from '../stages/entities/index.js';
import { loadKnowledgeBase } from './knowledge-base.js';
import { loadNlpResources, type NlpModels } from './nlp-models.js';
import { EVENT_LEXICON_RESOURCE } from '../events/lexicon.js';
import { loadEventLexicon, type DictionaryImport } from './dictionaries.js';
import { CLAIMS_CUE_MODEL, CLAIMS_LEXICON } from '../stages/claims/index.js';
import { loadClaimsCueModel, loadClaimsLexicon } from './claims-lexicon.js';
import { GAZETTEER_RESOURCE } from '../stages/place/index.js';
import { loadGazetteer } from './load-gazetteer.js';
import { gazetteerFromCompiled, type CompiledGazetteerData } from '../geo/compiled.js';

/** What a user added to the shipped resources. */
export interface ResourceOptions {
  /** PETRARCH-format dictionaries imported with `dossier dict import` (they take priority over ours). */
  readonly dictionaries?: readonly DictionaryImport[];
  /** Extra actor files (the knowledge-base format). */
  readonly actorFiles?: readonly string[];
  /** The NLP models already loaded (a worker pool hands its workers one shared copy); read from their files when absent. */
  readonly models?: NlpModels;
  /** The compiled gazetteer already read (a worker pool hands its workers one shared copy); read from its file when absent. */
  readonly gazetteer?: CompiledGazetteerData;
}

/** Every resource of the default pipeline. */
export async function loadDefaultResources(options: ResourceOptions = {}): Promise<Resources> {
  return createResources({
    ...loadNlpResources(options.models),
    [KNOWLEDGE_BASE]: loadKnowledgeBase(options.actorFiles ?? []),
    [EVENT_LEXICON_RESOURCE]: loadEventLexicon({ extra: options.dictionaries ?? [] }),
    [CLAIMS_LEXICON]: loadClaimsLexicon(),
    [CLAIMS_CUE_MODEL]: loadClaimsCueModel(),
    [GAZETTEER_RESOURCE]: options.gazetteer ? gazetteerFromCompiled(options.gazetteer) : await loadGazetteer(),
  });
}
