/** `dossier export <format>`: the store as CSV, JSON Lines, ACLED-/GDELT-like tables, GraphML, GEXF or FtM. */
import { rmSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import type { Command } from 'commander';
import { EXPORT_FORMATS, openExport } from '../../app/export.js';
import { CLAIM_KIND_CHOICES, claimKindsText, parseClaimKinds } from '../../app/claim-kinds.js';
import { DB_OPTION, withStore, type CliContext } from '../context.js';
import { EXIT_OK } from '../exit-codes.js';

interface ExportOptions {
  readonly db: string;
  readonly out?: string;
  readonly q?: string;
  readonly entity?: string;
  readonly from?: string;
  readonly to?: string;
  readonly type?: string;
  readonly status?: string;
  readonly place?: string;
  readonly country?: string;
  readonly outlet?: string;
  readonly publishedFrom?: string;
  readonly publishedTo?: string;
  readonly kind?: string;
}

/** Registers the export command on the program. */
export function registerExportCommand(program: Command, { io, setExitCode }: CliContext): void {
  program
    .command('export')
    .description('write the store in a format analysts use')
    .argument('<format>', Object.entries(EXPORT_FORMATS).map(([f, what]) => `${f}: ${what}`).join('; '))
    .option(...DB_OPTION)
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--q <words>', 'only events and claims of the articles matching these words')
    .option('--entity <name|alias|id>', 'only events this entity takes part in (and claims of articles naming it)')
    .option('--from <date>', 'only events that happened from this date, and claims of articles published from it (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'only up to this date, inclusive')
    .option('--published-from <date>', 'only what articles published from this date report')
    .option('--published-to <date>', 'only what articles published up to this date (inclusive) report')
    .option('--place <name|id>', 'only what articles naming this place report')
    .option('--country <code|name>', 'only what articles naming a place in this country report')
    .option('--outlet <outlet>', 'only what articles of this outlet report')
    .option('--type <plover-type>', 'only events of this PLOVER type (ASSAULT, PROTEST…)')
    .option('--status <status>', 'only events with this corroboration status (single-source, corroborated, contested, denied)')
    .option('--kind <kinds>', `claims exports: the claim kinds kept, ${CLAIM_KIND_CHOICES.join(', ')} (comma-separated; default assertion)`)
    .action(async (format: string, opts: ExportOptions) => {
      const { db, out, q, kind, ...filters } = opts;
      setExitCode(await withStore(db, async (store) => {
        const chunks = await openExport(store, format, { ...(q ? { text: q } : {}), ...filters, ...(kind ? { claimKinds: kind } : {}) });
        // Which claims the file holds (each row also has its kind), so an analyst knows what was left out.
        if (format.startsWith('claims.')) io.err(`${format}: ${claimKindsText(parseClaimKinds(kind, '--kind'))}${kind ? '' : ' only (--kind all for wishes and judgements too)'}`);
        if (out) {
          io.err(`wrote ${out} (${await writeChunks(out, chunks)} bytes)`);
        } else {
          let text = '';
          for await (const chunk of chunks) text += chunk;
          io.out(text.replace(/\n$/, ''));
        }
        return EXIT_OK;
      }));
    });
}

/**
 * Streams the export into `path` through a `.partial` file renamed at the end, so a failed or interrupted export
 * never leaves a truncated file under the name asked for. Returns the bytes written.
 */
async function writeChunks(path: string, chunks: AsyncIterable<string>): Promise<number> {
  const partial = `${path}.partial`;
  const file = await open(partial, 'w');
  let bytes = 0;
  try {
    for await (const chunk of chunks) {
      const data = Buffer.from(chunk, 'utf8');
      await file.write(data);
      bytes += data.length;
    }
    await file.close();
    await rename(partial, path);
    return bytes;
  } catch (error) {
    await file.close().catch(() => undefined);
    rmSync(partial, { force: true });
    throw error;
  }
}
