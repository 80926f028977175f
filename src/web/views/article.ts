/**
 * One article: the cleaned body with its layers highlighted (entity mentions link to entity pages), what was set
 * apart (captions, reader comments collapsed, boilerplate), and provenance. ?start=&end= marks a span (the
 * sentence behind a role now; behind an event or claim when those land) and scrolls to it.
 */
import type { Claim, DocEntity, EventMention, Mention, PlaceRef, TimeExpr } from '../../model/index.js';
import { api, type ArticleView } from '../api-client.js';
import { append, h, route, shortDate } from '../dom.js';
import { humanDate, humanTimex } from '../human-time.js';
import type { ViewContext } from './context.js';
import { segment, type Annotation } from '../segments.js';
import { articleTitle, entityHref, heading, plural, typeBadge } from './parts.js';

/** Layers a reader can switch on and off, with their legend label. */
const LAYER_TOGGLES: readonly [kind: string, label: string][] = [
  ['mention', 'Entities'], ['reference', 'Pronoun and nominal references'], ['time', 'Times'], ['place', 'Places'], ['event', 'Events'], ['claim', 'Claims'],
];

/** Layers highlighted when the page opens. */
const DEFAULT_LAYERS: ReadonlySet<string> = new Set(['mention']);

/** The article page. */
export async function articleView({ param, query, main }: ViewContext): Promise<void> {
  const article = await api.article(param);
  const annotations = annotationsOf(article);
  const focusStart = Number(query.get('start'));
  const focusEnd = Number(query.get('end'));
  const hasFocus = query.has('start') && Number.isInteger(focusStart) && Number.isInteger(focusEnd) && focusEnd > focusStart;
  if (hasFocus) annotations.push({ start: focusStart, end: focusEnd, kind: 'focus', label: 'the evidence you followed' });

  const body = h('div', { class: 'article-body', id: 'article-body' });
  let isFocusPlaced = false;
  for (const p of article.paragraphs.length ? article.paragraphs : [{ start: 0, end: article.body.length }]) {
    const para = h('p');
    for (const seg of segment(article.body, p.start, p.end, annotations)) {
      if (!seg.annotations.length) {
        append(para, seg.text);
        continue;
      }
      const link = [...seg.annotations].reverse().find((a) => a.href);
      const classes = seg.annotations.map((a) => `ann-${a.kind}${a.variant ? ` type-${a.variant}` : ''}`).join(' ');
      const title = [...new Set(seg.annotations.map((a) => a.label).filter(Boolean))].join(' · ');
      const isFocus = seg.annotations.some((a) => a.kind === 'focus');
      const id = isFocus && !isFocusPlaced ? 'focus-span' : undefined;
      if (id) isFocusPlaced = true;
      append(para, link ? h('a', { href: link.href, class: classes, title, id }, seg.text) : h('span', { class: classes, title, id }, seg.text));
    }
    append(body, para);
  }

  const present = new Set(annotations.map((a) => a.kind));
  // Entities only at first: with every layer on, nearly the whole text was highlighted.
  for (const [kind] of LAYER_TOGGLES) if (!DEFAULT_LAYERS.has(kind)) body.classList.add(`hide-${kind}`);
  const toggles = h('fieldset', { class: 'legend' }, h('legend', null, 'Highlight'),
    ...LAYER_TOGGLES.filter(([kind]) => present.has(kind)).map(([kind, label]) => h('label', null,
      h('input', { type: 'checkbox', checked: DEFAULT_LAYERS.has(kind), 'data-layer': kind, on: { change: (e) => body.classList.toggle(`hide-${kind}`, !(e.target as HTMLInputElement).checked) } }),
      h('span', { class: `swatch ann-${kind}` }, label))),
    present.size === 0 || (present.size === 1 && present.has('focus')) ? h('span', { class: 'muted' }, 'no annotation layers stored for this article') : null);

  append(main,
    heading(articleTitle(article), `${article.publishedAt ? humanDate(article.publishedAt) : 'no publication date'} · ${article.outlet ?? 'unknown outlet'}${article.byline ? ` · ${article.byline}` : ''} · ${article.language}`),
    h('div', { class: 'article-layout' },
      h('article', { class: 'article-main' },
        toggles,
        hasFocus ? h('p', { class: 'note' }, 'The highlighted passage is the evidence you followed.') : null,
        body,
        captionsOf(article),
        commentsOf(article),
        provenanceOf(article)),
      h('aside', { class: 'article-side', 'aria-label': 'in this article' }, ...sidePanel(article))));
}

/** Every stored layer as annotations on the body. */
function annotationsOf(article: ArticleView): Annotation[] {
  const layers = article.layers as Partial<{ mentions: Mention[]; entities: DocEntity[]; times: TimeExpr[]; places: PlaceRef[]; events: EventMention[]; claims: Claim[] }>;
  const out: Annotation[] = [];
  const linkOf = new Map(article.entityLinks.map((l) => [l.docEntityId, l.entityId]));
  const entityOfMention = new Map<string, DocEntity>();
  for (const entity of layers.entities ?? []) for (const id of entity.mentionIds) entityOfMention.set(id, entity);
  for (const m of layers.mentions ?? []) {
    const entity = entityOfMention.get(m.id);
    const entityId = entity ? linkOf.get(entity.id) : undefined;
    out.push({ start: m.start, end: m.end, kind: 'mention', variant: m.type, label: `${m.type}${entity ? ` · ${entity.name}` : ''}`, ...(entityId ? { href: entityHref(entityId) } : {}) });
  }
  for (const entity of layers.entities ?? []) {
    const entityId = linkOf.get(entity.id);
    for (const r of entity.references ?? []) out.push({ start: r.start, end: r.end, kind: 'reference', label: `refers to ${entity.name}`, ...(entityId ? { href: entityHref(entityId) } : {}) });
  }
  for (const t of layers.times ?? []) out.push({ start: t.start, end: t.end, kind: 'time', label: `${t.type.toLowerCase()}: ${humanTimex(t.value)}` });
  for (const p of layers.places ?? []) {
    out.push({ start: p.start, end: p.end, kind: 'place', label: p.isResolved ? `${p.name ?? p.text} (${p.countryCode ?? '?'}, ${p.precision ?? '?'}) ${p.lat?.toFixed(2)}, ${p.lon?.toFixed(2)}` : 'place not resolved' });
  }
  for (const e of layers.events ?? []) out.push({ start: e.trigger.start, end: e.trigger.end, kind: 'event', label: `event ${e.ploverType}${e.ploverMode ? `/${e.ploverMode}` : ''} (${e.modality})` });
  for (const c of layers.claims ?? []) out.push({ start: c.evidence.start, end: c.evidence.end, kind: 'claim', label: `${c.kind && c.kind !== 'assertion' ? `${c.kind} claim` : 'claim'} (${c.stance}) from ${c.chain.map((s) => s.name).join(' ← ')}` });
  return out;
}

function sidePanel(article: ArticleView): HTMLElement[] {
  const layers = article.layers as Partial<{ entities: DocEntity[]; times: TimeExpr[]; places: PlaceRef[] }>;
  const linkOf = new Map(article.entityLinks.map((l) => [l.docEntityId, l.entityId]));
  const out: HTMLElement[] = [];
  // Article entities linked to one canonical entity (or with one name and type) are listed once, their counts summed.
  const merged = new Map<string, { entity: DocEntity; id: string | undefined; count: number }>();
  for (const e of layers.entities ?? []) {
    const id = linkOf.get(e.id);
    const key = id ?? `${e.type}|${e.name.toLowerCase()}`;
    const count = e.mentionIds.length + (e.references?.length ?? 0);
    const seen = merged.get(key);
    if (seen) seen.count += count;
    else merged.set(key, { entity: e, id, count });
  }
  const entities = [...merged.values()].sort((a, b) => b.count - a.count || a.entity.name.localeCompare(b.entity.name));
  if (entities.length) {
    out.push(h('h2', null, 'Entities'), h('ul', { class: 'plain entity-list' }, ...entities.map(({ entity: e, id, count }) =>
      h('li', null, typeBadge(e.type), ' ', id ? h('a', { href: entityHref(id) }, e.name) : e.name, h('span', { class: 'muted' }, ` ${count}`)))));
  }
  // Each time and place once, with how often the article names it (Moscow was listed 8 times).
  if (layers.times?.length) {
    const times = counted(layers.times, (t) => `${t.text.toLowerCase()}|${t.value}`);
    out.push(h('h2', null, 'Times'), h('ul', { class: 'plain' }, ...times.map(([t, n]) => h('li', { title: t.value }, t.text, h('span', { class: 'muted' }, ` → ${humanTimex(t.value)}${n > 1 ? ` · ×${n}` : ''}`)))));
  }
  if (layers.places?.length) {
    const places = counted(layers.places, (p) => (p.isResolved ? `${p.name ?? p.text}|${p.countryCode ?? ''}` : `?${p.text}`));
    out.push(h('h2', null, 'Places'), h('ul', { class: 'plain' }, ...places.map(([p, n]) => h('li', null, p.isResolved ? p.name ?? p.text : p.text,
      h('span', { class: 'muted' }, `${p.isResolved ? (p.countryCode ? `, ${p.countryCode}` : '') : ' (unresolved)'}${n > 1 ? ` · ×${n}` : ''}`)))),
    h('p', null, h('a', { href: route('/map') }, 'See on the map')));
  }
  if (!out.length) out.push(h('p', { class: 'muted' }, 'No entities, times or places are stored for this article yet.'));
  return out;
}

/** Items once each by key, first occurrence kept, with how many times each came. */
function counted<T>(items: readonly T[], key: (item: T) => string): [T, number][] {
  const out = new Map<string, [T, number]>();
  for (const item of items) {
    const k = key(item);
    const entry = out.get(k);
    if (entry) entry[1]++;
    else out.set(k, [item, 1]);
  }
  return [...out.values()];
}

function captionsOf(article: ArticleView): HTMLElement | null {
  if (!article.captions.length) return null;
  return h('section', { class: 'set-apart' }, h('h2', null, 'Photo captions'), h('ul', { class: 'plain' }, ...article.captions.map((c) => h('li', null,
    h('figure', null, h('figcaption', null, c.text, c.credit ? h('span', { class: 'muted' }, ` (${c.credit})`) : null, c.occurrences > 1 ? h('span', { class: 'muted' }, ` · repeated ${c.occurrences}× in the page`) : null))))));
}

function commentsOf(article: ArticleView): HTMLElement | null {
  if (!article.comments.length) return null;
  return h('details', { class: 'set-apart comments' },
    h('summary', null, `${plural(article.comments.length, 'reader comment')}, set apart (no fact is taken from comments)`),
    h('ol', { class: 'plain' }, ...article.comments.map((c, i) => h('li', { class: c.replyTo !== undefined ? 'reply' : undefined, id: `comment-${i}` },
      h('div', { class: 'muted small' }, `${c.author ?? 'anonymous'}${c.postedAt ? ` · ${c.postedAt}` : ''}${c.replyTo !== undefined ? ` · in reply to #${c.replyTo + 1}` : ''}`),
      h('p', { class: 'comment-text' }, c.text)))));
}

function provenanceOf(article: ArticleView): HTMLElement {
  return h('details', { class: 'set-apart' },
    h('summary', null, 'Provenance'),
    h('dl', { class: 'facts' },
      h('dt', null, 'Article id'), h('dd', null, h('code', null, article.id)),
      h('dt', null, 'URL'), h('dd', null, article.url ? h('a', { href: article.url, rel: 'noreferrer noopener' }, article.url) : '—'),
      h('dt', null, 'Read from'), h('dd', null, ...article.sources.map((s) => h('div', null, h('code', null, s)))),
      h('dt', null, 'Format'), h('dd', null, article.format),
      h('dt', null, 'Pipeline'), h('dd', null, h('code', null, article.pipeline)),
      h('dt', null, 'Ingested'), h('dd', null, article.ingestedAt),
      h('dt', null, 'Boilerplate removed'), h('dd', null, article.boilerplate.length ? h('details', null, h('summary', null, plural(article.boilerplate.length, 'line')), h('ul', null, ...article.boilerplate.map((b) => h('li', null, b)))) : 'none')));
}
