/** Dossier's version, read once from package.json (one small file, so `dossier --version` stays instant). */
import { readFileSync } from 'node:fs';

/** The package version, e.g. "0.1.0". */
export const DOSSIER_VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
