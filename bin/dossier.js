#!/usr/bin/env node
// Entry point: registers the TypeScript loader (tsx), then runs the CLI from source.
import { register } from 'tsx/esm/api';

// `dossier stats | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
