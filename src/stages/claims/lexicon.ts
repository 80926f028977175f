/**
 * The claims lexicon: reporting verbs, hedges, anonymous-source words and outlet names, parsed from
 * the hand-edited files in src/data/ (reporting-verbs.txt, claim-hedges.txt, anonymous-sources.txt,
 * news-outlets.txt). Parsing is pure; reading the files is app/'s job (src/app/claims-lexicon.ts).
 */
import { DossierError, type Stance } from '../../model/index.js';

/** Resource key under which app/ passes the parsed ClaimsLexicon to the stage. */
export const CLAIMS_LEXICON = 'claims.lexicon@1';

/** The lexicon files, by role, as they are named in src/data/. */
export const CLAIMS_LEXICON_FILES = {
  reportingVerbs: 'reporting-verbs.txt',
  hedges: 'claim-hedges.txt',
  anonymousSources: 'anonymous-sources.txt',
  outlets: 'news-outlets.txt',
} as const;

/** The raw text of each lexicon file. */
export type ClaimsLexiconTexts = { readonly [K in keyof typeof CLAIMS_LEXICON_FILES]: string };

/** What a reporting verb says about its speaker: a stance, or "chain" for "quote"/"cite". */
export type VerbClass = Stance | 'chain';

/** Content frames a verb allows when its source comes first ("X said that …"). */
export type VerbFrame = 'that' | 'bare' | 'np' | 'wh' | 'to';

/** One reporting verb. */
export interface ReportingVerb {
  readonly lemma: string;
  readonly verbClass: VerbClass;
  readonly isHedged: boolean;
  readonly frames: ReadonlySet<VerbFrame>;
}

/** A hedge phrase and what it does. */
export type HedgeClass = 'hedge' | 'speculation' | 'passive';

/** Everything the claims stage knows about words. */
export interface ClaimsLexicon {
  /** Every surface form (lower case, multiword forms joined by one space) → its verb. */
  readonly verbForms: ReadonlyMap<string, ReportingVerb>;
  /** Hedge phrases (lower case) → class. */
  readonly hedges: ReadonlyMap<string, HedgeClass>;
  /** Anonymous-source nouns: singular and plural (lower case) → singular. */
  readonly anonymousNouns: ReadonlyMap<string, string>;
  /** Whether each anonymous noun form is plural. */
  readonly pluralNouns: ReadonlySet<string>;
  /** Anonymity markers, lower case ("unnamed", "who spoke on condition of anonymity"). */
  readonly anonymityMarkers: readonly string[];
  /** Count words (lower case) → count. */
  readonly countWords: ReadonlyMap<string, number | 'multiple'>;
  /** Outlet aliases (as written) → canonical name. */
  readonly outlets: ReadonlyMap<string, string>;
  /** Name endings that make a capitalised name an outlet ("News Agency"). */
  readonly outletSuffixes: readonly string[];
  readonly outletNouns: ReadonlySet<string>;
  readonly documentNouns: ReadonlySet<string>;
  /** Social platforms (as written). */
  readonly socialPlatforms: readonly string[];
  readonly organisationNouns: ReadonlySet<string>;
  readonly titleNouns: ReadonlySet<string>;
  /** Regular expressions compiled once from the lists above (Unicode-property patterns are slow to build). */
  readonly patterns: ClaimsPatterns;
}

/** Compiled patterns of a ClaimsLexicon. */
export interface ClaimsPatterns {
  /** Any outlet alias as a whole word, longest alternatives first. */
  readonly outletAlias: RegExp;
  /** Capitalised words ending in an outlet suffix ("Zaman Al-Wasl News Agency"). */
  readonly outletSuffix: RegExp;
  /** "on Telegram", "via X" (group 1: the platform). */
  readonly platformAfterPreposition: RegExp;
  /** "in a post on Telegram", "on X" after a cue (group 1: the platform). */
  readonly platformInRegion: RegExp;
  /** An organisation noun ending a phrase (lower case). */
  readonly organisationNounAtEnd: RegExp;
  /** A title noun with up to two words before it (lower case; group 1). */
  readonly title: RegExp;
  /** Agentless report phrases (lower case, global). */
  readonly passive: RegExp;
  /** Speculation markers as whole words, any case ("may", "could", "likely"). */
  readonly speculation: RegExp;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const byLengthDesc = (a: string, b: string): number => b.length - a.length;

function compilePatterns(l: Omit<ClaimsLexicon, 'patterns'>): ClaimsPatterns {
  const alt = (words: Iterable<string>): string => [...words].sort(byLengthDesc).map(escapeRe).join('|') || '(?!)';
  const passives = [...l.hedges].filter(([, c]) => c === 'passive').map(([p]) => p.split(/\s+/).map(escapeRe).join('\\s+'));
  return {
    outletAlias: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt(l.outlets.keys())})(?![\\p{L}\\p{N}])`, 'u'),
    // "Pittsburgh Post-Gazette": a hyphenated last word ending in a suffix counts whole.
    outletSuffix: new RegExp(`((?:\\p{Lu}[\\p{L}\\p{N}'’.&-]*\\s+)+)(?:\\p{Lu}\\p{L}*-)?(?:${alt(l.outletSuffixes)})(?![\\p{L}\\p{N}-])`, 'u'),
    platformAfterPreposition: new RegExp(`(?:\\b(?:on|via)\\s+|^(?:his|her|their|its|the)?\\s*)(${alt(l.socialPlatforms)})\\b`),
    platformInRegion: new RegExp(
      `\\b(?:in|on|via)\\s+(?:(?:a|an|his|her|its|their|the)\\s+)?(?:[\\w-]+\\s+)?(?:(?:post|tweet|message|video|thread|update|statement)\\s+(?:on|to)\\s+)?(${alt(l.socialPlatforms)})\\b`,
    ),
    organisationNounAtEnd: new RegExp(`\\b(?:${alt(l.organisationNouns)})$`),
    title: new RegExp(`(?:^|[\\s’'])((?:[\\p{L}-]+\\s+){0,2}?(?:${alt(l.titleNouns)}))\\b`, 'u'),
    passive: new RegExp(`\\b(?:${passives.sort(byLengthDesc).join('|') || '(?!)'})\\b`, 'g'),
    speculation: new RegExp(`\\b(?:${alt([...l.hedges].filter(([, c]) => c === 'speculation').map(([p]) => p))})\\b`, 'i'),
  };
}

const STANCES: readonly VerbClass[] = ['asserted', 'confirmed', 'denied', 'not-acknowledged', 'speculated', 'chain'];
const FRAMES: readonly VerbFrame[] = ['that', 'bare', 'np', 'wh', 'to'];
const HEDGE_CLASSES: readonly HedgeClass[] = ['hedge', 'speculation', 'passive'];

/** Non-comment, non-blank lines with their line numbers. */
function lines(text: string): { line: string; n: number }[] {
  return text
    .split('\n')
    .map((line, i) => ({ line: line.replace(/#.*$/, '').trim(), n: i + 1 }))
    .filter((l) => l.line.length > 0);
}

function bad(file: string, n: number, why: string, line: string): DossierError {
  return new DossierError('E_RESOURCE_MISSING', `${file}:${n}: ${why} in "${line}"`);
}

/** Regular -s, -ed and -ing forms of an English verb ("deny" → denies, denied, denying). */
export function regularForms(lemma: string): string[] {
  const consonantY = /[^aeiou]y$/.test(lemma);
  const third = consonantY ? `${lemma.slice(0, -1)}ies` : /(?:s|sh|ch|x|z)$/.test(lemma) ? `${lemma}es` : `${lemma}s`;
  const past = consonantY ? `${lemma.slice(0, -1)}ied` : lemma.endsWith('e') ? `${lemma}d` : `${lemma}ed`;
  const ing = lemma.endsWith('ee') ? `${lemma}ing` : lemma.endsWith('e') ? `${lemma.slice(0, -1)}ing` : `${lemma}ing`;
  return [lemma, third, past, ing];
}

function parseVerbs(text: string, file: string, into: Map<string, ReportingVerb>): void {
  for (const { line, n } of lines(text)) {
    const parts = line.split(/\s+/);
    // "point out" is two words: the lemma runs until the stance column.
    const stanceAt = parts.findIndex((p) => STANCES.includes(p.replace(/\+hedged$/, '') as VerbClass));
    if (stanceAt < 1 || parts.length < stanceAt + 2) throw bad(file, n, 'expected "lemma stance frames [forms…]"', line);
    const lemma = parts.slice(0, stanceAt).join(' ').toLowerCase();
    const stanceField = parts[stanceAt]!;
    const frames = parts[stanceAt + 1]!.split(',');
    if (frames.some((f) => !FRAMES.includes(f as VerbFrame))) throw bad(file, n, `unknown frame "${parts[stanceAt + 1]}"`, line);
    const verb: ReportingVerb = {
      lemma,
      verbClass: stanceField.replace(/\+hedged$/, '') as VerbClass,
      isHedged: stanceField.endsWith('+hedged'),
      frames: new Set(frames as VerbFrame[]),
    };
    const words = lemma.split(' ');
    const head = words[0]!;
    const tail = words.slice(1).join(' ');
    const listed = parts.slice(stanceAt + 2).map((f) => f.toLowerCase());
    const excluded = new Set(listed.filter((f) => f.startsWith('-')).map((f) => f.slice(1)));
    const forms = [...regularForms(head), ...listed.filter((f) => !f.startsWith('-'))].filter((f) => !excluded.has(f));
    for (const form of forms) into.set(tail ? `${form} ${tail}` : form, verb);
  }
}

/** Parses the four lexicon files; a malformed line throws a DossierError quoting file, line and text. */
export function parseClaimsLexicon(texts: ClaimsLexiconTexts): ClaimsLexicon {
  const verbForms = new Map<string, ReportingVerb>();
  parseVerbs(texts.reportingVerbs, CLAIMS_LEXICON_FILES.reportingVerbs, verbForms);

  const hedges = new Map<string, HedgeClass>();
  for (const { line, n } of lines(texts.hedges)) {
    const [cls, ...rest] = line.split(/\s+/);
    if (!HEDGE_CLASSES.includes(cls as HedgeClass) || rest.length === 0) throw bad(CLAIMS_LEXICON_FILES.hedges, n, 'expected "class phrase"', line);
    hedges.set(rest.join(' ').toLowerCase(), cls as HedgeClass);
  }

  const anonymousNouns = new Map<string, string>();
  const pluralNouns = new Set<string>();
  const anonymityMarkers: string[] = [];
  const countWords = new Map<string, number | 'multiple'>();
  for (const { line, n } of lines(texts.anonymousSources)) {
    const [kind, ...rest] = line.split(/\s+/);
    if (kind === 'noun' && rest.length === 2) {
      const [one, many] = rest.map((w) => w.toLowerCase()) as [string, string];
      anonymousNouns.set(one, one);
      anonymousNouns.set(many, one);
      pluralNouns.add(many);
    } else if (kind === 'marker' && rest.length > 0) {
      anonymityMarkers.push(rest.join(' ').toLowerCase());
    } else if (kind === 'count' && rest.length === 2) {
      const value = rest[1] === 'multiple' ? 'multiple' : Number(rest[1]);
      if (value !== 'multiple' && !Number.isInteger(value)) throw bad(CLAIMS_LEXICON_FILES.anonymousSources, n, 'count must be an integer or "multiple"', line);
      countWords.set(rest[0]!.toLowerCase(), value);
    } else {
      throw bad(CLAIMS_LEXICON_FILES.anonymousSources, n, 'expected "noun one many", "marker words…" or "count word value"', line);
    }
  }

  const outlets = new Map<string, string>();
  const outletSuffixes: string[] = [];
  const outletNouns = new Set<string>();
  const documentNouns = new Set<string>();
  const socialPlatforms: string[] = [];
  const organisationNouns = new Set<string>();
  const titleNouns = new Set<string>();
  for (const { line, n } of lines(texts.outlets)) {
    const m = /^(\S+)\s+(.+)$/.exec(line);
    if (!m) throw bad(CLAIMS_LEXICON_FILES.outlets, n, 'expected "kind value"', line);
    const [, kind, value] = m as unknown as [string, string, string];
    if (kind === 'outlet') {
      const aliases = value.split('|').map((a) => a.trim());
      for (const alias of aliases) outlets.set(alias, aliases[0]!);
    } else if (kind === 'suffix') outletSuffixes.push(value);
    else if (kind === 'noun') outletNouns.add(value.toLowerCase());
    else if (kind === 'document') documentNouns.add(value.toLowerCase());
    else if (kind === 'social') socialPlatforms.push(value);
    else if (kind === 'org') organisationNouns.add(value.toLowerCase());
    else if (kind === 'title') titleNouns.add(value.toLowerCase());
    else throw bad(CLAIMS_LEXICON_FILES.outlets, n, `unknown kind "${kind}"`, line);
  }

  const lexicon = {
    verbForms,
    hedges,
    anonymousNouns,
    pluralNouns,
    anonymityMarkers,
    countWords,
    outlets,
    outletSuffixes,
    outletNouns,
    documentNouns,
    socialPlatforms,
    organisationNouns,
    titleNouns,
  };
  return { ...lexicon, patterns: compilePatterns(lexicon) };
}
