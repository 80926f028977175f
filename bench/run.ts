/**
 * `npm run bench`: runs every benchmark in bench/ one after the other (each in its own process, so peak RSS
 * figures are its own) and repeats their final JSON lines at the end. Arguments after `--` go to every bench.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const benches = readdirSync(here).filter((f) => f.endsWith('.ts') && f !== 'run.ts').filter((f) => !only.length || only.some((o) => f.startsWith(o))).sort();
const headlines: string[] = [];
for (const bench of benches) {
  console.log(`\n## ${bench}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', `${here}${bench}`], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  process.stdout.write(result.stdout);
  const last = result.stdout.trim().split('\n').pop() ?? '';
  if (last.startsWith('{')) headlines.push(last);
  if (result.status !== 0) headlines.push(JSON.stringify({ bench: bench.replace(/\.ts$/, ''), error: `exited with ${result.status}` }));
}
console.log('\n## headline figures');
for (const line of headlines) console.log(line);
