/**
 * Exit codes: 0 everything worked, 1 some inputs failed (or a lookup found nothing), 2 usage error, 3 internal/store
 * error, 130 stopped by Ctrl-C (SIGINT) or SIGTERM before every input was read (what was read is saved).
 */
import { DossierError } from '../model/index.js';

export const EXIT_OK = 0;
export const EXIT_SOME_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 3;
/** 128 + SIGINT, as shells report a command stopped by Ctrl-C. */
export const EXIT_INTERRUPTED = 130;

/** The exit code for an error that reached the top of a command. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof DossierError) {
    if (error.code === 'E_USAGE') return EXIT_USAGE;
    if (error.code === 'E_NOT_FOUND') return EXIT_SOME_FAILED;
  }
  return EXIT_INTERNAL;
}
