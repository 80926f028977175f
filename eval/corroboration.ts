/**
 * `npm run eval:corroboration`: how corroboration statuses come out on the 793 real WCXB pages
 * (../shared/data/metadata/html/*.html.gz) and the 91 pages of the article-extraction benchmark
 * (../shared/data/extraction/html/*.html.gz; `--wcxb-only` leaves them out). Decompresses them to a temporary folder, ingests them with the CLI into
 * a temporary SQLite store, then counts (a) "corroborated" events whose asserting reports all come from one article
 * (or one group of copies) — target 0; (b) "denied"/"contested" events with no denial by a real party answering them
 * in a stored denial claim — target 0; (c) events by status. `--db <path>` counts an existing store instead
 * (e.g. one ingested by an older version, for a before/after comparison; `--data wcxb/dev` names it in the JSON line),
 * `--verbose` lists every offending event. Also lists 20 merges between articles drawn at random (a fixed seed,
 * `--seed <n>` for another draw) with their reasons, to be judged by reading. Prints the headline JSON line last.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { isRealSource, type EventReport } from '../src/corpus/corroborate/index.js';
import { hasDenialPhrase } from '../src/corpus/observe/index.js';
import type { MergedEventDetail, StoredClaim } from '../src/store/store.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';

const argv = process.argv.slice(2);
const dbArg = argv.includes('--db') ? argv[argv.indexOf('--db') + 1] : undefined;
const verbose = argv.includes('--verbose');
/** What the counted store holds, for the JSON line: the WCXB pages unless `--data <name>` says otherwise. */
const wcxbOnly = argv.includes('--wcxb-only');
const dataName = argv.includes('--data') ? argv[argv.indexOf('--data') + 1]! : dbArg ? `store:${dbArg}` : wcxbOnly ? 'wcxb/dev' : 'wcxb/dev+extraction';
const seed = argv.includes('--seed') ? Number(argv[argv.indexOf('--seed') + 1]) : 15;
const htmlDir = fileURLToPath(new URL('../../shared/data/metadata/html/', import.meta.url));
const extractionDir = fileURLToPath(new URL('../../shared/data/extraction/html/', import.meta.url));
const bin = fileURLToPath(new URL('../bin/dossier.js', import.meta.url));

let dbPath: string;
if (dbArg) {
  if (!existsSync(dbArg)) throw new Error(`eval:corroboration: no store at "${dbArg}"`);
  dbPath = dbArg;
} else {
  if (!existsSync(htmlDir)) {
    console.log(`eval:corroboration skipped: ${htmlDir} not found (the WCXB pages live outside the repository)`);
    process.exit(0);
  }
  const work = mkdtempSync(join(tmpdir(), 'dossier-corroboration-'));
  const pages = join(work, 'pages');
  mkdirSync(pages);
  const dirs = [htmlDir, ...(!wcxbOnly && existsSync(extractionDir) ? [extractionDir] : [])];
  const files = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.html.gz')).sort().map((f) => join(dir, f)));
  for (const f of files) writeFileSync(join(pages, f.slice(f.lastIndexOf('/') + 1).replace(/\.gz$/, '')), gunzipSync(readFileSync(f)));
  dbPath = join(work, 'wcxb.db');
  console.log(`ingesting ${files.length} pages into ${dbPath} (several minutes)…`);
  const run = spawnSync(process.execPath, [bin, 'ingest', pages, '--db', dbPath, '--json'], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 1 << 28 });
  // Exit status 1 means some pages failed (no article body, a stage error): they are reported above and left out.
  if (run.status !== 0 && run.status !== 1) throw new Error(`eval:corroboration: ingest exited with ${run.status}`);
  // The store stays for inspection (`dossier timeline --db …`); the decompressed pages do not.
  rmSync(pages, { recursive: true, force: true });
}

const store = openSqliteStore(dbPath);
const PAGE = 200;
const events: MergedEventDetail[] = [];
for (let offset = 0; ; offset += PAGE) {
  const rows = await store.listEvents({ limit: PAGE, offset });
  for (const row of rows) {
    const detail = await store.getEvent(row.id);
    if (detail) events.push(detail);
  }
  if (rows.length < PAGE) break;
}
const articles = (await store.stats()).articles;

/** The real party at the root of a report's chain (the outlet's own name at its head is the article speaking). */
function partyOf(report: EventReport): string | undefined {
  const chain = report.chain.filter((s, i) => s.kind !== 'article' && !(i === 0 && s.name.toLowerCase() === report.outlet?.toLowerCase()) && isRealSource(s));
  return chain[chain.length - 1]?.name;
}

const claimsByArticle = new Map<string, StoredClaim[]>();
async function claimsOf(articleId: string): Promise<StoredClaim[]> {
  if (!claimsByArticle.has(articleId)) {
    const all: StoredClaim[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await store.listClaims({ articleId, limit: PAGE, offset });
      all.push(...page);
      if (page.length < PAGE) break;
    }
    claimsByArticle.set(articleId, all);
  }
  return claimsByArticle.get(articleId)!;
}

/** A denial report answered by a stored denial claim of the same party in the same article. */
async function isAnsweredDenial(report: EventReport): Promise<boolean> {
  if (report.stance !== 'denied') return false;
  const party = partyOf(report);
  if (!party) return false;
  const claims = await claimsOf(report.articleId);
  return claims.some((c) => (c.stance === 'denied' || hasDenialPhrase(c.content.text)) && c.chain[c.chain.length - 1]?.name === party);
}

const byStatus: Record<string, number> = { 'single-source': 0, corroborated: 0, contested: 0, denied: 0 };
const byStance: Record<string, number> = {};
let corroboratedOneArticle = 0;
let corroboratedOneGroup = 0;
let unanswered = 0;
let zeroOrigins = 0;
let negatedOnly = 0;
const examples: string[] = [];
for (const e of events) {
  byStatus[e.status] = (byStatus[e.status] ?? 0) + 1;
  for (const r of e.reports) byStance[r.stance] = (byStance[r.stance] ?? 0) + 1;
  if (e.assertingOrigins === 0) zeroOrigins++;
  if (e.reports.length && e.reports.every((r) => (r.stance as string) === 'negated')) negatedOnly++;
  if (e.status === 'corroborated') {
    const asserting = e.reports.filter((r) => r.stance === 'asserted' || r.stance === 'confirmed');
    if (new Set(asserting.map((r) => r.articleId)).size <= 1) {
      corroboratedOneArticle++;
      examples.push(`corroborated from one article: ${e.id} ${e.ploverType} — ${e.explanation}`);
    }
    if (new Set(asserting.map((r) => r.syndicationGroup)).size <= 1) corroboratedOneGroup++;
  }
  if (e.status === 'denied' || e.status === 'contested') {
    let answered = false;
    for (const r of e.reports) if (await isAnsweredDenial(r)) answered = true;
    if (!answered) {
      unanswered++;
      examples.push(`${e.status} with no answering denial: ${e.id} ${e.ploverType} — ${e.explanation} — "${e.summary.slice(0, 120)}"`);
    }
  }
}
await store.close();

/** A small seeded generator (mulberry32), so the listed sample is the same on every run of one store. */
function random(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
// Merges between articles: an observation that joined an event another article observed first.
const merges = events.flatMap((e) => e.observations.filter((o) => o.score > 0 && e.observations.some((x) => x.articleId !== o.articleId))
  .map((o) => ({ event: e, joined: o, first: e.observations.find((x) => x.articleId !== o.articleId)! })));
const next = random(seed);
const sample = merges.map((m) => ({ m, key: next() })).sort((a, b) => a.key - b.key).slice(0, 20).map((x) => x.m);

console.log(`store: ${dbPath}`);
console.log(`articles ${articles}, merged events ${events.length}`);
console.log(`by status: ${JSON.stringify(byStatus)}`);
console.log(`reports by stance: ${JSON.stringify(byStance)}`);
console.log(`events with no asserting origin: ${zeroOrigins} (of which only negated mentions: ${negatedOnly})`);
console.log(`corroborated from one article: ${corroboratedOneArticle}; from one group of copies: ${corroboratedOneGroup}`);
console.log(`denied/contested without an answering denial by a real party: ${unanswered}`);
for (const line of verbose ? examples : examples.slice(0, 10)) console.log(`  ${line}`);
const clip = (text: string) => text.replace(/\s+/g, ' ').slice(0, 220);
console.log(`merges between articles: ${merges.length}; ${sample.length} drawn at random (seed ${seed}):`);
for (const { event, joined, first } of sample) {
  console.log(`- ${event.id} ${event.ploverType}: ${joined.reasons.join('; ')}`);
  console.log(`    ${first.articleId} (${first.outlet ?? '?'}, ${first.publishedAt ?? 'undated'}): "${clip(first.evidence.text)}"`);
  console.log(`    ${joined.articleId} (${joined.outlet ?? '?'}, ${joined.publishedAt ?? 'undated'}): "${clip(joined.evidence.text)}"`);
}
console.log(JSON.stringify({
  eval: 'corroboration',
  data: dataName,
  articles,
  events: events.length,
  by_status: byStatus,
  corroborated_one_article: corroboratedOneArticle,
  denied_contested_unanswered: unanswered,
  zero_origin_events: zeroOrigins,
  negated_only_events: negatedOnly,
  merges_between_articles: merges.length,
}));
