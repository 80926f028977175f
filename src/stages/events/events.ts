/**
 * The `events` stage: codes each sentence's events (who did what to whom, where, when, how many)
 * to PLOVER 2.0 and CAMEO with the shared coder in src/events/, and links them to the article's
 * mentions, entities, places and times when those layers exist.
 */
import { defineStage, type Stage } from '../../pipeline/stage.js';
import {
  claimKindOf,
  DEP_LABELS,
  DossierError,
  tokenPos,
  type ActorRef,
  type Doc,
  type DocEntity,
  type EntityKind,
  type EventMention,
  type Mention,
  type Modality,
  type PlaceRef,
  type Sentence,
  type TimeExpr,
} from '../../model/index.js';
import { createEventCoder, type ActorHint, type CodedActor, type CodedEvent, type CoderToken, type ForcedRoles, type SentenceDeps } from '../../events/coder.js';
import { timeAnchor } from '../../events/arc-roles.js';
import { EVENT_LEXICON_RESOURCE, type EventLexicon } from '../../events/lexicon.js';
import { intentCode, ploverForCameo } from '../../events/cameo-plover.js';
import { modalityAt } from '../../events/modality.js';
import { isAccidentAt, isInModalScope, isPerfectRelative, unassertedReason } from '../../events/asserted.js';
import { asksQuestion, hasThingObject, isAdvice, isInQuestion, isTopicOrOrigin, isVerbalAttack, lacksRecipient, nonEventUse } from '../../events/reported.js';
import { isSportsReport, isSportsResult } from '../../events/sports.js';

/** CAMEO sector suffix for an entity kind. */
const KIND_SECTOR: Partial<Record<EntityKind, string>> = {
  government: 'GOV',
  'military-unit': 'MIL',
  'armed-group': 'REB',
  'media-outlet': 'MED',
  party: 'PTY',
  company: 'BUS',
};

/** YYYYMMDD from an ISO date, for dated actor codes. */
export function dictDate(iso: string | undefined): number | undefined {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? Number(`${m[1]}${m[2]}${m[3]}`) : undefined;
}

function entityCode(entity: DocEntity | undefined): string | undefined {
  if (!entity?.country) return undefined;
  return `${entity.country}${KIND_SECTOR[entity.kind] ?? ''}`;
}

function sentenceTokens(doc: Doc, s: Sentence): CoderToken[] {
  const t = doc.layers.tokens!;
  const out: CoderToken[] = [];
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const start = t.start[i]!;
    const end = t.end[i]!;
    const text = doc.text.slice(start, end);
    out.push({ text, lemma: t.lemmas[t.lemma[i]!] || text.toLowerCase(), pos: tokenPos(t, i), start, end });
  }
  return out;
}

/**
 * The modality the stage's rules give an event triggered at doc token `token`, read in its sentence with no subject
 * known (the coder also stops at the subject it found); undefined when no sentence holds the token. For scoring the
 * rules on every verb (`npm run eval:factuality`), not only on the events the coder codes.
 * @example modalityOfToken(doc, 3) // 'negated' for token 3 "attack" in "Turkey did not attack Syria"
 */
export function modalityOfToken(doc: Doc, token: number): Modality | undefined {
  const s = doc.layers.sentences?.find((x) => x.tokenStart <= token && token < x.tokenEnd);
  if (!s || !doc.layers.tokens) return undefined;
  return modalityAt(sentenceTokens(doc, s), token - s.tokenStart);
}

/** The sentence's tree with sentence-relative heads, when the doc has a deps layer. */
function sentenceDeps(doc: Doc, s: Sentence): SentenceDeps | undefined {
  const deps = doc.layers.deps;
  if (!deps || deps.length < s.tokenEnd) return undefined;
  const head: number[] = [];
  const label: SentenceDeps['label'][number][] = [];
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const h = deps.head[i]!;
    head.push(h >= s.tokenStart && h < s.tokenEnd ? h - s.tokenStart : -1);
    label.push(DEP_LABELS[deps.label[i]!] ?? 'dep');
  }
  return { head, label };
}

const REPORTING_LEMMAS = new Set(['say', 'tell', 'add', 'report', 'state']);

/**
 * With a parse, the event's time is the time expression attached to the trigger's clause (or a clause it is
 * controlled by or coordinated with), nearest clause first; never a time of a reported or relative clause.
 */
function attachedTime(s: Sentence, tokens: readonly CoderToken[], deps: SentenceDeps, chain: readonly number[], times: readonly TimeExpr[]): TimeExpr | undefined {
  let best: TimeExpr | undefined;
  let bestRank = Infinity;
  const antecedents = antecedentNominals(tokens, deps, chain[chain.length - 1]!);
  for (const t of times) {
    if (t.start < s.start || t.end > s.end) continue;
    const first = tokens.findIndex((k) => k.end > t.start);
    let last = first;
    while (last < tokens.length && tokens[last]!.start < t.end) last++;
    if (first < 0 || last <= first) continue;
    const anchor = timeAnchor(tokens, deps, first, last, chain[0]!);
    let rank = chain.indexOf(anchor);
    // A time on the noun a relative clause describes is that clause's time: "the November rocket attack … that
    // killed a guard" happened in November, whatever verb governs the noun ("charged … over the attack").
    if (rank < 0) {
      const top = timeTop(deps, first, last);
      if (top >= 0 && antecedents.includes(deps.head[top]!)) rank = chain.length - 0.5;
    }
    // Failing a time on the event's own clauses, the time of a main "said/told" clause above it: news reports the
    // day of the event there ("killed 12 people on Thursday, officials said", however the parser attached it),
    // while a later step (a plea, a ruling) has a verb of its own and is never used.
    if (rank < 0 && anchor >= 0 && deps.head[anchor] === -1 && REPORTING_LEMMAS.has(tokens[anchor]!.lemma)) rank = chain.length;
    if (rank >= 0 && rank < bestRank) {
      best = t;
      bestRank = rank;
    }
  }
  return best;
}

/** The token of a span [first, last) whose head lies outside it (the span's own head), or -1. */
function timeTop(deps: SentenceDeps, first: number, last: number): number {
  for (let i = first; i < last; i++) {
    const h = deps.head[i]!;
    if (h < first || h >= last) return i;
  }
  return -1;
}

/**
 * The nominals a relative or participial clause (the top of an event's clause chain) describes: its head noun, and
 * the nouns that noun modifies up to the first verb, since parsers often hang the clause on the last noun of the
 * phrase ("the attack outside the airport that killed" → airport, attack). Empty for other clauses.
 */
function antecedentNominals(tokens: readonly CoderToken[], deps: SentenceDeps, top: number): number[] {
  if (deps.label[top] !== 'acl:relcl' && deps.label[top] !== 'acl') return [];
  const out: number[] = [];
  for (let h = deps.head[top]!; h >= 0 && out.length < tokens.length; h = deps.head[h]!) {
    const pos = tokens[h]!.pos;
    if (pos !== 'NOUN' && pos !== 'PROPN') break;
    out.push(h);
    if (deps.label[h] !== 'nmod' && deps.label[h] !== 'appos') break;
  }
  return out;
}

function hintsFor(s: Sentence, mentions: readonly Mention[], entityOf: ReadonlyMap<string, DocEntity>): ActorHint[] {
  const hints: ActorHint[] = [];
  for (const m of mentions) {
    if (m.tokenStart < s.tokenStart || m.tokenEnd > s.tokenEnd) continue;
    const entity = entityOf.get(m.id);
    const code = entityCode(entity);
    const isPlace = m.type === 'LOC' || entity?.kind === 'place';
    hints.push({ start: m.tokenStart - s.tokenStart, end: m.tokenEnd - s.tokenStart, ...(code ? { code } : {}), ...(entity ? { entityId: entity.id } : {}), ...(isPlace ? { isPlace } : {}) });
  }
  return hints;
}

function nearest<T extends { start: number; end: number }>(items: readonly T[], within: { start: number; end: number }, anchor: number): T | undefined {
  let best: T | undefined;
  let bestDistance = Infinity;
  for (const it of items) {
    if (it.start < within.start || it.end > within.end) continue;
    const d = Math.abs(it.start - anchor);
    if (d < bestDistance) {
      best = it;
      bestDistance = d;
    }
  }
  return best;
}

/** A participant that can act or be acted on: a coded actor (country, dictionary actor, sector noun), a person, organisation, group, state or place. */
function isActorLike(a: CodedActor, s: Sentence, mentions: readonly Mention[], entityById: ReadonlyMap<string, DocEntity>): boolean {
  if (a.code) return true;
  const entity = a.entityId ? entityById.get(a.entityId) : undefined;
  if (entity) return entity.kind !== 'other';
  const m = mentionOver(a, s, mentions);
  return m !== undefined && m.type !== 'MISC';
}

/**
 * A named thing that is no actor: a product, work, dish or other MISC name heading the phrase ("the Bose
 * QuietComfort beats it"). A MISC name that only modifies the phrase's head is no thing: in "Ecuadorian artillery
 * shelled …" the artillery acts, whatever the country table makes of the adjective.
 */
function isThing(a: CodedActor, s: Sentence, tokens: readonly CoderToken[], mentions: readonly Mention[], entityById: ReadonlyMap<string, DocEntity>): boolean {
  if (a.code) return false;
  // Without a parse the actor phrase may stop at the adjective itself ("Ecuadorian" of "Ecuadorian artillery").
  if (tokens[a.end - 1]?.pos === 'ADJ') return false;
  const entity = a.entityId ? entityById.get(a.entityId) : undefined;
  if (entity) {
    if (entity.kind !== 'other') return false;
    // The coder ends an actor phrase at its head token.
    const head = s.tokenStart + a.end - 1;
    return mentions.some((m) => entity.mentionIds.includes(m.id) && m.tokenStart <= head && head < m.tokenEnd);
  }
  return mentionOver(a, s, mentions)?.type === 'MISC';
}

function mentionOver(a: CodedActor, s: Sentence, mentions: readonly Mention[]): Mention | undefined {
  return mentions.find((m) => m.tokenStart === s.tokenStart + a.start && m.tokenEnd === s.tokenStart + a.end);
}

/**
 * No event without a plausible event: at least one participant must be actor-like (a code, an entity, a person,
 * organisation or place mention), and a named thing (product, song, dish) never acts: "The Hypace hits the usual
 * high notes" is no ASSAULT. A person noun alone ("the man") does not carry an event: on the tuning pages that
 * relaxation found one more labelled event and nine unlabelled ones; only a single person hurt, seized or held (a
 * human noun as the target of force, coercion or violence) does (events@10).
 */
function isPlausible(e: CodedEvent, s: Sentence, tokens: readonly CoderToken[], mentions: readonly Mention[], entityById: ReadonlyMap<string, DocEntity>): boolean {
  // A person named by a common noun is acted on as surely as a named one: "A man was stabbed", "the son of the former
  // mayor was abducted" (force, coercion and violence only: a person noun opens no other event on its own).
  const isPersonHurt = isMaterial(e.code) && e.targets.some((a) => HUMAN_NOUNS.has(tokens[a.end - 1]!.lemma.toLowerCase()));
  if (!isPersonHurt && ![...e.sources, ...e.targets].some((a) => isActorLike(a, s, mentions, entityById))) return false;
  return !e.sources.some((a) => isThing(a, s, tokens, mentions, entityById));
}

/** Nouns of single people (not bodies of people): who they name can be hurt, seized or held, named or not. */
const HUMAN_NOUNS = new Set(['man', 'woman', 'boy', 'girl', 'child', 'person', 'people', 'teenager', 'teen', 'baby', 'infant', 'toddler', 'kid', 'victim', 'son', 'daughter', 'wife', 'husband', 'mother', 'father', 'brother', 'sister', 'parent', 'relative', 'nephew', 'niece', 'cousin', 'grandson', 'granddaughter', 'grandchild', 'widow', 'girlfriend', 'boyfriend', 'fiancee', 'neighbor', 'neighbour', 'resident', 'civilian', 'villager', 'passenger', 'pedestrian', 'student', 'worker', 'journalist', 'hostage']);
/** Nouns for people and bodies of people that are no sector agent of the dictionary: they can act and be acted on. */
const PERSON_NOUNS = new Set(['man', 'person', 'public', 'bloc', 'farmer', 'worker', 'resident', 'citizen', 'villager', 'civilian', 'student', 'engineer', 'scientist', 'researcher', 'doctor', 'nurse', 'official', 'lawmaker', 'politician', 'leader', 'protester', 'demonstrator', 'activist', 'journalist', 'reporter', 'soldier', 'boy', 'girl', 'family', 'customer', 'victim', 'suspect', 'defendant', 'owner', 'husband', 'wife', 'son', 'daughter', 'mother', 'father', 'parent', 'brother', 'sister', 'teacher', 'educator', 'employee', 'staff', 'executive', 'investor', 'shareholder', 'voter', 'member', 'crowd', 'group', 'team', 'agency', 'department', 'administration', 'committee', 'commission', 'board', 'council', 'organization', 'organisation', 'jury', 'league', 'nation', 'state', 'country', 'side', 'rival', 'critic', 'lawyer', 'attorney', 'plaintiff', 'patient', 'driver', 'passenger', 'player', 'fan', 'friend', 'neighbor', 'neighbour', 'community', 'coalition', 'alliance', 'bank', 'lender', 'manufacturer', 'maker', 'retailer', 'association', 'federation', 'network', 'outlet', 'club', 'institution', 'insurer', 'employer', 'startup', 'giant', 'regulator', 'watchdog', 'investigator', 'detective', 'agent', 'guard', 'prisoner', 'inmate', 'detainee', 'captive', 'migrant', 'immigrant', 'asylum-seeker', 'colleague', 'partner', 'ally', 'enemy', 'foe', 'opponent', 'candidate', 'democrat', 'republican', 'conservative', 'liberal', 'minority', 'majority', 'terrorist', 'extremist', 'assailant', 'killer', 'murderer', 'shooter', 'thief', 'robber', 'kidnapper', 'abductor', 'dealer', 'trafficker', 'pedophile', 'offender', 'perpetrator', 'witness', 'survivor', 'relative', 'baby', 'kid', 'teen', 'teenager', 'youth', 'adult', 'senior', 'elder', 'cleric', 'bishop', 'priest', 'imam', 'monk', 'chief', 'commander', 'head', 'director', 'chairman', 'ceo', 'founder', 'spokesperson', 'envoy', 'negotiator', 'mediator', 'delegation', 'delegate', 'representative', 'senate', 'house', 'assembly', 'legislature', 'ministry', 'embassy', 'consulate', 'office', 'bureau', 'force', 'unit', 'squad', 'battalion', 'brigade', 'division', 'regiment', 'corps', 'fleet', 'navy', 'gang', 'cartel', 'mob', 'faction', 'movement', 'party', 'union', 'government']);
/** Third-person pronouns stand for a participant named elsewhere. */
const THIRD_PERSON_PRONOUNS = new Set(['he', 'she', 'they', 'him', 'her', 'them', 'it', 'who', 'whom', 'someone', 'somebody', 'anyone', 'everyone', 'nobody', 'others', 'both', 'each']);
/** The speaker's own words ("we strongly oppose", "I opposed the hold"): a claim of the one quoted, not an event we can code. */
const SPEAKER_PRONOUNS = new Set(['i', 'we', 'me', 'us', 'you']);

/** What a coded participant is: an actor (person, organisation, state, group, sector noun), the quoted speaker, a place or object one can act on, or a thing. */
type ParticipantKind = 'actor' | 'speaker' | 'place' | 'thing';

/**
 * Places, buildings, vehicles, property and weapons: attacks, raids and seizures act on them, and a weapon or
 * vehicle stands for its unnamed user ("a drone struck civilians").
 */
const PHYSICAL_NOUNS = new Set(['drone', 'missile', 'rocket', 'bomb', 'shell', 'mortar', 'grenade', 'mine', 'airstrike', 'strike', 'explosive', 'artillery', 'gunfire', 'warship', 'submarine', 'tank', 'village', 'town', 'city', 'capital', 'province', 'region', 'district', 'county', 'area', 'neighborhood', 'neighbourhood', 'territory', 'island', 'coast', 'border', 'street', 'square', 'road', 'highway', 'bridge', 'tunnel', 'base', 'camp', 'convoy', 'position', 'outpost', 'post', 'checkpoint', 'stronghold', 'hideout', 'compound', 'headquarters', 'building', 'home', 'house', 'apartment', 'residence', 'property', 'hotel', 'restaurant', 'shop', 'store', 'market', 'mall', 'garage', 'warehouse', 'depot', 'factory', 'plant', 'facility', 'site', 'lab', 'laboratory', 'hospital', 'clinic', 'school', 'campus', 'mosque', 'church', 'synagogue', 'temple', 'shrine', 'embassy', 'consulate', 'prison', 'jail', 'courthouse', 'palace', 'museum', 'stadium', 'park', 'port', 'harbor', 'harbour', 'airport', 'airfield', 'station', 'pipeline', 'refinery', 'infrastructure', 'vehicle', 'car', 'bus', 'truck', 'train', 'ship', 'vessel', 'boat', 'tanker', 'plane', 'aircraft', 'airliner', 'jet', 'drone', 'helicopter', 'satellite', 'field', 'farm', 'crop', 'office']);

function participantKind(a: CodedActor, s: Sentence, tokens: readonly CoderToken[], mentions: readonly Mention[], entityById: ReadonlyMap<string, DocEntity>, agentHeads: ReadonlySet<string>, isMaterial = false): ParticipantKind {
  if (isThing(a, s, tokens, mentions, entityById)) return 'thing';
  const head = tokens[a.end - 1]!;
  const word = head.text.toLowerCase();
  // Who uses force, mobilises or coerces is named by the phrase's head: "Dempsey's questions hit pay dirt" and
  // "Tariffs have strengthened the leverage" name no one who acts, whatever name modifies the head.
  const headNamed = isHeadNamed(a, s, tokens, mentions);
  // An "it" no one resolved stands for a thing far more often than for a party: "It supports Java", "it prevented
  // Google from crawling" (a state or company is resolved through "its" or the reporting subject).
  if (a.entityId === undefined && (word === 'it' || word === 'itself')) return 'thing';
  // A phrase whose name only modifies its common-noun head is a thing of that party: "Russian collusion", "the United
  // States' leverage", "Sony's products", "Ukrainian policy" (a pronoun or role noun resolved to an entity has no
  // name of its own in the phrase and keeps it).
  const hasNameInPhrase = mentions.some((m) => m.tokenStart < s.tokenStart + a.end && m.tokenEnd > s.tokenStart + a.start);
  const lemma = head.lemma.toLowerCase();
  const isPersonOrPhysical = PERSON_NOUNS.has(lemma) || PERSON_NOUNS.has(word) || PHYSICAL_NOUNS.has(lemma) || PHYSICAL_NOUNS.has(word) || agentHeads.has(head.text.replace(/[\u2018\u2019]/g, "'").toUpperCase());
  if (a.entityId !== undefined && hasNameInPhrase && !headNamed && head.pos === 'NOUN' && !isPersonOrPhysical) return 'thing';
  if (isMaterial && head.pos === 'NOUN' && !headNamed && !PHYSICAL_NOUNS.has(head.lemma.toLowerCase()) && !PHYSICAL_NOUNS.has(word) && !PERSON_NOUNS.has(head.lemma.toLowerCase()) && !PERSON_NOUNS.has(word) && !agentHeads.has(head.text.replace(/[\u2018\u2019]/g, "'").toUpperCase())) return 'thing';
  // A common noun whose code comes from its modifier is a thing of that actor: "the party logo", "its pension fund".
  const isNamed = headNamed || (a.entityId !== undefined && !hasNameInPhrase);
  const isPhysical = PHYSICAL_NOUNS.has(head.lemma.toLowerCase()) || PHYSICAL_NOUNS.has(word);
  if (a.code && !isNamed && !isPhysical && head.pos === 'NOUN' && !agentHeads.has(head.text.replace(/[\u2018\u2019]/g, "'").toUpperCase()) && !PERSON_NOUNS.has(head.lemma.toLowerCase()) && !PERSON_NOUNS.has(word)) return 'thing';
  // A sentence-opening common noun the name tagger took for a name ("Tariffs") is judged by its word below.
  const isMisreadName = !headNamed && hasNameInPhrase && a.end - a.start === 1;
  if (!isMisreadName && (isActorLike(a, s, mentions, entityById) || a.entityId)) return 'actor';
  if (SPEAKER_PRONOUNS.has(word)) return 'speaker';
  if (THIRD_PERSON_PRONOUNS.has(word) || head.pos === 'PROPN') return 'actor';
  if (PERSON_NOUNS.has(head.lemma.toLowerCase()) || PERSON_NOUNS.has(word) || agentHeads.has(head.text.toUpperCase())) return 'actor';
  // Places, buildings and vehicles are acted on: "attacked the village", "shelled a hospital", "seized a tanker".
  return isPhysical ? 'place' : 'thing';
}

/**
 * Is the head of participant `a` inside a name? Not when that "name" is a lone common noun opening the sentence,
 * capitalised only for its place and tagged a common noun ("Tariffs have hurt farmers", "Services offered: …"),
 * which the name tagger may still read as an organisation.
 */
function isHeadNamed(a: CodedActor, s: Sentence, tokens: readonly CoderToken[], mentions: readonly Mention[]): boolean {
  const head = s.tokenStart + a.end - 1;
  const m = mentions.find((x) => x.tokenStart <= head && head < x.tokenEnd);
  if (!m) return false;
  const isOpeningCommonNoun = m.tokenEnd - m.tokenStart === 1 && m.tokenStart === s.tokenStart + firstWordOf(tokens) && tokens[a.end - 1]!.pos === 'NOUN';
  return !isOpeningCommonNoun;
}

/** The verbs of the ACQUIRE block (event-verbs.txt): a purchase is an event only as a deal between organisations. */
const PURCHASE_VERBS: ReadonlySet<string> = new Set(['ACQUIRE', 'BUY', 'PURCHASE']);

/** Entity kinds that are organisations: the parties to a company deal. */
const ORGANISATION_KINDS: ReadonlySet<EntityKind> = new Set(['company', 'organisation', 'media-outlet']);

/**
 * Both sides of a purchase are organisations: each phrase's head is an organisation's name (an ORG mention or an
 * entity of an organisation kind), on both sides, so a person, place, share or product bought never makes a deal.
 */
function isDealBetweenOrganisations(e: CodedEvent, s: Sentence, mentions: readonly Mention[], entityById: ReadonlyMap<string, DocEntity>): boolean {
  const isOrganisation = (a: CodedActor): boolean => {
    const entity = a.entityId ? entityById.get(a.entityId) : undefined;
    if (entity) return ORGANISATION_KINDS.has(entity.kind);
    const head = s.tokenStart + a.end - 1;
    return mentions.some((m) => m.tokenStart <= head && head < m.tokenEnd && m.type === 'ORG');
  };
  return e.sources.length > 0 && e.targets.length > 0 && [...e.sources, ...e.targets].every(isOrganisation);
}

/** Index of the sentence's first word (after any opening quotes, bullets or brackets). */
function firstWordOf(tokens: readonly CoderToken[]): number {
  const i = tokens.findIndex((t) => /[\p{L}\p{N}]/u.test(t.text));
  return i < 0 ? 0 : i;
}

/**
 * Does the noun phrase headed by sentence token k name someone or somewhere one can meet or attack: a name, a sector noun of the dictionary, a person or group noun, or a
 * place, building, vehicle or weapon?
 */
function isParticipantHead(k: number, s: Sentence, tokens: readonly CoderToken[], deps: SentenceDeps, mentions: readonly Mention[], agentHeads: ReadonlySet<string>): boolean {
  // A name anywhere in the phrase up to its head counts, even one the tagger missed or read as MISC: "the Gush Etzion
  // settlement bloc". Only a plain common-noun object ("a search warrant", "bids") fixes another sense.
  let first = k;
  for (let j = k - 1; j >= 0 && isUnder(deps, j, k); j--) first = j;
  if (mentions.some((x) => x.tokenStart <= s.tokenStart + k && x.tokenEnd > s.tokenStart + first)) return true;
  if (tokens.slice(first, k + 1).some((t) => t.pos === 'PROPN')) return true;
  const t = tokens[k]!;
  const lemma = t.lemma.toLowerCase();
  const word = t.text.toLowerCase();
  return PERSON_NOUNS.has(lemma) || PERSON_NOUNS.has(word) || PHYSICAL_NOUNS.has(lemma) || PHYSICAL_NOUNS.has(word) || agentHeads.has(t.text.replace(/[\u2018\u2019]/g, "'").toUpperCase());
}

/** Is token j inside the subtree of token k? */
function isUnder(deps: SentenceDeps, j: number, k: number): boolean {
  for (let h = deps.head[j]!, guard = 0; h >= 0 && guard < deps.head.length; h = deps.head[h]!, guard++) if (h === k) return true;
  return false;
}

/** CAMEO roots of cooperative acts: public statements, appeals, intents and offers, consultations, support, cooperation, aid. */
const COOPERATIVE_ROOTS = new Set(['01', '02', '03', '04', '05', '06', '07']);

/** CAMEO roots of verbal acts (statements, appeals, intents, consent, demands, disapproval, rejection, threats): their target may be a policy or a move. */
const VERBAL_ROOTS = new Set(['01', '02', '03', '05', '10', '11', '12', '13']);

/**
 * The event as the text supports it, or undefined when its participants make it no event: an actor's own words
 * in a quotation ("we oppose …": the claims stage records them), a thing as the one who acts ("two crashes killed
 * 346 people", "a series of tweets supporting Johnson"), or a thing as the only one acted on for a material act
 * ("attacked each other's policies", "concluded its third hearing"). A verbal act on a thing keeps its actor and
 * loses the target ("criticised the policy shift").
 */
function withPlausibleParticipants(e: CodedEvent, s: Sentence, tokens: readonly CoderToken[], mentions: readonly Mention[], entityById: ReadonlyMap<string, DocEntity>, agentHeads: ReadonlySet<string>): CodedEvent | undefined {
  const kind = (a: CodedActor): ParticipantKind => participantKind(a, s, tokens, mentions, entityById, agentHeads);
  // One participant on both sides ("Rudolph … hitting Rudolph"): a misread clause, not an event.
  const textOf = (a: CodedActor): string => tokens.slice(a.start, a.end).map((t) => t.text.toLowerCase()).join(' ');
  const same = (a: CodedActor, b: CodedActor): boolean => (a.start === b.start && a.end === b.end) || textOf(a) === textOf(b);
  if (e.sources.some((a) => e.targets.some((b) => same(a, b)))) return undefined;
  // One party never acts on itself: "China's ambassador … warned that the Chinese government 'will not sit on our
  // hands'" names China's own side in the warning, not the one warned.
  const selfTargets = e.targets.filter((b) => b.entityId !== undefined && e.sources.some((a) => a.entityId === b.entityId && a.code === b.code));
  if (selfTargets.length > 0) return withPlausibleParticipants({ ...e, targets: e.targets.filter((b) => !selfTargets.includes(b)) }, s, tokens, mentions, entityById, agentHeads);
  // Force, mobilisation and coercion (CAMEO 15–20) need an actor as the head of their source phrase.
  const isMaterial = ['15', '16', '17', '18', '19', '20'].includes(e.code.slice(0, 2));
  const sources = e.sources.map((a) => participantKind(a, s, tokens, mentions, entityById, agentHeads, isMaterial));
  if (sources.includes('speaker')) return undefined;
  if (sources.length > 0 && !sources.includes('actor') && !sources.includes('place')) return undefined;
  const targets = e.targets.map(kind);
  if (targets.length === 0 || targets.includes('actor') || (targets.includes('place') && !VERBAL_ROOTS.has(e.code.slice(0, 2)))) return e;
  if (!VERBAL_ROOTS.has(e.code.slice(0, 2)) || e.sources.length === 0) return undefined;
  return { ...e, targets: [] };
}

/** Does a participant name someone: an entity, a country or organisation code (not a bare sector), or a name in its words? */
function isNamedParticipant(a: CodedActor, s: Sentence, tokens: readonly CoderToken[], mentions: readonly Mention[]): boolean {
  if (a.entityId !== undefined || (a.code !== undefined && !a.code.startsWith('---'))) return true;
  if (tokens.slice(a.start, a.end).some((t) => t.pos === 'PROPN')) return true;
  return mentions.some((m) => m.tokenStart < s.tokenStart + a.end && m.tokenEnd > s.tokenStart + a.start && m.type !== 'MISC');
}

/**
 * A consultation (CAMEO 04: meet, talk, visit, host) as the parties it is between, or undefined when it is none:
 * the one met or visited is an actor or a named place, never what was talked about or where the visitor came from
 * ("people were talking about South Dakota's slogan", "we've arrived late from London") nor an unnamed spot
 * ("arriving at the job market"); and at least one side is named ("he visited his local doctor" is a patient's
 * errand, not a consultation an analyst records). The caller then drops one addressed to no one.
 */
function consultBetweenParties(e: CodedEvent, s: Sentence, tokens: readonly CoderToken[], mentions: readonly Mention[], entityById: ReadonlyMap<string, DocEntity>, agentHeads: ReadonlySet<string>, deps: SentenceDeps | undefined, head: number | undefined): CodedEvent | undefined {
  const targets = e.targets.filter((a) => {
    if (deps && head !== undefined && isTopicOrOrigin(tokens, deps, head, a.end - 1)) return false;
    const kind = participantKind(a, s, tokens, mentions, entityById, agentHeads);
    return kind === 'actor' || (kind === 'place' && isNamedParticipant(a, s, tokens, mentions));
  });
  if (![...e.sources, ...targets].some((a) => isNamedParticipant(a, s, tokens, mentions))) return undefined;
  return targets.length === e.targets.length ? e : { ...e, targets };
}

/** Pronoun and nominal references resolved by the entities stage, by start offset: "he" → the entity it stands for. */
function referenceIndex(doc: Doc): Map<number, DocEntity> {
  const out = new Map<number, DocEntity>();
  for (const e of doc.layers.entities ?? []) for (const r of e.references ?? []) out.set(r.start, e);
  return out;
}

/** CAMEO roots of acts addressed to a party that are no movement: appeals, intents, support, cooperation, aid, demands. */
const ADDRESSED_ROOTS = new Set(['02', '03', '05', '06', '07', '10']);

/** CAMEO "criticize or denounce": what a verbal attack is. */
const CRITICISE_CODE = '111';

/** CAMEO roots of material acts: mobilisation, sanctions, coercion, assault, fighting, mass violence. */
const MATERIAL_ROOTS = new Set(['15', '16', '17', '18', '19', '20']);
const isMaterial = (cameo: string): boolean => MATERIAL_ROOTS.has(cameo.slice(0, 2));

/** A participant that is a town, state or region: a place entity that is neither a country nor a capital. */
function isLocale(a: CodedActor, entityById: ReadonlyMap<string, DocEntity>, lexicon: EventLexicon): boolean {
  const entity = a.entityId ? entityById.get(a.entityId) : undefined;
  if (!entity || entity.type !== 'LOC' || entity.kind !== 'place') return false;
  return lexicon.resolveCountry?.(entity.name.toUpperCase().split(/\s+/)) === undefined;
}

/** Words that make a noun phrase indefinite: "a department", "some officers" name no organisation of the article. */
const INDEFINITE = new Set(['a', 'an', 'another', 'some', 'any', 'other', 'many', 'several', 'no', 'every', 'each']);

/**
 * The article's organisations by the common words of their names ("police" → Columbus Police Department,
 * "ministry" → the Foreign Ministry), null for a word two of them share: a bare role noun names the one organisation
 * of the article that it is part of the name of ("Police arrested six people").
 */
function organisationsByNoun(doc: Doc): Map<string, DocEntity | null> {
  const out = new Map<string, DocEntity | null>();
  for (const e of doc.layers.entities ?? []) {
    if (e.type !== 'ORG' || e.kind === 'other') continue;
    const words = new Set([e.name, ...e.aliases].flatMap((n) => n.toLowerCase().split(/[^\p{L}]+/u)).filter((w) => w.length > 3));
    for (const w of words) out.set(w, out.has(w) && out.get(w) !== e ? null : e);
  }
  return out;
}

/**
 * A participant named by a bare common noun that is a word of exactly one organisation's name in the article
 * ("Police", "the ministry") takes that organisation; a phrase with a name or an indefinite word of its own does not
 * ("Russian police", "a ministry").
 */
function withOrganisation(a: CodedActor, tokens: readonly CoderToken[], organisations: ReadonlyMap<string, DocEntity | null>): CodedActor {
  if (a.entityId) return a;
  const head = tokens[a.end - 1]!;
  if (head.pos !== 'NOUN') return a;
  const phrase = tokens.slice(a.start, a.end - 1);
  if (phrase.some((t) => t.pos === 'PROPN' || t.pos === 'NUM' || INDEFINITE.has(t.text.toLowerCase()) || /^\p{Lu}/u.test(t.text) && t.pos !== 'DET')) return a;
  const entity = organisations.get(head.lemma.toLowerCase()) ?? organisations.get(head.text.toLowerCase());
  if (!entity) return a;
  const code = a.code && !a.code.startsWith('---') ? a.code : (entityCode(entity) ?? a.code);
  return { ...a, entityId: entity.id, ...(code ? { code } : {}) };
}

/**
 * The event's participants resolved to the article's entities (pronouns and role nouns through the entities stage,
 * bare organisation nouns through the names above). A resolution that puts one entity on both sides ("she accused
 * him", both read as the last-named man) is a wrong guess of the resolver, not a self-accusation: the resolved
 * side falls back to its own words.
 */
function resolveParticipants(e: CodedEvent, tokens: readonly CoderToken[], references: ReadonlyMap<number, DocEntity>, organisations: ReadonlyMap<string, DocEntity | null>): CodedEvent {
  const resolve = (a: CodedActor): CodedActor => withOrganisation(withReference(a, tokens, references), tokens, organisations);
  let sources = e.sources.map(resolve);
  let targets = e.targets.map(resolve);
  const ids = (xs: readonly CodedActor[]): Set<string | undefined> => new Set(xs.map((x) => x.entityId).filter(Boolean));
  const targetIds = ids(targets);
  if (sources.some((x, i) => x.entityId !== undefined && x !== e.sources[i] && targetIds.has(x.entityId))) sources = e.sources.map((x, i) => (targetIds.has(sources[i]!.entityId) && sources[i] !== x ? x : sources[i]!));
  const sourceIds = ids(sources);
  if (targets.some((x, i) => x.entityId !== undefined && x !== e.targets[i] && sourceIds.has(x.entityId))) targets = e.targets.map((x, i) => (sourceIds.has(targets[i]!.entityId) && targets[i] !== x ? x : targets[i]!));
  return { ...e, sources, targets };
}

/**
 * A participant whose phrase names a person only as a modifier of a common-noun head ("Epstein's victims", "Trump's
 * wife", "the Swift family lawyer") is someone related to that person, not the person: it keeps its words and code
 * but not the person's identity, which would show the person acting or acted on. A country or organisation named
 * that way keeps its identity ("China's ambassador", "Columbus police": the CAMEO actor is that state or body).
 */
export function withoutPossessorIdentity(a: CodedActor, s: Sentence, tokens: readonly CoderToken[], mentions: readonly Mention[], entityById: ReadonlyMap<string, DocEntity>): CodedActor {
  const entity = a.entityId ? entityById.get(a.entityId) : undefined;
  if (!entity || entity.type !== 'PER' || tokens[a.end - 1]?.pos !== 'NOUN') return a;
  const head = s.tokenStart + a.end - 1;
  const inPhrase = mentions.filter((m) => entity.mentionIds.includes(m.id) && m.tokenStart >= s.tokenStart + a.start && m.tokenEnd <= s.tokenStart + a.end);
  if (inPhrase.length === 0 || inPhrase.some((m) => m.tokenStart <= head && head < m.tokenEnd)) return a;
  const { entityId: _person, ...rest } = a;
  return rest;
}

/**
 * A participant that is a pronoun or role noun the entities stage resolved ("he said he would attack" → the named
 * man) takes that entity and its code, so the event names who acted rather than "he".
 */
function withReference(a: CodedActor, tokens: readonly CoderToken[], references: ReadonlyMap<number, DocEntity>): CodedActor {
  // Only the phrase's head: in "his lawyers" the lawyers act, not the man "his" stands for.
  const entity = a.entityId ? undefined : references.get(tokens[a.end - 1]!.start);
  if (!entity) return a;
  const code = a.code ?? entityCode(entity);
  return { ...a, entityId: entity.id, ...(code ? { code } : {}) };
}

/** A trigger written in capitals between capitalised words, not at the sentence start: a word of a name or title. */
/** Words that open a noun phrase: "the recently released …", a participle after one and an -ly adverb, modifies the phrase's noun. */
const PHRASE_OPENERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your']);

/**
 * Is the one-word trigger a participle used as an adjective before its noun, after a determiner and an -ly adverb:
 * "the recently released survey", "an internationally recognized academic medical center"? Such a phrase names a
 * thing; the act, if any, is told elsewhere. (Without the adverb, "the occupied West Bank", the parse's amod arc
 * decides, in nonEventUse.) Read from the tokens, so it holds where the parse attaches the participle as a verb (on WCXB pages
 * the parse did, and both became events).
 */
export function isAttributiveParticiple(tokens: readonly CoderToken[], start: number, end: number): boolean {
  if (end - start !== 1 || !/(ed|en|wn)$/i.test(tokens[start]!.text)) return false;
  const next = tokens[end];
  if (!next || !['ADJ', 'NOUN', 'PROPN'].includes(next.pos)) return false;
  let before = start - 1;
  // By its -ly ending, not its tag: the tagger read "internationally" there as a noun.
  if (/^[a-z]{3,}ly$/i.test(tokens[before]?.text ?? '')) before--;
  return before >= 0 && before < start - 1 && PHRASE_OPENERS.has(tokens[before]!.text.toLowerCase());
}

function isInsideName(tokens: readonly CoderToken[], start: number, end: number): boolean {
  const isCapital = (t: CoderToken | undefined): boolean => t !== undefined && /^\p{Lu}/u.test(t.text);
  if (!(start > 0 && isCapital(tokens[start]) && isCapital(tokens[start - 1]) && isCapital(tokens[end]))) return false;
  // A headline in title case ("Police Arrest Six in Drug Raid") capitalises every word: there the trigger is a verb.
  const words = tokens.filter((t) => /^\p{L}/u.test(t.text));
  return words.filter(isCapital).length * 2 < words.length;
}

/** A participant that is a newsroom: a media code or outlet entity, the article's outlet, or the byline's reporter. */
function isNewsroom(a: CodedActor, tokens: readonly CoderToken[], doc: Doc, entityById: ReadonlyMap<string, DocEntity>): boolean {
  if (a.code?.endsWith('MED')) return true;
  // "Eyewitness News met with a customer": an outlet meeting or talking to someone is gathering news.
  if (a.entityId !== undefined && entityById.get(a.entityId)?.kind === 'media-outlet') return true;
  const words = tokens.slice(a.start, a.end).map((t) => t.text.toLowerCase());
  const head = words[words.length - 1] ?? '';
  const own = `${doc.meta.byline ?? ''} ${doc.meta.outlet ?? ''}`.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2);
  return head.length > 2 && own.includes(head);
}

/**
 * One event told twice in an article (a headline and its lead, a summary and its details) is one event: same type,
 * same actors and targets (by entity, else by head word), and no conflicting time or place. The telling with more
 * roles filled (time, place, counts) is kept, the first on a tie.
 */
export function withoutRepeats(events: readonly EventMention[], times: readonly TimeExpr[]): EventMention[] {
  const value = new Map(times.map((t) => [t.id, t.value]));
  const key = (a: ActorRef): string => a.entityId ?? a.text.toLowerCase().split(/\s+/).pop() ?? '';
  const side = (list: readonly ActorRef[]): string => list.map(key).sort().join('+');
  const filled = (e: EventMention): number => (e.timeId ? 1 : 0) + (e.placeId ? 1 : 0) + Object.keys(e.counts).length + (e.sources.length > 0 ? 1 : 0) + (e.targets.length > 0 ? 1 : 0);
  const compatible = (a: EventMention, b: EventMention): boolean =>
    (!a.timeId || !b.timeId || value.get(a.timeId) === value.get(b.timeId)) && (!a.placeId || !b.placeId || a.placeId === b.placeId);
  const kept: EventMention[] = [];
  for (const e of events) {
    if (e.sources.length === 0 && e.targets.length === 0) {
      kept.push(e);
      continue;
    }
    const k = `${e.ploverType}|${side(e.sources)}|${side(e.targets)}`;
    const at = kept.findIndex((x) => `${x.ploverType}|${side(x.sources)}|${side(x.targets)}` === k && compatible(x, e));
    if (at < 0) kept.push(e);
    else if (filled(e) > filled(kept[at]!)) kept[at] = e;
  }
  return kept.sort((a, b) => a.trigger.start - b.trigger.start);
}

/** Granularities that name the day an act happened on ("Monday", "Nov. 18", "at 3 p.m."), not a month or a year. */
const DAY_GRANULARITIES = new Set(['instant', 'minute', 'hour', 'day']);

/**
 * An event told with no time of its own takes the day of the event told just before it, within the two sentences
 * before its own: news tells one day's acts in a row and dates only the first ("Police arrested six people Monday
 * … Officers also arrested Tays"). Only a day read on that event's own clauses is passed on (never one passed on
 * itself), only to an act reported as done (not a plan or an ongoing state), and never across a dated event of
 * another day in between.
 */
export function withNarrativeTime(events: readonly EventMention[], sentences: readonly Sentence[], times: readonly TimeExpr[]): EventMention[] {
  const byId = new Map(times.map((t) => [t.id, t]));
  const sentenceAt = (offset: number): number => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sentences[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  let last: { sentence: number; timeId: string } | undefined;
  return events.map((e) => {
    const here = sentenceAt(e.trigger.start);
    const own = e.timeId ? byId.get(e.timeId) : undefined;
    if (own) {
      last = own.type !== 'DURATION' && own.type !== 'SET' && DAY_GRANULARITIES.has(own.granularity) ? { sentence: here, timeId: own.id } : undefined;
      return e;
    }
    if (!last || e.modality !== 'asserted' || here - last.sentence > 2) return e;
    return { ...e, timeId: last.timeId };
  });
}

/** Turns one coded event into the model's EventMention; undefined when PLOVER has no type for it. */
export function toEventMention(doc: Doc, s: Sentence, tokens: readonly CoderToken[], e: CodedEvent, lexicon: EventLexicon, id: string, places: readonly PlaceRef[], times: readonly TimeExpr[], deps?: SentenceDeps): EventMention | undefined {
  // PLOVER codes a planned cooperative act as AGREE and a planned hostile act as THREATEN.
  const cameo = e.modality === 'planned' ? intentCode(e.code) : e.code;
  const plover = ploverForCameo(lexicon.cameoPlover, cameo);
  if (!plover) return undefined;
  const actor = (a: CodedActor): ActorRef => {
    const start = tokens[a.start]!.start;
    const end = tokens[a.end - 1]!.end;
    return { start, end, text: doc.text.slice(start, end), ...(a.entityId ? { entityId: a.entityId } : {}), ...(a.code ? { code: a.code } : {}) };
  };
  const trigger = { start: tokens[e.triggerStart]!.start, end: tokens[e.triggerEnd - 1]!.end };
  const placeSpan = e.place ? { start: tokens[e.place.start]!.start, end: tokens[e.place.end - 1]!.end } : undefined;
  // With a parse, no locative phrase on the trigger's clause means no place, and only an attached time counts.
  const place = placeSpan ? places.find((p) => p.start < placeSpan.end && p.end > placeSpan.start) : deps ? undefined : nearest(places, s, trigger.start);
  const time = deps && e.clauseChain ? attachedTime(s, tokens, deps, e.clauseChain, times) : nearest(times, s, trigger.start);
  return {
    id,
    evidence: { start: s.start, end: s.end },
    trigger,
    ploverType: plover.type,
    ...(plover.mode ? { ploverMode: plover.mode } : {}),
    contexts: plover.contexts,
    cameo,
    sources: e.sources.map(actor),
    targets: e.targets.map(actor),
    ...(place ? { placeId: place.id } : {}),
    ...(time ? { timeId: time.id } : {}),
    counts: e.counts,
    modality: e.modality,
  };
}

function isInQuote(t: CoderToken, quotes: readonly { start: number; end: number }[]): boolean {
  return quotes.some((q) => q.start <= t.start && t.end <= q.end);
}

/** The event with only the actors inside the direct quotation that holds its trigger (unchanged when none does). */
function withinQuote(e: CodedEvent, tokens: readonly CoderToken[], quotes: readonly { start: number; end: number }[]): CodedEvent {
  const trigger = tokens[e.triggerStart];
  const quote = trigger && quotes.find((q) => q.start <= trigger.start && trigger.end <= q.end);
  if (!quote) return e;
  const inside = (a: CodedActor): boolean => tokens[a.start]!.start >= quote.start && tokens[a.end - 1]!.end <= quote.end;
  return { ...e, sources: e.sources.filter(inside), targets: e.targets.filter(inside) };
}

/**
 * The event without participants named as the source of the report ("according to Alex Horton of the Washington
 * Post, [he] killed a rabbit"): an informant neither acts nor is acted on.
 */
export function withoutInformants(e: CodedEvent, tokens: readonly CoderToken[]): CodedEvent {
  const isInformant = (a: CodedActor): boolean => a.start >= 2 && tokens[a.start - 2]!.text.toLowerCase() === 'according' && tokens[a.start - 1]!.text.toLowerCase() === 'to';
  if (!e.sources.some(isInformant) && !e.targets.some(isInformant)) return e;
  return { ...e, sources: e.sources.filter((a) => !isInformant(a)), targets: e.targets.filter((a) => !isInformant(a)) };
}

/** Creates the `events` stage. */
export function createEventsStage(): Stage<'events'> {
  return defineStage({
    name: 'events',
    version: 10,
    requires: ['tokens', 'sentences', 'mentions'],
    assigns: 'events',
    run(doc, ctx) {
      if (!ctx.resources.has(EVENT_LEXICON_RESOURCE)) {
        throw new DossierError('E_RESOURCE_MISSING', `the events stage needs resource "${EVENT_LEXICON_RESOURCE}" (loadEventLexicon in src/app/dictionaries.ts)`);
      }
      const lexicon = ctx.resources.get<EventLexicon>(EVENT_LEXICON_RESOURCE);
      const coder = createEventCoder(lexicon);
      const entityOf = new Map<string, DocEntity>();
      for (const e of doc.layers.entities ?? []) for (const m of e.mentionIds) entityOf.set(m, e);
      const mentions = doc.layers.mentions ?? [];
      const places = doc.layers.places ?? [];
      // Only a date or a time of day dates an act: "for three days", "in recent decades" (durations) and "every
      // Friday" (a set) say how long or how often, and shown as the event's date they would be wrong.
      const times = (doc.layers.times ?? []).filter((t) => t.type === 'DATE' || t.type === 'TIME');
      const date = dictDate(ctx.publishedAt);
      // Direct quotations (when the claims stage ran): an event told inside one takes its actors from the quote only,
      // so the speaker named after it ("…,” Haddad said) is never made its actor or target.
      const quotes = (doc.layers.claims ?? []).filter((c) => c.isDirectQuote).map((c) => c.content);
      // Only a statement's cue is a speech verb: a judgement or a wish ("condemned the move", "called for talks") is
      // itself the act of disapproving or appealing, so its verb may still code an event.
      const cues = (doc.layers.claims ?? []).flatMap((c) => (c.cue && claimKindOf(c) === 'assertion' ? [c.cue] : []));
      const entityById = new Map((doc.layers.entities ?? []).map((x) => [x.id, x]));
      const references = referenceIndex(doc);
      const organisations = organisationsByNoun(doc);
      // Last words of the dictionary's sector nouns ("POLICE", "FORCES"): a phrase headed by one is an actor.
      const agentHeads = new Set([...lexicon.agents.values()].flatMap((list) => list.map((a) => a.words[a.words.length - 1]!)));
      const events: EventMention[] = [];
      // Read only when a result verb in a sports sentence asks: is the whole article a sports report?
      let sportsReport: boolean | undefined;
      const isInSportsReport = () => (sportsReport ??= isSportsReport((doc.layers.sentences ?? []).map((x) => ({ tokens: sentenceTokens(doc, x), text: doc.text.slice(x.start, x.end) }))));
      for (const s of doc.layers.sentences ?? []) {
        const tokens = sentenceTokens(doc, s);
        const deps = sentenceDeps(doc, s);
        const coded = coder.codeSentence(tokens, { ...(date !== undefined ? { date } : {}), hints: hintsFor(s, mentions, entityOf), ...(deps ? { deps } : {}) });
        const inSentence = coded.events.length > 0 ? mentions.filter((m) => m.tokenStart >= s.tokenStart && m.tokenEnd <= s.tokenEnd) : [];
        // Heads of every trigger in the sentence: an event in another's complement is its content ("threatened to kill").
        const triggerHeads = new Set(coded.events.flatMap((e) => (e.clauseChain ? [e.clauseChain[0]!] : [])));
        // A sentence with a final stop is running text; one without may be a headline, which tells news in the present.
        const endsWithStop = /[.!?\u2026]["'\u201d\u2019)\]]*\s*$/.test(doc.text.slice(s.start, s.end));
        // The events kept in this sentence by trigger head, for coordinated verbs of one act.
        const kept = new Map<number, EventMention>();
        for (const codedEvent of coded.events) {
          // Only events the text reports as happened (or planned, which PLOVER codes as AGREE/THREATEN): not
          // negated or hypothetical ones, nor a purpose, wish, intent or amount (src/events/asserted.ts).
          if (codedEvent.modality === 'negated' || codedEvent.modality === 'hypothetical') continue;
          const head = codedEvent.clauseChain?.[0];
          if (deps && head !== undefined && unassertedReason(tokens, deps, head, new Set([...triggerHeads].filter((h) => h !== head)))) continue;
          // Under a modal or negation of a clause above ("would have objected to Ukraine [opening] …"), or the perfect
          // of a relative clause describing a participant ("which has [rejected] …"): not reported as happened.
          if (deps && head !== undefined && (isInModalScope(tokens, deps, head) || isPerfectRelative(tokens, deps, head))) continue;
          const resolved = resolveParticipants(codedEvent, tokens, references, organisations);
          // A statement, demand or rejection inside a direct quotation ("we strongly oppose …") is the quoted speaker's
          // claim, which the claims stage records with its source; acts told in a quotation stay events.
          if (VERBAL_ROOTS.has(codedEvent.code.slice(0, 2)) && isInQuote(tokens[codedEvent.triggerStart]!, quotes)) continue;
          const informed = withoutInformants(withinQuote(resolved, tokens, quotes), tokens);
          const ownIdentity = (a: CodedActor): CodedActor => withoutPossessorIdentity(a, s, tokens, inSentence, entityById);
          const quoted = { ...informed, sources: informed.sources.map(ownIdentity), targets: informed.targets.map(ownIdentity) };
          if (!isPlausible(quoted, s, tokens, inSentence, entityById)) continue;
          // "killed in a helicopter crash", with no one named who killed: an accident.
          if (deps && head !== undefined && quoted.sources.length === 0 && isAccidentAt(tokens, deps, head)) continue;
          // A capitalised trigger inside a name ("the Volatiles Investigating Polar Exploration Rover") is part of it.
          if (isInsideName(tokens, codedEvent.triggerStart, codedEvent.triggerEnd)) continue;
          // "the recently [released] survey", "an internationally [recognized] center": it describes a noun.
          if (isAttributiveParticiple(tokens, codedEvent.triggerStart, codedEvent.triggerEnd)) continue;
          // The reporter's own news-gathering ("Pineda met up with Al-Ibrahim", "ABC 7 did receive a text") is no event.
          if (quoted.code.startsWith('04') && quoted.sources.some((a) => isNewsroom(a, tokens, doc, entityById))) continue;
          // Seizure, arrest, expulsion, repression, blockade and occupation (CAMEO 17, 191, 192: PLOVER's COERCE) are done
          // to someone or something: with nothing acted on, the verb is used in another sense ("it was Morrison who took over").
          if (/^(17|191|192)/.test(quoted.code) && quoted.targets.length === 0) continue;
          // "attacked Trump's wife, children, family, businesses", "attacked Biden in a tweet": an attack in words is
          // criticism (CAMEO 111), never an assault.
          // People and things no force reaches in one list; things alone are another sense ("hit its targets"), dropped below.
          const targetKinds = isMaterial(quoted.code) ? quoted.targets.map((a) => participantKind(a, s, tokens, inSentence, entityById, agentHeads, true)) : [];
          const attacksThings = targetKinds.includes('thing') && targetKinds.includes('actor');
          const worded = deps && head !== undefined && isMaterial(quoted.code) && isVerbalAttack(tokens, deps, head, attacksThings) ? { ...quoted, code: CRITICISE_CODE } : quoted;
          const plausible = withPlausibleParticipants(worded, s, tokens, inSentence, entityById, agentHeads);
          // A meeting or visit is between parties (issue 14): not with a topic, an origin or an unnamed spot.
          const consulted = plausible?.code.startsWith('04') ? consultBetweenParties(plausible, s, tokens, inSentence, entityById, agentHeads, deps, head) : plausible;
          if (!consulted) continue;
          // "offered to fly the cat to Portland": a town or region is where something goes, not the one an offer,
          // appeal, endorsement, aid or demand is addressed to (a country or capital stands for its government).
          const e = ADDRESSED_ROOTS.has(consulted.code.slice(0, 2)) && consulted.targets.some((a) => isLocale(a, entityById, lexicon)) ? { ...consulted, targets: consulted.targets.filter((a) => !isLocale(a, entityById, lexicon)) } : consulted;
          // A statement, appeal, offer, visit, endorsement, cooperation or aid with no one named who does it ("This
          // certificate is offered to members", "is widely recognized for", "visiting Hokkaido") reports no act of a
          // party; force, coercion and accusations are kept without their actor ("was arrested", "was accused of").
          if (e.sources.length === 0 && COOPERATIVE_ROOTS.has(e.code.slice(0, 2))) continue;
          // A verb opening the sentence with no one acting is an order, a heading or a label: "Reduce symptoms of
          // asthma", "Prevent Domain Controllers from …", "Hitting a plateau".
          if (e.sources.length === 0 && e.triggerStart === firstWordOf(tokens)) continue;
          // Force used by a town, state or region ("Minnesota beat Buffalo", "Columbus beat Montreal") names a team or
          // a council, not an armed party (a country or its capital acting stands for its government).
          if (isMaterial(e.code) && e.sources.length > 0 && e.sources.every((a) => isLocale(a, entityById, lexicon))) continue;
          // A purchase ("Dataminr is acquiring ThreatConnect") is a deal between organisations: people, places, shares
          // and goods bought or buying ("acquired LeBron James from Cleveland", "investors bought shares") are none.
          if (PURCHASE_VERBS.has(e.verb) && !isDealBetweenOrganisations(e, s, inSentence, entityById)) continue;
          // "asked" in a sentence holding a question or a quotation puts a question, not a request.
          if (e.verb === 'ASK' && /[?"\u201c\u201d]/.test(doc.text.slice(s.start, s.end))) continue;
          // A speech verb with no one acted on ("officials warned that …") is a claim, which the claims stage records.
          if (e.targets.length === 0 && cues.some((c) => c.start < tokens[e.triggerEnd - 1]!.end && c.end > tokens[e.triggerStart]!.start)) continue;
          // "demanded how Andrew could be so sure": a question put to someone, not a demand.
          if (/^(02|10)/.test(e.code) && asksQuestion(tokens, e.triggerEnd)) continue;
          // "Many in Hong Kong will deplore that decision": words not yet said (demands, criticism, rejection) are a
          // forecast, not an act; a planned lawsuit or ruling (115, 116) is a step already set in motion.
          if (e.modality === 'planned' && /^(10|11|12)/.test(e.code) && !/^11[56]/.test(e.code)) continue;
          // An appeal, consultation, support or threat addressed to no one is a stance, not a dyadic event.
          if (lacksRecipient(e.code, e.sources.length, e.targets.length)) continue;
          // A question asks whether something happened ("What's America talking about?").
          if (isInQuestion(tokens, e.triggerEnd - 1)) continue;
          // "executed a search warrant", "receive bids": the object shows the verb is used in another sense.
          if (deps && head !== undefined && hasThingObject(tokens, deps, head, e.code, (k) => isParticipantHead(k, s, tokens, deps, inSentence, agentHeads))) continue;
          // "the recently [released] survey", "[visit] our Knowledge Center", "Companies that [offer] food": no act reported.
          if (deps && head !== undefined && nonEventUse(tokens, deps, head, endsWithStop)) continue;
          // "warned people to stay away": advice to someone, not a threat.
          if (deps && head !== undefined && isAdvice(tokens, deps, head, e.code)) continue;
          const mention = toEventMention(doc, s, tokens, e, lexicon, `ev${events.length + 1}`, places, times, deps);
          if (!mention) continue;
          // "Wild 4, Sabres 1: … Minnesota beat Buffalo": a sports result, not an assault.
          if (isSportsResult(mention, tokens[e.triggerStart]!, { tokens, text: doc.text.slice(s.start, s.end) }, isInSportsReport)) continue;
          // One act told with coordinated verbs of one type ("was shot down and destroyed", "attacked the base and
          // destroyed a convoy") is one event: the first verb keeps it, with the targets and counts the others add.
          const first = deps && head !== undefined && deps.label[head] === 'conj' ? kept.get(deps.head[head]!) : undefined;
          if (first && first.ploverType === mention.ploverType) {
            const at = events.indexOf(first);
            const targets = [...first.targets, ...mention.targets.filter((t) => !first.targets.some((f) => f.start === t.start))];
            const merged = { ...first, targets, counts: { ...mention.counts, ...first.counts } };
            events[at] = merged;
            kept.set(deps!.head[head!]!, merged);
            continue;
          }
          events.push(mention);
          if (head !== undefined) kept.set(head, mention);
        }
      }
      return withNarrativeTime(withoutRepeats(events, times), doc.layers.sentences ?? [], times);
    },
  });
}

/** Roles of a trigger the caller chose (doc token range [start, end)), with or without the doc's parse; for evaluations. */
export function rolesForTrigger(doc: Doc, lexicon: EventLexicon, start: number, end: number, options: { useDeps: boolean; publishedAt?: string }): ForcedRoles & { sentence: Sentence } | undefined {
  const s = doc.layers.sentences?.find((x) => x.tokenStart <= start && start < x.tokenEnd);
  if (!s || !doc.layers.tokens) return undefined;
  const entityOf = new Map<string, DocEntity>();
  for (const e of doc.layers.entities ?? []) for (const m of e.mentionIds) entityOf.set(m, e);
  const tokens = sentenceTokens(doc, s);
  const deps = options.useDeps ? sentenceDeps(doc, s) : undefined;
  const date = dictDate(options.publishedAt);
  const roles = createEventCoder(lexicon).rolesAt(tokens, start - s.tokenStart, Math.min(end, s.tokenEnd) - s.tokenStart, {
    ...(date !== undefined ? { date } : {}),
    hints: hintsFor(s, doc.layers.mentions ?? [], entityOf),
    ...(deps ? { deps } : {}),
  });
  return { ...roles, sentence: s };
}
