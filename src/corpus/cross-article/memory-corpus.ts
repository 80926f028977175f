/**
 * The CorpusTx port over plain maps: the reference semantics the SQL adapters follow, used by the rules' unit
 * suite and by the merge evaluation (which runs the rules on gold mentions without a database).
 */
import type { Corroboration, CorroborationStatus, EventReport } from '../corroborate/index.js';
import { isUndated, SHORT_WINDOW_DAYS, windowDays, type CandidateQuery, type MergedEventSummary } from '../merge-events/index.js';
import type { TextReuse } from '../text-reuse/index.js';
import type { CopyCandidate, CorpusTx, EventOverride, ObservationKey, ObservationRow } from './corpus-tx.js';

/** A merged event as the in-memory corpus holds it. */
export interface MemoryEvent {
  readonly summary: MergedEventSummary;
  readonly cameo: string | undefined;
  readonly status: CorroborationStatus | undefined;
  readonly explanation: string;
  readonly reportCount: number;
}

/** Everything the in-memory corpus holds, readable by tests and the evaluation. */
export interface MemoryCorpusState {
  readonly events: Map<string, MemoryEvent>;
  /** By `${articleId}\u0000${mentionId}`. */
  readonly observations: Map<string, ObservationRow>;
  readonly reports: { eventId: string; articleId: string; mentionId: string; report: EventReport }[];
  /** Each article's group (absent: its own id). */
  readonly groups: Map<string, string>;
  readonly fingerprints: Map<string, { signature: Uint32Array; bandKeys: readonly string[] }>;
  /** By `${articleId}\u0000${otherId}`. */
  readonly copyLinks: Map<string, number>;
  readonly overrides: EventOverride[];
  /** Passage keys and text of each article that has them. */
  readonly passages: Map<string, { keys: readonly number[]; text: string }>;
  readonly textReuse: TextReuse[];
}

/** A fresh, empty in-memory corpus and its port. */
export function createMemoryCorpus(): { tx: CorpusTx; state: MemoryCorpusState } {
  const state: MemoryCorpusState = { events: new Map(), observations: new Map(), reports: [], groups: new Map(), fingerprints: new Map(), copyLinks: new Map(), overrides: [], passages: new Map(), textReuse: [] };
  const sameKey = (a: ObservationKey, b: ObservationKey) => a.articleId === b.articleId && a.mentionId === b.mentionId;
  const groupOf = (articleId: string) => state.groups.get(articleId) ?? articleId;
  const byId = (a: MergedEventSummary, b: MergedEventSummary) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const eventsOfArticles = (isMember: (articleId: string) => boolean) => [...new Set(state.reports.filter((r) => isMember(r.articleId)).map((r) => r.eventId))];

  const tx: CorpusTx = {
    candidates: async (q: CandidateQuery) =>
      [...state.events.values()].map((e) => e.summary).filter((s) => {
        if (!q.ploverTypes.includes(s.ploverType) || isUndated(s.window)) return false;
        const from = windowDays(s.window) > SHORT_WINDOW_DAYS ? q.longFrom : q.shortFrom;
        return s.window.start >= from && s.window.start <= q.end && s.window.end >= q.start;
      }).sort(byId),
    eventsWithActors: async (types, actorIds, limit) =>
      [...state.events.values()].map((e) => e.summary)
        .filter((s) => types.includes(s.ploverType) && [...s.sourceIds, ...s.targetIds].some((id) => actorIds.includes(id)))
        .sort(byId).slice(0, limit),
    writeEvent: async (summary, cameo, isNew) => {
      const old = state.events.get(summary.id);
      if (isNew === Boolean(old)) throw new Error(`memory corpus: event ${summary.id} ${isNew ? 'already exists' : 'is missing'}`);
      state.events.set(summary.id, { summary, cameo: old?.cameo ?? cameo, status: old?.status, explanation: old?.explanation ?? '', reportCount: old?.reportCount ?? 0 });
    },
    writeObservation: async (row) => {
      state.observations.set(`${row.articleId}\u0000${row.observation.mentionId}`, row);
    },
    writeReports: async (eventId, articleId, mentionId, syndicationGroup, reports) => {
      for (const report of reports) state.reports.push({ eventId, articleId, mentionId, report: { ...report, syndicationGroup } });
    },
    reports: async (eventId) => state.reports.filter((r) => r.eventId === eventId).map((r) => {
      const evidence = state.observations.get(`${r.articleId}\u0000${r.mentionId}`)?.evidence;
      return { ...r.report, syndicationGroup: groupOf(r.articleId), ...(evidence ? { passage: { start: evidence.start, end: evidence.end } } : {}) };
    }),
    observationCount: async (eventId) => [...state.observations.values()].filter((o) => o.eventId === eventId).length,
    writeStatus: async (eventId, c: Corroboration, reportCount) => {
      const event = state.events.get(eventId);
      if (event) state.events.set(eventId, { ...event, status: c.status, explanation: c.explanation, reportCount });
    },
    deleteEvent: async (eventId) => {
      if ([...state.observations.values()].some((o) => o.eventId === eventId)) throw new Error(`memory corpus: event ${eventId} still has observations`);
      state.events.delete(eventId);
      state.reports.splice(0, state.reports.length, ...state.reports.filter((r) => r.eventId !== eventId));
    },
    eventsObservedBy: async (articleId) => [...new Set([...state.observations.values()].filter((o) => o.articleId === articleId).map((o) => o.eventId))],
    deleteArticleCorpusRows: async (articleId) => {
      for (const [key, o] of state.observations) if (o.articleId === articleId) state.observations.delete(key);
      state.reports.splice(0, state.reports.length, ...state.reports.filter((r) => r.articleId !== articleId));
      state.fingerprints.delete(articleId);
      for (const key of state.copyLinks.keys()) if (key.split('\u0000').includes(articleId)) state.copyLinks.delete(key);
      state.passages.delete(articleId);
      state.textReuse.splice(0, state.textReuse.length, ...state.textReuse.filter((l) => l.articleId !== articleId && l.otherId !== articleId));
    },
    writePassageKeys: async (articleId, keys, text) => {
      state.passages.set(articleId, { keys: [...keys], text });
    },
    reuseCandidates: async (articleId, keys, minShared, _perKey, limit) => {
      const wanted = new Set(keys);
      return [...state.passages].filter(([id]) => id !== articleId)
        .map(([id, p]) => ({ articleId: id, text: p.text, shared: p.keys.filter((k) => wanted.has(k)).length }))
        .filter((c) => c.shared >= minShared)
        .sort((a, b) => b.shared - a.shared || (a.articleId < b.articleId ? -1 : 1))
        .slice(0, limit).map(({ articleId: id, text }) => ({ articleId: id, text }));
    },
    writeTextReuse: async (reuse) => {
      state.textReuse.splice(0, state.textReuse.length, ...state.textReuse.filter((l) => l.articleId !== reuse.articleId || l.otherId !== reuse.otherId), reuse);
    },
    textReuseAmong: async (articleIds) => state.textReuse.filter((l) => l.isCopy && articleIds.includes(l.articleId) && articleIds.includes(l.otherId)),
    copyCandidates: async (bandKeys) => {
      const out: CopyCandidate[] = [];
      for (const [articleId, f] of state.fingerprints) {
        if (f.bandKeys.some((k) => bandKeys.includes(k))) out.push({ articleId, signature: f.signature, group: groupOf(articleId) });
      }
      return out.slice(0, 200);
    },
    writeFingerprint: async (articleId, signature, bandKeys, group) => {
      state.fingerprints.set(articleId, { signature, bandKeys: [...bandKeys] });
      state.groups.set(articleId, group);
    },
    writeCopyLink: async (articleId, otherId, similarity) => {
      state.copyLinks.set(`${articleId}\u0000${otherId}`, similarity);
    },
    groupOf: async (articleId) => state.groups.get(articleId),
    eventsReportedByGroup: async (group) => eventsOfArticles((id) => groupOf(id) === group || id === group),
    renameGroup: async (from, to) => {
      for (const [id, g] of state.groups) if (g === from) state.groups.set(id, to);
      state.groups.set(from, to);
    },
    eventSummary: async (eventId) => state.events.get(eventId)?.summary,
    observationsOf: async (eventId) => [...state.observations.values()].filter((o) => o.eventId === eventId).map((o) => ({ articleId: o.articleId, mentionId: o.observation.mentionId })),
    observationOf: async (o) => {
      const row = state.observations.get(`${o.articleId}\u0000${o.mentionId}`);
      if (!row) return undefined;
      // As the SQL adapters read it back: the event's type, no CAMEO code of its own.
      const { cameo: _cameo, ...stored } = row.observation;
      return { ...stored, ploverType: state.events.get(row.eventId)?.summary.ploverType ?? stored.ploverType };
    },
    writeObservationPlace: async (o, place) => {
      const key = `${o.articleId}\u0000${o.mentionId}`;
      const row = state.observations.get(key);
      if (!row) return;
      const { place: _old, ...observation } = row.observation;
      state.observations.set(key, { ...row, observation: place ? { ...observation, place } : observation });
    },
    eventOf: async (o) => state.observations.get(`${o.articleId}\u0000${o.mentionId}`)?.eventId,
    moveObservation: async (o, toEventId, reasons) => {
      const key = `${o.articleId}\u0000${o.mentionId}`;
      const row = state.observations.get(key);
      if (row) state.observations.set(key, { ...row, eventId: toEventId, reasons, score: 0 });
      for (const r of state.reports) if (r.articleId === o.articleId && r.mentionId === o.mentionId) r.eventId = toEventId;
    },
    writeOverride: async (override) => {
      state.overrides.push(override);
    },
    overridesOf: async (o) => state.overrides.flatMap((x) => (sameKey(x.observation, o) ? [x] : sameKey(x.other, o) ? [{ kind: x.kind, observation: o, other: x.observation }] : [])),
  };
  return { tx, state };
}
