/**
 * Corroboration by independent origins. Each report of an event is a chain of sources, outermost first
 * (outlet ← agency ← unnamed officer). Its origin is the chain's root, the innermost real source (see
 * real-source.ts); a chain with none is the article's own voice. Reports then collapse into lines of evidence:
 * syndicated copies (near-duplicate articles) are one; outlets citing the same root are one; an article citing
 * another outlet for the event relays that outlet; and whatever only one article (or its copies) reports is that
 * article's one line, however many sources it quotes; and a report whose passage an article reuses from another
 * (a rewrite or cut copy, see text-reuse/) is in that article's line, however its attribution was parsed. The status follows from how many lines assert the event
 * and which parties deny it: only a denial by a real party counts, and a negated mention ("the army did not
 * shell the town") is no denial at all.
 */
import type { Source, Stance } from '../../model/index.js';
import type { TextReuse, TextSpan } from '../text-reuse/index.js';
import { isRealSource } from './real-source.js';

/**
 * How a report stands toward an event: a claim's stance, or 'negated' when the event is stated as not having
 * happened (negated modality) without anyone denying a report of it.
 */
export type ReportStance = Stance | 'negated';

/** One report of an event: who says it (chain) and how (stance), from which article. */
export interface EventReport {
  readonly articleId: string;
  /** The article's near-duplicate group (its own id when it has no copies). */
  readonly syndicationGroup: string;
  readonly outlet?: string;
  /** Outermost first; empty or a single 'article' link means the article's own voice. */
  readonly chain: readonly Source[];
  readonly stance: ReportStance;
  /** The passage of its article that carries it (the event mention's sentence), to tell a reused one. */
  readonly passage?: TextSpan;
}

/** An independent origin of reports (one line of evidence), with what it says. */
export interface Origin {
  readonly key: string;
  /** "Fars News Agency ← Sputnik ← unnamed Syrian officer": the longest path among the reports of the line. */
  readonly label: string;
  readonly isAnonymous: boolean;
  readonly stances: readonly ReportStance[];
  readonly articleIds: readonly string[];
}

export type CorroborationStatus = 'single-source' | 'corroborated' | 'contested' | 'denied';

export interface Corroboration {
  readonly origins: readonly Origin[];
  /** Lines of evidence that assert (or confirm) the event. */
  readonly assertingOrigins: number;
  /** Real parties that deny it ("Dmitry Peskov"). */
  readonly denyingParties: readonly string[];
  /** Real parties that confirm, acknowledge or admit it. */
  readonly confirmingParties: readonly string[];
  readonly hasAnonymousOrigin: boolean;
  readonly status: CorroborationStatus;
  /** "2 independent origins; denied by the Kremlin". */
  readonly explanation: string;
}

function sourceKey(source: Source): string {
  if (source.entityId) return source.entityId;
  return `${source.kind}:${source.name.toLowerCase().replace(/\s+/g, ' ').trim()}`;
}

/**
 * An outlet by name, so "Reuters" as an article's outlet and "Reuters" cited in another chain meet: letters and
 * digits only, without a leading "the" or a domain ending, so "PolitiFact", "politifact" (a handle) and
 * "politifact.com" (a site known by its address) are one outlet, and so are "The Detroit News" and "detroitnews".
 */
export function outletKey(name: string): string {
  const bare = name.toLowerCase().trim().replace(/^the\s+/, '').replace(/\.(?:com|org|net|co\.uk|com\.au|co|io|news|info)$/, '');
  return `outlet:${bare.replace(/[^\p{L}\p{N}]+/gu, '') || bare}`;
}

function sourceLabel(source: Source): string {
  if (source.kind !== 'anonymous') return source.name;
  const count = source.count === 'multiple' ? 'multiple ' : typeof source.count === 'number' && source.count > 1 ? `${source.count} ` : '';
  return `${count}${source.name}`.trim();
}

/** One report read as a line of evidence: the keys that identify its origin, and the real party speaking. */
interface Line {
  readonly keys: readonly string[];
  readonly label: string;
  readonly isAnonymous: boolean;
  /** The real source at the root, when it is not the article's own voice. */
  readonly party?: Source;
  /** Outlets and agencies the report cites on the way to its root. */
  readonly citedOutlets: readonly string[];
}

/** The real sources of a chain, without the article's own voice at its head. */
function realChain(report: EventReport): Source[] {
  // The article's own outlet at the head of a chain is the article speaking, not a source it cites.
  const isSelf = (s: Source, i: number) => s.kind === 'article' || (i === 0 && report.outlet !== undefined && outletKey(s.name) === outletKey(report.outlet));
  return report.chain.filter((s, i) => !isSelf(s, i) && isRealSource(s));
}

function lineOf(report: EventReport): Line {
  const outlet = report.outlet ?? 'the article';
  const ownKeys = [`article-group:${report.syndicationGroup}`, ...(report.outlet ? [outletKey(report.outlet)] : [])];
  const chain = realChain(report);
  // The article's own voice: its syndication group (so wire copies collapse) and its outlet.
  if (chain.length === 0) return { keys: ownKeys, label: outlet, isAnonymous: false, citedOutlets: [] };
  const root = chain[chain.length - 1]!;
  const path = [outlet, ...chain.map(sourceLabel)];
  const label = path.filter((p, i) => i === 0 || p !== path[i - 1]).join(' ← ');
  const citedOutlets = chain.filter((s) => s.kind === 'outlet').map((s) => outletKey(s.name));
  if (root.kind !== 'anonymous') {
    const keys = [`source:${sourceKey(root)}`, ...(root.kind === 'outlet' ? [outletKey(root.name)] : [])];
    return { keys, label, isAnonymous: false, party: root, citedOutlets };
  }
  // An unnamed source can only be told apart by who relays it. Relayed by the article itself, it is the
  // article's (and its copies') own line: a wire story quoting "health officials" is one origin, not two.
  if (chain.length === 1) return { keys: ownKeys, label, isAnonymous: true, party: root, citedOutlets };
  const relayLink = chain[chain.length - 2]!;
  const relay = relayLink.kind === 'outlet' ? outletKey(relayLink.name) : `source:${sourceKey(relayLink)}`;
  const descriptor = [root.role, root.nationality, root.name].filter(Boolean).join('/').toLowerCase();
  return { keys: [`anonymous:${relay}:${descriptor}`], label, isAnonymous: true, party: root, citedOutlets };
}

/** The origin of one report: the chain's root real source, identified through whoever relays it when it is anonymous. */
export function originOf(report: EventReport): { key: string; label: string; isAnonymous: boolean } {
  const line = lineOf(report);
  return { key: line.keys[0]!, label: line.label, isAnonymous: line.isAnonymous };
}

/** Union-find over origin keys: two keys in one set are one line of evidence. */
class Lines {
  private readonly parent = new Map<string, string>();
  find(key: string): string {
    let root = key;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    if (!this.parent.has(root)) this.parent.set(root, root);
    // Path compression keeps repeated look-ups flat.
    for (let k = key; k !== root; ) {
      const next = this.parent.get(k)!;
      this.parent.set(k, root);
      k = next;
    }
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The smaller key wins, so the result does not depend on the order reports arrive in.
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

/** A response (denial, confirmation, non-acknowledgement) counts only when a real party gives it. */
const RESPONSES: ReadonlySet<ReportStance> = new Set(['denied', 'confirmed', 'not-acknowledged']);
const ASSERTS: ReadonlySet<ReportStance> = new Set(['asserted', 'confirmed']);

/** The stance a report counts with: a confirmation by nobody is the article asserting; a denial by nobody is nothing. */
function effectiveStance(report: EventReport, line: Line): ReportStance | undefined {
  if (!RESPONSES.has(report.stance) || line.party) return report.stance;
  return report.stance === 'confirmed' ? 'asserted' : undefined;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const overlaps = (a: TextSpan, b: TextSpan) => a.start < b.end && b.start < a.end;

/**
 * A report whose passage its article reuses from another article joins the line of that article's report on the
 * same passage, or that article's own line when it reports the event elsewhere: a copy relays its original,
 * whoever the two parses found speaking. Statements join statements and responses join responses. Returns what
 * it says about it ("Gulf Courier reuses The Northern Ledger's text"), once per pair of outlets that it united.
 */
function uniteReusedPassages(reports: readonly EventReport[], lines: readonly Line[], sets: Lines, reuse: readonly TextReuse[]): string[] {
  const said: string[] = [];
  const isResponse = (r: EventReport) => RESPONSES.has(r.stance);
  // Reports by article, so a link costs the reports of its two articles, not of the whole event.
  const byArticle = new Map<string, (readonly [EventReport, number])[]>();
  reports.forEach((r, i) => {
    const own = byArticle.get(r.articleId);
    if (own) own.push([r, i]);
    else byArticle.set(r.articleId, [[r, i]]);
  });
  const copySides = new Set(reuse.filter((l) => l.isCopy).map((l) => `${l.articleId}\u0000${l.otherId}`));
  const ordered = [...reuse].sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.otherId < b.otherId ? -1 : 1));
  for (const link of ordered) {
    // Each pair is stored both ways round: read it from the copy's side only.
    if (!link.isCopy && copySides.has(`${link.otherId}\u0000${link.articleId}`)) continue;
    const mine = (byArticle.get(link.articleId) ?? []).filter(([r]) => r.passage);
    const theirs = byArticle.get(link.otherId) ?? [];
    if (!mine.length || !theirs.length) continue;
    let united = false;
    for (const passage of link.passages) {
      for (const [report, i] of mine.filter(([r]) => overlaps(r.passage!, passage.span))) {
        const same = theirs.filter(([r]) => r.passage && overlaps(r.passage, passage.otherSpan) && isResponse(r) === isResponse(report));
        const elsewhere = isResponse(report) ? undefined : theirs.find(([r]) => !isResponse(r));
        const targets = (same.length ? same : elsewhere ? [elsewhere] : []).map(([, j]) => lines[j]!.keys[0]!);
        for (const target of targets) {
          if (sets.find(lines[i]!.keys[0]!) !== sets.find(target)) united = true;
          sets.union(lines[i]!.keys[0]!, target);
        }
      }
    }
    if (!united) continue;
    const copy = mine[0]![0].outlet ?? 'an article';
    const original = theirs[0]![0].outlet ?? 'another article';
    const sentence = copy === original ? `two ${copy} articles share text` : `${copy} ${link.isCopy ? 'reuses' : 'shares'} ${original}'s text`;
    if (!said.includes(sentence)) said.push(sentence);
  }
  return said;
}

/** Groups reports into independent origins and decides the status, with a plain-words explanation. */
export function corroborate(reports: readonly EventReport[], reuse: readonly TextReuse[] = []): Corroboration {
  const lines = reports.map(lineOf);
  const sets = new Lines();
  lines.forEach((line) => line.keys.forEach((k) => sets.union(line.keys[0]!, k)));
  // An article citing an outlet for the event relays it: its own voice is that outlet's line, not a new one.
  reports.forEach((report, i) => {
    if (realChain(report).length) return;
    const cited = reports.flatMap((r, j) => (r.syndicationGroup === report.syndicationGroup ? lines[j]!.citedOutlets : []));
    // The first cited outlet in alphabetical order, so the result does not depend on the order of reports.
    if (cited.length) sets.union(lines[i]!.keys[0]!, [...cited].sort()[0]!);
  });
  const reused = uniteReusedPassages(reports, lines, sets, reuse);
  // One article, one line: what only one article (or its copies) reports is that article's evidence, whether in
  // its own voice or through the sources it quotes.
  const groupsOf = new Map<string, Set<string>>();
  reports.forEach((report, i) => {
    const set = sets.find(lines[i]!.keys[0]!);
    groupsOf.set(set, (groupsOf.get(set) ?? new Set()).add(report.syndicationGroup));
  });
  for (const [set, groups] of groupsOf) if (groups.size === 1) sets.union(set, `article-group:${[...groups][0]}`);

  const byKey = new Map<string, { key: string; labels: string[]; assertingLabels: string[]; isAnonymous: boolean; stances: ReportStance[]; articleIds: string[] }>();
  const counted: { stance: ReportStance; set: string; line: Line }[] = [];
  reports.forEach((report, i) => {
    const line = lines[i]!;
    const key = sets.find(line.keys[0]!);
    const entry = byKey.get(key) ?? { key, labels: [], assertingLabels: [], isAnonymous: false, stances: [], articleIds: [] };
    const stance = effectiveStance(report, line);
    if (line.isAnonymous && stance && ASSERTS.has(stance)) entry.isAnonymous = true;
    if (!entry.labels.includes(line.label)) entry.labels.push(line.label);
    if (stance && ASSERTS.has(stance) && !entry.assertingLabels.includes(line.label)) entry.assertingLabels.push(line.label);
    if (stance && !entry.stances.includes(stance)) entry.stances.push(stance);
    if (!entry.articleIds.includes(report.articleId)) entry.articleIds.push(report.articleId);
    byKey.set(key, entry);
    if (stance) counted.push({ stance, set: key, line });
  });
  // A line merged from several reports is named by its longest asserting path, the one that says most about where
  // it comes from ("Gulf Courier ← Samir Aziz" over "Gulf Courier"), never by a party denying it in the same
  // article; among equals, the first report's.
  const depth = (label: string) => label.split(' ← ').length;
  const origins: Origin[] = [...byKey.values()].map((o) => ({
    key: o.key,
    label: (o.assertingLabels.length ? o.assertingLabels : o.labels).reduce((best, l) => (depth(l) > depth(best) ? l : best)),
    isAnonymous: o.isAnonymous, stances: o.stances, articleIds: o.articleIds,
  }));
  const asserting = origins.filter((o) => o.stances.some((s) => ASSERTS.has(s)));
  const partiesWith = (stance: ReportStance) => [...new Set(counted.filter((c) => c.stance === stance && c.line.party).map((c) => c.line.party!.name))];
  const denyingParties = partiesWith('denied');
  const confirmingParties = partiesWith('confirmed');
  const status: CorroborationStatus = denyingParties.length ? (asserting.length ? 'contested' : 'denied') : asserting.length >= 2 ? 'corroborated' : 'single-source';
  const hasAnonymousOrigin = asserting.some((o) => o.isAnonymous);

  const parts = [`${plural(asserting.length, 'independent origin')}${asserting.length ? ` (${asserting.map((o) => o.label).join('; ')})` : ''}`];
  if (denyingParties.length) parts.push(`denied by ${denyingParties.join(' and ')}`);
  if (confirmingParties.length) parts.push(`confirmed by ${confirmingParties.join(' and ')}`);
  const notAcknowledged = partiesWith('not-acknowledged');
  if (notAcknowledged.length) parts.push(`not acknowledged by ${notAcknowledged.join(' and ')}`);
  // A negated mention states that the event did not happen; nobody answered a report of it, so it is no denial.
  const negatedIn = [...new Set(counted.filter((c) => c.stance === 'negated').map((c) => c.line.label))];
  if (negatedIn.length) parts.push(`stated as not happening by ${negatedIn.join(' and ')} (a negated mention, not a denial)`);
  const unattributed = reports.length - counted.length;
  if (unattributed) parts.push(`${plural(unattributed, 'response')} by no identifiable party not counted`);
  if (hasAnonymousOrigin) parts.push('relies in part on anonymous sources');
  // Responses are named above; a repeat is a further report of what a line already says.
  const stated = counted.filter((c) => !RESPONSES.has(c.stance));
  const repeats = stated.length - new Set(stated.map((c) => c.set)).size;
  if (repeats > 0) parts.push(`${plural(repeats, 'repeat')} not counted`);
  if (reused.length) parts.push(reused.join('; '));
  return { origins, assertingOrigins: asserting.length, denyingParties, confirmingParties, hasAnonymousOrigin, status, explanation: parts.join('; ') };
}
