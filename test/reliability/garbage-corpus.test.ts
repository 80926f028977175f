/**
 * Issue 10 reliability: a generated garbage corpus ingests with one clear error per bad input, no crash,
 * bounded memory, and the good article among them stored.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ingest } from '../../src/app/ingest.js';
import { createResources } from '../../src/pipeline/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';

const GOOD = fileURLToPath(new URL('../fixtures/ingest/harbour-fire.txt', import.meta.url));

function garbageCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-garbage-'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
  // 50 MB of text: refused by size before it is read.
  writeFileSync(join(dir, 'huge.txt'), Buffer.alloc(50 * 1024 * 1024, 'news '));
  // Invalid UTF-8 that is not binary: decoded as Windows-1252, not rejected.
  writeFileSync(join(dir, 'latin1.txt'), Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' owners in Tartus said prices of bread and fuel had doubled since the summer, and that customers were staying away.\n')]));
  writeFileSync(join(dir, 'nested.html'), `<!doctype html><html><body>${'<div>'.repeat(20000)}deep${'</div>'.repeat(20000)}</body></html>`);
  writeFileSync(join(dir, 'wide.html'), `<!doctype html><html><body>${'<span>x</span>'.repeat(100000)}</body></html>`);
  writeFileSync(join(dir, 'broken.jsonl'), '{"title": "ok", "text": "too short"}\n{not json\n[1,2]\n');
  writeFileSync(join(dir, 'truncated.html'), '<!doctype html><html><head><title>Cut</title></head><body><article><p>The ministry said on Tuesday that');
  copyFileSync(GOOD, join(dir, 'good.txt'));
  return dir;
}

test('reliability › a garbage corpus gives one error per bad input, stores the good article, and stays within memory', async () => {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  const before = process.memoryUsage().rss;
  const summary = await ingest([garbageCorpus()], { store, stages: [], resources: createResources() });
  const growthMb = (process.memoryUsage().rss - before) / 1024 / 1024;
  const bySource = Object.fromEntries(summary.failures.map((f) => [f.source.split('/').pop(), f.code]));
  assert.equal(bySource['empty.txt'], 'E_INPUT_EMPTY');
  assert.equal(bySource['binary.txt'], 'E_INPUT_BINARY');
  assert.equal(bySource['huge.txt'], 'E_INPUT_TOO_LARGE');
  assert.equal(bySource['broken.jsonl#1'], 'E_INPUT_NO_BODY');
  assert.equal(bySource['broken.jsonl#2'], 'E_INPUT_MALFORMED');
  assert.equal(bySource['broken.jsonl#3'], 'E_INPUT_MALFORMED');
  for (const name of ['nested.html', 'truncated.html']) assert.ok(bySource[name], `${name} fails with a reason, got ${JSON.stringify(summary.failures)}`);
  for (const f of summary.failures) assert.ok(f.reason.length > 5, `a reason for ${f.source}`);
  // 100k elements of text is odd but not malformed: it is read (or refused with a reason), never a crash.
  assert.equal(summary.inserted + (bySource['wide.html'] ? 0 : -1), 2, 'the good article and the Latin-1 one are stored');
  const [cafe] = await store.search({ text: 'Tartus bread' });
  assert.match((await store.getArticle(cafe!.id))!.body, /^Café owners/);
  assert.ok(growthMb < 512, `memory grew by ${growthMb.toFixed(0)} MB`);
  await store.close();
});
