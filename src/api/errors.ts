/**
 * The one place API errors become HTTP responses: every error body is `{ error: { code, message } }`.
 * Typed Dossier errors map to 4xx by their code; anything else is a bare 500 whose detail goes to the log only.
 */
import { DossierError, type ErrorCode } from '../model/index.js';

/** The JSON body of every error response. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}

/** HTTP status per error code; codes not listed are server errors. */
const STATUS_BY_CODE: Partial<Record<ErrorCode, 400 | 401 | 403 | 404 | 413>> = {
  E_USAGE: 400,
  E_UNAUTHORIZED: 401,
  E_FORBIDDEN: 403,
  E_NOT_FOUND: 404,
  E_INPUT_TOO_LARGE: 413,
};

/** The status and body an error is answered with, and whether it is the server's fault (then it is logged). */
export function errorResponse(error: unknown): { status: 400 | 401 | 403 | 404 | 413 | 500; body: ErrorBody; isServerError: boolean } {
  if (error instanceof DossierError) {
    const status = STATUS_BY_CODE[error.code];
    // Store errors carry the SQL and its parameters: useful in the log, not for the client.
    if (status) return { status, body: { error: { code: error.code, message: error.message } }, isServerError: false };
    return { status: 500, body: { error: { code: error.code, message: 'internal error (see the server log)' } }, isServerError: true };
  }
  return { status: 500, body: { error: { code: 'E_INTERNAL', message: 'internal error (see the server log)' } }, isServerError: true };
}
