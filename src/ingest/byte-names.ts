/**
 * File names that are not valid UTF-8 (a Latin-1 "café.txt" copied from an old disk). Node decodes such a name into
 * a string with replacement characters that no longer opens the file, so a folder walk keeps the raw bytes of the
 * path, shows the name with each stray byte as `\xNN`, and reads the file through a temporary symbolic link whose
 * UTF-8 name keeps the original extension (the readers choose their format by extension).
 */
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IngestError, type RawArticle } from '../model/index.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** True when the bytes are a valid UTF-8 name (Node's own string for them opens the file). */
export function isUtf8Name(bytes: Uint8Array): boolean {
  try {
    UTF8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The name as text: valid UTF-8 runs as they are, every other byte as `\xNN`. */
export function displayName(bytes: Uint8Array): string {
  if (isUtf8Name(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  let out = '';
  let runStart = 0; // the valid run not yet copied starts here
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    out += Buffer.from(bytes.subarray(runStart, i)).toString('utf8') + `\\x${bytes[i]!.toString(16).toUpperCase().padStart(2, '0')}`;
    runStart = ++i;
  }
  return out + Buffer.from(bytes.subarray(runStart)).toString('utf8');
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (length <= 1 || i + length > bytes.length) return length === 1 ? 1 : 0;
  try {
    UTF8.decode(bytes.subarray(i, i + length));
    return length;
  } catch {
    return 0;
  }
}

/**
 * Reads a file whose path is only expressible as bytes, with `read` (which takes a path string), reporting every
 * article and error under `shownPath` instead of the link's. The link is removed when reading ends.
 */
export async function* readThroughLink(
  fsPath: Buffer, shownPath: string, read: (path: string) => AsyncIterable<RawArticle | IngestError>,
): AsyncGenerator<RawArticle | IngestError> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-name-'));
  const extension = /(\.[a-z0-9]{1,8}){1,2}$/i.exec(shownPath)?.[0] ?? '';
  const link = join(dir, `input${extension}`);
  const shown = (text: string) => (text.startsWith(link) ? shownPath + text.slice(link.length) : text);
  try {
    symlinkSync(fsPath, link);
    for await (const item of read(link)) {
      if (item instanceof IngestError) yield new IngestError(item.code, shown(item.file), item.reason.split(link).join(shownPath));
      else yield { ...item, source: shown(item.source) };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
