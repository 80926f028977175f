/** `dossier token add|list`: access tokens for a shared server (`dossier serve --token-file`). */
import type { Command } from 'commander';
import { addToken, loadTokenFile, ROLES, type Role } from '../../app/access-tokens.js';
import { UsageError } from '../../model/index.js';
import { printable, type CliContext } from '../context.js';
import { EXIT_OK } from '../exit-codes.js';

/** Registers `token add` and `token list`. */
export function registerTokenCommands(program: Command, { io, setExitCode }: CliContext): void {
  const token = program.command('token').description('access tokens for `dossier serve --token-file` (only their hashes are stored)');
  token
    .command('add')
    .description('make a token, store its hash in the token file (created 0600 if missing) and print the token once')
    .requiredOption('--token-file <file>', 'the token file')
    .requiredOption('--role <role>', `what it may do: ${ROLES.join(' (read only) or ')} (also merge/split events, saved searches, notes)`)
    .option('--name <name>', 'who holds it (shown as the author of their notes)', 'analyst')
    .action((opts: { tokenFile: string; role: string; name: string }) => {
      const role = ROLES.find((r) => r === opts.role);
      if (!role) throw new UsageError(`--role "${opts.role}": expected ${ROLES.join(' or ')}`);
      const { token: secret } = addToken(opts.tokenFile, role as Role, opts.name);
      io.err(`added a ${role} token for "${printable(opts.name)}" to ${printable(opts.tokenFile)}; it is shown only now:`);
      io.out(secret);
      setExitCode(EXIT_OK);
    });
  token
    .command('list')
    .description('the roles and names in a token file (tokens cannot be shown: only hashes are kept)')
    .requiredOption('--token-file <file>', 'the token file')
    .action((opts: { tokenFile: string }) => {
      for (const entry of loadTokenFile(opts.tokenFile)) io.out(`${entry.role.padEnd(6)}  ${printable(entry.name)}  sha256:${entry.hash.toString('hex').slice(0, 12)}…`);
      setExitCode(EXIT_OK);
    });
}
