/**
 * An observation's evidence sentence cut out of its article's body in SQL. Evidence offsets count UTF-16 code units
 * (JavaScript strings) while SQL's substr counts characters, so `substr(body, start + 1, end - start)` shifts the cut
 * by one letter per emoji or other astral character before the sentence. Each adapter cuts exactly, without sending
 * whole bodies: PostgreSQL sends the plain cut, plus the body's first `end` characters only when those hold an
 * astral character (JavaScript then slices that prefix); SQLite runs a JavaScript function inside the query.
 */

/**
 * PostgreSQL columns `evidence_text` (the plain cut) and `evidence_prefix` (null unless the first `end` characters
 * hold an astral character) for an observation `o` of an article `a`.
 */
export const POSTGRES_EVIDENCE_SQL = `substr(a.body, o.evidence_start + 1, o.evidence_end - o.evidence_start) AS evidence_text,
  CASE WHEN substr(a.body, 1, o.evidence_end) ~ '[\\U00010000-\\U0010FFFF]' THEN substr(a.body, 1, o.evidence_end) END AS evidence_prefix`;

/**
 * The evidence text of a row read with POSTGRES_EVIDENCE_SQL. Without astral characters in the prefix, characters
 * and code units coincide and the plain cut is exact; with them, the prefix holds at least `end` code units.
 * @example evidenceFromRow({ evidence_start: 3, evidence_end: 8, evidence_text: 'ire. ', evidence_prefix: '📷 Fire.' }) // 'Fire.'
 */
export function evidenceFromRow(row: Readonly<Record<string, unknown>>): string {
  const prefix = row['evidence_prefix'];
  if (typeof prefix === 'string') return prefix.slice(Number(row['evidence_start']), Number(row['evidence_end']));
  return String(row['evidence_text'] ?? '');
}

/** Name of the SQLite function registered by the SQLite adapter: utf16_slice(text, start, end) = text.slice(start, end). */
export const SQLITE_UTF16_SLICE = 'utf16_slice';

/** SQLite column `evidence_text` for an observation `o` of an article `a`: only the body's first `end` characters reach JavaScript. */
export const SQLITE_EVIDENCE_SQL = `${SQLITE_UTF16_SLICE}(substr(a.body, 1, o.evidence_end), o.evidence_start, o.evidence_end) AS evidence_text`;

/** The JavaScript side of SQLITE_UTF16_SLICE; null in, null out (as SQL functions do). */
export function utf16Slice(text: unknown, start: unknown, end: unknown): string | null {
  if (typeof text !== 'string') return null;
  return text.slice(Number(start), Number(end));
}
