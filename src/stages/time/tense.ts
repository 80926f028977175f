/**
 * Tense of the clause around a temporal expression, judged from nearby words (no POS tags needed):
 * the nearest tense cue before the expression in its sentence wins, else the nearest one after it.
 * "Talks will resume on Monday, officials said" → future; "On Monday, officials said" → past.
 */

/** The tense a relative expression is read in. */
export type Tense = 'past' | 'present' | 'future' | 'unknown';

const FUTURE_WORDS = new Set(['will', "'ll", '’ll', 'shall', 'wo', "won't", 'won’t', 'would', 'upcoming', 'tomorrow', 'forthcoming', 'until', 'expect', 'expects', 'hope', 'hopes', 'planning', 'planned', 'scheduled', 'plans']);
const PRESENT_WORDS = new Set(['is', 'are', 'am', 'says', 'say', 'does', 'do']);
const PAST_IRREGULAR = new Set([
  'said', 'was', 'were', 'had', 'did', 'ago', 'told', 'took', 'met', 'went', 'came', 'saw', 'made', 'gave', 'fled', 'fell',
  'left', 'began', 'rose', 'held', 'won', 'lost', 'sent', 'brought', 'bought', 'sold', 'found', 'thought', 'got',
  'struck', 'shot', 'hit', 'led', 'ran', 'spoke', 'wrote', 'broke', 'stood', 'knew', 'felt', 'kept', 'paid', 'put',
  'set', 'spent', 'meant', 'became', 'overtook', 'sank', 'drove', 'flew', 'fought', 'caught', 'taught', 'sought',
  'chose', 'froze', 'woke', 'swore', 'tore', 'wore', 'beat', 'bit', 'hid', 'slid', 'split', 'quit', 'cut', 'let',
  'yesterday', 'earlier', 'last', 'previously', 'recently',
]);
// -ed words that are not past verbs.
const NOT_PAST_ED = new Set(['need', 'speed', 'feed', 'bed', 'red', 'seed', 'hundred', 'united', 'indeed', 'shed', 'bred', 'weed', 'deed', 'greed', 'breed', 'proceed', 'exceed', 'succeed', 'embed', 'ted', 'fred', 'ahmed', 'mohammed', 'muhammad', 'hamed', 'med']);
// Future phrases whose words alone read as past: "expected to", "scheduled to", "planned to".
const FUTURE_PHRASE = /\b(?:as soon as|as early as|going to|expected to|scheduled (?:to|for)|due to (?:be|begin|start|meet|visit|arrive|hold|take|vote|open|sign|return|resume|announce|report|release|end|close|leave)|plan(?:s|ned)? to|set to|is to|are to|to be held|intends? to|will)\b/;

interface Cue {
  readonly at: number;
  readonly tense: Tense;
}

/** Furthest a tense cue is looked for on either side, so one run-on "sentence" cannot make this quadratic. */
const MAX_REACH = 300;

/** Sentence bounds around [start, end): stops at . ! ? followed by a space, or at a newline. */
export function sentenceAround(text: string, start: number, end: number): [number, number] {
  let from = start;
  const floor = Math.max(0, start - MAX_REACH);
  const ceiling = Math.min(text.length, end + MAX_REACH);
  while (from > floor) {
    const c = text[from - 1]!;
    if (c === '\n') break;
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(text[from] ?? ' ') && !isAbbreviation(text, from - 1)) break;
    from--;
  }
  let to = end;
  while (to < ceiling) {
    const c = text[to]!;
    if (c === '\n') break;
    if ((c === '.' || c === '!' || c === '?') && /\s|$/.test(text[to + 1] ?? ' ') && !isAbbreviation(text, to)) { to++; break; }
    to++;
  }
  return [from, to];
}

// "Nov. 17" and "Mr. Smith" do not end a sentence.
function isAbbreviation(text: string, dot: number): boolean {
  const before = /([A-Za-z]+)$/.exec(text.slice(Math.max(0, dot - 6), dot));
  if (!before) return false;
  const w = before[1]!;
  return w.length <= 4 && /^(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Gov|Sen|Rep|Jr|Sr|Inc|Co|Corp|Ltd|No|vs|U|S|a|p|m)$/.test(w);
}

function cuesIn(text: string, from: number, to: number): Cue[] {
  const cues: Cue[] = [];
  const slice = text.slice(from, to);
  const words = /[A-Za-z’']+/g;
  for (let m = words.exec(slice); m; m = words.exec(slice)) {
    const w = m[0].toLowerCase();
    const at = from + m.index;
    // A participle after "be" ("will be held", "to be signed") carries no tense of its own.
    const isAfterBe = /\b(?:be|been|being)\s+$/i.test(slice.slice(Math.max(0, m.index - 7), m.index));
    if (FUTURE_WORDS.has(w)) cues.push({ at, tense: 'future' });
    else if (PAST_IRREGULAR.has(w)) {
      if (!isAfterBe) cues.push({ at, tense: 'past' });
    } else if (PRESENT_WORDS.has(w)) cues.push({ at, tense: 'present' });
    else if (w.length > 3 && w.endsWith('ed') && !NOT_PAST_ED.has(w) && !isAfterBe) {
      cues.push({ at, tense: 'past' });
    }
  }
  // A fresh regex per call: a shared global one would carry lastIndex between calls.
  const phrases = new RegExp(FUTURE_PHRASE.source, 'g');
  for (let m = phrases.exec(slice); m; m = phrases.exec(slice)) {
    // A phrase overrides the past reading of its own words ("expected", "planned").
    const at = from + m.index;
    const end = at + m[0].length;
    for (let i = cues.length - 1; i >= 0; i--) if (cues[i]!.at >= at && cues[i]!.at < end) cues.splice(i, 1);
    // "had been scheduled to expire", "was expected to" look back from the past: keep the past cue.
    if (/\b(?:had|was|were)(?:\s+been)?\s+$/i.test(slice.slice(Math.max(0, m.index - 16), m.index))) continue;
    cues.push({ at, tense: 'future' });
  }
  return cues.sort((a, b) => a.at - b.at);
}

/** The tense of the clause holding text[start, end): nearest cue before it, else nearest after it. */
export function tenseAt(text: string, start: number, end: number): Tense {
  const [from, to] = sentenceAround(text, start, end);
  const before = cuesIn(text, from, start);
  if (before.length > 0) return before[before.length - 1]!.tense;
  const after = cuesIn(text, end, to);
  return after[0]?.tense ?? 'unknown';
}
