/** Full-text search with the matching words highlighted. */
import { api } from '../api-client.js';
import { append, h, shortDate } from '../dom.js';
import type { ViewContext } from './context.js';
import { articleHref, eventHref, heading, pager, plural, statusBadge } from './parts.js';

const PAGE = 20;

/** Hits for ?q=, best first, with snippets whose matching words are marked. */
export async function searchView({ query, main }: ViewContext): Promise<void> {
  const q = query.get('q')?.trim() ?? '';
  if (!q) {
    append(main, heading('Search'), h('p', null, 'Type words, a "quoted phrase" or a prefix* in the search box above (press / to get there).'));
    return;
  }
  const offset = Number(query.get('offset') ?? 0) || 0;
  const [page, events] = await Promise.all([api.search(q, PAGE, offset), offset ? null : api.events({ q, limit: 5, offset: 0 })]);
  append(main,
    heading(`Search: ${q}`, page.items.length ? `${page.offset + 1}–${page.offset + page.items.length}${page.hasMore ? ' of more' : ''} hits, best first` : 'No article matches.'),
    h('ol', { class: 'hits', start: page.offset + 1 }, ...page.items.map((hit) => h('li', { class: 'hit' },
      h('a', { href: articleHref(hit.id), class: 'hit-title' }, hit.title ?? '(untitled)'),
      h('div', { class: 'muted small' }, `${shortDate(hit.publishedAt)} · ${hit.outlet ?? 'unknown outlet'}`),
      h('p', { class: 'snippet' }, ...hit.snippet.map((part) => (part.isHit ? h('mark', null, part.text) : part.text)))))),
    pager('/search', { q }, page, page.items.length),
    events?.items.length ? h('section', { class: 'set-apart' }, h('h2', null, 'Events reported in these articles'), h('ul', { class: 'plain' }, ...events.items.map((e) => h('li', { class: 'tl-item' },
      h('span', { class: 'tl-date' }, e.windowStart), h('span', { class: 'tl-badges' }, statusBadge(e.status), ' ', h('span', { class: 'badge' }, e.ploverType)),
      h('span', { class: 'tl-text' }, h('a', { href: eventHref(e.id) }, e.summary || e.ploverType),
        h('span', { class: 'muted' }, ` · ${plural(e.assertingOrigins, 'independent source')}`)))))) : null);
}
