/**
 * The actor knowledge base: countries (built from src/data/countries.ts) plus actor files that users
 * extend (people, organisations, their aliases and date-ranged roles — the idea of PETRARCH/Phoenix
 * actor dictionaries, in JSON). Pure: files are read by app/, this module only indexes records.
 */
import { COUNTRIES, countriesByDemonym } from '../data/countries.js';
import type { EntityKind, MentionType } from '../model/index.js';
import { translitKey } from './names.js';

/** A date-ranged role, as in Phoenix's `[SYRGOV >000717]`: ISO dates, open ends allowed. */
export interface KbRole {
  readonly title: string;
  readonly organisation?: string;
  /** CAMEO-style actor code while the role holds, e.g. 'RUSGOV'. */
  readonly code?: string;
  readonly from?: string;
  readonly to?: string;
}

/** One actor record of an actor file. */
export interface KbActor {
  readonly id: string;
  readonly name: string;
  readonly type: MentionType;
  readonly kind: EntityKind;
  /** ISO 3166-1 alpha-3 of the actor's country or affiliation. */
  readonly country?: string;
  /** CAMEO-style code (country + sector), e.g. 'IRNMIL', 'LBNREB'. */
  readonly code?: string;
  readonly aliases: readonly string[];
  readonly roles: readonly KbRole[];
  /** For a country, its demonyms ("Iranian"): a nationality mention links here as kind 'nationality'. */
  readonly demonyms?: readonly string[];
}

/** The actor file format: `{ "actors": [KbActor, …] }`. */
export interface ActorFile {
  readonly actors: readonly KbActor[];
}

export interface KnowledgeBase {
  readonly size: number;
  byId(id: string): KbActor | undefined;
  /** Actors whose name or alias has the same transliteration key as `name`. */
  lookup(name: string): readonly KbActor[];
  /** The country whose demonym `word` is ("Iranian", "Iranians"), as its KB actor. */
  lookupDemonym(word: string): KbActor | undefined;
}

/** KB actors for every country: id `country:IRN`, kind 'state', aliases from names and alt names. */
export function countryActors(): KbActor[] {
  return COUNTRIES.map((c) => ({
    id: `country:${c.alpha3}`,
    name: c.name,
    type: 'LOC' as const,
    kind: 'state' as const,
    country: c.alpha3,
    code: c.alpha3,
    // ISO codes are not names news uses ("SUR" would catch "SOHR"); the abbreviations news writes ("US", "U.K.") are.
    aliases: [c.officialName, ...c.altNames.filter((n) => n !== c.alpha2 && n !== c.alpha3 && n.replace(/[.\s]/g, '').length > 3), ...c.abbreviations],
    roles: [],
    demonyms: [...c.demonyms, ...c.demonymPlurals],
  }));
}

/** Validates one parsed actor file; returns human-readable problems (empty when valid). */
export function validateActorFile(value: unknown): string[] {
  const problems: string[] = [];
  if (!value || typeof value !== 'object' || !Array.isArray((value as { actors?: unknown }).actors)) return ['expected an object with an "actors" array'];
  (value as { actors: unknown[] }).actors.forEach((a, i) => {
    const actor = a as Partial<KbActor>;
    if (typeof actor.id !== 'string' || !actor.id) problems.push(`actors[${i}]: missing "id"`);
    if (typeof actor.name !== 'string' || !actor.name) problems.push(`actors[${i}]: missing "name"`);
    if (!['PER', 'ORG', 'LOC', 'MISC'].includes(String(actor.type))) problems.push(`actors[${i}] "${actor.id}": "type" must be PER, ORG, LOC or MISC, got "${actor.type}"`);
    if (actor.aliases !== undefined && !Array.isArray(actor.aliases)) problems.push(`actors[${i}] "${actor.id}": "aliases" must be an array`);
  });
  return problems;
}

/** Indexes actors by the transliteration key of each name and alias; later files override earlier ids. */
export function buildKnowledgeBase(actors: readonly KbActor[]): KnowledgeBase {
  const byId = new Map<string, KbActor>();
  for (const actor of actors) byId.set(actor.id, { ...actor, aliases: actor.aliases ?? [], roles: actor.roles ?? [] });
  const byKey = new Map<string, KbActor[]>();
  const byDemonym = new Map<string, KbActor>();
  for (const actor of byId.values()) {
    for (const name of new Set([actor.name, ...actor.aliases])) {
      const key = translitKey(name);
      if (!key) continue;
      const list = byKey.get(key) ?? [];
      if (!list.includes(actor)) list.push(actor);
      byKey.set(key, list);
    }
    for (const demonym of actor.demonyms ?? []) {
      // "Indian" is India's and the British Indian Ocean Territory's: the independent state the country table
      // lists first keeps it, whatever order the actors came in.
      const key = demonym.toLowerCase();
      const held = byDemonym.get(key);
      if (!held || actor.id === `country:${countriesByDemonym(demonym)[0]?.alpha3}` || held.id !== `country:${countriesByDemonym(demonym)[0]?.alpha3}`) byDemonym.set(key, actor);
    }
  }
  return {
    size: byId.size,
    byId: (id) => byId.get(id),
    lookup: (name) => byKey.get(translitKey(name)) ?? [],
    lookupDemonym: (word) => byDemonym.get(word.toLowerCase().replace(/['’]s$/, '')),
  };
}
