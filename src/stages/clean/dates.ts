/**
 * Publication-date parsing and normalisation to ISO 8601. A date keeps the offset it was written with,
 * so "2019-11-18T23:04:00-05:00" stays on the 18th (converting to UTC would move it to the 19th).
 */

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};

/** Month names and abbreviations as one regex alternative. */
export const MONTH_NAME = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

/** Years accepted as publication years. */
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isValidDay(y: number, m: number, d: number): boolean {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function ymd(y: number, m: number, d: number): string | undefined {
  return isValidDay(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}

/** A time of day with optional am/pm and zone, appended to a date when present. */
function withTime(date: string, rest: string): string {
  const t = /^\D{0,6}?(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?/i.exec(rest);
  if (!t) return date;
  let h = Number(t[1]);
  const ampm = t[4]?.toLowerCase().replace(/\./g, '');
  if (ampm === 'pm' && h < 12) h += 12;
  if (ampm === 'am' && h === 12) h = 0;
  if (h > 23 || Number(t[2]) > 59) return date;
  return `${date}T${pad(h)}:${t[2]}:${t[3] ?? '00'}`;
}

/**
 * Normalises a date string found in metadata or text to ISO 8601 ('2019-11-18' or '2019-11-18T23:04:00-05:00').
 * Returns undefined when no plausible calendar date is found.
 * @example normaliseDate('Nov. 14, 2024') // '2024-11-14'
 */
export function normaliseDate(raw: string): string | undefined {
  const s = raw.trim();
  if (!s) return undefined;
  // ISO 8601 and its near relatives: 2019-11-18, 2019-11-18T23:04:00Z, 2019-11-18 23:04:00 +0100, 2019/11/18
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?/i.exec(s);
  if (iso) {
    const date = ymd(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (!date) return undefined;
    if (iso[4] === undefined) return date;
    if (Number(iso[4]) > 23 || Number(iso[5]) > 59) return date;
    const zone = iso[7] ? (iso[7].toUpperCase() === 'Z' ? 'Z' : iso[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : '';
    return `${date}T${pad(Number(iso[4]))}:${iso[5]}:${iso[6] ?? '00'}${zone}`;
  }
  // Compact 20191118 (only as a whole token)
  const compact = /^(\d{4})(\d{2})(\d{2})(?:\D|$)/.exec(s);
  if (compact) return ymd(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  // Unix seconds or milliseconds
  if (/^\d{10}(\d{3})?$/.test(s)) {
    const ms = s.length === 13 ? Number(s) : Number(s) * 1000;
    const d = new Date(ms);
    return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return findDateInText(s)?.iso;
}

/** A date found inside running text, with where it was found. */
export interface FoundDate {
  readonly iso: string;
  readonly index: number;
  readonly length: number;
}

const RE_MONTH_DAY_YEAR = new RegExp(`\\b(${MONTH_NAME})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'i');
const RE_DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?(${MONTH_NAME})\\.?,?\\s+(\\d{4})(?!\\d)`, 'i');
const RE_ISO_IN_TEXT = /\b(\d{4})-(\d{2})-(\d{2})(?!\d)/;
const RE_NUMERIC = /(?<![\d.])\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?![\d/.\p{L}])/u;

/**
 * The first calendar date written in a piece of text ("Nov. 14, 2024", "14 November 2024", "2024-11-14",
 * "11/14/2024" read month-first unless the first number is above 12). Relative dates are not resolved.
 */
export function findDateInText(text: string): FoundDate | undefined {
  const candidates: FoundDate[] = [];
  const mdy = RE_MONTH_DAY_YEAR.exec(text);
  if (mdy) {
    const date = ymd(Number(mdy[3]), MONTHS[mdy[1]!.toLowerCase().replace('.', '')] ?? 0, Number(mdy[2]));
    if (date) candidates.push({ iso: withTime(date, text.slice(mdy.index + mdy[0].length)), index: mdy.index, length: mdy[0].length });
  }
  const dmy = RE_DAY_MONTH_YEAR.exec(text);
  if (dmy) {
    const date = ymd(Number(dmy[3]), MONTHS[dmy[2]!.toLowerCase()] ?? 0, Number(dmy[1]));
    if (date) candidates.push({ iso: withTime(date, text.slice(dmy.index + dmy[0].length)), index: dmy.index, length: dmy[0].length });
  }
  const iso = RE_ISO_IN_TEXT.exec(text);
  if (iso) {
    const date = ymd(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (date) candidates.push({ iso: date, index: iso.index, length: iso[0].length });
  }
  const num = RE_NUMERIC.exec(text);
  if (num) {
    const a = Number(num[1]);
    const b = Number(num[2]);
    let y = Number(num[3]);
    if (y < 100) y += 2000;
    // 23.07.2025 and 12.12.2025 are day-first (dots are European); 11/14/2024 is month-first unless the first part is above 12
    const isDayFirst = a > 12 || num[0].includes('.');
    const date = isDayFirst ? ymd(y, b, a) : ymd(y, a, b);
    if (date) candidates.push({ iso: date, index: num.index, length: num[0].length });
  }
  candidates.sort((x, y) => x.index - y.index);
  return candidates[0];
}

/** The date in a URL path: /2019/11/18/, /2019-11-18/, /20191118/ or /2019/nov/18/. */
export function dateFromUrl(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch (error) {
    if (error instanceof TypeError) return undefined;
    throw error;
  }
  const full = /(?:^|[/_-])((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?=[^\d]|$)/.exec(path);
  if (full) return ymd(Number(full[1]), Number(full[2]), Number(full[3]));
  const named = new RegExp(`/((?:19|20)\\d{2})/(${MONTH_NAME})/(\\d{1,2})(?=/)`, 'i').exec(path);
  if (named) return ymd(Number(named[1]), MONTHS[named[2]!.toLowerCase()] ?? 0, Number(named[3]));
  const compact = /(?:^|[/_-])((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_.-]|$)/.exec(path);
  if (compact) return ymd(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  return undefined;
}
