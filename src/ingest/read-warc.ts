/**
 * WARC reader (WARC/1.0 and 1.1, plain or gzip per record) on warcio's streaming parser: records are read
 * one at a time from a file stream, so memory stays flat whatever the size of the crawl. HTML and plain-text
 * `response`/`resource` records become RawArticles; requests, metadata, redirects, errors and non-text
 * payloads (images, scripts, PDFs) are skipped.
 */
import { createReadStream } from 'node:fs';
import { WARCParser } from 'warcio';
import { IngestError, describeCause, type RawArticle } from '../model/index.js';
import { decodeBytes } from './decode.js';

/** Payload types read as articles. */
const TEXT_TYPES = /^(text\/html|application\/xhtml\+xml|text\/plain)\b/i;

/** Reads the article records of a WARC file; one bad record yields an error and the file goes on. */
export async function* readWarc(path: string, maxBytes: number): AsyncGenerator<RawArticle | IngestError> {
  const parser = new WARCParser(createReadStream(path));
  for await (const record of parser) {
    const type = record.warcType;
    if (type !== 'response' && type !== 'resource') continue;
    const offset = parser.offset;
    const url = record.warcTargetURI ?? undefined;
    const source = `${path}#${offset}`;
    const http = type === 'response' ? record.getResponseInfo() : null;
    if (http && Number(http.status) !== 200) continue; // redirects and errors hold no article
    const contentType = (http ? http.headers.get('content-type') : record.warcContentType) ?? '';
    if (!TEXT_TYPES.test(contentType)) continue;
    if (record.warcContentLength > maxBytes) {
      yield new IngestError('E_INPUT_TOO_LARGE', source, `record of ${record.warcContentLength} bytes is above the ${maxBytes}-byte limit`);
      continue;
    }
    try {
      const bytes = await record.readFully(true);
      const charset = /charset=["']?([\w.:-]+)/i.exec(contentType)?.[1];
      const { text } = decodeBytes(bytes, source, charset);
      const isHtml = /html/i.test(contentType);
      const date = http?.headers.get('last-modified') ?? undefined;
      yield {
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
      yield error instanceof IngestError ? error : new IngestError('E_INPUT_MALFORMED', source, `WARC record could not be read (${describeCause(error)})`, { cause: error });
    }
  }
}
