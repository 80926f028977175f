/**
 * Sports results told with the verbs of conflict: "Minnesota beat Buffalo", "the Bruins routed the Devils",
 * "Carolina edged Chicago". News pages carry them (a round-up of last night's games is news), and the coder reads
 * them as ASSAULT between two places, and "rallied to beat" as a PROTEST. A result verb coded as violence is dropped
 * when its sentence gives a score or its article is a sports report, a comeback when its sentence reads as sports
 * in a sports report; an arrest, a fine or a protest in the same article is still an event.
 */
import type { CoderToken } from './coder.js';

/**
 * Lemmas of the verbs sports reports use for a result. Not "attack", "hit", "strike", "shoot" or "fight": those
 * are how violence is told, at a stadium too.
 */
const RESULT_VERBS = new Set([
  'beat', 'defeat', 'rout', 'crush', 'edge', 'top', 'down', 'blank', 'outscore', 'hammer', 'thrash', 'sweep', 'stun',
  'upset', 'eliminate', 'overpower', 'outlast', 'trounce', 'whip', 'clobber', 'dominate', 'overwhelm', 'maul',
  'pummel', 'drub', 'demolish', 'best', 'oust', 'topple', 'dispatch', 'humble', 'outplay', 'outduel',
]);

/** Types a contest verb is coded with when read as violence or force. */
const VIOLENT_TYPES = new Set(['ASSAULT', 'FIGHT', 'COERCE', 'THREATEN']);

/** "Rallied to beat", "rallied from a set down": a comeback, which the coder reads as a demonstration. */
const COMEBACK_VERBS = new Set(['rally']);

/** Words that are sports on their own. */
const STRONG = new Set([
  'assist', 'assists', 'touchdown', 'touchdowns', 'inning', 'innings', 'rebound', 'rebounds', 'overtime', 'playoff',
  'playoffs', 'wicket', 'wickets', 'hat-trick', 'halftime', 'half-time', 'quarterback', 'pitcher', 'striker',
  'midfielder', 'goalkeeper', 'goalie', 'shootout', 'league', 'tournament', 'championship', 'semifinal',
  'semi-final', 'quarterfinal', 'quarter-final', 'scoreless', 'homer', 'homers', 'birdie', 'nba', 'nfl', 'nhl',
  'mlb', 'fifa', 'uefa', 'saves', 'scored', 'hockey', 'football', 'soccer', 'basketball', 'baseball', 'cricket',
  'rugby', 'tennis', 'golf', 'olympics', 'olympic',
]);

/** Words that are sports only beside another ("a goal", "the game", "the season"). */
const WEAK = new Set([
  'goal', 'goals', 'game', 'games', 'match', 'matches', 'season', 'team', 'teams', 'coach', 'win', 'wins', 'victory',
  'points', 'cup', 'title', 'champion', 'champions', 'series', 'streak', 'round', 'final', 'score', 'straight',
  'home', 'road', 'period', 'minute', 'minutes',
]);

/** "4-1", "21–17" (not a year range: at most three digits a side); "Wild 4, Sabres 1". */
const SCORE = /(?<![\d/.-])\d{1,3}\s?[-–]\s?\d{1,3}(?![\d/.-])|\b\p{Lu}\p{Ll}+ \d{1,2}, (?:\p{Lu}[\p{L}.]* )+\d{1,2}\b/u;

/** Whether a sentence gives a score ("4-1", "Wild 4, Sabres 1"). */
export function hasScore(text: string): boolean {
  return SCORE.test(text);
}

/** Whether a sentence reads as sports: a score, a sports word, or two words sports shares with others. */
export function isSportsSentence(tokens: readonly CoderToken[], text: string): boolean {
  if (SCORE.test(text)) return true;
  let weak = 0;
  for (const t of tokens) {
    const word = t.text.toLowerCase();
    if (STRONG.has(word)) return true;
    if (WEAK.has(word) && ++weak >= 2) return true;
  }
  return false;
}

/** Whether the article is a sports report: at least three sentences, and one in six, read as sports results. */
export function isSportsReport(sentences: readonly { tokens: readonly CoderToken[]; text: string }[]): boolean {
  const sporty = sentences.filter((s) => isSportsSentence(s.tokens, s.text)).length;
  return sporty >= 3 && sporty * 6 >= sentences.length;
}

/** What the sports check reads of an event: its type and its participants' actor codes. */
export interface SportsCandidate {
  readonly ploverType: string;
  readonly sources: readonly { readonly code?: string }[];
  readonly targets: readonly { readonly code?: string }[];
}

/**
 * Whether a coded event is a sports result read as violence: a result verb coded with a violent type, in a
 * sentence with a score, or in a sports sentence of a sports report, between participants that are not coded
 * with a sector. "Police beat fans after the 2-1 match" is still an assault.
 */
export function isSportsResult(event: SportsCandidate, trigger: CoderToken, sentence: { tokens: readonly CoderToken[]; text: string }, isInSportsReport: () => boolean): boolean {
  const lemma = trigger.lemma.toLowerCase();
  const isResult = VIOLENT_TYPES.has(event.ploverType) && RESULT_VERBS.has(lemma);
  const isComeback = event.ploverType === 'PROTEST' && COMEBACK_VERBS.has(lemma);
  if (!isResult && !isComeback) return false;
  // Teams are names or places; police, troops, rebels or protesters (an actor code with a sector) are not teams.
  if ([...event.sources, ...event.targets].some((a) => (a.code?.length ?? 0) > 3)) return false;
  if (isResult && hasScore(sentence.text)) return true;
  // In a sports report a result verb between teams is a result even in a sentence with no sports word ("Russia beat
  // Croatia on Monday" in a Davis Cup report); a rally needs a sports sentence there (a "2-1 vote" is no match).
  return (isResult || isSportsSentence(sentence.tokens, sentence.text)) && isInSportsReport();
}
