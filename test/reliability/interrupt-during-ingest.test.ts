/**
 * Issue 19: Ctrl-C (SIGINT) during a parallel ingest stops taking inputs, saves what was read and exits 130; every
 * committed article is whole and a re-run stores the rest. The worker threads start both from the TypeScript
 * sources (tsx registered by API, as bin/dossier.js does without a fresh build) and from the compiled build/.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { syntheticArticle } from '../../bench/lib/synthetic.js';
import { main } from '../../src/cli/main.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARTICLES = 120;

/** Node arguments that run the CLI from the sources (tsx registered by API) or from the compiled build/. */
function cliArgs(from: 'sources' | 'build', args: readonly string[]): string[] {
  const script =
    from === 'sources'
      ? `const { register } = await import('tsx/esm/api'); register(); const { main } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'src/cli/main.ts')).href)}); process.exitCode = await main(process.argv.slice(1));`
      : `const { main } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'build/cli/main.js')).href)}); process.exitCode = await main(process.argv.slice(1));`;
  return ['--input-type=module', '-e', script, ...args];
}

/** True when build/ exists and is newer than every source file (what bin/dossier.js checks before running it). */
function isBuildFresh(): boolean {
  const stamp = join(ROOT, 'build/.stamp');
  if (!existsSync(stamp)) return false;
  const builtMs = statSync(stamp).mtimeMs;
  return readdirSync(join(ROOT, 'src'), { recursive: true }).every((entry) => statSync(join(ROOT, 'src', String(entry))).mtimeMs <= builtMs);
}

function countArticles(db: string): number {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      conn.close();
    }
  } catch (error) {
    if (error instanceof Error && /no such table|unable to open|does not exist|database is locked/.test(error.message)) return 0;
    throw error;
  }
}

function writeArticles(dir: string, count: number): string {
  const input = join(dir, 'articles');
  mkdirSync(input);
  for (let i = 0; i < count; i++) writeFileSync(join(input, `a${String(i).padStart(4, '0')}.txt`), syntheticArticle(i).text);
  return input;
}

test('reliability › SIGINT mid-ingest with --jobs 2 saves what was read, exits 130, leaves every article whole; a re-run stores the rest', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-sigint-'));
  const input = writeArticles(dir, ARTICLES);
  const db = join(dir, 'store.db');

  const child = spawn(process.execPath, cliArgs('sources', ['ingest', input, '--db', db, '--jobs', '2']), { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 240_000;
  while (countArticles(db) < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  child.kill('SIGINT');
  const code = await exited;

  assert.equal(code, 130, `exit code 130 after Ctrl-C (stderr: ${stderr})`);
  assert.match(stderr, /stopping: saving the articles already read/);
  assert.match(stderr, /interrupted: the articles read so far are saved/);
  const stored = countArticles(db);
  assert.ok(stored >= 5 && stored < ARTICLES, `stopped part-way: ${stored} of ${ARTICLES} stored`);
  const conn = new Database(db);
  assert.equal(conn.pragma('integrity_check', { simple: true }) as string, 'ok');
  const layerCounts = conn.prepare('SELECT a.id, count(l.layer) AS n FROM articles a LEFT JOIN layers l ON l.article_id = a.id GROUP BY a.id').all() as { n: number }[];
  const full = Math.max(...layerCounts.map((r) => r.n));
  assert.ok(full >= 6, `an article carries its layers (${full})`);
  assert.deepEqual(layerCounts.filter((r) => r.n !== full), [], 'every stored article has all its layers: none was saved half');
  conn.close();

  const lines: string[] = [];
  const rerun = await main(['ingest', input, '--db', db, '--json', '--jobs', '2'], { out: (l) => lines.push(l), err: () => {} });
  assert.equal(rerun, 0);
  const summary = JSON.parse(lines[0]!) as { inserted: number; unchanged: number; isInterrupted: boolean };
  assert.equal(summary.unchanged, stored, 'what was saved before Ctrl-C is recognised (skipped by fingerprint, before cleaning)');
  assert.equal(summary.inserted, ARTICLES - stored, 'the re-run stores the rest');
  assert.equal(summary.isInterrupted, false);
  assert.equal(countArticles(db), ARTICLES);
});

test('reliability › the compiled build/ starts its worker threads (bin/dossier.js runs it when fresh)', async (t) => {
  if (!isBuildFresh()) {
    t.skip('build/ is missing or older than src/: run `npm run build` to test the compiled workers');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'dossier-build-workers-'));
  const input = writeArticles(dir, 6);
  const child = spawn(process.execPath, cliArgs('build', ['ingest', input, '--db', join(dir, 'store.db'), '--jobs', '2', '--json']), { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.equal(code, 0, stderr);
  const summary = JSON.parse(stdout.trim().split('\n').pop()!) as { inserted: number; failures: unknown[] };
  assert.equal(summary.inserted, 6);
  assert.deepEqual(summary.failures, []);
});
