/**
 * How a claim stands toward the events it carries, checked against the words that make a denial or a
 * confirmation. A denial answers a report: a denial verb ("denied", "rejected", "dismissed", "refuted"), a
 * judgement ("called the report false", "rejected as false") or a statement that the event never took place
 * ("did not happen", "no such meeting took place"). A negated mention of an action ("the army did not shell the
 * town") answers nobody: it is an event stated with negated modality.
 */
import type { Claim, Modality } from '../../model/index.js';
import type { ReportStance } from '../corroborate/index.js';

/** Cue lemmas that deny what they answer ("call" only with a judgement: "called the report false"). */
export const DENIAL_CUES: ReadonlySet<string> = new Set(['deny', 'reject', 'dismiss', 'refute', 'rebut', 'dispute', 'contradict', 'call']);

/**
 * Denial verbs with other senses ("rejected the proposal", "dismissed the coach", "disputed the bill"): they deny
 * only a that-clause ("rejected that its troops …") or a report ("rejected the accusations", "dismissed the claims").
 */
const BROAD_DENIAL_CUES: ReadonlySet<string> = new Set(['reject', 'dismiss', 'dispute', 'contradict']);
const REPORT_NOUNS = /\b(?:reports?|claims?|accusations?|allegations?|accounts?|charges?|statements?|stor(?:y|ies)|suggestions?|assertions?|rumou?rs?|version|findings?|assessments?)\b/i;

/** Cue lemmas that affirm what they answer. */
export const CONFIRMATION_CUES: ReadonlySet<string> = new Set(['confirm', 'acknowledge', 'admit', 'concede', 'verify', 'agree']);

/**
 * Words inside a claim that say the reported thing did not take place or is untrue, whoever is quoted saying it:
 * "the meeting did not happen", "no such meeting took place", "rejected as false", "the reports are baseless".
 */
const DENIAL_PHRASES: readonly RegExp[] = [
  /\b(?:did not|didn't|never) (?:happen|take place|occur)\b/i,
  /\bnever (?:happened|took place|occurred)\b/i,
  /\bno such \w+(?: \w+)? (?:took place|happened|occurred|exists?|was held|ever took place)\b/i,
  /\b(?:rejected|dismissed|denounced) (?:\w+ ){0,3}as (?:false|baseless|untrue|fabricated|fake|lies|a lie|groundless|unfounded|nonsense)\b/i,
  /\b(?:is|are|was|were) (?:completely |totally |entirely |utterly |simply )?(?:false|untrue|baseless|fabricated|groundless|unfounded|fake news|a fabrication|lies|a lie)\b/i,
];

/** Forms of the denial and confirmation verbs, for a claim that names no cue lemma. */
const DENIAL_WORDS = /\b(?:den(?:y|ies|ied|ying|ial)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing)|rebut(?:s|ted|ting)?|disput(?:e|es|ed|ing)|contradict(?:s|ed|ing)?)\b/i;
const CONFIRMATION_WORDS = /\b(?:confirm(?:s|ed|ing)?|acknowledg(?:e|es|ed|ing)|admit(?:s|ted|ting)?|conced(?:e|es|ed|ing)|verif(?:y|ies|ied|ying)|agree(?:s|d|ing)?)\b/i;

/** True when the claim's cue is one of `lemmas`, or, with no cue lemma recorded, its sentence uses one of `forms`. */
function hasCue(claim: Claim, evidence: string, lemmas: ReadonlySet<string>, forms: RegExp): boolean {
  return claim.cueLemma !== undefined ? lemmas.has(claim.cueLemma) : forms.test(evidence);
}

/** True when the text says the reported thing did not happen or is untrue. */
export function hasDenialPhrase(text: string): boolean {
  return DENIAL_PHRASES.some((re) => re.test(text));
}

/** The stance a claim's report of its events takes: denials and confirmations only with the words that make them. */
export function claimStance(claim: Claim, text: string): ReportStance {
  const content = text.slice(claim.content.start, claim.content.end);
  const evidence = text.slice(claim.evidence.start, claim.evidence.end);
  switch (claim.stance) {
    case 'denied':
      if (hasDenialPhrase(evidence)) return 'denied';
      if (!hasCue(claim, evidence, DENIAL_CUES, DENIAL_WORDS)) return 'asserted';
      // "The judge rejected fair use for AI training" rejects an argument; it answers no report.
      if (claim.cueLemma && BROAD_DENIAL_CUES.has(claim.cueLemma) && !/^\W*that\b/i.test(content) && !REPORT_NOUNS.test(content)) return 'asserted';
      return 'denied';
    case 'confirmed':
      return hasCue(claim, evidence, CONFIRMATION_CUES, CONFIRMATION_WORDS) ? 'confirmed' : 'asserted';
    case 'asserted':
    case 'speculated':
      // "The ministry said the meeting did not happen": a statement that it never took place answers the report.
      return hasDenialPhrase(content) ? 'denied' : claim.stance;
    default:
      return claim.stance;
  }
}

/** The stance of a report of one event by a claim: a claim asserting that an event did not happen is a negated mention. */
export function reportStance(claimStanceValue: ReportStance, modality: Modality): ReportStance {
  if (modality === 'negated' && (claimStanceValue === 'asserted' || claimStanceValue === 'speculated')) return 'negated';
  return claimStanceValue;
}
