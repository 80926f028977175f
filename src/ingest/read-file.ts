/**
 * Reads one input path into RawArticles (a JSONL file yields many). All input I/O lives in ingest/.
 * Errors are yielded, not thrown, so one bad record never stops a file and one bad file never stops a batch.
 */
import { open, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { IngestError, describeCause } from '../model/index.js';
import {
  DEFAULT_MAX_ARCHIVE_BYTES, DEFAULT_MAX_MEMBERS, archiveKind, gunzipChunks, gunzipMember, gunzippedName, readGzipFile, readTar, readZip,
  type ArchiveLimits, type ArchiveMember,
} from './archives.js';
import { decodeBytes } from './decode.js';
import { isArchiveMemberReadable, isHiddenPath } from './inputs.js';
import { readWarc } from './read-warc.js';
import type { RawArticle } from '../model/index.js';

/** Files above this size are refused with a clear error rather than read into memory. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface ReadOptions {
  readonly maxBytes?: number;
  /** Decompressed bytes of one archive (zip, tar, tar.gz) or one `.jsonl.gz`. */
  readonly maxArchiveBytes?: number;
  /** Files inside one archive. */
  readonly maxMembers?: number;
}

/** Reads a path ('-' is standard input) and yields its articles or per-input errors. */
export async function* readPath(path: string, options: ReadOptions = {}): AsyncGenerator<RawArticle | IngestError> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const limits: ArchiveLimits = { maxBytes, maxArchiveBytes: options.maxArchiveBytes ?? DEFAULT_MAX_ARCHIVE_BYTES, maxMembers: options.maxMembers ?? DEFAULT_MAX_MEMBERS };
  const lower = path.toLowerCase();
  try {
    if (lower.endsWith('.warc') || lower.endsWith('.warc.gz')) {
      await stat(path); // a missing file is reported as such, not as a parse error
      yield* readWarc(path, { maxBytes, maxFileBytes: limits.maxArchiveBytes });
      return;
    }
    const kind = path === '-' ? undefined : archiveKind(path);
    if (kind === 'zip' || kind === 'tar' || kind === 'tar.gz') {
      await stat(path);
      const members = kind === 'zip' ? readZip(path, limits, isArchiveMemberReadable) : readTar(path, kind === 'tar.gz', limits, isArchiveMemberReadable);
      for await (const member of members) {
        if (member instanceof IngestError) {
          // Dot-files and macOS resource forks (__MACOSX/._page.html) are packing debris, not skipped pages.
          if (!(member.code === 'E_INPUT_UNSUPPORTED' && isHiddenPath(member.file.slice(path.length + 1)))) yield member;
        } else yield* fromMember(`${path}#${member.name}`, member, limits);
      }
      return;
    }
    if (kind === 'gzip' && /\.(jsonl|ndjson)$/.test(gunzippedName(lower))) {
      yield* readJsonLines(path, gunzipChunks(path, limits.maxArchiveBytes), maxBytes);
      return;
    }
    if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) {
      yield* readJsonLines(path, createReadStream(path), maxBytes);
      return;
    }
    const bytes = path === '-' ? await readStdin(maxBytes) : kind === 'gzip' ? await readGzipFile(path, maxBytes) : await readBounded(path, maxBytes);
    yield fromBytes(path, kind === 'gzip' ? gunzippedName(lower) : lower, bytes);
  } catch (error) {
    yield toIngestError(path, error);
  }
}

/** One document file's bytes as a RawArticle; HTML by its name or its first bytes. */
function fromBytes(source: string, lowerName: string, bytes: Uint8Array): RawArticle {
  const { text } = decodeBytes(bytes, source);
  const isHtml = /\.x?html?$/.test(lowerName) || looksLikeHtml(text);
  return { source, format: isHtml ? 'html' : 'text', contentType: isHtml ? 'html' : 'text', content: text, hints: {} };
}

/** The articles of one archive member: a page, a JSON Lines file, or a gzip of either. */
async function* fromMember(source: string, member: ArchiveMember, limits: ArchiveLimits): AsyncGenerator<RawArticle | IngestError> {
  try {
    let name = member.name.toLowerCase();
    let bytes = member.bytes;
    if (archiveKind(name) === 'gzip') {
      bytes = gunzipMember(bytes, source, limits.maxBytes);
      name = gunzippedName(name);
    }
    if (/\.(jsonl|ndjson)$/.test(name)) yield* readJsonLines(source, [bytes], limits.maxBytes);
    else yield fromBytes(source, name, bytes);
  } catch (error) {
    yield toIngestError(source, error);
  }
}

/** True when text starts like an HTML document. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml[^>]*>\s*<html)/i.test(text.slice(0, 2048));
}

async function readBounded(path: string, maxBytes: number): Promise<Uint8Array> {
  const info = await stat(path);
  if (info.isDirectory()) throw new IngestError('E_INPUT_UNREADABLE', path, 'is a directory');
  if (info.size > maxBytes) {
    throw new IngestError('E_INPUT_TOO_LARGE', path, `file is ${formatMb(info.size)}, above the ${formatMb(maxBytes)} limit (raise it with --max-bytes)`);
  }
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(info.size);
    const { bytesRead } = await handle.read(buffer, 0, info.size, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function readStdin(maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    total += buf.length;
    if (total > maxBytes) throw new IngestError('E_INPUT_TOO_LARGE', '-', `standard input is above the ${formatMb(maxBytes)} limit`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** One article per line: {url,title,date|published|publishedAt,outlet|source,text|body|html}. */
async function* readJsonLines(path: string, chunks: AsyncIterable<Buffer | string> | Iterable<Buffer>, maxBytes: number): AsyncGenerator<RawArticle | IngestError> {
  for await (const line of boundedLines(chunks, maxBytes)) {
    const source = `${path}#${line.lineNo}`;
    if (line.text === undefined) {
      yield new IngestError('E_INPUT_TOO_LARGE', source, `line is above the ${formatMb(maxBytes)} limit: skipped to the next line`);
      continue;
    }
    if (!line.text.trim()) continue;
    let record: unknown;
    try {
      record = JSON.parse(line.lineNo === 1 ? line.text.replace(/^\uFEFF/, '') : line.text); // a BOM opens some exports
    } catch (error) {
      yield new IngestError('E_INPUT_MALFORMED', source, `line is not valid JSON (${describeCause(error)})`);
      continue;
    }
    yield fromJsonRecord(record, source);
  }
}

/**
 * The lines of a byte stream, each at most maxBytes: a longer line is reported (text undefined) and its bytes are
 * dropped as they arrive, so one endless line never fills memory (readline would buffer all of it).
 */
export async function* boundedLines(chunks: AsyncIterable<Buffer | string> | Iterable<Buffer>, maxBytes: number): AsyncGenerator<{ readonly lineNo: number; readonly text?: string }> {
  let parts: Buffer[] = [];
  let size = 0;
  let isTooLong = false;
  let lineNo = 0;
  const finish = () => {
    lineNo++;
    const text = isTooLong ? undefined : Buffer.concat(parts).toString('utf8').replace(/\r$/, '');
    parts = [];
    size = 0;
    isTooLong = false;
    return text === undefined ? { lineNo } : { lineNo, text };
  };
  for await (const raw of chunks) {
    let chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10)) {
      const piece = chunk.subarray(0, nl);
      if (!isTooLong && size + piece.length <= maxBytes) parts.push(piece);
      else isTooLong = true;
      yield finish();
      chunk = chunk.subarray(nl + 1);
    }
    if (!isTooLong && size + chunk.length <= maxBytes) {
      parts.push(Buffer.from(chunk)); // a copy: the stream may reuse its buffer
      size += chunk.length;
    } else {
      isTooLong = true;
      parts = [];
      size = 0;
    }
  }
  if (size > 0 || isTooLong) yield finish();
}

function fromJsonRecord(record: unknown, source: string): RawArticle | IngestError {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return new IngestError('E_INPUT_MALFORMED', source, 'line is JSON but not an object');
  }
  const r = record as Record<string, unknown>;
  const str = (...keys: string[]): string | undefined => {
    for (const key of keys) {
      const v = r[key];
      if (typeof v === 'string' && v.trim()) return v;
    }
    return undefined;
  };
  const html = str('html', 'raw_html');
  const text = str('text', 'body', 'content', 'articleBody');
  if (!html && !text) return new IngestError('E_INPUT_NO_BODY', source, 'object has no "text", "body" or "html" field');
  const hints = {
    url: str('url', 'link'),
    title: str('title', 'headline'),
    publishedAt: str('published', 'publishedAt', 'date', 'datePublished', 'published_at'),
    outlet: str('outlet', 'source', 'site', 'publisher'),
    byline: str('byline', 'author'),
  };
  return {
    source,
    format: 'jsonl',
    contentType: html ? 'html' : 'text',
    content: (html ?? text)!.replace(/\0/g, '').normalize('NFC'), // a "\u0000" escape is no text either
    hints: Object.fromEntries(Object.entries(hints).filter(([, v]) => v !== undefined)),
  };
}

function toIngestError(path: string, error: unknown): IngestError {
  if (error instanceof IngestError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new IngestError('E_INPUT_NOT_FOUND', path, 'no such file or directory', { cause: error });
  if (code === 'EACCES') return new IngestError('E_INPUT_UNREADABLE', path, 'permission denied', { cause: error });
  return new IngestError('E_INPUT_UNREADABLE', path, describeCause(error), { cause: error });
}

function formatMb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
