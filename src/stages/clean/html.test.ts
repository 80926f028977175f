import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { extractHtml } from './html.js';
import { cleanArticle } from './clean.js';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/clean/${name}`, import.meta.url), 'utf8');

describe('clean › html', () => {
  it('keeps the five body paragraphs and drops menu, share bar, caption, related links, ads and footer', () => {
    const page = extractHtml(fixture('news-page.html'));
    const paragraphs = page.body.split('\n\n');
    assert.equal(paragraphs.length, 5);
    assert.ok(paragraphs[0]!.startsWith('The Old Mill Bridge reopened'));
    for (const furniture of ['Subscribe', 'Tweet', 'Cyclists cross', 'Council approves', 'Advertisement', 'Most Popular', 'All rights reserved', 'By Dana Whitfield']) {
      assert.ok(!page.body.includes(furniture), `"${furniture}" stayed in the body`);
    }
  });

  it('drops screen-reader text, buttons and hidden nodes inside the article', () => {
    const sentence = 'The river rose through the night and the town council opened two shelters for families. ';
    const html = `<html><head><title>Flood shelters open in town</title></head><body><article><h1>Flood shelters open in town</h1>
      <p>${sentence.repeat(3)}<a href="/map">Map of shelters<span class="sr-only"> (opens in a new window)</span></a></p>
      <p>${sentence.repeat(3)}</p><button>Play Video</button><p>${sentence.repeat(2)}</p></article></body></html>`;
    const body = extractHtml(html).body;
    assert.ok(body.includes('Map of shelters'));
    for (const hidden of ['opens in a new window', 'Play Video']) assert.ok(!body.includes(hidden), `"${hidden}" stayed in the body`);
  });

  it('reads title, author, outlet, URL and the publication date with its offset', () => {
    const page = extractHtml(fixture('news-page.html'));
    assert.equal(page.title, 'Bridge reopens after two-year repair');
    assert.equal(page.byline, 'Dana Whitfield');
    assert.equal(page.outlet, 'The Riverside Courier');
    assert.equal(page.url, 'https://courier.example.com/2024/06/03/bridge-reopens/');
    assert.equal(page.publishedAt?.slice(0, 10), '2024-06-03');
  });

  it('extracts what there is from a truncated page (cut mid-sentence, no closing tags)', () => {
    const page = extractHtml(fixture('truncated-page.html'));
    assert.ok(page.body.includes('The Old Mill Bridge reopened'));
    assert.ok(page.body.includes('He said the new deck'));
    assert.equal(page.title, 'Bridge reopens after two-year repair');
  });

  it('takes the date from JSON-LD, then meta tags, then <time>, then the URL', () => {
    const body = `<p>${'The river rose through the night and the town council opened two shelters for families. '.repeat(4)}</p>`;
    const page = (head: string, extra = '') => `<html><head><title>Flood shelters open in town</title>${head}</head><body><article><h1>Flood shelters open in town</h1>${extra}${body}</article></body></html>`;
    assert.equal(extractHtml(page('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-02-01T10:00:00Z"}</script>')).publishedAtFrom, 'json-ld');
    assert.equal(extractHtml(page('<meta property="article:published_time" content="2023-02-02T10:00:00Z">')).publishedAt, '2023-02-02T10:00:00Z');
    assert.equal(extractHtml(page('', '<time datetime="2023-02-03">3 Feb</time>')).publishedAt, '2023-02-03');
    const fromUrl = extractHtml(page(''), 'https://news.example.org/2023/02/04/flood-shelters');
    assert.deepEqual([fromUrl.publishedAt, fromUrl.publishedAtFrom, fromUrl.outlet], ['2023-02-04', 'url', 'example.org'], 'no site name: the registrable domain');
    const fromByline = extractHtml(page('', '<div>By Sam Lee | Published 5 February 2023</div>'));
    assert.deepEqual([fromByline.publishedAt, fromByline.publishedAtFrom], ['2023-02-05', 'byline']);
  });

  it('names the outlet from the <title> after the headline when no site name is declared, before the bare domain', () => {
    const body = `<p>${'The river rose through the night and the town council opened two shelters for families. '.repeat(4)}</p>`;
    const page = (title: string) => `<html><head><title>${title}</title></head><body><article><h1>Flood shelters open in town</h1>${body}</article></body></html>`;
    assert.equal(extractHtml(page('Flood shelters open in town | The Riverside Courier'), 'https://news.example.org/flood').outlet, 'The Riverside Courier');
    assert.equal(extractHtml(page('Flood shelters open in town - Valley Post')).outlet, 'Valley Post');
    assert.equal(extractHtml(page('Flood shelters open in town'), 'https://news.example.org/flood').outlet, 'example.org', 'no suffix: the registrable domain');
    assert.equal(extractHtml(page('Shelters | Flood shelters open in town')).outlet, undefined, 'a part before the headline is not the outlet');
  });

  it('falls back to JSON-LD articleBody when the page shows no readable body', () => {
    const text = 'The ferry resumed service on Monday after repairs to the landing stage were finished ahead of schedule. '.repeat(3);
    const html = `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry resumes","articleBody":"${text}"}</script></head><body><div id="app"></div></body></html>`;
    const page = extractHtml(html);
    assert.equal(page.bodyFrom, 'json-ld');
    assert.ok(page.body.startsWith('The ferry resumed service'));
  });

  it('cleanArticle throws IngestError naming the source when a page has no body', () => {
    assert.throws(
      () => cleanArticle({ source: 'empty.html', format: 'html', contentType: 'html', content: '<html><body><nav>Home</nav></body></html>', hints: {} }),
      (error: Error & { file?: string; code?: string }) => error.file === 'empty.html' && error.code === 'E_INPUT_NO_BODY',
    );
  });

  it('cleanArticle normalises a container date hint to ISO 8601 and keeps comments apart for text', () => {
    const init = cleanArticle({ source: 'a.txt', format: 'text', contentType: 'text', content: fixture('scraped-article.txt'), hints: { publishedAt: 'Nov 15, 2024' } });
    assert.equal(init.meta.publishedAt, '2024-11-15');
    assert.equal(init.meta.publishedAtFrom, 'input');
    assert.equal(init.comments?.length, 3);
    assert.equal(init.captions?.[0]?.occurrences, 2);
  });
});

describe('clean › demo corpus twins', () => {
  const demo = new URL('../../../examples/articles/', import.meta.url);
  const names = existsSync(new URL('html/', demo)) ? readdirSync(new URL('html/', demo)).filter((f) => f.endsWith('.html')).map((f) => f.replace(/\.html$/, '')) : [];
  for (const name of names) {
    it(`cleans the text and HTML versions of ${name} to the same body and title`, () => {
      const text = cleanArticle({ source: 't', format: 'text', contentType: 'text', content: readFileSync(new URL(`text/${name}.txt`, demo), 'utf8'), hints: {} });
      const html = cleanArticle({ source: 'h', format: 'html', contentType: 'html', content: readFileSync(new URL(`html/${name}.html`, demo), 'utf8'), hints: {} });
      assert.equal(text.text, html.text);
      assert.equal(text.meta.title, html.meta.title);
    });
  }
});
