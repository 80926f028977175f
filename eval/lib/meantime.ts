/**
 * Reader for MEANTIME CAT XML (NewsReader): tokens → text with character offsets (tokens joined by single
 * spaces, the corpus keeps no original spacing), sentences, entity mentions with their syntactic type,
 * and the entity (in-document) and instance (cross-document) each mention refers to.
 */
import { readFileSync } from 'node:fs';

export interface MeantimeToken {
  readonly id: string;
  readonly sentence: number;
  readonly start: number;
  readonly end: number;
}

export interface MeantimeMention {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** NAM, NOM, PRO, APP, PRE.NOM, … */
  readonly syntacticType: string;
  /** In-document entity m_id, when the mention refers to one. */
  readonly entity?: string;
  /** Cross-document instance id, when annotated. */
  readonly instance?: string;
  /** PER, ORG, LOC, PRO (product), FIN, MIX. */
  readonly entityType?: string;
}

export interface MeantimeDoc {
  readonly id: string;
  readonly text: string;
  readonly tokens: readonly MeantimeToken[];
  readonly sentences: readonly { start: number; end: number }[];
  readonly mentions: readonly MeantimeMention[];
  /** Document creation time from the TIMEX3 with functionInDocument CREATION_TIME, when present. */
  readonly dct?: string;
  /** All markables by tag name, raw attributes + token ids, for other evaluations (times, events). */
  readonly markables: readonly { tag: string; attrs: Record<string, string>; tokenIds: string[] }[];
}

const ATTR = /([\w:.-]+)="([^"]*)"/g;

function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(ATTR)) out[m[1]!] = decode(m[2]!);
  return out;
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Parses one MEANTIME CAT XML file. */
export function readMeantime(path: string): MeantimeDoc {
  const xml = readFileSync(path, 'utf8');
  const docId = /<Document[^>]*doc_id="([^"]*)"/.exec(xml)?.[1] ?? path;
  const tokens: MeantimeToken[] = [];
  let text = '';
  for (const m of xml.matchAll(/<token ([^>]*)>([^<]*)<\/token>/g)) {
    const a = attrs(m[1]!);
    const surface = decode(m[2]!);
    if (text.length) text += ' ';
    tokens.push({ id: a['t_id']!, sentence: Number(a['sentence']), start: text.length, end: text.length + surface.length });
    text += surface;
  }
  const byId = new Map(tokens.map((t) => [t.id, t]));
  const sentences: { start: number; end: number }[] = [];
  for (const t of tokens) {
    const last = sentences[t.sentence];
    if (last) sentences[t.sentence] = { start: last.start, end: t.end };
    else sentences[t.sentence] = { start: t.start, end: t.end };
  }
  const markablesXml = /<Markables>([\s\S]*?)<\/Markables>/.exec(xml)?.[1] ?? '';
  const markables: { tag: string; attrs: Record<string, string>; tokenIds: string[] }[] = [];
  for (const m of markablesXml.matchAll(/<([A-Z_0-9]+)([^>]*?)(\/>|>([\s\S]*?)<\/\1>)/g)) {
    const tokenIds = [...(m[4] ?? '').matchAll(/t_id="([^"]*)"/g)].map((x) => x[1]!);
    markables.push({ tag: m[1]!, attrs: attrs(m[2]!), tokenIds });
  }
  const entities = new Map(markables.filter((k) => k.tag === 'ENTITY').map((k) => [k.attrs['m_id']!, k.attrs]));
  const refersTo = new Map<string, string>();
  const relations = /<Relations>([\s\S]*?)<\/Relations>/.exec(xml)?.[1] ?? '';
  for (const r of relations.matchAll(/<REFERS_TO[^>]*>([\s\S]*?)<\/REFERS_TO>/g)) {
    const target = /<target m_id="([^"]*)"/.exec(r[1]!)?.[1];
    if (!target) continue;
    for (const s of r[1]!.matchAll(/<source m_id="([^"]*)"/g)) refersTo.set(s[1]!, target);
  }
  const mentions: MeantimeMention[] = [];
  for (const k of markables) {
    if (k.tag !== 'ENTITY_MENTION' || k.tokenIds.length === 0) continue;
    const toks = k.tokenIds.map((id) => byId.get(id)).filter((t): t is MeantimeToken => Boolean(t));
    if (!toks.length) continue;
    const start = Math.min(...toks.map((t) => t.start));
    const end = Math.max(...toks.map((t) => t.end));
    const entity = refersTo.get(k.attrs['m_id']!);
    const ent = entity ? entities.get(entity) : undefined;
    mentions.push({
      id: `${docId}:${k.attrs['m_id']}`,
      start,
      end,
      text: text.slice(start, end),
      syntacticType: k.attrs['syntactic_type'] ?? '',
      ...(entity ? { entity: `${docId}:${entity}` } : {}),
      ...(ent?.['instance_id'] ? { instance: ent['instance_id'] } : {}),
      ...(ent?.['ent_type'] ? { entityType: ent['ent_type'] } : {}),
    });
  }
  const dct = markables.find((k) => k.tag === 'TIMEX3' && k.attrs['functionInDocument'] === 'CREATION_TIME')?.attrs['value'];
  return { id: docId, text, tokens, sentences, mentions, markables, ...(dct ? { dct } : {}) };
}
