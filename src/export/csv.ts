/**
 * RFC 4180 CSV: a header row, then one row per record; fields quoted when they hold a comma, quote or newline.
 * Every CSV and TSV cell is neutralised against formula injection (OWASP "CSV Injection"): text that a spreadsheet
 * would run as a formula gets a leading single quote.
 */

/** Characters that make a spreadsheet read a cell as a formula (OWASP: = + - @ tab CR). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number ("-3.5", "+1e3") is data, not a formula: it keeps its sign so the column stays numeric. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A cell's text made inert: `=HYPERLINK(…)`, `+cmd|…`, `-2+3`, `@SUM(…)` get a leading `'`, which spreadsheets show
 * as text and never evaluate; numbers (and text starting otherwise) are unchanged.
 * @example neutraliseFormula('=1+1') // "'=1+1"
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** A value as cell text: arrays joined with "; ", objects as JSON. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return Array.isArray(value) ? value.join('; ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** One CSV field, neutralised and quoted when needed (OWASP also asks for quotes around a neutralised cell). */
export function csvField(value: unknown): string {
  const raw = cellText(value);
  const text = neutraliseFormula(raw);
  return text !== raw || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document with the given columns, rows as records keyed by column. */
export function toCsv(columns: readonly string[], rows: readonly Readonly<Record<string, unknown>>[]): string {
  return `${columns.map(csvField).join(',')}\r\n${csvRows(columns, rows)}`;
}

/** CSV lines for `rows` without the header, each ending in CRLF: a streamed document is toCsv(columns, []) then these. */
export function csvRows(columns: readonly string[], rows: readonly Readonly<Record<string, unknown>>[]): string {
  let text = '';
  for (const row of rows) text += `${columns.map((c) => csvField(row[c])).join(',')}\r\n`;
  return text;
}

/** JSON Lines: one JSON object per line. */
export function toJsonLines(rows: readonly unknown[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '');
}

/** Tab-separated values as GDELT ships them: no quoting, tabs and newlines inside fields become spaces, formulas made inert. */
export function toTsv(columns: readonly string[], rows: readonly Readonly<Record<string, unknown>>[]): string {
  const field = (v: unknown) => neutraliseFormula(cellText(v).replace(/[\t\r\n]+/g, ' '));
  return [columns.join('\t'), ...rows.map((row) => columns.map((c) => field(row[c])).join('\t'))].join('\n') + '\n';
}
