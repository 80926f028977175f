/**
 * The cross-article rules, written once for every store: near-duplicate groups, incremental event merging
 * and corroboration refresh, over the CorpusTx port. Stores call `linkArticle` after saving an article's own
 * rows and `unlinkArticle` before replacing them, inside the same transaction.
 */
import { UsageError } from '../../model/index.js';
import { corroborate } from '../corroborate/index.js';
import { absorb, candidateQuery, chooseMergedEvent, compatibleTypes, observationWindow, startMergedEvent, type MergedEventSummary, type ObservedPlace } from '../merge-events/index.js';
import { estimateJaccard, NEAR_DUPLICATE_THRESHOLD } from '../near-duplicates/index.js';
import type { ObservedEvent } from '../observe/index.js';
import { alignReuse, MIN_SHARED_KEYS, passageKeys, REUSE_ARTICLES_PER_KEY, REUSE_CANDIDATES } from '../text-reuse/index.js';
import type { CorpusTx, ObservationKey } from './corpus-tx.js';

/** An article's near-duplicate fingerprint, group and links, decided before saving. */
export interface CopyLinks {
  readonly signature: Uint32Array;
  readonly bandKeys: readonly string[];
  /** The group id shared by an article and its near-duplicates (the best match's group, or the article's id). */
  readonly group: string;
  readonly duplicates: readonly { articleId: string; similarity: number }[];
}

/** What one article brings to the corpus. */
export interface ArticleCorpusLinks {
  readonly articleId: string;
  readonly syndication?: CopyLinks;
  readonly events: readonly ObservedEvent[];
  /** The article's text, to find the passages it shares with stored articles (absent: no text-reuse links). */
  readonly text?: string;
}

/** Most events sharing an actor that an undated observation is compared with. */
const UNDATED_CANDIDATES = 200;

/**
 * Re-decides an article's near-duplicates inside the transaction. The caller looked for copies before it, so
 * a copy saved at the same moment by another writer (a worker, a second process) was invisible; now every
 * other writer's copies are committed, and any new one joins (with its group, the best match's, as in ingest).
 */
export async function recheckCopies(tx: CorpusTx, articleId: string, links: CopyLinks): Promise<CopyLinks> {
  const known = new Set(links.duplicates.map((d) => d.articleId));
  const fresh = (await tx.copyCandidates(links.bandKeys))
    .filter((c) => c.articleId !== articleId)
    .map((c) => ({ articleId: c.articleId, group: c.group, similarity: estimateJaccard(links.signature, c.signature) }))
    .filter((c) => c.similarity >= NEAR_DUPLICATE_THRESHOLD);
  if (fresh.every((c) => known.has(c.articleId))) return links;
  const freshIds = new Set(fresh.map((c) => c.articleId));
  const all = [...fresh, ...links.duplicates.filter((d) => !freshIds.has(d.articleId)).map((d) => ({ ...d, group: links.group }))]
    .sort((a, b) => b.similarity - a.similarity || (a.articleId < b.articleId ? -1 : 1));
  return { ...links, group: all[0]!.group, duplicates: all.map(({ articleId: id, similarity }) => ({ articleId: id, similarity })) };
}

/**
 * Stores an article's fingerprint and near-duplicate links, uniting the groups of its copies onto `links.group`.
 * The cost per copy stays flat: a copy joining a group changes no other member, so only groups actually united
 * are rewritten, and only the events those groups report are re-decided (their copies now count as one origin).
 */
export async function saveCopies(tx: CorpusTx, articleId: string, links: CopyLinks): Promise<void> {
  await tx.writeFingerprint(articleId, links.signature, links.bandKeys, links.group);
  const united = new Set<string>();
  const affected: string[] = [];
  for (const dup of links.duplicates) {
    await tx.writeCopyLink(articleId, dup.articleId, dup.similarity);
    await tx.writeCopyLink(dup.articleId, articleId, dup.similarity);
    // A stored article with no group yet (saved without a fingerprint) is a group of its own.
    const stored = await tx.groupOf(dup.articleId);
    const group = stored ?? dup.articleId;
    if ((stored !== undefined && group === links.group) || united.has(group)) continue;
    united.add(group);
    affected.push(...await tx.eventsReportedByGroup(group));
    await tx.renameGroup(group, links.group);
  }
  await refreshEvents(tx, affected);
}

/**
 * Stores an article's passage keys and its text-reuse links with the stored articles that share passages with it
 * (both directions, so the link does not depend on which article came first). No event needs a refresh here: a
 * link counts only between reports of one event, and every event this article reports is refreshed when its
 * observations are merged, after this. For the same reason a pair is aligned only when both articles report
 * events: a link with an article that reports none is never read, and an article gains events only when it is
 * saved again, which aligns it then. Keys are stored for every article, so the candidates are the same either way.
 */
export async function saveTextReuse(tx: CorpusTx, articleId: string, text: string, reportsEvents: boolean): Promise<void> {
  const keys = passageKeys(text);
  await tx.writePassageKeys(articleId, keys, text);
  if (!reportsEvents || keys.length < MIN_SHARED_KEYS) return;
  for (const other of await tx.reuseCandidates(articleId, keys, MIN_SHARED_KEYS, REUSE_ARTICLES_PER_KEY, REUSE_CANDIDATES)) {
    if (!(await tx.eventsObservedBy(other.articleId)).length) continue;
    const pair = alignReuse({ id: articleId, text }, { id: other.articleId, text: other.text });
    if (!pair) continue;
    await tx.writeTextReuse(pair[0]);
    await tx.writeTextReuse(pair[1]);
  }
}

/** Merges each observed event into the compatible merged event, or starts one; records reports and refreshes corroboration. */
export async function mergeObservations(tx: CorpusTx, articleId: string, observed: readonly ObservedEvent[], group: string): Promise<void> {
  const touched = new Set<string>();
  for (const { observation, reports, evidence } of observed) {
    const window = observationWindow(observation);
    const types = compatibleTypes(observation.ploverType);
    const query = window ? candidateQuery(types, window) : undefined;
    // An observation nothing dates can still join a dated event through a specific participant it shares; one
    // dated only vaguely (a decade, a long range) is stored but never merged.
    const candidates: MergedEventSummary[] = query
      ? await tx.candidates(query)
      : window ? [] : await tx.eventsWithActors(types, [...observation.sourceIds, ...observation.targetIds], UNDATED_CANDIDATES);
    // The user's decisions come first: a merge joins the other observation's event outright; a split keeps its
    // events out of the candidates.
    const overrides = await tx.overridesOf({ articleId, mentionId: observation.mentionId });
    const forced = await firstEvent(tx, overrides.filter((o) => o.kind === 'merge').map((o) => o.other));
    const excluded = new Set(await Promise.all(overrides.filter((o) => o.kind === 'split').map((o) => tx.eventOf(o.other))));
    const decided = forced ? await tx.eventSummary(forced) : undefined;
    const choice = decided
      ? { event: decided, reasons: ['merged by the user'], score: 0 }
      : chooseMergedEvent(candidates.filter((c) => !excluded.has(c.id)), observation);
    const summary = choice ? absorb(choice.event, observation) : startMergedEvent(await freshEventId(tx, `ev-${articleId}-${observation.mentionId}`), observation);
    await tx.writeEvent(summary, observation.cameo, !choice);
    await tx.writeObservation({ articleId, eventId: summary.id, observation, reasons: choice ? choice.reasons : ['first report'], score: choice?.score ?? 0, evidence });
    await tx.writeReports(summary.id, articleId, observation.mentionId, group, reports);
    touched.add(summary.id);
  }
  await refreshEvents(tx, [...touched]);
}

/** The event of the first of these observations that is stored in one. */
async function firstEvent(tx: CorpusTx, observations: readonly ObservationKey[]): Promise<string | undefined> {
  for (const o of observations) {
    const id = await tx.eventOf(o);
    if (id) return id;
  }
  return undefined;
}

/**
 * An event's summary recomputed from its observations (oldest first), as merging built it, place included (each
 * observation keeps the place it reports).
 */
async function summaryFrom(tx: CorpusTx, event: MergedEventSummary, observations: readonly ObservationKey[]): Promise<MergedEventSummary> {
  const stored = (await Promise.all(observations.map((o) => tx.observationOf(o)))).filter((o) => o !== undefined);
  const [first, ...rest] = stored;
  if (!first) return event;
  return rest.reduce((summary, o) => absorb(summary, o), startMergedEvent(event.id, first));
}

/** True when two places are the same entry at the same point (or both absent). */
function isSamePlace(a: ObservedPlace | undefined, b: ObservedPlace | undefined): boolean {
  return a?.name === b?.name && a?.gazetteerId === b?.gazetteerId && a?.lat === b?.lat && a?.lon === b?.lon && a?.countryCode === b?.countryCode;
}

/**
 * An article's places were rewritten (the outlet-region pass): its stored observations take the places its event
 * mentions now have (`places`, by mention id; undefined for none), and each merged event they report takes the place
 * its observations fold to, oldest first, as merging chose it (the finer place wins). Which event an observation
 * belongs to is not decided again: the merge was decided on the other evidence too, and the user's decisions stand.
 * Reads only this article's observations, and the events of those whose place changed. Returns the ids of the events
 * whose place changed.
 */
export async function replaceObservationPlaces(tx: CorpusTx, articleId: string, places: ReadonlyMap<string, ObservedPlace | undefined>): Promise<string[]> {
  if (!(await tx.eventsObservedBy(articleId)).length) return [];
  // Only the events of observations whose place changed are folded again (an event of many reports is read whole).
  const events = new Set<string>();
  for (const [mentionId, place] of places) {
    const key = { articleId, mentionId };
    const [stored, eventId] = [await tx.observationOf(key), await tx.eventOf(key)];
    if (!stored || !eventId || isSamePlace(stored.place, place)) continue;
    await tx.writeObservationPlace(key, place);
    events.add(eventId);
  }
  const changed: string[] = [];
  // Sorted, so concurrent writers on PostgreSQL take row locks in the same order.
  for (const id of [...events].sort()) {
    const event = await tx.eventSummary(id);
    if (!event) continue;
    const place = (await summaryFrom(tx, event, await tx.observationsOf(id))).place;
    if (isSamePlace(place, event.place)) continue;
    const { place: _old, ...rest } = event;
    await tx.writeEvent(place ? { ...rest, place } : rest, undefined, false);
    changed.push(id);
  }
  return changed;
}

/** `base`, or `base-2`, `base-3` … when an event already has that id (a split kept the first observation's name). */
async function freshEventId(tx: CorpusTx, base: string): Promise<string> {
  let id = base;
  for (let n = 2; await tx.eventSummary(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * The user merges event `otherId` into `targetId`: every observation of the other event moves over, and the
 * decision is kept as overrides (each moved observation with the target's first one), so re-ingesting either
 * article merges them again whatever the rules say.
 */
export async function mergeEventsByUser(tx: CorpusTx, targetId: string, otherId: string): Promise<void> {
  if (targetId === otherId) throw new UsageError('an event cannot be merged with itself');
  const [target, other] = [await tx.eventSummary(targetId), await tx.eventSummary(otherId)];
  if (!target || !other) throw new UsageError(`no merged event ${target ? otherId : targetId}`);
  const [anchor] = await tx.observationsOf(targetId);
  let summary = { ...target, sourceIds: [...new Set([...target.sourceIds, ...other.sourceIds])], targetIds: [...new Set([...target.targetIds, ...other.targetIds])],
    triggers: [...new Set([...(target.triggers ?? []), ...(other.triggers ?? [])])] };
  if (!summary.place && other.place) summary = { ...summary, place: other.place };
  await tx.writeEvent(summary, undefined, false);
  for (const o of await tx.observationsOf(otherId)) {
    await tx.moveObservation(o, targetId, ['merged by the user']);
    if (anchor) await tx.writeOverride({ kind: 'merge', observation: o, other: anchor });
  }
  await refreshEvents(tx, [targetId, otherId]);
}

/**
 * The user splits one observation out of its event into an event of its own, kept apart from every other
 * observation of that event (overrides), so re-ingesting never merges them back. Returns the new event's id.
 */
export async function splitObservationByUser(tx: CorpusTx, eventId: string, observation: ObservationKey): Promise<string> {
  if ((await tx.eventOf(observation)) !== eventId) throw new UsageError(`event ${eventId} has no observation ${observation.articleId}:${observation.mentionId}`);
  const others = (await tx.observationsOf(eventId)).filter((o) => o.articleId !== observation.articleId || o.mentionId !== observation.mentionId);
  if (!others.length) throw new UsageError(`event ${eventId} has only that observation: nothing to split`);
  const source = (await tx.eventSummary(eventId))!;
  const id = await freshEventId(tx, `ev-${observation.articleId}-${observation.mentionId}`);
  // Both events are recomputed from their own observations: the split one is what its observation says (not a
  // copy of the event it leaves), and the event it leaves loses the actors, triggers and window it brought.
  const own = await tx.observationOf(observation);
  await tx.writeEvent(own ? startMergedEvent(id, own) : { ...source, id }, undefined, true);
  await tx.moveObservation(observation, id, ['split off by the user']);
  await tx.writeEvent(await summaryFrom(tx, source, others), undefined, false);
  for (const other of others) await tx.writeOverride({ kind: 'split', observation, other });
  await refreshEvents(tx, [eventId, id]);
  return id;
}

/**
 * Recomputes an event's corroboration from its reports. An event lives as long as an observation of it does:
 * it is removed only when none is left (reports alone never keep it, and removing it under a live observation
 * would orphan that observation).
 */
export async function refreshEvent(tx: CorpusTx, eventId: string): Promise<void> {
  if ((await tx.observationCount(eventId)) === 0) {
    await tx.deleteEvent(eventId);
    return;
  }
  const reports = await tx.reports(eventId);
  // Text reuse only unites lines: with one line or fewer it changes nothing, and the links of an event that 1,500
  // copies report are not read on every new copy.
  const alone = corroborate(reports);
  const articles = [...new Set(reports.map((r) => r.articleId))];
  const reuse = alone.origins.length > 1 && articles.length > 1 ? await tx.textReuseAmong(articles) : [];
  await tx.writeStatus(eventId, reuse.length ? corroborate(reports, reuse) : alone, reports.length);
}

async function refreshEvents(tx: CorpusTx, ids: readonly string[]): Promise<void> {
  // Sorted, so concurrent writers on PostgreSQL take row locks in the same order.
  for (const id of [...new Set(ids)].sort()) await refreshEvent(tx, id);
}

/** Adds an article's near-duplicate links and event observations to the corpus (after its own rows are saved). */
export async function linkArticle(tx: CorpusTx, links: ArticleCorpusLinks): Promise<void> {
  const syndication = links.syndication ? await recheckCopies(tx, links.articleId, links.syndication) : undefined;
  if (syndication) await saveCopies(tx, links.articleId, syndication);
  if (links.text !== undefined) await saveTextReuse(tx, links.articleId, links.text, links.events.length > 0);
  await mergeObservations(tx, links.articleId, links.events, syndication?.group ?? links.articleId);
}

/** Takes an article's corpus links back (before its rows are replaced) and re-decides the events it reported. */
export async function unlinkArticle(tx: CorpusTx, articleId: string): Promise<void> {
  const touched = await tx.eventsObservedBy(articleId);
  await tx.deleteArticleCorpusRows(articleId);
  await refreshEvents(tx, touched);
}
