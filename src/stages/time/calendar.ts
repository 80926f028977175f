/**
 * Calendar arithmetic for the time stage: proleptic Gregorian days as plain numbers, ISO weeks and
 * TIMEX3 value formatting. Pure: no clock, the reference date always comes in as an argument.
 */

/** A calendar day (month 1–12, day 1–31). */
export interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const MS_PER_DAY = 86_400_000;

/** Zero-pads a number to `width` digits. */
export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Days since 1970-01-01 for a calendar day (arithmetic in UTC, so no time zone leaks in). */
export function toEpochDay(d: CalendarDay): number {
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / MS_PER_DAY);
}

/** The calendar day of an epoch day number. */
export function fromEpochDay(n: number): CalendarDay {
  const date = new Date(n * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The day `n` days after `d` (negative goes back). */
export function addDays(d: CalendarDay, n: number): CalendarDay {
  return fromEpochDay(toEpochDay(d) + n);
}

/** The month `n` months after year/month, as [year, month]. */
export function addMonths(year: number, month: number, n: number): [number, number] {
  const index = year * 12 + (month - 1) + n;
  return [Math.floor(index / 12), (index % 12 + 12) % 12 + 1];
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(d: CalendarDay): number {
  const w = new Date(toEpochDay(d) * MS_PER_DAY).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO 8601 week-numbering year and week of a day. */
export function isoWeek(d: CalendarDay): { year: number; week: number } {
  // The Thursday of the same ISO week decides the week-numbering year.
  const thursday = addDays(d, 4 - isoWeekday(d));
  const jan1 = toEpochDay({ year: thursday.year, month: 1, day: 1 });
  return { year: thursday.year, week: Math.floor((toEpochDay(thursday) - jan1) / 7) + 1 };
}

/** TIMEX3 week value, e.g. '2015-W48'. */
export function weekValue(d: CalendarDay): string {
  const w = isoWeek(d);
  return `${w.year}-W${pad(w.week)}`;
}

/** TIMEX3 day value, e.g. '2015-11-26'. */
export function dayValue(d: CalendarDay): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** TIMEX3 month value, e.g. '2015-11'. */
export function monthValue(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

/** Days in a month. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when year/month/day names a real day. */
export function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Parses a publication date ('2015-11-26', '2015-11-26T08:00:00Z', 'Thu, 26 Nov 2015 10:00:00 GMT');
 * undefined when absent or not a real day. The local date as written is used, so an article stamped 23:30-05:00 stays on its day.
 */
export function parseReferenceDay(iso: string | undefined): CalendarDay | undefined {
  if (!iso) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso.trim());
  if (m) return checkedDay(Number(m[1]), Number(m[2]), Number(m[3]));
  // RFC 2822 as feeds write it: "Thu, 26 Nov 2015 10:00:00 GMT".
  const rfc = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})\b/.exec(iso.trim());
  if (!rfc) return undefined;
  const month = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(rfc[2]!.toLowerCase()) + 1;
  return month > 0 ? checkedDay(Number(rfc[3]), month, Number(rfc[1])) : undefined;
}

function checkedDay(year: number, month: number, day: number): CalendarDay | undefined {
  return isValidDay(year, month, day) ? { year, month, day } : undefined;
}

/** The date of Easter Sunday in a Gregorian year (anonymous Gregorian algorithm). */
export function easterSunday(year: number): CalendarDay {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/** The n-th given ISO weekday of a month (n = -1 for the last one), e.g. Thanksgiving = 4th Thursday of November. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): CalendarDay {
  if (n > 0) {
    const first = { year, month, day: 1 };
    const offset = (weekday - isoWeekday(first) + 7) % 7;
    return { year, month, day: 1 + offset + (n - 1) * 7 };
  }
  const last = { year, month, day: daysInMonth(year, month) };
  const offset = (isoWeekday(last) - weekday + 7) % 7;
  return { year, month, day: last.day - offset };
}
