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
import { outletRegion, type Gazetteer } from '../geo/index.js';
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
 * Learns the region of each outlet in `hosts` from its stored articles and rewrites the articles whose places the
 * region changes (or whose region is gone). Articles never annotated by the place stage (no places layer) are left.
 * @example await resolveOutletRegions(store, gazetteer, new Set(['www.alligator.org']))
 */
export async function resolveOutletRegions(store: Store, gazetteer: Gazetteer, hosts: ReadonlySet<string>): Promise<OutletRegionsOutcome> {
  let withRegion = 0;
  let rewritten = 0;
  for (const host of [...hosts].sort()) {
    const ids = await store.articleIdsFromHost(host);
    const articles = (await store.getArticles(ids, { layers: ['mentions', 'entities', 'places'] })).filter((a) => outletHost(a.url ?? undefined) === host && a.layers['places'] !== undefined);
    if (!articles.length) continue;
    const docs = articles.map(placeDoc);
    const alone = docs.map((doc) => resolvePlaces(doc, gazetteer));
    const region = outletRegion(gazetteer, alone);
    if (region) withRegion++;
    for (const [i, article] of articles.entries()) {
      const places = region ? resolvePlaces(docs[i]!, gazetteer, new Map([[host, region]])) : alone[i]!;
      if (isSamePlaces(places, article.layers['places'] as PlaceRef[])) continue;
      const links = await linkWithCorrections(store, (article.layers['entities'] ?? []) as DocEntity[], places);
      await store.relinkArticleEntities(article.id, links, places);
      rewritten++;
    }
  }
  return { outlets: hosts.size, withRegion, rewritten };
}
