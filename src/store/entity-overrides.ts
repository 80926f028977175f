/**
 * The store's port for user corrections of canonical entities (schema version 10): merge two entities, split a
 * name off one, rename one, retype one. Each correction is an override row (who, when) that later ingests apply
 * when they link entities (app/entity-corrections.ts), and that is applied to the rows already stored when it is
 * made. Both adapters implement it (sqlite/entity-overrides.ts, postgres/entity-overrides.ts).
 */
import type { EntityLink } from '../corpus/link-entities/index.js';
import type { EntityKind, MentionType, PlaceRef } from '../model/index.js';

/** What a correction does. */
export type EntityOverrideKind = 'merge' | 'split' | 'rename' | 'retype';

/** The kinds, for validating input at the boundaries. */
export const ENTITY_OVERRIDE_KINDS: readonly EntityOverrideKind[] = ['merge', 'split', 'rename', 'retype'];

/** A correction as given by the user, before it is stored. */
export interface NewEntityOverride {
  readonly kind: EntityOverrideKind;
  /** The entity corrected; for a merge, the entity merged away. */
  readonly entityId: string;
  /** Merge: the entity kept. Split: the entity the name goes to. */
  readonly targetId?: string;
  /** Split: the name split off. Rename: the display name. */
  readonly name?: string;
  /** Retype: the new type. Split: the split-off entity's type. */
  readonly type?: MentionType;
  /** Rename/retype: the name or type before, restored when the correction is undone. */
  readonly previous?: string;
  /** Who decided: the CLI's --by name or the API's user. */
  readonly decidedBy: string;
  /** When, as an ISO 8601 time. */
  readonly decidedAt: string;
}

/** A stored correction. */
export interface EntityOverride extends NewEntityOverride {
  readonly id: number;
}

/** Mentions of one type among the entities sharing a name ("one name, many types"). */
export interface EntityTypeEvidence {
  readonly type: MentionType;
  /** Canonical entities of this type with the name. */
  readonly entities: number;
  readonly mentions: number;
}

/** Store methods behind entity corrections and type evidence. */
export interface EntityOverridesPort {
  /** Stores a correction and returns it with its id. */
  addEntityOverride(override: NewEntityOverride): Promise<EntityOverride>;
  /** Deletes a correction (undo); returns what was deleted, or undefined for an unknown id. */
  deleteEntityOverride(id: number): Promise<EntityOverride | undefined>;
  /** Corrections naming any of these entities (as entity or target), oldest first; every correction without ids. */
  listEntityOverrides(entityIds?: readonly string[]): Promise<EntityOverride[]>;
  /** Ids of the stored articles that link any of these entities. */
  articlesLinkingEntities(entityIds: readonly string[]): Promise<string[]>;
  /**
   * Replaces one stored article's entity links with `links` (canonical rows, aliases, roles, counts, co-occurring
   * pairs, claim rows), in one transaction. Events keep their actors (see moveEntityEvents). With `places`, the
   * article's places layer is replaced first and its place rows rebuilt from it (outlet regions: outlet-regions.ts);
   * its event observations keep the places they were merged with.
   */
  relinkArticleEntities(articleId: string, links: readonly EntityLink[], places?: readonly PlaceRef[]): Promise<void>;
  /** Sets a canonical entity's display name, type and kind (those given). */
  updateEntityRecord(entityId: string, change: { readonly name?: string; readonly type?: MentionType; readonly kind?: EntityKind }): Promise<void>;
  /** Re-points merged events and their observations from one canonical entity to another (after a merge). */
  moveEntityEvents(fromId: string, toId: string): Promise<void>;
  /** Mentions by type of the listed entities whose name key is this entity's (its own type included). */
  entityTypeEvidence(entityId: string): Promise<EntityTypeEvidence[]>;
}
