/**
 * `npm run eval:entity-audit`: the entity list an analyst first sees, on the 793 WCXB pages
 * (../shared/data/metadata/html/). Ingests them through the normal ingest path into a temporary SQLite store
 * (or reuses `--db file` when it exists, to re-read a list without re-ingesting), then prints the 50 most
 * mentioned entities of each type with their type consistency: the share of the mentions of every entity with
 * the same name (any type) that carry this entity's type. "Japan" as PER with 0.05 means 95 % of the corpus's
 * "Japan" mentions are another type. Whether a listed "person" is a person is judged by reading the list.
 * Options: --db file (keep or reuse the store), --top N (default 50), --limit N (ingest only the first N pages),
 * --relink (with a reused --db: link every stored article's entities again with the current linker and the
 * stored corrections, from its stored entities layer: measures a linking change without re-running the NLP),
 * --restage (with --relink: first run the current entities stage again on each stored article's text, sentences
 * and mentions layers, so an entities-stage change is measured without re-running the tagger; the stored
 * layers themselves are left as they were).
 * Headline figures last, as one JSON line.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composePipeline } from '../src/app/compose-pipeline.js';
import { ingest } from '../src/app/ingest.js';
import { nameWords, translitKey } from '../src/kb/names.js';
import { linkWithCorrections } from '../src/app/entity-corrections.js';
import type { DocEntity, Mention, MentionType, PlaceRef, Sentence } from '../src/model/index.js';
import { loadKnowledgeBase } from '../src/app/knowledge-base.js';
import { resolveEntities } from '../src/stages/entities/index.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import type { CanonicalEntity } from '../src/store/store.js';

const HTML = fileURLToPath(new URL('../../shared/data/metadata/html/', import.meta.url));
if (!existsSync(HTML)) {
  console.log(`eval:entity-audit skipped: ${HTML} not found (the shared data is only on the team's machines)`);
  process.exit(0);
}
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const top = Number(arg('--top') ?? 50);
const limit = arg('--limit') === undefined ? undefined : Number(arg('--limit'));
const dbArg = arg('--db');
const tempDir = dbArg ? undefined : mkdtempSync(join(tmpdir(), 'dossier-audit-'));
const dbPath = dbArg ?? join(tempDir!, 'audit.db');
const reuse = dbArg !== undefined && existsSync(dbArg);
const restage = process.argv.includes('--restage');
const kb = restage ? loadKnowledgeBase() : undefined;

const store = openSqliteStore(dbPath);
await store.migrate();
try {
  if (!reuse) {
    const files = readdirSync(HTML).filter((f) => f.endsWith('.html.gz') || f.endsWith('.html')).sort().slice(0, limit).map((f) => join(HTML, f));
    const began = Date.now();
    const summary = await ingest(files, { store, ...(await composePipeline(store)) });
    console.log(`ingested ${files.length} pages in ${((Date.now() - began) / 1000).toFixed(0)} s: ${summary.inserted} new, ${summary.failures.length} failed`);
  }
  if (reuse && process.argv.includes('--relink')) {
    const began = Date.now();
    let relinked = 0;
    // First every link is taken back, so the second pass links in ingest order against what it has linked so
    // far, as a fresh ingest would (rows of the old links would otherwise lend their surnames and types).
    for (let offset = 0; ; offset += 500) {
      const page = await store.listArticles({ limit: 500, offset });
      for (const a of page) await store.relinkArticleEntities(a.id, []);
      if (page.length < 500) break;
    }
    for (let offset = 0; ; offset += 500) {
      const page = await store.listArticles({ limit: 500, offset });
      for (const a of page) {
        const article = await store.getArticle(a.id);
        if (!article?.layers['entities']) continue;
        const sentences = article.layers['sentences'] as Sentence[] | undefined;
        const mentions = article.layers['mentions'] as Mention[] | undefined;
        const entities = restage && sentences && mentions ? resolveEntities(article.body, sentences, mentions, kb) : (article.layers['entities'] as DocEntity[]);
        await store.relinkArticleEntities(a.id, await linkWithCorrections(store, entities, (article.layers['places'] ?? []) as PlaceRef[]));
        relinked++;
      }
      if (page.length < 500) break;
    }
    console.log(`relinked ${relinked} stored articles${restage ? ' (entities stage run again)' : ''} in ${((Date.now() - began) / 1000).toFixed(0)} s`);
  }
  // Every listed entity, to weigh each name's mentions over all types.
  const all: CanonicalEntity[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await store.listEntities({ limit: 500, offset });
    all.push(...page);
    if (page.length < 500) break;
  }
  const keyOf = (e: CanonicalEntity): string => translitKey(nameWords(e.name).words.join(' ') || e.name);
  const byName = new Map<string, Map<MentionType, number>>();
  for (const e of all) {
    const counts = byName.get(keyOf(e)) ?? new Map<MentionType, number>();
    counts.set(e.type, (counts.get(e.type) ?? 0) + e.mentionCount);
    byName.set(keyOf(e), counts);
  }
  const consistency = (e: CanonicalEntity): number => {
    const counts = byName.get(keyOf(e))!;
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    return total ? (counts.get(e.type) ?? 0) / total : 1;
  };
  const headline: Record<string, number | string> = { data: 'wcxb-793', entities: all.length };
  for (const type of ['PER', 'ORG', 'LOC', 'MISC'] as const) {
    const list = all.filter((e) => e.type === type).slice(0, top);
    console.log(`\n== top ${list.length} ${type} (mentions, articles, type consistency, other types of the same name)`);
    list.forEach((e, i) => {
      const others = [...byName.get(keyOf(e))!].filter(([t]) => t !== type).map(([t, n]) => `${t} ${n}`).join(', ');
      console.log(`${String(i + 1).padStart(3)}. ${e.name} [${e.id}] ${e.mentionCount} m, ${e.articleCount} a, ${consistency(e).toFixed(2)}${others ? ` (also ${others})` : ''}`);
    });
    const mixed = list.filter((e) => consistency(e) < 0.8).length;
    headline[`top${top}_${type}_mixed`] = mixed;
    headline[`top${top}_${type}_consistency`] = Number((list.reduce((a, e) => a + consistency(e), 0) / Math.max(1, list.length)).toFixed(3));
  }
  console.log(JSON.stringify(headline));
} finally {
  await store.close();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
}
