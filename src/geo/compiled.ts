/**
 * The compiled gazetteer: one text file (gzip-compressed on disk) that loads in a fraction of the
 * time needed to rebuild from the npm sources, because nothing is parsed until it is looked up.
 *
 * Layout, one record a line, tab-separated:
 *   line 0            `#dossier-gazetteer <format> <sourceHash>`
 *   lines 1..n        `key id name kind featureCode lat lon country admin1 admin2 population`,
 *                     sorted by key in UTF-16 code-unit order (so lookup is a binary search);
 *                     an entry with aliases appears once per key. kind is one letter (see KIND_LETTERS).
 *   `#ids` then       `id lineNumber` for countries and admin1 entries (country()/admin1() lookups).
 */
import { indexKey, type Gazetteer, type GazetteerEntry, type GazetteerName, type PlaceKind } from './gazetteer.js';
import { placeKey } from './normalise.js';

/** Format version of the compiled file; bump when the layout changes. */
export const COMPILED_FORMAT = 1;

const KIND_LETTERS: Readonly<Record<PlaceKind, string>> = { country: 'c', admin1: '1', admin2: '2', city: 'p', region: 'r', point: 't' };
const LETTER_KINDS: Readonly<Record<string, PlaceKind>> = { c: 'country', '1': 'admin1', '2': 'admin2', p: 'city', r: 'region', t: 'point' };

/** Serialises entries and names into the compiled layout, stamped with the hash of the sources. */
export function serialiseGazetteer(entries: readonly GazetteerEntry[], names: readonly GazetteerName[], sourceHash: string): string {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const rows: { key: string; entry: GazetteerEntry }[] = [];
  const seen = new Set<string>();
  const push = (key: string, entry: GazetteerEntry): void => {
    const mark = `${key}\t${entry.id}`;
    if (!key || seen.has(mark)) return;
    seen.add(mark);
    rows.push({ key, entry });
  };
  for (const e of entries) push(placeKey(e.name), e);
  for (const n of names) {
    const e = byId.get(n.entryId);
    if (e) push(n.key ?? indexKey(n.name, true), e);
  }
  rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const clean = (s: string): string => s.replace(/[\t\n]/g, ' ');
  const lines = [`#dossier-gazetteer\t${COMPILED_FORMAT}\t${sourceHash}`];
  const ids: string[] = [];
  const idLine = new Set<string>();
  for (const { key, entry: e } of rows) {
    lines.push([key, e.id, clean(e.name), KIND_LETTERS[e.kind], e.featureCode, e.lat, e.lon, e.countryCode, e.admin1Code, e.admin2Code, e.population].join('\t'));
    if ((e.kind === 'country' || e.id.startsWith('admin1:')) && !idLine.has(e.id)) {
      idLine.add(e.id);
      ids.push(`${e.id}\t${lines.length - 1}`);
    }
  }
  return [...lines, '#ids', ...ids, ''].join('\n');
}

/** The source hash stamped in a compiled file's first line, or undefined when the header is not ours. */
export function compiledSourceHash(text: string): string | undefined {
  const header = text.slice(0, text.indexOf('\n'));
  const [magic, format, hash] = header.split('\t');
  return magic === '#dossier-gazetteer' && Number(format) === COMPILED_FORMAT ? hash : undefined;
}

/**
 * A compiled file held as UTF-8 bytes with the offset of every line: plain data of two typed arrays, which can live in
 * shared memory, so the worker threads of a pool read one copy (≈ 17 MB) instead of each splitting the text into
 * 220k strings (≈ 100 MB of heap per thread).
 */
export interface CompiledGazetteerData {
  readonly bytes: Uint8Array;
  /** Byte offset of the start of each line, plus one past the end. */
  readonly lineStarts: Int32Array;
  /** Index of the `#ids` line: entry lines are 1 .. idsLine - 1. */
  readonly idsLine: number;
}

const NEWLINE = 10;
const TAB = 9;
const decoder = new TextDecoder();

/** Line `line` of an indexed file, without its newline. */
function lineText({ bytes, lineStarts }: Pick<CompiledGazetteerData, 'bytes' | 'lineStarts'>, line: number): string {
  return decoder.decode(bytes.subarray(lineStarts[line]!, lineStarts[line + 1]! - 1));
}

/** Indexes the lines of a compiled file (as UTF-8 bytes); throws when it is not one. */
export function indexCompiledGazetteer(bytes: Uint8Array): CompiledGazetteerData {
  const starts = [0];
  for (let i = bytes.indexOf(NEWLINE); i >= 0; i = bytes.indexOf(NEWLINE, i + 1)) starts.push(i + 1);
  if (starts[starts.length - 1] !== bytes.length) starts.push(bytes.length + 1);
  const lines = { bytes, lineStarts: Int32Array.from(starts) };
  let idsLine = -1;
  for (let line = lines.lineStarts.length - 2; line > 0; line--) {
    if (lineText(lines, line) === '#ids') {
      idsLine = line;
      break;
    }
  }
  if (compiledSourceHash(`${lineText(lines, 0)}\n`) === undefined || idsLine < 0) throw new Error('not a compiled Dossier gazetteer');
  return { ...lines, idsLine };
}

/** A gazetteer over compiled text: entries parsed on first lookup and cached. */
export function readCompiledGazetteer(text: string): Gazetteer {
  return gazetteerFromCompiled(indexCompiledGazetteer(new TextEncoder().encode(text)));
}

/** A gazetteer over an indexed compiled file: keys decoded as a binary search needs them, entries on first lookup. */
export function gazetteerFromCompiled(data: CompiledGazetteerData): Gazetteer {
  const { bytes, lineStarts, idsLine } = data;
  const keyOf = (line: number): string => {
    const from = lineStarts[line]!;
    const tab = bytes.indexOf(TAB, from);
    const end = lineStarts[line + 1]! - 1;
    return decoder.decode(bytes.subarray(from, tab >= 0 && tab < end ? tab : end));
  };
  const cache = new Map<string, GazetteerEntry>();
  const parse = (line: string): GazetteerEntry => {
    const f = line.split('\t');
    const id = f[1] ?? '';
    const cached = cache.get(id);
    if (cached) return cached;
    const entry: GazetteerEntry = {
      id,
      name: f[2] ?? '',
      kind: LETTER_KINDS[f[3] ?? ''] ?? 'city',
      featureCode: f[4] ?? '',
      lat: Number(f[5]),
      lon: Number(f[6]),
      countryCode: f[7] ?? '',
      admin1Code: f[8] ?? '',
      admin2Code: f[9] ?? '',
      population: Number(f[10]) || 0,
    };
    cache.set(id, entry);
    return entry;
  };
  // Entry lines are 1 .. idsLine - 1, sorted by key in UTF-16 code-unit order: compare decoded keys, as JS does.
  const lowerBound = (key: string): number => {
    let lo = 1;
    let hi = idsLine;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keyOf(mid) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const results = new Map<string, readonly GazetteerEntry[]>();
  const present = new Map<string, boolean>();
  const lookup = (key: string): readonly GazetteerEntry[] => {
    const hit = results.get(key);
    if (hit) return hit;
    const out: GazetteerEntry[] = [];
    for (let line = lowerBound(key); line < idsLine && keyOf(line) === key; line++) out.push(parse(lineText(data, line)));
    if (results.size > 50_000) results.clear(); // bound the memo on long runs
    results.set(key, out);
    return out;
  };
  const idLines = new Map<string, number>();
  for (let line = idsLine + 1; line < lineStarts.length - 1; line++) {
    const row = lineText(data, line);
    const tab = row.indexOf('\t');
    if (tab > 0) idLines.set(row.slice(0, tab), Number(row.slice(tab + 1)));
  }
  // country()/admin1() run for every place of every article: parse (which splits the line before it can
  // consult its cache) once per line; parse's cache keeps one object per id either way.
  const byLine = new Map<number, GazetteerEntry>();
  const byId = (id: string): GazetteerEntry | undefined => {
    const line = idLines.get(id);
    if (line === undefined) return undefined;
    let entry = byLine.get(line);
    if (!entry) byLine.set(line, (entry = parse(lineText(data, line))));
    return entry;
  };
  let maxNameTokens = 1;
  for (let line = 1; line < idsLine; line++) {
    // Only keys with a space can be longer than one token: look at the key's bytes before decoding it.
    const from = lineStarts[line]!;
    const tab = bytes.indexOf(TAB, from);
    const space = bytes.indexOf(32, from);
    if (space >= 0 && space < tab) maxNameTokens = Math.max(maxNameTokens, keyOf(line).split(' ').length);
  }
  return {
    size: idsLine - 1,
    lookup,
    has: (key) => {
      // Asked for every capitalised word before a full stop: memoised like lookup, and bounded the same way.
      let isPresent = present.get(key);
      if (isPresent === undefined) {
        const at = lowerBound(key);
        isPresent = at < idsLine && keyOf(at) === key;
        if (present.size > 50_000) present.clear();
        present.set(key, isPresent);
      }
      return isPresent;
    },
    country: (cc) => byId(`country:${cc}`),
    admin1: (cc, code) => byId(`admin1:${cc}.${code}`),
    maxNameTokens,
  };
}

