/**
 * The outlet's home town from its address: local papers name themselves after their town ("parisbeacon.com",
 * "springfieldnewssun.com", "chronicle.augusta.com", "cambridge-news.co.uk"). The name alone does not say which
 * Paris; resolveToponyms() picks the one the article's own places sit near. Pure functions over a Gazetteer.
 */
import type { Gazetteer, GazetteerEntry } from './gazetteer.js';
import { placeKey as placeKeyOf } from './normalise.js';

/**
 * Words of newspaper mastheads and site names. A host label read entirely as these words names no town
 * ("themercury", "echopress", "mercurynews": Mercury and Echo are also towns, but the masthead reading wins).
 */
const MASTHEAD_WORDS: ReadonlySet<string> = new Set([
  'the', 'this', 'is', 'and', 'of', 'daily', 'weekly', 'sunday', 'evening', 'morning', 'news', 'newspaper', 'newspapers', 'herald', 'times', 'tribune',
  'telegram', 'telegraph', 'journal', 'star', 'sun', 'post', 'gazette', 'chronicle', 'courier', 'leader', 'advocate', 'monitor', 'online', 'local',
  'press', 'register', 'review', 'beacon', 'sentinel', 'echo', 'citizen', 'record', 'recorder', 'reporter', 'item', 'intelligencer', 'dispatch',
  'enquirer', 'inquirer', 'examiner', 'observer', 'standard', 'bulletin', 'mercury', 'democrat', 'republican', 'independent', 'argus', 'globe',
  'mail', 'express', 'eagle', 'banner', 'ledger', 'courant', 'state', 'free', 'voice', 'signal', 'world', 'today', 'now', 'live', 'guardian',
  'messenger', 'patriot', 'pioneer', 'progress', 'statesman', 'union', 'transcript', 'tidings', 'plain', 'dealer', 'constitution', 'bee', 'blade',
  'mirror', 'pilot', 'clarion', 'call', 'vindicator', 'palladium', 'enterprise', 'commercial', 'appeal', 'capital', 'city', 'county', 'area',
]);

/** Second-level labels under a country code that are not the outlet's name: "co.uk", "com.lb", "org.eg". */
const REGISTRY_LABELS: ReadonlySet<string> = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ltd', 'plc', 'me', 'ne', 'or']);

/** Shortest town name read out of a host label: "ada" or "rye" inside a longer word is chance, not a masthead. */
const MIN_TOWN_LETTERS = 4;

/** Host labels that name the site, not the outlet: "www", "m", "amp", "edition". */
const SERVICE_LABELS: ReadonlySet<string> = new Set(['www', 'm', 'amp', 'mobile', 'edition', 'beta', 'web']);

/** True when the gazetteer knows a populated place or a county under this letters-only string, with spaces put back. */
function townKey(gazetteer: Gazetteer, letters: string): string | undefined {
  const isTown = (key: string): boolean => gazetteer.lookup(key).some((e) => e.kind === 'city' || e.kind === 'admin2');
  if (isTown(letters)) return letters;
  // "lasvegas" → "las vegas", "kansascity" → "kansas city": one space, at most, put back.
  for (let i = 3; i <= letters.length - 3; i++) {
    const key = `${letters.slice(0, i)} ${letters.slice(i)}`;
    if (isTown(key)) return key;
  }
  return undefined;
}

/**
 * Reads one host label as masthead words around town names; returns the town keys, or undefined when the
 * label does not read so. A reading with fewer towns wins: "themercury" is a masthead, not Mercury, Nevada.
 */
function readLabel(gazetteer: Gazetteer, label: string): string[] | undefined {
  const n = label.length;
  // best[i]: the reading of label[i..] with the fewest towns (undefined when it cannot be read).
  const best: (string[] | undefined)[] = new Array<string[] | undefined>(n + 1).fill(undefined);
  best[n] = [];
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j <= n; j++) {
      const rest = best[j];
      if (!rest) continue;
      const word = label.slice(i, j);
      let reading: string[] | undefined;
      if (MASTHEAD_WORDS.has(word)) reading = rest;
      else if (word.length >= MIN_TOWN_LETTERS) {
        const key = townKey(gazetteer, word);
        if (key) reading = [key, ...rest];
      }
      if (reading && (!best[i] || reading.length < best[i]!.length)) best[i] = reading;
    }
  }
  return best[0];
}

/**
 * Town names (gazetteer keys) the outlet's host names as its home, when the host reads as a masthead: at least one
 * masthead word beside the towns, in the same label or another ("chronicle.augusta.com"). A bare town name
 * ("gainesville.com") is not enough: companies and products own such addresses too.
 * @example outletHomeNames('https://www.springfieldnewssun.com/news/1', gazetteer) // ['springfield']
 */
export function outletHomeNames(url: string | undefined, gazetteer: Gazetteer): string[] {
  if (!url) return [];
  const host = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/:?#]+)/i.exec(url.trim())?.[1]?.toLowerCase();
  if (!host || /^[\d.]+$/.test(host)) return [];
  const labels = host.split('.');
  labels.pop();
  while (labels.length > 1 && REGISTRY_LABELS.has(labels[labels.length - 1]!)) labels.pop();
  const towns: string[] = [];
  let hasMasthead = false;
  for (const label of labels) {
    if (SERVICE_LABELS.has(label)) continue;
    // "cambridge-news" → "cambridgenews": hyphens join masthead words as often as they separate them.
    const letters = label.replace(/-/g, '');
    if (!/^[a-z]+$/.test(letters)) continue;
    const reading = readLabel(gazetteer, letters);
    if (!reading) continue;
    if (reading.length === 0 || reading.join('').replace(/ /g, '').length < letters.length) hasMasthead = true;
    towns.push(...reading);
  }
  return hasMasthead ? [...new Set(towns)] : [];
}

/** The entries an outlet's home name may be: populated places and counties, in the outlet's country when known. */
export function homeCandidates(gazetteer: Gazetteer, name: string, countryCode: string | undefined): GazetteerEntry[] {
  return gazetteer.lookup(name).filter((e) => (e.kind === 'city' || e.kind === 'admin2') && (!countryCode || e.countryCode === countryCode));
}

/** What outletRegion() reads of a resolved place: its country and first-level division, and what kind of place it is. */
export interface PlaceOfOutlet {
  readonly isResolved: boolean;
  readonly countryCode?: string;
  readonly admin1?: string;
  readonly precision?: string;
}

/** Articles an outlet needs before its region is trusted, and the share of them that must name places there. */
const REGION_MIN_ARTICLES = 3;
const REGION_MIN_SHARE = 0.5;

/**
 * The first-level division an outlet writes about, from the places of its other articles: the division that at least
 * three of them, and half of those with any local place, put places in. A local paper's stories name its state's
 * towns; a wire service's scatter. Counted once per article, so one long story does not decide.
 * @example outletRegion(gazetteer, [placesOfStory1, placesOfStory2, placesOfStory3]) // Florida
 */
export function outletRegion(gazetteer: Gazetteer, articles: readonly (readonly PlaceOfOutlet[])[]): GazetteerEntry | undefined {
  const counts = new Map<string, number>();
  let withLocal = 0;
  for (const places of articles) {
    const keys = new Set(
      places.filter((p) => p.isResolved && p.countryCode && p.admin1 && (p.precision === 'city' || p.precision === 'province' || p.precision === 'point')).map((p) => `${p.countryCode}\t${p.admin1}`),
    );
    if (keys.size > 0) withLocal++;
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const [top, n] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? ['', 0];
  if (n < REGION_MIN_ARTICLES || n < REGION_MIN_SHARE * withLocal) return undefined;
  const [cc, admin1] = top.split('\t') as [string, string];
  return gazetteer.lookup(placeKeyOf(admin1)).find((e) => e.kind === 'admin1' && e.countryCode === cc);
}
