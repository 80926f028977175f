/** The CorpusTx port on SQLite: each method one or a few prepared statements, run synchronously inside BEGIN IMMEDIATE. */
import type Database from 'better-sqlite3';
import type { CopyCandidate, CorpusTx } from '../../corpus/cross-article/index.js';
import type { EventReport } from '../../corpus/corroborate/index.js';
import { isUndated, windowDays, SHORT_WINDOW_DAYS, type MergedEventSummary } from '../../corpus/merge-events/index.js';
import { COPY_CANDIDATES_PER_KEY } from '../../corpus/near-duplicates/index.js';
import type { TextReuse } from '../../corpus/text-reuse/index.js';
import { toObservation } from '../observation-row.js';

type Row = Record<string, unknown>;

/**
 * Reports of the merged events `events` picks (an SQL condition on r.merged_event_id), with each article's current
 * near-duplicate group (groups grow as copies arrive), in report order within each event.
 */
export const reportsSql = (events: string): string => `SELECT r.merged_event_id, r.article_id, r.mention_id, coalesce(a.syndication_group, a.id) AS syndication_group,
  r.outlet, r.chain, r.stance, o.evidence_start, o.evidence_end FROM event_reports r JOIN articles a ON a.id = r.article_id
  LEFT JOIN event_observations o ON o.article_id = r.article_id AND o.mention_id = r.mention_id WHERE r.merged_event_id ${events} ORDER BY a.seq, r.mention_id, r.rowid`;

/** Reports of one merged event (?). */
export const REPORTS_SQL = reportsSql('= ?');

/** A stored report row as the corroboration rules read it. */
export function toReport(r: Row): EventReport {
  return {
    articleId: String(r['article_id']),
    syndicationGroup: String(r['syndication_group']),
    ...(r['outlet'] ? { outlet: String(r['outlet']) } : {}),
    chain: JSON.parse(String(r['chain'])),
    stance: String(r['stance']) as EventReport['stance'],
    ...(r['evidence_start'] !== null && r['evidence_start'] !== undefined ? { passage: { start: Number(r['evidence_start']), end: Number(r['evidence_end']) } } : {}),
  };
}

/** A stored text-reuse row as the corroboration rules read it. */
function toTextReuse(r: Row): TextReuse {
  return { articleId: String(r['article_id']), otherId: String(r['other_id']), isCopy: Boolean(r['is_copy']), passages: JSON.parse(String(r['passages'])) as TextReuse['passages'] };
}

function toSummary(r: Row): MergedEventSummary {
  return {
    id: String(r['id']),
    ploverType: String(r['plover_type']),
    sourceIds: JSON.parse(String(r['source_ids'])),
    targetIds: JSON.parse(String(r['target_ids'])),
    window: { start: String(r['window_start']), end: String(r['window_end']) },
    ...(r['triggers'] && r['triggers'] !== '[]' ? { triggers: JSON.parse(String(r['triggers'])) as string[] } : {}),
    ...(r['place_name'] ? { place: {
      name: String(r['place_name']),
      ...(r['lat'] !== null ? { lat: Number(r['lat']) } : {}),
      ...(r['lon'] !== null ? { lon: Number(r['lon']) } : {}),
      ...(r['country_code'] ? { countryCode: String(r['country_code']) } : {}),
      ...(r['gazetteer_id'] ? { gazetteerId: String(r['gazetteer_id']) } : {}),
    } } : {}),
  };
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(',') || "''";

/** Stored articles sharing any of these MinHash band keys (at most 200), with their signatures and groups. */
export function copyCandidates(prepare: (sql: string) => Database.Statement, bandKeys: readonly string[]): CopyCandidate[] {
  if (!bandKeys.length) return [];
  // A few articles per band key, by the key's index: 1,500 stored copies of one story share every key, and reading
  // them all made each new copy cost more than the last. The copies of one group stand for each other.
  const perKey = bandKeys.map(() => `SELECT article_id FROM (SELECT article_id FROM article_bands WHERE band_key = ? ORDER BY article_id LIMIT ${COPY_CANDIDATES_PER_KEY})`).join(' UNION ');
  const rows = prepare(`SELECT f.article_id, f.signature, coalesce(a.syndication_group, a.id) AS grp FROM (${perKey}) b
    JOIN article_fingerprints f ON f.article_id = b.article_id JOIN articles a ON a.id = b.article_id ORDER BY f.article_id LIMIT 200`).all(...bandKeys) as Row[];
  return rows.map((r) => {
    const buf = r['signature'] as Buffer;
    return { articleId: String(r['article_id']), group: String(r['grp']), signature: new Uint32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength)) };
  });
}

/** The port over one SQLite connection; `prepare` caches statements. */
export function sqliteCorpusTx(prepare: (sql: string) => Database.Statement): CorpusTx {
  const ids = (rows: unknown[]) => (rows as { id: string }[]).map((r) => r.id);
  return {
    candidates: async (q) => {
      const types = marks(q.ploverTypes.length);
      return (prepare(`SELECT * FROM merged_events WHERE plover_type IN (${types}) AND window_start >= ? AND window_start <= ? AND window_end >= ?
        UNION SELECT * FROM merged_events WHERE plover_type IN (${types}) AND window_days > ${SHORT_WINDOW_DAYS} AND window_start >= ? AND window_start <= ? AND window_end >= ?
        ORDER BY id`).all(...q.ploverTypes, q.shortFrom, q.end, q.start, ...q.ploverTypes, q.longFrom, q.end, q.start) as Row[]).map(toSummary);
    },
    eventsWithActors: async (types, actorIds, limit) => {
      if (!actorIds.length || !types.length) return [];
      return (prepare(`SELECT * FROM merged_events WHERE plover_type IN (${marks(types.length)})
        AND id IN (SELECT merged_event_id FROM event_entities WHERE entity_id IN (${marks(actorIds.length)})) ORDER BY id LIMIT ?`)
        .all(...types, ...actorIds, limit) as Row[]).map(toSummary);
    },
    writeEvent: async (summary, cameo, isNew) => {
      const values = {
        id: summary.id, ploverType: summary.ploverType, cameo: cameo ?? null, start: summary.window.start, end: summary.window.end, days: isUndated(summary.window) ? 0 : windowDays(summary.window),
        placeName: summary.place?.name ?? null, lat: summary.place?.lat ?? null, lon: summary.place?.lon ?? null,
        countryCode: summary.place?.countryCode ?? null, gazetteerId: summary.place?.gazetteerId ?? null,
        sourceIds: JSON.stringify(summary.sourceIds), targetIds: JSON.stringify(summary.targetIds), triggers: JSON.stringify(summary.triggers ?? []),
      };
      if (isNew) {
        prepare(`INSERT INTO merged_events (id, plover_type, cameo, window_start, window_end, window_days, place_name, lat, lon, country_code, gazetteer_id, source_ids, target_ids, triggers,
          status, explanation, asserting_origins, has_anonymous, report_count) VALUES (@id, @ploverType, @cameo, @start, @end, @days, @placeName, @lat, @lon, @countryCode, @gazetteerId,
          @sourceIds, @targetIds, @triggers, 'single-source', '', 0, 0, 0)`).run(values);
      } else {
        prepare(`UPDATE merged_events SET window_start=@start, window_end=@end, window_days=@days, place_name=@placeName, lat=@lat, lon=@lon, country_code=@countryCode,
          gazetteer_id=@gazetteerId, source_ids=@sourceIds, target_ids=@targetIds, triggers=@triggers, cameo=coalesce(cameo, @cameo) WHERE id=@id`).run(values);
      }
      const link = prepare('INSERT OR IGNORE INTO event_entities (merged_event_id, entity_id) VALUES (?, ?)');
      for (const id of new Set([...summary.sourceIds, ...summary.targetIds])) link.run(summary.id, id);
    },
    writeObservation: async ({ articleId, eventId, observation: o, reasons, score, evidence }) => {
      prepare(`INSERT OR REPLACE INTO event_observations (article_id, mention_id, merged_event_id, reasons, modality, time_value, counts, evidence_start, evidence_end, source_ids, target_ids, trigger, score, place)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(articleId, o.mentionId, eventId, JSON.stringify(reasons), o.modality, o.timeValue ?? null, JSON.stringify(o.counts),
        evidence.start, evidence.end, JSON.stringify(o.sourceIds), JSON.stringify(o.targetIds), o.trigger ?? null, score, o.place ? JSON.stringify(o.place) : null);
    },
    writeReports: async (eventId, articleId, mentionId, group, reports) => {
      const insert = prepare('INSERT INTO event_reports (merged_event_id, article_id, mention_id, syndication_group, outlet, chain, stance) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const r of reports) insert.run(eventId, articleId, mentionId, group, r.outlet ?? null, JSON.stringify(r.chain), r.stance);
    },
    reports: async (eventId) => (prepare(REPORTS_SQL).all(eventId) as Row[]).map(toReport),
    observationCount: async (eventId) => (prepare('SELECT count(*) AS n FROM event_observations WHERE merged_event_id = ?').get(eventId) as { n: number }).n,
    writeStatus: async (eventId, c, reportCount) => {
      prepare('UPDATE merged_events SET status=?, explanation=?, asserting_origins=?, has_anonymous=?, report_count=? WHERE id=?')
        .run(c.status, c.explanation, c.assertingOrigins, c.hasAnonymousOrigin ? 1 : 0, reportCount, eventId);
    },
    deleteEvent: async (eventId) => {
      prepare('DELETE FROM event_reports WHERE merged_event_id = ?').run(eventId);
      prepare('DELETE FROM event_entities WHERE merged_event_id = ?').run(eventId);
      prepare('DELETE FROM merged_events WHERE id = ?').run(eventId);
    },
    eventsObservedBy: async (articleId) => ids(prepare('SELECT DISTINCT merged_event_id AS id FROM event_observations WHERE article_id = ?').all(articleId)),
    deleteArticleCorpusRows: async (articleId) => {
      for (const table of ['event_observations', 'event_reports', 'article_fingerprints', 'article_bands', 'passage_keys']) prepare(`DELETE FROM ${table} WHERE article_id = ?`).run(articleId);
      prepare('DELETE FROM article_links WHERE article_id = ? OR other_id = ?').run(articleId, articleId);
      prepare('DELETE FROM text_reuse WHERE article_id = ? OR other_id = ?').run(articleId, articleId);
    },
    writePassageKeys: async (articleId, keys) => {
      prepare('DELETE FROM passage_keys WHERE article_id = ?').run(articleId);
      const insert = prepare('INSERT OR IGNORE INTO passage_keys (key, article_id) VALUES (?, ?)');
      for (const key of keys) insert.run(key, articleId);
    },
    reuseCandidates: async (articleId, keys, minShared, perKey, limit) => {
      // A few articles per key, each read from the key's index range (as for copies): a key that hundreds of
      // articles share is a stock passage or one story's copies, and reading every holder would make each new article
      // cost more than the last.
      const holders = prepare('SELECT article_id FROM passage_keys WHERE key = ? AND article_id <> ? ORDER BY article_id LIMIT ?');
      const shared = new Map<string, number>();
      for (const key of keys) for (const r of holders.all(key, articleId, perKey) as Row[]) shared.set(String(r['article_id']), (shared.get(String(r['article_id'])) ?? 0) + 1);
      const chosen = [...shared].filter(([, n]) => n >= minShared).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
      const body = prepare('SELECT body FROM articles WHERE id = ?');
      return chosen.map(([id]) => ({ articleId: id, text: String((body.get(id) as Row)['body']) }));
    },
    writeTextReuse: async (reuse) => {
      prepare('INSERT OR REPLACE INTO text_reuse (article_id, other_id, is_copy, passages) VALUES (?, ?, ?, ?)')
        .run(reuse.articleId, reuse.otherId, reuse.isCopy ? 1 : 0, JSON.stringify(reuse.passages));
    },
    textReuseAmong: async (articleIds) => {
      const list = marks(articleIds.length);
      return (prepare(`SELECT * FROM text_reuse WHERE is_copy = 1 AND article_id IN (${list}) AND other_id IN (${list}) ORDER BY article_id, other_id`).all(...articleIds, ...articleIds) as Row[]).map(toTextReuse);
    },
    copyCandidates: async (bandKeys) => copyCandidates(prepare, bandKeys),
    writeFingerprint: async (articleId, signature, bandKeys, group) => {
      prepare('UPDATE articles SET syndication_group = ? WHERE id = ?').run(group, articleId);
      prepare('INSERT OR REPLACE INTO article_fingerprints (article_id, signature) VALUES (?, ?)').run(articleId, Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength));
      const band = prepare('INSERT OR IGNORE INTO article_bands (band_key, article_id) VALUES (?, ?)');
      for (const key of bandKeys) band.run(key, articleId);
    },
    writeCopyLink: async (articleId, otherId, similarity) => {
      prepare("INSERT OR REPLACE INTO article_links (article_id, other_id, kind, similarity) VALUES (?, ?, 'near-duplicate', ?)").run(articleId, otherId, similarity);
    },
    groupOf: async (articleId) => (prepare('SELECT syndication_group AS g FROM articles WHERE id = ?').get(articleId) as { g: string | null } | undefined)?.g ?? undefined,
    eventsReportedByGroup: async (group) => ids(prepare(`SELECT DISTINCT r.merged_event_id AS id FROM event_reports r
      WHERE r.article_id IN (SELECT id FROM articles WHERE syndication_group = ? UNION SELECT ?) ORDER BY 1`).all(group, group)),
    eventSummary: async (eventId) => {
      const row = prepare('SELECT * FROM merged_events WHERE id = ?').get(eventId) as Row | undefined;
      return row ? toSummary(row) : undefined;
    },
    observationsOf: async (eventId) => (prepare(`SELECT o.article_id, o.mention_id FROM event_observations o JOIN articles a ON a.id = o.article_id
      WHERE o.merged_event_id = ? ORDER BY a.published_at, a.seq, o.mention_id`).all(eventId) as Row[]).map((r) => ({ articleId: String(r['article_id']), mentionId: String(r['mention_id']) })),
    observationOf: async (o) => {
      const row = prepare(`SELECT o.*, e.plover_type, a.published_at FROM event_observations o JOIN merged_events e ON e.id = o.merged_event_id
        JOIN articles a ON a.id = o.article_id WHERE o.article_id = ? AND o.mention_id = ?`).get(o.articleId, o.mentionId) as Row | undefined;
      return row ? toObservation(row, JSON.parse(String(row['source_ids'])), JSON.parse(String(row['target_ids'])), JSON.parse(String(row['counts'])), row['place'] ? JSON.parse(String(row['place'])) : null) : undefined;
    },
    writeObservationPlace: async (o, place) => {
      prepare('UPDATE event_observations SET place = ? WHERE article_id = ? AND mention_id = ?').run(place ? JSON.stringify(place) : null, o.articleId, o.mentionId);
    },
    eventOf: async (o) => (prepare('SELECT merged_event_id AS id FROM event_observations WHERE article_id = ? AND mention_id = ?').get(o.articleId, o.mentionId) as { id: string } | undefined)?.id,
    moveObservation: async (o, toEventId, reasons) => {
      prepare('UPDATE event_observations SET merged_event_id = ?, reasons = ?, score = 0 WHERE article_id = ? AND mention_id = ?').run(toEventId, JSON.stringify(reasons), o.articleId, o.mentionId);
      prepare('UPDATE event_reports SET merged_event_id = ? WHERE article_id = ? AND mention_id = ?').run(toEventId, o.articleId, o.mentionId);
    },
    writeOverride: async ({ kind, observation: o, other }) => {
      // The latest decision about a pair wins, whichever way round it was recorded.
      prepare('DELETE FROM event_overrides WHERE article_id = ? AND mention_id = ? AND other_article_id = ? AND other_mention_id = ?').run(other.articleId, other.mentionId, o.articleId, o.mentionId);
      prepare('INSERT OR REPLACE INTO event_overrides (kind, article_id, mention_id, other_article_id, other_mention_id) VALUES (?, ?, ?, ?, ?)').run(kind, o.articleId, o.mentionId, other.articleId, other.mentionId);
    },
    overridesOf: async (o) => (prepare(`SELECT kind, other_article_id AS a, other_mention_id AS m FROM event_overrides WHERE article_id = ? AND mention_id = ?
      UNION ALL SELECT kind, article_id, mention_id FROM event_overrides WHERE other_article_id = ? AND other_mention_id = ? ORDER BY 2, 3`).all(o.articleId, o.mentionId, o.articleId, o.mentionId) as Row[])
      .map((r) => ({ kind: String(r['kind']) as 'merge' | 'split', observation: o, other: { articleId: String(r['a']), mentionId: String(r['m']) } })),
    renameGroup: async (from, to) => {
      prepare('UPDATE articles SET syndication_group = ? WHERE syndication_group = ?').run(to, from);
      prepare('UPDATE articles SET syndication_group = ? WHERE id = ?').run(to, from);
    },
  };
}
