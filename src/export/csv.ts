/** RFC 4180 CSV: a header row, then one row per record; fields quoted when they hold a comma, quote or newline. */

/** One CSV field. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.join('; ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document with the given columns, rows as records keyed by column. */
export function toCsv(columns: readonly string[], rows: readonly Readonly<Record<string, unknown>>[]): string {
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** JSON Lines: one JSON object per line. */
export function toJsonLines(rows: readonly unknown[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '');
}

/** Tab-separated values as GDELT ships them: no quoting, tabs and newlines inside fields become spaces. */
export function toTsv(columns: readonly string[], rows: readonly Readonly<Record<string, unknown>>[]): string {
  const field = (v: unknown) => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : String(v)).replace(/[\t\r\n]+/g, ' ');
  return [columns.join('\t'), ...rows.map((row) => columns.map((c) => field(row[c])).join('\t'))].join('\n') + '\n';
}
