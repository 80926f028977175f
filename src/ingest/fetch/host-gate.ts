/**
 * Politeness scheduling: requests to one host run one at a time with a pause of at least the host's interval
 * between the end of one and the start of the next; different hosts run in parallel up to a global concurrency.
 */

/** Options of a HostGate. */
export interface HostGateOptions {
  /** Requests in flight at once, over all hosts. */
  readonly concurrency: number;
}

/** Schedules work per host; create one per fetcher with `createHostGate`. */
export interface HostGate {
  /**
   * Runs `fn` once the host is free, its interval has passed since its last request ended, and a global slot is open.
   * `intervalMs` is read when the turn comes, so a Crawl-delay learned meanwhile applies.
   */
  run<T>(host: string, intervalMs: () => number, fn: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

/**
 * Creates a gate.
 * @example const gate = createHostGate({ concurrency: 4 }); await gate.run('example.org', () => 1000, () => fetch(url));
 */
export function createHostGate(options: HostGateOptions): HostGate {
  const tails = new Map<string, Promise<void>>(); // per host: resolves when its last queued request is done
  const lastEndAt = new Map<string, number>(); // per host: performance.now() when its last request ended
  let active = 0;
  const waiting: Array<() => void> = [];

  const acquireSlot = async (): Promise<void> => {
    while (active >= options.concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
  };
  const releaseSlot = (): void => {
    active--;
    waiting.shift()?.();
  };

  return {
    async run<T>(host: string, intervalMs: () => number, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      const previous = tails.get(host) ?? Promise.resolve();
      let done!: () => void;
      const mine = new Promise<void>((resolve) => (done = resolve));
      const tail = previous.then(() => mine);
      tails.set(host, tail);
      try {
        await previous;
        // Sleep until the host's pause is over; the loop guards against timers that fire a little early.
        const lastEnd = lastEndAt.get(host);
        if (lastEnd !== undefined) {
          const startAt = lastEnd + intervalMs();
          for (let wait = startAt - performance.now(); wait > 0; wait = startAt - performance.now()) await sleep(wait, signal);
        }
        signal?.throwIfAborted();
        await acquireSlot();
        try {
          return await fn();
        } finally {
          releaseSlot();
          lastEndAt.set(host, performance.now());
        }
      } finally {
        done();
        if (tails.get(host) === tail) tails.delete(host);
      }
    },
  };
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, Math.ceil(ms)));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
