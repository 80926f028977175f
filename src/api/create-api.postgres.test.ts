/**
 * The API suite (create-api.test.ts) against a PostgreSQL store: a team serving one shared store gets the same
 * answers. Runs in a fresh schema on DATABASE_URL, dropped afterwards; skips with the reason when it is not set.
 */
import { after, test } from 'node:test';
import { createTestSchema, POSTGRES_SKIP_REASON } from '../../test/helpers/postgres-schema.js';

if (POSTGRES_SKIP_REASON) {
  test('api on PostgreSQL', { skip: POSTGRES_SKIP_REASON }, () => {});
} else {
  const schema = createTestSchema('dossier_api_test');
  process.env['DOSSIER_API_TEST_DB'] = schema.url;
  await import('./create-api.test.js');
  // Registered after the suite's own hooks, so the store is closed before its schema is dropped.
  after(async () => {
    await schema.drop();
  });
}
