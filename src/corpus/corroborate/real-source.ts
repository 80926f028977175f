/**
 * Which links of an attribution chain are real sources: someone an analyst could name, call or look up. Only a
 * real source can be the origin of a report or the party that denies or confirms it; a chain whose links are not
 * real sources is the article speaking in its own voice.
 */
import type { Source } from '../../model/index.js';

/**
 * Words that stand for a speaker without saying who it is. Unresolved, they name nobody: "I said", "you may",
 * "he added" (with no referent found), "some say", "others argue".
 */
const STAND_INS: ReadonlySet<string> = new Set([
  'i', 'me', 'my', 'we', 'us', 'our', 'you', 'your', 'he', 'him', 'his', 'she', 'her', 'they', 'them', 'their', 'it', 'its',
  'this', 'that', 'these', 'those', 'one', 'someone', 'somebody', 'anyone', 'anybody', 'everyone', 'everybody', 'nobody',
  'no one', 'some', 'many', 'most', 'few', 'others', 'other', 'all', 'both', 'who', 'which', 'people', 'person', 'sources',
  'source', 'critics', 'observers', 'reports', 'experts',
]);

/**
 * Words that make a phrase a clause rather than a name: a source called "you may have to finish one of more exams"
 * is a sentence fragment the attribution step mistook for a speaker.
 */
const CLAUSE_WORDS = /\b(?:may|might|must|can|could|should|would|will|shall|have to|has to|had to|is|are|was|were|be|been|do|does|did|not|if|when|because)\b/;

/** Longest plausible name of a source, in words ("the Syrian Observatory for Human Rights in London" is 8). */
const MAX_NAME_WORDS = 9;

/** The phrase, lower-cased, without a leading article: "The ministry" → "ministry". */
function bareName(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim().replace(/^(?:the|a|an)\s+/, '');
}

/** Count words before an unnamed source's noun: "three officials", "several sources". */
const COUNT_WORDS = /^(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|multiple|several|many|some|numerous|other)\s+)+/;

/**
 * An unnamed source described enough to be one: a role ("officials" → official), a nationality, an affiliation
 * ("sources close to the army") or a descriptor ("intelligence sources"). Bare "sources" or "some people" is not.
 */
function isDescribedAnonymous(source: Source): boolean {
  if (source.role || source.nationality) return true;
  if (/\b(?:close to|familiar with|briefed on|in|at|from|of|with)\s+\S/i.test(source.name)) return true;
  return bareName(source.name).replace(COUNT_WORDS, '').split(' ').length >= 2;
}

/**
 * True when a chain link is a real source: a linked entity, a named outlet, person or organisation, a titled
 * person ("a ministry spokesman"), a document with its issuer, or an unnamed source with a role. False for the
 * article itself, unresolved pronouns ("I", "you", "he"), indefinites ("some", "others"), bare nouns ("sources",
 * "people") and clause fragments ("you may have to finish one of more exams").
 * @example isRealSource({ kind: 'person', name: 'I' }) // false: nobody resolved "I"
 */
export function isRealSource(source: Source): boolean {
  if (source.kind === 'article') return false;
  const bare = bareName(source.name);
  if (!bare || !/\p{L}/u.test(bare) || STAND_INS.has(bare)) return false;
  const words = bare.split(' ');
  // A phrase opening with a stand-in is a fragment ("you may have to …", "I think"), whatever follows.
  if (STAND_INS.has(words[0]!) && words.length > 1 && !(source.kind === 'anonymous' && isDescribedAnonymous(source))) return false;
  // Lower-case only: "Theresa May" and "Will Smith" are names.
  if (words.length > MAX_NAME_WORDS || CLAUSE_WORDS.test(source.name)) return false;
  if (source.entityId) return true;
  switch (source.kind) {
    case 'anonymous':
      return isDescribedAnonymous(source);
    case 'outlet':
    case 'social-media':
      return true;
    case 'document':
      // "the report" says nothing of who issued it; "a UN report", "the ministry's statement" do.
      return words.length > 1;
    case 'organisation':
      // The attribution step calls a phrase an organisation only for a name or an institution noun ("the ministry").
      return words.length <= 4 || /^\p{Lu}/u.test(source.name.replace(/^(?:the|a|an)\s+/i, ''));
    default:
      // A person: a name (capitalised) or a title ("the ministry's spokesman" has role spokesman). A lower-case
      // phrase with neither is what the attribution step falls back to when it recognised nobody.
      return Boolean(source.role) || /^\p{Lu}/u.test(source.name.replace(/^(?:the|a|an)\s+/i, ''));
  }
}
