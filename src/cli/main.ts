/**
 * The `dossier` command line. Thin: parses arguments, calls app/, prints. Every command takes --db.
 */
import { Command, CommanderError } from 'commander';
import { DossierError, UsageError, describeCause } from '../model/index.js';
import type { IngestSummary } from '../app/ingest.js';
import { DEFAULT_EVENT_GENRES, GENRES, type Genre } from '../app/genres.js';
import { registerDictCommands } from './commands/dict.js';
import { registerEntityCommands } from './commands/entities.js';
import { registerClaimCommands } from './commands/claims.js';
import { dateOption, registerEventCommands } from './commands/events.js';
import { registerBriefCommand } from './commands/brief.js';
import { registerExportCommand } from './commands/export.js';
import { registerQueueCommands } from './commands/queue.js';
import { registerServeCommand } from './commands/serve.js';
import { registerWatchCommand } from './commands/watch.js';
import { registerAlertCommands } from './commands/alerts.js';
import { registerTokenCommands } from './commands/token.js';
import { DB_OPTION, printable, withStore, type CliContext, type CliIo } from './context.js';
import { EXIT_INTERRUPTED, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, exitCodeFor } from './exit-codes.js';
import { defaultJobs } from '../app/default-jobs.js';
import type { Store } from '../app/store.js';
import type { SearchFilterInput } from '../app/queries.js';
import { DOSSIER_VERSION } from '../app/version.js';
import { PLOVER_TYPE_NAMES, ploverTypeNamed } from '../app/validate.js';

export type { CliIo } from './context.js';

const defaultIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Runs the CLI with argv (without `node` and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  let exitCode = EXIT_OK;
  const program = new Command('dossier')
    .description('Turn raw news articles into an evidence-backed record of who did what to whom, where and when, and who says so.')
    .version(DOSSIER_VERSION, '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .showHelpAfterError();

  const dbOption = DB_OPTION;
  const context: CliContext = { io, setExitCode: (code) => (exitCode = code) };

  program
    .command('ingest')
    .description('read articles (files, folders, globs, URLs, or - for stdin) into the store')
    .argument('<inputs...>', 'files, folders, globs (quoted), or - for standard input')
    .option(...dbOption)
    .option('--max-bytes <n>', 'refuse files larger than this many bytes', parseIntOption)
    .option('--allow-private-hosts', 'let URLs (and their redirects) reach loopback, private and link-local addresses')
    .option('--json', 'print the summary as JSON')
    .option('--genres <list>', `page genres that produce events and claims, comma-separated (${GENRES.join(', ')}; default ${DEFAULT_EVENT_GENRES.join(',')}); other pages are stored and searchable`, parseGenres)
    .option('--jobs <n>', 'worker threads that clean and annotate articles while this one saves them (0: all on one thread)', parseJobs, defaultJobs())
    .option('--rerun', 'clean and annotate every input again, even one stored unchanged by this pipeline')
    .action(async (inputs: string[], opts: { db: string; maxBytes?: number; allowPrivateHosts?: boolean; json?: boolean; genres?: Genre[]; jobs: number; rerun?: boolean }) => {
      exitCode = await withStore(opts.db, async (store) => {
        const summary = await withInterrupt(io, (interrupt) =>
          runIngest(store, inputs, { maxBytes: opts.maxBytes, allowPrivateHosts: opts.allowPrivateHosts ?? false, genres: opts.genres, jobs: opts.jobs, rerun: opts.rerun ?? false, interrupt }, io),
        );
        if (opts.json) io.out(JSON.stringify(summary));
        else printIngestSummary(summary, io);
        if (summary.isInterrupted) {
          io.err('interrupted: the articles read so far are saved; run the same command again to ingest the rest');
          return EXIT_INTERRUPTED;
        }
        // Nothing stored nor already held (an empty folder, only unsupported files) is a failure too.
        const isNothingIngested = summary.inserted + summary.updated + summary.duplicates + summary.unchanged === 0;
        return summary.failures.length > 0 || isNothingIngested ? EXIT_SOME_FAILED : EXIT_OK;
      }, 'create');
    });

  program
    .command('search')
    .description('full-text search over article titles and bodies; filters keep the articles satisfying all of them (with filters only: newest first)')
    .argument('[query...]', 'words, "quoted phrases", prefix*')
    .option(...dbOption)
    .option('--entity <name-or-id>', 'articles naming this entity')
    .option('--type <plover>', 'articles reporting an event of this PLOVER type (e.g. ASSAULT)')
    .option('--status <status>', 'articles reporting an event with this status (single-source, corroborated, contested, denied)')
    .option('--place <name-or-id>', 'articles naming this place (a name or a gazetteer id)')
    .option('--country <code-or-name>', 'articles naming a place in this country')
    .option('--outlet <name>', 'articles from this outlet')
    .option('--from <date>', 'published on or after this date')
    .option('--to <date>', 'published on or before this date')
    .option('--limit <n>', 'maximum hits (at most 100)', parseIntOption, 20)
    .option('--json', 'print hits as JSON lines')
    .action(async (words: string[], opts: SearchOptions) => {
      const { EVENT_STATUSES, searchArticles } = await import('../app/queries.js');
      const status = opts.status === undefined ? undefined : EVENT_STATUSES.find((s) => s === opts.status);
      if (opts.status !== undefined && !status) throw new UsageError(`--status "${opts.status}": expected one of ${EVENT_STATUSES.join(', ')}`);
      const from = dateOption('--from', opts.from);
      const to = dateOption('--to', opts.to);
      const type = opts.type === undefined ? undefined : ploverTypeNamed(opts.type);
      if (opts.type !== undefined && !type) throw new UsageError(`--type "${opts.type}": expected a PLOVER event type, one of ${PLOVER_TYPE_NAMES.join(', ')}`);
      const filters: SearchFilterInput = {
        ...(opts.entity ? { entity: opts.entity } : {}), ...(type ? { type } : {}), ...(status ? { status } : {}), ...(opts.place ? { place: opts.place } : {}),
        ...(opts.country ? { country: opts.country } : {}), ...(opts.outlet ? { outlet: opts.outlet } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}),
      };
      const text = words.join(' ').trim();
      if (!text && !Object.keys(filters).length) throw new UsageError('give words to search for, or at least one filter (--entity, --type, --status, --place, --country, --outlet, --from, --to)');
      exitCode = await withStore(opts.db, async (store) => {
        const page = await searchArticles(store, text || undefined, { limit: opts.limit }, filters);
        const hits = page.items.map((hit) => ({ ...hit, snippet: hit.snippet.map((p) => (p.isHit ? `[${p.text}]` : p.text)).join('') }));
        for (const hit of hits) {
          if (opts.json) io.out(JSON.stringify(hit));
          else io.out(`${hit.id}  ${hit.publishedAt?.slice(0, 10) ?? '----------'}  ${hit.outlet ?? '-'}  ${hit.title ?? '(untitled)'}\n    ${hit.snippet.replace(/\s+/g, ' ')}`);
        }
        if (!opts.json) io.out(`${hits.length} hit${hits.length === 1 ? '' : 's'}`);
        return hits.length > 0 ? EXIT_OK : EXIT_SOME_FAILED;
      });
    });

  program
    .command('show')
    .description('show one stored article: metadata, body, comments set apart, layers')
    .argument('<article-id>', 'article id or a unique prefix of it')
    .option(...dbOption)
    .option('--json', 'print the stored article as JSON')
    .action(async (id: string, opts: { db: string; json?: boolean }) => {
      exitCode = await withStore(opts.db, async (store) => {
        const article = await store.getArticle(id);
        if (!article) throw new DossierError('E_NOT_FOUND', `no article with id or unique prefix "${id}"`);
        if (opts.json) {
          io.out(JSON.stringify(article, null, 2));
          return EXIT_OK;
        }
        io.out(`id:        ${article.id}`);
        io.out(`title:     ${article.title ?? '(none)'}`);
        io.out(`outlet:    ${article.outlet ?? '(unknown)'}`);
        io.out(`published: ${article.publishedAt ?? '(unknown)'}`);
        io.out(`byline:    ${article.byline ?? '(none)'}`);
        io.out(`language:  ${article.language}`);
        io.out(`sources:   ${article.sources.join(', ')}`);
        io.out(`pipeline:  ${article.pipeline}`);
        io.out(`layers:    ${Object.keys(article.layers).join(', ') || '(none)'}`);
        io.out('');
        io.out(article.body);
        if (article.captions.length) io.out(`\n-- ${article.captions.length} caption(s) set apart`);
        if (article.comments.length) io.out(`-- ${article.comments.length} reader comment(s) set apart`);
        return EXIT_OK;
      });
    });

  program
    .command('stats')
    .description('counts of what the store holds')
    .option(...dbOption)
    .option('--json', 'print as JSON')
    .action(async (opts: { db: string; json?: boolean }) => {
      exitCode = await withStore(opts.db, async (store) => {
        const stats = await store.stats();
        if (opts.json) io.out(JSON.stringify(stats));
        else {
          io.out(`articles: ${stats.articles} (from ${stats.sources} input sources)`);
          io.out(`mentions: ${stats.mentions}, canonical entities: ${stats.entities}, merged events: ${stats.events}, near-duplicate groups: ${stats.syndicationGroups}`);
          io.out(`languages: ${Object.entries(stats.byLanguage).map(([k, n]) => `${k} ${n}`).join(', ') || '-'}`);
          io.out(`outlets: ${Object.entries(stats.byOutlet).map(([k, n]) => `${k} ${n}`).join(', ') || '-'}`);
          io.out(`schema version: ${stats.schemaVersion}`);
        }
        return EXIT_OK;
      });
    });

  registerEntityCommands(program, context);
  registerEventCommands(program, context);
  registerClaimCommands(program, context);
  registerExportCommand(program, context);
  registerBriefCommand(program, context);
  registerDictCommands(program, context);
  registerQueueCommands(program, context);
  registerServeCommand(program, context);
  registerWatchCommand(program, context);
  // Saved searches, alerts, notes; access tokens for a shared server.
  registerAlertCommands(program, context);
  registerTokenCommands(program, context);

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    io.err(`dossier: ${describeCause(error)}`);
    return exitCodeFor(error);
  }
  return exitCode;
}

async function runIngest(
  store: Store,
  inputs: string[],
  { maxBytes, allowPrivateHosts, genres, jobs, rerun, interrupt }: { maxBytes: number | undefined; allowPrivateHosts: boolean; genres: readonly Genre[] | undefined; jobs: number; rerun: boolean; interrupt: AbortSignal },
  io: CliIo,
): Promise<IngestSummary> {
  const { createProgress } = await import('./progress.js');
  const progress = createProgress('files');
  // Loaded here, not at start: the pipeline's modules and models are what make a bare `dossier --help` slow.
  const [{ ingest }, { composeAnnotator }] = await Promise.all([import('../app/ingest.js'), import('../app/compose-pipeline.js')]);
  const { stages, annotator, gazetteer } = await composeAnnotator(store, { jobs });
  let summary: IngestSummary;
  try {
    summary = await ingest(inputs, {
      store,
      stages,
      annotator,
      gazetteer,
      interrupt,
      rerun,
      ...(genres ? { genres } : {}),
      ...(maxBytes === undefined ? {} : { maxBytes }),
      ...(allowPrivateHosts ? { allowPrivateHosts } : {}),
      events: {
        onStart: (total) => progress.start(total),
        onInputDone: (done, path) => progress.update(done, path),
      },
    });
  } finally {
    progress.stop();
    await annotator.close();
  }
  // Names are printed escaped: a file named "x\nfailed: y" must not forge a report line.
  for (const warning of summary.warnings) io.err(`warning: ${printable(warning.source)}: ${printable(warning.reason)}`);
  for (const failure of summary.failures) io.err(`failed: ${printable(failure.source)}: ${printable(failure.reason)} [${failure.code}]`);
  const skipped = Object.entries(summary.skipped).sort(([a], [b]) => a.localeCompare(b));
  const skippedCount = skipped.reduce((n, [, k]) => n + k, 0);
  if (skippedCount) io.err(`${skippedCount} file${skippedCount === 1 ? '' : 's'} skipped: unsupported type (${skipped.map(([ext, n]) => (n > 1 ? `${ext} ×${n}` : ext)).join(', ')})`);
  if (summary.inserted + summary.updated + summary.duplicates + summary.unchanged + summary.failures.length === 0) io.err('nothing ingested: no readable input found');
  return summary;
}

function printIngestSummary(summary: IngestSummary, io: CliIo): void {
  const seconds = summary.elapsedMs / 1000;
  io.out(
    `ingested ${summary.inserted} new, ${summary.updated} updated, ${summary.duplicates} skipped as duplicate, ` +
      `${summary.unchanged ? `${summary.unchanged} unchanged (not read again), ` : ''}${summary.failures.length} failed` +
      `${summary.warnings.length ? `, ${summary.warnings.length} warning${summary.warnings.length === 1 ? '' : 's'}` : ''} in ${seconds.toFixed(1)} s${summary.notEnglish ? ` (${summary.notEnglish} not in English: stored, not annotated)` : ''}`,
  );
  const stages = Object.entries(summary.stageMs);
  if (stages.length) io.out(`stage time: ${stages.map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`).join(', ')}`);
}

interface SearchOptions {
  readonly db: string;
  readonly entity?: string;
  readonly type?: string;
  readonly status?: string;
  readonly place?: string;
  readonly country?: string;
  readonly outlet?: string;
  readonly from?: string;
  readonly to?: string;
  readonly limit: number;
  readonly json?: boolean;
}

/**
 * Runs `work` with a signal that the first Ctrl-C (SIGINT) or SIGTERM aborts: the work stops taking new inputs and
 * saves what it has. A second Ctrl-C exits at once; SQLite and PostgreSQL roll back the one open transaction, so no
 * article is ever stored half.
 */
async function withInterrupt<T>(io: CliIo, work: (interrupt: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSecondSignal = (): void => process.exit(EXIT_INTERRUPTED);
  const onSignal = (): void => {
    io.err('stopping: saving the articles already read (Ctrl-C again to quit at once)…');
    controller.abort();
    process.once('SIGINT', onSecondSignal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSecondSignal);
  }
}

/** `--jobs`: a whole number of worker threads, 0 for none. */
function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 256) throw new UsageError(`--jobs expects a whole number from 0 to 256, got "${value}"`);
  return n;
}

/** "news,review" → the genres, each checked against the known ones. */
function parseGenres(value: string): Genre[] {
  const out = value.split(',').map((g) => g.trim().toLowerCase()).filter(Boolean);
  for (const g of out) if (!(GENRES as readonly string[]).includes(g)) throw new UsageError(`unknown genre "${g}" (known: ${GENRES.join(', ')})`);
  return out as Genre[];
}

function parseIntOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`expected a positive whole number, got "${value}"`);
  return n;
}
