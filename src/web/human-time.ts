/**
 * Dates and TIMEX3 values as a reader says them: "Thu 13 Jan 2020" for 2020-01-13, "48 hours" for PT48H,
 * "a Thursday" for XXXX-WXX-4, "week 3 of 2020" for 2020-W03. Pure string work (UTC, English), no locale data.
 */

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const LONG_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SEASONS: Record<string, string> = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };
const PARTS_OF_DAY: Record<string, string> = { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night', DT: 'daytime' };
const TIME_OF: Record<string, string> = { TMO: 'morning', TAF: 'afternoon', TEV: 'evening', TNI: 'night', TDT: 'daytime' };
const UNITS: Record<string, [string, string]> = {
  Y: ['year', 'years'], M: ['month', 'months'], W: ['week', 'weeks'], D: ['day', 'days'], H: ['hour', 'hours'], MIN: ['minute', 'minutes'], S: ['second', 'seconds'],
  DE: ['decade', 'decades'], CE: ['century', 'centuries'], Q: ['quarter', 'quarters'],
};

/**
 * "Thu 13 Jan 2020" for a calendar date (or date-time), "Jan 2020" for a month, "2020" for a year; anything else
 * unchanged; '' stays ''.
 */
export function humanDate(iso: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCMonth() !== m - 1) return iso;
    return `${DAYS[(date.getUTCDay() + 6) % 7]} ${d} ${MONTHS[m - 1]} ${day[1]}`;
  }
  const month = /^(\d{4})-(\d{2})$/.exec(iso);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) return `${MONTHS[Number(month[2]) - 1]} ${month[1]}`;
  return iso;
}

/** "13 Jan 2020" (no weekday), for compact lists. */
export function shortHumanDate(iso: string): string {
  return humanDate(iso).replace(/^[A-Z][a-z]{2} (?=\d)/, '');
}

/**
 * A TIMEX3 value in words: dates as humanDate, durations ("PT48H" → "48 hours", "P1Y6M" → "1 year 6 months"),
 * weeks ("2020-W03" → "week 3 of 2020"), underspecified values ("XXXX-WXX-4" → "a Thursday", "XXXX-WXX-4TMO" →
 * "a Thursday morning"), seasons, quarters, PRESENT_REF/PAST_REF/FUTURE_REF; a value it cannot read, unchanged.
 */
export function humanTimex(value: string): string {
  const v = value.trim();
  if (v === 'PRESENT_REF') return 'now';
  if (v === 'PAST_REF') return 'in the past';
  if (v === 'FUTURE_REF') return 'in the future';
  if (/^P/.test(v)) return humanDuration(v) ?? v;
  const weekday = /^XXXX-WXX-([1-7])(T(MO|AF|EV|NI|DT))?$/.exec(v);
  if (weekday) return `a ${LONG_DAYS[Number(weekday[1]) - 1]}${weekday[3] ? ` ${PARTS_OF_DAY[weekday[3]]}` : ''}`;
  const week = /^(\d{4})-W(\d{2})$/.exec(v);
  if (week) return `week ${Number(week[2])} of ${week[1]}`;
  const weekend = /^(\d{4})-W(\d{2})-WE$/.exec(v);
  if (weekend) return `the weekend of week ${Number(weekend[2])}, ${weekend[1]}`;
  const season = /^(\d{4})-(SP|SU|FA|WI)$/.exec(v);
  if (season) return `${SEASONS[season[2]!]} ${season[1]}`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(v);
  if (quarter) return `Q${quarter[2]} ${quarter[1]}`;
  const half = /^(\d{4})-H([12])$/.exec(v);
  if (half) return `${half[2] === '1' ? 'first' : 'second'} half of ${half[1]}`;
  const decade = /^(\d{3})X?$/.exec(v);
  if (decade) return `the ${decade[1]}0s`;
  const dateTime = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(v);
  if (dateTime) return `${humanDate(dateTime[1]!)}, ${dateTime[2]}:${dateTime[3]}`;
  const datePart = /^(\d{4}-\d{2}-\d{2})T(MO|AF|EV|NI|DT)$/.exec(v);
  if (datePart) return `${humanDate(datePart[1]!)}, ${TIME_OF[`T${datePart[2]}`]}`;
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) return humanDate(v);
  return v;
}

/** "PT48H" → "48 hours", "P2D" → "2 days", "P1Y6M" → "1 year 6 months", "PXD" → "some days"; undefined if unreadable. */
export function humanDuration(value: string): string | undefined {
  const m = /^P(?:([\dX.]+)(Y|M|W|D|DE|CE|Q))*(?:T(?:([\dX.]+)(H|M|S))*)?$/.exec(value);
  if (!m || value === 'P' || value === 'PT') return undefined;
  const parts: string[] = [];
  const [date = '', time = ''] = value.slice(1).split('T');
  for (const [, n, unit] of date.matchAll(/([\dX.]+)(DE|CE|Y|M|W|D|Q)/g)) parts.push(amount(n!, UNITS[unit!]!));
  for (const [, n, unit] of time.matchAll(/([\dX.]+)(H|M|S)/g)) parts.push(amount(n!, UNITS[unit === 'M' ? 'MIN' : unit!]!));
  return parts.length ? parts.join(' ') : undefined;
}

function amount(n: string, [one, many]: [string, string]): string {
  if (n === 'X') return `some ${many}`;
  return `${n} ${Number(n) === 1 ? one : many}`;
}
