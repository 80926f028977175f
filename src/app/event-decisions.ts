/**
 * The user's decisions about merged events: "these two events are one" (merge) and "this report is another
 * event" (split). Stored as overrides that later ingests keep; the CLI (`dossier event merge|split`) and the API
 * (POST /api/events/:id/merge|split) both come here.
 */
import { DossierError, UsageError } from '../model/index.js';
import type { MergedEventDetail, Store } from '../store/store.js';
import { getEvent } from './queries.js';

/** Merges event `otherId` into `targetId`; returns the merged event. E_NOT_FOUND for an unknown event. */
export async function mergeEvents(store: Store, targetId: string, otherId: string): Promise<MergedEventDetail> {
  if (targetId === otherId) throw new UsageError('an event cannot be merged with itself');
  await getEvent(store, targetId);
  await getEvent(store, otherId);
  await store.mergeEvents(targetId, otherId);
  return getEvent(store, targetId);
}

/** "<articleId>:<mentionId>" as printed by `dossier event`, checked. */
export function parseObservationRef(ref: string): { articleId: string; mentionId: string } {
  const m = /^([0-9a-f]{4,64}):([^:\s]{1,100})$/i.exec(ref.trim());
  if (!m) throw new UsageError(`observation "${ref}": expected <article-id>:<mention-id>, as listed by \`dossier event\``);
  return { articleId: m[1]!.toLowerCase(), mentionId: m[2]! };
}

/** Splits one observation out of event `eventId` into an event of its own; returns the new event. */
export async function splitEvent(store: Store, eventId: string, observation: { articleId: string; mentionId: string }): Promise<MergedEventDetail> {
  const event = await getEvent(store, eventId);
  if (!event.observations.some((o) => o.articleId === observation.articleId && o.mentionId === observation.mentionId)) {
    throw new DossierError('E_NOT_FOUND', `event "${eventId}" has no observation ${observation.articleId}:${observation.mentionId}`);
  }
  return getEvent(store, await store.splitEvent(eventId, observation));
}
