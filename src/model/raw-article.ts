/** What a reader hands to extraction: one article's decoded content with what the container said about it. */
import type { InputFormat } from './doc.js';

export interface RawArticle {
  /** Path, URL, or `file.jsonl#12` / `file.warc#offset` for records inside a container. */
  readonly source: string;
  readonly format: InputFormat;
  /** 'html' content is markup; 'text' content is plain text. */
  readonly contentType: 'html' | 'text';
  readonly content: string;
  /** Metadata the container stated (JSONL fields, WARC target URI, HTTP headers). */
  readonly hints: {
    readonly url?: string;
    readonly title?: string;
    readonly publishedAt?: string;
    readonly outlet?: string;
    readonly byline?: string;
  };
}
