import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { charsetFromContentType, decodeResponse, sniffCharset } from './charset.js';

const URL_ = 'http://127.0.0.1/page.html';

test('charset › the Content-Type parameter, quoted or not, lower-cased', () => {
  assert.equal(charsetFromContentType('text/html; charset="UTF-8"'), 'utf-8');
  assert.equal(charsetFromContentType('text/html;charset=Windows-1251'), 'windows-1251');
  assert.equal(charsetFromContentType('text/html'), undefined);
  assert.equal(charsetFromContentType(null), undefined);
});

test('charset › meta charset, http-equiv and the XML declaration are found in the first bytes; a BOM wins', () => {
  assert.equal(sniffCharset(Buffer.from('<html><head><meta charset="iso-8859-2">')), 'iso-8859-2');
  assert.equal(sniffCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">')), 'koi8-r');
  assert.equal(sniffCharset(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss/>')), 'iso-8859-1');
  assert.equal(sniffCharset(Buffer.from('\uFEFF<meta charset="koi8-r">')), 'utf-8');
});

test('charset › the header decides over the meta tag; ISO-8859-1 is read as Windows-1252 (curly quotes)', () => {
  const bytes = iconv.encode('<meta charset="utf-8"><p>\u201cCaf\u00e9\u201d</p>', 'windows-1252');
  assert.match(decodeResponse(bytes, URL_, 'text/html; charset=iso-8859-1').text, /\u201cCafé\u201d/);
});

test('charset › a page mislabelled UTF-8 falls back to detection instead of producing U+FFFD', () => {
  const bytes = iconv.encode('<p>Le caf\u00e9 de la gare a rouvert ses portes apr\u00e8s les travaux d\u2019\u00e9t\u00e9.</p>', 'windows-1252');
  const { text } = decodeResponse(bytes, URL_, 'text/html; charset=utf-8');
  assert.doesNotMatch(text, /\uFFFD/);
  assert.match(text, /café/);
});

test('charset › empty and binary bodies are errors worded for a response, naming the URL', () => {
  assert.throws(() => decodeResponse(new Uint8Array(0), URL_, 'text/html'), { reason: 'response body is empty (0 bytes)', file: URL_ });
  assert.throws(() => decodeResponse(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]), URL_, 'text/html'), { reason: /^response body looks binary/ });
  assert.throws(() => decodeResponse(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]), URL_, 'text/html; charset=utf-8'), { code: 'E_INPUT_BINARY' });
});
