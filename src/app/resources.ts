/** Loads the read-only resources the default stages need, once per process. */
import { createResources, type Resources } from '../pipeline/index.js';

/** Every resource of the default pipeline. */
export async function loadDefaultResources(): Promise<Resources> {
  return createResources({});
}
