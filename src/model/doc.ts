/**
 * The document model. A Doc is one clean article: its body `text` never changes once built, and
 * every layer points into it with character offsets.
 */
import { createHash } from 'node:crypto';
import type { Layers } from './layers.js';
import type { Span } from './span.js';

/** The input formats Dossier reads. */
export type InputFormat = 'text' | 'html' | 'jsonl' | 'warc' | 'url';

/** Article metadata: what is known about the article, not what it says. */
export interface ArticleMeta {
  /** Path, URL or `file.jsonl#line` the article came from. */
  readonly source: string;
  readonly format: InputFormat;
  readonly url?: string;
  readonly outlet?: string;
  readonly title?: string;
  readonly byline?: string;
  /** ISO 8601 date or date-time of publication, when known. */
  readonly publishedAt?: string;
  /** Which clue gave the publication date (json-ld, meta, time-element, url, text, input). */
  readonly publishedAtFrom?: string;
  /** ISO 639-1 code from the language detector, or 'und'. */
  readonly language: string;
  /** What the page is, from the genre rules at ingest (src/nlp/genre.ts); only news and opinion feed events and claims by default. */
  readonly genre?: Genre;
}

/** Page genres: reporting and commentary, and the non-news kinds that produce no events unless asked for. */
export type Genre = 'news' | 'opinion' | 'review' | 'guide' | 'recipe' | 'listing' | 'other';

/** A reader comment, kept apart from the body: facts never come from comments. */
export interface ReaderComment {
  readonly author?: string;
  readonly postedAt?: string;
  readonly text: string;
  /** Index of the comment this one replies to, in the same list. */
  readonly replyTo?: number;
}

/** A photo caption, collapsed to one when a scraper saved it twice. */
export interface Caption {
  readonly text: string;
  readonly credit?: string;
  readonly occurrences: number;
}

/** A clean article with its annotation layers. */
export interface Doc {
  /** Stable id: hash of the normalised body, so the same article from two files is one Doc. */
  readonly id: string;
  readonly text: string;
  readonly meta: ArticleMeta;
  readonly paragraphs: readonly Span[];
  readonly comments: readonly ReaderComment[];
  readonly captions: readonly Caption[];
  /** Lines removed as boilerplate (menus, share buttons, prompts), kept for inspection. */
  readonly boilerplate: readonly string[];
  readonly layers: Partial<Layers>;
}

/** Normalises a body for hashing: Unicode NFC, collapsed whitespace, straight quotes, lower case. */
export function normaliseForId(body: string): string {
  return body
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The stable article id for a body: first 16 hex digits of SHA-256 of the normalised body. */
export function articleId(body: string): string {
  return createHash('sha256').update(normaliseForId(body)).digest('hex').slice(0, 16);
}

/** Fields needed to build a Doc; layers start empty. */
export interface DocInit {
  readonly text: string;
  readonly meta: ArticleMeta;
  readonly paragraphs?: readonly Span[];
  readonly comments?: readonly ReaderComment[];
  readonly captions?: readonly Caption[];
  readonly boilerplate?: readonly string[];
}

/** Builds a Doc with its id; paragraphs default to blank-line-separated blocks of the text. */
export function createDoc(init: DocInit): Doc {
  return {
    id: articleId(init.text),
    text: init.text,
    meta: init.meta,
    paragraphs: init.paragraphs ?? paragraphSpans(init.text),
    comments: init.comments ?? [],
    captions: init.captions ?? [],
    boilerplate: init.boilerplate ?? [],
    layers: {},
  };
}

/** Spans of the blank-line-separated, non-empty blocks of a text. */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  const re = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) spans.push({ start: m.index + lead, end: m.index + lead + trimmed.length });
  }
  return spans;
}
