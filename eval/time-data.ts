/**
 * Readers and scorer for `npm run eval:time`: TimeML (.tml, TempEval-3 TBAQ) and MEANTIME CAT XML
 * into plain text + gold TIMEX3 spans, and TempEval-3-style extent/value/type scores.
 */

/** One gold TIMEX3 over the plain text. */
export interface GoldTimex {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly value: string;
}

/** A scored document: plain text, its creation time and gold expressions (the DCT itself excluded). */
export interface GoldDoc {
  readonly id: string;
  readonly text: string;
  readonly dct: string | undefined;
  readonly timexes: readonly GoldTimex[];
  /** Spans the system output is ignored in (the DCT line when it sits inside the text). */
  readonly ignore: readonly { start: number; end: number }[];
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1]!] = m[2]!;
  return out;
}

/** Parses a TimeML document: the DCT from <DCT>, the TIMEX3 tags inside <TEXT> with offsets into the untagged text. */
export function parseTimeMl(id: string, xml: string): GoldDoc {
  const dctTag = /<DCT>\s*<TIMEX3([^>]*)>/.exec(xml);
  const dct = dctTag ? attrs(dctTag[1]!).value : undefined;
  const open = xml.indexOf('<TEXT>');
  const close = xml.lastIndexOf('</TEXT>');
  const body = open >= 0 ? xml.slice(open + 6, close >= 0 ? close : undefined) : xml;
  let text = '';
  const timexes: GoldTimex[] = [];
  const stack: { start: number; a: Record<string, string> }[] = [];
  const re = /<(\/?)([A-Za-z0-9_]+)([^>]*?)(\/?)>|&(\w+);|[^<&]+|[<&]/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[2]) {
      if (m[2] !== 'TIMEX3') continue;
      if (m[1]) {
        const top = stack.pop();
        if (top && top.a.functionInDocument !== 'CREATION_TIME' && text.length > top.start) {
          timexes.push({ start: top.start, end: text.length, type: top.a.type ?? '', value: top.a.value ?? '' });
        }
      } else if (!m[4]) {
        stack.push({ start: text.length, a: attrs(m[3] ?? '') });
      }
    } else if (m[5]) {
      text += ENTITIES[m[5]] ?? `&${m[5]};`;
    } else {
      text += m[0];
    }
  }
  return { id, text, dct, timexes, ignore: [] };
}

/** Parses a MEANTIME CAT XML document: tokens joined back into text, TIMEX3 markables over token anchors. */
export function parseMeantime(id: string, xml: string): GoldDoc {
  // MEANTIME annotates only the first sentences of each article: score the text up to the last annotated one.
  const sentenceOf = new Map<string, number>();
  for (const m of xml.matchAll(/<token\b([^>]*)>/g)) {
    const a = attrs(m[1]!);
    sentenceOf.set(a.t_id ?? '', Number(a.sentence ?? 0));
  }
  let lastSentence = 0;
  for (const m of xml.matchAll(/<token_anchor t_id="([^"]+)"/g)) lastSentence = Math.max(lastSentence, sentenceOf.get(m[1]!) ?? 0);
  const tokens = new Map<string, { start: number; end: number }>();
  let text = '';
  let sentence = '';
  for (const m of xml.matchAll(/<token\b([^>]*)>([^<]*)<\/token>/g)) {
    const a = attrs(m[1]!);
    if (Number(a.sentence ?? 0) > lastSentence) break;
    const word = m[2]!.replace(/&(\w+);/g, (_e, n: string) => ENTITIES[n] ?? `&${n};`);
    if (text.length > 0) {
      if (a.sentence !== sentence) text += '\n';
      else if (!/^(?:[,.;:!?%)\]}]|'s|n't|'|'re|'ve|'ll|'d|'m)$/i.test(word) && !/[($[{]$/.test(text)) text += ' ';
    }
    sentence = a.sentence ?? '';
    tokens.set(a.t_id ?? '', { start: text.length, end: text.length + word.length });
    text += word;
  }
  const timexes: GoldTimex[] = [];
  const ignore: { start: number; end: number }[] = [];
  let dct: string | undefined;
  for (const m of xml.matchAll(/<TIMEX3\b([^>]*?)>([\s\S]*?)<\/TIMEX3>/g)) {
    const a = attrs(m[1]!);
    const spans = [...m[2]!.matchAll(/t_id="([^"]+)"/g)].map((t) => tokens.get(t[1]!)).filter((t): t is { start: number; end: number } => Boolean(t));
    if (spans.length === 0) continue;
    const span = { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
    if (a.functionInDocument === 'CREATION_TIME') {
      dct = a.value;
      ignore.push(span);
      continue;
    }
    timexes.push({ ...span, type: a.type ?? '', value: a.value ?? '' });
  }
  if (!dct) {
    // A few documents lack the CREATION_TIME markable; their second line is still the Wikinews date line.
    const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
    const line = text.split('\n')[1] ?? '';
    const m = /^([A-Z][a-z]+) (\d{1,2}) ?, (\d{4})$/.exec(line.trim());
    const month = m ? MONTHS.indexOf(m[1]!.toLowerCase()) + 1 : 0;
    // The line is then annotated as an ordinary TIMEX3, so it stays scored.
    if (m && month > 0) dct = `${m[3]}-${String(month).padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  }
  return { id, text, dct, timexes, ignore };
}

/** A system expression as the scorer sees it. */
export interface SystemTimex {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly value: string;
}

/** Running counts for the TempEval-3 measures. */
export interface TimexCounts {
  gold: number;
  system: number;
  strict: number;
  relaxed: number;
  valueCorrect: number;
  typeCorrect: number;
}

/** Empty counts. */
export function emptyCounts(): TimexCounts {
  return { gold: 0, system: 0, strict: 0, relaxed: 0, valueCorrect: 0, typeCorrect: 0 };
}

/** One matched or missed expression, for error listings. */
export interface TimexError {
  readonly kind: 'missed' | 'spurious' | 'value' | 'extent';
  readonly docId: string;
  readonly dct: string | undefined;
  readonly gold?: GoldTimex;
  readonly system?: SystemTimex;
  /** Surface text: gold / system expression and a little context. */
  readonly goldText?: string;
  readonly systemText?: string;
  readonly context: string;
}

/**
 * Adds one document to the counts: one-to-one matching by overlap (TempEval-3 relaxed), strict when
 * both offsets agree; value and type are judged on relaxed matches.
 */
export function scoreDoc(doc: GoldDoc, system: readonly SystemTimex[], counts: TimexCounts, errors: TimexError[]): void {
  const kept = system.filter((s) => !doc.ignore.some((i) => s.start < i.end && i.start < s.end));
  counts.gold += doc.timexes.length;
  counts.system += kept.length;
  const used = new Set<number>();
  const note = (kind: TimexError['kind'], gold?: GoldTimex, sys?: SystemTimex): void => {
    const at = gold ?? sys!;
    errors.push({
      kind, docId: doc.id, dct: doc.dct, gold, system: sys,
      goldText: gold ? doc.text.slice(gold.start, gold.end) : undefined,
      systemText: sys ? doc.text.slice(sys.start, sys.end) : undefined,
      context: doc.text.slice(Math.max(0, at.start - 60), at.end + 40).replace(/\s+/g, ' '),
    });
  };
  for (const gold of doc.timexes) {
    let best = -1;
    let bestOverlap = 0;
    kept.forEach((s, i) => {
      if (used.has(i)) return;
      const overlap = Math.min(s.end, gold.end) - Math.max(s.start, gold.start);
      if (overlap > bestOverlap) {
        best = i;
        bestOverlap = overlap;
      }
    });
    if (best < 0) {
      note('missed', gold);
      continue;
    }
    used.add(best);
    const s = kept[best]!;
    counts.relaxed++;
    if (s.start === gold.start && s.end === gold.end) counts.strict++;
    else note('extent', gold, s);
    if (s.value === gold.value) counts.valueCorrect++;
    else note('value', gold, s);
    if (s.type === gold.type) counts.typeCorrect++;
  }
  kept.forEach((s, i) => {
    if (!used.has(i)) note('spurious', undefined, s);
  });
}

/** Precision, recall and F1 of `tp` against the counts. */
export function prf(tp: number, counts: TimexCounts): { p: number; r: number; f1: number } {
  const p = counts.system ? tp / counts.system : 0;
  const r = counts.gold ? tp / counts.gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}
