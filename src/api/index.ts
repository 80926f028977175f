/** The HTTP API: `createApi({ store, webRoot })` returns the Hono app. */
export { createApi, MAX_QUERY_CHARS, MAX_SCAN_ARTICLES, type ApiOptions } from './create-api.js';
export { openApiDocument } from './openapi.js';
export { errorResponse, type ErrorBody } from './errors.js';
export { listen, type RunningServer } from './listen.js';
