/** `dossier timeline` and `dossier event`: merged events in time order, and one event with its provenance. */
import type { Command } from 'commander';
import { DossierError, UsageError } from '../../model/index.js';
import type { EventQuery, MergedEventRow } from '../../app/store.js';
import { isCalendarDate } from '../../app/validate.js';
import { DB_OPTION, withStore, type CliContext } from '../context.js';
import { EXIT_OK, EXIT_SOME_FAILED } from '../exit-codes.js';

const STATUSES = ['single-source', 'corroborated', 'contested', 'denied'] as const;

/** A --from/--to value, checked. */
export function dateOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isCalendarDate(value)) throw new UsageError(`${name} "${value}": expected a calendar date like 2024-11-07, 2024-11 or 2024`);
  return value;
}

/** "2024-11-07", "2024-11", "2024", "2024-11-04…2024-11-10" by precision. */
export function formatWhen(row: Pick<MergedEventRow, 'windowStart' | 'windowEnd' | 'datePrecision'>): string {
  switch (row.datePrecision) {
    case 'unknown':
      return 'undated';
    case 'day':
      return row.windowStart;
    case 'month':
      return row.windowStart.slice(0, 7);
    case 'year':
      return row.windowStart.slice(0, 4);
    default:
      return `${row.windowStart}…${row.windowEnd}`;
  }
}

/** Registers the event commands on the program. */
export function registerEventCommands(program: Command, { io, setExitCode }: CliContext): void {
  program
    .command('timeline')
    .description('merged events in time order, with date precision, status and independent sources')
    .argument('[entity-or-query...]', 'an entity name/alias/id, or words to search articles for')
    .option(...DB_OPTION)
    .option('--from <date>', 'events on or after this date')
    .option('--to <date>', 'events on or before this date')
    .option('--status <status>', STATUSES.join(', '))
    .option('--limit <n>', 'maximum events', (v) => Number(v), 200)
    .option('--json', 'print JSON lines')
    .action(async (words: string[], opts: { db: string; from?: string; to?: string; status?: string; limit: number; json?: boolean }) => {
      if (opts.status !== undefined && !STATUSES.includes(opts.status as (typeof STATUSES)[number])) throw new UsageError(`--status "${opts.status}": expected one of ${STATUSES.join(', ')}`);
      setExitCode(await withStore(opts.db, async (store) => {
        const query: { -readonly [K in keyof EventQuery]: EventQuery[K] } = { limit: opts.limit };
        const from = dateOption('--from', opts.from);
        const to = dateOption('--to', opts.to);
        if (from) query.from = from;
        if (to) query.to = to;
        if (opts.status) query.status = opts.status as EventQuery['status'];
        const subject = words.join(' ').trim();
        let heading = 'all events';
        if (subject) {
          const entity = await store.getEntity(subject);
          if (entity) {
            query.entityId = entity.id;
            heading = `events of ${entity.name} [${entity.id}]`;
          } else {
            const hits = await store.search({ text: subject, limit: 500, withSnippets: false });
            query.articleIds = hits.map((h) => h.id);
            heading = `events in ${hits.length} article(s) matching "${subject}"`;
          }
        }
        const rows = await store.listEvents(query);
        if (!opts.json) io.out(`${heading}: ${rows.length}`);
        for (const row of rows) {
          if (opts.json) {
            io.out(JSON.stringify(row));
            continue;
          }
          io.out(`${formatWhen(row).padEnd(23)} ${row.ploverType.padEnd(10)} ${row.status.padEnd(13)} ${row.place ? `@${row.place.name} ` : ''}[${row.id}]`);
          io.out(`    ${row.summary.length > 160 ? `${row.summary.slice(0, 157)}…` : row.summary}`);
          io.out(`    ${row.explanation} — ${row.articleCount} article(s)`);
        }
        return rows.length ? EXIT_OK : EXIT_SOME_FAILED;
      }));
    });

  program
    .command('event')
    .description('one merged event: every report with its source chain and the sentence that supports it;\n' +
      '`event merge <event-id> <other-event-id>`: the other event is the same one (it joins the first);\n' +
      '`event split <event-id> <article-id:mention-id>`: that report is another event. Both are kept on re-ingest.')
    .argument('<event-id>', 'as printed by `dossier timeline`, or merge / split')
    .argument('[args...]', 'for merge: the two event ids; for split: the event id and the observation')
    .option(...DB_OPTION)
    .option('--json', 'print as JSON')
    .action(async (id: string, args: string[], opts: { db: string; json?: boolean }) => {
      if (id === 'merge' || id === 'split') {
        if (args.length !== 2) throw new UsageError(id === 'merge' ? 'usage: dossier event merge <event-id> <other-event-id>' : 'usage: dossier event split <event-id> <article-id:mention-id>');
        const [first, second] = args as [string, string];
        setExitCode(await withStore(opts.db, async (store) => {
          const { mergeEvents, parseObservationRef, splitEvent } = await import('../../app/event-decisions.js');
          const event = id === 'merge' ? await mergeEvents(store, first, second) : await splitEvent(store, first, parseObservationRef(second));
          if (opts.json) io.out(JSON.stringify(event, null, 2));
          else io.out(id === 'merge' ? `merged ${second} into ${event.id}: ${event.articleCount} article(s), ${event.status} — ${event.explanation}` : `split into ${event.id}; ${first} keeps the other reports`);
          return EXIT_OK;
        }));
        return;
      }
      if (args.length) throw new UsageError(`unexpected argument "${args[0]}"`);
      setExitCode(await withStore(opts.db, async (store) => {
        const event = await store.getEvent(id);
        if (!event) throw new DossierError('E_NOT_FOUND', `no event with id "${id}"`);
        if (opts.json) {
          io.out(JSON.stringify(event, null, 2));
          return EXIT_OK;
        }
        io.out(`${event.ploverType}${event.cameo ? ` (CAMEO ${event.cameo})` : ''}  ${formatWhen(event)} (${event.datePrecision})${event.place ? `  @${event.place.name}` : ''}`);
        io.out(`actors: ${event.actors.map((a) => `${a.name} (${a.role})`).join(', ') || '(none resolved)'}`);
        io.out(`status: ${event.status} — ${event.explanation}`);
        for (const [field, values] of Object.entries(event.countAlternatives)) {
          io.out(`${field}: ${Object.entries(values).map(([v, articles]) => `${v} (${articles.length} article(s))`).join(' vs ')}`);
        }
        io.out('reports:');
        for (const o of event.observations) {
          io.out(`  ${o.publishedAt?.slice(0, 10) ?? '----------'} ${o.outlet ?? '-'}: "${o.evidence.text.replace(/\s+/g, ' ').trim()}"`);
          io.out(`      observation ${o.articleId}:${o.mentionId}, chars ${o.evidence.start}–${o.evidence.end}; ${o.modality}; joined because: ${o.reasons.join('; ')}`);
          for (const r of event.reports.filter((rep) => rep.articleId === o.articleId && rep.mentionId === o.mentionId)) {
            io.out(`      ${r.stance}: ${[r.outlet ?? 'the article', ...r.chain.filter((s) => s.kind !== 'article').map((s) => s.name)].join(' ← ')}`);
          }
        }
        return EXIT_OK;
      }));
    });
}
