/**
 * The default pipeline: stages in order. Later stages (NLP, entities, time, place, events, claims)
 * are added here and nowhere else.
 */
import type { Stage } from './stage.js';
import { timeStage } from '../stages/time/index.js';
import { createTokenize } from '../stages/tokenize/index.js';
import { createSentences } from '../stages/sentences/index.js';
import { createParse } from '../stages/parse/index.js';
import { createNer } from '../stages/ner/index.js';
import { createPlace } from '../stages/place/index.js';
import { createEntitiesStage } from '../stages/entities/index.js';
import { claimsStage } from '../stages/claims/index.js';
import { createEventsStage } from '../stages/events/index.js';
import { CLEAN_VERSION } from '../stages/clean/index.js';

/** Version of the clean step, which runs before the Doc exists (the Doc id hashes its output). */
export const CLEAN_STEP = `clean@${CLEAN_VERSION}`;

/** The stages run on every English article, in order. */
export function defaultStages(): readonly Stage[] {
  return [createTokenize(), createSentences(), createParse(), createNer(), createPlace(), createEntitiesStage(), timeStage, claimsStage, createEventsStage()];
}

/** "clean@1,tokenize@2,…": stored with every article so stale results can be found and re-ingest is idempotent. */
export function pipelineSignature(stages: readonly Stage[]): string {
  return [CLEAN_STEP, ...stages.map((s) => `${s.name}@${s.version}`)].join(',');
}
