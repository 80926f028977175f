/**
 * Typed errors. Every error Dossier raises is a DossierError with a code from CATALOGUE,
 * so the CLI maps it to an exit code and the API to an HTTP status in one place each.
 */

/** The catalogue of error codes, with the message template each stands for. */
export const CATALOGUE = {
  E_INPUT_NOT_FOUND: 'input not found',
  E_INPUT_EMPTY: 'input is empty',
  E_INPUT_BINARY: 'input looks binary, not text or HTML',
  E_INPUT_TOO_LARGE: 'input is larger than the size limit',
  E_INPUT_UNREADABLE: 'input could not be read',
  E_INPUT_NO_BODY: 'no article body could be extracted',
  E_INPUT_MALFORMED: 'input is malformed',
  E_INPUT_UNSUPPORTED: 'input is of a type Dossier does not read',
  E_STAGE_FAILED: 'a pipeline stage failed',
  E_STAGE_MISSING_LAYER: 'a stage ran before the layer it requires',
  E_RESOURCE_MISSING: 'a resource a stage needs was not loaded',
  E_STORE: 'a store operation failed',
  E_USAGE: 'bad usage',
  E_NOT_FOUND: 'not found',
  E_UNAUTHORIZED: 'no valid access token was given',
  E_FORBIDDEN: 'the access token does not allow this',
} as const;

export type ErrorCode = keyof typeof CATALOGUE;

/** Base of every error Dossier raises on purpose. */
export class DossierError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DossierError';
    this.code = code;
  }
}

/** A single input (file, URL, JSONL line, WARC record) could not be turned into an article. */
export class IngestError extends DossierError {
  readonly file: string;
  readonly reason: string;
  constructor(code: ErrorCode, file: string, reason: string, options?: { cause?: unknown }) {
    super(code, `${file}: ${reason}`, options);
    this.name = 'IngestError';
    this.file = file;
    this.reason = reason;
  }
}

/** A stage threw on one document; the runner wraps the cause with the stage and document. */
export class StageError extends DossierError {
  readonly stage: string;
  readonly docId: string;
  constructor(stage: string, docId: string, cause: unknown, code: ErrorCode = 'E_STAGE_FAILED') {
    super(code, `stage "${stage}" failed on ${docId}: ${describeCause(cause)}`, { cause });
    this.name = 'StageError';
    this.stage = stage;
    this.docId = docId;
  }
}

/** A store query failed; carries the operation, the query and its parameters. */
export class StoreError extends DossierError {
  readonly op: string;
  readonly query: string | undefined;
  readonly params: readonly unknown[] | undefined;
  constructor(op: string, cause: unknown, query?: string, params?: readonly unknown[]) {
    super('E_STORE', `store ${op} failed: ${describeCause(cause)}${query ? `\nquery: ${query}` : ''}`, { cause });
    this.name = 'StoreError';
    this.op = op;
    this.query = query;
    this.params = params;
  }
}

/** Bad command-line or API usage; the message quotes the bad value. */
export class UsageError extends DossierError {
  constructor(message: string) {
    super('E_USAGE', message);
    this.name = 'UsageError';
  }
}

/** The message of any thrown value, for error chains. */
export function describeCause(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  return String(cause);
}
