/**
 * Access tokens for a shared server: a token file holds one line per token, `<role> sha256:<hex> <name>`, so the
 * tokens themselves are never stored (each is printed once, when `dossier token add` makes it). A token is 32
 * random bytes, so one SHA-256 is enough: nothing can be guessed from the hash (no slow KDF needed, unlike for
 * passwords). Verification compares against every entry in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { UsageError } from '../model/index.js';

/** What a token may do: a reader only reads (GET), an editor also changes the store (merges, splits, saved searches, notes). */
export type Role = 'reader' | 'editor';
export const ROLES: readonly Role[] = ['reader', 'editor'];

/** One line of a token file. */
export interface TokenEntry {
  readonly role: Role;
  /** SHA-256 of the token. */
  readonly hash: Buffer;
  /** Who holds it (shown as the author of notes and saved searches). */
  readonly name: string;
}

/** Who a request comes from, once its token is verified. */
export interface Principal {
  readonly role: Role;
  readonly name: string;
}

/** Every token starts so, which makes a leaked one easy to recognise (secret scanners, logs). */
const TOKEN_PREFIX = 'dsr_';
const ENTRY = /^(\S+)\s+sha256:([0-9a-f]{64})(?:\s+(\S.*))?$/;
/** Names are one printable line: they end up as note authors and in the token file. */
const NAME = /^[\p{L}\p{N}._@+-][\p{L}\p{N}._@+ -]{0,63}$/u;

/** The SHA-256 of a token, as stored. */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * Reads a token file; UsageError naming the file and line for anything that is not a hashed entry (a bare token
 * pasted into the file is refused, so no token is ever kept in the clear).
 * @example parseTokenFile('editor sha256:9f86…08 ana\n', 'tokens.txt') // [{ role: 'editor', hash, name: 'ana' }]
 */
export function parseTokenFile(text: string, file: string): TokenEntry[] {
  const entries: TokenEntry[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const match = ENTRY.exec(line);
    const where = `${file}, line ${index + 1}`;
    if (!match) throw new UsageError(`${where}: expected "<reader|editor> sha256:<64 hex digits> <name>" (make entries with \`dossier token add\`; tokens are never stored in the clear)`);
    const role = ROLES.find((r) => r === match[1]);
    if (!role) throw new UsageError(`${where}: unknown role "${match[1]}": expected reader or editor`);
    entries.push({ role, hash: Buffer.from(match[2]!, 'hex'), name: match[3]?.trim() ?? `token ${entries.length + 1}` });
  });
  return entries;
}

/** Reads and parses a token file; UsageError when it is missing or holds no token. */
export function loadTokenFile(file: string): TokenEntry[] {
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`--token-file "${file}": no such file (make one with \`dossier token add --role editor --token-file ${file}\`)`);
  const entries = parseTokenFile(readFileSync(file, 'utf8'), file);
  if (!entries.length) throw new UsageError(`--token-file "${file}" holds no token: add one with \`dossier token add --role editor --token-file ${file}\``);
  return entries;
}

/**
 * The holder of `token`, or undefined. Every entry is compared (no early exit) with timingSafeEqual, so the time
 * taken says nothing about which entry, or how much of a hash, matched.
 */
export function verifyToken(entries: readonly TokenEntry[], token: string): Principal | undefined {
  const hash = hashToken(token);
  let found: TokenEntry | undefined;
  for (const entry of entries) {
    if (timingSafeEqual(entry.hash, hash) && !found) found = entry;
  }
  return found ? { role: found.role, name: found.name } : undefined;
}

/**
 * Makes a new token, appends its hashed entry to the file (created with mode 0600 when missing) and returns the
 * token: the only time it is ever shown.
 */
export function addToken(file: string, role: Role, name: string): { token: string; entry: TokenEntry } {
  if (!NAME.test(name)) throw new UsageError(`--name "${name}": use up to 64 letters, digits, spaces or . _ @ + -`);
  if (existsSync(file)) parseTokenFile(readFileSync(file, 'utf8'), file);
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const entry: TokenEntry = { role, hash: hashToken(token), name };
  const header = existsSync(file) ? '' : '# Dossier access tokens: <role> sha256:<hash of the token> <name>. Made by `dossier token add`.\n';
  appendFileSync(file, `${header}${role} sha256:${entry.hash.toString('hex')} ${name}\n`, { mode: 0o600 });
  return { token, entry };
}

/** Whether `host` keeps a server to this machine (loopback addresses and localhost). */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  return /^127(\.\d{1,3}){3}$/.test(v4);
}
