/**
 * The clean step: RawArticle → the fields of a Doc (body, metadata, comments and captions apart).
 * It runs before the Doc exists, because the Doc's id is the hash of the clean body.
 */
import { IngestError, type DocInit, type RawArticle } from '../../model/index.js';
import { extractHtml } from './html.js';
import { detectLanguage } from './language.js';
import { cleanText } from './text.js';

export const CLEAN_VERSION = 1;

/** Bodies shorter than this are not articles (error pages, empty shells). */
const MIN_BODY_CHARS = 80;

/** Cleans one raw article; throws IngestError naming the source when no body remains. */
export function cleanArticle(raw: RawArticle): DocInit {
  if (raw.contentType === 'html') {
    const page = extractHtml(raw.content);
    const body = page.body.trim();
    assertBody(body, raw.source);
    const publishedAt = raw.hints.publishedAt ?? page.publishedAt;
    return {
      text: body,
      meta: compact({
        source: raw.source,
        format: raw.format,
        url: raw.hints.url ?? page.url,
        outlet: raw.hints.outlet ?? page.outlet,
        title: raw.hints.title ?? page.title,
        byline: raw.hints.byline ?? page.byline,
        publishedAt,
        publishedAtFrom: raw.hints.publishedAt ? 'input' : page.publishedAtFrom,
        language: detectLanguage(body),
      }),
    };
  }
  const cleaned = cleanText(raw.content);
  assertBody(cleaned.body, raw.source);
  return {
    text: cleaned.body,
    comments: cleaned.comments,
    captions: cleaned.captions,
    boilerplate: cleaned.boilerplate,
    meta: compact({
      source: raw.source,
      format: raw.format,
      url: raw.hints.url,
      outlet: raw.hints.outlet,
      title: raw.hints.title ?? cleaned.title,
      byline: raw.hints.byline,
      publishedAt: raw.hints.publishedAt,
      publishedAtFrom: raw.hints.publishedAt ? 'input' : undefined,
      language: detectLanguage(cleaned.body),
    }),
  };
}

function assertBody(body: string, source: string): void {
  if (body.length < MIN_BODY_CHARS) {
    throw new IngestError('E_INPUT_NO_BODY', source, `no article body found (${body.length} characters of text after cleaning)`);
  }
}

function compact<T extends Record<string, unknown>>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}
