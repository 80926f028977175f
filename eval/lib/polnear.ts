/**
 * Reading PolNeAR (../shared/data/attribution/polnear/, brat standoff): the articles of a split and their gold
 * attribution relations (Source / Cue / Content spans). Shared by `npm run eval:claims` and `npm run train:claims-cue`.
 * Two dev articles carry six annotators' files each; the first annotator's file (by name) is the one read.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Span } from '../../src/model/index.js';

/** Where PolNeAR lives on the team's machines. */
export const POLNEAR_ROOT = fileURLToPath(new URL('../../../shared/data/attribution/polnear/', import.meta.url));

/** One gold attribution relation. */
export interface Relation {
  readonly source?: Span;
  readonly cue?: Span;
  readonly content: Span;
  /** The content's discontinuous pieces (brat fragments): a quote broken by its attribution has two. */
  readonly contentParts: readonly Span[];
}

/** One article of a split: its name, text and gold relations. */
export interface PolnearArticle {
  readonly article: string;
  readonly text: string;
  readonly gold: readonly Relation[];
}

/** The relations of one brat .ann file. */
export function parseAnn(ann: string): Relation[] {
  const spans = new Map<string, Span>();
  const parts = new Map<string, Span[]>();
  const relations: Relation[] = [];
  for (const line of ann.split('\n')) {
    const [id, body] = line.split('\t');
    if (!id || !body) continue;
    if (id.startsWith('T')) {
      const m = /^\S+ (.+)$/.exec(body);
      if (!m) continue;
      const frags = m[1]!.split(';').map((f) => f.split(' ').map(Number) as [number, number]);
      spans.set(id, { start: Math.min(...frags.map((f) => f[0])), end: Math.max(...frags.map((f) => f[1])) });
      parts.set(id, frags.map((f) => ({ start: f[0], end: f[1] })));
    }
  }
  for (const line of ann.split('\n')) {
    const [id, body] = line.split('\t');
    if (!id?.startsWith('E') || !body) continue;
    const args = new Map(body.split(' ').map((a) => a.split(':') as [string, string]));
    const content = spans.get(args.get('Content') ?? '');
    if (!content) continue;
    const source = spans.get(args.get('Source') ?? '');
    const cue = spans.get(args.get('Cue') ?? '');
    relations.push({ content, contentParts: parts.get(args.get('Content') ?? '') ?? [content], ...(source ? { source } : {}), ...(cue ? { cue } : {}) });
  }
  return relations;
}

/** True when the split's files are present. */
export function hasPolnearSplit(split: string): boolean {
  return existsSync(`${POLNEAR_ROOT}${split}/attributions`);
}

/** Article name → annotation file of a split, sorted by name (first annotator's file per article). */
export function polnearFiles(split: string): Map<string, string> {
  const byArticle = new Map<string, string>();
  for (const file of readdirSync(`${POLNEAR_ROOT}${split}/attributions`).filter((f) => f.endsWith('.ann')).sort()) {
    const article = file.replace(/_[0-9a-f]{4}\.ann$/, '');
    if (!byArticle.has(article)) byArticle.set(article, file);
  }
  return byArticle;
}

/** Reads one article of a split with its gold relations. */
export function readPolnearArticle(split: string, article: string, file: string): PolnearArticle {
  const dir = `${POLNEAR_ROOT}${split}/`;
  return { article, text: readFileSync(`${dir}text/${article}.txt`, 'utf8'), gold: parseAnn(readFileSync(`${dir}attributions/${file}`, 'utf8')) };
}
