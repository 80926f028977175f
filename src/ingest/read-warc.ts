/**
 * WARC reader (WARC/1.0 and 1.1, plain or gzip, per record or whole file), streamed with bounds: records are read
 * one at a time, each record's declared Content-Length is enforced, header blocks and decompressed bytes are bounded
 * (per record and per file, with a ratio guard against bombs), and a truncated record is an error naming it, never
 * half an article. HTML and plain-text `response`/`resource` records become RawArticles; requests, metadata,
 * redirects, errors and non-text payloads (images, scripts, PDFs) are skipped.
 */
import { createReadStream } from 'node:fs';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { IngestError, describeCause, type RawArticle } from '../model/index.js';
import { ChunkReader, DEFAULT_MAX_ARCHIVE_BYTES, gunzipChunks, meterChunks } from './archives.js';
import { decodeBytes } from './decode.js';

/** Payload types read as articles. */
const TEXT_TYPES = /^(text\/html|application\/xhtml\+xml|text\/plain)\b/i;
/** Longest WARC or HTTP header block read; a longer one is an error on that record, and the reader resynchronises. */
export const MAX_WARC_HEADER_BYTES = 64 * 1024;
/** How far the reader scans for the next record after a damaged one before giving up on the file. */
const MAX_RESYNC_BYTES = 256 * 1024 * 1024;

/** Bounds of readWarc. */
export interface WarcLimits {
  /** Bytes of one record's payload (after transfer and content decoding). */
  readonly maxBytes: number;
  /** Decompressed bytes of the whole file. */
  readonly maxFileBytes?: number;
}

/** Reads the article records of a WARC file; one bad record yields an error naming it and the file goes on. */
export async function* readWarc(path: string, limits: WarcLimits | number): AsyncGenerator<RawArticle | IngestError> {
  const { maxBytes, maxFileBytes = DEFAULT_MAX_ARCHIVE_BYTES } = typeof limits === 'number' ? { maxBytes: limits } : limits;
  const isGzip = path.toLowerCase().endsWith('.gz');
  const chunks = isGzip ? gunzipChunks(path, maxFileBytes, 'WARC file') : meterChunks(createReadStream(path), path, maxFileBytes, 'WARC file');
  const reader = new ChunkReader(chunks[Symbol.asyncIterator]());
  let records = 0;
  try {
    for (;;) {
      await skipBlankLines(reader);
      const offset = reader.position;
      const source = `${path}#${offset}`;
      const head = await reader.readUntil(CRLF2, MAX_WARC_HEADER_BYTES);
      if (head.bytes.length === 0 && head.isEnd) return;
      if (records === 0 && !head.bytes.subarray(0, 7).equals(WARC_MAGIC)) {
        yield new IngestError('E_INPUT_MALFORMED', path, `not a WARC file (starts with ${JSON.stringify(clip(head.bytes.subarray(0, 40).toString('latin1')))})`);
        return;
      }
      if (!head.isFound) {
        if (head.isEnd) {
          yield new IngestError('E_INPUT_MALFORMED', source, records === 0 ? 'not a WARC file (no WARC header)' : 'WARC file is truncated inside a record header: that record is not read');
          return;
        }
        yield new IngestError('E_INPUT_MALFORMED', source, `WARC record header is longer than ${MAX_WARC_HEADER_BYTES} bytes: record skipped`);
        if (!(await resync(reader))) return;
        continue;
      }
      const lines = head.bytes.toString('latin1').split(/\r?\n/);
      if (!/^WARC\/1\.[01]\s*$/.test(lines[0] ?? '')) {
        if (records === 0) {
          yield new IngestError('E_INPUT_MALFORMED', source, `not a WARC file (starts with ${JSON.stringify(clip(lines[0] ?? ''))})`);
          return;
        }
        yield new IngestError('E_INPUT_MALFORMED', source, `expected a WARC record here, found ${JSON.stringify(clip(lines[0] ?? ''))}: skipped to the next record`);
        if (!(await resync(reader))) return;
        continue;
      }
      records++;
      const headers = parseHeaders(lines.slice(1));
      const length = Number(headers.get('content-length'));
      if (!Number.isSafeInteger(length) || length < 0) {
        yield new IngestError('E_INPUT_MALFORMED', source, 'WARC record has no valid Content-Length: skipped to the next record');
        if (!(await resync(reader))) return;
        continue;
      }
      const result = await readRecord(reader, headers, length, source, maxBytes);
      if (result) yield result;
    }
  } catch (error) {
    yield error instanceof IngestError ? error : new IngestError('E_INPUT_MALFORMED', path, `WARC file could not be read (${describeCause(error)})`, { cause: error });
  } finally {
    await reader.close();
  }
}

const CRLF2 = Buffer.from('\r\n\r\n');
const WARC_MAGIC = Buffer.from('WARC/1.');

/** One record's article, its error, or undefined when the record holds no article; always consumes the whole block. */
async function readRecord(reader: ChunkReader, headers: Map<string, string>, length: number, source: string, maxBytes: number): Promise<RawArticle | IngestError | undefined> {
  const type = headers.get('warc-type');
  const consume = async (n: number) => {
    if ((await reader.skip(n)) < n) throw truncated(source);
  };
  if (type !== 'response' && type !== 'resource') {
    await consume(length);
    return undefined;
  }
  const url = headers.get('warc-target-uri')?.replace(/^<(.*)>$/, '$1');
  // The HTTP header block of a response decides whether it is an article: read it first, within its bound.
  let http: { status: number; headers: Map<string, string> } | undefined;
  let headerBytes = 0;
  if (type === 'response') {
    const head = await reader.readUntil(CRLF2, Math.min(length, MAX_WARC_HEADER_BYTES));
    if (!head.isFound) {
      if (head.isEnd && head.bytes.length < length) throw truncated(source);
      await consume(length - head.bytes.length);
      return new IngestError('E_INPUT_MALFORMED', source, 'WARC response has no readable HTTP header block: skipped');
    }
    headerBytes = head.bytes.length;
    const lines = head.bytes.toString('latin1').split(/\r?\n/);
    http = { status: Number(/^HTTP\/[\d.]+\s+(\d{3})/.exec(lines[0] ?? '')?.[1] ?? 0), headers: parseHeaders(lines.slice(1)) };
  }
  const bodyLength = length - headerBytes;
  const contentType = (http ? http.headers.get('content-type') : headers.get('content-type')) ?? '';
  if ((http && http.status !== 200) || !TEXT_TYPES.test(contentType)) {
    await consume(bodyLength);
    return undefined; // redirects, errors and non-text payloads hold no article
  }
  if (bodyLength > maxBytes) {
    await consume(bodyLength);
    return new IngestError('E_INPUT_TOO_LARGE', source, `record of ${bodyLength} bytes is above the ${maxBytes}-byte limit`);
  }
  const raw = await reader.read(bodyLength);
  if (raw.length < bodyLength) throw truncated(source);
  try {
    const bytes = http ? decodeHttpBody(raw, http.headers, source, maxBytes) : raw;
    const charset = /charset=["']?([\w.:-]+)/i.exec(contentType)?.[1];
    const { text } = decodeBytes(bytes, source, charset);
    const isHtml = /html/i.test(contentType);
    const date = http?.headers.get('last-modified');
    return {
      source,
      format: 'warc',
      contentType: isHtml ? 'html' : 'text',
      content: text,
      hints: {
        ...(url ? { url } : {}),
        // A plain-text record has no page metadata; its Last-Modified header is the best date we have.
        ...(!isHtml && date ? { publishedAt: date } : {}),
      },
    };
  } catch (error) {
    return error instanceof IngestError ? error : new IngestError('E_INPUT_MALFORMED', source, `WARC record could not be read (${describeCause(error)})`, { cause: error });
  }
}

function truncated(source: string): IngestError {
  return new IngestError('E_INPUT_MALFORMED', source, 'WARC record is truncated (the file ends before its Content-Length): not read');
}

/** The payload of an HTTP response with its transfer coding (chunked) and content coding (gzip, deflate, br) undone, within maxBytes. */
function decodeHttpBody(raw: Buffer, headers: Map<string, string>, source: string, maxBytes: number): Buffer {
  let body = /chunked/i.test(headers.get('transfer-encoding') ?? '') ? dechunk(raw) : raw;
  const coding = (headers.get('content-encoding') ?? '').trim().toLowerCase();
  try {
    if (coding === 'gzip' || coding === 'x-gzip') body = gunzipSync(body, { maxOutputLength: maxBytes });
    else if (coding === 'deflate') body = inflateSync(body, { maxOutputLength: maxBytes });
    else if (coding === 'br') body = brotliDecompressSync(body, { maxOutputLength: maxBytes });
  } catch (error) {
    if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new IngestError('E_INPUT_TOO_LARGE', source, `record's ${coding} content inflates past the ${maxBytes}-byte limit`);
    }
    throw new IngestError('E_INPUT_MALFORMED', source, `record's ${coding} content is damaged (${describeCause(error)})`, { cause: error });
  }
  return body;
}

/** The data of a chunked HTTP body; a malformed one is returned as it was (some crawlers store it decoded). */
function dechunk(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = raw.indexOf('\r\n', at);
    if (eol < 0) return raw;
    const size = parseInt(raw.subarray(at, eol).toString('latin1').split(';')[0]!.trim(), 16);
    if (!Number.isFinite(size) || size < 0) return raw;
    if (size === 0) return Buffer.concat(parts);
    const start = eol + 2;
    if (start + size > raw.length) return raw;
    parts.push(raw.subarray(start, start + size));
    at = start + size + 2;
  }
}

function parseHeaders(lines: readonly string[]): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

async function skipBlankLines(reader: ChunkReader): Promise<void> {
  for (;;) {
    const next = await reader.peek(1);
    if (next.length === 0 || (next[0] !== 0x0d && next[0] !== 0x0a)) return;
    await reader.skip(1);
  }
}

/** Skips to the next line starting with "WARC/1."; false when the file ends (or the scan passes its bound) first. */
async function resync(reader: ChunkReader): Promise<boolean> {
  return reader.skipTo(Buffer.from('\nWARC/1.'), MAX_RESYNC_BYTES, 1);
}

/** At most 40 characters of what was found, control and non-ASCII bytes shown as dots. */
function clip(text: string): string {
  const shown = text.replace(/[^\x20-\x7e]/g, '.');
  return shown.length > 40 ? `${shown.slice(0, 40)}…` : shown;
}
