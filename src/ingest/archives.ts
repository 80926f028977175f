/**
 * Compressed files and archives of pages, streamed with bounds: a gzip file (`.html.gz`, `.txt.gz`, `.jsonl.gz`,
 * `.gz`), a tar (`.tar`, `.tar.gz`, `.tgz`) or a zip. Decompressed bytes are bounded per member (the file size
 * limit) and per archive, and a member (or gzip stream) that inflates more than MAX_RATIO times its compressed size
 * is refused as a decompression bomb, so memory stays flat whatever the archive claims. Written over node:zlib:
 * tar is a simple format, and a zip is read from its central directory with each member streamed through inflate.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip, createInflateRaw, crc32, gunzipSync } from 'node:zlib';
import { IngestError, describeCause } from '../model/index.js';

/** Bounds on what an archive may inflate to. */
export interface ArchiveLimits {
  /** Decompressed bytes of one member (or of a single gzip file): the file size limit. */
  readonly maxBytes: number;
  /** Decompressed bytes of a whole archive, read or skipped. */
  readonly maxArchiveBytes: number;
  /** Members (files) of one archive. */
  readonly maxMembers: number;
}

/** Default bound on the decompressed bytes of one archive. */
export const DEFAULT_MAX_ARCHIVE_BYTES = 4 * 1024 * 1024 * 1024;
/** Default bound on the number of members of one archive. */
export const DEFAULT_MAX_MEMBERS = 100_000;
/** Decompressed ÷ compressed size above which a stream is taken as a bomb (news HTML compresses 5–15×; zeros 1000×). */
export const MAX_RATIO = 100;
/** Below this many decompressed bytes the ratio is not checked: a tiny repetitive file is no threat. */
const RATIO_FLOOR_BYTES = 1024 * 1024;

/** One file inside an archive, read whole (it is at most maxBytes). */
export interface ArchiveMember {
  /** The member's path inside the archive. */
  readonly name: string;
  readonly bytes: Buffer;
}

/** The archive kind a file name announces, if any. */
export function archiveKind(name: string): 'zip' | 'tar' | 'tar.gz' | 'gzip' | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.zip')) return 'zip';
  if (lower.endsWith('.tar')) return 'tar';
  if (lower.endsWith('.tar.gz') || lower.endsWith('.tgz')) return 'tar.gz';
  if (lower.endsWith('.gz') && !lower.endsWith('.warc.gz')) return 'gzip';
  return undefined;
}

/** The name of a gzip file's content: `page.html.gz` → `page.html`. */
export function gunzippedName(name: string): string {
  return name.replace(/\.gz$/i, '');
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Counts compressed bytes going in and decompressed bytes coming out of one stream, and enforces the bounds. */
class InflateMeter {
  compressedIn = 0;
  out = 0;
  constructor(private readonly source: string, private readonly maxOut: number, private readonly what: string) {}

  /** Throws IngestError when the decompressed bytes pass the bound or the ratio. */
  add(outBytes: number): void {
    this.out += outBytes;
    if (this.out > this.maxOut) {
      throw new IngestError('E_INPUT_TOO_LARGE', this.source, `${this.what} inflates past the ${mb(this.maxOut)} limit (raise it with --max-bytes)`);
    }
    if (this.out > RATIO_FLOOR_BYTES && this.out > MAX_RATIO * Math.max(this.compressedIn, 1)) {
      throw new IngestError('E_INPUT_TOO_LARGE', this.source, `${this.what} inflates more than ${MAX_RATIO} times its compressed size: refused as a decompression bomb`);
    }
  }
}

/**
 * The decompressed chunks of a gzip file, streamed: at most maxOut bytes in all and at most MAX_RATIO times the
 * compressed bytes; a truncated or corrupt stream throws IngestError naming the file.
 */
export async function* gunzipChunks(path: string, maxOut: number, what = 'gzip content'): AsyncGenerator<Buffer> {
  const file = createReadStream(path);
  const gunzip = createGunzip();
  const meter = new InflateMeter(path, maxOut, what);
  file.on('data', (chunk) => (meter.compressedIn += chunk.length));
  file.on('error', (error) => gunzip.destroy(error));
  file.pipe(gunzip);
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      meter.add(chunk.length);
      yield chunk;
    }
  } catch (error) {
    throw asArchiveError(path, error, 'gzip file');
  } finally {
    file.destroy();
    gunzip.destroy();
  }
}

/** The decompressed bytes of a gzip file, at most maxBytes, streamed so a bomb never fills memory. */
export async function readGzipFile(path: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of gunzipChunks(path, maxBytes)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** A gzip member of an archive, already in memory, inflated to at most maxBytes. */
export function gunzipMember(bytes: Buffer, source: string, maxBytes: number): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      throw new IngestError('E_INPUT_TOO_LARGE', source, `gzip content inflates past the ${mb(maxBytes)} limit`);
    }
    throw asArchiveError(source, error, 'gzip member');
  }
}

function asArchiveError(source: string, error: unknown, what: string): IngestError {
  if (error instanceof IngestError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new IngestError('E_INPUT_NOT_FOUND', source, 'no such file or directory', { cause: error });
  if (code === 'EACCES') return new IngestError('E_INPUT_UNREADABLE', source, 'permission denied', { cause: error });
  const truncated = code === 'Z_BUF_ERROR' || /unexpected end/i.test(describeCause(error));
  if (truncated) return new IngestError('E_INPUT_MALFORMED', source, `${what} is truncated`, { cause: error });
  // zlib's own codes (Z_DATA_ERROR …): the compressed bytes are corrupt.
  const isCorrupt = typeof code === 'string' && code.startsWith('Z_');
  return new IngestError('E_INPUT_MALFORMED', source, `${what} ${isCorrupt ? 'is damaged' : 'could not be read'} (${describeCause(error)})`, { cause: error });
}

/** The chunks of a plain stream, bounded to maxOut bytes in all (an IngestError naming `source` past it). */
export async function* meterChunks(stream: AsyncIterable<Buffer>, source: string, maxOut: number, what: string): AsyncGenerator<Buffer> {
  const meter = new InflateMeter(source, maxOut, what);
  for await (const chunk of stream) {
    meter.compressedIn += chunk.length; // not compressed: the ratio is 1
    meter.add(chunk.length);
    yield chunk;
  }
}

/** Reads exact byte counts, or up to a delimiter, from a stream of chunks, keeping only what it must. */
export class ChunkReader {
  private buffered: Buffer[] = [];
  private size = 0;
  private isDone = false;
  /** Bytes consumed so far (read or skipped). */
  position = 0;
  constructor(private readonly chunks: AsyncIterator<Buffer>) {}

  /** Pulls one more chunk; false at the end of the stream. */
  private async pull(): Promise<boolean> {
    if (this.isDone) return false;
    const next = await this.chunks.next();
    if (next.done) {
      this.isDone = true;
      return false;
    }
    this.buffered.push(next.value);
    this.size += next.value.length;
    return true;
  }

  private async fill(n: number): Promise<void> {
    while (this.size < n && (await this.pull()));
  }

  /** The buffered bytes as one buffer (kept as one). */
  private flat(): Buffer {
    if (this.buffered.length > 1) this.buffered = [Buffer.concat(this.buffered)];
    return this.buffered[0] ?? Buffer.alloc(0);
  }

  /** Consumes and returns the first n buffered bytes. */
  private take(n: number): Buffer {
    const all = this.flat();
    const out = all.subarray(0, Math.min(n, all.length));
    const rest = all.subarray(out.length);
    this.buffered = rest.length ? [rest] : [];
    this.size = rest.length;
    this.position += out.length;
    return out;
  }

  /** Up to n bytes (fewer only at the end of the stream). */
  async read(n: number): Promise<Buffer> {
    await this.fill(n);
    return this.take(n);
  }

  /** Up to n bytes, not consumed. */
  async peek(n: number): Promise<Buffer> {
    await this.fill(n);
    return this.flat().subarray(0, n);
  }

  /** Skips n bytes without keeping them; returns how many were there. */
  async skip(n: number): Promise<number> {
    let left = n;
    while (left > 0) {
      if (this.size === 0 && !(await this.pull())) break;
      left -= this.take(Math.min(left, this.size)).length;
    }
    return n - left;
  }

  /**
   * Consumes bytes through the first `delimiter`, reading at most `max` bytes: `isFound` when the delimiter came
   * within them, else the `max` bytes (or all that was left, `isEnd`) are consumed and returned.
   */
  async readUntil(delimiter: Buffer, max: number): Promise<{ bytes: Buffer; isFound: boolean; isEnd: boolean }> {
    let searchFrom = 0;
    for (;;) {
      const all = this.flat();
      const at = all.indexOf(delimiter, searchFrom);
      if (at >= 0 && at + delimiter.length <= max) return { bytes: Buffer.from(this.take(at + delimiter.length)), isFound: true, isEnd: false };
      if (all.length >= max) return { bytes: Buffer.from(this.take(max)), isFound: false, isEnd: false };
      searchFrom = Math.max(0, all.length - delimiter.length + 1);
      if (!(await this.pull())) return { bytes: Buffer.from(this.take(all.length)), isFound: false, isEnd: true };
    }
  }

  /**
   * Discards bytes up to the next `pattern` (then `keepFrom` bytes into it), scanning at most `max` bytes;
   * false when the stream or the bound ends first.
   */
  async skipTo(pattern: Buffer, max: number, keepFrom = 0): Promise<boolean> {
    let scanned = 0;
    for (;;) {
      const all = this.flat();
      const at = all.indexOf(pattern);
      if (at >= 0) {
        this.take(at + keepFrom);
        return true;
      }
      const drop = Math.max(0, all.length - pattern.length + 1);
      this.take(drop);
      scanned += drop;
      if (scanned > max || !(await this.pull())) return false;
    }
  }

  /** Stops reading: closes the underlying stream. */
  async close(): Promise<void> {
    await this.chunks.return?.(undefined);
  }
}

const TAR_BLOCK = 512;
/** Longest GNU long name or pax header read. */
const MAX_TAR_HEADER_BYTES = 1024 * 1024;

/**
 * The regular-file members of a tar (gzip-compressed when `gzip`), streamed in order. A member above maxBytes is
 * skipped with an error naming it; a truncated member is an error and is never handed over half.
 * `wants(name)` says which members to read: the others are skipped without being kept, and reported by the caller.
 */
export async function* readTar(path: string, gzip: boolean, limits: ArchiveLimits, wants: (name: string) => boolean): AsyncGenerator<ArchiveMember | IngestError> {
  const meter = new InflateMeter(path, limits.maxArchiveBytes, 'archive');
  // A tar.gz is bounded by gunzipChunks (bytes and ratio); a plain tar by the same meter, on its own bytes.
  const chunks: AsyncIterable<Buffer> = gzip ? gunzipChunks(path, limits.maxArchiveBytes, 'archive') : createReadStream(path);
  const metered = (async function* () {
    for await (const chunk of chunks) {
      if (!gzip) {
        meter.compressedIn += chunk.length;
        meter.add(chunk.length);
      }
      yield chunk;
    }
  })();
  const reader = new ChunkReader(metered);
  let members = 0;
  let longName: string | undefined;
  let paxPath: string | undefined;
  try {
    for (;;) {
      const header = await reader.read(TAR_BLOCK);
      if (header.length === 0) return; // no end-of-archive blocks: tolerated, every member was whole
      if (header.length < TAR_BLOCK) throw new IngestError('E_INPUT_MALFORMED', path, 'tar archive is truncated (a header is cut short)');
      if (header.every((b) => b === 0)) return;
      if (!hasValidChecksum(header)) throw new IngestError('E_INPUT_MALFORMED', path, members === 0 ? 'not a tar archive (bad header checksum)' : `tar header after ${members} members is corrupt (bad checksum)`);
      const type = String.fromCharCode(header[156]!);
      const size = tarSize(header);
      const padded = Math.ceil(size / TAR_BLOCK) * TAR_BLOCK;
      if (type === 'L' || type === 'x') {
        if (size > MAX_TAR_HEADER_BYTES) throw new IngestError('E_INPUT_MALFORMED', path, `tar extended header of ${size} bytes is above the ${MAX_TAR_HEADER_BYTES}-byte limit`);
        const data = await reader.read(size);
        if (data.length < size) throw new IngestError('E_INPUT_MALFORMED', path, 'tar archive is truncated (in an extended header)');
        await reader.skip(padded - size);
        if (type === 'L') longName = data.toString('utf8').replace(/\0+$/, '');
        else paxPath = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data.toString('utf8'))?.[1];
        continue;
      }
      const name = longName ?? paxPath ?? tarName(header);
      longName = undefined;
      paxPath = undefined;
      const isFile = type === '0' || type === '\0' || type === '7';
      if (!isFile || !wants(name)) {
        if ((await reader.skip(padded)) < padded && size > 0) throw new IngestError('E_INPUT_MALFORMED', `${path}#${name}`, 'tar archive is truncated (in this member)');
        if (isFile) yield new IngestError('E_INPUT_UNSUPPORTED', `${path}#${name}`, 'unsupported type');
        continue;
      }
      if (++members > limits.maxMembers) throw new IngestError('E_INPUT_TOO_LARGE', path, `archive holds more than ${limits.maxMembers} files: the rest are not read`);
      const source = `${path}#${name}`;
      if (size > limits.maxBytes) {
        if ((await reader.skip(padded)) < padded) throw new IngestError('E_INPUT_MALFORMED', source, 'tar archive is truncated (in this member)');
        yield new IngestError('E_INPUT_TOO_LARGE', source, `file is ${mb(size)}, above the ${mb(limits.maxBytes)} limit (raise it with --max-bytes)`);
        continue;
      }
      const bytes = await reader.read(size);
      if (bytes.length < size) throw new IngestError('E_INPUT_MALFORMED', source, `tar archive is truncated: this member has ${bytes.length} of its ${size} bytes and is not read`);
      await reader.skip(padded - size);
      yield { name, bytes };
    }
  } catch (error) {
    yield asArchiveError(path, error, gzip ? 'tar.gz archive' : 'tar archive');
  } finally {
    await metered.return(undefined); // closes the file (and the gunzip stream) when the caller stops early
  }
}

function hasValidChecksum(header: Buffer): boolean {
  const stated = parseInt(header.subarray(148, 156).toString('latin1').replace(/[\0 ]+$/, '').trim(), 8);
  let sum = 0;
  for (let i = 0; i < TAR_BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
  return sum === stated;
}

function tarSize(header: Buffer): number {
  const field = header.subarray(124, 136);
  if (field[0]! & 0x80) {
    // GNU base-256: a big-endian number in the remaining bytes.
    let n = 0;
    for (let i = 1; i < field.length; i++) n = n * 256 + field[i]!;
    return n;
  }
  const n = parseInt(field.toString('latin1').replace(/\0.*$/s, '').trim() || '0', 8);
  return Number.isFinite(n) ? n : 0;
}

function tarName(header: Buffer): string {
  const field = (from: number, to: number) => header.subarray(from, to).toString('utf8').replace(/\0.*$/s, '');
  const name = field(0, 100);
  const isUstar = header.subarray(257, 262).toString('latin1') === 'ustar';
  const prefix = isUstar ? field(345, 500) : '';
  return prefix ? `${prefix}/${name}` : name;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** Longest central directory read. */
const MAX_CENTRAL_DIRECTORY_BYTES = 64 * 1024 * 1024;

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

/**
 * The file members of a zip, in central-directory order, each streamed through inflate with its bound and checked
 * against its CRC-32, so a damaged or truncated member is an error naming it, never half an article.
 */
export async function* readZip(path: string, limits: ArchiveLimits, wants: (name: string) => boolean): AsyncGenerator<ArchiveMember | IngestError> {
  let entries: ZipEntry[];
  try {
    entries = await readCentralDirectory(path);
  } catch (error) {
    yield asArchiveError(path, error, 'zip archive');
    return;
  }
  let total = 0;
  let members = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue; // a folder
    const source = `${path}#${entry.name}`;
    if (!wants(entry.name)) {
      yield new IngestError('E_INPUT_UNSUPPORTED', source, 'unsupported type');
      continue;
    }
    if (++members > limits.maxMembers) {
      yield new IngestError('E_INPUT_TOO_LARGE', path, `archive holds more than ${limits.maxMembers} files: the rest are not read`);
      return;
    }
    if (entry.flags & 1) {
      yield new IngestError('E_INPUT_UNREADABLE', source, 'zip member is encrypted');
      continue;
    }
    if (entry.size > limits.maxBytes) {
      yield new IngestError('E_INPUT_TOO_LARGE', source, `file is ${mb(entry.size)}, above the ${mb(limits.maxBytes)} limit (raise it with --max-bytes)`);
      continue;
    }
    const budget = Math.min(limits.maxBytes, limits.maxArchiveBytes - total);
    if (budget <= 0) {
      yield new IngestError('E_INPUT_TOO_LARGE', path, `archive inflates past the ${mb(limits.maxArchiveBytes)} limit: the rest is not read`);
      return;
    }
    try {
      const bytes = await readZipMember(path, entry, source, budget);
      total += bytes.length;
      yield { name: entry.name, bytes };
    } catch (error) {
      yield asArchiveError(source, error, 'zip member');
    }
  }
}

async function readCentralDirectory(path: string): Promise<ZipEntry[]> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const tailSize = Math.min(size, 22 + 65535);
    const tail = Buffer.alloc(tailSize);
    await handle.read(tail, 0, tailSize, size - tailSize);
    let at = -1;
    for (let i = tailSize - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
        at = i;
        break;
      }
    }
    if (at < 0) throw new IngestError('E_INPUT_MALFORMED', path, 'not a zip archive, or a truncated one (no end-of-central-directory record)');
    const count = tail.readUInt16LE(at + 10);
    const cdSize = tail.readUInt32LE(at + 12);
    const cdOffset = tail.readUInt32LE(at + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new IngestError('E_INPUT_UNREADABLE', path, 'ZIP64 archives are not supported: repack as tar.gz');
    if (cdSize > MAX_CENTRAL_DIRECTORY_BYTES) throw new IngestError('E_INPUT_TOO_LARGE', path, `zip central directory of ${mb(cdSize)} is above the ${mb(MAX_CENTRAL_DIRECTORY_BYTES)} limit`);
    if (cdOffset + cdSize > size) throw new IngestError('E_INPUT_MALFORMED', path, 'zip archive is truncated (its central directory points past the end of the file)');
    const cd = Buffer.alloc(cdSize);
    await handle.read(cd, 0, cdSize, cdOffset);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL_SIGNATURE) throw new IngestError('E_INPUT_MALFORMED', path, `zip central directory is corrupt at entry ${n + 1}`);
      const flags = cd.readUInt16LE(p + 8);
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      const nameBytes = cd.subarray(p + 46, p + 46 + nameLength);
      entries.push({
        // Bit 11 marks UTF-8 names; older tools wrote code page 437, read here as Latin-1.
        name: nameBytes.toString(flags & 0x800 ? 'utf8' : 'latin1'),
        method: cd.readUInt16LE(p + 10),
        flags,
        crc: cd.readUInt32LE(p + 16),
        compressedSize: cd.readUInt32LE(p + 20),
        size: cd.readUInt32LE(p + 24),
        localOffset: cd.readUInt32LE(p + 42),
      });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

async function readZipMember(path: string, entry: ZipEntry, source: string, budget: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  let dataStart: number;
  try {
    const local = Buffer.alloc(30);
    const { bytesRead } = await handle.read(local, 0, 30, entry.localOffset);
    if (bytesRead < 30 || local.readUInt32LE(0) !== LOCAL_SIGNATURE) throw new IngestError('E_INPUT_MALFORMED', source, 'zip member header is missing or corrupt');
    dataStart = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  } finally {
    await handle.close();
  }
  const { size: fileSize } = await stat(path);
  if (dataStart + entry.compressedSize > fileSize) throw new IngestError('E_INPUT_MALFORMED', source, 'zip member is truncated');
  if (entry.method !== 0 && entry.method !== 8) throw new IngestError('E_INPUT_UNREADABLE', source, `zip compression method ${entry.method} is not supported (only stored and deflate)`);
  const meter = new InflateMeter(source, budget, 'zip member');
  meter.compressedIn = entry.compressedSize;
  const raw = createReadStream(path, { start: dataStart, end: dataStart + entry.compressedSize - 1 });
  const stream: Readable = entry.method === 8 ? raw.pipe(createInflateRaw()) : raw;
  if (entry.method === 8) raw.on('error', (error) => stream.destroy(error));
  const chunks: Buffer[] = [];
  try {
    if (entry.compressedSize > 0) {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        meter.add(chunk.length);
        chunks.push(chunk);
      }
    }
  } finally {
    raw.destroy();
    stream.destroy();
  }
  const bytes = Buffer.concat(chunks);
  if (bytes.length !== entry.size || crc32(bytes) !== entry.crc) throw new IngestError('E_INPUT_MALFORMED', source, 'zip member is damaged (size or CRC-32 does not match): not read');
  return bytes;
}
