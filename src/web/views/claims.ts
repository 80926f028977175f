/**
 * Claims: who says what, with what stance. The list shows statements of fact unless its Kind filter asks for wishes,
 * judgements or every kind, and filters by stance, unnamed sources, outlet, entity and publication dates (kept in the hash); one claim's page shows its sentence with the claimed words marked, a link
 * to that sentence in its article, the source chain as a path, the events it reports, and the claims it answers
 * or that answer it.
 */
import { api, ApiRequestError, type MergedEventDetail, type Page, type SearchFacetsView, type StoredClaim, type StoredClaimDetail } from '../api-client.js';
import { append, h, route, shortDate, type Child } from '../dom.js';
import { segment, type Annotation } from '../segments.js';
import type { ViewContext } from './context.js';
import {
  articleHref, articleTitle, claimItem, dateInput, entityHref, eventHref, field, filterChips, formValues, heading, pager, plural, selectOf, sourceChain, STANCE_NAMES,
  stanceBadge, statusBadge,
} from './parts.js';

const PAGE = 25;

/** The list's filters, in the order the form and the chips show them (article and event come from links). */
const FILTERS = [
  ['kind', 'Kind'], ['stance', 'Stance'], ['anonymous', 'Source'], ['outlet', 'Outlet'], ['entity', 'Entity'], ['from', 'Published from'], ['to', 'Published to'], ['article', 'Article'], ['event', 'Event'],
] as const;
type FilterKey = (typeof FILTERS)[number][0];

const ANONYMOUS_LABELS: Record<string, string> = { true: 'unnamed sources only', false: 'named sources only' };

/** The kinds the list can show besides statements of fact, its default (the API's `kind`). */
const KIND_LABELS: Record<string, string> = { desire: 'wishes and demands', evaluation: 'judgements', all: 'every kind' };

/** The claims list, oldest article first, in article order. */
export async function claimsView({ query, main }: ViewContext): Promise<void> {
  const filters: Partial<Record<FilterKey, string>> = {};
  for (const [key] of FILTERS) {
    const value = query.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const offset = Number(query.get('offset') ?? 0) || 0;
  const facetsP = api.searchFacets().catch((): SearchFacetsView => ({ outlets: [], eventTypes: [], countries: [] }));
  let failure: string | null = null;
  let page: Page<StoredClaim> | null = null;
  try {
    page = await api.claims({ ...filters, limit: PAGE, offset });
  } catch (error) {
    // A bad filter (an unknown entity, a malformed date) is shown next to the form, to be fixed there.
    if (!(error instanceof ApiRequestError) || error.status >= 500) throw error;
    failure = error.message;
  }
  const facets = await facetsP;
  const entityName = filters.entity && /:/.test(filters.entity) ? await api.entity(filters.entity, 1, 0).then((e) => e.name, () => filters.entity!) : filters.entity;
  const display: Record<FilterKey, (v: string) => string> = {
    kind: (v) => KIND_LABELS[v] ?? v, stance: (v) => v, anonymous: (v) => ANONYMOUS_LABELS[v] ?? v, outlet: (v) => v, entity: () => entityName ?? '', from: (v) => v, to: (v) => v,
    article: (v) => (page?.items[0]?.articleId === v ? articleTitle(page.items[0]) : v), event: (v) => v,
  };

  const form = h('form', { class: 'filters claim-filters', 'aria-label': 'claim filters', on: { submit: (e) => {
    e.preventDefault();
    // The article and event filters have no control: they stay until their chip is removed.
    location.hash = route('/claims', { article: filters.article, event: filters.event, ...formValues(form) });
  } } },
  field('Kind', selectOf('claims-kind', 'kind', filters.kind ?? '', Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label })), 'statements of fact')),
  field('Stance', selectOf('claims-stance', 'stance', filters.stance ?? '', Object.entries(STANCE_NAMES).map(([value, meaning]) => ({ value, label: `${value} (${meaning})` })))),
  field('Source', selectOf('claims-anonymous', 'anonymous', filters.anonymous ?? '', Object.entries(ANONYMOUS_LABELS).map(([value, label]) => ({ value, label })), 'named or unnamed')),
  field('Outlet', selectOf('claims-outlet', 'outlet', filters.outlet ?? '', facets.outlets.map((o) => ({ value: o.value, label: o.value })))),
  field('Entity', h('input', { id: 'claims-entity', name: 'entity', type: 'text', value: filters.entity ?? '', placeholder: 'name, alias or id', autocomplete: 'off' })),
  field('Published from', dateInput('claims-from', 'from', filters.from ?? '')),
  field('Published to', dateInput('claims-to', 'to', filters.to ?? '')),
  h('button', { type: 'submit' }, 'Filter'),
  Object.keys(filters).length ? h('a', { href: route('/claims') }, 'Clear filters') : null);

  append(main,
    heading('Claims', page ? `${plural(page.total ?? page.items.length, 'claim')}${filters.kind ? ` (${KIND_LABELS[filters.kind] ?? filters.kind})` : ''}: who says what, and with what stance; oldest article first.${filters.kind ? '' : ' Statements of fact; wishes and judgements under Kind.'}` : ''),
    form,
    filterChips('/claims', filters, FILTERS.filter(([key]) => filters[key]).map(([key, label]) => ({ key, label, value: display[key](filters[key]!) }))),
    failure ? h('p', { class: 'error', role: 'alert' }, failure) : null,
    page ? page.items.length ? h('ol', { class: 'plain claims' }, ...page.items.map(claimItem)) : h('p', { class: 'muted' }, 'No claim matches.') : null,
    page ? pager('/claims', filters, page, page.items.length) : null);
}

/** One claim. */
export async function claimView({ param, main }: ViewContext): Promise<void> {
  const claim = await api.claim(param);
  // The events it reports are fetched for their sentence; the claim it answers for its words.
  const [events, answered] = await Promise.all([
    Promise.all(claim.events.map((e) => api.event(e.id).catch(() => null))),
    claim.respondsTo ? api.claim(claim.respondsTo).catch(() => null) : Promise.resolve(null),
  ]);
  const origin = claim.chain[claim.chain.length - 1];
  append(main,
    heading(`Claim by ${origin ? (origin.kind === 'anonymous' ? `an unnamed ${origin.role ?? origin.name}` : origin.name) : (claim.outlet ?? 'the article')}`,
      stanceBadge(claim.stance), ` ${STANCE_NAMES[claim.stance] ?? ''}${claim.kind === 'desire' ? ' · a wish or demand' : claim.kind === 'evaluation' ? ' · a judgement' : ''}${claim.isDirectQuote ? ' · direct quote' : ''}${claim.isHedged ? ' · hedged' : ''}${claim.isAnonymous ? ' · anonymous origin' : ''}`),
    h('figure', { class: 'claim-sentence' },
      h('blockquote', { id: 'claim-sentence' }, ...sentence(claim)),
      h('figcaption', { class: 'muted small' },
        `${shortDate(claim.publishedAt)} · ${claim.outlet ?? 'unknown outlet'} · `, h('a', { href: articleHref(claim.articleId) }, articleTitle(claim)), ' · ',
        h('a', { href: articleHref(claim.articleId, claim.evidence), class: 'claim-open-sentence' }, 'open this sentence in its article'))),
    h('p', { class: 'legend-inline small' }, h('mark', { class: 'claim-content-mark' }, 'what is claimed'), ' ', h('span', { class: 'claim-cue' }, 'reporting verb'), ' ', h('span', { class: 'claim-source' }, 'source')),
    h('section', null, h('h2', null, 'Who says so'), sourceChain(claim.chain, claim.outlet),
      h('p', { class: 'muted small' }, 'From the outlet (left) to the origin of the claim (right); each ← reads "citing".')),
    h('section', null, h('h2', null, 'Events it reports'), claim.events.length
      ? h('ul', { class: 'plain' }, ...claim.events.map((e, i) => eventLine(e, events[i] ?? null)))
      : h('p', { class: 'muted' }, 'It reports no coded event.')),
    h('section', null, h('h2', null, 'In answer to'), answered
      ? h('ol', { class: 'plain claims' }, claimItem(answered))
      : h('p', { class: 'muted' }, claim.respondsTo ? `claim ${claim.respondsTo} (not found)` : 'It answers no other claim in its article.')),
    h('section', null, h('h2', null, 'Answers'), claim.responses.length
      ? h('ol', { class: 'plain claims' }, ...claim.responses.map(claimItem))
      : h('p', { class: 'muted' }, 'No claim in its article denies, confirms or declines to acknowledge it.')),
    h('p', null, h('a', { href: route('/claims', { article: claim.articleId }) }, 'All claims in this article'), ' · ',
      ...entityLinks(claim), h('a', { href: route('/claims') }, 'All claims')));
}

/** The evidence sentence with the claimed words, the cue and the named sources marked. */
function sentence(claim: StoredClaimDetail): (HTMLElement | string)[] {
  const base = claim.evidence.start;
  const annotations: Annotation[] = [{ start: claim.content.start - base, end: claim.content.end - base, kind: 'content' }];
  if (claim.cue) annotations.push({ start: claim.cue.start - base, end: claim.cue.end - base, kind: 'cue' });
  for (const s of claim.chain) if (s.span) annotations.push({ start: s.span.start - base, end: s.span.end - base, kind: 'source' });
  return segment(claim.evidence.text, 0, claim.evidence.text.length, annotations).map((seg) => {
    const kinds = new Set(seg.annotations.map((a) => a.kind));
    if (!kinds.size) return seg.text;
    const classes = [...kinds].map((k) => `claim-${k}`).join(' ');
    return kinds.has('content') ? h('mark', { class: `claim-content-mark ${classes}` }, seg.text) : h('span', { class: classes }, seg.text);
  });
}

/** One reported event: status, type, its sentence, linking to the event page. */
function eventLine(e: StoredClaim['events'][number], detail: MergedEventDetail | null): HTMLElement {
  return h('li', { class: 'tl-item claim-event-line' },
    h('span', { class: 'tl-date' }, detail?.windowStart ?? ''),
    h('span', { class: 'tl-badges' }, statusBadge(e.status), ' ', h('span', { class: 'badge' }, e.ploverType)),
    h('span', { class: 'tl-text' }, h('a', { href: eventHref(e.id) }, detail?.summary || `${e.ploverType} event`),
      detail ? h('span', { class: 'muted' }, ` · ${plural(detail.assertingOrigins, 'independent source')}${detail.place ? ` · ${detail.place.name}` : ''}`) : null));
}

/** Links to the claims naming each canonical entity of the claim (ids only: names would need a call each). */
function entityLinks(claim: StoredClaim): Child[] {
  const named = claim.chain.filter((s) => s.entityId).map((s) => [s.entityId!, s.name] as const);
  return [...new Map(named)].flatMap(([id, name]) => [h('a', { href: entityHref(id) }, name), ' · ']);
}
