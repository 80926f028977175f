/**
 * Cues of news writing that both halves of the genre gate read: the hand rules (genre.ts) and the trained news
 * model's features (genre-model.ts). One definition, so the two cannot drift apart.
 */

/** Reporting verbs and attributions. */
export const REPORTING = /\b(said|says|told|according to|announced|reported|confirmed|stated|alleged|charged|arrested|killed)\b/gi;
/** The reader addressed. */
export const SECOND_PERSON = /\b(you|your|you're|yourself)\b/gi;
/** The writer speaking of themself. */
export const FIRST_PERSON = /\b(I|I'm|I've|my|me)\b/g;
/** A dateline ("KHARTOUM, Sudan (Reuters) — ") or an agency credit. */
export const DATELINE = /^[A-Z][A-Za-z .'-]{2,40}(,\s*[A-Z][A-Za-z .]{2,20})?\s*(\([A-Za-z .]+\))?\s*[—–-]{1,2}\s|\((Reuters|AP|AFP|CNN|Bloomberg)\)/m;
/** An address in a news section. */
export const NEWS_PATH = /\/(news|politics|world|national|local|us-news|uk-news|business|crime|article|story)\//i;
/** An address carrying a year/month/day. */
export const DATED_PATH = /\/(19|20)\d\d\/(0?[1-9]|1[0-2])\/(0?[1-9]|[12]\d|3[01])\//;

/** How many times a global pattern occurs in the text. */
export const count = (re: RegExp, text: string): number => text.match(re)?.length ?? 0;
