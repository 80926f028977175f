/**
 * Toponym resolution: picks, for each place name of one article, the gazetteer entry it most likely
 * means, from a population/feature-kind prior plus the article's context (countries and first-level
 * divisions it names, explicit containers such as "Paris, Texas", and distance to the other places
 * it names), iterated so confident places inform ambiguous ones. Pure functions over a Gazetteer.
 */
import { distanceKm, lookupName, lookupTransliterated, type Gazetteer, type GazetteerEntry } from './gazetteer.js';
import { ADMIN_WORDS, placeKey, splitAdminWord } from './normalise.js';
import { countriesByDemonym, countryByCode } from '../data/countries.js';
import { homeCandidates } from './outlet.js';

/** One place name to resolve, as the stage or the evaluation parsed it. */
export interface ToponymQuery {
  /** The surface as written: "Hatay province", "Baghdad International Airport", "W.Va.". */
  readonly surface: string;
  /** An administrative word around the name ("province of Latakia", "Hatay province"): prefer divisions. */
  readonly adminWord?: string;
  /** A container written beside the name: "Turkey" in "Hatay province, Turkey", "Texas" in "Paris, Texas". */
  readonly container?: string;
  /** A name found by the recogniser but not by NER: it informs the others at half weight. */
  readonly isContextOnly?: boolean;
}

/** Why a resolution was chosen or refused, for inspection and tests. */
export type ResolutionBasis = 'container' | 'context' | 'prior' | 'ambiguous' | 'unknown' | 'weak';

/** The outcome for one query. */
export interface ToponymResolution {
  readonly entry?: GazetteerEntry;
  readonly isResolved: boolean;
  readonly score: number;
  /** Best score minus the best score of a candidate more than 161 km away. */
  readonly margin: number;
  readonly basis: ResolutionBasis;
  /** True when the surface named a facility ("… International Airport") resolved through its town. */
  readonly isFacility: boolean;
}

/** Tuning constants; exported so the evaluation can report them. */
export const RESOLVE_SETTINGS = {
  /** Below this score a best candidate is too weak to accept (a village with no population and no context). */
  minScore: 4,
  /** Below this margin over a distant rival, and with no context support, the name stays unresolved. */
  minMargin: 0.75,
  rounds: 3,
} as const;

/** Facility heads: "Baghdad International Airport" names a point at or near Baghdad. */
const FACILITY_RE =
  /\s+(?:international\s+)?(?:airport|air\s*base|airbase|airfield|air\s+field|port|harbou?r|bridge|dam|square|crossing|border\s+crossing|checkpoint|refinery|(?:nuclear\s+)?power\s+(?:plant|station)|prison|stadium|train\s+station|station)$/i;

/** The prior of an entry: what it is and how many people live there, before any context. */
export function priorScore(e: GazetteerEntry): number {
  const logPop = Math.log10(e.population + 1);
  switch (e.kind) {
    case 'country':
      return e.featureCode === 'PCLI' ? 10.5 : 9;
    case 'admin1':
      // Steeper than it was (6.5 + 0.4 log): a state of millions keeps its prior (Texas ≈ 9.5), while a parish of a
      // few thousand no longer outranks the city of 285,000 that shares its name ("St. Paul" is not Dominica's).
      return 4 + 0.75 * logPop;
    case 'region':
      return 8 + (e.population > 0 ? 0.2 * logPop : 0);
    case 'point':
      return 8;
    case 'admin2':
      return 2.5 + 0.6 * logPop;
    case 'city': {
      const bonus = e.featureCode === 'PPLC' ? 2 : e.featureCode === 'PPLA' ? 1 : e.featureCode === 'PPLA2' ? 0.4 : 0;
      return 1 + 1.15 * logPop + bonus;
    }
  }
}

interface Candidate {
  readonly entry: GazetteerEntry;
  readonly prior: number;
}

interface ParsedQuery {
  readonly candidates: readonly Candidate[];
  readonly containerEntries: readonly GazetteerEntry[];
  readonly isFacility: boolean;
  readonly wantsAdmin: boolean;
  /** The candidates came from another transliteration of the name, not the name itself. */
  readonly isTransliterated: boolean;
}

/** Candidates of a surface: the full name, then without its admin word or facility head. */
function parseQuery(gazetteer: Gazetteer, query: ToponymQuery): ParsedQuery {
  let surface = query.surface.trim();
  let entries = lookupName(gazetteer, surface);
  // "DeSoto Parish" / "De Soto Parish", "LaSalle" / "La Salle": the gazetteer spells some names the other way.
  const respaced = respace(surface);
  if (entries.length === 0 && respaced) {
    const other = lookupName(gazetteer, respaced);
    if (other.length > 0) {
      entries = other;
      surface = respaced;
    }
  }
  let isFacility = false;
  let wantsAdmin = query.adminWord !== undefined;
  const split = splitAdminWord(placeKey(surface));
  if (split) wantsAdmin = true;
  if (entries.length === 0 && split) entries = gazetteer.lookup(split.core);
  if (entries.length === 0 && FACILITY_RE.test(surface)) {
    const core = surface.replace(FACILITY_RE, '');
    entries = lookupName(gazetteer, core);
    isFacility = entries.length > 0;
  }
  // "Abu Ghraib" for Abū Ghurayb, "Fallujah" for Al Fallūjah: another transliteration of the same name.
  // Never for a nationality word: "Syrian" is no spelling of Soran.
  let isTransliterated = false;
  if (entries.length === 0 && /^\p{Lu}/u.test(surface) && countriesByDemonym(surface).length === 0) {
    entries = lookupTransliterated(gazetteer, surface);
    isTransliterated = entries.length > 0;
  }
  // "Raqqa" names the governorate exactly and its city only in another spelling (Ar Raqqah): the town of that name in
  // the division is a candidate too, and a bare name shared by a division and a city in it is the city (adminBias).
  if (!wantsAdmin && entries.length > 0 && entries.every((e) => e.kind === 'admin1' || e.kind === 'admin2') && countriesByDemonym(surface).length === 0) {
    const towns = lookupTransliterated(gazetteer, surface).filter((t) => t.kind === 'city' && entries.some((d) => d.countryCode === t.countryCode && d.admin1Code === t.admin1Code));
    entries = [...entries, ...towns];
  }
  // "Laurel County" / "Rapides Parish" when only the core was written with the word outside the mention.
  if (query.adminWord && !split) {
    const withWord = gazetteer.lookup(`${placeKey(surface)} ${query.adminWord.toLowerCase()}`);
    if (withWord.length > 0) entries = [...withWord, ...entries.filter((e) => !withWord.includes(e))];
  }
  // "SEM", "OMA", "WA" written in capitals are acronyms before they are villages: such a surface names a country, a
  // division, a region or a large city ("US", "UK", "NYC"), nothing smaller.
  if (ACRONYM_RE.test(query.surface.trim())) entries = entries.filter((e) => e.kind !== 'city' && e.kind !== 'admin2' ? true : e.population >= ACRONYM_MIN_POPULATION);
  const containerEntries = query.container ? containerCandidates(gazetteer, query.container) : [];
  const adminBias = (e: GazetteerEntry): number => {
    const isDivision = e.kind === 'admin1' || e.kind === 'admin2';
    if (wantsAdmin) return isDivision ? 3 : e.kind === 'city' ? -1.5 : 0;
    // A bare "Aleppo" is the city, not the governorate named after it; a bare "Mexico" the country, not its state.
    if (isDivision && entries.some((o) => o.kind === 'city' && o.countryCode === e.countryCode && o.admin1Code === e.admin1Code && o.population > 0)) return -3;
    if (isDivision && entries.some((o) => o.kind === 'country' && o.countryCode === e.countryCode)) return -3;
    return 0;
  };
  const candidates = entries.map((entry) => ({ entry, prior: priorScore(entry) + adminBias(entry) }));
  return { candidates, containerEntries, isFacility, wantsAdmin, isTransliterated };
}

/** A surface of two to four capitals with no dot: an acronym as often as a place. */
const ACRONYM_RE = /^[A-Z]{2,4}$/;
/** Smallest city an acronym-like surface may name ("NYC", "LA", "DC"). */
const ACRONYM_MIN_POPULATION = 500_000;

/** Name particles written joined or apart: "DeSoto" / "De Soto", "LaSalle" / "La Salle", "McDowell" stays. */
const JOINED_PARTICLE = /\b(De|Da|Du|La|Le|Van|Von)(\p{Lu}\p{Ll})/u;
const SPACED_PARTICLE = /\b(De|Da|Du|La|Le|Van|Von) (\p{Lu}\p{Ll})/u;

/** The surface with its name particle written the other way, or undefined when it has none. */
function respace(surface: string): string | undefined {
  if (JOINED_PARTICLE.test(surface)) return surface.replace(JOINED_PARTICLE, '$1 $2');
  if (SPACED_PARTICLE.test(surface)) return surface.replace(SPACED_PARTICLE, '$1$2');
  return undefined;
}

/** What a container string can be: a country, a first-level division (also US postal codes: "TX"), or a region. */
function containerCandidates(gazetteer: Gazetteer, container: string): readonly GazetteerEntry[] {
  const trimmed = container.trim();
  const out: GazetteerEntry[] = [];
  if (/^[A-Z]{2}$/.test(trimmed)) {
    const state = gazetteer.admin1('US', trimmed);
    if (state) out.push(state);
  }
  for (const e of lookupName(gazetteer, trimmed)) if (e.kind === 'country' || e.kind === 'admin1' || e.kind === 'region') out.push(e);
  return out;
}

/** True when `inner` lies inside `outer` as far as codes tell. */
function isInside(inner: GazetteerEntry, outer: GazetteerEntry): boolean {
  if (outer.kind === 'country') return inner.countryCode === outer.countryCode && inner.id !== outer.id;
  if (outer.kind === 'admin1' && outer.admin1Code) return inner.countryCode === outer.countryCode && inner.admin1Code === outer.admin1Code && inner.id !== outer.id;
  if (outer.kind === 'region' || outer.kind === 'admin1') return distanceKm(inner.lat, inner.lon, outer.lat, outer.lon) < 300;
  return false;
}

/** Evidence an article gives about where it is: weights per country and per admin1, and anchor points. */
interface DocContext {
  readonly countries: Map<string, number>;
  /** Sum of the country weights, for a country's share of the evidence. */
  readonly countryTotal: number;
  /** Country weights summed by UN region ("Europe", "Americas"). */
  readonly regions: Map<string, number>;
  /** Countries bordering a context country: "Gaza" beside "Israel" leans to Palestine. */
  readonly neighbours: Set<string>;
  readonly admin1s: Map<string, number>;
  /** First-level divisions the article names ("Texas", "Pa.") or names a county of, as `CC.code`: not only implied by its towns. */
  readonly namedAdmin1s: Set<string>;
  readonly anchors: { readonly lat: number; readonly lon: number; readonly index: number; readonly weight: number }[];
}

/**
 * Score of one candidate in context: `score` from the countries of the article, `local` from the places resolved near
 * it (its division named, other places within 400 km), which the caller weighs against the pairwise coherence.
 */
function contextScore(entry: GazetteerEntry, ctx: DocContext, index: number): { score: number; local: number; isSupported: boolean } {
  let score = 0;
  let isSupported = false;
  const cw = ctx.countries.get(entry.countryCode) ?? 0;
  if (cw > 0 && entry.kind !== 'country') {
    // Weighed by the country's share of the article's country evidence: three "U.S." in a history of coffee
    // that names a dozen European places do not put Venice in California; a local paper's own state still does.
    score += Math.min(3, 1.5 + cw) * Math.sqrt(cw / ctx.countryTotal);
    isSupported = true;
  } else if (entry.kind !== 'country') {
    // A country the article does not name still gains from its neighbours ("Gaza" beside "Israel") and from
    // its continent's share of the evidence: Venice in a story of Austria, France, England and Holland is Italy's.
    const region = countryByCode(entry.countryCode)?.region;
    const regionShare = region ? (ctx.regions.get(region) ?? 0) / Math.max(1, ctx.countryTotal) : 0;
    score += Math.max(ctx.neighbours.has(entry.countryCode) ? 0.75 : 0, 1.5 * regionShare);
  }
  if (entry.kind === 'country' && cw > 0) {
    // A country's own name gains from the rest of its evidence ("Egyptians" beside "Egypt"), as its towns do: else
    // any small namesake town with local support would outscore it.
    score += Math.min(3, 1.5 + cw) * Math.sqrt(cw / ctx.countryTotal);
  }
  let local = 0;
  const aw = entry.admin1Code ? (ctx.admin1s.get(`${entry.countryCode}.${entry.admin1Code}`) ?? 0) : 0;
  if (aw > 0 && entry.kind !== 'admin1') {
    local += Math.min(3, 2 + aw);
    isSupported = true;
  }
  if (entry.kind === 'city' || entry.kind === 'admin2' || entry.kind === 'point') {
    let best = 0;
    for (const a of ctx.anchors) {
      if (a.index === index) continue;
      const d = distanceKm(entry.lat, entry.lon, a.lat, a.lon);
      const bonus = d < 50 ? 2.5 : d < 150 ? 1.75 : d < 400 ? 0.75 : 0;
      best = Math.max(best, bonus * a.weight);
    }
    if (best > 0) {
      local += best;
      isSupported = true;
    }
  }
  return { score, local, isSupported };
}

/** Country evidence from words that are not toponyms: demonyms ("Iranian"), as alpha-2 codes with counts. */
export type CountryHints = ReadonlyMap<string, number>;

/** What the article's address tells: its outlet's country (country-code domain) and home town names (masthead). */
export interface OutletEvidence {
  readonly countryCode?: string;
  /** Gazetteer keys of the towns the host names ("paris" for parisbeacon.com), see outletHomeNames(). */
  readonly homeNames?: readonly string[];
  /**
   * The first-level division the outlet writes about, learned from its other articles (see outletRegion()): it weighs
   * as a division the article names once, so "Gainesville" in a Florida student paper is the Florida town.
   */
  readonly region?: GazetteerEntry;
}

/** Support a home candidate needs from the article's places: one place within 150 km, or its state named. */
const HOME_MIN_SUPPORT = 1.75;

/**
 * Resolves every toponym of one article together.
 * @example resolveToponyms(gazetteer, [{ surface: 'Tripoli' }, { surface: 'Benghazi' }]) // Tripoli, Libya
 */
export function resolveToponyms(gazetteer: Gazetteer, queries: readonly ToponymQuery[], hints: CountryHints = new Map(), outlet: OutletEvidence = {}): ToponymResolution[] {
  const parsed = queries.map((q) => parseQuery(gazetteer, q));
  // A name never supports itself: "Tripoli" read as Libya's must not make Libya context for "Tripoli".
  const keys = queries.map((q) => placeKey(q.surface));
  const weights = queries.map((q) => (q.isContextOnly ? 0.5 : 1));
  const byKey = candidatesByKey(parsed, keys, weights);
  // The outlet's region counts as a division the article names, for its home town too: "Jordan" alone in the
  // jordannews paper whose stories are in Minnesota is Jordan, Minnesota (the masthead's town in the outlet's state).
  if (outlet.region) byKey.set('\u0000region', { candidates: [{ entry: outlet.region, prior: 0 }], weight: 1 });
  const homes = resolveHomes(gazetteer, outlet, byKey);
  // The outlet's resolved home town counts as one more place of the article, under a key no query has.
  for (const [name, entry] of homes) byKey.set(`\u0000home:${name}`, { candidates: [{ entry, prior: 0 }], weight: 1 });
  const anchorsOfOutlet = outlet.region ? [...homes.values(), outlet.region] : [...homes.values()];
  const coherence = pairCoherence(parsed, keys, byKey);
  let results: ToponymResolution[] = parsed.map(() => ({ isResolved: false, score: 0, margin: 0, basis: 'unknown', isFacility: false }));
  for (let round = 0; round < RESOLVE_SETTINGS.rounds; round++) {
    const previous = results;
    const contexts = new Map<string, DocContext>();
    results = parsed.map((p, i) => {
      const key = keys[i] ?? '';
      let ctx = contexts.get(key);
      if (!ctx) {
        ctx = buildContext(previous.map((r, j) => (keys[j] === key ? undefined : r)), weights, hints, round, anchorsOfOutlet);
        contexts.set(key, ctx);
      }
      return decide(p, ctx, i, coherence[i]!, homes.get(key));
    });
  }
  return results;
}

function buildContext(
  results: readonly (ToponymResolution | undefined)[],
  weights: readonly number[],
  hints: CountryHints,
  round: number,
  homes: readonly GazetteerEntry[],
): DocContext {
  const countries = new Map<string, number>();
  const admin1s = new Map<string, number>();
  const namedAdmin1s = new Set<string>();
  const anchors: DocContext['anchors'] = [];
  const neighbours = new Set<string>();
  for (const [cc, n] of hints) countries.set(cc, (countries.get(cc) ?? 0) + 0.5 * n);
  // The outlet's home town weighs as a town the article names (index -1: it is no query's own result), its region as
  // a division it names (but not "named": a country's name is not read as a namesake town on the outlet's word alone).
  for (const h of homes) {
    countries.set(h.countryCode, (countries.get(h.countryCode) ?? 0) + 1);
    if (h.admin1Code) admin1s.set(`${h.countryCode}.${h.admin1Code}`, (admin1s.get(`${h.countryCode}.${h.admin1Code}`) ?? 0) + (h.kind === 'admin1' ? 1 : 0.5));
    if (h.kind !== 'admin1') anchors.push({ lat: h.lat, lon: h.lon, index: -1, weight: 1 });
  }
  const withNeighbours = (): DocContext => {
    for (const cc of countries.keys()) for (const n of countryByCode(cc)?.borders ?? []) neighbours.add(n);
    const countryTotal = [...countries.values()].reduce((a, b) => a + b, 0);
    const regions = new Map<string, number>();
    for (const [cc, w] of countries) {
      const region = countryByCode(cc)?.region;
      if (region) regions.set(region, (regions.get(region) ?? 0) + w);
    }
    return { countries, countryTotal, regions, neighbours, admin1s, namedAdmin1s, anchors };
  };
  if (round === 0) return withNeighbours();
  results.forEach((r, index) => {
    const e = r?.entry;
    if (!r || !e || !r.isResolved) return;
    // Confident results count fully; a result that only won on its prior counts half.
    const weight = (r.basis === 'prior' && r.margin < 2 ? 0.5 : 1) * (weights[index] ?? 1);
    if (e.countryCode) countries.set(e.countryCode, (countries.get(e.countryCode) ?? 0) + weight);
    if (e.kind === 'admin1' && e.admin1Code) {
      admin1s.set(`${e.countryCode}.${e.admin1Code}`, (admin1s.get(`${e.countryCode}.${e.admin1Code}`) ?? 0) + weight);
      namedAdmin1s.add(`${e.countryCode}.${e.admin1Code}`);
    }
    if (e.kind === 'admin2' && e.admin1Code) namedAdmin1s.add(`${e.countryCode}.${e.admin1Code}`);
    if (e.kind === 'admin2' || e.kind === 'city') {
      if (e.admin1Code) admin1s.set(`${e.countryCode}.${e.admin1Code}`, (admin1s.get(`${e.countryCode}.${e.admin1Code}`) ?? 0) + 0.5 * weight);
      anchors.push({ lat: e.lat, lon: e.lon, index, weight });
    }
  });
  return withNeighbours();
}

/** How well two candidates of different names sit together: near each other, or one inside the other's division. */
function pairBonus(a: GazetteerEntry, b: GazetteerEntry): number {
  // One place written two ways in the article: "Sulpher, La." in a story about "a Louisiana man".
  if (a.id === b.id) return 2.5;
  if (a.kind === 'country' || b.kind === 'country' || a.kind === 'region' || b.kind === 'region') return 0;
  if (!a.countryCode || a.countryCode !== b.countryCode) {
    return 0;
  }
  const sameAdmin1 = a.admin1Code !== '' && a.admin1Code === b.admin1Code;
  if (a.kind === 'admin1' || b.kind === 'admin1') return sameAdmin1 && a.kind !== b.kind ? 2.5 : 0;
  const d = distanceKm(a.lat, a.lon, b.lat, b.lon);
  const near = d < 50 ? 2.5 : d < 150 ? 1.75 : d < 400 ? 0.75 : 0;
  return Math.max(near, sameAdmin1 ? 1 : 0);
}

/** Most candidates of one name weighed against another's. */
const COHERENCE_CANDIDATES = 12;

/** The article's names by key, each with its best candidates by prior and its weight. */
type NamesByKey = Map<string, { candidates: readonly Candidate[]; weight: number }>;

function candidatesByKey(parsed: readonly ParsedQuery[], keys: readonly string[], weights: readonly number[]): NamesByKey {
  const byKey: NamesByKey = new Map();
  parsed.forEach((p, i) => {
    const key = keys[i] ?? '';
    const weight = weights[i] ?? 1;
    const seen = byKey.get(key);
    if (!seen || seen.weight < weight) byKey.set(key, { candidates: [...p.candidates].sort((a, b) => b.prior - a.prior).slice(0, COHERENCE_CANDIDATES), weight });
  });
  return byKey;
}

/**
 * What one entry gains from the article's names other than `key`: for each, its best pairing less `costWeight` times
 * what that reading gives up against its name's best prior.
 */
function supportFrom(entry: GazetteerEntry, key: string, byKey: NamesByKey, costWeight = 1): number {
  let total = 0;
  for (const [otherKey, other] of byKey) {
    if (otherKey === key || other.candidates.length === 0) continue;
    const bestPrior = other.candidates[0]!.prior;
    let best = 0;
    for (const o of other.candidates) best = Math.max(best, pairBonus(entry, o.entry) - costWeight * (bestPrior - o.prior));
    total += best * other.weight;
  }
  return total;
}

/**
 * Support each candidate gets from the article's other names, whatever they resolve to: for every other name, the
 * best pairing with one of its candidates, less what that candidate gives up against its name's best prior. "Athens"
 * beside "Augusta" and "Clarke County" is the Georgia town: its Augusta costs 0.2 of prior and sits 150 km away, while
 * Athens, Greece has no Augusta near it. One value per query and candidate (same order as ParsedQuery.candidates).
 */
function pairCoherence(parsed: readonly ParsedQuery[], keys: readonly string[], byKey: NamesByKey): number[][] {
  const memo = new Map<string, number[]>();
  return parsed.map((p, i) => {
    const key = keys[i] ?? '';
    const hit = memo.get(key);
    if (hit && hit.length === p.candidates.length) return hit;
    const out = p.candidates.map((c) => Math.min(COHERENCE_MAX, supportFrom(c.entry, key, byKey)));
    memo.set(key, out);
    return out;
  });
}

/**
 * The outlet's home towns, by name: of the towns called so (in the outlet's country when its domain tells), the one the
 * article's other places sit near, clearly ahead of any namesake more than 161 km away. Population does not choose
 * between namesakes here: Paris, Illinois has a paper as surely as Paris, France; nor does it between the readings of
 * the other names (the question is which Paris has them as neighbours, not what they mean), so any reading counts.
 * With a known country and no support, a namesake far larger than the others (Cambridge in a ".co.uk" paper) is taken.
 */
function resolveHomes(gazetteer: Gazetteer, outlet: OutletEvidence, byKey: NamesByKey): Map<string, GazetteerEntry> {
  const homes = new Map<string, GazetteerEntry>();
  for (const name of outlet.homeNames ?? []) {
    const scored = homeCandidates(gazetteer, name, outlet.countryCode)
      .map((entry) => ({ entry, support: supportFrom(entry, name, byKey, 0), prior: priorScore(entry) }))
      .sort((a, b) => b.support - a.support || b.prior - a.prior);
    const best = scored[0];
    if (!best) continue;
    const far = scored.filter((s) => distanceKm(s.entry.lat, s.entry.lon, best.entry.lat, best.entry.lon) > 161);
    const rivalSupport = far[0]?.support ?? 0;
    if (best.support >= HOME_MIN_SUPPORT && best.support - rivalSupport >= RESOLVE_SETTINGS.minMargin) {
      homes.set(name, best.entry);
      continue;
    }
    if (!outlet.countryCode) continue;
    const byPrior = [...scored].sort((a, b) => b.prior - a.prior);
    const top = byPrior[0]!;
    const rival = byPrior.find((s) => distanceKm(s.entry.lat, s.entry.lon, top.entry.lat, top.entry.lon) > 161);
    if (!rival || top.prior - rival.prior >= RESOLVE_SETTINGS.minMargin) homes.set(name, top.entry);
  }
  return homes;
}

/** A town this many times smaller than its name's largest city takes no local support. */
const DWARF_RATIO = 1000;

/** Cap of the coherence support of one candidate. */
const COHERENCE_MAX = 4;

function decide(p: ParsedQuery, ctx: DocContext, index: number, coherence: readonly number[], home: GazetteerEntry | undefined): ToponymResolution {
  if (p.candidates.length === 0) return { isResolved: false, score: 0, margin: 0, basis: 'unknown', isFacility: false };
  let pool = p.candidates;
  let byContainer = false;
  if (p.containerEntries.length > 0) {
    const inside = pool.filter((c) => p.containerEntries.some((outer) => isInside(c.entry, outer)));
    if (inside.length > 0) {
      pool = inside;
      byContainer = true;
    }
  }
  // The outlet's own town, written bare in its own paper: "Paris" in the Paris, Illinois paper is that Paris.
  const own = !byContainer && home ? pool.find((c) => c.entry.id === home.id) : undefined;
  if (own) return { entry: own.entry, isResolved: true, score: own.prior, margin: 0, basis: 'context', isFacility: p.isFacility };
  if (!byContainer && pool.some((c) => c.entry.kind === 'country')) {
    // A country's name is the country unless the article names the division of a namesake town, or a county in it:
    // "Egypt" in a story of Pittsburgh suburbs is still Egypt; "Palestine" beside "Anderson County" may be the Texas town.
    // And only when the article does not point to other countries: "Mexico" in a list of Canada, Vietnam and New York
    // is Mexico. One other country is not enough: a surname the recogniser took for a town ("Lee") lends one.
    const isTownCountry = (cc: string): boolean => [...ctx.countries].filter(([other, w]) => other !== cc && w > 0).length < 2;
    pool = pool.filter(
      (c) => c.entry.kind === 'country' || c.entry.kind === 'admin1' || (ctx.namedAdmin1s.has(`${c.entry.countryCode}.${c.entry.admin1Code}`) && isTownCountry(c.entry.countryCode)),
    );
  }
  // A town a thousand times smaller than a namesake city takes no local support: "London" in a list of US cities and
  // California is still London, unless written "London, California".
  const largest = byContainer ? 0 : Math.max(0, ...pool.filter((c) => c.entry.kind === 'city').map((c) => c.entry.population));
  const scored = pool
    .map((c) => {
      const dwarfed = c.entry.kind === 'city' && c.entry.population > 0 && c.entry.population * DWARF_RATIO < largest;
      const { score, local: rawLocal, isSupported: rawSupported } = contextScore(c.entry, ctx, index);
      const local = dwarfed ? 0 : rawLocal;
      const isSupported = rawSupported && !dwarfed;
      const pair = dwarfed ? 0 : (coherence[p.candidates.indexOf(c)] ?? 0);
      // Resolved neighbours and pairwise coherence read the same evidence (the places near it): count it once.
      return { entry: c.entry, score: c.prior + score + Math.max(local, pair), isSupported: isSupported || pair >= 1 };
    })
    .sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id));
  const best = scored[0];
  if (!best) return { isResolved: false, score: 0, margin: 0, basis: 'unknown', isFacility: p.isFacility };
  const rival = scored.find((s) => s !== best && distanceKm(s.entry.lat, s.entry.lon, best.entry.lat, best.entry.lon) > 161);
  const margin = rival ? best.score - rival.score : best.score;
  const base = { entry: best.entry, score: best.score, margin, isFacility: p.isFacility };
  if (byContainer) return { ...base, isResolved: true, basis: 'container' };
  if (best.score < RESOLVE_SETTINGS.minScore) return { ...base, isResolved: false, basis: 'weak' };
  // A loose spelling is weaker evidence than the name itself: taken only when the article points to the country
  // (named, a demonym, its places or the outlet's) or a neighbour. "Abu Ghraib" beside Baghdad is Abū Ghurayb; a
  // name no gazetteer spelling matches in a Kansas story is not carried to Iraq by its consonants.
  if (p.isTransliterated && !((ctx.countries.get(best.entry.countryCode) ?? 0) > 0 || ctx.neighbours.has(best.entry.countryCode))) {
    return { ...base, isResolved: false, basis: 'weak' };
  }
  if (margin < RESOLVE_SETTINGS.minMargin && !best.isSupported) return { ...base, isResolved: false, basis: 'ambiguous' };
  return { ...base, isResolved: true, basis: best.isSupported ? 'context' : 'prior' };
}

/** The admin words a query may carry, re-exported for phrase parsing. */
export { ADMIN_WORDS };
