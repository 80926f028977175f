/**
 * Whether an article entity's NER type holds up against its name and evidence, before it is linked across the
 * corpus. On web pages the tagger calls products, companies, buttons and headings persons ("Google Cloud",
 * "Join Google", "Gethin R The") and software places ("DuckDB"); a wrong type shown with confidence misleads more
 * than a vaguer one, so a name that cannot be what its type says becomes MISC (ORG when its head word says so).
 * Pure: names and the entity's own evidence (titles, roles, pronouns, the place stage's gazetteer match).
 */
import { countriesByDemonym } from '../../data/countries.js';
import { TITLE_WORDS, nameWords, translitKey } from '../../kb/names.js';
import type { DocEntity, EntityKind, MentionType, PlaceRef } from '../../model/index.js';

/** How the corpus has typed one name so far: the stored entities of that name key, by type (mentions, articles). */
export interface NameTypeCount {
  readonly type: string;
  readonly mentions: number;
  readonly articles: number;
}

/** Stored type counts by name key (full names and first words of people), from `Store.entityTypesByName`. */
export type NameTypes = ReadonlyMap<string, readonly NameTypeCount[]>;

/** A corrected type, with the reason recorded on the link. */
export interface TypeDecision {
  readonly type: MentionType;
  readonly kind: EntityKind;
  readonly why: string;
}

// First words of buttons, menu items and headings ("Join Google", "About Allianz", "Very High").
const LEAD_WORDS = new Set([
  'about', 'join', 'sign', 'log', 'subscribe', 'follow', 'share', 'read', 'watch', 'download', 'get', 'try', 'learn', 'contact', 'home',
  'more', 'explore', 'discover', 'shop', 'buy', 'book', 'start', 'view', 'see', 'click', 'visit', 'meet', 'find', 'search', 'register',
  'apply', 'donate', 'support', 'listen', 'play', 'open', 'next', 'previous', 'back', 'menu', 'skip', 'accept', 'continue', 'submit',
  'send', 'save', 'create', 'build', 'make', 'why', 'how', 'what', 'when', 'where', 'best', 'top', 'new', 'free', 'easy', 'very',
  'deep', 'modern', 'our', 'your', 'my', 'all', 'latest', 'popular', 'related', 'featured', 'trending', 'official', 'introducing',
  'using', 'understanding', 'getting', 'building', 'advanced', 'automated', 'asynchronous', 'async', 'smart', 'digital', 'online',
  'global', 'international', 'national', 'daily', 'weekly', 'monthly', 'annual', 'total', 'full', 'high', 'low', 'first', 'last',
  'enter', 'ask', 'check', 'compare', 'order',
]);

// First words of institutions, venues and landforms ("Centre Pompidou", "Lake Tahoe", "Festival Atlanta"); "Park"
// is left out (a Korean surname written first).
const PLACE_OR_BODY_LEADS = new Set([
  'centre', 'center', 'museum', 'musee', 'university', 'college', 'institute', 'lake', 'mount', 'mt', 'fort', 'cape', 'gulf', 'river',
  'hotel', 'festival', 'hospital', 'school', 'academy', 'stadium', 'gallery', 'galerie', 'restaurant', 'cafe', 'domain', 'club',
]);

// Words that never stand inside a person's name ("Gethin R The", "Harvard Free Certificates").
const FUNCTION_WORDS = new Set([
  'the', 'and', 'for', 'with', 'to', 'in', 'on', 'a', 'an', 'or', 'at', 'by', 'from', 'into', 'vs', 'versus', '&', 'among', 'between', 'about',
  'without', 'within', 'through', 'across', 'against', 'during', 'onto',
]);

// Last words of organisation names (compromise's orgWords idea: "Johnson LLC", "Guggenheim Museum").
const ORG_HEADS = new Set([
  'museum', 'gallery', 'university', 'college', 'school', 'institute', 'foundation', 'academy', 'society', 'association', 'council',
  'committee', 'commission', 'agency', 'ministry', 'department', 'bureau', 'party', 'union', 'league', 'federation', 'club', 'team',
  'company', 'corporation', 'corp', 'inc', 'ltd', 'llc', 'plc', 'gmbh', 'group', 'holdings', 'partners', 'bank', 'fund', 'trust',
  'labs', 'lab', 'studio', 'studios', 'press', 'media', 'news', 'network', 'times', 'post', 'journal', 'magazine', 'records',
  'systems', 'technologies', 'software', 'solutions', 'services', 'brands', 'airlines', 'airways', 'lines', 'motors', 'hospital', 'clinic',
  'church', 'center', 'centre', 'library', 'theatre', 'theater', 'orchestra', 'festival', 'brigade', 'army', 'forces', 'police',
]);

// Last words of products, works, topics and page furniture ("Google Cloud", "Karaoke App", "Atomic Design").
const THING_HEADS = new Set([
  'app', 'apps', 'cloud', 'watch', 'phone', 'camera', 'cameras', 'video', 'videos', 'music', 'art', 'design', 'data', 'learning',
  'source', 'code', 'run', 'award', 'awards', 'prize', 'certificate', 'certificates', 'course', 'courses', 'guide', 'tips', 'review',
  'reviews', 'edition', 'series', 'model', 'models', 'tool', 'tools', 'kit', 'framework', 'language', 'script', 'engine', 'platform',
  'api', 'sdk', 'os', 'pro', 'max', 'mini', 'plus', 'ultra', 'live', 'service', 'system', 'project', 'program', 'programme',
  'conference', 'summit', 'week', 'day', 'challenge', 'test', 'exam', 'store', 'shop', 'market', 'cards', 'card', 'game', 'games',
  'show', 'podcast', 'blog', 'newsletter', 'account', 'policy', 'terms', 'privacy', 'cookies', 'settings', 'login', 'stress',
  'mindfulness', 'health', 'fitness', 'therapy', 'calm', 'high', 'low', 'scholar', 'analytics', 'studio', 'hub', 'station',
  'street', 'st', 'road', 'rd', 'avenue', 'ave', 'blvd', 'hwy', 'park', 'square', 'bridge', 'island', 'river', 'lake', 'valley', 'beach', 'bay', 'airport', 'stadium',
  // Shop shelves and plugin lists ("Milky Jelly Cleanser", "Hydra Serum", "Yoast Plugin").
  'cleanser', 'serum', 'cream', 'lotion', 'shampoo', 'conditioner', 'moisturizer', 'moisturiser', 'sunscreen', 'toner', 'balm',
  'soap', 'plugin', 'plugins', 'extension', 'theme', 'template', 'templates',
]);

// Last words of place names the gazetteer may lack ("Bay Area", "Kivu Province").
const PLACE_HEADS = new Set([
  'area', 'region', 'province', 'district', 'county', 'state', 'city', 'town', 'village', 'valley', 'river', 'lake', 'mountains', 'mountain',
  'island', 'islands', 'coast', 'peninsula', 'desert', 'strip', 'bank', 'heights', 'plateau', 'basin', 'sea', 'ocean', 'gulf', 'bay',
  'street', 'road', 'avenue', 'square', 'bridge', 'border', 'camp', 'airport', 'port', 'harbour', 'harbor', 'station', 'park',
]);

// Name particles written in lower case or joined to a capitalised rest (de la Cruz, McDonald, DiCaprio, O'Brien).
const PARTICLES = new Set(['de', 'del', 'della', 'der', 'den', 'di', 'da', 'do', 'dos', 'du', 'van', 'von', 'la', 'le', 'el', 'al', 'bin', 'ibn', 'ben', 'ter', 'y', 'e', 'of']);
const JOINED_PARTICLE = /^(Mc|Mac|O'|D'|De|Di|Da|Du|La|Le|Van|Von|Al-|El-|Fitz)[A-Z]/;

const kindOf = (type: MentionType): EntityKind => ({ PER: 'person', ORG: 'organisation', LOC: 'place', MISC: 'other' }[type] as EntityKind);

/** Why a word cannot be part of a person's name, or undefined. */
function unlikeNameWord(word: string): string | undefined {
  const bare = word.replace(/[.,'’]+$/, '');
  if (/\d/.test(bare)) return `"${bare}" has a digit`;
  // "Humana For-Profit": a function word is no part of a double-barrelled name either.
  if (FUNCTION_WORDS.has(bare.toLowerCase()) || bare.split('-').some((p) => p.length > 0 && bare.includes('-') && FUNCTION_WORDS.has(p.toLowerCase()))) return `"${bare}" is a function word`;
  // Internal capitals mark brands (LinkedIn, GitHub, iPhone), not names (McDonald, DiCaprio, O'Brien, Jean-Luc).
  const parts = bare.split('-');
  if (parts.some((p) => /^[a-z]+[A-Z]/.test(p) || (/^[A-Z][a-z]+[A-Z]/.test(p) && !JOINED_PARTICLE.test(p)))) return `"${bare}" is written like a brand`;
  // An acronym of two or more capitals (PKO, KPIs, AI); Roman numerals (II, IV) belong to names.
  if (/^[A-Z]{2,}s?$/.test(bare) && !/^[IVX]+$/.test(bare)) return `"${bare}" is an acronym`;
  return undefined;
}

/**
 * Person evidence beyond the tagger's label: a title, a stated role, or pronouns resolved to it often enough to be
 * about it (one "she" near the fifty mentions of a software product is a neighbour's pronoun, and "HE" in capitals
 * is a heading). At least one pronoun for every four mentions.
 */
function hasPersonEvidence(entity: DocEntity): boolean {
  if (entity.roles.length) return true;
  const pronouns = entity.references.filter((r) => r.rule !== 'pronoun' || r.text !== r.text.toUpperCase()).length;
  if (pronouns > 0 && pronouns * 4 >= entity.mentionIds.length) return true;
  // A title before a letter is no title: "Gen Z" is a generation, not General Z.
  const isTitled = (n: string): boolean => {
    const { titles, words } = nameWords(n);
    const first = (n.split(/\s+/)[0] ?? '').toLowerCase().replace(/\.$/, '');
    return (titles.length > 0 || TITLE_WORDS.has(first)) && words.some((w) => w.replace(/\./g, '').length > 1);
  };
  return [entity.name, ...entity.aliases].some(isTitled);
}

/**
 * An entity's name words as transliteration keys, dots dropped. Every person of an article is compared with every
 * other entity of it, so each entity's keys are computed once (entities are read-only; the map lets them go).
 */
const keyedWordsByEntity = new WeakMap<DocEntity, readonly string[]>();
function keyedNameWords(entity: DocEntity): readonly string[] {
  let words = keyedWordsByEntity.get(entity);
  if (!words) {
    words = nameWords(entity.name).words.map((w) => translitKey(w.replace(/\./g, '')));
    keyedWordsByEntity.set(entity, words);
  }
  return words;
}

/**
 * A person entity whose name is built on the name of an organisation or thing in the same article: "Adobe
 * Photoshop" beside "Adobe Lightroom" (ORG), "Instagram" beside "Instagram Stories", "Alpine Linux" tagged ORG
 * elsewhere in the article. The other entity's type is taken when the names are the same, else MISC (a product).
 * A company named after the person ("Walt Disney" and "Walt Disney Company") keeps the person; so does one with
 * person evidence.
 */
function namedAfterThing(entity: DocEntity, article: readonly DocEntity[]): TypeDecision | undefined {
  const words = keyedNameWords(entity);
  if (!words.length || hasPersonEvidence(entity)) return undefined;
  const full = words.join(' ');
  for (const other of article) {
    if (other === entity || other.type === 'PER') continue;
    const theirs = keyedNameWords(other);
    if (!theirs.length) continue;
    if (theirs.join(' ') === full) return { type: other.type, kind: kindOf(other.type), why: `the article names "${other.name}" as ${other.type} too` };
    const startsWithPerson = words.every((w, i) => theirs[i] === w);
    // A shared particle ("Van Gogh" beside "Van Goghs") says nothing.
    const isParticle = PARTICLES.has((nameWords(entity.name).words[0] ?? '').toLowerCase());
    if (!startsWithPerson && !isParticle && theirs[0] === words[0] && (theirs.length > 1 || words.length > 1)) {
      return { type: 'MISC', kind: 'other', why: `not a person's name: its first word is also the first of "${other.name}" (${other.type}) in the article` };
    }
  }
  return undefined;
}

/** Corpus evidence counts only from this many mentions of the other type, in at least two articles. */
const MIN_CORPUS_MENTIONS = 3;

/**
 * A person entity that the rest of the corpus shows to be something else, with no person evidence of its own:
 * its full name stored as an organisation or thing with at least twice the mentions it has as a person ("Hotspot
 * Shield" an ORG in other reviews), or, for a name of two or more words, its first word stored as an organisation
 * and never as a person ("Amazon Alexa", "Adobe Premiere": a product after its maker's name). A person named
 * after a firm ("Walt Disney") keeps the type when the article gives a title, role or pronouns.
 */
function typedOtherwiseInCorpus(entity: DocEntity, nameTypes: NameTypes): TypeDecision | undefined {
  if (!nameTypes.size || hasPersonEvidence(entity)) return undefined;
  const words = nameWords(entity.name).words;
  if (!words.length) return undefined;
  const counts = (key: string) => nameTypes.get(translitKey(key)) ?? [];
  const asPerson = (rows: readonly NameTypeCount[]) => rows.filter((r) => r.type === 'PER').reduce((n, r) => n + r.mentions, 0);
  const full = counts(words.join(' '));
  const other = [...full].filter((r) => (r.type === 'ORG' || r.type === 'MISC') && r.mentions >= MIN_CORPUS_MENTIONS && r.articles >= 2).sort((a, b) => b.mentions - a.mentions)[0];
  if (other && other.mentions >= 2 * asPerson(full)) {
    const type = other.type as MentionType;
    return { type, kind: kindOf(type), why: `the corpus names "${entity.name}" as ${type} in ${other.articles} articles (${other.mentions} mentions)` };
  }
  if (words.length < 2 || PARTICLES.has(words[0]!.toLowerCase())) return undefined;
  const first = counts(words[0]!);
  const maker = first.find((r) => r.type === 'ORG' && r.mentions >= MIN_CORPUS_MENTIONS && r.articles >= 2);
  if (maker && asPerson(first) === 0) {
    return { type: 'MISC', kind: 'other', why: `named after "${words[0]}", an organisation in ${maker.articles} articles of the corpus` };
  }
  return undefined;
}

/**
 * A person entity whose name cannot be a person's: the type it gets instead, or undefined when PER holds.
 * `isSurnameLinked`: the linker joined it to a known person by surname (evidence enough).
 * @example checkPersonType({ name: 'Google Cloud', type: 'PER', … }) // { type: 'MISC', why: 'ends in "Cloud" …' }
 */
export function checkPersonType(entity: DocEntity, article: readonly DocEntity[] = [], nameTypes: NameTypes = new Map()): TypeDecision | undefined {
  if (entity.type !== 'PER' || entity.kbId) return undefined;
  const thing = namedAfterThing(entity, article) ?? typedOtherwiseInCorpus(entity, nameTypes);
  if (thing) return thing;
  const words = entity.name.trim().split(/\s+/).filter(Boolean);
  const decide = (type: MentionType, reason: string): TypeDecision => ({ type, kind: kindOf(type), why: `not a person's name (${reason})` });
  if (!words.length) return undefined;
  const first = words[0]!;
  const last = words[words.length - 1]!.toLowerCase().replace(/[.,'’]+$/, '');
  if (words.length > 1 && LEAD_WORDS.has(first.toLowerCase())) return decide('MISC', `starts like a heading or button: "${first}"`);
  if (words.length > 1 && PLACE_OR_BODY_LEADS.has(first.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, ''))) return decide('MISC', `starts with "${first}", an institution's, venue's or landform's word`);
  for (const word of words) {
    const why = unlikeNameWord(word);
    if (why) return decide('MISC', why);
  }
  if (words.some((w) => /^[a-z]/.test(w) && !PARTICLES.has(w.toLowerCase()))) return decide('MISC', 'a word in lower case');
  // "Generation Z", "Plan B": a name ends in a surname, not a letter ("J." and "Michael J Fox" are initials).
  if (words.length > 1 && /^\p{Lu}$/u.test(words[words.length - 1]!) && !hasPersonEvidence(entity)) return decide('MISC', 'ends in a single letter');
  // "Duolingo Japanese", "Windows Greek": a name ending in a nationality or language is a thing's, unless the
  // article shows a person (Bill English, Dawn French).
  if (words.length > 1 && countriesByDemonym(words[words.length - 1]!).length > 0 && !hasPersonEvidence(entity)) return decide('MISC', `ends in "${words[words.length - 1]}", a nationality or language`);
  if (words.length > 1 && ORG_HEADS.has(last)) return decide('ORG', `ends in "${words[words.length - 1]}", an organisation's word`);
  if (words.length > 1 && THING_HEADS.has(last)) return decide('MISC', `ends in "${words[words.length - 1]}", a thing's word`);
  if (words.length === 1 && (first.length < 2 || !hasPersonEvidence(entity))) {
    return decide('MISC', first.length < 2 ? 'one letter' : 'one word with no title, role or pronoun for it');
  }
  return undefined;
}

/**
 * A place entity that is no place: the gazetteer looked at its mentions and resolved none, or its name is
 * shaped like a product's ("DuckDB", "AI", "Modern Art"). Toponyms are places when the gazetteer and the tagger
 * agree; a name the place stage never looked at keeps the tagger's type. A place word ("Bay Area") keeps it too.
 */
export function checkPlaceType(entity: DocEntity, isKnownPlace: boolean, places: readonly PlaceRef[] = []): TypeDecision | undefined {
  if (entity.type !== 'LOC' || entity.kbId || isKnownPlace) return undefined;
  const words = entity.name.trim().split(/\s+/).filter(Boolean);
  const shape = LEAD_WORDS.has((words[0] ?? '').toLowerCase()) && words.length > 1 ? `starts like a heading: "${words[0]}"` : words.map(unlikeNameWord).find(Boolean);
  if (shape) return { type: 'MISC', kind: 'other', why: `not a place's name (${shape})` };
  if (PLACE_HEADS.has((words[words.length - 1] ?? '').toLowerCase())) return undefined;
  const looked = places.filter((p) => p.mentionId !== undefined && entity.mentionIds.includes(p.mentionId));
  if (looked.length && looked.every((p) => !p.isResolved)) return { type: 'MISC', kind: 'other', why: 'tagged as a place, but the gazetteer resolved none of its mentions' };
  return undefined;
}
