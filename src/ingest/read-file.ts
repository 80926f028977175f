/**
 * Reads one input path into RawArticles (a JSONL file yields many). All input I/O lives in ingest/.
 * Errors are yielded, not thrown, so one bad record never stops a file and one bad file never stops a batch.
 */
import { open, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { createReadStream } from 'node:fs';
import { IngestError, describeCause } from '../model/index.js';
import { decodeBytes } from './decode.js';
import { readWarc } from './read-warc.js';
import type { RawArticle } from '../model/index.js';

/** Files above this size are refused with a clear error rather than read into memory. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface ReadOptions {
  readonly maxBytes?: number;
}

/** Reads a path ('-' is standard input) and yields its articles or per-input errors. */
export async function* readPath(path: string, options: ReadOptions = {}): AsyncGenerator<RawArticle | IngestError> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const lower = path.toLowerCase();
  try {
    if (lower.endsWith('.warc') || lower.endsWith('.warc.gz')) {
      await stat(path); // a missing file is reported as such, not as a parse error
      yield* readWarc(path, maxBytes);
      return;
    }
    if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) {
      yield* readJsonLines(path, maxBytes);
      return;
    }
    const bytes = path === '-' ? await readStdin(maxBytes) : await readBounded(path, maxBytes);
    const { text } = decodeBytes(bytes, path);
    const isHtml = /\.x?html?$/.test(lower) || looksLikeHtml(text);
    yield { source: path, format: isHtml ? 'html' : 'text', contentType: isHtml ? 'html' : 'text', content: text, hints: {} };
  } catch (error) {
    yield toIngestError(path, error);
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
async function* readJsonLines(path: string, maxBytes: number): AsyncGenerator<RawArticle | IngestError> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    const source = `${path}#${lineNo}`;
    if (line.length > maxBytes) {
      yield new IngestError('E_INPUT_TOO_LARGE', source, `line is above the ${formatMb(maxBytes)} limit`);
      continue;
    }
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      yield new IngestError('E_INPUT_MALFORMED', source, `line is not valid JSON (${describeCause(error)})`);
      continue;
    }
    const article = fromJsonRecord(record, source);
    yield article;
  }
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
    content: (html ?? text)!.normalize('NFC'),
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
