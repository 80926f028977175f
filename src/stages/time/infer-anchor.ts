/**
 * Reference-day inference for articles without a publication date (plain-text scrapes): the
 * article's own fully stated dates ("November 24, 2015", "24 Nov. 2015", "2015-11-24") stand in for
 * the document creation time, as DCT-estimation systems do, so "on Tuesday" and "last week" still
 * get calendar values. Pure: the text and its dates come in as arguments, no clock is read.
 */
import { isoWeekday, toEpochDay, type CalendarDay } from './calendar.js';
import type { Tense } from './tense.js';

/** A date the text states outright: a full day, or a year or month ("in 2006", "March 2012") as its first day. */
export interface StatedDate {
  readonly day: CalendarDay;
  readonly granularity: 'day' | 'month' | 'year';
  readonly start: number;
  readonly end: number;
  /** Tense of the clause around the date (tense.ts). */
  readonly tense: Tense;
  /** Set when the date is in a photo caption the cleaner set apart from the body: its index there (start/end are then offsets in that caption). */
  readonly caption?: number;
}

// A date right after one of these is a deadline or maturity, after publication whatever the verb
// tense: "notes due Nov. 1, 2009", "until Dec. 31, 1994", "the year ending June 30, 1990", "by 2018".
const DEADLINE_BEFORE = /\b(?:due|until|till|through|by|expires?|expiring|matures?|maturing|ending|deadline(?:\s+of)?)\s+(?:on\s+)?$/i;
// A year after a determiner names a thing, not a time: "the 2011 version", "its 2012 models".
const DETERMINER_BEFORE = /\b(?:the|a|an|its|their|his|her)\s+$/i;

/** True when a stated date points after publication: a future clause or a deadline. `text` is the one holding the date. */
function isAhead(text: string, d: StatedDate): boolean {
  return d.tense === 'future' || DEADLINE_BEFORE.test(text.slice(Math.max(0, d.start - 30), d.start));
}

// Where a date stands outside the story. A date line opens a line near the top of the text, alone or
// after a label or a capitalised place: "June 9, 2007", "Published: 24 Nov. 2015", "WASHINGTON,
// Nov. 24, 2015 —". A caption's date closes its line before a photo credit: "…, Turkey, November 24,
// 2015. (Haberturk TV via AP)", "… Photo: AFP". A short line that is no sentence (a byline or time
// stamp, "By Ann Lee | Nov. 24, 2015 4:32 PM") counts as a caption: plausible, not certain.
const DATELINE_BEFORE = /^[ \t]*(?:(?:Published|Updated|Posted|First published|Last updated|Last modified|Dated?)(?:\s+on)?\s*:?\s*|[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*,\s*)?$/;
const CAPTION_AFTER = /^\s*\.?\s*(?:\([^()\n]{1,100}\)|(?:Photo|Picture|Image|Credit|Source)s?\s*:[^\n]{1,100}|[-–—]\s*[^\n]{1,60})\s*\.?[ \t]*$/;
/** How far into the text a date line may sit (title, byline, date): lower down a line-opening date is a timeline entry, part of the story. */
const HEAD = 400;
const SHORT_LINE = 100;

/** Where a date stands: a date line, a caption (or byline), or inside the story. */
export function datePosition(text: string, d: Pick<StatedDate, 'start' | 'end'>): 'dateline' | 'caption' | 'story' {
  const lineStart = text.lastIndexOf('\n', d.start - 1) + 1;
  const found = text.indexOf('\n', d.end);
  const lineEnd = found < 0 ? text.length : found;
  const opensLine = DATELINE_BEFORE.test(text.slice(lineStart, d.start));
  if (opensLine && d.start < HEAD) return 'dateline';
  const line = text.slice(lineStart, lineEnd).trim();
  if (CAPTION_AFTER.test(text.slice(d.end, lineEnd))) return 'caption';
  return line.length <= SHORT_LINE && !/[.!?:;"”’)]$/.test(line) ? 'caption' : 'story';
}

/** True when a year only labels something ("the 2011 version"), so it says nothing about when the text was written. */
function isLabel(text: string, d: StatedDate): boolean {
  return d.granularity === 'year' && DETERMINER_BEFORE.test(text.slice(Math.max(0, d.start - 8), d.start));
}

/** The latest of some full dates; ties keep the first in text order, so the result depends on the text alone. */
function latest(dates: readonly StatedDate[]): StatedDate | undefined {
  let best: StatedDate | undefined;
  for (const d of dates) if (!best || toEpochDay(d.day) > toEpochDay(best.day)) best = d;
  return best;
}

/** What the inference reads: the body, the dates stated in it and in its set-apart captions, and the weekdays the story names. */
export interface AnchorEvidence {
  readonly text: string;
  readonly dates: readonly StatedDate[];
  /** Photo captions set apart from the body; dates with `caption` set point into them. */
  readonly captions?: readonly string[];
  /** ISO weekdays (1 = Monday) the body names outside future clauses ("on Tuesday", "Friday night"). */
  readonly weekdays: ReadonlySet<number>;
}

/**
 * The reference day of an undated article, from the full dates standing outside its story:
 * 1. the latest date line: a date line states the publication day;
 * 2. else the latest caption date (in the body, or in the captions the cleaner set apart), when the
 *    story names its weekday and reports nothing later. A photo of the reported event is dated on
 *    the day the story calls "Tuesday" (news names the past week by weekday); an archive photo is
 *    not, and a reported date, year or month after it ("renamed in 2006" beside a caption of 2003)
 *    also gives it away (TBAQ with a year-old caption added: 239 of 256 taken without the weekday
 *    check, 25 with it). Reported = not ahead of publication (future clauses, deadlines) and not a
 *    label ("the 2011 model");
 * 3. else none. Dates told inside the story are left out: they are mostly background, not the news
 *    day (AP style names the past week by weekday and older days by date; on TBAQ the latest body date
 *    was the creation day in 0 of 11 documents and set 34 of 41 values wrong). No anchor beats a wrong one.
 * A caption anchor is a lower bound: publication may be a few days later, and a weekday named
 * between the two then resolves a week early.
 * @example inferAnchor({ text: 'Talks in Vienna, Nov. 14, 2015. (AP Photo)\nThey ended on Saturday.', dates, weekdays: new Set([6]) }) // Nov. 14, 2015
 */
export function inferAnchor(evidence: AnchorEvidence): StatedDate | undefined {
  const { text, dates, captions = [], weekdays } = evidence;
  const home = (d: StatedDate): string => (d.caption === undefined ? text : captions[d.caption] ?? '');
  const position = (d: StatedDate) => (d.caption === undefined ? datePosition(text, d) : 'caption');
  const days = dates.filter((d) => d.granularity === 'day');
  const dateline = latest(days.filter((d) => position(d) === 'dateline'));
  if (dateline) return dateline;
  const caption = latest(days.filter((d) => position(d) === 'caption' && !isAhead(home(d), d)));
  if (!caption || !weekdays.has(isoWeekday(caption.day))) return undefined;
  const bound = toEpochDay(caption.day);
  const isLater = (d: StatedDate): boolean => d.caption === undefined && toEpochDay(d.day) > bound && !isAhead(text, d) && !isLabel(text, d);
  return dates.some(isLater) ? undefined : caption;
}
