/** Page genres for interfaces (the --genres option), without loading the ingest pipeline. */
export { DEFAULT_EVENT_GENRES, GENRES } from '../nlp/genre.js';
export type { Genre } from '../model/index.js';
