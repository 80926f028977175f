/** `dossier entities` and `dossier entity`: canonical entities across the corpus. */
import type { Command } from 'commander';
import { DossierError, UsageError, type MentionType } from '../../model/index.js';
import type { EntityOverride } from '../../app/store.js';
import { DB_OPTION, printable, withStore, type CliContext } from '../context.js';
import { isCorrectionWord, runEntityCorrection } from './entity-corrections.js';
import { EXIT_OK, EXIT_SOME_FAILED } from '../exit-codes.js';

const TYPES: readonly MentionType[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** Registers the entity commands on the program. */
export function registerEntityCommands(program: Command, { io, setExitCode }: CliContext): void {
  program
    .command('entities')
    .description('list canonical entities, most mentioned first')
    .option(...DB_OPTION)
    .option('--type <type>', 'PER, ORG, LOC or MISC')
    .option('--search <text>', 'names or aliases containing this text')
    .option('--limit <n>', 'maximum rows', (v) => Number(v), 50)
    .option('--json', 'print JSON lines')
    .action(async (opts: { db: string; type?: string; search?: string; limit: number; json?: boolean }) => {
      const type = opts.type?.toUpperCase();
      if (type !== undefined && !TYPES.includes(type as MentionType)) throw new UsageError(`--type "${opts.type}": expected one of ${TYPES.join(', ')}`);
      setExitCode(await withStore(opts.db, async (store) => {
        const rows = await store.listEntities({ ...(type ? { type: type as MentionType } : {}), ...(opts.search ? { search: opts.search } : {}), limit: opts.limit });
        for (const e of rows) {
          if (opts.json) io.out(JSON.stringify(e));
          else io.out(`${e.type.padEnd(4)} ${e.name.padEnd(36)} ${String(e.mentionCount).padStart(4)} mentions in ${e.articleCount} article(s)  ${e.kind}${e.country ? ` ${e.country}` : ''}  [${e.id}]`);
        }
        return rows.length ? EXIT_OK : EXIT_SOME_FAILED;
      }));
    });

  program
    .command('entity')
    .description('show one entity: aliases, roles over time, articles, mentions by outlet, corrections;\n' +
      '`entity merge <kept> <other>`, `entity split <entity> <name> [--type T]`, `entity rename <entity> <name>`,\n' +
      '`entity retype <entity> <type>` (each --by <name>) correct it, kept on re-ingest; `entity undo <correction-id>`.')
    .argument('<name-or-id>', 'canonical id (e.g. kb:hezbollah) or a name or alias, or merge / split / rename / retype / undo')
    .argument('[args...]', 'for a correction: the entities, name or type it needs')
    .option(...DB_OPTION)
    .option('--by <name>', 'who makes the correction (default: $USER)', process.env['USER'])
    .option('--type <type>', 'split: the type of the entity split off (PER, ORG, LOC, MISC)')
    .option('--json', 'print as JSON')
    .action(async (nameOrId: string, args: string[], opts: { db: string; json?: boolean; by?: string; type?: string }) => {
      if (isCorrectionWord(nameOrId)) {
        setExitCode(await withStore(opts.db, async (store) => {
          const { line, result } = await runEntityCorrection(store, nameOrId, args, opts);
          io.out(opts.json ? JSON.stringify(result, null, 2) : line);
          return EXIT_OK;
        }));
        return;
      }
      if (args.length) throw new UsageError(`unexpected argument "${args[0]}"`);
      setExitCode(await withStore(opts.db, async (store) => {
        const entity = await store.getEntity(nameOrId);
        if (!entity) throw new DossierError('E_NOT_FOUND', `no entity with id, name or alias "${nameOrId}"`);
        const { entityCorrections } = await import('../../app/entity-corrections.js');
        const review = await entityCorrections(store, entity);
        if (opts.json) {
          io.out(JSON.stringify({ ...entity, ...review }, null, 2));
          return EXIT_OK;
        }
        io.out(`${entity.name}  [${entity.id}]  ${entity.type} ${entity.kind}${entity.country ? ` ${entity.country}` : ''}`);
        io.out(`mentions: ${entity.mentionCount} in ${entity.articleCount} article(s)`);
        io.out(`aliases: ${entity.aliases.map((a) => `${a.alias} (${a.count})`).join(', ')}`);
        if (entity.roles.length) {
          io.out('roles:');
          for (const r of entity.roles) io.out(`  ${r.title}${r.organisation ? ` of ${r.organisation}` : ''}${r.from || r.to ? ` (${r.from ?? '?'}–${r.to ?? ''})` : ''}  [article ${r.articleId.slice(0, 8)} @${r.start}]`);
        }
        io.out('articles:');
        for (const a of entity.articles) io.out(`  ${a.publishedAt?.slice(0, 10) ?? '----------'}  ${a.outlet ?? '-'}  ${a.title ?? a.articleId}  (${a.mentionCount}; ${a.reason})`);
        io.out(`mentions by outlet: ${Object.entries(entity.mentionsByOutlet).map(([o, n]) => `${o} ${n}`).join(', ')}`);
        if (review.typeWarning) io.out(`warning: ${review.typeWarning}`);
        if (review.corrections.length) {
          io.out('corrections (undo with `dossier entity undo <id>`):');
          for (const c of review.corrections) io.out(`  ${c.id}  ${describeCorrection(c)}  by ${printable(c.decidedBy)} at ${c.decidedAt}`);
        }
        return EXIT_OK;
      }));
    });
}

/** One line for a stored correction: "merge per:x into per:y", "rename to \"Name\"". */
export function describeCorrection(c: EntityOverride): string {
  switch (c.kind) {
    case 'merge': return `merge ${printable(c.entityId)} into ${printable(c.targetId ?? '')}`;
    case 'split': return `split "${printable(c.name ?? '')}" off ${printable(c.entityId)} into ${printable(c.targetId ?? '')}`;
    case 'rename': return `rename ${printable(c.entityId)} to "${printable(c.name ?? '')}" (was "${printable(c.previous ?? '')}")`;
    case 'retype': return `retype ${printable(c.entityId)} to ${c.type ?? ''} (was ${c.previous ?? ''})`;
  }
}
