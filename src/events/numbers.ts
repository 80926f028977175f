/**
 * Reading numbers in news text: "1,500", "2.5 million", "eight", "twenty-five", "hundreds",
 * "a dozen". Used for event sizes and casualty counts.
 */

const UNITS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  dozen: 12, a: 1, an: 1,
};
const SCALES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1000, million: 1_000_000, billion: 1_000_000_000 };
/** Vague plurals, read as their order of magnitude ("hundreds of protesters" → 100). */
const VAGUE: Readonly<Record<string, number>> = { dozens: 24, scores: 40, hundreds: 100, thousands: 1000, millions: 1_000_000, tens: 10 };

/** A number read from tokens [start, end). */
export interface NumberReading {
  readonly value: number;
  readonly start: number;
  readonly end: number;
}

function singleValue(word: string): number | undefined {
  const w = word.toLowerCase().replace(/,/g, '');
  if (/^\d+(\.\d+)?$/.test(w)) return Number(w);
  if (/^\d{1,3}(,\d{3})+$/.test(word)) return Number(word.replace(/,/g, ''));
  const hyphen = /^([a-z]+)-([a-z]+)$/.exec(w);
  if (hyphen && UNITS[hyphen[1]!] !== undefined && UNITS[hyphen[2]!] !== undefined && UNITS[hyphen[1]!]! >= 20) return UNITS[hyphen[1]!]! + UNITS[hyphen[2]!]!;
  if (w in UNITS && w !== 'a' && w !== 'an') return UNITS[w];
  return undefined;
}

/**
 * Reads a number starting at token `i` of `words`, or undefined.
 * @example readNumber(['1,500', 'Iranian'], 0)?.value // 1500
 * @example readNumber(['2.5', 'million'], 0)?.value // 2500000
 */
export function readNumber(words: readonly string[], i: number): NumberReading | undefined {
  const first = words[i];
  if (first === undefined) return undefined;
  const lower = first.toLowerCase();
  if (lower in VAGUE) return { value: VAGUE[lower]!, start: i, end: i + 1 };
  let value = singleValue(first);
  let end = i + 1;
  // "a dozen", "a hundred"
  if (value === undefined && (lower === 'a' || lower === 'an')) {
    const next = words[i + 1]?.toLowerCase();
    if (next === 'dozen') return { value: 12, start: i, end: i + 2 };
    if (next && next in SCALES) return { value: SCALES[next]!, start: i, end: i + 2 };
    return undefined;
  }
  if (value === undefined) return undefined;
  for (;;) {
    const next = words[end]?.toLowerCase();
    if (next && next in SCALES) {
      value *= SCALES[next]!;
      end++;
      continue;
    }
    // "twenty one" written apart
    if (next && value >= 20 && value < 100 && value % 10 === 0 && UNITS[next] !== undefined && UNITS[next]! < 10 && next !== 'a' && next !== 'an') {
      value += UNITS[next]!;
      end++;
      continue;
    }
    break;
  }
  return { value, start: i, end };
}
