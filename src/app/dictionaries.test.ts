import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectDictionaryKind, importDictionary, loadEventLexicon } from './dictionaries.js';

test('dictionaries › import detects the kind of each PETRARCH file and counts what it holds', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-dict-'));
  const actors = join(dir, 'my.actors.txt');
  writeFileSync(actors, 'VALDORIA_ [VLD]\n+VALDORIAN\nKAEL_MARROW_\n\t[VLDELI 880101-010630]\n\t[VLDGOV >010701]\n');
  const verbs = join(dir, 'my.verbs.txt');
  writeFileSync(verbs, '&ARMS\n+RIFLE\n--- ARM [---] ---\nARM\n- * &ARMS [072]\n');
  const a = importDictionary(actors);
  assert.equal(a.kind, 'actors');
  assert.equal(a.entries, 2);
  assert.equal(a.phrases, 3);
  assert.equal(a.datedCodes, 2);
  const v = importDictionary(verbs);
  assert.deepEqual([v.kind, v.entries, v.patterns, v.synsets], ['verbs', 1, 1, 1]);
  assert.equal(detectDictionaryKind('x.txt', 'TROOP {} [~MIL]'), 'agents');
  assert.equal(detectDictionaryKind('x.txt', '+TYPHOON\nBASEBALL'), 'discards');
  assert.throws(() => importDictionary(join(dir, 'missing.txt')), /could not be read/);
  const lexicon = loadEventLexicon({ extra: [a, v] });
  const own = loadEventLexicon();
  assert.equal(lexicon.stats.actors, own.stats.actors + 2);
  assert.equal(lexicon.stats.verbs, own.stats.verbs + 1);
});
