/**
 * The `entities` stage: clusters an article's mentions into entities (one per real-world actor),
 * links them to the knowledge base, and resolves pronouns and role nouns to them.
 *
 * Method, in order, for each mention (left to right), joining the first cluster that matches:
 *  1. same transliteration key as a name already in the cluster ("Suleimani" = "Soleimani");
 *  2. same knowledge-base actor ("ISIS" and "Daesh" both link to islamic-state);
 *  3. people: a shorter name whose words end a longer name ("Soleimani" → "Qassem Soleimani"), taking the most
 *     recently mentioned person when two share a surname;
 *  4. organisations: an acronym and its expansion ("IRGC" ↔ "Islamic Revolutionary Guard Corps");
 *  5. one edit on transliteration keys of six letters or more ("Hizbullah" ~ "Hezbollah").
 * Pronouns (he/him/his/she/her) go to the most recent person within three sentences; role nouns ("the general",
 * "the group") go to the most recent entity whose role or kind fits, and are left alone when none fits.
 */
import { countriesByDemonym, countryByName } from '../../data/countries.js';
import { acronymOf, editDistance, isAcronym, nameWords, stripPossessive, translitKey } from '../../kb/names.js';
import type { KbActor, KnowledgeBase } from '../../kb/knowledge-base.js';
import type { DocEntity, EntityKind, EntityReference, Mention, MentionType, Role, Sentence, Span } from '../../model/index.js';
import { defineStage, type Stage } from '../../pipeline/stage.js';
import { usageEvidence } from './product-evidence.js';
import { findRoles } from './roles.js';

/** Resource key of the KnowledgeBase in ctx.resources. */
export const KNOWLEDGE_BASE = 'knowledge-base';

interface Cluster {
  /** The first mention's type, until a state link decides it: a state named as a place or actor is LOC. */
  type: MentionType;
  readonly mentions: Mention[];
  /** Name word lists without titles, one per distinct name seen. */
  readonly names: string[][];
  readonly keys: Set<string>;
  readonly titles: Set<string>;
  readonly roles: Role[];
  readonly nationalityWords: string[];
  readonly references: EntityReference[];
  kb?: KbActor;
  /** Character offset of the latest mention or reference, for recency. */
  lastSeen: number;
}

/** Creates the entities stage. */
export function createEntitiesStage(): Stage<'entities'> {
  return defineStage({
    name: 'entities',
    // 2: company short names, bracketed acronyms, appositions and descriptors inside a mention span; a "person"
    // named by the article's own common words is MISC; pronouns in capitals are not resolved.
    // 3: a "person" the text handles as a product ("download Hotspot Shield", "a Raspberry Pi") is MISC.
    // 4: a pronoun goes to the nearest person of its gender (by honorific or an earlier pronoun), else to none.
    // 5: a sentence that opens with a business's noun phrase before the "person" ("An insurance provider for 160
    // years, X offers …") and a price in brackets after the name ("Onewind Tempest ($75)") count as thing-uses.
    // 6: titles of one gender ("Queen", "King", "Congresswoman", "Sheikh") give a person's gender, as "Mr." did.
    version: 7,
    requires: ['sentences', 'mentions'],
    assigns: 'entities',
    run: (doc, ctx) => {
      const kb = ctx.resources.has(KNOWLEDGE_BASE) ? ctx.resources.get<KnowledgeBase>(KNOWLEDGE_BASE) : undefined;
      return resolveEntities(doc.text, doc.layers.sentences!, doc.layers.mentions!, kb);
    },
  });
}

/** Pure core of the stage, exported for tests and evaluation. */
export function resolveEntities(text: string, sentences: readonly Sentence[], mentions: readonly Mention[], kb: KnowledgeBase | undefined): DocEntity[] {
  const clusters: Cluster[] = [];
  // translitKey runs a dozen regex passes and findCluster asks for the same words again and again: one
  // answer per distinct string for this document.
  const keys = new Map<string, string>();
  const translit = (s: string): string => {
    let key = keys.get(s);
    if (key === undefined) keys.set(s, (key = translitKey(s)));
    return key;
  };
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  // Knowledge-base links first, for the whole article: a weak link (a surname or other one-word alias alone)
  // stands only when the same actor is also named in full somewhere in the article.
  const links = sorted.map((mention) => {
    const { words } = nameWords(coreName(mention.text).name);
    if (words.length === 0) return undefined;
    const name = words.join(' ');
    // Folding turns "U.S." into "U S": the surface keeps the letters-and-dots form an abbreviation is matched on.
    const surface = abbreviationForm(coreName(mention.text).name);
    return linkKb(kb, name, surface ?? name, words.length, mention.type, translit, isPrecededByThe(text, mention.start));
  });
  const namedInFull = new Set(links.filter((l) => l !== undefined && !l.isWeak).map((l) => l!.actor.id));
  linkCountriesTaggedAsPeople(kb, sorted, links, translit, text);
  for (const [i, mention] of sorted.entries()) {
    const core = coreName(mention.text);
    const { words, titles } = nameWords(core.name);
    if (words.length === 0) continue;
    const name = words.join(' ');
    const key = translit(name);
    const link = links[i];
    const kbActor = link && (!link.isWeak || namedInFull.has(link.actor.id)) ? link.actor : undefined;
    // The evidence of the whole article decides a state's type: "Japan" tagged PER once is still the state.
    const type: MentionType = kbActor?.kind === 'state' && mention.type === 'PER' ? 'LOC' : mention.type;
    const cluster = findCluster(clusters, type, words, key, kbActor, translit) ?? newCluster(clusters, type);
    if (kbActor?.kind === 'state' && type !== 'MISC') cluster.type = 'LOC';
    cluster.mentions.push(mention);
    if (!cluster.names.some((n) => n.join(' ') === name)) cluster.names.push(words);
    cluster.keys.add(key);
    // "Singapore Airlines (SIA)": the acronym in brackets is a name of the same entity.
    if (core.acronym && !cluster.names.some((n) => n.join(' ') === core.acronym)) cluster.names.push([core.acronym]);
    titles.forEach((t) => cluster.titles.add(t.toLowerCase().replace(/\.$/, '')));
    if (kbActor && !cluster.kb) cluster.kb = kbActor;
    cluster.lastSeen = mention.start;
    const sentence = sentenceAt(sentences, mention.start);
    if (sentence && type === 'PER') {
      const found = findRoles(text, mention, sentence);
      for (const role of found.roles) if (!cluster.roles.some((r) => r.title === role.title && r.organisation === role.organisation)) cluster.roles.push(role);
      cluster.nationalityWords.push(...found.nationalityWords);
    }
  }
  resolveReferences(text, sentences, mentions, clusters);
  for (const cluster of clusters) if (isCommonWordsNotPerson(cluster, text) || isUsedAsProduct(cluster, text)) cluster.type = 'MISC';
  return clusters.map((cluster, i) => toEntity(cluster, i));
}

/**
 * A "person" whose name is made of the article's own common words: "Iced Coffee" in a story that says "iced
 * coffee", "Email Marketing" beside "email marketing". The tagger reads capitalised headings and products as
 * people; the article's lower-case use of the last name word (or twice of another) shows it is a noun. A title, a
 * role, a knowledge-base link or pronouns for at least a quarter of its mentions keep the person ("Lee Miller").
 */
function isCommonWordsNotPerson(cluster: Cluster, text: string): boolean {
  if (cluster.type !== 'PER' || cluster.kb || cluster.titles.size || cluster.roles.length) return false;
  const pronouns = cluster.references.filter((r) => r.text !== r.text.toUpperCase()).length;
  if (pronouns > 0 && pronouns * 4 >= cluster.mentions.length) return false;
  const name = longestName(cluster).split(/\s+/).filter((w) => /^\p{Lu}\p{Ll}{2,}$/u.test(w));
  const lowerCount = (word: string): number => text.match(new RegExp(`(?<![\\p{L}\\p{N}'’-])${word.toLowerCase()}(?![\\p{L}\\p{N}'’-])`, 'gu'))?.length ?? 0;
  return name.some((w, i) => lowerCount(w) >= (i === name.length - 1 ? 1 : 2));
}

/**
 * A "person" the article handles as a thing and never as a person: "download Hotspot Shield", "a Raspberry Pi",
 * "the Alexa app", "Zoom 5.2", with no "said", speaker label, title, role or knowledge-base link, and pronouns for
 * fewer than a quarter of its mentions (a smart speaker gets the odd "she"). One thing-use among many mentions
 * is enough only when nothing says person: "a Kennedy" alone in a profile full of "he" stays a person.
 */
function isUsedAsProduct(cluster: Cluster, text: string): boolean {
  if (cluster.type !== 'PER' || cluster.kb || cluster.titles.size || cluster.roles.length) return false;
  const pronouns = cluster.references.filter((r) => r.rule === 'pronoun' && r.text !== r.text.toUpperCase()).length;
  if (pronouns > 0 && pronouns * 4 >= cluster.mentions.length) return false;
  const { asThing, asPerson } = usageEvidence(text, cluster.mentions);
  return asThing > 0 && asPerson === 0;
}

function newCluster(clusters: Cluster[], type: MentionType): Cluster {
  const cluster: Cluster = { type, mentions: [], names: [], keys: new Set(), titles: new Set(), roles: [], nationalityWords: [], references: [], lastSeen: 0 };
  clusters.push(cluster);
  return cluster;
}

function findCluster(clusters: readonly Cluster[], type: MentionType, words: string[], key: string, kbActor: KbActor | undefined, translit: (s: string) => string): Cluster | undefined {
  const compatible = clusters.filter((c) => c.type === type || (kbActor !== undefined && c.kb?.id === kbActor.id));
  const byRecency = [...compatible].sort((a, b) => b.lastSeen - a.lastSeen);
  const sameKey = byRecency.find((c) => c.keys.has(key));
  if (sameKey) return sameKey;
  if (kbActor) {
    const sameKb = byRecency.find((c) => c.kb?.id === kbActor.id);
    if (sameKb) return sameKb;
  }
  if (type === 'PER') {
    const lowered = words.map(translit);
    const partOf = byRecency.find((c) => c.names.some((n) => isNameSuffix(lowered, n.map(translit))));
    if (partOf) return partOf;
  }
  if (type === 'ORG' || type === 'MISC' || type === 'LOC') {
    // "the GAO", "The EU": the article is no letter of the acronym.
    const name = words.join(' ').replace(/^the\s+/i, '');
    if (isAcronym(name)) {
      const letters = name.replace(/\./g, '');
      const expanded = byRecency.find((c) => c.names.some((n) => (n.length > 1 && acronymOf(n.join(' ')) === letters) || (n.length === 1 && n[0] === letters)));
      if (expanded) return expanded;
    } else if (words.length > 1) {
      const acronym = acronymOf(name);
      const short = byRecency.find((c) => c.names.some((n) => n.length === 1 && n[0]!.replace(/\./g, '') === acronym));
      if (short) return short;
    }
  }
  if (type === 'ORG') {
    const short = shortFormOf(compatible, words, translit);
    if (short) return short;
  }
  if (key.length >= 6) {
    return byRecency.find((c) => [...c.keys].some((k) => k.length >= 6 && editDistance(k, key, 1) <= 1));
  }
  return undefined;
}

/** Legal-form and trade words that end a company's full name but not its short one ("Apple Inc.", "Aer Lingus Group PLC"). */
const COMPANY_TAIL = new Set(['inc', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'plc', 'llc', 'nv', 'sa', 'ag', 'se', 'gmbh', 'spa', 'bv', 'ab', 'asa', 'oyj', 'group', 'holdings', 'holding', 'airlines', 'airways', 'computer', 'computers', 'motors', 'technologies', 'systems', 'industries', 'international']);

/**
 * Organisations: a short name and the one full name in the article that extends it with legal-form or trade
 * words ("Apple" / "Apple Inc.", "China Eastern" / "China Eastern Airlines"), or a two-word company name and its
 * first word ("Lockheed" / "Lockheed Martin"). Joined only when exactly one cluster fits, so "Apple" beside both
 * "Apple Computer" and "Apple Corps" stays apart. A country's name is never a short form ("Qatar" the state).
 */
function shortFormOf(clusters: readonly Cluster[], words: readonly string[], translit: (s: string) => string): Cluster | undefined {
  const bare = (ws: readonly string[]) => ws.map((w) => w.replace(/\./g, '').toLowerCase()).filter((w) => w && w !== 'the');
  const mine = bare(words);
  if (!mine.length) return undefined;
  const extends_ = (short: string[], full: string[]): boolean => {
    if (short.length >= full.length || !short.every((w, i) => translit(w) === translit(full[i]!))) return false;
    const rest = full.slice(short.length);
    if (rest.every((w) => COMPANY_TAIL.has(w))) return true;
    // "Lockheed Martin" → "Lockheed": a two-word name of proper names only, neither a country's name.
    return short.length === 1 && full.length === 2 && !rest.some((w) => ORG_WORDS.has(w) || COMPANY_TAIL.has(w));
  };
  const isCountry = (ws: readonly string[]) => countryByName(ws.join(' ')) !== undefined || countriesByDemonym(ws.join(' ')).length > 0;
  const fits = clusters.filter((c) => c.names.some((n) => {
    const theirs = bare(n);
    if (extends_(mine, theirs)) return !isCountry(words);
    if (extends_(theirs, mine)) return !isCountry(n);
    return false;
  }));
  return fits.length === 1 ? fits[0] : undefined;
}

/** Head words of an organisation that is its own body, not a company's short name ("Ford Foundation", "Washington Post"). */
const ORG_WORDS = new Set(['foundation', 'post', 'times', 'news', 'journal', 'institute', 'university', 'college', 'school', 'museum', 'party', 'fund', 'trust', 'prize', 'award', 'center', 'centre', 'hospital', 'club', 'council', 'committee', 'commission', 'ministry', 'department', 'office', 'agency', 'bank', 'court', 'police', 'army', 'navy', 'church', 'society', 'association', 'union', 'league', 'research', 'labs', 'music', 'cloud', 'store', 'tv', 'studios', 'records', 'press', 'media', 'network', 'energy', 'health', 'capital', 'ventures']);

/**
 * The name inside a mention span that carries more than a name: an apposition ("Jusman Djamal, minister of
 * transport"; "Irish airline, Ryanair"), a bracket ("Singapore Airlines (SIA)", "John McCain (R-AZ)") or a lower-case
 * descriptor before it ("German airline Lufthansa", "Los Angeles based Northrop Grumman"). A bracketed acronym is
 * returned beside the name. A plain name comes back unchanged.
 */
export function coreName(text: string): { name: string; acronym?: string } {
  let name = text.trim();
  let acronym: string | undefined;
  const bracket = /^(.+?)\s*\(\s*([^()]*?)\s*\)?$/.exec(name);
  if (bracket && /[A-Za-z]/.test(bracket[1]!)) {
    name = bracket[1]!;
    const inside = bracket[2]!.replace(/^the\s+/i, '');
    if (isAcronym(inside)) acronym = inside.replace(/\./g, '');
  }
  const parts = name.split(/\s*,\s+|\s+,\s*/).filter(Boolean).map(withoutDescriptor);
  name = parts.length > 1 ? (parts.find(isNameLike) ?? name) : (parts[0] ?? name);
  return acronym ? { name, acronym } : { name };
}

/** The capitalised words after the last lower-case descriptor: "German airline Lufthansa" → "Lufthansa". */
function withoutDescriptor(part: string): string {
  const words = part.split(/\s+/);
  const lastDescriptor = words.reduce((at, w, i) => (isDescriptorWord(w) ? i : at), -1);
  if (lastDescriptor < 0 || lastDescriptor === words.length - 1 || !/^[\p{Lu}\d]/u.test(words[words.length - 1]!)) return part;
  return words.slice(lastDescriptor + 1).join(' ');
}

/** Lower-case words a name may hold: articles, prepositions and name particles ("Bank of America", "Gone with the Wind"). */
const CONNECTORS = new Set(['of', 'the', 'and', 'for', 'at', 'in', 'on', 'with', 'to', 'a', 'an', 'by', 'upon', 'de', 'del', 'della', 'der', 'den', 'di', 'da', 'do', 'dos', 'du', 'van', 'von', 'la', 'le', 'el', 'al', 'bin', 'ibn', 'ben', 'ter', 'y', 'e', 'und', 'et', '&']);

/** A lower-case content word ("airline", "based", "central") or a detached possessive ("'s"): not part of a name. */
function isDescriptorWord(word: string): boolean {
  if (/^['’]s$/.test(word)) return true;
  return /^[a-z][a-z-]*$/.test(word) && !CONNECTORS.has(word);
}

/** Every word capitalised, a number or a connector: "Jusman Syafii Djamal", not "minister of transport". */
function isNameLike(part: string): boolean {
  const words = part.split(/\s+/);
  return words.some((w) => /^[\p{Lu}]/u.test(w)) && words.every((w) => /^[\p{Lu}\d]/u.test(w) || CONNECTORS.has(w.toLowerCase()) || /^[a-z]+[A-Z]/.test(w));
}

/**
 * True when `short` names the same person as `full` in part: its words end `full` ("Soleimani" of "Qassem Soleimani"),
 * or, the other way round, `full` has one word that ends `short` (a surname seen before the full name).
 */
function isNameSuffix(short: readonly string[], full: readonly string[]): boolean {
  if (short.length < full.length) return short.every((w, i) => w === full[full.length - short.length + i]);
  if (full.length < short.length) return full.length === 1 && short[short.length - 1] === full[0];
  return false;
}

/** A knowledge-base link of one mention; weak when only a one-word alias of a longer-named actor matched. */
interface KbLink {
  readonly actor: KbActor;
  readonly isWeak: boolean;
}

/** "the States", "the Emirates": the article before the mention, which the NER span leaves out. */
function isPrecededByThe(text: string, start: number): boolean {
  return /\bthe\s+$/i.test(text.slice(Math.max(0, start - 4), start));
}

/**
 * A one-word PER mention that is a country's name ("Japan" as the NER sometimes tags it in web text) links to the
 * state when other mentions in the article name that state as a place, actor or nationality, and no person in
 * the article has it as a surname ("Michael Jordan" keeps "Jordan").
 */
function linkCountriesTaggedAsPeople(kb: KnowledgeBase | undefined, mentions: readonly Mention[], links: (KbLink | undefined)[], translit: (s: string) => string, text: string): void {
  if (!kb) return;
  const statesNamed = new Set(links.filter((l, i) => l && l.actor.kind === 'state' && mentions[i]!.type !== 'PER').map((l) => l!.actor.id));
  if (statesNamed.size === 0) return;
  const surnames = new Set(mentions.filter((m) => m.type === 'PER').map((m) => nameWords(m.text).words).filter((w) => w.length > 1).map((w) => translit(w[w.length - 1]!)));
  mentions.forEach((mention, i) => {
    if (mention.type !== 'PER' || links[i]) return;
    const { words } = nameWords(mention.text);
    if (words.length !== 1 || surnames.has(translit(words[0]!))) return;
    const asPlace = linkKb(kb, words[0]!, words[0]!, 1, 'LOC', translit, isPrecededByThe(text, mention.start));
    if (asPlace && asPlace.actor.kind === 'state' && statesNamed.has(asPlace.actor.id)) links[i] = asPlace;
  });
}

/** "U.S.", "the US", "U S" (as a tokeniser spaces it): the capitals of an abbreviation, or undefined for a name. */
function abbreviationForm(text: string): string | undefined {
  const form = stripPossessive(text.trim()).replace(/^the\s+/i, '');
  if (!/^[A-Z][A-Z.\s]*$/.test(form)) return undefined;
  const letters = form.replace(/[\s.]/g, '');
  return isAcronym(letters) ? letters : undefined;
}

/** An abbreviation alias ("US", "the U.K."): it names its actor only when the mention is in capitals too. */
const isAbbreviation = (alias: string): boolean => isAcronym(alias.replace(/^the\s+/i, ''));

/**
 * The actor a mention names, if any. A name variant links only when it has the same transliteration key as one
 * of the actor's names and the types agree; an alias that is an abbreviation or starts with "the" must be met
 * in that form ("us" is not the US, the airline Emirates is not "the Emirates").
 */
function linkKb(kb: KnowledgeBase | undefined, name: string, surface: string, wordCount: number, type: MentionType, translit: (s: string) => string, precededByThe: boolean): KbLink | undefined {
  if (!kb) return undefined;
  if (type === 'MISC') {
    const country = kb.lookupDemonym(name);
    if (country) return { actor: country, isWeak: false };
  }
  const key = translit(name);
  // Acronyms must match an alias letter for letter: the transliteration key would fold "SOHR" into "SUR".
  const bare = (s: string) => s.replace(/^the\s+/i, '').replace(/\./g, '');
  const isNameAcronym = isAcronym(surface);
  const matchesForm = (alias: string) =>
    translit(alias) === key &&
    (isNameAcronym ? bare(alias) === bare(surface) : !isAbbreviation(alias)) &&
    (precededByThe || !/^the\s/i.test(alias));
  const candidates = kb
    .lookup(name)
    .filter((a) => [a.name, ...a.aliases].some(matchesForm))
    // Metonymy: a state is named as a place, an actor or an adjective ("U.S. officials"), and a seat of government
    // ("the Kremlin", "the White House") is tagged LOC as often as ORG. A person is only ever a person.
    .filter((a) => a.type === type || (a.kind === 'state' && type !== 'PER') || (a.kind === 'government' && type === 'LOC') || (a.type === 'ORG' && type === 'MISC'));
  const actor = candidates.length === 1 ? candidates[0] : candidates.find((a) => a.type === type);
  if (!actor) return undefined;
  // "Souleymane" in a film review is not Qassem Soleimani: a one-word name of an actor whose own name is longer
  // is a surname, first name or nickname, and links only beside a full-name mention.
  const isWeak = wordCount === 1 && !isNameAcronym && actor.kind !== 'state' && nameWords(actor.name).words.length > 1;
  return { actor, isWeak };
}

function sentenceAt(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

function sentenceIndexAt(sentences: readonly Sentence[], offset: number): number {
  let index = -1;
  for (let i = 0; i < sentences.length && sentences[i]!.start <= offset; i++) index = i;
  return index;
}

// Lower case or capitalised only: "HE" in capitals is a heading or an acronym.
const PRONOUN = /\b([Hh]e|[Hh]im|[Hh]is|[Ss]he|[Hh]er)\b/g;
/** "its" almost always points at an organisation or state in news; bare "it" too often at an event or thing. */
const ORG_PRONOUN = /\b(its)\b/gi;
/** Role nouns after "the" that refer back to a person or organisation: "the general", "the Iranian major general", "the group". */
const NOMINAL = /\bthe\s+((?:[A-Z][a-z]+\s+)?(?:(?:major|brigadier|lieutenant|senior|top|former|military)\s+)?(general|commander|president|minister|spokesman|cleric|pilot|group|militia|movement|agency|organisation|organization))\b/gi;

const PERSON_NOUNS = new Set(['general', 'commander', 'president', 'minister', 'spokesman', 'cleric', 'pilot']);
const NOUN_KINDS: Readonly<Record<string, readonly EntityKind[]>> = {
  group: ['armed-group', 'organisation', 'party'],
  militia: ['armed-group'],
  movement: ['armed-group', 'party'],
  agency: ['media-outlet', 'government'],
  organisation: ['organisation', 'armed-group'],
  organization: ['organisation', 'armed-group'],
};

/**
 * A person the text names only by a role ("her attorney", "Omar's lawyer", "the victim's mother"), with no name in
 * apposition: a "she" or "he" after it may be that person, so it is not given to a named person mentioned before.
 */
const UNNAMED_PERSON = /\b(?:his|her|their|the|a|an|[A-Z][\w'’-]*['’]s)\s+(?:[a-z-]+\s+)?(attorney|lawyer|wife|husband|mother|father|daughter|son|sister|brother|girlfriend|boyfriend|partner|spokeswoman|spokesperson|aide|assistant|friend|neighbou?r|widow|widower|niece|nephew|aunt|uncle|grandmother|grandfather)\b(?!,?\s+[A-Z])/g;
/** The role nouns that say the holder's gender. */
const ROLE_GENDER: Readonly<Record<string, Gender>> = {
  wife: 'female', mother: 'female', daughter: 'female', sister: 'female', girlfriend: 'female', spokeswoman: 'female', widow: 'female', niece: 'female', aunt: 'female', grandmother: 'female',
  husband: 'male', father: 'male', son: 'male', brother: 'male', boyfriend: 'male', widower: 'male', nephew: 'male', uncle: 'male', grandfather: 'male',
};

function resolveReferences(text: string, sentences: readonly Sentence[], mentions: readonly Mention[], clusters: Cluster[]): void {
  const insideMention = (start: number) => mentions.some((m) => start >= m.start && start < m.end);
  // Where each unnamed role-holder's noun sits, with the gender the noun gives (if any).
  const unnamed: { at: number; gender: Gender | undefined }[] = [...text.matchAll(UNNAMED_PERSON)].map((m) => ({ at: m.index + m[0].length - m[1]!.length, gender: ROLE_GENDER[m[1]!] }));
  type Candidate = { span: Span; text: string; rule: 'pronoun' | 'nominal'; noun?: string; qualifier?: string; isOrgPronoun?: boolean };
  const found: Candidate[] = [];
  for (const m of text.matchAll(PRONOUN)) {
    if (!insideMention(m.index)) found.push({ span: { start: m.index, end: m.index + m[0].length }, text: m[0], rule: 'pronoun' });
  }
  for (const m of text.matchAll(ORG_PRONOUN)) {
    if (!insideMention(m.index)) found.push({ span: { start: m.index, end: m.index + m[0].length }, text: m[0], rule: 'pronoun', isOrgPronoun: true });
  }
  for (const m of text.matchAll(NOMINAL)) {
    if (insideMention(m.index + 4)) continue;
    const qualifier = /^[A-Z]/.test(m[1]!) ? m[1]!.split(/\s+/)[0] : undefined;
    found.push({ span: { start: m.index, end: m.index + m[0].length }, text: m[0], rule: 'nominal', noun: m[2]!.toLowerCase(), ...(qualifier ? { qualifier } : {}) });
  }
  found.sort((a, b) => a.span.start - b.span.start);
  // A cluster's kind reads its names and KB link, which references do not change: computed once per cluster.
  const kinds = new Map<Cluster, EntityKind>();
  const kindOfCluster = (c: Cluster): EntityKind => {
    let kind = kinds.get(c);
    if (kind === undefined) kinds.set(c, (kind = kindOf(c)));
    return kind;
  };
  for (const ref of found) {
    const here = sentenceIndexAt(sentences, ref.span.start);
    const windowStart = sentences[Math.max(0, here - 3)]?.start ?? 0;
    const recentBefore = (c: Cluster) => {
      // The latest start of a mention or reference ending before the reference (loops: no arrays to spread).
      let last = -1;
      for (const m of c.mentions) if (m.end <= ref.span.start && m.start > last) last = m.start;
      for (const r of c.references) if (r.end <= ref.span.start && r.start > last) last = r.start;
      return last >= windowStart ? last : -1;
    };
    let chosen: Cluster | undefined;
    if (ref.isOrgPronoun) {
      chosen = best(clusters.filter((c) => c.type === 'ORG' || kindOfCluster(c) === 'state'), recentBefore);
    } else if (ref.rule === 'pronoun') {
      // "she" never stands for a man the text has called "Mr." or "he" (and the reverse): the nearest person of the
      // pronoun's gender, or none at all (an unresolved "she" is better than the wrong person).
      const gender = pronounGender(ref.text);
      chosen = best(clusters.filter((c) => c.type === 'PER' && genderOf(c, text, ref.span.start) !== otherGender(gender)), recentBefore);
      // An unnamed person of a fitting gender named since the chosen one's last mention may be the one meant
      // ("Carlineo's attorney said her client …"): better unresolved than given to the wrong person.
      // The pronoun then gives that person its gender ("her client … He remains in custody": the "He" is not the
      // attorney the "her" was).
      const since = chosen ? recentBefore(chosen) : -1;
      const role = chosen ? unnamed.findLast((u) => u.at > since && u.at < ref.span.start && u.gender !== otherGender(gender)) : undefined;
      if (role) {
        role.gender ??= gender;
        chosen = undefined;
      }
    } else if (PERSON_NOUNS.has(ref.noun!)) {
      const fits = (c: Cluster) => c.type === 'PER' && ([...c.titles].some((t) => t.startsWith(ref.noun!.slice(0, 3))) || c.roles.some((r) => r.title.includes(ref.noun!)));
      chosen = best(clusters.filter(fits), recentBefore);
    } else {
      const nounKinds = NOUN_KINDS[ref.noun!] ?? [];
      chosen = best(clusters.filter((c) => c.type === 'ORG' && nounKinds.includes(kindOfCluster(c))), recentBefore);
    }
    if (chosen) {
      chosen.references.push({ start: ref.span.start, end: ref.span.end, text: ref.text, rule: ref.rule });
    }
  }
}

type Gender = 'male' | 'female';
const MALE_PRONOUNS = new Set(['he', 'him', 'his']);
const otherGender = (g: Gender): Gender => (g === 'male' ? 'female' : 'male');
const pronounGender = (pronoun: string): Gender => (MALE_PRONOUNS.has(pronoun.toLowerCase()) ? 'male' : 'female');
/**
 * Honorifics and titles that give a person's gender, in the mention or just before it ("Mr. Haddad", "Mrs Omar",
 * "Queen Elizabeth II", "Congresswoman Omar"). Only titles whose holders are of one gender by the word itself:
 * "Bishop", "Rabbi" or "Senator" say nothing.
 */
const HONORIFIC_GENDER: Readonly<Record<string, Gender>> = {
  mr: 'male', sir: 'male', lord: 'male', king: 'male', prince: 'male', emir: 'male', pope: 'male', sheikh: 'male', sheik: 'male', shaikh: 'male',
  congressman: 'male', spokesman: 'male', chairman: 'male', father: 'male',
  mrs: 'female', ms: 'female', miss: 'female', madam: 'female', dame: 'female', lady: 'female', queen: 'female', princess: 'female', congresswoman: 'female',
  spokeswoman: 'female', chairwoman: 'female', sister: 'female',
};
/** One of those, capitalised as a title is ("Miss Ruiz", not "did not miss Ruiz"), ending just before a name. */
const HONORIFIC_BEFORE = new RegExp(`\\b(${Object.keys(HONORIFIC_GENDER).map((t) => t[0]!.toUpperCase() + t.slice(1)).join('|')})\\.?\\s+$`);

/**
 * A person's gender as the text shows it before `offset`: an honorific of a mention, else the first gendered pronoun
 * already resolved to them; undefined when the text has not shown it yet.
 */
function genderOf(cluster: Cluster, text: string, offset: number): Gender | undefined {
  for (const t of cluster.titles) if (HONORIFIC_GENDER[t]) return HONORIFIC_GENDER[t];
  for (const m of cluster.mentions) {
    if (m.start >= offset) continue;
    const before = HONORIFIC_BEFORE.exec(text.slice(Math.max(0, m.start - 16), m.start));
    if (before) return HONORIFIC_GENDER[before[1]!.toLowerCase()];
  }
  const first = cluster.references.find((r) => r.rule === 'pronoun' && r.start < offset);
  return first ? pronounGender(first.text) : undefined;
}

function best(candidates: Cluster[], score: (c: Cluster) => number): Cluster | undefined {
  let top: Cluster | undefined;
  let topScore = -1;
  for (const c of candidates) {
    const s = score(c);
    if (s > topScore) {
      top = c;
      topScore = s;
    }
  }
  return top;
}

const MEDIA = /\b(news|agency|times|post|herald|tribune|gazette|journal|tv|television|radio|press|channel|broadcast\w*|daily|telegraph|guardian)\b/i;
const MILITARY = /\b(army|armed forces|forces|force|brigade|corps|guards?|division|battalion|regiment|navy|air force|military|command)\b/i;
const ARMED = /\b(front|movement|militia|rebels?|jihad|mujahideen|liberation|resistance|brigades)\b/i;
const GOVERNMENT = /\b(ministry|government|parliament|council|cabinet|office|senate|congress|kremlin|presidency|police|court)\b/i;
const PARTY = /\b(party)\b/i;
const COMPANY = /\b(inc|corp|corporation|company|co|ltd|plc|group|bank|airlines?|holdings?)\b\.?$/i;

function kindOf(cluster: Cluster): EntityKind {
  if (cluster.kb) return cluster.kb.kind === 'state' && cluster.type === 'MISC' ? 'nationality' : cluster.kb.kind;
  const name = longestName(cluster);
  switch (cluster.type) {
    case 'PER':
      return 'person';
    case 'LOC':
      return countryByName(name) ? 'state' : 'place';
    case 'MISC':
      return countriesByDemonym(name).length ? 'nationality' : 'other';
    case 'ORG':
      if (MEDIA.test(name)) return 'media-outlet';
      if (ARMED.test(name)) return 'armed-group';
      if (MILITARY.test(name)) return 'military-unit';
      if (GOVERNMENT.test(name)) return 'government';
      if (PARTY.test(name)) return 'party';
      if (COMPANY.test(name)) return 'company';
      return 'organisation';
  }
}

/** The fullest name of a cluster: more words first, then mixed case over a shouted dateline ("ALEPPO"), then length. */
function longestName(cluster: Cluster): string {
  const rank = (words: readonly string[]): [number, number, number] => {
    const joined = words.join(' ');
    const isShouted = joined.length > 4 && joined === joined.toUpperCase();
    return [words.length, isShouted ? 0 : 1, joined.length];
  };
  const better = (a: string[], b: string[]) => {
    const [ra, rb] = [rank(a), rank(b)];
    for (let i = 0; i < 3; i++) if (rb[i]! !== ra[i]!) return rb[i]! > ra[i]! ? b : a;
    return a;
  };
  return cluster.names.reduce(better, cluster.names[0] ?? []).join(' ');
}

function countryOf(cluster: Cluster, name: string): string | undefined {
  if (cluster.kb?.country) return cluster.kb.country;
  for (const word of cluster.nationalityWords) {
    const [country] = countriesByDemonym(word);
    if (country) return country.alpha3;
  }
  if (cluster.type === 'LOC') return countryByName(name)?.alpha3;
  if (cluster.type === 'MISC') return countriesByDemonym(name)[0]?.alpha3;
  // "Syrian army", "Iran's Revolutionary Guards": a country or demonym word inside an organisation's name.
  for (const word of name.split(/\s+/)) {
    const country = countryByName(word) ?? countriesByDemonym(word)[0];
    if (country) return country.alpha3;
  }
  return undefined;
}

function toEntity(cluster: Cluster, index: number): DocEntity {
  const name = cluster.kb?.name ?? longestName(cluster);
  const aliases = [...new Set(cluster.mentions.map((m) => m.text.trim()))].filter((a) => a !== name);
  const country = countryOf(cluster, longestName(cluster));
  const entity: { -readonly [K in keyof DocEntity]?: DocEntity[K] } = {
    id: `e${index + 1}`,
    name,
    type: cluster.type,
    kind: kindOf(cluster),
    mentionIds: cluster.mentions.map((m) => m.id),
    aliases,
    roles: cluster.roles,
    references: cluster.references,
  };
  if (country) entity.country = country;
  if (cluster.kb) entity.kbId = cluster.kb.id;
  return entity as DocEntity;
}
