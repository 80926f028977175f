/**
 * Expands the command line's inputs (files, folders, globs, `-`, http(s) URLs) into a list of inputs.
 * Folders are walked recursively; hidden files and unknown extensions are skipped.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { isHttpUrl } from './fetch/read-url.js';

/** Extensions Dossier reads; anything else inside a folder is skipped (a named file is always tried). */
export const READABLE_EXTENSIONS = ['.txt', '.text', '.html', '.htm', '.xhtml', '.jsonl', '.ndjson', '.warc', '.warc.gz'];

/** One expanded input: a path to read, or a path that could not be found. */
export type InputEntry = { readonly path: string; readonly isMissing: boolean };

/** Expands inputs in order; a missing path is kept as an entry so the caller can report it. */
export function expandInputs(inputs: readonly string[]): InputEntry[] {
  const out: InputEntry[] = [];
  for (const input of inputs) {
    if (input === '-' || isHttpUrl(input)) {
      out.push({ path: input, isMissing: false });
    } else if (/[*?[\]{}]/.test(input)) {
      const matches = globSync(input, { onlyFiles: true, dot: false }).sort();
      if (matches.length === 0) out.push({ path: input, isMissing: true });
      for (const match of matches) out.push({ path: match, isMissing: false });
    } else {
      const kind = statKind(input);
      if (kind === 'missing') out.push({ path: input, isMissing: true });
      else if (kind === 'dir') for (const file of walk(input)) out.push({ path: file, isMissing: false });
      else out.push({ path: input, isMissing: false });
    }
  }
  return out;
}

function statKind(path: string): 'file' | 'dir' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'dir' : 'file';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
}

function* walk(dir: string): Generator<string> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile() && hasReadableExtension(entry.name)) yield path;
  }
}

/** True when a file name ends in one of READABLE_EXTENSIONS. */
export function hasReadableExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return READABLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
