/**
 * The one place that builds the annotation pipeline for a store: the default stages and their resources,
 * with the dictionaries imported into that store (`dossier dict import`). Ingest, watch and the queue worker
 * all start here, so an imported dictionary codes every later article whichever way it arrives.
 */
import { defaultStages, type Resources, type Stage } from '../pipeline/index.js';
import type { Store } from '../store/store.js';
import { storedDictionaries } from './dictionaries.js';
import { loadDefaultResources, type ResourceOptions } from './resources.js';
import { createInlineAnnotator, type ArticleAnnotator } from './annotate.js';
import { createAnnotatorPool } from './annotator-pool.js';
import { loadSharedNlpModels } from './nlp-models.js';
import { loadSharedGazetteerData } from './load-gazetteer.js';
import { gazetteerFromCompiled, type Gazetteer } from '../geo/index.js';
import { GAZETTEER_RESOURCE } from '../stages/place/index.js';

/** The stages and resources an ingest runs with. */
export interface ComposedPipeline {
  readonly stages: readonly Stage[];
  readonly resources: Resources;
}

/** The default pipeline for articles saved into `store`, with its imported dictionaries (and any extra actor files). */
export async function composePipeline(store: Store, options: Omit<ResourceOptions, 'dictionaries'> = {}): Promise<ComposedPipeline> {
  const dictionaries = await storedDictionaries(store);
  return { stages: defaultStages(), resources: await loadDefaultResources({ ...options, dictionaries }) };
}

/** The stages and the annotator an ingest runs with; close the annotator when done (it may hold worker threads). */
export interface ComposedAnnotator {
  readonly stages: readonly Stage[];
  readonly annotator: ArticleAnnotator;
  /** The place stage's gazetteer on this thread, for the outlet regions the ingest learns at its end (IngestOptions.gazetteer). */
  readonly gazetteer: Gazetteer;
}

/**
 * The default pipeline as an annotator: `jobs` worker threads (`--jobs N`) that share one copy of the NLP models'
 * weight tables and of the gazetteer, loaded here, and each load the lexicons once, or this thread alone when `jobs`
 * is 0. Same stages and dictionaries as composePipeline, so the store is the same.
 */
export async function composeAnnotator(store: Store, options: Omit<ResourceOptions, 'dictionaries'> & { readonly jobs: number }): Promise<ComposedAnnotator> {
  const { jobs, ...resourceOptions } = options;
  if (jobs === 0) {
    const { stages, resources } = await composePipeline(store, resourceOptions);
    return { stages, annotator: createInlineAnnotator(stages, resources), gazetteer: resources.get<Gazetteer>(GAZETTEER_RESOURCE) };
  }
  const dictionaries = await storedDictionaries(store);
  const gazetteerData = loadSharedGazetteerData();
  const annotator = await createAnnotatorPool({ jobs, resources: { ...resourceOptions, dictionaries, models: loadSharedNlpModels(), gazetteer: gazetteerData } });
  // This thread reads the workers' one shared copy.
  return { stages: annotator.stages, annotator, gazetteer: gazetteerFromCompiled(gazetteerData) };
}
