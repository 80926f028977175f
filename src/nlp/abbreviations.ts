/**
 * Abbreviations that keep their full stop, and which of them never end a sentence. Written for news:
 * military and civil titles ("Maj. Gen."), months ("Nov. 17"), company words ("Corp."), Latin ("e.g.").
 */

/** Titles that stand before a name: a sentence never ends after them ("Brig. Gen. Ali"). */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'mssrs', 'messrs', 'dr', 'prof', 'rev', 'fr', 'sr', 'st', 'hon', 'pres', 'gov', 'sen', 'rep', 'reps', 'amb', 'atty', 'supt', 'insp', 'det',
  'gen', 'gens', 'maj', 'brig', 'col', 'lt', 'capt', 'cpt', 'cmdr', 'cmdt', 'cdr', 'comdr', 'adm', 'sgt', 'cpl', 'pvt', 'pfc', 'spc', 'ens', 'lieut', 'mgr', 'msgr',
  'mt', 'ft', 'sec', 'secs', 'sens', 'govs', 'lt-gen', 'maj-gen', 'lt-col',
]);

/** Month abbreviations: no sentence break when a number follows ("Nov. 17"). */
export const MONTH_ABBREVIATIONS: ReadonlySet<string> = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/** Other abbreviations that keep their stop but may end a sentence ("… of Apple Inc. The company …"). */
export const OTHER_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'inc', 'corp', 'co', 'ltd', 'llc', 'plc', 'bros', 'dept', 'univ', 'assn', 'assoc', 'est', 'approx', 'jr', 'esq', 'etc', 'al', 'cf', 'ca', 'vol', 'vols', 'pp', 'fig',
  'ave', 'blvd', 'rd', 'hwy', 'tue', 'tues', 'thu', 'thur', 'thurs',
  'ala', 'ariz', 'calif', 'colo', 'conn', 'fla', 'kan', 'kans', 'md', 'mich', 'minn', 'mont', 'neb', 'nev', 'okla', 'tenn', 'tex', 'wis', 'wyo',
]);

/** Abbreviations also written in lower case ("Smith et al.", "Iran vs. Iraq"); the rest need a capital ("Gen.", not "gen."). */
const LOWER_CASE_ABBREVIATIONS: ReadonlySet<string> = new Set(['vs', 'v', 'etc', 'al', 'cf', 'approx', 'esp', 'incl', 'ca', 'est', 'pp', 'vol', 'fig', 'no']);

/** Words that are abbreviations only before a number ("No. 10", not "said no."). */
const NUMBER_ABBREVIATIONS: ReadonlySet<string> = new Set(['no', 'nos', 'op', 'vol', 'fig', 'pp']);

/**
 * True when `word` (without its stop) keeps a following full stop as part of the token.
 * `isBeforeNumber` says whether a number follows ("No. 10").
 */
export function isAbbreviation(word: string, isBeforeNumber = false): boolean {
  const lower = word.toLowerCase();
  if (NUMBER_ABBREVIATIONS.has(lower)) return isBeforeNumber;
  const first = word.charAt(0);
  if (first === lower.charAt(0) && !LOWER_CASE_ABBREVIATIONS.has(lower)) return false;
  return TITLE_ABBREVIATIONS.has(lower) || MONTH_ABBREVIATIONS.has(lower) || OTHER_ABBREVIATIONS.has(lower) || LOWER_CASE_ABBREVIATIONS.has(lower);
}
