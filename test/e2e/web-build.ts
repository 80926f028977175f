/**
 * Makes sure dist/web holds a UI bundle built from the current src/web: builds it (vite, a few seconds) only
 * when it is missing or older than a source file, so repeated test runs pay nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where the built UI lives. */
export const WEB_ROOT = join(ROOT, 'dist', 'web');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the UI if dist/web is missing or stale; returns whether it built. */
export function ensureWebBuilt(): boolean {
  const index = join(WEB_ROOT, 'index.html');
  const sources = newestMtime(join(ROOT, 'src', 'web'));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return false;
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(ROOT, 'src', 'web', 'vite.config.ts')], { cwd: ROOT, stdio: 'inherit' });
  return true;
}
