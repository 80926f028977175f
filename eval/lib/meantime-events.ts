/**
 * MEANTIME event mentions with their factuality attributes, and a readable text for running the pipeline.
 *
 * The CAT files keep tokens only. `readMeantime` joins them with single spaces ("Apple releases iPhone SDK ,
 * announces …"), which is fine for span scoring but reads poorly to a tagger, so `proseOf` rebuilds a text with
 * the usual English spacing (no space before "," "." "'s" "n't" ")", none after "(" "$"), the title and the
 * dateline as their own paragraphs, and keeps each token's offsets in that text.
 */
import type { MeantimeDoc } from './meantime.js';

/** MEANTIME factuality values (NewsReader guidelines §7; '' when the annotator left the attribute empty). */
export type Certainty = 'CERTAIN' | 'PROBABLE' | 'POSSIBLE' | 'UNDERSPECIFIED';
export type Polarity = 'POS' | 'NEG' | 'UNDERSPECIFIED';
export type EventTime = 'NON_FUTURE' | 'FUTURE' | 'UNDERSPECIFIED';

/** A gold EVENT_MENTION with its character span in the prose text. */
export interface GoldEventMention {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  /** The spans of its tokens: a mention can be discontinuous ("releases … , announces"). */
  readonly parts: readonly { start: number; end: number }[];
  readonly text: string;
  readonly certainty?: Certainty;
  readonly polarity?: Polarity;
  readonly time?: EventTime;
  /** VERB, NOUN, OTHER, or undefined when not annotated. */
  readonly pos?: string;
  readonly pred?: string;
  /** NONE, GEN, COND_MAIN_CLAUSE, COND_IF_CLAUSE. */
  readonly specialCases?: string;
  /** The modal verb the annotator recorded ("can", "would"), when any. */
  readonly modal?: string;
  readonly tense?: string;
}

/** The article as prose, with each MEANTIME token's offsets in it (by t_id). */
export interface Prose {
  readonly text: string;
  readonly tokenSpans: ReadonlyMap<string, { start: number; end: number }>;
}

const NO_SPACE_BEFORE = /^(?:[,.;:!?%)\]}]|'s|'S|n't|N'T|'re|'ve|'ll|'d|'m|\.\.\.)$/;
const NO_SPACE_AFTER = /^[([{$]$/;

/**
 * Rebuilds readable text from the tokens. The title (sentence 0) and, when it is exactly the creation-time
 * TIMEX3, the dateline (sentence 1) become their own paragraphs; other sentences are joined by a space.
 * @example proseOf(doc).text.startsWith('Apple releases iPhone SDK, announces upcoming update\n\nMarch 06, 2008\n\n')
 */
export function proseOf(doc: MeantimeDoc): Prose {
  const dctTokens = new Set(doc.markables.find((k) => k.tag === 'TIMEX3' && k.attrs['functionInDocument'] === 'CREATION_TIME')?.tokenIds ?? []);
  const sentence1 = doc.tokens.filter((t) => t.sentence === 1).map((t) => t.id);
  const isDateline = sentence1.length > 0 && sentence1.every((id) => dctTokens.has(id) || /^[,.]$/.test(tokenText(doc, id)));
  const spans = new Map<string, { start: number; end: number }>();
  let text = '';
  let prev: { surface: string; sentence: number } | undefined;
  let isQuoteOpen = false;
  for (const t of doc.tokens) {
    // PTB-style quotes (`` '') read as plain double quotes.
    const raw = doc.text.slice(t.start, t.end);
    const surface = raw === '``' || raw === "''" ? '"' : raw;
    if (prev) {
      if (t.sentence !== prev.sentence && (prev.sentence === 0 || (prev.sentence === 1 && isDateline))) text += '\n\n';
      else if (t.sentence !== prev.sentence) text += ' ';
      else if (NO_SPACE_BEFORE.test(surface) || NO_SPACE_AFTER.test(prev.surface)) text += '';
      else if (surface === '"' && isQuoteOpen) text += '';
      else if (prev.surface === '"' && isQuoteOpen) text += '';
      else text += ' ';
    }
    if (surface === '"') isQuoteOpen = !isQuoteOpen;
    spans.set(t.id, { start: text.length, end: text.length + surface.length });
    text += surface;
    prev = { surface, sentence: t.sentence };
  }
  return { text, tokenSpans: spans };
}

function tokenText(doc: MeantimeDoc, id: string): string {
  const t = doc.tokens.find((x) => x.id === id);
  return t ? doc.text.slice(t.start, t.end) : '';
}

function value<T extends string>(attrs: Record<string, string>, name: string): T | undefined {
  const v = attrs[name];
  return v ? (v as T) : undefined;
}

/** The document's EVENT_MENTION markables, spans in `prose.text`, in text order. */
export function goldEventMentions(doc: MeantimeDoc, prose: Prose): GoldEventMention[] {
  const out: GoldEventMention[] = [];
  for (const k of doc.markables) {
    if (k.tag !== 'EVENT_MENTION') continue;
    const spans = k.tokenIds.map((id) => prose.tokenSpans.get(id)).filter((s): s is { start: number; end: number } => Boolean(s));
    if (!spans.length) continue;
    const start = Math.min(...spans.map((s) => s.start));
    const end = Math.max(...spans.map((s) => s.end));
    const a = k.attrs;
    const certainty = value<Certainty>(a, 'certainty');
    const polarity = value<Polarity>(a, 'polarity');
    const time = value<EventTime>(a, 'time');
    const pos = value<string>(a, 'pos');
    const pred = value<string>(a, 'pred');
    const specialCases = value<string>(a, 'special_cases');
    const modal = value<string>(a, 'modality');
    const tense = value<string>(a, 'tense');
    out.push({
      id: `${doc.id}:${a['m_id']}`,
      start,
      end,
      parts: spans.sort((x, y) => x.start - y.start),
      text: prose.text.slice(start, end),
      ...(certainty ? { certainty } : {}),
      ...(polarity ? { polarity } : {}),
      ...(time ? { time } : {}),
      ...(pos ? { pos } : {}),
      ...(pred ? { pred } : {}),
      ...(specialCases ? { specialCases } : {}),
      ...(modal ? { modal } : {}),
      ...(tense ? { tense } : {}),
    });
  }
  return out.sort((x, y) => x.start - y.start || x.end - y.end);
}

/**
 * End offset in `prose.text` of the annotated part of the article. MEANTIME annotates only the title, the
 * dateline and the first sentences of the body (sentences 0–5 in the English files); the annotated part ends
 * with the last sentence that holds any markable token.
 */
export function annotatedEnd(doc: MeantimeDoc, prose: Prose): number {
  const sentenceOf = new Map(doc.tokens.map((t) => [t.id, t.sentence]));
  let last = -1;
  for (const k of doc.markables) for (const id of k.tokenIds) last = Math.max(last, sentenceOf.get(id) ?? -1);
  let end = 0;
  for (const t of doc.tokens) if (t.sentence <= last) end = Math.max(end, prose.tokenSpans.get(t.id)?.end ?? 0);
  return end;
}
