/**
 * Cost per near-identical copy as a syndication group grows (issue 20 §10): `n` tiny articles differing by one
 * number, ingested (clean step only) in batches of 250 into one SQLite store; prints ms per copy per batch, then a
 * JSON line with the first and last batch and their ratio (flat: ≈ 1).
 *   npm run bench:copies -- 2000
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../src/app/ingest.js';
import { createResources } from '../src/pipeline/index.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';

const total = Number(process.argv[2] ?? 2000);
const BATCH = 250;
const dir = mkdtempSync(join(tmpdir(), 'dossier-copies-'));
const store = openSqliteStore(join(dir, 'store.db'));
await store.migrate();
const story = (i: number) =>
  `Grain prices in Homs rose by a third in a week, traders said on Sunday, after floods closed the main road to the coast. ` +
  `The ministry said ${i} lorries were waiting at the checkpoint near the river crossing, and that the road would reopen when the water fell. ` +
  `Bakers in the old city said they had cut the size of loaves again.\n`;
const msPerCopy: number[] = [];
try {
  for (let b = 0; b * BATCH < total; b++) {
    const folder = join(dir, `batch-${b}`);
    mkdirSync(folder);
    for (let i = 0; i < BATCH; i++) writeFileSync(join(folder, `copy-${i}.txt`), story(b * BATCH + i));
    const began = performance.now();
    await ingest([folder], { store, stages: [], resources: createResources() });
    msPerCopy.push((performance.now() - began) / BATCH);
    console.log(`copies ${b * BATCH}–${(b + 1) * BATCH}: ${msPerCopy.at(-1)!.toFixed(2)} ms per copy`);
  }
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
const first = msPerCopy[0]!;
const last = msPerCopy.at(-1)!;
console.log(JSON.stringify({ bench: 'copies', store: 'sqlite', copies: msPerCopy.length * BATCH, first_ms_per_copy: +first.toFixed(2), last_ms_per_copy: +last.toFixed(2), ratio: +(last / first).toFixed(2) }));
