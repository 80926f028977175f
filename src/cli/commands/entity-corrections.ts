/**
 * `dossier entity merge|split|rename|retype|undo`: the user's corrections of canonical entities, kept as
 * overrides (who, when) that later ingests apply. Called by the `entity` command when its first word is one of these.
 */
import { UsageError } from '../../model/index.js';
import type { CorrectionResult } from '../../app/entity-corrections.js';
import type { Store } from '../../app/store.js';
import { printable } from '../context.js';

/** The words that make `dossier entity <word> …` a correction rather than a look-up. */
export const CORRECTION_WORDS = ['merge', 'split', 'rename', 'retype', 'undo'] as const;
export type CorrectionWord = (typeof CORRECTION_WORDS)[number];

/** Usage line of each correction. */
const USAGE: Readonly<Record<CorrectionWord, string>> = {
  merge: 'dossier entity merge <entity-kept> <entity-merged-away> --by <name>',
  split: 'dossier entity split <entity> <name-to-split-off> [--type PER|ORG|LOC|MISC] --by <name>',
  rename: 'dossier entity rename <entity> <display-name> --by <name>',
  retype: 'dossier entity retype <entity> <PER|ORG|LOC|MISC> --by <name>',
  undo: 'dossier entity undo <correction-id>',
};

/** Options of the correction commands. */
export interface CorrectionOptions {
  readonly by?: string;
  readonly type?: string;
}

/** True when the `entity` command's first word asks for a correction. */
export function isCorrectionWord(word: string): word is CorrectionWord {
  return (CORRECTION_WORDS as readonly string[]).includes(word);
}

/** Runs one correction; returns the line to print. Throws UsageError with the usage line on wrong arguments. */
export async function runEntityCorrection(store: Store, word: CorrectionWord, args: readonly string[], options: CorrectionOptions): Promise<{ line: string; result: CorrectionResult }> {
  const expected = word === 'undo' ? 1 : 2;
  if (args.length !== expected) throw new UsageError(`usage: ${USAGE[word]}`);
  const app = await import('../../app/entity-corrections.js');
  const author = { by: options.by ?? '' };
  const [first, second] = args as [string, string];
  const describe = (result: CorrectionResult, what: string): { line: string; result: CorrectionResult } => ({
    line: `${what} (correction ${result.override.id} by ${printable(result.override.decidedBy)} at ${result.override.decidedAt}; ${result.relinkedArticles} stored article(s) relinked)`,
    result,
  });
  switch (word) {
    case 'merge': {
      const result = await app.mergeEntities(store, first, second, author);
      return describe(result, `merged ${printable(result.override.entityId)} into ${printable(result.override.targetId ?? '')}`);
    }
    case 'split': {
      const type = options.type === undefined ? undefined : app.checkMentionType(options.type);
      const result = await app.splitEntity(store, first, second, author, type);
      return describe(result, `split "${printable(second)}" off ${printable(result.override.entityId)} into ${printable(result.override.targetId ?? '')}`);
    }
    case 'rename': {
      const result = await app.renameEntity(store, first, second, author);
      return describe(result, `renamed ${printable(result.override.entityId)} "${printable(result.override.previous ?? '')}" to "${printable(second)}"`);
    }
    case 'retype': {
      const result = await app.retypeEntity(store, first, app.checkMentionType(second), author);
      return describe(result, `retyped ${printable(result.override.entityId)} to ${result.override.type ?? ''}`);
    }
    case 'undo': {
      if (!/^\d{1,15}$/.test(first)) throw new UsageError(`correction id "${printable(first)}": expected a whole number, as listed by \`dossier entity <entity>\``);
      const result = await app.undoCorrection(store, Number(first));
      return { line: `undid correction ${result.override.id} (${result.override.kind} of ${printable(result.override.entityId)}); ${result.relinkedArticles} stored article(s) relinked`, result };
    }
  }
}
