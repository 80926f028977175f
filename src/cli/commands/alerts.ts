/**
 * `dossier saved add|list|rm`, `dossier alerts [--mark-seen]` and `dossier note add|list`: saved searches, what is
 * new for them, and notes on entities and events, from the shell (the same use cases as the API and the web UI).
 */
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import type { SearchFilterInput } from '../../app/queries.js';
import type { NoteTargetKind } from '../../app/saved-searches.js';
import { PLOVER_TYPE_NAMES, ploverTypeNamed } from '../../app/validate.js';
import { UsageError } from '../../model/index.js';
import { DB_OPTION, printable, withStore, type CliContext } from '../context.js';
import { EXIT_OK, EXIT_SOME_FAILED } from '../exit-codes.js';
import { dateOption } from './events.js';

const STATUSES = ['single-source', 'corroborated', 'contested', 'denied'] as const;

interface FilterOptions {
  readonly entity?: string; readonly type?: string; readonly status?: string; readonly place?: string;
  readonly country?: string; readonly outlet?: string; readonly from?: string; readonly to?: string;
}

/** The search filters given as options, checked as `dossier search` checks them. */
function filtersFrom(opts: FilterOptions): SearchFilterInput {
  const status = opts.status === undefined ? undefined : STATUSES.find((s) => s === opts.status);
  if (opts.status !== undefined && !status) throw new UsageError(`--status "${opts.status}": expected one of ${STATUSES.join(', ')}`);
  const type = opts.type === undefined ? undefined : ploverTypeNamed(opts.type);
  if (opts.type !== undefined && !type) throw new UsageError(`--type "${opts.type}": expected a PLOVER event type, one of ${PLOVER_TYPE_NAMES.join(', ')}`);
  const from = dateOption('--from', opts.from);
  const to = dateOption('--to', opts.to);
  return {
    ...(opts.entity ? { entity: opts.entity } : {}), ...(type ? { type } : {}), ...(status ? { status } : {}), ...(opts.place ? { place: opts.place } : {}),
    ...(opts.country ? { country: opts.country } : {}), ...(opts.outlet ? { outlet: opts.outlet } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}),
  };
}

/** "words · entity=org:m23 · outlet=Reuters" for one line. */
function describeSearch(search: { text: string | null; filters: Readonly<Record<string, string>> }): string {
  return [search.text ? `"${search.text}"` : '', ...Object.entries(search.filters).map(([k, v]) => `${k}=${v}`)].filter(Boolean).join(' · ');
}

/** The note's target from --entity or --event (exactly one). */
function noteTarget(opts: { entity?: string; event?: string }): { kind: NoteTargetKind; id: string } {
  if (Boolean(opts.entity) === Boolean(opts.event)) throw new UsageError('give exactly one of --entity <name-or-id> or --event <event-id>');
  return opts.entity ? { kind: 'entity', id: opts.entity } : { kind: 'event', id: opts.event! };
}

/** Registers `saved`, `alerts` and `note` on the program. */
export function registerAlertCommands(program: Command, { io, setExitCode }: CliContext): void {
  const saved = program.command('saved').description('saved searches: their new matches are alerts (`dossier alerts`)');
  saved
    .command('add')
    .description('save a search (words and/or filters, as `dossier search` takes them) under a name; what is stored now counts as seen')
    .argument('<name>', 'a name for it')
    .argument('[query...]', 'words, "quoted phrases", prefix*')
    .option(...DB_OPTION)
    .option('--entity <name-or-id>', 'articles naming this entity (to watch an entity, give only this)')
    .option('--type <plover>', 'articles reporting an event of this PLOVER type')
    .option('--status <status>', `articles reporting an event with this status (${STATUSES.join(', ')})`)
    .option('--place <name-or-id>', 'articles naming this place')
    .option('--country <code-or-name>', 'articles naming a place in this country')
    .option('--outlet <name>', 'articles from this outlet')
    .option('--from <date>', 'published on or after this date')
    .option('--to <date>', 'published on or before this date')
    .option('--author <name>', 'who saves it', userInfo().username)
    .action(async (name: string, words: string[], opts: FilterOptions & { db: string; author: string }) => {
      const filters = filtersFrom(opts);
      setExitCode(await withStore(opts.db, async (store) => {
        const { saveSearch } = await import('../../app/saved-searches.js');
        const search = await saveSearch(store, { name, text: words.join(' '), filters }, opts.author);
        io.out(`saved search ${search.id} "${printable(search.name)}": ${printable(describeSearch(search))}`);
        return EXIT_OK;
      }));
    });
  saved
    .command('list')
    .description('the saved searches')
    .option(...DB_OPTION)
    .option('--json', 'one JSON object per line')
    .action(async (opts: { db: string; json?: boolean }) => {
      setExitCode(await withStore(opts.db, async (store) => {
        for (const s of await store.listSavedSearches()) {
          io.out(opts.json ? JSON.stringify(s) : `${String(s.id).padStart(4)}  ${printable(s.name)}  ${printable(describeSearch(s))}  (by ${printable(s.createdBy ?? '-')}, ${s.createdAt.slice(0, 10)})`);
        }
        return EXIT_OK;
      }));
    });
  saved
    .command('rm')
    .description('delete a saved search')
    .argument('<id-or-name>', 'its id (from `dossier saved list`) or name')
    .option(...DB_OPTION)
    .action(async (idOrName: string, opts: { db: string }) => {
      setExitCode(await withStore(opts.db, async (store) => {
        const { deleteSavedSearch } = await import('../../app/saved-searches.js');
        const search = await deleteSavedSearch(store, idOrName);
        io.out(`deleted saved search ${search.id} "${printable(search.name)}"`);
        return EXIT_OK;
      }));
    });

  program
    .command('alerts')
    .description('for each saved search, the articles stored since it was last seen that match it (and the events they report); exit 1 when nothing is new')
    .option(...DB_OPTION)
    .option('--mark-seen', 'then mark everything listed as seen')
    .option('--json', 'print the alerts as one JSON object')
    .action(async (opts: { db: string; markSeen?: boolean; json?: boolean }) => {
      setExitCode(await withStore(opts.db, async (store) => {
        const { listAlerts, markAlertsSeen } = await import('../../app/saved-searches.js');
        const alerts = await listAlerts(store);
        if (opts.json) io.out(JSON.stringify(alerts));
        else {
          for (const { search, articles, hasMore, events, error } of alerts.searches) {
            io.out(`${printable(search.name)}: ${error ? `cannot run: ${printable(error)}` : `${articles.length}${hasMore ? '+' : ''} new article${articles.length === 1 ? '' : 's'}${events.length ? `, ${events.length} event${events.length === 1 ? '' : 's'}` : ''}`}`);
            for (const a of articles) io.out(`  ${a.id}  ${a.publishedAt?.slice(0, 10) ?? '----------'}  ${printable(a.outlet ?? '-')}  ${printable(a.title ?? '(untitled)')}`);
            for (const e of events) io.out(`  event ${e.id}  ${e.ploverType}  ${e.status}  ${printable(e.summary.replace(/\s+/g, ' ').slice(0, 100))}`);
          }
          if (!alerts.searches.length) io.out('no saved searches: add one with `dossier saved add <name> [words] [--entity …]`');
        }
        if (opts.markSeen) {
          await markAlertsSeen(store, alerts.feedHead);
          if (!opts.json) io.out(`marked ${alerts.unread} alert${alerts.unread === 1 ? '' : 's'} seen`);
        }
        return alerts.unread > 0 ? EXIT_OK : EXIT_SOME_FAILED;
      }));
    });

  const note = program.command('note').description('notes on entities and events');
  note
    .command('add')
    .description('add a note to an entity or an event')
    .argument('<text...>', 'the note')
    .option(...DB_OPTION)
    .option('--entity <name-or-id>', 'the entity (id, name or alias)')
    .option('--event <event-id>', 'the merged event')
    .option('--author <name>', 'who writes it', userInfo().username)
    .action(async (words: string[], opts: { db: string; entity?: string; event?: string; author: string }) => {
      const target = noteTarget(opts);
      setExitCode(await withStore(opts.db, async (store) => {
        const { addNote } = await import('../../app/saved-searches.js');
        const added = await addNote(store, target.kind, target.id, words.join(' '), opts.author);
        io.out(`note ${added.id} on ${added.targetKind} ${added.targetId}`);
        return EXIT_OK;
      }));
    });
  note
    .command('list')
    .description('the notes on an entity or an event, oldest first')
    .option(...DB_OPTION)
    .option('--entity <name-or-id>', 'the entity (id, name or alias)')
    .option('--event <event-id>', 'the merged event')
    .option('--json', 'one JSON object per line')
    .action(async (opts: { db: string; entity?: string; event?: string; json?: boolean }) => {
      const target = noteTarget(opts);
      setExitCode(await withStore(opts.db, async (store) => {
        const { listNotes } = await import('../../app/saved-searches.js');
        const notes = await listNotes(store, target.kind, target.id);
        for (const n of notes) io.out(opts.json ? JSON.stringify(n) : `${n.createdAt.slice(0, 16).replace('T', ' ')}  ${printable(n.author)}: ${printable(n.text)}`);
        return notes.length ? EXIT_OK : EXIT_SOME_FAILED;
      }));
    });
}
