#!/usr/bin/env node
// Compiles src/ to build/ (plain JavaScript, same folder layout, so `new URL('../../models/…', import.meta.url)`
// resolves the same from both) and copies the data files the code reads at run time. Run by `npm install`/`npm ci`
// (the `prepare` script) so the CLI starts without compiling TypeScript; bin/dossier.js falls back to the sources
// when build/ is missing or older than src/.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) {
  console.error('build: tsc failed; the CLI will run from the TypeScript sources (slower start)');
  process.exit(result.status ?? 1);
}
// Data read through import.meta.url-relative paths (src/data/*.txt, actors.json, compiled gazetteer).
mkdirSync(`${root}/build/data`, { recursive: true });
for (const entry of readdirSync(`${root}/src/data`, { withFileTypes: true })) {
  if (entry.isDirectory() || !entry.name.endsWith('.ts')) cpSync(`${root}/src/data/${entry.name}`, `${root}/build/data/${entry.name}`, { recursive: true });
}
writeFileSync(`${root}/build/.stamp`, `${new Date().toISOString()}\n`);
