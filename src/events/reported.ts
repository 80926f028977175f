/**
 * Is a coded event one the article reports, rather than a stance with no one acted on, a question, or a verb used
 * in another sense than the lexicon's? Pure rules over one coded event's CAMEO code and its sentence's tokens and
 * tree (issue 14 §2: precision on real news first).
 */
import type { ArcToken, SentenceDeps } from './arc-roles.js';

/** Why an event is not reported as news of its own. */
/**
 * CAMEO roots of acts addressed to someone: appeals (02), intents (03), consultations (04), support (05), cooperation
 * (06), aid (07), demands (10), threats (13). With no one they are addressed to ("Noem is defending the campaign",
 * "people are talking about it", "he's asking for it"), what is left is a stance or an idiom: a claim at most,
 * never a dyadic event an analyst can use. Disapproval, rejection and investigation (09, 11, 12) may be of a thing
 * ("condemned the move", "investigating the shooting"), and material acts (protest, force, assault, retreat,
 * mobilisation) may stand alone.
 */
const RECIPIENT_ROOTS = new Set(['02', '03', '04', '05', '06', '07', '10', '13']);

/**
 * Is an event of this CAMEO code, with these numbers of sources and targets, missing the one it is addressed to?
 * Parties named together as the source ("Russia and Turkey met", "Iran and Iraq held talks") act on each other.
 * @example lacksRecipient('042', 1, 0) // true: a visit with no one visited
 * @example lacksRecipient('040', 2, 0) // false: "Russia and Turkey met"
 * @example lacksRecipient('112', 1, 0) // false: "Jordan criticised the policy shift"
 */
export function lacksRecipient(cameo: string, sources: number, targets: number): boolean {
  return targets === 0 && sources < 2 && RECIPIENT_ROOTS.has(cameo.slice(0, 2));
}

/** Closing quotation marks and brackets that may follow a sentence's last stop. */
const CLOSERS = new Set(['"', "'", '\u201d', '\u2019', ')', ']']);

/**
 * Is the trigger at sentence token `i` inside a question: does the first stop after it (. ! ? or ;) read "?" ("What's
 * America talking about?", "“Why did they attack us?” he said")? A question asks whether something happened; it
 * reports nothing.
 * @example isInQuestion(tokens('Who attacked the convoy?'), 1) // true
 */
export function isInQuestion(tokens: readonly Pick<ArcToken, 'text'>[], i: number): boolean {
  for (let k = i + 1; k < tokens.length; k++) {
    const w = tokens[k]!.text;
    if (w === '?') return true;
    if (w === '.' || w === '!' || w === ';' || w === '…') return false;
    if (CLOSERS.has(w)) continue;
  }
  return false;
}

/** CAMEO roots whose verb, with a thing as its object, is used in another sense: 04 consult ("met the deadline", "receive bids"), 18–20 assault ("executed a search warrant", "hits the high notes", "shot a video"). */
const PERSON_OBJECT_ROOTS = new Set(['04', '18', '19', '20']);

/**
 * Is the trigger at sentence token `head` a consult or assault verb whose direct object is a thing, not someone or
 * somewhere ("executed a search warrant", "hit the usual high notes", "receive bids")? The object fixes the verb's
 * sense, whatever other phrase the coder took as target. `isParticipant(k)` says whether the noun phrase headed by
 * token k names a person, group, state, place or property; a counted object ("killed 12") is always a participant.
 * @example hasThingObject(tokens, deps, 1, '180', (k) => false) // true for "executed a warrant"
 */
export function hasThingObject(tokens: readonly ArcToken[], deps: SentenceDeps, head: number, cameo: string, isParticipant: (k: number) => boolean): boolean {
  if (!PERSON_OBJECT_ROOTS.has(cameo.slice(0, 2)) || deps.head.length !== tokens.length) return false;
  for (let k = 0; k < tokens.length; k++) {
    if (deps.head[k] !== head || deps.label[k] !== 'obj') continue;
    const t = tokens[k]!;
    if (t.pos === 'NUM' || t.pos === 'PRON' || t.pos === 'PROPN') continue;
    if (deps.head.some((h, j) => h === k && deps.label[j] === 'nummod')) continue;
    if (!isParticipant(k)) return true;
  }
  return false;
}

/**
 * Is the threat verb at sentence token `head` advice rather than a threat: it names someone told to do something
 * ("Officials have warned people to [stay] away", "cautioned investors to sell")? A threat's own infinitive has no
 * object before it ("threatened to kill Omar"). Our parser hangs the infinitive on the verb (xcomp) or on its object (acl).
 * @example isAdvice(tokens, deps, 2, '130') // true for "warned" in "Officials have warned people to stay away"
 */
export function isAdvice(tokens: readonly ArcToken[], deps: SentenceDeps, head: number, cameo: string): boolean {
  if (!cameo.startsWith('13') || deps.head.length !== tokens.length) return false;
  const objects = deps.head.flatMap((h, k) => (h === head && deps.label[k] === 'obj' ? [k] : []));
  if (objects.length === 0) return false;
  const isInfinitive = (v: number): boolean => tokens[v]!.pos === 'VERB' && deps.head.some((h, k) => h === v && deps.label[k] === 'mark' && tokens[k]!.text.toLowerCase() === 'to');
  return deps.head.some((h, v) => ((h === head && deps.label[v] === 'xcomp') || (objects.includes(h) && deps.label[v] === 'acl')) && isInfinitive(v));
}

/** Verbs whose past tense is spelled as their base form: "hit", "cut" may be past, so they never read as present. */
const SAME_FORM_PAST = new Set(['hit', 'cut', 'put', 'set', 'beat', 'shut', 'spread', 'quit', 'bet', 'cast', 'cost', 'burst', 'hurt', 'let', 'read', 'shed', 'split', 'thrust', 'upset', 'broadcast', 'forecast', 'bid', 'rid']);
/** Clause arcs a finite verb may head. */
const FINITE_ARCS = new Set(['root', 'conj', 'ccomp', 'acl:relcl', 'advcl', 'parataxis']);

/**
 * How the trigger at sentence token `head` is used when it reports no single act: as an adjective ("the recently
 * [released] survey", "an internationally [recognized] centre"), as an order to the reader ("[visit] our Knowledge
 * Center"), or in the simple present of habits, schedules and descriptions ("Companies that [offer] food",
 * "The Corporation currently [provides] funding", "the tour … [concludes] in Boston"). News reports acts in the
 * past, the perfect or the progressive; a headline (no final stop) may use the present and is not read here.
 * @example nonEventUse(tokens, deps, 3, true) // 'modifier' for "released" in "the recently released survey"
 */
export function nonEventUse(tokens: readonly ArcToken[], deps: SentenceDeps, head: number, endsWithStop: boolean): 'modifier' | 'imperative' | 'present' | undefined {
  if (head < 0 || head >= tokens.length || deps.head.length !== tokens.length) return undefined;
  const rel = deps.label[head]!;
  if (rel === 'amod' || rel === 'compound') return 'modifier';
  const t = tokens[head]!;
  if (t.pos !== 'VERB' || !endsWithStop || !FINITE_ARCS.has(rel)) return undefined;
  const kids = deps.head.flatMap((h, k) => (h === head ? [k] : []));
  if (kids.some((k) => deps.label[k] === 'aux' || deps.label[k] === 'aux:pass' || (deps.label[k] === 'mark' && tokens[k]!.text.toLowerCase() === 'to'))) return undefined;
  const word = t.text.toLowerCase();
  const lemma = t.lemma.toLowerCase();
  const hasSubject = kids.some((k) => deps.label[k] === 'nsubj' || deps.label[k] === 'nsubj:pass' || deps.label[k] === 'expl');
  if (word === lemma) {
    if (SAME_FORM_PAST.has(lemma)) return undefined;
    // A bare main verb with no subject tells the reader to do something ("For more, [visit] our site").
    if (!hasSubject && rel === 'root') return 'imperative';
    // A subjectless conjunct shares its first conjunct's tense: "JumpCloud expands its ability to detect, [investigate]".
    if (!hasSubject) return rel === 'conj' && nonEventUse(tokens, deps, deps.head[head]!, endsWithStop) === 'present' ? 'present' : undefined;
    return 'present';
  }
  // -s form of a regular verb: "provides", "offers", "concludes" ("was", "has" are auxiliaries, not triggers).
  const isThirdPerson = word === `${lemma}s` || word === `${lemma}es` || (lemma.endsWith('y') && word === `${lemma.slice(0, -1)}ies`);
  return hasSubject && isThirdPerson ? 'present' : undefined;
}


/** Prepositions whose phrase is what a meeting is about or where a visitor came from: never the party met. */
const TOPIC_OR_ORIGIN_PREPS = new Set(['about', 'from', 'over', 'regarding', 'concerning', 'on']);

/**
 * Is the participant headed by sentence token `target` reached from the trigger at `head` only through a phrase of
 * topic or origin: "people were talking about South Dakota's slogan", "we've arrived late from London"? Such a
 * phrase says what was talked about or where someone came from, not whom they met or visited.
 * @example isTopicOrOrigin(tokens, deps, 4, 7) // true for "South Dakota" in "Many people were talking about South Dakota's slogan"
 */
export function isTopicOrOrigin(tokens: readonly ArcToken[], deps: SentenceDeps, head: number, target: number): boolean {
  if (deps.head.length !== tokens.length || target < 0 || target >= tokens.length) return false;
  for (let n = target, guard = 0; n >= 0 && n !== head && guard < tokens.length; n = deps.head[n]!, guard++) {
    const isTopic = deps.head.some((h, k) => h === n && deps.label[k] === 'case' && TOPIC_OR_ORIGIN_PREPS.has(tokens[k]!.text.toLowerCase()));
    if (isTopic) return true;
  }
  return false;
}

/** Verbs of force that also name an attack in words: "attacked Trump's wife, children, family, businesses". */
const VERBAL_SENSE_LEMMAS = new Set(['attack', 'assault', 'hit', 'target', 'assail', 'savage', 'lash']);
/** Nouns of speech and of the media it goes out on: an attack "in a tweet", "on Twitter", "in his speech" is made of words. */
const SPEECH_NOUNS = new Set(['tweet', 'post', 'speech', 'interview', 'statement', 'op-ed', 'editorial', 'column', 'letter', 'ad', 'advert', 'advertisement', 'commercial', 'video', 'podcast', 'debate', 'remark', 'comment', 'twitter', 'facebook', 'instagram', 'media', 'television', 'tv', 'radio', 'broadcast', 'show', 'book', 'article', 'essay', 'blog', 'memo', 'press', 'conference', 'briefing', 'rally', 'hearing', 'testimony', 'address', 'sermon', 'message', 'email', 'thread', 'headline', 'campaign']);
/** Prepositions of a medium ("in a tweet", "on Twitter", "during a debate", "via Facebook"). */
const MEDIUM_PREPS = new Set(['in', 'on', 'during', 'via', 'through', 'at']);

/**
 * Is the force verb at sentence token `head` an attack in words, not in deeds? Its arguments say so: a medium of
 * speech ("attacked Biden in a tweet", "hit out at the minister during a debate"), a predicative "as" ("attacked
 * the plan as reckless", "attacked him as a traitor"), or, given by the caller, things among those attacked that no
 * force reaches ("attacked Trump's wife, children, family, businesses and associates"). CAMEO codes such an attack
 * as criticism (111); as ASSAULT it would report violence that never happened.
 * @example isVerbalAttack(tokens, deps, 1, false) // true for "attacked" in "Pelosi attacked Trump in a tweet"
 */
export function isVerbalAttack(tokens: readonly ArcToken[], deps: SentenceDeps, head: number, attacksThings: boolean): boolean {
  if (head < 0 || head >= tokens.length || !VERBAL_SENSE_LEMMAS.has(tokens[head]!.lemma.toLowerCase())) return false;
  if (attacksThings) return true;
  if (deps.head.length !== tokens.length) return false;
  const kids = childrenOf(deps);
  const caseOf = (n: number): string => tokens[kids[n]!.find((k) => (deps.label[k] === 'case' || deps.label[k] === 'mark') && k < n) ?? -1]?.text.toLowerCase() ?? '';
  return kids[head]!.some((k) => {
    const rel = deps.label[k]!;
    if (rel !== 'obl' && rel !== 'advcl' && rel !== 'xcomp') return false;
    const prep = caseOf(k);
    const lemma = tokens[k]!.lemma.toLowerCase();
    if (MEDIUM_PREPS.has(prep) && SPEECH_NOUNS.has(lemma)) return true;
    // "as reckless", "as a traitor"; "as they slept" is a time clause.
    return prep === 'as' && (tokens[k]!.pos === 'ADJ' || tokens[k]!.pos === 'NOUN');
  });
}

function childrenOf(deps: SentenceDeps): number[][] {
  const out: number[][] = deps.head.map(() => []);
  deps.head.forEach((h, i) => {
    if (h >= 0 && h < out.length) out[h]!.push(i);
  });
  return out;
}

/** Words that open an indirect question: "demanded how Andrew could be so sure", "asked why", "wanted to know whether". */
const WH_WORDS = new Set(['how', 'why', 'what', 'whether', 'who', 'whom', 'when', 'where', 'which', 'if']);

/**
 * Does the request or appeal verb ending at sentence token `end` (exclusive) open an indirect question: "Maitlis
 * repeatedly demanded how Andrew could be so sure …"? A question put to someone asks what happened; it demands no act.
 * @example asksQuestion(words('She demanded how he could be sure'), 2) // true
 */
export function asksQuestion(tokens: readonly Pick<ArcToken, 'text'>[], end: number): boolean {
  const next = tokens[end]?.text.toLowerCase();
  return next !== undefined && WH_WORDS.has(next);
}
