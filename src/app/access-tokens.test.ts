import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { addToken, hashToken, isLoopbackHost, loadTokenFile, parseTokenFile, verifyToken } from './access-tokens.js';

test('access tokens › token add stores only the hash (file mode 0600); the printed token verifies with its role and name', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-tokens-'));
  try {
    const file = join(dir, 'tokens.txt');
    const editor = addToken(file, 'editor', 'ana');
    const reader = addToken(file, 'reader', 'newsroom screen');
    const text = readFileSync(file, 'utf8');
    assert.ok(!text.includes(editor.token) && !text.includes(reader.token), 'no token in the clear');
    assert.match(text, new RegExp(`^editor sha256:${hashToken(editor.token).toString('hex')} ana$`, 'm'));
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const entries = loadTokenFile(file);
    assert.deepEqual(verifyToken(entries, editor.token), { role: 'editor', name: 'ana' });
    assert.deepEqual(verifyToken(entries, reader.token), { role: 'reader', name: 'newsroom screen' });
    assert.equal(verifyToken(entries, `${editor.token}x`), undefined);
    assert.equal(verifyToken(entries, ''), undefined);
    assert.match(editor.token, /^dsr_[A-Za-z0-9_-]{43}$/);
    assert.notEqual(editor.token, reader.token);
    assert.throws(() => addToken(file, 'editor', 'bad\nname'), { code: 'E_USAGE' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('access tokens › a token file refuses bare tokens, unknown roles and short hashes, naming the line; empty or missing files are refused', () => {
  const hash = 'a'.repeat(64);
  assert.equal(parseTokenFile(`# comment\n\neditor sha256:${hash}\n`, 't').length, 1, 'comments and blank lines skipped; the name is optional');
  assert.throws(() => parseTokenFile('editor dsr_plaintoken ana\n', 't'), /t, line 1: expected .*never stored in the clear/);
  assert.throws(() => parseTokenFile(`# x\nadmin sha256:${hash} root\n`, 't'), /t, line 2: unknown role "admin"/);
  assert.throws(() => parseTokenFile(`reader sha256:${hash.slice(2)}\n`, 't'), /line 1/);
  const dir = mkdtempSync(join(tmpdir(), 'dossier-tokens-'));
  try {
    writeFileSync(join(dir, 'empty.txt'), '# nothing yet\n');
    assert.throws(() => loadTokenFile(join(dir, 'empty.txt')), /holds no token/);
    assert.throws(() => loadTokenFile(join(dir, 'missing.txt')), /no such file/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('access tokens › loopback hosts keep a server to this machine; anything else is shared', () => {
  for (const host of ['127.0.0.1', '127.3.2.1', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1', 'LOCALHOST']) assert.equal(isLoopbackHost(host), true, host);
  for (const host of ['0.0.0.0', '::', '192.168.1.5', '10.0.0.1', 'example.org', '128.0.0.1', '127.0.0.1.nip.io', '::ffff:10.0.0.1']) assert.equal(isLoopbackHost(host), false, host);
});
