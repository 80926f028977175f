/**
 * HTML extraction: the main content is found by Mozilla Readability over linkedom (fast, small DOM);
 * we then walk Readability's content tree into blocks and drop captions, credits, bylines, promotion
 * teasers, link lists and known boilerplate phrases, and fall back to JSON-LD `articleBody` or a
 * text-density scan of the whole page when Readability finds nothing usable. Metadata comes from
 * html-metadata.ts, read before Readability mutates the DOM.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { hasCredit, isBoilerplateLine, isBylineOrDateLine, isCommentsStart, isCreditLine, isTailStart } from './boilerplate.js';
import { collectBlocks, type DomNode, type TextBlock } from './blocks.js';
import { outletNameOf } from './outlet-name.js';
import { readPageMeta, type PageMeta } from './html-metadata.js';

/** What HTML extraction found in one page. */
export interface ExtractedHtml {
  /** Body paragraphs separated by blank lines. */
  readonly body: string;
  readonly title?: string;
  readonly byline?: string;
  /** ISO 8601 date or date-time. */
  readonly publishedAt?: string;
  readonly publishedAtFrom?: string;
  readonly outlet?: string;
  readonly url?: string;
  /** Which method produced the body: readability, json-ld or density. */
  readonly bodyFrom: 'readability' | 'json-ld' | 'density' | 'none';
}

type DomElement = {
  tagName: string;
  getAttribute(name: string): string | null;
  remove(): void;
  querySelectorAll(selector: string): Iterable<DomElement & DomNode>;
  querySelector?(selector: string): DomElement | null;
  textContent: string | null;
};

/** Bodies shorter than this from Readability send us to the fallbacks. */
const MIN_READABILITY_CHARS = 250;

/** Extracts the article body and metadata from an HTML page; `url` (when known) helps date and outlet. */
export function extractHtml(html: string, url?: string): ExtractedHtml {
  const { document } = parseHTML(html);
  const meta = readPageMeta(document, url);
  const jsonLdBody = meta.articleBody;
  // The root element, not the document: a Document's textContent is null (DOM spec, and linkedom), which made every
  // hidden node look "more than half the page" and kept it.
  removeHiddenAndWidgets(document.documentElement as unknown as DomElement);
  let body = '';
  let bodyFrom: ExtractedHtml['bodyFrom'] = 'none';
  let article: ReturnType<Readability<DomElement>['parse']> = null;
  try {
    article = new Readability(document as unknown as Document, {
      charThreshold: 200,
      keepClasses: true,
      // Hand back the content element itself rather than serialised HTML, so it is walked without re-parsing.
      serializer: (el: Node) => el as unknown as DomElement,
    }).parse();
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    article = null; // Readability gives up on some malformed trees; the fallbacks below still run.
  }
  if (article?.content) {
    const root = article.content as unknown as DomElement;
    removeNonBodyElements(root, (root.textContent ?? '').length);
    body = blocksToBody(collectBlocks(root as unknown as DomNode), meta.description);
    bodyFrom = 'readability';
  }
  if (body.length < MIN_READABILITY_CHARS && jsonLdBody && jsonLdBody.length > body.length) {
    body = paragraphsOf(jsonLdBody);
    bodyFrom = 'json-ld';
  }
  if (body.length < MIN_READABILITY_CHARS) {
    const { document: fresh } = parseHTML(html);
    removeHiddenAndWidgets(fresh.documentElement as unknown as DomElement);
    const dense = densityBody(fresh.body as unknown as DomNode);
    if (dense.length > body.length) {
      body = dense;
      bodyFrom = 'density';
    }
  }
  return {
    body,
    bodyFrom: body ? bodyFrom : 'none',
    ...defined({
      title: meta.title ?? cleanTitle(article?.title ?? undefined),
      byline: meta.byline ?? (article?.byline || undefined),
      publishedAt: meta.publishedAt,
      publishedAtFrom: meta.publishedAtFrom,
      outlet: meta.outlet ?? outletNameOf(article?.siteName ?? undefined, meta.url),
      url: meta.url,
    }),
  };
}

/** Elements that are never article text wherever they sit: hidden nodes, hover cards, widgets. */
const ALWAYS_REMOVE = [
  '[hidden]',
  '[aria-hidden="true"]',
  '[style*="display:none"]',
  '[style*="display: none"]',
  '[style*="visibility:hidden"]',
  'template',
  'noscript',
  'button',
  'select',
  'dialog',
  '[role="dialog"]',
  '[role="navigation"]',
  '[role="complementary"]',
  '[class*="sr-only"]',
  '[class*="visually-hidden"]',
  '[class*="screen-reader"]',
].join(',');

/** Removes hidden nodes and widgets, except one holding most of the page (a modal-open `aria-hidden` wrapper). */
function removeHiddenAndWidgets(root: DomElement): void {
  const total = (root.textContent ?? '').length;
  for (const el of [...root.querySelectorAll(ALWAYS_REMOVE)]) {
    if ((el.textContent ?? '').length < total * 0.5) el.remove();
  }
  // Hover cards ("Ilhan Omar" → photo, bio, latest headlines) sit inside the sentence beside the name:
  // drop the innermost card holding a picture, keep the name's link.
  const cards = [...root.querySelectorAll(HOVER_CARD)];
  for (const el of cards) {
    if (!el.querySelector?.('img')) continue;
    if ([...el.querySelectorAll(HOVER_CARD)].some((inner) => inner.querySelector?.('img'))) continue;
    el.remove();
  }
}

const HOVER_CARD = '[class*="rollover"], [class*="tooltip"], [class*="popover"], [class*="hovercard"], [class*="hover-card"]';

/** Class or id words marking a caption, credit, byline, share bar or promotion inside the content. */
const NON_BODY_CLASS =
  /(^|[\s_-])(caption|captions|figcaption|credit|credits|byline|bylines|author|authors|dateline|timestamp|date|meta|share|sharing|social|newsletter|signup|subscribe|related|recirc|recommended|promo|promoted|sponsor|sponsored|advert|advertisement|ad|ads|adslot|outbrain|taboola|tags|tag-list|breadcrumb|breadcrumbs|kicker|eyebrow|rating|comments|comment-count|read-more|readmore|more-stories|most-popular|trending|inline-related|toolbar|print|disclaimer|copyright)([\s_-]|$)/i;

/**
 * Drops figure captions, credits, bylines, share bars and promotion boxes from Readability's content.
 * An element holding more than 30 % of the content is kept whatever its class says ("has-share-bar" on a wrapper).
 */
function removeNonBodyElements(root: DomElement, totalChars: number): void {
  for (const el of [...root.querySelectorAll('figcaption, figure, aside, nav, footer, header, [role="note"], sup.reference')]) {
    if ((el.textContent ?? '').length < totalChars * 0.3) el.remove();
  }
  for (const el of [...root.querySelectorAll('[class], [id]')]) {
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!NON_BODY_CLASS.test(names)) continue;
    if (/\b(article|story|post|entry|content|body)[_-]?(body|content|text)\b/i.test(names)) continue;
    if ((el.textContent ?? '').length < totalChars * 0.3) el.remove();
  }
}

/** Keeps the body blocks of Readability's content, joined by blank lines; a comments header in the last part ends it. */
function blocksToBody(blocks: readonly TextBlock[], description?: string): string {
  const kept: string[] = [];
  // A standfirst under the headline repeats the page description and has no final full stop ("Syria blames
  // Israel; sources say …"); the body proper starts after it. A first paragraph used as the description keeps its stop.
  const standfirst = description && !/[.!?]["”’)]?$/.test(description.trim()) ? foldText(description) : undefined;
  const total = blocks.reduce((n, b) => n + b.text.length, 0);
  let seen = 0;
  for (const block of blocks) {
    seen += block.text.length;
    if (seen > total * 0.5 && block.text.length < 120 && (isCommentsStart(block.text) || isTailStart(block.text))) break;
    if (!isBodyBlock(block)) continue;
    if (standfirst && kept.length < 3 && foldText(block.text) === standfirst) continue;
    if (kept.length && kept[kept.length - 1] === block.text) continue; // a block saved twice (alt text + caption)
    kept.push(block.text);
  }
  return kept.join('\n\n');
}

/** The block filter: known phrases, captions and credits, bylines, link-heavy teasers, shouting kickers. */
export function isBodyBlock(block: TextBlock): boolean {
  const text = block.text;
  const words = text.split(' ').length;
  if (isBoilerplateLine(text) || isCreditLine(text)) return false;
  if (text.length < 400 && hasCredit(text)) return false;
  if (isBylineOrDateLine(text)) return false;
  const linkDensity = block.linkChars / text.length;
  if (linkDensity > 0.5 && (words < 30 || linkDensity > 0.8)) return false;
  // "RANDY ANDY", "DON'T MISS": all-capitals kickers and teaser labels
  // ("BAAR, SWITZERLAND" is a dateline and stays)
  if (words <= 12 && !/\p{Ll}/u.test(text) && /\p{Lu}.*\p{Lu}/u.test(text) && !/^[\p{Lu} .'-]+, [\p{Lu} .'-]+$/u.test(text)) return false;
  return true;
}

function foldText(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Splits a JSON-LD articleBody (often one long string) into paragraphs. */
function paragraphsOf(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n|\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/**
 * Fallback for pages Readability cannot read: the densest run of prose blocks in the page (jusText-like:
 * long blocks with sentence punctuation and little link text are good; a run may bridge short neutral blocks).
 */
function densityBody(root: DomNode): string {
  const blocks = collectBlocks(root);
  const good = blocks.map((b) => {
    const density = b.linkChars / b.text.length;
    if (density > 0.4 || isBoilerplateLine(b.text) || hasCredit(b.text) || isBylineOrDateLine(b.text)) return -1;
    if (b.text.length >= 150 && /[.!?]["”’)]?$/.test(b.text)) return 1;
    if (b.text.length >= 60 && /[.!?]/.test(b.text)) return 0.5;
    return 0;
  });
  let best = { start: 0, end: -1, score: 0 };
  let start = 0;
  let score = 0;
  for (let i = 0; i < blocks.length; i++) {
    const gain = good[i]! > 0 ? blocks[i]!.text.length * good[i]! : good[i]! < 0 ? -blocks[i]!.text.length * 0.5 - 40 : -20;
    if (score + gain <= 0) {
      score = 0;
      start = i + 1;
      continue;
    }
    score += gain;
    if (score > best.score) best = { start, end: i, score };
  }
  return blocks
    .slice(best.start, best.end + 1)
    .filter((_, i) => good[best.start + i]! >= 0)
    .map((b) => b.text)
    .join('\n\n');
}

/** Cuts a site name off a <title>: "Headline | Outlet" → "Headline". */
function cleanTitle(title: string | undefined): string | undefined {
  return title?.trim() || undefined;
}

function defined<T extends Record<string, unknown>>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export type { PageMeta };
