/** Pieces shared by the views: pager, headings, type badges, counts. */
import { h, route, type Child } from '../dom.js';

/** Previous/next links for a page of results. */
export function pager(path: string, params: Record<string, string | undefined>, page: { limit: number; offset: number; hasMore: boolean; total?: number }, shown: number): HTMLElement {
  const from = shown ? page.offset + 1 : 0;
  const to = page.offset + shown;
  const prev = page.offset > 0 ? h('a', { href: route(path, { ...params, offset: Math.max(0, page.offset - page.limit) || undefined }), rel: 'prev' }, '← Previous') : null;
  const next = page.hasMore ? h('a', { href: route(path, { ...params, offset: page.offset + page.limit }), rel: 'next' }, 'Next →') : null;
  return h('nav', { class: 'pager', 'aria-label': 'pages' }, prev, h('span', { class: 'muted' }, `${from}–${to}${page.total !== undefined ? ` of ${page.total}` : page.hasMore ? ' of more' : ''}`), next);
}

/** The page heading, with an optional line under it. */
export function heading(title: string, ...sub: Child[]): HTMLElement {
  return h('header', { class: 'page-head' }, h('h1', { tabindex: -1 }, title), sub.length ? h('p', { class: 'muted' }, ...sub) : null);
}

/** A coloured badge for an NER type (PER, ORG, LOC, MISC). */
export function typeBadge(type: string): HTMLElement {
  return h('span', { class: `badge type-${type}`, title: TYPE_NAMES[type] ?? type }, type);
}

/** Human names of the NER types. */
export const TYPE_NAMES: Record<string, string> = { PER: 'person', ORG: 'organisation', LOC: 'place', MISC: 'other (nationality, group, event)' };

/** "3 articles", "1 article", "2 entities". */
export function plural(n: number, word: string): string {
  if (n === 1) return `${n} ${word}`;
  return `${n} ${/[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`}`;
}

/** A title to show for an article: its own, or the file it came from. */
export function articleTitle(a: { title: string | null; source?: string }): string {
  if (a.title) return a.title;
  const file = a.source?.split(/[\\/]/).pop();
  return file ? `(untitled: ${file})` : '(untitled)';
}

/** A note shown when a cross-article view only read part of the corpus. */
export function partialNote(view: { scannedArticles: number; isPartial: boolean }): HTMLElement | null {
  return view.isPartial ? h('p', { class: 'note' }, `Built from the first ${view.scannedArticles} articles only.`) : null;
}

/** A link to one entity's page. */
export function entityHref(id: string): string {
  return route(`/entity/${encodeURIComponent(id)}`);
}

/** A link to one article, optionally to a span in it. */
export function articleHref(id: string, span?: { start: number; end: number }): string {
  return route(`/article/${encodeURIComponent(id)}`, span ? { start: span.start, end: span.end, focus: 'focus-span' } : {});
}

/** A badge for an event's corroboration status. */
export function statusBadge(status: string): HTMLElement {
  return h('span', { class: `badge status status-${status}`, title: STATUS_NAMES[status] ?? status }, status);
}

const STATUS_NAMES: Record<string, string> = {
  'single-source': 'one independent origin',
  corroborated: 'two or more independent origins',
  contested: 'asserted and denied by different parties',
  denied: 'denied, with no independent origin asserting it',
};

/** A link to one merged event. */
export function eventHref(id: string): string {
  return route(`/event/${encodeURIComponent(id)}`);
}
