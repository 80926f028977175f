/**
 * Full-pipeline throughput on a generated corpus (bench/lib/synthetic.ts), embedded SQLite store:
 * articles/s and words/s on one core, ms per 1k words for each stage, and peak RSS.
 *
 *   node --import tsx bench/pipeline.ts [--articles 2000]
 *
 * Prints one JSON line last. Target (issue 10): ≥ 20k words/s per core end to end, peak RSS < 2 GiB.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingest } from '../src/app/ingest.js';
import { loadDefaultResources } from '../src/app/resources.js';
import { defaultStages } from '../src/pipeline/index.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import { syntheticArticle } from './lib/synthetic.js';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '2000' } } });
const ARTICLES = Number(values.articles);

const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-pipeline-'));
let words = 0;
for (let i = 0; i < ARTICLES; i++) {
  const article = syntheticArticle(i);
  words += article.words;
  writeFileSync(join(dir, `a${String(i).padStart(6, '0')}.txt`), article.text);
}
const loadStart = performance.now();
const resources = await loadDefaultResources();
const loadMs = performance.now() - loadStart;
const store = openSqliteStore(join(dir, 'bench.db'));
await store.migrate();
let peakRss = process.memoryUsage().rss;
const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const began = performance.now();
const summary = await ingest([dir], { store, stages: defaultStages(), resources });
const seconds = (performance.now() - began) / 1000;
clearInterval(timer);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
await store.close();
rmSync(dir, { recursive: true, force: true });

console.log(`node ${process.version} on ${cpus()[0]?.model ?? 'unknown CPU'} (one process, one core)`);
console.log(`resources loaded in ${loadMs.toFixed(0)} ms`);
console.log(`${summary.inserted} articles (${words} words) in ${seconds.toFixed(1)} s: ${(summary.inserted / seconds).toFixed(1)} articles/s, ${(words / seconds).toFixed(0)} words/s; ${summary.failures.length} failed`);
for (const [stage, ms] of Object.entries(summary.stageMs)) console.log(`  ${stage.padEnd(12)} ${((ms / words) * 1000).toFixed(2)} ms per 1k words`);
console.log(`peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
console.log(JSON.stringify({ bench: 'pipeline', store: 'sqlite', articles: summary.inserted, words, seconds: +seconds.toFixed(2), articles_per_s: +(summary.inserted / seconds).toFixed(1), words_per_s: Math.round(words / seconds), peak_rss_mb: Math.round(peakRss / 1024 / 1024) }));
