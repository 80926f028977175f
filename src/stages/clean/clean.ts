/**
 * The clean step: RawArticle → the fields of a Doc (body, metadata, comments and captions apart).
 * It runs before the Doc exists, because the Doc's id is the hash of the clean body.
 */
import { IngestError, type DocInit, type RawArticle } from '../../model/index.js';
import { normaliseDate } from './dates.js';
import { extractHtml } from './html.js';
import { outletNameOf, registrableDomain } from './outlet-name.js';
import { detectLanguage } from './language.js';
import { cleanText } from './text.js';

/** Bump when cleaning output changes; stored with every article it produced. */
export const CLEAN_VERSION = 6;

/** Bodies shorter than this are not articles (error pages, empty shells). */
const MIN_BODY_CHARS = 80;

/**
 * Work bounds per article: past them an input is no news article (a log dump, a generated page) and would cost
 * minutes and gigabytes in the stages, so it is refused with a clear per-input error before any parsing.
 */
export const ARTICLE_BOUNDS = {
  /** Paragraph elements (`<p>`, `<br>`, `<li>`, `<div>` openings) in an HTML page, or lines in a text. */
  maxParagraphs: 20_000,
  /** Characters in one line of a text input (a whole article on one line is ≈ 30k). */
  maxLineChars: 200_000,
  /** Characters of the clean body. */
  maxBodyChars: 1_000_000,
} as const;

/** The clean fields of one article, with what was dropped from its input on the way (one line each). */
export interface CleanedArticle extends DocInit {
  readonly warnings: readonly string[];
}

/**
 * Cleans one raw article; throws IngestError naming the source when no body remains. A container date that is no
 * calendar date ("not a date", "0000-00-00", "99999-01-01") is dropped with a warning: the article is stored undated
 * (or dated from its page), since later steps compute with the date and must never see an invalid one.
 */
export function cleanArticle(raw: RawArticle): CleanedArticle {
  const hint = checkDateHint(raw.hints.publishedAt);
  const warnings = hint.warning ? [hint.warning] : [];
  assertWorkBounds(raw);
  if (raw.contentType === 'html') {
    const page = extractHtml(raw.content, raw.hints.url);
    const body = page.body.trim();
    assertBody(body, raw.source);
    const publishedAt = hint.iso ?? page.publishedAt;
    return {
      warnings,
      text: body,
      meta: compact({
        source: raw.source,
        format: raw.format,
        url: raw.hints.url ?? page.url,
        outlet: raw.hints.outlet ?? page.outlet,
        title: raw.hints.title ?? page.title,
        byline: raw.hints.byline ?? page.byline,
        publishedAt,
        publishedAtFrom: hint.iso ? 'input' : page.publishedAtFrom,
        language: detectLanguage(body),
      }),
    };
  }
  const classified = cleanText(raw.content);
  // A JSON Lines "text" field is declared to be the article body: when the line classifier keeps too little of a
  // short body (it is tuned for whole scraped pages), the declared body stands.
  const declared = raw.format === 'jsonl' ? plainParagraphs(raw.content) : '';
  const cleaned = classified.body.length < MIN_BODY_CHARS && declared.length >= MIN_BODY_CHARS ? { ...classified, body: declared } : classified;
  assertBody(cleaned.body, raw.source);
  return {
    warnings,
    text: cleaned.body,
    comments: cleaned.comments,
    captions: cleaned.captions,
    boilerplate: cleaned.boilerplate,
    meta: compact({
      source: raw.source,
      format: raw.format,
      url: raw.hints.url,
      outlet: raw.hints.outlet ?? outletNameOf(cleaned.outlet, raw.hints.url) ?? registrableDomain(raw.hints.url),
      title: raw.hints.title ?? cleaned.title,
      byline: raw.hints.byline ?? cleaned.byline,
      publishedAt: hint.iso ?? cleaned.publishedAt,
      publishedAtFrom: hint.iso ? 'input' : cleaned.publishedAt ? 'text' : undefined,
      language: detectLanguage(cleaned.body),
    }),
  };
}

/** Text with its blank-line paragraphs kept and other whitespace collapsed. */
function plainParagraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** A stated date longer than this is running text, not a date. */
const MAX_HINT_CHARS = 100;

/** Longest date value quoted back in a warning: a hostile field may be megabytes long. */
const MAX_QUOTED_CHARS = 60;

/** A date the container stated (JSONL field, feed item, HTTP header) in ISO 8601, or a warning when it is no calendar date. */
function checkDateHint(value: string | undefined): { readonly iso?: string; readonly warning?: string } {
  if (value === undefined || !value.trim()) return {};
  const iso = value.length <= MAX_HINT_CHARS ? normaliseDate(value) : undefined;
  if (iso) return { iso };
  const quoted = value.length > MAX_QUOTED_CHARS ? `${value.slice(0, MAX_QUOTED_CHARS)}…` : value;
  return { warning: `publication date ${JSON.stringify(quoted)} is not a calendar date between 1990 and 2100: dropped` };
}

function assertBody(body: string, source: string): void {
  if (body.length < MIN_BODY_CHARS) {
    throw new IngestError('E_INPUT_NO_BODY', source, `no article body found (${body.length} characters of text after cleaning)`);
  }
  if (body.length > ARTICLE_BOUNDS.maxBodyChars) {
    throw new IngestError('E_INPUT_TOO_LARGE', source, `article body of ${body.length} characters is above the ${ARTICLE_BOUNDS.maxBodyChars}-character limit`);
  }
}

/** Refuses an input whose paragraph count or line length is past ARTICLE_BOUNDS; linear, and run before any parsing. */
function assertWorkBounds(raw: RawArticle): void {
  const { maxParagraphs, maxLineChars } = ARTICLE_BOUNDS;
  const content = raw.content;
  if (raw.contentType === 'html') {
    const blocks = content.match(/<(?:p|br|li|div|tr)[\s/>]/gi)?.length ?? 0;
    if (blocks > maxParagraphs) {
      throw new IngestError('E_INPUT_TOO_LARGE', raw.source, `page has ${blocks} paragraph elements, above the ${maxParagraphs} limit for one article`);
    }
    return;
  }
  let lines = 1;
  let longest = 0;
  let from = 0;
  for (let nl = content.indexOf('\n'); nl >= 0; nl = content.indexOf('\n', from)) {
    longest = Math.max(longest, nl - from);
    from = nl + 1;
    lines++;
  }
  longest = Math.max(longest, content.length - from);
  if (longest > maxLineChars) {
    throw new IngestError('E_INPUT_TOO_LARGE', raw.source, `a line of ${longest} characters is above the ${maxLineChars}-character limit for one article`);
  }
  if (lines > maxParagraphs) {
    throw new IngestError('E_INPUT_TOO_LARGE', raw.source, `text has ${lines} lines, above the ${maxParagraphs} limit for one article`);
  }
}

function compact<T extends Record<string, unknown>>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}
