/**
 * The NER model file: gzip of
 *   "DNER" · u32 format version · u32 header bytes · header JSON (info, scale, clusters)
 *   · u32 gazetteer bytes · gazetteer text ("name\tmask\n" lines, names already normalised) · zero padding to 4 bytes · u32 rowCount feature hashes · i16 rowCount×tagCount weights (× scale)
 *   · padding to 4 · f32 (tagCount+1)×tagCount transitions.
 * All numbers little-endian. Weights are quantised to 16 bits; rows whose weights all round to zero are dropped.
 */
import { gzipSync } from 'node:zlib';
import { openModelEnvelope } from '../model-envelope.js';
import { DossierError } from '../../model/index.js';
import { lookupIndex, normaliseGazetteerKey, type Gazetteer } from './gazetteer.js';
import { buildFeatureTable, type NerModel, type NerModelInfo } from './model.js';

const MAGIC = 'DNER';
const FORMAT_VERSION = 1;

interface Header {
  readonly info: NerModelInfo;
  readonly tagCount: number;
  readonly rowCount: number;
  readonly scale: number;
  /** Word clusters as flattened pairs [word key, path code, …] (src/nlp/pos/clusters.ts); [] for none. */
  readonly clusters: readonly number[];
}

/** What a trainer hands to the encoder. */
export interface NerModelParts {
  readonly info: NerModelInfo;
  readonly tagCount: number;
  readonly hashes: Uint32Array;
  readonly weights: Float32Array;
  readonly transitions: Float32Array;
  readonly gazetteer: readonly (readonly [string, number])[];
  /** Flattened [word key, path code, …] pairs, as the cluster file stores them; [] for a model without clusters. */
  readonly clusters: readonly number[];
}

/** Serialises a model; drops rows that quantise to all zeros. */
export function encodeNerModel(parts: NerModelParts): Uint8Array {
  const t = parts.tagCount;
  let maxAbs = 0;
  for (const w of parts.weights) maxAbs = Math.max(maxAbs, Math.abs(w));
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const keptRows: number[] = [];
  const rowCount = parts.hashes.length;
  for (let r = 0; r < rowCount; r++) {
    let isZero = true;
    for (let y = 0; y < t && isZero; y++) if (Math.round(parts.weights[r * t + y]! / scale) !== 0) isZero = false;
    if (!isZero) keptRows.push(r);
  }
  const header: Header = { info: { ...parts.info, featureCount: keptRows.length }, tagCount: t, rowCount: keptRows.length, scale, clusters: parts.clusters };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const gazetteerBytes = new TextEncoder().encode(parts.gazetteer.map(([name, mask]) => `${normaliseGazetteerKey(name)}\t${mask}\n`).join(''));
  const gazetteerAt = 12 + headerBytes.length;
  const headerEnd = align4(gazetteerAt + 4 + gazetteerBytes.length);
  const hashesEnd = headerEnd + 4 * keptRows.length;
  const weightsEnd = align4(hashesEnd + 2 * keptRows.length * t);
  const total = weightsEnd + 4 * (t + 1) * t;
  const buffer = new ArrayBuffer(total);
  const bytes = new Uint8Array(buffer);
  const view = new DataView(buffer);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(4, FORMAT_VERSION, true);
  view.setUint32(8, headerBytes.length, true);
  bytes.set(headerBytes, 12);
  view.setUint32(gazetteerAt, gazetteerBytes.length, true);
  bytes.set(gazetteerBytes, gazetteerAt + 4);
  keptRows.forEach((r, k) => {
    view.setUint32(headerEnd + 4 * k, parts.hashes[r]!, true);
    for (let y = 0; y < t; y++) view.setInt16(hashesEnd + 2 * (k * t + y), Math.round(parts.weights[r * t + y]! / scale), true);
  });
  for (let k = 0; k < (t + 1) * t; k++) view.setFloat32(weightsEnd + 4 * k, parts.transitions[k] ?? 0, true);
  return gzipSync(bytes, { level: 9 });
}

/** The sections of a model file as stored: the POS model reads the same container (src/nlp/pos/model-file.ts). */
export interface ModelFileSections {
  readonly info: NerModelInfo;
  readonly tagCount: number;
  readonly hashes: Uint32Array;
  /** rowCount × tagCount weights as stored; the float weight is quantised[k] × scale. */
  readonly quantised: Int16Array;
  readonly scale: number;
  readonly transitions: Float32Array;
  readonly gazetteerText: string;
  readonly clusters: readonly number[];
}

/** Reads a model file's bytes (gzip) into its sections; throws E_RESOURCE_MISSING with the reason on a bad file. */
export function decodeModelFile(file: Uint8Array): ModelFileSections {
  const { bytes, view, header, headerEnd: gazetteerAt } = openModelEnvelope<Header>(file, MAGIC, FORMAT_VERSION, 'model file');
  const t = header.tagCount;
  const n = header.rowCount;
  const gazetteerLength = view.getUint32(gazetteerAt, true);
  const gazetteerText = new TextDecoder().decode(bytes.subarray(gazetteerAt + 4, gazetteerAt + 4 + gazetteerLength));
  const headerEnd = align4(gazetteerAt + 4 + gazetteerLength);
  const hashesEnd = headerEnd + 4 * n;
  const weightsEnd = align4(hashesEnd + 2 * n * t);
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new DossierError('E_RESOURCE_MISSING', 'model files are little-endian; this platform is not');
  // Copy the aligned sections into typed arrays (the platform is little-endian, as the file is).
  const hashes = new Uint32Array(bytes.buffer.slice(bytes.byteOffset + headerEnd, bytes.byteOffset + hashesEnd));
  const quantised = new Int16Array(bytes.buffer.slice(bytes.byteOffset + hashesEnd, bytes.byteOffset + hashesEnd + 2 * n * t));
  const transitions = new Float32Array((t + 1) * t);
  for (let k = 0; k < transitions.length; k++) transitions[k] = view.getFloat32(weightsEnd + 4 * k, true);
  return { info: header.info, tagCount: t, hashes, quantised, scale: header.scale, transitions, gazetteerText, clusters: header.clusters };
}

/** Reads a NER model file's bytes (gzip) into a ready model; throws E_RESOURCE_MISSING with the reason on a bad file. */
export function decodeNerModel(file: Uint8Array): NerModel {
  const sections = decodeModelFile(file);
  const weights = new Float32Array(sections.quantised.length);
  for (let k = 0; k < weights.length; k++) weights[k] = sections.quantised[k]! * sections.scale;
  const { keys, rows } = buildFeatureTable(sections.hashes);
  return {
    info: sections.info,
    tagCount: sections.tagCount,
    keys,
    rows,
    weights,
    transitions: sections.transitions,
    features: { gazetteer: withLookupIndex(parseGazetteer(sections.gazetteerText)), clusters: clusterMap(sections.clusters), lineFeatures: sections.info.lineFeatures === true, caseLessClass: sections.info.caseLessClass === true, classContext: sections.info.classContext === true, classCap: sections.info.classCap === true },
  };
}

/** The flattened [key, code, …] pairs as a lookup map. */
function clusterMap(pairs: readonly number[]): Map<number, number> {
  const map = new Map<number, number>();
  for (let k = 0; k + 1 < pairs.length; k += 2) map.set(pairs[k]!, pairs[k + 1]!);
  return map;
}

/** Builds matchGazetteer's index at load time, so the first document tagged does not pay for it. */
function withLookupIndex(gazetteer: Gazetteer): Gazetteer {
  lookupIndex(gazetteer);
  return gazetteer;
}

/** The gazetteer section: one "name\tmask" per line, names already normalised. */
function parseGazetteer(text: string): Gazetteer {
  const names = new Map<string, number>();
  const firstTokens = new Set<string>();
  let at = 0;
  while (at < text.length) {
    const tab = text.indexOf('\t', at);
    const newline = text.indexOf('\n', tab);
    if (tab < 0 || newline < 0) break;
    const name = text.slice(at, tab);
    names.set(name, Number(text.slice(tab + 1, newline)));
    const space = name.indexOf(' ');
    firstTokens.add(space < 0 ? name : name.slice(0, space));
    at = newline + 1;
  }
  return { names, firstTokens };
}

function align4(offset: number): number {
  return (offset + 3) & ~3;
}
