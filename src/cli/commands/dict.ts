/** `dossier dict import|list`: users' PETRARCH/Phoenix dictionaries (actors, agents, verbs, discards) drive coding. */
import type { Command } from 'commander';
import type { DictionaryKind } from '../../app/dictionaries.js';
import { UsageError } from '../../model/index.js';
import { DB_OPTION, withStore, type CliContext } from '../context.js';
import { EXIT_OK } from '../exit-codes.js';

const KINDS: readonly DictionaryKind[] = ['actors', 'agents', 'verbs', 'discards'];

/** Registers the dictionary commands on the program. */
export function registerDictCommands(program: Command, { io, setExitCode }: CliContext): void {
  const dict = program.command('dict').description('event-coding dictionaries in the PETRARCH/Phoenix formats');
  dict
    .command('import')
    .description('parse dictionary files and keep them in the store; later ingests code with them first')
    .argument('<files...>', 'actor, agent, verb or discard dictionary files')
    .option(...DB_OPTION)
    .option('--kind <kind>', `force the kind: ${KINDS.join(', ')} (guessed from name and content otherwise)`)
    .action(async (files: string[], opts: { db: string; kind?: string }) => {
      if (opts.kind !== undefined && !KINDS.includes(opts.kind as DictionaryKind)) throw new UsageError(`--kind "${opts.kind}": expected one of ${KINDS.join(', ')}`);
      setExitCode(await withStore(opts.db, async (store) => {
        for (const file of files) {
          const { importDictionaryIntoStore } = await import('../../app/dictionaries.js');
          const d = await importDictionaryIntoStore(store, file, opts.kind as DictionaryKind | undefined);
          const detail = d.kind === 'verbs' ? `, ${d.patterns} patterns, ${d.synsets} synsets` : d.kind === 'actors' ? `, ${d.phrases} phrases, ${d.datedCodes} dated codes` : '';
          io.out(`imported ${file}: ${d.kind}, ${d.entries} entries${detail}`);
        }
        return EXIT_OK;
      }, 'create'));
    });
  dict
    .command('list')
    .description('dictionaries imported into the store')
    .option(...DB_OPTION)
    .action(async (opts: { db: string }) => {
      setExitCode(await withStore(opts.db, async (store) => {
        for (const d of await store.listDictionaries()) io.out(`${d.kind.padEnd(9)} ${String(d.entries).padStart(6)} entries  ${d.file}  (imported ${d.importedAt})`);
        return EXIT_OK;
      }));
    });
}
