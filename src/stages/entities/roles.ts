/**
 * Roles and attributes stated around a mention: a title before the name ("Russian President Vladimir
 * Putin", "Quds Force chief Brig. Gen. Kassem Haddad"), an apposition after it ("Soleimani,
 * commander of the Quds Force"), and a tenure ("has led since 2019 as commander of its Desert Brigade",
 * "former Chief of the General Staff (July 2012–January 2018)").
 */
import type { Role, Span } from '../../model/index.js';

/** Role nouns that head a title phrase. Lower case; matched case-insensitively. */
const ROLE_NOUNS = [
  'president', 'vice president', 'prime minister', 'foreign minister', 'defence minister', 'defense minister', 'interior minister', 'minister',
  'supreme leader', 'leader', 'commander', 'chief of the general staff', 'chief of staff', 'chief', 'head', 'spokesman', 'spokeswoman',
  'spokesperson', 'general', 'major general', 'brigadier general', 'lieutenant general', 'colonel', 'ambassador', 'envoy', 'secretary-general',
  'secretary general', 'secretary', 'governor', 'mayor', 'king', 'emir', 'director', 'founder', 'officer', 'official', 'senator', 'cleric',
];
/** Role nouns as a regex alternation; the first letter may be capitalised ("Commander"), the rest is lower case. */
const ROLE_RE = ROLE_NOUNS.map((r) => `[${r[0]!.toUpperCase()}${r[0]}]${r.slice(1).replace(/ /g, '\\s+')}`).join('|');

/** Title abbreviations that may sit between a role phrase and the name. */
const RANK_ABBREV = String.raw`(?:(?:Maj|Gen|Brig|Lt|Col|Capt|Adm|Sgt|Dr|Mr|Mrs|Ms)\.?\s+)*`;

/** "Russian President ", "Quds Force commander Maj. Gen. " immediately before a name. */
const PRE_TITLE = new RegExp(String.raw`(?:^|[\s,(“"])((?:(?:the|former|then)\s+)?((?:[A-Z][\w'’.-]*\s+){0,4}?)(${ROLE_RE}))\s+${RANK_ABBREV}$`);

/** ", commander of Iran's Quds Force," / ", the head of the agency" / ", a senior Hezbollah commander" right after a name. */
// The role noun ends a word ("headquartered" is no "head") and is not a verb or a market phrase: "Stanford, head to
// our guide", "Instagram, a leader in social commerce" (a company).
const APPOSITION = new RegExp(String.raw`^\s*,\s+(?:who\s+is\s+|who\s+was\s+)?(?:the\s+|a\s+|an\s+)?(former\s+|then-?\s*)?((?:[\w'’-]+\s+){0,3}?)(${ROLE_RE})(?![\w-])(?!\s+(?:to|over|into|out|back|home)\b)(?!\s+in\s+[a-z])(?:\s+(?:of|for|at|in)\s+(?:the\s+|its\s+|his\s+|her\s+)?([A-Z][\w'’-]*(?:\s+(?:of\s+the\s+|of\s+|the\s+|al-)?[A-Z][\w'’-]*){0,6}))?`);

/** "Chief Data Officer": a capitalised job word right after the name makes the name a word of a job title. */
const TITLE_TAIL = /^\s+(?:Officer|Executive|Manager|Editor|Scientist|Engineer|Analyst|Architect|Director|Chief|Head|Lead|Leader|Secretary|Strategist|Specialist)\b/;

/** "since 2019 as commander of its Desert Brigade" after a name within the sentence. */
const TENURE = new RegExp(String.raw`\bsince\s+(\d{4})\s+as\s+(?:the\s+)?(${ROLE_RE})(?![\w-])(?:\s+of\s+(?:the\s+|its\s+|his\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,5}))?`);

/** "(July 2012–January 2018)" or "(2012-2018)" right after a role phrase. */
const PERIOD = /^\s*\(\s*(?:([A-Z][a-z]+)\s+)?(\d{4})\s*[–—-]\s*(?:([A-Z][a-z]+)\s+)?(\d{4})\s*\)/;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** What the role finder saw: roles plus a nationality word used in a title ("Russian President"). */
export interface RoleFindings {
  readonly roles: Role[];
  readonly nationalityWords: string[];
}

/**
 * Finds roles stated for the mention at `span` inside its sentence.
 * @example findRoles(text, {start: 17, end: 31}, sentence) // "Russian President Vladimir Putin" → President (nationality word "Russian")
 */
export function findRoles(text: string, span: Span, sentence: Span): RoleFindings {
  const roles: Role[] = [];
  const nationalityWords: string[] = [];
  const before = text.slice(Math.max(sentence.start, span.start - 80), span.start);
  const pre = PRE_TITLE.exec(before);
  const isInsideTitle = TITLE_TAIL.test(text.slice(span.end, span.end + 30));
  if (pre && !isInsideTitle) {
    const qualifier = (pre[2] ?? '').trim();
    const title = normaliseTitle(pre[3]!);
    const start = span.start - before.length + pre.index + pre[0].indexOf(pre[1]!);
    const { organisation, nationality } = splitQualifier(qualifier);
    if (nationality) nationalityWords.push(nationality);
    roles.push(compactRole({ title, organisation, evidence: { start, end: span.end } }));
  }
  const after = text.slice(span.end, Math.min(sentence.end, span.end + 160));
  const app = APPOSITION.exec(after);
  if (app) {
    const isFormer = Boolean(app[1]);
    const qualifier = (app[2] ?? '').trim();
    const title = normaliseTitle(app[3]!);
    const { organisation: qOrg, nationality } = splitQualifier(qualifier);
    if (nationality) nationalityWords.push(nationality);
    const organisation = app[4]?.replace(/['’]s$/, '') ?? qOrg;
    const end = span.end + app.index + app[0].length;
    const period = PERIOD.exec(text.slice(end, end + 40));
    const role = compactRole({
      title: isFormer ? `former ${title}` : title,
      organisation,
      from: period ? periodValue(period[1], period[2]!) : undefined,
      to: period ? periodValue(period[3], period[4]!) : undefined,
      evidence: { start: span.start, end: period ? end + period[0].length : end },
    });
    roles.push(role);
  }
  const rest = text.slice(span.end, sentence.end);
  const tenure = TENURE.exec(rest);
  if (tenure) {
    roles.push(compactRole({
      title: normaliseTitle(tenure[2]!),
      organisation: tenure[3],
      from: tenure[1],
      evidence: { start: span.start, end: span.end + tenure.index + tenure[0].length },
    }));
  }
  return { roles, nationalityWords };
}

/** Splits "Iran's Quds Force" / "Russian" / "Hezbollah" qualifiers into organisation and nationality word. */
function splitQualifier(qualifier: string): { organisation?: string; nationality?: string } {
  if (!qualifier) return {};
  const words = qualifier.replace(/['’]s\b/g, '').split(/\s+/);
  if (/(?:ian|ese|ish|i|an|ic)$/.test(words[0]!) && /^[A-Z]/.test(words[0]!)) {
    const [nationality, ...rest] = words;
    return rest.length ? { organisation: rest.join(' '), nationality } : { nationality };
  }
  return { organisation: words.join(' ') };
}

function normaliseTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim().toLowerCase();
}

function periodValue(month: string | undefined, year: string): string {
  const index = month ? MONTHS.indexOf(month.toLowerCase()) : -1;
  return index >= 0 ? `${year}-${String(index + 1).padStart(2, '0')}` : year;
}

function compactRole(role: { title: string; organisation?: string | undefined; from?: string | undefined; to?: string | undefined; evidence: Span }): Role {
  const out: { -readonly [K in keyof Role]?: Role[K] } = { title: role.title, evidence: role.evidence };
  if (role.organisation) out.organisation = role.organisation;
  if (role.from) out.from = role.from;
  if (role.to) out.to = role.to;
  return out as Role;
}
