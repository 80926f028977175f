/**
 * Issue 17: the whole pipeline (clean and every default stage) runs over the real pages of ../shared without a
 * stage throwing. `npm test` runs a sample of about 100 pages; `npm run test:corpus` runs all of them
 * (DOSSIER_CORPUS=full, ≈ 890 pages, several minutes on two cores).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { basename } from 'node:path';
import { loadDefaultResources } from '../../src/app/resources.js';
import { createDoc, describeCause, IngestError } from '../../src/model/index.js';
import { defaultStages, runStages, type Resources } from '../../src/pipeline/index.js';
import { cleanArticle } from '../../src/stages/clean/index.js';
import { CORPUS_SKIP_REASON, corpusPagePaths, readCorpusPage, sampleEvery } from './corpus-pages.js';

const isFull = process.env['DOSSIER_CORPUS'] === 'full';
/** Pages that once crashed a stage: always in the sample. */
const ONCE_CRASHED = ['4048.html.gz'];

/** The pages this run covers: all of them, or every 9th plus the ones that once crashed. */
function pagesToRun(): string[] {
  const all = corpusPagePaths();
  if (isFull) return all;
  const sample = new Set(sampleEvery(all, 9));
  for (const path of all) if (ONCE_CRASHED.includes(basename(path))) sample.add(path);
  return [...sample];
}

/** What went wrong on one page, or undefined when every step ran (or the page has no article body, a clean refusal). */
function runPage(path: string, resources: Resources): string | undefined {
  let doc;
  try {
    doc = createDoc(cleanArticle(readCorpusPage(path)));
  } catch (error) {
    return error instanceof IngestError ? undefined : `clean threw: ${describeCause(error)}`;
  }
  try {
    runStages(doc, defaultStages(), { publishedAt: doc.meta.publishedAt, resources });
    return undefined;
  } catch (error) {
    return describeCause(error);
  }
}

test(`reliability › no stage throws on ${isFull ? 'any' : 'a sample'} of the real pages of ../shared (WCXB, extraction benchmark, seeds)`, { skip: CORPUS_SKIP_REASON }, async () => {
  const resources = await loadDefaultResources();
  const pages = pagesToRun();
  assert.ok(pages.length >= (isFull ? 800 : 90), `found ${pages.length} pages`);
  const failures: string[] = [];
  for (const path of pages) {
    const failure = runPage(path, resources);
    if (failure) failures.push(`${path}: ${failure}`);
  }
  assert.deepEqual(failures, [], `${failures.length} of ${pages.length} pages failed`);
});

test('reliability › a text opening with "Who said …?" gives the claims stage no subject to find and no crash', async () => {
  const resources = await loadDefaultResources();
  for (const text of ['Who said the ferry strike in Tartus would end before the holiday weekend?', 'Who, the union asked, said the ferry strike would end on Friday?']) {
    const doc = createDoc({ text, meta: { source: 'question.txt', format: 'text', language: 'en' } });
    const { doc: annotated } = runStages(doc, defaultStages(), { publishedAt: undefined, resources });
    assert.ok(annotated.layers.claims, 'the claims stage ran');
  }
});
