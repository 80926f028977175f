/**
 * Outlet regions in the store, whatever order articles came in. A local paper's stories name its state's towns, so
 * the division where an outlet's articles put places (outletRegion()) tells which Gainesville a bare "Gainesville"
 * is. The region is learned from every stored article of the outlet (its host), each read alone — places resolved
 * without any region, so the region never feeds itself — and every article of the outlet is then resolved with it.
 * At the end of an ingest the outlets it touched are read again and the articles whose places change are rewritten
 * (places layer, place rows, entity links), the way mergeSurnamesBack relinks surnames: the final places are a
 * function of the set of stored articles, not of the order they arrived in.
 */
import type { Doc, DocEntity, Mention, PlaceRef } from '../model/index.js';
import { outletRegion, type Gazetteer, type GazetteerEntry } from '../geo/index.js';
import { outletHost, resolvePlaces } from '../stages/place/index.js';
import type { StoredArticle, Store } from '../store/store.js';
import { linkWithCorrections } from './entity-corrections.js';

/** What a pass over the outlets did. */
export interface OutletRegionsOutcome {
  /** Outlets (hosts) read. */
  readonly outlets: number;
  /** Outlets that have a region now. */
  readonly withRegion: number;
  /** Articles whose places were rewritten. */
  readonly rewritten: number;
}

/** The parts of a stored article the place stage reads: its text, address and mentions. */
function placeDoc(article: StoredArticle): Doc {
  return {
    id: article.id,
    text: article.body,
    meta: { source: article.source, format: article.format as Doc['meta']['format'], language: article.language, ...(article.url ? { url: article.url } : {}) },
    paragraphs: article.paragraphs,
    comments: [],
    captions: [],
    boilerplate: [],
    layers: { mentions: (article.layers['mentions'] ?? []) as Mention[] },
  };
}

/** A place as compared before and after: every field, in a fixed order (PostgreSQL's jsonb reorders keys). */
function placeSignature(p: PlaceRef): string {
  return [p.id, p.start, p.end, p.text, p.mentionId, p.isResolved, p.name, p.lat, p.lon, p.countryCode, p.admin1, p.precision, p.gazetteerId].map((v) => v ?? '').join('\t');
}

/** True when two places layers say the same. */
function isSamePlaces(a: readonly PlaceRef[], b: readonly PlaceRef[]): boolean {
  return a.length === b.length && a.every((p, i) => placeSignature(p) === placeSignature(b[i]!));
}

/**
 * How many of an outlet's articles its region is learned from: the first ones by id, so the sample is a function of
 * the stored set (not of arrival order), and the cost of a pass does not grow with the outlet's size.
 */
export const REGION_SAMPLE = 200;
/** Articles read per store call when rewriting. */
const CHUNK = 200;

/** The articles of one host among `ids` that the place stage annotated, with what the pass reads. */
async function placedArticles(store: Store, host: string, ids: readonly string[]): Promise<StoredArticle[]> {
  const articles = await store.getArticles([...ids], { layers: ['mentions', 'entities', 'places'] });
  return articles.filter((a) => outletHost(a.url ?? undefined) === host && a.layers['places'] !== undefined);
}

/** The region that the articles of `ids` (each resolved alone) point to. */
function regionOfSample(ids: readonly string[], alone: ReadonlyMap<string, PlaceRef[]>, gazetteer: Gazetteer): GazetteerEntry | undefined {
  return outletRegion(gazetteer, ids.flatMap((id) => (alone.has(id) ? [alone.get(id)!] : [])));
}

/**
 * Learns the region of each outlet in `added` (host → ids of the articles this run saved from it) from a fixed
 * sample of its stored articles and rewrites the articles whose places the region changes. When the region is the
 * one the outlet had before this run (learned from the sample without this run's articles), every older article
 * already carries it, so only this run's articles are read again; otherwise all of the outlet's articles are.
 * Articles never annotated by the place stage (no places layer) are left.
 * @example await resolveOutletRegions(store, gazetteer, new Map([['www.alligator.org', new Set([articleId])]]))
 */
export async function resolveOutletRegions(store: Store, gazetteer: Gazetteer, added: ReadonlyMap<string, ReadonlySet<string>>): Promise<OutletRegionsOutcome> {
  let withRegion = 0;
  let rewritten = 0;
  for (const host of [...added.keys()].sort()) {
    const fresh = added.get(host)!;
    const ids = await store.articleIdsFromHost(host);
    const sampleNow = ids.slice(0, REGION_SAMPLE);
    const sampleBefore = ids.filter((id) => !fresh.has(id)).slice(0, REGION_SAMPLE);
    const sampled = await placedArticles(store, host, [...new Set([...sampleNow, ...sampleBefore])]);
    const alone = new Map(sampled.map((a) => [a.id, resolvePlaces(placeDoc(a), gazetteer)]));
    const region = regionOfSample(sampleNow, alone, gazetteer);
    const before = regionOfSample(sampleBefore, alone, gazetteer);
    if (region) withRegion++;
    const toCheck = region?.id === before?.id ? ids.filter((id) => fresh.has(id)) : ids;
    for (let i = 0; i < toCheck.length; i += CHUNK) {
      for (const article of await placedArticles(store, host, toCheck.slice(i, i + CHUNK))) {
        const doc = placeDoc(article);
        const places = region ? resolvePlaces(doc, gazetteer, new Map([[host, region]])) : (alone.get(article.id) ?? resolvePlaces(doc, gazetteer));
        if (isSamePlaces(places, article.layers['places'] as PlaceRef[])) continue;
        const links = await linkWithCorrections(store, (article.layers['entities'] ?? []) as DocEntity[], places);
        await store.relinkArticleEntities(article.id, links, places);
        rewritten++;
      }
    }
  }
  return { outlets: added.size, withRegion, rewritten };
}
