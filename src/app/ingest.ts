/**
 * The ingest use case: inputs → readers → clean → Doc → stages → store, one article at a time,
 * with per-input error isolation: a bad file is reported with its path and reason and the batch goes on.
 */
import { DossierError, IngestError, createDoc, describeCause, type Doc } from '../model/index.js';
import { expandInputsWithSkips, extensionOf, type SkippedInputs } from '../ingest/inputs.js';
import { readInput, type InputReader } from '../ingest/read-input.js';
import { CLEAN_STEP, checkPipeline, pipelineSignature, runStages, type Resources, type Stage } from '../pipeline/index.js';
import { cleanArticle } from '../stages/clean/index.js';
import { DEFAULT_EVENT_GENRES, GENRES, classifyGenre, type Genre } from '../nlp/genre.js';

export { DEFAULT_EVENT_GENRES, GENRES, type Genre };
import { linkEntities, surnameKeysToLookUp } from '../corpus/link-entities/index.js';
import { applyCorrections } from './entity-corrections.js';
import { observeEvents } from '../corpus/observe/index.js';
import { describeObservedEvents } from '../corpus/cross-article/index.js';
import { estimateJaccard, lshBandKeys, minhashSignature, NEAR_DUPLICATE_THRESHOLD } from '../corpus/near-duplicates/index.js';
import type { ArticleLinks, SaveOutcome, Store, SyndicationLinks } from '../store/store.js';

export interface IngestFailure {
  readonly source: string;
  readonly code: string;
  readonly reason: string;
}

/** Something dropped from an input that was stored anyway (an invalid date, say), named by the input. */
export interface IngestWarning {
  readonly source: string;
  readonly reason: string;
}

export interface IngestSummary {
  readonly inserted: number;
  readonly updated: number;
  readonly duplicates: number;
  readonly failures: readonly IngestFailure[];
  readonly warnings: readonly IngestWarning[];
  /** Files (in folders and archives) of types Dossier does not read, counted by extension. */
  readonly skipped: SkippedInputs;
  /** Non-English articles: stored and flagged, not run through the English stages. */
  readonly notEnglish: number;
  readonly elapsedMs: number;
  /** Total milliseconds per stage over the batch. */
  readonly stageMs: Readonly<Record<string, number>>;
}

export interface IngestEvents {
  /** Called once with the number of input files found. */
  onStart?(totalInputs: number): void;
  /** Called after each input file is done. */
  onInputDone?(doneInputs: number, path: string): void;
  /** Called for each article stored or failed. */
  onArticle?(outcome: SaveOutcome | 'failed', source: string, docOrError: Doc | IngestFailure): void;
  /** Called for each value dropped from an input that is stored anyway. */
  onWarning?(warning: IngestWarning): void;
}

export interface IngestOptions {
  readonly store: Store;
  readonly stages: readonly Stage[];
  readonly resources: Resources;
  readonly maxBytes?: number;
  /** URL inputs may reach loopback and private addresses (`--allow-private-hosts`); refused by default (SSRF). */
  readonly allowPrivateHosts?: boolean;
  /** Reads one input (path, `-` or http(s) URL); defaults to readInput. `watch` passes one serving prefetched feed items. */
  readonly readInput?: InputReader;
  readonly events?: IngestEvents;
  readonly now?: () => number;
  /**
   * Genres whose articles run the events and claims stages (default: news, opinion). Others (reviews, guides,
   * recipes, listings, other pages) are stored, annotated and searchable, with no events or claims.
   */
  readonly genres?: readonly Genre[];
}

/** Stages that turn an article into events and claims: skipped for genres the user did not ask for. */
const EVENT_STAGES = new Set(['events', 'claims']);

/**
 * Consecutive store failures after which the store itself is taken as broken (disk full, connection lost) and the
 * batch stops: one input the store refuses is that input's failure, ten in a row with none saved are not.
 */
export const MAX_CONSECUTIVE_STORE_FAILURES = 10;

/** Ingests every input; never throws for a bad input, only for a store that fails on many inputs in a row. */
export async function ingest(inputs: readonly string[], options: IngestOptions): Promise<IngestSummary> {
  const now = options.now ?? (() => performance.now());
  const began = now();
  checkPipeline(options.stages);
  const signature = pipelineSignature(options.stages);
  const genres = options.genres ?? DEFAULT_EVENT_GENRES;
  const quietStages = options.stages.filter((s) => !EVENT_STAGES.has(s.name));
  checkPipeline(quietStages);
  const quietSignature = pipelineSignature(quietStages);
  const { entries, skipped } = expandInputsWithSkips(inputs);
  options.events?.onStart?.(entries.length);
  const counts = { inserted: 0, updated: 0, duplicates: 0, notEnglish: 0 };
  const failures: IngestFailure[] = [];
  const warnings: IngestWarning[] = [];
  let storeFailuresInARow = 0;
  const stageMs: Record<string, number> = {};
  const fail = (failure: IngestFailure) => {
    failures.push(failure);
    options.events?.onArticle?.('failed', failure.source, failure);
  };

  let done = 0;
  for (const entry of entries) {
    if (entry.isMissing) {
      fail({ source: entry.path, code: 'E_INPUT_NOT_FOUND', reason: 'no such file, directory or glob match' });
    } else if (entry.unreadable) {
      fail({ source: entry.path, code: 'E_INPUT_UNREADABLE', reason: entry.unreadable });
    } else {
      const readOptions = { ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }), ...(options.allowPrivateHosts ? { allowPrivateHosts: true } : {}) };
      for await (const item of (options.readInput ?? readInput)(entry.path, readOptions)) {
        if (item instanceof IngestError && item.code === 'E_INPUT_UNSUPPORTED') {
          const ext = extensionOf(item.file);
          skipped[ext] = (skipped[ext] ?? 0) + 1;
          continue;
        }
        if (item instanceof IngestError) {
          fail({ source: item.file, code: item.code, reason: item.reason });
          continue;
        }
        let doc: Doc;
        try {
          const cleaned = cleanArticle(item);
          for (const reason of cleaned.warnings) {
            const warning = { source: item.source, reason };
            warnings.push(warning);
            options.events?.onWarning?.(warning);
          }
          doc = createDoc(cleaned);
          const genre = classifyGenre({ title: doc.meta.title, url: doc.meta.url, outlet: doc.meta.outlet, text: doc.text }).genre;
          doc = { ...doc, meta: { ...doc.meta, genre } };
          if (!isAnnotated(doc)) counts.notEnglish++;
          else {
            const result = runStages(doc, genres.includes(genre) ? options.stages : quietStages, { publishedAt: doc.meta.publishedAt, resources: options.resources });
            doc = result.doc;
            for (const [stage, ms] of Object.entries(result.timingsMs)) stageMs[stage] = (stageMs[stage] ?? 0) + ms;
          }
        } catch (error) {
          // Any throw while cleaning or annotating one article is that article's failure, never the batch's.
          const code = error instanceof DossierError ? error.code : 'E_INPUT_MALFORMED';
          fail({ source: item.source, code, reason: error instanceof IngestError ? error.reason : describeCause(error) });
          continue;
        }
        // The signature names the stages that ran, so a later ingest asking for this genre re-annotates the article.
        const ranSignature = doc.meta.genre && !genres.includes(doc.meta.genre) ? quietSignature : signature;
        let outcome: SaveOutcome;
        try {
          outcome = await options.store.saveArticle(doc, isAnnotated(doc) ? ranSignature : CLEAN_STEP, await crossArticleLinks(options.store, doc));
          storeFailuresInARow = 0;
        } catch (error) {
          // The article's transaction rolled back, so nothing of it is stored; the batch goes on unless the store is gone.
          if (++storeFailuresInARow >= MAX_CONSECUTIVE_STORE_FAILURES) throw error;
          fail({ source: item.source, code: error instanceof DossierError ? error.code : 'E_STORE', reason: describeCause(error) });
          continue;
        }
        if (outcome === 'inserted') counts.inserted++;
        else if (outcome === 'updated') counts.updated++;
        else counts.duplicates++;
        options.events?.onArticle?.(outcome, item.source, doc);
      }
    }
    done++;
    options.events?.onInputDone?.(done, entry.path);
  }
  return { ...counts, failures, warnings, skipped, elapsedMs: now() - began, stageMs };
}

/** English (or undetermined) articles run through the stages; others are stored after the clean step only. */
function isAnnotated(doc: Doc): boolean {
  return doc.meta.language === 'en' || doc.meta.language === 'und';
}

/** Links computed against what the store already holds, saved in the article's own transaction. */
async function crossArticleLinks(store: Store, doc: Doc): Promise<ArticleLinks> {
  const entities = doc.layers.entities ?? [];
  const known = await store.findPeopleBySurname(surnameKeysToLookUp(entities));
  // The user's entity corrections (merge, split, retype) hold for every article ingested after them.
  const entityLinks = await applyCorrections(store, linkEntities(entities, known, doc.layers.places ?? []));
  const syndication = await findCopies(store, doc);
  const events = describeObservedEvents(doc, observeEvents(doc, entityLinks, syndication.group));
  return { entities: entityLinks, events, syndication };
}

/** The article's MinHash fingerprint and the stored near-duplicates it joins (their group, or a new one). */
async function findCopies(store: Store, doc: Doc): Promise<SyndicationLinks> {
  const signature = minhashSignature(doc.text);
  const bandKeys = lshBandKeys(signature);
  const duplicates = (await store.findSyndicationCandidates(bandKeys))
    .filter((c) => c.articleId !== doc.id)
    .map((c) => ({ articleId: c.articleId, group: c.group, similarity: estimateJaccard(signature, c.signature) }))
    .filter((c) => c.similarity >= NEAR_DUPLICATE_THRESHOLD)
    .sort((a, b) => b.similarity - a.similarity);
  return {
    signature,
    bandKeys,
    group: duplicates[0]?.group ?? doc.id,
    duplicates: duplicates.map(({ articleId, similarity }) => ({ articleId, similarity })),
  };
}
