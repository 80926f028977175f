/**
 * Fingerprints of inputs, so that a re-run skips what it already stored before paying for cleaning and the stages
 * (a process killed every few seconds still makes progress). The run key holds what decides the stored output
 * besides the input itself: the pipeline signature and the genres that run events and claims. Imported dictionaries
 * are not in it, exactly as they are not in the pipeline signature that already makes a re-saved article a duplicate.
 */
import { createHash } from 'node:crypto';
import type { RawArticle } from '../model/index.js';
import { pipelineSignature, type Stage } from '../pipeline/index.js';
import type { InputFingerprint } from '../store/store.js';
import type { Genre } from '../nlp/genre.js';

export function runKeyOf(stages: readonly Stage[], genres: readonly Genre[]): string {
  return `${pipelineSignature(stages)};genres=${[...genres].sort().join(',')}`;
}

export function inputFingerprint(raw: RawArticle, runKey: string): InputFingerprint {
  const hash = createHash('sha256');
  // The hints are part of the input: a JSONL record whose date was corrected is a changed input.
  hash.update(JSON.stringify([raw.format, raw.contentType, raw.hints])).update('\0').update(raw.content);
  return { inputHash: hash.digest('hex'), runKey };
}
