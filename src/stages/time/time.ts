/**
 * The `time` stage: finds temporal expressions in the article body and normalises them to TIMEX3
 * values (DATE/TIME/DURATION/SET) anchored on the publication date (or, when it is unknown, a day
 * inferred from the article's date line or captions), with news conventions (a weekday in past-tense
 * reporting is the latest one on or before publication).
 */
import type { Doc, TimeExpr } from '../../model/index.js';
import { defineStage } from '../../pipeline/stage.js';
import { parseReferenceDay, type CalendarDay } from './calendar.js';
import { inferAnchor, type StatedDate } from './infer-anchor.js';
import type { Normalised, Reference } from './resolve.js';
import { RULES, type TimeRule } from './rules.js';
import { tenseAt } from './tense.js';

/** Bump when the stage's output changes. 2: undated articles are anchored on their own stated dates. */
export const TIME_VERSION = 2;

/** How far (characters) a named quarter keeps "a year ago" at quarter granularity. */
const QUARTER_REACH = 800;

interface Candidate {
  start: number;
  end: number;
  readonly rule: TimeRule;
  readonly match: RegExpExecArray;
  readonly priority: number;
}

// "the end of 1990", "the beginning of next year": the edge belongs to the expression (TimeML extent).
const EDGE_BEFORE = /(?:[Tt]he\s+(?:very\s+)?(?:end|beginning|start|middle|close|turn|rest|remainder|first half|second half|last half)\s+of\s+)$/;
const EDGE_RULES = new Set(['year', 'month', 'month-year', 'relative-unit', 'decade', 'decade-word', 'century', 'quarter', 'season', 'spoken-year']);

/** All rule matches that pass their guards, in text order. */
function findCandidates(text: string): Candidate[] {
  const found: Candidate[] = [];
  RULES.forEach((rule, priority) => {
    const re = new RegExp(rule.pattern.source, rule.pattern.flags);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (rule.guard && !rule.guard(text, m)) {
        // Retry from the next character: "the third-quarter" fails, "third-quarter" inside it may not.
        re.lastIndex = m.index + 1;
        continue;
      }
      found.push({ start: m.index, end: m.index + m[0].length, rule, match: m, priority });
    }
  });
  return found;
}

/** Longest match wins; ties go to the earlier rule; the survivors come back in text order. */
function selectCandidates(found: Candidate[], textLength: number): Candidate[] {
  const ranked = [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.priority - b.priority || a.start - b.start);
  // One flag per character taken: matches are short, so this stays linear in the text.
  const taken = new Uint8Array(textLength);
  const chosen: Candidate[] = [];
  for (const c of ranked) {
    let isFree = true;
    for (let i = c.start; i < c.end && isFree; i++) if (taken[i]) isFree = false;
    if (!isFree) continue;
    taken.fill(1, c.start, c.end);
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** The reference an absolute DATE sets for later anaphora ("a year earlier", "the next day"). */
function referenceOf(n: Normalised): Reference | undefined {
  if (n.type !== 'DATE' && n.type !== 'TIME') return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-Q([1-4]))?/.exec(n.value);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[3]) return { day: { year, month: Number(m[2]), day: Number(m[3]) }, granularity: 'day' };
  if (m[2]) return { day: { year, month: Number(m[2]), day: 1 }, granularity: 'month' };
  if (m[4]) return { day: { year, month: (Number(m[4]) - 1) * 3 + 1, day: 1 }, granularity: 'quarter' };
  if (/^\d{4}$/.test(n.value)) return { day: { year, month: 1, day: 1 }, granularity: 'year' };
  return undefined;
}

/** Rules whose value is a full day stated outright, whatever the publication date. */
const FULL_DATE_RULES = new Set(['iso-date', 'numeric-date', 'month-day-year', 'day-month-year']);
/** Rules that state a year or month outright ("in 2006", "March 2012"): bounds for the inferred anchor. */
const PERIOD_RULES = new Set(['year', 'month-year']);

/** The day relative expressions were resolved against, and where it came from. */
export interface TimeAnchor {
  readonly day: CalendarDay;
  /** 'publication': the given publication date; 'inferred': a date the article states (see infer-anchor.ts). */
  readonly source: 'publication' | 'inferred';
  /** For an inferred anchor: the date it was taken from, a span of the text or of set-apart caption number `caption`. */
  readonly evidence?: { readonly start: number; readonly end: number; readonly caption?: number };
}

export interface FindTimesOptions {
  /** Infer a reference day from the article's own dates when the publication date is unknown (default true). */
  readonly inferAnchor?: boolean;
  /** Photo captions set apart from the text (Doc.captions): their dates count as caption dates for the inference. */
  readonly captions?: readonly string[];
}

/** The dates the chosen matches state outright (full days, years, months), with their clause tense, for anchor inference. */
function statedDates(text: string, chosen: readonly Candidate[], caption?: number): StatedDate[] {
  const dates: StatedDate[] = [];
  for (const c of chosen) {
    const isDay = FULL_DATE_RULES.has(c.rule.name);
    if (!isDay && !PERIOD_RULES.has(c.rule.name)) continue;
    // Without a publication date these rules read nothing from the scope: what they give is final
    // ("March this year" comes back as XXXX-03 and is skipped below).
    const n = c.rule.build(c.match, { dct: undefined, ref: undefined, tense: 'unknown' });
    const m = n ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\d-])/.exec(n.value) : null;
    if (!m) continue;
    const granularity = m[3] ? 'day' : m[2] ? 'month' : 'year';
    if (isDay !== (granularity === 'day')) continue;
    const day = { year: Number(m[1]), month: Number(m[2] ?? 1), day: Number(m[3] ?? 1) };
    dates.push({ day, granularity, start: c.start, end: c.end, tense: tenseAt(text, c.start, c.end), ...(caption === undefined ? {} : { caption }) });
  }
  return dates;
}

/** ISO weekdays the text names as days outside future clauses ("on Tuesday", "Friday night", "10 a.m. Monday"). */
function namedWeekdays(text: string, chosen: readonly Candidate[]): Set<number> {
  const days = new Set<number>();
  for (const c of chosen) {
    if (c.rule.name !== 'weekday' && c.rule.name !== 'clock') continue;
    // Without a publication date a weekday comes back as XXXX-WXX-n: n is the weekday.
    const n = c.rule.build(c.match, { dct: undefined, ref: undefined, tense: 'unknown' });
    const m = n ? /^XXXX-WXX-([1-7])/.exec(n.value) : null;
    if (m && tenseAt(text, c.start, c.end) !== 'future') days.add(Number(m[1]));
  }
  return days;
}

/**
 * Finds and normalises the temporal expressions of a text against a publication date.
 * @example findTimes('The talks ended on Friday.', '2015-11-26') // [{ text: 'Friday', value: '2015-11-20', … }]
 */
export function findTimes(text: string, publishedAt: string | undefined, options: FindTimesOptions = {}): TimeExpr[] {
  return findTimesWithAnchor(text, publishedAt, options).times;
}

/**
 * findTimes, also returning the anchor used: the publication date when known, else (unless
 * options.inferAnchor is false) a day inferred from the article's date line or captions, else none.
 * Values resolved against an inferred anchor are marked isAnchored like any calendar value:
 * TimeExpr has no field to tell them apart, so callers that care read `anchor.source`.
 */
export function findTimesWithAnchor(text: string, publishedAt: string | undefined, options: FindTimesOptions = {}): { times: TimeExpr[]; anchor: TimeAnchor | undefined } {
  const published = parseReferenceDay(publishedAt);
  const chosen = selectCandidates(findCandidates(text), text.length);
  let anchor: TimeAnchor | undefined = published ? { day: published, source: 'publication' } : undefined;
  if (!anchor && options.inferAnchor !== false) {
    const captions = options.captions ?? [];
    const dates = statedDates(text, chosen);
    captions.forEach((caption, i) => dates.push(...statedDates(caption, selectCandidates(findCandidates(caption), caption.length), i)));
    const stated = inferAnchor({ text, dates, captions, weekdays: namedWeekdays(text, chosen) });
    if (stated) anchor = { day: stated.day, source: 'inferred', evidence: { start: stated.start, end: stated.end, ...(stated.caption === undefined ? {} : { caption: stated.caption }) } };
  }
  const dct: CalendarDay | undefined = anchor?.day;
  const times: TimeExpr[] = [];
  let ref: Reference | undefined = dct ? { day: dct, granularity: 'day' } : undefined;
  let quarterRef: Reference | undefined;
  let quarterRefEnd = 0;
  let lastEnd = 0;
  for (const c of chosen) {
    // A quarter only colours "a year ago" nearby: an earnings paragraph, not the whole article.
    const isQuarterNear = quarterRef !== undefined && c.start - quarterRefEnd <= QUARTER_REACH;
    const scope = { dct, ref, quarterRef: isQuarterNear ? quarterRef : undefined, tense: tenseAt(text, c.start, c.end) };
    const n = c.rule.build(c.match, scope);
    if (!n) continue;
    let start = c.start;
    if (EDGE_RULES.has(c.rule.name)) {
      const edge = EDGE_BEFORE.exec(text.slice(Math.max(lastEnd, start - 40), start));
      if (edge) start -= edge[0].length;
    }
    const next = referenceOf(n);
    if (next && c.rule.setsReference) ref = next;
    // Only quarters the text names update it, not ones computed from it ("a year earlier" → 1988-Q3).
    if (next && next.granularity === 'quarter' && (c.rule.setsReference || c.rule.name === 'quarter-ref')) {
      quarterRef = next;
      quarterRefEnd = c.end;
    }
    lastEnd = c.end;
    times.push({
      id: `t${times.length + 1}`,
      start,
      end: c.end,
      text: text.slice(start, c.end),
      type: n.type,
      value: n.value,
      granularity: n.granularity,
      isAnchored: n.isAnchored,
    });
  }
  return { times, anchor };
}

/** The time stage: assigns the `times` layer from the body text and ctx.publishedAt (else an anchor inferred from the text and its captions). */
export const timeStage = defineStage({
  name: 'time',
  version: TIME_VERSION,
  requires: [],
  assigns: 'times',
  run(doc: Doc, ctx) {
    return findTimes(doc.text, ctx.publishedAt, { captions: doc.captions.map((c) => c.text) });
  },
});
