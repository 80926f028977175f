/**
 * The parser model file: gzip of
 *   "DPAR" · u32 format version · u32 header bytes · header JSON (info, and per table: columns, rowCount, scale)
 *   · padding to 4 · for each table (actions, then relations): u32 rowCount feature hashes · i16 rowCount×columns
 *   weights (× scale) · padding to 4.
 * All numbers little-endian. Weights are quantised to 16 bits per table; rows whose weights all round to zero
 * are dropped, and so are, on request, rows with small weights or few training updates (PruneOptions).
 */
import { gzipSync } from 'node:zlib';
import { DEP_LABELS } from '../../model/deps.js';
import { openModelEnvelope } from '../model-envelope.js';
import { DossierError } from '../../model/errors.js';
import { ACTION_COUNT } from './transitions.js';
import { buildWeightTable, packActionTable, type ParseModel, type ParseModelInfo, type WeightTable } from './model.js';

const MAGIC = 'DPAR';
const FORMAT_VERSION = 1;

/** One classifier as a trainer hands it over: float weights, one row of `columns` per hash. */
export interface ParseTableParts {
  readonly columns: number;
  readonly hashes: Uint32Array;
  readonly weights: Float32Array;
  /** Updates per row during training, when known (for minUpdates). */
  readonly updates?: Uint32Array;
}

/** Which rows to leave out of the file. */
export interface PruneOptions {
  /** Drop rows whose weights are all smaller in magnitude than this. */
  readonly minWeight?: number;
  /** Drop rows that fewer than this many training updates touched (features seen in one or two errors). */
  readonly minUpdates?: number;
}

/** What a trainer hands to the encoder. */
export interface ParseModelParts {
  readonly info: ParseModelInfo;
  readonly actions: ParseTableParts;
  readonly relations: ParseTableParts;
}

interface TableHeader {
  readonly columns: number;
  readonly rowCount: number;
  readonly scale: number;
}

interface Header {
  readonly info: ParseModelInfo;
  readonly tables: readonly TableHeader[];
}

interface Quantised {
  readonly header: TableHeader;
  readonly hashes: Uint32Array;
  readonly weights: Int16Array;
}

/** Quantises one table to int16 and drops rows that end up all zero, or that the prune options leave out. */
function quantise(table: ParseTableParts, prune: PruneOptions): Quantised {
  const minWeight = prune.minWeight ?? 0;
  const minUpdates = prune.minUpdates ?? 0;
  const t = table.columns;
  let maxAbs = 0;
  for (const w of table.weights) maxAbs = Math.max(maxAbs, Math.abs(w));
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const kept: number[] = [];
  for (let r = 0; r < table.hashes.length; r++) {
    let rowMax = 0;
    for (let y = 0; y < t; y++) rowMax = Math.max(rowMax, Math.abs(table.weights[r * t + y]!));
    if (Math.round(rowMax / scale) !== 0 && rowMax >= minWeight && (table.updates?.[r] ?? Infinity) >= minUpdates) kept.push(r);
  }
  const hashes = new Uint32Array(kept.length);
  const weights = new Int16Array(kept.length * t);
  kept.forEach((r, k) => {
    hashes[k] = table.hashes[r]!;
    for (let y = 0; y < t; y++) weights[k * t + y] = Math.round(table.weights[r * t + y]! / scale);
  });
  return { header: { columns: t, rowCount: kept.length, scale }, hashes, weights };
}

/** Serialises a parser model, leaving out the rows `prune` names. */
export function encodeParseModel(parts: ParseModelParts, prune: PruneOptions = {}): Uint8Array {
  const tables = [quantise(parts.actions, prune), quantise(parts.relations, prune)];
  const header: Header = { info: parts.info, tables: tables.map((q) => q.header) };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  let total = align4(12 + headerBytes.length);
  for (const q of tables) total = align4(total + 4 * q.hashes.length + 2 * q.weights.length);
  const buffer = new ArrayBuffer(total);
  const bytes = new Uint8Array(buffer);
  const view = new DataView(buffer);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(4, FORMAT_VERSION, true);
  view.setUint32(8, headerBytes.length, true);
  bytes.set(headerBytes, 12);
  let at = align4(12 + headerBytes.length);
  for (const q of tables) {
    for (let k = 0; k < q.hashes.length; k++) view.setUint32(at + 4 * k, q.hashes[k]!, true);
    at += 4 * q.hashes.length;
    for (let k = 0; k < q.weights.length; k++) view.setInt16(at + 2 * k, q.weights[k]!, true);
    at = align4(at + 2 * q.weights.length);
  }
  return gzipSync(bytes, { level: 9 });
}

/**
 * Reads a parser model file's bytes (gzip) into a ready model. Throws E_RESOURCE_MISSING when the bytes are not
 * a parser model, or when its relations are not DEP_LABELS in the same order.
 */
export function decodeParseModel(file: Uint8Array): ParseModel {
  const { bytes, view, header, headerEnd } = openModelEnvelope<Header>(file, MAGIC, FORMAT_VERSION, 'parser model file');
  if (header.info.task !== 'parse') throw new DossierError('E_RESOURCE_MISSING', `model file is for task "${String(header.info.task)}", not "parse"`);
  if (header.info.labels.join(' ') !== DEP_LABELS.join(' ')) {
    throw new DossierError('E_RESOURCE_MISSING', 'parser model relations differ from DEP_LABELS (retrain with `npm run train:parse`)');
  }
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new DossierError('E_RESOURCE_MISSING', 'model files are little-endian; this platform is not');
  const expectedColumns = [ACTION_COUNT, DEP_LABELS.length];
  let at = align4(headerEnd);
  const tables: WeightTable[] = header.tables.map((t, i) => {
    if (t.columns !== expectedColumns[i]) throw new DossierError('E_RESOURCE_MISSING', `parser model table ${i} has ${t.columns} columns, not ${expectedColumns[i]}`);
    // Copies of the aligned sections (the platform is little-endian, as the file is: checked above).
    const hashes = new Uint32Array(bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + 4 * t.rowCount));
    at += 4 * t.rowCount;
    const weights = new Int16Array(bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + 2 * t.rowCount * t.columns));
    at = align4(at + 2 * weights.length);
    return buildWeightTable(hashes, weights, t.columns);
  });
  if (tables.length !== 2 || at > bytes.length) throw new DossierError('E_RESOURCE_MISSING', 'parser model file is truncated');
  const clusters = parseClusters(header.info);
  return { info: header.info, actionRows: tables[0]!.weights.length / ACTION_COUNT, relations: tables[1]!, packedActions: packActionTable(tables[0]!), ...(clusters ? { clusters } : {}), hasBetween: header.info.featureGroups?.includes('between') ?? false, hasLabelClasses: header.info.featureGroups?.includes('label-classes') ?? false };
}

/**
 * A parser model file's tables as float weights (stored int16 × the table's scale), for averageParseModels. The
 * update counts are not in the file, so the parts have none. Throws E_RESOURCE_MISSING as decodeParseModel does.
 */
export function readParseModelParts(file: Uint8Array): ParseModelParts {
  const { bytes, header, headerEnd } = openModelEnvelope<Header>(file, MAGIC, FORMAT_VERSION, 'parser model file');
  if (header.info.task !== 'parse' || header.tables.length !== 2) throw new DossierError('E_RESOURCE_MISSING', 'not a parser model file with two tables');
  let at = align4(headerEnd);
  const tables = header.tables.map((t): ParseTableParts => {
    const hashes = new Uint32Array(bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + 4 * t.rowCount));
    at += 4 * t.rowCount;
    const quantised = new Int16Array(bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + 2 * t.rowCount * t.columns));
    at = align4(at + 2 * quantised.length);
    return { columns: t.columns, hashes, weights: Float32Array.from(quantised, (q) => q * t.scale) };
  });
  if (at > bytes.length) throw new DossierError('E_RESOURCE_MISSING', 'parser model file is truncated');
  return { info: header.info, actions: tables[0]!, relations: tables[1]! };
}

/**
 * The average of several parser models trained alike (other seeds): one linear model whose scores are the mean
 * of the members' (a feature one member lacks weighs 0 there), so decoding costs what one model costs while the
 * members' errors partly cancel. Members may differ in feature groups (a member trained without "between" gives
 * those features weight 0): the average reads the union of the groups, so its info must list them all (returned).
 * Members with clusters must share one cluster map.
 * @example averageParseModels([seed13, seed14, seed15].map(readParseModelParts))
 */
export function averageParseModels(members: readonly ParseModelParts[]): Pick<ParseModelParts, 'actions' | 'relations'> & { readonly featureGroups: readonly string[] } {
  if (members.length === 0) throw new DossierError('E_RESOURCE_MISSING', 'averageParseModels needs at least one model');
  const clusterKey = (parts: ParseModelParts): string => (parts.info.featureGroups?.includes('clusters') ? String(parts.info.wordClusters?.length ?? 0) + ':' + String(parts.info.wordClusters?.slice(0, 64)) : '');
  const withClusters = members.filter((m) => clusterKey(m) !== '');
  if (withClusters.some((m) => clusterKey(m) !== clusterKey(withClusters[0]!))) throw new DossierError('E_RESOURCE_MISSING', 'averageParseModels: members use different word clusters');
  const featureGroups = [...new Set(members.flatMap((m) => m.info.featureGroups ?? []))].sort();
  const average = (tables: readonly ParseTableParts[]): ParseTableParts => {
    const columns = tables[0]!.columns;
    const rowOf = new Map<number, number>();
    for (const table of tables) for (const hash of table.hashes) if (!rowOf.has(hash)) rowOf.set(hash, rowOf.size);
    const weights = new Float32Array(rowOf.size * columns);
    for (const table of tables) {
      table.hashes.forEach((hash, r) => {
        const base = rowOf.get(hash)! * columns;
        for (let y = 0; y < columns; y++) weights[base + y]! += table.weights[r * columns + y]! / tables.length;
      });
    }
    return { columns, hashes: Uint32Array.from(rowOf.keys()), weights };
  };
  return { actions: average(members.map((m) => m.actions)), relations: average(members.map((m) => m.relations)), featureGroups };
}

/** The cluster map of a model trained with the "clusters" feature group. */
export function parseClusters(info: Pick<ParseModelInfo, 'featureGroups' | 'wordClusters'>): Map<number, number> | undefined {
  if (!info.featureGroups?.includes('clusters')) return undefined;
  const flat = info.wordClusters ?? [];
  const map = new Map<number, number>();
  for (let k = 0; k + 1 < flat.length; k += 2) map.set(flat[k]!, flat[k + 1]!);
  return map;
}

function align4(offset: number): number {
  return (offset + 3) & ~3;
}
