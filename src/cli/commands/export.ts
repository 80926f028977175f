/** `dossier export <format>`: the store as CSV, JSON Lines, ACLED-/GDELT-like tables, GraphML, GEXF or FtM. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { EXPORT_FORMATS, exportAs } from '../../app/export.js';
import { DB_OPTION, withStore, type CliContext } from '../context.js';
import { EXIT_OK } from '../exit-codes.js';

/** Registers the export command on the program. */
export function registerExportCommand(program: Command, { io, setExitCode }: CliContext): void {
  program
    .command('export')
    .description('write the store in a format analysts use')
    .argument('<format>', Object.entries(EXPORT_FORMATS).map(([f, what]) => `${f}: ${what}`).join('; '))
    .option(...DB_OPTION)
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (format: string, opts: { db: string; out?: string }) => {
      setExitCode(await withStore(opts.db, async (store) => {
        const text = await exportAs(store, format);
        if (opts.out) {
          writeFileSync(opts.out, text);
          io.err(`wrote ${opts.out} (${Buffer.byteLength(text)} bytes)`);
        } else io.out(text.replace(/\n$/, ''));
        return EXIT_OK;
      }));
    });
}
