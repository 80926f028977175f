/**
 * One GET over node:http / node:https whose socket connects to an address already checked (see resolve-host.ts).
 *
 * Why node:http and not fetch: Node's built-in fetch (undici) resolves the host itself when it connects, and pinning
 * it needs an undici Agent with a custom `connect.lookup`, which Node does not export (the `undici` package is not a
 * dependency). node:http takes a `lookup` function per request and net.connect calls it for the socket's address:
 * ours answers with the pinned address without asking DNS again, so a rebinding answer between check and connect
 * cannot change where the request goes. The Host header and the TLS server name (SNI and certificate check) still
 * use the URL's host name, because only the lookup is replaced.
 */
import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import type { ResolvedAddress } from './resolve-host.js';

/** A response: status, headers and the body stream, decompressed per Content-Encoding. */
export interface PinnedResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly body: Readable;
  /** Stops reading and frees the socket. */
  cancel(): void;
}

/** The encodings we ask for and undo (as fetch did). */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** Sends GET `url` to `pinned`; rejects on network errors and when `signal` aborts. */
export function pinnedGet(url: URL, pinned: ResolvedAddress, headers: Record<string, string>, signal: AbortSignal): Promise<PinnedResponse> {
  const options: RequestOptions = {
    method: 'GET',
    headers: { 'accept-encoding': ACCEPT_ENCODING, ...headers },
    signal,
    lookup: pinnedLookup(pinned),
    // One socket per request: a pooled keep-alive socket was connected to an address checked for another request.
    agent: false,
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<PinnedResponse>((resolve, reject) => {
    const req = send(url, options, (res) => resolve(toResponse(res)));
    req.on('error', reject);
    req.end();
  });
}

/** A dns.lookup stand-in answering every query with the pinned address, in the shape net.connect asks for. */
function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  const entry: LookupAddress = { address: pinned.address, family: pinned.family };
  return (_hostname, options, callback) => {
    // With autoSelectFamily (Node ≥ 20) net asks for `all: true` and expects a list; otherwise one address.
    const answer = callback as (error: null, address: string | LookupAddress[], family?: number) => void;
    if ((options as { all?: boolean }).all) process.nextTick(answer, null, [entry]);
    else process.nextTick(answer, null, entry.address, entry.family);
  };
}

function toResponse(res: IncomingMessage): PinnedResponse {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const encoding = (headers.get('content-encoding') ?? '').trim().toLowerCase();
  const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : encoding === 'br' ? createBrotliDecompress() : undefined;
  let body: Readable = res;
  if (decoder) {
    res.on('error', (error) => decoder.destroy(error));
    body = res.pipe(decoder);
  }
  return {
    status: res.statusCode ?? 0,
    statusText: res.statusMessage ?? '',
    headers,
    body,
    cancel: () => {
      res.destroy();
      if (body !== res) body.destroy();
    },
  };
}
