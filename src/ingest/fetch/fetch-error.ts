/** The error of one failed fetch: an IngestError naming the URL and the reason, marked transient when a retry may help. */
import { IngestError, type ErrorCode } from '../../model/index.js';

/** A fetch failed; `isTransient` is true for timeouts, network errors, 429 and 5xx (worth retrying later). */
export class FetchError extends IngestError {
  readonly isTransient: boolean;
  /** The HTTP status, when the server answered. */
  readonly status: number | undefined;
  constructor(code: ErrorCode, url: string, reason: string, options: { isTransient?: boolean; status?: number; cause?: unknown } = {}) {
    super(code, url, reason, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'FetchError';
    this.isTransient = options.isTransient ?? false;
    this.status = options.status;
  }
}

/** True when a failed fetch may succeed if tried again later. */
export function isTransientFailure(error: unknown): boolean {
  return error instanceof FetchError && error.isTransient;
}
