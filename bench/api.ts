/**
 * API latency: p50/p95 of every read route the web UI's views call (search, entity, article, timeline, map, graph,
 * events, event, claims, trends, alerts, saved searches, notes, brief) on a generated SQLite store.
 * Synthetic articles are written straight through the Store (no pipeline). Even-numbered ones carry mentions,
 * entities and entity links drawn from a Zipf-like pool, so a few entities appear in thousands of articles (the
 * worst case for the entity page); odd-numbered ones are the UI test's generated news reports
 * (test/helpers/generated-store.ts: events with places and dates, merged across articles as at ingest, and a
 * claim), so the timeline, map (with its clusters), graph, trends and event routes read a store of realistic size. Requests go
 * through `app.request` in-process: this times routing, validation, the store and JSON, not the network.
 *
 *   node --import tsx bench/api.ts [--articles 5000] [--requests 300] [--db path]
 *   node --import tsx bench/api.ts --articles 20000 --db /tmp/bench-20k.db   # the issue 9 figure; --db keeps the store
 *   node --import tsx bench/api.ts --clients 20 [--seconds 15] [--readers 2]   # concurrent clients over HTTP
 *   node --import tsx bench/api.ts --db /tmp/bench-20k.db --only 'timeline|map|graph' --no-cache --requests 10
 *     (--only: the routes whose name matches; --no-cache: the view cache off, every answer computed)
 *
 * With --clients, N clients send requests over real HTTP (node:http through @hono/node-server) for --seconds, each
 * one after the other, to a mix of the read routes, while one more client pulls /api/exports/events.jsonl in a loop:
 * first with the store on one connection, then with --readers reader threads (withReadPool). Prints p95 per route
 * for both and one JSON line with `p95_ms_concurrent` (all routes, with the pool) and `p95_ms_concurrent_no_pool`.
 * It also prints the CPU time the server process used per request (the export puller's share included), and on
 * PostgreSQL the CPU time of the server's database connections per request: unlike latency on a shared machine,
 * these do not grow with the load other programs put on it.
 *
 * Without --articles it builds 5000 articles, so `npm run bench` finishes in a few minutes; the size is printed
 * with every run and in the JSON line. --db reuses an existing store (migrating it) and only adds the articles it
 * lacks. Prints one JSON line last with the headline figures. Target: p95 < 50 ms at 20k articles.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { createApi } from '../src/api/index.js';
import { linkEntities } from '../src/corpus/link-entities/index.js';
import { observeEvents } from '../src/corpus/observe/index.js';
import { addNote, saveSearch } from '../src/app/saved-searches.js';
import { generatedArticle } from '../test/helpers/generated-store.js';
import { createDoc, type DocEntity, type Mention, type MentionType, type PlaceRef } from '../src/model/index.js';
import { openStore } from '../src/store/open-store.js';
import { createPool, isPostgresUrl, parsePostgresUrl } from '../src/store/postgres/index.js';
import { seededRandom } from '../src/nlp/ner/train.js';

const { values } = parseArgs({ options: {
  articles: { type: 'string', default: '5000' }, requests: { type: 'string', default: '300' }, db: { type: 'string' },
  clients: { type: 'string' }, seconds: { type: 'string', default: '15' }, readers: { type: 'string', default: String(availableParallelism()) },
  only: { type: 'string' }, 'no-cache': { type: 'boolean', default: false },
} });
/** Only the routes whose name matches (--only 'timeline|map'); all by default. */
const ONLY = values.only ? new RegExp(values.only, 'i') : undefined;
const ARTICLES = Number(values.articles);
const REQUESTS = Number(values.requests);

// Deterministic pseudo-random numbers (the training code's mulberry32), so every run builds the same store.
const rand = seededRandom(20261123);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
/** Index in [0, n) with probability falling as 1/(i+1): a few very common, a long tail. */
const zipf = (n: number): number => Math.min(n - 1, Math.floor(Math.exp(rand() * Math.log(n + 1)) - 1));

const SYLLABLES = ['ka', 'ra', 'mi', 'to', 'na', 'sel', 'dor', 'vin', 'ash', 'bel', 'qu', 'zan', 'lo', 'ter', 'fa', 'hu', 'rim', 'go', 'sa', 'ven'];
const word = (syllables: number) => Array.from({ length: syllables }, () => pick(SYLLABLES)).join('');
const capital = (w: string) => w[0]!.toUpperCase() + w.slice(1);
const VOCABULARY = Array.from({ length: 5000 }, (_, i) => word(2 + (i % 3)));
const TYPES: readonly MentionType[] = ['PER', 'ORG', 'LOC', 'MISC'];
const ENTITY_POOL = Array.from({ length: 3000 }, (_, i) => {
  const type = TYPES[i % 4]!;
  const name = type === 'PER' ? `${capital(word(2))} ${capital(word(3))}` : type === 'ORG' ? `${capital(word(3))} ${pick(['Brigade', 'Ministry', 'Front', 'Council'])}` : capital(word(3));
  return { name, type };
});

function syntheticArticle(n: number) {
  const entities = [...new Set(Array.from({ length: 4 + Math.floor(rand() * 6) }, () => zipf(ENTITY_POOL.length)))].map((i) => ENTITY_POOL[i]!);
  const parts: string[] = [];
  const mentions: Mention[] = [];
  let length = 0;
  const add = (text: string) => {
    parts.push(text);
    length += text.length;
  };
  for (let sentence = 0; sentence < 12; sentence++) {
    const words = Array.from({ length: 14 + Math.floor(rand() * 10) }, () => VOCABULARY[zipf(VOCABULARY.length)]!);
    const entity = entities[sentence % entities.length]!;
    add(`${capital(words[0]!)} ${words.slice(1, 6).join(' ')} `);
    mentions.push({ id: `m${mentions.length + 1}`, start: length, end: length + entity.name.length, text: entity.name, type: entity.type, tokenStart: 0, tokenEnd: 0, origin: 'ner' });
    add(entity.name);
    add(` ${words.slice(6).join(' ')}.${sentence % 4 === 3 ? '\n\n' : ' '}`);
  }
  const text = `${parts.join('').trim()} Report ${n}.`;
  const docEntities: DocEntity[] = entities.map((e, i) => ({
    id: `e${i + 1}`, name: e.name, type: e.type, kind: e.type === 'PER' ? 'person' : e.type === 'LOC' ? 'place' : 'organisation',
    mentionIds: mentions.filter((m) => m.text === e.name).map((m) => m.id), aliases: [], roles: [], references: [],
  }));
  const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(rand() * 5 * 365) * 86_400_000).toISOString();
  const base = createDoc({ text, meta: { source: `bench:${n}`, format: 'text', language: 'en', title: `${capital(VOCABULARY[zipf(VOCABULARY.length)]!)} ${VOCABULARY[zipf(VOCABULARY.length)]} ${n}`, outlet: `Outlet ${n % 25}`, publishedAt: day } });
  // Each LOC entity is a resolved place with fixed pseudo-coordinates, so the map has a place index to read.
  const places: PlaceRef[] = mentions.filter((m) => m.type === 'LOC').map((m, i) => {
    const seed = [...m.text].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
    return { id: `p${i + 1}`, start: m.start, end: m.end, text: m.text, mentionId: m.id, isResolved: true, name: m.text, lat: (seed % 140) - 60, lon: (seed % 340) - 170, countryCode: 'XX', precision: 'city', gazetteerId: `bench:${m.text}` };
  });
  return { doc: { ...base, layers: { mentions, entities: docEntities, places } }, links: linkEntities(docEntities, new Map()) };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const dir = values.db ? undefined : mkdtempSync(join(tmpdir(), 'dossier-bench-api-'));
  const path = values.db ?? join(dir!, 'bench.db');
  // A postgres:// URL benches the PostgreSQL store (the reader threads of --readers are SQLite's alone).
  const store = await openStore(path);
  await store.migrate();
  console.log(`node ${process.version} · ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length} · store ${path} · ${ARTICLES} articles${values.articles === '5000' ? ' (the default; --articles 20000 for the issue 9 figure)' : ''}`);

  const existing = (await store.stats()).articles;
  if (existing === 0) {
    // Saved before any article, so every match is new: the Alerts page at its heaviest.
    for (const [name, text, filters] of [['Aleppo', 'Aleppo', {}], ['Assaults', undefined, { type: 'ASSAULT' }], ['Gulf Courier', undefined, { outlet: 'Gulf Courier' }], ['Truces since 2022', 'truce', { from: '2022' }]] as const) {
      await saveSearch(store, { name, text, filters }, 'bench');
    }
  }
  const began = performance.now();
  for (let n = existing; n < ARTICLES; n++) {
    // Before the branch: every 5000th article is a news report (odd), whose branch skips the end of the loop.
    if (n > existing && n % 5000 === 0) console.log(`  generated ${n} articles (${((performance.now() - began) / 1000).toFixed(1)} s)`);
    if (n % 2 === 1) {
      // A news report with events (merged across articles as at ingest) for the timeline, map, graph and trends.
      const doc = generatedArticle(n);
      const entities = linkEntities(doc.layers.entities ?? [], new Map());
      await store.saveArticle(doc, 'bench@1', { entities, events: observeEvents(doc, entities, doc.id) });
      continue;
    }
    const { doc, links } = syntheticArticle(n);
    await store.saveArticle(doc, 'bench@1', { entities: links });
  }
  const stats = await store.stats();
  console.log(`store: ${stats.articles} articles, ${stats.entities} entities, ${stats.mentions} mentions (built in ${((performance.now() - began) / 1000).toFixed(1)} s)`);

  // --no-cache: every answer computed (the view cache off), to time what a first visit after a change costs.
  const app = createApi({ store, cacheViews: !values['no-cache'] });
  const top = (await (await app.request('/api/entities?limit=100')).json()) as { items: { id: string; articleCount: number }[] };
  const allEntities = (await store.listEntities({ limit: 500 })).map((e) => e.id);
  const articleIds = (await store.listArticles({ limit: 500, offset: Math.floor(stats.articles / 2) })).map((a) => a.id);
  const eventIds = (await store.listEvents({ limit: 500, offset: 100 })).map((e) => e.id);
  const groups = (await (await app.request('/api/entities?type=ORG&q=Brigade&limit=20')).json()) as { items: { id: string }[] };
  const group = groups.items[0]?.id;
  if (!group || eventIds.length === 0) throw new Error('the generated news reports left no events or armed group to view');
  // The cell of the whole world's map that holds the most events (its cluster is the one most often opened).
  const worldCells = (await (await app.request('/api/map/clusters?zoom=0')).json()) as { clusters: { row: number; col: number; events: number }[] };
  const busiest = [...worldCells.clusters].sort((a, b) => b.events - a.events)[0];
  const busiestCell = busiest ? `${busiest.row}:${busiest.col}` : '0:0';
  if ((await store.listNotes('entity', group)).length === 0) await addNote(store, 'entity', group, 'Seen in many reports; check its leadership.', 'bench');

  const cases: Record<string, () => string> = {
    'search (common word)': () => `/api/search?q=${encodeURIComponent(VOCABULARY[zipf(20)]!)}`,
    'search (any word)': () => `/api/search?q=${encodeURIComponent(VOCABULARY[zipf(VOCABULARY.length)]!)}`,
    'search (two words, page 2)': () => `/api/search?q=${encodeURIComponent(`${VOCABULARY[zipf(200)]} ${VOCABULARY[zipf(200)]}`)}&offset=20`,
    'search (word + outlet + dates)': () => `/api/search?q=${encodeURIComponent(VOCABULARY[zipf(200)]!)}&outlet=${encodeURIComponent(`Outlet ${Math.floor(rand() * 25)}`)}&from=2021&to=2023-06`,
    'search (filters only: entity)': () => `/api/search?entity=${encodeURIComponent(pick(allEntities.slice(0, 100)))}&from=2022`,
    'entity (most mentioned)': () => `/api/entities/${encodeURIComponent(top.items[0]!.id)}`,
    'entity (any)': () => `/api/entities/${encodeURIComponent(pick(allEntities))}`,
    'entities list (name filter)': () => `/api/entities?q=${encodeURIComponent(pick(SYLLABLES))}`,
    'article': () => `/api/articles/${pick(articleIds)}`,
    'articles page': () => `/api/articles?offset=${Math.floor(rand() * stats.articles)}`,
    // What each view of the web UI asks for when it opens (src/web/api-client.ts), with the views' parameters.
    'home (stats)': () => '/api/stats',
    'timeline (whole store)': () => '/api/timeline',
    'timeline (entity)': () => `/api/timeline?entity=${encodeURIComponent(group)}`,
    'map (whole store)': () => '/api/map',
    'map (entity)': () => `/api/map?entity=${encodeURIComponent(group)}`,
    // The map's events: the whole world's clusters, a zoomed extent's, an entity's, and a page of a cluster's events.
    'map clusters (whole world)': () => '/api/map/clusters?zoom=0',
    'map clusters (zoomed extent)': () => `/api/map/clusters?zoom=${2 + Math.floor(rand() * 4)}&bbox=${pick(['24,24,56,48', '32,28,48,40', '-80,0,-56,24', '0,-8,40,24'])}`,
    'map clusters (entity)': () => `/api/map/clusters?zoom=0&entity=${encodeURIComponent(group)}`,
    'map cluster events': () => `/api/map/events?zoom=0&cells=${busiestCell}&limit=20&offset=${20 * Math.floor(rand() * 50)}`,
    'graph (default)': () => '/api/graph',
    'graph (entity page, related)': () => `/api/graph?entity=${encodeURIComponent(group)}&maxArticles=100&maxEvents=0`,
    'entity page events': () => `/api/events?entity=${encodeURIComponent(group)}&limit=20&offset=0`,
    'event': () => `/api/events/${encodeURIComponent(pick(eventIds))}`,
    'event claims': () => `/api/claims?event=${encodeURIComponent(pick(eventIds))}&limit=50&offset=0`,
    'claims page': () => `/api/claims?limit=50&offset=${Math.floor(rand() * 20) * 50}`,
    'search facets': () => '/api/search/facets',
    'trends': () => '/api/events/trends',
    'alerts': () => '/api/alerts',
    'saved searches': () => '/api/saved-searches',
    'notes (entity)': () => `/api/notes?entity=${encodeURIComponent(group)}`,
    'brief': () => `/api/entities/${encodeURIComponent(group)}/brief?format=json`,
  };
  if (values.clients) {
    await store.close();
    await concurrent(path, cases, Number(values.clients), Number(values.seconds), Number(values.readers), stats.articles);
    if (dir) rmSync(dir, { recursive: true, force: true });
    return;
  }
  const results: Record<string, { p50: number; p95: number; max: number; first: number; cpuMs?: number; dbCpuMs?: number }> = {};
  const isPostgres = isPostgresUrl(path);
  console.log(`\n${'endpoint'.padEnd(30)} ${'first ms'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'cpu ms'.padStart(8)}${isPostgres ? ` ${'db cpu'.padStart(8)}` : ''}   (${REQUESTS} requests each after ${Math.min(20, REQUESTS)} warm-up${values['no-cache'] ? '; view cache off' : ''}; cpu: this process's per request${isPostgres ? ', db cpu: its database connections\' per request' : ''})`);
  for (const [name, url] of Object.entries(cases)) {
    if (ONLY && !ONLY.test(name)) continue;
    // The first request of a route: with the view cache on, what the first visitor waits for.
    const t = performance.now();
    await (await app.request(url())).arrayBuffer();
    const first = performance.now() - t;
    for (let i = 1; i < Math.min(20, REQUESTS); i++) await (await app.request(url())).arrayBuffer();
    const times: number[] = [];
    // CPU time rather than latency is what other programs on a shared machine do not inflate: this process's (routing,
    // JSON, the store's driver) and, on PostgreSQL, its database connections' (read from /proc: 10 ms ticks).
    const cpuAtStart = process.cpuUsage();
    const dbCpuAtStart = await databaseCpuMs(path);
    for (let i = 0; i < REQUESTS; i++) {
      const target = url();
      const t0 = performance.now();
      const res = await app.request(target);
      await res.arrayBuffer();
      times.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`${target}: HTTP ${res.status}`);
    }
    const cpu = process.cpuUsage(cpuAtStart);
    const cpuMs = (cpu.user + cpu.system) / 1000 / REQUESTS;
    const dbCpuMs = isPostgres ? [...(await databaseCpuMs(path))].reduce((sum, [pid, ms]) => sum + ms - (dbCpuAtStart.get(pid) ?? 0), 0) / REQUESTS : undefined;
    times.sort((a, b) => a - b);
    results[name] = { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1]!, first, cpuMs, ...(dbCpuMs === undefined ? {} : { dbCpuMs }) };
    console.log(`${name.padEnd(30)} ${first.toFixed(1).padStart(8)} ${results[name].p50.toFixed(2).padStart(8)} ${results[name].p95.toFixed(2).padStart(8)} ${results[name].max.toFixed(2).padStart(8)} ${cpuMs.toFixed(2).padStart(8)}${dbCpuMs === undefined ? '' : ` ${dbCpuMs.toFixed(2).padStart(8)}`}`);
  }
  // The cross-article views read many articles per request: timed a few times, reported apart.
  for (const [name, url] of [
    ['graph (one entity, 50 articles)', `/api/graph?entity=${encodeURIComponent(allEntities[50]!)}&maxArticles=50`],
    ['map (most mentioned entity)', `/api/map?entity=${encodeURIComponent(top.items[0]!.id)}`],
    ['timeline (words + dates)', `/api/timeline?q=${encodeURIComponent(VOCABULARY[zipf(20)]!)}&from=2022&to=2022-12`],
  ] as const) {
    if (ONLY && !ONLY.test(name)) continue;
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      await (await app.request(url)).arrayBuffer();
      times.push(performance.now() - t0);
    }
    const first = times[0]!;
    times.sort((a, b) => a - b);
    results[name] = { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1]!, first };
    console.log(`${name.padEnd(30)} ${first.toFixed(1).padStart(8)} ${results[name].p50.toFixed(2).padStart(8)} ${results[name].p95.toFixed(2).padStart(8)} ${results[name].max.toFixed(2).padStart(8)}   (10 requests)`);
  }
  console.log(`most mentioned entity is in ${top.items[0]!.articleCount} articles`);
  await store.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  const round = (x: number) => Math.round(x * 100) / 100;
  /** The worst p95 of these routes, or null when --only left them out. */
  const worstP95 = (...names: string[]): number | null => {
    const timed = names.map((n) => results[n]?.p95).filter((x): x is number => x !== undefined);
    return timed.length ? round(Math.max(...timed)) : null;
  };
  console.log(JSON.stringify({
    bench: 'api', articles: stats.articles, node: process.version, load_avg_1m: Math.round(loadavg()[0]! * 10) / 10,
    searchP95Ms: worstP95('search (common word)', 'search (any word)'),
    filteredSearchP95Ms: worstP95('search (word + outlet + dates)', 'search (filters only: entity)'),
    entityP95Ms: worstP95('entity (most mentioned)', 'entity (any)'),
    routesOver50Ms: Object.entries(results).filter(([, v]) => v.p95 >= 50).map(([k]) => k),
    ...Object.fromEntries(Object.entries(results).map(([k, v]) => [k, {
      first: round(v.first), p50: round(v.p50), p95: round(v.p95),
      ...(v.cpuMs === undefined ? {} : { cpu_ms: round(v.cpuMs) }), ...(v.dbCpuMs === undefined ? {} : { db_cpu_ms: round(v.dbCpuMs) }),
    }])),
  }));
}

/**
 * CPU milliseconds (user + system) process `pid` has used so far, from /proc/<pid>/stat (Linux, whose /proc counts
 * in USER_HZ = 100 ticks a second); undefined where there is no /proc.
 */
function processCpuMs(pid: number): number | undefined {
  const file = `/proc/${pid}/stat`;
  if (!existsSync(file)) return undefined;
  const stat = readFileSync(file, 'utf8');
  // After "pid (command) ", utime and stime are the 12th and 13th fields (14th and 15th of the whole line).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * CPU milliseconds used so far by each PostgreSQL backend serving a `dossier serve` store (application name
 * dossier-store) on the database of `db`, by backend pid; empty for a SQLite store.
 */
async function databaseCpuMs(db: string): Promise<Map<number, number>> {
  if (!isPostgresUrl(db)) return new Map();
  const pool = createPool(parsePostgresUrl(db), { applicationName: 'dossier-bench' });
  try {
    const { rows } = await pool.query("SELECT pid FROM pg_stat_activity WHERE application_name = 'dossier-store' AND datname = current_database()");
    return new Map(rows.flatMap((r: { pid: number }) => {
      const ms = processCpuMs(r.pid);
      return ms === undefined ? [] : [[r.pid, ms] as const];
    }));
  } finally {
    await pool.end();
  }
}

/** The next chunk of a response body, or undefined at its end or once the request was aborted. */
async function readChunk(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<Uint8Array | undefined> {
  try {
    const { value, done } = await reader.read();
    return done ? undefined : value;
  } catch (error) {
    if ((error as Error).name === 'AbortError') return undefined;
    throw error;
  }
}

/** `dossier serve` on the store in a child process (so the clients here do not share its event loop); its URL. */
async function startServer(path: string, readers: number): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['bin/dossier.js', 'serve', '--db', path, '--port', '0', '--readers', String(readers), '--web', tmpdir()], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/[^/\s]+)\//.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`dossier serve exited (${code}) before listening`)));
  });
  return { url, pid: child.pid!, stop: () => new Promise((done) => { child.once('exit', () => done()); child.kill('SIGINT'); }) };
}

/** p95 per route with `clients` concurrent clients over HTTP, without and then with a read pool; JSON line last. */
async function concurrent(path: string, cases: Record<string, () => string>, clients: number, seconds: number, readers: number, articles: number): Promise<void> {
  const run = async (serverReaders: number, label: string): Promise<{ all: number; byRoute: Record<string, number>; requests: number; exports: number; exportedBytes: number; serverCpuMs: number | null; dbCpuMs: number | null }> => {
    const server = await startServer(path, serverReaders);
    const times = new Map<string, number[]>(Object.keys(cases).map((name) => [name, []]));
    const names = Object.keys(cases);
    for (const name of names) await (await fetch(`${server.url}${cases[name]!()}`)).arrayBuffer(); // warm-up
    const serverCpuAtStart = processCpuMs(server.pid);
    const dbCpuAtStart = await databaseCpuMs(path);
    const deadline = performance.now() + seconds * 1000;
    const failures: string[] = [];
    let exports = 0;
    const client = async (n: number) => {
      for (let i = n; performance.now() < deadline; i++) {
        const name = names[i % names.length]!;
        const t0 = performance.now();
        // A connection reset (a kept-alive socket closed by the server as it is reused, likelier under load) is
        // counted and reported, not fatal.
        const res = await fetch(`${server.url}${cases[name]!()}`).catch((error: unknown) => {
          failures.push(`${name}: ${error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error)}`);
          return undefined;
        });
        if (!res) continue;
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${name}: HTTP ${res.status}`);
        times.get(name)!.push(performance.now() - t0);
      }
    };
    // The export under way at the deadline is cut off (its bytes so far counted), so the CPU figures cover the
    // same window as the requests: an export of the 20k store takes longer than the run.
    let exportedBytes = 0;
    const stopExport = new AbortController();
    const exporter = async () => {
      while (performance.now() < deadline) {
        const res = await fetch(`${server.url}/api/exports/events.jsonl`, { signal: stopExport.signal }).catch((error: unknown) => failures.push(`export: ${String(error)}`));
        if (typeof res === 'number') continue;
        const reader = res.body!.getReader();
        for (let chunk = await readChunk(reader); chunk; chunk = await readChunk(reader)) exportedBytes += chunk.byteLength;
        if (!stopExport.signal.aborted) exports++;
      }
    };
    const clientsDone = Promise.all(Array.from({ length: clients }, (_, n) => client(n))).then(() => stopExport.abort());
    await Promise.all([clientsDone, exporter()]);
    const serverCpuAtEnd = processCpuMs(server.pid);
    // A connection the pool opened during the run counts from zero.
    const dbCpu = isPostgresUrl(path) ? [...(await databaseCpuMs(path))].reduce((sum, [pid, ms]) => sum + ms - (dbCpuAtStart.get(pid) ?? 0), 0) : null;
    await server.stop();
    const byRoute = Object.fromEntries([...times].map(([name, list]) => [name, percentile([...list].sort((a, b) => a - b), 95)]));
    const all = [...times.values()].flat().sort((a, b) => a - b);
    const serverCpuMs = serverCpuAtStart === undefined || serverCpuAtEnd === undefined ? null : serverCpuAtEnd - serverCpuAtStart;
    const cpu = [
      ...(serverCpuMs === null ? [] : [`server CPU ${(serverCpuMs / all.length).toFixed(2)} ms`]), ...(dbCpu === null ? [] : [`database CPU ${(dbCpu / all.length).toFixed(2)} ms`]),
    ];
    console.log(`\n${label}: ${clients} clients + 1 export puller for ${seconds} s: ${all.length} requests, ${exports} whole exports (${(exportedBytes / 1e6).toFixed(1)} MB), p95 ${percentile(all, 95).toFixed(1)} ms${failures.length ? `; ${failures.length} failed to connect (${[...new Set(failures)].slice(0, 3).join("; ")})` : ""}`);
    if (cpu.length) console.log(`  per request (the export's share included): ${cpu.join(', ')}`);
    for (const [name, p95] of Object.entries(byRoute)) console.log(`  ${name.padEnd(30)} p95 ${p95.toFixed(1).padStart(8)} ms`);
    return { all: percentile(all, 95), byRoute, requests: all.length, exports, exportedBytes, serverCpuMs, dbCpuMs: dbCpu };
  };
  const single = await run(0, 'one connection (--readers 0)');
  const pool = await run(readers, `--readers ${readers}`);
  const round = (x: number) => Math.round(x * 10) / 10;
  const [load1] = loadavg();
  console.log(JSON.stringify({
    bench: 'api-concurrent', articles, clients, seconds, readers, load_avg_1m: round(load1!),
    p95_ms_concurrent: round(pool.all), p95_ms_concurrent_no_pool: round(single.all), requests: pool.requests, requests_no_pool: single.requests,
    exports: pool.exports, exports_no_pool: single.exports, exported_mb: Math.round(pool.exportedBytes / 1e5) / 10, exported_mb_no_pool: Math.round(single.exportedBytes / 1e5) / 10,
    server_cpu_ms_per_request: pool.serverCpuMs === null ? null : Math.round((pool.serverCpuMs / pool.requests) * 100) / 100,
    server_cpu_ms_per_request_no_pool: single.serverCpuMs === null ? null : Math.round((single.serverCpuMs / single.requests) * 100) / 100,
    db_cpu_ms_per_request: pool.dbCpuMs === null ? null : Math.round((pool.dbCpuMs / pool.requests) * 100) / 100,
    p95_ms_by_route: Object.fromEntries(Object.entries(pool.byRoute).map(([k, v]) => [k, round(v)])),
  }));
}

await main();
