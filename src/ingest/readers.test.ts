import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { WARCRecord, WARCSerializer } from 'warcio';
import { IngestError, type RawArticle } from '../model/index.js';
import { decodeBytes } from './decode.js';
import { readPath } from './read-file.js';

const ARTICLE = 'The café on Rue Saint-Honoré reopened on Monday — its owner said “business is back”.';
let dir: string;

async function readAll(path: string, maxBytes?: number): Promise<(RawArticle | IngestError)[]> {
  const out: (RawArticle | IngestError)[] = [];
  for await (const item of readPath(path, maxBytes === undefined ? {} : { maxBytes })) out.push(item);
  return out;
}

async function warcBytes(gzip: boolean): Promise<Uint8Array> {
  const enc = new TextEncoder();
  async function* body(text: string) {
    yield enc.encode(text);
  }
  const records = [
    WARCRecord.createWARCInfo({ filename: 'tiny.warc', warcVersion: 'WARC/1.1' }, { software: 'dossier test' }),
    WARCRecord.create({ url: 'https://news.example.org/2024/05/01/cafe', type: 'request', warcVersion: 'WARC/1.1', httpHeaders: {}, statusline: 'GET /2024/05/01/cafe HTTP/1.1' }, body('')),
    WARCRecord.create(
      { url: 'https://news.example.org/2024/05/01/cafe', type: 'response', warcVersion: 'WARC/1.1', httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' } },
      body(`<html><head><title>Café reopens</title></head><body><article><h1>Café reopens</h1><p>${ARTICLE}</p></article></body></html>`),
    ),
    WARCRecord.create({ url: 'https://news.example.org/logo.png', type: 'response', warcVersion: 'WARC/1.1', httpHeaders: { 'Content-Type': 'image/png' } }, body('\x89PNG')),
    WARCRecord.create({ url: 'https://news.example.org/old', type: 'response', warcVersion: 'WARC/1.1', statusline: 'HTTP/1.1 301 Moved', httpHeaders: { Location: '/new', 'Content-Type': 'text/html' } }, body('')),
    WARCRecord.create({ url: 'https://news.example.org/notes.txt', type: 'resource', warcVersion: 'WARC/1.1', warcHeaders: { 'Content-Type': 'text/plain' } }, body(`Notes from the reopening\n\n${ARTICLE}`)),
  ];
  const parts: Uint8Array[] = [];
  for (const record of records) parts.push(await WARCSerializer.serialize(record, { gzip }));
  return Buffer.concat(parts);
}

describe('ingest › readers', () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-readers-'));
    writeFileSync(join(dir, 'utf8.txt'), ARTICLE, 'utf8');
    writeFileSync(join(dir, 'bom.txt'), `\uFEFF${ARTICLE}`, 'utf8');
    // Windows-1252: é = E9, — = 97, “ ” = 93 94
    writeFileSync(join(dir, 'cp1252.txt'), Buffer.from(ARTICLE.replace(/[é—“”]/g, (c) => ({ 'é': '\u00e9', '—': '\u0097', '“': '\u0093', '”': '\u0094' })[c]!), 'latin1'));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Le café était plein à midi, selon le propriétaire du café.', 'latin1'));
    writeFileSync(join(dir, 'decomposed.txt'), 'Cafe\u0301 au lait', 'utf8');
    writeFileSync(join(dir, 'page.html'), `<!doctype html><html><body><p>${ARTICLE}</p></body></html>`);
    writeFileSync(join(dir, 'page-no-ext'), `<!DOCTYPE html><html><body><p>${ARTICLE}</p></body></html>`);
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'blank.txt'), '  \n\n ');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x03]));
    writeFileSync(
      join(dir, 'articles.jsonl'),
      [
        JSON.stringify({ url: 'https://a.example/1', title: 'One', date: '2024-05-01', text: ARTICLE }),
        '{not json',
        JSON.stringify({ url: 'https://a.example/2', html: `<p>${ARTICLE}</p>`, publisher: 'A' }),
        '',
        JSON.stringify({ title: 'no body' }),
      ].join('\n'),
    );
    writeFileSync(join(dir, 'crawl.warc'), await warcBytes(false));
    writeFileSync(join(dir, 'crawl.warc.gz'), await warcBytes(true));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads UTF-8 text, strips a BOM and normalises to NFC', async () => {
    const [a] = await readAll(join(dir, 'utf8.txt'));
    assert.equal((a as RawArticle).content, ARTICLE);
    const [b] = await readAll(join(dir, 'bom.txt'));
    assert.equal((b as RawArticle).content, ARTICLE);
    const [c] = await readAll(join(dir, 'decomposed.txt'));
    assert.equal((c as RawArticle).content, 'Caf\u00e9 au lait');
  });

  it('decodes Windows-1252 bytes (curly quotes, dashes) and Latin-1 bytes', async () => {
    const [a] = await readAll(join(dir, 'cp1252.txt'));
    assert.equal((a as RawArticle).content, ARTICLE);
    const [b] = await readAll(join(dir, 'latin1.txt'));
    assert.equal((b as RawArticle).content, 'Le café était plein à midi, selon le propriétaire du café.');
  });

  it('uses a declared charset for non-UTF-8 bytes', () => {
    const bytes = Buffer.from('<meta charset="iso-8859-15"><p>Prix: 5 \u20ac</p>'.replace('\u20ac', '\u00a4'), 'latin1');
    assert.ok(decodeBytes(bytes, 'x.html').text.includes('5 €'));
  });

  it('reads HTML by extension or by content', async () => {
    const [a] = await readAll(join(dir, 'page.html'));
    assert.equal((a as RawArticle).contentType, 'html');
    const [b] = await readAll(join(dir, 'page-no-ext'));
    assert.equal((b as RawArticle).contentType, 'html');
  });

  it('refuses empty, blank and binary files with IngestErrors naming the file', async () => {
    const [a] = await readAll(join(dir, 'empty.txt'));
    const [b] = await readAll(join(dir, 'blank.txt'));
    const [c] = await readAll(join(dir, 'binary.txt'));
    assert.deepEqual([a, b, c].map((e) => (e as IngestError).code), ['E_INPUT_EMPTY', 'E_INPUT_EMPTY', 'E_INPUT_BINARY']);
    assert.ok((c as IngestError).file.endsWith('binary.txt'));
  });

  it('refuses a file above the size limit without reading it', async () => {
    const [a] = await readAll(join(dir, 'utf8.txt'), 10);
    assert.equal((a as IngestError).code, 'E_INPUT_TOO_LARGE');
  });

  it('reads JSON Lines one article per line, with hints, and reports bad lines by line number', async () => {
    const items = await readAll(join(dir, 'articles.jsonl'));
    assert.equal(items.length, 4);
    const first = items[0] as RawArticle;
    assert.deepEqual([first.source.endsWith('#1'), first.hints.url, first.hints.title, first.hints.publishedAt], [true, 'https://a.example/1', 'One', '2024-05-01']);
    assert.equal((items[1] as IngestError).code, 'E_INPUT_MALFORMED');
    assert.ok((items[1] as IngestError).file.endsWith('#2'));
    assert.equal((items[2] as RawArticle).contentType, 'html');
    assert.equal((items[3] as IngestError).code, 'E_INPUT_NO_BODY');
  });

  for (const name of ['crawl.warc', 'crawl.warc.gz']) {
    it(`reads the HTML and text records of ${name} and skips requests, images and redirects`, async () => {
      const items = await readAll(join(dir, name));
      assert.equal(items.length, 2, JSON.stringify(items.map((i) => (i instanceof IngestError ? i.message : i.source))));
      const [page, notes] = items as RawArticle[];
      assert.deepEqual([page!.format, page!.contentType, page!.hints.url], ['warc', 'html', 'https://news.example.org/2024/05/01/cafe']);
      assert.ok(page!.content.includes(ARTICLE));
      assert.match(page!.source, /crawl\.warc(\.gz)?#\d+$/);
      assert.equal(notes!.contentType, 'text');
      assert.ok(notes!.content.includes(ARTICLE));
    });
  }

  it('reports a missing WARC file as not found', async () => {
    const [a] = await readAll(join(dir, 'missing.warc'));
    assert.equal((a as IngestError).code, 'E_INPUT_NOT_FOUND');
  });

  it('reports a WARC record above the size limit and goes on', async () => {
    const items = await readAll(join(dir, 'crawl.warc'), 60);
    assert.ok(items.every((i) => i instanceof IngestError && i.code === 'E_INPUT_TOO_LARGE'));
    assert.equal(items.length, 2);
  });
});
