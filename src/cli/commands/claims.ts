/** `dossier claims`: who says what, with the chain of sources and the stance, each traced to its article. */
import type { Command } from 'commander';
import { UsageError } from '../../model/index.js';
import { chainText } from '../../app/claim-text.js';
import type { ClaimFilterInput } from '../../app/queries.js';
import { CLAIM_STANCES } from '../../app/claim-stances.js';
import { CLAIM_KIND_CHOICES, claimKindsText, parseClaimKinds } from '../../app/claim-kinds.js';
import { DB_OPTION, withStore, type CliContext } from '../context.js';
import { EXIT_OK, EXIT_SOME_FAILED } from '../exit-codes.js';
import { dateOption } from './events.js';

/** Registers `dossier claims` on the program. */
export function registerClaimCommands(program: Command, { io, setExitCode }: CliContext): void {
  program
    .command('claims')
    .description('claims with their source chain and stance (asserted, confirmed, denied…), oldest first; statements of fact unless --kind asks for wishes or judgements')
    .option(...DB_OPTION)
    .option('--entity <name-or-id>', 'claims whose chain holds, or whose content names, this entity')
    .option('--kind <kinds>', `${CLAIM_KIND_CHOICES.join(', ')}: assertions (statements of fact, the default), wishes (desire), judgements (evaluation); comma-separated`)
    .option('--stance <stance>', CLAIM_STANCES.join(', '))
    .option('--anonymous', 'only claims from unnamed sources')
    .option('--named', 'only claims from named sources')
    .option('--outlet <name>', 'claims published by this outlet')
    .option('--event <id>', 'claims reporting this merged event')
    .option('--from <date>', 'published on or after this date')
    .option('--to <date>', 'published on or before this date')
    .option('--limit <n>', 'maximum claims (at most 100)', (v) => Number(v), 50)
    .option('--json', 'print JSON lines')
    .action(async (opts: { db: string; entity?: string; kind?: string; stance?: string; anonymous?: boolean; named?: boolean; outlet?: string; event?: string; from?: string; to?: string; limit: number; json?: boolean }) => {
      const kinds = parseClaimKinds(opts.kind, '--kind');
      const stance = opts.stance === undefined ? undefined : CLAIM_STANCES.find((s) => s === opts.stance);
      if (opts.stance !== undefined && !stance) throw new UsageError(`--stance "${opts.stance}": expected one of ${CLAIM_STANCES.join(', ')}`);
      if (opts.anonymous && opts.named) throw new UsageError('--anonymous and --named exclude each other');
      if (!Number.isInteger(opts.limit) || opts.limit < 1) throw new UsageError(`--limit "${opts.limit}": expected a whole number from 1`);
      const from = dateOption('--from', opts.from);
      const to = dateOption('--to', opts.to);
      const filter: ClaimFilterInput = {
        kinds, ...(opts.entity ? { entity: opts.entity } : {}), ...(stance ? { stance } : {}), ...(opts.outlet ? { outlet: opts.outlet } : {}), ...(opts.event ? { eventId: opts.event } : {}),
        ...(opts.anonymous ? { isAnonymous: true } : opts.named ? { isAnonymous: false } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}),
      };
      setExitCode(await withStore(opts.db, async (store) => {
        const { listClaims } = await import('../../app/queries.js');
        const page = await listClaims(store, filter, { limit: opts.limit });
        if (!opts.json) io.out(`claims (${claimKindsText(kinds)}): ${page.total ?? page.items.length}${page.hasMore ? ` (first ${page.items.length} shown)` : ''}`);
        for (const claim of page.items) {
          if (opts.json) {
            io.out(JSON.stringify(claim));
            continue;
          }
          const kind = claim.kind === 'assertion' ? '' : `${claim.kind} `;
          io.out(`${(claim.publishedAt?.slice(0, 10) ?? 'undated').padEnd(10)}  ${kind}${claim.stance.padEnd(16)} ${chainText(claim)}  [${claim.id}]`);
          io.out(`    “${claim.content.text.replace(/\s+/g, ' ')}”${claim.isHedged ? ' (hedged)' : ''}`);
          if (claim.events.length) io.out(`    reports ${claim.events.map((e) => `${e.ploverType} [${e.id}], ${e.status}`).join('; ')}`);
        }
        return page.items.length ? EXIT_OK : EXIT_SOME_FAILED;
      }));
    });
}
