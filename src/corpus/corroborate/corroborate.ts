/**
 * Corroboration by independent origins. Each report of an event is a chain of sources, outermost first
 * (outlet ← agency ← unnamed officer). Its origin is the chain's root; syndicated copies (near-duplicate
 * articles) and outlets citing the same root collapse onto one origin, so ten outlets repeating one wire story
 * count once. The status of an event follows from how many origins assert it and who denies it.
 */
import type { Source, Stance } from '../../model/index.js';

/** One report of an event: who says it (chain) and how (stance), from which article. */
export interface EventReport {
  readonly articleId: string;
  /** The article's near-duplicate group (its own id when it has no copies). */
  readonly syndicationGroup: string;
  readonly outlet?: string;
  /** Outermost first; empty or a single 'article' link means the article's own voice. */
  readonly chain: readonly Source[];
  readonly stance: Stance;
}

/** An independent origin of reports, with what it says. */
export interface Origin {
  readonly key: string;
  /** "Fars News Agency ← Sputnik ← unnamed Syrian officer". */
  readonly label: string;
  readonly isAnonymous: boolean;
  readonly stances: readonly Stance[];
  readonly articleIds: readonly string[];
}

export type CorroborationStatus = 'single-source' | 'corroborated' | 'contested' | 'denied';

export interface Corroboration {
  readonly origins: readonly Origin[];
  readonly assertingOrigins: number;
  readonly denyingParties: readonly string[];
  readonly hasAnonymousOrigin: boolean;
  readonly status: CorroborationStatus;
  /** "2 independent origins; denied by the Kremlin". */
  readonly explanation: string;
}

function sourceKey(source: Source): string {
  if (source.entityId) return source.entityId;
  return `${source.kind}:${source.name.toLowerCase().replace(/\s+/g, ' ').trim()}`;
}

function sourceLabel(source: Source): string {
  if (source.kind !== 'anonymous') return source.name;
  const count = source.count === 'multiple' ? 'multiple ' : typeof source.count === 'number' && source.count > 1 ? `${source.count} ` : '';
  return `${count}${source.name}`.trim();
}

/** The origin of one report: the chain's root, identified through whoever relays it when it is anonymous. */
export function originOf(report: EventReport): { key: string; label: string; isAnonymous: boolean } {
  const outlet = report.outlet ?? 'the article';
  // The article's own outlet at the head of a chain is the article speaking, not a source it cites.
  const isSelf = (s: Source, i: number) => s.kind === 'article' || (i === 0 && report.outlet !== undefined && s.name.toLowerCase() === report.outlet.toLowerCase());
  const chain = report.chain.filter((s, i) => !isSelf(s, i));
  if (chain.length === 0) {
    // The article's own voice: its syndication group is the origin, so wire copies collapse.
    return { key: `article-group:${report.syndicationGroup}`, label: outlet, isAnonymous: false };
  }
  const root = chain[chain.length - 1]!;
  const path = [outlet, ...chain.map(sourceLabel)];
  const label = path.filter((p, i) => i === 0 || p !== path[i - 1]).join(' ← ');
  if (root.kind !== 'anonymous') return { key: `source:${sourceKey(root)}`, label, isAnonymous: false };
  // An unnamed source can only be told apart by who relays it. Relayed by the article itself, it is the
  // article's (and its copies') own origin: a wire story quoting "health officials" is one origin, not two.
  if (chain.length === 1) return { key: `article-group:${report.syndicationGroup}`, label, isAnonymous: true };
  const relay = `source:${sourceKey(chain[chain.length - 2]!)}`;
  const descriptor = [root.role, root.nationality, root.name].filter(Boolean).join('/').toLowerCase();
  return { key: `anonymous:${relay}:${descriptor}`, label, isAnonymous: true };
}

const ASSERTS: ReadonlySet<Stance> = new Set(['asserted', 'confirmed']);

/** Groups reports into independent origins and decides the status, with a plain-words explanation. */
export function corroborate(reports: readonly EventReport[]): Corroboration {
  const byKey = new Map<string, { key: string; label: string; isAnonymous: boolean; stances: Stance[]; articleIds: string[] }>();
  for (const report of reports) {
    const origin = originOf(report);
    const entry = byKey.get(origin.key) ?? { ...origin, stances: [], articleIds: [] };
    if (origin.isAnonymous) entry.isAnonymous = true;
    if (!entry.stances.includes(report.stance)) entry.stances.push(report.stance);
    if (!entry.articleIds.includes(report.articleId)) entry.articleIds.push(report.articleId);
    byKey.set(origin.key, entry);
  }
  const origins = [...byKey.values()];
  const asserting = origins.filter((o) => o.stances.some((s) => ASSERTS.has(s)));
  const denying = origins.filter((o) => o.stances.includes('denied'));
  const denyingParties = [...new Set(denying.map((o) => o.label.split(' ← ').pop()!))];
  const status: CorroborationStatus = denying.length && !asserting.length ? 'denied' : denying.length ? 'contested' : asserting.length >= 2 ? 'corroborated' : 'single-source';
  const hasAnonymousOrigin = origins.some((o) => o.isAnonymous);
  const parts = [`${asserting.length} independent origin${asserting.length === 1 ? '' : 's'}${asserting.length ? ` (${asserting.map((o) => o.label).join('; ')})` : ''}`];
  if (denyingParties.length) parts.push(`denied by ${denyingParties.join(' and ')}`);
  const notAcknowledged = origins.filter((o) => o.stances.includes('not-acknowledged')).map((o) => o.label.split(' ← ').pop()!);
  if (notAcknowledged.length) parts.push(`not acknowledged by ${notAcknowledged.join(' and ')}`);
  if (hasAnonymousOrigin) parts.push('relies in part on anonymous sources');
  const repeats = reports.length - origins.length;
  if (repeats > 0) parts.push(`${repeats} repeat${repeats === 1 ? '' : 's'} not counted`);
  return { origins, assertingOrigins: asserting.length, denyingParties, hasAnonymousOrigin, status, explanation: parts.join('; ') };
}
