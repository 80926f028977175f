import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeKind, localNameKind, nonPublicKind, type NonPublicKind } from './address-policy.js';

const CASES: ReadonlyArray<readonly [string, NonPublicKind | undefined]> = [
  // IPv4 special-purpose ranges, at their edges
  ['0.0.0.0', 'unspecified'],
  ['0.255.255.255', 'unspecified'],
  ['10.0.0.5', 'private'],
  ['10.255.255.255', 'private'],
  ['100.64.0.1', 'shared (carrier-grade NAT)'],
  ['100.127.255.255', 'shared (carrier-grade NAT)'],
  ['127.0.0.1', 'loopback'],
  ['127.53.0.9', 'loopback'],
  ['169.254.169.254', 'link-local'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.0.0.8', 'IETF protocol'],
  ['192.168.1.20', 'private'],
  ['198.18.0.1', 'benchmarking'],
  ['198.19.255.255', 'benchmarking'],
  ['224.0.0.251', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['240.0.0.1', 'reserved'],
  ['255.255.255.255', 'broadcast'],
  // IPv4 public addresses next to those ranges
  ['9.255.255.255', undefined],
  ['11.0.0.1', undefined],
  ['100.63.255.255', undefined],
  ['100.128.0.0', undefined],
  ['172.15.255.255', undefined],
  ['172.32.0.0', undefined],
  ['192.0.1.1', undefined],
  ['192.169.0.1', undefined],
  ['198.17.255.255', undefined],
  ['198.20.0.0', undefined],
  ['223.255.255.255', undefined],
  ['93.184.215.14', undefined],
  // IPv6
  ['::', 'unspecified'],
  ['::1', 'loopback'],
  ['[::1]', 'loopback'],
  ['0:0:0:0:0:0:0:1', 'loopback'],
  ['fc00::1', 'unique-local'],
  ['fd12:3456:789a::1', 'unique-local'],
  ['fe80::1%eth0', 'link-local'],
  ['febf:ffff::1', 'link-local'],
  ['ff02::1', 'multicast'],
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['::ffff:10.1.2.3', 'private'],
  ['::ffff:8.8.8.8', undefined],
  ['64:ff9b::169.254.169.254', 'link-local'],
  ['64:ff9b::a00:5', 'private'],
  ['64:ff9b::8.8.4.4', undefined],
  ['2001:db8:85a3::8a2e:370:7334', undefined],
  ['2a00:1450:4001:82b::200e', undefined],
  ['fec0::1', undefined],
  // not an address at all
  ['news.example', 'reserved'],
];

test('address policy › each special-purpose range is classified and its public neighbours are not', () => {
  for (const [address, expected] of CASES) assert.equal(nonPublicKind(address), expected, address);
});

test('address policy › localhost and names under .localhost are local names; others are not', () => {
  assert.equal(localNameKind('localhost'), 'loopback');
  assert.equal(localNameKind('LOCALHOST.'), 'loopback');
  assert.equal(localNameKind('admin.localhost'), 'loopback');
  assert.equal(localNameKind('localhost.news.example'), undefined);
  assert.equal(localNameKind('notlocalhost'), undefined);
});

test('address policy › kinds read as a sentence with the right article', () => {
  assert.equal(describeKind('private'), 'a private address');
  assert.equal(describeKind('unspecified'), 'an unspecified address');
  assert.equal(describeKind('IETF protocol'), 'an IETF protocol address');
  assert.equal(describeKind('unique-local'), 'a unique-local address');
});
