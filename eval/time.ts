/**
 * `npm run eval:time`: temporal expressions on TempEval-3's TBAQ (TimeBank + AQUAINT, TimeML with
 * DCT) and on MEANTIME's TIMEX3 annotations, scored the TempEval-3 way (strict and relaxed extent
 * P/R/F1, value and type accuracy, value F1) beside HeidelTime's and SUTime's published figures.
 * Flags: --errors N prints N sample errors per kind; --tool recognizers|chrono scores an off-the-shelf
 * parser instead of the stage (same data, same scorer); --seeds [--published YYYY-MM-DD] prints the
 * expressions found in the seed articles instead; --hide-dct runs the stage (not --tool) as if the
 * publication date were unknown, with and without inferring an anchor from the article's date line
 * or captions, on the data as is and with a date line or caption added.
 * The last line is one JSON object.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as chrono from 'chrono-node';
import { recognizeDateTime } from '@microsoft/recognizers-text-date-time';
import { findTimes, findTimesWithAnchor } from '../src/stages/time/index.js';
import { emptyCounts, parseMeantime, parseTimeMl, prf, scoreDoc, type GoldDoc, type SystemTimex, type TimexCounts, type TimexError } from './time-data.js';

const dataDir = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const tbaqDir = `${dataDir}time/tbaq/`;
const meantimeDir = `${dataDir}meantime/intra-doc_annotation/`;
const toolArg = process.argv.indexOf('--tool');
const tool = toolArg >= 0 ? process.argv[toolArg + 1] ?? 'dossier' : 'dossier';
const errorsArg = process.argv.indexOf('--errors');
const errorSamples = errorsArg >= 0 ? Number(process.argv[errorsArg + 1] ?? 20) : 0;

// --seeds: print each expression found in the seed articles with its value (publication date from --published, else unknown).
if (process.argv.includes('--seeds')) {
  const seedsDir = fileURLToPath(new URL('../../shared/corpus/seeds/', import.meta.url));
  const publishedArg = process.argv.indexOf('--published');
  const publishedAt = publishedArg >= 0 ? process.argv[publishedArg + 1] : undefined;
  if (!existsSync(seedsDir)) {
    console.log(`eval:time --seeds skipped: ${seedsDir} not found`);
    process.exit(0);
  }
  for (const f of readdirSync(seedsDir).filter((x) => x.endsWith('.txt')).sort()) {
    const text = readFileSync(`${seedsDir}${f}`, 'utf8');
    console.log(`${f} (published ${publishedAt ?? 'unknown'}):`);
    for (const t of findTimes(text, publishedAt)) {
      console.log(`  ${String(t.start).padStart(5)}  ${t.text.padEnd(28)} ${t.type.padEnd(8)} ${t.value.padEnd(14)} ${t.granularity}${t.isAnchored ? '' : ' (unanchored)'}`);
    }
  }
  process.exit(0);
}

if (!existsSync(tbaqDir)) {
  console.log(`eval:time skipped: ${tbaqDir} not found (the TimeML data lives outside the repository)`);
  process.exit(0);
}

function loadTbaq(sub: string): GoldDoc[] {
  const dir = `${tbaqDir}${sub}/`;
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.tml')).sort().map((f) => parseTimeMl(`${sub}/${f}`, readFileSync(`${dir}${f}`, 'utf8')));
}

function loadMeantime(): GoldDoc[] {
  if (!existsSync(meantimeDir)) return [];
  const docs: GoldDoc[] = [];
  for (const corpus of readdirSync(meantimeDir).sort()) {
    const dir = `${meantimeDir}${corpus}/`;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.xml')).sort()) docs.push(parseMeantime(`${corpus}/${f}`, readFileSync(`${dir}${f}`, 'utf8')));
  }
  return docs;
}

interface SetResult {
  readonly name: string;
  readonly docs: number;
  readonly counts: TimexCounts;
  readonly errors: TimexError[];
  readonly ms: number;
}

/** The reference date of a gold document as a UTC Date, for the off-the-shelf baselines. */
function refDate(dct: string | undefined): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(dct ?? '');
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12)) : undefined;
}

const RECOGNIZER_TYPES: Readonly<Record<string, string>> = {
  date: 'DATE', daterange: 'DATE', time: 'TIME', timerange: 'TIME', datetime: 'TIME', datetimerange: 'TIME', duration: 'DURATION', set: 'SET',
};

/** Baseline: @microsoft/recognizers-text-date-time as shipped (its TIMEX value; its first resolution when the TIMEX has X's). */
function recognizersTimes(text: string, dct: string | undefined): SystemTimex[] {
  return recognizeDateTime(text, 'en-us', undefined, refDate(dct) ?? new Date(Date.UTC(2000, 0, 1))).map((r) => {
    const values = (r.resolution?.values ?? []) as { timex?: string; type?: string; value?: string; start?: string }[];
    const first = values[0] ?? {};
    const timex = first.timex ?? '';
    const value = /X/.test(timex) && first.value && /^\d{4}-\d{2}-\d{2}/.test(first.value) ? first.value.slice(0, 10) : timex;
    return { start: r.start, end: r.end + 1, type: RECOGNIZER_TYPES[first.type ?? ''] ?? 'DATE', value };
  });
}

/** Baseline: chrono-node as shipped (DATE values at the precision chrono is certain of). */
function chronoTimes(text: string, dct: string | undefined): SystemTimex[] {
  return chrono.parse(text, refDate(dct) ?? new Date(Date.UTC(2000, 0, 1))).map((r) => {
    const c = r.start;
    const y = String(c.get('year') ?? '').padStart(4, '0');
    const mo = String(c.get('month') ?? '').padStart(2, '0');
    const d = String(c.get('day') ?? '').padStart(2, '0');
    const value = c.isCertain('day') ? `${y}-${mo}-${d}` : c.isCertain('month') ? `${y}-${mo}` : c.isCertain('year') ? y : `${y}-${mo}-${d}`;
    return { start: r.index, end: r.index + r.text.length, type: c.isCertain('hour') ? 'TIME' : 'DATE', value };
  });
}

/** The system under test: the time stage, or a baseline chosen with --tool. */
function systemTimes(text: string, dct: string | undefined): SystemTimex[] {
  if (tool === 'recognizers') return recognizersTimes(text, dct);
  if (tool === 'chrono') return chronoTimes(text, dct);
  return findTimes(text, dct);
}

function run(name: string, docs: readonly GoldDoc[]): SetResult {
  const counts = emptyCounts();
  const errors: TimexError[] = [];
  const began = performance.now();
  for (const doc of docs) {
    const system = systemTimes(doc.text, doc.dct);
    scoreDoc(doc, system, counts, errors);
  }
  return { name, docs: docs.length, counts, errors, ms: performance.now() - began };
}

const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);
const r2 = (x: number): number => Math.round(10000 * x) / 100;

function figures(c: TimexCounts) {
  const strict = prf(c.strict, c);
  const relaxed = prf(c.relaxed, c);
  const value = prf(c.valueCorrect, c);
  return {
    strict,
    relaxed,
    value,
    valueAccuracy: c.relaxed ? c.valueCorrect / c.relaxed : 0,
    typeAccuracy: c.relaxed ? c.typeCorrect / c.relaxed : 0,
  };
}

function printSet(res: SetResult): void {
  const f = figures(res.counts);
  console.log(`${res.name}: ${res.docs} docs, ${res.counts.gold} gold, ${res.counts.system} system expressions, ${(res.ms / Math.max(1, res.docs)).toFixed(2)} ms/doc`);
  console.log('                    P       R       F1');
  console.log(`  strict extent   ${pct(f.strict.p)}  ${pct(f.strict.r)}  ${pct(f.strict.f1)}`);
  console.log(`  relaxed extent  ${pct(f.relaxed.p)}  ${pct(f.relaxed.r)}  ${pct(f.relaxed.f1)}`);
  console.log(`  value           ${pct(f.value.p)}  ${pct(f.value.r)}  ${pct(f.value.f1)}   (value accuracy on matches ${pct(f.valueAccuracy)}, type accuracy ${pct(f.typeAccuracy)})`);
  if (errorSamples > 0) {
    for (const kind of ['missed', 'spurious', 'value', 'extent'] as const) {
      const list = res.errors.filter((e) => e.kind === kind);
      console.log(`  ${kind} (${list.length}):`);
      for (const e of list.slice(0, errorSamples)) {
        console.log(`    [${e.dct ?? '?'}] gold="${e.goldText ?? ''}" ${e.gold ? `${e.gold.type}:${e.gold.value}` : '-'} | sys="${e.systemText ?? ''}" ${e.system ? `${e.system.type}:${e.system.value}` : '-'} | …${e.context}…`);
      }
    }
  }
}

// --hide-dct: the stage without the creation time, anchor inference off vs on, plus how often the
// inferred anchor is the real DCT. MEANTIME's text holds its Wikinews date line, which makes the
// inference easy there, so it is also scored with that line blanked (same length, offsets kept).
if (process.argv.includes('--hide-dct')) {
  // changed: only the expressions whose value the anchor changed, to see how often an inferred value is right.
  interface Hidden { off: TimexCounts; on: TimexCounts; changed: TimexCounts; dct: TimexCounts; docs: number; anchored: number; exact: number; withinWeek: number; sameMonth: number; errors: TimexError[] }
  const hidden = (docs: readonly GoldDoc[], blankDateLine = false): Hidden => {
    const h: Hidden = { off: emptyCounts(), on: emptyCounts(), changed: emptyCounts(), dct: emptyCounts(), docs: docs.length, anchored: 0, exact: 0, withinWeek: 0, sameMonth: 0, errors: [] };
    for (const doc of docs) {
      let text = doc.text;
      if (blankDateLine) for (const span of doc.ignore) text = text.slice(0, span.start) + ' '.repeat(span.end - span.start) + text.slice(span.end);
      scoreDoc(doc, findTimes(text, doc.dct), h.dct, []);
      const plain = findTimes(text, undefined, { inferAnchor: false });
      scoreDoc(doc, plain, h.off, []);
      const { times, anchor } = findTimesWithAnchor(text, undefined);
      scoreDoc(doc, times, h.on, h.errors);
      const before = new Map(plain.map((t) => [`${t.start}:${t.end}`, t.value]));
      scoreDoc(doc, times.filter((t) => before.get(`${t.start}:${t.end}`) !== t.value), h.changed, []);
      if (!anchor) continue;
      h.anchored++;
      const real = refDate(doc.dct);
      if (!real) continue;
      const days = Math.round((Date.UTC(anchor.day.year, anchor.day.month - 1, anchor.day.day, 12) - real.getTime()) / 86_400_000);
      if (days === 0) h.exact++;
      if (Math.abs(days) <= 7) h.withinWeek++;
      if (anchor.day.year === real.getUTCFullYear() && anchor.day.month === real.getUTCMonth() + 1) h.sameMonth++;
    }
    return h;
  };
  const sets: [string, Hidden][] = [
    ['TBAQ TimeBank', hidden(loadTbaq('TimeBank'))],
    ['TBAQ AQUAINT', hidden(loadTbaq('AQUAINT'))],
  ];
  const tb = sets[0]![1];
  const aq = sets[1]![1];
  const sum = (a: TimexCounts, b: TimexCounts): TimexCounts => {
    const c = emptyCounts();
    for (const k of Object.keys(c) as (keyof TimexCounts)[]) c[k] = a[k] + b[k];
    return c;
  };
  const tbaqHidden: Hidden = {
    off: sum(tb.off, aq.off), on: sum(tb.on, aq.on), changed: sum(tb.changed, aq.changed), dct: sum(tb.dct, aq.dct), docs: tb.docs + aq.docs, anchored: tb.anchored + aq.anchored,
    exact: tb.exact + aq.exact, withinWeek: tb.withinWeek + aq.withinWeek, sameMonth: tb.sameMonth + aq.sameMonth, errors: [...tb.errors, ...aq.errors],
  };
  sets.push(['TBAQ all', tbaqHidden]);
  // A scrape that kept its date line: TBAQ with the DCT written as a line above the body (not scored).
  // The anchor should then be the DCT; where it is not, the rule refused or overrode a good date line.
  const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const withDateLine = (doc: GoldDoc): GoldDoc => {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(doc.dct ?? '');
    if (!m) return doc;
    const line = `${MONTH_NAMES[Number(m[2]) - 1]} ${Number(m[3])}, ${m[1]}\n\n`;
    const shift = <T extends { start: number; end: number }>(x: T): T => ({ ...x, start: x.start + line.length, end: x.end + line.length });
    return { ...doc, text: line + doc.text, timexes: doc.timexes.map(shift), ignore: [{ start: 0, end: line.length }, ...doc.ignore.map(shift)] };
  };
  sets.push(['TBAQ all + date line', hidden([...loadTbaq('TimeBank'), ...loadTbaq('AQUAINT')].map(withDateLine))]);
  // A scrape that kept a photo caption: where the gold names a past day by a bare weekday ("on
  // Tuesday"), a caption dated on the latest such day is added below the body (not scored). The
  // caption day is then a lower bound of the DCT, as on real pages.
  const WEEKDAY_ONLY = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
  const withCaption = (doc: GoldDoc): GoldDoc | undefined => {
    const dct = (doc.dct ?? '').slice(0, 10);
    const days = doc.timexes.filter((t) => WEEKDAY_ONLY.test(doc.text.slice(t.start, t.end)) && /^\d{4}-\d{2}-\d{2}$/.test(t.value) && t.value <= dct).map((t) => t.value).sort();
    const day = days[days.length - 1];
    if (!day) return undefined;
    const line = `\n\nThe scene, ${MONTH_NAMES[Number(day.slice(5, 7)) - 1]} ${Number(day.slice(8, 10))}, ${day.slice(0, 4)}. (Staff photo)\n`;
    return { ...doc, text: doc.text + line, ignore: [...doc.ignore, { start: doc.text.length, end: doc.text.length + line.length }] };
  };
  // An archive photo: a caption dated a year and some days before the DCT (the weekday varies with
  // the document). The rule should refuse it; each one it takes sets values wrong.
  const withArchiveCaption = (doc: GoldDoc, i: number): GoldDoc => {
    const real = refDate(doc.dct);
    if (!real) return doc;
    const old = new Date(real.getTime() - (365 + (i % 7)) * 86_400_000);
    const line = `\n\nThe same spot, ${MONTH_NAMES[old.getUTCMonth()]} ${old.getUTCDate()}, ${old.getUTCFullYear()}. (File photo)\n`;
    return { ...doc, text: doc.text + line, ignore: [...doc.ignore, { start: doc.text.length, end: doc.text.length + line.length }] };
  };
  sets.push(['TBAQ + archive caption', hidden([...loadTbaq('TimeBank'), ...loadTbaq('AQUAINT')].map(withArchiveCaption))]);
  sets.push(['TBAQ + caption (docs with one)', hidden([...loadTbaq('TimeBank'), ...loadTbaq('AQUAINT')].map(withCaption).filter((d): d is GoldDoc => d !== undefined))]);
  const meantimeDocs = loadMeantime();
  if (meantimeDocs.length > 0) {
    sets.push(['MEANTIME (date line in text)', hidden(meantimeDocs)]);
    sets.push(['MEANTIME (date line blanked)', hidden(meantimeDocs, true)]);
  }
  console.log('without the DCT: value F1 with anchor inference off → on; anchor = docs given an inferred anchor, then how many equal the real DCT');
  console.log('(changed = expressions whose value the inferred anchor set: how many, how many match a gold TIMEX3, how many of those have its value)');
  console.log('set                              value F1 off   value F1 on   (with DCT)   anchored docs   exact   ≤7 days   same month   changed (gold, right)');
  for (const [name, h] of sets) {
    const off = figures(h.off).value.f1;
    const on = figures(h.on).value.f1;
    const share = (n: number) => `${n}/${h.anchored}`.padStart(7);
    const changed = `${h.changed.system} (${h.changed.relaxed}, ${h.changed.valueCorrect})`;
    console.log(`${name.padEnd(32)} ${pct(off)}        ${pct(on)}       ${pct(figures(h.dct).value.f1)}    ${`${h.anchored}/${h.docs}`.padStart(9)}   ${share(h.exact)}   ${share(h.withinWeek)}   ${share(h.sameMonth)}      ${changed}`);
  }
  if (errorSamples > 0) {
    const list = tbaqHidden.errors.filter((e) => e.kind === 'value');
    console.log(`TBAQ value errors with inference on (${list.length}):`);
    for (const e of list.slice(0, errorSamples)) console.log(`  [${e.dct ?? '?'}] gold="${e.goldText ?? ''}" ${e.gold ? e.gold.value : '-'} | sys ${e.system ? e.system.value : '-'} | …${e.context}…`);
  }
  const withDct = figures(tbaqHidden.dct).value.f1;
  const json: Record<string, unknown> = { eval: 'time', mode: 'hide-dct', data: 'tbaq', docs: tbaqHidden.docs, value_f1_with_dct: r2(withDct) };
  for (const [name, h] of sets) {
    const key = name === 'TBAQ all' ? 'tbaq' : name === 'TBAQ all + date line' ? 'tbaq_dateline' : name.startsWith('TBAQ + caption') ? 'tbaq_caption' : name === 'TBAQ + archive caption' ? 'tbaq_archive_caption' : name.startsWith('MEANTIME (date line in') ? 'meantime' : name.startsWith('MEANTIME') ? 'meantime_blanked' : undefined;
    if (!key) continue;
    Object.assign(json, {
      [`${key}_value_f1_off`]: r2(figures(h.off).value.f1), [`${key}_value_f1_on`]: r2(figures(h.on).value.f1),
      [`${key}_anchored_docs`]: h.anchored, [`${key}_anchor_exact`]: h.exact, [`${key}_anchor_within_7_days`]: h.withinWeek,
      [`${key}_changed`]: h.changed.system, [`${key}_changed_right`]: h.changed.valueCorrect,
    });
  }
  console.log(JSON.stringify(json));
  process.exit(0);
}

const timebank = run('TBAQ TimeBank', loadTbaq('TimeBank'));
const aquaint = run('TBAQ AQUAINT', loadTbaq('AQUAINT'));
const all = emptyCounts();
for (const r of [timebank, aquaint]) for (const k of Object.keys(all) as (keyof TimexCounts)[]) all[k] += r.counts[k];
const tbaq: SetResult = { name: 'TBAQ all', docs: timebank.docs + aquaint.docs, counts: all, errors: [...timebank.errors, ...aquaint.errors], ms: timebank.ms + aquaint.ms };
const meantime = run('MEANTIME (airbus + apple)', loadMeantime());

for (const r of [timebank, aquaint, tbaq]) printSet(r);
if (meantime.docs > 0) printSet(meantime);
else console.log(`MEANTIME skipped: ${meantimeDir} not found`);

const t = figures(tbaq.counts);
console.log('');
console.log('system                               strict F1  relaxed F1  value F1');
console.log(`${tool === 'dossier' ? 'dossier time' : tool} (TBAQ${tool === 'dossier' ? ', tuned on it' : ''})`.padEnd(38) + `${pct(t.strict.f1)}     ${pct(t.relaxed.f1)}    ${pct(t.value.f1)}`);
if (meantime.docs > 0) {
  const m = figures(meantime.counts);
  console.log(`${tool === 'dossier' ? 'dossier time' : tool} (MEANTIME${tool === 'dossier' ? ', not tuned' : ''})`.padEnd(38) + `${pct(m.strict.f1)}     ${pct(m.relaxed.f1)}    ${pct(m.value.f1)}`);
}
console.log('HeidelTime (TE3-platinum, published)    81.34       90.30      77.61');
console.log('SUTime (TE3-platinum, published)            -           -    ≈ 67.4');
console.log('chrono-node / MS recognizers (measured on TE3 test, shared README): value F1 ≈ 33.5 / 54.5');
console.log('note: TE3-platinum is held out; TBAQ is the data these rules were tuned on; MEANTIME served only as a check.');
const mf = meantime.docs > 0 ? figures(meantime.counts) : undefined;
console.log(JSON.stringify({
  eval: 'time', data: 'tbaq', ...(tool === 'dossier' ? {} : { tool }), docs: tbaq.docs, gold: tbaq.counts.gold,
  strict_f1: r2(t.strict.f1), relaxed_f1: r2(t.relaxed.f1), value_f1: r2(t.value.f1),
  value_accuracy: r2(t.valueAccuracy), type_accuracy: r2(t.typeAccuracy),
  ...(mf ? { meantime_strict_f1: r2(mf.strict.f1), meantime_relaxed_f1: r2(mf.relaxed.f1), meantime_value_f1: r2(mf.value.f1) } : {}),
}));
