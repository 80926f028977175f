import assert from 'node:assert/strict';
import { test } from 'node:test';
import { estimateJaccard, lshBandKeys, minhashSignature, NEAR_DUPLICATE_THRESHOLD } from './index.js';

// A wire story and its syndicated copy (new headline, one sentence reworded, one added), written for this test,
// and a different story on the same topic that must not match.
const WIRE = `A drone struck a convoy of fuel tankers and displaced families near the town of al-Safira, southeast of Aleppo,
on Thursday, killing at least 12 people, including four children, and wounding 30 others, local health officials said.
The convoy had left the town at dawn and was heading towards the countryside when it was hit, according to witnesses.
Brigadier General Kassem Haddad, a regional commander, blamed Islamic State for the attack and said the group had used
a modified commercial drone. Islamic State did not immediately comment. Aid agencies said the road had been considered
safe for civilian traffic since the summer. The United Nations called for an independent investigation.`;
const COPY = `A drone struck a convoy of fuel tankers and displaced families near the town of al-Safira, southeast of Aleppo,
on Thursday, killing at least 12 people, including four children, and wounding 30 others, local health officials said.
The convoy had left the town at dawn and was heading towards the countryside when it was struck, witnesses said.
Brigadier General Kassem Haddad, a regional commander, blamed Islamic State for the attack and said the group had used
a modified commercial drone. Islamic State did not immediately comment. Aid agencies said the road had been considered
safe for civilian traffic since the summer. The United Nations called for an independent investigation. Funerals were held on Friday.`;
const OTHER = `Shelling near Aleppo on Thursday damaged a hospital and a school in the eastern districts, residents said.
The health ministry said at least five people had been hurt, and that the hospital's generators had stopped working.
A military spokesman blamed rebel groups for the shelling; the groups said government forces had fired first.
The United Nations said it was concerned about the safety of medical staff in the city.`;

test('near-duplicates › a syndicated copy with small edits is above the threshold and shares LSH bands', () => {
  const a = minhashSignature(WIRE);
  const b = minhashSignature(COPY);
  const similarity = estimateJaccard(a, b);
  assert.ok(similarity >= NEAR_DUPLICATE_THRESHOLD, `similarity ${similarity}`);
  const keysA = new Set(lshBandKeys(a));
  assert.ok(lshBandKeys(b).some((k) => keysA.has(k)));
});

test('near-duplicates › another story on the same topic is far below the threshold', () => {
  const similarity = estimateJaccard(minhashSignature(WIRE), minhashSignature(OTHER));
  assert.ok(similarity < 0.1, `similarity ${similarity}`);
});

test('near-duplicates › quote style, case and spacing do not matter; signatures are deterministic', () => {
  const curly = WIRE.replace(/'/g, '’').toUpperCase().replace(/\n/g, '  ');
  assert.equal(estimateJaccard(minhashSignature(WIRE), minhashSignature(curly)), 1);
  assert.deepEqual(minhashSignature(WIRE), minhashSignature(WIRE));
});
