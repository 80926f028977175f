/**
 * Event roles read from a dependency tree (UD v2 relations): who acted (subject, passive agent), on whom
 * (object, passive subject, "against/on/at/toward" phrases), and where (a locative phrase of the trigger's
 * clause). Works on one sentence with sentence-relative heads, so it can be tested on trees built by hand.
 */
import type { DepLabel, Upos } from '../model/index.js';

/** One sentence's tree: head[i] is the sentence-relative index of token i's head, -1 for the root. */
export interface SentenceDeps {
  readonly head: readonly number[];
  readonly label: readonly DepLabel[];
}

/** What the role reader needs of a token. */
export interface ArcToken {
  readonly text: string;
  readonly lemma: string;
  readonly pos: Upos;
}

/** A noun phrase filling a role: its head token and its extent [start, end) without clauses or PPs. */
export interface RoleSpan {
  readonly head: number;
  readonly start: number;
  readonly end: number;
}

/** Roles of one trigger. `actors` and `targets` list coordinated members ("A and B") in text order. */
export interface ArcRoles {
  readonly actors: readonly RoleSpan[];
  readonly targets: readonly RoleSpan[];
  readonly place?: RoleSpan;
  readonly isPassive: boolean;
  /** The clause heads from the trigger up to the sentence root, nearest first (for time attachment). */
  readonly clauseChain: readonly number[];
}

/** How the caller judges a phrase: does it name an actor (entity, dictionary actor, sector noun)? a place? */
export interface ArcJudge {
  isActor(span: RoleSpan): boolean;
  isPlace(span: RoleSpan): boolean;
}

const TARGET_PREPS = new Set(['against', 'on', 'at', 'toward', 'towards', 'upon', 'into']);
/** Prepositions whose phrase is a target only when it names an actor ("extradited suspects to Germany", "clashed with police"). */
const ACTOR_TARGET_PREPS = new Set(['to', 'with', 'from']);
const LOCATIVE_PREPS = new Set(['in', 'near', 'at', 'inside', 'outside', 'around', 'across', 'throughout', 'within', 'outside']);
/** Prepositions of time: what their phrase names is when, never whom. */
const TEMPORAL_PREPS = new Set(['during', 'after', 'before', 'since', 'until', 'till', 'amid', 'following', 'throughout']);
const MOVEMENT_LEMMAS = new Set(['arrive', 'travel', 'visit', 'land', 'return', 'go', 'come', 'depart', 'leave', 'fly', 'tour', 'enter', 'move', 'deploy', 'withdraw', 'retreat', 'pull', 'flee']);
/** Verbs of giving: the one given to (iobj, to-phrase) is the target, not the thing given. */
const TRANSFER_LEMMAS = new Set(['give', 'provide', 'send', 'deliver', 'supply', 'grant', 'offer', 'sell', 'pay', 'donate', 'lend', 'transfer', 'hand', 'award', 'extradite', 'deport', 'return', 'ship', 'export', 'loan']);
const LIGHT_VERBS = new Set(['launch', 'carry', 'conduct', 'stage', 'mount', 'hold', 'unleash', 'begin', 'start', 'continue', 'intensify', 'resume', 'order', 'make', 'organize', 'organise', 'lead', 'join', 'claim', 'impose', 'wage', 'commit', 'perpetrate', 'sign', 'call', 'announce', 'declare', 'execute', 'open', 'file', 'issue']);
/** Verbs whose subject undergoes the event: "the pilot died", "civilians starved". */
const UNDERGOER_VERBS = new Set(['die', 'perish', 'starve', 'drown', 'succumb', 'suffer', 'disappear', 'vanish']);
/** Verbs of receiving: their subject is the one given to when a from-phrase names the giver ("bought jets from France"). */
const RECEIVE_LEMMAS = new Set(['receive', 'obtain', 'acquire', 'buy', 'purchase', 'borrow', 'import']);
/** Capitalised words that name times: never a participant ("passed away on Saturday"). */
const TIME_WORDS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tomorrow', 'week', 'month', 'year', 'day', 'night', 'morning', 'evening', 'weekend']);
/** Event nouns naming what is done to someone: their possessor and of-phrase are the one it is done to. */
const PATIENT_NOUNS = new Set(['arrest', 'detention', 'killing', 'murder', 'assassination', 'release', 'kidnapping', 'abduction', 'execution', 'extradition', 'deportation', 'capture', 'imprisonment', 'expulsion', 'shooting', 'beating', 'torture', 'rescue', 'indictment', 'conviction', 'sentencing', 'dismissal', 'ouster', 'firing', 'trial', 'impeachment', 'prosecution', 'interrogation', 'questioning', 'arraignment', 'acquittal', 'pardon', 'hanging', 'lynching', 'stabbing', 'rape']);
/** Event nouns done by their possessor to their of-phrase: "Russia's bombing of Aleppo", "the siege of Mosul". */
const OF_TARGET_NOUNS = new Set(['bombing', 'bombardment', 'shelling', 'invasion', 'occupation', 'siege', 'blockade', 'massacre', 'slaughter', 'annexation', 'destruction', 'persecution', 'surveillance', 'investigation', 'liberation', 'looting', 'genocide', 'encirclement', 'recapture', 'takeover', 'conquest', 'boycott']);
/** Nouns of kinship: "the son of X" is someone else than X, whatever X names. */
const KIN_NOUNS = new Set(['son', 'daughter', 'wife', 'husband', 'brother', 'sister', 'mother', 'father', 'child', 'children', 'parent', 'family', 'relative', 'nephew', 'niece', 'cousin', 'grandson', 'granddaughter', 'grandchild', 'widow', 'widower', 'uncle', 'aunt', 'stepson', 'stepdaughter', 'fiancee', 'fiance', 'girlfriend', 'boyfriend', 'spouse']);
const NOMINAL_POS = new Set<Upos>(['NOUN', 'PROPN', 'NUM']);
const RELATIVE_PRONOUNS = new Set(['who', 'which', 'that', 'whom', 'whose']);
/** Dependents that belong to a noun phrase's own extent (not clauses, PPs, appositions or conjuncts). */
const NP_INTERNAL = new Set<DepLabel>(['compound', 'flat', 'amod', 'det', 'det:predet', 'nummod', 'nmod:poss', 'nmod:desc', 'case', 'compound:prt']);
/** Verbs asking someone to act: the subject of their that-clause is the one asked ("demanded that Sudan end curbs"). */
const REQUEST_LEMMAS = new Set(['demand', 'urge', 'ask', 'request', 'insist', 'call', 'press', 'appeal', 'order', 'require', 'warn', 'threaten']);
/** Verbs whose object does what their to-clause says ("forced France to capitulate"); with others the object is a
 *  thing and the to-clause a purpose ("invaded Syria to eradicate the group": Syria eradicates nothing). */
const OBJECT_CONTROL = new Set(['force', 'urge', 'ask', 'allow', 'let', 'help', 'order', 'tell', 'persuade', 'encourage', 'prompt', 'compel', 'push', 'pressure', 'want', 'invite', 'permit', 'enable', 'cause', 'instruct', 'authorize', 'authorise', 'convince', 'warn', 'direct', 'command', 'oblige', 'press', 'call', 'train', 'recruit', 'inspire', 'incite', 'lead', 'get', 'make', 'expect', 'need', 'require', 'advise', 'beg', 'implore', 'challenge', 'dare']);
/** Verbs of sending or engaging someone: the one sent does what the purpose clause says ("sent troops to fight"). */
const SEND_LEMMAS = new Set(['send', 'deploy', 'dispatch', 'hire', 'call', 'bring', 'recruit', 'appoint', 'assign', 'mobilize', 'mobilise', 'employ', 'commission', 'task', 'enlist', 'fly', 'rush']);
/**
 * Pronouns a reported clause's subject may stand for its reporting subject ("Iraq said it would allow …"). Not "he"
 * or "she": the entities stage resolves those by gender, while the climb to a reporting subject may cross clauses of
 * another speaker ("Maitlis demanded how Andrew could be so sure what he was doing …, during which he raped …").
 */
const PERSONAL_PRONOUNS = new Set(['it', 'they', 'we', 'i']);
const CLAUSAL = new Set<DepLabel>(['root', 'ccomp', 'xcomp', 'advcl', 'advcl:relcl', 'acl', 'acl:relcl', 'conj', 'parataxis', 'csubj']);

/** Children of every token in a sentence tree. */
function childrenOf(deps: SentenceDeps): number[][] {
  const out: number[][] = deps.head.map(() => []);
  deps.head.forEach((h, i) => {
    if (h >= 0 && h < out.length) out[h]!.push(i);
  });
  return out;
}

/** The case marker ("in", "by", "against") of a nominal, lower-case, or ''. */
function caseOf(tokens: readonly ArcToken[], deps: SentenceDeps, kids: readonly number[][], n: number): string {
  const c = kids[n]!.find((k) => deps.label[k] === 'case' && k < n);
  return c === undefined ? '' : tokens[c]!.text.toLowerCase();
}

/** The noun phrase of head n: n and its NP-internal dependents (recursively), contiguous, case marker excluded. */
export function phraseOf(tokens: readonly ArcToken[], deps: SentenceDeps, n: number, kids: readonly number[][] = childrenOf(deps)): RoleSpan {
  let start = n;
  let end = n + 1;
  const visit = (h: number): void => {
    for (const k of kids[h]!) {
      if (!NP_INTERNAL.has(deps.label[k]!) || deps.label[k] === 'case') continue;
      // "Russia's": the possessive marker belongs to the possessor, the phrase keeps it.
      start = Math.min(start, k);
      end = Math.max(end, k + 1);
      visit(k);
    }
  };
  visit(n);
  // A possessor's "'s" sits after it as a case dependent: keep the span contiguous up to the head.
  while (start < n && tokens[start]!.pos === 'PUNCT') start++;
  return { head: n, start, end };
}

/** The members of a coordinated phrase: the head and its conj dependents ("Russia and Turkey"). */
function coordinated(tokens: readonly ArcToken[], deps: SentenceDeps, kids: readonly number[][], n: number): number[] {
  const out = [n];
  for (const k of kids[n]!) {
    if (deps.label[k] !== 'conj') continue;
    // "12 people, including four children": a subset, not another member (parsers often make it a conjunct).
    const isSubset = kids[k]!.some((c) => c < k && SUBSET_MARKERS.has(tokens[c]!.text.toLowerCase())) || SUBSET_MARKERS.has(tokens[Math.max(0, k - 2)]!.text.toLowerCase()) || SUBSET_MARKERS.has(tokens[Math.max(0, k - 1)]!.text.toLowerCase());
    // "arrested Tays, 32, of Franklin, on several charges": a conjunct with a preposition of its own that the
    // first member lacks is a misparsed modifier, not another member.
    const ownCase = caseOf(tokens, deps, kids, k);
    const isModifier = ownCase !== '' && ownCase !== caseOf(tokens, deps, kids, n);
    if (!isSubset && !isModifier) out.push(...coordinated(tokens, deps, kids, k));
  }
  return out;
}

const SUBSET_MARKERS = new Set(['including', 'among', 'excluding', 'especially', 'mostly', 'mainly']);

const DATELINE_DASHES = new Set(['\u2014', '\u2013', '--', '-']);

/**
 * The number of tokens of a wire dateline opening the sentence ("LONDON (AP) —", "HANOI, Vietnam (AP) —"), 0 when
 * there is none: a place in capitals or an agency in brackets, no verb, then a dash within the first 12 tokens.
 * The parser reads the dateline as part of the clause ("LONDON … was accused": LONDON the passive subject), but it
 * names where the story was filed, never a participant.
 * @example datelineEnd(tokens('LONDON (AP) — Britain’s Conservative Party was accused …')) // 4
 */
export function datelineEnd(tokens: readonly ArcToken[]): number {
  for (let i = 1; i < Math.min(tokens.length - 1, 12); i++) {
    if (!DATELINE_DASHES.has(tokens[i]!.text)) continue;
    const prefix = tokens.slice(0, i);
    if (prefix.some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return 0;
    const isCapitalPlace = prefix.some((t) => /^\p{Lu}{3,}$/u.test(t.text));
    const isAgency = prefix.some((t, k) => t.text === '(' && prefix[k + 2]?.text === ')');
    return isCapitalPlace || isAgency ? i + 1 : 0;
  }
  return 0;
}

/** Reads the roles of the trigger whose head token is `trigger` (sentence-relative). */
export function arcRoles(tokens: readonly ArcToken[], deps: SentenceDeps, trigger: number, judge: ArcJudge): ArcRoles {
  const kids = childrenOf(deps);
  const dateline = datelineEnd(tokens);
  const label = (i: number): DepLabel => deps.label[i] ?? 'dep';
  const kidsWith = (h: number, ...labels: DepLabel[]): number[] => kids[h]!.filter((k) => labels.includes(label(k)));
  const phrase = (n: number): RoleSpan => phraseOf(tokens, deps, n, kids);
  /** A nominal as role members: conjuncts each, an apposition only when the head names no actor. */
  const members = (n: number): RoleSpan[] => {
    let resolved = n;
    // "the militants who attacked": the relative pronoun stands for the noun the clause modifies.
    if (RELATIVE_PRONOUNS.has(tokens[n]!.text.toLowerCase())) {
      let v = deps.head[n]!;
      while (v >= 0 && label(v) !== 'acl:relcl' && CLAUSAL.has(label(v)) && label(v) !== 'root') v = deps.head[v]!;
      if (v >= 0 && label(v) === 'acl:relcl' && deps.head[v]! >= 0) resolved = deps.head[v]!;
    }
    const out: RoleSpan[] = [];
    for (const m of coordinated(tokens, deps, kids, resolved)) {
      // "LONDON (AP) — Britain's Conservative Party was accused": the dateline the parser made the subject stands
      // for nothing; what it set in apposition after the dash is the participant.
      if (m < dateline) {
        out.push(...kidsWith(m, 'appos', 'conj').filter((k) => k >= dateline).flatMap((k) => members(k)));
        continue;
      }
      const p = phrase(m);
      const appos = kidsWith(m, 'appos').map(phrase).find((a) => judge.isActor(a));
      out.push(!judge.isActor(p) && appos ? appos : p);
    }
    return out;
  };
  const isNoun = tokens[trigger]!.pos === 'NOUN' || tokens[trigger]!.pos === 'PROPN';
  const isParticiple = (i: number): boolean => /(ed|en|wn)$|^(shot|hit|struck|held|seized|sent|put|cut|led|caught|hurt|beaten|bought|sold|brought|taken|thrown)$/i.test(tokens[i]!.text);
  // "Trump was bribed or blackmailed by Putin", "was arrested and charged": a participle coordinated with a passive
  // verb, with no subject or auxiliary of its own, shares its passive voice and its passive subject.
  const conjHead = label(trigger) === 'conj' ? deps.head[trigger]! : -1;
  const sharedPassiveSubject =
    conjHead >= 0 && !isNoun && isParticiple(trigger) && kidsWith(trigger, 'nsubj', 'nsubj:pass', 'aux', 'aux:pass').length === 0 && kidsWith(conjHead, 'aux:pass').length > 0 ? kidsWith(conjHead, 'nsubj:pass')[0] : undefined;
  // "Serbia on Tuesday demanded a meeting", "The German government today welcomed the statement": a time phrase
  // between subject and verb leads the parser to read a noun root modified by the verb. A verb with an object
  // under a noun root that precedes it is the sentence's predicate, active; without an object it may be a
  // headline's passive ("Man arrested in Kabul").
  const nounRoot = deps.head[trigger]! >= 0 && deps.head[trigger]! < trigger && deps.head[deps.head[trigger]!]! < 0 ? deps.head[trigger]! : -1;
  const isMisreadPredicate =
    !isNoun && nounRoot >= 0 && (label(trigger) === 'acl' || label(trigger) === 'acl:relcl') && ['NOUN', 'PROPN'].includes(tokens[nounRoot]!.pos) && kidsWith(trigger, 'obj').length > 0 && kidsWith(trigger, 'nsubj', 'nsubj:pass', 'mark').length === 0;
  // "authorities there were accused of …": the parser may read "were" as the verb and the participle as its
  // complement; a participle under a form of "be" is a passive whose subject is that of "be".
  const beHead = !isNoun && label(trigger) === 'xcomp' && deps.head[trigger]! >= 0 && tokens[deps.head[trigger]!]!.lemma.toLowerCase() === 'be' && isParticiple(trigger) ? deps.head[trigger]! : -1;
  const isPassive = !isNoun && (kidsWith(trigger, 'nsubj:pass', 'aux:pass').length > 0 || sharedPassiveSubject !== undefined || beHead >= 0 || (label(trigger) === 'acl' && isParticiple(trigger) && !isMisreadPredicate));
  // The clause heads from the trigger up: a noun trigger's clause is the verb that governs it. The chain
  // climbs through controlled, coordinated and adverbial clauses only: a reported clause's time and place
  // ("said on Tuesday") and a relative clause's are another event's.
  const clauseChain: number[] = [];
  for (let v = trigger, guard = 0; v >= 0 && guard < tokens.length; guard++) {
    const isClause = v === trigger || tokens[v]!.pos === 'VERB' || tokens[v]!.pos === 'AUX' || label(v) === 'root';
    if (isClause) {
      clauseChain.push(v);
      if (!['xcomp', 'conj', 'advcl'].includes(label(v)) && !(v === trigger && isNoun)) break;
    }
    v = deps.head[v]!;
  }

  let actors: RoleSpan[] = [];
  let targets: RoleSpan[] = [];
  if (isNoun) {
    // "an attack by X on Y", "Russian airstrikes on Idlib", "Israel's raid", "X launched an offensive against Y".
    // "his arrest", "the killing of X": for nouns of what is done to someone, the possessor and the of-phrase are the patient.
    const isPatientNoun = PATIENT_NOUNS.has(tokens[trigger]!.lemma.toLowerCase());
    const by = kidsWith(trigger, 'nmod', 'nmod:poss', 'amod', 'compound').find((k) =>
      label(k) === 'nmod' ? caseOf(tokens, deps, kids, k) === 'by' : !(isPatientNoun && label(k) === 'nmod:poss') && judge.isActor(phrase(k)),
    );
    if (by !== undefined) actors = members(by);
    // "talks between A and B", "an agreement between Kerry and Lavrov": the parties are a compound actor.
    const between = kidsWith(trigger, 'nmod').find((k) => caseOf(tokens, deps, kids, k) === 'between');
    if (actors.length === 0 && between !== undefined) actors = members(between);
    const on = kidsWith(trigger, 'nmod', 'nmod:poss').find((k) => {
      const prep = caseOf(tokens, deps, kids, k);
      if (label(k) === 'nmod:poss') return isPatientNoun;
      return TARGET_PREPS.has(prep) || (prep === 'of' && (by !== undefined || isPatientNoun || OF_TARGET_NOUNS.has(tokens[trigger]!.lemma.toLowerCase()))) || (prep === 'with' && judge.isActor(phrase(k)));
    });
    if (on !== undefined) targets = members(on);
    const governor = deps.head[trigger]!;
    if (actors.length === 0 && governor >= 0 && label(trigger) === 'obj' && LIGHT_VERBS.has(tokens[governor]!.lemma.toLowerCase())) {
      const subject = kidsWith(governor, 'nsubj')[0];
      if (subject !== undefined) actors = members(subject);
      if (targets.length === 0) {
        const obl = kidsWith(governor, 'obl').find((k) => TARGET_PREPS.has(caseOf(tokens, deps, kids, k)));
        if (obl !== undefined) targets = members(obl);
      }
    }
  } else {
    const byPhrase = (k: number): boolean => caseOf(tokens, deps, kids, k) === 'by';
    const agent = isPassive
      ? // A by-phrase parsed onto a neighbouring phrase ("released on Tuesday by the Taliban") is still the agent.
        [...kidsWith(trigger, 'obl:agent'), ...kidsWith(trigger, 'obl').filter(byPhrase), ...kidsWith(trigger, 'obl').flatMap((o) => kidsWith(o, 'nmod').filter(byPhrase)), ...(sharedPassiveSubject !== undefined ? [...kidsWith(conjHead, 'obl:agent'), ...kidsWith(conjHead, 'obl').filter(byPhrase)] : [])][0]
      : kidsWith(trigger, 'nsubj')[0];
    if (agent !== undefined) {
      actors = members(agent);
      // "Iraq said it would allow …": a pronoun subject of a reported clause is the reporting subject.
      if (actors.length === 1 && PERSONAL_PRONOUNS.has(tokens[agent]!.text.toLowerCase())) {
        for (let v = trigger, guard = 0; guard < 4; guard++) {
          const rel = label(v);
          const h = deps.head[v]!;
          if (h < 0 || !['ccomp', 'xcomp', 'advcl', 'conj', 'parataxis'].includes(rel)) break;
          const s2 = kidsWith(h, 'nsubj')[0];
          if (s2 !== undefined && judge.isActor(phrase(s2))) {
            actors = members(s2);
            break;
          }
          v = h;
        }
      }
    } else if (!isPassive) {
      // "Pakistan today threatened …": the parser may read the subject as a compound of the time word after it.
      const timeHead = kidsWith(trigger, 'obl:unmarked', 'obl:tmod', 'nmod:tmod', 'obl').find((k) => k < trigger && TIME_WORDS.has(tokens[k]!.lemma.toLowerCase()));
      // "In October, Rep. David McKinley, R-W.Va., visited …": or as a conjunct of a fronted time phrase.
      const misreadSubject = timeHead !== undefined ? kidsWith(timeHead, 'compound').find((k) => k < timeHead && judge.isActor(phrase(k))) : undefined;
      // Its conjuncts there are its own appositions ("R-W.Va."), not more actors: the name alone.
      const frontedSubject = timeHead !== undefined && misreadSubject === undefined ? kidsWith(timeHead, 'conj').find((k) => k > timeHead && k < trigger && tokens[k]!.pos === 'PROPN' && judge.isActor(phrase(k))) : undefined;
      if (misreadSubject !== undefined) actors = members(misreadSubject);
      else if (frontedSubject !== undefined) actors = [phrase(frontedSubject)];
      // No subject of its own: a controlled or shared subject ("vowed to attack", "met X and signed", "fired, killing").
      let v = trigger;
      for (let guard = 0; guard < 4 && actors.length === 0; guard++) {
        const rel = label(v);
        const h = deps.head[v]!;
        if (h < 0) break;
        if (rel === 'acl' || rel === 'acl:relcl') {
          // "the militants attacking the base": the modified noun does it; "the league's decision to suspend
          // Garrett": a noun's possessor; "the Taliban claimed responsibility for shooting down": the subject of
          // the verb whose object the noun is.
          if (v === trigger && isMisreadPredicate) actors = members(h);
          else if (rel === 'acl') {
            const possessor = kidsWith(h, 'nmod:poss')[0];
            const governor = deps.head[h]!;
            const outer = !judge.isActor(phrase(h)) && governor >= 0 && ['obj', 'obl'].includes(label(h)) ? kidsWith(governor, 'nsubj')[0] : undefined;
            actors = members(possessor ?? outer ?? h);
          }
          break;
        }
        if (rel !== 'xcomp' && rel !== 'conj' && rel !== 'advcl') break;
        // "Vietnam is one of the critics of China's claims … and has accused Beijing": a verb is never conjoined to a
        // noun; the parser hung it on the last noun of the first clause, whose subject it shares.
        if (rel === 'conj' && NOMINAL_POS.has(tokens[h]!.pos)) {
          let c = h;
          for (let up = 0; up < tokens.length && label(c) !== 'root' && tokens[c]!.pos !== 'VERB' && kidsWith(c, 'nsubj', 'cop').length === 0 && deps.head[c]! >= 0; up++) c = deps.head[c]!;
          const shared = kidsWith(c, 'nsubj')[0];
          if (shared !== undefined && shared < v) actors = members(shared);
          break;
        }
        // Object control: "forced France to capitulate", "urged them to attack", "let you massacre": the one
        // made or asked to act is the governing verb's object, not its subject.
        // Likewise the purpose of sending someone: "sent troops to fight", "called in CrowdStrike to investigate".
        const controller =
          rel === 'xcomp' ? kidsWith(h, 'obj', 'iobj').find((o) => o < v && OBJECT_CONTROL.has(tokens[h]!.lemma.toLowerCase()))
          : rel === 'advcl' && SEND_LEMMAS.has(tokens[h]!.lemma.toLowerCase()) ? kidsWith(h, 'obj').find((o) => o < v && judge.isActor(phrase(o)))
          : undefined;
        const s = controller ?? kidsWith(h, 'nsubj')[0];
        if (s !== undefined) actors = members(s);
        v = h;
      }
      // "This comes as China has denounced …": a finite verb (it has an auxiliary) with no subject arc, right after a
      // name the parser attached elsewhere ("as China" read as a phrase): that name is its subject.
      const firstAux = kidsWith(trigger, 'aux').filter((k) => k < trigger).sort((a, b) => a - b)[0];
      if (actors.length === 0 && firstAux !== undefined && firstAux > 0 && !['xcomp', 'acl', 'acl:relcl', 'amod'].includes(label(trigger))) {
        const before = firstAux - 1;
        const p = phrase(before);
        const prep = caseOf(tokens, deps, kids, before);
        if (NOMINAL_POS.has(tokens[before]!.pos) && tokens[before]!.pos !== 'NUM' && p.end === firstAux && (prep === '' || prep === 'as') && judge.isActor(p)) actors = members(before);
      }
    }
    // Targets, best first: an actor object, an actor in a target PP, the passive subject, then any object.
    const objs = kidsWith(trigger, 'obj', 'iobj');
    const obls = kidsWith(trigger, 'obl');
    const passiveSubject = kidsWith(trigger, 'nsubj:pass')[0] ?? sharedPassiveSubject ?? (beHead >= 0 ? kidsWith(beHead, 'nsubj', 'nsubj:pass')[0] : undefined) ?? (isPassive && label(trigger) === 'acl' && deps.head[trigger]! >= 0 ? deps.head[trigger]! : undefined);
    const isMovement = MOVEMENT_LEMMAS.has(tokens[trigger]!.lemma.toLowerCase());
    const oblTarget = (k: number, needActor: boolean): boolean => {
      const prep = caseOf(tokens, deps, kids, k);
      const p = phrase(k);
      if (TARGET_PREPS.has(prep)) return (prep !== 'at' && prep !== 'on') || !judge.isPlace(p) || isMovement ? !needActor || judge.isActor(p) : false;
      if (ACTOR_TARGET_PREPS.has(prep) && prep !== 'from') return judge.isActor(p) && (isMovement || !judge.isPlace(p));
      if (isMovement && LOCATIVE_PREPS.has(prep)) return judge.isActor(p);
      return false;
    };
    // The recipient may hang on the verb or on the thing given ("provide aid to refugees").
    const toPhrase = (hs: readonly number[], depth = 0): number | undefined => {
      const found = hs.flatMap((h) => kidsWith(h, 'obl', 'nmod')).find((k) => caseOf(tokens, deps, kids, k) === 'to');
      return found ?? (depth < 2 && hs.length > 0 ? toPhrase(hs.flatMap((h) => kidsWith(h, 'nmod')), depth + 1) : undefined);
    };
    const recipient = TRANSFER_LEMMAS.has(tokens[trigger]!.lemma.toLowerCase()) ? (kidsWith(trigger, 'iobj')[0] ?? toPhrase([trigger]) ?? toPhrase(kidsWith(trigger, 'obj'))) : undefined;
    const pick =
      recipient ??
      (isPassive ? passiveSubject : undefined) ??
      objs.find((k) => judge.isActor(phrase(k))) ??
      obls.find((k) => oblTarget(k, true)) ??
      objs[0] ??
      obls.find((k) => oblTarget(k, false));
    if (pick !== undefined) targets = members(pick);
    // A target that names no actor may hold one: "demanded the withdrawal of Serbian forces", "a meeting of the
    // Security Council", "demanded that the Sudanese government end curbs" (the clause's subject).
    // Not a relative: "the son of former President Richard von Weizsäcker … was stabbed" stabbed the son, not his father.
    if (targets.length > 0 && !targets.some((t) => judge.isActor(t)) && !targets.some((t) => KIN_NOUNS.has(tokens[t.head]!.lemma.toLowerCase()))) {
      const inner = targets.flatMap((t) => kidsWith(t.head, 'nmod', 'nmod:poss')).find((k) => judge.isActor(phrase(k)) && ['of', 'from', 'for', 'on', 'against', 'to', 'with', ''].includes(caseOf(tokens, deps, kids, k)));
      if (inner !== undefined) targets = members(inner);
    } else if (targets.length === 0) {
      const clause = kidsWith(trigger, 'ccomp')[0];
      const subject = clause !== undefined ? kidsWith(clause, 'nsubj')[0] : undefined;
      if (subject !== undefined && judge.isActor(phrase(subject)) && REQUEST_LEMMAS.has(tokens[trigger]!.lemma.toLowerCase())) targets = members(subject);
    }
    // A passive's subject is the one acted on, whatever it names: "whose sales have been badly hit following two
    // crashes of its jet" hit the sales, not the jet; the stage then judges whether sales can be hit.
    const hasOwnPatient = isPassive && pick !== undefined && pick === passiveSubject;
    // "agreed to lift embargoes on Iran": a verb with no one acted on takes the target of its complement.
    if (!hasOwnPatient && (targets.length === 0 || !targets.some((t) => judge.isActor(t)))) {
      const comp = kidsWith(trigger, 'xcomp')[0];
      if (comp !== undefined && tokens[comp]!.pos === 'VERB') {
        const inner = arcRoles(tokens, deps, comp, judge).targets.filter((t) => judge.isActor(t));
        if (inner.length > 0) targets = inner;
      }
    }
    // Still no actor acted on: the first actor in the trigger's own subtree after it ("apologized to Brazil for
    // …", "demanded autonomy from Serbian authorities"), never inside a reported or relative clause, never a
    // place phrase ("in Homs") unless the verb is one of movement.
    if (!hasOwnPatient && !targets.some((t) => judge.isActor(t))) {
      const skip = new Set<DepLabel>(['ccomp', 'parataxis', 'advcl', 'acl:relcl', 'csubj', 'nsubj', 'nsubj:pass', 'obl:agent', 'conj']);
      const found: number[] = [];
      const walk = (h: number, depth: number): void => {
        for (const k of kids[h]!) {
          if (skip.has(label(k)) || depth > 4) continue;
          // Nothing inside a locative phrase ("near the town of al-Safira") is acted on.
          if (LOCATIVE_PREPS.has(caseOf(tokens, deps, kids, k)) && !isMovement) continue;
          // Nor inside a phrase of time ("asked for compassion during Carlineo's sentencing").
          if (TEMPORAL_PREPS.has(caseOf(tokens, deps, kids, k))) continue;
          if (k > trigger && (tokens[k]!.pos === 'NOUN' || tokens[k]!.pos === 'PROPN') && judge.isActor(phrase(k)) && !actors.some((a) => a.head === k)) found.push(k);
          walk(k, depth + 1);
        }
      };
      walk(trigger, 0);
      const first = found.sort((a, b) => a - b)[0];
      if (first !== undefined) targets = members(first);
    }
    // "The pilot died": the subject of a verb of dying undergoes it.
    if (UNDERGOER_VERBS.has(tokens[trigger]!.lemma.toLowerCase()) && targets.length === 0) {
      targets = actors;
      actors = [];
    }
    // "Ukraine received arms from the US": the receiver is the one the giving goes to, the from-phrase the giver.
    // Without a giver named, the subject stays the actor: "Japan acquired nuclear weapons" is Japan's act, and
    // "Kyrgyz authorities received the mission" is a host receiving visitors.
    if (RECEIVE_LEMMAS.has(tokens[trigger]!.lemma.toLowerCase()) && !isPassive) {
      const from = kidsWith(trigger, 'obl').find((k) => caseOf(tokens, deps, kids, k) === 'from' && judge.isActor(phrase(k))) ?? kidsWith(trigger, 'obj').flatMap((o) => kidsWith(o, 'nmod')).find((k) => caseOf(tokens, deps, kids, k) === 'from' && judge.isActor(phrase(k)));
      if (from !== undefined) {
        targets = actors;
        actors = members(from);
      }
    }
  }
  targets = targets.filter((t) => !TIME_WORDS.has(tokens[t.head]!.lemma.toLowerCase()));
  // Never the same phrase both ways round.
  targets = targets.filter((t) => !actors.some((a) => a.head === t.head));

  // Place: a locative phrase of the trigger, else of the clauses above it.
  let place: RoleSpan | undefined;
  // Then a locative phrase on what was acted on ("struck a hospital in Aleppo": parsers attach it either way).
  // Last, the setting of the sentence's main clause ("In Kabul, police said gunmen attacked …").
  const root = deps.head.indexOf(-1);
  for (const v of [...clauseChain, ...targets.map((t) => t.head), ...(root >= 0 && !clauseChain.includes(root) ? [root] : [])]) {
    for (const k of kidsWith(v, 'obl', 'nmod', 'advmod')) {
      if (!LOCATIVE_PREPS.has(caseOf(tokens, deps, kids, k))) continue;
      let p = phrase(k);
      // "in the city of Aleppo": the name is in the of-phrase.
      if (!judge.isPlace(p)) {
        const named = kidsWith(k, 'nmod').find((m) => caseOf(tokens, deps, kids, m) === 'of' && judge.isPlace(phrase(m)));
        if (named === undefined) continue;
        p = phrase(named);
      }
      if (targets.some((t) => t.head === p.head) || actors.some((a) => a.head === p.head)) continue;
      place = p;
      break;
    }
    if (place) break;
  }
  return { actors, targets, ...(place ? { place } : {}), isPassive, clauseChain };
}

/**
 * The clause head a time expression at tokens [start, end) attaches to: walking up from the expression's own
 * head, the first verb, sentence root or the trigger itself; -1 when there is none. A time is the event's when
 * this anchor lies on the trigger's clause chain (ArcRoles.clauseChain), nearest clause first.
 */
export function timeAnchor(tokens: readonly ArcToken[], deps: SentenceDeps, start: number, end: number, trigger: number): number {
  // The expression's own head: the first token whose head lies outside the span.
  let top = -1;
  for (let i = start; i < end && i < tokens.length; i++) {
    const h = deps.head[i]!;
    if (h < start || h >= end) {
      top = i;
      break;
    }
  }
  for (let v = top >= 0 ? deps.head[top]! : -1, guard = 0; v >= 0 && guard < tokens.length; guard++) {
    if (v === trigger || tokens[v]!.pos === 'VERB' || tokens[v]!.pos === 'AUX' || deps.head[v]! < 0) return v;
    v = deps.head[v]!;
  }
  return -1;
}
