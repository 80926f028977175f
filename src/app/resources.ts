/** Loads the read-only resources the default stages need, once per process. */
import { createResources, type Resources } from '../pipeline/index.js';
import { KNOWLEDGE_BASE } from '../stages/entities/index.js';
import { loadKnowledgeBase } from './knowledge-base.js';

/** Every resource of the default pipeline. */
export async function loadDefaultResources(): Promise<Resources> {
  return createResources({
    [KNOWLEDGE_BASE]: loadKnowledgeBase(),
  });
}
