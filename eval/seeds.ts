/**
 * Real-data smoke run: ingests ../shared/corpus/seeds/ (real scraped articles) into an in-memory
 * store with the default pipeline and prints, per article, what was stored.
 * Skips with a message when the shared folder is absent (as on a user's machine).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ingest } from '../src/app/ingest.js';
import { loadDefaultResources } from '../src/app/resources.js';
import { defaultStages } from '../src/pipeline/index.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';

const SEEDS = fileURLToPath(new URL('../../shared/corpus/seeds/', import.meta.url));

if (!existsSync(SEEDS)) {
  console.log(`eval:seeds skipped: ${SEEDS} not found (the shared corpus is only on the team's machines)`);
  process.exit(0);
}

const store = openSqliteStore(':memory:');
await store.migrate();
const summary = await ingest([SEEDS], { store, stages: defaultStages(), resources: await loadDefaultResources() });
for (const failure of summary.failures) console.log(`FAILED ${failure.source}: ${failure.reason}`);
for (const row of await store.listArticles({ limit: 100 })) {
  const article = (await store.getArticle(row.id))!;
  console.log(`\n== ${article.source}`);
  console.log(`   id ${article.id} | title: ${article.title ?? '(none)'}`);
  console.log(`   published: ${article.publishedAt ?? '(unknown)'} | outlet: ${article.outlet ?? '(unknown)'} | language: ${article.language}`);
  console.log(`   body: ${article.body.length} chars in ${article.paragraphs.length} paragraphs | comments set apart: ${article.comments.length} | captions collapsed: ${article.captions.length} | boilerplate lines: ${article.boilerplate.length}`);
  for (const [layer, value] of Object.entries(article.layers)) console.log(`   layer ${layer}: ${Array.isArray(value) ? value.length : 1} item(s)`);
}
const stats = await store.stats();
await store.close();
console.log(JSON.stringify({ eval: 'seeds', data: 'corpus/seeds', articles: stats.articles, failed: summary.failures.length, mentions: stats.mentions }));
