import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createTestSchema, POSTGRES_SKIP_REASON, type TestSchema } from '../../test/helpers/postgres-schema.js';
import { openIngestQueue } from '../queue/index.js';
import { openPostgresStore, parsePostgresUrl } from '../store/postgres/index.js';
import { main } from '../cli/main.js';
import { enqueueInputs, IngestJobError, reportJobs, retryFailedJobs, runWorker } from './queue.js';

if (POSTGRES_SKIP_REASON) console.log(`# job queue: ${POSTGRES_SKIP_REASON}`);

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const GOMA = 'M23 rebels attacked a supply convoy near Goma on Tuesday, the army said in a statement.\n\nThe convoy was carrying food and medicine, officials said.\n';
const KYIV = 'Air-raid sirens sounded across Kyiv overnight as drones struck power stations, city officials said.\n\nRepair crews restored electricity to most districts by morning.\n';
const LAGOS = 'Flooding in Lagos displaced thousands of residents after two days of heavy rain, the emergency agency said.\n';
/** Fast policy for tests: one retry after about a second, abandoned jobs noticed after 3 s. */
const TEST_POLICY = { retryLimit: 2, retryDelaySeconds: 1, expireSeconds: 3 };

describe('job queue on PostgreSQL', { skip: POSTGRES_SKIP_REASON ?? false }, () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-queue-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('enqueue 3 files, one binary → the worker stores 2 articles and fails the binary job for good with its reason', async () => {
    const schema = createTestSchema();
    try {
      const inputs = join(dir, 'batch');
      writeFileSync(join(mkdirp(inputs), 'goma.txt'), GOMA);
      writeFileSync(join(inputs, 'kyiv.html'), `<html><head><title>Sirens over Kyiv</title></head><body><article><p>${KYIV}</p></article></body></html>`);
      writeFileSync(join(inputs, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...Array(200).fill(0)]));

      const enqueueOut = cliIo();
      const enqueueCode = await main(['enqueue', inputs, join(dir, 'no-such-file.txt'), '--db', schema.url, '--retry-limit', '2', '--retry-delay', '1', '--expire-seconds', '3'], enqueueOut.io);
      assert.equal(enqueueCode, 1, 'an input that matched no file is reported');
      assert.deepEqual(enqueueOut.out, ['enqueued 3 job(s), 1 input(s) not found']);
      assert.deepEqual(enqueueOut.err, [`not found: ${join(dir, 'no-such-file.txt')}`]);

      const failures: { path: string; willRetry: boolean }[] = [];
      const summary = await runWorker({
        db: schema.url, concurrency: 2, pollSeconds: 0.5, isUntilIdle: true,
        events: { onJobFailed: (job, _error, willRetry) => failures.push({ path: job.data.path, willRetry }) },
      });
      assert.equal(summary.jobsDone, 2);
      assert.equal(summary.jobsFailed, 1);
      assert.equal(summary.inserted, 2);
      assert.deepEqual(failures, [{ path: join(inputs, 'photo.txt'), willRetry: false }], 'a binary file is not retried');

      const store = openPostgresStore(schema.url);
      try {
        assert.equal((await store.stats()).articles, 2);
        assert.equal((await store.search({ text: 'convoy' })).length, 1);
      } finally {
        await store.close();
      }
      const report = await reportJobs({ db: schema.url });
      assert.equal(report.counts.completed, 2);
      assert.equal(report.counts.failed, 1);
      assert.equal(report.failed.length, 1);
      const failed = report.failed[0]!;
      assert.equal(failed.path, join(inputs, 'photo.txt'));
      assert.equal(failed.code, 'E_INPUT_BINARY');
      assert.match(failed.reason, /binary/);
      assert.equal(failed.attempts, 1);

      const jobsOut = cliIo();
      assert.equal(await main(['jobs', '--db', schema.url, '--failed'], jobsOut.io), 0);
      assert.equal(jobsOut.out[0], 'created 0, retry 0, active 0, completed 2, cancelled 0, failed 1');
      assert.match(jobsOut.out[1]!, /photo\.txt\n\s+\[E_INPUT_BINARY\] .*binary.*\(1 attempt\(s\), /);

      assert.equal(await retryFailedJobs({ db: schema.url }), 1);
      assert.equal((await reportJobs({ db: schema.url })).counts.retry, 1, 'retry-failed puts the job back');
    } finally {
      await schema.drop();
    }
  });

  test('a job that fails for a passing reason is retried with back-off and then succeeds', async () => {
    const schema = createTestSchema();
    try {
      // A file not there yet (a slow network share): the first attempt fails, the retry finds it.
      const path = join(dir, 'late', 'lagos.txt');
      const queue = await openIngestQueue(schema.url);
      await queue.enqueue([{ path }], TEST_POLICY);
      await queue.stop();
      const attempts: { at: number; willRetry: boolean }[] = [];
      const began = Date.now();
      const summary = await runWorker({
        db: schema.url, pollSeconds: 0.5, isUntilIdle: true,
        events: {
          onJobFailed: (_job, _error, willRetry) => {
            attempts.push({ at: Date.now() - began, willRetry });
            writeFileSync(join(mkdirp(join(dir, 'late')), 'lagos.txt'), LAGOS);
          },
          onJobDone: () => attempts.push({ at: Date.now() - began, willRetry: false }),
        },
      });
      assert.equal(summary.jobsDone, 1);
      assert.equal(summary.inserted, 1);
      assert.equal(attempts.length, 2);
      assert.equal(attempts[0]!.willRetry, true);
      assert.ok(attempts[1]!.at - attempts[0]!.at >= 900, `retry came ${attempts[1]!.at - attempts[0]!.at} ms after the failure; back-off is at least 1 s`);
    } finally {
      await schema.drop();
    }
  });

  test('a worker killed with SIGKILL mid-job: a second worker picks the job up and completes it', async (t) => {
    const schema = createTestSchema();
    const children: ChildProcess[] = [];
    const log: string[] = [];
    const locker = new pg.Client({ connectionString: parsePostgresUrl(schema.url).connectionString });
    const observer = new pg.Client({ connectionString: parsePostgresUrl(schema.url).connectionString });
    try {
      const path = join(dir, 'kill.jsonl');
      writeFileSync(path, [GOMA, KYIV, LAGOS].map((text, i) => JSON.stringify({ title: `Report ${i}`, text })).join('\n'));
      const store = openPostgresStore(schema.url);
      await store.migrate();
      await store.close();
      await enqueueInputs([path], { db: schema.url, policy: TEST_POLICY });

      // Hold a lock that blocks writes to articles, so worker 1 is certainly mid-job (inside its first
      // saveArticle) when it is killed, however fast or slow the pipeline is.
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE ${schema.schema}.articles IN SHARE MODE`);
      const lockerPid = Number((await locker.query('SELECT pg_backend_pid() AS pid')).rows[0].pid);

      const first = spawnWorker(schema.url, children, log);
      // Watched from another connection: inside the locker's transaction pg_stat_activity is a frozen snapshot.
      await observer.connect();
      await waitFor(async () => Number((await observer.query('SELECT count(*) AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))', [lockerPid])).rows[0].n) > 0, 60_000, 'worker 1 to block inside its job');
      assert.equal((await reportJobs({ db: schema.url })).counts.active, 1);
      first.kill('SIGKILL');
      await new Promise((resolve) => first.once('exit', resolve));
      await locker.query('ROLLBACK');
      t.diagnostic('worker 1 killed mid-job');

      const killedAt = Date.now();
      const second = spawnWorker(schema.url, children, log);
      await waitFor(async () => (await reportJobs({ db: schema.url })).counts.completed === 1, 60_000, 'worker 2 to complete the job');
      t.diagnostic(`job completed by worker 2 ${Date.now() - killedAt} ms after the kill`);
      second.kill('SIGTERM');
      await new Promise((resolve) => second.once('exit', resolve));

      const check = openPostgresStore(schema.url);
      try {
        const stats = await check.stats();
        assert.equal(stats.articles, 3, 'every article of the killed job is stored, once');
      } finally {
        await check.close();
      }
      const report = await reportJobs({ db: schema.url });
      assert.deepEqual([report.counts.completed, report.counts.failed, report.counts.active], [1, 0, 0]);
    } catch (error) {
      t.diagnostic(`worker output:\n${log.join('\n')}`);
      throw error;
    } finally {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await locker.end();
      await observer.end();
      await schema.drop();
    }
  });
});

describe('job queue without a database', () => {
  test('enqueue, worker and jobs refuse a SQLite --db with a usage error', async () => {
    for (const argv of [['enqueue', 'x.txt', '--db', 'dossier.db'], ['worker', '--db', 'dossier.db'], ['jobs', '--db', 'dossier.db']]) {
      const { io, err } = cliIo();
      assert.equal(await main(argv, io), 2, argv.join(' '));
      assert.match(err.join('\n'), /the job queue needs a PostgreSQL store/);
    }
  });

  test('IngestJobError › a binary file is permanent; a missing file is worth a retry; partial JSONL failures name the first', () => {
    const binary = new IngestJobError('/in/a.png', [{ source: '/in/a.png', code: 'E_INPUT_BINARY', reason: 'file looks binary' }], 0);
    assert.equal(binary.isPermanent, true);
    assert.equal(binary.code, 'E_INPUT_BINARY');
    assert.equal(binary.message, '/in/a.png: file looks binary');
    assert.equal(new IngestJobError('/in/b.txt', [{ source: '/in/b.txt', code: 'E_INPUT_NOT_FOUND', reason: 'no such file' }], 0).isPermanent, false);
    const failures = Array.from({ length: 30 }, (_, i) => ({ source: `/in/c.jsonl#${i + 2}`, code: 'E_INPUT_MALFORMED', reason: 'line is not valid JSON' }));
    const partial = new IngestJobError('/in/c.jsonl', failures, 5);
    assert.equal(partial.reason, '30 record(s) failed, 5 stored; first: /in/c.jsonl#2: line is not valid JSON [E_INPUT_MALFORMED]');
    assert.equal(partial.failures.length, 20, 'a failed job keeps its first failures, not all of them');
    assert.equal(partial.failureCount, 30);
  });
});

/** A CLI io that records what a command prints. */
function cliIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) } };
}

/** Starts `dossier worker` in a child process with fast polling and maintenance; its output goes to `log`. */
function spawnWorker(db: string, children: ChildProcess[], log: string[]): ChildProcess {
  const child = spawn(process.execPath, ['bin/dossier.js', 'worker', '--db', db, '--poll-seconds', '0.5', '--maintenance-seconds', '1'], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const name = `worker ${children.length + 1}`;
  child.stdout?.on('data', (chunk: Buffer) => log.push(`${name}: ${chunk.toString().trimEnd()}`));
  child.stderr?.on('data', (chunk: Buffer) => log.push(`${name} (stderr): ${chunk.toString().trimEnd()}`));
  children.push(child);
  return child;
}

/** Polls `check` every 200 ms until true; fails after timeoutMs naming what it waited for. */
async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(200);
  }
}

/** Creates a folder (and its parents); returns its path. */
function mkdirp(path: string): string {
  mkdirSync(path, { recursive: true });
  return path;
}
