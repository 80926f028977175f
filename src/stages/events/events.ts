/**
 * The `events` stage: codes each sentence's events (who did what to whom, where, when, how many)
 * to PLOVER 2.0 and CAMEO with the shared coder in src/events/, and links them to the article's
 * mentions, entities, places and times when those layers exist.
 */
import { defineStage, type Stage } from '../../pipeline/stage.js';
import {
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
 * No event without a plausible event: at least one participant must be actor-like, and a named thing (product,
 * song, dish) never acts: "The Hypace hits the usual high notes" is no ASSAULT.
 */
function isPlausible(e: CodedEvent, s: Sentence, tokens: readonly CoderToken[], mentions: readonly Mention[], entityById: ReadonlyMap<string, DocEntity>): boolean {
  if (![...e.sources, ...e.targets].some((a) => isActorLike(a, s, mentions, entityById))) return false;
  return !e.sources.some((a) => isThing(a, s, tokens, mentions, entityById));
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

/** The event with only the actors inside the direct quotation that holds its trigger (unchanged when none does). */
function withinQuote(e: CodedEvent, tokens: readonly CoderToken[], quotes: readonly { start: number; end: number }[]): CodedEvent {
  const trigger = tokens[e.triggerStart];
  const quote = trigger && quotes.find((q) => q.start <= trigger.start && trigger.end <= q.end);
  if (!quote) return e;
  const inside = (a: CodedActor): boolean => tokens[a.start]!.start >= quote.start && tokens[a.end - 1]!.end <= quote.end;
  return { ...e, sources: e.sources.filter(inside), targets: e.targets.filter(inside) };
}

/** Creates the `events` stage. */
export function createEventsStage(): Stage<'events'> {
  return defineStage({
    name: 'events',
    version: 5,
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
      const times = doc.layers.times ?? [];
      const date = dictDate(ctx.publishedAt);
      // Direct quotations (when the claims stage ran): an event told inside one takes its actors from the quote only,
      // so the speaker named after it ("…,” Haddad said) is never made its actor or target.
      const quotes = (doc.layers.claims ?? []).filter((c) => c.isDirectQuote).map((c) => c.content);
      const cues = (doc.layers.claims ?? []).flatMap((c) => (c.cue ? [c.cue] : []));
      const entityById = new Map((doc.layers.entities ?? []).map((x) => [x.id, x]));
      const events: EventMention[] = [];
      for (const s of doc.layers.sentences ?? []) {
        const tokens = sentenceTokens(doc, s);
        const deps = sentenceDeps(doc, s);
        const coded = coder.codeSentence(tokens, { ...(date !== undefined ? { date } : {}), hints: hintsFor(s, mentions, entityOf), ...(deps ? { deps } : {}) });
        const inSentence = coded.events.length > 0 ? mentions.filter((m) => m.tokenStart >= s.tokenStart && m.tokenEnd <= s.tokenEnd) : [];
        for (const codedEvent of coded.events) {
          const e = withinQuote(codedEvent, tokens, quotes);
          if (!isPlausible(e, s, tokens, inSentence, entityById)) continue;
          // "asked" in a sentence holding a question or a quotation puts a question, not a request.
          if (e.verb === 'ASK' && /[?"\u201c\u201d]/.test(doc.text.slice(s.start, s.end))) continue;
          // A speech verb with no one acted on ("officials warned that …") is a claim, which the claims stage records.
          if (e.targets.length === 0 && cues.some((c) => c.start < tokens[e.triggerEnd - 1]!.end && c.end > tokens[e.triggerStart]!.start)) continue;
          const mention = toEventMention(doc, s, tokens, e, lexicon, `ev${events.length + 1}`, places, times, deps);
          if (mention) events.push(mention);
        }
      }
      return events;
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
