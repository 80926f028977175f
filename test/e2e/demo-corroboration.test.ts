/**
 * Issue 8 on the demo corpus, through the real pipeline: the syndicated wire story and its copy are one
 * near-duplicate group and count as one origin; the denial by Iran's foreign ministry makes the Baghdad airport
 * attack contested; re-running the ingest changes nothing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ingest } from '../../src/app/ingest.js';
import { loadDefaultResources } from '../../src/app/resources.js';
import { defaultStages } from '../../src/pipeline/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';

const DEMO = fileURLToPath(new URL('../../examples/articles/', import.meta.url));

test('demo corpus › copies are one origin, a denial contests, re-ingest is a no-op', async () => {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  const options = { store, stages: defaultStages(), resources: await loadDefaultResources() };
  const first = await ingest([DEMO], options);
  assert.equal(first.failures.length, 0, JSON.stringify(first.failures));

  // The Meridian wire story and the Gulf Courier copy share a group (so do each article's text and HTML versions).
  // The convoy strike: the wire story, its Gulf Courier copy and their text/HTML twins are one group, so their
  // reports count once ("repeats not counted"), however many articles carry them.
  const [convoy] = (await store.listEvents({ from: '2024-11-07', to: '2024-11-07', limit: 100 }))
    .filter((e) => e.ploverType === 'ASSAULT' && /convoy/i.test(e.summary))
    .sort((a, b) => b.articleCount - a.articleCount);
  assert.ok(convoy, 'the convoy strike is an event on 2024-11-07');
  assert.ok(convoy.articleCount >= 2);
  assert.match(convoy.explanation, /repeats? not counted/);

  // The airport attack: asserted by the outlets, denied by Iran → contested, and the explanation says who denies.
  const [attack] = (await store.listEvents({ status: 'contested', limit: 50 })).filter((e) => e.ploverType === 'ASSAULT' && /Baghdad/i.test(e.summary));
  assert.ok(attack, 'the Baghdad airport attack is contested');
  assert.match(attack.explanation, /denied by .*(Iran|Foreign Ministry)/);
  assert.ok(attack.articleCount >= 2);
  const detail = await store.getEvent(attack.id);
  for (const o of detail!.observations) {
    const body = (await store.getArticle(o.articleId))!.body;
    assert.equal(body.slice(o.evidence.start, o.evidence.end), o.evidence.text, 'every report points at its sentence');
  }

  const before = await store.listEvents({ limit: 500 });
  const again = await ingest([DEMO], options);
  assert.equal(again.inserted + again.updated, 0);
  const after = await store.listEvents({ limit: 500 });
  assert.deepEqual(after.map((e) => [e.id, e.status, e.reportCount]), before.map((e) => [e.id, e.status, e.reportCount]));
  await store.close();
});
