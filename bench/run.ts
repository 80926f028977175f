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
console.log(JSON.stringify(issue19Summary(headlines)));

/**
 * The last line: the figures issue 19 names, gathered from the benches' own lines (parallel: one thread against
 * the pool on generated articles and real pages; save: the writer; merge: cost per new article as the store grows).
 */
function issue19Summary(lines: readonly string[]): Record<string, unknown> {
  const byBench = new Map<string, Record<string, unknown>>();
  for (const line of lines) {
    try {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      if (typeof parsed['bench'] === 'string' && !byBench.has(parsed['bench'])) byBench.set(parsed['bench'], parsed);
    } catch {
      // A bench whose last line is not JSON contributes nothing here; its own output above says why.
    }
  }
  const parallel = byBench.get('parallel') ?? {};
  const pick = (from: Record<string, unknown>, keys: readonly string[]) => Object.fromEntries(keys.filter((k) => k in from).map((k) => [k, from[k]]));
  const keys = ['words_per_s_1', 'words_per_s_n', 'speedup', 'peak_rss_mb', 'ms_per_article_1', 'save_ms_per_article_n', 'load_average'] as const;
  const merge = byBench.get('merge');
  const save = byBench.get('save');
  return {
    bench: 'summary',
    ...pick(parallel, keys),
    ...(parallel['real_pages'] && typeof parallel['real_pages'] === 'object' ? { real_pages: pick(parallel['real_pages'] as Record<string, unknown>, keys) } : {}),
    ...(save ? { save_ms_per_article: save['save_ms_per_article'], save_ms_per_article_batched: save['save_ms_per_article_batched'] } : {}),
    ...(merge ? { merge_ms_per_article: merge['ms_per_article'], merge_growth: merge['growth_last_vs_first'] } : {}),
  };
}
