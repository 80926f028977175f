/**
 * The resolution scope of the time stage: the publication date, the last date the article mentioned
 * (for anaphoric "a year earlier", "the next day", "3 p.m.") and the helpers that turn a relative
 * expression into a TIMEX3 value, or an 'X' value when the publication date is unknown.
 */
import type { TimeGranularity, TimeType } from '../../model/index.js';
import { addDays, addMonths, dayValue, isoWeekday, monthValue, pad, weekValue, type CalendarDay } from './calendar.js';
import type { Tense } from './tense.js';

/** A normalised expression, before it gets its span and id. */
export interface Normalised {
  readonly type: TimeType;
  readonly value: string;
  readonly granularity: TimeGranularity;
  /** False when the value needed the publication date and it was unknown. */
  readonly isAnchored: boolean;
}

/** The last absolute date mentioned, at the granularity it was stated. */
export interface Reference {
  readonly day: CalendarDay;
  readonly granularity: 'day' | 'week' | 'month' | 'quarter' | 'year';
}

/** What a rule may read while resolving one match. */
export interface Scope {
  /** The publication date, undefined when unknown. */
  readonly dct: CalendarDay | undefined;
  /** The last absolute date mentioned before this expression, else the publication date. */
  readonly ref: Reference | undefined;
  /** The last quarter mentioned: in earnings reports "a year ago" means that quarter a year before. */
  readonly quarterRef?: Reference | undefined;
  /** Tense of the clause around the match. */
  readonly tense: Tense;
}

/** A DATE/TIME/DURATION/SET value. */
export function norm(type: TimeType, value: string, granularity: TimeGranularity, isAnchored = true): Normalised {
  return { type, value, granularity, isAnchored };
}

/** An unanchored value: the publication date was needed and is unknown. */
export function unanchored(type: TimeType, value: string, granularity: TimeGranularity): Normalised {
  return { type, value, granularity, isAnchored: false };
}

/** The day `offset` days from the publication date. */
export function relativeDay(s: Scope, offset: number): Normalised {
  return s.dct ? norm('DATE', dayValue(addDays(s.dct, offset)), 'day') : unanchored('DATE', 'XXXX-XX-XX', 'day');
}

/** The month `offset` months from the publication month. */
export function relativeMonth(s: Scope, offset: number): Normalised {
  if (!s.dct) return unanchored('DATE', 'XXXX-XX', 'month');
  const [y, m] = addMonths(s.dct.year, s.dct.month, offset);
  return norm('DATE', monthValue(y, m), 'month');
}

/** The year `offset` years from the publication year. */
export function relativeYear(s: Scope, offset: number): Normalised {
  return s.dct ? norm('DATE', pad(s.dct.year + offset, 4), 'year') : unanchored('DATE', 'XXXX', 'year');
}

/** The ISO week `offset` weeks from the publication week. */
export function relativeWeek(s: Scope, offset: number, suffix = ''): Normalised {
  return s.dct ? norm('DATE', weekValue(addDays(s.dct, 7 * offset)) + suffix, 'week') : unanchored('DATE', `XXXX-WXX${suffix}`, 'week');
}

/** The quarter `offset` quarters from the publication quarter. */
export function relativeQuarter(s: Scope, offset: number): Normalised {
  if (!s.dct) return unanchored('DATE', 'XXXX-QX', 'quarter');
  const index = s.dct.year * 4 + Math.floor((s.dct.month - 1) / 3) + offset;
  return norm('DATE', `${pad(Math.floor(index / 4), 4)}-Q${(index % 4) + 1}`, 'quarter');
}

/** The decade `offset` decades from the publication decade ('201'). */
export function relativeDecade(s: Scope, offset: number): Normalised {
  return s.dct ? norm('DATE', String(Math.floor(s.dct.year / 10) + offset), 'decade') : unanchored('DATE', 'XXX', 'decade');
}

/** The century `offset` centuries from the publication century ('20'). */
export function relativeCentury(s: Scope, offset: number): Normalised {
  return s.dct ? norm('DATE', pad(Math.floor(s.dct.year / 100) + offset), 'century') : unanchored('DATE', 'XX', 'century');
}

/**
 * The year of a period given without one ("in December", "Nov. 17", "the fourth quarter"), by tense:
 * past → the latest occurrence no more than `slack` after publication, future → the next one no
 * more than `slack` before it, otherwise the nearest one. `position` and `current` are comparable
 * positions inside a year of `yearLength` units.
 */
export function yearFor(dctYear: number, position: number, current: number, tense: Tense, yearLength: number, slack = 0): number {
  const gap = position - current;
  if (tense === 'past') return gap > slack ? dctYear - 1 : dctYear;
  if (tense === 'future') return gap < -slack ? dctYear + 1 : dctYear;
  if (gap > yearLength / 2) return dctYear - 1;
  if (gap < -yearLength / 2) return dctYear + 1;
  return dctYear;
}

/** A month without a year, placed by tense relative to publication. */
export function monthWithoutYear(s: Scope, month: number): Normalised {
  if (!s.dct) return unanchored('DATE', `XXXX-${pad(month)}`, 'month');
  return norm('DATE', monthValue(yearFor(s.dct.year, month, s.dct.month, s.tense, 12, 3), month), 'month');
}

/** A month and day without a year ("Nov. 17"), placed by tense relative to publication. */
export function dayWithoutYear(s: Scope, month: number, day: number): Normalised {
  if (!s.dct) return unanchored('DATE', `XXXX-${pad(month)}-${pad(day)}`, 'day');
  const position = month * 31 + day;
  const current = s.dct.month * 31 + s.dct.day;
  return norm('DATE', dayValue({ year: yearFor(s.dct.year, position, current, s.tense, 372, 93), month, day }), 'day');
}

/**
 * A bare weekday: in past-tense reporting the latest such day on or before publication, in future
 * context the next one on or after it; `shift` forces 'last' (strictly before) or 'next' (strictly after).
 */
export function weekdayDate(s: Scope, weekday: number, shift?: 'last' | 'next' | 'this'): CalendarDay | undefined {
  if (!s.dct) return undefined;
  const today = isoWeekday(s.dct);
  if (shift === 'this') return addDays(s.dct, weekday - today);
  const back = (today - weekday + 7) % 7;
  const ahead = (weekday - today + 7) % 7;
  if (shift === 'last') return addDays(s.dct, -(back === 0 ? 7 : back));
  if (shift === 'next') return addDays(s.dct, ahead === 0 ? 7 : ahead);
  if (s.tense === 'future') return addDays(s.dct, ahead);
  return addDays(s.dct, -back);
}

/** The season of a year for 'this summer' style expressions, placed by tense. */
export function seasonYear(s: Scope, code: string, shift?: 'last' | 'next' | 'this'): Normalised {
  if (!s.dct) return unanchored('DATE', `XXXX-${code}`, 'season');
  const order: Record<string, number> = { WI: 0, SP: 1, SU: 2, FA: 3 };
  const position = order[code] ?? 0;
  // Months 12–2 winter, 3–5 spring, 6–8 summer, 9–11 autumn; December belongs to next year's winter.
  const current = Math.floor((s.dct.month % 12) / 3);
  let year = s.dct.year;
  if (shift === 'last') year = position >= current ? year - 1 : year;
  else if (shift === 'next') year = position <= current ? year + 1 : year;
  else if (shift !== 'this') year = yearFor(year, position, current, s.tense, 4);
  return norm('DATE', `${year}-${code}`, 'season');
}

/** Shifts the reference (or publication date) by a number of units, at the unit's granularity. */
export function shiftReference(s: Scope, amount: number, unit: string, fromPublication: boolean): Normalised | undefined {
  const base = fromPublication ? (s.dct ? { day: s.dct, granularity: 'day' as const } : undefined) : (s.ref ?? (s.dct ? { day: s.dct, granularity: 'day' as const } : undefined));
  const whole = Math.round(amount);
  switch (unit) {
    case 'D': {
      if (!base) return unanchored('DATE', 'XXXX-XX-XX', 'day');
      return norm('DATE', dayValue(addDays(base.day, amount)), 'day');
    }
    case 'W': {
      if (!base) return unanchored('DATE', 'XXXX-WXX', 'week');
      return norm('DATE', weekValue(addDays(base.day, 7 * whole)), 'week');
    }
    case 'M': {
      if (!base) return unanchored('DATE', 'XXXX-XX', 'month');
      const [y, m] = addMonths(base.day.year, base.day.month, whole);
      return norm('DATE', monthValue(y, m), 'month');
    }
    case 'Q': {
      if (!base) return unanchored('DATE', 'XXXX-QX', 'quarter');
      const index = base.day.year * 4 + Math.floor((base.day.month - 1) / 3) + whole;
      return norm('DATE', `${Math.floor(index / 4)}-Q${(index % 4) + 1}`, 'quarter');
    }
    case 'Y': {
      if (!base) return unanchored('DATE', 'XXXX', 'year');
      // "a year earlier" after "the third quarter" means the same quarter a year before; "a year ago"
      // only when a quarter was named nearby (earnings reports).
      const quarter = s.quarterRef ?? (fromPublication ? undefined : s.ref);
      if (quarter && quarter.granularity === 'quarter') {
        return norm('DATE', `${quarter.day.year + whole}-Q${Math.floor((quarter.day.month - 1) / 3) + 1}`, 'quarter');
      }
      return norm('DATE', pad(base.day.year + whole, 4), 'year');
    }
    case 'DE': {
      if (!base) return unanchored('DATE', 'XXXX', 'year');
      return norm('DATE', pad(base.day.year + 10 * whole, 4), 'year');
    }
    case 'CE': {
      if (!base) return unanchored('DATE', 'XX', 'century');
      return norm('DATE', pad(Math.floor((base.day.year + 100 * whole) / 100)), 'century');
    }
    default:
      return undefined;
  }
}
