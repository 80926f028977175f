/**
 * The dossier of one entity, as a printable brief: identity, aliases, roles over time, timeline of events with
 * their sources and status, related actors, and contested or denied events. Markdown for text tools, HTML for
 * the browser and print (all text escaped: nothing from an article is ever markup).
 */
import { createHash } from 'node:crypto';
import type { EntityDetail, MergedEventRow, Store, StoredClaim } from '../store/store.js';
import { chainText } from './claim-text.js';
import { requireEntity } from './queries.js';

export interface Brief {
  readonly entity: EntityDetail;
  readonly events: readonly MergedEventRow[];
  /** People, organisations, groups and states named with it, most shared articles first. */
  readonly related: readonly { id: string; name: string; articles: number }[];
  /** Places (below the level of a country) named with it. */
  readonly places: readonly { id: string; name: string; articles: number }[];
  /** Claims involving the entity that someone denied or would not acknowledge, oldest first. */
  readonly contestedClaims: readonly StoredClaim[];
}

/** Most contested claims a brief lists per stance. */
const MAX_CONTESTED_CLAIMS = 50;

/** Gathers what the brief shows about the entity named `nameOrId`. */
export async function gatherBrief(store: Store, nameOrId: string): Promise<Brief> {
  const entity = await requireEntity(store, nameOrId, { articlesLimit: 200, articlesOffset: 0 });
  const events = await store.listEvents({ entityId: entity.id, limit: 500 });
  const pairs = await store.listCooccurrences({ entityId: entity.id, limit: 60 });
  const others = pairs.map((pair) => (pair.a === entity.id
    ? { id: pair.b, name: pair.bName, type: pair.bType, articles: pair.articles }
    : { id: pair.a, name: pair.aName, type: pair.aType, articles: pair.articles }));
  // A country is an actor (a state); a city or a region is where things happen.
  const isPlace = (o: { id: string; type: string }) => o.type === 'LOC' && !o.id.startsWith('kb:country:');
  const related = others.filter((o) => !isPlace(o)).slice(0, 15).map(({ id, name, articles }) => ({ id, name, articles }));
  const places = others.filter(isPlace).slice(0, 10).map(({ id, name, articles }) => ({ id, name, articles }));
  const [denied, unacknowledged] = await Promise.all((['denied', 'not-acknowledged'] as const).map((stance) => store.listClaims({ entityId: entity.id, stance, limit: MAX_CONTESTED_CLAIMS })));
  const contestedClaims = [...denied!, ...unacknowledged!].sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || a.id.localeCompare(b.id));
  return { entity, events, related, places, contestedClaims };
}

function when(e: MergedEventRow): string {
  if (e.datePrecision === 'unknown') return 'undated';
  return e.datePrecision === 'day' ? e.windowStart : e.datePrecision === 'month' ? e.windowStart.slice(0, 7) : e.datePrecision === 'year' ? e.windowStart.slice(0, 4) : `${e.windowStart}…${e.windowEnd}`;
}

function roleLine(r: EntityDetail['roles'][number]): string {
  const period = r.from || r.to ? ` (${r.from ?? '?'}–${r.to ?? ''})` : '';
  return `${r.title}${r.organisation ? ` of ${r.organisation}` : ''}${period}`;
}

/** The brief as Markdown. */
export function briefMarkdown(brief: Brief): string {
  const { entity, events, related } = brief;
  const md = (s: string) => s.replace(/([\\`*_[\]<>|])/g, '\\$1');
  const lines = [
    `# ${md(entity.name)}`,
    '',
    `${entity.type} · ${entity.kind}${entity.country ? ` · ${entity.country}` : ''} · ${entity.mentionCount} mentions in ${entity.articleCount} articles · id \`${entity.id}\``,
    '',
    '## Also known as',
    entity.aliases.filter((a) => a.alias !== entity.name).map((a) => `${md(a.alias)} (${a.count})`).join(', ') || '—',
    '',
    '## Roles over time',
    ...(entity.roles.length ? [...new Set(entity.roles.map(roleLine))].map((r) => `- ${md(r)}`) : ['—']),
    '',
    '## Timeline',
    ...(events.length ? events.map((e) => `- **${when(e)}** ${e.ploverType}${e.place ? ` at ${md(e.place.name)}` : ''} — *${e.status}*: ${md(e.summary)} (${md(e.explanation)})`) : ['—']),
    '',
    '## Related actors',
    ...(related.length ? related.map((r) => `- ${md(r.name)} (${r.articles} shared article${r.articles === 1 ? '' : 's'})`) : ['—']),
    '',
    '## Places named with it',
    brief.places.map((p) => `${md(p.name)} (${p.articles})`).join(', ') || '—',
    '',
    '## Contested or denied',
    ...(events.some((e) => e.status === 'contested' || e.status === 'denied')
      ? events.filter((e) => e.status === 'contested' || e.status === 'denied').map((e) => `- **${when(e)}** ${md(e.summary)} — ${md(e.explanation)}`)
      : ['—']),
    '',
    '## Contested claims',
    ...(brief.contestedClaims.length
      ? brief.contestedClaims.map((c) => `- **${c.stance}** ${md(c.publishedAt?.slice(0, 10) ?? 'undated')}, ${md(chainText(c))}: “${md(c.content.text)}” (${md(c.outlet ?? 'unknown outlet')})`)
      : ['—']),
    '',
    '## Sources by outlet',
    ...Object.entries(entity.mentionsByOutlet).map(([outlet, n]) => `- ${md(outlet)}: ${n} mentions`),
    '',
  ];
  return lines.join('\n');
}

const esc = (s: unknown) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The brief page's only style sheet. It is inline so that a downloaded brief is one self-contained file; the server
 * allows exactly this text by its hash in the Content-Security-Policy (`briefStyleHash`), nothing else inline.
 */
export const BRIEF_STYLE = `body{font:15px/1.5 Georgia,serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#111}h1{margin-bottom:.2rem}
.meta{color:#555}.status{font:12px sans-serif;padding:0 .4em;border-radius:3px;background:#eee}.contested,.denied{background:#fde2e1}
.corroborated{background:#e1f5e1}@media print{body{margin:0}}`;

/** The CSP source expression ('sha256-…') that allows BRIEF_STYLE and no other inline style. */
export function briefStyleHash(): string {
  return `'sha256-${createHash('sha256').update(BRIEF_STYLE, 'utf8').digest('base64')}'`;
}

/** The brief as a self-contained, printable HTML page (no script, no external resource). */
export function briefHtml(brief: Brief): string {
  const { entity, events, related } = brief;
  const list = (items: string[]) => (items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : '<p>—</p>');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Dossier: ${esc(entity.name)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>${BRIEF_STYLE}</style></head>
<body><h1>${esc(entity.name)}</h1>
<p class="meta">${esc(entity.type)} · ${esc(entity.kind)}${entity.country ? ` · ${esc(entity.country)}` : ''} · ${entity.mentionCount} mentions in ${entity.articleCount} articles · <code>${esc(entity.id)}</code></p>
<h2>Also known as</h2><p>${esc(entity.aliases.filter((a) => a.alias !== entity.name).map((a) => a.alias).join(', ') || '—')}</p>
<h2>Roles over time</h2>${list([...new Set(entity.roles.map(roleLine))].map(esc))}
<h2>Timeline</h2>${list(events.map((e) => `<b>${esc(when(e))}</b> ${esc(e.ploverType)}${e.place ? ` at ${esc(e.place.name)}` : ''} <span class="status ${esc(e.status)}">${esc(e.status)}</span> ${esc(e.summary)} <i>(${esc(e.explanation)})</i>`))}
<h2>Related actors</h2>${list(related.map((r) => `${esc(r.name)} (${r.articles})`))}
<h2>Places named with it</h2><p>${esc(brief.places.map((p) => `${p.name} (${p.articles})`).join(', ') || '—')}</p>
<h2>Contested or denied</h2>${list(events.filter((e) => e.status === 'contested' || e.status === 'denied').map((e) => `<b>${esc(when(e))}</b> ${esc(e.summary)} — ${esc(e.explanation)}`))}
<h2>Contested claims</h2>${list(brief.contestedClaims.map((c) => `<b>${esc(c.stance)}</b> ${esc(c.publishedAt?.slice(0, 10) ?? 'undated')}, ${esc(chainText(c))}: “${esc(c.content.text)}” <i>(${esc(c.outlet ?? 'unknown outlet')})</i>`))}
<h2>Sources by outlet</h2>${list(Object.entries(entity.mentionsByOutlet).map(([o, n]) => `${esc(o)}: ${n}`))}
</body></html>
`;
}
