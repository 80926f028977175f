/**
 * Event dictionaries: loads Dossier's own event lexicon from src/data/ and imports users'
 * PETRARCH/TABARI/Phoenix dictionaries (actors, agents, verbs, discards). `dossier dict import <file>`
 * calls `importDictionary`; the parsed dictionaries are then passed to `loadEventLexicon` so a user's
 * dictionaries take priority over ours.
 */
import { readFileSync } from 'node:fs';
import { DossierError } from '../model/index.js';
import { buildEventLexicon, type EventLexicon, type LexiconSources } from '../events/lexicon.js';
import { parseActorDictionary, parseAgentDictionary, parseDiscardList, parseVerbDictionary } from '../events/petrarch-dictionaries.js';
import { resolveCountry } from '../events/country-resolver.js';
import type { Store } from '../store/store.js';

/** The dictionary kinds `dict import` understands. */
export type DictionaryKind = 'actors' | 'agents' | 'verbs' | 'discards';

/** What importing one dictionary file found. */
export interface DictionaryImport {
  readonly file: string;
  readonly kind: DictionaryKind;
  /** Actor records, agent phrases (with plurals), verbs or discard phrases. */
  readonly entries: number;
  /** Verb patterns (verbs only). */
  readonly patterns: number;
  /** Synonym sets (verbs only). */
  readonly synsets: number;
  /** Actor phrases including synonyms (actors only). */
  readonly phrases: number;
  /** Dated code restrictions (actors only). */
  readonly datedCodes: number;
  /** The raw text, to hand to `loadEventLexicon({ extra })`. */
  readonly text: string;
}

const DATA = new URL('../data/', import.meta.url);

function readData(name: string): string {
  return readFileSync(new URL(name, DATA), 'utf8');
}

/**
 * Guesses a dictionary's kind from its name and content: verb files have `---` blocks, agent files
 * `[~CODE]`/`[CODE~]` codes, discard files no codes at all, actor files plain `[CODE]`s.
 */
export function detectDictionaryKind(file: string, text: string): DictionaryKind {
  const name = file.toLowerCase();
  if (/verb/.test(name) || /^---\s/m.test(text)) return 'verbs';
  if (/agent/.test(name) || /\[\s*~|~\s*\]/.test(text)) return 'agents';
  if (/discard/.test(name) || !/\[[^\]]+\]/.test(text)) return 'discards';
  return 'actors';
}

/**
 * Parses a PETRARCH-format dictionary file and returns what it holds.
 * @example importDictionary('Phoenix.Countries.actors.txt') // { kind: 'actors', entries: 27000, ... }
 */
export function importDictionary(file: string, kind?: DictionaryKind): DictionaryImport {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new DossierError('E_INPUT_NOT_FOUND', `dictionary "${file}" could not be read`, { cause });
  }
  const k = kind ?? detectDictionaryKind(file, text);
  const base = { file, kind: k, text, patterns: 0, synsets: 0, phrases: 0, datedCodes: 0 };
  switch (k) {
    case 'verbs': {
      const d = parseVerbDictionary(text);
      return { ...base, entries: d.verbs.length, patterns: d.blocks.reduce((n, b) => n + b.patterns.length, 0), synsets: d.synsets.size };
    }
    case 'agents':
      return { ...base, entries: parseAgentDictionary(text).length };
    case 'discards':
      return { ...base, entries: parseDiscardList(text).length };
    case 'actors': {
      const a = parseActorDictionary(text);
      return { ...base, entries: a.length, phrases: a.reduce((n, e) => n + e.phrases.length, 0), datedCodes: a.reduce((n, e) => n + e.dated.length, 0) };
    }
  }
}

/** Dossier's own lexicon texts from src/data/. */
export function ownLexiconSources(): Required<Pick<LexiconSources, 'verbs' | 'actors' | 'agents' | 'nouns' | 'cameoPlover'>> {
  return {
    verbs: [readData('event-verbs.txt')],
    actors: [readData('event-actors.txt')],
    agents: [readData('event-agents.txt')],
    nouns: [readData('event-nouns.txt')],
    cameoPlover: readData('cameo-plover.txt'),
  };
}

/**
 * Builds the event lexicon the `events` stage reads: imported dictionaries first (they win), then ours.
 * @example loadEventLexicon({ extra: [importDictionary('my.verbs.txt')] })
 */
export function loadEventLexicon(options: { extra?: readonly DictionaryImport[] } = {}): EventLexicon {
  const own = ownLexiconSources();
  const extra = options.extra ?? [];
  const of = (kind: DictionaryKind): string[] => extra.filter((d) => d.kind === kind).map((d) => d.text);
  return buildEventLexicon({
    verbs: [...of('verbs'), ...own.verbs],
    actors: [...of('actors'), ...own.actors],
    agents: [...of('agents'), ...own.agents],
    discards: of('discards'),
    nouns: own.nouns,
    cameoPlover: own.cameoPlover,
    resolveCountry,
  });
}

/** Imports a dictionary file into the store, so every later ingest on that store codes with it. */
export async function importDictionaryIntoStore(store: Store, file: string, kind?: DictionaryKind): Promise<DictionaryImport> {
  const imported = importDictionary(file, kind);
  await store.saveDictionary({ file: imported.file, kind: imported.kind, text: imported.text, entries: imported.entries });
  return imported;
}

/** The dictionaries a store holds, ready for `loadDefaultResources({ dictionaries })`. */
export async function storedDictionaries(store: Store): Promise<DictionaryImport[]> {
  return (await store.listDictionaries()).map((d) => ({ file: d.file, kind: d.kind, text: d.text, entries: d.entries, patterns: 0, synsets: 0, phrases: 0, datedCodes: 0 }));
}
