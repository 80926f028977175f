/**
 * A lemmatiser learned from a treebank and driven by UPOS: each (UPOS, lower-cased word) maps to an edit
 * script "strip n characters, append s" ("running" VERB → 4|n → "run", "was" AUX → 3|be → "be"). Scripts come
 * from the longest word ending seen with that UPOS (up to `maxSuffix` characters, at least `minCount` times),
 * and from a per-word exception list where the endings give the wrong answer ("went" → "go"). Keys are
 * hashes, so the model stores no words: the ending hash is FNV over the ending read backwards, seeded by the UPOS.
 */
import * as ner from '../ner/features.js';
import { straightenQuotes } from './features.js';

const { hashString } = ner;
const FNV_PRIME = 0x01000193;

/** Learned rules as stored in the model file: flattened [key hash, script index, …] pairs and the scripts. */
export interface LemmaRuleTable {
  readonly maxSuffix: number;
  readonly scripts: readonly string[];
  readonly suffixes: readonly number[];
  readonly exceptions: readonly number[];
}

/** Rules ready for lookup. */
export interface LemmaRules {
  readonly maxSuffix: number;
  readonly scripts: readonly string[];
  readonly suffixes: ReadonlyMap<number, number>;
  readonly exceptions: ReadonlyMap<number, number>;
}

/** One sentence of training data: words, their UPOS and gold lemmas. */
export interface LemmaTrainingSentence {
  readonly words: readonly string[];
  readonly upos: readonly string[];
  readonly lemmas: readonly string[];
}

/** The lemmatiser's form of a word: lower case, quotes straightened. */
export function lemmaForm(word: string): string {
  return straightenQuotes(word).toLowerCase();
}

/** Hashes of the word's endings of length 0 … maxSuffix for a UPOS (index = length). */
function suffixKeys(form: string, upos: string, maxSuffix: number): number[] {
  let h = hashString(`${upos}|`);
  const keys = [h];
  for (let k = 1; k <= Math.min(maxSuffix, form.length); k++) {
    h = Math.imul(h ^ form.charCodeAt(form.length - k), FNV_PRIME) >>> 0;
    keys.push(h);
  }
  return keys;
}

function exceptionKey(form: string, upos: string): number {
  return hashString(form, hashString(`${upos}#`));
}

/** The edit script turning `form` into `lemma`: characters to strip from the end, then the text to append. */
export function editScript(form: string, lemma: string): string {
  let p = 0;
  while (p < form.length && p < lemma.length && form.charCodeAt(p) === lemma.charCodeAt(p)) p++;
  return `${form.length - p}|${lemma.slice(p)}`;
}

function applyScript(form: string, script: string): string {
  const bar = script.indexOf('|');
  const strip = Number(script.slice(0, bar));
  return strip > form.length ? form : form.slice(0, form.length - strip) + script.slice(bar + 1);
}

/** Loads a stored rule table for lookup. */
export function createLemmaRules(table: LemmaRuleTable): LemmaRules {
  const pairs = (flat: readonly number[]): Map<number, number> => {
    const map = new Map<number, number>();
    for (let k = 0; k + 1 < flat.length; k += 2) map.set(flat[k]!, flat[k + 1]!);
    return map;
  };
  return { maxSuffix: table.maxSuffix, scripts: table.scripts, suffixes: pairs(table.suffixes), exceptions: pairs(table.exceptions) };
}

/** The script index the ending rules give, or -1 (keep the form). */
function bySuffix(rules: LemmaRules, form: string, upos: string): number {
  const keys = suffixKeys(form, upos, rules.maxSuffix);
  for (let k = keys.length - 1; k >= 0; k--) {
    const script = rules.suffixes.get(keys[k]!);
    if (script !== undefined) return script;
  }
  return -1;
}

/**
 * The lemma of a word with its UPOS, lower-cased.
 * @example lemmatise(rules, 'Commanders', 'NOUN') // → "commander"
 */
export function lemmatise(rules: LemmaRules, word: string, upos: string): string {
  const form = lemmaForm(word);
  const script = rules.exceptions.get(exceptionKey(form, upos)) ?? bySuffix(rules, form, upos);
  return script < 0 ? form : applyScript(form, rules.scripts[script]!);
}

/** Learns the rule table from gold sentences (deterministic: no sampling, sorted output). */
export function learnLemmaRules(sentences: readonly LemmaTrainingSentence[], maxSuffix = 5, minCount = 2): LemmaRuleTable {
  const scriptIndex = new Map<string, number>();
  const scripts: string[] = [];
  const indexOf = (script: string): number => {
    let i = scriptIndex.get(script);
    if (i === undefined) {
      i = scripts.length;
      scripts.push(script);
      scriptIndex.set(script, i);
    }
    return i;
  };
  // Counts per ending (with its length, to prune longest-first) and per whole word.
  const endings = new Map<number, { length: number; shorter: number; counts: Map<number, number> }>();
  const words = new Map<string, { form: string; upos: string; counts: Map<number, number> }>();
  const bump = (counts: Map<number, number>, script: number): void => {
    counts.set(script, (counts.get(script) ?? 0) + 1);
  };
  for (const s of sentences) {
    s.words.forEach((word, i) => {
      const form = lemmaForm(word);
      const upos = s.upos[i] ?? 'X';
      const script = indexOf(editScript(form, lemmaForm(s.lemmas[i] ?? word)));
      const keys = suffixKeys(form, upos, maxSuffix);
      keys.forEach((key, length) => {
        let entry = endings.get(key);
        if (!entry) endings.set(key, (entry = { length, shorter: length > 0 ? keys[length - 1]! : -1, counts: new Map() }));
        bump(entry.counts, script);
      });
      const wordKey = `${upos}#${form}`;
      let entry = words.get(wordKey);
      if (!entry) words.set(wordKey, (entry = { form, upos, counts: new Map() }));
      bump(entry.counts, script);
    });
  }
  const majority = (counts: Map<number, number>): { script: number; total: number } => {
    let script = -1;
    let best = -1;
    let total = 0;
    for (const [s, n] of [...counts].sort((a, b) => a[0] - b[0])) {
      total += n;
      if (n > best) [script, best] = [s, n];
    }
    return { script, total };
  };
  // Keep an ending's rule only where it changes the answer of the shorter endings (shortest first).
  const rule = new Map<number, number>();
  const effective = new Map<number, number>();
  for (const [key, entry] of [...endings].sort((a, b) => a[1].length - b[1].length || a[0] - b[0])) {
    const fallback = entry.shorter >= 0 ? (effective.get(entry.shorter) ?? -1) : -1;
    const { script, total } = majority(entry.counts);
    const chosen = total >= minCount ? script : fallback;
    effective.set(key, chosen);
    if (chosen !== fallback) rule.set(key, chosen);
  }
  const rules: LemmaRules = { maxSuffix, scripts, suffixes: rule, exceptions: new Map() };
  const exceptions = new Map<number, number>();
  for (const entry of words.values()) {
    const { script } = majority(entry.counts);
    if (bySuffix(rules, entry.form, entry.upos) !== script) exceptions.set(exceptionKey(entry.form, entry.upos), script);
  }
  const flat = (map: Map<number, number>): number[] => [...map].sort((a, b) => a[0] - b[0]).flat();
  return { maxSuffix, scripts, suffixes: flat(rule), exceptions: flat(exceptions) };
}
