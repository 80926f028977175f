/**
 * The event coder: from one sentence's tokens (text, lemma, UPOS) to coded events, PETRARCH-style.
 *
 * 1. Actors: longest dictionary matches (actor dictionaries, then the caller's hints such as NER
 *    mentions, then country names/demonyms) and agents (sector nouns) inside noun-phrase chunks,
 *    composed into CAMEO codes (prefix agents + actor + suffix agents: "Osgiliath soldiers" → OSGMIL).
 *    Chunks joined by "and"/"," form compound actors; "ambassadors of A, B and C" distributes the agent.
 * 2. Triggers: verb forms from the verb dictionaries (surface form or lemma), gated by POS; event
 *    nouns ("airstrike") when a light verb governs them or a "by"-agent names the doer.
 * 3. Code: the most specific matching pattern of the verb's block (TABARI semantics: words before and
 *    after the verb, `_` = adjacent, `$`/`+`/`%` = source/target/compound slots), else the verb's code.
 * 4. Roles: subject before the verb = source, first actor after it = target; passives
 *    ("was shot down by Turkey") swap them; pattern slots override; compound subjects with no target
 *    code pairwise; `[032:033]` codes give the paired reverse event.
 * 5. Modality (negated > hypothetical > planned > ongoing > asserted; the rules are in modality.ts) and
 *    counts (size, fatalities, injuries) from the words around the trigger and the actor phrases.
 */
import type { Upos } from '../model/index.js';
import { actorCodeOn, type CountryResolver, type EventLexicon, type VerbFormRef } from './lexicon.js';
import { isEventCode, regularPlural, type PatternElement, type VerbPattern } from './petrarch-dictionaries.js';
import { readNumber } from './numbers.js';
import { BE_FORMS, NEGATION, auxStart, modalityAt, type CodedModality } from './modality.js';
import { arcRoles, type ArcJudge, type RoleSpan, type SentenceDeps } from './arc-roles.js';

export type { SentenceDeps } from './arc-roles.js';

/** One token as the coder sees it. `tag` is a Penn tag when the input had one (PETRARCH records). */
export interface CoderToken {
  readonly text: string;
  readonly lemma: string;
  readonly pos: Upos;
  readonly start: number;
  readonly end: number;
  readonly tag?: string;
}

/** An actor the caller already knows about (e.g. an NER mention), as a token range [start, end). */
export interface ActorHint {
  readonly start: number;
  readonly end: number;
  readonly code?: string;
  readonly entityId?: string;
  /** The hint names a place (a LOC mention, a country as a location), so "in X" is not a target. */
  readonly isPlace?: boolean;
}

/** Options for one sentence. */
export interface CoderOptions {
  /** Date for dated actor codes, YYYYMMDD. */
  readonly date?: number;
  readonly hints?: readonly ActorHint[];
  /** Drop events with no target (PETRARCH does; PLOVER allows them). */
  readonly requireTarget?: boolean;
  /** The sentence's dependency tree (sentence-relative heads): roles then come from its arcs, not word order. */
  readonly deps?: SentenceDeps;
}

/** An actor in a coded event; token range [start, end). */
export interface CodedActor {
  readonly start: number;
  readonly end: number;
  readonly code?: string;
  readonly entityId?: string;
}

export type { CodedModality } from './modality.js';

/** Numbers attached to an event. */
export interface CodedCounts {
  readonly fatalities?: number;
  readonly injuries?: number;
  readonly size?: number;
}

/** One coded event; token ranges are [start, end) into the sentence tokens. */
export interface CodedEvent {
  readonly triggerStart: number;
  readonly triggerEnd: number;
  readonly code: string;
  /** The verb or noun that triggered it, upper-case ('SHOOT DOWN'). */
  readonly verb: string;
  /** The pattern that set the code, when one did. */
  readonly pattern?: string;
  readonly sources: readonly CodedActor[];
  readonly targets: readonly CodedActor[];
  readonly isPassive: boolean;
  readonly modality: CodedModality;
  readonly counts: CodedCounts;
  /** A place phrase ("in Idlib") the coder saw, as a token range, when no places layer is used. */
  readonly place?: { readonly start: number; readonly end: number };
  /** With a parse: the clause heads from the trigger up (nearest first), where the event's time may attach. */
  readonly clauseChain?: readonly number[];
}

/** What one sentence yields: events, or the reason it was skipped. */
export interface CodedSentence {
  readonly events: readonly CodedEvent[];
  readonly discardedBy?: string;
}

interface ActorHit {
  start: number;
  end: number;
  codes: string[];
  entityId?: string;
  /** A country or capital named as a place ("in Tehran"), not a demonym or dictionary actor. */
  isPlaceName?: boolean;
}
interface AgentHit {
  start: number;
  end: number;
  code: string;
  isPrefix: boolean;
}
interface Member {
  start: number;
  end: number;
  code?: string;
  entityId?: string;
  isPlaceName?: boolean;
  /** Token range of the whole noun phrase, for counts. */
  npStart: number;
  npEnd: number;
}
interface Group {
  start: number;
  end: number;
  members: Member[];
  isAgentOnly: boolean;
}

const IRREGULAR_PARTICIPLES = new Set([
  'shot', 'hit', 'struck', 'beaten', 'taken', 'seen', 'known', 'held', 'driven', 'thrown', 'stolen', 'broken', 'caught',
  'brought', 'fought', 'sent', 'put', 'set', 'cut', 'left', 'led', 'made', 'won', 'bound', 'spent', 'lost', 'told', 'sold',
  'found', 'given', 'forbidden', 'written', 'overrun', 'blown', 'torn', 'slain', 'withdrawn', 'shut', 'hidden', 'bitten',
  'kept', 'met', 'fed', 'freed', 'seized', 'shown', 'sworn', 'undertaken', 'overthrown',
]);
const LIGHT_VERBS = new Set(['launch', 'carry', 'conduct', 'stage', 'mount', 'hold', 'unleash', 'begin', 'start', 'continue', 'step', 'intensify', 'resume', 'order', 'make', 'hold', 'organize', 'organise', 'lead', 'join']);
const MOVEMENT_VERBS = new Set(['arrive', 'travel', 'visit', 'land', 'return', 'go', 'come', 'depart', 'leave', 'fly', 'tour', 'enter', 'move', 'deploy', 'send', 'withdraw', 'retreat', 'pull', 'flee', 'arrived', 'left']);
const LOCATIVE_PREPS = new Set(['in', 'near', 'inside', 'outside', 'around', 'across', 'throughout', 'within']);
const SUBORDINATORS = new Set(['after', 'before', 'when', 'while', 'since', 'because', 'as', 'although', 'though', 'if', 'until', 'once', 'unless', 'whereas']);
const CLAUSE_OPENERS = new Set(['but', 'while', 'whereas', 'although', 'though', 'which', 'who', 'where', 'when']);
const PLACE_PREPS = new Set(['in', 'near', 'at', 'outside', 'around', 'inside']);
const SUBJECT_BLOCKERS = new Set<Upos>(['ADP', 'VERB', 'AUX']);
const KILL_LEMMAS = new Set(['kill', 'die', 'dead', 'death', 'slay', 'massacre', 'execute', 'murder', 'fatality', 'perish', 'behead', 'assassinate', 'life', 'body']);
const INJURE_LEMMAS = new Set(['injure', 'wound', 'hurt', 'injury', 'casualty', 'maim']);
const PEOPLE_NOUNS = new Set(['people', 'person', 'civilian', 'soldier', 'troop', 'fighter', 'man', 'woman', 'child', 'resident', 'protester', 'demonstrator', 'member', 'policeman', 'officer', 'militant', 'rebel', 'worker', 'student', 'supporter', 'villager', 'refugee', 'hostage', 'prisoner', 'servicemen', 'serviceman', 'guard', 'commando', 'marine', 'pilot', 'passenger', 'citizen', 'national', 'adviser', 'advisor', 'inmate', 'activist', 'journalist', 'police']);

/** Upper-case key of a token for dictionary lookups; straight apostrophes. */
function keyOf(t: CoderToken): string {
  return t.text.replace(/[\u2018\u2019]/g, "'").toUpperCase();
}

function isVerbish(t: CoderToken): boolean {
  if (t.tag) return t.tag.startsWith('VB');
  return t.pos === 'VERB';
}

function isParticiple(t: CoderToken): boolean {
  if (t.tag) return t.tag === 'VBN';
  const w = t.text.toLowerCase();
  return w.endsWith('ed') || w.endsWith('en') || IRREGULAR_PARTICIPLES.has(w);
}

/** Word match with dictionary semantics: exact, regular plural, lemma, or a stem of 5+ letters. */
function wordMatches(word: string, key: string, lemmaKey: string): boolean {
  if (key === word || lemmaKey === word) return true;
  // A plural adds 1 or 2 letters and a stem match at most 3: a length check skips most pairs cheaply.
  const extra = key.length - word.length;
  if (extra <= 0 || extra > 3) return false;
  if (extra <= 2 && key === regularPlural(word)) return true;
  return word.length >= 5 && key.startsWith(word);
}

/** wordMatches for every word of a phrase at token q (a loop, not a closure: called per pattern per position). */
function wordsAt(alt: readonly string[], q: number, keys: readonly string[], lemmaKeys: readonly string[]): boolean {
  if (q < 0 || q + alt.length > keys.length) return false;
  for (let k = 0; k < alt.length; k++) if (!wordMatches(alt[k]!, keys[q + k]!, lemmaKeys[q + k]!)) return false;
  return true;
}

/** The coder for one lexicon. */
export interface EventCoder {
  codeSentence(tokens: readonly CoderToken[], options?: CoderOptions): CodedSentence;
  /** Roles of a given trigger span, by the same rules as the coder's own triggers (for argument evaluation). */
  rolesAt(tokens: readonly CoderToken[], start: number, end: number, options?: CoderOptions): ForcedRoles;
}

/** Creates a coder over a lexicon. */
export function createEventCoder(lexicon: EventLexicon): EventCoder {
  return { codeSentence: (tokens, options = {}) => codeSentence(lexicon, tokens, options), rolesAt: (tokens, start, end, options = {}) => rolesAt(lexicon, tokens, start, end, options) };
}

/** Resolves country names/demonyms over up to three capitalised tokens starting at i. */
function countryAt(resolve: CountryResolver | undefined, tokens: readonly CoderToken[], keys: readonly string[], i: number, nameWord: Uint8Array): { end: number; code: string } | undefined {
  if (!resolve) return undefined;
  const first = tokens[i]!;
  if (!/^[A-Z]/.test(first.text)) return undefined;
  for (let len = Math.min(4, tokens.length - i); len >= 1; len--) {
    if (len > 1) {
      let isName = true;
      for (let k = i; k < i + len; k++) if (!nameWord[k]) isName = false;
      if (!isName) continue;
    }
    const code = resolve(keys.slice(i, i + len));
    if (code) return { end: i + len, code };
  }
  return undefined;
}

/** Per token: may it be part of a multi-word country name ("Republic of Korea")? Computed once per sentence. */
function nameWordFlags(tokens: readonly CoderToken[]): Uint8Array {
  const flags = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const text = tokens[i]!.text;
    if (/^[A-Z][\w.]*$/.test(text) || text.toLowerCase() === 'of') flags[i] = 1;
  }
  return flags;
}

function findActors(lexicon: EventLexicon, tokens: readonly CoderToken[], keys: readonly string[], options: CoderOptions): { actors: ActorHit[]; agents: AgentHit[] } {
  const actors: ActorHit[] = [];
  const agents: AgentHit[] = [];
  const covered = new Uint8Array(tokens.length);
  const nameWord = nameWordFlags(tokens);
  const matchAt = (words: readonly string[], i: number): boolean => {
    if (i + words.length > keys.length) return false;
    for (let k = 0; k < words.length; k++) {
      const key = keys[i + k]!;
      const w = words[k]!;
      if (key === w) continue;
      if (k === words.length - 1 && (key === regularPlural(w) || (key === `${w}'S`))) continue;
      return false;
    }
    return true;
  };
  // Dictionary actors, longest first at each position.
  for (let i = 0; i < tokens.length; i++) {
    const key = keys[i]!;
    const candidates = lexicon.actors.get(key) ?? (key.endsWith('S') ? lexicon.actors.get(key.slice(0, -1)) : undefined);
    if (!candidates) continue;
    for (const c of candidates) {
      if (!matchAt(c.words, i)) continue;
      const code = actorCodeOn(c.entry, options.date);
      const codes = code && code !== '---' ? code.split('/').filter(Boolean) : [];
      actors.push({ start: i, end: i + c.words.length, codes });
      for (let k = i; k < i + c.words.length; k++) covered[k] = 1;
      i += c.words.length - 1;
      break;
    }
  }
  // Caller hints (NER mentions with an entity country) where no dictionary actor is.
  for (const h of options.hints ?? []) {
    let isFree = true;
    for (let k = h.start; k < h.end; k++) if (covered[k]) isFree = false;
    if (!isFree || h.end <= h.start) continue;
    const fromName = h.code ?? countryAt(lexicon.resolveCountry, tokens, keys, h.start, nameWord)?.code;
    const isPlaceName = h.isPlace ?? (!h.code && fromName !== undefined && tokens[h.end - 1]!.pos === 'PROPN');
    actors.push({ start: h.start, end: h.end, codes: fromName ? [fromName] : [], ...(h.entityId ? { entityId: h.entityId } : {}), ...(isPlaceName ? { isPlaceName } : {}) });
    for (let k = h.start; k < h.end; k++) covered[k] = 1;
  }
  // Country names and demonyms ("Syrian", "Turkey").
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i]) continue;
    const hit = countryAt(lexicon.resolveCountry, tokens, keys, i, nameWord);
    if (!hit) continue;
    let isFree = true;
    for (let k = i; k < hit.end; k++) if (covered[k]) isFree = false;
    if (!isFree) continue;
    actors.push({ start: i, end: hit.end, codes: [hit.code], ...(tokens[hit.end - 1]!.pos === 'PROPN' ? { isPlaceName: true } : {}) });
    for (let k = i; k < hit.end; k++) covered[k] = 1;
    i = hit.end - 1;
  }
  actors.sort((a, b) => a.start - b.start);
  // Agents (sector nouns) anywhere not inside an actor phrase.
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i]) continue;
    const candidates = lexicon.agents.get(keys[i]!);
    if (!candidates) continue;
    for (const c of candidates) {
      if (!matchAt(c.words, i)) continue;
      let isFree = true;
      for (let k = i; k < i + c.words.length; k++) if (covered[k]) isFree = false;
      if (!isFree) continue;
      agents.push({ start: i, end: i + c.words.length, code: c.code, isPrefix: c.isPrefix });
      i += c.words.length - 1;
      break;
    }
  }
  return { actors, agents };
}

const NP_POS = new Set<Upos>(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
const POSSESSIVE_PRON = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);

function isNpToken(t: CoderToken): boolean {
  if (NP_POS.has(t.pos)) return true;
  const w = t.text.toLowerCase();
  if (w === "'s" || w === '’s' || w === "'") return true;
  if (t.pos === 'PRON' && POSSESSIVE_PRON.has(w)) return true;
  if (t.tag === 'NNP' || t.tag === 'NNPS' || t.tag === 'NN' || t.tag === 'NNS' || t.tag === 'JJ') return true;
  return false;
}

/** Noun-phrase chunks as token ranges, with actor/agent hits forced inside one chunk. */
function chunk(tokens: readonly CoderToken[], actors: readonly ActorHit[], agents: readonly AgentHit[]): { start: number; end: number }[] {
  // A plain array: allocating a typed array per sentence cost more than the chunking itself.
  const forced: number[] = new Array<number>(tokens.length).fill(-1);
  for (const h of [...actors, ...agents]) for (let k = h.start; k < h.end; k++) forced[k] = h.start;
  const chunks: { start: number; end: number }[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNpToken(tokens[i]!) && forced[i] === -1) {
      i++;
      continue;
    }
    const start = i;
    while (i < tokens.length && (isNpToken(tokens[i]!) || forced[i] !== -1)) {
      // A hit that started before this chunk keeps its tokens together; a new determiner after a
      // noun starts a new phrase ("Gondor the ...").
      if (i > start && tokens[i]!.pos === 'DET' && forced[i] === -1 && tokens[i - 1]!.pos !== 'DET') break;
      i++;
    }
    chunks.push({ start, end: i });
  }
  return chunks;
}

/** Composes actor + agent codes: prefix agents, actor code, suffix agents not already present. */
function compose(actorCode: string | undefined, agents: readonly AgentHit[]): string | undefined {
  const prefix = agents.filter((a) => a.isPrefix).map((a) => a.code).join('');
  let code = actorCode ?? (agents.length > 0 ? '---' : undefined);
  if (code === undefined) return undefined;
  for (const a of agents) {
    if (a.isPrefix) continue;
    if (code.slice(3).includes(a.code)) continue;
    code += a.code;
  }
  return prefix + code;
}

function buildGroups(tokens: readonly CoderToken[], actors: readonly ActorHit[], agents: readonly AgentHit[], chunks: readonly { start: number; end: number }[]): Group[] {
  type Unit = { start: number; end: number; actors: ActorHit[]; agents: AgentHit[] };
  const units: Unit[] = [];
  for (const c of chunks) {
    const a = actors.filter((h) => h.start >= c.start && h.end <= c.end);
    const g = agents.filter((h) => h.start >= c.start && h.end <= c.end);
    if (a.length === 0 && g.length === 0) continue;
    units.push({ start: c.start, end: c.end, actors: a, agents: g });
  }
  const lower = (i: number): string => tokens[i]?.text.toLowerCase() ?? '';
  const between = (a: number, b: number): string[] => tokens.slice(a, b).map((t) => t.text.toLowerCase());
  // Coordination: A , B and C
  const coordinated: Unit[][] = [];
  for (const u of units) {
    const prev = coordinated[coordinated.length - 1];
    const last = prev?.[prev.length - 1];
    if (prev && last) {
      const gap = between(last.end, u.start).join(' ');
      const isAnd = gap === 'and' || gap === ', and' || gap === 'or' || gap === ', or';
      const isComma = gap === ',';
      // ", the Osgiliath newspaper" after a comma is an appositive, not another member.
      const isAppositive = isComma && u.agents.length > 0 && tokens[u.start]!.pos === 'DET';
      // "in the province of Homs and Russia's government said": a new clause, not a compound.
      const next = tokens[u.end];
      if (isAnd && u.agents.length > 0 && next && (isVerbish(next) || next.pos === 'AUX') && tokens[prev[0]!.start - 1]?.pos === 'ADP') {
        coordinated.push([u]);
        continue;
      }
      if (isAnd || (isComma && !isAppositive && u.actors.length > 0 && last.actors.length > 0)) {
        prev.push(u);
        continue;
      }
    }
    coordinated.push([u]);
  }
  const groups: Group[] = [];
  for (let gi = 0; gi < coordinated.length; gi++) {
    const units2 = coordinated[gi]!;
    const first = units2[0]!;
    const lastUnit = units2[units2.length - 1]!;
    const isAgentOnly = units2.every((u) => u.actors.length === 0);
    // "ambassadors of A, B and C", "soldiers from Gondor": the agent distributes over the actors.
    const next = coordinated[gi + 1];
    if (isAgentOnly && next && next.some((u) => u.actors.length > 0)) {
      const prep = between(lastUnit.end, next[0]!.start).join(' ');
      if (prep === 'of' || prep === 'from' || prep === 'in') {
        const agentsHere = units2.flatMap((u) => u.agents);
        const members: Member[] = [];
        for (const u of next) {
          for (const a of u.actors) {
            for (const c of a.codes.length > 0 ? a.codes : [undefined]) {
              const code = compose(c, [...agentsHere, ...u.agents]);
              members.push({ start: a.start, end: a.end, ...(code ? { code } : {}), ...(a.entityId ? { entityId: a.entityId } : {}), ...(a.isPlaceName && u.agents.length === 0 ? { isPlaceName: true } : {}), npStart: first.start, npEnd: u.end });
            }
          }
        }
        groups.push({ start: first.start, end: next[next.length - 1]!.end, members, isAgentOnly: false });
        gi++;
        continue;
      }
    }
    const members: Member[] = [];
    for (let ui = 0; ui < units2.length; ui++) {
      const u = units2[ui]!;
      // "Russian and Syrian special forces": a bare adjective actor shares the agents of the phrase it is joined to.
      if (u.agents.length === 0 && u.actors.length > 0 && u.end - u.start === u.actors[u.actors.length - 1]!.end - u.actors[0]!.start && tokens[u.end - 1]!.pos === 'ADJ') {
        const shared = units2.slice(ui + 1).find((v) => v.agents.length > 0);
        if (shared) {
          for (const a of u.actors) for (const c of a.codes.length > 0 ? a.codes : [undefined]) {
            const code = compose(c, shared.agents);
            members.push({ start: a.start, end: a.end, ...(code ? { code } : {}), ...(a.entityId ? { entityId: a.entityId } : {}), ...(a.isPlaceName && u.agents.length === 0 ? { isPlaceName: true } : {}), npStart: u.start, npEnd: shared.end });
          }
          continue;
        }
      }
      if (u.actors.length === 0) {
        const code = compose(undefined, u.agents);
        const a0 = u.agents[0]!;
        members.push({ start: a0.start, end: u.agents[u.agents.length - 1]!.end, ...(code ? { code } : {}), npStart: u.start, npEnd: u.end });
        continue;
      }
      for (const a of u.actors) {
        for (const c of a.codes.length > 0 ? a.codes : [undefined]) {
          const code = compose(c, u.agents);
          members.push({ start: a.start, end: a.end, ...(code ? { code } : {}), ...(a.entityId ? { entityId: a.entityId } : {}), ...(a.isPlaceName && u.agents.length === 0 ? { isPlaceName: true } : {}), npStart: u.start, npEnd: u.end });
        }
      }
    }
    groups.push({ start: first.start, end: lastUnit.end, members, isAgentOnly });
  }
  void lower;
  return groups;
}

const ADJECTIVAL_BEFORE = new Set<Upos>(['DET', 'ADP', 'ADJ']);
const NOMINAL_AFTER = new Set<Upos>(['NOUN', 'PROPN', 'ADJ']);
const HEAD_WORDS = new WeakMap<VerbFormRef, string | undefined>();

/** The word of the verb's name at the form's head position ("SHOOT DOWN" → "SHOOT"), split once per form. */
function headWordOf(c: VerbFormRef): string | undefined {
  if (HEAD_WORDS.has(c)) return HEAD_WORDS.get(c);
  const word = c.verb.name.split(' ')[c.head];
  HEAD_WORDS.set(c, word);
  return word;
}

interface Trigger {
  start: number;
  end: number;
  head: number;
  ref?: VerbFormRef;
  nounCode?: string;
  name: string;
}

function findTriggers(lexicon: EventLexicon, tokens: readonly CoderToken[], keys: readonly string[], lemmaKeys: readonly string[], inActor: Uint8Array): Trigger[] {
  const triggers: Trigger[] = [];
  for (let i = 0; i < tokens.length; i++) {
    // Forms under the surface key, then under the lemma key: two lists walked in turn, not concatenated.
    const byKey = lexicon.verbForms.get(keys[i]!);
    const byLemma = keys[i] !== lemmaKeys[i] ? lexicon.verbForms.get(lemmaKeys[i]!) : undefined;
    let best: VerbFormRef | undefined;
    for (const list of [byKey, byLemma]) {
      if (!list) continue;
      for (const c of list) {
        if (i + c.words.length > tokens.length) continue;
        let ok = true;
        for (let k = 0; k < c.words.length; k++) {
          const w = c.words[k]!;
          if (keys[i + k] !== w && !(k === c.head && lemmaKeys[i + k] === w) && !(k === c.head && lemmaKeys[i + k] === headWordOf(c))) ok = false;
        }
        if (!ok) continue;
        const head = tokens[i + c.head]!;
        if (!isVerbish(head) || inActor[i + c.head]) continue;
        // "the occupied West Bank", "a banned movement": a participle used as an adjective.
        const prev = tokens[i - 1];
        const next = tokens[i + c.words.length];
        if (c.words.length === 1 && prev && ADJECTIVAL_BEFORE.has(prev.pos) && next && NOMINAL_AFTER.has(next.pos) && isParticiple(head)) continue;
        if (!best || c.words.length > best.words.length) best = c;
      }
    }
    if (best) {
      triggers.push({ start: i, end: i + best.words.length, head: i + best.head, ref: best, name: best.verb.name });
      i += best.words.length - 1;
      continue;
    }
    const nouns = lexicon.nouns.get(keys[i]!) ?? lexicon.nouns.get(lemmaKeys[i]!);
    if (nouns && (tokens[i]!.pos === 'NOUN' || tokens[i]!.tag?.startsWith('NN')) && !inActor[i]) {
      for (const n of nouns) {
        if (i + n.words.length > tokens.length) continue;
        if (!n.words.every((w, k) => keys[i + k] === w || lemmaKeys[i + k] === w)) continue;
        // Must-not-fire phrases ("heart attack", "panic attack") that end on this noun.
        const isStopped = lexicon.nounStoplist.some((stop) => {
          const from = i + n.words.length - stop.length;
          return from >= 0 && stop.every((w, k) => keys[from + k] === w || lemmaKeys[from + k] === w || keys[from + k] === regularPlural(w));
        });
        if (isStopped) break;
        triggers.push({ start: i, end: i + n.words.length, head: i + n.words.length - 1, nounCode: n.code, name: n.words.join(' ') });
        i += n.words.length - 1;
        break;
      }
    }
  }
  return triggers;
}

interface PatternMatch {
  pattern: VerbPattern;
  score: number;
  source?: number;
  target?: number;
  compound?: number;
}

function matchPattern(pattern: VerbPattern, t: Trigger, keys: readonly string[], lemmaKeys: readonly string[], groups: readonly Group[], chunks: readonly { start: number; end: number }[]): PatternMatch | undefined {
  const result: PatternMatch = { pattern, score: 0 };
  const n = keys.length;
  // After the verb: left to right.
  let p = t.end;
  const afterLimit = Math.min(n, t.end + 15);
  for (const el of pattern.after) {
    if (el.kind === 'words') {
      let found = -1;
      let len = 0;
      const last = el.isAdjacent ? p : afterLimit - 1;
      for (let q = p; q <= last && found < 0; q++) {
        for (const alt of el.alternatives) {
          if (wordsAt(alt, q, keys, lemmaKeys)) {
            found = q;
            len = alt.length;
            break;
          }
        }
      }
      if (found < 0) return undefined;
      p = found + len;
      result.score += len;
    } else if (el.kind === 'skip') {
      const c = chunks.find((c) => c.start >= p && (!el.isAdjacent || c.start <= p + 1));
      if (!c) return undefined;
      p = c.end;
    } else {
      const gi = groups.findIndex((g) => g.start >= p && g.start < afterLimit && (!el.isAdjacent || g.start <= p + 1));
      if (gi < 0) return undefined;
      setSlot(result, el, gi);
      p = groups[gi]!.end;
      result.score += 0.5;
    }
  }
  // Before the verb: right to left.
  p = t.start;
  const beforeLimit = Math.max(0, t.start - 12);
  for (let e = pattern.before.length - 1; e >= 0; e--) {
    const el = pattern.before[e]!;
    if (el.kind === 'words') {
      let found = -1;
      let len = 0;
      for (const alt of el.alternatives) {
        const first = el.isAdjacent ? p - alt.length : beforeLimit;
        for (let q = p - alt.length; q >= first && q >= 0; q--) {
          if (wordsAt(alt, q, keys, lemmaKeys)) {
            if (q > found) {
              found = q;
              len = alt.length;
            }
            break;
          }
        }
      }
      if (found < 0) return undefined;
      p = found;
      result.score += len;
    } else if (el.kind === 'skip') {
      let c: { start: number; end: number } | undefined;
      for (let k = chunks.length - 1; k >= 0 && !c; k--) {
        const ck = chunks[k]!;
        if (ck.end <= p && (!el.isAdjacent || ck.end >= p - 1)) c = ck;
      }
      if (!c) return undefined;
      p = c.start;
    } else {
      let gi = -1;
      for (let k = groups.length - 1; k >= 0; k--) {
        const g = groups[k]!;
        if (g.end <= p && g.end > beforeLimit && (!el.isAdjacent || g.end >= p - 1)) {
          gi = k;
          break;
        }
      }
      if (gi < 0) return undefined;
      setSlot(result, el, gi);
      p = groups[gi]!.start;
      result.score += 0.5;
    }
  }
  return result;
}

function setSlot(result: PatternMatch, el: PatternElement, gi: number): void {
  if (el.kind === 'source') result.source = gi;
  else if (el.kind === 'target') result.target = gi;
  else if (el.kind === 'compound') result.compound = gi;
}

/** 'be' passive ("was shot down"), or a reduced relative ("a warplane shot down by Turkey"). */
function isPassiveAt(tokens: readonly CoderToken[], head: number, end: number): boolean {
  if (!isParticiple(tokens[head]!)) return false;
  if (tokens[end]?.text.toLowerCase() === 'by' && head > 0 && isNpToken(tokens[head - 1]!) && tokens[head - 1]!.pos !== 'DET') return true;
  // "the rescue of the pilot downed in Syria": a participle right after an object or PP noun phrase.
  if (head > 0 && (tokens[head - 1]!.pos === 'NOUN' || tokens[head - 1]!.pos === 'PROPN') && tokens[end]?.pos === 'ADP') {
    let i = head - 1;
    while (i >= 0 && isNpToken(tokens[i]!)) i--;
    // Only after a main verb: in "Thousands of students demonstrated" the -ed verb is the main verb.
    if (i >= 0 && (tokens[i]!.pos === 'ADP' || tokens[i]!.pos === 'VERB') && tokens.slice(0, i + (tokens[i]!.pos === 'VERB' ? 1 : 0)).some((t) => isVerbish(t) || t.pos === 'AUX')) return true;
  }
  for (let i = head - 1; i >= Math.max(0, head - 4); i--) {
    const tok = tokens[i]!;
    const w = tok.text.toLowerCase();
    if (BE_FORMS.has(w)) return true;
    if (tok.pos === 'ADV' || tok.pos === 'PART' || NEGATION.has(w) || tok.tag === 'RB') continue;
    return false;
  }
  return false;
}

function isSubjectCandidate(tokens: readonly CoderToken[], g: { start: number }): boolean {
  const before = tokens[g.start - 1];
  if (!before) return true;
  // "Ousted president X has been accused": a sentence-initial participle is an adjective.
  if (g.start === 1 && before.pos === 'VERB') return true;
  // "After the pilot was downed", "when Turkey attacked": a subordinator opens a clause with its own subject.
  if (SUBORDINATORS.has(before.text.toLowerCase())) return true;
  if (SUBJECT_BLOCKERS.has(before.pos) && !(before.tag && !before.tag.startsWith('VB') && before.tag !== 'IN' && before.tag !== 'TO')) return false;
  if (before.tag === 'IN' || before.tag === 'TO') return false;
  return true;
}

/** A number inside a noun phrase, with the phrase's head lemma ("1,500 Iranian revolutionary guards"). */
function npNumbers(tokens: readonly CoderToken[], words: readonly string[], start: number, end: number): number | undefined {
  let total: number | undefined;
  for (let i = Math.max(0, start - 3); i < end; i++) {
    // Allow "about 200", "at least 12", "up to 1,000" just before the phrase.
    if (tokens[i]!.pos !== 'NUM' && !/^\d/.test(words[i]!) && !/^(dozens|hundreds|thousands|millions|scores|tens)$/i.test(words[i]!)) continue;
    const r = readNumber(words, i);
    if (!r) continue;
    if (i < start && !tokens.slice(r.end, start).every((t) => t.pos === 'ADJ' || t.pos === 'DET')) continue;
    total = r.value;
    break;
  }
  return total;
}

/** Casualties (and an "or" size) read from the whole sentence: the same for every trigger, so read once. */
interface SentenceCounts {
  readonly fatalities: number | undefined;
  readonly injuries: number | undefined;
  readonly size: number | undefined;
}

function sentenceCounts(tokens: readonly CoderToken[], words: readonly string[], lemmas: readonly string[]): SentenceCounts {
  let fatalities: number | undefined;
  let injuries: number | undefined;
  let size: number | undefined;
  // "killed 46 civilians", "46 civilians were killed", "killing about 20 people", "250,000 people killed",
  // "death toll rose to 30", "at least 12 dead", "wounding 50".
  for (let i = 0; i < tokens.length; i++) {
    // The token test first: most tokens fail it, and reading a number is the costlier check.
    if (tokens[i]!.pos !== 'NUM' && !/^\d/.test(words[i]!) && !/^(dozens|hundreds|thousands|millions)$/i.test(words[i]!)) continue;
    const r = readNumber(words, i);
    if (!r) continue;
    const head = lemmas.slice(r.end, r.end + 4).find((l) => PEOPLE_NOUNS.has(l));
    const window = [...lemmas.slice(Math.max(0, i - 3), i), ...lemmas.slice(r.end, r.end + 6)];
    const directAfter = lemmas.slice(r.end, r.end + 1)[0];
    const isKill = window.some((l) => KILL_LEMMAS.has(l)) && (head !== undefined || directAfter === 'dead' || lemmas.slice(Math.max(0, i - 3), i).some((l) => KILL_LEMMAS.has(l)));
    const isInjure = window.some((l) => INJURE_LEMMAS.has(l)) && (head !== undefined || directAfter === 'wounded' || directAfter === 'injured' || lemmas.slice(Math.max(0, i - 3), i).some((l) => INJURE_LEMMAS.has(l)));
    const killIdx = window.findIndex((l) => KILL_LEMMAS.has(l));
    const injIdx = window.findIndex((l) => INJURE_LEMMAS.has(l));
    if (isKill && isInjure) {
      // "killing or wounding 50": neither alone; keep as size.
      if (lemmas.slice(Math.max(0, i - 4), i).includes('or')) {
        size ??= r.value;
        continue;
      }
      if (killIdx <= injIdx) fatalities ??= r.value;
      else injuries ??= r.value;
    } else if (isKill) fatalities ??= r.value;
    else if (isInjure) injuries ??= r.value;
  }
  return { fatalities, injuries, size };
}

function countsFor(tokens: readonly CoderToken[], words: readonly string[], counted: SentenceCounts, trigger: Trigger, code: string, sources: readonly Member[], targets: readonly Member[]): CodedCounts {
  const { fatalities, injuries } = counted;
  let size = counted.size;
  // Size: participants in the source phrase; else the affected in the target phrase.
  const sum = (ms: readonly Member[]): number | undefined => {
    let total: number | undefined;
    const seen = new Set<string>();
    for (const m of ms) {
      const key = `${m.npStart}:${m.npEnd}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const v = npNumbers(tokens, words, m.npStart, m.npEnd);
      if (v !== undefined) total = (total ?? 0) + v;
    }
    return total;
  };
  size ??= sum(sources) ?? (code.startsWith('17') || code.startsWith('18') || code.startsWith('20') ? sum(targets) : undefined);
  if (size !== undefined && (size === fatalities || size === injuries)) size = undefined;
  void trigger;
  return { ...(fatalities !== undefined ? { fatalities } : {}), ...(injuries !== undefined ? { injuries } : {}), ...(size !== undefined ? { size } : {}) };
}

function placeFor(tokens: readonly CoderToken[], trigger: Trigger, groups: readonly Group[], actorsCovered: Uint8Array): { start: number; end: number } | undefined {
  const candidates: { start: number; end: number; distance: number }[] = [];
  for (let i = 0; i < tokens.length - 1; i++) {
    if (!PLACE_PREPS.has(tokens[i]!.text.toLowerCase())) continue;
    let j = i + 1;
    while (j < tokens.length && (tokens[j]!.pos === 'DET' || tokens[j]!.pos === 'ADJ')) j++;
    const start = j;
    while (j < tokens.length && (tokens[j]!.pos === 'PROPN' || tokens[j]!.tag === 'NNP')) j++;
    if (j === start) continue;
    let isOnlyActor = true;
    for (let k = 0; k < j - start && isOnlyActor; k++) {
      isOnlyActor = actorsCovered[start + k] === 1 && groups.some((g) => g.members.some((m) => m.start <= start + k && m.end > start + k && /[A-Z]{3}(MIL|GOV|REB|COP)/.test(m.code ?? '')));
    }
    if (isOnlyActor) continue;
    candidates.push({ start, end: j, distance: Math.abs(start - trigger.end) + (start < trigger.start ? 5 : 0) });
  }
  candidates.sort((a, b) => a.distance - b.distance);
  const best = candidates[0];
  return best ? { start: best.start, end: best.end } : undefined;
}

/** True when tokens [from, to) hold ";", "according" or a comma before a clause opener inside the range. */
function hasClauseBreak(tokens: readonly CoderToken[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const text = tokens[k]!.text;
    if (text === ';' || text.toLowerCase() === 'according') return true;
    if (text === ',' && k + 1 < to && CLAUSE_OPENERS.has(tokens[k + 1]!.text.toLowerCase())) return true;
  }
  return false;
}

function isDiscarded(lexicon: EventLexicon, tokens: readonly CoderToken[]): string | undefined {
  if (lexicon.discards.length === 0) return undefined;
  const text = ` ${tokens.map((t) => t.text.toUpperCase()).join(' ')} `;
  for (const d of lexicon.discards) {
    const at = text.indexOf(` ${d.phrase}`);
    if (at < 0) continue;
    if (d.isWholeWord) {
      const after = text[at + d.phrase.length + 1];
      if (after && /[A-Z0-9]/.test(after)) continue;
    }
    return d.phrase;
  }
  return undefined;
}

/** What every trigger of one sentence shares: tokens, keys, actors and their groups. */
interface SentenceContext {
  readonly tokens: readonly CoderToken[];
  readonly keys: readonly string[];
  readonly lemmas: readonly string[];
  readonly lemmaKeys: readonly string[];
  readonly words: readonly string[];
  readonly inActor: Uint8Array;
  readonly chunks: readonly { start: number; end: number }[];
  readonly groups: readonly Group[];
  readonly hints: readonly ActorHint[];
}

function sentenceContext(lexicon: EventLexicon, tokens: readonly CoderToken[], options: CoderOptions): SentenceContext {
  const keys = tokens.map(keyOf);
  const lemmas = tokens.map((t) => (t.lemma || t.text).toLowerCase());
  const lemmaKeys = lemmas.map((l) => l.toUpperCase());
  const { actors, agents } = findActors(lexicon, tokens, keys, options);
  const inActor = new Uint8Array(tokens.length);
  for (const a of actors) for (let k = a.start; k < a.end; k++) inActor[k] = 1;
  const chunks = chunk(tokens, actors, agents);
  const groups = buildGroups(tokens, actors, agents, chunks);
  return { tokens, keys, lemmas, lemmaKeys, words: tokens.map((t) => t.text), inActor, chunks, groups, hints: options.hints ?? [] };
}

/** Roles read from word order (no parse): the source and target groups, or undefined when an event noun has no doer. */
interface WordOrderRoles {
  readonly sourceGroup: Group | undefined;
  readonly targetGroup: Group | undefined;
  readonly isPassive: boolean;
}

function wordOrderRoles(sc: SentenceContext, trig: Trigger, match: PatternMatch | undefined, isVerbTrigger: boolean): WordOrderRoles | undefined {
  const { tokens, lemmas, groups, chunks } = sc;
  const isPassive = isVerbTrigger ? isPassiveAt(tokens, trig.head, trig.end) : false;
  // No 'be' before the participle: the noun phrase right before it is what was acted on.
  const isReduced = isPassive && !BE_FORMS.has(tokens[auxStart(tokens, trig.start) - 1]?.text.toLowerCase() ?? '') && !tokens.slice(Math.max(0, trig.start - 4), trig.start).some((t) => BE_FORMS.has(t.text.toLowerCase()));
  const aux = auxStart(tokens, trig.start);
  let sourceGroup: Group | undefined;
  let targetGroup: Group | undefined;
      if (match?.compound !== undefined) {
    // `%` before the verb is a compound subject (coded pairwise when no target); after it, a compound target.
    const g = groups[match.compound]!;
    if (g.end <= trig.start) {
      sourceGroup = g;
    } else targetGroup = g;
  }
  if (match?.source !== undefined) sourceGroup = groups[match.source];
  if (match?.target !== undefined) targetGroup = groups[match.target];
  const byGroup = groups.find((g) => g.start > trig.end && tokens[g.start - 1]?.text.toLowerCase() === 'by' && g.start - trig.end <= 8);
  // The subject is the nearest noun phrase before the verb that is not inside a PP or an object;
  // it is an actor only when that phrase is one ("crowds burned down its embassy" has no actor subject).
  let subjectChunk: { start: number; end: number } | undefined;
  for (let k = chunks.length - 1; k >= 0 && !subjectChunk; k--) {
    const c = chunks[k]!;
    if (c.end <= aux && isSubjectCandidate(tokens, c)) subjectChunk = c;
  }
  let leftSubject = subjectChunk ? groups.find((g) => g.start <= subjectChunk.start && g.end >= subjectChunk.end) : undefined;
  // "Thousands of Iranian students demonstrated": a quantity's "of" phrase is the subject.
  if (subjectChunk && !leftSubject && tokens[subjectChunk.end]?.text.toLowerCase() === 'of') {
    leftSubject = groups.find((g) => g.start === subjectChunk.end + 1 && g.end <= aux);
  }
  // "Syrian troops and their allies launched": an actor coordinated before a non-actor subject.
  if (subjectChunk && !leftSubject) {
    const joiner = tokens[subjectChunk.start - 1]?.text.toLowerCase();
    if (joiner === 'and' || joiner === ',') leftSubject = groups.find((g) => g.end === subjectChunk.start - 1 || (g.end === subjectChunk.start - 2 && tokens[g.end]?.text === ','));
  }
  if (!isVerbTrigger) {
    // Event nouns: "an attack by X on Y", "X launched airstrikes on Y", "Russian airstrikes on Idlib".
    const ownNp = groups.find((g) => g.start <= trig.start && g.end >= trig.start && g.end <= trig.end + 1);
    let lightVerbAt = -1;
    for (let i = trig.start - 1; i >= Math.max(0, trig.start - 4); i--) {
      if (isVerbish(tokens[i]!) && LIGHT_VERBS.has(lemmas[i]!)) lightVerbAt = i;
      if (!NP_POS.has(tokens[i]!.pos) && !isVerbish(tokens[i]!) && tokens[i]!.pos !== 'AUX') break;
    }
    sourceGroup ??= byGroup ?? ownNp ?? (lightVerbAt >= 0 ? [...groups].reverse().find((g) => g.end <= auxStart(tokens, lightVerbAt) && isSubjectCandidate(tokens, g)) : undefined);
    if (!sourceGroup) return undefined;
    targetGroup ??= groups.find((g) => g.start > trig.end && g.start - trig.end <= 4 && ['on', 'against', 'at'].includes(tokens[g.start - 1]?.text.toLowerCase() ?? ''));
  } else if (isPassive) {
    sourceGroup ??= byGroup;
    targetGroup ??= isReduced ? groups.find((g) => g.end === trig.start) : leftSubject;
  } else {
    sourceGroup ??= leftSubject;
    // "The operation to rescue the pilot was carried out by X": an infinitive under a noun takes the
    // doer from the sentence's later passive "by" phrase.
    if (!sourceGroup && tokens[trig.start - 1]?.text.toLowerCase() === 'to' && tokens[trig.start - 2] && isNpToken(tokens[trig.start - 2]!)) {
      sourceGroup = groups.find((g) => g.start > trig.end && tokens[g.start - 1]?.text.toLowerCase() === 'by' && tokens.slice(trig.end, g.start).some((t) => BE_FORMS.has(t.text.toLowerCase())));
    }
  }
  if (!targetGroup && !(isPassive && isVerbTrigger)) {
    const isMovement = MOVEMENT_VERBS.has(lemmas[trig.head]!);
    for (const g of groups) {
      if (g.start < trig.end || g === sourceGroup) continue;
      if (g.start - trig.end > 25) break;
      // A new clause starts: ", but", ", while", "according to", ";".
      if (hasClauseBreak(tokens, trig.end, g.start)) break;
      const after = tokens[g.end];
      const before = tokens[g.start - 1]?.text.toLowerCase() ?? '';
      // A phrase followed by its own verb heads another clause ("..., a senior official said").
      if (after && (isVerbish(after) || after.pos === 'AUX') && (before === ',' || before === 'and' || before === 'but')) break;
      if (g === byGroup && isPassive) continue;
      // "launched an offensive in Homs": a place phrase is where, not whom (but "arrived in Gondor").
      if (LOCATIVE_PREPS.has(before) && !isMovement && g.members.every((m) => !m.code || m.isPlaceName)) continue;
      targetGroup = g;
      break;
    }
  }
  return { sourceGroup, targetGroup, isPassive };
}

/** Roles of one trigger as coded members: sources, targets, place, passive voice, clause chain (arcs only). */
interface TriggerRoles {
  readonly sources: readonly Member[];
  readonly targets: readonly Member[];
  readonly isPassive: boolean;
  readonly place?: { readonly start: number; readonly end: number };
  readonly clauseChain?: readonly number[];
  /** End of the subject phrase, where modality stops reading back. */
  readonly subjectEnd: number;
  /** With a parse: casualties read from the number modifying the victims ("killed 46 civilians"). */
  readonly casualties?: { readonly fatalities?: number; readonly injuries?: number };
}

/** Members of the coded actors inside a role phrase; a bare member when the phrase names no known actor. */
function membersOf(sc: SentenceContext, span: RoleSpan): Member[] {
  const found: Member[] = [];
  for (const g of sc.groups) {
    if (g.end <= span.start || g.start >= span.end) continue;
    for (const m of g.members) if (m.start < span.end && m.end > span.start && !found.includes(m)) found.push(m);
  }
  // One coded actor in the phrase: the member spans the phrase up to its head ("Russian authorities", not "Russian"),
  // keeping the actor's code and entity; leading determiners are left out.
  let start = span.start;
  while (start < span.head && (sc.tokens[start]!.pos === 'DET' || sc.tokens[start]!.pos === 'PUNCT')) start++;
  // A name continues past its head token in UD ("Donald" ← flat "Trump").
  let end = span.head + 1;
  while (end < span.end && sc.tokens[end]!.pos === 'PROPN' && sc.tokens[end - 1]!.pos === 'PROPN') end++;
  if (found.length === 1 && found[0]!.end <= end) return [{ ...found[0]!, start: Math.min(start, found[0]!.start), end, npStart: span.start, npEnd: span.end }];
  // Several actors in one phrase with no conjunction between them are one referent named with its title or an
  // apposition ("Vice President Joe Biden", "Russia's prosecutor general Yuri Chaika"): one member, the one at the head, with the
  // first country code found when its own has none. Conjuncts ("Russian and Syrian forces") stay apart.
  // A comma alone sets off an apposition ("The son of Richard von Weizsäcker, Fritz von Weizsäcker"); a list has a
  // conjunction ("Russia, Iran and Turkey").
  const hasConjunction = sc.tokens.slice(found[0]?.start ?? span.start, found[found.length - 1]?.end ?? span.start).some((t) => t.pos === 'CCONJ' || t.text === '/');
  if (found.length > 1 && !hasConjunction) {
    const atHead = found.find((m) => m.start <= span.head && span.head < m.end) ?? found[found.length - 1]!;
    const hasCountry = (c: string | undefined): boolean => c !== undefined && !c.startsWith('---');
    const code = hasCountry(atHead.code) ? atHead.code : (found.find((m) => hasCountry(m.code))?.code ?? atHead.code);
    const entityId = atHead.entityId ?? found.find((m) => m.entityId !== undefined)?.entityId;
    return [{ ...atHead, ...(code ? { code } : {}), ...(entityId ? { entityId } : {}), start: Math.min(start, atHead.start), end: Math.max(end, atHead.end), npStart: span.start, npEnd: span.end }];
  }
  return found.length > 0 ? found : [{ start, end, npStart: span.start, npEnd: span.end }];
}

/** Common nouns naming a place something can happen in ("in the city", "at a nightclub"). */
const PLACE_NOUNS = new Set(['city', 'town', 'village', 'capital', 'province', 'region', 'district', 'county', 'state', 'country', 'neighborhood', 'neighbourhood', 'street', 'square', 'hotel', 'nightclub', 'club', 'bar', 'restaurant', 'hospital', 'school', 'university', 'campus', 'church', 'mosque', 'synagogue', 'temple', 'embassy', 'consulate', 'prison', 'jail', 'camp', 'airport', 'port', 'harbour', 'harbor', 'base', 'stadium', 'market', 'mall', 'store', 'building', 'home', 'house', 'apartment', 'border', 'checkpoint', 'station', 'courthouse', 'court', 'office', 'headquarters', 'compound', 'park', 'bridge', 'road', 'highway']);
/** Capitalised words that name times, not places ("in May", "on Sunday"). */
const TIME_NAMES = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'christmas', 'easter', 'ramadan']);

function arcJudge(sc: SentenceContext): ArcJudge {
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && a.end > b.start;
  return {
    // A country named as a place is still a state that acts and is acted on ("apologized to Brazil").
    isActor: (span) => sc.groups.some((g) => g.members.some((m) => overlaps(m, span) && (m.code !== undefined || m.entityId !== undefined))) || sc.hints.some((h) => overlaps(h, span) && (!h.isPlace || h.code !== undefined)),
    isPlace: (span) =>
      sc.groups.some((g) => g.members.some((m) => overlaps(m, span) && m.isPlaceName)) ||
      sc.hints.some((h) => overlaps(h, span) && h.isPlace === true) ||
      PLACE_NOUNS.has(sc.lemmas[span.head]!) ||
      (sc.tokens[span.head]!.pos === 'PROPN' && !TIME_NAMES.has(sc.lemmas[span.head]!) && !sc.groups.some((g) => g.members.some((m) => overlaps(m, span) && m.code !== undefined))),
  };
}

function rolesFromArcs(sc: SentenceContext, trig: Trigger, deps: SentenceDeps, isVerbTrigger: boolean): TriggerRoles {
  // The verb of a multi-word form ("shot down") carries the arcs; an event noun is its own head.
  const head = isVerbTrigger ? trig.head : trig.end - 1;
  const r = arcRoles(sc.tokens, deps, head, arcJudge(sc));
  const sources = r.actors.flatMap((a) => membersOf(sc, a));
  const targets = r.targets.flatMap((t) => membersOf(sc, t)).filter((t) => !sources.some((s) => s.start === t.start && s.end === t.end));
  const subject = r.isPassive ? r.targets[0] : r.actors[0];
  // Counts from arcs: the number modifying the victims of a kill or wound verb, summed over conjuncts.
  const lemma = sc.lemmas[head]!;
  const kind = KILL_LEMMAS.has(lemma) ? 'fatalities' : INJURE_LEMMAS.has(lemma) ? 'injuries' : undefined;
  let casualties: TriggerRoles['casualties'];
  if (kind && isVerbTrigger) {
    let total: number | undefined;
    for (const t of r.targets) {
      const n = deps.head.findIndex((h, i) => h === t.head && deps.label[i] === 'nummod');
      const value = n >= 0 ? readNumber(sc.words, n)?.value : undefined;
      if (value !== undefined) total = (total ?? 0) + value;
    }
    if (total !== undefined) casualties = { [kind]: total };
  }
  return { sources, targets, isPassive: r.isPassive, ...(r.place ? { place: { start: r.place.start, end: r.place.end } } : {}), clauseChain: r.clauseChain, subjectEnd: subject && subject.end <= trig.start ? subject.end : 0, ...(casualties ? { casualties } : {}) };
}

function rolesFor(sc: SentenceContext, trig: Trigger, match: PatternMatch | undefined, isVerbTrigger: boolean, options: CoderOptions): TriggerRoles | undefined {
  if (options.deps && options.deps.head.length === sc.tokens.length) {
    const arcs = rolesFromArcs(sc, trig, options.deps, isVerbTrigger);
    if (arcs.place) return arcs;
    // No locative phrase on the trigger's clauses: the nearest "in/near/at X" name of the sentence, as without a
    // parse. Measured on RAMS (place F1 0.173 → 0.262) and PLOVER (location F1 0.178 → 0.349): with parses at
    // LAS ≈ 80 the attachment of place phrases is the least reliable arc.
    const place = placeFor(sc.tokens, trig, sc.groups, sc.inActor);
    return place ? { ...arcs, place } : arcs;
  }
  const roles = wordOrderRoles(sc, trig, match, isVerbTrigger);
  if (!roles) return undefined;
  const { sourceGroup, targetGroup, isPassive } = roles;
  const sources = sourceGroup?.members ?? [];
  const targets = targetGroup && sourceGroup && targetGroup === sourceGroup ? [] : (targetGroup?.members ?? []);
  const place = placeFor(sc.tokens, trig, sc.groups, sc.inActor);
  return { sources, targets, isPassive, ...(place ? { place } : {}), subjectEnd: (isPassive ? targetGroup?.end : sourceGroup?.end) ?? 0 };
}

const toActor = (m: Member): CodedActor => ({ start: m.start, end: m.end, ...(m.code ? { code: m.code } : {}), ...(m.entityId ? { entityId: m.entityId } : {}) });

function codeSentence(lexicon: EventLexicon, tokens: readonly CoderToken[], options: CoderOptions): CodedSentence {
  const discardedBy = isDiscarded(lexicon, tokens);
  if (discardedBy) return { events: [], discardedBy };
  const sc = sentenceContext(lexicon, tokens, options);
  const { keys, lemmas, lemmaKeys, words, groups, chunks } = sc;
  const triggers = findTriggers(lexicon, tokens, keys, lemmaKeys, sc.inActor);
  const events: CodedEvent[] = [];
  let counted: SentenceCounts | undefined;
  for (const trig of triggers) {
    let code: string | undefined;
    let match: PatternMatch | undefined;
    if (trig.ref) {
      for (const pattern of trig.ref.block.patterns) {
        const m = matchPattern(pattern, trig, keys, lemmaKeys, groups, chunks);
        if (m && (!match || m.score > match.score)) match = m;
      }
      code = match ? match.pattern.code : trig.ref.verb.code;
    } else {
      code = trig.nounCode;
    }
    if (!code) continue;
    const [primary, secondary] = code.split(':');
    if (!isEventCode(primary)) continue;
    const roles = rolesFor(sc, trig, match, trig.ref !== undefined, options);
    if (!roles) continue;
    const { sources, targets, isPassive, place } = roles;
    const modality = modalityAt(tokens, trig.start, { head: trig.head, subjectEnd: roles.subjectEnd });
    counted ??= sentenceCounts(tokens, words, lemmas);
    const merged: CodedCounts = { ...countsFor(tokens, words, counted, trig, primary, sources, targets), ...roles.casualties };
    const { size: _size, ...withoutSize } = merged;
    const counts = merged.size !== undefined && (merged.size === merged.fatalities || merged.size === merged.injuries) ? withoutSize : merged;
    const base = { triggerStart: trig.start, triggerEnd: trig.end, verb: trig.name, ...(match ? { pattern: match.pattern.raw } : {}), isPassive, modality, counts, ...(place ? { place } : {}), ...(roles.clauseChain ? { clauseChain: roles.clauseChain } : {}) };
    const pairs: [readonly Member[], readonly Member[]][] = [];
    if (targets.length === 0 && sources.length >= 2 && options.requireTarget && !options.deps) {
      // PETRARCH semantics (events need a target): "Gondor and Osgiliath renewed ties" codes each with each.
      // Otherwise the conjuncts are one compound actor: "A and B" is never coded both ways round.
      for (const a of sources) for (const b of sources) if (a !== b && a.code !== b.code) pairs.push([[a], [b]]);
    } else {
      pairs.push([sources, targets]);
    }
    for (const [src, tgt] of pairs) {
      if (src.length === 0 && tgt.length === 0) continue;
      if (options.requireTarget && (tgt.length === 0 || src.length === 0)) continue;
      events.push({ ...base, code: primary, sources: src.map(toActor), targets: tgt.map(toActor) });
      if (isEventCode(secondary) && tgt.length > 0) events.push({ ...base, code: secondary, sources: tgt.map(toActor), targets: src.map(toActor) });
    }
  }
  return { events };
}

/** Roles of a trigger the caller chose (tokens [start, end)), whether or not the lexicon knows it. */
export interface ForcedRoles {
  readonly sources: readonly CodedActor[];
  readonly targets: readonly CodedActor[];
  readonly place?: { readonly start: number; readonly end: number };
  readonly clauseChain?: readonly number[];
}

function rolesAt(lexicon: EventLexicon, tokens: readonly CoderToken[], start: number, end: number, options: CoderOptions): ForcedRoles {
  const sc = sentenceContext(lexicon, tokens, options);
  // The last verb of the span heads a multi-word trigger ("carried out"); else its last token.
  let head = end - 1;
  for (let i = start; i < end; i++) if (isVerbish(tokens[i]!)) head = i;
  const isVerbTrigger = isVerbish(tokens[head]!);
  const trig: Trigger = { start, end, head, name: tokens.slice(start, end).map((t) => t.text).join(' ').toUpperCase() };
  const roles = rolesFor(sc, trig, undefined, isVerbTrigger, options);
  if (!roles) return { sources: [], targets: [] };
  return { sources: roles.sources.map(toActor), targets: roles.targets.map(toActor), ...(roles.place ? { place: roles.place } : {}), ...(roles.clauseChain ? { clauseChain: roles.clauseChain } : {}) };
}
