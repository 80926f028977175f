#!/usr/bin/env node
// Entry point: runs the compiled CLI from build/ (made by `npm run build`, which `npm install` runs) when it is at
// least as new as every source file; otherwise registers the TypeScript loader (tsx) and runs the sources.
import { readdirSync, statSync } from 'node:fs';

// `dossier stats | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const src = new URL('../src/', import.meta.url);
const stamp = new URL('../build/.stamp', import.meta.url);

/** True when build/ was made after the last change to any file under src/ (a few ms: one stat per file). */
function isBuildFresh() {
  let builtMs;
  try {
    builtMs = statSync(stamp).mtimeMs;
  } catch {
    return false; // no build yet: run from source
  }
  for (const entry of readdirSync(src, { recursive: true })) {
    if (statSync(new URL(entry, src)).mtimeMs > builtMs) return false;
  }
  return true;
}

let main;
if (isBuildFresh()) {
  ({ main } = await import('../build/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
