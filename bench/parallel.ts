/**
 * Issue 19: one thread against a pool of worker threads, end to end into SQLite, on generated articles and on the
 * real WCXB pages in ../shared/data/metadata/html (skipped with a message when absent). Each run is its own child
 * process, so its peak RSS (worker threads included) is its own.
 *
 *   node --import tsx bench/parallel.ts [--articles 300] [--pages 793] [--jobs 2]
 *
 * Words are those of the clean article bodies stored. Model loading is timed apart and not counted in words/s.
 * The machine may be shared: the load average is printed beside every figure. Prints one JSON line last.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { composeAnnotator } from '../src/app/compose-pipeline.js';
import { ingest } from '../src/app/ingest.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import { syntheticArticle } from './lib/synthetic.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '300' },
    pages: { type: 'string', default: '793' },
    jobs: { type: 'string', default: '2' },
    child: { type: 'string' },
  },
});
const WCXB = fileURLToPath(new URL('../../shared/data/metadata/html/', import.meta.url));

/** What one child run measured. */
interface RunResult {
  readonly jobs: number;
  readonly articles: number;
  readonly failed: number;
  readonly words: number;
  readonly seconds: number;
  readonly loadMs: number;
  readonly peakRssMb: number;
  /** RSS once the models are loaded and the workers ready, before the first article: peak − this = the articles' share. */
  readonly loadedRssMb: number;
  readonly stageMs: Record<string, number>;
  readonly saveMs: number;
  readonly loadAverage: number;
}

/** Child mode: ingest the listed inputs with `jobs` workers (0: this thread) into a new store; print the result. */
async function runChild(spec: { inputs: string[]; jobs: number; dir: string }): Promise<void> {
  const store = openSqliteStore(join(spec.dir, `bench-${spec.jobs}-${process.pid}.db`));
  await store.migrate();
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const loadBegan = performance.now();
  const { stages, annotator } = await composeAnnotator(store, { jobs: spec.jobs });
  const loadMs = performance.now() - loadBegan;
  const loadedRss = process.memoryUsage().rss;
  peakRss = Math.max(peakRss, loadedRss);
  let words = 0;
  const began = performance.now();
  const summary = await ingest(spec.inputs, {
    store,
    stages,
    annotator,
    events: { onArticle: (outcome, _source, doc) => void (outcome !== 'failed' && 'text' in doc && (words += doc.text.split(/\s+/).filter(Boolean).length)) },
  });
  const seconds = (performance.now() - began) / 1000;
  clearInterval(timer);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  await annotator.close();
  await store.close();
  const result: RunResult = {
    jobs: spec.jobs,
    articles: summary.inserted + summary.updated,
    failed: summary.failures.length,
    words,
    seconds,
    loadMs,
    peakRssMb: peakRss / 1024 / 1024,
    loadedRssMb: loadedRss / 1024 / 1024,
    stageMs: { ...summary.stageMs },
    saveMs: summary.saveMs,
    loadAverage: loadavg()[0]!,
  };
  console.log(JSON.stringify(result));
}

/** Runs one configuration in a child process and reads its result line. */
function measure(inputs: string[], jobs: number, dir: string): RunResult {
  const spec = join(dir, `spec-${jobs}.json`);
  writeFileSync(spec, JSON.stringify({ inputs, jobs, dir }));
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', spec], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
  if (child.status !== 0) throw new Error(`bench child (jobs ${jobs}) exited with ${child.status}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as RunResult;
}

const round = (x: number, digits = 1) => Number(x.toFixed(digits));

/** One corpus: one thread, then the pool; prints the figures and returns the headline object. */
function compare(name: string, inputs: string[], jobs: number, dir: string): Record<string, unknown> {
  const one = measure(inputs, 0, dir);
  const many = measure(inputs, jobs, dir);
  const perArticle = (run: RunResult) => ({
    ...Object.fromEntries(Object.entries(run.stageMs).map(([stage, ms]) => [stage, round(ms / Math.max(1, run.articles), 2)])),
    save: round(run.saveMs / Math.max(1, run.articles), 2),
  });
  for (const run of [one, many]) {
    console.log(
      `${name}, ${run.jobs ? `${run.jobs} worker threads + writer` : 'one thread'}: ${run.articles} articles (${run.words} words, ${run.failed} failed) in ${run.seconds.toFixed(1)} s = ` +
        `${Math.round(run.words / run.seconds)} words/s; models loaded in ${(run.loadMs / 1000).toFixed(1)} s; peak RSS ${Math.round(run.peakRssMb)} MB (${Math.round(run.loadedRssMb)} MB once loaded); load average ${run.loadAverage.toFixed(1)}`,
    );
    console.log(`  ms per article: ${Object.entries(perArticle(run)).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
  const wordsPerS1 = one.words / one.seconds;
  const wordsPerSN = many.words / many.seconds;
  return {
    articles: one.articles,
    words: one.words,
    jobs,
    words_per_s_1: Math.round(wordsPerS1),
    words_per_s_n: Math.round(wordsPerSN),
    speedup: round(wordsPerSN / wordsPerS1, 2),
    peak_rss_mb: Math.round(Math.max(one.peakRssMb, many.peakRssMb)),
    peak_rss_mb_1: Math.round(one.peakRssMb),
    peak_rss_mb_n: Math.round(many.peakRssMb),
    loaded_rss_mb: [Math.round(one.loadedRssMb), Math.round(many.loadedRssMb)],
    ms_per_article_1: perArticle(one),
    save_ms_per_article_n: round(many.saveMs / Math.max(1, many.articles), 2),
    load_average: [round(one.loadAverage), round(many.loadAverage)],
  };
}

if (values.child) {
  const { readFileSync } = await import('node:fs');
  await runChild(JSON.parse(readFileSync(values.child, 'utf8')) as { inputs: string[]; jobs: number; dir: string });
} else {
  const jobs = Number(values.jobs);
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-parallel-'));
  try {
    console.log(`node ${process.version} on ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    const generatedDir = join(dir, 'generated');
    mkdirSync(generatedDir);
    for (let i = 0; i < Number(values.articles); i++) writeFileSync(join(generatedDir, `a${String(i).padStart(6, '0')}.txt`), syntheticArticle(i).text);
    const headline: Record<string, unknown> = { bench: 'parallel', store: 'sqlite', ...compare('generated', [generatedDir], jobs, dir) };
    if (existsSync(WCXB)) {
      const pages = readdirSync(WCXB).filter((f) => f.endsWith('.html.gz')).sort().slice(0, Number(values.pages)).map((f) => join(WCXB, f));
      headline.real_pages = compare(`WCXB (${pages.length} pages)`, pages, jobs, dir);
    } else {
      console.log(`real pages skipped: ${WCXB} is absent`);
      headline.real_pages = { skipped: `${WCXB} absent` };
    }
    console.log(JSON.stringify(headline));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
