/**
 * Loads the actor knowledge base: every country, the shipped starter actors (src/data/actors.json),
 * then the user's actor files in order (a later file's id overrides an earlier one).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildKnowledgeBase, countryActors, validateActorFile, type ActorFile, type KnowledgeBase } from '../kb/knowledge-base.js';
import { DossierError, UsageError, describeCause } from '../model/index.js';

const SHIPPED_ACTORS = fileURLToPath(new URL('../data/actors.json', import.meta.url));

/** Reads and validates one actor file; errors quote the file and the problems. */
export function readActorFile(path: string): ActorFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new UsageError(`actor file "${path}" could not be read as JSON: ${describeCause(cause)}`);
  }
  const problems = validateActorFile(parsed);
  if (problems.length) throw new DossierError('E_USAGE', `actor file "${path}" is invalid:\n  ${problems.slice(0, 10).join('\n  ')}`);
  return parsed as ActorFile;
}

/** The knowledge base from countries, the shipped actors and `extraFiles`. */
export function loadKnowledgeBase(extraFiles: readonly string[] = []): KnowledgeBase {
  const files = [SHIPPED_ACTORS, ...extraFiles].map(readActorFile);
  return buildKnowledgeBase([...countryActors(), ...files.flatMap((f) => f.actors)]);
}
