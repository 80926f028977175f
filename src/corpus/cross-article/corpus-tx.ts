/**
 * The transaction port of the cross-article rules: the few reads and writes the rules need, each one SQL
 * statement (or a handful) in an adapter. Every method runs inside the saving article's transaction.
 */
import type { Corroboration, EventReport } from '../corroborate/index.js';
import type { CandidateQuery, EventObservation, MergedEventSummary, ObservedPlace } from '../merge-events/index.js';
import type { TextReuse } from '../text-reuse/index.js';
import type { Span } from '../../model/index.js';

/** A stored article that shares a MinHash band with a new one. */
export interface CopyCandidate {
  readonly articleId: string;
  readonly signature: Uint32Array;
  readonly group: string;
}

/** An event mention of one article: what the user's merge and split decisions are about (stable across re-ingest). */
export interface ObservationKey {
  readonly articleId: string;
  readonly mentionId: string;
}

/** A user's decision that two observations report the same event ('merge') or never the same one ('split'). */
export interface EventOverride {
  readonly kind: 'merge' | 'split';
  readonly observation: ObservationKey;
  readonly other: ObservationKey;
}

/** One observation row: which merged event an article's event mention joined, and why. */
export interface ObservationRow {
  readonly articleId: string;
  readonly eventId: string;
  readonly observation: EventObservation;
  readonly reasons: readonly string[];
  /** How strongly the deciding evidence matched (0 for a first report). */
  readonly score: number;
  readonly evidence: Span;
}

/**
 * What the cross-article rules may do in a store. Methods return promises so one rule function drives both
 * PostgreSQL (async) and SQLite (synchronous calls wrapped in resolved promises, inside BEGIN IMMEDIATE).
 */
export interface CorpusTx {
  /** Merged events of the query's types whose windows satisfy its bounds (see `candidateQuery`), ordered by id. */
  candidates(query: CandidateQuery): Promise<MergedEventSummary[]>;
  /** Merged events of these types taking part with any of these actors, dated or not (at most `limit`), ordered by id. */
  eventsWithActors(ploverTypes: readonly string[], actorIds: readonly string[], limit: number): Promise<MergedEventSummary[]>;
  /** Inserts (isNew) or updates a merged event's summary, and indexes its actors. */
  writeEvent(summary: MergedEventSummary, cameo: string | undefined, isNew: boolean): Promise<void>;
  /** Inserts or replaces an observation (by article and mention). */
  writeObservation(row: ObservationRow): Promise<void>;
  /** Adds an article's reports of an event mention. */
  writeReports(eventId: string, articleId: string, mentionId: string, syndicationGroup: string, reports: readonly EventReport[]): Promise<void>;
  /** Reports of a merged event, each with its article's current near-duplicate group and its mention's evidence as passage. */
  reports(eventId: string): Promise<EventReport[]>;
  /** How many observations a merged event still has. */
  observationCount(eventId: string): Promise<number>;
  /** Stores an event's corroboration. */
  writeStatus(eventId: string, corroboration: Corroboration, reportCount: number): Promise<void>;
  /** Removes a merged event with no observation left (and its actor index). */
  deleteEvent(eventId: string): Promise<void>;
  /** Merged events an article observes. */
  eventsObservedBy(articleId: string): Promise<string[]>;
  /** Stores an article's passage keys (replacing any it had); `text` is its text, which SQL stores already hold as its body. */
  writePassageKeys(articleId: string, keys: readonly number[], text: string): Promise<void>;
  /**
   * Other stored articles sharing at least `minShared` of these keys (reading at most `perKey` articles per key),
   * the `limit` sharing most first, with their text.
   */
  reuseCandidates(articleId: string, keys: readonly number[], minShared: number, perKey: number, limit: number): Promise<{ articleId: string; text: string }[]>;
  /** Stores one direction of a text-reuse link. */
  writeTextReuse(reuse: TextReuse): Promise<void>;
  /** Text-reuse links between any two of these articles, each pair once: from its copy's side. */
  textReuseAmong(articleIds: readonly string[]): Promise<TextReuse[]>;
  /** Removes an article's observations, reports, fingerprint, bands, passage keys, near-duplicate and text-reuse links. */
  deleteArticleCorpusRows(articleId: string): Promise<void>;
  /** Stored articles sharing any of these band keys (at most 200). */
  copyCandidates(bandKeys: readonly string[]): Promise<CopyCandidate[]>;
  /** Stores an article's MinHash signature and band keys and sets its own group. */
  writeFingerprint(articleId: string, signature: Uint32Array, bandKeys: readonly string[], group: string): Promise<void>;
  /** Records a near-duplicate link from `articleId` to `otherId` (one direction). */
  writeCopyLink(articleId: string, otherId: string, similarity: number): Promise<void>;
  /** An article's stored group (undefined when it was saved without a fingerprint, or is not stored). */
  groupOf(articleId: string): Promise<string | undefined>;
  /** Merged events reported by the articles of a group (members whose group is `group`, or the article `group` itself). */
  eventsReportedByGroup(group: string): Promise<string[]>;
  /** Moves every member of group `from` (and the article `from` itself) into group `to`. */
  renameGroup(from: string, to: string): Promise<void>;
  /** A merged event's summary, as candidates are read. */
  eventSummary(eventId: string): Promise<MergedEventSummary | undefined>;
  /** The observations of a merged event, oldest article first. */
  observationsOf(eventId: string): Promise<ObservationKey[]>;
  /**
   * What a stored observation says, to recompute an event's summary from its observations (after a split): its
   * actors, trigger, place, time value, modality, counts and article's publication date, with its event's PLOVER
   * type. The CAMEO code of one observation is not stored, so it is absent.
   */
  observationOf(observation: ObservationKey): Promise<EventObservation | undefined>;
  /** Sets the place a stored observation reports (none when undefined); nothing when it is not stored. */
  writeObservationPlace(observation: ObservationKey, place: ObservedPlace | undefined): Promise<void>;
  /** The merged event an observation belongs to, if stored. */
  eventOf(observation: ObservationKey): Promise<string | undefined>;
  /** Moves an observation and its reports to another merged event, recording why. */
  moveObservation(observation: ObservationKey, toEventId: string, reasons: readonly string[]): Promise<void>;
  /** Records a user's merge or split decision (kept when articles are re-ingested). */
  writeOverride(override: EventOverride): Promise<void>;
  /** The user's decisions about an observation, whichever side of the pair it is on (`observation` is always it). */
  overridesOf(observation: ObservationKey): Promise<EventOverride[]>;
}
