/** The start page: what the store holds, and the articles in it. */
import { api } from '../api-client.js';
import { append, h, route, shortDate } from '../dom.js';
import type { ViewContext } from './context.js';
import { articleHref, articleTitle, heading, pager, plural } from './parts.js';

/** Counts, outlets and a page of articles. */
export async function homeView({ query, main }: ViewContext): Promise<void> {
  const offset = Number(query.get('offset') ?? 0) || 0;
  const [stats, page] = await Promise.all([api.stats(), api.articles(25, offset)]);
  append(main,
    heading('Dossier', `${plural(stats.articles, 'article')} · ${plural(stats.entities, 'entity')} · ${plural(stats.events ?? 0, 'event')} · ${plural(stats.mentions, 'mention')}`),
    h('section', { class: 'cards' },
      h('div', { class: 'card' }, h('h2', null, 'Outlets'), h('ul', { class: 'plain' }, ...Object.entries(stats.byOutlet).map(([k, n]) => h('li', null, `${k} `, h('span', { class: 'muted' }, String(n)))))),
      h('div', { class: 'card' }, h('h2', null, 'Languages'), h('ul', { class: 'plain' }, ...Object.entries(stats.byLanguage).map(([k, n]) => h('li', null, `${k} `, h('span', { class: 'muted' }, String(n)))))),
      h('div', { class: 'card' }, h('h2', null, 'Explore'), h('ul', { class: 'plain' },
        h('li', null, h('a', { href: route('/entities') }, 'Entities')),
        h('li', null, h('a', { href: route('/claims') }, 'Claims: who says what')),
        h('li', null, h('a', { href: route('/search') }, 'Search with filters')),
        h('li', null, h('a', { href: route('/timeline') }, 'Timeline')),
        h('li', null, h('a', { href: route('/graph') }, 'Graph of entities')),
        h('li', null, h('a', { href: route('/map') }, 'Map of places')),
        h('li', null, h('a', { href: '/openapi.json' }, 'API description (OpenAPI)'))))),
    h('h2', null, 'Articles'),
    h('table', { class: 'list' },
      h('thead', null, h('tr', null, h('th', null, 'Published'), h('th', null, 'Title'), h('th', null, 'Outlet'), h('th', null, 'Lang'))),
      h('tbody', null, ...page.items.map((a) => h('tr', null,
        h('td', { class: 'nowrap' }, shortDate(a.publishedAt)),
        h('td', null, h('a', { href: articleHref(a.id) }, articleTitle(a))),
        h('td', null, a.outlet ?? '—'),
        h('td', null, a.language))))),
    pager('/', {}, { ...page, total: stats.articles }, page.items.length));
}
