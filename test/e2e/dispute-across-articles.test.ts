/**
 * Issue 15, stance across articles, through the real pipeline: one outlet reports an accusation (Peru's defence
 * minister says Ecuadorian artillery shelled Zarumilla), another outlet reports the target's denial (Ecuador's
 * Defence Ministry denies it). Once both reports merge into one event, that event is contested, whichever article
 * arrives first, and its explanation names the one asserting origin and the denying party.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ingest } from '../../src/app/ingest.js';
import { loadDefaultResources } from '../../src/app/resources.js';
import { defaultStages } from '../../src/pipeline/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';

const DISPUTE = fileURLToPath(new URL('../fixtures/dispute/', import.meta.url));
const ACCUSATION = `${DISPUTE}peru-accuses-ecuador-shelling.html`;
const DENIAL = `${DISPUTE}ecuador-rejects-shelling-accusation.html`;

for (const [order, files] of [['accusation first', [ACCUSATION, DENIAL]], ['denial first', [DENIAL, ACCUSATION]]] as const) {
  test(`dispute across articles › an accusation in one outlet and its target's denial in another make one contested event (${order})`, async () => {
    const store = openSqliteStore(':memory:');
    await store.migrate();
    try {
      const options = { store, stages: defaultStages(), resources: await loadDefaultResources() };
      for (const file of files) {
        const summary = await ingest([file], options);
        assert.equal(summary.failures.length, 0, JSON.stringify(summary.failures));
      }
      const shellings = (await store.listEvents({ from: '2025-03-09', to: '2025-03-09', limit: 100 })).filter((e) => e.ploverType === 'ASSAULT');
      const disputed = shellings.filter((e) => e.articleCount === 2);
      assert.equal(disputed.length, 1, `one shelling event carries both articles: ${JSON.stringify(shellings.map((e) => [e.status, e.explanation]))}`);
      const [event] = disputed;
      assert.equal(event!.status, 'contested');
      assert.equal(event!.assertingOrigins, 1, 'the accusation is one line of evidence: the outlet and the minister it quotes');
      assert.match(event!.explanation, /^1 independent origin \(Pacific Ledger ← Walter Astudillo\); denied by Defence Ministry/);

      const detail = await store.getEvent(event!.id);
      const denial = detail!.reports.find((r) => r.stance === 'denied');
      assert.ok(denial, 'the denial is a report of the event');
      assert.equal(denial.outlet, 'Andes Courier');
      assert.equal(denial.chain[denial.chain.length - 1]?.name, 'Defence Ministry');
      // No event is denied by a negated mention ("its units … had not fired a single round").
      assert.deepEqual((await store.listEvents({ status: 'denied', limit: 100 })).map((e) => e.explanation), []);
    } finally {
      await store.close();
    }
  });
}
