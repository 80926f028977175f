/** Pieces shared by the views: pager, headings, type badges, counts. */
import type { StoredClaim } from '../api-client.js';
import type { ExportFormat } from '../../app/export.js';
import { h, route, shortDate, type Child } from '../dom.js';

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

/** A link to one claim (ids hold a colon: `<articleId>:c3`). */
export function claimHref(id: string): string {
  return route(`/claim/${encodeURIComponent(id)}`);
}

/** The stances a claim can take, with what each means (kept here so the UI bundle does not pull in app code). */
export const STANCE_NAMES: Record<string, string> = {
  asserted: 'stated as fact',
  confirmed: 'confirmed by the source',
  denied: 'denied by the source',
  'not-acknowledged': 'the source would not acknowledge it',
  speculated: 'hedged or speculative',
};

/** The corroboration statuses an event filter takes. */
export const STATUSES: readonly string[] = Object.keys(STATUS_NAMES);

/** A badge for a claim's stance. */
export function stanceBadge(stance: string): HTMLElement {
  return h('span', { class: `badge stance ${stance}`, title: STANCE_NAMES[stance] ?? stance }, stance);
}

/** One source of a claim's chain, as the API gives it. */
export interface ChainSource {
  readonly kind: string;
  readonly name: string;
  readonly entityId: string | null;
  readonly role: string | null;
  readonly nationality: string | null;
  readonly count: number | 'multiple' | null;
}

/**
 * Who says so, drawn as a path from the outlet to the origin ("outlet ← agency ← unnamed officer"): the article's
 * outlet is put first when the chain does not start with one; unnamed sources are marked, with role, nationality
 * and how many when the text says.
 */
export function sourceChain(chain: readonly ChainSource[], outlet: string | null): HTMLElement {
  const nodes: ChainSource[] = [...chain];
  if (outlet && nodes[0]?.kind !== 'outlet') nodes.unshift({ kind: 'outlet', name: outlet, entityId: null, role: null, nationality: null, count: null });
  if (!nodes.length) nodes.push({ kind: 'article', name: 'the article itself', entityId: null, role: null, nationality: null, count: null });
  return h('ol', { class: 'source-path', 'aria-label': 'source chain, from the outlet to the origin' }, ...nodes.map((s, i) => {
    const details = [
      s.role && s.role !== s.name ? `role: ${s.role}` : '',
      s.nationality ? `nationality: ${s.nationality}` : '',
      s.count === 'multiple' ? 'several sources' : typeof s.count === 'number' && s.count > 1 ? `${s.count} sources` : '',
    ].filter(Boolean);
    return h('li', { class: `chain-node kind-${s.kind}` },
      i ? h('span', { class: 'chain-arrow', 'aria-hidden': 'true' }, '←') : null,
      h('span', { class: `chain-source kind-${s.kind}`, title: s.kind },
        // Marked unnamed unless its words already say so ("unnamed Iraqi officer", "anonymous sources").
        s.kind === 'anonymous' && !/\b(unnamed|anonymous|unidentified)\b/i.test(s.name) ? h('span', { class: 'anon-mark' }, 'unnamed: ') : null,
        s.entityId ? h('a', { href: entityHref(s.entityId) }, s.name) : s.name,
        h('span', { class: 'muted small' }, ` (${s.kind}${details.length ? ` · ${details.join(' · ')}` : ''})`)));
  }));
}

/** What a claim of each kind other than an assertion is, for its badge. */
const CLAIM_KIND_TITLES: Record<string, string> = { desire: 'a wish, demand or intention, not a statement of fact', evaluation: 'a judgement, not a statement of fact' };

/** One claim in a list: stance (and kind, when not a statement of fact), who says so, what is claimed (linking to the claim page), where. */
export function claimItem(claim: StoredClaim): HTMLElement {
  return h('li', { class: `claim-item stance-${claim.stance}` },
    h('div', null, stanceBadge(claim.stance), claim.kind !== 'assertion' ? h('span', { class: `badge kind-${claim.kind}`, title: CLAIM_KIND_TITLES[claim.kind] }, claim.kind) : null, claim.isAnonymous ? h('span', { class: 'badge anon', title: 'the origin is an unnamed source' }, 'anonymous') : null,
      claim.events.length ? h('span', { class: 'muted small' }, ' reports ') : null,
      ...claim.events.map((e) => h('a', { href: eventHref(e.id), class: 'claim-event', title: `a ${e.ploverType} event, ${e.status}` }, statusBadge(e.status), ` ${e.ploverType}`))),
    h('p', { class: 'claim-content' }, h('a', { href: claimHref(claim.id) }, quoted(claim.content.text))),
    sourceChain(claim.chain, claim.outlet),
    h('div', { class: 'muted small' }, `${shortDate(claim.publishedAt)} · ${claim.outlet ?? 'unknown outlet'} · in `, h('a', { href: articleHref(claim.articleId, claim.evidence) }, articleTitle(claim))));
}

/** A field of a filter form: its label and control, joined by `for`. */
export function field(label: string, control: HTMLInputElement | HTMLSelectElement): HTMLElement {
  return h('span', { class: 'field' }, h('label', { for: control.id }, label), control);
}

/** A <select> of values, with a first "any" option; the current value stays selectable even when not listed. */
export function selectOf(id: string, name: string, current: string, options: readonly { value: string; label: string }[], anyLabel = 'any'): HTMLSelectElement {
  const listed = options.some((o) => o.value === current);
  return h('select', { id, name },
    h('option', { value: '' }, anyLabel),
    ...options.map((o) => h('option', { value: o.value, selected: o.value === current }, o.label)),
    current && !listed ? h('option', { value: current, selected: true }, current) : null);
}

/** A date bound: YYYY, YYYY-MM or YYYY-MM-DD (a text field, so a year or a month from a link is kept). */
export function dateInput(id: string, name: string, value: string): HTMLInputElement {
  return h('input', { id, name, value, type: 'text', inputmode: 'numeric', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', placeholder: 'YYYY-MM-DD', size: 11, title: 'YYYY, YYYY-MM or YYYY-MM-DD' });
}

/** The filters in force as chips, each with a link that removes it (the page starts again at its first item). */
export function filterChips(path: string, params: Record<string, string | undefined>, shown: readonly { key: string; label: string; value: string }[]): HTMLElement | null {
  if (!shown.length) return null;
  return h('ul', { class: 'chips filter-chips', 'aria-label': 'filters in force' }, ...shown.map(({ key, label, value }) => h('li', { class: 'filter-chip', 'data-filter': key },
    h('span', null, h('span', { class: 'muted' }, `${label}: `), value),
    h('a', { href: route(path, { ...params, [key]: undefined, offset: undefined }), class: 'chip-remove', 'aria-label': `remove filter ${label}: ${value}`, title: 'remove this filter' }, '×'))));
}

/** The non-empty values of a form's named controls, trimmed. */
export function formValues(form: HTMLFormElement): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v.trim()) out[k] = v.trim();
  return out;
}

/** Claimed words in quotation marks, without doubling the marks (or the trailing comma) of a direct quote. */
export function quoted(text: string): string {
  return `“${text.replace(/\s+/g, ' ').trim().replace(/^["“”]+|[,"“”]+$/g, '').trim()}”`;
}

/** The formats the download control offers (a type-only list: the export code itself stays on the server). */
const DOWNLOAD_FORMATS: readonly { format: ExportFormat; label: string }[] = [
  { format: 'events.csv', label: 'events (CSV)' }, { format: 'events.jsonl', label: 'events (JSON Lines)' }, { format: 'claims.csv', label: 'claims (CSV)' },
  { format: 'acled.csv', label: 'ACLED-like (CSV)' }, { format: 'gdelt.tsv', label: 'GDELT (TSV)' }, { format: 'gexf', label: 'graph (GEXF)' },
  { format: 'ftm.jsonl', label: 'FollowTheMoney (JSON Lines)' },
];

/** The export URL of `format` for a selection given in the API's parameter names (empty values left out). */
export function exportHref(format: ExportFormat, selection: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(selection)) if (v !== undefined && v !== '') query.set(k, v);
  const qs = query.toString();
  return `/api/exports/${format}${qs ? `?${qs}` : ''}`;
}

/** "Download these results": one link per export format, each carrying the page's selection; `what` says what it holds. */
export function downloadControl(selection: Record<string, string | undefined>, what: string): HTMLElement {
  return h('nav', { class: 'downloads no-print', 'aria-label': 'download these results' },
    h('span', null, 'Download these results: '),
    ...DOWNLOAD_FORMATS.flatMap(({ format, label }, i) => [i ? ' · ' : '', h('a', { href: exportHref(format, selection), class: 'download-link', 'data-format': format, download: true }, label)]),
    h('span', { class: 'muted small' }, ` — ${what}`));
}
