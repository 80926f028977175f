/**
 * Cross-article entity linking: decides which canonical entity each article entity is, and why.
 * Canonical ids are deterministic (knowledge-base id, or type + transliteration key of the full name), so two
 * workers linking the same name at once agree without coordination. A bare surname joins a known person only
 * with support: exactly one known person has that surname and nothing contradicts it (country).
 */
import { alpha2ToAlpha3, countryByName } from '../../data/countries.js';
import { nameWords, translitKey } from '../../kb/names.js';
import type { DocEntity, PlaceRef } from '../../model/index.js';
import { checkPersonType, checkPlaceType, type NameTypes } from './entity-type.js';
import { institutionCountry, type ArticleContext } from './institutions.js';

export type { NameTypeCount, NameTypes } from './entity-type.js';

/** A canonical entity as the store knows it (enough to link against). */
export interface KnownEntity {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly country: string | null;
  readonly isSurnameOnly: boolean;
}

/** Where an article entity was linked, with the reason recorded in the store. */
export interface EntityLink {
  readonly docEntityId: string;
  readonly entityId: string;
  readonly name: string;
  readonly type: DocEntity['type'];
  readonly kind: DocEntity['kind'];
  readonly country?: string;
  readonly kbId?: string;
  readonly nameKey: string;
  /** Translit key of the last name word for people, for later surname look-ups. */
  readonly surnameKey?: string;
  readonly isSurnameOnly: boolean;
  readonly aliases: readonly string[];
  readonly mentionCount: number;
  readonly roles: DocEntity['roles'];
  readonly reason: string;
}

/** The surname keys of an article's single-word person entities, to fetch candidates before linking. */
export function surnameKeysToLookUp(entities: readonly DocEntity[]): string[] {
  return [...new Set(entities.filter((e) => e.type === 'PER' && !e.kbId && nameWords(e.name).words.length === 1).map((e) => translitKey(e.name)))];
}

/**
 * The name keys whose corpus types can decide a person entity's type: its full name and, for names of two or more
 * words, its first word ("Amazon" of "Amazon Alexa"). Entities with a knowledge-base link need none.
 */
export function nameKeysToLookUp(entities: readonly DocEntity[]): string[] {
  const keys = new Set<string>();
  for (const e of entities) {
    if (e.type !== 'PER' || e.kbId) continue;
    const words = nameWords(e.name).words;
    if (!words.length) continue;
    keys.add(translitKey(words.join(' ')));
    if (words.length > 1) keys.add(translitKey(words[0]!));
  }
  return [...keys];
}

/** The gazetteer place most of a place entity's mentions resolve to, when the place stage resolved any. */
function gazetteerPlace(entity: DocEntity, places: readonly PlaceRef[]): PlaceRef | undefined {
  const counts = new Map<string, { place: PlaceRef; n: number }>();
  for (const place of places) {
    if (!place.isResolved || !place.gazetteerId || !place.mentionId || !entity.mentionIds.includes(place.mentionId)) continue;
    const entry = counts.get(place.gazetteerId) ?? { place, n: 0 };
    entry.n++;
    counts.set(place.gazetteerId, entry);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.place;
}

/**
 * Links each article entity; `knownBySurname` maps a surname key to the full-name people already stored with it,
 * and `places` (the article's places layer) lets a place link by its gazetteer entry, so Tripoli in Libya and
 * Tripoli in Lebanon stay two entities.
 */
export function linkEntities(entities: readonly DocEntity[], knownBySurname: ReadonlyMap<string, readonly KnownEntity[]>, places: readonly PlaceRef[] = [], nameTypes: NameTypes = new Map()): EntityLink[] {
  const article: ArticleContext = { entities, places };
  return entities.map((entity) => {
    // "Georgia" in an article whose other places are in the US is the state of Georgia: when the place stage read
    // the name as a place inside a country, in context, the country of the same name does not take it.
    const inside = placeNamedLikeACountry(entity, places);
    if (inside) {
      const { kbId: _kb, country: _country, ...rest } = entity;
      const country = inside.countryCode ? alpha2ToAlpha3(inside.countryCode) : undefined;
      const link = linkEntity({ ...rest, type: 'LOC', kind: 'place', ...(country ? { country } : {}) }, knownBySurname, article, true);
      return { ...link, reason: `${link.reason}; the place stage read it in context as ${inside.name ?? entity.name}${inside.countryCode ? ` (${inside.countryCode})` : ''}, not the country` };
    }
    // A country's name is the state whatever the tagger called it ("Japan" as a person on a travel page).
    if (!entity.kbId && entity.type !== 'LOC' && !PERSONAL_COUNTRY_NAMES.has(entity.name.trim().toLowerCase()) && countryByName(entity.name)) {
      return retyped(linkEntity({ ...entity, type: 'LOC', kind: 'state' }, knownBySurname, article), entity.type, 'the name of a country');
    }
    const link = linkEntity(entity, knownBySurname, article);
    // A bare surname joined to a known person has its evidence; any other person or place name is checked. One
    // shared by several stored "people" is not evidence: on web pages those are often products ("Instagram").
    const isSurnameJoined = link.type === 'PER' && link.isSurnameOnly && link.entityId !== `per:${link.nameKey}`;
    const isKnownPlace = link.entityId.startsWith('place:') || link.entityId.startsWith('kb:');
    const decision = isSurnameJoined ? undefined : (checkPersonType(entity, entities, nameTypes) ?? checkPlaceType(entity, isKnownPlace, places));
    if (!decision) return link;
    return retyped(linkEntity({ ...entity, type: decision.type, kind: decision.kind }, knownBySurname, article), entity.type, decision.why);
  });
}

/** The gazetteer place, not a country, that a country-named entity's mentions resolved to ("Georgia" → US.GA). */
function placeNamedLikeACountry(entity: DocEntity, places: readonly PlaceRef[]): PlaceRef | undefined {
  const isCountryNamed = entity.kbId?.startsWith('country:') || (entity.type === 'LOC' && countryByName(entity.name) !== undefined);
  if (!isCountryNamed || entity.type === 'MISC') return undefined;
  const place = gazetteerPlace(entity, places);
  if (!place?.gazetteerId || place.gazetteerId.startsWith('country:') || place.precision === 'country') return undefined;
  // Singapore the city is Singapore the state: only a place in another country takes the name from the state.
  const state = entity.kbId?.startsWith('country:') ? entity.kbId.slice('country:'.length) : countryByName(entity.name)?.alpha3;
  return place.countryCode && alpha2ToAlpha3(place.countryCode) !== state ? place : undefined;
}

/** Country names that are also common given names: as a person, they stay a person (Jordan, Chad, Georgia). */
const PERSONAL_COUNTRY_NAMES = new Set(['jordan', 'chad', 'georgia', 'israel']);

/** The link with the tagger's type and why it changed, in its reason. */
function retyped(link: EntityLink, taggedAs: DocEntity['type'], why: string): EntityLink {
  return { ...link, reason: `${link.reason}; typed ${link.type}, not ${taggedAs}: ${why}` };
}

/** Links one article entity by its type as given. */
function linkEntity(entity: DocEntity, knownBySurname: ReadonlyMap<string, readonly KnownEntity[]>, article: ArticleContext, isNotACountry = false): EntityLink {
  const { places } = article;
  {
    const words = nameWords(entity.name).words;
    const nameKey = translitKey(words.join(' ') || entity.name);
    const isPerson = entity.type === 'PER';
    const surnameKey = isPerson && words.length ? translitKey(words[words.length - 1]!) : undefined;
    // "Gen Z" (the title "Gen." folded off) leaves a letter, not a surname to join a known person by.
    const isSurnameOnly = isPerson && words.length === 1 && nameKey.length > 1;
    // A nationality ("Iranian officers") links to its country, and the canonical record is the state. Without a
    // knowledge base, a place whose name is a country's ("USA", "the States") still links by the country's code.
    const countryByItsName = !entity.kbId && !isNotACountry && entity.type === 'LOC' ? countryByName(entity.name) : undefined;
    const kbId = entity.kbId ?? (countryByItsName ? `country:${countryByItsName.alpha3}` : undefined);
    const isCountry = kbId?.startsWith('country:') ?? false;
    const base = {
      docEntityId: entity.id,
      name: entity.name,
      type: isCountry ? ('LOC' as const) : entity.type,
      kind: isCountry ? ('state' as const) : entity.kind,
      nameKey,
      isSurnameOnly,
      aliases: [...new Set([entity.name, ...entity.aliases])],
      mentionCount: entity.mentionIds.length + entity.references.length,
      roles: entity.roles,
      ...(entity.country ? { country: entity.country } : {}),
      ...(kbId ? { kbId } : {}),
      ...(countryByItsName && !entity.country ? { country: countryByItsName.alpha3 } : {}),
      ...(surnameKey ? { surnameKey } : {}),
    };
    if (countryByItsName) return { ...base, entityId: `kb:${kbId}`, reason: `country name of ${countryByItsName.name} (${countryByItsName.alpha3})` };
    if (entity.kbId) return { ...base, entityId: `kb:${entity.kbId}`, reason: `knowledge-base actor "${entity.kbId}"` };
    const place = entity.type === 'LOC' ? gazetteerPlace(entity, places) : undefined;
    if (place) {
      return { ...base, ...(place.countryCode && !base.country ? { country: place.countryCode } : {}), entityId: `place:${place.gazetteerId}`, reason: `same gazetteer place ${place.name ?? entity.name}${place.countryCode ? ` (${place.countryCode})` : ''}` };
    }
    if (isSurnameOnly) {
      const candidates = (knownBySurname.get(nameKey) ?? []).filter((k) => k.type === 'PER' && !k.isSurnameOnly);
      const compatible = candidates.filter((k) => !entity.country || !k.country || k.country === entity.country);
      if (candidates.length === 1 && compatible.length === 1) {
        const only = compatible[0]!;
        return { ...base, entityId: only.id, reason: `surname of the only known person "${only.name}"${entity.country && only.country ? ` (same country ${only.country})` : ''}` };
      }
      const why = candidates.length > 1 ? `${candidates.length} known people share it` : candidates.length === 1 ? 'the one known namesake has another country' : 'no known person has it';
      return { ...base, entityId: `per:${nameKey}`, reason: `surname only, not merged: ${why}` };
    }
    const institution = institutionCountry(entity, words, article, translitKey);
    if (institution) {
      return { ...base, country: institution.country, entityId: `org:${institution.genericKey}@${institution.country}`, reason: institution.why };
    }
    const prefix = { PER: 'per', ORG: 'org', LOC: 'loc', MISC: 'misc' }[entity.type];
    return { ...base, entityId: `${prefix}:${nameKey}`, reason: 'same normalised name and type' };
  }
}
