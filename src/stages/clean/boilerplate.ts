/**
 * Known boilerplate phrases and caption/credit shapes, shared by the HTML block filter and the
 * plain-text line classifier. Each pattern is anchored on a whole line or block, so a body sentence that
 * merely mentions "subscribe" is never touched.
 */

/** The kinds of non-body lines the cleaners tell apart. */
export type LineKind = 'body' | 'boilerplate' | 'caption' | 'credit' | 'comments-start' | 'tail-start' | 'byline' | 'dateline';

/** Whole-line site furniture: navigation, sharing, prompts, promotion, legal lines. */
export const BOILERPLATE_LINES: readonly RegExp[] = [
  // Sharing: "Share:", "Share this article", "Tweet", "Email | Print", "Share on Facebook"
  /^(share|share this( article| story| post| page)?|share on \w+|tweet( this)?|e-?mail( this)?|print( this)?|copy link|copied|facebook|twitter|whatsapp|linkedin|telegram|reddit|pinterest|flipboard|messenger|sms|pocket)\s*[:|•·]?\s*((share|tweet|e-?mail|print|facebook|twitter|whatsapp|linkedin|telegram|reddit|pinterest|flipboard|messenger|sms|x|copy link|comments?)\s*[:|•·]?\s*)*$/i,
  // Subscription and account prompts
  /^(subscribe|sign up|sign in|log ?in|log out|register|create (a free )?account|already (a subscriber|have an account)|become a (member|subscriber)|join (now|us|today|the conversation)|get (the|our) (latest|best|top)\b.{0,60}|get (unlimited )?access\b.{0,60})[\s\S]{0,100}$/i,
  // Short promotional lines only: a long sentence that mentions a newsletter is body text.
  /^(?=.{0,90}$).{0,60}\b(newsletters?|sign up for|subscribe to|inbox|e-?mail alerts?)\b.{0,60}[.!]?$/i,
  /^(advertisement|advert|sponsored( content)?|paid (post|content)|promoted( content)?|ad|ads by \w+|story continues below( advertisement)?|continue reading( below)?( the main story)?|article continues below( this ad)?|scroll (down )?to continue.*|skip (to|ad).{0,40})\s*$/i,
  // Promotion of other articles
  /^(read more|read next|read also|see more|see also|more( stories)? from.{0,60}|more on (this|that)( story)?|related( articles?| stories| content| coverage| topics| links| posts)?|most (popular|read|viewed|shared|commented)|trending( now| stories)?|recommended( for you| stories| reading)?|you (may|might) (also )?(like|be interested in|enjoy)|don'?t miss|editor'?s picks?|top stories|latest (news|stories)|popular (now|stories)|in (other|case you missed it) news|what to read next|up next|watch( now| next| more)?|also read|listen( to this article)?|further reading)\b\s*(:.*|\.\.\.|…)?$/i,
  /^(read more|see more|also read|related|watch|read next|read also|more)\s*[:|»>]\s*.{0,200}$/i,
  /^.{0,140}\s\[(more|read more|insight|video|reaction|reveal|poll|analysis|latest|pics|pictures|live)\]\s*$/i,
  /^(get|download) (the )?.{0,40}\bapp\b.{0,60}$/i,
  /^.{0,60}by clicking here\.?$/i,
  // Comment prompts and reaction counters that are not comments themselves
  /^(if you'?d like to comment|commenting is (available|disabled|closed)|comments are (closed|disabled)|please use the following structure|confirm (mail|email)|thank you!? now check your email|you are now a member|we sent you an email)\b.{0,200}$/i,
  /^join (the )?.{1,60} community\.?$/i,
  /^the .{1,40} community\.?$/i,
  // Size pickers, star ratings, pagination and similar widgets
  /^((sizes?|size guide|select (a )?size|choose (a )?size)\s*:?\s*)?((xxs|xs|s|sm|m|md|l|lg|xl|xxl|2xl|3xl|one size)\s*[,/|]?\s*){2,}$/i,
  /^(page \d+ of \d+|previous|next|prev|back to top|top|home|menu|search|close|open|toggle navigation|skip to (main )?content|more|less|show (more|less)|load more|view (all|more|gallery)|click here|expand|collapse)\s*[»›>]?$/i,
  // Legal lines
  /^(copyright|©|\(c\)|all rights reserved|this (material|article|content|document) (may not|is subject to copyright)|terms (of (use|service))?|privacy policy|cookie (policy|settings))\b[\s\S]{0,300}$/i,
  /^.{0,120}\ball rights reserved\.?$/i,
  // Contact and tip lines at the foot of articles
  /^(have a (news )?tip\??|got a (news )?tip\??|send us a tip|contact (the )?(author|reporter|writer)|follow (us|him|her|them|the author) on\b).{0,240}$/i,
  /^citation:\s.{0,400}$/i,
  // Breadcrumbs and menus: three or more short items separated by pipes, bullets or arrows
  /^([\p{L}&' -]{1,30}\s*[|/•·>»›]\s*){2,}[\p{L}&' -]{1,30}$/u,
  // Script and cookie notices, widget prompts, WordPress shortcodes left unrendered
  /^this (slideshow|video|content|page|site|feature|gallery|map|form) requires javascript.{0,40}$/i,
  /^(this (web)?site uses cookies|we use cookies|by (continuing|using) (to (use|browse) )?(this|our) (site|website)|accept (all )?cookies)\b.{0,300}$/i,
  /^(tell us what you think|what do you think)\b.{0,40}$/i,
  /^\[\w+[^\]]*\].{0,200}\[\/\w+\]$/,
  // Lines with no letters at all (rules, bullets, "• • •")
  /^[^\p{L}\p{N}]*$/u,
];

/** Lines that open the reader-comment thread: everything after them is comments or furniture. */
export const COMMENTS_START: readonly RegExp[] = [
  /^(\d+\s+)?(reader )?(comments?|responses?|replies|reactions)\s*(\(\d+\))?:?$/i,
  /^\d+\s+(comments?|responses?|replies|thoughts?)\s+(to|on)\s.{0,200}$/i,
  /^(leave a (reply|comment)|post a comment|add (a|your) comment|join the discussion|show comments|view comments|load comments|comments? policy)\b.{0,80}$/i,
  /^(conversation|discussion)\s*$/i,
];

/** Lines that end the article body without being comments: promotion blocks at the foot of the page. */
export const TAIL_START: readonly RegExp[] = [
  /^(most (popular|read|viewed|shared)|trending( now)?|recommended( for you)?|you (may|might) (also )?like|more from .{1,60}|related (articles|stories|coverage)|read more:?|latest (news|stories))\s*:?$/i,
];

/** A photo credit or caption tail: "(AP Photo/Alan Diaz)", "(Image: GETTY )", "Credit: EPA", "| Getty Images". */
export const CREDIT_TAIL: readonly RegExp[] = [
  /\((?:[^()]*\b(?:photo|image|picture|pic|file|screenshot|screen ?grab|credit|via|pool|getty|ap|afp|reuters|epa|afp photo|youtube|twitter|instagram|facebook|handout|courtesy|supplied|illustration)\b[^()]*)\)\s*$/i,
  /\b(credit|photo|image|picture|photograph|illustration)s?\s*(credit)?\s*:\s*[^.]{2,80}$/i,
  /\s\|\s*(getty images|ap|afp|reuters|epa|shutterstock|alamy|file)\b.{0,40}$/i,
  /^(photo|image|picture|illustration|video|graphic|file photo)\s*(credit)?\s*:\s*.{0,100}$/i,
];

/** Standalone credit lines with no caption text: "Alex Wong | Getty Images", "© Aaron Schwartz". */
export const CREDIT_LINE: readonly RegExp[] = [
  /^(©|\(c\))\s*[\p{L} .,'/-]{2,60}$/iu,
  /^[\p{L} .'-]{2,40}\s*[|/]\s*(getty images|ap|afp|reuters|epa|shutterstock|alamy|ap photo|afp photo|file)\s*$/iu,
  /^(getty images|ap photo|afp photo|reuters|shutterstock|handout)\b.{0,40}$/i,
  // Agency sign-offs after the last paragraph: "— Meridian News Agency", "– Reuters"
  /^[—–]\s*[\p{Lu}][\p{L}.&' -]{1,60}$/u,
];

/** Byline and date furniture at the head or foot of an article. */
export const BYLINE_LINES: readonly RegExp[] = [
  /^[Bb][Yy]:?\s+[\p{Lu}][\p{L}.'’-]+(\s+[\p{L}.'’-]+){0,5}(\s*(,|and|&)\s*[\p{Lu}][\p{L}.'’-]+(\s+[\p{L}.'’-]+){0,4})*\s*([|,–—-]\s*.{0,80})?$/u,
  /^(published|updated|posted|last (updated|modified)|first published|modified|date)\s*:?\s*.{0,80}$/i,
  /^\|?\s*(published|updated|posted)\b.{0,80}$/i,
  /^(updated|posted|published)?\s*(\d{1,2}:\d{2}\s*(am|pm|a\.m\.|p\.m\.)?\s*(\w{2,4})?,?\s*)?(mon|tue|wed|thu|fri|sat|sun)?\w*,?\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\w*\.? \d{1,2},? \d{4}(,?\s*(at\s*)?\d{1,2}:\d{2}\s*(am|pm|a\.m\.|p\.m\.)?\s*[a-z]{0,4})?\s*$/i,
  /^\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\w* \d{4}(,?\s*\d{1,2}[:.]\d{2}\s*(am|pm)?\s*[a-z]{0,4})?$/i,
  /^\d{1,2}\/\d{1,2}\/\d{2,4}(\s+\d{1,2}:\d{2}\s*(am|pm)?\s*[a-z]{0,4})?$/i,
  /^\d+\s+(minutes?|hours?|days?|weeks?)\s+ago$/i,
  /^(\d+\s+min(ute)?s?\s+read|reading time:?.{0,20}|\d+\s+min(ute)?\s+read)$/i,
];

/** True when a whole line or block is site furniture. */
export function isBoilerplateLine(line: string): boolean {
  const s = line.trim();
  return BOILERPLATE_LINES.some((re) => re.test(s));
}

/** True when a line opens the reader-comment section. */
export function isCommentsStart(line: string): boolean {
  const s = line.trim();
  return COMMENTS_START.some((re) => re.test(s));
}

/** True when a line opens a promotion block at the foot of the article. */
export function isTailStart(line: string): boolean {
  const s = line.trim();
  return TAIL_START.some((re) => re.test(s));
}

/** True when a line ends with a photo credit (a caption) or is only a credit. */
export function hasCredit(line: string): boolean {
  const s = line.trim();
  return CREDIT_TAIL.some((re) => re.test(s)) || CREDIT_LINE.some((re) => re.test(s));
}

/** True when a line is only a photo credit, with no caption text. */
export function isCreditLine(line: string): boolean {
  const s = line.trim();
  return CREDIT_LINE.some((re) => re.test(s));
}

/** True when a line is a byline or a date/update stamp. */
export function isBylineOrDateLine(line: string): boolean {
  const s = line.trim();
  return s.length <= 140 && BYLINE_LINES.some((re) => re.test(s));
}

/** The credit of a caption, without brackets: "Haberturk TV via AP". */
export function creditOf(line: string): string | undefined {
  const paren = /\(([^()]{2,80})\)\s*$/.exec(line);
  if (paren && CREDIT_TAIL[0]!.test(line)) return paren[1]!.trim();
  const labelled = /\b(?:credit|photo|image|picture)s?\s*(?:credit)?\s*:\s*([^.]{2,80})$/i.exec(line);
  if (labelled) return labelled[1]!.trim();
  const piped = /\s\|\s*([^|]{2,60})$/.exec(line);
  if (piped) return piped[1]!.trim();
  return undefined;
}
