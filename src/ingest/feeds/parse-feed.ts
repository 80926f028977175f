/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds → items (link, title, published date, guid), with fast-xml-parser.
 * Relative links resolve against the feed's URL; items without an http(s) link are dropped.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { IngestError, describeCause } from '../../model/index.js';

/** One feed entry. */
export interface FeedItem {
  /** Stable key of the item: guid (RSS) or id (Atom), else the link. */
  readonly key: string;
  /** Absolute http(s) URL of the article. */
  readonly link: string;
  readonly title?: string;
  /** ISO 8601 (`2026-11-23T08:00:00+01:00`) when the feed's date could be read, else as written. */
  readonly publishedAt?: string;
}

/** A parsed feed. */
export interface Feed {
  readonly format: 'rss' | 'atom' | 'rdf';
  readonly title?: string;
  readonly items: readonly FeedItem[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  removeNSPrefix: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  // Entity expansion stays bounded (billion-laughs feeds); these are fast-xml-parser's documented limits.
  processEntities: { enabled: true, maxEntityCount: 100, maxTotalExpansions: 1000, maxExpandedLength: 100_000 },
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

/**
 * Parses feed XML; throws IngestError naming the feed URL when the text is not an RSS or Atom feed.
 * @example parseFeed(xml, 'https://example.org/feed.xml').items[0]?.link
 */
export function parseFeed(xml: string, feedUrl: string): Feed {
  if (/^\s*(<!doctype html|<html[\s>])/i.test(xml.slice(0, 1024))) {
    throw new IngestError('E_INPUT_MALFORMED', feedUrl, 'is an HTML page, not an RSS or Atom feed');
  }
  // The parser is lenient (unclosed tags pass silently); a truncated or broken feed should be reported instead.
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { msg, line } = validation.err;
    throw new IngestError('E_INPUT_MALFORMED', feedUrl, `feed is not well-formed XML (${msg} at line ${line})`);
  }
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml) as Record<string, unknown>;
  } catch (error) {
    throw new IngestError('E_INPUT_MALFORMED', feedUrl, `feed is not well-formed XML (${describeCause(error)})`, { cause: error });
  }
  const rss = asObject(doc['rss']);
  if (rss) {
    const channel = asObject(rss['channel']) ?? {};
    return { format: 'rss', title: text(channel['title']), items: items(asArray(channel['item']), feedUrl, rssItem) };
  }
  const atom = asObject(doc['feed']);
  if (atom) return { format: 'atom', title: text(atom['title']), items: items(asArray(atom['entry']), feedUrl, atomEntry) };
  const rdf = asObject(doc['rdf:RDF']);
  if (rdf) {
    // RSS 1.0 puts items beside the channel, not inside it.
    const channel = asObject(rdf['channel']) ?? {};
    return { format: 'rdf', title: text(channel['title']), items: items(asArray(rdf['item']), feedUrl, rssItem) };
  }
  const root = Object.keys(doc).find((k) => /^[a-z_]/i.test(k)) ?? '(none)';
  throw new IngestError('E_INPUT_MALFORMED', feedUrl, `not an RSS or Atom feed (root element <${root}>)`);
}

type RawItem = { link?: string; key?: string; title?: string; date?: string };

function items(raw: readonly unknown[], feedUrl: string, read: (item: Record<string, unknown>) => RawItem): FeedItem[] {
  const out: FeedItem[] = [];
  for (const entry of raw) {
    const item = asObject(entry);
    if (!item) continue;
    const fields = read(item);
    const link = absoluteHttpUrl(fields.link, feedUrl);
    if (!link) continue;
    const publishedAt = fields.date ? normaliseFeedDate(fields.date) : undefined;
    out.push({
      key: fields.key || link,
      link,
      ...(fields.title ? { title: fields.title } : {}),
      ...(publishedAt ? { publishedAt } : {}),
    });
  }
  return out;
}

/** RSS 2.0 / 1.0 item: <link>, <guid> (a permalink guid stands in for a missing link), <title>, <pubDate> or <dc:date>. */
function rssItem(item: Record<string, unknown>): RawItem {
  const guid = text(item['guid']);
  const guidObject = asObject(item['guid']);
  const isPermaLink = guidObject?.['@_isPermaLink'] !== 'false';
  const link = text(asArray(item['link'])[0]) ?? (guid && isPermaLink ? guid : undefined);
  return { link, key: guid ?? text(item['@_rdf:about']), title: text(item['title']), date: text(item['pubDate']) ?? text(item['dc:date']) };
}

/** Atom entry: the rel="alternate" (or rel-less) <link href>, <id>, <title>, <published> else <updated>. */
function atomEntry(entry: Record<string, unknown>): RawItem {
  const links = asArray(entry['link']).map(asObject).filter((l): l is Record<string, unknown> => l !== undefined);
  const alternate = links.find((l) => (l['@_rel'] ?? 'alternate') === 'alternate' && (!l['@_type'] || /html/i.test(String(l['@_type']))))
    ?? links.find((l) => (l['@_rel'] ?? 'alternate') === 'alternate');
  const href = alternate?.['@_href'];
  return {
    link: typeof href === 'string' ? href : undefined,
    key: text(entry['id']),
    title: text(entry['title']),
    date: text(entry['published']) ?? text(entry['updated']),
  };
}

const ZONES: Readonly<Record<string, string>> = {
  UT: 'Z', UTC: 'Z', GMT: 'Z', Z: 'Z',
  EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00',
};
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A feed date as ISO 8601, keeping the stated offset: RFC 822 `Mon, 23 Nov 2026 08:00:00 +0100` →
 * `2026-11-23T08:00:00+01:00`; Atom's RFC 3339 is kept as written. Unreadable dates are returned unchanged.
 */
export function normaliseFeedDate(raw: string): string {
  const value = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/i.test(value)) return value;
  const rfc822 = /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[a-z]{1,3})?$/i.exec(value);
  if (rfc822) {
    const [, day, monthName, yearText, hour, minute, second, zone] = rfc822;
    const month = MONTHS.indexOf(monthName!.toLowerCase()) + 1;
    let year = Number(yearText);
    if (year < 100) year += year < 50 ? 2000 : 1900;
    const offset = !zone ? 'Z' : /^[+-]\d{4}$/.test(zone) ? `${zone.slice(0, 3)}:${zone.slice(3)}` : ZONES[zone.toUpperCase()];
    if (month > 0 && offset !== undefined) {
      return `${year}-${pad(month)}-${pad(Number(day))}T${pad(Number(hour))}:${minute}:${second ?? '00'}${offset}`;
    }
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function absoluteHttpUrl(link: string | undefined, base: string): string | undefined {
  if (!link) return undefined;
  try {
    const url = new URL(link.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url.href;
  } catch (error) {
    if (error instanceof TypeError) return undefined; // an unparseable link: the item is skipped
    throw error;
  }
}

/** Text of an element that may be a string or an object with attributes (`<title type="html">`, `<guid isPermaLink>`). */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  const object = asObject(value);
  if (object && typeof object['#text'] === 'string') return object['#text'].trim() || undefined;
  if (object && typeof object['@_href'] === 'string') return object['@_href'];
  return undefined;
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
