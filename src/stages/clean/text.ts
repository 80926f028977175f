/**
 * Plain-text cleaning for text a scraper already flattened. Each line is classified with jusText-style
 * features (length, stop-word density, sentence punctuation, position, repetition, known phrases) into
 * body, boilerplate, caption/credit, byline/date or the reader-comment thread, then:
 * - consecutive near-identical lines (alt text + figcaption) collapse to one Caption with `occurrences: 2`;
 * - the comment thread is parsed into ReaderComments with authors ("5thDrawer Avatar") and reply links
 *   (from the indentation of numbered replies);
 * - the title is the first headline-like line, and a stated publication date ("Published: …") is read.
 * Pure: same input, same output.
 */
import type { Caption, ReaderComment } from '../../model/index.js';
import { creditOf, hasCredit, isBoilerplateLine, isBylineOrDateLine, isCommentsStart, isCreditLine, isTailStart } from './boilerplate.js';
import { findDateInText } from './dates.js';
import { stopWordDensity } from './stop-words.js';

/** What text cleaning found in one scraped article. */
export interface CleanedText {
  /** Body paragraphs separated by blank lines. */
  readonly body: string;
  readonly title?: string;
  readonly byline?: string;
  /** ISO 8601 date stated in the text ("Published: Nov. 14, 2024"). */
  readonly publishedAt?: string;
  /** Outlet named by a sign-off ("As reported by The Times of Israel") or a community prompt. */
  readonly outlet?: string;
  /** Wire or source credit line ("FOX NEWS/AP/REUTERS"), kept out of the body. */
  readonly credit?: string;
  readonly comments: ReaderComment[];
  readonly captions: Caption[];
  readonly boilerplate: string[];
}

/** How one line was classified (exported for tests and the seed report). */
export type LineClass = 'body' | 'title' | 'boilerplate' | 'caption' | 'byline' | 'credit' | 'blank';

interface Line {
  readonly raw: string;
  readonly text: string;
  cls: LineClass;
}

/** Lines shorter than this never count as prose on their own. */
const SHORT_CHARS = 40;

/** Cleans scraped plain text. */
export function cleanText(input: string): CleanedText {
  const rawLines = input.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').split('\n');
  const lines: Line[] = rawLines.map((raw) => {
    const text = raw.replace(/[ \t\u2000-\u200b\u3000]+/g, ' ').trim();
    return { raw, text, cls: text ? 'body' : 'blank' };
  });
  const boilerplate: string[] = [];
  const captions: Caption[] = [];
  let byline: string | undefined;
  let publishedAt: string | undefined;
  let outlet: string | undefined;
  let credit: string | undefined;

  // 1. Where the article ends: the comment thread, or a promotion block ("Most Popular") in the last part.
  const nonBlank = lines.filter((l) => l.text).length;
  let seen = 0;
  let commentsAt = -1;
  let tailAt = -1;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (!t) continue;
    seen++;
    if (seen < Math.max(3, nonBlank * 0.25)) continue;
    if (commentsAt < 0 && (isCommentsStart(t) || AVATAR.test(t))) commentsAt = i;
    if (tailAt < 0 && commentsAt < 0 && isTailStart(t)) tailAt = i;
  }
  const articleEnd = [commentsAt, tailAt].filter((i) => i >= 0).reduce((a, b) => Math.min(a, b), lines.length);

  // 2. Line rules inside the article part.
  const counts = new Map<string, number>();
  for (let i = 0; i < articleEnd; i++) {
    const key = foldLine(lines[i]!.text);
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (let i = 0; i < articleEnd; i++) {
    const line = lines[i]!;
    if (line.cls !== 'body') continue;
    const t = line.text;
    const next = nextNonBlank(lines, i, articleEnd);
    if (next >= 0 && isSameCaption(t, lines[next]!.text)) {
      // A photo caption saved twice (alt text and figcaption), sometimes with small edits: one Caption.
      let occurrences = 2;
      lines[next]!.cls = 'caption';
      let after = nextNonBlank(lines, next, articleEnd);
      while (after >= 0 && isSameCaption(t, lines[after]!.text)) {
        lines[after]!.cls = 'caption';
        occurrences++;
        after = nextNonBlank(lines, after, articleEnd);
      }
      line.cls = 'caption';
      captions.push(toCaption(longer(t, lines[next]!.text), occurrences));
      continue;
    }
    if (isCreditLine(t)) {
      line.cls = 'credit';
      continue;
    }
    if (t.length < 400 && hasCredit(t) && !/^["“]/.test(t)) {
      line.cls = 'caption';
      captions.push(toCaption(t, 1));
      continue;
    }
    if (WIRE_CREDIT.test(t)) {
      line.cls = 'credit';
      credit ??= t;
      continue;
    }
    if (isBoilerplateLine(t)) {
      line.cls = 'boilerplate';
      continue;
    }
    const signOff = SIGN_OFF.exec(t);
    if (signOff) {
      line.cls = 'credit';
      outlet ??= signOff[1]!.trim().replace(/[.]$/, '');
      continue;
    }
    if (isBylineOrDateLine(t) || DATE_LABEL.test(t) || isBareDateLine(t)) {
      line.cls = 'byline';
      const by = /^by\s+(.+?)(\s*[|,–—-]\s.*)?$/i.exec(t);
      if (by && !byline) byline = by[1]!.trim();
      const date = findDateInText(t);
      if (date && !publishedAt) publishedAt = date.iso;
      continue;
    }
    // Short lines repeated elsewhere in the article ("Share:" at top and bottom) are furniture.
    if (t.length < 60 && (counts.get(foldLine(t)) ?? 0) > 1) {
      line.cls = 'boilerplate';
      continue;
    }
  }

  // 3. jusText-style pass over what is left: good prose anchors the body; short, stop-word-poor lines
  //    outside the run of good paragraphs are furniture.
  const quality = lines.map((l, i) => (i < articleEnd && l.cls === 'body' ? lineQuality(l.text) : 'none'));
  // The head: lines before the first good, punctuated paragraph (pull quote, headline, standfirst).
  // (A question headline — "Who is Qasim Haddad, …?" — is short and ends in "?": it does not end the head.)
  let headEnd = quality.findIndex((q, i) => q === 'good' && /[.!]["”’)]?$/.test(lines[i]!.text) && lines[i]!.text.length >= 80);
  if (headEnd < 0) headEnd = Math.min(articleEnd, 8);
  const lastGood = quality.lastIndexOf('good');
  // The title: the first headline-like line of the head with five or more words ("The Northern Ledger", a site
  // name, has three), else the first with three or more. Other head lines (kicker, standfirst, site name) are
  // not body: HTML extraction drops them too, so a page's text and HTML copies clean to the same body.
  // The site header ends at its last menu-like line ("Home | News", "Support us", "World"); the headline follows it.
  // Tickers ("BREAKING: …") above the site header are not the article's headline.
  const isMenuLike = (t: string) => /^[\p{L}\p{N}&' ]+$/u.test(t) && t.split(' ').length <= 3 || /\s[|•·]\s/.test(t);
  let lastMenu = -1;
  for (let i = 0; i < headEnd; i++) if ((lines[i]!.cls === 'body' || lines[i]!.cls === 'boilerplate') && isMenuLike(lines[i]!.text)) lastMenu = i;
  const headLines = lines.slice(0, Math.max(headEnd, 0)).map((l, i) => ({ l, i })).filter(({ l }) => l.cls === 'body');
  const isCandidate = ({ l, i }: { l: Line; i: number }) => isHeadline(l.text) && !TICKER.test(l.text) && !isPullQuote(l.text, lines, i, articleEnd);
  const afterMenu = headLines.filter((h) => h.i > lastMenu);
  const headline =
    afterMenu.find((h) => isCandidate(h) && h.l.text.split(' ').length >= 5) ??
    headLines.find((h) => isCandidate(h) && h.l.text.split(' ').length >= 5) ??
    headLines.find(isCandidate);
  const title = headline?.l.text;
  if (headline) headline.l.cls = 'title';
  for (let i = 0; i < articleEnd; i++) {
    const line = lines[i]!;
    if (line.cls !== 'body') continue;
    const q = quality[i]!;
    if (i < headEnd) {
      line.cls = 'boilerplate';
      continue;
    }
    if (q === 'good') continue;
    if (i > lastGood) {
      if (q === 'short' || !/[.!?]["”’)]?$/.test(line.text)) line.cls = 'boilerplate';
    } else if (q === 'short' && !isSubheading(line.text)) line.cls = 'boilerplate';
  }
  // The join prompt names the outlet when nothing else did: "Join The Times of Israel Community".
  for (let i = 0; i < lines.length; i++) {
    const join = /^join (the .{1,60}?) community\.?$/i.exec(lines[i]!.text);
    if (join && !outlet) outlet = join[1]!;
  }

  // 4. Assemble.
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) paragraphs.push(current.join('\n'));
    current = [];
  };
  for (let i = 0; i < articleEnd; i++) {
    const line = lines[i]!;
    if (line.cls === 'body') current.push(line.text);
    else {
      flush();
      if (line.cls === 'boilerplate' || line.cls === 'credit' || line.cls === 'byline') boilerplate.push(line.text);
    }
  }
  flush();
  let comments: ReaderComment[] = [];
  if (commentsAt >= 0) {
    const parsed = parseComments(lines.slice(commentsAt).map((l) => l.raw));
    comments = parsed.comments;
    boilerplate.push(...parsed.furniture);
  }
  const tailEnd = commentsAt >= 0 ? commentsAt : lines.length;
  for (let i = articleEnd; i < tailEnd; i++) if (lines[i]!.text) boilerplate.push(lines[i]!.text);
  return {
    body: paragraphs.join('\n\n'),
    ...(title ? { title } : {}),
    ...(byline ? { byline } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(outlet ? { outlet } : {}),
    ...(credit ? { credit } : {}),
    comments,
    captions,
    boilerplate,
  };
}

/** "5thDrawer Avatar", "  1. arzatna1 Avatar": a commenter's name line as WordPress themes print it. */
const AVATAR = /^(?:\d+\.\s+)?(\S.{0,40}?)\s+avatar$/i;

/** Sign-offs naming the outlet: "As reported by The Times of Israel", "This story first appeared in X". */
const SIGN_OFF = /^(?:as (?:first )?reported by|this (?:article|story) (?:was )?(?:first |originally )?(?:appeared|published) (?:in|on|by)|originally published (?:in|on|by)|source:)\s+(.{2,80})$/i;

/** Wire credits: "FOX NEWS/AP/REUTERS", "AP/AFP", "(Reuters)". */
const WIRE_CREDIT = /^\(?([\p{Lu}][\p{Lu}&. ]{1,30})(\s*[/,]\s*[\p{Lu}][\p{Lu}&. ]{1,30})+\)?$|^\((ap|afp|reuters|upi|dpa)\)$/u;

/** News tickers above the headline: "BREAKING: …", "LIVE: …". */
const TICKER = /^(breaking( news)?|live|update|developing|just in|watch)\s*[:|–—-]/i;

/** Date lines that name themselves: "Published: …", "Posted on …", "Last updated …". */
const DATE_LABEL = /^(published|posted|updated|last updated|date)(\s+on)?\s*:?\s*\S.{0,60}$/i;

/** A short line that is little more than a date and time: "Nov. 21, 2024 | 14:20", "Monday 3 March 2025, 09:00 GMT". */
function isBareDateLine(text: string): boolean {
  if (text.length > 60) return false;
  const found = findDateInText(text);
  if (!found) return false;
  const rest = (text.slice(0, found.index) + text.slice(found.index + found.length)).replace(/\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(am|pm|gmt|utc|[ecmp][sd]t|cet|eet|bst|ist)\b|[\d:|,.·•\s/()-]/gi, '');
  return rest.length <= 3;
}

type Quality = 'good' | 'near' | 'short' | 'none';

/** jusText-style line quality: long, stop-word-rich, punctuated lines are prose. */
function lineQuality(text: string): Quality {
  const density = stopWordDensity(text);
  const words = text.split(' ').length;
  const isPunctuated = /[.!?]["”’)]?$/.test(text) || /[.!?]["”’)]?\s/.test(text);
  if (text.length >= 100 && density >= 0.2) return 'good';
  if (text.length >= SHORT_CHARS && density >= 0.25 && isPunctuated) return 'good';
  if (words <= 4 || text.length < SHORT_CHARS && density < 0.2) return 'short';
  return 'near';
}

/** A headline: 3–30 words, no final full stop, not a quotation, not a label. */
function isHeadline(text: string): boolean {
  const words = text.split(' ').length;
  return words >= 3 && words <= 30 && text.length <= 200 && !/[.:;,]$/.test(text) && !/^["“'‘]/.test(text) && !/["”'’]$/.test(text);
}

/** A subheading inside the body: a few capitalised words, no final punctuation. */
function isSubheading(text: string): boolean {
  return text.split(' ').length >= 2 && text.length <= 80 && /^\p{Lu}/u.test(text) && !/[|/•·]/.test(text);
}

/** A pull quote: a quoted line at the top whose words come again later in the body. */
function isPullQuote(text: string, lines: readonly Line[], at: number, end: number): boolean {
  if (!/^["“'‘]|["”'’]$/.test(text)) return false;
  const key = foldLine(text).replace(/^["'\s]+|["'\s]+$/g, '');
  const inner = key.split(' ').slice(1, -1).join(' ');
  if (inner.length < 20) return false;
  for (let i = at + 1; i < end; i++) if (foldLine(lines[i]!.text).includes(inner.slice(0, 60))) return true;
  return false;
}

function nextNonBlank(lines: readonly Line[], i: number, end: number): number {
  for (let j = i + 1; j < end; j++) if (lines[j]!.text) return lines[j]!.cls === 'blank' ? -1 : j;
  return -1;
}

/** Lower case, straight quotes, collapsed spaces: "Iran’s" and "Iran's" are the same line. */
function foldLine(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”‟″]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\s*([()])\s*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Two consecutive lines are one caption saved twice when they are equal or share most of their words. */
function isSameCaption(a: string, b: string): boolean {
  if (a.length < 15 || b.length < 15) return false;
  const fa = foldLine(a);
  const fb = foldLine(b);
  if (fa === fb) return true;
  const wa = new Set(fa.match(/[\p{L}\p{N}]+/gu) ?? []);
  const wb = new Set(fb.match(/[\p{L}\p{N}]+/gu) ?? []);
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / Math.min(wa.size, wb.size) >= 0.7 && common / Math.max(wa.size, wb.size) >= 0.5;
}

function longer(a: string, b: string): string {
  return b.length > a.length ? b : a;
}

function toCaption(line: string, occurrences: number): Caption {
  const credit = creditOf(line);
  return credit ? { text: line, credit, occurrences } : { text: line, occurrences };
}

/**
 * Parses a comment thread. Authors come from "<name> Avatar" lines (a following line repeating the name is
 * dropped); numbered items ("1.", "2.") start comments; a deeper-indented item replies to the nearest
 * shallower one. Headers ("Comments", "7 responses to …"), "Reply" and "Leave a Reply" are furniture.
 */
export function parseComments(rawLines: readonly string[]): { comments: ReaderComment[]; furniture: string[] } {
  const comments: { author?: string; postedAt?: string; text: string[]; depth: number; replyTo?: number }[] = [];
  const furniture: string[] = [];
  const stack: { depth: number; index: number }[] = [];
  let current: (typeof comments)[number] | undefined;
  const open = (depth: number, author?: string) => {
    while (stack.length && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const parent = stack[stack.length - 1];
    current = { text: [], depth, ...(author ? { author } : {}), ...(parent ? { replyTo: parent.index } : {}) };
    comments.push(current);
    stack.push({ depth, index: comments.length - 1 });
  };
  for (const raw of rawLines) {
    const text = raw.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const depth = raw.length - raw.trimStart().length;
    if (isCommentsStart(text) || /^(reply|report|like|share|flag|permalink|\d+ (likes?|replies))$/i.test(text) || isBoilerplateLine(text)) {
      furniture.push(text);
      continue;
    }
    const numbered = /^(\d+)\.\s+(.*)$/.exec(text);
    const body = numbered ? numbered[2]! : text;
    const avatar = AVATAR.exec(body);
    if (avatar) {
      open(depth, avatar[1]!.trim());
      continue;
    }
    if (numbered) {
      open(depth);
      current!.text.push(body);
      continue;
    }
    if (!current) open(depth);
    if (current!.author && current!.text.length === 0 && text === current!.author) continue; // the name printed again
    const date = current!.text.length === 0 && text.length < 60 ? findDateInText(text) : undefined;
    if (date && !current!.postedAt) {
      current!.postedAt = date.iso;
      continue;
    }
    current!.text.push(text);
  }
  // Comments with no text (an avatar line and nothing else) are dropped; reply links are renumbered.
  const kept = comments.map((c, i) => ({ c, i })).filter(({ c }) => c.text.length);
  const newIndex = new Map(kept.map(({ i }, j) => [i, j]));
  return {
    comments: kept.map(({ c }) => {
      const replyTo = c.replyTo === undefined ? undefined : newIndex.get(c.replyTo);
      return {
        text: c.text.join('\n'),
        ...(c.author ? { author: c.author } : {}),
        ...(c.postedAt ? { postedAt: c.postedAt } : {}),
        ...(replyTo !== undefined ? { replyTo } : {}),
      };
    }),
    furniture,
  };
}
