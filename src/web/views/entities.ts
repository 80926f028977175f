/** The entity list (filter by type and name) and one entity's page. */
import { api } from '../api-client.js';
import { append, h, replaceChildren, route, shortDate } from '../dom.js';
import { shortHumanDate } from '../human-time.js';
import type { ViewContext } from './context.js';
import { notesSection, watchButton } from './alerts.js';
import { correctionNotice, correctionsSection, typeWarningNotice } from './entity-corrections.js';
import { articleHref, claimItem, downloadControl, entityHref, eventHref, heading, pager, plural, statusBadge, typeBadge, TYPE_NAMES } from './parts.js';

const PAGE = 50;
/** Articles read to find an entity's related entities. */
const RELATED_SCAN_ARTICLES = 100;

/** Canonical entities, most mentioned first. */
export async function entitiesView({ query, main }: ViewContext): Promise<void> {
  const type = query.get('type') ?? '';
  const q = query.get('q') ?? '';
  const offset = Number(query.get('offset') ?? 0) || 0;
  const page = await api.entities({ ...(type ? { type } : {}), ...(q ? { q } : {}), limit: PAGE, offset });
  const typeSelect = h('select', { name: 'type', id: 'entity-type' }, h('option', { value: '' }, 'all types'),
    ...Object.entries(TYPE_NAMES).map(([k, name]) => h('option', { value: k, selected: k === type }, `${k} – ${name}`)));
  const nameInput = h('input', { type: 'search', name: 'q', id: 'entity-q', value: q, placeholder: 'name or alias' });
  const form = h('form', { class: 'filters', on: { submit: (e) => {
    e.preventDefault();
    location.hash = route('/entities', { type: typeSelect.value || undefined, q: nameInput.value.trim() || undefined });
  } } }, h('label', { for: 'entity-type' }, 'Type '), typeSelect, h('label', { for: 'entity-q' }, ' Name '), nameInput, h('button', { type: 'submit' }, 'Filter'));
  append(main,
    heading('Entities', 'People, organisations, places and groups across all articles, most mentioned first.'),
    form,
    page.items.length === 0 ? h('p', { class: 'muted' }, 'No entity matches (entities appear once articles are ingested with the entities stage).') : h('table', { class: 'list' },
      h('thead', null, h('tr', null, h('th', null, 'Type'), h('th', null, 'Name'), h('th', null, 'Kind'), h('th', { class: 'num' }, 'Mentions'), h('th', { class: 'num' }, 'Articles'))),
      h('tbody', null, ...page.items.map((e) => h('tr', null,
        h('td', null, typeBadge(e.type)),
        h('td', null, h('a', { href: entityHref(e.id) }, e.name)),
        h('td', null, `${e.kind}${e.country ? ` · ${e.country}` : ''}`),
        h('td', { class: 'num' }, String(e.mentionCount)),
        h('td', { class: 'num' }, String(e.articleCount)))))),
    pager('/entities', { type: type || undefined, q: q || undefined }, page, page.items.length));
}

/** Claims the entity page lists before linking to the full, filtered list. */
const ENTITY_CLAIMS = 10;

/** One entity: identity, aliases, roles over time, mentions by outlet, related entities, claims, articles. */
export async function entityView({ param, query, main }: ViewContext): Promise<void> {
  const offset = Number(query.get('offset') ?? 0) || 0;
  const [entity, events, claims] = await Promise.all([
    api.entity(param, 25, offset), api.events({ entity: param, limit: 20, offset: 0 }),
    // Claims are a later layer: a store without them still shows the rest of the page.
    api.claims({ entity: param, limit: ENTITY_CLAIMS, offset: 0 }).catch(() => null),
  ]);
  // Related entities come from reading the entity's articles: filled in when ready, without holding up the page.
  const relatedCard = h('section', { class: 'card', id: 'related' }, h('h2', null, 'Related entities'), h('p', { class: 'muted' }, 'Reading its articles…'));
  // Co-occurrence only: the related list shows entities, so events are not asked for.
  void api.graph(entity.id, RELATED_SCAN_ARTICLES, 0).then((graph) => {
    // Entity nodes only: the graph also holds the entity's events.
    const related = graph.nodes.flatMap((n) => (n.kind === 'entity' && n.id !== entity.id ? [n] : [])).map((n) => {
      const edge = graph.edges.find((e) => (e.source === entity.id && e.target === n.id) || (e.target === entity.id && e.source === n.id));
      return { ...n, weight: edge?.weight ?? 0 };
    }).filter((n) => n.weight > 0).sort((a, b) => b.weight - a.weight).slice(0, 15);
    replaceChildren(relatedCard, h('h2', null, 'Related entities'), related.length
      ? h('ul', { class: 'plain' }, ...related.map((n) => h('li', null, typeBadge(n.type), ' ', h('a', { href: entityHref(n.id) }, n.label), h('span', { class: 'muted' }, ` ${plural(n.weight, 'article')} together`))))
      : h('p', { class: 'muted' }, 'none found'),
    graph.isPartial ? h('p', { class: 'muted small' }, `from its first ${graph.scannedArticles} articles`) : null);
    relatedCard.dataset['ready'] = 'true';
  }, (error: unknown) => replaceChildren(relatedCard, h('h2', null, 'Related entities'), h('p', { class: 'error' }, error instanceof Error ? error.message : String(error))));
  const outlets = Object.entries(entity.mentionsByOutlet).sort((a, b) => b[1] - a[1]);
  const maxOutlet = Math.max(1, ...outlets.map(([, n]) => n));

  append(main,
    heading(entity.name, typeBadge(entity.type), ` ${entity.kind}${entity.country ? ` · ${entity.country}` : ''}${entity.kbId ? ` · knowledge base: ${entity.kbId}` : ''} · ${plural(entity.mentionCount, 'mention')} in ${plural(entity.articleCount, 'article')}`),
    h('nav', { class: 'subnav', 'aria-label': 'views of this entity' },
      h('a', { href: route('/timeline', { entity: entity.id }) }, 'Timeline'), ' · ',
      h('a', { href: route('/graph', { entity: entity.id }) }, 'Graph'), ' · ',
      h('a', { href: route('/map', { entity: entity.id }) }, 'Map'), ' · ',
      h('a', { href: route(`/entity/${encodeURIComponent(entity.id)}/brief`), class: 'brief-link' }, 'Brief'), ' · ',
      h('a', { href: route('/search', { entity: entity.id }), class: 'search-link' }, 'Articles naming it'), ' · ',
      h('a', { href: route('/claims', { entity: entity.id }) }, 'Claims'), ' · ',
      h('code', { class: 'muted' }, entity.id)),
    correctionNotice(query), typeWarningNotice(entity),
    downloadControl({ entity: entity.id }, 'the events it takes part in, and the claims of the articles naming it'),
    watchButton(entity.id, entity.name),
    h('div', { class: 'cards' },
      h('section', { class: 'card' }, h('h2', null, 'Aliases'), entity.aliases.length
        ? h('ul', { class: 'chips' }, ...entity.aliases.map((a) => h('li', null, a.alias, h('span', { class: 'muted' }, ` ${a.count}`))))
        : h('p', { class: 'muted' }, 'none')),
      h('section', { class: 'card' }, h('h2', null, 'Mentions by outlet'), h('ul', { class: 'bars' }, ...outlets.map(([outlet, n]) => {
        const bar = h('span', { class: 'bar' });
        bar.style.width = `${Math.round((n / maxOutlet) * 100)}%`;
        return h('li', null, h('span', { class: 'bar-label' }, outlet), h('span', { class: 'bar-track' }, bar), h('span', { class: 'num' }, String(n)));
      }))),
      relatedCard),
    correctionsSection(entity),
    h('section', null, h('h2', null, 'Events'), events.items.length ? h('ul', { class: 'plain' }, ...distinctEvents(events.items).map(({ event: e, types }) => h('li', { class: 'tl-item entity-event' },
      h('span', { class: 'tl-date', title: e.windowStart ? `${e.windowStart} – ${e.windowEnd}` : 'no date in the text' }, e.windowStart ? shortHumanDate(e.windowStart) : 'undated'),
      h('span', { class: 'tl-badges' }, statusBadge(e.status), ...types.map((t) => h('span', null, ' ', h('span', { class: 'badge' }, t)))),
      h('span', { class: 'tl-text' }, h('a', { href: eventHref(e.id) }, e.summary || e.ploverType),
        h('span', { class: 'muted' }, ` · ${plural(e.assertingOrigins, 'independent source')}${e.place ? ` · ${e.place.name}` : ''}`)))))
      : h('p', { class: 'muted' }, 'No coded event names this entity as an actor.'),
      events.hasMore ? h('p', null, h('a', { href: route('/timeline', { entity: entity.id }) }, 'All events on the timeline')) : null),
    h('section', { id: 'entity-claims' }, h('h2', null, 'Claims'), claims?.items.length
      ? h('ol', { class: 'plain claims' }, ...claims.items.map(claimItem))
      : h('p', { class: 'muted' }, claims ? 'No claim names it, as a source or in what is claimed.' : 'Claims could not be read.'),
    claims?.items.length ? h('p', null, h('a', { href: route('/claims', { entity: entity.id }) }, claims.hasMore ? `All ${plural(claims.total ?? 0, 'claim')} involving it` : 'Filter its claims')) : null),
    notesSection('entity', entity.id),
    h('section', null, h('h2', null, 'Roles over time'), entity.roles.length ? h('table', { class: 'list' },
      h('thead', null, h('tr', null, h('th', null, 'From'), h('th', null, 'To'), h('th', null, 'Role'), h('th', null, 'Evidence'))),
      h('tbody', null, ...entity.roles.map((r) => h('tr', null,
        h('td', { class: 'nowrap' }, r.from ?? '?'), h('td', { class: 'nowrap' }, r.to ?? (r.from ? 'now?' : '?')),
        h('td', null, [r.title, r.organisation].filter(Boolean).join(', ')),
        h('td', null, h('a', { href: articleHref(r.evidence.articleId, r.evidence), title: 'open the sentence in its article' }, r.evidence.text ? `“${r.evidence.text}”` : 'open the sentence')))))) : h('p', { class: 'muted' }, 'No role stated in the articles.')),
    h('section', null, h('h2', null, 'Articles'),
      h('table', { class: 'list' },
        h('thead', null, h('tr', null, h('th', null, 'Published'), h('th', null, 'Title'), h('th', null, 'Outlet'), h('th', { class: 'num' }, 'Mentions'), h('th', null, 'Linked because'))),
        h('tbody', null, ...entity.articles.items.map((a) => h('tr', null,
          h('td', { class: 'nowrap' }, shortDate(a.publishedAt)),
          h('td', null, h('a', { href: articleHref(a.articleId) }, a.title ?? '(untitled)')),
          h('td', null, a.outlet ?? '—'),
          h('td', { class: 'num' }, String(a.mentionCount)),
          h('td', { class: 'muted small' }, a.reason))))),
      pager(`/entity/${encodeURIComponent(entity.id)}`, {}, entity.articles, entity.articles.items.length)));
}

/**
 * Events once each as a reader sees them: merged events stated by the same sentence on the same dates (one sentence
 * coded as two types) are one line with both types.
 */
function distinctEvents<E extends { id: string; summary: string; windowStart: string; ploverType: string }>(events: readonly E[]): { event: E; types: string[] }[] {
  const out = new Map<string, { event: E; types: string[] }>();
  for (const e of events) {
    const key = e.summary ? `${e.summary}|${e.windowStart}` : e.id;
    const seen = out.get(key);
    if (seen) {
      if (!seen.types.includes(e.ploverType)) seen.types.push(e.ploverType);
    } else out.set(key, { event: e, types: [e.ploverType] });
  }
  return [...out.values()];
}
