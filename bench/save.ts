/**
 * The writer's side of an ingest alone (issue 19): generated articles are annotated once, then ingested again and
 * again from those outcomes into fresh SQLite stores, one transaction per article against batches of
 * SAVE_BATCH_ARTICLES (Store.openSaveBatch), alternating A/B so a shared machine's load falls on both alike.
 * Per article: the cross-article look-ups, the save and the COMMIT. The stores must export byte for byte alike.
 *
 *   node --import tsx bench/save.ts [--articles 200] [--rounds 3]
 *
 * Prints one JSON line last.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { AnnotateOutcome, ArticleAnnotator } from '../src/app/annotate.js';
import { composeAnnotator } from '../src/app/compose-pipeline.js';
import { EXPORT_FORMATS, exportAs } from '../src/app/export.js';
import { ingest, SAVE_BATCH_ARTICLES } from '../src/app/ingest.js';
import type { Store } from '../src/store/store.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import { syntheticArticle } from './lib/synthetic.js';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '200' }, rounds: { type: 'string', default: '3' } } });
const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-save-'));
const FIXED_CLOCK = () => new Date('2026-01-02T03:04:05Z');

/** An annotator that hands back the outcomes recorded by a first, real annotation. */
function replay(stages: ArticleAnnotator['stages'], outcomes: ReadonlyMap<string, AnnotateOutcome>): ArticleAnnotator {
  return { stages, capacity: 1, annotate: async (raw) => outcomes.get(raw.source)!, close: async () => undefined };
}

/** The store with its batch method hidden: ingest then saves one transaction per article, as before batching. */
function unbatched(store: Store): Store {
  return new Proxy(store, { get: (target, key, receiver) => (key === 'openSaveBatch' ? undefined : Reflect.get(target, key, receiver)) });
}

try {
  const inputs = join(dir, 'articles');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(inputs);
  for (let i = 0; i < Number(values.articles); i++) writeFileSync(join(inputs, `a${String(i).padStart(6, '0')}.txt`), syntheticArticle(i).text);
  const recorded = new Map<string, AnnotateOutcome>();
  {
    const store = openSqliteStore(join(dir, 'record.db'), FIXED_CLOCK);
    await store.migrate();
    const { stages, annotator } = await composeAnnotator(store, { jobs: 0 });
    const recording: ArticleAnnotator = { ...annotator, annotate: async (raw, genres) => { const o = await annotator.annotate(raw, genres); recorded.set(raw.source, o); return o; } };
    await ingest([inputs], { store, stages, annotator: recording });
    await store.close();
    const runs: Record<'per_article' | 'batched', number[]> = { per_article: [], batched: [] };
    const exported: Record<string, string> = {};
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const mode of ['per_article', 'batched'] as const) {
        const path = join(dir, `${mode}-${round}.db`);
        const opened = openSqliteStore(path, FIXED_CLOCK);
        await opened.migrate();
        const target = mode === 'batched' ? opened : unbatched(opened);
        const began = performance.now();
        const summary = await ingest([inputs], { store: target, stages, annotator: replay(stages, recorded) });
        runs[mode].push((performance.now() - began) / Math.max(1, summary.inserted));
        if (round === 0) exported[mode] = (await Promise.all(Object.keys(EXPORT_FORMATS).map((f) => exportAs(opened, f)))).join('\n');
        await opened.close();
        console.log(`round ${round + 1}, ${mode.replace('_', ' ')}: ${runs[mode].at(-1)!.toFixed(2)} ms per article (${summary.inserted} articles; load ${loadavg()[0]!.toFixed(1)})`);
      }
    }
    const identical = exported['per_article'] === exported['batched'];
    console.log(`exports (${Object.keys(EXPORT_FORMATS).length} formats) ${identical ? 'identical' : 'DIFFER'}`);
    const best = (xs: number[]) => Number(Math.min(...xs).toFixed(2));
    console.log(JSON.stringify({ bench: 'save', store: 'sqlite', articles: recorded.size, batch: SAVE_BATCH_ARTICLES, save_ms_per_article: best(runs.per_article), save_ms_per_article_batched: best(runs.batched), exports_identical: identical, load_average: Number(loadavg()[0]!.toFixed(1)) }));
    if (!identical) process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
