/**
 * `npm run eval:time`: temporal expressions on TempEval-3's TBAQ (TimeBank + AQUAINT, TimeML with
 * DCT) and on MEANTIME's TIMEX3 annotations, scored the TempEval-3 way (strict and relaxed extent
 * P/R/F1, value and type accuracy, value F1) beside HeidelTime's and SUTime's published figures.
 * Flags: --errors N prints N sample errors per kind; --tool recognizers|chrono scores an off-the-shelf
 * parser instead of the stage (same data, same scorer); --seeds [--published YYYY-MM-DD] prints the
 * expressions found in the seed articles instead.
 * The last line is one JSON object.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as chrono from 'chrono-node';
import { recognizeDateTime } from '@microsoft/recognizers-text-date-time';
import { findTimes } from '../src/stages/time/index.js';
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
