/**
 * The brief of one entity inside the UI: identity, aliases, roles over time, timeline of events with their
 * sources and status, related actors, contested events and contested claims. Prints cleanly (styles.css hides
 * the header when printing), and links to the HTML and Markdown versions the API renders.
 */
import { api, type Brief } from '../api-client.js';
import { append, h, route, shortDate } from '../dom.js';
import type { ViewContext } from './context.js';
import { articleHref, claimItem, entityHref, eventHref, heading, plural, statusBadge, typeBadge } from './parts.js';

/** The brief page: #/entity/<id>/brief. */
export async function briefView({ param, main }: ViewContext): Promise<void> {
  const brief = await api.brief(param);
  const { entity, events, related, contestedClaims } = brief;
  const download = (format: 'html' | 'md') => `/api/entities/${encodeURIComponent(entity.id)}/brief?format=${format}`;
  const contested = events.filter((e) => e.status === 'contested' || e.status === 'denied');
  const aliases = entity.aliases.filter((a) => a.alias !== entity.name);
  const outlets = Object.entries(entity.mentionsByOutlet).sort((a, b) => b[1] - a[1]);

  append(main,
    h('p', { class: 'no-print subnav' }, h('a', { href: entityHref(entity.id) }, `← ${entity.name}`)),
    heading(`Brief: ${entity.name}`, typeBadge(entity.type), ` ${entity.kind}${entity.country ? ` · ${entity.country}` : ''} · ${plural(entity.mentionCount, 'mention')} in ${plural(entity.articleCount, 'article')}`),
    h('nav', { class: 'brief-actions no-print', 'aria-label': 'brief versions' },
      h('button', { type: 'button', on: { click: () => window.print() } }, 'Print'), ' ',
      h('a', { href: download('html'), class: 'brief-download', 'data-format': 'html', target: '_blank', rel: 'noopener' }, 'Printable HTML'), ' · ',
      h('a', { href: download('md'), class: 'brief-download', 'data-format': 'md', download: `${entity.name.replace(/[^\p{L}\p{N}]+/gu, '-')}-brief.md` }, 'Markdown')),
    h('section', { class: 'brief-section', id: 'brief-identity' }, h('h2', null, 'Identity'),
      h('dl', { class: 'facts' },
        h('dt', null, 'Name'), h('dd', null, entity.name),
        h('dt', null, 'Type'), h('dd', null, `${entity.type} · ${entity.kind}`),
        h('dt', null, 'Country'), h('dd', null, entity.country ?? '—'),
        h('dt', null, 'Knowledge base'), h('dd', null, entity.kbId ?? '—'),
        h('dt', null, 'Id'), h('dd', null, h('code', null, entity.id)),
        h('dt', null, 'Also known as'), h('dd', null, aliases.length ? aliases.map((a) => `${a.alias} (${a.count})`).join(', ') : '—'),
        h('dt', null, 'Mentions by outlet'), h('dd', null, outlets.length ? outlets.map(([o, n]) => `${o} ${n}`).join(' · ') : '—'))),
    h('section', { class: 'brief-section', id: 'brief-roles' }, h('h2', null, 'Roles over time'), entity.roles.length
      ? h('table', { class: 'list' },
        h('thead', null, h('tr', null, h('th', null, 'From'), h('th', null, 'To'), h('th', null, 'Role'), h('th', null, 'Source'))),
        h('tbody', null, ...entity.roles.map((r) => h('tr', null,
          h('td', { class: 'nowrap' }, r.from ?? '?'), h('td', { class: 'nowrap' }, r.to ?? (r.from ? 'now?' : '?')),
          h('td', null, [r.title, r.organisation].filter(Boolean).join(', ')),
          h('td', null, h('a', { href: articleHref(r.articleId, r) }, titleOf(brief, r.articleId)))))))
      : h('p', { class: 'muted' }, 'No role stated in the articles.')),
    h('section', { class: 'brief-section', id: 'brief-timeline' }, h('h2', null, 'Timeline'), events.length
      ? h('ol', { class: 'plain brief-timeline' }, ...events.map((e) => h('li', { class: 'brief-event' },
        h('div', null, h('strong', { class: 'tl-date' }, when(e)), ' ', statusBadge(e.status), ' ', h('span', { class: 'badge' }, e.ploverType), e.place ? ` · ${e.place.name}` : ''),
        h('div', null, h('a', { href: eventHref(e.id) }, e.summary || e.ploverType)),
        h('div', { class: 'muted small' }, `Sources: ${e.explanation} · ${plural(e.assertingOrigins, 'independent origin')}, ${plural(e.reportCount, 'report')} in ${plural(e.articleCount, 'article')}${e.hasAnonymousOrigin ? ', at least one anonymous' : ''}`))))
      : h('p', { class: 'muted' }, 'No coded event names it as an actor.')),
    h('section', { class: 'brief-section', id: 'brief-related' }, h('h2', null, 'Related actors'), related.length
      ? h('ul', { class: 'plain' }, ...related.map((r) => h('li', null, h('a', { href: entityHref(r.id) }, r.name), h('span', { class: 'muted' }, ` · ${plural(r.articles, 'shared article')}`))))
      : h('p', { class: 'muted' }, 'none found')),
    h('section', { class: 'brief-section', id: 'brief-places' }, h('h2', null, 'Places named with it'), brief.places.length
      ? h('p', null, ...brief.places.flatMap((p, n) => [n ? ', ' : '', h('a', { href: entityHref(p.id) }, p.name), h('span', { class: 'muted' }, ` (${p.articles})`)]))
      : h('p', { class: 'muted' }, 'none')),
    h('section', { class: 'brief-section', id: 'brief-contested' }, h('h2', null, 'Contested or denied events'), contested.length
      ? h('ul', { class: 'plain' }, ...contested.map((e) => h('li', null, h('strong', { class: 'tl-date' }, when(e)), ' ', statusBadge(e.status), ' ',
        h('a', { href: eventHref(e.id) }, e.summary || e.ploverType), h('span', { class: 'muted' }, ` · ${e.explanation}`))))
      : h('p', { class: 'muted' }, 'None of its events is contested or denied.')),
    h('section', { class: 'brief-section', id: 'brief-claims' }, h('h2', null, 'Contested claims'), contestedClaims.length
      ? h('ol', { class: 'plain claims' }, ...contestedClaims.map(claimItem))
      : h('p', { class: 'muted' }, 'No claim about it was denied or left unacknowledged.'),
    h('p', { class: 'no-print' }, h('a', { href: route('/claims', { entity: entity.id }) }, 'All claims involving it'))),
    h('section', { class: 'brief-section', id: 'brief-articles' }, h('h2', null, 'Articles'),
      h('ul', { class: 'plain small' }, ...entity.articles.map((a) => h('li', null, `${shortDate(a.publishedAt)} · ${a.outlet ?? 'unknown outlet'} · `, h('a', { href: articleHref(a.articleId) }, a.title ?? '(untitled)')))),
      entity.articlesTotal > entity.articles.length ? h('p', { class: 'muted small' }, `and ${entity.articlesTotal - entity.articles.length} more`) : null));
  keepLinkTargetsInPrint(main);
}

/**
 * Paper keeps no links: each in-app link (#/event/…) carries its full address for the print style sheet to show
 * after it (a bare "#/event/…" would mean nothing on paper; web links print their own href).
 */
function keepLinkTargetsInPrint(root: HTMLElement): void {
  for (const a of root.querySelectorAll<HTMLAnchorElement>('a[href^="#/"]')) a.setAttribute('data-print-href', new URL(a.getAttribute('href')!, location.href).href);
}

/** When an event happened, at the precision known. */
function when(e: Brief['events'][number]): string {
  if (e.datePrecision === 'unknown') return 'undated';
  if (e.datePrecision === 'day') return e.windowStart;
  if (e.datePrecision === 'month') return e.windowStart.slice(0, 7);
  if (e.datePrecision === 'year') return e.windowStart.slice(0, 4);
  return `${e.windowStart} – ${e.windowEnd}`;
}

/** An article's title from the brief's article list, for a role's source. */
function titleOf(brief: Brief, articleId: string): string {
  return brief.entity.articles.find((a) => a.articleId === articleId)?.title ?? 'the sentence in its article';
}
