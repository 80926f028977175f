/**
 * Word lists of the time stage (English): months, weekdays, number words, units, seasons and parts
 * of the day, each with the regex source the rules are built from and a lookup to its value.
 */

/** Month names and abbreviations → month number. 'May' and 'March' are guarded by the rules (name, verb). */
export const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11,
  nov: 11, december: 12, dec: 12,
};

/** Capitalised month (full or abbreviated with optional dot): 'November', 'Nov.', 'Sept'. */
export const MONTH_RE =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)';

/** Weekday names → ISO weekday (Monday 1). */
export const WEEKDAYS: Readonly<Record<string, number>> = {
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
};

/** Capitalised weekday: 'Tuesday'. */
export const WEEKDAY_RE = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';

const UNITS_WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS_WORDS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** Number words 1–99 ('twenty four', 'twenty-four', 'six'). */
export const NUMBER_WORD_RE =
  '(?:(?:[Tt]wenty|[Tt]hirty|[Ff]orty|[Ff]ifty|[Ss]ixty|[Ss]eventy|[Ee]ighty|[Nn]inety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|[Tt]hirteen|[Ff]ourteen|[Ff]ifteen|[Ss]ixteen|[Ss]eventeen|[Ee]ighteen|[Nn]ineteen)';

/** Vague quantities that give an 'X' in a duration: 'several years' → PXY. */
export const VAGUE_RE = '(?:[Ss]everal|[Mm]any|[Ff]ew|[Aa] few|[Aa] couple of|[Cc]ouple of|[Ss]ome|[Nn]umerous|[Cc]ountless)';

/** A count: digits ('24', '1.5'), number words, 'a'/'an', 'half a', or a vague quantity. */
export const COUNT_RE = `(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+|\\s+1/2|½)?|${NUMBER_WORD_RE}|[Aa]n?|[Hh]alf an?|${VAGUE_RE})`;

/** The value of a count: a number, 'X' for vague ones, undefined when not a count. */
export function countValue(raw: string): number | 'X' | undefined {
  const s = raw.toLowerCase().replace(/-/g, ' ').replace(/\s+/g, ' ').replace(/(\d),(?=\d{3}\b)/g, '$1').trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  // "2 1/2", "2½"
  const half = /^(\d+)(?: 1\/2|½)$/.exec(s);
  if (half) return Number(half[1]) + 0.5;
  if (s === 'a' || s === 'an') return 1;
  if (s === 'half a' || s === 'half an') return 0.5;
  if (/^(several|many|few|a few|a couple of|couple of|some|numerous|countless)$/.test(s)) {
    return s.includes('couple') ? 2 : 'X';
  }
  const parts = s.split(' ');
  if (parts.length === 1) return UNITS_WORDS[s] ?? TENS_WORDS[s];
  if (parts.length === 2) {
    const tens = TENS_WORDS[parts[0]!];
    const units = UNITS_WORDS[parts[1]!];
    if (tens !== undefined && units !== undefined && units > 0 && units < 10) return tens + units;
  }
  return undefined;
}

/** Calendar units as they appear in text, singular or plural, with optional hyphenated adjective use. */
export const UNIT_RE = '(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|quarters?|years?|decades?|century|centuries)';

/** TIMEX3 duration letter(s) of a unit word, with whether it is a time (PT…) unit. */
export function unitCode(raw: string): { code: string; isTime: boolean; granularity: UnitGranularity } | undefined {
  const s = raw.toLowerCase().replace(/s$/, '').replace(/ie$/, 'y');
  switch (s) {
    case 'second': return { code: 'S', isTime: true, granularity: 'instant' };
    case 'minute': return { code: 'M', isTime: true, granularity: 'minute' };
    case 'hour': return { code: 'H', isTime: true, granularity: 'hour' };
    case 'day': case 'night': return { code: 'D', isTime: false, granularity: 'day' };
    case 'week': return { code: 'W', isTime: false, granularity: 'week' };
    case 'month': return { code: 'M', isTime: false, granularity: 'month' };
    case 'quarter': return { code: 'Q', isTime: false, granularity: 'quarter' };
    case 'year': return { code: 'Y', isTime: false, granularity: 'year' };
    case 'decade': return { code: 'DE', isTime: false, granularity: 'decade' };
    case 'century': case 'centurie': return { code: 'CE', isTime: false, granularity: 'century' };
    default: return undefined;
  }
}

/** Granularities a unit word can have. */
export type UnitGranularity = 'instant' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year' | 'decade' | 'century';

/** Seasons → TIMEX3 season code. */
export const SEASONS: Readonly<Record<string, string>> = {
  spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI',
};

/** Season words (lower case, as news writes them). */
export const SEASON_RE = '(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)';

/** Parts of the day → TIMEX3 part-of-day code. */
export const DAY_PARTS: Readonly<Record<string, string>> = {
  morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', overnight: 'NI',
};

/** Ordinals 1–4 for quarters and halves. */
export const ORDINALS: Readonly<Record<string, number>> = {
  first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4, last: -1,
};

/** Year-like number words for spoken transcripts: 'nineteen ninety-six' → 1996. */
export function spokenYear(raw: string): number | undefined {
  const s = raw.toLowerCase().replace(/-/g, ' ').replace(/\s+/g, ' ').trim();
  const m = /^(nineteen|twenty) (.+)$/.exec(s);
  if (!m) return undefined;
  const century = m[1] === 'nineteen' ? 1900 : 2000;
  const rest = countValue(m[2]!);
  return typeof rest === 'number' && rest >= 10 && rest < 100 && Number.isInteger(rest) ? century + rest : undefined;
}
