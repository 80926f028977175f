/**
 * The window of days a TimeML value covers, honouring its granularity: '2015-11-26' is one day,
 * '2015-11' thirty days, '2015-W48' seven, '2015' a year, '201' (decade) ten years.
 */
export interface DayWindow {
  /** ISO dates, inclusive. */
  readonly start: string;
  readonly end: string;
}

const DAY_MS = 86_400_000;

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

/** The window for a TimeML value, or undefined when the value is not a calendar date (P3M, PAST_REF, XXXX-…). */
export function windowOf(value: string): DayWindow | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) {
    const day = iso(utc(+m[1]!, +m[2]!, +m[3]!));
    return { start: day, end: day };
  }
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) {
    // ISO week: the week with the year's first Thursday is week 1.
    const jan4 = utc(+m[1]!, 1, 4);
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY_MS + (+m[2]! - 1) * 7 * DAY_MS);
    return { start: iso(monday), end: iso(new Date(monday.getTime() + 6 * DAY_MS)) };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return { start: iso(utc(+m[1]!, +m[2]!, 1)), end: iso(utc(+m[1]!, +m[2]! + 1, 0)) };
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) return { start: iso(utc(+m[1]!, (+m[2]! - 1) * 3 + 1, 1)), end: iso(utc(+m[1]!, +m[2]! * 3 + 1, 0)) };
  m = /^(\d{4})$/.exec(value);
  if (m) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  m = /^(\d{3})$/.exec(value);
  if (m) return { start: `${m[1]}0-01-01`, end: `${m[1]}9-12-31` };
  return undefined;
}

/** The window from `daysBefore` before to `daysAfter` after an ISO date (for events dated only by their article). */
export function aroundDay(isoDate: string, daysBefore: number, daysAfter: number): DayWindow {
  const t = Date.parse(isoDate.slice(0, 10));
  // A publication date kept "as given" by the clean step ("not a date") dates nothing.
  if (!Number.isFinite(t) || Math.abs(t) > 8.64e15 - 400 * DAY_MS) return UNDATED;
  return { start: iso(new Date(t - daysBefore * DAY_MS)), end: iso(new Date(t + daysAfter * DAY_MS)) };
}

/** True when two windows share at least one day, with `slackDays` of tolerance on each side. */
export function windowsOverlap(a: DayWindow, b: DayWindow, slackDays = 0): boolean {
  const aStart = Date.parse(a.start) - slackDays * DAY_MS;
  const aEnd = Date.parse(a.end) + slackDays * DAY_MS;
  return Date.parse(b.start) <= aEnd && Date.parse(b.end) >= aStart;
}

/** Stands for "no date known" (no time expression and no publication date): kept and listed, never merged. */
export const UNDATED: DayWindow = Object.freeze({ start: '', end: '' });

/** True for the UNDATED window. */
export function isUndated(w: DayWindow): boolean {
  return w.start === '';
}

/** Length of a window in days; Infinity when undated, so no bounded look-up ever matches it. */
export function windowDays(w: DayWindow): number {
  if (isUndated(w)) return Infinity;
  return Math.round((Date.parse(w.end) - Date.parse(w.start)) / DAY_MS) + 1;
}

/** Windows longer than this (decades, vague ranges) are stored but never used to merge. */
export const MAX_MATCH_WINDOW_DAYS = 366;

/** Windows up to this long are found by their start in the short-window index; longer ones by their own. */
export const SHORT_WINDOW_DAYS = 31;

/** An ISO date moved by `days`. */
export function shiftDay(isoDate: string, days: number): string {
  return new Date(Date.parse(isoDate) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The bounded look-up of merged events whose windows can overlap `window`: short windows (a month or less)
 * start at most SHORT_WINDOW_DAYS before it, longer ones (a year, a season) at most MAX_MATCH_WINDOW_DAYS.
 * Either way the look-up is bounded by the time range, never by the size of the history. An adapter keeps
 * rows with `window_start >= shortFrom` (or, when `window_days > SHORT_WINDOW_DAYS`, `>= longFrom`),
 * `window_start <= end` and `window_end >= start`.
 */
export interface CandidateQuery {
  readonly ploverTypes: readonly string[];
  readonly start: string;
  readonly end: string;
  readonly shortFrom: string;
  readonly longFrom: string;
}

/** The candidate look-up for an observation window, or undefined when the window is too vague to merge. */
export function candidateQuery(ploverTypes: readonly string[], window: DayWindow): CandidateQuery | undefined {
  if (isUndated(window) || windowDays(window) > MAX_MATCH_WINDOW_DAYS) return undefined;
  return { ploverTypes, start: window.start, end: window.end, shortFrom: shiftDay(window.start, -SHORT_WINDOW_DAYS), longFrom: shiftDay(window.start, -MAX_MATCH_WINDOW_DAYS) };
}
