/**
 * Issue 17: a fresh clone must `npm ci` cleanly. npm 11 can write a lock file that leaves out other platforms'
 * optional packages (rollup's native builds), and `npm ci` then refuses the lock on every machine. This checks
 * that every optional dependency any locked package declares has its own entry in the lock.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

interface LockedPackage {
  readonly version?: string;
  readonly optionalDependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as { packages: Record<string, LockedPackage> };

/** Node's resolution: a dependency of `node_modules/a/node_modules/b` may sit at any ancestor's node_modules. */
function isLocked(fromPath: string, name: string): boolean {
  let base = fromPath;
  for (;;) {
    if (lock.packages[`${base ? `${base}/` : ''}node_modules/${name}`]) return true;
    if (!base) return false;
    const cut = base.lastIndexOf('node_modules/');
    base = cut <= 0 ? '' : base.slice(0, cut - 1);
  }
}

test('lock file › lists the optional packages of every platform that locked packages declare', () => {
  const missing: string[] = [];
  for (const [path, pkg] of Object.entries(lock.packages)) {
    for (const name of Object.keys(pkg.optionalDependencies ?? {})) {
      if (!isLocked(path, name)) missing.push(`${name} (optional dependency of ${path || 'the root'})`);
    }
  }
  assert.deepEqual(missing, [], 'run `npm install --package-lock-only` to add them');
});
