/**
 * Users' corrections of canonical entities applied to freshly computed links: a name split off an entity goes
 * to its own entity, an entity merged into another links there, a retyped entity carries its new type. Pure:
 * the caller fetches the corrections (app/entity-corrections.ts) and the store keeps renamed display names.
 */
import { nameWords, translitKey } from '../../kb/names.js';
import type { EntityKind, MentionType } from '../../model/index.js';
import type { EntityLink } from './link-entities.js';

/** A correction as the linker needs it (the store's EntityOverride has this shape and more). */
export interface LinkOverride {
  /** Order of decision (the store's id): a later decision wins over an earlier one. */
  readonly id?: number;
  readonly kind: 'merge' | 'split' | 'rename' | 'retype';
  readonly entityId: string;
  readonly targetId?: string;
  readonly name?: string;
  readonly type?: MentionType;
}

/** Merges followed at most this deep (A into B into C …); a cycle stops there too. */
const MAX_MERGE_CHAIN = 8;

/** The entity kind a retyped entity takes when nothing more specific is known. */
export function defaultKindOf(type: MentionType): EntityKind {
  return { PER: 'person', ORG: 'organisation', LOC: 'place', MISC: 'other' }[type] as EntityKind;
}

/** The comparison key of a name: "Obama's" and "OBAMA" are one name. */
export function nameKeyOf(name: string): string {
  return translitKey(nameWords(name).words.join(' ') || name);
}

/** The canonical id a name split off an entity gets: type prefix and name key, kept apart from the entity itself. */
export function splitEntityId(name: string, type: MentionType, fromEntityId: string): string {
  const id = `${{ PER: 'per', ORG: 'org', LOC: 'loc', MISC: 'misc' }[type]}:${nameKeyOf(name)}`;
  return id === fromEntityId ? `${id}~split` : id;
}

/**
 * Applies the corrections to links (in the order given, oldest first: later decisions win): splits by name first, then merges
 * along their chain, then the final entity's type.
 * @example applyLinkOverrides([obamaSurnameLink], [{ kind: 'split', entityId: 'per:barack obama', name: 'Obama', targetId: 'per:obama' }])
 */
export function applyLinkOverrides(links: readonly EntityLink[], overrides: readonly LinkOverride[]): EntityLink[] {
  if (!overrides.length) return [...links];
  const merges = new Map<string, LinkOverride>();
  const retypes = new Map<string, LinkOverride>();
  for (const o of overrides) {
    if (o.kind === 'merge' && o.targetId) merges.set(o.entityId, o);   // the latest merge of an entity holds
    if (o.kind === 'retype' && o.type) retypes.set(o.entityId, o);
  }
  const splits = overrides.filter((o) => o.kind === 'split' && o.targetId && o.name);
  return links.map((link) => {
    let out = link;
    const seen = new Set([out.entityId]);
    // Walk the decisions from the linker's entity: a split of this name off the current entity, else its merge.
    // Each step must be newer than the one before, so a name split off after a merge does not merge back.
    let lastDecision = -1;
    for (let depth = 0; depth < MAX_MERGE_CHAIN; depth++) {
      const split = splits.find((o) => o.entityId === out.entityId && (o.id ?? 0) > lastDecision && nameKeyOf(o.name!) === nameKeyOf(out.name));
      if (split) {
        const type = split.type ?? out.type;
        out = { ...out, entityId: split.targetId!, type, kind: type === out.type ? out.kind : defaultKindOf(type), reason: `split off "${split.entityId}" by the user` };
        lastDecision = split.id ?? 0;
        if (seen.has(out.entityId)) break;
        seen.add(out.entityId);
        continue;
      }
      const merge = merges.get(out.entityId);
      if (!merge || seen.has(merge.targetId!) || (merge.id ?? 0) < lastDecision) break;
      seen.add(merge.targetId!);
      out = { ...out, entityId: merge.targetId!, reason: `merged into "${merge.targetId}" by the user (was "${merge.entityId}": ${out.reason})` };
      lastDecision = Math.max(lastDecision, merge.id ?? 0);
    }
    const retype = retypes.get(out.entityId);
    if (retype && retype.type !== out.type) out = { ...out, type: retype.type!, kind: defaultKindOf(retype.type!) };
    return out;
  });
}
