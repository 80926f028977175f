/**
 * Turns a source phrase ("the semi-official Fars News Agency", "two officials who spoke on condition of
 * anonymity", "he") into a typed Source: outlet, anonymous (count, nationality, role), document, social
 * media, person or organisation, linked to the Mention (and entity) it overlaps.
 */
import { countriesByDemonym, countryByName } from '../../data/countries.js';
import type { DocEntity, Mention, Source, Span } from '../../model/index.js';
import type { ClaimsLexicon } from './lexicon.js';

/** A link in a claim's chain: a Source plus what this stage can add without changing the model. */
export interface ClaimSource extends Source {
  /** The Mention the source phrase overlaps (or, for "he"/"she", the mention it was resolved to). */
  readonly mentionId?: string;
  /** A language service or edition of an outlet: "Persian-language service". */
  readonly service?: string;
  /**
   * Set on a link that names no one: a pronoun ("he", "they") that coreference could not resolve, or a vague
   * quantifier ("some", "others"). The claim stays as evidence that someone said it, but this link is an
   * anonymous speaker without a role, so it never counts as an origin (issue 15: a root must be a real source).
   */
  readonly isUnresolved?: true;
}

/** What describeSource needs besides the phrase. */
export interface SourceContext {
  readonly text: string;
  readonly lexicon: ClaimsLexicon;
  /** Mentions sorted by start. */
  readonly mentions: readonly Mention[];
  readonly entities: readonly DocEntity[];
  /** The article's outlet (or "the article"): the writer's own "I"/"we" outside quotations. */
  readonly articleName?: string;
}

const ARTICLES = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those']);
const RELATIVE_CUT = /\s+(?:who|which|that|whose|speaking|familiar|close|briefed|with knowledge)\b|,/;
const PERSONAL_PRONOUNS = new Set(['he', 'she']);
const TITLE_ABBREVIATION_RE = /^(?:Lt|Sgt|Gov|Sen|Rep|Dr|Mr|Mrs|Ms|Gen|Col|Capt|Maj|Adm|Cpl|Pvt|Det|Insp|Supt|Prof|Rev|Hon|St)\.?$/;
const PLURAL_PRONOUNS = new Set(['they', 'them']);
const WRITER_PRONOUNS = new Set(['i', 'we']);
/** Quantifiers standing alone as a subject ("Some say …", "Others argued …"): unnamed people, not a source. */
const VAGUE_QUANTIFIERS = new Set(['some', 'others', 'many', 'several', 'most', 'few', 'a few', 'both', 'all', 'someone', 'somebody', 'anyone', 'anybody', 'everyone', 'everybody', 'nobody', 'no one', 'one', 'those', 'these']);
/**
 * Phrases that cannot be a source at all: a time ("Today", "Last week"), the reader ("you"), demonstratives and
 * expletives ("that", "it's", "there"), and clause fragments with a verb of their own ("That's easier", "It is clear"). A claim with such a link is dropped.
 */
const NON_SOURCE_RE = /^(?:(?:last|this|next|on|early|late|earlier|later)\s+)?(?:today|yesterday|tonight|tomorrow|now|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|month|year|morning|afternoon|evening)$|^(?:you|your|yours|yourself|yourselves|y'all|this|that|there|here|what|which|whatever|it['’]s|that['’]s|there['’]s|here['’]s|what['’]s|this is|that is)$|^(?:you|your)\b|^(?:it|that|this|there|here|what)(?:['’]s|\s+(?:is|was|are|were|will|would|has|had|seems?|looks?))\b/i;

/** Whether a source phrase can never name a source (the reader, a demonstrative, a clause fragment). */
export function isNonSourcePhrase(phrase: string): boolean {
  const p = phrase.trim().replace(/^[“"]+|[”",;:]+$/gu, '').trim();
  // Only a short phrase is judged: a long one is a source span that ran too far back, whose head is elsewhere.
  return p === '' || (p.split(/\s+/).length <= 4 && NON_SOURCE_RE.test(p));
}

interface Word {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
}

function wordsOf(text: string, span: Span): Word[] {
  const out: Word[] = [];
  const re = /[\p{L}\p{N}]+(?:[-'’.&][\p{L}\p{N}]+)*\.?/gu;
  const slice = text.slice(span.start, span.end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    // Keep the stop of "U.S." but not a sentence stop.
    let w = m[0];
    if (w.endsWith('.') && !/\p{L}\.\p{L}/u.test(w)) w = w.slice(0, -1);
    out.push({ text: w, lower: w.toLowerCase(), start: span.start + m.index, end: span.start + m.index + w.length });
  }
  return out;
}

/** The phrase without its leading article: "the Kremlin" → "Kremlin". */
function withoutArticle(phrase: string): string {
  return phrase.replace(/^(?:the|a|an)\s+/i, '');
}

function overlapping(mentions: readonly Mention[], span: Span): Mention[] {
  return mentions.filter((m) => m.start < span.end && m.end > span.start);
}

function entityIdFor(ctx: SourceContext, mentionId: string | undefined): string | undefined {
  if (!mentionId) return undefined;
  return entityOfMention(ctx).get(mentionId);
}

const ENTITY_OF_MENTION = new WeakMap<SourceContext, ReadonlyMap<string, string>>();

/** Mention id → id of the first entity listing it (what a find over the entities gives), built once per context. */
function entityOfMention(ctx: SourceContext): ReadonlyMap<string, string> {
  let map = ENTITY_OF_MENTION.get(ctx);
  if (!map) {
    const byMention = new Map<string, string>();
    for (const e of ctx.entities) for (const m of e.mentionIds) if (!byMention.has(m)) byMention.set(m, e.id);
    ENTITY_OF_MENTION.set(ctx, byMention);
    map = byMention;
  }
  return map;
}

/** The outlet named inside a phrase, with the alias's span; known names first, then name patterns. */
function findOutlet(ctx: SourceContext, span: Span): { name: string; span: Span } | undefined {
  const phrase = ctx.text.slice(span.start, span.end);
  const known = ctx.lexicon.patterns.outletAlias.exec(phrase);
  if (known) {
    return { name: ctx.lexicon.outlets.get(known[0]) ?? known[0], span: { start: span.start + known.index, end: span.start + known.index + known[0].length } };
  }
  // "Zaman Al-Wasl News Agency", "Kyiv Post": capitalised words ending in an outlet suffix.
  const m = ctx.lexicon.patterns.outletSuffix.exec(phrase);
  if (!m) return undefined;
  const name = m[0].replace(/^(?:The|A)\s+/, '');
  const start = span.start + m.index + (m[0].length - name.length);
  return { name, span: { start, end: span.start + m.index + m[0].length } };
}

/** The nationality (ISO alpha-3) a demonym or country name in the words gives: "Syrian" → SYR, "U.S." → USA. */
function nationalityOf(words: readonly Word[]): string | undefined {
  for (const w of words) {
    if (!/^\p{Lu}/u.test(w.text)) continue;
    const byDemonym = countriesByDemonym(w.text)[0];
    if (byDemonym) return byDemonym.alpha3;
    const byName = countryByName(w.text);
    if (byName) return byName.alpha3;
  }
  return undefined;
}

/** A dateline before the speaker: "NEW YORK, Dec. 22 (UPI) — Chelsea Clinton announced …". */
const DATELINE_RE = /^\p{Lu}[\p{Lu} .,'’-]+,\s+[\p{L}.]+\s+\d{1,2}\s*(?:\([^)]{1,30}\))?\s*[—–-]+\s+/u;
/** Where the speaker phrase ends: an age ("Renee Gold, 83, of Sarasota"), a "how" aside or a concession. */
const SPEAKER_TAIL_RE = /,\s+(?:\d{1,3}(?:,|$)|in\s+(?:an?|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?(?:statement|interview|e-?mail|letter|post|tweet|speech|op-ed|appearance|call)\b|(?:though|although|while|but)\s)/u;

/**
 * The part of a speaker phrase that names the speaker, as [from, to) offsets into it: no dateline before, no age, aside
 * or concession after.
 */
export function speakerRange(phrase: string): [number, number] {
  const dateline = DATELINE_RE.exec(phrase);
  const from = dateline && dateline[0].length < phrase.length ? dateline[0].length : 0;
  const tail = SPEAKER_TAIL_RE.exec(phrase.slice(from));
  return [from, tail && tail.index > 0 ? from + tail.index : phrase.length];
}

/**
 * Describes one source phrase. Order: pronoun → person mention at the head → outlet → social media →
 * anonymous noun → document noun → ORG mention → organisation noun → title noun → capitalised name → person.
 */
export function describeSource(ctx: SourceContext, span: Span): ClaimSource {
  const { text, lexicon } = ctx;
  let raw = text.slice(span.start, span.end);
  let start = span.start;
  // A scare-quoted source: "“multiple intelligence sources”" is read without its marks.
  // A subordinator opening the phrase belongs to the clause, not the speaker: "After the Clinton camp announced …".
  const lead = /^[\s“"]*(?:(?:After|Before|When|Whenever|While|Because|Since|Although|Though|Once|Until|Unless|If|As)\s+(?=\S))?[\s“"]*/u.exec(raw)?.[0].length ?? 0;
  raw = raw.slice(lead);
  start += lead;
  const [from, to] = speakerRange(raw.replace(/[\s,;:”"]+$/u, ''));
  const phrase = raw.slice(from, to);
  const trimmed: Span = { start: start + from, end: start + to };
  const words = wordsOf(text, trimmed);
  const lower = phrase.toLowerCase();

  if (PERSONAL_PRONOUNS.has(lower)) return resolvePronoun(ctx, trimmed);
  if (lower === 'it') return resolveIt(ctx, trimmed);
  if (PLURAL_PRONOUNS.has(lower) || VAGUE_QUANTIFIERS.has(lower)) return unidentified(trimmed, 'multiple');
  if (WRITER_PRONOUNS.has(lower)) return { kind: 'article', name: ctx.articleName ?? 'the article', span: trimmed };

  // The head part: before an apposition or a relative clause ("Maria Zakharova, the ministry's spokeswoman").
  const cut = RELATIVE_CUT.exec(phrase);
  const headPhrase = cut ? phrase.slice(0, cut.index) : phrase;
  const headSpan: Span = { start: trimmed.start, end: trimmed.start + headPhrase.length };
  const apposition = cut && phrase[cut.index] === ',' ? phrase.slice(cut.index + 1).trim() : undefined;
  // "Those who attended", "Many who live nearby": unnamed people the relative clause describes, not a name.
  if (cut && VAGUE_QUANTIFIERS.has(headPhrase.trim().toLowerCase()) && /^\s+who\b/i.test(phrase.slice(cut.index))) {
    return { kind: 'anonymous', name: phrase.trim().toLowerCase(), count: 'multiple', span: trimmed };
  }
  const headMentions = overlapping(ctx.mentions, headSpan);
  // NER sometimes tags an outlet name as a person ("Fox said"): the outlet list wins.
  // A title abbreviation tagged alone ("Lt." in "Lt. Matt Harris") is not the name.
  // A sentence-initial document noun tagged alone ("Studies show") is no person either.
  const person = headMentions.find((m) => m.type === 'PER' && !lexicon.outlets.has(m.text) && !TITLE_ABBREVIATION_RE.test(m.text) && !lexicon.documentNouns.has(m.text.toLowerCase()));

  // "the group", "the general": a nominal the entity stage resolved to an entity (DocEntity.references) names it.
  if (!person && headMentions.length === 0) {
    for (const entity of ctx.entities) {
      const ref = entity.references.find((r) => r.rule === 'nominal' && r.start < headSpan.end && headSpan.start < r.end);
      if (!ref) continue;
      const kind = entity.type === 'PER' ? 'person' : entity.kind === 'media-outlet' ? 'outlet' : 'organisation';
      return clean<ClaimSource>({ kind, name: entity.name, span: trimmed, entityId: entity.id, mentionId: entity.mentionIds[0], role: kind === 'person' ? titleRole(lexicon, headPhrase) : undefined });
    }
  }
  // "The group that owns her albums, Big Machine": a generic head with a named apposition is named by the apposition.
  if (!person && headMentions.length === 0 && cut) {
    const named = overlapping(ctx.mentions, { start: headSpan.end, end: trimmed.end }).find((m) => (m.type === 'ORG' || m.type === 'PER') && /,\s*$/.test(text.slice(Math.max(trimmed.start, m.start - 3), m.start)));
    const generic = /^(?:the|a|an)\s+(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}]+$/u.test(headPhrase.trim());
    if (named && generic) {
      if (named.type === 'PER') return clean({ kind: 'person', name: named.text, span: trimmed, mentionId: named.id, entityId: entityIdFor(ctx, named.id), role: titleRole(lexicon, headPhrase) });
      const outletName = lexicon.outlets.get(named.text);
      return clean({ kind: outletName ? 'outlet' : 'organisation', name: outletName ?? named.text, span: trimmed, mentionId: named.id, entityId: entityIdFor(ctx, named.id) });
    }
  }
  // "The Trump campaign said", "Sanders' team said": a person's name modifying an organisation noun; the organisation speaks.
  if (person && person.end < headSpan.end && /^(?:['’]s?)?(?:\s+[\p{Ll}-]+)+$/u.test(text.slice(person.end, headSpan.end)) && lexicon.patterns.organisationNounAtEnd.test(headPhrase.toLowerCase())) {
    return clean({ kind: 'organisation', name: withoutArticle(headPhrase), span: trimmed, mentionId: person.id, entityId: entityIdFor(ctx, person.id) });
  }
  if (person) {
    const before = text.slice(headSpan.start, person.start).trim();
    const role = titleRole(lexicon, before) ?? (apposition ? titleRole(lexicon, apposition) : undefined);
    return clean({ kind: 'person', name: person.text, span: trimmed, mentionId: person.id, entityId: entityIdFor(ctx, person.id), role });
  }

  const outlet = findOutlet(ctx, trimmed);
  if (outlet) {
    const service = /(\p{L}+-language|\p{Lu}\p{L}+ language)\s+(?:version|service|edition|website|site|channel|broadcast)/u.exec(phrase);
    const mention = overlapping(ctx.mentions, outlet.span)[0];
    return clean({
      kind: 'outlet',
      name: outlet.name,
      span: trimmed,
      mentionId: mention?.id,
      entityId: entityIdFor(ctx, mention?.id),
      service: service ? `${service[1]} service` : undefined,
    });
  }

  const platform = lexicon.patterns.platformAfterPreposition.exec(phrase);
  if (platform) return { kind: 'social-media', name: platform[1]!, span: trimmed };

  const anonymous = describeAnonymous(lexicon, words, phrase, headMentions);
  if (anonymous) return { ...anonymous, span: trimmed };

  // The head noun stands before the first preposition: "a report by the monitoring group" → "report".
  const beforePrep = /^(.*?)\s+(?:by|of|from|in|on|at|for|with|to|about)\s/i.exec(headPhrase);
  const nounPhrase = beforePrep ? beforePrep[1]! : headPhrase;
  const headWords = wordsOf(text, { start: headSpan.start, end: headSpan.start + nounPhrase.length });
  const last = headWords[headWords.length - 1]?.lower ?? '';
  if (lexicon.documentNouns.has(last)) return { kind: 'document', name: documentName(withoutArticle(headPhrase)), span: trimmed };
  if (lexicon.outletNouns.has(last) && headWords.length <= 4) return { kind: 'outlet', name: withoutArticle(headPhrase), span: trimmed };

  const headLower = nounPhrase.toLowerCase();
  const hasOrgNoun = lexicon.patterns.organisationNounAtEnd.test(headLower);
  const nounEnd = headSpan.start + nounPhrase.length;
  // "A spokesman for the Kremlin": a title head with its organisation after a preposition is a person.
  const headTitle = titleRole(lexicon, nounPhrase);
  // "China's ambassador to Britain": a name in the possessive is the employer, not the head.
  const isPossessive = (m: Mention): boolean => /^['’]s?\b/u.test(text.slice(m.end, m.end + 2)) || /['’]s?$/u.test(m.text);
  if (headTitle && !hasOrgNoun && !headMentions.some((m) => m.start < nounEnd && !isPossessive(m))) {
    return { kind: 'person', name: withoutArticle(headPhrase), span: trimmed, role: headTitle };
  }
  // The last name in the noun phrase is its head: "Lebanon's Iran-backed Hezbollah" → Hezbollah.
  const orgs = headMentions.filter((m) => (m.type === 'ORG' || m.type === 'MISC' || m.type === 'LOC') && m.start < nounEnd);
  // A place after the head's preposition is where the speakers are, not who they are: "Researchers in Boston", "Police
  // in Ohio" (an organisation after it still names them: "scientists at NASA").
  const org = orgs[orgs.length - 1] ?? headMentions.find((m) => m.type === 'ORG' || m.type === 'MISC' || (m.type === 'LOC' && m.start < nounEnd));
  if (org) {
    // "the US military", "the French foreign ministry", "NASA scientists": the name modifies a common-noun head, which
    // is who speaks; the link is named by the whole noun phrase (still tied to the name's mention and entity).
    const afterName = text.slice(org.end, nounEnd);
    const name = org.end < nounEnd && /^(?:['’]s?)?(?:\s+[\p{Ll}-]+)+$/u.test(afterName) ? withoutArticle(nounPhrase) : org.text;
    return clean({ kind: 'organisation', name, span: trimmed, mentionId: org.id, entityId: entityIdFor(ctx, org.id) });
  }

  const role = titleRole(lexicon, headPhrase);
  if (role && !hasOrgNoun) return { kind: 'person', name: withoutArticle(headPhrase), span: trimmed, role };
  if (hasOrgNoun) return { kind: 'organisation', name: withoutArticle(headPhrase), span: trimmed };

  // No mention and no lexicon word: a capitalised name of one to three words is most often a person.
  const caps = headWords.filter((w) => /^\p{Lu}/u.test(w.text));
  if (caps.length > 0 && caps.length === headWords.length && caps.length <= 3) return { kind: 'person', name: headPhrase, span: trimmed };
  if (caps.length > 0 && caps.length === headWords.length) return { kind: 'organisation', name: headPhrase, span: trimmed };
  return { kind: 'person', name: withoutArticle(headPhrase), span: trimmed };
}

/** A title noun in a phrase, as the role: "Foreign Minister" → "Foreign Minister", "the ministry's spokeswoman" → "spokeswoman". */
/** "Police released dramatic video": a name, a verb of making public, then the document. */
const RELEASED_DOCUMENT = /^((?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*)\s+(released|published|posted|issued|shared|aired|obtained|circulated|leaked|filed|sent|unveiled|made public)\s+(?:(?:a|an|the|its|their|his|her|new)\s+)?(.+)$/u;

/**
 * A document source's name. When the phrase is a clause whose object is the document ("Police released dramatic
 * video showing …": the video is the source, the police released it), the document comes first and its publisher
 * after: "dramatic video released by Police". Other phrases are names already ("report by the monitoring group").
 */
function documentName(phrase: string): string {
  const clause = RELEASED_DOCUMENT.exec(phrase);
  return clause ? `${clause[3]} ${clause[2]} by ${clause[1]}` : phrase;
}

function titleRole(lexicon: ClaimsLexicon, phrase: string): string | undefined {
  const m = lexicon.patterns.title.exec(phrase.toLowerCase());
  if (!m) return undefined;
  const words = phrase.slice(m.index, m.index + m[0].length).trim().split(/\s+/);
  const kept = words.filter((w) => !ARTICLES.has(w.toLowerCase()) && !/['’]s$/.test(w));
  return kept.join(' ') || undefined;
}

function describeAnonymous(lexicon: ClaimsLexicon, words: readonly Word[], phrase: string, headMentions: readonly Mention[]): ClaimSource | undefined {
  const headAt = words.findIndex((w, i) => lexicon.anonymousNouns.has(w.lower) && !isCutWord(words, i));
  if (headAt < 0) return undefined;
  // A named person stands in the head ("Syrian officer Ali Hassan"): not anonymous.
  if (headMentions.some((m) => m.type === 'PER')) return undefined;
  const head = words[headAt]!;
  const after = words[headAt + 1];
  // "officials' statement", "source code": the noun is a modifier, not the head.
  if (after && /^\p{Ll}/u.test(after.text) && !/^(?:who|familiar|close|with|in|at|from|of|for|on|briefed|speaking|said|says|told|who)$/u.test(after.lower)) {
    if (!lexicon.anonymousNouns.has(after.lower)) return undefined;
  }
  const pre = words.slice(0, headAt);
  let count: number | 'multiple' | undefined;
  for (const w of pre) {
    const c = lexicon.countWords.get(w.lower) ?? (/^\d+$/.test(w.text) ? Number(w.text) : undefined);
    if (c !== undefined) {
      count = c;
      break;
    }
  }
  const isPlural = lexicon.pluralNouns.has(head.lower);
  if (count === undefined) count = isPlural ? 'multiple' : 1;
  if (count === 1 && isPlural) count = 'multiple';
  const nationality = nationalityOf(pre);
  const markers = new Set(lexicon.anonymityMarkers.filter((m) => !m.includes(' ')));
  const modifiers = pre.filter(
    (w) =>
      !ARTICLES.has(w.lower) &&
      !lexicon.countWords.has(w.lower) &&
      !/^\d+$/.test(w.text) &&
      !markers.has(w.lower) &&
      !['and', 'or', 'of', 'other'].includes(w.lower) &&
      !(nationality && /^\p{Lu}/u.test(w.text) && (countriesByDemonym(w.text).length > 0 || countryByName(w.text) !== undefined)),
  );
  const singular = lexicon.anonymousNouns.get(head.lower)!;
  const roleWords = singular === 'source' || singular === 'person' ? modifiers.map((w) => w.lower) : [...modifiers.map((w) => w.lower), singular];
  const nameStart = pre.find((w) => !ARTICLES.has(w.lower) && !lexicon.countWords.has(w.lower) && !/^\d+$/.test(w.text));
  const base = phrase.slice((nameStart ?? head).start - words[0]!.start, head.end - words[0]!.start);
  // Keep an affiliation that identifies the group: "sources close to the ministry".
  const tail = /^\s+((?:close to|familiar with|in|at|from|of)\s+[^,]+?)(?=\s+(?:who|which|said|says)\b|$|,)/u.exec(phrase.slice(head.end - words[0]!.start));
  const name = tail && /^(?:close|familiar)/.test(tail[1]!) ? `${base} ${tail[1]}` : base;
  return clean<ClaimSource>({ kind: 'anonymous', name, count, nationality, role: roleWords.length ? roleWords.join(' ') : undefined });
}

function isCutWord(words: readonly Word[], i: number): boolean {
  // "the source of the leak" is fine; "who spoke to sources" is past the head.
  return words.slice(0, i).some((w) => w.lower === 'who' || w.lower === 'familiar' || w.lower === 'close');
}

/**
 * "he"/"she": only the entity stage's coreference resolves it (DocEntity.references). Nothing else is guessed here:
 * the last-named person is as often the subject of the quote or the person being told. The claims stage may still
 * hand an unresolved pronoun the speaker of the quotation before it (see claims.ts, speaker continuity).
 */
function resolvePronoun(ctx: SourceContext, span: Span): ClaimSource {
  for (const entity of ctx.entities) {
    const ref = entity.references.find((r) => r.start < span.end && r.end > span.start);
    if (ref && entity.type === 'PER') return clean({ kind: 'person', name: entity.name, span, entityId: entity.id, mentionId: entity.mentionIds[0] });
  }
  return unidentified(span, 1);
}

/** An honest unknown speaker: someone said it, the text does not let us say who. */
function unidentified(span: Span, count: 1 | 'multiple'): ClaimSource {
  return { kind: 'anonymous', name: count === 1 ? 'unidentified speaker' : 'unidentified speakers', count, span, isUnresolved: true };
}

/** "it said": the nearest organisation mention before it, else an unresolved organisation. */
function resolveIt(ctx: SourceContext, span: Span): ClaimSource {
  let best: Mention | undefined;
  for (const m of ctx.mentions) {
    if (m.end > span.start) break;
    if (m.type === 'ORG') best = m;
  }
  if (!best) return { kind: 'organisation', name: 'it', span };
  return clean<ClaimSource>({ kind: 'organisation', name: best.text, span, mentionId: best.id, entityId: entityIdFor(ctx, best.id) });
}

/** Drops undefined fields so records compare and serialise cleanly. */
function clean<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
