/**
 * What both adapters index for claims and places, decided once from an article's layers: one row per claim
 * (chain with canonical entity ids, spans, the entities it involves) and one row per distinct place it names.
 * Pure: the adapters only write these rows (at save time, and from stored layers when migrating).
 */
import { CLAIM_KINDS, claimKindOf, type Claim, type ClaimKind, type DocEntity, type Mention, type PlaceRef } from '../model/index.js';
import type { SearchHit, StoredClaim, StoredClaimSource } from './store.js';

/** A claim as the claims table holds it. */
export interface ClaimRow {
  readonly claimId: string;
  /** A statement of fact, a wish or a judgement (a claim of a layer stored before kinds existed is an assertion). */
  readonly kind: ClaimKind;
  readonly stance: Claim['stance'];
  readonly isDirectQuote: boolean;
  readonly isHedged: boolean;
  readonly isAnonymous: boolean;
  readonly chain: readonly StoredClaimSource[];
  readonly evidence: { readonly start: number; readonly end: number };
  readonly content: { readonly start: number; readonly end: number };
  readonly cue: { readonly start: number; readonly end: number } | null;
  /** The article's event mention ids the claim reports. */
  readonly eventMentionIds: readonly string[];
  readonly respondsTo: string | null;
  /** Canonical entities in the chain or named inside the content, each once. */
  readonly entityIds: readonly string[];
}

/** A distinct place an article names, for the place and country filters. */
export interface PlaceRow {
  /** The gazetteer id, or `name:<lower-cased name>` for a place the gazetteer did not resolve. */
  readonly key: string;
  readonly name: string;
  readonly countryCode: string | null;
  /** Coordinates and precision of a resolved place; null otherwise. */
  readonly lat: number | null;
  readonly lon: number | null;
  readonly precision: string | null;
  /** How many times the article names it. */
  readonly mentions: number;
}

/** What an article's claims need from it. */
export interface ClaimSourceLayers {
  readonly claims?: readonly Claim[] | undefined;
  readonly entities?: readonly DocEntity[] | undefined;
  readonly mentions?: readonly Mention[] | undefined;
}

/**
 * The claim rows of one article. `canonical` maps the article's entity ids to canonical ones (the saved links);
 * a source already carrying a knowledge-base id (`kb:…`) keeps it.
 */
export function claimRows(layers: ClaimSourceLayers, canonical: ReadonlyMap<string, string>): ClaimRow[] {
  const entityOfMention = new Map<string, string>();
  for (const entity of layers.entities ?? []) for (const id of entity.mentionIds) entityOfMention.set(id, entity.id);
  const resolve = (docEntityId: string | undefined): string | null => {
    if (!docEntityId) return null;
    return canonical.get(docEntityId) ?? (docEntityId.startsWith('kb:') ? docEntityId : null);
  };
  // Every kind is a row: the claims list shows assertions unless asked for wishes and judgements (ClaimQuery.kinds).
  return (layers.claims ?? []).map((claim) => {
    const chain: StoredClaimSource[] = claim.chain.map((s) => ({
      kind: s.kind,
      name: s.name,
      entityId: resolve(s.entityId),
      role: s.role ?? null,
      nationality: s.nationality ?? null,
      count: s.count ?? null,
      span: s.span ? { start: s.span.start, end: s.span.end } : null,
    }));
    const named = (layers.mentions ?? [])
      .filter((m) => m.start >= claim.content.start && m.end <= claim.content.end)
      .map((m) => resolve(entityOfMention.get(m.id)));
    const entityIds = [...new Set([...chain.map((s) => s.entityId), ...named].filter((id): id is string => id !== null))];
    return {
      claimId: claim.id,
      kind: claimKindOf(claim),
      stance: claim.stance,
      isDirectQuote: claim.isDirectQuote,
      isHedged: claim.isHedged,
      isAnonymous: claim.chain.length > 0 && claim.chain[claim.chain.length - 1]!.kind === 'anonymous',
      chain,
      evidence: { start: claim.evidence.start, end: claim.evidence.end },
      content: { start: claim.content.start, end: claim.content.end },
      cue: claim.cue ? { start: claim.cue.start, end: claim.cue.end } : null,
      eventMentionIds: [...claim.eventIds],
      respondsTo: claim.respondsToClaimId ?? null,
      entityIds,
    };
  });
}

/** The distinct places an article names (resolved by gazetteer id, unresolved by name). */
export function placeRows(places: readonly PlaceRef[] | undefined): PlaceRow[] {
  const rows = new Map<string, { -readonly [K in keyof PlaceRow]: PlaceRow[K] }>();
  for (const place of places ?? []) {
    const name = (place.name ?? place.text).trim();
    if (!name) continue;
    const isLocated = place.isResolved && typeof place.lat === 'number' && typeof place.lon === 'number';
    const key = place.isResolved && place.gazetteerId ? place.gazetteerId : `name:${name.toLowerCase()}`;
    const row = rows.get(key);
    if (row) {
      row.mentions++;
      continue;
    }
    rows.set(key, {
      key, name, countryCode: place.isResolved ? (place.countryCode ?? null) : null,
      lat: isLocated ? place.lat! : null, lon: isLocated ? place.lon! : null, precision: isLocated ? (place.precision ?? null) : null, mentions: 1,
    });
  }
  return [...rows.values()];
}

/** A claim's public id: the article id and its id in the article. */
export function claimKey(articleId: string, claimId: string): string {
  return `${articleId}:${claimId}`;
}

/** Splits a claim's public id; undefined when it is not one. */
export function parseClaimKey(id: string): { articleId: string; claimId: string } | undefined {
  const m = /^([0-9a-f]{8,64}):([\w.-]{1,40})$/i.exec(id);
  return m ? { articleId: m[1]!.toLowerCase(), claimId: m[2]! } : undefined;
}

/** A claims row as read back, with the article's title (both adapters map their rows to this). */
export interface ClaimRecord {
  readonly articleId: string;
  readonly claimId: string;
  readonly kind: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly publishedAt: string | null;
  readonly stance: string;
  readonly isDirectQuote: boolean;
  readonly isHedged: boolean;
  readonly isAnonymous: boolean;
  readonly chain: readonly StoredClaimSource[];
  readonly evidenceStart: number;
  readonly evidenceEnd: number;
  readonly contentStart: number;
  readonly contentEnd: number;
  readonly cueStart: number | null;
  readonly cueEnd: number | null;
  readonly respondsTo: string | null;
}

/**
 * A stored claim from its row, its article's body (spans are UTF-16 offsets, so they are cut here rather than
 * by an engine's character-counting substr), its events and its entities.
 */
export function toStoredClaim(record: ClaimRecord, body: string, events: StoredClaim['events'], entityIds: readonly string[]): StoredClaim {
  const quote = (start: number, end: number) => ({ start, end, text: body.slice(start, end) });
  return {
    id: claimKey(record.articleId, record.claimId),
    articleId: record.articleId,
    title: record.title,
    outlet: record.outlet,
    publishedAt: record.publishedAt,
    kind: storedKind(record.kind),
    stance: record.stance as StoredClaim['stance'],
    isDirectQuote: record.isDirectQuote,
    isHedged: record.isHedged,
    isAnonymous: record.isAnonymous,
    chain: record.chain,
    evidence: quote(record.evidenceStart, record.evidenceEnd),
    content: quote(record.contentStart, record.contentEnd),
    cue: record.cueStart !== null && record.cueEnd !== null ? quote(record.cueStart, record.cueEnd) : null,
    events,
    respondsTo: record.respondsTo ? claimKey(record.articleId, record.respondsTo) : null,
    entityIds,
  };
}

/** A kind as read from a row; a value this version does not know (written by a newer one) reads as an assertion. */
function storedKind(kind: string): ClaimKind {
  return (CLAIM_KINDS as readonly string[]).includes(kind) ? (kind as ClaimKind) : 'assertion';
}

/** The kinds a claim query keeps: those asked for, each once, or assertions alone when none is given. */
export function queriedKinds(kinds: readonly ClaimKind[] | undefined): ClaimKind[] {
  return kinds?.length ? CLAIM_KINDS.filter((k) => kinds.includes(k)) : ['assertion'];
}

/** Characters of an article's opening shown for a listing without search words. */
export const OPENING_CHARS = 200;

/** The opening of a body for a listing: at most OPENING_CHARS, cut at a word, with an ellipsis when cut. */
export function openingSnippet(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= OPENING_CHARS) return flat;
  const cut = flat.lastIndexOf(' ', OPENING_CHARS);
  return `${flat.slice(0, cut > OPENING_CHARS / 2 ? cut : OPENING_CHARS)}…`;
}

/**
 * A listing row without search words (id, title, outlet, published_at and `opening`, the body's first characters)
 * as a search hit: its opening is the snippet, with no hits and no score.
 */
export function openingHit(row: Readonly<Record<string, unknown>>): SearchHit {
  const opening = openingSnippet(String(row['opening']));
  const text = (key: string): string | null => (row[key] === null || row[key] === undefined ? null : String(row[key]));
  return { id: String(row['id']), title: text('title'), outlet: text('outlet'), publishedAt: text('published_at'), snippet: opening, passage: { text: opening, hits: [] }, score: 0 };
}
