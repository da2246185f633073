import { once } from 'node:events';
import { connect } from 'node:net';
import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { listen } from '../../src/http/serve.js';

/** A response far larger than the loopback socket buffers, so Yoga's adapter has to wait for 'drain'. */
const BIG = 'x'.repeat(48 * 1024 * 1024);

describe('a client that goes away mid-response (real socket)', () => {
  it('does not keep its admission turn: the next request is served and the server still drains', async () => {
    const yoga = createYoga({
      schema: createSchema({
        typeDefs: 'type Query { big: String, small: String }',
        resolvers: { Query: { big: () => BIG, small: () => 'ok' } },
      }),
      logging: false,
    });
    const service = await listen(yoga, { ...DEFAULT_CONFIG, PORT: 0, HOST: '127.0.0.1', MAX_CONCURRENT_REQUESTS: 1 });
    const origin = `http://127.0.0.1:${service.port}`;
    const socket = connect(service.port, '127.0.0.1');
    try {
      await once(socket, 'connect');
      const body = JSON.stringify({ query: '{ big }' });
      socket.write(
        `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      );
      // The response has begun; the client reads no further and leaves while the server is still writing.
      await once(socket, 'data');
      socket.pause();
      await new Promise((r) => setTimeout(r, 200));
      socket.destroy();
      const next = await Promise.race([
        fetch(`${origin}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ small }' }),
        }).then((r) => r.json()),
        new Promise((r) => setTimeout(() => r('still waiting after 5 s'), 5000)),
      ]);
      expect(next).toEqual({ data: { small: 'ok' } });
    } finally {
      socket.destroy();
    }
    expect(await service.drain(3000)).toBe(true);
  });
});
