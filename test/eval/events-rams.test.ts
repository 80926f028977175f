import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ramsRole } from '../../eval/events-rams.js';

test('events-rams › the one a sanction or a border closure prevents is a target, the one preventing an actor', () => {
  assert.equal(ramsRole('evt131arg01preventer', 'transaction.transaction.embargosanction'), 'actor');
  assert.equal(ramsRole('evt131arg02giver', 'transaction.transaction.embargosanction'), 'target');
  assert.equal(ramsRole('evt120arg02transporter', 'movement.transportperson.preventexit'), 'target');
  // Outside the prevent templates a giver and a transporter act.
  assert.equal(ramsRole('evt139arg01giver', 'transaction.transferownership.n/a'), 'actor');
  assert.equal(ramsRole('evt112arg01transporter', 'movement.transportperson.n/a'), 'actor');
});

test('events-rams › an employee is matched on either side (resigning acts, being fired or hired is acted on)', () => {
  assert.equal(ramsRole('evt126arg01employee', 'personnel.endposition.firinglayoff'), 'either');
  assert.equal(ramsRole('evt089arg02victim'), 'target');
  assert.equal(ramsRole('evt089arg04place'), 'place');
  assert.equal(ramsRole('evt089arg03instrument'), undefined);
});
