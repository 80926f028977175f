/** The stances a claim filter accepts (a module of its own so the CLI's help needs no query code). */
import type { Stance } from '../model/index.js';

export const CLAIM_STANCES: readonly Stance[] = ['asserted', 'confirmed', 'denied', 'not-acknowledged', 'speculated'];
