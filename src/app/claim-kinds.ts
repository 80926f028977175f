/**
 * The claim kinds a list or an export takes, as a caller writes them: one kind, a comma-separated list or "all"
 * (a module of its own so the CLI's help needs no query code). Assertions alone when none is given.
 */
import { CLAIM_KINDS, UsageError, type ClaimKind } from '../model/index.js';

/** What a kind filter accepts besides the kinds themselves. */
export const ALL_CLAIM_KINDS = 'all';

/** The words a kind filter accepts, for help texts and menus. */
export const CLAIM_KIND_CHOICES: readonly string[] = [...CLAIM_KINDS, ALL_CLAIM_KINDS];

/**
 * The kinds `value` names, in CLAIM_KINDS order; assertions when it is absent or blank. Throws UsageError quoting
 * a word that is not a kind.
 * @example parseClaimKinds('desire,evaluation') // ['desire', 'evaluation']
 * @example parseClaimKinds('all') // ['assertion', 'desire', 'evaluation']
 */
export function parseClaimKinds(value: string | undefined, label = 'kind'): ClaimKind[] {
  const words = (value ?? '').split(',').map((w) => w.trim().toLowerCase()).filter(Boolean);
  if (!words.length) return ['assertion'];
  for (const w of words) {
    if (w !== ALL_CLAIM_KINDS && !(CLAIM_KINDS as readonly string[]).includes(w)) {
      throw new UsageError(`${label} "${w.slice(0, 40)}": expected ${CLAIM_KINDS.join(', ')} (comma-separated) or ${ALL_CLAIM_KINDS}`);
    }
  }
  return words.includes(ALL_CLAIM_KINDS) ? [...CLAIM_KINDS] : CLAIM_KINDS.filter((k) => words.includes(k));
}

/** How a set of kinds reads in a summary line: "assertions", "wishes and judgements", "every kind". */
export function claimKindsText(kinds: readonly ClaimKind[]): string {
  if (CLAIM_KINDS.every((k) => kinds.includes(k))) return 'every kind';
  const names: Record<ClaimKind, string> = { assertion: 'assertions', desire: 'wishes', evaluation: 'judgements' };
  const listed = CLAIM_KINDS.filter((k) => kinds.includes(k)).map((k) => names[k]);
  return listed.length > 1 ? `${listed.slice(0, -1).join(', ')} and ${listed.at(-1)}` : listed[0] ?? 'assertions';
}
