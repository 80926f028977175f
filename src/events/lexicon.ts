/**
 * The event lexicon the coder reads: verb dictionaries (ours and imported), actor and agent
 * dictionaries, event nouns, discards and the CAMEO → PLOVER table, with the indexes built once.
 */
import {
  actorCodeOn,
  parseActorDictionary,
  parseAgentDictionary,
  parseDiscardList,
  parseVerbDictionary,
  regularPlural,
  type ActorEntry,
  type AgentEntry,
  type DiscardEntry,
  type VerbBlock,
  type VerbDictionary,
  type VerbEntry,
} from './petrarch-dictionaries.js';
import { parseCameoPloverTable, type CameoPloverTable } from './cameo-plover.js';

/** A verb form indexed by its first word: the verb, its dictionary and the form's words. */
export interface VerbFormRef {
  readonly verb: VerbEntry;
  readonly block: VerbBlock;
  readonly words: readonly string[];
  readonly head: number;
}

/** An event noun ("airstrike", "protest") with its CAMEO code. */
export interface EventNoun {
  readonly words: readonly string[];
  readonly code: string;
}

/** Resolves a country name or demonym (upper-case words) to an ISO alpha-3 code. */
export type CountryResolver = (words: readonly string[]) => string | undefined;

/** Everything the coder needs, indexed. */
export interface EventLexicon {
  /** Verb forms by first upper-case word; earlier dictionaries first (user dictionaries win). */
  readonly verbForms: ReadonlyMap<string, readonly VerbFormRef[]>;
  /** Actor phrases by first word, longest first. */
  readonly actors: ReadonlyMap<string, readonly { words: readonly string[]; entry: ActorEntry }[]>;
  /** Agent phrases by first word, longest first. */
  readonly agents: ReadonlyMap<string, readonly AgentEntry[]>;
  readonly nouns: ReadonlyMap<string, readonly EventNoun[]>;
  /** Noun phrases that must never trigger an event ("heart attack"). */
  readonly nounStoplist: readonly (readonly string[])[];
  readonly discards: readonly DiscardEntry[];
  readonly cameoPlover: CameoPloverTable;
  readonly resolveCountry?: CountryResolver;
  /** Counts of what was loaded, for `dict import` and the stage README. */
  readonly stats: LexiconStats;
}

/** How much each part of a lexicon holds. */
export interface LexiconStats {
  readonly verbs: number;
  readonly verbPatterns: number;
  readonly synsets: number;
  readonly actors: number;
  readonly agents: number;
  readonly nouns: number;
  readonly discards: number;
}

/** The raw texts a lexicon is built from; every part is optional. */
export interface LexiconSources {
  /** Verb dictionaries in PETRARCH format, highest priority first. */
  readonly verbs?: readonly string[];
  readonly actors?: readonly string[];
  readonly agents?: readonly string[];
  readonly discards?: readonly string[];
  /** Event-noun file: `CODE  noun phrase` lines; `!noun phrase` lines are never events. */
  readonly nouns?: readonly string[];
  readonly cameoPlover?: string;
  readonly resolveCountry?: CountryResolver;
}

/**
 * Parses an event-noun file: `CODE  WORD_WORD` per line, `!PHRASE` for a must-not-fire phrase.
 * @example parseEventNouns('195  AIRSTRIKE\n!HEART_ATTACK').nouns.length // 1
 */
export function parseEventNouns(text: string): { nouns: EventNoun[]; stoplist: string[][] } {
  const nouns: EventNoun[] = [];
  const stoplist: string[][] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    if (line.startsWith('!')) {
      stoplist.push(line.slice(1).trim().toUpperCase().split(/[\s_]+/));
      continue;
    }
    const m = /^(\d{2,4})\s+(.+)$/.exec(line);
    if (!m) continue;
    for (const phrase of m[2]!.split(/\s+/)) {
      const words = phrase.toUpperCase().split('_').filter(Boolean);
      if (words.length === 0) continue;
      nouns.push({ words, code: m[1]! });
      const last = words[words.length - 1]!;
      nouns.push({ words: [...words.slice(0, -1), regularPlural(last)], code: m[1]! });
    }
  }
  return { nouns, stoplist };
}

function pushIndexed<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Builds the indexed lexicon from dictionary texts. */
export function buildEventLexicon(sources: LexiconSources): EventLexicon {
  const verbDicts: VerbDictionary[] = (sources.verbs ?? []).map(parseVerbDictionary);
  const verbForms = new Map<string, VerbFormRef[]>();
  let verbCount = 0;
  let patternCount = 0;
  let synsetCount = 0;
  for (const dict of verbDicts) {
    verbCount += dict.verbs.length;
    synsetCount += dict.synsets.size;
    for (const b of dict.blocks) patternCount += b.patterns.length;
    for (const verb of dict.verbs) {
      const block = dict.blocks[verb.block]!;
      for (const form of verb.forms) pushIndexed(verbForms, form.words[0]!, { verb, block, words: form.words, head: form.head });
    }
  }
  const actors = new Map<string, { words: readonly string[]; entry: ActorEntry }[]>();
  let actorCount = 0;
  for (const text of sources.actors ?? []) {
    for (const entry of parseActorDictionary(text)) {
      actorCount++;
      for (const words of entry.phrases) pushIndexed(actors, words[0]!, { words, entry });
    }
  }
  for (const list of actors.values()) list.sort((a, b) => b.words.length - a.words.length);
  const agents = new Map<string, AgentEntry[]>();
  let agentCount = 0;
  for (const text of sources.agents ?? []) {
    for (const entry of parseAgentDictionary(text)) {
      agentCount++;
      pushIndexed(agents, entry.words[0]!, entry);
    }
  }
  for (const list of agents.values()) list.sort((a, b) => b.words.length - a.words.length);
  const nouns = new Map<string, EventNoun[]>();
  const nounStoplist: string[][] = [];
  let nounCount = 0;
  for (const text of sources.nouns ?? []) {
    const parsed = parseEventNouns(text);
    nounStoplist.push(...parsed.stoplist);
    for (const n of parsed.nouns) {
      nounCount++;
      pushIndexed(nouns, n.words[0]!, n);
    }
  }
  for (const list of nouns.values()) list.sort((a, b) => b.words.length - a.words.length);
  const discards = (sources.discards ?? []).flatMap(parseDiscardList);
  return {
    verbForms,
    actors,
    agents,
    nouns,
    nounStoplist,
    discards,
    cameoPlover: parseCameoPloverTable(sources.cameoPlover ?? ''),
    ...(sources.resolveCountry ? { resolveCountry: sources.resolveCountry } : {}),
    stats: { verbs: verbCount, verbPatterns: patternCount, synsets: synsetCount, actors: actorCount, agents: agentCount, nouns: nounCount / 2, discards: discards.length },
  };
}

export { actorCodeOn };

/** The resources key under which app/ passes the event lexicon to the `events` stage. */
export const EVENT_LEXICON_RESOURCE = 'events.lexicon';
