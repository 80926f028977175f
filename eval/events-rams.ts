/**
 * RAMS argument evaluation (../shared/data/events/rams/dev.jsonlines, real 2016 news): given the gold trigger,
 * precision/recall/F1 of our actor, target and place against the gold arguments, mapped from AIDA roles:
 *
 *   actor  ← attacker, communicator, giver, killer, injurer, destroyer, damager, damagerdestroyer, transporter,
 *            investigator, prosecutor, jailer, executioner, judgecourt, spy, inspector, monitor, yielder, retreater,
 *            surrenderer, demonstrator, violator, voter, manufacturer, founder, extraditer, granter, governmentbody,
 *            preventer, driverpassenger, and participant when it is argument 01 ("<arg1> met with <arg2>")
 *   target ← target, victim, recipient, defendant, detainee, inspectedentity, monitoredentity, observedentity,
 *            passenger, candidate, otherparticipant, and participant when it is argument 02; in the prevent
 *            templates ("<arg1> prevented <arg2> from giving/transporting/voting": embargosanction, prevententry,
 *            preventexit, violationspreventvote) argument 02 (giver, transporter, voter) is the one prevented, a target
 *   either ← employee ("<arg1> stopped/started working at"): the one who resigned acts, the one fired or hired is
 *            acted on, so it matches our actor or our target at its head, and counts as an actor when we miss it
 *   place  ← place
 * Other roles (instrument, artifact, money, origin, destination, crime, beneficiary, …) are not scored.
 * Until 2026-12 employee was an actor and the prevented giver/transporter/voter an actor (figures before and after
 * in the commit that changed it).
 *
 * Each window's five sentences are joined into one text (tokens separated by spaces, one sentence a line) and run
 * through the default pipeline before events (tokenize, sentences, NER, places, entities, time, and the parser when
 * the pipeline has one). The gold trigger is mapped to our tokens by character offsets and handed to the coder's
 * role rules (`rolesForTrigger`), once with the parse (arcs) and once without (word order: today's coder).
 * Match: same head word (the last noun, name, pronoun or number before the first preposition, punctuation or
 * verb of a span, read identically on gold and predicted spans); an actor our entity stage resolved to an entity
 * also matches at the head of any other mention of that entity (the annotators pick one mention of a referent).
 * Gold arguments outside the trigger's sentence count as misses unless so resolved; the in-sentence figures
 * restrict gold to the trigger's sentence.
 */
import { readFileSync } from 'node:fs';
import { loadDefaultResources } from '../src/app/resources.js';
import { createDoc, tokenPos, type Doc } from '../src/model/index.js';
import { defaultStages, runStages } from '../src/pipeline/index.js';
import { rolesForTrigger } from '../src/stages/events/index.js';
import type { EventLexicon } from '../src/events/lexicon.js';

type Role = 'actor' | 'target' | 'place';
/** A gold role: ours, or `either` for an argument whose side depends on the verb's voice (employee). */
type GoldRole = Role | 'either';

const ACTOR_ROLES = new Set('attacker communicator giver killer injurer destroyer damager damagerdestroyer transporter investigator prosecutor jailer executioner judgecourt spy inspector monitor yielder retreater surrenderer demonstrator violator voter manufacturer founder extraditer granter governmentbody preventer driverpassenger'.split(' '));
/** Event types whose template reads "<arg1> prevented <arg2> from …": argument 02 is the one prevented. */
const PREVENT_TYPES = /^(transaction\.(transaction|transfermoney|transferownership)\.embargosanction|movement\.transport(person|artifact)\.prevent(entry|exit)|government\.vote\.violationspreventvote)$/;
const TARGET_ROLES = new Set('target victim recipient defendant detainee inspectedentity monitoredentity observedentity passenger candidate otherparticipant'.split(' '));

/**
 * Our role for an AIDA role name such as "evt089arg01victim" of an event of type `eventType` (e.g.
 * "transaction.transaction.embargosanction"); undefined when the role is not scored.
 */
export function ramsRole(name: string, eventType = ''): GoldRole | undefined {
  const m = /arg(\d\d)([a-z]+)$/.exec(name);
  if (!m) return undefined;
  const [, n, role] = m as unknown as [string, string, string];
  if (role === 'place') return 'place';
  if (role === 'employee') return 'either';
  if (n === '02' && PREVENT_TYPES.test(eventType) && ['giver', 'transporter', 'voter'].includes(role)) return 'target';
  if (role === 'participant') return n === '01' ? 'actor' : 'target';
  if (ACTOR_ROLES.has(role)) return 'actor';
  if (TARGET_ROLES.has(role)) return 'target';
  return undefined;
}

interface RamsDoc {
  doc_key: string;
  sentences: string[][];
  evt_triggers: [number, number, unknown][];
  gold_evt_links: [[number, number], [number, number], string][];
}

/** P/R counts per role: [true positives of predictions, predictions, matched gold, gold]. */
type Counts = Record<Role, [number, number, number, number]>;
const emptyCounts = (): Counts => ({ actor: [0, 0, 0, 0], target: [0, 0, 0, 0], place: [0, 0, 0, 0] });

const HEAD_STOP = new Set(['ADP', 'PUNCT', 'VERB', 'AUX', 'SCONJ', 'CCONJ']);
const HEAD_POS = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);

/** The head token of doc tokens [start, end): the last noun/name/pronoun/number before the first stop word. */
function headOf(doc: Doc, start: number, end: number): number {
  const t = doc.layers.tokens!;
  let head = -1;
  for (let i = start; i < end; i++) {
    const pos = tokenPos(t, i);
    if (i > start && HEAD_STOP.has(pos)) break;
    if (HEAD_POS.has(pos)) head = i;
  }
  return head >= 0 ? head : end - 1;
}

/** Doc tokens overlapping characters [start, end). */
function tokensOver(doc: Doc, start: number, end: number): { start: number; end: number } | undefined {
  const t = doc.layers.tokens!;
  let first = -1;
  let last = -1;
  for (let i = 0; i < t.length; i++) {
    if (t.end[i]! <= start) continue;
    if (t.start[i]! >= end) break;
    if (first < 0) first = i;
    last = i;
  }
  return first < 0 ? undefined : { start: first, end: last + 1 };
}

/** The figures of one run: F1 per role (all gold and in-sentence gold), with P and R. */
export interface RamsScore {
  readonly windows: number;
  readonly scored: Record<Role, { p: number; r: number; f1: number; rInSentence: number; f1InSentence: number; gold: number }>;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : round((2 * p * r) / (p + r)));

/** Runs the pipeline on every RAMS window and scores the coder's roles with and without the parse. */
export async function scoreRams(file: string, lexicon: EventLexicon, examples = 0): Promise<{ arcs: RamsScore; wordOrder: RamsScore; hasParse: boolean }> {
  const resources = await loadDefaultResources();
  const stages = defaultStages().filter((s) => s.name !== 'events' && s.name !== 'claims');
  const hasParse = stages.some((s) => s.assigns === 'deps');
  const runs = { arcs: emptyCounts(), wordOrder: emptyCounts() };
  const inSentence = { arcs: emptyCounts(), wordOrder: emptyCounts() };
  let windows = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as RamsDoc;
    // Character offsets of every RAMS token in the joined text.
    const offsets: { start: number; end: number }[] = [];
    let text = '';
    for (const sentence of r.sentences) {
      for (const w of sentence) {
        if (text.length > 0 && !text.endsWith('\n')) text += ' ';
        offsets.push({ start: text.length, end: text.length + w.length });
        text += w;
      }
      text += '\n';
    }
    const { doc } = runStages(createDoc({ text, meta: { source: r.doc_key, format: 'text', language: 'en' } }), stages, { publishedAt: '2016-06-01', resources });
    const mentionById = new Map((doc.layers.mentions ?? []).map((m) => [m.id, m]));
    const mentionHeads = new Map((doc.layers.entities ?? []).map((e) => [e.id, e.mentionIds.flatMap((id) => { const m = mentionById.get(id); return m ? [headOf(doc, m.tokenStart, m.tokenEnd)] : []; })]));
    const trig = r.evt_triggers[0];
    if (!trig) continue;
    const trigSpan = tokensOver(doc, offsets[trig[0]]!.start, offsets[trig[1]]!.end);
    if (!trigSpan) continue;
    windows++;
    const gold: { role: GoldRole; head: number; inSentence: boolean }[] = [];
    const eventType = String((trig[2] as [[string]] | undefined)?.[0]?.[0] ?? '');
    for (const [, arg, name] of r.gold_evt_links) {
      const role = ramsRole(name, eventType);
      const span = role ? tokensOver(doc, offsets[arg[0]]!.start, offsets[arg[1]]!.end) : undefined;
      if (role && span) gold.push({ role, head: headOf(doc, span.start, span.end), inSentence: false });
    }
    for (const mode of ['arcs', 'wordOrder'] as const) {
      const roles = rolesForTrigger(doc, lexicon, trigSpan.start, trigSpan.end, { useDeps: mode === 'arcs', publishedAt: '2016-06-01' });
      const base = roles?.sentence.tokenStart ?? 0;
      const predicted: { role: Role; head: number; alternatives?: readonly number[] }[] = [];
      if (roles) {
        // An actor resolved to an entity also matches a gold argument at another mention of that entity.
        const alternativesOf = (a: { entityId?: string }): readonly number[] => (a.entityId ? (mentionHeads.get(a.entityId) ?? []) : []);
        for (const a of roles.sources) predicted.push({ role: 'actor', head: headOf(doc, base + a.start, base + a.end), alternatives: alternativesOf(a) });
        for (const a of roles.targets) predicted.push({ role: 'target', head: headOf(doc, base + a.start, base + a.end), alternatives: alternativesOf(a) });
        if (roles.place) predicted.push({ role: 'place', head: headOf(doc, base + roles.place.start, base + roles.place.end) });
      }
      if (mode === 'arcs' && windows <= examples) {
        const word = (h: number): string => doc.text.slice(doc.layers.tokens!.start[h]!, doc.layers.tokens!.end[h]!);
        const show = (xs: readonly { role: GoldRole; head: number }[]): string => xs.map((x) => `${x.role}:${word(x.head)}`).join(' ');
        console.log(`  [${word(trigSpan.start)}] gold ${show(gold)} | ours ${show(predicted)}${roles ? '' : ' (no sentence)'}`);
      }
      const within = (h: number): boolean => !!roles && roles.sentence.tokenStart <= h && h < roles.sentence.tokenEnd;
      for (const [counts, golds] of [[runs[mode], gold], [inSentence[mode], gold.filter((g) => within(g.head))]] as const) {
        const same = (p: (typeof predicted)[number], g: (typeof golds)[number]): boolean =>
          (p.role === g.role || (g.role === 'either' && p.role !== 'place')) && (p.head === g.head || (p.alternatives?.includes(g.head) ?? false));
        for (const p of predicted) {
          counts[p.role][1]++;
          if (golds.some((g) => same(p, g))) counts[p.role][0]++;
        }
        for (const g of golds) {
          // An either-side argument counts under the role that found it, else as an actor (arg01 of its template).
          const found = predicted.find((p) => same(p, g));
          const role = g.role === 'either' ? (found?.role ?? 'actor') : g.role;
          counts[role][3]++;
          if (found) counts[role][2]++;
        }
      }
    }
  }
  const summarise = (all: Counts, local: Counts): RamsScore => {
    const scored = {} as RamsScore['scored'];
    for (const role of ['actor', 'target', 'place'] as const) {
      const [tp, pred, matched, goldN] = all[role];
      const p = pred === 0 ? 0 : round(tp / pred);
      const rec = goldN === 0 ? 0 : round(matched / goldN);
      const lp = local[role][1] === 0 ? 0 : round(local[role][0] / local[role][1]);
      const lr = local[role][3] === 0 ? 0 : round(local[role][2] / local[role][3]);
      scored[role] = { p, r: rec, f1: f1(p, rec), rInSentence: lr, f1InSentence: f1(lp, lr), gold: goldN };
    }
    return { windows, scored };
  };
  return { arcs: summarise(runs.arcs, inSentence.arcs), wordOrder: summarise(runs.wordOrder, inSentence.wordOrder), hasParse };
}
