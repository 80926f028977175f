/**
 * Issue 10 reliability: `kill -9` during a large SQLite ingest loses nothing committed, leaves no half-written
 * article, and a re-run completes the rest.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { syntheticArticle } from '../../bench/lib/synthetic.js';
import { main } from '../../src/cli/main.js';

const BIN = fileURLToPath(new URL('../../bin/dossier.js', import.meta.url));
const ARTICLES = 150;

function countArticles(db: string): number {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      conn.close();
    }
  } catch (error) {
    if (error instanceof Error && /no such table|unable to open|does not exist/.test(error.message)) return 0;
    throw error;
  }
}

test('reliability › SIGKILL mid-ingest keeps every committed article whole; a re-run stores the rest', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-kill-'));
  const input = join(dir, 'articles');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(input);
  for (let i = 0; i < ARTICLES; i++) writeFileSync(join(input, `a${String(i).padStart(4, '0')}.txt`), syntheticArticle(i).text);
  const db = join(dir, 'store.db');

  const child = spawn(process.execPath, [BIN, 'ingest', input, '--db', db], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const deadline = Date.now() + 240_000;
  while (countArticles(db) < 10 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  child.kill('SIGKILL');
  await exited;

  const stored = countArticles(db);
  assert.ok(stored > 0 && stored < ARTICLES, `killed part-way: ${stored} of ${ARTICLES} stored`);
  const conn = new Database(db);
  assert.equal((conn.pragma('integrity_check', { simple: true }) as string), 'ok');
  const incomplete = conn.prepare("SELECT count(*) AS n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM layers l WHERE l.article_id = a.id AND l.layer = 'sentences')").get() as { n: number };
  assert.equal(incomplete.n, 0, 'no article without its layers: each one was committed whole');
  conn.close();

  const lines: string[] = [];
  const code = await main(['ingest', input, '--db', db, '--json'], { out: (l) => lines.push(l), err: () => {} });
  assert.equal(code, 0);
  const summary = JSON.parse(lines[0]!) as { inserted: number; unchanged: number };
  assert.equal(summary.unchanged, stored, 'what was committed before the kill is recognised (skipped by fingerprint, before cleaning)');
  assert.equal(summary.inserted, ARTICLES - stored, 'the re-run stores the rest');
  assert.equal(countArticles(db), ARTICLES);
});
