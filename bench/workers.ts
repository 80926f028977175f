/**
 * Ingestion spread over worker processes on PostgreSQL (issue 10): the same generated corpus enqueued in a fresh
 * schema, then processed by 1, 2 and 4 `dossier worker --until-idle` processes; articles/s, words/s and the
 * speed-up over one worker. Needs DATABASE_URL (e.g. postgres:///test); skips without it.
 *
 *   DATABASE_URL=postgres:///test node --import tsx bench/workers.ts [--articles 240] [--workers 1,2,4]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { enqueueInputs } from '../src/app/queue.js';
import { openStore } from '../src/store/open-store.js';
import { createTestSchema } from '../test/helpers/postgres-schema.js';
import { syntheticArticle } from './lib/synthetic.js';

if (!process.env['DATABASE_URL']) {
  console.log('bench:workers skipped: DATABASE_URL is not set (e.g. DATABASE_URL=postgres:///test)');
  console.log(JSON.stringify({ bench: 'workers', skipped: 'DATABASE_URL not set' }));
  process.exit(0);
}

const { values } = parseArgs({ options: { articles: { type: 'string', default: '240' }, workers: { type: 'string', default: '1,2,4' } } });
const ARTICLES = Number(values.articles);
const WORKER_COUNTS = values.workers.split(',').map(Number);
const BIN = fileURLToPath(new URL('../bin/dossier.js', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-workers-'));
let words = 0;
for (let i = 0; i < ARTICLES; i++) {
  const article = syntheticArticle(i);
  words += article.words;
  writeFileSync(join(dir, `a${String(i).padStart(5, '0')}.txt`), article.text);
}

function runWorker(db: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'worker', '--db', db, '--until-idle', '--poll-seconds', '0.5'], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

const results: { workers: number; seconds: number; stored: number }[] = [];
for (const count of WORKER_COUNTS) {
  const schema = createTestSchema('dossier_bench');
  try {
    const store = await openStore(schema.url);
    await store.close();
    await enqueueInputs([dir], { db: schema.url });
    const began = performance.now();
    const codes = await Promise.all(Array.from({ length: count }, () => runWorker(schema.url)));
    const seconds = (performance.now() - began) / 1000;
    const check = await openStore(schema.url);
    const stored = (await check.stats()).articles;
    await check.close();
    if (codes.some((c) => c !== 0)) console.log(`  (a worker exited with ${codes.join(', ')})`);
    results.push({ workers: count, seconds, stored });
    console.log(`${count} worker(s): ${stored} articles in ${seconds.toFixed(1)} s (wall, incl. start-up): ${(stored / seconds).toFixed(2)} articles/s, ${Math.round((words * stored) / ARTICLES / seconds)} words/s`);
  } finally {
    await schema.drop();
  }
}
rmSync(dir, { recursive: true, force: true });
console.log(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}); ${ARTICLES} generated articles, ${words} words`);
const base = results[0]!;
console.log(JSON.stringify({
  bench: 'workers', store: 'postgres', articles: ARTICLES, words,
  runs: results.map((r) => ({ workers: r.workers, seconds: +r.seconds.toFixed(1), articles_per_s: +(r.stored / r.seconds).toFixed(2), speedup: +(base.seconds / r.seconds).toFixed(2) })),
}));
