/** The --db defaults and checks for interfaces, without loading a database driver. */
export { DEFAULT_DB_PATH, isPostgresUrl } from '../store/location.js';
