import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { attackArticle, saveAnnotated, WIRE } from '../../../test/helpers/annotated-corpus.js';
import type { Doc } from '../../model/index.js';
import { openSqliteStore } from '../../store/sqlite/index.js';
import { main } from '../main.js';

const datedTo = (doc: Doc, value: string): Doc => ({ ...doc, layers: { ...doc.layers, times: (doc.layers.times ?? []).map((t) => ({ ...t, value })) } });

test('cli › dossier export writes only the selected events, reports bytes, and refuses bad filters', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-export-'));
  try {
    const db = join(dir, 'store.db');
    const store = openSqliteStore(db);
    await store.migrate();
    await saveAnnotated(store, attackArticle(WIRE, 'Meridian News Agency', '2024-11-11'));
    await saveAnnotated(store, datedTo(attackArticle('Tigris Guardians Brigade fired two rockets at Baghdad airport on Friday — Zürich desk.', 'Kyiv Courier', '2024-12-21'), '2024-12-20'));
    const windows = (await store.listEvents()).map((e) => e.windowStart.slice(0, 7)).sort();
    await store.close();
    assert.deepEqual(windows, ['2024-11', '2024-12'], 'two events a month apart');

    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    const out = join(dir, 'december.csv');
    assert.equal(await main(['export', 'events.csv', '--db', db, '--from', '2024-12', '--out', out], io), 0);
    const text = readFileSync(out, 'utf8');
    const records = text.trim().split('\r\n').slice(1);
    assert.equal(records.length, 1);
    assert.match(records[0]!, /^[^,]+,2024-12-20,/);
    assert.equal(lines.at(-1), `wrote ${out} (${Buffer.byteLength(text)} bytes)`);

    lines.length = 0;
    assert.equal(await main(['export', 'events.csv', '--db', db, '--to', '2024-11-30', '--type', 'assault'], io), 0);
    assert.equal(lines.join('\n').split('\r\n').length - 1, 1, 'the November event only');

    lines.length = 0;
    assert.equal(await main(['export', 'events.csv', '--db', db, '--status', 'rumoured'], io), 2);
    assert.match(lines.join('\n'), /unknown status "rumoured"/);
    assert.equal(await main(['export', 'events.csv', '--db', db, '--from', '2024-13-01'], io), 2);

    lines.length = 0;
    assert.equal(await main(['export', 'events.csv', '--db', db, '--outlet', 'Kyiv Courier'], io), 0);
    assert.match(lines.join('\n').split('\r\n')[1]!, /^[^,]+,2024-12-20,/, 'only what the Kyiv Courier reported');
    assert.equal(lines.join('\n').split('\r\n').length - 1, 1);
    lines.length = 0;
    assert.equal(await main(['export', 'events.csv', '--db', db, '--published-to', '2024-11'], io), 0);
    assert.match(lines.join('\n').split('\r\n')[1]!, /^[^,]+,2024-11-/, 'only what was published in November or before');
    assert.equal(lines.join('\n').split('\r\n').length - 1, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
