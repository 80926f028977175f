/**
 * Expands the command line's inputs (files, folders, globs, `-`, http(s) URLs) into a list of inputs.
 * Folders are walked recursively; hidden files are skipped, and files of unknown types are skipped and counted.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { displayName, isUtf8Name } from './byte-names.js';
import { globSync } from 'tinyglobby';
import { isHttpUrl } from './fetch/read-url.js';

/** Document extensions Dossier reads, also inside archives and gzip files. */
const DOCUMENT_EXTENSIONS = ['.txt', '.text', '.html', '.htm', '.xhtml', '.jsonl', '.ndjson'];

/** Archive extensions: each holds documents (a `.warc.gz` is a crawl, read record by record). */
const ARCHIVE_EXTENSIONS = ['.warc', '.warc.gz', '.zip', '.tar', '.tar.gz', '.tgz'];

/** Extensions Dossier reads; anything else inside a folder is skipped (a named file is always tried). */
export const READABLE_EXTENSIONS = [...DOCUMENT_EXTENSIONS, ...DOCUMENT_EXTENSIONS.map((e) => `${e}.gz`), ...ARCHIVE_EXTENSIONS];

/** What a folder walk or glob passed over: files of types Dossier does not read, counted by extension. */
export type SkippedInputs = Record<string, number>;

/**
 * One expanded input: a path to read, a path that could not be found, or a folder (or link) that could not be walked.
 * A path that is not valid UTF-8 is shown with `\xNN` escapes in `path` and opened by its bytes, `fsPath`.
 */
export type InputEntry = { readonly path: string; readonly isMissing: boolean; readonly unreadable?: string; readonly fsPath?: Buffer };

/** Expands inputs in order; a missing path is kept as an entry so the caller can report it. */
export function expandInputs(inputs: readonly string[]): InputEntry[] {
  return expandInputsWithSkips(inputs).entries;
}

/** Expands inputs, also counting the files a folder walk or glob skipped as of a type Dossier does not read. */
export function expandInputsWithSkips(inputs: readonly string[]): { entries: InputEntry[]; skipped: SkippedInputs } {
  const out: InputEntry[] = [];
  const skipped: SkippedInputs = {};
  const skip = (name: string) => {
    const ext = extensionOf(name);
    skipped[ext] = (skipped[ext] ?? 0) + 1;
  };
  for (const input of inputs) {
    if (input === '-' || isHttpUrl(input)) {
      out.push({ path: input, isMissing: false });
    } else if (/[*?[\]{}]/.test(input)) {
      const matches = globSync(input, { onlyFiles: true, dot: false }).sort();
      if (matches.length === 0) out.push({ path: input, isMissing: true });
      // A glob chose its files by name: each is tried, whatever its extension, like a named file.
      for (const match of matches) out.push({ path: match, isMissing: false });
    } else {
      const kind = statKind(input);
      if (kind === 'missing') out.push({ path: input, isMissing: true });
      else if (kind === 'dir') {
        for (const found of walk(Buffer.from(join(input)), new Set())) {
          if ('isMissing' in found) out.push(found);
          else if (!hasReadableExtension(found.path)) skip(found.path);
          else out.push({ path: found.path, isMissing: false, ...(found.fsPath ? { fsPath: found.fsPath } : {}) });
        }
      } else out.push({ path: input, isMissing: false });
    }
  }
  return { entries: out, skipped };
}

function statKind(path: string): 'file' | 'dir' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'dir' : 'file';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    return 'file'; // unreadable (EACCES, ELOOP …): the reader reports it for this input alone
  }
}

/** A file found by a folder walk: its shown path, and its bytes when they are not valid UTF-8. */
interface FoundFile {
  readonly path: string;
  readonly fsPath?: Buffer;
}

/**
 * The files under a folder, in name order. Symbolic links are followed (a linked file is read, a linked folder
 * walked) but each folder only once, so a link loop ends; a folder that cannot be listed and a broken link are
 * entries with their reason, and the walk goes on. Paths are walked as bytes, so names that are not valid UTF-8
 * are found and can be opened.
 */
function* walk(dir: Buffer, visited: Set<string>): Generator<FoundFile | InputEntry> {
  let entries: Dirent<Buffer>[];
  try {
    const real = realpathSync.native(dir, { encoding: 'buffer' }).toString('latin1');
    if (visited.has(real)) return; // a link back to a folder already walked
    visited.add(real);
    // Sorted by the names as shown, each computed once.
    entries = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' })
      .map((entry) => ({ entry, shown: displayName(entry.name) }))
      .sort((a, b) => a.shown.localeCompare(b.shown))
      .map(({ entry }) => entry);
  } catch (error) {
    yield { path: displayName(dir), isMissing: false, unreadable: `folder cannot be read (${fsReason(error)})` };
    return;
  }
  for (const entry of entries) {
    if (entry.name[0] === 0x2e) continue; // '.': hidden
    const path = childPath(dir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = statSync(path);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      } catch (error) {
        yield { path: displayName(path), isMissing: false, unreadable: `symbolic link cannot be followed (${fsReason(error)})` };
        continue;
      }
    }
    if (isDirectory) yield* walk(path, visited);
    else if (isFile) yield isUtf8Name(path) ? { path: path.toString('utf8') } : { path: displayName(path), fsPath: path };
  }
}

/** `join(dir, name)` on bytes: the same paths the string join gave for UTF-8 names. */
function childPath(dir: Buffer, name: Buffer): Buffer {
  if (dir.length === 1 && dir[0] === 0x2e) return name; // '.'
  return dir[dir.length - 1] === 0x2f ? Buffer.concat([dir, name]) : Buffer.concat([dir, Buffer.from('/'), name]);
}

function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'its target does not exist';
  if (code === 'ELOOP') return 'a loop of symbolic links';
  return code ?? String(error);
}

/** True for a file inside an archive that Dossier reads: a document, or a gzip of one (archives are not nested). */
export function isArchiveMemberReadable(name: string): boolean {
  if (isHiddenPath(name)) return false;
  const lower = name.toLowerCase().replace(/\.gz$/, '');
  return DOCUMENT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** True for a path with a hidden part (`.git/…`, `._page.html`) or macOS archive debris (`__MACOSX/…`). */
export function isHiddenPath(path: string): boolean {
  return path.split(/[/\\]/).some((part) => part.startsWith('.') || part === '__MACOSX');
}

/** A file's extension as reported when skipped: `.pdf`, `.tar.bz2`; `(none)` without one. */
export function extensionOf(path: string): string {
  const name = path.split(/[/\\]/).pop() ?? path;
  const m = /(\.[a-z0-9]{1,8})?(\.[a-z0-9]{1,8})$/i.exec(name.replace(/^\.+/, ''));
  if (!m) return '(none)';
  // Two-part extensions only for compression wrappers: `.tar.bz2`, `.csv.gz`, not `report.2024.pdf`.
  return (m[1] && /^\.(gz|bz2|xz|zst|z)$/i.test(m[2]!) ? m[1] + m[2]! : m[2]!).toLowerCase();
}

/** True when a file name ends in one of READABLE_EXTENSIONS. */
export function hasReadableExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return READABLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
