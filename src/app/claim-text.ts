/** A claim's chain of sources as one line of text, for the CLI and the briefs (the web UI draws it as a path). */
import type { StoredClaim } from '../store/store.js';

/**
 * Who says so, origin first: "unnamed security officials (official, IRQ, several) ← Meridian News Agency".
 * Falls back to the outlet, then to "unattributed".
 */
export function chainText(claim: Pick<StoredClaim, 'chain' | 'outlet'>): string {
  const described = [...claim.chain].reverse().map((s) => {
    const details = [s.role && s.role !== s.name ? s.role : null, s.nationality, s.count === 'multiple' ? 'several' : s.count !== null && s.count > 1 ? `${s.count}` : null].filter(Boolean);
    return `${s.kind === 'anonymous' ? 'unnamed ' : ''}${s.name}${details.length ? ` (${details.join(', ')})` : ''}`;
  });
  return described.join(' ← ') || claim.outlet || 'unattributed';
}
