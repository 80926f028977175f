/** `dossier serve`: the HTTP API and the web UI over one store, until Ctrl-C. */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { UsageError } from '../../model/index.js';
import { DB_OPTION, assertStoreExists, type CliContext } from '../context.js';
import { EXIT_OK } from '../exit-codes.js';
import { isLoopbackHost, loadTokenFile, type TokenEntry } from '../../app/access-tokens.js';

/** Where `npm run build:web` writes the UI bundle. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

/**
 * The tokens a server asks for, or undefined for none. A host other than loopback makes the store reachable from
 * the network, so it needs a token file unless the user says --insecure.
 */
export function serverTokens(opts: { host: string; tokenFile?: string; insecure?: boolean }): TokenEntry[] | undefined {
  if (opts.tokenFile) return loadTokenFile(opts.tokenFile);
  if (isLoopbackHost(opts.host) || opts.insecure) return undefined;
  throw new UsageError(`--host "${opts.host}" is reachable from other machines, and without --token-file anyone who reaches it could read and change the store: `
    + 'give --token-file FILE (make tokens with `dossier token add --role editor|reader --token-file FILE`), keep the default --host 127.0.0.1, or pass --insecure on a network you trust');
}

/** Registers `dossier serve [--db] [--port] [--host] [--web] [--token-file] [--insecure]`. */
export function registerServeCommand(program: Command, { io, setExitCode }: CliContext): void {
  program
    .command('serve')
    .description('serve the HTTP API (/api, described at /openapi.json) and the offline web UI from the store')
    .option(...DB_OPTION)
    .option('--port <n>', 'TCP port (0 picks a free one)', parsePort, 8080)
    .option('--host <address>', 'address to listen on; 127.0.0.1 keeps it to this machine', '127.0.0.1')
    .option('--web <dir>', 'folder of the built web UI', DEFAULT_WEB_ROOT)
    .option('--readers <n>', 'threads answering reads of a SQLite store beside the writer (0: none)', parseReaders, DEFAULT_READERS)
    .option('--token-file <file>', 'require a bearer token from this file (`dossier token add`) on every /api request; reader tokens only read')
    .option('--insecure', 'serve a non-loopback --host without tokens (anyone who reaches it may read and change the store)')
    .action(async (opts: { db: string; port: number; host: string; web: string; readers: number; tokenFile?: string; insecure?: boolean }) => {
      const tokens = serverTokens(opts);
      assertStoreExists(opts.db);
      // Loaded on use: the HTTP server and database drivers are not needed for --help.
      const [{ createApi, listen }, { openStore }] = await Promise.all([import('../../api/index.js'), import('../../app/store.js')]);
      const store = await openStore(opts.db, { readers: opts.readers });
      try {
        const server = await listen(createApi({ store, webRoot: opts.web, ...(tokens ? { tokens } : {}) }), opts.host, opts.port);
        const stats = await store.stats();
        io.out(`dossier serve: ${server.url}/  (${stats.articles} articles in ${opts.db}; API at /api, description at /openapi.json; Ctrl-C stops)`);
        if (tokens) io.out(`dossier serve: /api needs a bearer token (${tokens.length} in ${opts.tokenFile})`);
        else if (!isLoopbackHost(opts.host)) io.err(`dossier serve: warning: --insecure: ${opts.host} serves the store to anyone who reaches it, without tokens`);
        if (!existsSync(join(opts.web, 'index.html'))) io.err(`dossier serve: the web UI is not built in ${opts.web}: run \`npm run build:web\` (the API works without it)`);
        await untilStopped();
        await server.close();
      } finally {
        await store.close();
      }
      setExitCode(EXIT_OK);
    });
}

/** One reader thread per core: requests then run beside each other instead of queueing on the event loop. */
const DEFAULT_READERS = availableParallelism();

function parseReaders(value: string): number {
  if (!/^\d{1,3}$/.test(value)) throw new UsageError(`--readers: expected a whole number from 0 to 999, got "${value}"`);
  return Number(value);
}

/** Resolves on the first SIGINT or SIGTERM. */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`--port: expected a whole number from 0 to 65535, got "${value}"`);
  return port;
}
