import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../store/sqlite/index.js';
import { composeAnnotator } from './compose-pipeline.js';
import { EXPORT_FORMATS, exportAs } from './export.js';
import { ingest, type IngestSummary } from './ingest.js';
import { createAnnotatorPool, defaultJobs } from './annotator-pool.js';

const DEMO = fileURLToPath(new URL('../../examples/articles/', import.meta.url));
const FIXED_CLOCK = () => new Date('2026-01-02T03:04:05Z');

/** The demo corpus plus inputs that must fail: a binary file, an empty one, and a path that does not exist. */
function makeCorpus(): { readonly dir: string; readonly inputs: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-pool-'));
  cpSync(DEMO, join(dir, 'articles'), { recursive: true });
  writeFileSync(join(dir, 'articles', 'text', 'm-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a, 0x00, 0x01]));
  writeFileSync(join(dir, 'articles', 'html', 'empty.html'), '');
  return { dir, inputs: [join(dir, 'articles'), join(dir, 'missing.txt')] };
}

/** Ingests the inputs into a new SQLite file with `jobs` workers (0: this thread); returns the summary and every export. */
async function ingestWith(jobs: number, dir: string, inputs: readonly string[]): Promise<{ summary: IngestSummary; exports: Map<string, string>; path: string }> {
  const path = join(dir, `jobs-${jobs}.db`);
  const store = openSqliteStore(path, FIXED_CLOCK);
  await store.migrate();
  const { stages, annotator } = await composeAnnotator(store, { jobs });
  try {
    const summary = await ingest(inputs, { store, stages, annotator });
    const exports = new Map<string, string>();
    for (const format of Object.keys(EXPORT_FORMATS)) exports.set(format, await exportAs(store, format));
    return { summary, exports, path };
  } finally {
    await annotator.close();
    await store.close();
  }
}

/** Every row of every table (FTS shadow tables included), in rowid order: the store's content as text. */
function dumpTables(path: string): Map<string, string> {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
    return new Map(tables.map(({ name }) => {
      const hasRowid = !(db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(name) as { sql: string }).sql.includes('WITHOUT ROWID');
      const rows = db.prepare(`SELECT * FROM "${name}"${hasRowid ? ' ORDER BY rowid' : ''}`).raw().all();
      return [name, JSON.stringify(rows, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : value))];
    }));
  } finally {
    db.close();
  }
}

test('annotator pool › a --jobs 2 ingest of the demo corpus stores exactly what a one-thread ingest stores, and reports the same bad inputs', async () => {
  const { dir, inputs } = makeCorpus();
  const one = await ingestWith(0, dir, inputs);
  const two = await ingestWith(2, dir, inputs);
  assert.ok(one.summary.inserted >= 12, `demo corpus stored (${one.summary.inserted} articles)`);
  for (const key of ['inserted', 'updated', 'duplicates', 'notEnglish', 'failures', 'warnings', 'skipped'] as const) {
    assert.deepEqual(two.summary[key], one.summary[key], `summary ${key}`);
  }
  // Bad inputs: one failure each, named, in input order, as in one thread (deepEqual above).
  assert.deepEqual(two.summary.failures.map((f) => [f.source.slice(dir.length), f.code]), [
    ['/articles/html/empty.html', 'E_INPUT_EMPTY'],
    ['/articles/text/m-binary.txt', 'E_INPUT_BINARY'],
    ['/missing.txt', 'E_INPUT_NOT_FOUND'],
  ]);
  assert.ok(one.exports.get('events.jsonl')!.length > 1000, 'events were found');
  for (const [format, text] of one.exports) assert.equal(two.exports.get(format), text, `export ${format} byte for byte`);
  const tablesOne = dumpTables(one.path);
  const tablesTwo = dumpTables(two.path);
  assert.deepEqual([...tablesTwo.keys()], [...tablesOne.keys()]);
  for (const [name, rows] of tablesOne) assert.equal(tablesTwo.get(name), rows, `table ${name}`);
});

test('annotator pool › default jobs leave one core to the writer, never fewer than one worker', () => {
  assert.equal(defaultJobs(1), 1);
  assert.equal(defaultJobs(2), 1);
  assert.equal(defaultJobs(16), 15);
});

/** A stand-in worker that speaks the pool's protocol without models: it dies on the article named "crash". */
const CRASHING_WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (task) => {
  if (task.raw.source === 'crash') process.exit(7);
  parentPort.postMessage({ kind: 'done', id: task.id, outcome: { ok: true, doc: { id: task.raw.source }, isAnnotated: true, warnings: [], timingsMs: {} } });
});
parentPort.postMessage({ kind: 'ready' });
`;

test('annotator pool › a worker that dies fails only the article it was on, by name; the others finish on its replacement', async () => {
  const pool = await createAnnotatorPool({ jobs: 1, entry: { kind: 'eval', script: CRASHING_WORKER } });
  try {
    const raw = (source: string) => ({ source, format: 'text' as const, contentType: 'text' as const, content: 'x', hints: {} });
    const outcomes = await Promise.all(['a', 'crash', 'b', 'c'].map((source) => pool.annotate(raw(source), ['news'])));
    assert.deepEqual(outcomes.map((o) => (o.ok ? o.doc.id : `failed: ${o.reason}`)), ['a', 'failed: annotation worker stopped: exited with code 7', 'b', 'c']);
  } finally {
    await pool.close();
  }
});
