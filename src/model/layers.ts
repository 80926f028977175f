/**
 * The annotation layers a Doc can carry. Each layer is assigned by exactly one stage, and every
 * fact in it carries character offsets into Doc.text (standoff), so any fact leads back to its sentence.
 */
import type { Span } from './span.js';
import type { DependencyTable } from './deps.js';
import type { TokenTable } from './tokens.js';

/** A sentence; tokenStart/tokenEnd index the TokenTable (half-open). */
export interface Sentence extends Span {
  readonly tokenStart: number;
  readonly tokenEnd: number;
}

/** Named-entity classes (CoNLL convention; MISC covers NORP: nationalities, religious and political groups, events). */
export type MentionType = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** Where a mention came from. */
export type MentionOrigin = 'ner' | 'gazetteer' | 'rule' | 'pronoun' | 'nominal';

/** A mention of a named entity (or a pronoun/nominal referring to one). */
export interface Mention extends Span {
  readonly id: string;
  readonly text: string;
  readonly type: MentionType;
  readonly tokenStart: number;
  readonly tokenEnd: number;
  readonly origin: MentionOrigin;
}

/** What kind of actor an entity is, beyond its NER class. */
export type EntityKind =
  | 'person'
  | 'state'
  | 'government'
  | 'military-unit'
  | 'armed-group'
  | 'media-outlet'
  | 'party'
  | 'company'
  | 'organisation'
  | 'place'
  | 'nationality'
  | 'other';

/** A title or role held by a person, with its organisation and time when stated. */
export interface Role {
  readonly title: string;
  readonly organisation?: string;
  /** TimeML-style values ('1998', '2012-07') when the text states them. */
  readonly from?: string;
  readonly to?: string;
  readonly evidence: Span;
}

/** One real-world actor as seen inside one article: a cluster of mentions. */
export interface DocEntity {
  readonly id: string;
  readonly name: string;
  readonly type: MentionType;
  readonly kind: EntityKind;
  readonly mentionIds: readonly string[];
  readonly aliases: readonly string[];
  readonly roles: readonly Role[];
  /** ISO 3166-1 alpha-3 of the nationality/affiliation, when known. */
  readonly country?: string;
  /** Knowledge-base id when the entity links to a known actor. */
  readonly kbId?: string;
  /** Pronoun and nominal references resolved to this entity ("he", "the general"), which NER does not tag. */
  readonly references: readonly EntityReference[];
}

/** A pronoun or nominal phrase resolved to an entity, with the rule that resolved it. */
export interface EntityReference extends Span {
  readonly text: string;
  readonly rule: 'pronoun' | 'nominal';
}

/** TimeML TIMEX3 types. */
export type TimeType = 'DATE' | 'TIME' | 'DURATION' | 'SET';
export type TimeGranularity = 'instant' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'season' | 'year' | 'decade' | 'century' | 'unknown';

/** A temporal expression normalised to a TimeML-style value ('2015-11-26', '2015-W48', 'P3M', 'PAST_REF'). */
export interface TimeExpr extends Span {
  readonly id: string;
  readonly text: string;
  readonly type: TimeType;
  readonly value: string;
  readonly granularity: TimeGranularity;
  /** False when the value depends on a publication date that is unknown (value then says 'XXXX-…'). */
  readonly isAnchored: boolean;
}

/** Precision class of a resolved place. */
export type PlacePrecision = 'point' | 'city' | 'province' | 'country' | 'region';

/** A place mention resolved (or not) against the gazetteer. */
export interface PlaceRef extends Span {
  readonly id: string;
  readonly text: string;
  readonly mentionId?: string;
  readonly isResolved: boolean;
  readonly name?: string;
  readonly lat?: number;
  readonly lon?: number;
  /** ISO 3166-1 alpha-2. */
  readonly countryCode?: string;
  readonly admin1?: string;
  readonly precision?: PlacePrecision;
  readonly gazetteerId?: string;
}

/** An actor taking part in an event, with its PLOVER/CAMEO-style code (country + sector, e.g. IRNMIL). */
export interface ActorRef extends Span {
  readonly text: string;
  readonly entityId?: string;
  readonly code?: string;
}

/** How the text presents an event. */
export type Modality = 'asserted' | 'planned' | 'hypothetical' | 'negated' | 'ongoing';

/** Numbers attached to an event. */
export interface EventCounts {
  readonly fatalities?: number;
  readonly injuries?: number;
  readonly size?: number;
}

/** An event mention coded to PLOVER (type, mode, contexts) and CAMEO. */
export interface EventMention {
  readonly id: string;
  /** The sentence (or clause) that states the event. */
  readonly evidence: Span;
  readonly trigger: Span;
  readonly ploverType: string;
  readonly ploverMode?: string;
  readonly contexts: readonly string[];
  readonly cameo?: string;
  readonly sources: readonly ActorRef[];
  readonly targets: readonly ActorRef[];
  readonly placeId?: string;
  readonly timeId?: string;
  readonly counts: EventCounts;
  readonly modality: Modality;
}

/** Who a claim comes from; a chain lists these from the reporting outlet down to the origin. */
export type SourceKind = 'person' | 'organisation' | 'outlet' | 'anonymous' | 'document' | 'social-media' | 'article';

export interface Source {
  readonly kind: SourceKind;
  readonly name: string;
  readonly entityId?: string;
  readonly span?: Span;
  readonly role?: string;
  readonly nationality?: string;
  /** How many sources an anonymous reference stands for: a number, or 'multiple'. */
  readonly count?: number | 'multiple';
}

export type Stance = 'asserted' | 'confirmed' | 'denied' | 'not-acknowledged' | 'speculated';

/**
 * What a claim attributes: a statement of fact ("officials said the border was closed"), a wish or intention ("Trump
 * wants to build a wall") or a judgement ("Sanders criticized the plan"). Analysts' claims, corroboration and exports
 * read assertions; the other kinds are kept, labelled, because attribution corpora (PolNeAR) count them.
 */
export type ClaimKind = 'assertion' | 'desire' | 'evaluation';
export const CLAIM_KINDS: readonly ClaimKind[] = ['assertion', 'desire', 'evaluation'];

/** A report of a proposition with its chain of sources and stance. */
export interface Claim {
  readonly id: string;
  readonly evidence: Span;
  readonly content: Span;
  readonly cue?: Span;
  readonly cueLemma?: string;
  readonly isDirectQuote: boolean;
  /** Outermost first: [Fars, Sputnik (Persian), unnamed Syrian officer]. */
  readonly chain: readonly Source[];
  readonly stance: Stance;
  /** Absent: an assertion (layers stored before the kinds existed hold assertions only). */
  readonly kind?: ClaimKind;
  readonly isHedged: boolean;
  readonly eventIds: readonly string[];
  /** For a denial, confirmation or non-acknowledgement: the earlier claim in the article it answers. */
  readonly respondsToClaimId?: string;
}

/** Every layer, by name. A stage assigns exactly one. */
export interface Layers {
  tokens: TokenTable;
  sentences: readonly Sentence[];
  /** Labelled dependency trees over the tokens, one per sentence. */
  deps: DependencyTable;
  mentions: readonly Mention[];
  entities: readonly DocEntity[];
  times: readonly TimeExpr[];
  places: readonly PlaceRef[];
  events: readonly EventMention[];
  claims: readonly Claim[];
}

export type LayerName = keyof Layers;
export const LAYER_NAMES: readonly LayerName[] = ['tokens', 'sentences', 'deps', 'mentions', 'entities', 'times', 'places', 'events', 'claims'];

/** A claim's kind; a claim without one (stored before kinds existed) is an assertion. */
export function claimKindOf(claim: Pick<Claim, 'kind'>): ClaimKind {
  return claim.kind ?? 'assertion';
}
