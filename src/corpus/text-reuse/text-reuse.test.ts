import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alignReuse, passageKeys } from './index.js';

// Stories written for these tests. A wire story on a dam breach, a cut copy of it with a new lead (three of its
// paragraphs, one reworded), and an independent report of the same breach by another outlet that quotes the same
// official statement word for word and ends with the same stock lines.
const WIRE = [
  'KHERSON REGION (Tidewater Press) — Floodwater from a breached irrigation dam swept through three villages south of the river on Monday, forcing about 2,000 people from their homes, regional officials said.',
  'Rescue crews in boats pulled dozens of elderly residents from the roofs of flooded houses in Mykilske, where the water rose by more than two metres in under an hour.',
  'The regional governor, Oleh Marchenko, said in a statement: "The water came faster than anyone expected. Our crews are working through the night and every family will be housed."',
  'Engineers had warned last year that the dam\'s eastern wall was cracked and that repairs were overdue, according to a report seen by Tidewater Press.',
  'The regional water authority said it would open an inquiry into why the repairs were delayed and whether the warnings reached the ministry in time.',
  'Farmers in the area said the flood had destroyed most of the autumn harvest and drowned livestock kept in low-lying barns along the riverbank.',
  'Officials did not give a figure for the damage. The investigation is continuing.',
].join('\n\n');

const CUT_COPY = [
  'About 2,000 villagers were forced from their homes on Monday when floodwater from a breached irrigation dam swept through three villages south of the river, regional officials said.',
  'Rescue crews in boats pulled dozens of elderly residents from the roofs of flooded houses in Mykilske, where the water rose by more than two metres in under an hour.',
  'Engineers had warned last year that the dam\'s eastern wall was cracked and that repairs were overdue, according to a report seen by Tidewater Press.',
  'The regional water authority said it would open an inquiry into why the repairs were delayed and whether the warnings reached the ministry in time.',
].join('\n\n');

const INDEPENDENT = [
  'MYKILSKE, Ukraine (Steppe Herald) — Villagers waded through waist-deep water on Monday after an old irrigation dam gave way overnight and flooded their streets, our correspondent saw.',
  'The regional governor, Oleh Marchenko, said in a statement: "The water came faster than anyone expected. Our crews are working through the night and every family will be housed."',
  'At a school turned into a shelter, volunteers handed out blankets and bread while children slept on gym mats under the basketball hoops.',
  'Residents told the Steppe Herald that local officials had known for months that the dam was weak but had done nothing to shore it up.',
  'Officials did not give a figure for the damage. The investigation is continuing.',
].join('\n\n');

test('text reuse › a cut copy with a new lead is linked to its original, its reworded lead aligned with the original lead', () => {
  const pair = alignReuse({ id: 'wire', text: WIRE }, { id: 'cut', text: CUT_COPY });
  assert.ok(pair, 'the cut copy shares three paragraphs word for word');
  const [fromWire, fromCut] = pair;
  assert.equal(fromCut.isCopy, true, 'the cut copy lies inside the original');
  assert.equal(fromWire.isCopy, false);
  const lead = fromCut.passages.find((p) => p.span.start === 0);
  assert.ok(lead, 'the reworded lead is aligned');
  assert.match(WIRE.slice(lead.otherSpan.start, lead.otherSpan.end), /^KHERSON REGION .*regional officials said\.$/);
  assert.equal(fromCut.passages.length, 4);
});

test('text reuse › symmetric: the same link whichever article is compared first', () => {
  const ab = alignReuse({ id: 'wire', text: WIRE }, { id: 'cut', text: CUT_COPY })!;
  const ba = alignReuse({ id: 'cut', text: CUT_COPY }, { id: 'wire', text: WIRE })!;
  assert.deepEqual(ab[0], ba[1]);
  assert.deepEqual(ab[1], ba[0]);
});

test('text reuse › two outlets quoting the same statement and sharing stock lines are not linked', () => {
  assert.equal(alignReuse({ id: 'wire', text: WIRE }, { id: 'herald', text: INDEPENDENT }), undefined);
  // The quotation itself gives no retrieval key: only unquoted words are keyed.
  assert.deepEqual(passageKeys('"The water came faster than anyone expected. Our crews are working through the night and every family will be housed."'), []);
});

test('text reuse › a rewrite sharing the same facts in its own words is not linked', () => {
  const rewrite = [
    'Some 2,000 people fled three villages on Monday after a dam breach sent floodwater south of the river, officials in the region said.',
    'Boats were used to rescue older residents trapped on roofs in Mykilske, where the flood rose more than two metres within an hour.',
    'A report last year had flagged cracks in the eastern wall of the dam and said repairs were overdue.',
    'The water authority plans an inquiry into the delayed repairs.',
  ].join('\n\n');
  assert.equal(alignReuse({ id: 'wire', text: WIRE }, { id: 'rewrite', text: rewrite }), undefined);
});

test('text reuse › a copy shares retrieval keys with its original', () => {
  const wireKeys = new Set(passageKeys(WIRE));
  assert.ok(passageKeys(CUT_COPY).filter((k) => wireKeys.has(k)).length >= 2);
});
