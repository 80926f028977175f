/**
 * CLI start-up (issue 17): median wall time of `dossier --help` and of a `dossier search` on a small store, over 10
 * runs each, beside `node -e 0` measured in the same run (the ratio says what is ours on a loaded machine).
 * Runs the compiled CLI when build/ is fresh (as after `npm install`), else the sources through tsx: it says which.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/dossier.js');
const RUNS = 10;

function medianMs(args: readonly string[]): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const began = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    times.push(performance.now() - began);
    if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  times.sort((a, b) => a - b);
  return (times[RUNS / 2 - 1]! + times[RUNS / 2]!) / 2;
}

const db = join(mkdtempSync(join(tmpdir(), 'dossier-bench-cli-')), 'bench.db');
const ingest = spawnSync(process.execPath, [bin, 'ingest', join(root, 'examples/articles'), '--db', db], { cwd: root, encoding: 'utf8' });
if (ingest.status !== 0 && ingest.status !== 1) throw new Error(`ingest of the demo corpus failed: ${ingest.stderr}`);

let compiled = false;
try {
  compiled = statSync(join(root, 'build/.stamp')).isFile();
} catch {
  compiled = false;
}
const nodeMs = medianMs(['-e', '0']);
const helpMs = medianMs([bin, '--help']);
const searchMs = medianMs([bin, 'search', 'minister', '--db', db]);
console.log(`node -e 0: ${nodeMs.toFixed(0)} ms; dossier --help: ${helpMs.toFixed(0)} ms; dossier search: ${searchMs.toFixed(0)} ms (median of ${RUNS}; ${compiled ? 'compiled build/' : 'sources through tsx'})`);
console.log(JSON.stringify({
  bench: 'cli', node_ms: Math.round(nodeMs), cli_help_ms: Math.round(helpMs), cli_search_ms: Math.round(searchMs),
  help_ratio: Number((helpMs / nodeMs).toFixed(2)), search_ratio: Number((searchMs / nodeMs).toFixed(2)), compiled,
}));
