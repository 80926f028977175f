/**
 * One merged event: what, when, where, its corroboration status and why, who took part, and provenance: each
 * observation links to the exact sentence in its article, and each report draws its source chain as a path
 * (outlet ← agency ← unnamed officer) with the stance taken.
 */
import { api, ApiRequestError, type MergedEventDetail } from '../api-client.js';
import { append, h, replaceChildren, route, shortDate } from '../dom.js';
import { eventTitle } from '../event-title.js';
import { humanDate, humanTimex, shortHumanDate } from '../human-time.js';
import type { ViewContext } from './context.js';
import { notesSection } from './alerts.js';
import { editorsOnly } from './read-only.js';
import { articleHref, claimItem, entityHref, eventHref, heading, plural, statusBadge } from './parts.js';

/** The event page. */
export async function eventView({ param, query, main }: ViewContext): Promise<void> {
  const [event, claims] = await Promise.all([api.event(param), api.claims({ event: param, limit: 50, offset: 0 }).catch(() => null)]);
  const titles = new Map(event.observations.map((o) => [o.articleId, o.title ?? '(untitled)']));
  append(main,
    heading(eventTitle(event), statusBadge(event.status), ` ${event.ploverType}${event.cameo ? ` (CAMEO ${event.cameo})` : ''} · ${windowText(event)} · ${event.place?.name ?? 'place unknown'}`),
    event.summary ? h('p', { class: 'event-sentence' }, h('span', { class: 'muted small' }, 'First reported as: '), `“${event.summary}”`) : null,
    h('p', { class: 'explanation' }, h('strong', null, 'Status: '), `${event.status}: ${event.explanation}. `,
      `${plural(event.reportCount, 'report')} in ${plural(event.articleCount, 'article')}, ${plural(event.assertingOrigins, 'independent asserting origin')}${event.hasAnonymousOrigin ? ', at least one anonymous' : ''}.`),
    decisionNotice(query),
    event.actors.length ? h('p', null, h('strong', null, 'Actors: '), ...event.actors.flatMap((a, i) => [i ? ', ' : '', h('a', { href: entityHref(a.id) }, a.name), h('span', { class: 'muted' }, ` (${a.role})`)])) : null,
    h('section', null, h('h2', null, 'Where each article states it'),
      h('ol', { class: 'plain evidence-list' }, ...event.observations.map((o) => h('li', { class: 'evidence' },
        h('blockquote', null, h('a', { href: articleHref(o.articleId, o.evidence), title: 'open this sentence in its article' }, `“${o.evidence.text.replace(/\s+/g, ' ').trim()}”`)),
        h('div', { class: 'muted small' }, `${o.outlet ?? 'unknown outlet'} · ${o.publishedAt ? shortHumanDate(o.publishedAt) : 'no date'} · ${o.modality}${o.timeValue ? ` · time: ${humanTimex(o.timeValue)}` : ''}${Object.keys(o.counts).length ? ` · ${Object.entries(o.counts).map(([k, v]) => `${k} ${v}`).join(', ')}` : ''} · joined because: ${o.reasons.join('; ')}`),
        event.observations.length > 1 ? splitControl(event.id, o.articleId, o.mentionId) : null)))),
    h('section', null, h('h2', null, 'Who says so'),
      h('ol', { class: 'plain chains' }, ...uniqueReports(event.reports).map((r) => h('li', { class: `chain stance-${r.stance}` },
        h('span', { class: `badge stance ${r.stance}` }, r.stance), ' ',
        ...chainPath(r.chain.length ? r.chain.map((s) => ({ name: s.name, kind: s.kind, ...(s.entityId ? { entityId: s.entityId } : {}) })) : [{ name: r.outlet ?? 'the article itself', kind: 'article' }]),
        h('span', { class: 'muted small' }, ' · in '), h('a', { href: articleHref(r.articleId) }, titles.get(r.articleId) ?? r.articleId))))),
    h('section', { id: 'event-claims' }, h('h2', null, 'Claims reporting it'), claims?.items.length
      ? h('ol', { class: 'plain claims' }, ...claims.items.map(claimItem))
      : h('p', { class: 'muted' }, claims ? 'No stored claim reports it.' : 'Claims could not be read.'),
    claims?.hasMore ? h('p', null, h('a', { href: route('/claims', { event: event.id }) }, `All ${plural(claims.total ?? 0, 'claim')}`)) : null),
    Object.keys(event.countAlternatives).length ? h('section', null, h('h2', null, 'Counts that differ'),
      h('ul', null, ...Object.entries(event.countAlternatives).map(([what, values]) => h('li', null, `${what}: `, Object.entries(values).map(([v, articles]) => `${v} (${plural(articles.length, 'article')})`).join(' vs '))))) : null,
    notesSection('event', event.id),
    mergeForm(event.id),
    h('p', null, h('a', { href: route('/timeline') }, '← Timeline')));
  editorsOnly(main, '.split-control, #event-merge', 'splitting and merging events');
}

/** The confirmation after a merge or split: both reload this page with `merged=` or `split=` in the hash. */
function decisionNotice(query: URLSearchParams): HTMLElement | null {
  const merged = query.get('merged');
  const split = query.get('split');
  if (merged) return h('p', { class: 'notice', role: 'status' }, `Merged event ${merged} into this one (kept as an override).`);
  if (split) return h('p', { class: 'notice', role: 'status' }, 'Split off one report into a new event: ', h('a', { href: eventHref(split), class: 'split-event' }, split), ' (kept as an override).');
  return null;
}

/**
 * "Merge with another event…": the other event's id; the page first shows what that event is and asks to confirm
 * (an unknown id fails here, before anything changes); on confirmation the merged event's page reloads.
 */
function mergeForm(eventId: string): HTMLElement {
  const input = h('input', { id: 'merge-other', name: 'other', required: true, placeholder: 'event id', autocomplete: 'off' });
  const failure = h('span', { class: 'error', role: 'alert', id: 'merge-error' });
  const pending = h('div', { class: 'confirm-step', id: 'merge-confirm' });
  return h('section', { id: 'event-merge' }, h('h2', null, 'Merge with another event…'),
    h('form', { on: { submit: (e) => {
      e.preventDefault();
      replaceChildren(pending);
      void decide(failure, async () => {
        const other = input.value.trim();
        const target = await api.event(other);
        confirmStep(pending, `Merge “${eventTitle(target)}” (${other}, ${plural(target.observations.length, 'report')}) into this event? `
          + 'It is kept as an override: re-ingesting keeps them merged; split a report off to undo.', 'Confirm merge', () => void decide(failure, async () => {
          const merged = await api.mergeEvent(eventId, other);
          location.hash = route(`/event/${encodeURIComponent(merged.id)}`, { merged: other });
        }));
      });
    } } }, h('label', { for: 'merge-other' }, 'Other event id '), input, ' ', h('button', { type: 'submit' }, 'Merge…'), ' ', failure), pending);
}

/** "Split off…" for one observation: asks to confirm; on confirmation the page reloads without it and links to the new event. */
function splitControl(eventId: string, articleId: string, mentionId: string): HTMLElement {
  const failure = h('span', { class: 'error', role: 'alert' });
  const pending = h('span', { class: 'confirm-step' });
  return h('div', { class: 'split-control' }, h('button', { type: 'button', class: 'split-off', title: 'take this report out into an event of its own', on: { click: () => {
    replaceChildren(failure);
    confirmStep(pending, 'Take this report out into an event of its own? It is kept as an override: re-ingesting keeps them apart. ', 'Confirm split', () => void decide(failure, async () => {
      const created = await api.splitEvent(eventId, articleId, mentionId);
      location.hash = route(`/event/${encodeURIComponent(eventId)}`, { split: created.id });
    }));
  } } }, 'Split off…'), ' ', pending, ' ', failure);
}

/** The confirm step of a merge or split: what will happen, then Confirm or Cancel; nothing is sent before Confirm. */
function confirmStep(slot: HTMLElement, question: string, confirmLabel: string, onConfirm: () => void): void {
  const confirm = h('button', { type: 'button', class: 'confirm', on: { click: () => {
    replaceChildren(slot);
    onConfirm();
  } } }, confirmLabel);
  replaceChildren(slot, h('span', { class: 'confirm-question', role: 'status' }, question), confirm, ' ',
    h('button', { type: 'button', class: 'cancel', on: { click: () => replaceChildren(slot) } }, 'Cancel'));
  confirm.focus();
}

/** Runs a merge or split, showing an API error (400, 404) as text beside the control instead of the page failing. */
async function decide(failure: HTMLElement, action: () => Promise<void>): Promise<void> {
  replaceChildren(failure);
  try {
    await action();
  } catch (error) {
    replaceChildren(failure, error instanceof ApiRequestError ? `${error.message} (${error.status})` : 'The request failed.');
  }
}

/** "Tue 12 Nov 2024", "Mon 29 Dec 2025 – Fri 9 Jan 2026 (week)", or "date unknown". */
function windowText(event: MergedEventDetail): string {
  if (!event.windowStart) return 'date unknown';
  return event.windowStart === event.windowEnd ? humanDate(event.windowStart) : `${humanDate(event.windowStart)} – ${humanDate(event.windowEnd)} (${event.datePrecision})`;
}

/** Reports once each: the same article, stance and chain listed twice (two mentions of one event) shows once. */
function uniqueReports<R extends { articleId: string; stance: string; chain: readonly { name: string }[] }>(reports: readonly R[]): R[] {
  const seen = new Set<string>();
  return reports.filter((r) => {
    const key = `${r.articleId}|${r.stance}|${r.chain.map((s) => s.name).join('<')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Sources from the outermost (the outlet) to the origin, joined by ←. */
function chainPath(chain: readonly { name: string; kind: string; entityId?: string }[]): (HTMLElement | string)[] {
  return chain.flatMap((s, i) => [
    i ? h('span', { class: 'chain-arrow', 'aria-label': 'citing' }, ' ← ') : '',
    h('span', { class: `chain-source kind-${s.kind}`, title: s.kind }, s.entityId && /^(kb|per|org|loc|misc):/.test(s.entityId) ? h('a', { href: entityHref(s.entityId) }, s.name) : s.name),
  ]);
}
