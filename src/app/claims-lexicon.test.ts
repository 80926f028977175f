import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DossierError } from '../model/index.js';
import { loadClaimsCueModel } from './claims-lexicon.js';

test('claims cue model loader › the shipped model loads with a threshold between 0 and 1 and named weights', () => {
  const model = loadClaimsCueModel();
  assert.ok(model.threshold > 0 && model.threshold < 1);
  assert.ok(Object.keys(model.weights).some((f) => f.startsWith('lemma=')));
});

test('claims cue model loader › a missing, non-JSON or shapeless file is E_RESOURCE_MISSING naming the path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claims-cue-'));
  const notJson = join(dir, 'not-json.json');
  writeFileSync(notJson, 'weights: none');
  const shapeless = join(dir, 'shapeless.json');
  writeFileSync(shapeless, '{"weights": {}}');
  for (const path of [join(dir, 'absent.json'), notJson, shapeless]) {
    assert.throws(() => loadClaimsCueModel(path), (e: unknown) => e instanceof DossierError && e.code === 'E_RESOURCE_MISSING' && e.message.includes(path));
  }
});
