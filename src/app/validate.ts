/**
 * Values the interfaces (CLI, API) validate before calling a use case, defined once so both refuse the same things:
 * calendar dates and PLOVER event types.
 */
import { PLOVER_TYPES, type PloverType } from '../events/cameo-plover.js';

/** The 16 PLOVER event types a `type` filter may name. */
export const PLOVER_TYPE_NAMES: readonly PloverType[] = PLOVER_TYPES;

/**
 * True for a real calendar date at year, month or day precision: 2024, 2024-11, 2024-02-29 (not 2024-13-45 or 2023-02-29).
 * @example isCalendarDate('2024-99-99') // false
 */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const daysInMonth = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

/** The PLOVER type a user named (any case), or undefined when it is none of them. */
export function ploverTypeNamed(value: string): PloverType | undefined {
  const upper = value.trim().toUpperCase();
  return PLOVER_TYPES.find((t) => t === upper);
}
