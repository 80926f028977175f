/**
 * The time stage's pattern rules (HeidelTime-style): each rule is a regular expression over the
 * article text, an optional guard that rejects look-alikes ("Theresa May", "2,000 troops",
 * "Sunday Times"), and a builder that normalises the match against the resolution scope.
 */
import { addDays, dayValue, easterSunday, isoWeekday, isValidDay, nthWeekdayOfMonth, pad, monthValue, type CalendarDay } from './calendar.js';
import {
  COUNT_RE, DAY_PARTS, MONTHS, MONTH_RE, NUMBER_WORD_RE, ORDINALS, SEASONS, SEASON_RE, UNIT_RE, WEEKDAYS, WEEKDAY_RE,
  countValue, spokenYear, unitCode,
} from './lexicon.js';
import {
  dayWithoutYear, monthWithoutYear, norm, relativeCentury, relativeDay, relativeDecade, relativeMonth, relativeQuarter,
  relativeWeek, relativeYear, seasonYear, shiftReference, unanchored, weekdayDate, yearFor, type Normalised, type Scope,
} from './resolve.js';

/** One pattern rule. */
export interface TimeRule {
  readonly name: string;
  /** Global regex; named groups feed the builder. */
  readonly pattern: RegExp;
  /** Rejects a match that only looks temporal; runs before overlaps are settled. */
  readonly guard?: (text: string, m: RegExpExecArray) => boolean;
  /** True when the value is stated outright or from publication ("Nov. 17", "Friday", "1998"), so it anchors later anaphora. */
  readonly setsReference?: boolean;
  /** Normalises the match; undefined drops it. */
  readonly build: (m: RegExpExecArray, s: Scope) => Normalised | undefined;
}

/** A word whose first letter may be either case: 'last' → '[Ll]ast'. */
function ci(word: string): string {
  return word.replace(/\b([a-z])/g, (c) => `[${c.toUpperCase()}${c}]`);
}

/** Wraps a source in word boundaries that also refuse a hyphen, currency sign or digit group ("100,000") on the left. */
function rx(source: string): RegExp {
  return new RegExp(`(?<![\\w$£€'’-])(?<!\\d[,.])(?:${source})(?![\\w])`, 'g');
}

const g = (m: RegExpExecArray, name: string): string | undefined => m.groups?.[name];

function monthOf(raw: string | undefined): number {
  return MONTHS[(raw ?? '').toLowerCase().replace(/\.$/, '')] ?? 0;
}

function weekdayOf(raw: string | undefined): number {
  return WEEKDAYS[(raw ?? '').toLowerCase()] ?? 0;
}

/** Four-digit year or two-digit year ('98 → 1998, 05 → 2005). */
function yearOf(raw: string | undefined): number {
  const s = (raw ?? '').replace(/^['’]/, '');
  const n = Number(s);
  if (s.length === 2) return n < 50 ? 2000 + n : 1900 + n;
  return n;
}

function explicitDay(year: number, month: number, day: number): Normalised | undefined {
  return isValidDay(year, month, day) ? norm('DATE', dayValue({ year, month, day }), 'day') : undefined;
}

const PREP_BEFORE = /(?:\b(?:in|on|since|until|till|by|from|through|to|of|before|after|during|last|next|this|early|late|mid|end|beginning|start|between|and|or|for|around|about|at|throughout|within|as of|effective|every|each|past)\s+|mid-)$/i;

/** True when the words before index `at` end with a preposition or time modifier. */
function hasPrepositionBefore(text: string, at: number): boolean {
  return PREP_BEFORE.test(text.slice(Math.max(0, at - 16), at));
}

const CLOCK_RE = '(?<h>\\d{1,2})(?:[:.](?<mi>\\d{2}))?\\s*(?<ap>[ap]\\.\\s?m\\.?|[AP]\\.\\s?M\\.?|[ap]m\\b|[AP]M\\b)(?:\\s+(?<tz>GMT|UTC|[ECMP][SD]T|BST|CET|CEST))?';
const PART_RE = '(?:morning|afternoon|evening|night|overnight)';

function clockValue(m: RegExpExecArray): string | undefined {
  let h = Number(g(m, 'h'));
  const mi = Number(g(m, 'mi') ?? '0');
  const ap = (g(m, 'ap') ?? '').toLowerCase();
  if (h > 12 || mi > 59) return undefined;
  if (ap.startsWith('p') && h < 12) h += 12;
  if (ap.startsWith('a') && h === 12) h = 0;
  return `T${pad(h)}:${pad(mi)}`;
}

/** The day a clock time or part of day sits on: the reference day, else publication, else unknown. */
function dayForTime(s: Scope): string {
  const base = s.ref && s.ref.granularity === 'day' ? s.ref.day : s.dct;
  return base ? dayValue(base) : 'XXXX-XX-XX';
}

function withTime(day: Normalised, suffix: string): Normalised {
  return { type: 'TIME', value: `${day.value}${suffix}`, granularity: suffix.startsWith('T') && /\d/.test(suffix) ? 'minute' : 'hour', isAnchored: day.isAnchored };
}

function partCode(raw: string | undefined): string | undefined {
  return raw ? DAY_PARTS[raw.toLowerCase()] : undefined;
}

/** A weekday resolved by tense or an explicit last/next/this. */
function weekdayNorm(s: Scope, weekday: number, shiftWord?: string): Normalised {
  const w = (shiftWord ?? '').toLowerCase().trim();
  const shift = w === 'last' || w === 'this past' || w === 'past' || w === 'the previous' ? 'last' : w === 'next' || w === 'this coming' || w === 'coming' || w === 'the following' || w === 'the next' ? 'next' : w === 'this' ? 'this' : undefined;
  // "the previous Friday" counts back from the day the text last stated, not from publication.
  const isAnaphoric = w === 'the previous' || w === 'the following' || w === 'the next';
  const scope = isAnaphoric && s.ref && s.ref.granularity === 'day' ? { ...s, dct: s.ref.day } : s;
  const day = weekdayDate(scope, weekday, shift);
  return day ? norm('DATE', dayValue(day), 'day') : unanchored('DATE', `XXXX-WXX-${weekday}`, 'day');
}

function dayNorm(day: CalendarDay | undefined): Normalised {
  return day ? norm('DATE', dayValue(day), 'day') : unanchored('DATE', 'XXXX-XX-XX', 'day');
}

/** Relative unit words: 'last week', 'this year', 'next month'. */
function relativeUnit(s: Scope, unit: string, offset: number): Normalised | undefined {
  switch (unit.toLowerCase()) {
    case 'day': return relativeDay(s, offset);
    case 'week': return relativeWeek(s, offset);
    case 'weekend': return relativeWeek(s, offset, '-WE');
    case 'month': return relativeMonth(s, offset);
    case 'quarter': return relativeQuarter(s, offset);
    case 'year': return relativeYear(s, offset);
    case 'decade': return relativeDecade(s, offset);
    case 'century': return relativeCentury(s, offset);
    default: return undefined;
  }
}

function duration(amount: number | 'X', unit: string): Normalised | undefined {
  const u = unitCode(unit);
  if (!u) return undefined;
  let n = amount === 'X' ? 'X' : String(amount);
  const code = u.code;
  // Half units are written in the next smaller unit: half an hour → PT30M, half a year → P6M.
  if (amount === 0.5) {
    const halves: Record<string, string> = { TH: 'PT30M', TM: 'PT30S', D: 'PT12H', W: 'P3DT12H', M: 'P2W', Y: 'P6M', DE: 'P5Y', CE: 'P50Y' };
    const half = halves[u.isTime ? `T${code}` : code];
    if (half) return norm('DURATION', half, u.granularity);
  }
  // Fractions go down one unit: 2.5 years → P2Y6M, 5.5 hours → PT5H30M, 1.5 days → P1DT12H.
  if (typeof amount === 'number' && !Number.isInteger(amount)) {
    const whole = Math.floor(amount);
    const part = amount - whole;
    const split: Record<string, [number, string]> = { Y: [12, 'M'], M: [30, 'D'], W: [7, 'D'] };
    if (u.isTime && code === 'H') return norm('DURATION', `PT${whole}H${Math.round(part * 60)}M`, 'minute');
    if (!u.isTime && code === 'D') return norm('DURATION', `P${whole}DT${Math.round(part * 24)}H`, 'hour');
    const sub = split[code];
    if (!u.isTime && sub && Number.isInteger(part * sub[0])) return norm('DURATION', `P${whole}${code}${part * sub[0]}${sub[1]}`, u.granularity);
    n = String(amount);
  }
  if (code === 'Q') return norm('DURATION', amount === 'X' ? 'PXQ' : `P${amount}Q`, 'quarter');
  // TimeBank writes decades and centuries in years: "two decades" → P20Y.
  if ((code === 'DE' || code === 'CE') && typeof amount === 'number') {
    return norm('DURATION', `P${Math.round(amount * (code === 'DE' ? 10 : 100))}Y`, 'year');
  }
  return norm('DURATION', `P${u.isTime ? 'T' : ''}${n}${code}`, u.granularity);
}

const FOLLOWING_NAME = /^\s+(?!(?:morning|afternoon|evening|night|overnight)\b)[A-Z][a-z]/;
const HOLIDAYS: Readonly<Record<string, (year: number) => CalendarDay>> = {
  'christmas': (y) => ({ year: y, month: 12, day: 25 }),
  'christmas day': (y) => ({ year: y, month: 12, day: 25 }),
  'christmas eve': (y) => ({ year: y, month: 12, day: 24 }),
  "new year's day": (y) => ({ year: y, month: 1, day: 1 }),
  "new year's eve": (y) => ({ year: y, month: 12, day: 31 }),
  'thanksgiving': (y) => nthWeekdayOfMonth(y, 11, 4, 4),
  'thanksgiving day': (y) => nthWeekdayOfMonth(y, 11, 4, 4),
  'easter': (y) => easterSunday(y),
  'easter sunday': (y) => easterSunday(y),
  'independence day': (y) => ({ year: y, month: 7, day: 4 }),
  'labor day': (y) => nthWeekdayOfMonth(y, 9, 1, 1),
  'memorial day': (y) => nthWeekdayOfMonth(y, 5, 1, -1),
  'halloween': (y) => ({ year: y, month: 10, day: 31 }),
  "valentine's day": (y) => ({ year: y, month: 2, day: 14 }),
  'boxing day': (y) => ({ year: y, month: 12, day: 26 }),
};

const DECADE_WORDS: Readonly<Record<string, number>> = {
  twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9,
};

const CENTURY_ORDINALS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21, 'twenty first': 21,
};

// Words after a bare number that make it a count, not a year: "1500 people", "2000 troops".
const COUNT_NOUN_AFTER = /^\s*(?:people|persons|men|women|children|troops|soldiers|police|policemen|officers|workers|employees|jobs|residents|refugees|migrants|civilians|casualties|deaths|dead|victims|cases|votes|seats|points|miles|kilometres|kilometers|km|metres|meters|feet|foot|tons|tonnes|barrels|dollars|euros|pounds|yuan|shares|units|vehicles|cars|homes|houses|buildings|rockets|missiles|bombs|shells|members|delegates|fighters|militants|rebels|prisoners|students|protesters|demonstrators|pages|words|acres|hectares|calories|degrees|of\s+(?:the|them|whom|which|those|these))\b/;
// Words before a bare number that make it a count or an identifier: "No. 1998", "flight 2015", "$2010".
const NOT_YEAR_BEFORE = /(?:\b(?:No|no|number|Number|flight|Flight|room|Room|page|Page|route|Route|highway|Highway|model|Model|version|Version|code|Code|article|Article|resolution|Resolution|about|nearly|almost|some|over|than|least|exactly|roughly|approximately|around|only|just|killed|wounded|injured|kills)\.?|[#$£€+\-–/.:,]|\d)\s*$/;

function yearGuard(text: string, m: RegExpExecArray): boolean {
  if (/^(?:[Ff]iscal|[Cc]alendar|[Tt]he year|FY)/.test(m[0])) return true;
  const before = text.slice(Math.max(0, m.index - 24), m.index);
  const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24);
  // "1600 Pennsylvania Avenue", "2200 block": street numbers.
  if (/^\s+(?:[A-Z][a-z]+\s+)?(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Drive|Way|Place|Square|block)\b/.test(after)) return false;
  // Years before 1800 are rare in news: take them only after a preposition ("in 1648", "since 1789").
  if (Number(g(m, 'y')) < 1800 && m[0] === g(m, 'y') && !hasPrepositionBefore(text, m.index)) return false;
  if (/^[,.]\d|^\s*(?:%|percent|per cent)|^-\d|^:\d/.test(after)) return false;
  if (/[\d,.]$/.test(before)) return false;
  // "in 1994, 1995 and 1997": a year after a year and a comma is still a year.
  const isYearList = /\b(?:1[5-9]\d\d|20\d\d),\s+$/.test(before);
  if (NOT_YEAR_BEFORE.test(before) && !isYearList) return false;
  if (COUNT_NOUN_AFTER.test(after) && !hasPrepositionBefore(text, m.index)) return false;
  return true;
}

/** The rules, in priority order (earlier wins a tie between equally long overlapping matches). */
export const RULES: readonly TimeRule[] = [
  {
    name: 'iso-date',
    setsReference: true,
    pattern: rx('(?<y>1\\d{3}|20\\d{2})-(?<mo>\\d{2})-(?<d>\\d{2})(?:T(?<hh>\\d{2}):(?<mm>\\d{2}))?'),
    build: (m, _s) => {
      const d = explicitDay(Number(g(m, 'y')), Number(g(m, 'mo')), Number(g(m, 'd')));
      if (!d || !g(m, 'hh')) return d;
      return { type: 'TIME', value: `${d.value}T${g(m, 'hh')}:${g(m, 'mm')}`, granularity: 'minute', isAnchored: true };
    },
  },
  {
    name: 'numeric-date',
    setsReference: true,
    pattern: rx('(?<mo>\\d{1,2})/(?<d>\\d{1,2})/(?<y>\\d{4}|\\d{2})'),
    build: (m) => {
      const first = Number(g(m, 'mo'));
      const second = Number(g(m, 'd'));
      // US order (11/26/2015) unless the first number cannot be a month (26/11/2015).
      return first > 12 ? explicitDay(yearOf(g(m, 'y')), second, first) : explicitDay(yearOf(g(m, 'y')), first, second);
    },
  },
  {
    // "Monday, Nov. 17, 1989", "November 8, 2018", "Nov. 8th 2018"
    name: 'month-day-year',
    setsReference: true,
    pattern: rx(`(?:${WEEKDAY_RE},?\\s+)?(?<mo>${MONTH_RE})\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y>1\\d{3}|20\\d{2})`),
    build: (m) => explicitDay(Number(g(m, 'y')), monthOf(g(m, 'mo')), Number(g(m, 'd'))),
  },
  {
    // "8 November 2018", "the 8th of November, 2018"
    name: 'day-month-year',
    setsReference: true,
    pattern: rx(`(?:${WEEKDAY_RE},?\\s+)?(?:the\\s+)?(?<d>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<mo>${MONTH_RE}),?\\s+(?<y>1\\d{3}|20\\d{2})`),
    build: (m) => explicitDay(Number(g(m, 'y')), monthOf(g(m, 'mo')), Number(g(m, 'd'))),
  },
  {
    // "Nov. 17", "Tuesday, Nov. 17", "March 3rd"
    name: 'month-day',
    setsReference: true,
    pattern: rx(`(?:${WEEKDAY_RE},?\\s+)?(?<mo>${MONTH_RE})\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?(?!\\d|:\\d)`),
    guard: (text, m) => !/^\s*(?:%|percent|per cent)/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 10)),
    build: (m, s) => {
      const mo = monthOf(g(m, 'mo'));
      const d = Number(g(m, 'd'));
      if (!isValidDay(2000, mo, d)) return undefined;
      return dayWithoutYear(s, mo, d);
    },
  },
  {
    // "17 November", "the 17th of November", "Tuesday 24 November"
    name: 'day-month',
    setsReference: true,
    pattern: rx(`(?:${WEEKDAY_RE},?\\s+)?(?:the\\s+)?(?<d>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<mo>${MONTH_RE})`),
    guard: (text, m) => !/[\d,.]\s*$/.test(text.slice(Math.max(0, m.index - 2), m.index)),
    build: (m, s) => {
      const mo = monthOf(g(m, 'mo'));
      const d = Number(g(m, 'd'));
      if (!isValidDay(2000, mo, d)) return undefined;
      return dayWithoutYear(s, mo, d);
    },
  },
  {
    // "March 2012", "March of 2012", "late November 1999", "mid-June 2015"
    name: 'month-year',
    setsReference: true,
    pattern: rx(`(?:(?:${ci('early')}|${ci('late')}|${ci('mid')})[- ]?)?(?<mo>${MONTH_RE}),?\\s+(?:of\\s+)?(?:(?<y>1\\d{3}|20\\d{2})|(?<rel>this|last|next)\\s+year)`),
    guard: (text, m) => !/^\s*(?:%|percent|per cent)/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 10)),
    build: (m, s) => {
      const mo = monthOf(g(m, 'mo'));
      if (!mo) return undefined;
      const rel = g(m, 'rel');
      if (rel) {
        if (!s.dct) return unanchored('DATE', `XXXX-${pad(mo)}`, 'month');
        return norm('DATE', monthValue(s.dct.year + (rel === 'last' ? -1 : rel === 'next' ? 1 : 0), mo), 'month');
      }
      return norm('DATE', monthValue(Number(g(m, 'y')), mo), 'month');
    },
  },
  {
    // "in December", "last April", "early September", "mid-November", "this September"
    name: 'month',
    setsReference: true,
    pattern: rx(`(?:(?<mod>${ci('early')}|${ci('late')}|${ci('mid')}|${ci('this past')}|${ci('this coming')}|${ci('last')}|${ci('next')}|${ci('this')})[- ]?)?(?<mo>${MONTH_RE})`),
    guard: (text, m) => {
      const mo = g(m, 'mo') ?? '';
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
      if (/^\s+\d/.test(after) && !/^\s+\d{1,2}(?:st|nd|rd|th)?\s*(?:%|percent)/.test(after)) return false;
      if (/^[-–]\d/.test(after)) return false;
      if (g(m, 'mod')) return true;
      // "Theresa May", "March organisers": May and March need a preposition; abbreviations too.
      const isRisky = mo === 'May' || mo === 'March' || /^[A-Z][a-z]{2,3}\.?$/.test(mo) || mo === 'June' || mo === 'August';
      const hasDeterminer = mo !== 'May' && mo !== 'March' && /\b(?:a|an|the|[Ll]ast|[Tt]his)\s+$/.test(text.slice(Math.max(0, m.index - 6), m.index));
      if (isRisky && !hasPrepositionBefore(text, m.index) && !hasDeterminer) return false;
      if (FOLLOWING_NAME.test(after) && !/^\s+(?:and|or)\b/.test(after)) return false;
      // A capitalised word before the month makes it part of a name: "Theresa May", "Queen May".
      if (/[A-Z][a-z]+\s+$/.test(text.slice(Math.max(0, m.index - 20), m.index)) && !hasPrepositionBefore(text, m.index)) return false;
      return true;
    },
    build: (m, s) => {
      const mo = monthOf(g(m, 'mo'));
      const mod = (g(m, 'mod') ?? '').toLowerCase();
      if (!mo) return undefined;
      if (!s.dct && (mod === 'last' || mod === 'next' || mod === 'this')) return unanchored('DATE', `XXXX-${pad(mo)}`, 'month');
      // "last February" said in March means a year before: the month just gone is "last month".
      if (s.dct && (mod === 'last' || mod === 'this past')) return norm('DATE', monthValue(mo >= s.dct.month - 1 ? s.dct.year - 1 : s.dct.year, mo), 'month');
      if (s.dct && (mod === 'next' || mod === 'this coming')) return norm('DATE', monthValue(mo <= s.dct.month ? s.dct.year + 1 : s.dct.year, mo), 'month');
      if (s.dct && mod === 'this') return norm('DATE', monthValue(s.dct.year, mo), 'month');
      return monthWithoutYear(s, mo);
    },
  },
  {
    // "the 1990s", "the mid-1990s", "the '80s", "1990s"
    name: 'decade',
    pattern: rx(`(?:${ci('the')}\\s+)?(?:(?:${ci('early')}|${ci('late')}|${ci('mid')})[- ]?)?(?:(?<dec>1\\d{2}0|20\\d0)|['’](?<short>\\d0))['’]?s`),
    build: (m) => {
      const dec = g(m, 'dec');
      if (dec) return norm('DATE', dec.slice(0, 3), 'decade');
      return norm('DATE', `19${(g(m, 'short') ?? '0').slice(0, 1)}`, 'decade');
    },
  },
  {
    // "the nineties", "the early eighties"
    name: 'decade-word',
    pattern: rx(`${ci('the')}\\s+(?:(?:early|late|mid)[- ])?(?<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)`),
    build: (m) => norm('DATE', `19${DECADE_WORDS[g(m, 'w') ?? ''] ?? 0}`, 'decade'),
  },
  {
    // "the 20th century", "the twenty-first century"
    name: 'century',
    pattern: rx(`(?:${ci('the')}\\s+)?(?:(?:early|late|mid)[- ])?(?:(?<n>\\d{1,2})(?:st|nd|rd|th)|(?<w>twenty[- ]first|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth))[- ][Cc]entury`),
    build: (m) => {
      const n = g(m, 'n') ? Number(g(m, 'n')) : CENTURY_ORDINALS[(g(m, 'w') ?? '').toLowerCase().replace('-', ' ')] ?? CENTURY_ORDINALS[(g(m, 'w') ?? '').toLowerCase()];
      return n ? norm('DATE', pad(n - 1), 'century') : undefined;
    },
  },
  {
    // "1998", "fiscal 1989", "the year 2000", "early 2015", "'98"
    name: 'year',
    setsReference: true,
    pattern: rx(`(?:(?:${ci('fiscal')}(?:\\s+year)?|${ci('calendar')}(?:\\s+year)?|${ci('the year')}|${ci('early')}|${ci('late')}|${ci('mid')}|FY)[- ]?)?(?<y>1[5-9]\\d{2}|20\\d{2})`),
    guard: yearGuard,
    build: (m) => norm('DATE', g(m, 'y') ?? '', 'year'),
  },
  {
    // "nineteen ninety-six", "the year two thousand"
    name: 'spoken-year',
    setsReference: true,
    pattern: rx(`(?:${ci('the year')}\\s+)?(?<w>(?:[Nn]ineteen|[Tt]wenty)\\s+${NUMBER_WORD_RE}|two thousand(?:\\s+and\\s+${NUMBER_WORD_RE})?)`),
    guard: (text, m) => {
      if (/^the year/i.test(m[0])) return true;
      // "nineteen ninety-six" but not "twenty five people".
      if (/^\s*(?:[a-z]+s\b|people|men|women|percent)/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))) return false;
      return /^(?:nineteen|twenty)\s+(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)/i.test(m[0]);
    },
    build: (m) => {
      const w = (g(m, 'w') ?? '').toLowerCase();
      if (w.startsWith('two thousand')) {
        const rest = /and\s+(.+)$/.exec(w);
        const n = rest ? countValue(rest[1]!) : 0;
        return typeof n === 'number' ? norm('DATE', String(2000 + n), 'year') : undefined;
      }
      const y = spokenYear(w);
      return y ? norm('DATE', String(y), 'year') : undefined;
    },
  },
  {
    // "the third quarter", "third-quarter", "the fiscal first quarter", "the fourth quarter of 2015", "Q3 2015"
    name: 'quarter',
    setsReference: true,
    pattern: rx(`(?:${ci('the')}\\s+)?(?:(?:fiscal|calendar|latest|year-earlier|year-ago)\\s+)?(?<ord>${ci('first')}|${ci('second')}|${ci('third')}|${ci('fourth')}|1st|2nd|3rd|4th)[- ](?:fiscal\\s+)?quarter(?:\\s+of\\s+(?:fiscal\\s+)?(?<y>1\\d{3}|20\\d{2}))?|Q(?<q>[1-4])(?:\\s+(?<qy>20\\d{2}|1\\d{3}))?`),
    guard: (_text, m) => !/^[Tt]he\s+\S+-quarter/.test(m[0]) && !/^[Tt]he\s+(?:fiscal|calendar|latest)\s+\S+-quarter/.test(m[0]),
    build: (m, s) => {
      const q = g(m, 'q') ? Number(g(m, 'q')) : ORDINALS[(g(m, 'ord') ?? '').toLowerCase()] ?? 0;
      if (q < 1) return undefined;
      const explicit = g(m, 'y') ?? g(m, 'qy');
      if (explicit) return norm('DATE', `${explicit}-Q${q}`, 'quarter');
      if (/year-(?:earlier|ago)/i.test(m[0])) {
        return s.dct ? norm('DATE', `${s.dct.year - 1}-Q${q}`, 'quarter') : unanchored('DATE', `XXXX-Q${q}`, 'quarter');
      }
      if (!s.dct) return unanchored('DATE', `XXXX-Q${q}`, 'quarter');
      const current = Math.floor((s.dct.month - 1) / 3) + 1;
      // Quarterly results are reported after the quarter ends, so an unmarked quarter reads as past.
      const tense = s.tense === 'future' ? 'future' : q === current ? 'unknown' : 'past';
      // The quarter just ended stays in its year even in future talk ("after a third-quarter loss").
      return norm('DATE', `${yearFor(s.dct.year, q, current, tense, 4, 1)}-Q${q}`, 'quarter');
    },
  },
  {
    // "the 1988 third quarter", "the 1988 period", "this year's third quarter", "last year's quarter"
    name: 'year-quarter',
    setsReference: true,
    pattern: rx(`(?:${ci('the')}\\s+(?<y>1\\d{3}|20\\d{2})|(?<rel>${ci('this')}|${ci('last')}|${ci('next')})\\s+year['’]s)\\s+(?:(?<ord>first|second|third|fourth|1st|2nd|3rd|4th)[- ])?(?:fiscal\\s+)?(?<noun>quarter|period)`),
    build: (m, s) => {
      const rel = (g(m, 'rel') ?? '').toLowerCase();
      const year = g(m, 'y') ? Number(g(m, 'y')) : s.dct ? s.dct.year + (rel === 'last' ? -1 : rel === 'next' ? 1 : 0) : undefined;
      const ord = ORDINALS[(g(m, 'ord') ?? '').toLowerCase()];
      const current = s.dct ? Math.floor((s.dct.month - 1) / 3) : 0;
      // An unnumbered quarter or period is the one being reported: the quarter before publication.
      const q = ord && ord > 0 ? ord : current === 0 ? 4 : current;
      if (year === undefined) return unanchored('DATE', `XXXX-Q${q}`, 'quarter');
      return norm('DATE', `${year}-Q${q}`, 'quarter');
    },
  },
  {
    // "the first half of 1989", "the second half"
    name: 'half-year',
    pattern: rx(`${ci('the')}\\s+(?:(?:fiscal|calendar)\\s+)?(?<ord>first|second|last)\\s+half(?:\\s+of\\s+(?:(?<y>1\\d{3}|20\\d{2})|(?<rel>this|next|last)\\s+year|the\\s+year))?`),
    build: (m, s) => {
      const h = g(m, 'ord') === 'first' ? 1 : 2;
      const y = g(m, 'y');
      if (y) return norm('DATE', `${y}-H${h}`, 'year');
      const off = { this: 0, next: 1, last: -1 }[g(m, 'rel') ?? 'this'] ?? 0;
      return s.dct ? norm('DATE', `${s.dct.year + off}-H${h}`, 'year') : unanchored('DATE', `XXXX-H${h}`, 'year');
    },
  },
  {
    // "the quarter", "the latest quarter", "the current quarter", "the year-earlier quarter"
    name: 'quarter-ref',
    pattern: rx(`${ci('the')}\\s+(?:(?<w>latest|last|past|most recent|current|same|comparable|year-earlier|year-ago|comparable year-earlier|comparable year-ago|previous|preceding)?\\s*(?:fiscal\\s+)?quarter(?!s)(?:\\s+a\\s+year\\s+(?:ago|earlier))?|(?<w2>latest|most recent)\\s+period)`),
    guard: (text, m) => !/^\s+of\b|^-/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 5)),
    build: (m, s) => {
      const w = g(m, 'w') ?? g(m, 'w2') ?? '';
      if (w === 'current') return relativeQuarter(s, 0);
      if (/year-|a year/.test(m[0]) || w.includes('comparable')) return relativeQuarter(s, -5);
      if (w === 'previous' || w === 'preceding') return relativeQuarter(s, -2);
      return relativeQuarter(s, -1);
    },
  },
  {
    // "last fall", "this summer", "the spring of 2012", "winter 2015", "the early summer"
    name: 'season',
    pattern: rx(`(?:(?<mod>${ci('last')}|${ci('next')}|${ci('this past')}|${ci('this coming')}|${ci('this')}|${ci('the early')}|${ci('the late')}|${ci('early')}|${ci('late')}|${ci('the')}|${ci('mid')})[- ]\\s*)?(?<se>${SEASON_RE})(?:,?\\s+(?:of\\s+)?(?<y>1\\d{3}|20\\d{2}))?`),
    guard: (text, m) => {
      if (g(m, 'y')) return true;
      const mod = (g(m, 'mod') ?? '').toLowerCase();
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
      // A bare season needs a preposition: "in spring", "during winter" (not "fall", a verb too often).
      if (!mod) {
        const se = (g(m, 'se') ?? '').toLowerCase();
        return se !== 'fall' && /\b(?:[Ii]n|[Dd]uring|[Ss]ince|[Uu]ntil|[Tt]hrough|[Bb]y|[Oo]ver)\s+$/.test(text.slice(Math.max(0, m.index - 8), m.index)) && !/^\s+of\s+(?!\d)/.test(after);
      }
      if (mod === 'the' || mod.startsWith('the ') || mod === 'early' || mod === 'late' || mod === 'mid') {
        // "the fall of the Berlin Wall", "the spring offensive", "late summer heat" are not times.
        if (/^\s+of\b|^\s+[a-z]/.test(after)) return false;
        if (mod === 'the' && !/\b(?:in|into|during|by|until|over|through|since|for)\s+$/i.test(text.slice(Math.max(0, m.index - 10), m.index))) return false;
      }
      if ((mod === 'last' || mod === 'next' || mod === 'this') && /^\s+of\b/.test(after)) return false;
      return true;
    },
    build: (m, s) => {
      const code = SEASONS[(g(m, 'se') ?? '').toLowerCase()] ?? 'SU';
      const y = g(m, 'y');
      if (y) return norm('DATE', `${y}-${code}`, 'season');
      const mod = (g(m, 'mod') ?? '').toLowerCase();
      const shift = mod === 'last' || mod === 'this past' ? 'last' : mod === 'next' || mod === 'this coming' ? 'next' : mod === 'this' ? 'this' : undefined;
      return seasonYear(s, code, shift);
    },
  },
  {
    // "the past three summers" style sets are rare; "every summer" → XXXX-SU
    name: 'season-set',
    pattern: rx(`(?:${ci('every')}|${ci('each')})\\s+(?<se>${SEASON_RE})`),
    build: (m) => norm('SET', `XXXX-${SEASONS[(g(m, 'se') ?? '').toLowerCase()] ?? 'SU'}`, 'season'),
  },
  {
    // "last week", "this year", "next month", "earlier this week", "early next year", "the coming year"
    name: 'relative-unit',
    pattern: rx(`(?:(?<edge>${ci('earlier')}|${ci('later')}|${ci('early')}|${ci('late')}|${ci('mid')})[- ])?(?<dir>${ci('last')}|${ci('next')}|${ci('this')}|${ci('this past')}|${ci('this coming')}|${ci('the coming')}|${ci('the current')}|${ci('the following')}|${ci('the previous')}|${ci('the preceding')}|${ci('that')}|${ci('the same')})\\s+(?<unit>week|weekend|month|quarter|year|decade|century)(?!-)`),
    build: (m, s) => {
      const dir = (g(m, 'dir') ?? '').toLowerCase();
      const unit = (g(m, 'unit') ?? '').toLowerCase();
      if (dir === 'the following' || dir === 'the previous' || dir === 'the preceding' || dir === 'that' || dir === 'the same') {
        const code = unitCode(unit === 'weekend' ? 'week' : unit)?.code ?? 'Y';
        return shiftReference(s, dir === 'the following' ? 1 : dir === 'that' || dir === 'the same' ? 0 : -1, code, false);
      }
      const offset = dir === 'last' || dir === 'this past' ? -1 : dir === 'next' || dir === 'the coming' || dir === 'this coming' ? 1 : 0;
      return relativeUnit(s, unit, offset);
    },
  },
  {
    // "the weekend" (reporting: the latest one), "over the weekend"
    name: 'the-weekend',
    pattern: rx(`${ci('the')}\\s+weekend`),
    build: (m, s) => (s.tense === 'future' ? relativeWeek(s, 0, '-WE') : isPublishedAtWeekend(s) ? relativeWeek(s, 0, '-WE') : relativeWeek(s, -1, '-WE')),
  },
  {
    // "the past decade", "the last year" as durations; "the past two months", "the next few days", "the first nine months"
    name: 'span-duration',
    // "at the last minute" is an idiom, not a minute;
    // "the next day" is a day after the last one stated (anaphoric-day rule), not a duration.
    guard: (_text, m) => !/^the last minute$/i.test(m[0]) && !/^the\s+(?:next|following|previous|preceding)\s+day$/i.test(m[0]),
    pattern: rx(`${ci('the')}\\s+(?<dir>past|last|next|coming|previous|first|final|following|latest|preceding)\\s+(?:(?<n>${COUNT_RE}|\\d+\\s+(?:to|or)\\s+\\d+)\\s+)?(?<unit>${UNIT_RE})(?:\\s+or\\s+so)?`),
    build: (m, s) => {
      const raw = g(m, 'n');
      const unit = g(m, 'unit') ?? '';
      const isPlural = /s$/.test(unit) || unit === 'centuries';
      if (!raw) {
        if (isPlural) return duration('X', unit);
        const dir = (g(m, 'dir') ?? '').toLowerCase();
        if (dir === 'next' || dir === 'coming' || dir === 'following') {
          if (unit === 'year' && /or so/.test(m[0])) return relativeYear(s, 1);
        }
        // "the past year", "the last week": the period before publication, as a date (TimeBank);
        // "the past decade" and "the last century" read as spans: P10Y, P100Y.
        if ((dir === 'past' || dir === 'last' || dir === 'previous' || dir === 'preceding') && unit !== 'decade' && unit !== 'century') return relativeUnit(s, unit, -1) ?? duration(1, unit);
        return duration(1, unit);
      }
      const amount = /\d+\s+(?:to|or)\s+\d+/.test(raw) ? 'X' : countValue(raw);
      return amount === undefined ? undefined : duration(amount, unit);
    },
  },
  {
    // "recent years", "recent months" → PAST_REF; "the coming weeks", "the weeks ahead" → PXW
    name: 'vague-span',
    pattern: rx(`(?<recent>${ci('recent')})\\s+(?<u1>years|months|weeks|days|decades)|${ci('the')}\\s+(?:coming|next few|past few|last few)\\s+(?<u2>years|months|weeks|days|decades|hours)|${ci('the')}\\s+(?<u3>years|months|weeks|days|decades)\\s+(?:ahead|to come)|(?<=\\b(?:[Ii]n|[Oo]ver|[Ff]or|[Dd]uring)\\s+)coming\\s+(?<u4>years|months|weeks|days|quarters)`),
    build: (m) => {
      if (g(m, 'recent')) return g(m, 'u1') === 'years' ? norm('DATE', 'PAST_REF', 'unknown') : duration('X', g(m, 'u1') ?? 'years');
      return duration('X', g(m, 'u2') ?? g(m, 'u3') ?? g(m, 'u4') ?? 'years');
    },
  },
  {
    // "two days ago", "more than three months ago", "a year earlier", "a decade later", "six weeks from now"
    name: 'ago',
    pattern: rx(`(?:(?<q>${ci('about')}|${ci('nearly')}|${ci('almost')}|${ci('more than')}|${ci('less than')}|${ci('over')}|${ci('at least')}|${ci('some')}|${ci('roughly')}|${ci('around')}|${ci('approximately')}|${ci('just')}|${ci('only')}|${ci('barely')}|${ci('fewer than')}|${ci('up to')})\\s+)?(?<n>${COUNT_RE})\\s+(?:(?:more|or so)\\s+)?(?<unit>${UNIT_RE})(?:\\s+or\\s+so)?\\s+(?<dir>ago|earlier|from now|hence|back)`),
    guard: (text, m) => {
      const dir = g(m, 'dir');
      // "two days before the vote" is a duration plus a signal, not a date.
      if (dir === 'before' || dir === 'after') return /^\s*(?:[,.;:)]|$)/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3));
      return true;
    },
    build: (m, s) => {
      const raw = countValue(g(m, 'n') ?? '');
      const u = unitCode(g(m, 'unit') ?? '');
      if (raw === undefined || !u) return undefined;
      const dir = g(m, 'dir') ?? 'ago';
      const sign = dir === 'later' || dir === 'after' || dir === 'from now' || dir === 'hence' ? 1 : -1;
      const fromPublication = dir === 'ago' || dir === 'back' || dir === 'from now' || dir === 'hence';
      if (raw === 'X') {
        if (!fromPublication) return undefined;
        return norm('DATE', sign < 0 ? 'PAST_REF' : 'FUTURE_REF', 'unknown');
      }
      if (u.isTime) return fromPublication ? relativeDay(s, 0) : undefined;
      const amount = u.code === 'D' ? Math.round(raw) : raw;
      return shiftReference(s, sign * amount, u.code, fromPublication);
    },
  },
  {
    // "year-earlier", "the year-ago period", "the comparable year-earlier quarter" (financial reporting)
    name: 'year-earlier',
    pattern: rx(`(?:${ci('the')}\\s+(?:comparable\\s+|same\\s+)?year-(?:earlier|ago)\\s+(?:period|quarter|nine months|six months)|[Yy]ear-(?:earlier|ago))`),
    guard: (text, m) => !/^\s+(?:first|second|third|fourth)[- ]quarter/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20)),
    build: (m, s) => {
      if (/nine months|six months/.test(m[0])) return duration(/nine/.test(m[0]) ? 9 : 6, 'months');
      if (/quarter/.test(m[0])) return relativeQuarter(s, -5);
      return shiftReference(s, -1, 'Y', false);
    },
  },
  {
    // "for years", "within days", "for decades", "for months"
    name: 'bare-plural',
    pattern: rx(`(?<=\\b(?:[Ff]or|[Ww]ithin|[Ff]or many|[Ff]or several)\\s+)(?<unit>years|months|weeks|days|decades|hours)`),
    guard: (text, m) => !/^\s+(?:of|to come|ago|later|earlier|before|after)\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12)),
    build: (m) => duration('X', g(m, 'unit') ?? 'years'),
  },
  {
    // "three days", "a five-year", "24 hours", "half an hour", "two to three weeks", "several years"
    name: 'duration',
    pattern: rx(`(?:(?:${ci('up to')}|${ci('nearly')}|${ci('almost')}|${ci('more than')}|${ci('less than')}|${ci('no more than')}|${ci('at least')}|${ci('fewer than')}|${ci('the')}(?:\\s+first)?)\\s+)?(?<n>${COUNT_RE})(?:\\s+(?:to|or)\\s+(?<n2>${COUNT_RE}))?(?:\\s+more)?[- ](?<unit>${UNIT_RE})(?:\\s+and\\s+a\\s+half)?`),
    guard: (text, m) => {
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      if (/^[- ]old\b/.test(after)) return false;
      // "the two-week strike": a hyphenated adjective is tagged without its article.
      if (/^[Tt]he\s+\S+-/.test(m[0])) return false;
      const n = g(m, 'n') ?? '';
      // "a day" / "a year" after a price or frequency is a SET ("$5 a day"); handled by the set rule.
      if (/^an?$/i.test(n) && /(?:\d|once|twice|times|percent|cent|dollars?|euros?|pounds?)\s*$/i.test(text.slice(Math.max(0, m.index - 12), m.index))) return false;
      // "the day" / "a day" with "a" alone as count: only whole-unit words read as durations.
      if (/^(?:1\d{3}|20\d{2})$/.test(n)) return false;
      const unit = (g(m, 'unit') ?? '').toLowerCase();
      // "three-quarters of", "a quarter of the vote", "a second time": fractions and ordinals.
      if (unit.startsWith('quarter') && /^\s+of\b/.test(after)) return false;
      if (/^an?$/i.test(n) && (unit === 'second' || unit === 'quarter')) return false;
      return countValue(n) !== undefined;
    },
    build: (m) => {
      const raw = countValue(g(m, 'n') ?? '');
      if (raw === undefined) return undefined;
      const unit = g(m, 'unit') ?? '';
      const half = /and a half/.test(m[0]);
      if (half && typeof raw === 'number') {
        const u = unitCode(unit);
        if (u?.code === 'Y') return norm('DURATION', `P${raw * 12 + 6}M`, 'month');
        if (u?.code === 'H') return norm('DURATION', `PT${raw * 60 + 30}M`, 'minute');
      }
      return duration(raw, unit);
    },
  },
  {
    // "now", "today", "yesterday", "tomorrow", "currently", "recently", "the future", "nowadays"
    name: 'deictic',
    setsReference: true,
    pattern: rx(`(?<w>${ci('now')}|${ci('today')}|${ci('yesterday')}|${ci('tomorrow')}|${ci('tonight')}|${ci('currently')}|${ci('recently')}|${ci('nowadays')}|${ci('these days')}|${ci('at present')}|${ci('the future')}|${ci('the present')})`),
    guard: (text, m) => {
      const w = (g(m, 'w') ?? '').toLowerCase();
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 8);
      if (w === 'now' && /^-\w|^\s+that\b/.test(after)) return false;
      if (w === 'the present' && !/^\s*[,.;)]/.test(after)) return false;
      return true;
    },
    build: (m, s) => {
      switch ((g(m, 'w') ?? '').toLowerCase()) {
        case 'today': return relativeDay(s, 0);
        case 'yesterday': return relativeDay(s, -1);
        case 'tomorrow': return relativeDay(s, 1);
        case 'tonight': return withTime(relativeDay(s, 0), 'TNI');
        case 'recently': return norm('DATE', 'PAST_REF', 'unknown');
        case 'the future': return norm('DATE', 'FUTURE_REF', 'unknown');
        default: return norm('DATE', 'PRESENT_REF', 'unknown');
      }
    },
  },
  {
    // "this morning", "last night", "yesterday afternoon", "tomorrow evening", "late yesterday"
    name: 'deictic-part',
    pattern: rx(`(?:(?<edge>${ci('early')}|${ci('late')})\\s+)?(?:(?<d>${ci('this')}|${ci('yesterday')}|${ci('tomorrow')}|${ci('today')}|${ci('last')})\\s+(?<part>${PART_RE})|(?<d2>${ci('yesterday')}|${ci('today')}|${ci('tomorrow')}))`),
    guard: (_text, m) => Boolean(g(m, 'part') || g(m, 'edge')) && !(g(m, 'd')?.toLowerCase() === 'last' && g(m, 'part') !== 'night'),
    build: (m, s) => {
      const d = (g(m, 'd') ?? g(m, 'd2') ?? '').toLowerCase();
      const offset = d === 'yesterday' || d === 'last' ? -1 : d === 'tomorrow' ? 1 : 0;
      const day = relativeDay(s, offset);
      const code = partCode(g(m, 'part'));
      return code ? withTime(day, `T${code}`) : day;
    },
  },
  {
    // "Friday", "last Friday", "early Tuesday", "Wednesday night", "this Monday"
    name: 'weekday',
    setsReference: true,
    pattern: rx(`(?:(?<mod>${ci('early')}|${ci('late')}|${ci('last')}|${ci('next')}|${ci('this past')}|${ci('this coming')}|${ci('this')}|${ci('coming')}|${ci('past')}|${ci('the previous')}|${ci('the following')}|${ci('the next')})\\s+)?(?<wd>${WEEKDAY_RE})(?:\\s+(?<part>${PART_RE}))?`),
    guard: (text, m) => {
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
      if (g(m, 'part') || g(m, 'mod')) return true;
      // "the Sunday Times", "Bloody Sunday", "Good Friday": a weekday inside a name.
      if (FOLLOWING_NAME.test(after) && !/^\s+(?:and|or)\b/.test(after) && !hasPrepositionBefore(text, m.index)) return false;
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      if (/\b(?:Good|Bloody|Black|Ash|Palm|Holy|Easter|Super|Cyber|Maundy)\s+$/.test(before)) return false;
      // "on a Sunday" is any Sunday; "Monday.com" is a name.
      if (/\b(?:on a|any|every|each)\s+$/i.test(before)) return false;
      if (/^s\b|^\.[a-z]/.test(after)) return false;
      return true;
    },
    build: (m, s) => {
      const day = weekdayNorm(s, weekdayOf(g(m, 'wd')), g(m, 'mod'));
      const code = partCode(g(m, 'part'));
      return code ? withTime(day, `T${code}`) : day;
    },
  },
  {
    // "every Monday", "Mondays", "each Friday" → XXXX-WXX-1
    name: 'weekday-set',
    pattern: rx(`(?:(?:${ci('every')}|${ci('each')})\\s+)?(?<wd>${WEEKDAY_RE})(?<pl>s)?(?:\\s+(?<part>${PART_RE})s?)?`),
    guard: (_text, m) => Boolean(g(m, 'pl')) || /^(?:every|each)\b/i.test(m[0]) || (Boolean(g(m, 'part')) && /s$/.test(m[0])),
    build: (m) => {
      const wd = weekdayOf(g(m, 'wd'));
      const code = partCode(g(m, 'part'));
      return norm('SET', `XXXX-WXX-${wd}${code ? `T${code}` : ''}`, 'day');
    },
  },
  {
    // "10:35 a.m.", "3 p.m. EST", "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST, Nov. 9"
    name: 'clock',
    pattern: rx(`(?:(?<q>${ci('around')}|${ci('about')}|${ci('shortly after')}|${ci('shortly before')}|${ci('just after')}|${ci('just before')})\\s+)?(?:${CLOCK_RE}|(?<word>${ci('noon')}|${ci('midnight')}|${ci('midday')}))(?:,?\\s+(?:(?<wd>${WEEKDAY_RE})|(?<dd>${ci('yesterday')}|${ci('today')}|${ci('tomorrow')})|(?<mo>${MONTH_RE})\\s+(?<d>\\d{1,2})(?!\\d)))?`),
    guard: (text, m) => !/^\s*(?:-|–)\s*\d/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4)),
    build: (m, s) => {
      const word = (g(m, 'word') ?? '').toLowerCase();
      const clock = word ? (word === 'midnight' ? 'T24:00' : 'T12:00') : clockValue(m);
      if (!clock) return undefined;
      let day: Normalised | undefined;
      if (g(m, 'wd')) day = weekdayNorm(s, weekdayOf(g(m, 'wd')));
      else if (g(m, 'dd')) day = relativeDay(s, { yesterday: -1, today: 0, tomorrow: 1 }[(g(m, 'dd') ?? 'today').toLowerCase()] ?? 0);
      else if (g(m, 'mo')) day = dayWithoutYear(s, monthOf(g(m, 'mo')), Number(g(m, 'd')));
      if (day) return withTime(day, clock);
      const base = dayForTime(s);
      return { type: 'TIME', value: `${base}${clock}`, granularity: 'minute', isAnchored: base !== 'XXXX-XX-XX' };
    },
  },
  {
    // "18:00 GMT", "0600 GMT", "15:30 local time": 24-hour clock times, only with a zone (bare "2:1" is a score)
    name: 'clock-24h',
    pattern: rx(`(?<h>[01]?\\d|2[0-3]):?(?<mi>[0-5]\\d)\\s*(?:hours?\\s+)?(?<tz>GMT|UTC|Z|[ECMP][SD]T|BST|CET|CEST|local time)`),
    guard: (_text, m) => /:/.test(m[0]) || (g(m, 'h') ?? '').length === 2,
    build: (m, s) => {
      const base = dayForTime(s);
      const zone = g(m, 'tz') === 'GMT' || g(m, 'tz') === 'UTC' || g(m, 'tz') === 'Z' ? 'Z' : '';
      return { type: 'TIME', value: `${base}T${pad(Number(g(m, 'h')))}:${g(m, 'mi')}${zone}`, granularity: 'minute', isAnchored: base !== 'XXXX-XX-XX' };
    },
  },
  {
    // "the next day", "the day before", "that night", "the following morning", "the same day"
    name: 'anaphoric-day',
    pattern: rx(`(?:${ci('the')}\\s+(?<dir>next|following|previous|same)\\s+(?<u>day|morning|evening|night|afternoon)|(?:${ci('that')})\\s+(?<u2>day|morning|evening|night|afternoon)|${ci('the')}\\s+(?<u3>day|night)\\s+(?<dir2>before|after))`),
    guard: (text, m) => {
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 8);
      // "the day before the vote" names an event-anchored day; only a closing "the day before." is resolved.
      if (g(m, 'dir2')) return /^\s*(?:[,.;:)'"’”]|$)/.test(after);
      return !/^\s+(?:of|when|that|in)\b/.test(after);
    },
    build: (m, s) => {
      const dir = (g(m, 'dir') ?? g(m, 'dir2') ?? 'same').toLowerCase();
      const offset = dir === 'next' || dir === 'following' || dir === 'after' ? 1 : dir === 'previous' || dir === 'before' ? -1 : 0;
      const base = s.ref && s.ref.granularity === 'day' ? s.ref.day : s.dct;
      const day = dayNorm(base ? addDays(base, offset) : undefined);
      const code = partCode(g(m, 'u') ?? g(m, 'u2') ?? g(m, 'u3'));
      return code ? withTime(day, `T${code}`) : day;
    },
  },
  {
    // "daily", "weekly", "every day", "each year", "twice a year", "$5 a day"
    name: 'set',
    pattern: rx(`(?<adv>${ci('daily')}|${ci('weekly')}|${ci('monthly')}|${ci('yearly')}|${ci('nightly')}|${ci('hourly')})|(?:${ci('every')}|${ci('each')})\\s+(?:(?<n>${NUMBER_WORD_RE}|\\d+|other)\\s+)?(?<unit>${UNIT_RE}|morning|evening|weekend)|(?<=(?:\\d|once|twice|times|percent|cent)\\s*)(?:a|an|per)\\s+(?<unit2>day|week|month|year|hour|quarter)`),
    guard: (text, m) => {
      const adv = (g(m, 'adv') ?? '').toLowerCase();
      // "the daily Haaretz", "a weekly magazine": the adjective before a capitalised or publication noun.
      if (adv && /^\s+(?:[A-Z]|newspaper|paper|magazine|news|publication|basis|bulletin|briefing|show|column|edition)/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 14))) return false;
      return true;
    },
    build: (m) => {
      const adv = (g(m, 'adv') ?? '').toLowerCase();
      const advCodes: Record<string, string> = { daily: 'P1D', weekly: 'P1W', monthly: 'P1M', annually: 'P1Y', yearly: 'P1Y', quarterly: 'P1Q', nightly: 'P1D', hourly: 'PT1H' };
      if (adv) return norm('SET', advCodes[adv] ?? 'P1D', 'unknown');
      const unit = (g(m, 'unit') ?? g(m, 'unit2') ?? 'day').toLowerCase();
      if (unit === 'morning' || unit === 'evening') return norm('SET', `XXXX-XX-XXT${unit === 'morning' ? 'MO' : 'EV'}`, 'day');
      if (unit === 'weekend') return norm('SET', 'XXXX-WXX-WE', 'week');
      const rawN = (g(m, 'n') ?? '').toLowerCase();
      const n = rawN === 'other' ? 2 : rawN ? countValue(rawN) : 1;
      const u = unitCode(unit);
      if (!u || typeof n !== 'number') return undefined;
      return norm('SET', `P${u.isTime ? 'T' : ''}${n}${u.code}`, u.granularity);
    },
  },
  {
    // "the end of the year", "the beginning of the month", "year-end", "by year's end"
    name: 'period-edge',
    pattern: rx(`${ci('the')}\\s+(?:end|beginning|start|middle|rest|remainder|close)\\s+of\\s+the\\s+(?<unit>year|month|week|quarter|decade)|(?<ye>[Yy]ear[- ]end|[Yy]ear['’]s end)`),
    build: (m, s) => (g(m, 'ye') ? relativeYear(s, 0) : relativeUnit(s, g(m, 'unit') ?? 'year', 0)),
  },
  {
    // "the year ended March 31", "the fiscal year ending in June": a year-long span; "the full year" → this year
    name: 'year-span',
    pattern: rx(`${ci('the')}\\s+(?:(?<span>(?:fiscal\\s+)?year)(?=\\s+end(?:ed|ing)\\b)|(?<full>full year|current fiscal year|full fiscal year))`),
    build: (m, s) => (g(m, 'span') ? norm('DURATION', 'P1Y', 'year') : relativeYear(s, 0)),
  },
  {
    // "the near future", "the near term", "the short term"
    name: 'vague-future',
    pattern: rx(`${ci('the')}\\s+(?:near|foreseeable|immediate)\\s+future|${ci('the')}\\s+(?:near|short)\\s+term`),
    build: () => norm('DATE', 'FUTURE_REF', 'unknown'),
  },
  {
    // "Christmas", "New Year's Day", "Thanksgiving", "Easter", "Independence Day"
    name: 'holiday',
    setsReference: true,
    pattern: rx(`(?<h>Christmas(?: Day| Eve)?|New Year['’]s (?:Day|Eve)|Thanksgiving(?: Day)?|Easter(?: Sunday)?|Independence Day|Labor Day|Memorial Day|Halloween|Valentine['’]s Day|Boxing Day)(?:,?\\s+(?<y>1\\d{3}|20\\d{2}))?`),
    guard: (text, m) => !/^\s+(?:Island|tree|trees|card|cards|present|presents|party|market|shopping|Rising|Parade|holidays?|season|bombing|offensive|sale|dinner|message|[A-Z])/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12)) || Boolean(g(m, 'y')),
    build: (m, s) => {
      const name = (g(m, 'h') ?? '').toLowerCase().replace('’', "'");
      const rule = HOLIDAYS[name];
      if (!rule) return undefined;
      const y = g(m, 'y');
      if (y) return norm('DATE', dayValue(rule(Number(y))), 'day');
      if (!s.dct) {
        // Fixed-date holidays keep their month and day: Christmas → XXXX-12-25; Easter does not.
        const a = rule(2001);
        const b = rule(2002);
        return unanchored('DATE', a.month === b.month && a.day === b.day ? `XXXX-${pad(a.month)}-${pad(a.day)}` : 'XXXX-XX-XX', 'day');
      }
      const thisYear = rule(s.dct.year);
      const position = thisYear.month * 31 + thisYear.day;
      const year = yearFor(s.dct.year, position, s.dct.month * 31 + s.dct.day, s.tense, 372);
      return norm('DATE', dayValue(rule(year)), 'day');
    },
  },
];

/** True when publication falls on a Saturday or Sunday, so "the weekend" is the current one. */
function isPublishedAtWeekend(s: Scope): boolean {
  if (!s.dct) return false;
  return isoWeekday(s.dct) >= 6;
}
