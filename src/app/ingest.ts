/**
 * The ingest use case: inputs → readers → clean → Doc → stages → store, with per-input error isolation: a bad file
 * is reported with its path and reason and the batch goes on. Cleaning and the stages run through an annotator,
 * inline or in a pool of worker threads; this thread is the only writer and saves articles strictly in input order,
 * with the cross-article steps (near-duplicates, entity links, event merging) computed against the store just before
 * each save, so a parallel run stores exactly what a one-thread run stores.
 */
import { DossierError, IngestError, describeCause, type Doc } from '../model/index.js';
import { expandInputsWithSkips, extensionOf, type SkippedInputs } from '../ingest/inputs.js';
import { readInput, type InputReader } from '../ingest/read-input.js';
import { readThroughLink } from '../ingest/byte-names.js';
import { CLEAN_STEP, type Resources, type Stage } from '../pipeline/index.js';
import { DEFAULT_EVENT_GENRES, GENRES, type Genre } from '../nlp/genre.js';
import { createInlineAnnotator, signatureFor, type AnnotateOutcome, type ArticleAnnotator } from './annotate.js';
import { inputFingerprint, runKeyOf } from './input-fingerprint.js';

export { DEFAULT_EVENT_GENRES, GENRES, type Genre };
import { linkEntities, nameKeysToLookUp, surnameKeysToLookUp } from '../corpus/link-entities/index.js';
import { applyCorrections, mergeSurnamesBack } from './entity-corrections.js';
import { resolveOutletRegions } from './outlet-regions.js';
import { GAZETTEER_RESOURCE, outletHost } from '../stages/place/index.js';
import type { Gazetteer } from '../geo/index.js';
import { observeEvents } from '../corpus/observe/index.js';
import { describeObservedEvents } from '../corpus/cross-article/index.js';
import { estimateJaccard, lshBandKeys, minhashSignature, NEAR_DUPLICATE_THRESHOLD } from '../corpus/near-duplicates/index.js';
import type { ArticleLinks, InputFingerprint, SaveBatch, SaveOutcome, Store, SyndicationLinks } from '../store/store.js';

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
  /** Inputs read again unchanged since they were stored by this pipeline: skipped before cleaning. */
  readonly unchanged: number;
  readonly failures: readonly IngestFailure[];
  readonly warnings: readonly IngestWarning[];
  /** Files (in folders and archives) of types Dossier does not read, counted by extension. */
  readonly skipped: SkippedInputs;
  /** Non-English articles: stored and flagged, not run through the English stages. */
  readonly notEnglish: number;
  readonly elapsedMs: number;
  /** Total milliseconds per stage over the batch (summed over worker threads in a parallel run). */
  readonly stageMs: Readonly<Record<string, number>>;
  /** Total milliseconds of the writer per article: cross-article look-ups and the save transaction. */
  readonly saveMs: number;
  /** True when the interrupt signal stopped the batch: inputs not yet read were left for a re-run. */
  readonly isInterrupted: boolean;
  /** Stored articles whose places were resolved again once their outlet's region was learned (outlet-regions.ts). */
  readonly placesRewritten: number;
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
  /** Resources for annotating on this thread; not needed when an `annotator` (a worker pool) is given. */
  readonly resources?: Resources;
  /** Cleans and annotates articles (a worker pool: see annotator-pool.ts); default: inline with `stages`/`resources`. */
  readonly annotator?: ArticleAnnotator;
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
  /** Clean and annotate every input, even one stored unchanged by this pipeline (`--rerun`). */
  readonly rerun?: boolean;
  /** Aborting stops reading new inputs (Ctrl-C): articles already read are finished and saved, then ingest returns. */
  readonly interrupt?: AbortSignal;
  /**
   * The gazetteer for the outlet regions learned at the end of the ingest (outlet-regions.ts); default: the place
   * stage's resource in `resources`. Without either, or without the place stage, places stay as each article gave them.
   */
  readonly gazetteer?: Gazetteer;
}

/**
 * Consecutive store failures after which the store itself is taken as broken (disk full, connection lost) and the
 * batch stops: one input the store refuses is that input's failure, ten in a row with none saved are not.
 */
export const MAX_CONSECUTIVE_STORE_FAILURES = 10;

/**
 * Articles saved in one transaction when the store can batch (SQLite: Store.openSaveBatch). A batch is committed
 * when it holds this many, when it is older than SAVE_BATCH_MS, when the writer would wait for an article still
 * being annotated, and at the end (Ctrl-C included): the lock is never held while the writer idles.
 */
export const SAVE_BATCH_ARTICLES = 16;
const SAVE_BATCH_MS = 1000;

/** What waits for the writer, in input order: an article being annotated, a read failure, or the end of an input. */
type Pending =
  | { readonly kind: 'article'; readonly source: string; readonly input: InputFingerprint; readonly outcome: Promise<AnnotateOutcome>; readonly progress: { isReady: boolean } }
  | { readonly kind: 'unchanged'; readonly source: string }
  | { readonly kind: 'failed'; readonly failure: IngestFailure }
  | { readonly kind: 'input-done'; readonly path: string };

/** Ingests every input; never throws for a bad input, only for a store that fails on many inputs in a row. */
export async function ingest(inputs: readonly string[], options: IngestOptions): Promise<IngestSummary> {
  const now = options.now ?? (() => performance.now());
  const began = now();
  const annotator = options.annotator ?? inlineAnnotator(options);
  if (options.annotator && options.annotator.stages.map((s) => `${s.name}@${s.version}`).join() !== options.stages.map((s) => `${s.name}@${s.version}`).join()) {
    throw new DossierError('E_STAGE_FAILED', 'the annotator runs other stages than the ingest was given');
  }
  const genres = options.genres ?? DEFAULT_EVENT_GENRES;
  const { entries, skipped } = expandInputsWithSkips(inputs);
  options.events?.onStart?.(entries.length);
  const counts = { inserted: 0, updated: 0, duplicates: 0, unchanged: 0, notEnglish: 0 };
  const runKey = runKeyOf(options.stages, genres);
  const failures: IngestFailure[] = [];
  const warnings: IngestWarning[] = [];
  let storeFailuresInARow = 0;
  const stageMs: Record<string, number> = {};
  let saveMs = 0;
  let done = 0;
  let placesRewritten = 0;
  /**
   * The open save batch: its articles are counted and reported (with every event after them, so events keep input
   * order) only once it is committed, so nothing is reported that a crash could still take back.
   */
  let batch: { readonly handle: SaveBatch; readonly openedAt: number; readonly held: (() => void)[]; readonly sources: string[] } | undefined;
  const report = (event: () => void): void => void (batch ? batch.held.push(event) : event());
  const fail = (failure: IngestFailure) =>
    report(() => {
      failures.push(failure);
      options.events?.onArticle?.('failed', failure.source, failure);
    });
  const commitBatch = async (): Promise<void> => {
    if (!batch) return;
    const { handle, held, sources } = batch;
    batch = undefined;
    const commitBegan = now();
    try {
      await handle.commit();
    } catch (error) {
      // Nothing of the batch is stored: each of its articles failed (the events before them were not saves).
      if ((storeFailuresInARow += sources.length) >= MAX_CONSECUTIVE_STORE_FAILURES) throw error;
      const reason = describeCause(error);
      for (const source of sources) fail({ source, code: error instanceof DossierError ? error.code : 'E_STORE', reason });
      return;
    } finally {
      saveMs += now() - commitBegan;
    }
    for (const event of held) event();
  };
  const batchSaves = options.store.openSaveBatch !== undefined;
  /** Surname keys of the full-name people saved by this run, for `mergeSurnamesBack`. */
  const fullNameSurnames = new Set<string>();
  /** Hosts of the articles saved by this run (with their ids), whose outlet regions are learned again at the end. */
  const outletHosts = new Map<string, Set<string>>();
  const gazetteer = options.stages.some((s) => s.name === 'place') ? (options.gazetteer ?? gazetteerOf(options.resources)) : undefined;

  /** The writer's step for the oldest pending entry: everything observable happens here, in input order. */
  const settle = async (entry: Pending): Promise<void> => {
    if (entry.kind === 'failed') return fail(entry.failure);
    if (entry.kind === 'input-done') {
      report(() => options.events?.onInputDone?.(++done, entry.path));
      return;
    }
    if (entry.kind === 'unchanged') {
      report(() => counts.unchanged++);
      return;
    }
    if (!entry.progress.isReady) await commitBatch();
    const outcome = await entry.outcome;
    for (const reason of outcome.warnings) {
      const warning = { source: entry.source, reason };
      report(() => {
        warnings.push(warning);
        options.events?.onWarning?.(warning);
      });
    }
    if (!outcome.ok) return fail({ source: entry.source, code: outcome.code, reason: outcome.reason });
    const { doc } = outcome;
    if (!outcome.isAnnotated) counts.notEnglish++;
    for (const [stage, ms] of Object.entries(outcome.timingsMs)) stageMs[stage] = (stageMs[stage] ?? 0) + ms;
    let saved: SaveOutcome;
    const saveBegan = now();
    try {
      if (batchSaves && !batch) batch = { handle: await options.store.openSaveBatch!(), openedAt: now(), held: [], sources: [] };
      const links = await crossArticleLinks(options.store, doc);
      saved = await options.store.saveArticle(doc, outcome.isAnnotated ? signatureFor(options.stages, genres, doc) : CLEAN_STEP, links, entry.input);
      for (const link of links.entities ?? []) if (link.type === 'PER' && !link.isSurnameOnly && link.surnameKey) fullNameSurnames.add(link.surnameKey);
      const host = outletHost(doc.meta.url);
      if (host && saved !== 'duplicate' && doc.layers.places) outletHosts.set(host, (outletHosts.get(host) ?? new Set()).add(doc.id));
      storeFailuresInARow = 0;
    } catch (error) {
      // The article's transaction rolled back, so nothing of it is stored; the batch goes on unless the store is gone.
      if (++storeFailuresInARow >= MAX_CONSECUTIVE_STORE_FAILURES) throw error;
      fail({ source: entry.source, code: error instanceof DossierError ? error.code : 'E_STORE', reason: describeCause(error) });
      return;
    } finally {
      saveMs += now() - saveBegan;
    }
    report(() => {
      if (saved === 'inserted') counts.inserted++;
      else if (saved === 'updated') counts.updated++;
      else counts.duplicates++;
      options.events?.onArticle?.(saved, entry.source, doc);
    });
    if (batch) {
      batch.sources.push(entry.source);
      if (batch.sources.length >= SAVE_BATCH_ARTICLES || now() - batch.openedAt > SAVE_BATCH_MS) await commitBatch();
    }
  };

  // Back-pressure: at most `capacity` articles wait between the readers and the writer, so memory stays flat.
  const pending: Pending[] = [];
  let articlesPending = 0;
  const settleOldest = async (): Promise<void> => {
    const entry = pending.shift()!;
    if (entry.kind === 'article') articlesPending--;
    await settle(entry);
  };
  const enqueue = async (entry: Pending): Promise<void> => {
    pending.push(entry);
    if (entry.kind === 'article') articlesPending++;
    while (articlesPending > annotator.capacity || pending.length > 4 * annotator.capacity + 16) await settleOldest();
  };
  const isInterrupted = () => options.interrupt?.aborted === true;
  try {
    for (const entry of entries) {
      if (isInterrupted()) break;
      if (entry.isMissing) {
        await enqueue({ kind: 'failed', failure: { source: entry.path, code: 'E_INPUT_NOT_FOUND', reason: 'no such file, directory or glob match' } });
      } else if (entry.unreadable) {
        await enqueue({ kind: 'failed', failure: { source: entry.path, code: 'E_INPUT_UNREADABLE', reason: entry.unreadable } });
      } else {
        const readOptions = { ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }), ...(options.allowPrivateHosts ? { allowPrivateHosts: true } : {}) };
        const reader = options.readInput ?? readInput;
        const items = entry.fsPath ? readThroughLink(entry.fsPath, entry.path, (path) => reader(path, readOptions)) : reader(entry.path, readOptions);
        for await (const item of items) {
          if (item instanceof IngestError && item.code === 'E_INPUT_UNSUPPORTED') {
            const ext = extensionOf(item.file);
            skipped[ext] = (skipped[ext] ?? 0) + 1;
          } else if (item instanceof IngestError) {
            await enqueue({ kind: 'failed', failure: { source: item.file, code: item.code, reason: item.reason } });
          } else {
            const input = inputFingerprint(item, runKey);
            if (!options.rerun && (await options.store.isInputUnchanged(item.source, input))) await enqueue({ kind: 'unchanged', source: item.source });
            else {
              const outcome = annotator.annotate(item, genres);
              const progress = { isReady: false };
              void outcome.then(() => (progress.isReady = true));
              await enqueue({ kind: 'article', source: item.source, input, outcome, progress });
            }
          }
          // Stopped mid-input (an archive, a JSONL file): what was read is saved, the rest waits for a re-run.
          if (isInterrupted()) break;
        }
        if (isInterrupted()) break;
      }
      await enqueue({ kind: 'input-done', path: entry.path });
    }
    while (pending.length) await settleOldest();
    await commitBatch();
    // The places of the outlets this run added to, resolved with what all their stored articles say of their region;
    // after Ctrl-C too, for the articles that were saved (a later run would re-place only its own articles when the
    // region does not change, so these would keep the places they were saved with). The pass costs about two
    // samples of each outlet plus the saved articles.
    if (gazetteer) placesRewritten = (await resolveOutletRegions(options.store, gazetteer, outletHosts)).rewritten;
    // Bare surnames stored before these full names join them now, whatever order the articles came in.
    if (!isInterrupted()) await mergeSurnamesBack(options.store, fullNameSurnames);
  } catch (error) {
    // The articles saved before the error are whole: keep them, as one transaction per article would have.
    await commitBatch().catch(() => undefined);
    throw error;
  } finally {
    if (!options.annotator) await annotator.close();
  }
  return { ...counts, failures, warnings, skipped, elapsedMs: now() - began, stageMs, saveMs, isInterrupted: isInterrupted(), placesRewritten };
}

/** The place stage's gazetteer among the resources, if they carry one. */
function gazetteerOf(resources: Resources | undefined): Gazetteer | undefined {
  return resources?.has(GAZETTEER_RESOURCE) ? resources.get<Gazetteer>(GAZETTEER_RESOURCE) : undefined;
}

/** The one-thread annotator from the ingest's own stages and resources. */
function inlineAnnotator(options: IngestOptions): ArticleAnnotator {
  if (!options.resources) throw new DossierError('E_RESOURCE_MISSING', 'ingest needs either resources or an annotator');
  return createInlineAnnotator(options.stages, options.resources);
}

/** Links computed against what the store already holds, saved in the article's own transaction. */
async function crossArticleLinks(store: Store, doc: Doc): Promise<ArticleLinks> {
  const entities = doc.layers.entities ?? [];
  const [known, nameTypes] = await Promise.all([store.findPeopleBySurname(surnameKeysToLookUp(entities)), store.entityTypesByName(nameKeysToLookUp(entities))]);
  // The user's entity corrections (merge, split, retype) hold for every article ingested after them.
  const entityLinks = await applyCorrections(store, linkEntities(entities, known, doc.layers.places ?? [], nameTypes));
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
