/**
 * The claims stage: direct quotes, reported speech ("X said that …", "…, X said."), "according to X",
 * agentless reports ("was said to") and hedged statements in the article's own voice, each with its
 * chain of sources (outermost first), its reporting cue and its stance toward the content.
 *
 * Rules over characters and simple word tokens, driven by the lexicons in src/data/; it needs the
 * sentences and mentions layers and reads entities when they exist. See README.md for method and limits.
 */
import { countriesByDemonym } from '../../data/countries.js';
import { depLabel, UPOS_TAGS, type Claim, type Doc, type DocEntity, type Sentence, type Span, type Stance, type ClaimKind } from '../../model/index.js';
import { defineStage, type Stage } from '../../pipeline/stage.js';
import { CLAIMS_LEXICON, type ClaimsLexicon, type ReportingVerb, type VerbClass, type VerbFrame } from './lexicon.js';
import { CLAIMS_CUE_MODEL, complementKind, cueFeatures, scoreCue, type ComplementKind, type CueModel } from './cue-model.js';
import { findQuotes, type QuoteSpan } from './quotes.js';
import { describeSource, isNonSourcePhrase, type ClaimSource, type SourceContext } from './sources.js';
import { hasObjectOnly, parseView, speechArcs, tokenAt, verbModifierCut, withTitleWords, type ParseView, type SpeechArcs } from './syntax.js';

/** A claim with what this stage adds beyond the model's Claim. */
export interface ClaimRecord extends Claim {
  readonly chain: readonly ClaimSource[];
  /** Index in `chain` of the source that utters the cue (the speaker); -1 when the cue has no speaker. */
  readonly cueSourceIndex: number;
  /** The pieces of the content: two quotes broken by "said Fars", or a quote continued in the next sentence. */
  readonly contentParts: readonly Span[];
  /**
   * For a denial, confirmation or non-acknowledgement: the earlier claim in this article it answers
   * ("The Kremlin denied the report" → the claim that reported it).
   */
  readonly respondsToClaimId?: string;
}

/** Options of the claims stage. */
export interface ClaimsOptions {
  /** Resource key of the ClaimsLexicon (default CLAIMS_LEXICON). */
  readonly lexiconKey?: string;
  /** Resource key of the learned CueModel (default CLAIMS_CUE_MODEL); when the resources lack it, the lexicon's cues only. */
  readonly cueModelKey?: string;
}

/** Version of the claims stage's output. */
export const CLAIMS_VERSION = 10;

/**
 * Creates the claims stage (requires sentences and mentions; assigns claims).
 * @example runStages(doc, [...nlpStages, createClaimsStage()], { publishedAt, resources })
 */
export function createClaimsStage(options: ClaimsOptions = {}): Stage<'claims'> {
  const key = options.lexiconKey ?? CLAIMS_LEXICON;
  const cueKey = options.cueModelKey ?? CLAIMS_CUE_MODEL;
  return defineStage({
    name: 'claims',
    version: CLAIMS_VERSION,
    requires: ['sentences', 'mentions'],
    assigns: 'claims',
    run: (doc, ctx) => extractClaims(doc, ctx.resources.get<ClaimsLexicon>(key), ctx.resources.has(cueKey) ? ctx.resources.get<CueModel>(cueKey) : undefined),
  });
}

/** The claims stage with default options. */
export const claimsStage: Stage<'claims'> = createClaimsStage();

// ---------------------------------------------------------------------------------------------------
// Word tokens inside a sentence

interface Tok {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  readonly isWord: boolean;
}

// Hyphenated words stay whole, so "so-called" never yields the cue "called".
const TOKEN_RE = /[\p{L}\p{N}]+(?:[-'’.&][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

function tokenise(text: string, span: Span): Tok[] {
  const out: Tok[] = [];
  const slice = text.slice(span.start, span.end);
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(slice); m; m = TOKEN_RE.exec(slice)) {
    const t = m[0];
    // Past two UTF-16 units a token can only be a word run (the other alternative is one code point).
    const lower = t.toLowerCase();
    out.push({ text: t, lower: lower.includes('’') ? lower.replace(/’/g, "'") : lower, start: span.start + m.index, end: span.start + m.index + t.length, isWord: t.length > 2 || /[\p{L}\p{N}]/u.test(t) });
  }
  return out;
}

const QUOTE_MARKS = new Set(['"', '“', '”']);
const DASHES = new Set(['—', '–', '-']);
/** Words before a verb form that make it a noun: "a report", "the claims", "unconfirmed reports". */
const NOUN_MARKERS = new Set([
  'a', 'an', 'the', 'this', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'such', 'media', 'news', 'press',
  'unconfirmed', 'earlier', 'recent', 'latest', 'initial', 'first', 'new', 'official', 'several', 'multiple', 'many', 'some', 'no', 'any',
  'of', 'in', 'on', 'for', 'with', 'by', 'from', 'about', 'what', 'whose', 'false', 'similar', 'local', 'separate', "'s", 'despite', 'amid',
]);
/** Reporting verbs whose base and -s forms are also nouns ("a report", "the claims"). */
const NOUN_LEMMAS = new Set(['report', 'claim', 'note', 'tweet', 'post', 'estimate', 'quote', 'charge', 'dispute', 'reply', 'fear', 'hint', 'remark', 'promise', 'pledge', 'vow', 'call', 'show', 'record', 'comment', 'answer', 'warn', 'suggest', 'admit', 'state']);
const BE_FORMS = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', "'s"]);
const NEGATIONS = new Set(['not', 'never', 'neither', 'no']);
/** Words between a subject and its verb that are not part of the subject: "has not officially acknowledged". */
const PREVERBAL = new Set([
  'has', 'have', 'had', 'also', 'not', 'never', 'did', 'does', 'do', 'would', 'will', 'could', 'can', 'may', 'might', 'should', 'must',
  'later', 'again', 'previously', 'earlier', 'recently', 'then', 'first', 'yet', 'already', 'still', 'once', 'just', 'now', 'initially', 'long',
]);
const CLAUSE_BOUNDARIES = new Set([
  'that', 'and', 'but', 'because', 'while', 'although', 'though', 'whereas', 'if', 'when', 'after', 'before', 'since', 'as', 'so', 'which',
  'where', 'whether', 'than', 'or', 'until', 'unless', 'once', 'what', 'how', 'why',
]);
const BOUNDARY_PUNCT = new Set([';', ':', '“', '”', '"', '[', ']', '?', '!', '—', '–']);
/** Words that open an adverbial piece before a subject: "On Thursday, the ministry said …". */
const ADVERBIAL_OPENERS = new Set([
  'on', 'in', 'at', 'during', 'after', 'before', 'earlier', 'later', 'meanwhile', 'however', 'also', 'separately', 'but', 'and', 'yet', 'still',
  'now', 'then', 'last', 'this', 'speaking', 'asked', 'responding', 'overnight', 'yesterday', 'today', 'monday', 'tuesday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday', 'when', 'while', 'instead', 'in turn', 'for', 'with', 'from', 'under', 'over', 'despite', 'since',
  'following', 'amid', 'as', 'so', 'indeed', 'moreover', 'further', 'furthermore', 'again', 'here', 'there', 'according',
]);
const CONNECTIVES = new Set(['but', 'and', 'meanwhile', 'however', 'also', 'still', 'yet', 'so', 'now', 'instead', 'indeed', 'moreover']);
const PREPOSITIONS = new Set(['to', 'of', 'for', 'with', 'from', 'by', 'in', 'on', 'at', 'into', 'about', 'over', 'after', 'before', 'up', 'down', 'out', 'off', 'back', 'against', 'through', 'during']);
const NOT_A_SUBJECT_START = new Set([...PREPOSITIONS, 'is', 'was', 'were', 'are', 'be', 'been', "it's", 'not', 'to', 'has', 'had', 'have', 'despite', 'amid', 'unlike', 'among', 'within', 'without', 'toward', 'towards', 'across', 'beyond', 'besides']);
/** Words that may start what follows a trailing attribution: "…, X said on Thursday, citing …". */
const TAIL_OPENERS = new Set([
  'on', 'in', 'at', 'to', 'during', 'late', 'early', 'earlier', 'later', 'last', 'this', 'yesterday', 'today', 'tonight', 'again', 'also',
  'citing', 'quoting', 'basing', 'adding', 'without', 'via', 'after', 'before', 'while', 'when', 'according', 'as', 'from', 'through', 'by',
  'publicly', 'privately', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'in turn', 'over', 'under', 'with',
  'referring', 'speaking', 'writing', 'told', 'previously', 'recently', 'repeatedly', 'separately', 'overnight', 'then', 'of',
]);
/** Words after "…, X said," that continue the attribution rather than the content. */
const PARENTHETICAL_BLOCKERS = new Set(['citing', 'quoting', 'adding', 'basing', 'according', 'who', 'which', 'speaking', 'referring', 'saying', 'noting', 'calling', 'telling', 'in', 'on', 'at', 'during', 'as', 'after', 'before', 'without', 'while', 'when', 'though', 'although', 'but', 'and', 'because', 'since', 'despite', 'to', 'via', 'through', 'with', 'by', 'than', 'pointing', 'arguing', 'warning', 'explaining', 'describing', 'insisting', 'stressing', 'asking', 'urging', 'claiming', 'denying', 'late', 'early', 'earlier', 'last', 'this', 'yesterday', 'today', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const RECIPIENTS = new Set(['reporters', 'journalists', 'me', 'us', 'him', 'her', 'them', 'lawmakers', 'parliament', 'congress', 'delegates', 'supporters', 'listeners', 'viewers', 'students', 'the']);
const DECLINE_OBJECTS = /^(?:comment|confirm|deny|discuss|say|elaborate|answer|respond|address|specify|be drawn|acknowledge|disclose|reveal|give|provide|identify|name)\b/;
const LEADING_ADVERBIAL_RE = new RegExp(
  '^\\s*,?\\s*(?:' +
    [
      '(?:(?:on|late on|early on|late|early|earlier on|earlier|last|this|next|just)\\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|morning|afternoon|evening|night|weekend)(?:\\s+(?:morning|afternoon|evening|night))?',
      '(?:just )?(?:yesterday|today|tonight|earlier|later|again|also|previously|recently|publicly|privately|repeatedly|separately|flatly|firmly|categorically|strongly)',
      'in (?:a|an|his|her|its|their|the) (?:[\\w-]+ ){0,3}?(?:statement|interview|speech|post|tweet|message|letter|briefing|address|release|report|email|e-mail|call|broadcast|video|conference|appearance|session|hearing|op-ed|column|note|memo|filing|communique|readout)(?: (?:on|with|to) (?:the )?[A-Z][\\w.’\'-]*(?: [A-Z][\\w.’\'-]*)*)?',
      'at (?:a|an|the) (?:[\\w-]+ ){0,3}?(?:conference|briefing|rally|meeting|event|hearing|summit|session|forum)',
      'to (?:reporters|journalists|lawmakers|supporters|the press|the media)',
      'in (?:[A-Z][\\w.’\'-]*)(?: [A-Z][\\w.’\'-]*)*',
      'on (?:X|Twitter|Telegram|Facebook|Instagram|YouTube|TikTok|television|TV|radio|state television|state TV)',
      'via (?:X|Twitter|Telegram|Facebook|a spokesman|a spokeswoman|a spokesperson)',
      'by (?:phone|telephone|email|e-mail)',
    ].join('|') +
    ')\\b\\s*,?',
);
/** Line labels that look like "Source: content" but attribute nothing. */
const COLON_LABELS = /^(?:photo|photos|update|updated|note|related|editor['’]s note|watch|source|sources|read more|exclusive|breaking|video|audio|image|credit|file|caption|q|a|transcript|live|analysis|opinion|comment|comments|share|tags|topics|see also|more|warning|correction|disclosure|the latest|latest|and|but|so|also|here|there|now|then|today|yesterday|example|examples|answer|question)$/i;
const ANAPHORIC_CONTENT_RE =
  /^(?:that\s+)?(?:such\s+\w+|(?:(?:the|these|those|such|this|that|any|all|earlier|recent|media|press|news|western|foreign)\s+)*(?:[\w-]+\s+)?(?:reports?|claims?|allegations?|accounts?|story|stories|accusations?|rumou?rs?|suggestions?|assertions?|it|this|that|them))\b/i;
const STOPWORDS = new Set(['that', 'this', 'with', 'from', 'have', 'were', 'which', 'their', 'there', 'they', 'been', 'would', 'will', 'said', 'about', 'into', 'than', 'also', 'after', 'before', 'report', 'reports', 'claim', 'claims']);

// ---------------------------------------------------------------------------------------------------
// Drafts

interface Draft {
  cue: Span | undefined;
  cueLemma: string | undefined;
  verbClass: VerbClass | undefined;
  isVerbHedged: boolean;
  content: Span;
  contentParts: Span[];
  isDirectQuote: boolean;
  chain: ClaimSource[];
  cueSourceIndex: number;
  isNegated: boolean;
  isPassive: boolean;
  /** Set for "according to" drafts: a claim whose cue lies in this content takes this source as outer link. */
  isFrame?: boolean;
  /** Set for a report quoted inside a direct quote ("“… he said, ‘…’ …,” Mitchell recalled"): the quote's speaker. */
  quotedBy?: ClaimSource;
  /** A learned cue's wish ("wants to build") or judgement ("criticized the plan"); unset: an assertion. */
  kind?: ClaimKind;
}

interface Context extends SourceContext {
  readonly sentences: readonly Sentence[];
  readonly quotes: readonly QuoteSpan[];
  readonly articleName: string;
  /** Character offsets of cue words already used, so a cue serves one claim. */
  readonly usedCues: Set<number>;
  /** The dependency parse, when the doc has the deps and tokens layers (the rules alone run without it). */
  readonly parse?: ParseView;
  /** True on a question-and-answer page (two or more paragraphs opening "Q:"): "I"/"we" there is the interviewee. */
  readonly isInterview: boolean;
}

/** Paragraphs that open with an interviewer's question mark-up: "Q:", "Q.", "Question:". */
const QUESTION_PARAGRAPH_RE = /(?:^|\n)[ \t]*(?:Q|Question)[ \t]*[:.][ \t]/g;

/** A Q&A interview page: two or more question paragraphs. */
function isInterviewText(text: string): boolean {
  return (text.match(QUESTION_PARAGRAPH_RE)?.length ?? 0) >= 2;
}

/** Extracts the claims of one document. Pure: same doc and lexicon, same claims. */
export function extractClaims(doc: Doc, lexicon: ClaimsLexicon, cueModel?: CueModel): ClaimRecord[] {
  const text = withPlainQuoteMarks(doc.text);
  const sentences = [...(doc.layers.sentences ?? [])].sort((a, b) => a.start - b.start);
  const mentions = [...(doc.layers.mentions ?? [])].sort((a, b) => a.start - b.start);
  const entities: readonly DocEntity[] = doc.layers.entities ?? [];
  const ctx: Context = {
    text,
    lexicon,
    mentions,
    entities,
    sentences,
    quotes: findQuotes(text),
    articleName: doc.meta.outlet ?? 'the article',
    usedCues: new Set(),
    isInterview: isInterviewText(text),
    ...(doc.layers.deps && doc.layers.tokens && doc.layers.deps.length === doc.layers.tokens.length ? { parse: parseView(text, doc.layers.tokens, doc.layers.deps) } : {}),
  };
  const drafts: Draft[] = [];
  directQuotes(ctx, drafts);
  for (let si = 0; si < sentences.length; si++) reportedSpeech(ctx, si, drafts);
  if (ctx.parse) {
    applySyntax(ctx, ctx.parse, drafts);
    syntaxDrafts(ctx, ctx.parse, drafts, cueModel);
  }
  quotedReports(ctx, drafts);
  extendOpenQuotes(ctx, drafts);
  applyFrames(drafts);
  for (let si = 0; si < sentences.length; si++) articleVoice(ctx, si, drafts);
  return finish(ctx, drafts.filter((d) => !d.isFrame || d.chain.length > 0));
}

/**
 * "Trump said Clinton is “in the pocket of Big Oil. He’s got to be for oil, right?”": a reported content that opens a
 * quotation runs to its closing mark, across sentence ends (PolNeAR's content spans do the same).
 */
function extendOpenQuotes(ctx: Context, drafts: readonly Draft[]): void {
  for (const d of drafts) {
    if (d.isDirectQuote || d.contentParts.length !== 1 || d.content.end <= d.content.start) continue;
    const q = ctx.quotes.find((x) => !x.isOpenEnded && x.start >= d.content.start && x.start < d.content.end && x.end > d.content.end);
    if (!q || q.end - d.content.end > 1500) continue;
    d.content = { start: d.content.start, end: q.end };
    d.contentParts = [d.content];
  }
}

/**
 * Some feeds write quotation marks as two apostrophes (''…'', ‘‘…’’) or as ``…'' (the NYT archive convention). The rules read a
 * copy of the text where such a mark is one straight double quote plus a space, at the same offsets, so every span
 * still points into Doc.text: an opening mark becomes `" ` and a closing one ` "` (the span keeps both characters).
 */
function withPlainQuoteMarks(text: string): string {
  if (!/''|``|‘‘|’’/.test(text)) return text;
  return text.replace(/``|''|‘‘|’’/g, (mark, at: number) => {
    const before = at > 0 ? text[at - 1]! : ' ';
    const isOpening = mark === '``' || mark === '‘‘' || (mark !== '’’' && /[\s([{\u2014\u2013-]/.test(before));
    return isOpening ? '" ' : ' "';
  });
}

function sentenceIndexAt(ctx: Context, offset: number): number {
  let lo = 0;
  let hi = ctx.sentences.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = ctx.sentences[mid]!;
    if (s.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The closed quotation an offset lies in; an open-ended one (often a block quote) does not count. */
function insideQuote(ctx: Context, offset: number): QuoteSpan | undefined {
  return ctx.quotes.find((q) => q.start <= offset && offset < q.end && !q.isOpenEnded);
}

/** The reporting verb at token i (two-word forms first), or undefined when the word is not a cue here. */
function cueAt(ctx: Context, toks: readonly Tok[], i: number): { verb: ReportingVerb; last: number } | undefined {
  const t = toks[i];
  if (!t?.isWord) return undefined;
  const next = toks[i + 1];
  let verb: ReportingVerb | undefined;
  let last = i;
  if (next?.isWord) {
    verb = ctx.lexicon.verbForms.get(`${t.lower} ${next.lower}`);
    if (verb) last = i + 1;
  }
  verb ??= ctx.lexicon.verbForms.get(t.lower);
  if (!verb) return undefined;
  const prev = toks[i - 1];
  const prev2 = toks[i - 2];
  // "Some say …", "Many believe …" opening a sentence: a quantifier subject, not a determiner before a noun.
  const isQuantifierSubject = i === 1 && (prev?.lower === 'some' || prev?.lower === 'many') && !/s$/.test(t.lower);
  if (prev && NOUN_MARKERS.has(prev.lower) && !isQuantifierSubject) return undefined;
  if (prev && BE_FORMS.has(prev.lower)) return undefined;
  // Forms that are also nouns: "the IG's report", "a subsequent note", "a controversial tweet".
  if (NOUN_LEMMAS.has(verb.lemma) && !/(?:ed|ing)$/.test(t.lower) && prev) {
    if (/['’]s$/.test(prev.lower)) return undefined;
    if (prev2 && ['a', 'an', 'the', 'this', 'that', 'his', 'her', 'its', 'their', 'our'].includes(prev2.lower) && /^\p{Ll}/u.test(prev.text)) return undefined;
  }
  if (prev?.lower === 'to' && prev2?.lower !== 'yet') return undefined;
  // "dismissed reports that …": right after another reporting verb, the form is its object.
  if (prev?.isWord && ctx.lexicon.verbForms.has(prev.lower)) return undefined;
  // "a controversial tweet from …", "reports of …": a noun, not a verb.
  const after = toks[last + 1]?.lower;
  if (verb.lemma !== 'say' && after && ['from', 'of', 'by', 'was', 'is', 'were', 'are', 'have', 'has', 'had', 'will', 'would', 'could', 'may', 'might', 'emerged', 'surfaced', 'circulated'].includes(after)) return undefined;
  // "said" in "the so-called …" never reaches here (one token); a capitalised "Report" mid-sentence is a name.
  if (i > 0 && /^\p{Lu}/u.test(t.text) && verb.lemma !== 'say') return undefined;
  // "Asked about …, Christie said": a sentence-initial participle opens an adverbial, not a claim.
  if (i === 0 && /ed$/.test(t.lower)) return undefined;
  if (verb.verbClass === 'not-acknowledged') {
    const after = toks.slice(last + 1, last + 4).map((x) => x.lower).join(' ');
    if (!/^to\s/.test(after) || !DECLINE_OBJECTS.test(after.slice(3))) return undefined;
  }
  return { verb, last };
}

function isCueToken(ctx: Context, toks: readonly Tok[], i: number): boolean {
  return cueAt(ctx, toks, i) !== undefined;
}

function isNegationTok(t: Tok): boolean {
  return NEGATIONS.has(t.lower) || /n't$/.test(t.lower);
}

interface Subject {
  readonly span: Span;
  readonly chainSpans: readonly Span[];
  readonly isNegated: boolean;
}

/**
 * "Biden, who served as a senator for 36 years, said …": a non-restrictive "who" clause set off by commas between the
 * name and its verb is part of the speaker phrase (PolNeAR's source spans hold it); the name is found before the clause.
 * When the clause holds a reporting verb of its own (another claim's cue), the name alone is the speaker.
 */
function subjectWithWhoClause(ctx: Context, toks: readonly Tok[], i: number, floor: number): Subject | undefined {
  let c = i - 1;
  while (c > floor && (PREVERBAL.has(toks[c]!.lower) || isNegationTok(toks[c]!))) c--;
  // floor - 1: the name may be the sentence's first token ("Biden, who …").
  const opening = commaClauseOpening(toks, c, floor - 1);
  if (opening === undefined || toks[opening + 1]?.lower !== 'who') return undefined;
  const name = subjectBefore(ctx, toks, opening, floor);
  if (!name || name.span.end > toks[opening]!.start) return undefined;
  // "Okonkwo, who said last year that she would retire, told …": the clause's own claim keeps it; the name speaks.
  for (let j = opening + 2; j < c; j++) if (isCueToken(ctx, toks, j) || insideQuote(ctx, toks[j]!.start)) return name;
  let isNegated = name.isNegated;
  for (let j = c + 1; j < i; j++) if (isNegationTok(toks[j]!)) isNegated = true;
  return { ...name, span: { start: name.span.start, end: toks[c - 1]!.end }, isNegated };
}

/**
 * The subject of the cue at token i: a noun phrase before it in the same clause, with appositions
 * ("Maria Zakharova, the ministry's spokeswoman,") kept and "citing/quoting X" pieces split off as chain links.
 */
function subjectBefore(ctx: Context, toks: readonly Tok[], i: number, floor = 0): Subject | undefined {
  const withClause = subjectWithWhoClause(ctx, toks, i, floor);
  if (withClause) return withClause;
  let k = i - 1;
  // "Peskov, the Kremlin spokesman, said": the comma closing an apposition.
  if (toks[k]?.text === ',' && k > floor) k--;
  let isNegated = false;
  while (k >= 0) {
    const t = toks[k]!;
    const isAdverb = t.isWord && /^\p{Ll}[\p{Ll}-]{3,}ly$/u.test(t.text) && !['family', 'ally', 'italy'].includes(t.lower);
    if (PREVERBAL.has(t.lower) || isNegationTok(t) || isAdverb || (t.lower === 'to' && toks[k - 1]?.lower === 'yet')) {
      if (isNegationTok(t) || t.lower === 'yet') isNegated = true;
      k--;
    } else break;
  }
  if (k < 0) return undefined;
  // "… and says Obama is flouting …": a verb coordinated with an earlier one shares its subject.
  if ((toks[k]!.lower === 'and' || toks[k]!.lower === 'but') && k > floor) {
    let cs = k - 1;
    while (cs >= floor && !['.', ';', ':'].includes(toks[cs]!.text) && !(CLAUSE_BOUNDARIES.has(toks[cs]!.lower) && toks[cs]!.lower !== 'and' && toks[cs]!.lower !== 'but') && !(toks[cs]!.text === ',' && CLAUSE_BOUNDARIES.has(toks[cs + 1]?.lower ?? ''))) {
      // Step over a quotation as one unit: "She declared “What a night!” and said …".
      const q = ctx.quotes.find((x) => x.end === toks[cs]!.end && !x.isOpenEnded);
      cs = q ? toks.findIndex((x) => x.start === q.start) - 1 : cs - 1;
      if (q && cs < -1) break;
    }
    const shared = sentenceInitialSubject(toks, Math.max(floor, cs + 1), k);
    return shared ? { span: shared, chainSpans: [], isNegated } : undefined;
  }
  // "two officials who spoke on condition of anonymity because the case is before the courts said": a relative
  // clause between the subject and its verb is stepped over to its "who" (the nearest noun, "courts", is not the
  // source). Only a short clause in the same sentence with no other reporting verb.
  const relative = relativeClauseStart(ctx, toks, k, floor);
  if (relative !== undefined) k = relative;
  // "Iran's Foreign Ministry, which denied it in November, did not respond": the clause set off by commas is
  // stepped over whole (its own cue belongs to it), and the subject ends before its opening comma.
  const aside = commaClauseOpening(toks, k, floor);
  if (aside !== undefined) k = aside - 1;
  let relativeEnd: number | undefined;
  if (toks[k]!.lower === 'who') {
    // "voters who said …": the source runs to "who" (PolNeAR marks "who"); its head is the antecedent.
    relativeEnd = toks[k]!.end;
    k--;
    if (toks[k]?.text === ',') k--;
  }
  // A "who" or an aside at the very start of the text leaves no token for a subject (issue 17, WCXB page 4048).
  if (k < 0) return undefined;
  const end = k;
  let b = end;
  // A short quoted noun phrase stays in the subject: "“multiple intelligence sources” report".
  const quotedStart = (j: number): number | undefined => {
    const t = toks[j];
    if (!t || !(t.text === '”' || t.text === '"')) return undefined;
    const q = ctx.quotes.find((x) => x.end === t.end && !x.isOpenEnded);
    if (!q || wordCount(ctx.text, q.inner) > 8) return undefined;
    const at = toks.findIndex((x) => x.start === q.start);
    return at >= floor ? at : undefined;
  };
  const endQuote = quotedStart(end);
  if (endQuote !== undefined) b = endQuote;
  while (b - 1 >= floor && end - b < 30) {
    const t = toks[b - 1]!;
    const jump = quotedStart(b - 1);
    if (jump !== undefined) {
      b = jump;
      continue;
    }
    const isChainParticiple = (t.lower === 'citing' || t.lower === 'quoting' || t.lower === 'via') && toks[b - 2]?.text === ',';
    // "Trump and Clinton said": "and" joins a compound subject unless a comma comes first.
    let isJoin = (t.lower === 'and' || t.lower === 'or') && toks[b - 2]?.text !== ',';
    if (isJoin) {
      // Only a short left conjunct ("Iranian and Syrian officials", "Trump and Clinton"), not a whole clause.
      let n = 0;
      for (let j = b - 2; j >= floor && n <= 5; j--, n++) if (BOUNDARY_PUNCT.has(toks[j]!.text) || toks[j]!.text === ',' || CLAUSE_BOUNDARIES.has(toks[j]!.lower)) break;
      isJoin = n <= 4;
    }
    if (BOUNDARY_PUNCT.has(t.text) || (CLAUSE_BOUNDARIES.has(t.lower) && !isJoin) || (!isChainParticiple && isCueToken(ctx, toks, b - 1))) break;
    b--;
  }
  // Split at commas into pieces.
  const pieces: [number, number][] = [];
  let from = b;
  for (let j = b; j <= end + 1; j++) {
    if (j === end + 1 || toks[j]!.text === ',') {
      if (j > from) pieces.push([from, j - 1]);
      from = j + 1;
    }
  }
  const opens = (p: [number, number]): string => {
    const w = toks[p[0]]!.lower;
    const w2 = toks[p[0] + 1]?.lower;
    return w2 && ADVERBIAL_OPENERS.has(`${w} ${w2}`) ? `${w} ${w2}` : w;
  };
  // "While payloads bring to mind …, the companies said", "As part of an effort …, Esper announced": the walk back
  // stopped at a subordinator, so the first piece is the rest of a subordinate clause, not the subject.
  const stoppedAtSubordinator = b > floor && SUBORDINATORS.has(toks[b - 1]!.lower);
  if (stoppedAtSubordinator && pieces.length > 1) pieces.shift();
  // "A year ago, NASA announced", "Later that evening, he admitted", "Specifically, Volker confirmed": time phrases
  // and sentence adverbs before the subject.
  const isAdverbialPiece = (p: [number, number]): boolean => {
    const words = toks.slice(p[0], p[1] + 1).map((x) => x.lower);
    const last = words[words.length - 1] ?? '';
    const one = toks[p[0]]!;
    const isSentenceAdverb = words.length === 1 && /^\p{L}{4,}ly$/u.test(one.text) && (/^\p{Ll}/u.test(one.text) || !ctx.mentions.some((m) => m.start <= one.start && one.end <= m.end));
    return isSentenceAdverb || (words.length <= 5 && (last === 'ago' || TIME_NOUNS.has(last)));
  };
  while (pieces.length > 1 && (ADVERBIAL_OPENERS.has(opens(pieces[0]!)) || PREPOSITIONS.has(opens(pieces[0]!)) || isAdverbialPiece(pieces[0]!))) pieces.shift();
  while (pieces.length > 1 && ADVERBIAL_OPENERS.has(opens(pieces[pieces.length - 1]!)) && !/^(?:citing|quoting|via)$/.test(opens(pieces[pieces.length - 1]!))) pieces.pop();
  const first = pieces[0];
  if (!first) return undefined;
  while (first[0] < first[1] && CONNECTIVES.has(toks[first[0]]!.lower)) first[0]++;
  // "…, with Albright saying “…”": the participle's subject follows "with".
  if (toks[first[0]]!.lower === 'with' && first[0] < first[1] && /ing$/.test(toks[i]!.lower)) first[0]++;
  const chainSpans: Span[] = [];
  let last = first;
  for (const p of pieces.slice(1)) {
    const w = toks[p[0]]!.lower;
    if ((w === 'citing' || w === 'quoting' || w === 'via') && p[1] > p[0]) chainSpans.push({ start: toks[p[0] + 1]!.start, end: toks[p[1]]!.end });
    else if (chainSpans.length === 0) last = p;
  }
  const head = toks[first[0]]!;
  const headWord = QUOTE_MARKS.has(head.text) ? toks[first[0] + 1] : head;
  if (!headWord?.isWord || NOT_A_SUBJECT_START.has(headWord.lower)) return undefined;
  if (last[1] - first[0] > 24) return undefined;
  const tail = toks[last[1]]!;
  // A party bracket closes a name: "Rep. Stephen Lynch (D-Mass.) said".
  const closesBracket = tail.text === ')' && toks.slice(first[0], last[1]).some((x) => x.text === '(');
  if (['the', 'a', 'an', 'of', 'and', 'to'].includes(tail.lower) || (!tail.isWord && !closesBracket && quotedStart(last[1]) === undefined)) return undefined;
  if (CONNECTIVES.has(head.lower) && first[0] === first[1]) return undefined;
  // "a spokesman for the ministry on Thursday said": the time the words were said is not part of who said them.
  const spanEnd = relativeEnd ?? tail.end;
  const when = TRAILING_TIME_RE.exec(ctx.text.slice(head.start, spanEnd));
  return { span: { start: head.start, end: when && when.index > 0 ? head.start + when.index : spanEnd }, chainSpans, isNegated };
}

/** "… to a request for comment", "… to repeated requests to comment": what an unanswered request looks like. */
const NO_COMMENT_RE = /^\s*to\s+(?:(?:a|an|the|our|several|repeated|multiple|emailed|written|phone|telephone)\s+)*requests?\s+(?:for|to)\s+comment\b/i;

/** A time phrase closing a subject ("… on Thursday", "… late on Sunday", "… yesterday"). */
const TRAILING_TIME_RE =
  /\s+(?:(?:late|early)\s+)?on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?$|\s+(?:just\s+)?(?:yesterday|today|tonight|(?:last|this)\s+(?:week|night|month|year))$|\s+(?:released\s+)?in\s+(?:(?:early|mid|late)[\s-]+)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{4})?|(?:19|20)\d\d)$/;

/** A speaker phrase without the time it spoke: the parser hangs "on Saturday" on "The Times" in "The Times on Saturday wrote". */
function withoutTrailingTime(text: string, span: Span): Span {
  const when = TRAILING_TIME_RE.exec(text.slice(span.start, span.end));
  return when && when.index > 0 ? { start: span.start, end: span.start + when.index } : span;
}

/** The opening comma of a ", which …," / ", who …," clause whose closing comma is token k. */
function commaClauseOpening(toks: readonly Tok[], k: number, floor: number): number | undefined {
  if (toks[k]?.text !== ',') return undefined;
  for (let j = k - 1; j > floor && k - j <= MAX_RELATIVE_CLAUSE; j--) {
    const t = toks[j]!;
    if (t.text === '.' || BOUNDARY_PUNCT.has(t.text)) return undefined;
    if (t.text === ',') return ['which', 'who'].includes(toks[j + 1]?.lower ?? '') && j - 1 > floor ? j : undefined;
  }
  return undefined;
}

/** Whether token i sits in a clause opened by ", which" or ", who" with no comma since (a non-restrictive relative). */
function insideCommaClause(toks: readonly Tok[], i: number): boolean {
  for (let j = i - 1; j > 0 && i - j <= MAX_RELATIVE_CLAUSE; j--) {
    const t = toks[j]!;
    if (t.text === ',' || t.text === '.' || BOUNDARY_PUNCT.has(t.text)) return false;
    if ((t.lower === 'which' || t.lower === 'who') && toks[j - 1]?.text === ',') return true;
  }
  return false;
}

/** Longest relative clause (in tokens) stepped over between a subject and its reporting verb. */
const MAX_RELATIVE_CLAUSE = 20;

/**
 * The index of the "who" opening a relative clause that ends at token `k` (just before a reporting verb), when
 * the clause is short, has a verb of its own and holds no reporting verb, boundary punctuation or quotation.
 */
function relativeClauseStart(ctx: Context, toks: readonly Tok[], k: number, floor: number): number | undefined {
  if (toks[k]?.lower === 'who') return undefined;
  for (let j = k; j > floor && k - j < MAX_RELATIVE_CLAUSE; j--) {
    const t = toks[j]!;
    if (BOUNDARY_PUNCT.has(t.text) || t.text === '.' || QUOTE_MARKS.has(t.text) || isCueToken(ctx, toks, j)) return undefined;
    if (t.lower !== 'who') continue;
    // The clause must be more than one word and the word before "who" a noun ("officials who …"), not a clause start.
    const before = toks[j - 1];
    if (j === k || !before?.isWord || CLAUSE_BOUNDARIES.has(before.lower) || PRONOUN_SUBJECTS.has(before.lower)) return undefined;
    return j;
  }
  return undefined;
}

const PRONOUN_SUBJECTS = new Set(['he', 'she', 'they', 'we', 'i', 'it']);
/** Words that open a subordinate clause before a main clause: "While …, X said". */
const SUBORDINATORS = new Set(['while', 'although', 'though', 'as', 'if', 'when', 'because', 'since', 'after', 'before', 'whereas', 'once', 'until', 'unless']);
/** Nouns closing a time phrase: "Later that evening", "Earlier this month". */
const TIME_NOUNS = new Set(['morning', 'afternoon', 'evening', 'night', 'day', 'week', 'weekend', 'month', 'year', 'time', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

const FUNCTION_CAPS = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'as', 'if', 'when', 'while', 'after', 'before', 'for', 'so', 'but', 'and', 'yet', 'this', 'that', 'his', 'her', 'their', 'its', 'our', 'asked', 'speaking']);

/**
 * The subject of a clause, for "… and said …" and ", saying …": a leading adverbial piece ("In an interview
 * Thursday,") is skipped; then the first subject pronoun, else the first capitalised name with its article
 * ("the Wisconsin Republican").
 */
function sentenceInitialSubject(toks: readonly Tok[], from: number, until = toks.length): Span | undefined {
  let i = from;
  while (toks[i] && (CONNECTIVES.has(toks[i]!.lower) || QUOTE_MARKS.has(toks[i]!.text))) i++;
  if (toks[i] && ADVERBIAL_OPENERS.has(toks[i]!.lower)) {
    const comma = toks.findIndex((x, n) => n > i && n < i + 16 && x.text === ',');
    if (comma > 0) i = comma + 1;
  }
  // "the envoy criticised …": an article and up to three lower-case words before a verb-looking word.
  if (toks[i] && ['the', 'a', 'an'].includes(toks[i]!.lower) && !/^\p{Lu}/u.test(toks[i + 1]?.text ?? '')) {
    let e = i + 1;
    while (e < Math.min(until, i + 4) && toks[e]?.isWord && !/(?:ed|ised|ized)$/.test(toks[e]!.lower) && !BE_FORMS.has(toks[e]!.lower) && !PREVERBAL.has(toks[e]!.lower)) e++;
    if (e > i + 1 && e < until) return { start: toks[i]!.start, end: toks[e - 1]!.end };
  }
  for (let j = i; j < Math.min(until, i + 14); j++) {
    const t = toks[j]!;
    if (!t.isWord) continue;
    const bare = t.lower.replace(/['’](?:s|d|ll|re|ve)$/, '');
    if (PRONOUN_SUBJECTS.has(bare) && !(bare === 'it' && toks[j + 1]?.lower === 'is')) return { start: t.start, end: t.start + bare.length };
    if (/^\p{Lu}/u.test(t.text) && !FUNCTION_CAPS.has(t.lower)) {
      let e = j;
      while (toks[e] && /^\p{Lu}/u.test(toks[e]!.text) && e - j < 6) e++;
      const det = toks[j - 1] && ['the', 'a', 'an'].includes(toks[j - 1]!.lower) ? toks[j - 1]! : t;
      const last = toks[e - 1]!;
      // "China's ambassador to Britain": a possessive name is a modifier; the head noun phrase follows it.
      if (/['’]s$/.test(last.text) && e < until) {
        let h = e;
        while (h < Math.min(until, e + 3) && toks[h]?.isWord && /^\p{Ll}/u.test(toks[h]!.text) && !PREVERBAL.has(toks[h]!.lower) && !BE_FORMS.has(toks[h]!.lower) && !/ed$/.test(toks[h]!.lower) && !PREPOSITIONS.has(toks[h]!.lower)) h++;
        if (h > e) return { start: det.start, end: toks[h - 1]!.end };
      }
      return { start: det.start, end: last.end - (/['’]s$/.test(last.text) ? 2 : 0) };
    }
  }
  return undefined;
}

/** Chain phrases in a stretch of text: "citing three sources", "basing the claim on a report in …", "via X". */
function chainPhrases(text: string, span: Span): Span[] {
  const out: Span[] = [];
  const slice = text.slice(span.start, span.end);
  const re = /\b(?:citing|quoting|via|relaying|relayed from|per(?=\s+(?:the\s+)?\p{Lu}))\s+|\bbas(?:ing|ed)\s+(?:the|its|their|his|her|this|that)\s+(?:claims?|reports?|information|account|story|figures?|assertions?)\s+on\s+/gu;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const start = m.index + m[0].length;
    const rest = slice.slice(start);
    const stop = /[,;.](?:\s|$)|\s+(?:as saying|who|which|that|and said|and reported)\b|$/.exec(rest);
    const end = start + (stop ? stop.index : rest.length);
    if (end > start) out.push({ start: span.start + start, end: span.start + end });
  }
  return out;
}

/** Trims spaces, a final stop and an opening "But"/"And" from a content span. */
function trimContent(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  // A dateline opening the sentence is not content: "MACAU (Reuters) - …".
  const dateline = /^\p{Lu}[\p{Lu} .,'’-]+(?:\s*\([^)]{1,40}\))?\s*[-–—]\s+/u.exec(text.slice(start, end));
  if (dateline) start += dateline[0].length;
  // A discourse connective opening the sentence ties it to the writer's previous one; it is not what the source said
  // ("And the plan will fail, he said", "However, growth is slowing, the fund said"), as PolNeAR marks contents.
  const connective = LEADING_CONNECTIVE_RE.exec(text.slice(start, end));
  if (connective && connective[0].length < end - start) start += connective[0].length;
  while (end > start && /[\s.,;:]/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Sentence-opening connectives (the ones that may go without a comma, then those that need one). */
const LEADING_CONNECTIVE_RE =
  /^(?:(?:And|But|However|Yet)\b,?\s+|(?:In addition|For instance|For example|As it stands|Also|Still|So|Meanwhile|Moreover|Furthermore|Nonetheless|Nevertheless|Indeed|Instead|Besides|Of course),\s+)(?=\S)/u;

/** How the words were given, closing a content: "… in an interview with CNN", "… during an appearance on Fox". */
const HOW_SAID_RE = /\s+(?:in|during)\s+(?:an?|his|her|their|its)\s+(?:(?:recent|brief|exclusive|phone|telephone|televised|radio|TV|lengthy|written|joint|separate|later|earlier|new|email|e-mail)\s+)*(?:interview|interviews|statement|appearance|speech|email|e-mail|op-ed|press conference|news conference|conference call)\b/;

/**
 * Where the writer's own words take over at the end of a reported content (PolNeAR's contents end before them):
 * a non-restrictive ", who/which …" clause that runs to the end, a last dash clause with no
 * closing dash ("… — a play on words with …"), and how the words were given ("in an interview with CNN").
 * Quotations are never cut inside.
 */
function writerTailCut(ctx: Context, from: number, end: number): number {
  const { text } = ctx;
  const slice = text.slice(from, end);
  const outsideQuote = (at: number): boolean => !insideQuote(ctx, at);
  let cut = end;
  const how = HOW_SAID_RE.exec(slice);
  if (how && how.index > 0 && outsideQuote(from + how.index)) cut = Math.min(cut, from + how.index);
  const relative = /,\s+(?:who|which)\s[^,;:—–"“”]*$/u.exec(text.slice(from, cut));
  if (relative && relative.index > 0 && outsideQuote(from + relative.index)) cut = from + relative.index;
  const dash = /\s(?:—|–|--)\s[^—–"“”]*$/u.exec(text.slice(from, cut));
  if (dash && dash.index > 0 && !text.slice(from, from + dash.index).includes('--') && !/[—–]/u.test(text.slice(from, from + dash.index)) && outsideQuote(from + dash.index)) cut = from + dash.index;
  return cut;
}

/**
 * The end of the content: the sentence end, or earlier before a trailing "…, citing X" / "…, according to X",
 * ", while …", or a second reporting verb coordinated with the first ("… and argued that …", "… but noted …").
 */
function contentEnd(ctx: Context, from: number, sentenceEnd: number): number {
  const { text } = ctx;
  const slice = text.slice(from, sentenceEnd);
  let end = sentenceEnd;
  const m = /,\s+(?:citing|quoting|according to|basing|adding|saying|noting|arguing|insisting|warning|explaining|stressing|telling|in turn|while)\b/.exec(slice);
  if (m) end = from + m.index;
  // ", asserting that …", ", conceding …": any reporting participle after a comma is the speaker's next remark.
  const participle = /,\s+(\p{Ll}+ing)\b/gu;
  for (let p = participle.exec(slice); p && from + p.index < end; p = participle.exec(slice)) {
    const verb = ctx.lexicon.verbForms.get(p[1]!);
    if (verb && verb.verbClass !== 'chain' && !insideQuote(ctx, from + p.index)) {
      end = from + p.index;
      break;
    }
  }
  end = writerTailCut(ctx, from, end);
  const toks = tokenise(text, { start: from, end });
  for (let j = 1; j < toks.length - 1; j++) {
    const t = toks[j]!;
    if (t.lower !== 'and' && t.lower !== 'but') continue;
    let v = j + 1;
    if (['also', 'then', 'later'].includes(toks[v]?.lower ?? '')) v++;
    const verb = toks[v] ? ctx.lexicon.verbForms.get(toks[v]!.lower) : undefined;
    if (verb && verb.verbClass !== 'chain' && /(?:ed|[^s]s|id|ld|te|ote)$/.test(toks[v]!.lower) && !insideQuote(ctx, t.start)) {
      const prev = toks[j - 1]!;
      return prev.text === ',' ? prev.start : prev.end;
    }
  }
  const other = otherSpeakerClause(ctx, toks);
  return other ?? end;
}

const CLAUSE_COORDINATORS = new Set(['but', 'and', 'while', 'whereas', 'though', 'although', 'yet']);
const FINITE_CUE_RE = /(?:ed|[^s]s|id|ld|te|ote|ew|ought)$/;
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'these', 'those', 'this', 'such', 'news']);
const NOT_SUBJECT_WORDS = new Set(['that', 'who', 'which', 'whom', 'whose', 'if', 'when', 'as', 'to', 'what', 'how', 'why', 'whether']);

/**
 * Where a coordinated clause with a speaker of its own starts: "…, but residents said they had heard that before",
 * "…, though she noted …". What follows is that speaker's claim, not part of this content (nor relayed by it). The
 * subject is a short noun phrase (up to six words, no verb of the lexicon, no "that"/"who": "…, and that officials
 * said …" is still the content) right before a finite reporting verb. Never inside a quotation.
 */
function otherSpeakerClause(ctx: Context, toks: readonly Tok[]): number | undefined {
  for (let j = 1; j < toks.length - 2; j++) {
    if (toks[j - 1]!.text !== ',' || !CLAUSE_COORDINATORS.has(toks[j]!.lower) || insideQuote(ctx, toks[j]!.start)) continue;
    let words = 0;
    for (let k = j + 1; k < toks.length && k <= j + 9; k++) {
      const w = toks[k]!;
      const verb = ctx.lexicon.verbForms.get(w.lower);
      // "…, but the claims were …": a noun after a determiner, or followed by a verb of its own, is no cue.
      const isVerb = w.text === w.lower && !DETERMINERS.has(toks[k - 1]!.lower) && !BE_FORMS.has(toks[k + 1]?.lower ?? '') && !PREVERBAL.has(toks[k + 1]?.lower ?? '');
      if (words > 0 && verb && verb.verbClass !== 'chain' && FINITE_CUE_RE.test(w.lower) && isVerb) return toks[j - 1]!.start;
      if (words > 0 && PREVERBAL.has(w.lower)) continue;
      if (!w.isWord || words >= 6 || NOT_SUBJECT_WORDS.has(w.lower) || verb || BE_FORMS.has(w.lower) || PREVERBAL.has(w.lower)) break;
      words++;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Direct quotes

function directQuotes(ctx: Context, drafts: Draft[]): void {
  const { text } = ctx;
  const consumed = new Set<QuoteSpan>();
  let lastDirect: Draft | undefined;
  for (const q of ctx.quotes) {
    if (consumed.has(q)) continue;
    const si = sentenceIndexAt(ctx, Math.max(q.start, q.end - 1));
    const s = ctx.sentences[si];
    if (!s) continue;
    const draft = attributeAfter(ctx, q, s) ?? attributeBefore(ctx, q) ?? attributeColon(ctx, q);
    const signed = draft ? undefined : attributeSignature(ctx, q);
    if (signed) {
      // A signed quote is whole: the next paragraph's quote is another reader's, not a continuation.
      consumed.add(q);
      drafts.push(signed);
      lastDirect = undefined;
      continue;
    }
    if (draft) {
      consumed.add(q);
      // A quote broken by its attribution: "“…,” said Fars, “…”".
      const sourceEnd = Math.max(draft.chain[0]?.span?.end ?? 0, draft.cue?.end ?? 0, q.end);
      const next = ctx.quotes.find((x) => x.start >= sourceEnd && !consumed.has(x));
      if (next && /^[\s,:]*$/.test(text.slice(sourceEnd, next.start)) && sourceEnd > q.end) {
        consumed.add(next);
        draft.contentParts.push(next);
        draft.content = { start: draft.content.start, end: next.end };
      }
      drafts.push(draft);
      lastDirect = draft;
      continue;
    }
    // A continuation: the next quote opens right after the sentence that closed the previous one.
    if (lastDirect) {
      const lastPart = lastDirect.contentParts[lastDirect.contentParts.length - 1]!;
      const anchor = Math.max(lastPart.end, lastDirect.cue?.end ?? 0, lastDirect.chain[0]?.span?.end ?? 0);
      const anchorSentence = ctx.sentences[sentenceIndexAt(ctx, Math.max(0, anchor - 1))];
      const gapFrom = anchorSentence ? Math.max(anchor, anchorSentence.end) : anchor;
      // Or right after the period that ends the attribution, when the splitter did not break the sentence there (a
      // quotation mark it does not know as one: ''…'', he said. ''…'').
      const opensNextSentence = (gapFrom <= q.start && /^\s*$/.test(text.slice(gapFrom, q.start)) && /^[\s"“]*$/.test(text.slice(s.start, q.start))) || /^\s*[.!?]\s+$/.test(text.slice(anchor, q.start));
      if (opensNextSentence && wordCount(text, q.inner) >= 3) {
        consumed.add(q);
        lastDirect.contentParts.push(q);
        lastDirect.content = { start: lastDirect.content.start, end: q.end };
        continue;
      }
    }
    lastDirect = undefined;
  }
}

function wordCount(text: string, span: Span): number {
  return text.slice(span.start, span.end).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * A quotation right after a preposition, an article or a possessive ("in an interview on CBS's “Face the Nation,”
 * Ryan said the …", "on “Meet the Press”") is a title or a phrase inside the clause, not words the next verb reports.
 */
function isTitlePosition(ctx: Context, q: QuoteSpan, s: Sentence): boolean {
  const before = tokenise(ctx.text, { start: Math.max(s.start, q.start - 40), end: q.start });
  const last = before[before.length - 1];
  if (!last?.isWord) return false;
  return PREPOSITIONS.has(last.lower) || ['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my'].includes(last.lower) || /['’]s$/.test(last.lower);
}

/** A name signing a quote that fills its paragraph: `“…” ― Sonya Reyes`, `"…" — Dr. Ann Ho.` (readers' voices, epigraphs). */
const SIGNATURE_RE = /^[ \t]*[\u2014\u2015\u2013][ \t]*((?:\p{Lu}[\p{L}’'-]*\.?|\p{Lu}\.)(?:[ \t]+(?:\p{Lu}[\p{L}’'-]*\.?|\p{Lu}\.|de|van|von|da|del|la|y)){0,4})[ \t]*\.?[ \t]*(?:\n|$)/u;
const SIGNATURE_NOT_NAMES = /^(?:photo|photos|image|images|file|credit|courtesy|source|getty|video|watch|read|more|via|update|updated)\b/i;

function attributeSignature(ctx: Context, q: QuoteSpan): Draft | undefined {
  const { text } = ctx;
  const lineStart = text.lastIndexOf('\n', q.start - 1) + 1;
  if (text.slice(lineStart, q.start).trim() !== '' || q.isOpenEnded) return undefined;
  const m = SIGNATURE_RE.exec(text.slice(q.end, q.end + 120));
  if (!m || SIGNATURE_NOT_NAMES.test(m[1]!)) return undefined;
  const dash = q.end + m[0].search(/[\u2014\u2015\u2013]/u);
  const nameStart = q.end + m[0].indexOf(m[1]!);
  const name = trimContent(text, { start: nameStart, end: nameStart + m[1]!.length });
  return directDraft(ctx, q, { start: dash, end: dash + 1 }, 'say', undefined, name, []);
}

/** `“…,” said Fars` / `“…,” he said` / `“…” — according to X`. */
function attributeAfter(ctx: Context, q: QuoteSpan, s: Sentence): Draft | undefined {
  const { text } = ctx;
  const innerText = text.slice(q.inner.start, q.inner.end).trimEnd();
  const regionEnd = Math.max(s.end, q.end);
  const toks = tokenise(text, { start: q.end, end: Math.min(regionEnd, q.end + 400) });
  let i = 0;
  const lead = toks[0];
  // "…,’" too: an inner quotation closing with the outer one ("he said, ‘Our approach has failed,’”).
  const endsOpen = /[,?!\u2014\u2013-][’']?$/.test(innerText);
  if (lead && (lead.text === ',' || DASHES.has(lead.text))) i++;
  else if (!endsOpen) return undefined;
  if (isTitlePosition(ctx, q, s)) return undefined;
  if (!toks[i]) return undefined;
  const stopAt = (from: number): number => {
    let j = from;
    while (j < toks.length && (!['.', ';', '!', '?', '“', '"', '(', ')'].includes(toks[j]!.text) || isNameInnerMark(toks, j, from))) {
      if (toks[j]!.text === ',' && QUOTE_MARKS.has(toks[j + 1]?.text ?? '')) break;
      if (toks[j]!.text === ',' && /^(?:citing|quoting|adding|according|basing|in)$/.test(toks[j + 1]?.lower ?? '')) break;
      j++;
    }
    return j;
  };
  // (c) "— according to X"
  if (toks[i]!.lower === 'according' && toks[i + 1]?.lower === 'to' && toks[i + 2]) {
    const j = stopAt(i + 2);
    if (j <= i + 2) return undefined;
    const srcSpan = { start: toks[i + 2]!.start, end: toks[j - 1]!.end };
    return directDraft(ctx, q, { start: toks[i]!.start, end: toks[i + 1]!.end }, 'according to', undefined, srcSpan, chainPhrases(text, { start: srcSpan.end, end: s.end }));
  }
  // (a) cue first: "said Fars", "added the minister"
  const cueFirst = cueAtLoose(ctx, toks, i);
  if (cueFirst && cueFirst.verb.verbClass !== 'chain' && looksLikeNounPhraseStart(ctx, toks[cueFirst.last + 1])) {
    const j = stopAt(cueFirst.last + 1);
    if (j > cueFirst.last + 1) {
      const srcSpan = trimTrailingAdverbial(text, { start: toks[cueFirst.last + 1]!.start, end: toks[j - 1]!.end });
      return directDraft(ctx, q, { start: toks[i]!.start, end: toks[cueFirst.last]!.end }, cueFirst.verb.lemma, cueFirst.verb, srcSpan, chainPhrases(text, { start: srcSpan.end, end: s.end }));
    }
  }
  // (b) source first: "he said", "the Russian agency reported on Thursday",
  // or "the news agency quoted a senior official as saying" (two links).
  let chainAt = -1;
  for (let k = i + 1; k < Math.min(toks.length, i + 24); k++) {
    const t = toks[k]!;
    // "Mr. Obama said", "Sen. Warren said": the period of a title or an initial does not end the attribution.
    if (['.', ';', '!', '?', '“', '"'].includes(t.text) && !isNameInnerMark(toks, k, i)) break;
    const cue = cueAtLoose(ctx, toks, k);
    if (cue?.verb.verbClass === 'chain' && chainAt < 0) {
      chainAt = k;
      continue;
    }
    if (!cue || cue.verb.verbClass === 'chain') continue;
    if (chainAt > i && t.lower === 'saying' && toks[k - 1]?.lower === 'as' && k - 2 > chainAt) {
      const outer = { start: toks[i]!.start, end: toks[chainAt - 1]!.end };
      const inner = { start: toks[chainAt + 1]!.start, end: toks[k - 2]!.end };
      const d = directDraft(ctx, q, { start: toks[chainAt]!.start, end: t.end }, 'quote', undefined, outer, [inner]);
      d.cueSourceIndex = 1;
      return d;
    }
    if (chainAt >= 0) break;
    let e = k - 1;
    let isNegated = false;
    while (e > i && (PREVERBAL.has(toks[e]!.lower) || isNegationTok(toks[e]!) || /^\p{Ll}{3,}ly$/u.test(toks[e]!.text))) {
      if (isNegationTok(toks[e]!)) isNegated = true;
      e--;
    }
    if (e < i || !toks[i]!.isWord || CLAUSE_BOUNDARIES.has(toks[i]!.lower) || CONNECTIVES.has(toks[i]!.lower)) break;
    const afterCue = toks[cue.last + 1];
    const continues = afterCue?.text === ',' && QUOTE_MARKS.has(toks[cue.last + 2]?.text ?? '');
    // "“This Week,” Carson admitted that …": the verb has its own content, so the quote is not what it reports.
    if (!continues && afterCue?.lower === 'that') break;
    let srcEnd = e;
    while (srcEnd > i && toks[srcEnd]!.text === ',') srcEnd--;
    const srcSpan = { start: toks[i]!.start, end: toks[srcEnd]!.end };
    const d = directDraft(ctx, q, { start: t.start, end: toks[cue.last]!.end }, cue.verb.lemma, cue.verb, srcSpan, chainPhrases(text, { start: toks[cue.last]!.end, end: s.end }));
    d.isNegated = isNegated;
    return d;
  }
  return undefined;
}

/** Title abbreviations and initials whose period does not end a name: "Sen.", "Dr.", "John F. Kennedy", "U.S.". */
const NAME_ABBREVIATION_RE = /^(?:Lt|Sgt|Gov|Sen|Rep|Dr|Mr|Mrs|Ms|Gen|Col|Capt|Maj|Adm|Cpl|Pvt|Det|Prof|Rev|Hon|St|Jr|Sr|Gov|Atty|Supt|Insp|Cmdr|\p{Lu}|U\.S|D\.C)$/u;

/**
 * True when the mark at token j is inside a speaker's name, not after it: the period of "Sen." or of an initial before a
 * capitalised word, or a bracket of "(I-Vt.)" opened after `from`.
 */
function isNameInnerMark(toks: readonly Tok[], j: number, from: number): boolean {
  const t = toks[j]!;
  const prev = toks[j - 1];
  const next = toks[j + 1];
  if (t.text === '(') return next !== undefined && /^\p{Lu}/u.test(next.text) && toks.slice(j + 1, j + 6).some((x) => x.text === ')');
  const openBracket = toks.slice(from, j).filter((x) => x.text === '(').length > toks.slice(from, j).filter((x) => x.text === ')').length;
  if (t.text === ')') return openBracket;
  if (t.text !== '.') return false;
  if (openBracket) return true;
  return prev !== undefined && NAME_ABBREVIATION_RE.test(prev.text) && prev.end === t.start && next !== undefined && /^\p{Lu}/u.test(next.text);
}

/** Like cueAt, but a capitalised or sentence-initial verb is fine (after a quote, "Said" is rare but "said" is everywhere). */
function cueAtLoose(ctx: Context, toks: readonly Tok[], i: number): { verb: ReportingVerb; last: number } | undefined {
  const t = toks[i];
  if (!t?.isWord) return undefined;
  const next = toks[i + 1];
  const two = next?.isWord ? ctx.lexicon.verbForms.get(`${t.lower} ${next.lower}`) : undefined;
  if (two) return { verb: two, last: i + 1 };
  const verb = ctx.lexicon.verbForms.get(t.lower);
  if (!verb || verb.verbClass === 'not-acknowledged') return undefined;
  const prev = toks[i - 1];
  if (prev && (NOUN_MARKERS.has(prev.lower) || BE_FORMS.has(prev.lower))) return undefined;
  if (/^\p{Lu}/u.test(t.text) && verb.lemma !== 'say') return undefined;
  return { verb, last: i };
}

const TRAILING_ADVERBIAL_RE = /\s+(?:on|late|early|earlier|in an? (?:statement|interview|speech|post|tweet|briefing)|at an? |during|last|this|yesterday|today|tonight)\b.*$/s;

function trimTrailingAdverbial(text: string, span: Span): Span {
  const slice = text.slice(span.start, span.end);
  const m = TRAILING_ADVERBIAL_RE.exec(slice);
  // Keep "Minister of Defence in Moscow"-style tails only when the cut would leave nothing.
  const end = m && m.index > 0 ? span.start + m.index : span.end;
  return { start: span.start, end };
}

/** `He said: “…”` / `Fars quoted him as saying “…”` / `She told Reuters that “…”`. */
function attributeBefore(ctx: Context, q: QuoteSpan): Draft | undefined {
  const { text } = ctx;
  const si = sentenceIndexAt(ctx, q.start);
  const s = ctx.sentences[si];
  if (!s) return undefined;
  const prevQuote = [...ctx.quotes].reverse().find((x) => x.end <= q.start && x.end > s.start);
  const from = prevQuote ? prevQuote.end : s.start;
  if (from >= q.start) return undefined;
  const toks = tokenise(text, { start: from, end: q.start });
  if (toks.length === 0) return undefined;
  // Walk back over what may stand between a cue and its quote: ":", ",", "that", "as saying", recipients, time.
  let k = toks.length - 1;
  let thatTok: Tok | undefined;
  let budget = 8;
  while (k >= 0 && budget-- > 0) {
    const t = toks[k]!;
    const cue = cueAt(ctx, toks, k) ?? (k === 0 ? cueAtLoose(ctx, toks, k) : undefined);
    if (cue && cue.last >= k) {
      // "quoted an official as saying “…”" and ", saying “…”" belong to the reported-speech pass.
      if (cue.verb.verbClass === 'chain' || /ing$/.test(toks[k]!.lower)) return undefined;
      const between = toks.slice(cue.last + 1).filter((x) => x !== thatTok);
      const isAllowed = between.every((x) => x.text === ':' || x.text === ',' || /^\p{Lu}/u.test(x.text) || ['on', 'in', 'a', 'an', 'the', 'to', 'statement', 'interview', 'reporters', 'journalists', 'at', 'news', 'press', 'conference', 'briefing', 'post', 'late', 'earlier', 'this', 'week', 'as', 'saying', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'morning', 'evening', 'night', 'afternoon', 'television', 'told'].includes(x.lower));
      if (!isAllowed) return undefined;
      const lastTok = toks[toks.length - 1]!;
      if (toks.indexOf(lastTok) === cue.last && !cue.verb.frames.has('bare')) return undefined;
      if (!(lastTok.text === ':' || lastTok.text === ',' || lastTok === thatTok || lastTok.lower === 'saying' || toks.indexOf(lastTok) === cue.last || /^\p{Lu}/u.test(lastTok.text))) return undefined;
      // Find the subject in the sentence tokens (the lead may start mid-sentence after an earlier quote).
      const sentToks = tokenise(text, { start: s.start, end: q.start });
      const ci = sentToks.findIndex((x) => x.start === toks[k]!.start);
      const subject = ci >= 0 ? subjectBefore(ctx, sentToks, ci) : undefined;
      if (!subject) return undefined;
      // "He said: “…”" — the colon belongs to the cue (PolNeAR guidelines).
      const colon = toks[cue.last + 1]?.text === ':' ? toks[cue.last + 1] : undefined;
      const cueSpan = { start: toks[k]!.start, end: (colon ?? toks[cue.last]!).end };
      const d = directDraft(ctx, q, cueSpan, cue.verb.lemma, cue.verb, subject.span, subject.chainSpans);
      d.isNegated = subject.isNegated;
      if (thatTok) d.content = { start: thatTok.start, end: d.content.end };
      return d;
    }
    if (t.lower === 'that' && !thatTok && k === toks.length - 1) thatTok = t;
    k--;
  }
  return undefined;
}

/**
 * A quote introduced by a colon, in the same sentence or the one before: `Cruz continued: “…”`,
 * `The statement reads:` + a quoted paragraph, `Kerry: "…"`. The word before the colon is the cue when it
 * looks like a verb (a reporting verb, or an -ed/-s form); a short capitalised name alone is the source.
 */
function attributeColon(ctx: Context, q: QuoteSpan): Draft | undefined {
  const { text } = ctx;
  let c = q.start - 1;
  while (c >= 0 && /\s/.test(text[c]!)) c--;
  if (c < 0 || text[c] !== ':') return undefined;
  const s = ctx.sentences[sentenceIndexAt(ctx, c)];
  if (!s) return undefined;
  const toks = tokenise(text, { start: s.start, end: c });
  const last = toks[toks.length - 1];
  if (!last?.isWord || insideQuote(ctx, last.start)) return undefined;
  const colonSpan = { start: c, end: c + 1 };
  const verb = ctx.lexicon.verbForms.get(last.lower);
  if (/^\p{Ll}/u.test(last.text) && (verb || /(?:ed|[^s]s)$/.test(last.lower))) {
    const subject = subjectBefore(ctx, toks, toks.length - 1);
    if (!subject) return undefined;
    const d = directDraft(ctx, q, { start: last.start, end: c + 1 }, verb?.lemma ?? last.lower, verb && verb.verbClass !== 'chain' ? verb : undefined, subject.span, subject.chainSpans);
    d.isNegated = subject.isNegated;
    return d;
  }
  const first = toks[0];
  if (first && toks.length <= 6 && /^\p{Lu}/u.test(first.text) && !COLON_LABELS.test(text.slice(first.start, last.end)) && isIdentifiedSource(ctx, describeSource(ctx, { start: first.start, end: last.end }))) {
    return directDraft(ctx, q, colonSpan, ':', undefined, { start: first.start, end: last.end }, []);
  }
  return undefined;
}

/**
 * Whether a "Name: …" label names a source: an outlet, an anonymous official, a social account, a document, a tagged
 * name (a mention), a title ("Spokesman:") or an organisation noun ("Kremlin:"). Page labels ("Award: …", "Cooling
 * Test: …", "Price: …") are capitalised words with none of these, and attribute nothing.
 */
function isIdentifiedSource(ctx: Context, src: ClaimSource): boolean {
  if (src.isUnresolved) return false;
  if (src.kind === 'outlet' || src.kind === 'anonymous' || src.kind === 'social-media' || src.kind === 'document') return true;
  if (src.mentionId !== undefined || src.role !== undefined) return true;
  return src.kind === 'organisation' && ctx.lexicon.patterns.organisationNounAtEnd.test(src.name.toLowerCase());
}

function directDraft(ctx: Context, q: QuoteSpan, cue: Span, lemma: string, verb: ReportingVerb | undefined, sourceSpan: Span, chainSpans: readonly Span[]): Draft {
  for (let o = cue.start; o < cue.end; o++) ctx.usedCues.add(o);
  const source = describeSource(ctx, sourceSpan);
  return {
    cue,
    cueLemma: lemma,
    verbClass: verb?.verbClass ?? 'asserted',
    isVerbHedged: verb?.isHedged ?? false,
    content: { start: q.start, end: q.end },
    contentParts: [{ start: q.start, end: q.end }],
    isDirectQuote: true,
    chain: [source, ...chainSpans.map((sp) => describeSource(ctx, sp))],
    cueSourceIndex: 0,
    isNegated: false,
    isPassive: false,
  };
}

// ---------------------------------------------------------------------------------------------------
// Reported speech in one sentence

function reportedSpeech(ctx: Context, si: number, drafts: Draft[]): void {
  const { text } = ctx;
  const s = ctx.sentences[si]!;
  const toks = tokenise(text, s);
  const sentText = text.slice(s.start, s.end);

  // "would neither confirm nor deny" — one cue, not acknowledged.
  const neither = /\bneither\s+confirm(?:ed|s)?\s+nor\s+den(?:y|ied|ies)\b/i.exec(sentText);
  const neitherSpan = neither ? { start: s.start + neither.index, end: s.start + neither.index + neither[0].length } : undefined;

  // Headline style "Kremlin: Report of Moscow trip is false" — a short capitalised source, a colon, the content.
  const colon = /^(\p{Lu}[\p{L}\p{N}.’'&-]*(?:\s+(?:of|the|and|for|&|\p{Lu}[\p{L}\p{N}.’'&-]*)){0,5})\s*:\s+(?=\S)/u.exec(sentText);
  if (colon && !COLON_LABELS.test(colon[1]!) && !ctx.usedCues.has(s.start + colon[1]!.length) && isIdentifiedSource(ctx, describeSource(ctx, { start: s.start, end: s.start + colon[1]!.length }))) {
    const at = s.start + colon[0].indexOf(':');
    const content = trimContent(text, { start: s.start + colon[0].length, end: s.end });
    const isQuote = ctx.quotes.find((q) => q.start === content.start);
    // "Jonathan Blair: Possession of methamphetamine, …": with a parse, a content with no verb is a list line, not a statement.
    const hasVerb = (span: Span): boolean => {
      const parse = ctx.parse;
      if (!parse || isQuote) return true;
      for (let t = tokenAt(parse.tokens, span.start); t >= 0 && t < parse.tokens.length && parse.tokens.start[t]! < span.end; t++) {
        if (parse.tokens.pos[t] === VERB_TAG || parse.tokens.pos[t] === AUX_TAG) return true;
      }
      return false;
    };
    if (content.end > content.start && !insideQuote(ctx, s.start) && hasVerb(content)) {
      ctx.usedCues.add(at);
      drafts.push({
        ...indirectDraft(ctx, { start: at, end: at + 1 }, ':', 'asserted', false, isQuote ? { start: isQuote.start, end: isQuote.end } : content, { span: { start: s.start, end: s.start + colon[1]!.length }, chainSpans: [], isNegated: false }),
        isDirectQuote: isQuote !== undefined,
      });
    }
  }

  // "According to X, …" / "…, according to X."
  const according = /\baccording to\s+/gi;
  for (let m = according.exec(sentText); m; m = according.exec(sentText)) {
    const at = s.start + m.index;
    if (insideQuote(ctx, at) || ctx.usedCues.has(at)) continue;
    const srcStart = at + m[0].length;
    const rest = text.slice(srcStart, s.end);
    const stop = /,|;|\s+(?:that|who)\b|[.!?]["”]?\s*$|$/.exec(rest)!;
    let srcSpan = { start: srcStart, end: srcStart + stop.index };
    if (srcSpan.end <= srcSpan.start) continue;
    const before = text.slice(s.start, at);
    // Leading ("According to X, …") also after a clause break: "…, but according to X, …".
    const isLeading = /(?:^[\s"“]*|[;:]\s*|\b(?:but|and|yet|while|whereas)\s+)(?:(?:but|and|yet|however|meanwhile|also|still),?\s+)?$/i.test(before);
    let content: Span;
    const isFrame = isLeading && text[srcSpan.end] === ',';
    if (!isLeading) {
      // "…, according to SepahNews, the Guards' official site." — the apposition names the source too.
      const tail = text.slice(srcStart, s.end);
      const end = /,\s+(?:citing|quoting|which|who|basing)\b|[.!?]["”]?\s*$|$/.exec(tail)!;
      srcSpan = trimContent(text, { start: srcStart, end: srcStart + end.index });
    }
    if (isFrame) content = trimContent(text, { start: srcSpan.end + 1, end: contentEnd(ctx, srcSpan.end + 1, s.end) });
    else content = trimContent(text, { start: s.start, end: at });
    if (content.end <= content.start) continue;
    for (let o = at; o < at + 12; o++) ctx.usedCues.add(o);
    drafts.push({
      cue: { start: at, end: at + 'according to'.length },
      cueLemma: 'according to',
      verbClass: 'asserted',
      isVerbHedged: false,
      content,
      contentParts: [content],
      isDirectQuote: false,
      chain: [employerOutlet(ctx, srcSpan) ?? describeSource(ctx, srcSpan), ...chainPhrases(text, { start: srcSpan.end, end: s.end }).filter((c) => c.start > srcSpan.end && !(c.start >= content.start && c.end <= content.end)).map((sp) => describeSource(ctx, sp))],
      cueSourceIndex: 0,
      isNegated: false,
      isPassive: false,
      isFrame,
    });
  }

  // "called the report false": a denial whose content sits between the verb and the judgement.
  const called = /\bcall(?:ed|s|ing)?\s+(.{1,120}?)\s+(?:(?:completely|totally|entirely|utterly|simply)\s+)?(?:false|baseless|untrue|fake|fabricated|a lie|lies|nonsense|groundless|unfounded|absurd|fiction|a fabrication|propaganda|fake news)\b/gi;
  for (let m = called.exec(sentText); m; m = called.exec(sentText)) {
    const at = s.start + m.index;
    const ti = toks.findIndex((t) => t.start === at);
    if (ti < 0 || insideQuote(ctx, at)) continue;
    const subject = subjectBefore(ctx, toks, ti);
    if (!subject) continue;
    const contentStart = at + m[0].indexOf(m[1]!, m[0].indexOf(' '));
    const content = { start: contentStart, end: contentStart + m[1]!.length };
    const cue = { start: at, end: toks[ti]!.end };
    for (let o = cue.start; o < cue.end; o++) ctx.usedCues.add(o);
    drafts.push(indirectDraft(ctx, cue, 'call', 'denied', false, content, subject));
  }

  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const quote = insideQuote(ctx, t.start);
    if (ctx.usedCues.has(t.start)) continue;
    if (quote) {
      const inner = reportInsideQuote(ctx, toks, i, s, drafts, quote);
      if (inner) drafts.push(inner);
      continue;
    }
    if (neitherSpan && t.start >= neitherSpan.start && t.start < neitherSpan.end) {
      if (t.lower !== 'confirm' && !t.lower.startsWith('confirm')) continue;
      const ni = toks.findIndex((x) => x.start === neitherSpan.start);
      const subject = subjectBefore(ctx, toks, ni);
      if (!subject) continue;
      for (let o = neitherSpan.start; o < neitherSpan.end; o++) ctx.usedCues.add(o);
      const after = toks.find((x) => x.start >= neitherSpan.end);
      const content = after ? trimContent(text, { start: after.start, end: contentEnd(ctx, after.start, s.end) }) : { start: neitherSpan.end, end: neitherSpan.end };
      drafts.push(indirectDraft(ctx, neitherSpan, 'confirm', 'not-acknowledged', false, content, subject));
      continue;
    }
    const cue = cueAt(ctx, toks, i);
    if (!cue) continue;
    const cueSpan = { start: t.start, end: toks[cue.last]!.end };
    const d = cue.verb.verbClass === 'chain' ? chainVerb(ctx, toks, i, cue, s, drafts) : reportingVerb(ctx, toks, i, cue, s, drafts);
    if (d === 'handled') {
      for (let o = cueSpan.start; o < cueSpan.end; o++) ctx.usedCues.add(o);
      i = cue.last;
      continue;
    }
    if (!d) continue;
    for (let o = cueSpan.start; o < cueSpan.end; o++) ctx.usedCues.add(o);
    drafts.push(d);
    i = cue.last;
  }
}

/** Speakers that inside a quotation are the quoted speaker or the reader, not a third party: "I said", "you say". */
const QUOTE_SELF_RE = /^(?:i|we|you|he|she|they|it|this|that|people|everyone|everybody|somebody|someone|everything|what|whatever|nothing)$/i;

/** "… he said, ‘…’": a speaker (a pronoun, "people", or up to three capitalised words) and a saying verb before a single quotation mark. */
const INNER_QUOTE_RE = /(?<![\p{L}’'])((?:[Hh]e|[Ss]he|[Tt]hey|[Pp]eople|[Hh]is people|[Hh]er people|\p{Lu}[\p{L}’'.-]*(?: \p{Lu}[\p{L}’'.-]*){0,2})) (said|says|say|told me|told us|replied|added)(?:,|:)? ?([‘']|'')(?=\p{L})/gu;

/**
 * A quotation inside a direct quote: "“In my first meeting with him, he said, ‘Our approach hasn't worked,’” Mitchell
 * recalled" → [Mitchell, he]. Inside someone's quoted words "he", "she" and "they" are never that speaker (who would say
 * "I"), so the pronoun is left to the entity stage's coreference and is otherwise an unidentified speaker; the quote's
 * speaker is added as the outer link by the nesting step. "I said, ‘…’" is the speaker's own voice and makes nothing.
 */
function quotedReports(ctx: Context, drafts: Draft[]): void {
  const { text } = ctx;
  for (const o of [...drafts]) {
    if (!o.isDirectQuote || o.cueSourceIndex < 0) continue;
    const speaker = o.chain[o.cueSourceIndex];
    if (!speaker) continue;
    for (const part of o.contentParts) {
      const inner = text.slice(part.start, part.end);
      for (const m of inner.matchAll(INNER_QUOTE_RE)) {
        const at = part.start + m.index!;
        const cueStart = at + m[1]!.length + 1;
        if (ctx.usedCues.has(cueStart) || /^(?:It|This|That|What|There|I|We|You)$/.test(m[1]!)) continue;
        const verb = ctx.lexicon.verbForms.get(m[2]!.split(' ')[0]!);
        if (!verb) continue;
        const open = at + m[0].length - m[3]!.length;
        // The closing single mark: a ’ or ' after a non-space and before a non-letter; else the end of the outer quote.
        const rest = text.slice(open + m[3]!.length, part.end);
        const close = /\S([’']|'')(?![\p{L}])/u.exec(rest);
        const end = close ? open + m[3]!.length + close.index + 1 + close[1]!.length : part.end - 1;
        const content = { start: open, end };
        if (wordCount(text, content) < 3) continue;
        const cue = { start: cueStart, end: cueStart + m[2]!.length };
        for (let c = cue.start; c < cue.end; c++) ctx.usedCues.add(c);
        const d = indirectDraft(ctx, cue, verb.lemma, verb.verbClass, verb.isHedged, content, { span: { start: at, end: at + m[1]!.length }, chainSpans: [], isNegated: false });
        d.isDirectQuote = true;
        d.quotedBy = speaker;
        drafts.push(d);
      }
    }
  }
}

/**
 * "“Specifically, Ambassador Volker confirmed under oath that he …,” Grisham said": a third party's report inside a
 * quotation is a claim of its own, relayed by the quote's speaker (the nesting step adds that outer link). Only a
 * relaying verb with a named or described subject inside the same quotation, and its content inside it too; "I said",
 * "you say", "he told me" are the quoted speaker's own voice and stay part of the quote. Only with a parse: without
 * one, clause boundaries inside quotations are too loose to find a speaker.
 */
function reportInsideQuote(ctx: Context, toks: readonly Tok[], i: number, s: Sentence, drafts: readonly Draft[], quote: QuoteSpan): Draft | undefined {
  // Only inside a quotation we attribute: its speaker is the outer link (an unattributed quote relays nothing).
  const isAttributed = drafts.some((o) => o.isDirectQuote && o.cueSourceIndex >= 0 && o.contentParts.some((p) => p.start < quote.inner.end && quote.inner.start < p.end));
  const cue = ctx.parse && isAttributed ? cueAt(ctx, toks, i) : undefined;
  if (!cue || cue.verb.verbClass === 'chain' || !NEST_LEMMAS.has(cue.verb.lemma)) return undefined;
  const d = reportingVerb(ctx, toks, i, cue, s, drafts);
  if (!d || d === 'handled' || d.cueSourceIndex < 0 || d.isDirectQuote) return undefined;
  const speaker = d.chain[d.cueSourceIndex]?.span;
  const within = (sp: Span): boolean => quote.inner.start <= sp.start && sp.end <= quote.inner.end;
  if (!speaker || !within(speaker) || d.contentParts.length !== 1) return undefined;
  // Clause boundaries inside spoken words are loose: only a short, clean noun phrase right before the verb speaks
  // ("Ambassador Volker confirmed"), never a clause piece ("The problem is, we tell", "they're told").
  const speakerText = ctx.text.slice(speaker.start, speaker.end);
  const isCleanPhrase = /^[\p{L}\p{N} .-]+$/u.test(speakerText) && wordCount(ctx.text, speaker) <= 5 && /^\s*$/.test(ctx.text.slice(speaker.end, d.cue!.start));
  if (!isCleanPhrase || speakerText.split(/\s+/).some((w) => QUOTE_SELF_RE.test(w)) || /\b(?:is|are|was|were|has|have|had)\b/.test(speakerText)) return undefined;
  if (d.content.start < d.cue!.end || /^["“”]/.test(ctx.text.slice(d.content.start, d.content.end)) || wordCount(ctx.text, d.content) < 3) return undefined;
  // Only with a parse, and the phrase must be the verb's own subject (not one borrowed through a coordination or a clause).
  if (!ctx.parse) return undefined;
  const v = tokenAt(ctx.parse.tokens, d.cue!.start);
  const arcs = v >= 0 ? speechArcs(ctx.parse, v) : undefined;
  if (!arcs?.subject || arcs.isSubjectInherited || arcs.subject.end > d.cue!.start || arcs.subject.end <= speaker.start || speaker.end <= arcs.subject.start) return undefined;
  // The sentence runs on past the closing mark ("…,” Grisham said"): the content ends with the quotation.
  if (d.content.start >= quote.inner.end) return undefined;
  d.content = trimContent(ctx.text, { start: d.content.start, end: Math.min(d.content.end, quote.inner.end) });
  d.contentParts = [d.content];
  if (d.chain.some((link) => link.isUnresolved || link.kind === 'article')) return undefined;
  for (let o = d.cue!.start; o < d.cue!.end; o++) ctx.usedCues.add(o);
  return d;
}

function indirectDraft(ctx: Context, cue: Span, lemma: string, verbClass: VerbClass, isVerbHedged: boolean, content: Span, subject: Subject): Draft {
  return {
    cue,
    cueLemma: lemma,
    verbClass,
    isVerbHedged,
    content,
    contentParts: [content],
    isDirectQuote: false,
    chain: [describeSource(ctx, subject.span), ...subject.chainSpans.map((sp) => describeSource(ctx, sp))],
    cueSourceIndex: 0,
    isNegated: subject.isNegated,
    isPassive: false,
  };
}

function looksLikeNounPhraseStart(ctx: Context, t: Tok | undefined): boolean {
  if (!t?.isWord) return false;
  if (/^\p{Lu}/u.test(t.text) || /^\d/.test(t.text)) return true;
  return ['the', 'a', 'an', 'he', 'she', 'they', 'it', 'we', 'i', 'officials', 'sources', 'his', 'her', 'its', 'their', 'one', 'two', 'three', 'several', 'multiple', 'some', 'many', 'both', 'another', 'other', 'senior', 'unnamed', 'local', 'military', 'security', 'government', 'intelligence', 'western', 'diplomatic', 'state'].includes(t.lower) || ctx.lexicon.anonymousNouns.has(t.lower) || ctx.lexicon.countWords.has(t.lower);
}

/**
 * The subject of a trailing attribution: the noun phrase between the nearest comma, dash or closing quote
 * and the cue ("…, a senior diplomat said"), extended over one apposition ("…, Peskov, the Kremlin spokesman, said").
 */
function trailingSubject(ctx: Context, toks: readonly Tok[], i: number): { subject: Subject; sep: Tok } | undefined {
  // A hyphen is not a separator here: "MACAU (Reuters) - Top donor … said" is a dateline.
  const isSep = (t: Tok | undefined): boolean => !!t && (t.text === ',' || t.text === '—' || t.text === '–' || t.text === '”' || t.text === '"');
  let c = toks[i - 1]?.text === ',' ? i - 2 : i - 1;
  while (c >= 0 && !isSep(toks[c]) && i - c < 22 && !BOUNDARY_PUNCT.has(toks[c]!.text)) c--;
  if (c < 0 || !isSep(toks[c])) return undefined;
  let from = c + 1;
  while (from < i && CONNECTIVES.has(toks[from]!.lower)) from++;
  if (!looksLikeNounPhraseStart(ctx, toks[from])) return undefined;
  // One apposition: "…, Peskov, the Kremlin spokesman, said" — the piece after the comma opens with an article.
  if (toks[c]!.text === ',' && ['the', 'a', 'an'].includes(toks[from]!.lower)) {
    let c2 = c - 1;
    while (c2 >= 0 && !isSep(toks[c2]) && c - c2 < 6 && !BOUNDARY_PUNCT.has(toks[c2]!.text)) c2--;
    if (c2 >= 0 && isSep(toks[c2]) && /^\p{Lu}/u.test(toks[c2 + 1]?.text ?? '') && toks.slice(c2 + 1, c).every((x) => /^\p{Lu}/u.test(x.text))) {
      const subject = subjectBefore(ctx, toks, i, c2 + 1);
      if (subject) return { subject, sep: toks[c2]! };
    }
  }
  const subject = subjectBefore(ctx, toks, i, from);
  return subject ? { subject, sep: toks[c]! } : undefined;
}

/** The token after the recipient of "told": "told reporters", "told Reuters", "told a news conference". */
function skipRecipient(toks: readonly Tok[], k: number): number {
  const r = toks[k];
  if (r && ['a', 'an', 'the'].includes(r.lower) && !/^\p{Lu}/u.test(toks[k + 1]?.text ?? '')) {
    k++;
    let n = 0;
    while (toks[k] && n < 3 && /^\p{Ll}/u.test(toks[k]!.text) && !CLAUSE_BOUNDARIES.has(toks[k]!.lower) && !PRONOUN_SUBJECTS.has(toks[k]!.lower) && !['the', 'a', 'an', 'his', 'her', 'their', 'its'].includes(toks[k]!.lower)) {
      k++;
      n++;
    }
  } else if (r && (RECIPIENTS.has(r.lower) || /^\p{Lu}/u.test(r.text))) {
    k++;
    while (toks[k] && (/^\p{Lu}/u.test(toks[k]!.text) || (toks[k - 1]!.lower === 'the' && toks[k]!.isWord))) k++;
  }
  return k;
}

/** What follows a trailing attribution ("…, X said on Thursday, citing …") may only be adverbial. */
function isTrailingTail(toks: readonly Tok[], from: number): boolean {
  const t = toks[from];
  if (!t) return true;
  if (['.', '!', '?', '”', '"', ','].includes(t.text)) return t.text !== ',' || isTrailingTail(toks, from + 1);
  const two = `${t.lower} ${toks[from + 1]?.lower ?? ''}`;
  if (!TAIL_OPENERS.has(t.lower) && !TAIL_OPENERS.has(two)) return false;
  if (/^(?:citing|quoting|basing|adding|according)$/.test(t.lower)) return true;
  // "said earlier on Friday during a news conference that he may wait": a complement follows, not a tail.
  const rest = toks.slice(from);
  const stop = rest.findIndex((x) => ['.', '!', '?', ';'].includes(x.text));
  return !rest.slice(0, stop < 0 ? undefined : stop).some((x) => x.lower === 'that' || x.text === '“');
}

/**
 * The end (token index of the closing punctuation) of a ", who/which/whose …" clause at `j` that closes the sentence
 * after an inverted speaker ("…, said Tom Reyes, who runs the lab."), or undefined: none there, one holding a
 * reporting verb or a quotation ("…, said Reyes, who added that …" speaks again), or one longer than 20 tokens.
 */
function speakerRelativeEnd(ctx: Context, toks: readonly Tok[], j: number): number | undefined {
  if (toks[j]?.text !== ',' || !['who', 'whose'].includes(toks[j + 1]?.lower ?? '')) return undefined;
  let k = j + 2;
  while (k < toks.length && !['.', ';', '!', '?'].includes(toks[k]!.text)) {
    if (QUOTE_MARKS.has(toks[k]!.text) || isCueToken(ctx, toks, k) || k - j > 20) return undefined;
    k++;
  }
  return k > j + 2 ? k : undefined;
}

/** True when the parse gives the verb at `cue` a subject that ends before it (so "…, said X" is not inverted). */
function hasSubjectBefore(ctx: Context, cue: Span): boolean {
  if (!ctx.parse) return false;
  const v = tokenAt(ctx.parse.tokens, cue.start);
  if (v < 0) return false;
  // Its own subject only: an inherited one ("The border was closed, said a diplomat" parsed as a conjunct) proves nothing.
  const own = ctx.parse.children[v]!.find((c) => depLabel(ctx.parse!.deps, c) === 'nsubj');
  return own !== undefined && own < v && ctx.parse.tokens.end[own]! <= cue.start && !ctx.quotes.some((q) => q.start <= ctx.parse!.tokens.start[own]! && ctx.parse!.tokens.end[own]! <= q.end);
}

function reportingVerb(ctx: Context, toks: readonly Tok[], i: number, cue: { verb: ReportingVerb; last: number }, s: Sentence, drafts: readonly Draft[]): Draft | 'handled' | undefined {
  const { text } = ctx;
  const { verb } = cue;
  const cueSpan = { start: toks[i]!.start, end: toks[cue.last]!.end };
  const prev = toks[i - 1];
  const contentStartOfSentence = toks.find((x) => x.isWord || QUOTE_MARKS.has(x.text))?.start ?? s.start;

  // ", saying that …", ", adding …": a participle whose subject is the main clause's.
  if (prev?.text === ',' && /ing$/.test(toks[i]!.lower)) {
    // "The spokesman denied …, saying …": the speaker of the sentence's earlier claim says it.
    const earlier = [...drafts].reverse().find((d) => d.cue && d.cue.start >= s.start && d.cue.end <= toks[i]!.start && d.cueSourceIndex >= 0);
    const earlierSpeaker = earlier?.chain[earlier.cueSourceIndex];
    if (earlier && earlierSpeaker?.span) {
      const d = contentAfterCue(ctx, toks, i, cue, s, { span: earlierSpeaker.span, chainSpans: [], isNegated: false });
      if (d) d.chain = [...earlier.chain.slice(0, earlier.cueSourceIndex), ...d.chain];
      if (d) d.cueSourceIndex = earlier.cueSourceIndex;
      return d;
    }
    let from = 0;
    if (ADVERBIAL_OPENERS.has(toks[0]?.lower ?? '')) from = toks.findIndex((x) => x.text === ',') + 1;
    const shared = from > 0 || toks[0] ? sentenceInitialSubject(toks, from) : undefined;
    if (!shared || shared.start >= toks[i]!.start) return undefined;
    return contentAfterCue(ctx, toks, i, cue, s, { span: shared, chainSpans: [], isNegated: false });
  }

  // (1) "…, said Fars." — the cue right after a comma, its source after it.
  if (prev && (prev.text === ',' || prev.text === '—' || prev.text === '–' || prev.text === '”') && looksLikeNounPhraseStart(ctx, toks[cue.last + 1])) {
    let j = cue.last + 1;
    while (j < toks.length && (!['.', ';', '!', '?', '“', '"'].includes(toks[j]!.text) || isNameInnerMark(toks, j, cue.last + 1)) && !(toks[j]!.text === ',' && /^(?:citing|quoting|adding|according|basing|in|who|speaking)$/.test(toks[j + 1]?.lower ?? ''))) j++;
    const npToks = toks.slice(cue.last + 1, j);
    const isClause = npToks.some((x) => BE_FORMS.has(x.lower) || PREVERBAL.has(x.lower) || /n't$/.test(x.lower) || /['’](?:ll|d|re|ve)$/.test(x.lower));
    // "Chris Cox, who runs the NRA's lobbying arm, says …": the comma closes a relative clause, not content.
    let c = i - 2;
    while (c >= 0 && toks[c]!.text !== ',') c--;
    const closesRelative = ['who', 'which', 'whose'].includes(toks[c + 1]?.lower ?? '');
    // "…, said Dr. Amara Osei, who led the trial.": a closing relative clause describes the speaker (PolNeAR keeps it in
    // the source phrase); it reports nothing itself, so what follows it is the attribution's tail.
    const relativeEnd = j > cue.last + 1 && !isClause ? speakerRelativeEnd(ctx, toks, j) : undefined;
    const tailAt = relativeEnd ?? j;
    // "Mona Lamberson, 59, of North Philadelphia, said she liked it": the parse puts the verb's subject before it.
    if (j > cue.last + 1 && !isClause && !closesRelative && npToks.length <= 12 && isTrailingTail(toks, tailAt) && !hasSubjectBefore(ctx, cueSpan)) {
      const srcSpan = relativeEnd !== undefined ? { start: toks[cue.last + 1]!.start, end: toks[relativeEnd - 1]!.end } : trimTrailingAdverbial(text, { start: toks[cue.last + 1]!.start, end: toks[j - 1]!.end });
      const content = trimContent(text, { start: contentStartOfSentence, end: prev.start });
      if (content.end > content.start && !ctx.quotes.some((q) => q.start === content.start && q.end === content.end)) {
        const d = indirectDraft(ctx, cueSpan, verb.lemma, verb.verbClass, verb.isHedged, content, { span: srcSpan, chainSpans: chainPhrases(text, { start: srcSpan.end, end: s.end }), isNegated: false });
        return d;
      }
    }
  }

  // (2a) "This campaign, he says, is different." — a parenthetical attribution inside its content.
  const afterCue = toks[cue.last + 1];
  const resumes = toks[cue.last + 2];
  if (afterCue?.text === ',' && resumes?.isWord && !PARENTHETICAL_BLOCKERS.has(resumes.lower) && toks.length - (cue.last + 2) >= 3) {
    const trailing = trailingSubject(ctx, toks, i);
    if (trailing && trailing.sep.text === ',') {
      let clauseStart = contentStartOfSentence;
      for (const x of toks) if (x.start < trailing.sep.start && ['—', '–', ';', ':'].includes(x.text)) clauseStart = toks[toks.indexOf(x) + 1]?.start ?? clauseStart;
      const before = trimContent(text, { start: clauseStart, end: trailing.sep.start });
      const after = trimContent(text, { start: resumes.start, end: contentEnd(ctx, resumes.start, s.end) });
      if (before.end > before.start && after.end > after.start) {
        const d = indirectDraft(ctx, cueSpan, verb.lemma, verb.verbClass, verb.isHedged, { start: before.start, end: after.end }, trailing.subject);
        d.contentParts = [before, after];
        return d;
      }
    }
  }

  // (2) "…, X said." — a subject right after a comma (or closing quote) and nothing but adverbials after the cue.
  if (isTrailingTail(toks, verb.lemma === 'tell' ? skipRecipient(toks, cue.last + 1) : cue.last + 1)) {
    const trailing = trailingSubject(ctx, toks, i);
    if (trailing) {
      const { subject, sep } = trailing;
      const contentEndAt = sep.text === '”' || sep.text === '"' ? sep.end : sep.start;
      const content = trimContent(text, { start: contentStartOfSentence, end: contentEndAt });
      if (content.end > content.start) {
        return indirectDraft(ctx, cueSpan, verb.lemma, verb.verbClass, verb.isHedged, content, { ...subject, chainSpans: [...subject.chainSpans, ...chainPhrases(text, { start: cueSpan.end, end: s.end })] });
      }
    }
  }
  const subject = subjectBefore(ctx, toks, i);
  if (!subject) return undefined;
  return contentAfterCue(ctx, toks, i, cue, s, subject);
}

/** (3) "X said (on Thursday) (that) …" — the content after the cue, by the verb's frames. */
function contentAfterCue(ctx: Context, toks: readonly Tok[], i: number, cue: { verb: ReportingVerb; last: number }, s: Sentence, subject: Subject): Draft | undefined {
  const { text } = ctx;
  const { verb } = cue;
  const cueSpan = { start: toks[i]!.start, end: toks[cue.last]!.end };
  const k = verb.lemma === 'tell' ? skipRecipient(toks, cue.last + 1) : cue.last + 1;
  let from = toks[k]?.start ?? s.end;
  for (let guard = 0; guard < 4; guard++) {
    const m = LEADING_ADVERBIAL_RE.exec(text.slice(from, s.end));
    if (!m || m[0].trim() === '') break;
    from += m[0].length;
  }
  // "did not (immediately) respond to a request for comment": no answer, so not acknowledged, with nothing claimed.
  if (subject.isNegated && (verb.lemma === 'respond' || verb.lemma === 'reply')) {
    const noAnswer = NO_COMMENT_RE.exec(text.slice(cueSpan.end, s.end));
    if (noAnswer) {
      const end = cueSpan.end + noAnswer[0].length;
      return indirectDraft(ctx, { start: cueSpan.start, end }, verb.lemma, 'not-acknowledged', false, { start: end, end }, subject);
    }
  }
  const restToks = toks.filter((x) => x.start >= from);
  const first = restToks[0];
  if (!first) {
    // "declined to comment." — no content of its own; it answers an earlier claim.
    if (verb.verbClass === 'not-acknowledged') return indirectDraft(ctx, cueSpan, verb.lemma, verb.verbClass, false, { start: cueSpan.end, end: cueSpan.end }, subject);
    return undefined;
  }
  // A quote right after the cue, or after its comma or colon: the quote pass left it ("…, saying “…”", "telling
  // reporters, “…”"), so it is this cue's content.
  const quoteTok = first.text === ',' || first.text === ':' ? restToks[1] : first;
  const quoted = quoteTok && QUOTE_MARKS.has(quoteTok.text) ? ctx.quotes.find((q) => q.start === quoteTok.start) : undefined;
  if (first.text === ':' && !quoted) return undefined;
  if (quoted) {
    const d = indirectDraft(ctx, cueSpan, verb.lemma, verb.verbClass, verb.isHedged, { start: quoted.start, end: quoted.end }, subject);
    d.isDirectQuote = true;
    return d;
  }
  if (QUOTE_MARKS.has(first.text)) return undefined;
  // "found himself in trouble": a reflexive object is not reported content.
  if (/^(?:myself|yourself|himself|herself|itself|ourselves|themselves)$/.test(first.lower)) return undefined;
  let contentStart: number | undefined;
  if (verb.verbClass === 'not-acknowledged') {
    // "declined to comment on the report": the content is what they declined to address.
    const obj = /^\s*to\s+(?:comment|confirm|deny|discuss|say|elaborate|answer|respond|address|specify|be drawn|acknowledge|disclose|reveal|give|provide|identify|name)\b(?:\s+(?:on|about|whether))?/i.exec(text.slice(cueSpan.end, s.end));
    const at = cueSpan.end + (obj ? obj[0].length : 0);
    const content = trimContent(text, { start: at, end: contentEnd(ctx, at, s.end) });
    return indirectDraft(ctx, { start: cueSpan.start, end: obj ? cueSpan.end + obj[0].length : cueSpan.end }, verb.lemma, verb.verbClass, false, content, subject);
  }
  const thatAt = restToks.slice(0, 9).findIndex((x) => x.lower === 'that');
  if (thatAt === 0) contentStart = first.start;
  else if (thatAt > 0 && verb.frames.has('that') && !restToks.slice(0, thatAt).some((x, n) => isCueToken(ctx, restToks, n) || x.text === '.' || QUOTE_MARKS.has(x.text) || PRONOUN_SUBJECTS.has(x.lower) || ['but', 'and'].includes(x.lower))) {
    contentStart = restToks[thatAt]!.start;
  } else if (verb.frames.has('to') && first.lower === 'to' && restToks[1]?.isWord) {
    // "pledged to end the programme": the infinitive is the content (PolNeAR keeps "to" in it).
    contentStart = first.start;
  } else if (verb.frames.has('wh') && /^(?:whether|if|why|how|what|who|when|where)$/.test(first.lower)) {
    contentStart = first.start;
  } else if (verb.frames.has('bare') || verb.frames.has('np')) {
    if (PREPOSITIONS.has(first.lower) || first.text === ',' || first.lower === 'as') return undefined;
    if (!verb.frames.has('bare') && restToks.length < 1) return undefined;
    // With a parse, "wrote his book" is an object, not a bare clause, for a verb that reports no noun phrase.
    if (!verb.frames.has('np') && ctx.parse && hasObjectOnly(ctx.parse, tokenAt(ctx.parse.tokens, toks[i]!.start))) return undefined;
    // "called her brother, Juan Lopez", "questioned the witness": a person as the noun phrase is who was addressed.
    if (!verb.frames.has('bare') && namesPersonAt(ctx, restToks)) return undefined;
    contentStart = first.start;
  }
  if (contentStart === undefined) return undefined;
  let end = contentEnd(ctx, contentStart, s.end);
  // "the ministry, which denied it in November, did not respond …": a cue inside a clause set off by commas says
  // no more than up to the closing comma.
  // "After the camp announced that it would invite Cuban, Trump invited …": a cue in a sentence-opening subordinate
  // clause says no more than up to the comma that closes the clause.
  const opensSubordinate = SUBORDINATORS.has(toks[0]?.lower ?? '') && !toks.slice(1, i).some((x) => x.text === ',');
  if (insideCommaClause(toks, i) || opensSubordinate) {
    const comma = text.indexOf(',', contentStart);
    if (comma >= 0 && comma < end) end = comma;
  }
  const content = trimContent(text, { start: contentStart, end });
  if (content.end <= content.start) return undefined;
  const d = indirectDraft(ctx, cueSpan, verb.lemma, verb.verbClass, verb.isHedged, content, { ...subject, chainSpans: [...subject.chainSpans, ...chainPhrases(text, { start: content.end, end: s.end })] });
  // "Refugees hope to continue their studies", "the firm expects to hire 200": a hope or plan for the speaker's own
  // doing is a wish, not a statement of fact ("hope that …" still asserts a belief).
  if (WISH_LEMMAS.has(verb.lemma) && text.startsWith('to ', content.start)) d.kind = 'desire';
  return d;
}

/** Verbs whose infinitive complement is the speaker's own wish or plan. */
const WISH_LEMMAS = new Set(['hope', 'expect']);

/** Object pronouns and possessives that open a noun phrase naming a person ("told him", "called her brother"). */
const PERSON_OBJECT_WORDS = new Set(['him', 'her', 'them', 'me', 'us', 'his', 'their', 'my', 'our']);

/**
 * Whether the noun phrase opening `toks` names a person (a tagged name, "him", "her brother", "the witness", "a
 * spokesman"): as the object of a reporting verb it is the one addressed or described, not what is reported.
 */
function namesPersonAt(ctx: Context, toks: readonly Tok[]): boolean {
  const first = toks[0];
  if (!first) return false;
  // How many tokens the person takes: a tagged name, "him", "her brother", "the witness".
  let size = 0;
  const name = ctx.mentions.find((m) => m.type === 'PER' && m.start === first.start);
  if (name) size = toks.findIndex((t) => t.start >= name.end);
  else if (/^(?:him|them|me|us)$/.test(first.lower)) size = 1;
  else if ((PERSON_OBJECT_WORDS.has(first.lower) || /^(?:the|a|an)$/.test(first.lower)) && toks[1] && isPersonNoun(ctx, toks[1].lower)) size = 2;
  if (size <= 0) return false;
  // What follows says whether the person is what is reported: "called Trump a liar", "accused the mayor of fraud" are
  // claims about them; "called her brother, Juan Lopez, after …", "questioned the witness for two hours" are not.
  const next = toks[size];
  return next === undefined || /^[,.;]$/.test(next.text) || ADJUNCT_PREPOSITIONS.has(next.lower);
}

/** Prepositions that open an adjunct of time, place or manner after an addressed person (not "of", which says what of them). */
const ADJUNCT_PREPOSITIONS = new Set(['for', 'on', 'after', 'at', 'in', 'about', 'over', 'during', 'before', 'from', 'by', 'with', 'until', 'outside', 'inside']);

/** Nouns for people: kin, a witness, and the lexicon's titles and anonymous-source nouns ("spokesman", "official"). */
const KIN_AND_PEOPLE = new Set(['brother', 'sister', 'mother', 'father', 'son', 'daughter', 'wife', 'husband', 'friend', 'friends', 'parents', 'family', 'lawyer', 'attorney', 'witness', 'witnesses', 'victim', 'victims', 'suspect', 'colleague', 'colleagues', 'boss', 'neighbour', 'neighbor', 'neighbours', 'neighbors', 'partner', 'aide', 'aides']);

function isPersonNoun(ctx: Context, word: string): boolean {
  return KIN_AND_PEOPLE.has(word) || ctx.lexicon.titleNouns.has(word) || ctx.lexicon.anonymousNouns.has(word);
}

/**
 * "quotes"/"cites": one source relays another. With an anaphoric subject ("The Russian outlet, in turn,
 * quotes an unnamed Syrian officer") the object extends the chain of the claim that source last made;
 * with "as saying" it opens a claim of its own: "Sputnik quoted an officer as saying …".
 */
function chainVerb(ctx: Context, toks: readonly Tok[], i: number, cue: { verb: ReportingVerb; last: number }, s: Sentence, drafts: Draft[]): Draft | 'handled' | undefined {
  const { text } = ctx;
  const subject = subjectBefore(ctx, toks, i);
  if (!subject) return undefined;
  const objStart = toks[cue.last + 1];
  if (!objStart || (!objStart.isWord && !QUOTE_MARKS.has(objStart.text))) return undefined;
  const rest = text.slice(objStart.start, s.end);
  const stop = /\s+(?:as\s+)?saying\b|\s+(?:that|who)\b|,|[.!?]["”]?\s*$|$/.exec(rest)!;
  const objSpan = trimContent(text, { start: objStart.start, end: objStart.start + stop.index });
  if (objSpan.end <= objSpan.start) return undefined;
  const cueSpan = { start: toks[i]!.start, end: toks[cue.last]!.end };
  const subjectSource = describeSource(ctx, subject.span);
  const objectSource = describeSource(ctx, objSpan);
  const asSaying = /^\s+(?:as\s+)?saying\b/.exec(rest.slice(stop.index));
  // "Reuters quoted “three sources …” who confirmed that …": the relative clause's claim gets Reuters outside.
  if (/^\s*,?\s*who\b/.test(rest.slice(stop.index))) {
    const frameContent = { start: objSpan.start, end: s.end };
    return { cue: cueSpan, cueLemma: cue.verb.lemma, verbClass: 'asserted', isVerbHedged: false, content: frameContent, contentParts: [frameContent], isDirectQuote: false, chain: [subjectSource], cueSourceIndex: 0, isNegated: false, isPassive: false, isFrame: true };
  }
  if (asSaying) {
    const at = objStart.start + stop.index + asSaying[0].length;
    const content = trimContent(text, { start: at, end: contentEnd(ctx, at, s.end) });
    if (content.end <= content.start) return undefined;
    return {
      cue: cueSpan,
      cueLemma: cue.verb.lemma,
      verbClass: 'asserted',
      isVerbHedged: false,
      content,
      contentParts: [content],
      isDirectQuote: ctx.quotes.some((q) => q.start === content.start && q.end === content.end),
      chain: [subjectSource, objectSource],
      cueSourceIndex: 1,
      isNegated: false,
      isPassive: false,
    };
  }
  // Anaphoric subject: attach to the latest claim (within three sentences) whose innermost link fits.
  const isAnaphoric = /^(?:the|this|that|its|it)\b/i.test(text.slice(subject.span.start, subject.span.end)) && (subjectSource.kind === 'outlet' || subjectSource.kind === 'document' || /^it$/i.test(subjectSource.name));
  const target = [...drafts].reverse().find((d) => {
    const lastLink = d.chain[d.chain.length - 1];
    if (!lastLink || !d.cue) return false;
    if (sentenceIndexAt(ctx, d.cue.start) < sentenceIndexAt(ctx, s.start) - 3) return false;
    if (isAnaphoric) return lastLink.kind === subjectSource.kind || (lastLink.kind === 'outlet' && subjectSource.kind === 'document') || /^it$/i.test(subjectSource.name);
    return lastLink.name === subjectSource.name;
  });
  if (!target) return undefined;
  target.chain.push(objectSource);
  return 'handled';
}

/** "According to Fox News, multiple intelligence sources report …": Fox News becomes the outer link. */
function applyFrames(drafts: Draft[]): void {
  for (const frame of drafts.filter((d) => d.isFrame)) {
    const inner = drafts.find((d) => d !== frame && !d.isFrame && d.cue && d.cue.start >= frame.content.start && d.cue.end <= frame.content.end);
    if (!inner) {
      frame.isFrame = false;
      continue;
    }
    inner.chain.unshift(...frame.chain);
    inner.cueSourceIndex += frame.chain.length;
    frame.chain = [];
  }
}

// ---------------------------------------------------------------------------------------------------
// Claims on syntax (when the deps layer exists)

/** Cues whose speaker and content come from their own shape, not from the verb's arcs. */
const NON_VERB_CUES = new Set([':', 'according to', 'quote', 'cite', 'call']);
const VERB_TAG = UPOS_TAGS.indexOf('VERB');
const AUX_TAG = UPOS_TAGS.indexOf('AUX');

/**
 * Source = the subject of the speech verb (nsubj, through relatives and coordination). The rules' draft keeps its cue,
 * chain relays, content and stance; the parse replaces its speaker phrase when the arcs give a subject on the far side
 * of the cue from the content ("the addressee is not the source": "told reporters" is an object, never the subject).
 */
function applySyntax(ctx: Context, view: ParseView, drafts: readonly Draft[]): void {
  for (const d of drafts) {
    if (!d.cue || d.cueSourceIndex < 0 || d.isFrame || NON_VERB_CUES.has(d.cueLemma ?? '')) continue;
    const v = tokenAt(view.tokens, d.cue.start);
    if (v < 0) continue;
    const arcs = speechArcs(view, v);
    const speaker = d.chain[d.cueSourceIndex];
    const overlapsContent = (sp: Span): boolean => d.contentParts.some((p) => p.start < sp.end && sp.start < p.end);
    if (arcs.subject && speaker?.span && !overlapsContent(arcs.subject) && !(arcs.subject.start === speaker.span.start && arcs.subject.end === speaker.span.end)) {
      // A subject the parser runs past the cue or into the content is a parse error; the rules' phrase stays.
      // A subject borrowed from another verb ("… after the mogul claimed", where the parser missed "mogul" as the
      // subject) does not replace a speaker phrase the rules found right before the cue.
      // Nor does a subject borrowed from the clause the cue hangs inside ("the system was broken, asserting …").
      const isInsideOtherContent = drafts.some((o) => o !== d && o.contentParts.some((p) => p.start <= arcs.subject!.start && arcs.subject!.end <= p.end));
      const isRulesSubjectAdjacent = speaker.span.end <= d.cue.start && /^[\s\p{Ll}-]{0,24}$/u.test(ctx.text.slice(speaker.span.end, d.cue.start));
      // "Dino Spencer, who now runs the gym, told …": the rules' phrase keeps the "who" clause the parse leaves out.
      const isRulesWhoClause = speaker.span.start === arcs.subject.start && speaker.span.end > arcs.subject.end && /^,\s+who\b/.test(ctx.text.slice(arcs.subject.end, speaker.span.end));
      if ((arcs.subject.end <= d.cue.start || arcs.subject.start >= d.cue.end) && !isRulesWhoClause && !(arcs.isSubjectInherited && (isRulesSubjectAdjacent || isInsideOtherContent))) {
        const chain = [...d.chain];
        chain[d.cueSourceIndex] = describeSource(ctx, withoutTrailingTime(ctx.text, arcs.subject));
        d.chain = chain;
      }
    }
    // Title words the parser cut off before the name ("Republican presidential candidate Donald Trump said").
    const current = d.chain[d.cueSourceIndex];
    if (current?.span) {
      const sentence = ctx.sentences[sentenceIndexAt(ctx, current.span.start)];
      const widened = withTitleWords(view, current.span, sentence?.start ?? 0);
      if (widened.start < current.span.start && !overlapsContent(widened)) {
        const chain = [...d.chain];
        chain[d.cueSourceIndex] = describeSource(ctx, widened);
        d.chain = chain;
      }
    }
    // The content stays the rules' span (the parser's complement subtrees are cut short by attachment errors), but it
    // stops before a modifier of the reporting verb itself: "…, asserting that …", "… and pledged …", "… on Thursday".
    if (!d.isDirectQuote && d.contentParts.length === 1 && d.content.start >= d.cue.end) {
      const cut = verbModifierCut(view, v, d.content.start, d.content.end);
      const content = cut === undefined ? undefined : trimContent(ctx.text, { start: d.content.start, end: cut });
      if (content && content.end > content.start) {
        d.content = content;
        d.contentParts = [content];
      }
    }
  }
}

/**
 * Reporting verbs the rules left alone whose arcs give both a subject and a complement clause: "The panel, in a report
 * released on Friday after months of hearings, concluded that …" (the rules' clause boundaries lose the subject).
 * With a cue model, a verb outside the lexicon whose arcs give the same is a cue when the model scores it at or above
 * its threshold ("Sanders warned voters that …" is in the lexicon; "critics fear the law will …" is the model's).
 */
function syntaxDrafts(ctx: Context, view: ParseView, drafts: Draft[], cueModel: CueModel | undefined): void {
  const { tokens } = view;
  for (const s of ctx.sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd && i < tokens.length; i++) {
      const start = tokens.start[i]!;
      if (tokens.pos[i] !== VERB_TAG && tokens.pos[i] !== AUX_TAG) continue;
      if (ctx.usedCues.has(start) || insideQuote(ctx, start)) continue;
      const word = ctx.text.slice(start, tokens.end[i]).toLowerCase().replace(/’/g, "'");
      if (phrasalWish(ctx, view, i, s.end, drafts)) continue;
      const known = ctx.lexicon.verbForms.get(word);
      if (known && (known.verbClass === 'chain' || NON_VERB_CUES.has(known.lemma))) continue;
      if (!known && (!cueModel || tokens.pos[i] !== VERB_TAG)) continue;
      const arcs = speechArcs(view, i);
      if (!arcs.subject || !arcs.content || arcs.content.end - arcs.content.start < 8) continue;
      const learned = known ? undefined : learnedCue(ctx, view, i, arcs, cueModel!);
      const verb = known ?? learned?.verb;
      if (!verb) continue;
      // Only a real clause: a complement with its own verb, not "said so" or an object noun ("wrote his book").
      if (!verb.frames.has('np') && hasObjectOnly(view, i)) continue;
      // "questioned the witness, Robert Klein": a person as the object is who was addressed (learned cues are judged so).
      if (known && !known.frames.has('bare') && hasObjectOnly(view, i) && namesPersonAt(ctx, tokenise(ctx.text, { start: arcs.content.start, end: s.end }))) continue;
      const cue = { start, end: tokens.end[i]! };
      if (drafts.some((d) => d.cue && d.cue.start <= cue.start && cue.end <= d.cue.end)) continue;
      // One content, one claim: a learned cue whose content a claim of the rules already reports ("X defended the
      // plan, saying …", where the parse hangs the "saying" clause on "defended") adds nothing.
      if (!known && drafts.some((d) => d.contentParts.some((p) => p.start < arcs.content!.end && arcs.content!.start < p.end))) continue;
      const subjectText = ctx.text.slice(arcs.subject.start, arcs.subject.end);
      if (isNonSourcePhrase(subjectText) || wordCount(ctx.text, arcs.subject) > 24) continue;
      for (let o = cue.start; o < cue.end; o++) ctx.usedCues.add(o);
      const negated = view.children[i]!.some((c) => /^(?:not|n't|never)$/i.test(ctx.text.slice(tokens.start[c], tokens.end[c])));
      // A complement after the cue runs, as the rules' contents do, to the clause end (the parser's subtree is often cut short).
      const content = arcs.content.start > cue.end ? trimContent(ctx.text, { start: arcs.content.start, end: contentEnd(ctx, arcs.content.start, s.end) }) : trimContent(ctx.text, arcs.content);
      const d = indirectDraft(ctx, cue, verb.lemma, verb.verbClass, verb.isHedged, content, { span: withoutTrailingTime(ctx.text, arcs.subject), chainSpans: [], isNegated: negated });
      d.isDirectQuote = ctx.quotes.some((q) => q.start === content.start && q.end === content.end);
      if (learned && learned.kind !== 'assertion') d.kind = learned.kind;
      drafts.push(d);
    }
  }
}

/**
 * Verbs that with a particle ask for something: "the NAACP called for a moratorium on charter schools", "Palmieri called
 * on Trump to stop …", "pressed for a vote". The arcs give no object or clause (the particle opens an `obl`), so neither
 * the lexicon's frames nor the cue model see them; what is asked for, to the clause end, is a wish of the subject.
 */
const PHRASAL_WISHES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['call', new Set(['for', 'on', 'upon'])],
  ['press', new Set(['for'])],
  ['push', new Set(['for'])],
  ['plead', new Set(['for'])],
]);

/** "called on Monday": the particle opens a time, not an addressee. */
const TIME_AFTER_PARTICLE_RE = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|\d)/;

/** Adds a wish for verb v followed by its particle ("called for …"); true when one was added. */
function phrasalWish(ctx: Context, view: ParseView, v: number, sentenceEnd: number, drafts: Draft[]): boolean {
  const { tokens } = view;
  const lemma = (tokens.lemmas[tokens.lemma[v]!] ?? '').toLowerCase();
  const particles = PHRASAL_WISHES.get(lemma);
  const p = v + 1;
  if (!particles || tokens.pos[v] !== VERB_TAG || p + 1 >= tokens.length || tokens.start[p + 1]! >= sentenceEnd) return false;
  const particle = ctx.text.slice(tokens.start[p], tokens.end[p]).toLowerCase();
  if (!particles.has(particle) || TIME_AFTER_PARTICLE_RE.test(ctx.text.slice(tokens.start[p + 1], tokens.end[p + 1]).toLowerCase())) return false;
  const arcs = speechArcs(view, v);
  if (!arcs.subject) return false;
  const subjectText = ctx.text.slice(arcs.subject.start, arcs.subject.end);
  if (isNonSourcePhrase(subjectText) || wordCount(ctx.text, arcs.subject) > 24) return false;
  const cue = { start: tokens.start[v]!, end: tokens.end[p]! };
  if (drafts.some((d) => d.cue && d.cue.start < cue.end && cue.start < d.cue.end)) return false;
  const from = tokens.start[p + 1]!;
  const content = trimContent(ctx.text, { start: from, end: contentEnd(ctx, from, sentenceEnd) });
  if (content.end - content.start < 8) return false;
  for (let o = cue.start; o < cue.end; o++) ctx.usedCues.add(o);
  const isNegated = view.children[v]!.some((c) => /^(?:not|n't|never)$/i.test(ctx.text.slice(tokens.start[c], tokens.end[c])));
  const d = indirectDraft(ctx, cue, `${lemma} ${particle}`, 'asserted', false, content, { span: withoutTrailingTime(ctx.text, arcs.subject), chainSpans: [], isNegated });
  d.kind = 'desire';
  drafts.push(d);
  return true;
}

/**
 * What a learned cue's complement makes of its claim (see README "Learned cues"): a clause or a parenthetical host is
 * an assertion ("the court ruled that …"), an infinitive a wish or intention ("wants to build", "vowed to repeal"),
 * an object a judgement ("criticized the plan", "blasted Clinton"). The last two are kept as other kinds of claim.
 */
const LEARNED_CUE_KINDS: ReadonlyMap<ComplementKind, ClaimKind> = new Map([
  ['ccomp', 'assertion'],
  ['parataxis', 'assertion'],
  ['xcomp', 'desire'],
  ['obj', 'evaluation'],
]);

/**
 * A verb outside the lexicon read as a cue when the cue model scores it at or above its threshold and its complement
 * is one a claim can have, with the kind of claim that complement makes; it asserts (the model says nothing of stance).
 * An assertion allows no object-only content; an evaluation is one.
 */
function learnedCue(ctx: Context, view: ParseView, v: number, arcs: SpeechArcs, model: CueModel): { verb: ReportingVerb; kind: ClaimKind } | undefined {
  const complement = complementKind(view, v);
  const kind = complement && LEARNED_CUE_KINDS.get(complement);
  if (!complement || !kind) return undefined;
  const lemma = view.tokens.lemmas[view.tokens.lemma[v]!] ?? ctx.text.slice(view.tokens.start[v], view.tokens.end[v]).toLowerCase();
  if (RAISING_VERBS.has(lemma)) return undefined;
  if (scoreCue(model, cueFeatures(view, v, arcs)) < model.threshold) return undefined;
  // "reiterated the UK's position that settlements are illegal", "assured the public that the risks were low": an
  // object holding a "that" clause carries a proposition, as a complement clause does.
  const asserts = kind === 'evaluation' && objectHoldsThatClause(view, v);
  // "urged Vietnam to push back", "asked voters to stay home": an object told to do something is a demand, a wish.
  const directs = kind === 'evaluation' && view.children[v]!.some((c) => c > v && depLabel(view.deps, c) === 'xcomp');
  const finalKind: ClaimKind = asserts ? 'assertion' : directs ? 'desire' : kind;
  return { verb: { lemma, verbClass: 'asserted', isHedged: false, frames: kind === 'evaluation' ? EVALUATION_FRAMES : LEARNED_FRAMES }, kind: finalKind };
}

/** Whether the object of verb v, or a clause hung on v after it, opens with "that" and has a verb of its own. */
function objectHoldsThatClause(view: ParseView, v: number): boolean {
  const { tokens, deps } = view;
  const obj = view.children[v]!.find((c) => c > v && depLabel(deps, c) === 'obj');
  if (obj === undefined) return false;
  for (let t = obj + 1; t < tokens.length && t < obj + 40; t++) {
    const pos = UPOS_TAGS[tokens.pos[t]!];
    if (pos === 'PUNCT' && /^[.;!?]$/.test(view.text.slice(tokens.start[t], tokens.end[t]))) return false;
    if (view.text.slice(tokens.start[t], tokens.end[t]).toLowerCase() !== 'that' || depLabel(deps, t) !== 'mark') continue;
    const clause = deps.head[t]!;
    return clause > t && (UPOS_TAGS[tokens.pos[clause]!] === 'VERB' || UPOS_TAGS[tokens.pos[clause]!] === 'AUX' || view.children[clause]!.some((c) => depLabel(deps, c) === 'cop'));
  }
  return false;
}

const LEARNED_FRAMES: ReadonlySet<VerbFrame> = new Set(['that', 'bare', 'to']);
const EVALUATION_FRAMES: ReadonlySet<VerbFrame> = new Set(['np']);

/**
 * Raising verbs: their subject plays no part in what follows, so it is no source ("he appears to be in the ballpark",
 * "Republicans seem confident", "Schiff seems a rank partisan": the writer's judgement, not theirs). PolNeAR marks some as cues; a news reader does not.
 */
const RAISING_VERBS: ReadonlySet<string> = new Set(['seem', 'appear', 'tend', 'happen', 'look', 'prove', 'turn']);

// ---------------------------------------------------------------------------------------------------
// The article's own voice: agentless reports and hedged statements

function articleVoice(ctx: Context, si: number, drafts: Draft[]): void {
  const { text, lexicon } = ctx;
  const s = ctx.sentences[si]!;
  const lower = text.slice(s.start, s.end).toLowerCase();
  const covered = drafts.some((d) => d.content.start < s.end && d.content.end > s.start);
  const passive = new RegExp(lexicon.patterns.passive.source, 'g');
  for (let m = passive.exec(lower); m; m = passive.exec(lower)) {
    const phrase = m[0].replace(/\s+/g, ' ');
    const at = s.start + m.index;
    if (insideQuote(ctx, at) || ctx.usedCues.has(at)) continue;
    const cue = { start: at, end: at + m[0].length };
    for (let o = cue.start; o < cue.end; o++) ctx.usedCues.add(o);
    const thatAt = /that$/.test(phrase) ? cue.end - 4 : undefined;
    const content = trimContent(text, thatAt !== undefined ? { start: thatAt, end: s.end } : s);
    const isSpeculative = /believed|thought|understood|rumou?red/.test(phrase);
    drafts.push(articleDraft(ctx, cue, phrase.replace(/^(?:it )?(?:is|are|was|were|has been) /, '').replace(/ (?:to|that)$/, ''), isSpeculative ? 'speculated' : 'asserted', content));
  }
  if (covered) return;
  // A hedge adverb with no attribution in the sentence: the article asserts, hedged ("Iranian troops are reportedly …").
  const toks = tokenise(text, s);
  const hedge = toks.find((t) => lexicon.hedges.get(t.lower) === 'hedge' && !insideQuote(ctx, t.start) && !ctx.usedCues.has(t.start) && /ly$/.test(t.lower));
  if (hedge && !drafts.some((d) => d.content.start < s.end && d.content.end > s.start)) {
    drafts.push(articleDraft(ctx, { start: hedge.start, end: hedge.end }, hedge.lower, 'asserted', trimContent(text, s)));
  }
}

function articleDraft(ctx: Context, cue: Span, lemma: string, verbClass: VerbClass, content: Span): Draft {
  return {
    cue,
    cueLemma: lemma,
    verbClass,
    isVerbHedged: true,
    content,
    contentParts: [content],
    isDirectQuote: false,
    chain: [{ kind: 'article', name: ctx.articleName }],
    cueSourceIndex: -1,
    isNegated: false,
    isPassive: true,
  };
}

// ---------------------------------------------------------------------------------------------------
// Stance, hedges, evidence, ids and answers to earlier claims

function stanceOf(ctx: Context, d: Draft): Stance {
  let stance: Stance = d.verbClass === 'chain' || d.verbClass === undefined ? 'asserted' : d.verbClass;
  if (d.isNegated && (stance === 'asserted' || stance === 'confirmed' || stance === 'denied')) stance = 'not-acknowledged';
  if (stance === 'asserted') {
    const content = ctx.text.slice(d.content.start, d.content.end);
    const subjectSide = d.cue ? ctx.text.slice(ctx.sentences[sentenceIndexAt(ctx, d.cue.start)]?.start ?? d.cue.start, d.cue.start) : '';
    if (ctx.lexicon.patterns.speculation.test(content) && !d.isDirectQuote) stance = 'speculated';
    else if (d.isPassive && /\b(?:believed|thought)\b/.test(subjectSide)) stance = 'speculated';
  }
  return stance;
}

function isHedgedDraft(ctx: Context, d: Draft, evidence: Span): boolean {
  if (d.isVerbHedged || d.isPassive) return true;
  const toks = tokenise(ctx.text, evidence);
  return toks.some((t) => ctx.lexicon.hedges.get(t.lower) === 'hedge' && !d.contentParts.some((p) => d.isDirectQuote && t.start >= p.start && t.end <= p.end) && !insideQuote(ctx, t.start));
}

function evidenceOf(ctx: Context, d: Draft): Span {
  const spans = [d.content, ...(d.cue ? [d.cue] : []), ...d.chain.flatMap((c) => (c.span ? [c.span] : []))];
  const lo = Math.min(...spans.map((sp) => sp.start));
  const hi = Math.max(...spans.map((sp) => sp.end));
  const first = ctx.sentences[sentenceIndexAt(ctx, lo)];
  const last = ctx.sentences[sentenceIndexAt(ctx, Math.max(lo, hi - 1))];
  return { start: Math.min(first?.start ?? lo, lo), end: Math.max(last?.end ?? hi, hi) };
}

function contentWords(text: string, span: Span): Set<string> {
  const words = text.slice(span.start, span.end).toLowerCase().match(/\p{L}{4,}/gu) ?? [];
  return new Set(words.filter((w) => !STOPWORDS.has(w)));
}

/**
 * "wrote in a post on Telegram", "tweeted": the platform becomes the link outside the speaker
 * (the article relays the post, the post carries the speaker's words).
 */
function addSocialMedia(ctx: Context, d: Draft): void {
  if (!d.cue || d.cueSourceIndex < 0) return;
  const sentence = ctx.sentences[sentenceIndexAt(ctx, d.cue.start)];
  const regionEnd = d.content.start > d.cue.end ? d.content.start : (sentence?.end ?? d.cue.end);
  const region = ctx.text.slice(d.cue.start, regionEnd);
  let found: { name: string; start: number; end: number } | undefined;
  const m = ctx.lexicon.patterns.platformInRegion.exec(region);
  if (m) found = { name: m[1]!, start: d.cue.start + m.index, end: d.cue.start + m.index + m[0].length };
  // "tweeted": the platform is X, called Twitter in texts from before its renaming (the text says which).
  // "said in a tweet": the noun names the platform too.
  const tweet = /\bin an? (?:[\w-]+\s+)?tweet\b/i.exec(region);
  if (!found && tweet) found = { name: /\bTwitter\b/.test(ctx.text) || !/\bX\b/.test(ctx.text) ? 'Twitter' : 'X', start: d.cue.start + tweet.index, end: d.cue.start + tweet.index + tweet[0].length };
  if (!found && d.cueLemma === 'tweet') found = { name: /\bTwitter\b/.test(ctx.text) || !/\bX\b/.test(ctx.text) ? 'Twitter' : 'X', start: d.cue.start, end: d.cue.end };
  if (!found) return;
  d.chain.splice(d.cueSourceIndex, 0, { kind: 'social-media', name: found.name, span: { start: found.start, end: found.end } });
  d.cueSourceIndex += 1;
}

/** "the news agency", "the Russian agency": an outlet named by a common noun, not by its name. */
function isOutletNominal(ctx: Context, name: string): boolean {
  const words = name.split(/\s+/);
  const last = words[words.length - 1]!.toLowerCase();
  if (!ctx.lexicon.outletNouns.has(last)) return false;
  // "state TV", "state-run television": a kind of outlet in its own right, not an anaphor for the last one named.
  if (/^state(?:-run|-owned)?$/i.test(words[0] ?? '') && words.length <= 3) return false;
  return words.slice(0, -1).every((w) => /^\p{Ll}/u.test(w) || countriesByDemonym(w).length > 0);
}

/** Resolves "the news agency" to the outlet last named before it (the nearest earlier outlet link). */
function resolveOutletNominals(ctx: Context, drafts: readonly Draft[]): void {
  const ordered = [...drafts].sort((a, b) => (a.cue?.start ?? a.content.start) - (b.cue?.start ?? b.content.start));
  let lastNamed: ClaimSource | undefined;
  for (const d of ordered) {
    d.chain = d.chain.map((link) => {
      if (link.kind !== 'outlet') return link;
      if (!isOutletNominal(ctx, link.name)) {
        lastNamed = link;
        return link;
      }
      if (!lastNamed) return link;
      const { mentionId, entityId } = lastNamed;
      return { ...link, name: lastNamed.name, ...(mentionId ? { mentionId } : {}), ...(entityId ? { entityId } : {}) };
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// What is not a claim, and who "he" is

const HEADING_SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'but', 'with', 'by', 'from', 'as', 'vs', 'is', 'are']);

/**
 * A heading or page label: a line of its own with no closing punctuation whose words are mostly capitalised
 * ("What Officials Say About The Plan", "Cooling Test Results"). A sentence-case headline ("Kremlin: Report is false")
 * is not one.
 */
function isHeadingLine(ctx: Context, s: Sentence): boolean {
  const { text } = ctx;
  const line = text.slice(s.start, s.end).trim();
  // A closing colon introduces what follows ("The New York Times reports:"): a lead-in, not a heading.
  if (line === '' || /[.!?…"”’):]$/u.test(line)) return false;
  if (!/(?:^|\n)[ \t]*$/.test(text.slice(Math.max(0, s.start - 200), s.start)) || !/^[ \t]*(?:\n|$)/.test(text.slice(s.end, s.end + 200))) return false;
  const words = line.split(/\s+/).filter((w) => /\p{L}/u.test(w) && !HEADING_SMALL_WORDS.has(w.toLowerCase()));
  if (words.length < 2 || words.length > 20) return false;
  return words.filter((w) => /^[“"(]?\p{Lu}/u.test(w)).length / words.length >= 0.75;
}

/** Contents that only point at a proposition made elsewhere. */
const PRO_FORM_CONTENT = new Set(['otherwise', 'so', 'not', 'yes', 'no', 'nothing', 'something', 'anything', 'everything', 'this', 'that', 'it', 'more', 'much', 'less', 'differently', 'likewise', 'similarly', 'the same', 'as much']);

/** Second person outside quotations: advice to the reader ("you may have to finish …"), not a report. */
const SECOND_PERSON_RE = /^(?:that\s+)?(?:you|your|you['’](?:ll|re|ve|d))\b/i;

/**
 * Drafts that are no claims: a link that cannot be a source ("You", "That's easier"), a heading or page label,
 * advice to the reader in the second person, an article-voice hedge in a sentence addressed to the reader.
 */
function isNotAClaim(ctx: Context, d: Draft): boolean {
  const { text } = ctx;
  if (d.chain.some((link) => link.span && link.kind !== 'article' && isNonSourcePhrase(text.slice(link.span.start, link.span.end)))) return true;
  // On a Q&A page "I" and "we" outside quotations are the interviewee (or the interviewer asking), never the outlet;
  // who the interviewee is the page says in its own words, which no rule reads yet: no claim rather than a wrong source.
  if (ctx.isInterview && d.chain.some((link) => link.kind === 'article' && link.span && /^(?:i|we)$/i.test(text.slice(link.span.start, link.span.end).trim()))) return true;
  const s = ctx.sentences[sentenceIndexAt(ctx, d.cue?.start ?? d.content.start)];
  if (s && isHeadingLine(ctx, s)) return true;
  if (!d.isDirectQuote && SECOND_PERSON_RE.test(text.slice(d.content.start, d.content.end))) return true;
  // "…, said Dr. Amal Haddad" or "…, said Darren Tipton, CEO of …" misread as a content: a person's name (with its
  // apposition) is no proposition.
  if (!d.isDirectQuote && ctx.mentions.some((m) => m.type === 'PER' && m.start >= d.content.start && /^(?:\p{Lu}[\p{L}.]*\.?\s+){0,3}$/u.test(text.slice(d.content.start, m.start))
    && (m.end >= d.content.end - 1 || /^,\s+(?:an?|the)?\s*[\p{L}-]+(?:\s+[\p{L}.&-]+){0,12}?\s*$/u.test(text.slice(m.end, d.content.end)) && !/[.;:!?]/.test(text.slice(m.end, d.content.end))))) return true;
  // "the numbers say otherwise", "he said so": a word standing for a proposition elsewhere reports nothing here.
  if (!d.isDirectQuote && PRO_FORM_CONTENT.has(text.slice(d.content.start, d.content.end).replace(/[\s.,;:!?]+/gu, ' ').trim().toLowerCase())) return true;
  if (d.cueSourceIndex < 0 && s) {
    const toks = tokenise(text, s);
    if (toks.some((t) => /^(?:you|your)$/.test(t.lower) && !insideQuote(ctx, t.start))) return true;
  }
  return false;
}

/**
 * Spans where a person is named: the mentions of its entity, else its own mention. Pronouns resolved to it are left
 * out: "he said he would …" names no one inside the content.
 */
function namedSpans(ctx: Context, link: ClaimSource): Span[] {
  const entity = link.entityId ? ctx.entities.find((e) => e.id === link.entityId) : undefined;
  if (entity) {
    const ids = new Set(entity.mentionIds);
    return ctx.mentions.filter((m) => ids.has(m.id));
  }
  const own = link.mentionId ? ctx.mentions.find((m) => m.id === link.mentionId) : undefined;
  return own ? ctx.mentions.filter((m) => m.text === own.text) : [];
}

const ADDRESSEE_BEFORE_RE = /\b(?:told|tell|tells|telling|asked|asks|urged|warned|(?:said|spoke|speaking|talking|talked|wrote|writing|replied|explained)\s+to)\s+(?:[\p{Lu}][\p{L}.’'-]*\s+){0,2}$/u;

/**
 * Whether a person cannot be the speaker of a claim: named inside its content (the subject of the quote), or last
 * named as the one being told or asked ("told Comey", "asked Sanders") before the pronoun.
 */
function isImplausibleSpeaker(ctx: Context, link: ClaimSource, d: Draft, pronoun: Span): boolean {
  const spans = namedSpans(ctx, link);
  if (spans.length === 0) return false;
  if (spans.some((sp) => d.contentParts.some((p) => p.start <= sp.start && sp.end <= p.end))) return true;
  const before = spans.filter((sp) => sp.end <= pronoun.start).sort((a, b) => b.start - a.start)[0];
  if (!before) return false;
  if (insideQuote(ctx, before.start)) return true;
  return ADDRESSEE_BEFORE_RE.test(ctx.text.slice(Math.max(0, before.start - 60), before.start));
}

/**
 * The pronoun the text uses for a person, when it says: a title before one of its names ("Mr. Klein" → he, "Ms. Marsh"
 * → she), else the pronoun of an earlier claim that person made ("…,” she said"). Undefined when the text does not
 * say or says both. A "he said" is never given to someone the article calls "she".
 */
function genderOf(ctx: Context, earlier: readonly Draft[], person: ClaimSource): 'he' | 'she' | undefined {
  if (person.kind !== 'person') return undefined;
  const seen = new Set<'he' | 'she'>();
  for (const sp of namedSpans(ctx, person)) {
    const title = /\b(Mr|Mrs|Ms|Miss)\.?\s+(?:\p{Lu}\.\s+)?$/u.exec(ctx.text.slice(Math.max(0, sp.start - 12), sp.start));
    if (title) seen.add(title[1] === 'Mr' ? 'he' : 'she');
  }
  for (const d of earlier) {
    const link = d.cueSourceIndex >= 0 ? d.chain[d.cueSourceIndex] : undefined;
    if (!link?.span || link.isUnresolved) continue;
    const isSame = (person.entityId !== undefined && link.entityId === person.entityId) || (person.mentionId !== undefined && link.mentionId === person.mentionId) || link.name === person.name;
    const word = ctx.text.slice(link.span.start, link.span.end).toLowerCase();
    if (isSame && (word === 'he' || word === 'she')) seen.add(word);
  }
  return seen.size === 1 ? [...seen][0] : undefined;
}

/** The person a sentence opens with ("Morrison was the third witness …", "Gov. Tom Reyes said …"), as a link. */
function sentenceSubjectPerson(ctx: Context, si: number): ClaimSource | undefined {
  const s = ctx.sentences[si];
  if (!s) return undefined;
  const toks = tokenise(ctx.text, { start: s.start, end: Math.min(s.end, s.start + 80) });
  const limit = toks[Math.min(3, toks.length - 1)]?.start ?? s.start;
  const m = ctx.mentions.find((x) => x.type === 'PER' && x.start >= s.start && x.start <= limit);
  if (!m || insideQuote(ctx, m.start)) return undefined;
  // Only when nothing but titles or "The" stands before the name: the name is the subject, not an object.
  const before = ctx.text.slice(s.start, m.start).trim();
  if (before !== '' && !/^(?:(?:The|[\p{Lu}][\p{L}.]*\.?)\s*){0,3}$/u.test(before)) return undefined;
  const entity = ctx.entities.find((e) => e.mentionIds.includes(m.id));
  return { kind: 'person', name: entity?.name ?? m.text, mentionId: m.id, ...(entity ? { entityId: entity.id } : {}) };
}

/**
 * "“…,” he said": a speaker pronoun keeps the entity stage's resolution unless that person is the subject of the quote
 * or the one being told. Otherwise it takes, in order: the person the previous sentence opens with (its subject: "Morrison
 * was the third witness … He said …"), then the speaker of the latest claim within three sentences (the run of a quoted
 * speaker), else it stays an unidentified speaker. "it said" takes the latest organisation or outlet speaker within two
 * sentences before falling back on the nearest organisation named. The last-named person in the text is never taken as such.
 */
function resolveSpeakerPronouns(ctx: Context, drafts: readonly Draft[]): void {
  const ordered = [...drafts].sort((a, b) => (a.cue?.start ?? a.content.start) - (b.cue?.start ?? b.content.start));
  const latestSpeaker = (n: number, here: number, window: number, fits: (speaker: ClaimSource) => boolean): ClaimSource | undefined => {
    for (let k = n - 1; k >= 0; k--) {
      const prev = ordered[k]!;
      if (here - sentenceIndexAt(ctx, prev.cue?.start ?? prev.content.start) > window) return undefined;
      // Who wished or judged ("reports urging new rules", "X criticized …") is no run of reported speech to continue.
      if (prev.kind) continue;
      // A question ends the run: "“Where were you?” she asked. “At home,” he said." — the answer is the other's.
      if (prev.isDirectQuote && /\?\s*[”"]?\s*$/u.test(ctx.text.slice(prev.content.start, prev.content.end))) return undefined;
      const speaker = prev.cueSourceIndex >= 0 ? prev.chain[prev.cueSourceIndex] : undefined;
      if (speaker && !speaker.isUnresolved && fits(speaker)) return speaker;
    }
    return undefined;
  };
  ordered.forEach((d, n) => {
    const at = d.cueSourceIndex;
    const link = at >= 0 ? d.chain[at] : undefined;
    const span = link?.span;
    if (!link || !span) return;
    const word = ctx.text.slice(span.start, span.end).toLowerCase();
    const here = sentenceIndexAt(ctx, link.span.start);
    let replacement: ClaimSource | undefined;
    if (word === 'it') {
      replacement = latestSpeaker(n, here, 2, (sp) => sp.kind === 'organisation' || sp.kind === 'outlet' || sp.kind === 'document');
      if (!replacement) return;
    } else if (d.quotedBy && /^(?:he|she|they|people)$/.test(word)) {
      // Inside someone's quoted words a third-person pronoun is someone else: never the quote's speaker, and no guess
      // from nearby sentences (they hold the quote's speaker).
      const quoted = d.quotedBy;
      const isSpeaker = (link.mentionId !== undefined && link.mentionId === quoted.mentionId) || link.name === quoted.name;
      if (!link.isUnresolved && !isSpeaker) return;
    } else if (word === 'he' || word === 'she') {
      const isOtherGender = (sp: ClaimSource): boolean => genderOf(ctx, ordered.slice(0, n), sp) === (word === 'he' ? 'she' : 'he');
      if (!link.isUnresolved && !isImplausibleSpeaker(ctx, link, d, link.span) && !isOtherGender(link)) return;
      const subject = sentenceSubjectPerson(ctx, here - 1);
      if (subject && !isImplausibleSpeaker(ctx, subject, d, link.span) && !isOtherGender(subject)) replacement = subject;
      // "Senator Lowe said Smith was wrong when he told reporters …": inside another speaker's words, after another person
      // is named there, "he" is not that speaker.
      const isAfterNamedPerson = drafts.some((o) => o !== d && o.cueSourceIndex >= 0 && o.contentParts.some((p) => p.start <= span.start && span.end <= p.end) && ctx.mentions.some((m) => m.type === 'PER' && o.content.start <= m.start && m.end <= span.start));
      if (!isAfterNamedPerson) replacement ??= latestSpeaker(n, here, 3, (sp) => sp.kind === 'person' && !/^(?:he|she)$/i.test(sp.name) && !isImplausibleSpeaker(ctx, sp, d, span) && !isOtherGender(sp));
    } else return;
    const chain = [...d.chain];
    chain[at] = replacement
      ? { ...replacement, span: link.span }
      : { kind: 'anonymous', name: 'unidentified speaker', count: 1, span: link.span, isUnresolved: true };
    d.chain = chain;
  });
}

// ---------------------------------------------------------------------------------------------------
// Nested attribution

/** "told The Associated Press", "in an email to Reuters", "in an interview with CNN": who the speaker told. */
const RELAY_RE = /\b(?:told|tells|telling|in\s+(?:an?|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?(?:e-?mail|interview|statement|letter|message|call|comments?|remarks?)\s+(?:to|with))\s+((?:the\s+)?(?:state(?:-run|-owned)?\s+(?:TV|television|radio|news agency)|\p{Lu}[\p{L}\p{N}.’'&/-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}\p{N}.’'&/-]*)*))/gu;

/**
 * The addressee of the speaker is never the source; when it is an outlet ("told VOA", "in an email to The Associated
 * Press") it is the relay that carried the words, so it becomes the link just outside the speaker.
 */
function addRelayOutlet(ctx: Context, d: Draft): void {
  if (!d.cue || d.cueSourceIndex < 0) return;
  const sentence = ctx.sentences[sentenceIndexAt(ctx, d.cue.start)];
  const regionEnd = d.content.start >= d.cue.end ? d.content.start : (sentence?.end ?? d.cue.end);
  // The cue itself may be "told": the region starts at the cue.
  const region = ctx.text.slice(d.cue.start, regionEnd);
  RELAY_RE.lastIndex = 0;
  for (let m = RELAY_RE.exec(region); m; m = RELAY_RE.exec(region)) {
    const at = d.cue.start + m.index + m[0].length - m[1]!.length;
    const link = describeSource(ctx, { start: at, end: at + m[1]!.length });
    if (link.kind !== 'outlet' || d.chain.some((c) => c.kind === 'outlet' && c.name === link.name)) continue;
    d.chain = [...d.chain.slice(0, d.cueSourceIndex), link, ...d.chain.slice(d.cueSourceIndex)];
    d.cueSourceIndex += 1;
    return;
  }
}

/** Cues that relay words (not beliefs, findings or descriptions), so a claim inside another's content may be nested. */
const NEST_LEMMAS = new Set(['say', 'tell', 'report', 'announce', 'state', 'claim', 'confirm', 'deny', 'add', 'write', 'inform', 'quote', 'assert', 'allege', 'acknowledge', 'admit', 'according to', 'warn', 'testify', 'disclose', 'reveal', 'explain', 'insist', 'tweet', 'post', 'brief', 'reply', 'respond']);
/** Verbs that relay what others said when another reporting clause is their content ("He notes that the Commission announced …"). */
const OUTER_RELAY_LEMMAS = new Set([...NEST_LEMMAS, 'note', 'recall', 'point out', 'argue', 'observe', 'stress', 'emphasize', 'emphasise', 'remark', 'contend', 'maintain', 'find', 'show', 'conclude', 'indicate', 'learn', 'write']);

/**
 * "Reuters reported that officials told state TV that …", "X said Y told him …": a claim whose cue and speaker lie
 * inside another claim's content is relayed by that claim's speaker, so the outer chain (down to its speaker) is put
 * before its own. The innermost enclosing claim is the parent; parents are nested first.
 */
function nestDrafts(ctx: Context, drafts: readonly Draft[]): void {
  const contains = (outer: Span, inner: Span): boolean => outer.start <= inner.start && inner.end <= outer.end;
  const parentOf = new Map<Draft, Draft>();
  // "Clinton had told police officials that …, the source added.": the leading claim's content ran over the trailing
  // attribution that holds it. Each contains the other's cue; the trailing one (later cue) is the outer claim, and the
  // inner content ends where the outer content ends.
  for (const d of drafts) {
    for (const o of drafts) {
      if (o === d || !d.cue || !o.cue || o.cue.start <= d.cue.start || d.contentParts.length > 1 || d.isDirectQuote) continue;
      if (contains(d.content, o.cue) && contains(o.content, d.cue) && o.content.end < d.content.end && o.content.end > d.content.start) {
        d.content = { start: d.content.start, end: o.content.end };
        d.contentParts = [d.content];
      }
    }
  }
  for (const d of drafts) {
    if (!d.cue || d.cueSourceIndex < 0 || !NEST_LEMMAS.has(d.cueLemma ?? '')) continue;
    const speakerLink = d.chain[d.cueSourceIndex];
    const speaker = speakerLink?.span;
    // "Clinton said she believes …": a pronoun speaker inside the content is most often the outer speaker again.
    if (!speakerLink || !speaker || wordCount(ctx.text, speaker) > 6) continue;
    const isPronounSpeaker = /^(?:he|she|they|it|i|we|you)$/i.test(ctx.text.slice(speaker.start, speaker.end));
    let best: Draft | undefined;
    for (const o of drafts) {
      // A wish or a judgement relays no one's words.
      if (o === d || o.cueSourceIndex < 0 || o.isFrame || !o.cue || o.kind) continue;
      if (!o.contentParts.some((p) => contains(p, d.cue!) && (!speaker || contains(p, speaker)))) continue;
      if (contains(d.content, o.content) || contains(d.content, o.cue) || o.chain.some((c) => c.name === speakerLink.name)) continue;
      // Only a short, clean outer speaker relaying words in the same sentence: long spans are clause-boundary errors.
      const outerSpeaker = o.chain[o.cueSourceIndex]?.span;
      if (!OUTER_RELAY_LEMMAS.has(o.cueLemma ?? '') || !outerSpeaker || wordCount(ctx.text, outerSpeaker) > 8) continue;
      // "Clinton said she believes …": a pronoun inside a person's words is most often that person again; inside a
      // document's or an outlet's ("he told settlers, according to a statement") it is someone else.
      const outerKind = o.chain[o.cueSourceIndex]?.kind;
      // Unless another person is named in those words before the pronoun: "Flynn said Trump was right when he said …".
      const namedBefore = ctx.mentions.some((m) => m.type === 'PER' && o.content.start <= m.start && m.end <= speaker.start && !o.chain.some((c) => c.mentionId === m.id || c.name === m.text));
      if (isPronounSpeaker && (outerKind === 'person' || outerKind === 'anonymous') && !namedBefore && d.quotedBy !== o.chain[o.cueSourceIndex]) continue;
      // A direct quotation may run over several sentences: a report inside it is relayed by its speaker wherever the
      // attribution stands.
      if (!o.isDirectQuote && sentenceIndexAt(ctx, o.cue.start) !== sentenceIndexAt(ctx, d.cue.start)) continue;
      if (!best || o.content.end - o.content.start < best.content.end - best.content.start) best = o;
    }
    if (best) parentOf.set(d, best);
  }
  const done = new Set<Draft>();
  const resolve = (d: Draft, depth: number): void => {
    if (done.has(d) || depth > 5) return;
    done.add(d);
    const parent = parentOf.get(d);
    if (!parent) return;
    resolve(parent, depth + 1);
    const outer = parent.chain.slice(0, parent.cueSourceIndex + 1);
    d.chain = [...outer, ...d.chain];
    d.cueSourceIndex += outer.length;
  };
  for (const d of drafts) resolve(d, 0);
}

/**
 * "Alex Horton of the Washington Post", "a reporter for the Pittsburgh Post-Gazette": when the words are relayed by a
 * journalist, the outlet they write for is the relay link.
 */
function employerOutlet(ctx: Context, span: Span): ClaimSource | undefined {
  const phrase = ctx.text.slice(span.start, span.end);
  // "NPR's Feng": the outlet in the possessive.
  const possessive = /^(?:the\s+)?([\p{Lu}][\p{L}\p{N}.&-]*(?:\s+[\p{Lu}][\p{L}\p{N}.&-]*)*)\s?['’]s\s+\p{Lu}/u.exec(phrase);
  if (possessive) {
    const owner = describeSource(ctx, { start: span.start + possessive.index + possessive[0].indexOf(possessive[1]!), end: span.start + possessive.index + possessive[0].indexOf(possessive[1]!) + possessive[1]!.length });
    if (owner.kind === 'outlet') return { ...owner, span };
  }
  const of = /\s+(?:of|for|at)\s+(?:the\s+)?(?=\p{Lu})/u.exec(phrase);
  if (!of) return undefined;
  const employer = describeSource(ctx, { start: span.start + of.index + of[0].length, end: span.end });
  return employer.kind === 'outlet' ? { ...employer, span } : undefined;
}

/**
 * "Richardson, via USA Today, said", "…, Heyward said, via a reporter of the Pittsburgh Post-Gazette", "…, one
 * commenter said, per Feng": the words reached the article through that outlet or reporter, so the link goes outside
 * the speaker. "The ministry said via a spokesman" keeps the spokesman inside (the ministry spoke through them).
 */
function moveRelaysOutside(ctx: Context, d: Draft): void {
  if (d.cueSourceIndex < 0) return;
  for (let k = d.cueSourceIndex + 1; k < d.chain.length; k++) {
    const link = d.chain[k]!;
    if (!link.span) continue;
    const before = ctx.text.slice(Math.max(0, link.span.start - 5), link.span.start);
    const isPer = /\bper\s+$/.test(before);
    const isVia = /\bvia\s+$/.test(before);
    if (!isPer && !(isVia && (link.kind === 'outlet' || link.kind === 'social-media' || ctx.lexicon.patterns.outletSuffix.test(ctx.text.slice(link.span.start, link.span.end))))) continue;
    const chain = [...d.chain];
    chain.splice(k, 1);
    chain.splice(d.cueSourceIndex, 0, employerOutlet(ctx, link.span) ?? link);
    d.chain = chain;
    d.cueSourceIndex += 1;
  }
}

function finish(ctx: Context, all: Draft[]): ClaimRecord[] {
  const drafts = all.filter((d) => !isNotAClaim(ctx, d));
  resolveSpeakerPronouns(ctx, drafts);
  for (const d of drafts) {
    addRelayOutlet(ctx, d);
    moveRelaysOutside(ctx, d);
  }
  nestDrafts(ctx, drafts);
  for (const d of drafts) addSocialMedia(ctx, d);
  resolveOutletNominals(ctx, drafts);
  const ordered = drafts
    .map((d) => ({ d, evidence: evidenceOf(ctx, d) }))
    .sort((a, b) => a.evidence.start - b.evidence.start || (a.d.cue?.start ?? a.d.content.start) - (b.d.cue?.start ?? b.d.content.start));
  const records: ClaimRecord[] = [];
  ordered.forEach(({ d, evidence }, n) => {
    const stance = stanceOf(ctx, d);
    let respondsToClaimId: string | undefined;
    if (stance === 'denied' || stance === 'confirmed' || stance === 'not-acknowledged') {
      respondsToClaimId = answeredClaim(ctx, d, records);
    }
    const record: ClaimRecord = {
      id: `c${n + 1}`,
      evidence,
      content: d.content,
      ...(d.cue ? { cue: d.cue } : {}),
      ...(d.cueLemma ? { cueLemma: d.cueLemma } : {}),
      isDirectQuote: d.isDirectQuote,
      chain: d.chain,
      cueSourceIndex: d.cueSourceIndex,
      stance,
      kind: d.kind ?? 'assertion',
      isHedged: isHedgedDraft(ctx, d, evidence),
      eventIds: [],
      contentParts: d.contentParts,
      ...(respondsToClaimId ? { respondsToClaimId } : {}),
    };
    records.push(record);
  });
  return records;
}

/** The earlier claim a denial/confirmation answers: the best content-word overlap, or the latest for "the report". */
function answeredClaim(ctx: Context, d: Draft, earlier: readonly ClaimRecord[]): string | undefined {
  const contentText = ctx.text.slice(d.content.start, d.content.end).trim();
  const isAnaphoric = contentText === '' || ANAPHORIC_CONTENT_RE.test(contentText);
  const origin = d.chain[d.chain.length - 1]?.name;
  const mine = contentWords(ctx.text, d.content);
  let best: { id: string; score: number } | undefined;
  for (const c of earlier) {
    // A denial answers a statement of fact, not a wish or a judgement.
    if (c.kind !== 'assertion') continue;
    if (c.chain[c.chain.length - 1]?.name === origin) continue;
    // "It said that the IRGC denied the report": the denial sits inside that claim; it answers something else.
    if (d.cue && c.content.start <= d.cue.start && d.cue.end <= c.content.end) continue;
    let score = 0;
    for (const w of contentWords(ctx.text, c.content)) if (mine.has(w)) score++;
    if (!best || score >= best.score) best = { id: c.id, score };
  }
  if (!best) return undefined;
  if (best.score >= 2 || isAnaphoric) return best.id;
  return undefined;
}

/** The Mention ids a claim's chain points to, for callers that want them without the chain. */
export function chainMentionIds(claim: ClaimRecord): string[] {
  return claim.chain.flatMap((c) => (c.mentionId ? [c.mentionId] : []));
}
