/**
 * The corpus-level tables on PostgreSQL: the CorpusTx port the cross-article rules (src/corpus/cross-article)
 * write through, and the read queries of merged events.
 */
import type { EventReport } from '../../corpus/corroborate/index.js';
import type { CorpusTx } from '../../corpus/cross-article/index.js';
import { isUndated, SHORT_WINDOW_DAYS, windowDays, type EventObservation, type MergedEventSummary, type ObservedPlace } from '../../corpus/merge-events/index.js';
import { datePrecision } from '../event-dates.js';
import { toObservation } from '../observation-row.js';
import { byEvent, EVENT_DETAIL_SLICE, eventDetails, toMapEventRow, toObservationDetail, toReportDetail } from '../event-details.js';
import { PACKED_SUMMARY_SQL, summaryFromPacked } from '../event-summary.js';
import { evidenceFromRow, POSTGRES_EVIDENCE_SQL } from '../evidence-cut.js';
import { COPY_CANDIDATES_PER_KEY } from '../../corpus/near-duplicates/index.js';
import type { TextReuse } from '../../corpus/text-reuse/index.js';
import { cellsBounds, checkMapGrid, foldMapCells } from '../map-cells.js';
import { MAP_CELL_PLACES, MAP_EVENT_COLUMNS, MAP_EVENT_ORDER, MAX_KEY_ROWS, MAX_MAP_EVENT_ROWS, PERIOD_CHARS, type EventKeyRow, type MapCellRow, type MapEventRow, type EventPeriod, type EventPeriodCount, type EventPeriodOptions, type EventQuery, type MergedEventDetail, type MergedEventRow, type SyndicationCandidate } from '../store.js';

type Row = Record<string, unknown>;

/** Runs one statement (on the transaction's connection, or the pool for reads); StoreError on failure. */
export type Query = (op: string, sql: string, params?: unknown[]) => Promise<Row[]>;

/**
 * Reports of the merged events `events` picks (an SQL condition on r.merged_event_id), with each article's current
 * near-duplicate group (groups grow as copies arrive), in report order within each event.
 */
const reportsSql = (events: string) => `SELECT r.merged_event_id, r.article_id, r.mention_id, coalesce(a.syndication_group, a.id) AS syndication_group, r.outlet, r.chain, r.stance,
  o.evidence_start, o.evidence_end
  FROM event_reports r JOIN articles a ON a.id = r.article_id LEFT JOIN event_observations o ON o.article_id = r.article_id AND o.mention_id = r.mention_id
  WHERE r.merged_event_id ${events} ORDER BY a.seq, length(r.mention_id), r.mention_id, r.stance, r.chain::text COLLATE "C"`;

/** Reports of one merged event ($1). */
const REPORTS_SQL = reportsSql('= $1');

/** Largest page of events listEvents returns. */
const MAX_PAGE_SIZE = 500;

/** True when the article has event observations stored (an update must then take the corpus lock). */
export async function hasObservations(q: Query, articleId: string): Promise<boolean> {
  return (await q('has observations', 'SELECT 1 FROM event_observations WHERE article_id = $1 LIMIT 1', [articleId])).length > 0;
}

/**
 * The CorpusTx port on PostgreSQL: each method one or a few statements on the saving article's connection.
 * Every call runs while the transaction holds the corpus lock (see postgres-store.ts), so merges from workers
 * saving at the same moment happen one after another, each seeing the previous one's events.
 */
export function postgresCorpusTx(q: Query): CorpusTx {
  const ids = (rows: Row[]) => rows.map((r) => String(r['id']));
  return {
    candidates: async (c) => (await q('merge candidates', `SELECT * FROM merged_events WHERE plover_type = ANY($1::text[]) AND window_start >= $2 AND window_start <= $4 AND window_end >= $5
        UNION SELECT * FROM merged_events WHERE plover_type = ANY($1::text[]) AND window_days > ${SHORT_WINDOW_DAYS} AND window_start >= $3 AND window_start <= $4 AND window_end >= $5
        ORDER BY id`, [[...c.ploverTypes], c.shortFrom, c.longFrom, c.end, c.start])).map(toSummary),
    eventsWithActors: async (types, actorIds, limit) => {
      if (!actorIds.length || !types.length) return [];
      return (await q('merge candidates by actor', `SELECT * FROM merged_events WHERE plover_type = ANY($1::text[])
        AND id IN (SELECT merged_event_id FROM event_entities WHERE entity_id = ANY($2::text[])) ORDER BY id LIMIT $3`, [[...types], [...actorIds], limit])).map(toSummary);
    },
    writeEvent: async (summary, cameo, isNew) => {
      const op = `write merged event ${summary.id}`;
      const values = [
        summary.id, summary.window.start, summary.window.end, summary.place?.name ?? null, summary.place?.lat ?? null, summary.place?.lon ?? null,
        summary.place?.countryCode ?? null, summary.place?.gazetteerId ?? null, JSON.stringify(summary.sourceIds), JSON.stringify(summary.targetIds), cameo ?? null,
        isUndated(summary.window) ? 0 : windowDays(summary.window), JSON.stringify(summary.triggers ?? []),
      ];
      if (isNew) {
        await q(op, `INSERT INTO merged_events (id, window_start, window_end, place_name, lat, lon, country_code, gazetteer_id, source_ids, target_ids, cameo,
            window_days, triggers, plover_type, status, explanation, asserting_origins, has_anonymous, report_count)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'single-source', '', 0, false, 0)`, [...values, summary.ploverType]);
      } else {
        await q(op, `UPDATE merged_events SET window_start = $2, window_end = $3, place_name = $4, lat = $5, lon = $6, country_code = $7, gazetteer_id = $8,
          source_ids = $9, target_ids = $10, cameo = coalesce(cameo, $11), window_days = $12, triggers = $13 WHERE id = $1`, values);
      }
      const actors = [...new Set([...summary.sourceIds, ...summary.targetIds])];
      if (actors.length) {
        await q(op, 'INSERT INTO event_entities (merged_event_id, entity_id) SELECT $1, e FROM unnest($2::text[]) AS e ON CONFLICT DO NOTHING', [summary.id, actors]);
      }
    },
    writeObservation: async ({ articleId, eventId, observation: o, reasons, score, evidence }) => {
      await q(`observe ${articleId}`, `INSERT INTO event_observations (article_id, mention_id, merged_event_id, reasons, modality, time_value, counts, evidence_start, evidence_end, source_ids, target_ids, trigger, score, place)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
        ON CONFLICT (article_id, mention_id) DO UPDATE SET merged_event_id = excluded.merged_event_id, reasons = excluded.reasons, modality = excluded.modality,
          time_value = excluded.time_value, counts = excluded.counts, evidence_start = excluded.evidence_start, evidence_end = excluded.evidence_end,
          source_ids = excluded.source_ids, target_ids = excluded.target_ids, trigger = excluded.trigger, score = excluded.score, place = excluded.place`, [
        articleId, o.mentionId, eventId, JSON.stringify(reasons), o.modality, o.timeValue ?? null,
        JSON.stringify(o.counts), evidence.start, evidence.end, JSON.stringify(o.sourceIds), JSON.stringify(o.targetIds), o.trigger ?? null, score, o.place ? JSON.stringify(o.place) : null,
      ]);
    },
    writeReports: async (eventId, articleId, mentionId, group, reports) => {
      for (const r of reports) {
        await q(`report ${articleId}`, 'INSERT INTO event_reports (merged_event_id, article_id, mention_id, syndication_group, outlet, chain, stance) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
          eventId, articleId, mentionId, group, r.outlet ?? null, JSON.stringify(r.chain), r.stance,
        ]);
      }
    },
    reports: async (eventId) => (await q(`reports of ${eventId}`, REPORTS_SQL, [eventId])).map(toReport),
    observationCount: async (eventId) => Number((await q(`observations of ${eventId}`, 'SELECT count(*)::int AS n FROM event_observations WHERE merged_event_id = $1', [eventId]))[0]!['n']),
    writeStatus: async (eventId, c, reportCount) => {
      await q(`refresh merged event ${eventId}`, 'UPDATE merged_events SET status = $1, explanation = $2, asserting_origins = $3, has_anonymous = $4, report_count = $5 WHERE id = $6', [
        c.status, c.explanation, c.assertingOrigins, c.hasAnonymousOrigin, reportCount, eventId,
      ]);
    },
    deleteEvent: async (eventId) => {
      const op = `delete merged event ${eventId}`;
      await q(op, 'DELETE FROM event_reports WHERE merged_event_id = $1', [eventId]);
      await q(op, 'DELETE FROM event_entities WHERE merged_event_id = $1', [eventId]);
      await q(op, 'DELETE FROM merged_events WHERE id = $1', [eventId]);
    },
    eventsObservedBy: async (articleId) => ids(await q('events observed', 'SELECT DISTINCT merged_event_id AS id FROM event_observations WHERE article_id = $1 ORDER BY 1', [articleId])),
    deleteArticleCorpusRows: async (articleId) => {
      const op = `clear corpus links of ${articleId}`;
      for (const table of ['event_observations', 'event_reports', 'article_fingerprints', 'article_bands', 'passage_keys']) await q(op, `DELETE FROM ${table} WHERE article_id = $1`, [articleId]);
      await q(op, 'DELETE FROM article_links WHERE article_id = $1 OR other_id = $1', [articleId]);
      await q(op, 'DELETE FROM text_reuse WHERE article_id = $1 OR other_id = $1', [articleId]);
    },
    writePassageKeys: async (articleId, keys) => {
      const op = `save passage keys of ${articleId}`;
      await q(op, 'DELETE FROM passage_keys WHERE article_id = $1', [articleId]);
      if (keys.length) await q(op, 'INSERT INTO passage_keys (key, article_id) SELECT k, $1 FROM unnest($2::bigint[]) AS k ON CONFLICT DO NOTHING', [articleId, [...new Set(keys)]]);
    },
    reuseCandidates: async (articleId, keys, minShared, perKey, limit) => {
      if (!keys.length) return [];
      // A few articles per key (see the SQLite adapter): a key many articles share is a stock passage.
      const rows = await q('find text-reuse candidates', `SELECT a.id, a.body FROM (SELECT k.article_id, count(*) AS shared FROM unnest($1::bigint[]) AS key,
          LATERAL (SELECT article_id FROM passage_keys WHERE passage_keys.key = key.key AND article_id <> $2 ORDER BY article_id LIMIT ${perKey}) AS k
          GROUP BY k.article_id HAVING count(*) >= $3 ORDER BY shared DESC, k.article_id LIMIT $4) c
        JOIN articles a ON a.id = c.article_id ORDER BY c.shared DESC, a.id`, [[...keys], articleId, minShared, limit]);
      return rows.map((r) => ({ articleId: String(r['id']), text: String(r['body']) }));
    },
    writeTextReuse: async (reuse) => {
      await q(`link ${reuse.articleId}`, `INSERT INTO text_reuse (article_id, other_id, is_copy, passages) VALUES ($1, $2, $3, $4)
        ON CONFLICT (article_id, other_id) DO UPDATE SET is_copy = excluded.is_copy, passages = excluded.passages`, [reuse.articleId, reuse.otherId, reuse.isCopy, JSON.stringify(reuse.passages)]);
    },
    textReuseAmong: async (articleIds) => (await q('text reuse', `SELECT * FROM text_reuse WHERE is_copy AND article_id = ANY($1::text[]) AND other_id = ANY($1::text[]) ORDER BY article_id, other_id`,
      [[...articleIds]])).map((r) => ({ articleId: String(r['article_id']), otherId: String(r['other_id']), isCopy: Boolean(r['is_copy']), passages: r['passages'] as TextReuse['passages'] })),
    copyCandidates: (bandKeys) => findSyndicationCandidates(q, bandKeys),
    writeFingerprint: async (articleId, signature, bandKeys, group) => {
      const op = `save near-duplicates of ${articleId}`;
      await q(op, 'UPDATE articles SET syndication_group = $1 WHERE id = $2', [group, articleId]);
      await q(op, 'INSERT INTO article_fingerprints (article_id, signature) VALUES ($1, $2) ON CONFLICT (article_id) DO UPDATE SET signature = excluded.signature', [
        articleId, Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength),
      ]);
      if (bandKeys.length) await q(op, 'INSERT INTO article_bands (band_key, article_id) SELECT k, $1 FROM unnest($2::text[]) AS k ON CONFLICT DO NOTHING', [articleId, [...new Set(bandKeys)]]);
    },
    writeCopyLink: async (articleId, otherId, similarity) => {
      await q(`link ${articleId}`, `INSERT INTO article_links (article_id, other_id, kind, similarity) VALUES ($1, $2, 'near-duplicate', $3)
        ON CONFLICT (article_id, other_id, kind) DO UPDATE SET similarity = excluded.similarity`, [articleId, otherId, similarity]);
    },
    groupOf: async (articleId) => {
      const [row] = await q('group of', 'SELECT syndication_group AS g FROM articles WHERE id = $1', [articleId]);
      return row && row['g'] !== null ? String(row['g']) : undefined;
    },
    eventsReportedByGroup: async (group) => ids(await q('events of group', `SELECT DISTINCT r.merged_event_id AS id FROM event_reports r
      WHERE r.article_id IN (SELECT id FROM articles WHERE syndication_group = $1 UNION SELECT $1) ORDER BY 1`, [group])),
    eventSummary: async (eventId) => {
      const [row] = await q('merged event', 'SELECT * FROM merged_events WHERE id = $1', [eventId]);
      return row ? toSummary(row) : undefined;
    },
    observationsOf: async (eventId) => (await q('observations of event', `SELECT o.article_id, o.mention_id FROM event_observations o JOIN articles a ON a.id = o.article_id
      WHERE o.merged_event_id = $1 ORDER BY a.published_at NULLS FIRST, a.seq, o.mention_id`, [eventId])).map((r) => ({ articleId: String(r['article_id']), mentionId: String(r['mention_id']) })),
    observationOf: async (o) => {
      const [row] = await q('stored observation', `SELECT o.*, e.plover_type, a.published_at FROM event_observations o JOIN merged_events e ON e.id = o.merged_event_id
        JOIN articles a ON a.id = o.article_id WHERE o.article_id = $1 AND o.mention_id = $2`, [o.articleId, o.mentionId]);
      return row ? toObservation(row, row['source_ids'] as string[], row['target_ids'] as string[], row['counts'] as EventObservation['counts'], (row['place'] ?? null) as ObservedPlace | null) : undefined;
    },
    writeObservationPlace: async (o, place) => {
      await q('place of observation', 'UPDATE event_observations SET place = $1 WHERE article_id = $2 AND mention_id = $3', [place ? JSON.stringify(place) : null, o.articleId, o.mentionId]);
    },
    eventOf: async (o) => {
      const [row] = await q('event of observation', 'SELECT merged_event_id AS id FROM event_observations WHERE article_id = $1 AND mention_id = $2', [o.articleId, o.mentionId]);
      return row ? String(row['id']) : undefined;
    },
    moveObservation: async (o, toEventId, reasons) => {
      await q('move observation', 'UPDATE event_observations SET merged_event_id = $1, reasons = $2, score = 0 WHERE article_id = $3 AND mention_id = $4', [toEventId, JSON.stringify(reasons), o.articleId, o.mentionId]);
      await q('move observation', 'UPDATE event_reports SET merged_event_id = $1 WHERE article_id = $2 AND mention_id = $3', [toEventId, o.articleId, o.mentionId]);
    },
    writeOverride: async ({ kind, observation: o, other }) => {
      // The latest decision about a pair wins, whichever way round it was recorded.
      await q('write override', 'DELETE FROM event_overrides WHERE article_id = $1 AND mention_id = $2 AND other_article_id = $3 AND other_mention_id = $4', [other.articleId, other.mentionId, o.articleId, o.mentionId]);
      await q('write override', `INSERT INTO event_overrides (kind, article_id, mention_id, other_article_id, other_mention_id) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (article_id, mention_id, other_article_id, other_mention_id) DO UPDATE SET kind = excluded.kind`, [kind, o.articleId, o.mentionId, other.articleId, other.mentionId]);
    },
    overridesOf: async (o) => (await q('overrides', `SELECT kind, other_article_id AS a, other_mention_id AS m FROM event_overrides WHERE article_id = $1 AND mention_id = $2
      UNION ALL SELECT kind, article_id, mention_id FROM event_overrides WHERE other_article_id = $1 AND other_mention_id = $2 ORDER BY 2, 3`, [o.articleId, o.mentionId]))
      .map((r) => ({ kind: String(r['kind']) as 'merge' | 'split', observation: o, other: { articleId: String(r['a']), mentionId: String(r['m']) } })),
    renameGroup: async (from, to) => {
      await q('unite groups', 'UPDATE articles SET syndication_group = $2 WHERE syndication_group = $1 OR id = $1', [from, to]);
    },
  };
}

/** Stored articles sharing any of these MinHash band keys (at most 200). */
export async function findSyndicationCandidates(q: Query, bandKeys: readonly string[]): Promise<SyndicationCandidate[]> {
  if (!bandKeys.length) return [];
  // A few articles per band key (see the SQLite adapter): the cost of a new copy stays flat as its group grows.
  const rows = await q('find syndication candidates', `SELECT f.article_id, f.signature, coalesce(a.syndication_group, a.id) AS grp
    FROM (SELECT DISTINCT k.article_id FROM unnest($1::text[]) AS key,
      LATERAL (SELECT article_id FROM article_bands WHERE band_key = key ORDER BY article_id LIMIT ${COPY_CANDIDATES_PER_KEY}) AS k) b
    JOIN article_fingerprints f ON f.article_id = b.article_id JOIN articles a ON a.id = b.article_id ORDER BY f.article_id LIMIT 200`, [[...bandKeys]]);
  return rows.map((r) => {
    const buf = r['signature'] as Buffer;
    return { articleId: String(r['article_id']), group: String(r['grp']), signature: new Uint32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength)) };
  });
}

const SUMMARY_COLUMN = `(SELECT ${PACKED_SUMMARY_SQL} FROM event_observations o JOIN articles a ON a.id = o.article_id
    WHERE o.merged_event_id = m.id ORDER BY a.published_at NULLS FIRST, a.seq, length(o.mention_id), o.mention_id LIMIT 1) AS summary`;
const EVENT_COLUMNS = `m.*, (SELECT count(DISTINCT article_id) FROM event_observations o WHERE o.merged_event_id = m.id) AS article_count, ${SUMMARY_COLUMN}`;

/** The WHERE clause of an event query, its parameters numbered from `$${first}`. */
function eventFilter(query: EventQuery, first: number): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${first + params.length - 1}`));
  };
  if (query.entityId) add((p) => `m.id IN (SELECT merged_event_id FROM event_entities WHERE entity_id = ${p})`, query.entityId);
  if (query.ids) add((p) => `m.id = ANY(${p}::text[])`, [...query.ids]);
  if (query.from) add((p) => `m.window_end >= ${p}`, query.from);
  if (query.to) add((p) => `m.window_start <= ${p}`, query.to);
  if (query.startFrom !== undefined) add((p) => `m.window_start >= ${p}`, query.startFrom);
  if (query.startTo !== undefined) add((p) => `m.window_start <= ${p}`, query.startTo);
  if (query.status) add((p) => `m.status = ${p}`, query.status);
  if (query.ploverType) add((p) => `m.plover_type = ${p}`, query.ploverType);
  if (query.isLocated || query.area || query.cells) where.push('m.lat IS NOT NULL AND m.lon IS NOT NULL');
  // A box first (a range of the map index), then, for cells, the exact cell of each event.
  for (const b of [query.area, query.cells ? cellsBounds(query.cells) : undefined]) {
    if (!b) continue;
    add((p) => `m.lat >= ${p}`, b.south);
    add((p) => `m.lat <= ${p}`, b.north);
    add((p) => `m.lon >= ${p}`, b.west);
    add((p) => `m.lon <= ${p}`, b.east);
  }
  if (query.cells) {
    checkMapGrid(query.cells.cellDegrees, query.cells);
    // Three parameters: the cell size, the rows and the columns (as two arrays unnested side by side).
    const [d, rows, cols] = [0, 1, 2].map((i) => `$${first + params.length + i}`);
    params.push(query.cells.cellDegrees, query.cells.keys.map(([r]) => r), query.cells.keys.map(([, c]) => c));
    where.push(`(${cellRow(`${d}::float8`)}, ${cellCol(`${d}::float8`)}) IN (SELECT * FROM unnest(${rows}::int[], ${cols}::int[]))`);
  }
  if (query.articleIds) add((p) => `m.id IN (SELECT merged_event_id FROM event_observations WHERE article_id = ANY(${p}::text[]))`, [...query.articleIds]);
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** Merged events in time order, filtered. */
export async function listEvents(q: Query, query: EventQuery = {}): Promise<MergedEventRow[]> {
  const { where, params } = eventFilter(query, 3);
  // The page's ids are chosen first (MATERIALIZED: sorted and cut without the per-event subqueries), then read with
  // their article count and summary: in one statement PostgreSQL ran those subqueries for every row it skipped too
  // (10,500 rows for a page of 500 at offset 10,000).
  const order = `m.window_start = '', m.window_start, m.window_end, m.id`;
  const sql = `WITH page AS MATERIALIZED (SELECT m.id FROM merged_events m ${where} ORDER BY ${order} LIMIT $1 OFFSET $2)
    SELECT ${EVENT_COLUMNS} FROM page JOIN merged_events m ON m.id = page.id ORDER BY ${order}`;
  return (await q('list events', sql, [Math.max(1, Math.min(query.limit ?? 20, MAX_PAGE_SIZE)), Math.max(0, query.offset ?? 0), ...params])).map(toEventRow);
}

/** The keys of the events listEvents would list, in one read without per-event subqueries (Store.listEventKeys). */
export async function listEventKeys(q: Query, query: EventQuery = {}): Promise<EventKeyRow[]> {
  const { where, params } = eventFilter(query, 3);
  // The page's ids first (the order index), then its rows: the graph reads the latest events at a deep offset, and
  // rows an OFFSET skips are still projected (11,000 events' actor arrays for a page of 2,000 at 20k articles).
  const order = "m.window_start = '', m.window_start, m.window_end, m.id";
  const sql = `WITH page AS MATERIALIZED (SELECT m.id FROM merged_events m ${where} ORDER BY ${order} LIMIT $1 OFFSET $2)
    SELECT m.id, m.plover_type, m.window_start, m.source_ids, m.target_ids, m.report_count, m.asserting_origins FROM page JOIN merged_events m ON m.id = page.id
    ORDER BY ${order}`;
  return (await q('list event keys', sql, [Math.max(1, Math.min(query.limit ?? 20, MAX_KEY_ROWS)), Math.max(0, query.offset ?? 0), ...params])).map((r) => ({
    id: String(r['id']), ploverType: String(r['plover_type']), windowStart: String(r['window_start']),
    sourceIds: r['source_ids'] as string[], targetIds: r['target_ids'] as string[],
    reportCount: Number(r['report_count']), assertingOrigins: Number(r['asserting_origins']),
  }));
}

/** The map's located events, most reported first, in one read (Store.listMapEvents). */
export async function listMapEvents(q: Query, query: EventQuery, limit: number, offset = 0): Promise<MapEventRow[]> {
  const { where, params } = eventFilter({ ...query, isLocated: true }, 3);
  const sql = `WITH page AS MATERIALIZED (SELECT m.id FROM merged_events m ${where} ORDER BY ${MAP_EVENT_ORDER} LIMIT $1 OFFSET $2)
    SELECT ${MAP_EVENT_COLUMNS}, ${SUMMARY_COLUMN} FROM page JOIN merged_events m ON m.id = page.id ORDER BY ${MAP_EVENT_ORDER}`;
  return (await q('list map events', sql, [Math.max(1, Math.min(limit, MAX_MAP_EVENT_ROWS)), Math.max(0, offset), ...params])).map(toMapEventRow);
}

/** An event's map cell (map-cells.ts) for the cell size in parameter `d`. */
const cellRow = (d: string) => `floor((m.lat + 90) / ${d})::int`;
const cellCol = (d: string) => `floor((m.lon + 180) / ${d})::int`;

/** The located events of `query` aggregated into map cells of `cellDegrees` (Store.listMapCells). */
export async function listMapCells(q: Query, query: EventQuery, cellDegrees: number): Promise<MapCellRow[]> {
  checkMapGrid(cellDegrees);
  const { where, params } = eventFilter({ ...query, isLocated: true }, 2);
  // Both aggregates read the same events; the place names keep the commonest few per cell (with the cell's count).
  const cellsOf = `SELECT ${cellRow('$1::float8')} AS r, ${cellCol('$1::float8')} AS c, m.lat, m.lon, m.plover_type, m.place_name FROM merged_events m ${where}`;
  const types = `WITH e AS (${cellsOf}) SELECT r, c, plover_type, count(*)::int AS n, sum(lat) AS sum_lat, sum(lon) AS sum_lon FROM e GROUP BY r, c, plover_type`;
  const places = `WITH e AS (${cellsOf}) SELECT r, c, place_name, n, names FROM (
      SELECT r, c, place_name, count(*)::int AS n, (count(*) OVER (PARTITION BY r, c))::int AS names,
        row_number() OVER (PARTITION BY r, c ORDER BY count(*) DESC, place_name COLLATE "C") AS k
      FROM e GROUP BY r, c, place_name) ranked WHERE k <= ${MAP_CELL_PLACES}`;
  const all = [cellDegrees, ...params];
  const [typeRows, placeRows] = await Promise.all([q('list map cells', types, all), q('list map cells', places, all)]);
  return foldMapCells(typeRows, placeRows);
}

/** How many merged events match the filters of `query`. */
export async function countEvents(q: Query, query: EventQuery = {}): Promise<number> {
  const { where, params } = eventFilter(query, 1);
  return Number((await q('count events', `SELECT count(*) AS n FROM merged_events m ${where}`, params))[0]!['n']);
}

/** Matching events counted by PLOVER type and by the period their window starts in ('' for undated). */
export async function countEventsByPeriod(q: Query, query: EventQuery, period: EventPeriod, options: EventPeriodOptions = {}): Promise<EventPeriodCount[]> {
  const { where, params } = eventFilter(query, 2);
  const sql = (options.byType ?? true)
    ? `SELECT substr(m.window_start, 1, $1) AS period, m.plover_type, count(*) AS n FROM merged_events m ${where}
      GROUP BY 1, 2 ORDER BY substr(m.window_start, 1, $1) COLLATE "C", m.plover_type COLLATE "C"`
    : `SELECT substr(m.window_start, 1, $1) AS period, '' AS plover_type, count(*) AS n FROM merged_events m ${where}
      GROUP BY 1 ORDER BY substr(m.window_start, 1, $1) COLLATE "C"`;
  const rows = await q('count events by period', sql, [PERIOD_CHARS[period], ...params]);
  return rows.map((r) => ({ period: String(r['period']), ploverType: String(r['plover_type']), events: Number(r['n']) }));
}

/** One merged event with every observation and report, each traced to its sentence. */
export async function getEvent(q: Query, id: string): Promise<MergedEventDetail | undefined> {
  return (await getEvents(q, [id]))[0];
}

/**
 * Merged events by id, in the order asked (unknown ids left out), each with every observation and report traced to
 * its sentence: four queries per slice of ids, not four per event. Rows come back in the single-event order
 * (observations by publication, reports by article) and are grouped by event (event-details.ts).
 */
export async function getEvents(q: Query, ids: readonly string[]): Promise<MergedEventDetail[]> {
  const wanted = [...new Set(ids)];
  const out: MergedEventDetail[] = [];
  for (let i = 0; i < wanted.length; i += EVENT_DETAIL_SLICE) {
    const slice = wanted.slice(i, i + EVENT_DETAIL_SLICE);
    const [eventRows, observationRows, reportRows, nameRows] = await Promise.all([
      q('get events', `SELECT ${EVENT_COLUMNS} FROM merged_events m WHERE m.id = ANY($1::text[])`, [slice]),
      q('get events', `SELECT o.*, a.title, a.outlet, a.published_at, ${POSTGRES_EVIDENCE_SQL}
        FROM event_observations o JOIN articles a ON a.id = o.article_id WHERE o.merged_event_id = ANY($1::text[])
        ORDER BY a.published_at NULLS FIRST, a.seq, length(o.mention_id), o.mention_id`, [slice]),
      q('get events', reportsSql('= ANY($1::text[])'), [slice]),
      q('get events', `SELECT id, name FROM entities WHERE id IN (SELECT jsonb_array_elements_text(m.source_ids || m.target_ids) FROM merged_events m
        WHERE m.id = ANY($1::text[]))`, [slice]),
    ]);
    out.push(...eventDetails(slice, eventRows.map(toEventRow),
      byEvent(observationRows, (r) => toObservationDetail({ ...r, evidence_text: evidenceFromRow(r) }, r['counts'] as Record<string, number>, r['reasons'] as string[], (r['place'] ?? null) as ObservedPlace | null)),
      byEvent(reportRows, (r) => toReportDetail(toReport(r), r)),
      new Map(nameRows.map((r) => [String(r['id']), String(r['name'])]))));
  }
  return out;
}

/** Counts for stats(): merged events, and near-duplicate groups with more than one article. */
export async function corpusCounts(q: Query): Promise<{ events: number; syndicationGroups: number }> {
  const [row] = await q('stats', `SELECT (SELECT count(*) FROM merged_events) AS events,
    (SELECT count(*) FROM (SELECT syndication_group FROM articles WHERE syndication_group IS NOT NULL GROUP BY syndication_group HAVING count(*) > 1) g) AS groups`);
  return { events: Number(row!['events']), syndicationGroups: Number(row!['groups']) };
}

function toSummary(r: Row): MergedEventSummary {
  return {
    id: String(r['id']),
    ploverType: String(r['plover_type']),
    sourceIds: r['source_ids'] as string[],
    targetIds: r['target_ids'] as string[],
    window: { start: String(r['window_start']), end: String(r['window_end']) },
    ...(Array.isArray(r['triggers']) && r['triggers'].length ? { triggers: r['triggers'] as string[] } : {}),
    ...(r['place_name'] ? { place: {
      name: String(r['place_name']),
      ...(r['lat'] !== null ? { lat: Number(r['lat']) } : {}),
      ...(r['lon'] !== null ? { lon: Number(r['lon']) } : {}),
      ...(r['country_code'] ? { countryCode: String(r['country_code']) } : {}),
      ...(r['gazetteer_id'] ? { gazetteerId: String(r['gazetteer_id']) } : {}),
    } } : {}),
  };
}

function toEventRow(r: Row): MergedEventRow {
  return {
    id: String(r['id']),
    ploverType: String(r['plover_type']),
    cameo: nullable(r['cameo']),
    windowStart: String(r['window_start']),
    windowEnd: String(r['window_end']),
    datePrecision: datePrecision(String(r['window_start']), String(r['window_end'])),
    place: r['place_name'] ? { name: String(r['place_name']), lat: r['lat'] === null ? null : Number(r['lat']), lon: r['lon'] === null ? null : Number(r['lon']), countryCode: nullable(r['country_code']) } : null,
    sourceIds: r['source_ids'] as string[],
    targetIds: r['target_ids'] as string[],
    status: String(r['status']) as MergedEventRow['status'],
    explanation: String(r['explanation']),
    assertingOrigins: Number(r['asserting_origins']),
    hasAnonymousOrigin: r['has_anonymous'] === true,
    reportCount: Number(r['report_count']),
    articleCount: Number(r['article_count']),
    summary: summaryFromPacked(r['summary']),
  };
}

function toReport(r: Row): EventReport {
  return {
    articleId: String(r['article_id']),
    syndicationGroup: String(r['syndication_group']),
    ...(r['outlet'] ? { outlet: String(r['outlet']) } : {}),
    chain: r['chain'] as EventReport['chain'],
    stance: String(r['stance']) as EventReport['stance'],
    ...(r['evidence_start'] !== null && r['evidence_start'] !== undefined ? { passage: { start: Number(r['evidence_start']), end: Number(r['evidence_end']) } } : {}),
  };
}

function nullable(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}
