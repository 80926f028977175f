/**
 * Plain-text cleaning: splits scraped text into lines and sets apart boilerplate (menus, share
 * prompts), repeated captions and the reader-comment thread, keeping the body paragraphs.
 */
import type { Caption, ReaderComment } from '../../model/index.js';

export interface CleanedText {
  readonly body: string;
  readonly title?: string;
  readonly comments: ReaderComment[];
  readonly captions: Caption[];
  readonly boilerplate: string[];
}

/** Lines that open a reader-comment thread; everything after belongs to comments. */
const COMMENTS_START = /^(\d+\s+)?(comments?|reader comments|leave a reply|leave a comment|join the discussion|discussion)\b.*$|^.{1,40}\s+avatar$/i;

/** Short lines that are site furniture, not prose. */
const BOILERPLATE = [
  /^(share|share this|share on|tweet|email|print|facebook|twitter|whatsapp|linkedin|telegram|reddit)\b[:\s|]*.{0,60}$/i,
  /^(subscribe|sign up|sign in|log in|register|newsletter|advertisement|advert|sponsored|read more|related|most popular|most read|trending|recommended|you may also like|more from)\b.{0,80}$/i,
  /^(home|news|world|politics|business|sport|opinion|video)(\s*[|/•·>»]\s*\w[\w\s&-]*){2,}$/i,
  /^((xs|s|sm|m|md|l|lg|xl|xxl)\s*){2,}$/i,
  /^(photo|image|picture)\s*(credit)?\s*:\s*.{0,60}$/i,
  /^(copyright|©|all rights reserved)\b.{0,120}$/i,
  /^\W*$/,
];

/** A caption-like line ends with a credit in parentheses: "... (Photo: AP)", "(YouTube screenshot)". */
const CREDIT = /\(([^()]{2,60})\)\s*$/;

/** Cleans scraped plain text. Pure: same input, same output. */
export function cleanText(input: string): CleanedText {
  const lines = input.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim());
  const body: string[] = [];
  const boilerplate: string[] = [];
  const captions: Caption[] = [];
  let commentStart = -1;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) {
      body.push('');
      continue;
    }
    if (COMMENTS_START.test(line) && i > lines.length * 0.3) {
      commentStart = i;
      break;
    }
    if (line === lines[i + 1] || line === prevNonEmpty(lines, i)) {
      // A line saved twice in a row is a photo caption (scrapers keep the alt text and the figcaption).
      if (line === lines[i + 1]) captions.push(toCaption(line, 2));
      continue;
    }
    if (BOILERPLATE.some((re) => re.test(line))) {
      boilerplate.push(line);
      continue;
    }
    body.push(line);
  }

  const comments = commentStart >= 0 ? parseComments(lines.slice(commentStart + 1)) : [];
  const paragraphs = body.join('\n').split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
  const title = paragraphs.length > 1 && isTitleLike(paragraphs[0]!) ? paragraphs[0] : undefined;
  return { body: paragraphs.join('\n\n'), ...(title ? { title } : {}), comments, captions, boilerplate };
}

function prevNonEmpty(lines: readonly string[], i: number): string | undefined {
  for (let j = i - 1; j >= 0; j--) if (lines[j]) return lines[j];
  return undefined;
}

function toCaption(line: string, occurrences: number): Caption {
  const credit = CREDIT.exec(line)?.[1];
  return credit ? { text: line, credit, occurrences } : { text: line, occurrences };
}

/** A title is one short line without final punctuation. */
function isTitleLike(paragraph: string): boolean {
  return !paragraph.includes('\n') && paragraph.length <= 160 && !/[.!?]["”’]?$/.test(paragraph);
}

/** Comment threads: "<name> Avatar" or a short name line, then the comment text; "Reply" lines are dropped. */
function parseComments(lines: readonly string[]): ReaderComment[] {
  const comments: ReaderComment[] = [];
  let author: string | undefined;
  let text: string[] = [];
  const flush = () => {
    if (text.length) comments.push(author ? { author, text: text.join(' ') } : { text: text.join(' ') });
    text = [];
  };
  for (const line of lines) {
    if (!line || /^reply$/i.test(line)) continue;
    const avatar = /^(.{1,40})\s+avatar$/i.exec(line);
    if (avatar) {
      flush();
      author = avatar[1]!.trim();
      continue;
    }
    text.push(line);
  }
  flush();
  return comments;
}
