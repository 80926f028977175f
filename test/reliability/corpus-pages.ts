/**
 * The real pages of ../shared (WCXB metadata pages, the extraction benchmark's pages, the scraped seeds) as
 * RawArticles, for tests that run the whole pipeline over them. Read at run time, never copied into the repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { RawArticle } from '../../src/model/index.js';

/** The shared data folder beside the project. */
export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));

/** Why corpus tests skip, or undefined when the shared pages are present. */
export const CORPUS_SKIP_REASON: string | undefined = existsSync(join(SHARED, 'data/metadata/html'))
  ? undefined
  : `${SHARED}data/metadata/html is absent (../shared/data holds the real pages): corpus tests skipped`;

/** Paths of every shared page: HTML pages (gzip) then the plain-text seeds, in a stable order. */
export function corpusPagePaths(): string[] {
  const list = (dir: string, suffix: string) =>
    existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(suffix)).sort().map((f) => join(dir, f)) : [];
  return [
    ...list(join(SHARED, 'data/metadata/html'), '.html.gz'),
    ...list(join(SHARED, 'data/extraction/html'), '.html.gz'),
    ...list(join(SHARED, 'corpus/seeds'), '.txt'),
  ];
}

/** One shared page as the file reader would hand it over. */
export function readCorpusPage(path: string): RawArticle {
  const isGzip = path.endsWith('.gz');
  const content = (isGzip ? gunzipSync(readFileSync(path)) : readFileSync(path)).toString('utf8');
  const isHtml = /\.html?(\.gz)?$/.test(path);
  return { source: path, format: isHtml ? 'html' : 'text', contentType: isHtml ? 'html' : 'text', content, hints: {} };
}

/** Every n-th page, so a quick run still covers each folder. */
export function sampleEvery<T>(items: readonly T[], n: number): T[] {
  return items.filter((_, i) => i % n === 0);
}
