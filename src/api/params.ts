/**
 * Query-string validation at the API boundary: every bad value is a 400 whose message quotes it.
 */
import { UsageError } from '../model/index.js';
import { PLOVER_TYPE_NAMES, isCalendarDate, ploverTypeNamed } from '../app/validate.js';

/** Bounds of a whole-number parameter. */
export interface IntBounds {
  readonly min: number;
  readonly max: number;
  readonly fallback: number;
}

/** Query parameters of one request, read-only. */
export type QueryParams = Readonly<Record<string, string | undefined>>;

/** Throws a 400 naming any parameter the route does not take (a typo would otherwise be silently ignored). */
export function rejectUnknownParams(params: QueryParams, allowed: readonly string[]): void {
  const unknown = Object.keys(params).filter((k) => !allowed.includes(k));
  if (unknown.length) {
    throw new UsageError(`unknown parameter${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}; this route takes ${allowed.length ? allowed.join(', ') : 'none'}`);
  }
}

/**
 * A whole number within bounds, or the fallback when absent.
 * @example intParam({ limit: '500' }, 'limit', { min: 1, max: 100, fallback: 20 }) // throws: limit must be … got "500"
 */
export function intParam(params: QueryParams, name: string, bounds: IntBounds): number {
  const raw = params[name];
  if (raw === undefined || raw === '') return bounds.fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < bounds.min || value > bounds.max) {
    throw new UsageError(`parameter "${name}" must be a whole number from ${bounds.min} to ${bounds.max}, got "${clip(raw)}"`);
  }
  return value;
}

/** A trimmed string no longer than `maxChars`; undefined when absent or blank. */
export function textParam(params: QueryParams, name: string, maxChars: number): string | undefined {
  const raw = params[name]?.trim();
  if (!raw) return undefined;
  if (raw.length > maxChars) throw new UsageError(`parameter "${name}" is longer than ${maxChars} characters`);
  return raw;
}

/** One of a fixed set of values; undefined when absent. */
export function enumParam<T extends string>(params: QueryParams, name: string, values: readonly T[]): T | undefined {
  const raw = params[name]?.trim();
  if (!raw) return undefined;
  const match = values.find((v) => v.toLowerCase() === raw.toLowerCase());
  if (!match) throw new UsageError(`parameter "${name}" must be one of ${values.join(', ')}, got "${clip(raw)}"`);
  return match;
}

/** true/false (also 1/0, yes/no); undefined when absent. */
export function boolParam(params: QueryParams, name: string): boolean | undefined {
  const raw = params[name]?.trim().toLowerCase();
  if (!raw) return undefined;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new UsageError(`parameter "${name}" must be true or false, got "${clip(raw)}"`);
}

/** A calendar date (YYYY, YYYY-MM or YYYY-MM-DD); undefined when absent. */
export function dateParam(params: QueryParams, name: string): string | undefined {
  const raw = params[name]?.trim();
  if (!raw) return undefined;
  if (!isCalendarDate(raw)) throw new UsageError(`parameter "${name}" must be a date like 2024-11-08 (or 2024-11, 2024), got "${clip(raw)}"`);
  return raw;
}

/** A PLOVER event type (any case, answered in upper case); undefined when absent. */
export function ploverParam(params: QueryParams, name: string): string | undefined {
  const raw = params[name]?.trim();
  if (!raw) return undefined;
  const type = ploverTypeNamed(raw);
  if (!type) throw new UsageError(`parameter "${name}" must be a PLOVER event type, one of ${PLOVER_TYPE_NAMES.join(', ')}; got "${clip(raw)}"`);
  return type;
}

/**
 * A box of longitude and latitude as `west,south,east,north` (the order of a GeoJSON bbox); undefined when absent.
 * @example boxParam({ bbox: '30,20,50,40' }, 'bbox') // { west: 30, south: 20, east: 50, north: 40 }
 */
export function boxParam(params: QueryParams, name: string): { south: number; west: number; north: number; east: number } | undefined {
  const raw = params[name]?.trim();
  if (!raw) return undefined;
  const parts = raw.split(',').map((p) => p.trim());
  const [west, south, east, north] = parts.map(Number) as [number, number, number, number];
  const isValid = parts.length === 4 && parts.every((p) => /^-?\d+(\.\d+)?$/.test(p))
    && west >= -180 && east <= 180 && west <= east && south >= -90 && north <= 90 && south <= north;
  if (!isValid) throw new UsageError(`parameter "${name}" must be west,south,east,north in degrees (west ≤ east within ±180, south ≤ north within ±90), got "${clip(raw)}"`);
  return { south, west, north, east };
}

/**
 * Grid cells as `row:col` pairs separated by commas (at most `max`); undefined when absent.
 * @example cellsParam({ cells: '7:13,7:14' }, 'cells', 400) // [[7, 13], [7, 14]]
 */
export function cellsParam(params: QueryParams, name: string, max: number): [number, number][] | undefined {
  const raw = params[name]?.trim();
  if (!raw) return undefined;
  const parts = raw.split(',');
  if (parts.length > max) throw new UsageError(`parameter "${name}" names ${parts.length} cells; at most ${max}`);
  return parts.map((part) => {
    const m = /^(\d{1,6}):(\d{1,6})$/.exec(part.trim());
    if (!m) throw new UsageError(`parameter "${name}" must be row:col pairs separated by commas, like 7:13,7:14; got "${clip(part)}"`);
    return [Number(m[1]), Number(m[2])];
  });
}

/** Quotes at most 60 characters of a bad value back to the caller. */
function clip(value: string): string {
  return value.length > 60 ? `${value.slice(0, 60)}…` : value;
}
