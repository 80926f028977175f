/**
 * Which addresses the fetcher may contact: a fetched URL (or a redirect) must not reach the machine itself, the local
 * network or other special-purpose ranges unless the user opts in with --allow-private-hosts (server-side request
 * forgery: a feed or page redirecting to 127.0.0.1 or 169.254.169.254 would otherwise have its answer stored and served).
 */
import { isIPv4, isIPv6 } from 'node:net';

/** Why an address is refused: the words used in "refused: 10.0.0.5 is a private address". */
export type NonPublicKind = 'unspecified' | 'loopback' | 'private' | 'shared (carrier-grade NAT)' | 'link-local' | 'benchmarking' | 'IETF protocol' | 'multicast' | 'reserved' | 'broadcast' | 'unique-local';

interface Ipv4Range {
  readonly base: number;
  readonly bits: number;
  readonly kind: NonPublicKind;
}

const IPV4_RANGES: readonly Ipv4Range[] = [
  range4('0.0.0.0', 8, 'unspecified'),
  range4('10.0.0.0', 8, 'private'),
  range4('100.64.0.0', 10, 'shared (carrier-grade NAT)'),
  range4('127.0.0.0', 8, 'loopback'),
  range4('169.254.0.0', 16, 'link-local'),
  range4('172.16.0.0', 12, 'private'),
  range4('192.0.0.0', 24, 'IETF protocol'),
  range4('192.168.0.0', 16, 'private'),
  range4('198.18.0.0', 15, 'benchmarking'),
  range4('255.255.255.255', 32, 'broadcast'), // before 240/4, which contains it
  range4('224.0.0.0', 4, 'multicast'),
  range4('240.0.0.0', 4, 'reserved'),
];

/**
 * The kind of non-public address `address` is (IPv4 or IPv6 text, brackets and zone allowed), or undefined when it
 * is public. IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) addresses are judged by their IPv4.
 * Text that is not an IP address is refused as 'reserved': only addresses we can judge are contacted.
 * @example nonPublicKind('10.0.0.5') // 'private'
 */
export function nonPublicKind(address: string): NonPublicKind | undefined {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIPv4(bare)) return ipv4Kind(ipv4ToNumber(bare));
  if (!isIPv6(bare)) return 'reserved';
  const groups = ipv6Groups(bare);
  const embedded = ((groups[6]! << 16) | groups[7]!) >>> 0;
  const isZeroPrefix = (n: number) => groups.slice(0, n).every((g) => g === 0);
  if (isZeroPrefix(8)) return 'unspecified';
  if (isZeroPrefix(7) && groups[7] === 1) return 'loopback';
  if (isZeroPrefix(5) && groups[5] === 0xffff) return ipv4Kind(embedded); // IPv4-mapped
  if (groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0)) return ipv4Kind(embedded); // NAT64
  if ((groups[0]! & 0xfe00) === 0xfc00) return 'unique-local';
  if ((groups[0]! & 0xffc0) === 0xfe80) return 'link-local';
  if ((groups[0]! & 0xff00) === 0xff00) return 'multicast';
  return undefined;
}

/**
 * The kind of local name `hostname` is ('loopback' for localhost and *.localhost, RFC 6761), judged before any DNS
 * lookup since resolvers answer these names themselves; undefined for other names.
 */
export function localNameKind(hostname: string): NonPublicKind | undefined {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') ? 'loopback' : undefined;
}

/** "a private address", "an IETF protocol address": the article the kind takes in a sentence. */
export function describeKind(kind: NonPublicKind): string {
  return `${kind === 'unspecified' || kind === 'IETF protocol' ? 'an' : 'a'} ${kind} address`;
}

function ipv4Kind(value: number): NonPublicKind | undefined {
  for (const r of IPV4_RANGES) {
    const mask = r.bits === 0 ? 0 : (0xffffffff << (32 - r.bits)) >>> 0;
    if (((value & mask) >>> 0) === r.base) return r.kind;
  }
  return undefined;
}

function range4(base: string, bits: number, kind: NonPublicKind): Ipv4Range {
  return { base: ipv4ToNumber(base), bits, kind };
}

function ipv4ToNumber(text: string): number {
  return text.split('.').reduce((n, part) => ((n << 8) | Number(part)) >>> 0, 0);
}

/** The eight 16-bit groups of a valid IPv6 address (with `::` expanded and a dotted IPv4 tail converted). */
function ipv6Groups(text: string): number[] {
  let head = text;
  const tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = ipv4ToNumber(dotted[1]!);
    tail.push(v4 >>> 16, v4 & 0xffff);
    head = text.slice(0, -dotted[1]!.length);
    if (!head.endsWith('::')) head = head.slice(0, -1); // '::ffff:' → '::ffff'; '::' and '64:ff9b::' stay
  }
  const parse = (part: string): number[] => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const [left, right] = head.includes('::') ? head.split('::') : [head, undefined];
  const leftGroups = parse(left ?? '');
  const rightGroups = [...parse(right ?? ''), ...tail];
  if (right === undefined) return [...leftGroups, ...tail];
  const zeros = new Array<number>(8 - leftGroups.length - rightGroups.length).fill(0);
  return [...leftGroups, ...zeros, ...rightGroups];
}
