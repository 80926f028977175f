/**
 * Issue 20 item 4: two `dossier ingest` processes writing one SQLite file both finish (write transactions take
 * the lock up front with BEGIN IMMEDIATE and wait for it without failing), and the store holds each article once.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { syntheticArticle } from '../../bench/lib/synthetic.js';

const BIN = fileURLToPath(new URL('../../bin/dossier.js', import.meta.url));
const ARTICLES = 24;

function ingest(input: string, db: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, 'ingest', input, '--db', db, '--json'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

test('reliability › two ingest processes on one SQLite file both finish, each article stored once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-concurrent-'));
  try {
    const input = join(dir, 'articles');
    mkdirSync(input);
    for (let i = 0; i < ARTICLES; i++) writeFileSync(join(input, `a${String(i).padStart(3, '0')}.txt`), syntheticArticle(i).text);
    const db = join(dir, 'store.db');
    const [first, second] = await Promise.all([ingest(input, db), ingest(input, db)]);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(second.code, 0, second.stderr);
    assert.doesNotMatch(first.stderr + second.stderr, /database is locked/);
    const conn = new Database(db, { readonly: true });
    try {
      assert.equal((conn.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n, ARTICLES);
      assert.equal(conn.pragma('integrity_check', { simple: true }), 'ok');
    } finally {
      conn.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
