/**
 * One article's work before the store: clean the raw input, build the Doc, decide its genre and run the stages.
 * It reads no store, so it runs on any thread: inline in `ingest`, or in the worker threads of an annotator pool
 * (src/app/annotator-pool.ts) while the main thread writes. Its outcome is plain data (structured-cloneable).
 */
import { DossierError, IngestError, createDoc, describeCause, type Doc, type RawArticle } from '../model/index.js';
import { checkPipeline, pipelineSignature, runStages, type Resources, type Stage } from '../pipeline/index.js';
import { cleanArticle } from '../stages/clean/index.js';
import { classifyGenre, type Genre } from '../nlp/genre.js';
import { GENRE_MODEL_RESOURCE, type GenreModel } from '../nlp/genre-model.js';

/** An article ready for the store, or why it is not. Plain data: it crosses thread boundaries. */
export type AnnotateOutcome =
  | {
      readonly ok: true;
      readonly doc: Doc;
      /** True when the English stages ran (false: not English, stored after the clean step only). */
      readonly isAnnotated: boolean;
      /** Values dropped from the input while it is stored anyway (an invalid `published` date). */
      readonly warnings: readonly string[];
      readonly timingsMs: Readonly<Record<string, number>>;
    }
  | { readonly ok: false; readonly code: string; readonly reason: string; readonly warnings: readonly string[] };

/** Turns raw articles into annotated Docs; `close` frees what it holds (worker threads). */
export interface ArticleAnnotator {
  /** The stages every annotation runs (genres not asked for skip the event stages): the store records them. */
  readonly stages: readonly Stage[];
  annotate(raw: RawArticle, genres: readonly Genre[]): Promise<AnnotateOutcome>;
  /** How many articles may usefully be in flight at once (1 inline; a few per worker in a pool). */
  readonly capacity: number;
  close(): Promise<void>;
}

/** Stages that turn an article into events and claims: skipped for genres the user did not ask for. */
const EVENT_STAGES = new Set(['events', 'claims']);

/** The stages run for pages of genres not asked for: all but events and claims. */
export function quietStagesOf(stages: readonly Stage[]): readonly Stage[] {
  return stages.filter((s) => !EVENT_STAGES.has(s.name));
}

/** The full and the quiet stage lists, each checked once. */
export interface AnnotationPlan {
  readonly stages: readonly Stage[];
  readonly quietStages: readonly Stage[];
  readonly resources: Resources;
  /** The news gate's trained model when the resources carry one (the default resources do); rules alone otherwise. */
  readonly genreModel: GenreModel | undefined;
}

/** Checks the stage order and derives the quiet list; throws a typed error for a broken order. */
export function planAnnotation(stages: readonly Stage[], resources: Resources): AnnotationPlan {
  checkPipeline(stages);
  const quietStages = quietStagesOf(stages);
  checkPipeline(quietStages);
  const genreModel = resources.has(GENRE_MODEL_RESOURCE) ? resources.get<GenreModel>(GENRE_MODEL_RESOURCE) : undefined;
  return { stages, quietStages, resources, genreModel };
}

/** The signature stored with an article: the stages that ran on it, so a later ingest asking for more re-annotates it. */
export function signatureFor(stages: readonly Stage[], genres: readonly Genre[], doc: Doc): string {
  return doc.meta.genre && !genres.includes(doc.meta.genre) ? pipelineSignature(quietStagesOf(stages)) : pipelineSignature(stages);
}

/** Cleans and annotates one raw article; never throws for a bad article (its failure is the outcome). */
export function annotateArticle(raw: RawArticle, plan: AnnotationPlan, genres: readonly Genre[], now: () => number = () => performance.now()): AnnotateOutcome {
  let warnings: readonly string[] = [];
  try {
    const began = now();
    const cleaned = cleanArticle(raw);
    warnings = cleaned.warnings;
    let doc = createDoc(cleaned);
    const genre = classifyGenre({ title: doc.meta.title, url: doc.meta.url, outlet: doc.meta.outlet, text: doc.text }, plan.genreModel).genre;
    doc = { ...doc, meta: { ...doc.meta, genre } };
    // Cleaning (HTML parsing, boilerplate removal, language and genre) is timed beside the stages.
    const cleanMs = now() - began;
    if (!isEnglish(doc)) return { ok: true, doc, isAnnotated: false, warnings: cleaned.warnings, timingsMs: { clean: cleanMs } };
    const result = runStages(doc, genres.includes(genre) ? plan.stages : plan.quietStages, { publishedAt: doc.meta.publishedAt, resources: plan.resources }, now);
    return { ok: true, doc: result.doc, isAnnotated: true, warnings: cleaned.warnings, timingsMs: { clean: cleanMs, ...result.timingsMs } };
  } catch (error) {
    // Any throw while cleaning or annotating one article is that article's failure, never the batch's.
    const code = error instanceof DossierError ? error.code : 'E_INPUT_MALFORMED';
    return { ok: false, code, reason: error instanceof IngestError ? error.reason : describeCause(error), warnings };
  }
}

/** English (or undetermined) articles run through the stages; others are stored after the clean step only. */
export function isEnglish(doc: Doc): boolean {
  return doc.meta.language === 'en' || doc.meta.language === 'und';
}

/** Annotates on the calling thread: the one-thread ingest, and the reference a pool must match. */
export function createInlineAnnotator(stages: readonly Stage[], resources: Resources): ArticleAnnotator {
  const plan = planAnnotation(stages, resources);
  return {
    stages,
    capacity: 1,
    annotate: (raw, genres) => Promise.resolve(annotateArticle(raw, plan, genres)),
    close: () => Promise.resolve(),
  };
}
