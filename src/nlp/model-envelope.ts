/**
 * The envelope the NER/POS and parser model files share: gzip of
 *   magic (4 ASCII bytes) · format version (u32 LE) · header length (u32 LE) · header JSON · sections…
 * Opening it checks all of that and hands back the bytes with the parsed header and where the sections start.
 */
import { gunzipSync } from 'node:zlib';
import { DossierError } from '../model/index.js';

/** A model file unpacked up to its header. */
export interface ModelEnvelope<H> {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  readonly header: H;
  /** Offset of the first byte after the header JSON. */
  readonly headerEnd: number;
}

/**
 * Unzips a model file and reads its envelope; throws E_RESOURCE_MISSING naming `what` ("model file",
 * "parser model file") when the bytes are not gzip, the magic or the format version differ.
 */
export function openModelEnvelope<H>(file: Uint8Array, magic: string, formatVersion: number, what: string): ModelEnvelope<H> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(gunzipSync(file));
  } catch (cause) {
    throw new DossierError('E_RESOURCE_MISSING', `${what} is not gzip data`, { cause });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = new TextDecoder().decode(bytes.subarray(0, 4));
  if (found !== magic) throw new DossierError('E_RESOURCE_MISSING', `${what} starts with "${found}", not "${magic}"`);
  const format = view.getUint32(4, true);
  if (format !== formatVersion) throw new DossierError('E_RESOURCE_MISSING', `${what} format ${format} is not the supported ${formatVersion}`);
  const headerLength = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as H;
  return { bytes, view, header, headerEnd: 12 + headerLength };
}
