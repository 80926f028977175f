/**
 * The timeline's periods: the range where dated items are dense (so a few dates in 1500 or 2031 do not stretch
 * the axis), the zoom that suits it, continuous axes of years, months or days, and the items of one period.
 * Pure functions over ISO date strings (they sort as text), shared by the server (which pages the timeline) and the
 * web view (which draws it).
 */

/** The zoom levels; a period key is the date cut to 4, 7 or 10 characters. */
export type Zoom = 'year' | 'month' | 'day';
export const ZOOM_CHARS: Record<Zoom, number> = { year: 4, month: 7, day: 10 };

/** The share of dated items left out at each end when finding the dense range. */
const TAIL = 0.01;
/** Below this many dated items nothing counts as an outlier. */
const MIN_ITEMS_FOR_OUTLIERS = 50;

/** First and last year (YYYY) of the dense range; undefined with no dated item. */
export interface DenseRange {
  readonly from: string;
  readonly to: string;
}

/** How many dated items fall on one date key (a day, or a year or month for items dated no finer). */
export interface DateCount {
  readonly date: string;
  readonly count: number;
}

/** Sorted dates as counts per distinct date (what the server sends instead of every item). */
export function countDates(sortedDates: readonly string[]): DateCount[] {
  const out: { date: string; count: number }[] = [];
  for (const date of sortedDates) {
    const last = out[out.length - 1];
    if (last?.date === date) last.count++;
    else out.push({ date, count: 1 });
  }
  return out;
}

/**
 * The years holding all but the first and last 1% of the dates (whole years kept), widened to any year next to it
 * that holds at least as many items as that 1%; with fewer than 50 dates, all of them.
 * @example denseRange(['1500-01-01', ...twoHundredDatesIn2019And2020]) // { from: '2019', to: '2020' }
 */
export function denseRange(sortedDates: readonly string[]): DenseRange | undefined {
  return denseRangeOf(countDates(sortedDates));
}

/** denseRange over dates counted per date key, sorted by date. */
export function denseRangeOf(sortedCounts: readonly DateCount[]): DenseRange | undefined {
  const counts = sortedCounts.filter((c) => isDate(c.date) && c.count > 0);
  const total = counts.reduce((n, c) => n + c.count, 0);
  if (!total) return undefined;
  if (total < MIN_ITEMS_FOR_OUTLIERS) return { from: counts[0]!.date.slice(0, 4), to: counts[counts.length - 1]!.date.slice(0, 4) };
  const tail = Math.floor(total * TAIL);
  /** The year of the date at this index of the sorted dates, were they listed one by one. */
  const yearAt = (index: number): number => {
    let seen = 0;
    for (const c of counts) {
      seen += c.count;
      if (index < seen) return Number(c.date.slice(0, 4));
    }
    return Number(counts[counts.length - 1]!.date.slice(0, 4));
  };
  let from = yearAt(tail);
  let to = yearAt(total - 1 - tail);
  const perYear = new Map<number, number>();
  for (const c of counts) perYear.set(Number(c.date.slice(0, 4)), (perYear.get(Number(c.date.slice(0, 4))) ?? 0) + c.count);
  const enough = Math.max(1, tail);
  while ((perYear.get(from - 1) ?? 0) >= enough) from--;
  while ((perYear.get(to + 1) ?? 0) >= enough) to++;
  return { from: pad4(from), to: pad4(to) };
}

/** Year for a span of more than 3 years, month for more than 2 months, else day. */
export function defaultZoom(sortedDates: readonly string[], range: DenseRange | undefined): Zoom {
  return defaultZoomOf(countDates(sortedDates), range);
}

/** defaultZoom over dates counted per date key. */
export function defaultZoomOf(counts: readonly DateCount[], range: DenseRange | undefined): Zoom {
  if (!range) return 'year';
  if (Number(range.to) - Number(range.from) >= 3) return 'year';
  const months = new Set(counts.filter((c) => c.count > 0 && isDate(c.date) && isWithin(c.date, range)).map((c) => c.date.slice(0, 7)));
  return months.size > 2 ? 'month' : 'day';
}

/** Whether an ISO date lies within the dense range's years. */
export function isWithin(date: string, range: DenseRange): boolean {
  const year = date.slice(0, 4);
  return year >= range.from && year <= range.to;
}

/** Every period key at `zoom` from `first` to `last` inclusive (keys at that zoom), at most `max`. */
export function periodsBetween(first: string, last: string, zoom: Zoom, max = 400): string[] {
  const out: string[] = [];
  if (zoom === 'year') {
    for (let y = Number(first); y <= Number(last) && out.length < max; y++) out.push(pad4(y));
  } else if (zoom === 'month') {
    let [y, m] = first.split('-').map(Number) as [number, number];
    for (let key = first; key <= last && out.length < max; key = `${pad4(y)}-${String(m).padStart(2, '0')}`) {
      out.push(key);
      m++;
      if (m > 12) [y, m] = [y + 1, 1];
    }
  } else {
    const end = Date.parse(`${last}T00:00:00Z`);
    for (let t = Date.parse(`${first}T00:00:00Z`); t <= end && out.length < max; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/**
 * The axis the strip draws at `zoom` around the selected period `at`: years of the dense range; months of the
 * dense range when there are at most 48, else the 12 months of the selected year; the days of the selected month.
 */
export function axisFor(zoom: Zoom, range: DenseRange, at: string): string[] {
  if (zoom === 'year') return periodsBetween(range.from, range.to, 'year');
  if (zoom === 'month') {
    const all = periodsBetween(`${range.from}-01`, `${range.to}-12`, 'month');
    if (all.length <= 48) return all;
    const year = at.slice(0, 4);
    return periodsBetween(`${year}-01`, `${year}-12`, 'month');
  }
  const month = at.slice(0, 7);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return periodsBetween(`${month}-01`, `${month}-${String(lastDay).padStart(2, '0')}`, 'day');
}

/** The date axisFor centres on for the selected group `at`: its first day, or the dense range's last December. */
export function axisDate(at: string, range: DenseRange): string {
  return isDate(at) ? at.padEnd(10, '-01').slice(0, 10) : `${range.to}-12-01`;
}

/**
 * Counts per date key folded to what the strip draws: per period of `zoom` on its axis (axisFor around the group
 * `at`), per year elsewhere (the dates outside the dense range too), oldest first. Totals are kept; a strip cutting
 * the keys to the zoom's length finds its bars, and a year key never falls on a month's or a day's axis.
 * @example stripPeriods([{ date: '2023-03-04', events: 1, … }, { date: '2021-06-01', … }], 'month', range, '2023') // '2023-03', '2021'
 */
export function stripPeriods<T extends { readonly date: string; readonly events: number; readonly articles: number; readonly roles: number }>(
  days: readonly T[], zoom: Zoom, range: DenseRange, at: string,
): { date: string; events: number; articles: number; roles: number }[] {
  const axis = new Set(axisFor(zoom, range, axisDate(at, range)));
  const out = new Map<string, { date: string; events: number; articles: number; roles: number }>();
  for (const d of days) {
    const onAxis = d.date.slice(0, ZOOM_CHARS[zoom]);
    const key = axis.has(onAxis) ? onAxis : d.date.slice(0, 4);
    const entry = out.get(key) ?? { date: key, events: 0, articles: 0, roles: 0 };
    entry.events += d.events;
    entry.articles += d.articles;
    entry.roles += d.roles;
    out.set(key, entry);
  }
  return [...out.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The period after or before `key` at its zoom (by its length). */
export function shiftPeriod(key: string, step: 1 | -1): string {
  if (key.length === 4) return pad4(Number(key) + step);
  if (key.length === 7) {
    const [y, m] = key.split('-').map(Number) as [number, number];
    const index = y * 12 + (m - 1) + step;
    return `${pad4(Math.floor(index / 12))}-${String((index % 12) + 1).padStart(2, '0')}`;
  }
  return new Date(Date.parse(`${key}T00:00:00Z`) + step * 86_400_000).toISOString().slice(0, 10);
}

/** Whether a value starts with a calendar date (YYYY-MM-DD) or at least a year. */
export function isDate(value: string): boolean {
  return /^\d{4}(-\d{2}(-\d{2})?)?/.test(value);
}

function pad4(n: number): string {
  return String(n).padStart(4, '0');
}
