/**
 * The default pipeline: stages in order. Later stages (NLP, entities, time, place, events, claims)
 * are added here and nowhere else.
 */
import type { Stage } from './stage.js';

/** Version of the clean step, which runs before the Doc exists (the Doc id hashes its output). */
export const CLEAN_STEP = 'clean@1';

/** The stages run on every English article, in order. */
export function defaultStages(): readonly Stage[] {
  return [];
}

/** "clean@1,tokenize@2,…": stored with every article so stale results can be found and re-ingest is idempotent. */
export function pipelineSignature(stages: readonly Stage[]): string {
  return [CLEAN_STEP, ...stages.map((s) => `${s.name}@${s.version}`)].join(',');
}
