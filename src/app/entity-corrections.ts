/**
 * The user's corrections of canonical entities: merge two entities, split a name off one, rename one, retype
 * one, and undo any of them. Each is stored as an override (who, when) that every later ingest applies when it
 * links entities (`linkWithCorrections`), and is applied at once to the articles already stored, by relinking
 * them from their stored entities layer. The CLI (`dossier entity merge|split|rename|retype|undo`) and the API
 * (POST /api/entities/:id/merge|split|rename|retype, DELETE /api/entity-corrections/:id) both come here.
 */
import { applyLinkOverrides, defaultKindOf, linkEntities, nameKeyOf, nameKeysToLookUp, splitEntityId, surnameKeysToLookUp, type EntityLink } from '../corpus/link-entities/index.js';
import { DossierError, UsageError, type DocEntity, type MentionType, type PlaceRef } from '../model/index.js';
import type { EntityDetail, EntityOverride, EntityTypeEvidence, Store } from '../store/store.js';
import { MENTION_TYPES, requireEntity, resolveEntity } from './queries.js';

/** Who made a correction and when (ISO 8601; now when not given). */
export interface CorrectionAuthor {
  readonly by: string;
  readonly at?: string;
}

/** What a correction did: the stored override and how many stored articles were relinked. */
export interface CorrectionResult {
  readonly override: EntityOverride;
  readonly relinkedArticles: number;
}

/** An entity's corrections and the type evidence of its name, as its page shows them. */
export interface EntityCorrectionsView {
  readonly corrections: readonly EntityOverride[];
  readonly typeEvidence: readonly EntityTypeEvidence[];
  /** "one name, many types": set when other types hold a large share of the name's mentions. */
  readonly typeWarning: string | null;
}

/** Longest name a user may give (a display name, a name to split off). */
const MAX_NAME_CHARS = 200;
/** Share of a name's mentions under other types from which the entity page warns. */
const MIXED_TYPE_SHARE = 0.2;
/** Merges are followed this many rounds of look-ups when links are corrected at save time. */
const MAX_LOOKUP_ROUNDS = 4;

/** Checks a CLI/API author name: non-empty, printable, at most 100 characters. */
export function checkAuthor(by: string | undefined): string {
  const name = (by ?? '').trim();
  // eslint-disable-next-line no-control-regex
  if (!name || name.length > 100 || /[\u0000-\u001f\u007f]/.test(name)) throw new UsageError(`corrector "${by ?? ''}": give a name of 1 to 100 printable characters (--by)`);
  return name;
}

/** Checks a type given by the user. */
export function checkMentionType(type: string): MentionType {
  const upper = type.trim().toUpperCase();
  if (!(MENTION_TYPES as readonly string[]).includes(upper)) throw new UsageError(`type "${type}": expected one of ${MENTION_TYPES.join(', ')}`);
  return upper as MentionType;
}

function checkName(name: string, what: string): string {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean || clean.length > MAX_NAME_CHARS) throw new UsageError(`${what} "${name}": give 1 to ${MAX_NAME_CHARS} characters`);
  return clean;
}

const stamp = (author: CorrectionAuthor): { decidedBy: string; decidedAt: string } => ({ decidedBy: checkAuthor(author.by), decidedAt: author.at ?? new Date().toISOString() });

/** Links an article's entities and applies every stored correction that concerns them (ingest and relinking). */
export async function linkWithCorrections(store: Store, entities: readonly DocEntity[], places: readonly PlaceRef[]): Promise<EntityLink[]> {
  const [known, nameTypes] = await Promise.all([store.findPeopleBySurname(surnameKeysToLookUp(entities)), store.entityTypesByName(nameKeysToLookUp(entities))]);
  return applyCorrections(store, linkEntities(entities, known, places, nameTypes));
}

/** Applies the stored corrections to links, following merges into merged entities. */
export async function applyCorrections(store: Store, links: readonly EntityLink[]): Promise<EntityLink[]> {
  let out = [...links];
  const asked = new Set<string>();
  for (let round = 0; round < MAX_LOOKUP_ROUNDS; round++) {
    const ids = [...new Set(out.map((l) => l.entityId))].filter((id) => !asked.has(id));
    if (!ids.length) break;
    ids.forEach((id) => asked.add(id));
    const overrides = await store.listEntityOverrides([...asked]);
    if (!overrides.length) break;
    out = applyLinkOverrides(links, overrides);
  }
  return out;
}

/**
 * Relinks the stored articles that link any of `entityIds`: their entities are linked again from the stored
 * entities layer with every correction applied; links of other entities are left as they are. Returns how many
 * articles changed.
 */
export async function relinkStoredArticles(store: Store, entityIds: readonly string[]): Promise<number> {
  const involved = new Set(entityIds);
  let changed = 0;
  for (const articleId of await store.articlesLinkingEntities(entityIds)) {
    const article = await store.getArticle(articleId);
    if (!article) continue;
    const fresh = await linkWithCorrections(store, (article.layers['entities'] ?? []) as DocEntity[], (article.layers['places'] ?? []) as PlaceRef[]);
    const current = new Map((await store.articleEntityLinks(articleId)).map((l) => [l.docEntityId, l]));
    const links = fresh.map((l) => {
      const now = current.get(l.docEntityId);
      return now && !involved.has(now.entityId) && !involved.has(l.entityId) ? { ...l, entityId: now.entityId, reason: now.reason } : l;
    });
    if (links.length === current.size && links.every((l) => current.get(l.docEntityId)?.entityId === l.entityId)) continue;
    await store.relinkArticleEntities(articleId, links);
    changed++;
  }
  return changed;
}

/** Moves an emptied entity's events onto another entity (after a merge took all its articles). */
async function moveEventsIfEmptied(store: Store, fromId: string, toId: string): Promise<void> {
  const from = await store.findEntity(fromId);
  if (from && from.articleCount === 0) await store.moveEntityEvents(fromId, toId);
}

/**
 * A bare surname stored before its full name: "Gupta" in an article ingested before any article named Sanjay
 * Gupta stays `per:gupta`, because no known person had that surname then. Once the store holds exactly one
 * full-name person with the surname, the articles of the surname-only entity are linked again, by the same rule
 * that links a bare surname at ingest (one known person, no conflicting country), so the result does not depend
 * on the order the articles came in. `surnameKeys`: the surname keys of the people an ingest just stored.
 * Returns how many articles were relinked.
 */
export async function mergeSurnamesBack(store: Store, surnameKeys: ReadonlySet<string>): Promise<number> {
  if (!surnameKeys.size) return 0;
  const people = await store.findPeopleBySurname([...surnameKeys].sort());
  const joins: { from: string; to: string }[] = [];
  for (const known of people.values()) {
    const full = known.filter((k) => !k.isSurnameOnly);
    if (full.length !== 1) continue;
    for (const bare of known.filter((k) => k.isSurnameOnly)) joins.push({ from: bare.id, to: full[0]!.id });
  }
  if (!joins.length) return 0;
  const relinked = await relinkStoredArticles(store, joins.map((j) => j.from));
  for (const join of joins) await moveEventsIfEmptied(store, join.from, join.to);
  return relinked;
}

/** Merges entity `otherRef` into `keepRef` (ids, names or aliases): every article linking it links the kept one. */
export async function mergeEntities(store: Store, keepRef: string, otherRef: string, author: CorrectionAuthor): Promise<CorrectionResult> {
  const keep = await resolveEntity(store, keepRef);
  const other = await resolveEntity(store, otherRef);
  if (keep.id === other.id) throw new UsageError(`"${keepRef}" and "${otherRef}" are the same entity (${keep.id})`);
  const override = await store.addEntityOverride({ kind: 'merge', entityId: other.id, targetId: keep.id, ...stamp(author) });
  const relinkedArticles = await relinkStoredArticles(store, [other.id, keep.id]);
  await moveEventsIfEmptied(store, other.id, keep.id);
  return { override, relinkedArticles };
}

/** Splits the mentions named `name` off an entity into an entity of their own (of `type`, or the same type). */
export async function splitEntity(store: Store, entityRef: string, name: string, author: CorrectionAuthor, type?: MentionType): Promise<CorrectionResult> {
  const entity = await requireEntity(store, entityRef);
  const splitName = checkName(name, 'name to split off');
  const key = nameKeyOf(splitName);
  if (![entity.name, ...entity.aliases.map((a) => a.alias)].some((n) => nameKeyOf(n) === key)) {
    throw new UsageError(`entity "${entity.name}" (${entity.id}) has no name or alias "${splitName}"; its aliases: ${entity.aliases.map((a) => a.alias).join(', ') || 'none'}`);
  }
  const targetId = splitEntityId(splitName, type ?? entity.type, entity.id);
  const override = await store.addEntityOverride({ kind: 'split', entityId: entity.id, targetId, name: splitName, ...(type ? { type } : {}), ...stamp(author) });
  return { override, relinkedArticles: await relinkStoredArticles(store, [entity.id]) };
}

/** Gives an entity the display name the user chose; later ingests keep it. */
export async function renameEntity(store: Store, entityRef: string, name: string, author: CorrectionAuthor): Promise<CorrectionResult> {
  const entity = await resolveEntity(store, entityRef);
  const display = checkName(name, 'display name');
  const override = await store.addEntityOverride({ kind: 'rename', entityId: entity.id, name: display, previous: entity.name, ...stamp(author) });
  await store.updateEntityRecord(entity.id, { name: display });
  return { override, relinkedArticles: 0 };
}

/** Gives an entity the type the user chose (its kind becomes that type's default); later ingests keep it. */
export async function retypeEntity(store: Store, entityRef: string, type: MentionType, author: CorrectionAuthor): Promise<CorrectionResult> {
  const entity = await resolveEntity(store, entityRef);
  if (entity.type === type) throw new UsageError(`entity "${entity.name}" (${entity.id}) is already ${type}`);
  const override = await store.addEntityOverride({ kind: 'retype', entityId: entity.id, type, previous: `${entity.type} ${entity.kind}`, ...stamp(author) });
  await store.updateEntityRecord(entity.id, { type, kind: defaultKindOf(type) });
  return { override, relinkedArticles: 0 };
}

/** Undoes a correction by its id: deletes the override and puts the stored rows back as the rules link them. */
export async function undoCorrection(store: Store, overrideId: number): Promise<CorrectionResult> {
  if (!Number.isSafeInteger(overrideId) || overrideId <= 0) throw new UsageError(`correction id "${overrideId}": expected a positive whole number, as listed on the entity page`);
  const override = await store.deleteEntityOverride(overrideId);
  if (!override) throw new DossierError('E_NOT_FOUND', `no entity correction with id ${overrideId}`);
  if (override.kind === 'rename' && override.previous !== undefined) await store.updateEntityRecord(override.entityId, { name: override.previous });
  if (override.kind === 'retype' && override.previous !== undefined) {
    const [type, kind] = override.previous.split(' ') as [MentionType, EntityDetail['kind'] | undefined];
    await store.updateEntityRecord(override.entityId, { type, ...(kind ? { kind } : {}) });
  }
  const ids = [override.entityId, ...(override.targetId ? [override.targetId] : [])];
  const relinkedArticles = override.kind === 'merge' || override.kind === 'split' ? await relinkStoredArticles(store, ids) : 0;
  return { override, relinkedArticles };
}

/** An entity's corrections (newest first) and whether its name is used under several types. */
export async function entityCorrections(store: Store, entity: Pick<EntityDetail, 'id' | 'type'>): Promise<EntityCorrectionsView> {
  const [corrections, typeEvidence] = await Promise.all([store.listEntityOverrides([entity.id]), store.entityTypeEvidence(entity.id)]);
  return { corrections: [...corrections].reverse(), typeEvidence, typeWarning: typeWarning(entity.type, typeEvidence) };
}

/** "one name, many types: LOC 147 mentions (2 entities), PER 9 (1)" when other types hold ≥ 20 % of the mentions. */
export function typeWarning(type: MentionType, evidence: readonly EntityTypeEvidence[]): string | null {
  const total = evidence.reduce((n, e) => n + e.mentions, 0);
  const others = evidence.filter((e) => e.type !== type).reduce((n, e) => n + e.mentions, 0);
  if (!total || others < 2 || others / total < MIXED_TYPE_SHARE) return null;
  return `one name, many types: ${evidence.map((e) => `${e.type} ${e.mentions} mention${e.mentions === 1 ? '' : 's'} (${e.entities} entit${e.entities === 1 ? 'y' : 'ies'})`).join(', ')}`;
}
