/**
 * A gazetteer-based toponym recogniser: capitalised word runs of a text matched against the
 * gazetteer's names, with context filters against the usual false positives (person names, street
 * and organisation names, sentence-initial common words). Used by the evaluation, and as a
 * fallback when no NER is loaded. Pure.
 */
import type { Span } from '../model/index.js';
import { countriesByDemonym } from '../data/countries.js';
import type { Gazetteer, GazetteerEntry } from './gazetteer.js';
import { ADMIN_WORDS, placeKey } from './normalise.js';

/** A toponym found in text. */
export interface RecognisedToponym extends Span {
  readonly text: string;
  /** 'name' for a gazetteer name, 'demonym' for a nationality word ("Russian") taken as its country. */
  readonly kind: 'name' | 'demonym';
}

/** Options of recogniseToponyms(). */
export interface RecogniseOptions {
  /** Also return demonyms ("Russian", "Israelis") as toponyms, as LGL's annotation does. Default false. */
  readonly includeDemonyms?: boolean;
  /** Smallest population for a populated place with no supporting context. Default 1000. */
  readonly minPopulation?: number;
}

interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly isCapitalised: boolean;
  readonly isSentenceStart: boolean;
}

/** Words that may sit inside a place name between capitalised words: "Isle of Wight", "Dar es Salaam". */
const CONNECTORS = new Set(['of', 'de', 'del', 'la', 'el', 'al', 'es', 'upon', 'on', 'sur', 'am', 'du', 'des', 'and']);

/** Words after a place that make the run a street or building, not the place: "Dublin Road", "Berea Church". */
const STREET_HEADS = new Set([
  'road', 'rd', 'street', 'avenue', 'ave', 'boulevard', 'blvd', 'drive', 'lane', 'ln', 'highway', 'hwy', 'pike', 'way', 'court', 'circle', 'parkway',
  'trail', 'terrace', 'church', 'cemetery', 'elementary', 'middle', 'mall', 'plaza',
]);

/** Words after a place that make it the modifier of an organisation: "Texas Department of Health", "U.S. House". */
const ORG_HEADS = new Set([
  'department', 'dept', 'university', 'college', 'school', 'schools', 'academy', 'institute', 'association', 'bureau', 'service', 'services', 'house', 'senate',
  'commission', 'committee', 'council', 'board', 'agency', 'authority', 'office', 'police', 'sheriff', 'fire', 'army', 'navy', 'guard', 'court', 'attorney',
  'hospital', 'center', 'centre', 'museum', 'library', 'company', 'corp', 'corporation', 'inc', 'bank', 'club', 'society', 'foundation', 'chamber', 'party',
  'state', 'forest', 'fish', 'parks', 'public', 'general', 'supreme', 'district', 'times', 'post', 'news', 'tribune', 'herald', 'journal', 'gazette', 'daily',
  'press', 'government', 'legislature', 'assembly', 'congress', 'embassy', 'consulate', 'ministry', 'federation', 'league', 'union', 'airport', 'symphony',
  'republicans', 'democrats', 'democratic', 'republican', 'national', 'international', 'regional', 'area', 'county', 'city', 'metro', 'health', 'medical',
  'community', 'alcoholic', 'mayor', 'highway', 'patrol', 'rangers', 'tech', 'southern', 'northern', 'eastern', 'western', 'central', 'power', 'energy', 'water',
]);

/** Words before a place that leave it a place: "North Texas", "Northeast Georgia", "downtown Atlanta". */
const DIRECTIONAL = new Set([
  'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'northern', 'southern', 'eastern', 'western', 'central', 'upper', 'lower',
  'greater', 'downtown', 'metro', 'mid', 'middle', 'rural', 'suburban', 'coastal', 'occupied',
]);

/** Titles before a name that make it a person: "Gov. Jackson", "President Lincoln". */
const PERSON_TITLES = /\b(?:Mr|Mrs|Ms|Miss|Dr|Sen|Senator|Rep|Gov|Governor|President|Pres|Judge|Justice|Rev|Father|Sister|Sgt|Lt|Capt|Col|Gen|Officer|Deputy|Detective|Coach|Mayor|Chief|Prof|Professor|Sheriff|Commissioner|Attorney|Pastor|Superintendent|Principal|Trooper|Cpl|Pfc|Spc|Secretary|Minister|Lord|Lady|Sir|Saint)\.?\s+$/;

/** Sentence-initial words that are never toponyms on their own even when a place shares the name. */
const COMMON_WORDS = new Set([
  'a', 'an', 'the', 'in', 'at', 'on', 'of', 'for', 'from', 'to', 'by', 'with', 'and', 'but', 'or', 'as', 'after', 'before', 'during', 'when', 'while', 'if', 'this', 'that', 'these',
  'those', 'there', 'here', 'he', 'she', 'it', 'they', 'we', 'you', 'i', 'his', 'her', 'their', 'our', 'its', 'my', 'no', 'not', 'all', 'some', 'many', 'most', 'more', 'one', 'two',
  'police', 'officials', 'authorities', 'residents', 'people', 'man', 'woman', 'men', 'women', 'children', 'students', 'officers', 'deputies', 'city', 'county', 'state', 'news',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'today', 'yesterday', 'tomorrow', 'also', 'however', 'meanwhile', 'according', 'although', 'because', 'since', 'so', 'then', 'now', 'what', 'who', 'how',
  'why', 'where', 'once', 'both', 'each', 'every', 'other', 'such', 'only', 'even', 'still', 'just', 'last', 'next', 'first', 'new', 'good', 'best', 'great', 'home', 'post', 'mr',
  'mrs', 'ms', 'dr', 'sen', 'gov', 'rep', 'president', 'chief', 'story', 'photo', 'video', 'click', 'read', 'view', 'comments', 'share', 'email', 'print', 'says', 'said',
  'god', 'jesus', 'christ', 'christmas', 'easter', 'valentine', 'mother', 'father', 'hope', 'faith', 'justice', 'liberty', 'union', 'independence', 'victory', 'progress',
  'energy', 'university', 'college', 'school', 'church', 'bank', 'court', 'congress', 'senate', 'house', 'white', 'black', 'green', 'brown', 'young', 'king', 'price', 'long',
  'north', 'south', 'east', 'west', 'central', 'northern', 'southern', 'eastern', 'western', 'national', 'international', 'federal', 'republican', 'democrat', 'democratic',
  'street', 'road', 'avenue', 'much', 'none', 'over', 'is', 'was', 'are', 'be', 'do', 'did', 'can', 'will', 'would', 'could', 'should', 'must', 'law', 'college', 'superior',
  'metro', 'nov', 'dec', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sept', 'sep', 'oct', 'congress', 'state', 'capitol', 'main', 'park', 'lake', 'river', 'mount',
  'beach', 'island', 'bay', 'valley', 'springs', 'falls', 'harbor', 'port', 'fort', 'camp', 'center', 'village', 'town', 'township', 'district', 'region', 'province',
  'nation', 'country', 'world', 'earth', 'paradise', 'eden', 'bethlehem', 'commerce', 'industry', 'friendship', 'harmony', 'unity', 'concord', 'truth', 'love',
]);

/** Words stripped from the start of a capitalised run: "In Paris", "The Hague" stays (it is a name). */
const LEADING_WORDS = new Set([
  'a', 'an', 'in', 'at', 'on', 'of', 'for', 'from', 'to', 'by', 'with', 'and', 'but', 'or', 'as', 'after', 'before', 'during', 'when', 'while', 'if', 'this', 'that',
  'these', 'those', 'there', 'here', 'he', 'she', 'it', 'they', 'we', 'you', 'i', 'his', 'her', 'their', 'our', 'its', 'my', 'no', 'not', 'all', 'some', 'many', 'most',
  'more', 'also', 'however', 'meanwhile', 'according', 'although', 'because', 'since', 'so', 'then', 'now', 'what', 'who', 'how', 'why', 'where', 'once', 'both', 'each',
  'every', 'other', 'such', 'only', 'even', 'still', 'just', 'last', 'next', 'first', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'today', 'yesterday', 'the',
]);

/** Phrases that gazetteers list as places but news means otherwise. */
const NOT_PLACES = new Set(['white house', 'pentagon', 'capitol hill', 'wall street', 'downing street', 'kremlin', 'vatican']);

/** Abbreviations ("U.S.", "W.Va."), words (keeping "O’Connor", splitting the possessive of "Obama's"), numbers, punctuation. */
const TOKEN_RE = /(?:[A-Z][a-z]?\.){2,}|[\p{L}][\p{L}\p{M}-]*(?:['’](?!s\b)\p{L}+)*|\d+|[^\s\p{L}\d]/gu;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let isSentenceStart = true;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const t = m[0];
    const isWord = /^\p{L}/u.test(t);
    tokens.push({ start: m.index, end: m.index + t.length, text: t, isCapitalised: isWord && /^\p{Lu}/u.test(t), isSentenceStart });
    // A blank line needs a newline in the first two characters after the token: test that before slicing.
    const after = m.index + t.length;
    if (/^[.!?]$/.test(t) || ((text.charCodeAt(after) === 10 || text.charCodeAt(after + 1) === 10) && /\n\s*\n/.test(text.slice(after, after + 3)))) isSentenceStart = true;
    else if (isWord || /^\d/.test(t)) isSentenceStart = false;
  }
  return tokens;
}

/** A run of capitalised tokens (with inner connectors), as token indices [from, to). */
interface Run {
  readonly from: number;
  readonly to: number;
}

function capitalisedRuns(tokens: readonly Token[], text: string): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!tokens[i]!.isCapitalised) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      const next = tokens[j];
      if (!next) break;
      const gap = text.slice(tokens[j - 1]!.end, next.start);
      if (gap !== ' ' && gap !== '') break;
      if (next.isCapitalised) {
        j++;
        continue;
      }
      // "Isle of Wight": a connector counts only between capitalised words.
      if (CONNECTORS.has(next.text.toLowerCase()) && tokens[j + 1]?.isCapitalised && text.slice(next.end, tokens[j + 1]!.start) === ' ') {
        j += 2;
        continue;
      }
      break;
    }
    runs.push({ from: i, to: j });
    i = j;
  }
  return runs;
}

function isPlausible(entries: readonly GazetteerEntry[], minPopulation: number, hasContainer: boolean): boolean {
  return entries.some((e) => e.kind !== 'city' || e.population >= minPopulation || hasContainer);
}

interface Match {
  readonly from: number;
  readonly to: number;
  readonly entries: readonly GazetteerEntry[];
  readonly kind: 'name' | 'demonym';
}

/** Longest gazetteer (or demonym) matches inside a run, left to right. */
function matchRun(tokens: readonly Token[], text: string, gazetteer: Gazetteer, from: number, to: number, includeDemonyms: boolean): Match[] {
  const found: Match[] = [];
  const maxN = Math.min(gazetteer.maxNameTokens, 6);
  let i = from;
  while (i < to) {
    let matched = false;
    if (tokens[i]!.isCapitalised) {
      for (let n = Math.min(maxN, to - i); n >= 1; n--) {
        if (!tokens[i + n - 1]!.isCapitalised) continue;
        const surface = text.slice(tokens[i]!.start, tokens[i + n - 1]!.end);
        const key = placeKey(surface);
        if (NOT_PLACES.has(key)) {
          i += n;
          matched = true;
          break;
        }
        const dotted = text[tokens[i + n - 1]!.end] === '.' && gazetteer.has(`${key}.`);
        const entries = dotted ? gazetteer.lookup(`${key}.`) : lookupKey(gazetteer, surface, key);
        if (entries.length > 0 && !(n === 1 && COMMON_WORDS.has(key))) {
          found.push({ from: i, to: i + n, entries, kind: 'name' });
          i += n;
          matched = true;
          break;
        }
        if (includeDemonyms && countriesByDemonym(surface).length > 0 && !COMMON_WORDS.has(key)) {
          found.push({ from: i, to: i + n, entries: [], kind: 'demonym' });
          i += n;
          matched = true;
          break;
        }
      }
    }
    if (!matched) i++;
  }
  return found;
}

/** lookupName(gazetteer, surface) when placeKey(surface) is already known as `key`. */
function lookupKey(gazetteer: Gazetteer, surface: string, key: string): readonly GazetteerEntry[] {
  if (!key) return [];
  if (surface.includes('.')) {
    const dotted = gazetteer.lookup(`${key}.`);
    if (dotted.length > 0) return dotted;
  }
  return gazetteer.lookup(key);
}

/**
 * Toponyms in a text by gazetteer lookup of capitalised word runs.
 * @example recogniseToponyms('Fighting near Aleppo and in Idlib province.', gazetteer) // Aleppo, Idlib province
 */
export function recogniseToponyms(text: string, gazetteer: Gazetteer, options: RecogniseOptions = {}): RecognisedToponym[] {
  const minPopulation = options.minPopulation ?? 1000;
  const includeDemonyms = options.includeDemonyms ?? false;
  const tokens = tokenize(text);
  const runs = capitalisedRuns(tokens, text);
  // The article's lower-case words, read only when a one-word sentence-initial match asks (most articles never do).
  let lowerWordSet: Set<string> | undefined;
  const lowerWords = { has: (word: string): boolean => (lowerWordSet ??= new Set(text.match(/\b[a-z]+\b/g) ?? [])).has(word) };
  const out: RecognisedToponym[] = [];

  // Pass 1: surnames. The last word of a multi-word name that is not a place ("Raquel Henry", "Bob Jones")
  // is a person wherever it appears alone later.
  const personWords = new Set<string>();
  const analysed = runs.map((run) => {
    let from = run.from;
    while (from < run.to - 1 && (LEADING_WORDS.has(tokens[from]!.text.toLowerCase()) || DIRECTIONAL.has(tokens[from]!.text.toLowerCase()))) from++;
    if (from === run.to - 1 && LEADING_WORDS.has(tokens[from]!.text.toLowerCase())) from++;
    const found = from < run.to ? matchRun(tokens, text, gazetteer, from, run.to, includeDemonyms) : [];
    return { run, from, found };
  });
  for (const { run, from, found } of analysed) {
    if (run.to - from < 2) continue;
    const last = tokens[run.to - 1]!;
    const lastLower = last.text.toLowerCase();
    const first = tokens[from]!.text.toLowerCase();
    const isPlaceStart = found.some((f) => f.from === from);
    const isName = (t: Token): boolean => /^\p{Lu}[\p{Ll}’']+\p{L}*$/u.test(t.text);
    if (!isPlaceStart && !ORG_HEADS.has(lastLower) && !STREET_HEADS.has(lastLower) && !ADMIN_WORDS.has(lastLower) && isName(last)) {
      personWords.add(lastLower);
      // "George Smith": the given name of a two- or three-word person name is a person word too.
      if (run.to - from <= 3 && !ORG_HEADS.has(first) && isName(tokens[from]!)) personWords.add(first);
    }
  }

  // Pass 2: accept matches by their place in the run.
  for (const { run, from, found } of analysed) {
    for (const f of found) {
      const first = tokens[f.from]!;
      let end = tokens[f.to - 1]!.end;
      if (text[end] === '.' && gazetteer.has(`${placeKey(text.slice(first.start, end))}.`)) end += 1;
      const surface = text.slice(first.start, end);
      const key = surface.toLowerCase();
      if (f.kind === 'demonym') {
        // "Russian" alone is a nationality; "American Legion" names an organisation.
        const next = tokens[f.to];
        if (f.to < run.to && next && !ORG_HEADS.has(next.text.toLowerCase())) continue;
        out.push({ start: first.start, end, text: surface, kind: 'demonym' });
        continue;
      }
      // Before the match: nothing, directions ("North Texas"), or "of" ("University of Georgia"); otherwise a person.
      const prev = tokens[f.from - 1];
      const isAfterConnector = f.from > run.from && prev !== undefined && CONNECTORS.has(prev.text.toLowerCase());
      if (f.from > from && !isAfterConnector) continue;
      // After the match: a street or a person's surname makes it no place; an organisation keeps it.
      if (f.to < run.to) {
        const next = tokens[f.to]!.text.toLowerCase();
        if (STREET_HEADS.has(next)) continue;
        const rest = [];
        for (let k = f.to; k < run.to; k++) rest.push(tokens[k]!.text.toLowerCase());
        const isOrg = rest.some((w) => ORG_HEADS.has(w) || ADMIN_WORDS.has(w));
        // One capitalised word after a place is a person's surname or a team ("Jordan Smith", "Texas Rangers").
        if (!isOrg && rest.length === 1 && !found.some((g) => g.from === f.to)) continue;
        // "Hatay Province", "Henry County" not in the gazetteer as one name: take the unit word too.
        if (ADMIN_WORDS.has(next) && rest.length === 1) end = tokens[f.to]!.end;
      }
      if (PERSON_TITLES.test(text.slice(Math.max(0, first.start - 20), first.start))) continue;
      if (f.to - f.from === 1 && personWords.has(key)) continue;
      // Sentence-initial "Much", "Over": a word the article also writes in lower case is a word.
      if (f.to - f.from === 1 && first.isSentenceStart && lowerWords.has(key)) continue;
      const hasContainer = /^,\s*[A-Z]/.test(text.slice(end, end + 4));
      if (!isPlausible(f.entries, minPopulation, hasContainer)) continue;
      out.push({ start: first.start, end, text: text.slice(first.start, end), kind: 'name' });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
