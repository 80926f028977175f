/**
 * The one place that builds the annotation pipeline for a store: the default stages and their resources,
 * with the dictionaries imported into that store (`dossier dict import`). Ingest, watch and the queue worker
 * all start here, so an imported dictionary codes every later article whichever way it arrives.
 */
import { defaultStages, type Resources, type Stage } from '../pipeline/index.js';
import type { Store } from '../store/store.js';
import { storedDictionaries } from './dictionaries.js';
import { loadDefaultResources, type ResourceOptions } from './resources.js';

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
