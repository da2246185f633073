import type { IncomingMessage } from 'node:http';

/** Paths answered at once, whatever the load: orchestrators' probes and the metrics scrape. */
const NEVER_QUEUED = new Set(['/health', '/ready', '/metrics']);

/** A request's turn: the work, whether its client went away meanwhile, and what to do instead then. */
interface Turn {
  task: () => Promise<unknown>;
  gone: () => boolean;
  skip: () => void;
}

/**
 * Runs at most `max` tasks at a time, the others in arrival order. A task whose client went away
 * while it waited is skipped.
 */
export function admission(max: number) {
  let active = 0;
  const waiting: Turn[] = [];
  const next = () => {
    while (active < max && waiting.length > 0) {
      const { task, gone, skip } = waiting.shift()!;
      if (gone()) {
        skip();
        continue;
      }
      active += 1;
      const done = () => {
        active -= 1;
        next();
      };
      task().then(done, done);
    }
  };
  return {
    /** Requests running now, and waiting. */
    load: () => ({ active, waiting: waiting.length }),
    run(task: () => Promise<unknown>, gone: () => boolean, skip: () => void): void {
      waiting.push({ task, gone, skip });
      next();
    },
  };
}

/**
 * Whether a request may bypass the queue: a probe, or a subscription stream (it would hold a
 * turn for as long as it is open).
 */
export function bypassesQueue(req: IncomingMessage): boolean {
  const path = (req.url ?? '/').split('?', 1)[0]!;
  return NEVER_QUEUED.has(path) || (req.headers.accept ?? '').includes('text/event-stream');
}
