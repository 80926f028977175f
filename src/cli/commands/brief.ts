/** `dossier brief <entity>`: a printable brief of one entity, as Markdown or HTML. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { briefHtml, briefMarkdown, gatherBrief } from '../../app/brief.js';
import { UsageError } from '../../model/index.js';
import { DB_OPTION, withStore, type CliContext } from '../context.js';
import { EXIT_OK } from '../exit-codes.js';

/** Registers the brief command on the program. */
export function registerBriefCommand(program: Command, { io, setExitCode }: CliContext): void {
  program
    .command('brief')
    .description('the dossier of one entity: identity, aliases, roles, timeline with sources and status, related actors')
    .argument('<name-or-id>', 'an entity name, alias or canonical id')
    .option(...DB_OPTION)
    .option('--format <format>', 'md or html', 'md')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (nameOrId: string, opts: { db: string; format: string; out?: string }) => {
      if (opts.format !== 'md' && opts.format !== 'html') throw new UsageError(`--format "${opts.format}": expected md or html`);
      setExitCode(await withStore(opts.db, async (store) => {
        const brief = await gatherBrief(store, nameOrId);
        const text = opts.format === 'html' ? briefHtml(brief) : briefMarkdown(brief);
        if (opts.out) writeFileSync(opts.out, text);
        else io.out(text.trimEnd());
        return EXIT_OK;
      }));
    });
}
