/**
 * The map's clusters (issue 18): every located event in the visible extent, counted by the store per cell of a grid
 * whose cells shrink as the map zooms in, so a 20k-article store's 13k located events travel as a few hundred cells;
 * once an extent holds few enough events, the events themselves. A cluster's events are listed a page at a time.
 */
import { UsageError } from '../model/index.js';
import type { EventQuery, MapArea, MapCellRow, Store } from '../store/store.js';
import { MAX_MAP_CELL_KEYS } from '../store/store.js';

export { MAX_MAP_CELL_KEYS };
import { MAX_PAGE_SIZE, resolveEntity, toMapEvent, type MapEvent, type Page } from './queries.js';

/** The coarsest grid's cell, in degrees; each zoom level halves it. */
export const MAP_BASE_CELL_DEGREES = 16;
/** The finest zoom level (cells of 16 / 2^10 ≈ 0.016°, under 2 km). */
export const MAX_MAP_ZOOM_LEVEL = 10;
/** An extent holding at most this many located events gets the events themselves instead of cells. */
export const MAP_EXPAND_EVENTS = 300;

/** The cell size of a zoom level, in degrees. */
export function cellDegreesAt(zoomLevel: number): number {
  return MAP_BASE_CELL_DEGREES / 2 ** zoomLevel;
}

/** What part of the map a client shows, and whose events. */
export interface MapClustersRequest {
  readonly entityId?: string;
  /** 0 (cells of 16°) to MAX_MAP_ZOOM_LEVEL. */
  readonly zoomLevel: number;
  /** The visible extent; the whole world when absent. */
  readonly area?: MapArea;
}

/** The located events of an extent: clusters (grid cells with counts), or the events when there are few. */
export interface MapClustersView {
  readonly zoomLevel: number;
  readonly cellDegrees: number;
  /** How many located events the extent holds (the sum of the clusters' counts). */
  readonly located: number;
  /** The extent's grid cells with their counts; empty when `events` lists them. */
  readonly clusters: readonly MapCellRow[];
  /** Every located event of the extent, when it holds at most MAP_EXPAND_EVENTS; else empty. */
  readonly events: readonly MapEvent[];
}

/**
 * The clusters of an extent at a zoom level: one aggregate in the store, plus (when the extent holds at most
 * MAP_EXPAND_EVENTS events) one read of those events.
 */
export async function mapClusters(store: Store, request: MapClustersRequest): Promise<MapClustersView> {
  checkZoomLevel(request.zoomLevel);
  if (request.area) checkArea(request.area);
  const scope = await scopeOf(store, request.entityId);
  const query: EventQuery = { ...scope, ...(request.area ? { area: request.area } : {}) };
  const cellDegrees = cellDegreesAt(request.zoomLevel);
  const cells = await store.listMapCells(query, cellDegrees);
  const located = cells.reduce((sum, c) => sum + c.events, 0);
  if (located > 0 && located <= MAP_EXPAND_EVENTS) {
    const events = (await store.listMapEvents(query, MAP_EXPAND_EVENTS)).map(toMapEvent);
    return { zoomLevel: request.zoomLevel, cellDegrees, located, clusters: [], events };
  }
  return { zoomLevel: request.zoomLevel, cellDegrees, located, clusters: cells, events: [] };
}

/** Which cluster's events to list: cells of one zoom level's grid (as mapClusters returned them), a page of them. */
export interface MapCellEventsRequest {
  readonly entityId?: string;
  readonly zoomLevel: number;
  readonly cells: readonly (readonly [row: number, col: number])[];
  readonly limit: number;
  readonly offset: number;
}

/** One page of the events in some cells of the map, most reported first, with their total. */
export async function mapCellEvents(store: Store, request: MapCellEventsRequest): Promise<Page<MapEvent>> {
  checkZoomLevel(request.zoomLevel);
  if (!request.cells.length) throw new UsageError('name at least one map cell (row:col)');
  if (request.cells.length > MAX_MAP_CELL_KEYS) throw new UsageError(`at most ${MAX_MAP_CELL_KEYS} map cells at once, got ${request.cells.length}`);
  const limit = Math.max(1, Math.min(request.limit, MAX_PAGE_SIZE));
  const offset = Math.max(0, request.offset);
  const scope = await scopeOf(store, request.entityId);
  const query: EventQuery = { ...scope, cells: { cellDegrees: cellDegreesAt(request.zoomLevel), keys: request.cells } };
  const [total, rows] = await Promise.all([store.countEvents(query), store.listMapEvents(query, limit, offset)]);
  return { items: rows.map(toMapEvent), limit, offset, total, hasMore: offset + rows.length < total };
}

/** The event scope of an entity (by id, name or alias; E_NOT_FOUND when none), or the whole store. */
async function scopeOf(store: Store, entity: string | undefined): Promise<EventQuery> {
  if (!entity) return {};
  return { entityId: (await resolveEntity(store, entity)).id };
}

function checkZoomLevel(level: number): void {
  if (!Number.isInteger(level) || level < 0 || level > MAX_MAP_ZOOM_LEVEL) throw new UsageError(`a map zoom level is a whole number from 0 to ${MAX_MAP_ZOOM_LEVEL}, got ${level}`);
}

function checkArea(a: MapArea): void {
  const ok = [a.south, a.west, a.north, a.east].every(Number.isFinite) && a.south >= -90 && a.north <= 90 && a.south <= a.north && a.west >= -180 && a.east <= 180 && a.west <= a.east;
  if (!ok) throw new UsageError(`a map extent is south ≤ north within ±90 and west ≤ east within ±180, got ${a.south},${a.west},${a.north},${a.east}`);
}
