/**
 * Response bytes to text. The encoding comes from, in order: a byte-order mark, the Content-Type charset,
 * a `<meta charset>` / `<meta http-equiv>` tag or `<?xml encoding?>` declaration in the first 4 KiB; when none
 * is given (or a declared UTF-8 is not valid UTF-8) the file reader's detection in ../decode.ts decides.
 */
import iconv from 'iconv-lite';
import { IngestError } from '../../model/index.js';
import { decodeBytes, isValidUtf8, looksBinary } from '../decode.js';

/** Bytes of the document searched for a meta or XML encoding declaration (the HTML spec prescans 1024). */
const PRESCAN_BYTES = 4096;

/** The charset parameter of a Content-Type header, lower-cased, if any: `text/html; charset="UTF-8"` → `utf-8`. */
export function charsetFromContentType(contentType: string | null | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match ? match[1]!.toLowerCase() : undefined;
}

/** The charset a document declares in its first bytes (BOM, `<meta charset>`, http-equiv, `<?xml encoding?>`). */
export function sniffCharset(bytes: Uint8Array): string | undefined {
  const bom = sniffBom(bytes);
  if (bom) return bom;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PRESCAN_BYTES)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\sencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return xml[1]!.toLowerCase();
  const meta = /<meta\s[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)/i.exec(head);
  return meta ? meta[1]!.toLowerCase() : undefined;
}

/**
 * Decodes a response body; throws IngestError naming the URL for an empty, binary or whitespace-only body.
 * @example decodeResponse(bytes, 'https://example.org/a', 'text/html; charset=windows-1252')
 */
export function decodeResponse(bytes: Uint8Array, url: string, contentType?: string | null): { text: string; encoding: string } {
  if (bytes.length === 0) throw new IngestError('E_INPUT_EMPTY', url, 'response body is empty (0 bytes)');
  const declared = sniffBom(bytes) ?? charsetFromContentType(contentType) ?? sniffCharset(bytes);
  const encoding = declared === undefined ? undefined : whatwgAlias(declared);
  const isUsable = encoding !== undefined && iconv.encodingExists(encoding) && !(encoding === 'utf-8' && !isValidUtf8(bytes));
  if (!isUsable) {
    try {
      return decodeBytes(bytes, url);
    } catch (error) {
      // The file reader words its reasons for files ("file is empty"); say "response body" instead.
      if (error instanceof IngestError) throw new IngestError(error.code, url, error.reason.replace(/^file\b/, 'response body'), { cause: error });
      throw error;
    }
  }
  if (!encoding.startsWith('utf-16') && looksBinary(bytes)) {
    throw new IngestError('E_INPUT_BINARY', url, 'response body looks binary (NUL or control bytes), not text or HTML');
  }
  const text = iconv
    .decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding)
    .replace(/^\uFEFF/, '')
    .normalize('NFC');
  if (text.trim().length === 0) throw new IngestError('E_INPUT_EMPTY', url, 'response body holds only whitespace');
  return { text, encoding };
}

/** A byte-order mark overrides every declaration (HTML spec, "BOM sniff"). */
function sniffBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/** Labels browsers treat as another encoding: Latin-1 and ASCII labels mean Windows-1252 on the web. */
function whatwgAlias(label: string): string {
  if (/^(iso-?8859-1|latin-?1|l1|us-ascii|ascii|cp1252|windows-1252|x-cp1252)$/.test(label)) return 'windows-1252';
  if (/^(utf-?8|unicode-1-1-utf-8)$/.test(label)) return 'utf-8';
  return label;
}
