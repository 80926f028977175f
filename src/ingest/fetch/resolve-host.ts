/**
 * Resolves a URL's host once, refuses non-public addresses, and returns the one address the request must connect to
 * (the pin): checking one resolution and letting the socket resolve again would let a DNS answer that changes in
 * between (rebinding) slip a private address past the check.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { describeKind, localNameKind, nonPublicKind } from './address-policy.js';
import { FetchError } from './fetch-error.js';

/** One resolved address, as node:dns lookup with `all: true` gives it. */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: number;
}

/** Resolves a host name to all its addresses; the fetcher's default is node:dns lookup. */
export type HostLookup = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** The system resolver (getaddrinfo, as sockets use), every address in the resolver's order. */
export const systemLookup: HostLookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** true: any host may be non-public; a list: only these host names (lower case), e.g. a trusted intranet feed. */
export type PrivateHostsAllowance = boolean | readonly string[];

/**
 * The address to connect to for `url`: its literal IP, or the first address its host resolves to. Unless
 * `allowPrivateHosts` covers the host, throws FetchError naming `requestedUrl` when the name is local or ANY resolved address is
 * non-public (a name resolving to one public and one private address is refused: the connection could use either).
 */
export async function resolvePinnedAddress(url: URL, requestedUrl: string, isRedirected: boolean, options: { readonly allowPrivateHosts: PrivateHostsAllowance; readonly lookup: HostLookup }): Promise<ResolvedAddress> {
  // WHATWG URL has already normalised decimal, octal and hex IPv4 forms (http://2130706433/ → 127.0.0.1).
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const refuse = (address: string, description: string): never => {
    throw new FetchError('E_INPUT_UNREADABLE', requestedUrl, `refused: ${address} is ${description}; use --allow-private-hosts to fetch it${isRedirected ? ` (redirected to ${url.href})` : ''}`);
  };
  const isAllowed = options.allowPrivateHosts === true || (Array.isArray(options.allowPrivateHosts) && options.allowPrivateHosts.includes(host.toLowerCase()));
  const family = isIP(host);
  if (family !== 0) {
    const kind = nonPublicKind(host);
    if (kind && !isAllowed) refuse(host, describeKind(kind));
    return { address: host, family };
  }
  const localKind = localNameKind(host);
  if (localKind && !isAllowed) refuse(host, `a local name (${describeKind(localKind)})`);
  let addresses: readonly ResolvedAddress[];
  try {
    addresses = await options.lookup(host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FetchError('E_INPUT_UNREADABLE', requestedUrl, `network error: cannot resolve ${host}${code ? ` (${code})` : ''}`, { isTransient: true, cause: error });
  }
  if (addresses.length === 0) throw new FetchError('E_INPUT_UNREADABLE', requestedUrl, `network error: ${host} resolves to no address`, { isTransient: true });
  if (!isAllowed) {
    for (const { address } of addresses) {
      const kind = nonPublicKind(address);
      if (kind) refuse(address, `${describeKind(kind)} (${host} resolves to it)`);
    }
  }
  return addresses[0]!;
}
