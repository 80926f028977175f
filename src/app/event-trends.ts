/**
 * Counts of merged events by PLOVER type over time, for the trends chart: the same filters as exports and search,
 * periods of a year, month or day (chosen from the span of the data when not asked for), every period of the range
 * present (zero where nothing happened), and outliers outside the dense range counted apart.
 */
import { UsageError } from '../model/index.js';
import type { EventPeriod, EventPeriodCount, Store } from '../store/store.js';
import { selectionEventQuery, type ExportSelection } from './export.js';

/** One bar of the chart: a period and its events by type. */
export interface TrendPeriod {
  readonly period: string;
  readonly counts: Readonly<Record<string, number>>;
  readonly total: number;
}

export interface EventTrends {
  readonly period: EventPeriod;
  /** Every period from the first to the last of the dense range, in order. */
  readonly periods: readonly TrendPeriod[];
  /** PLOVER types present, most frequent first. */
  readonly types: readonly string[];
  /** Events dated before / after the dense range (a few stray dates would stretch the axis over centuries). */
  readonly before: number;
  readonly after: number;
  readonly undated: number;
  readonly total: number;
}

export const EVENT_PERIODS: readonly EventPeriod[] = ['year', 'month', 'day'];

/** Most periods a chart may have: a day-by-day chart over years is refused (ask for months). */
export const MAX_PERIODS = 1000;

/** Share of dated events left out at each end of the range when it is clamped to where events are dense. */
const TAIL_SHARE = 0.01;

/**
 * The trends of the events `selection` picks, by `period` (or the finest of year/month/day that keeps the dense
 * range within a readable number of bars).
 */
export async function eventTrends(store: Store, selection: ExportSelection = {}, period?: EventPeriod): Promise<EventTrends> {
  if (period !== undefined && !EVENT_PERIODS.includes(period)) throw new UsageError(`unknown period "${String(period)}": expected one of ${EVENT_PERIODS.join(', ')}`);
  const query = await selectionEventQuery(store, selection);
  const chosen = period ?? (await choosePeriod(store, query));
  const rows = await store.countEventsByPeriod(query, chosen);
  const dated = rows.filter((r) => r.period !== '');
  const undated = rows.filter((r) => r.period === '').reduce((n, r) => n + r.events, 0);
  const total = rows.reduce((n, r) => n + r.events, 0);
  if (!dated.length) return { period: chosen, periods: [], types: typesByFrequency(rows), before: 0, after: 0, undated, total };
  const [first, last] = denseRange(dated);
  const periods = periodsBetween(first, last, chosen);
  if (periods.length > MAX_PERIODS) throw new UsageError(`${periods.length} ${chosen}s from ${first} to ${last} are too many bars (at most ${MAX_PERIODS}): narrow the dates or count by a longer period`);
  const byPeriod = new Map(periods.map((p) => [p, {} as Record<string, number>]));
  let before = 0;
  let after = 0;
  for (const r of dated) {
    if (r.period < first) before += r.events;
    else if (r.period > last) after += r.events;
    else {
      const counts = byPeriod.get(r.period)!;
      counts[r.ploverType] = (counts[r.ploverType] ?? 0) + r.events;
    }
  }
  return {
    period: chosen,
    periods: periods.map((p) => {
      const counts = byPeriod.get(p)!;
      return { period: p, counts, total: Object.values(counts).reduce((n, c) => n + c, 0) };
    }),
    types: typesByFrequency(rows), before, after, undated, total,
  };
}

/** Years when the dense range spans six or more, months when it spans more than three, else days (counted all types together). */
async function choosePeriod(store: Store, query: Parameters<Store['countEventsByPeriod']>[0]): Promise<EventPeriod> {
  const years = (await store.countEventsByPeriod(query, 'year', { byType: false })).filter((r) => r.period !== '');
  if (!years.length) return 'month';
  const [firstYear, lastYear] = denseRange(years);
  if (Number(lastYear) - Number(firstYear) >= 5) return 'year';
  const months = (await store.countEventsByPeriod(query, 'month', { byType: false })).filter((r) => r.period !== '');
  const [firstMonth, lastMonth] = denseRange(months);
  return periodsBetween(firstMonth, lastMonth, 'month').length > 3 ? 'month' : 'day';
}

/** The first and last period once TAIL_SHARE of the events at each end are set apart (never emptier than one period). */
export function denseRange(rows: readonly EventPeriodCount[]): [string, string] {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.period, (totals.get(r.period) ?? 0) + r.events);
  const ordered = [...totals].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const sum = ordered.reduce((n, [, c]) => n + c, 0);
  const tail = Math.floor(sum * TAIL_SHARE);
  let from = 0;
  for (let cut = ordered[0]![1]; from < ordered.length - 1 && cut <= tail; cut += ordered[++from]![1]);
  let to = ordered.length - 1;
  for (let cut = ordered[to]![1]; to > from && cut <= tail; cut += ordered[--to]![1]);
  return [ordered[from]![0], ordered[to]![0]];
}

/** Every period from `first` to `last` inclusive (YYYY, YYYY-MM or YYYY-MM-DD), stopping past MAX_PERIODS. */
export function periodsBetween(first: string, last: string, period: EventPeriod): string[] {
  const out: string[] = [];
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  if (period === 'year') {
    for (let y = Number(first); y <= Number(last) && out.length <= MAX_PERIODS; y++) out.push(pad(y, 4));
  } else if (period === 'month') {
    let [y, m] = first.split('-').map(Number) as [number, number];
    for (; `${pad(y, 4)}-${pad(m)}` <= last && out.length <= MAX_PERIODS; m === 12 ? (y++, (m = 1)) : m++) out.push(`${pad(y, 4)}-${pad(m)}`);
  } else {
    const end = Date.parse(`${last}T00:00:00Z`);
    for (let t = Date.parse(`${first}T00:00:00Z`); t <= end && out.length <= MAX_PERIODS; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

function typesByFrequency(rows: readonly EventPeriodCount[]): string[] {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.ploverType, (totals.get(r.ploverType) ?? 0) + r.events);
  return [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([t]) => t);
}
