/** One GraphQL over SSE subscription, read event by event. */
export interface SseSubscription {
  status: number;
  contentType: string | null;
  /** The next `next` event's payload; rejects after `timeoutMs`, or when the stream completes first. */
  next(timeoutMs?: number): Promise<any>;
  /** Whether a `next` event arrives within `ms` (consumes it when it does). */
  receivesWithin(ms: number): Promise<boolean>;
  /** Cancels the stream. */
  close(): Promise<void>;
}

type Fetch = (url: string, init: RequestInit) => Promise<Response> | Response;

/** Opens `query` as a subscription over SSE (a POST, as fetch-based SSE clients send it). */
export async function subscribe(
  fetchFn: Fetch,
  url: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<SseSubscription> {
  const response = await fetchFn(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query, variables }),
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const events: { event: string; data: string }[] = [];
  let reading: Promise<void> | undefined;
  let done = false;

  /** Reads until at least one complete event is buffered (or the stream ends). */
  const fill = () =>
    (reading ??= (async () => {
      while (!events.length && !done) {
        const chunk = await reader.read();
        if (chunk.done) {
          done = true;
          break;
        }
        buffer += chunk.value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n').filter((l) => !l.startsWith(':') && l);
          if (!lines.length) continue; // a keep-alive ping
          const field = (name: string) =>
            lines
              .filter((l) => l.startsWith(`${name}:`))
              .map((l) => l.slice(name.length + 1).trim())
              .join('\n');
          events.push({ event: field('event') || 'message', data: field('data') });
        }
      }
    })().finally(() => (reading = undefined)));

  const take = async (timeoutMs: number): Promise<any> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>(
      (_r, reject) => (timer = setTimeout(() => reject(new Error(`no event within ${timeoutMs} ms`)), timeoutMs)),
    );
    try {
      while (!events.length && !done) await Promise.race([fill(), timeout]);
    } finally {
      clearTimeout(timer);
    }
    const event = events.shift();
    if (!event || event.event === 'complete') throw new Error('the stream completed without an event');
    return JSON.parse(event.data);
  };

  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    next: (timeoutMs = 5000) => take(timeoutMs),
    receivesWithin: (ms) =>
      take(ms).then(
        () => true,
        () => false,
      ),
    close: async () => {
      await reader.cancel().catch(() => {});
    },
  };
}
