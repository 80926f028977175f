/**
 * The `time` stage: finds temporal expressions in the article body and normalises them to TIMEX3
 * values (DATE/TIME/DURATION/SET) anchored on the publication date, with news conventions (a
 * weekday in past-tense reporting is the latest one on or before publication).
 */
import type { Doc, TimeExpr } from '../../model/index.js';
import { defineStage } from '../../pipeline/stage.js';
import { parseReferenceDay, type CalendarDay } from './calendar.js';
import type { Normalised, Reference } from './resolve.js';
import { RULES, type TimeRule } from './rules.js';
import { tenseAt } from './tense.js';

/** Bump when the stage's output changes. */
export const TIME_VERSION = 1;

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

/**
 * Finds and normalises the temporal expressions of a text against a publication date.
 * @example findTimes('The talks ended on Friday.', '2015-11-26') // [{ text: 'Friday', value: '2015-11-20', … }]
 */
export function findTimes(text: string, publishedAt: string | undefined): TimeExpr[] {
  const dct: CalendarDay | undefined = parseReferenceDay(publishedAt);
  const chosen = selectCandidates(findCandidates(text), text.length);
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
  return times;
}

/** The time stage: assigns the `times` layer from the body text and ctx.publishedAt. */
export const timeStage = defineStage({
  name: 'time',
  version: TIME_VERSION,
  requires: [],
  assigns: 'times',
  run(doc: Doc, ctx) {
    return findTimes(doc.text, ctx.publishedAt);
  },
});
