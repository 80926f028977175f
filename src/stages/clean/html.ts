/**
 * HTML extraction: main content with Mozilla Readability over linkedom (fast, small DOM), and
 * metadata from JSON-LD, OpenGraph and meta tags.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface ExtractedHtml {
  readonly body: string;
  readonly title?: string;
  readonly byline?: string;
  readonly publishedAt?: string;
  readonly publishedAtFrom?: string;
  readonly outlet?: string;
  readonly url?: string;
}

/** Extracts the article body and metadata from an HTML page. */
export function extractHtml(html: string): ExtractedHtml {
  const { document } = parseHTML(html);
  const meta = readMeta(document);
  // Readability mutates the DOM it is given, so metadata is read first.
  const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  const body = article?.textContent ? blocksToText(article.content ?? '', article.textContent) : '';
  return {
    body,
    ...defined({
      title: meta.title ?? article?.title ?? undefined,
      byline: meta.byline ?? article?.byline ?? undefined,
      publishedAt: meta.publishedAt ?? article?.publishedTime ?? undefined,
      publishedAtFrom: meta.publishedAtFrom ?? (article?.publishedTime ? 'readability' : undefined),
      outlet: meta.outlet ?? article?.siteName ?? undefined,
      url: meta.url,
    }),
  };
}

interface PageMeta {
  title?: string;
  byline?: string;
  publishedAt?: string;
  publishedAtFrom?: string;
  outlet?: string;
  url?: string;
}

function readMeta(document: ReturnType<typeof parseHTML>['document']): PageMeta {
  const metaContent = (selector: string): string | undefined => document.querySelector(selector)?.getAttribute('content')?.trim() || undefined;
  const out: PageMeta = {};
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    for (const node of jsonLdNodes(script.textContent ?? '')) {
      const type = String(node['@type'] ?? '');
      if (!/Article|Posting|Report/i.test(type)) continue;
      out.title ??= str(node['headline']);
      out.byline ??= personName(node['author']);
      if (!out.publishedAt && str(node['datePublished'])) {
        out.publishedAt = str(node['datePublished']);
        out.publishedAtFrom = 'json-ld';
      }
      out.outlet ??= personName(node['publisher']);
    }
  }
  out.title ??= metaContent('meta[property="og:title"]');
  out.outlet ??= metaContent('meta[property="og:site_name"]');
  out.byline ??= metaContent('meta[name="author"]');
  const metaDate = metaContent('meta[property="article:published_time"]') ?? metaContent('meta[name="date"]') ?? metaContent('meta[itemprop="datePublished"]');
  if (!out.publishedAt && metaDate) {
    out.publishedAt = metaDate;
    out.publishedAtFrom = 'meta';
  }
  const timeEl = document.querySelector('time[datetime]')?.getAttribute('datetime')?.trim();
  if (!out.publishedAt && timeEl) {
    out.publishedAt = timeEl;
    out.publishedAtFrom = 'time-element';
  }
  out.url = metaContent('meta[property="og:url"]') ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() ?? undefined;
  out.title ??= document.querySelector('title')?.textContent?.trim() || undefined;
  return out;
}

function jsonLdNodes(raw: string): Record<string, unknown>[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    if (error instanceof SyntaxError) return []; // broken JSON-LD is common on real pages; other clues remain
    throw error;
  }
  const nodes: Record<string, unknown>[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      nodes.push(value as Record<string, unknown>);
      const graph = (value as Record<string, unknown>)['@graph'];
      if (graph) visit(graph);
    }
  };
  visit(parsed);
  return nodes;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function personName(value: unknown): string | undefined {
  if (typeof value === 'string') return str(value);
  if (Array.isArray(value)) {
    const names = value.map(personName).filter((v): v is string => Boolean(v));
    return names.length ? names.join(', ') : undefined;
  }
  if (value && typeof value === 'object') return str((value as Record<string, unknown>)['name']);
  return undefined;
}

/** Turns Readability's HTML into paragraphs separated by blank lines. */
function blocksToText(contentHtml: string, fallback: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${contentHtml}</body></html>`);
  const blocks: string[] = [];
  for (const el of document.querySelectorAll('p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption')) {
    if (el.querySelector('p, li, blockquote')) continue; // only leaf blocks, so nothing is counted twice
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) blocks.push(text);
  }
  const joined = blocks.join('\n\n');
  return joined.length >= fallback.replace(/\s+/g, ' ').trim().length * 0.6 ? joined : fallback.replace(/[ \t]+/g, ' ').replace(/\n\s*\n+/g, '\n\n').trim();
}

function defined<T extends Record<string, unknown>>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}
