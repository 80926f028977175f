import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EntityLink } from './link-entities.js';
import { applyLinkOverrides, nameKeyOf, splitEntityId, type LinkOverride } from './overrides.js';

const link = (docEntityId: string, entityId: string, name: string, type: EntityLink['type'] = 'PER'): EntityLink => ({
  docEntityId, entityId, name, type, kind: type === 'PER' ? 'person' : 'other', nameKey: name.toLowerCase(), isSurnameOnly: false,
  aliases: [name], mentionCount: 1, roles: [], reason: 'same normalised name and type',
});

test('entity overrides › a merged entity links to the entity kept, along a chain, and a cycle stops', () => {
  const overrides: LinkOverride[] = [
    { id: 1, kind: 'merge', entityId: 'per:kwame bonsu', targetId: 'per:kwame mensah-bonsu' },
    { id: 2, kind: 'merge', entityId: 'per:kwame mensah-bonsu', targetId: 'kb:kmb' },
    { id: 3, kind: 'merge', entityId: 'kb:kmb', targetId: 'per:kwame bonsu' },
  ];
  const [out] = applyLinkOverrides([link('e1', 'per:kwame bonsu', 'Kwame Bonsu')], overrides);
  assert.equal(out!.entityId, 'kb:kmb');
  assert.match(out!.reason, /merged into "kb:kmb" by the user/);
});

test('entity overrides › a split takes only the links of that name, and a later split beats an earlier merge', () => {
  const overrides: LinkOverride[] = [
    { id: 1, kind: 'merge', entityId: 'per:jordan', targetId: 'kb:country:JOR' },
    { id: 2, kind: 'split', entityId: 'kb:country:JOR', name: 'Jordan', targetId: 'per:jordan', type: 'PER' },
  ];
  const links = [link('e1', 'kb:country:JOR', "JORDAN's", 'LOC'), link('e2', 'kb:country:JOR', 'Hashemite Kingdom of Jordan', 'LOC')];
  const [split, kept] = applyLinkOverrides(links, overrides);
  assert.deepEqual([split!.entityId, split!.type, split!.kind], ['per:jordan', 'PER', 'person']);
  assert.equal(kept!.entityId, 'kb:country:JOR');
});

test('entity overrides › a retyped entity carries its type and kind; nothing else changes a link', () => {
  const [japan, other] = applyLinkOverrides([link('e1', 'per:japan', 'Japan'), link('e2', 'per:ana lima', 'Ana Lima')], [{ kind: 'retype', entityId: 'per:japan', type: 'LOC' }]);
  assert.deepEqual([japan!.type, japan!.kind], ['LOC', 'place']);
  assert.deepEqual(other, link('e2', 'per:ana lima', 'Ana Lima'));
  assert.equal(splitEntityId('Japan', 'PER', 'per:japan'), 'per:japan~split', 'never the entity split from');
  assert.equal(splitEntityId('Michael Jordan', 'PER', 'kb:country:JOR'), `per:${nameKeyOf('Michael Jordan')}`, 'the key the linker gives that name');
});

test('entity overrides › a name split off after a merge stays apart; undone (no split), it merges again', () => {
  const merge: LinkOverride = { id: 1, kind: 'merge', entityId: 'per:kwame bonsu', targetId: 'per:kwame mensah-bonsu' };
  const split: LinkOverride = { id: 2, kind: 'split', entityId: 'per:kwame mensah-bonsu', name: 'Kwame Bonsu', targetId: 'per:kwame bonsu' };
  const links = [link('e1', 'per:kwame bonsu', 'Kwame Bonsu'), link('e2', 'per:kwame mensah-bonsu', 'Kwame Mensah-Bonsu')];
  assert.deepEqual(applyLinkOverrides(links, [merge, split]).map((l) => l.entityId), ['per:kwame bonsu', 'per:kwame mensah-bonsu']);
  assert.deepEqual(applyLinkOverrides(links, [merge]).map((l) => l.entityId), ['per:kwame mensah-bonsu', 'per:kwame mensah-bonsu']);
});
