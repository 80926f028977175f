/**
 * Test fixtures for the export writers: merged events written by us, and strict readers that parse exports by
 * the format's own rules rather than by our writer's (RFC 4180 CSV, GDELT's header-less TSV).
 * Imported by tests only.
 */
import type { CanonicalEntity, MergedEventDetail } from '../store/store.js';

type Observation = MergedEventDetail['observations'][number];

function observation(articleId: string, outlet: string, publishedAt: string, text: string, start: number): Observation {
  return {
    articleId, mentionId: `${articleId}:m1`, title: null, outlet, publishedAt, modality: 'asserted', timeValue: publishedAt.slice(0, 10), counts: {},
    reasons: ['first report'], score: 0, evidence: { start, end: start + text.length, text }, place: null,
  };
}

/** A shelling in Geneva (CH: Switzerland for ISO, China for FIPS), two outlets, two deaths. */
export const GENEVA_ATTACK: MergedEventDetail = {
  id: 'ev-geneva', ploverType: 'ASSAULT', cameo: '1823', windowStart: '2024-03-05', windowEnd: '2024-03-05', datePrecision: 'day',
  place: { name: 'Geneva', lat: 46.2, lon: 6.15, countryCode: 'CH' }, sourceIds: ['e-cell'], targetIds: ['e-guards'],
  status: 'corroborated', explanation: '2 independent origins', assertingOrigins: 2, hasAnonymousOrigin: false, reportCount: 3, articleCount: 2,
  summary: 'Two guards were killed when a cell attacked the consulate in Geneva, police said.',
  observations: [
    observation('a-late', 'Lake Courier', '2024-03-06T08:00:00Z', 'gunmen stormed the consulate', 420),
    observation('a-early', 'Alpine Wire', '2024-03-05T18:30:00Z', 'a cell attacked the consulate in Geneva', 12),
  ],
  reports: [],
  countAlternatives: { fatalities: { '2': ['a-early'], '3': ['a-late'] } },
  actors: [{ id: 'e-cell', name: 'Rhône Cell', role: 'source' }, { id: 'e-guards', name: 'Swiss Army', role: 'target' }],
};

/** A protest in Beijing (CN: China for ISO, CH for FIPS), one outlet. */
export const BEIJING_PROTEST: MergedEventDetail = {
  id: 'ev-beijing', ploverType: 'PROTEST', cameo: '141', windowStart: '2024-04-11', windowEnd: '2024-04-17', datePrecision: 'week',
  place: { name: 'Beijing', lat: 39.9, lon: 116.4, countryCode: 'CN' }, sourceIds: ['e-workers'], targetIds: [],
  status: 'single-source', explanation: '1 origin', assertingOrigins: 1, hasAnonymousOrigin: false, reportCount: 1, articleCount: 1,
  summary: 'Hundreds of factory workers marched in Beijing over unpaid wages.',
  observations: [observation('a-bj', 'Harbour Daily', '2024-04-12T09:00:00Z', 'factory workers marched in Beijing', 900)],
  reports: [], countAlternatives: {},
  actors: [{ id: 'e-workers', name: 'factory workers', role: 'source' }],
};

/** The canonical entities behind the fixture events' actors. */
export const FIXTURE_ENTITIES: readonly CanonicalEntity[] = [
  { id: 'e-cell', name: 'Rhône Cell', type: 'ORG', kind: 'armed-group', country: 'CH', kbId: null, articleCount: 2, mentionCount: 3 },
  { id: 'e-guards', name: 'Swiss Army', type: 'ORG', kind: 'military-unit', country: 'CH', kbId: null, articleCount: 2, mentionCount: 2 },
  { id: 'e-workers', name: 'factory workers', type: 'MISC', kind: 'other', country: null, kbId: null, articleCount: 1, mentionCount: 1 },
];

/** Splits a header-less TSV file into rows, failing on quotes or ragged rows (GDELT files have neither). */
export function readTsv(text: string, width: number): string[][] {
  if (!text.endsWith('\n')) throw new Error('TSV must end with a newline');
  return text.slice(0, -1).split('\n').map((line, i) => {
    const cells = line.split('\t');
    if (cells.length !== width) throw new Error(`row ${i + 1} has ${cells.length} fields, expected ${width}`);
    return cells;
  });
}

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes, same width on every row. */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`bare quote at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') { i++; continue; }
    if (text.startsWith('\r\n', i)) { i += 2; rows.push(row); row = []; continue; }
    if (i < text.length) throw new Error(`expected a comma or CRLF at ${i}`);
  }
  if (row.length) rows.push(row);
  const width = rows[0]?.length ?? 0;
  rows.forEach((r, n) => { if (r.length !== width) throw new Error(`record ${n + 1} has ${r.length} fields, expected ${width}`); });
  return rows;
}
