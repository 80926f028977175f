/**
 * Bytes to text: refuses binary input, detects the encoding (UTF-8, else Windows-1252/Latin-1 and
 * others via chardet), strips a BOM and normalises Unicode to NFC.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { IngestError } from '../model/index.js';

/** Share of control bytes (other than tab/newline/CR/FF/ESC) above which input is taken as binary. */
const MAX_CONTROL_SHARE = 0.01;

/**
 * Decodes a file's bytes; throws IngestError naming the file for empty or binary input. Valid UTF-8 is read
 * as UTF-8; otherwise a declared charset (HTTP header, `<meta charset>`) is used when iconv knows it, else chardet's guess.
 */
export function decodeBytes(bytes: Uint8Array, source: string, declaredCharset?: string): { text: string; encoding: string } {
  if (bytes.length === 0) throw new IngestError('E_INPUT_EMPTY', source, 'file is empty (0 bytes)');
  const utf16 = utf16Bom(bytes);
  if (utf16) {
    // UTF-16 text is full of NUL bytes: with its byte-order mark it is text (Windows editors save it so), not binary.
    const text = new TextDecoder(utf16, { ignoreBOM: false }).decode(bytes).replace(/\0/g, '').normalize('NFC');
    const head = text.slice(0, 32768);
    const odd = head.match(/[\uFFFD\u0001-\u0008\u000E-\u001F]/g)?.length ?? 0;
    if (odd / Math.max(head.length, 1) > MAX_CONTROL_SHARE) throw new IngestError('E_INPUT_BINARY', source, 'file starts like UTF-16 but does not decode as text');
    if (text.trim().length === 0) throw new IngestError('E_INPUT_EMPTY', source, 'file holds only whitespace');
    return { text, encoding: utf16 };
  }
  if (looksBinary(bytes)) throw new IngestError('E_INPUT_BINARY', source, 'file looks binary (NUL or control bytes), not text or HTML');
  let encoding = 'utf-8';
  let text: string;
  if (isValidUtf8(bytes)) {
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  } else {
    const declared = declaredCharset ?? metaCharset(bytes);
    const guess = declared && iconv.encodingExists(declared) && !/^utf-?8$/i.test(declared) ? declared : (chardet.detect(bytes) ?? 'windows-1252');
    // chardet says ISO-8859-1 for most Western text; Windows-1252 is its superset in practice (curly quotes at 0x91–0x94).
    encoding = /^iso-8859-1$/i.test(guess) || !iconv.encodingExists(guess) ? 'windows-1252' : guess.toLowerCase();
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  }
  // NUL is never text: binary detection looks at the first 64 KiB only, so a stray NUL later is dropped here.
  text = text.replace(/^\uFEFF/, '').replace(/\0/g, '').normalize('NFC');
  if (text.trim().length === 0) throw new IngestError('E_INPUT_EMPTY', source, 'file holds only whitespace');
  return { text, encoding };
}

/** 'utf-16le' or 'utf-16be' when the bytes open with that byte-order mark. */
function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The charset an HTML page declares in its first 2 KiB (`<meta charset="…">` or http-equiv). */
export function metaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 2048)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
}

/** True for NUL bytes or many control bytes in the first 64 KiB. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return control / Math.max(n, 1) > MAX_CONTROL_SHARE;
}

/** Strict UTF-8 validation without allocating a string. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch (error) {
    if (error instanceof TypeError) return false;
    throw error;
  }
}
