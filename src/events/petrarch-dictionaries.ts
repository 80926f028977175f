/**
 * Parsers for the PETRARCH / TABARI / Phoenix dictionary formats (see
 * ../shared/data/events/petrarch2/dictionaries.rst): actors with date-ranged codes, agents,
 * verb synsets + blocks + patterns, and discard lists. Each parser turns the text of one file into
 * plain in-memory structures the event coder reads; none of them does I/O.
 *
 * Words are kept upper-case, as the dictionaries write them; matching against text upper-cases tokens.
 */

/** A code valid over a date range; bounds are inclusive YYYYMMDD numbers, absent when open. */
export interface DatedCode {
  readonly code: string;
  readonly from?: number;
  readonly to?: number;
}

/** One actor record: its phrases (primary + synonyms) and its codes. */
export interface ActorEntry {
  /** Each phrase as upper-case words: ['BASHAR', 'AL', 'ASSAD']. */
  readonly phrases: readonly (readonly string[])[];
  /** Code used when no dated restriction applies (undefined = null code). */
  readonly defaultCode?: string;
  /** Dated restrictions, in file order: the first that covers the date wins. */
  readonly dated: readonly DatedCode[];
}

/** An agent (sector) phrase and its code; `isPrefix` for `NGO~`-style codes that go before the actor. */
export interface AgentEntry {
  readonly words: readonly string[];
  readonly code: string;
  readonly isPrefix: boolean;
}

/** One element of a verb pattern. */
export type PatternElement =
  | { readonly kind: 'words'; readonly alternatives: readonly (readonly string[])[]; readonly isAdjacent: boolean }
  | { readonly kind: 'source' | 'target' | 'compound' | 'skip'; readonly isAdjacent: boolean };

/** A verb pattern: what must come before and after the verb, and the code it gives. */
export interface VerbPattern {
  /** Elements before the verb, nearest the verb LAST (as written). */
  readonly before: readonly PatternElement[];
  /** Elements after the verb, nearest the verb FIRST. */
  readonly after: readonly PatternElement[];
  readonly code: string;
  /** Source text of the pattern, for explanations. */
  readonly raw: string;
}

/** A verb (or multi-word verb) and the forms that trigger it. */
export interface VerbEntry {
  /** Display name: the base form, e.g. 'RESTORE', 'CORDON OFF'. */
  readonly name: string;
  /** Every surface form as word sequences ('RESTORED', ['CORDONED','OFF']), with the index of the verb word. */
  readonly forms: readonly { readonly words: readonly string[]; readonly head: number }[];
  /** Code of the bare verb (its own, else its block's); '---' means no event. */
  readonly code: string;
  /** Index into VerbDictionary.blocks. */
  readonly block: number;
}

/** A `--- NAME [CODE] ---` block: verbs sharing one pattern list. */
export interface VerbBlock {
  readonly name: string;
  readonly code: string;
  readonly patterns: readonly VerbPattern[];
}

/** A parsed verb dictionary. */
export interface VerbDictionary {
  readonly synsets: ReadonlyMap<string, readonly (readonly string[])[]>;
  readonly blocks: readonly VerbBlock[];
  readonly verbs: readonly VerbEntry[];
  /** Patterns skipped because they used an undefined synset. */
  readonly skipped: number;
}

/** A discard phrase: sentence-level, or story-level when `isStory`. */
export interface DiscardEntry {
  readonly phrase: string;
  readonly isStory: boolean;
  /** Phrase ended with `_`: the match must end at a word boundary; otherwise it is a stem. */
  readonly isWholeWord: boolean;
}

/** Removes `#` comments and TABARI `;` comments, and trims. */
function stripComment(line: string): string {
  let out = line;
  const hash = out.indexOf('#');
  if (hash >= 0) out = out.slice(0, hash);
  return out;
}

/** Lines of a dictionary without `<!-- ... -->` blocks and comments; keeps leading whitespace. */
function contentLines(text: string): string[] {
  const out: string[] = [];
  let inXmlComment = false;
  for (const raw of text.split(/\r?\n/)) {
    const trimmed = raw.trim();
    if (inXmlComment) {
      if (trimmed.includes('-->')) inXmlComment = false;
      continue;
    }
    if (trimmed.startsWith('<!') || trimmed.startsWith('<')) {
      if (!trimmed.includes('>') || (trimmed.startsWith('<!--') && !trimmed.includes('-->'))) inXmlComment = true;
      continue;
    }
    const line = stripComment(raw);
    if (line.trim() === '') continue;
    out.push(line.replace(/\s+$/, ''));
  }
  return out;
}

/** Splits a dictionary phrase on blanks and underscores into upper-case words; drops a trailing `_`. */
export function phraseWords(phrase: string): string[] {
  return phrase
    .toUpperCase()
    .split(/[\s_]+/)
    .filter((w) => w.length > 0);
}

/**
 * A TABARI date, YYYYMMDD or YYMMDD, as a YYYYMMDD number; two-digit years below 30 are 20YY.
 * @example parseDictDate('000717') // 20000717
 */
export function parseDictDate(value: string): number | undefined {
  const digits = value.trim();
  if (/^\d{8}$/.test(digits)) return Number(digits);
  if (/^\d{6}$/.test(digits)) {
    const yy = Number(digits.slice(0, 2));
    return (yy < 30 ? 2000 + yy : 1900 + yy) * 10000 + Number(digits.slice(2));
  }
  return undefined;
}

/** Parses the inside of `[CODE restriction]`; undefined when the bracket is malformed. */
function parseCodeBracket(inner: string): DatedCode | undefined {
  const m = /^\s*(\S+)\s*(.*)$/.exec(inner);
  if (!m) return undefined;
  const code = m[1]!;
  const rest = (m[2] ?? '').replace(/\s+/g, '');
  if (rest === '') return { code };
  let r: RegExpExecArray | null;
  if ((r = /^<(\d{6,8})$/.exec(rest))) {
    const to = parseDictDate(r[1]!);
    return to === undefined ? undefined : { code, to };
  }
  if ((r = /^>(\d{6,8})$/.exec(rest))) {
    const from = parseDictDate(r[1]!);
    return from === undefined ? undefined : { code, from };
  }
  if ((r = /^(\d{6,8})-(\d{6,8})$/.exec(rest))) {
    const from = parseDictDate(r[1]!);
    const to = parseDictDate(r[2]!);
    return from === undefined || to === undefined ? undefined : { code, from, to };
  }
  return undefined;
}

/** All `[...]` groups of a line, and the line without them. */
function takeBrackets(line: string): { rest: string; groups: string[] } {
  const groups: string[] = [];
  const rest = line.replace(/\[([^\]]*)\]/g, (_all, inner: string) => {
    groups.push(inner);
    return ' ';
  });
  return { rest, groups };
}

/**
 * Parses an actor dictionary: primary phrases with an optional default `[CODE]`, `+synonym` lines,
 * and tab-indented `[CODE <date]`, `[CODE >date]`, `[CODE d1-d2]` restrictions (also inline, Phoenix style).
 * @example parseActorDictionary('BASHAR_AL_ASSAD_\n\t[SYRELI 830101-000101]\n\t[SYRGOV >000717]')
 */
export function parseActorDictionary(text: string): ActorEntry[] {
  const entries: ActorEntry[] = [];
  let phrases: string[][] = [];
  let defaultCode: string | undefined;
  let dated: DatedCode[] = [];
  let isOpen = false;
  const flush = (): void => {
    if (isOpen && phrases.length > 0) entries.push({ phrases, ...(defaultCode !== undefined ? { defaultCode } : {}), dated });
    phrases = [];
    defaultCode = undefined;
    dated = [];
    isOpen = false;
  };
  const addCodes = (groups: string[]): void => {
    for (const g of groups) {
      const parsed = parseCodeBracket(g);
      if (!parsed) continue;
      // Codes like ELR/GAL stand for several actors at once (TABARI compound codes).
      if (parsed.from === undefined && parsed.to === undefined) defaultCode = parsed.code;
      else dated.push(parsed);
    }
  };
  for (const rawLine of contentLines(text)) {
    const line = rawLine.replace(/;.*$/, '');
    const isIndented = /^\s/.test(rawLine);
    const { rest, groups } = takeBrackets(line);
    const words = rest.trim();
    if (isIndented && words === '') {
      addCodes(groups);
      continue;
    }
    if (words.startsWith('+')) {
      const w = phraseWords(words.slice(1));
      if (w.length > 0) phrases.push(w);
      isOpen = true;
      addCodes(groups);
      continue;
    }
    if (words === '') {
      addCodes(groups);
      continue;
    }
    flush();
    isOpen = true;
    const w = phraseWords(words);
    if (w.length > 0) phrases.push(w);
    addCodes(groups);
  }
  flush();
  return entries;
}

/** The code an actor entry gives on a date (YYYYMMDD); the first covering restriction wins. */
export function actorCodeOn(entry: ActorEntry, date: number | undefined): string | undefined {
  if (date !== undefined) {
    for (const d of entry.dated) {
      if ((d.from === undefined || date >= d.from) && (d.to === undefined || date <= d.to)) return d.code;
    }
  }
  return entry.defaultCode;
}

const PLURALS = new Map<string, string>();

/** Regular noun plurals as the dictionaries define them: +S, Y→IES, SS→ES. */
export function regularPlural(word: string): string {
  // The coder asks for the plurals of the same dictionary words for every sentence: memoised (bounded).
  let plural = PLURALS.get(word);
  if (plural === undefined) {
    if (word.endsWith('SS') || word.endsWith('CH') || word.endsWith('SH') || word.endsWith('X')) plural = `${word}ES`;
    else if (/[^AEIOU]Y$/.test(word)) plural = `${word.slice(0, -1)}IES`;
    else plural = `${word}S`;
    if (PLURALS.size >= 200_000) PLURALS.clear();
    PLURALS.set(word, plural);
  }
  return plural;
}

/**
 * Parses an agent dictionary: `PHRASE {PLURAL} [~CODE]` records, `!MARK! = A, B` substitution sets,
 * automatic regular plurals unless `{}` is given.
 * @example parseAgentDictionary('TROOP {} [~MIL]')[0]?.code // 'MIL'
 */
export function parseAgentDictionary(text: string): AgentEntry[] {
  const entries: AgentEntry[] = [];
  const marks = new Map<string, string[]>();
  for (const rawLine of contentLines(text)) {
    const line = rawLine.trim();
    const mark = /^!([A-Z0-9_]+)!\s*=\s*(.+)$/i.exec(line);
    if (mark) {
      marks.set(mark[1]!.toUpperCase(), mark[2]!.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean));
      continue;
    }
    const codeMatch = /\[([^\]]*)\]/.exec(line);
    if (!codeMatch) continue;
    const rawCode = codeMatch[1]!.replace(/\s+/g, '');
    if (!rawCode.includes('~')) continue;
    const isPrefix = rawCode.endsWith('~');
    const code = rawCode.replace(/~/g, '').toUpperCase();
    if (!code) continue;
    const before = line.slice(0, codeMatch.index);
    const braces = /\{([^}]*)\}/.exec(before);
    const phraseText = (braces ? before.slice(0, braces.index) : before).trim();
    if (!phraseText) continue;
    // Expand !MARK! substitutions: CONGRESS!PERSON! → CONGRESSMAN, CONGRESSMEN …, with no plural formation.
    const markUse = /!([A-Z0-9_]+)!/i.exec(phraseText);
    if (markUse) {
      for (const sub of marks.get(markUse[1]!.toUpperCase()) ?? []) {
        entries.push({ words: phraseWords(phraseText.replace(markUse[0], sub)), code, isPrefix });
      }
      continue;
    }
    const words = phraseWords(phraseText);
    if (words.length === 0) continue;
    entries.push({ words, code, isPrefix });
    if (braces) {
      for (const plural of braces[1]!.trim().split(/\s+/).filter(Boolean)) entries.push({ words: phraseWords(plural), code, isPrefix });
    } else {
      const last = words[words.length - 1]!;
      entries.push({ words: [...words.slice(0, -1), regularPlural(last)], code, isPrefix });
    }
  }
  return entries;
}

/**
 * Parses a discard list: one phrase a line, `+` for story-level, trailing `_` for whole-word.
 * @example parseDiscardList('+TYPHOON\nBASEBALL')
 */
export function parseDiscardList(text: string): DiscardEntry[] {
  const out: DiscardEntry[] = [];
  for (const rawLine of contentLines(text)) {
    let line = rawLine.trim();
    const isStory = line.startsWith('+');
    if (isStory) line = line.slice(1).trim();
    const isWholeWord = line.endsWith('_');
    const phrase = line.replace(/_+$/, '').replace(/_/g, ' ').trim().toUpperCase();
    if (phrase) out.push({ phrase, isStory, isWholeWord });
  }
  return out;
}

/** True when a code from a verb dictionary stands for an event (not '---', '+++', '###' or a typo). */
export function isEventCode(code: string | undefined): code is string {
  return code !== undefined && /^\d{2,4}[A-Za-z]?$/.test(code);
}

/** Regular verb forms as PETRARCH generates them: base, +S/ES/IES, +ED/D/IED, +ING. */
export function regularVerbForms(base: string): string[] {
  const forms = new Set<string>([base]);
  if (/(S|X|Z|CH|SH)$/.test(base)) forms.add(`${base}ES`);
  else if (/[^AEIOU]Y$/.test(base)) forms.add(`${base.slice(0, -1)}IES`);
  else forms.add(`${base}S`);
  if (base.endsWith('E')) forms.add(`${base}D`);
  else if (/[^AEIOU]Y$/.test(base)) forms.add(`${base.slice(0, -1)}IED`);
  else forms.add(`${base}ED`);
  if (base.endsWith('E') && !base.endsWith('EE')) forms.add(`${base.slice(0, -1)}ING`);
  else forms.add(`${base}ING`);
  // Doubled final consonant (ship → shipped, ban → banned): CVC endings.
  if (/[^AEIOU][AEIOU][BDGKLMNPRT]$/.test(base) && base.length <= 6) {
    const last = base[base.length - 1]!;
    forms.add(`${base}${last}ED`);
    forms.add(`${base}${last}ING`);
  }
  return [...forms];
}

/** Words of a multi-word verb written `CORDON_+OFF` / `+CORDON_OFF`, and the index of the `+` word. */
function markedVerb(text: string): { words: string[]; head: number } {
  const parts = text.split('_').filter((p) => p.length > 0);
  let head = parts.findIndex((p) => p.startsWith('+'));
  const words = parts.map((p) => p.replace(/^\+/, '').toUpperCase());
  if (head < 0) head = 0;
  return { words, head };
}

/** Expands `&SYN` references inside synset phrases and patterns. */
function expandWord(word: string, synsets: ReadonlyMap<string, readonly (readonly string[])[]>): (readonly string[])[] | undefined {
  if (!word.startsWith('&')) return [[word]];
  return synsets.get(word.toUpperCase()) as (readonly string[])[] | undefined;
}

/** Parses one pattern body (between `-` and `[CODE]`) into before/after elements. */
function parsePattern(body: string, synsets: ReadonlyMap<string, readonly (readonly string[])[]>): { before: PatternElement[]; after: PatternElement[] } | undefined {
  // PETRARCH-2 noun-phrase braces and PP parentheses become plain word sequences.
  const cleaned = body.replace(/[{}()]/g, ' ').trim();
  // A flat list of pieces, each knowing whether `_` joined it to the piece before.
  const items: { piece: string; isJoinedToPrev: boolean }[] = [];
  for (const chunk of cleaned.split(/\s+/).filter(Boolean)) {
    chunk.split('_').forEach((piece, i) => {
      if (piece !== '') items.push({ piece, isJoinedToPrev: i > 0 });
    });
  }
  const verbAt = items.findIndex((it) => it.piece === '*');
  if (verbAt < 0) return undefined;
  const toElement = (piece: string, isAdjacent: boolean): PatternElement | undefined => {
    if (piece === '$') return { kind: 'source', isAdjacent };
    if (piece === '+') return { kind: 'target', isAdjacent };
    if (piece === '%') return { kind: 'compound', isAdjacent };
    if (piece === '^') return { kind: 'skip', isAdjacent };
    const alternatives = expandWord(piece.toUpperCase(), synsets);
    return alternatives ? { kind: 'words', alternatives, isAdjacent } : undefined;
  };
  const before: PatternElement[] = [];
  const after: PatternElement[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i === verbAt) continue;
    // Before the verb, adjacency means "joined to the NEXT piece" (the matcher walks leftwards).
    const isAdjacent = i < verbAt ? items[i + 1]!.isJoinedToPrev : items[i]!.isJoinedToPrev;
    const el = toElement(items[i]!.piece, isAdjacent);
    if (!el) return undefined;
    (i < verbAt ? before : after).push(el);
  }
  return { before, after };
}

/**
 * Parses a PETRARCH verb dictionary: `&SYNSET` + `+phrase` lines, `--- NAME [CODE] ---` blocks,
 * verb lines with `{irregular forms}` and `[own code]`, and `- pattern [CODE]` lines.
 * @example parseVerbDictionary('--- ATTACK [190] ---\nATTACK\n- * EMBASSY [180]').verbs[0]?.code // '190'
 */
export function parseVerbDictionary(text: string): VerbDictionary {
  const synsets = new Map<string, (readonly string[])[]>();
  const blocks: { name: string; code: string; patterns: VerbPattern[] }[] = [];
  const verbs: VerbEntry[] = [];
  let skipped = 0;
  let mode: 'none' | 'synset' | 'block' = 'none';
  let synsetName = '';
  let isSynsetNoPlural = false;
  for (const rawLine of contentLines(text)) {
    const line = rawLine.trim();
    if (line.startsWith('---')) {
      const name = line.replace(/\[[^\]]*\]/g, ' ').replace(/-{3}/g, ' ').trim().toUpperCase();
      const code = /\[([^\]]*)\]/.exec(line)?.[1]?.trim() ?? '---';
      blocks.push({ name, code, patterns: [] });
      mode = 'block';
      continue;
    }
    if (line.startsWith('&')) {
      synsetName = line.split(/\s+/)[0]!.toUpperCase();
      isSynsetNoPlural = synsetName.endsWith('_');
      synsetName = synsetName.replace(/_$/, '');
      synsets.set(synsetName, []);
      mode = 'synset';
      continue;
    }
    if (mode === 'synset' && line.startsWith('+')) {
      const body = line.slice(1).trim();
      const list = synsets.get(synsetName)!;
      if (body.startsWith('&')) {
        list.push(...(synsets.get(body.split(/\s+/)[0]!.toUpperCase()) ?? []));
        continue;
      }
      const noPlural = isSynsetNoPlural || body.endsWith('_');
      const words = phraseWords(body);
      if (words.length === 0) continue;
      list.push(words);
      if (!noPlural) list.push([...words.slice(0, -1), regularPlural(words[words.length - 1]!)]);
      continue;
    }
    const block = blocks[blocks.length - 1];
    if (!block) continue;
    mode = 'block';
    if (line.startsWith('-')) {
      const codeMatch = /\[([^\]]*)\]\s*$/.exec(line) ?? /\[([^\]]*)\]/.exec(line);
      if (!codeMatch) continue;
      const body = line.slice(1, codeMatch.index);
      const parsed = parsePattern(body, synsets);
      if (!parsed) {
        skipped++;
        continue;
      }
      block.patterns.push({ ...parsed, code: codeMatch[1]!.trim(), raw: line.slice(1, codeMatch.index).trim() });
      continue;
    }
    // A verb line: WORD or MULTI_+WORD, optional {forms}, optional [code].
    const { rest, groups } = takeBrackets(line);
    const braces = /\{([^}]*)\}/.exec(rest);
    const head = (braces ? rest.slice(0, braces.index) : rest).trim().split(/\s+/)[0];
    if (!head) continue;
    const own = groups[0]?.trim();
    const marked = markedVerb(head);
    const forms: { words: string[]; head: number }[] = [];
    if (braces) {
      forms.push(marked);
      for (const f of braces[1]!.trim().split(/\s+/).filter(Boolean)) forms.push(markedVerb(f));
    } else {
      for (const f of regularVerbForms(marked.words[marked.head]!)) {
        const words = [...marked.words];
        words[marked.head] = f;
        forms.push({ words, head: marked.head });
      }
    }
    verbs.push({ name: marked.words.join(' '), forms, code: own ?? block.code, block: blocks.length - 1 });
  }
  return { synsets, blocks, verbs, skipped };
}
