/**
 * Real-data smoke run: ingests ../shared/corpus/seeds/ (real scraped articles) into an in-memory store with
 * the default pipeline and prints, per article, what was stored: metadata, boilerplate set apart, canonical
 * entities with their aliases, events and claims; then the corpus timeline of the most mentioned person.
 * Skips with a message when the shared folder is absent (as on a user's machine).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ingest } from '../src/app/ingest.js';
import { loadDefaultResources } from '../src/app/resources.js';
import type { Claim, EventMention } from '../src/model/index.js';
import { defaultStages } from '../src/pipeline/index.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';

const SEEDS = fileURLToPath(new URL('../../shared/corpus/seeds/', import.meta.url));

if (!existsSync(SEEDS)) {
  console.log(`eval:seeds skipped: ${SEEDS} not found (the shared corpus is only on the team's machines)`);
  process.exit(0);
}

const oneLine = (s: string, max = 150) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

const store = openSqliteStore(':memory:');
await store.migrate();
const summary = await ingest([SEEDS], { store, stages: defaultStages(), resources: await loadDefaultResources() });
for (const failure of summary.failures) console.log(`FAILED ${failure.source}: ${failure.reason}`);
let events = 0;
let claims = 0;
for (const row of await store.listArticles({ limit: 100 })) {
  const article = (await store.getArticle(row.id))!;
  console.log(`\n== ${article.source}`);
  console.log(`   id ${article.id} | title: ${article.title ?? '(none)'}`);
  console.log(`   published: ${article.publishedAt ?? '(unknown)'} | outlet: ${article.outlet ?? '(unknown)'} | language: ${article.language}`);
  console.log(`   body: ${article.body.length} chars in ${article.paragraphs.length} paragraphs | comments set apart: ${article.comments.length} | captions collapsed: ${article.captions.length} | boilerplate lines: ${article.boilerplate.length}`);
  const articleEvents = (article.layers['events'] ?? []) as EventMention[];
  const articleClaims = (article.layers['claims'] ?? []) as Claim[];
  events += articleEvents.length;
  claims += articleClaims.length;
  console.log(`   events (${articleEvents.length}):`);
  for (const e of articleEvents) {
    const who = (xs: EventMention['sources']) => xs.map((a) => `${a.text}${a.code ? `[${a.code}]` : ''}`).join(', ') || '-';
    console.log(`     ${e.ploverType}/${e.cameo ?? '-'} ${e.modality}: ${who(e.sources)} → ${who(e.targets)} ${JSON.stringify(e.counts)} | "${oneLine(article.body.slice(e.evidence.start, e.evidence.end), 110)}"`);
  }
  console.log(`   claims (${articleClaims.length}):`);
  for (const c of articleClaims) {
    console.log(`     ${c.stance}${c.isHedged ? ' (hedged)' : ''}: ${c.chain.map((s) => `${s.name}${s.kind === 'anonymous' ? ` (anonymous${s.count ? `, ${s.count}` : ''})` : ''}`).join(' ← ') || 'the article'} | "${oneLine(article.body.slice(c.content.start, c.content.end), 100)}"`);
  }
}
console.log('\n== canonical entities (top 25)');
for (const e of await store.listEntities({ limit: 25 })) {
  const detail = (await store.getEntity(e.id))!;
  console.log(`   ${e.type} ${e.name} [${e.id}] ${e.kind}${e.country ? ` ${e.country}` : ''}: ${e.mentionCount} mentions | aliases: ${detail.aliases.map((a) => a.alias).join(', ')}`);
}
const [person] = await store.listEntities({ type: 'PER', limit: 1 });
if (person) {
  console.log(`\n== timeline of ${person.name}`);
  for (const row of await store.listEvents({ entityId: person.id })) {
    console.log(`   ${row.windowStart}${row.windowEnd !== row.windowStart ? `…${row.windowEnd}` : ''} (${row.datePrecision}) ${row.ploverType} ${row.status}: ${oneLine(row.summary, 100)} — ${row.explanation}`);
  }
}
const stats = await store.stats();
await store.close();
console.log(JSON.stringify({ eval: 'seeds', data: 'corpus/seeds', articles: stats.articles, failed: summary.failures.length, mentions: stats.mentions, entities: stats.entities, events, claims, merged_events: stats.events }));
