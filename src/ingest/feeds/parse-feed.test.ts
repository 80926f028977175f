import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { WEB_FIXTURES } from '../../../test/helpers/fixture-server.js';
import { normaliseFeedDate, parseFeed } from './parse-feed.js';

const ORIGIN = 'http://127.0.0.1:8080';
const fixture = (name: string) => readFileSync(`${WEB_FIXTURES}${name}`, 'utf8').replaceAll('{{origin}}', ORIGIN);

test('feeds › RSS 2.0: link, title (entities decoded), guid, pubDate as ISO 8601 with its offset', () => {
  const feed = parseFeed(fixture('news.rss'), `${ORIGIN}/feeds/news.rss`);
  assert.equal(feed.format, 'rss');
  assert.equal(feed.title, 'The Harbour Gazette — Latest');
  assert.deepEqual(feed.items, [
    { key: 'gazette-1001', link: `${ORIGIN}/news/ferry-strike.html`, title: 'Ferry crews walk out over rosters', publishedAt: '2026-11-23T08:00:00+02:00' },
    { key: 'gazette-1002', link: `${ORIGIN}/news/lighthouse-sale.html`, title: 'Council puts lighthouse up & tower for sale', publishedAt: '2026-11-22T17:30:00Z' },
  ]);
});

test('feeds › Atom: the alternate link resolved against the feed URL, id, published else updated', () => {
  const feed = parseFeed(fixture('news.atom'), `${ORIGIN}/feeds/news.atom`);
  assert.equal(feed.format, 'atom');
  assert.deepEqual(feed.items, [
    { key: 'tag:port-news.example,2026:dredging', link: `${ORIGIN}/news/dredging-delay.html`, title: 'Dredging of the canal delayed again', publishedAt: '2026-11-21T10:00:00+01:00' },
    { key: 'tag:port-news.example,2026:pier', link: `${ORIGIN}/news/pier-collapse.html`, title: 'Pier section collapses in storm', publishedAt: '2026-11-22T07:45:00Z' },
  ]);
});

test('feeds › RSS 1.0 (RDF) items beside the channel; a permalink guid stands in for a missing link', () => {
  const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
    <channel rdf:about="${ORIGIN}/"><title>Old feed</title></channel>
    <item rdf:about="${ORIGIN}/a"><title>A</title><link>${ORIGIN}/a</link><dc:date>2026-11-01T10:00:00Z</dc:date></item>
  </rdf:RDF>`;
  assert.deepEqual(parseFeed(rdf, ORIGIN).items, [{ key: `${ORIGIN}/a`, link: `${ORIGIN}/a`, title: 'A', publishedAt: '2026-11-01T10:00:00Z' }]);
  const permalink = '<rss version="2.0"><channel><title>x</title><item><guid>https://example.org/story</guid></item><item><title>no link</title></item></channel></rss>';
  assert.deepEqual(parseFeed(permalink, ORIGIN).items, [{ key: 'https://example.org/story', link: 'https://example.org/story' }]);
});

test('feeds › items with non-http links are dropped; a single item is still a list', () => {
  const rss = '<rss version="2.0"><channel><item><link>mailto:desk@example.org</link></item><item><link>/only</link></item></channel></rss>';
  assert.deepEqual(parseFeed(rss, `${ORIGIN}/feed`).items.map((i) => i.link), [`${ORIGIN}/only`]);
});

test('feeds › HTML and broken XML are refused with the feed URL and the reason', () => {
  assert.throws(() => parseFeed('<!doctype html><html><body>hi</body></html>', `${ORIGIN}/feed`), /127\.0\.0\.1:8080\/feed: is an HTML page, not an RSS or Atom feed/);
  assert.throws(() => parseFeed('<rss><channel><item></channel>', `${ORIGIN}/feed`), /feed is not well-formed XML \(Expected closing tag 'item' .* at line 1\)/);
  assert.throws(() => parseFeed('<?xml version="1.0"?><opml><body/></opml>', `${ORIGIN}/feed`), /not an RSS or Atom feed \(root element <opml>\)/);
});

const dates: Array<[string, string]> = [
  ['Mon, 23 Nov 2026 08:00:00 +0200', '2026-11-23T08:00:00+02:00'],
  ['23 Nov 2026 08:00 GMT', '2026-11-23T08:00:00Z'],
  ['Tue, 3 Mar 26 17:05:09 EST', '2026-03-03T17:05:09-05:00'],
  ['2026-11-21T10:00:00+01:00', '2026-11-21T10:00:00+01:00'],
  ['yesterday-ish', 'yesterday-ish'],
];
for (const [raw, iso] of dates) {
  test(`feeds › date "${raw}" → ${iso}`, () => assert.equal(normaliseFeedDate(raw), iso));
}
