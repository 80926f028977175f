/**
 * PETRARCH unit-test records: reads ../shared/data/events/petrarch2/text/PETR.UnitTest.records.xml,
 * builds coder tokens from each record's constituency parse (leaves + Penn tags mapped to UPOS),
 * codes them with the PETR.Validate.* dictionaries imported through our own parsers (the only
 * actor source: the countries are fictional), and scores (source, target, CAMEO) triples.
 */
import { readFileSync } from 'node:fs';
import type { Upos } from '../src/model/index.js';
import { createEventCoder, type CoderToken } from '../src/events/coder.js';
import { buildEventLexicon } from '../src/events/lexicon.js';
import { cameoRoot } from '../src/events/cameo-plover.js';

/** One unit-test record. */
export interface PetrRecord {
  readonly id: string;
  readonly category: string;
  readonly isValid: boolean;
  readonly date: number;
  readonly text: string;
  readonly leaves: readonly { tag: string; word: string }[];
  /** Expected triples 'SRC|TGT|CODE'; empty when the record expects no events. */
  readonly expected: readonly string[];
}

const PENN_TO_UPOS: Record<string, Upos> = {
  NN: 'NOUN', NNS: 'NOUN', NNP: 'PROPN', NNPS: 'PROPN', JJ: 'ADJ', JJR: 'ADJ', JJS: 'ADJ', RB: 'ADV', RBR: 'ADV', RBS: 'ADV',
  VB: 'VERB', VBD: 'VERB', VBG: 'VERB', VBN: 'VERB', VBP: 'VERB', VBZ: 'VERB', MD: 'AUX', IN: 'ADP', TO: 'PART', DT: 'DET',
  PDT: 'DET', PRP: 'PRON', PRP$: 'PRON', WP: 'PRON', WDT: 'PRON', WP$: 'PRON', WRB: 'ADV', CD: 'NUM', CC: 'CCONJ', POS: 'PART',
  RP: 'ADP', EX: 'PRON', UH: 'INTJ', FW: 'X', SYM: 'SYM', LS: 'X',
};
const AUX_WORDS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'do', 'does', 'did', "'s", "'re"]);
const SCONJ_WORDS = new Set(['that', 'if', 'because', 'whether', 'although', 'while', 'unless', 'since']);

/** Maps a Penn tag (and word) to UPOS. */
export function pennToUpos(tag: string, word: string): Upos {
  const w = word.toLowerCase();
  if (tag.startsWith('VB') && AUX_WORDS.has(w)) return 'AUX';
  if (tag === 'IN' && SCONJ_WORDS.has(w)) return 'SCONJ';
  return PENN_TO_UPOS[tag] ?? (/^[^\w]+$/.test(word) ? 'PUNCT' : 'X');
}

function attr(attrs: string, name: string): string | undefined {
  return new RegExp(`${name}\\s*=\\s*["']([^"']*)["']`).exec(attrs)?.[1] ?? new RegExp(`${name}\\s*=\\s*'"([^"]*)"'`).exec(attrs)?.[1];
}

/** Reads all records of the unit-test file. */
export function readPetrRecords(xml: string): PetrRecord[] {
  const out: PetrRecord[] = [];
  const body = xml.replace(/<!--[\s\S]*?-->/g, '');
  for (const m of body.matchAll(/<Sentence(\s[^>]*)>([\s\S]*?)<\/Sentence>/g)) {
    const attrs = m[1]!;
    const inner = m[2]!;
    const expected: string[] = [];
    for (const c of inner.matchAll(/<EventCoding([^>]*)>/g)) {
      const a = c[1]!;
      const src = /sourcecode\s*=\s*('"[^"]*"'|"[^"]*")/.exec(a)?.[1]?.replace(/^'|'$/g, '').replace(/"/g, '');
      const tgt = /targetcode\s*=\s*('"[^"]*"'|"[^"]*")/.exec(a)?.[1]?.replace(/^'|'$/g, '').replace(/"/g, '');
      const code = attr(a, 'eventcode');
      if (src !== undefined && tgt !== undefined && code !== undefined) expected.push(`${src}|${tgt}|${code}`);
    }
    const text = (/<Text>([\s\S]*?)<\/Text>/.exec(inner)?.[1] ?? '').replace(/\s+/g, ' ').trim();
    const parse = /<Parse>([\s\S]*?)<\/Parse>/.exec(inner)?.[1] ?? '';
    const leaves = [...parse.matchAll(/\(([^\s()]+) ([^\s()]+)\)/g)].map((l) => ({ tag: l[1]!, word: l[2]! }));
    out.push({
      id: attr(attrs, 'id') ?? '?',
      category: attr(attrs, 'category') ?? '?',
      isValid: attr(attrs, 'valid') !== 'false',
      date: Number(attr(attrs, 'date') ?? '0'),
      text,
      leaves,
      expected,
    });
  }
  return out;
}

/** Coder tokens from parse leaves; offsets into the leaves joined by single spaces. */
export function leavesToTokens(leaves: readonly { tag: string; word: string }[]): CoderToken[] {
  let at = 0;
  return leaves.map((l) => {
    const word = l.word.replace(/&amp;/g, '&');
    const t: CoderToken = { text: word, lemma: word.toLowerCase(), pos: pennToUpos(l.tag, word), start: at, end: at + word.length, tag: l.tag };
    at += word.length + 1;
    return t;
  });
}

/** Scores of one run. */
export interface PetrScores {
  records: number;
  exact: number;
  /** Records marked valid="true" (the file marks a few as known-unsupported) and their exact matches. */
  validRecords: number;
  validExact: number;
  exactRoot: number;
  tp: number;
  fp: number;
  fn: number;
  rootTp: number;
  rootFp: number;
  rootFn: number;
  byCategory: Record<string, { records: number; exact: number; exactRoot: number }>;
  failures: { id: string; category: string; expected: string[]; got: string[] }[];
}

/** Codes every record and compares with its expected triples. */
export function scorePetrarch(dir: string): PetrScores {
  const read = (f: string): string => readFileSync(`${dir}/dictionaries/${f}`, 'utf8');
  const lexicon = buildEventLexicon({
    verbs: [read('PETR.Validate.verbs.txt')],
    actors: [read('PETR.Validate.actors.txt')],
    agents: [read('PETR.Validate.agents.txt')],
    discards: [read('PETR.Validate.discards.txt')],
  });
  const coder = createEventCoder(lexicon);
  const records = readPetrRecords(readFileSync(`${dir}/text/PETR.UnitTest.records.xml`, 'utf8'));
  const s: PetrScores = { records: 0, exact: 0, validRecords: 0, validExact: 0, exactRoot: 0, tp: 0, fp: 0, fn: 0, rootTp: 0, rootFp: 0, rootFn: 0, byCategory: {}, failures: [] };
  for (const r of records) {
    const tokens = leavesToTokens(r.leaves);
    const coded = coder.codeSentence(tokens, { date: r.date, requireTarget: true });
    const got = new Set<string>();
    for (const e of coded.events) {
      for (const src of e.sources) for (const tgt of e.targets) got.add(`${src.code ?? '---'}|${tgt.code ?? '---'}|${e.code}`);
    }
    const expected = new Set(r.expected);
    const root = (t: string): string => {
      const [a, b, c] = t.split('|');
      return `${a}|${b}|${cameoRoot(c ?? '')}`;
    };
    const gotRoot = new Set([...got].map(root));
    const expRoot = new Set([...expected].map(root));
    const tp = [...got].filter((t) => expected.has(t)).length;
    const rtp = [...gotRoot].filter((t) => expRoot.has(t)).length;
    s.tp += tp;
    s.fp += got.size - tp;
    s.fn += expected.size - tp;
    s.rootTp += rtp;
    s.rootFp += gotRoot.size - rtp;
    s.rootFn += expRoot.size - rtp;
    const isExact = tp === got.size && tp === expected.size;
    const isExactRoot = rtp === gotRoot.size && rtp === expRoot.size;
    s.records++;
    if (isExact) s.exact++;
    if (r.isValid) {
      s.validRecords++;
      if (isExact) s.validExact++;
    }
    if (isExactRoot) s.exactRoot++;
    const cat = (s.byCategory[r.category] ??= { records: 0, exact: 0, exactRoot: 0 });
    cat.records++;
    if (isExact) cat.exact++;
    if (isExactRoot) cat.exactRoot++;
    if (!isExact) s.failures.push({ id: r.id, category: r.category, expected: [...expected], got: [...got] });
  }
  return s;
}
