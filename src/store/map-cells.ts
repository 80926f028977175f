/**
 * The map's grid cells, shared by both SQL adapters: each reads two aggregates of the located events in scope (by
 * cell and type, and the commonest place names by cell) and folds them here into MapCellRows, so the two stores
 * answer alike. The cell of a point is floor((lat + 90) / d), floor((lon + 180) / d) (see MapCells).
 */
import { UsageError } from '../model/index.js';
import { MAP_CELL_PLACES, MAX_MAP_CELL_KEYS, type MapArea, type MapCellRow, type MapCells } from './store.js';

type Row = Record<string, unknown>;

/**
 * Checks a grid's cell size and a cells filter before they reach SQL (the API validates its own parameters; this
 * guards other callers).
 */
export function checkMapGrid(cellDegrees: number, cells?: MapCells): void {
  if (!(Number.isFinite(cellDegrees) && cellDegrees > 0 && cellDegrees <= 180)) throw new UsageError(`a map cell must measure more than 0 and at most 180 degrees, got ${cellDegrees}`);
  if (!cells) return;
  if (!(Number.isFinite(cells.cellDegrees) && cells.cellDegrees > 0 && cells.cellDegrees <= 180)) throw new UsageError(`a map cell must measure more than 0 and at most 180 degrees, got ${cells.cellDegrees}`);
  if (cells.keys.length > MAX_MAP_CELL_KEYS) throw new UsageError(`at most ${MAX_MAP_CELL_KEYS} map cells at once, got ${cells.keys.length}`);
  for (const [row, col] of cells.keys) if (!Number.isSafeInteger(row) || !Number.isSafeInteger(col)) throw new UsageError(`a map cell is a whole row and column, got ${row}, ${col}`);
}

/**
 * A box holding every point of these cells, a hair wider than they are: a range the index can read before the exact
 * cell test (floating point may put a point on a boundary in either cell). Undefined for no cells.
 */
export function cellsBounds(cells: MapCells): MapArea | undefined {
  if (!cells.keys.length) return undefined;
  const d = cells.cellDegrees;
  const rows = cells.keys.map(([r]) => r);
  const cols = cells.keys.map(([, c]) => c);
  const margin = 1e-9;
  return {
    south: -90 + Math.min(...rows) * d - margin, north: -90 + (Math.max(...rows) + 1) * d + margin,
    west: -180 + Math.min(...cols) * d - margin, east: -180 + (Math.max(...cols) + 1) * d + margin,
  };
}

/**
 * MapCellRows from the adapters' two aggregates: `typeRows` (r, c, plover_type, n, sum_lat, sum_lon: one row per cell
 * and type) and `placeRows` (r, c, place_name, n, names: the MAP_CELL_PLACES commonest names of each cell, with how
 * many names the cell has); cells by row, then column.
 */
export function foldMapCells(typeRows: readonly Row[], placeRows: readonly Row[]): MapCellRow[] {
  interface Cell { row: number; col: number; events: number; sumLat: number; sumLon: number; types: { type: string; events: number }[]; places: { name: string; events: number }[]; placeCount: number }
  const cells = new Map<string, Cell>();
  const cellOf = (r: Row): Cell => {
    const [row, col] = [Number(r['r']), Number(r['c'])];
    const key = `${row},${col}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { row, col, events: 0, sumLat: 0, sumLon: 0, types: [], places: [], placeCount: 0 }));
    return cell;
  };
  for (const r of typeRows) {
    const cell = cellOf(r);
    const n = Number(r['n']);
    cell.events += n;
    cell.sumLat += Number(r['sum_lat']);
    cell.sumLon += Number(r['sum_lon']);
    cell.types.push({ type: String(r['plover_type']), events: n });
  }
  for (const r of placeRows) {
    const cell = cellOf(r);
    cell.places.push({ name: String(r['place_name'] ?? ''), events: Number(r['n']) });
    cell.placeCount = Number(r['names']);
  }
  const byCount = <T extends { events: number }>(key: (x: T) => string) => (a: T, b: T) => b.events - a.events || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  return [...cells.values()]
    .sort((a, b) => a.row - b.row || a.col - b.col)
    .map((c) => ({
      row: c.row, col: c.col, events: c.events, lat: c.sumLat / c.events, lon: c.sumLon / c.events,
      types: c.types.sort(byCount((t) => t.type)),
      places: c.places.sort(byCount((p) => p.name)).slice(0, MAP_CELL_PLACES),
      placeCount: c.placeCount,
    }));
}
