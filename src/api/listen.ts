/** Runs the API on a TCP port with Node's HTTP server (via @hono/node-server). */
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import { UsageError } from '../model/index.js';

/** A running server: where it listens and how to stop it. */
export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:8080 (the real port when 0 was asked for). */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Listens on host:port (port 0 picks a free one); rejects when the port is taken or the address is not local.
 * @example const server = await listen(createApi({ store }), '127.0.0.1', 0); await fetch(`${server.url}/api/stats`);
 */
export function listen(app: Hono, host: string, port: number): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    let server: ServerType | undefined;
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new UsageError(`port ${port} on ${host} is already in use: pick another with --port`));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') reject(new UsageError(`cannot listen on host "${host}": ${error.message}`));
      else reject(error);
    };
    server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
      server?.off('error', onError);
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${info.port}`,
        port: info.port,
        close: () => new Promise<void>((done, fail) => {
          // Keep-alive connections from a browser would hold close() open; end them.
          if ('closeAllConnections' in server! && typeof server.closeAllConnections === 'function') server.closeAllConnections();
          server!.close((error) => (error ? fail(error) : done()));
        }),
      });
    });
    server.once('error', onError);
  });
}
