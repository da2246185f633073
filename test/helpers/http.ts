import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createApp, type AppDeps } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import type { DbHandle } from '../../src/db/client.js';
import { createLogger, type Logger } from '../../src/http/logger.js';
import { TODAY } from './app.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What one request gave back: status, headers, parsed body and the SQL statements it ran. */
export interface Reply {
  status: number;
  headers: Headers;
  body: any;
  text: string;
  statements: number;
}

/** Options of one request. */
export interface Send {
  variables?: Record<string, unknown>;
  operationName?: string;
  extensions?: Record<string, unknown>;
  accept?: string;
  headers?: Record<string, string>;
}

/** A hardened app on a given database, driven through `yoga.fetch`. */
export interface HardenedApp {
  yoga: ReturnType<typeof createApp>;
  /** POSTs one operation as JSON. */
  send(query: string | undefined, options?: Send): Promise<Reply>;
  /** Any request against the app (path, init), with the SQL statements it ran. */
  request(path: string, init?: RequestInit): Promise<Reply>;
}

/** Builds the app on `handle` with `config` over the defaults (logs silent unless a logger is given). */
export function hardenedApp(
  handle: DbHandle,
  config: Partial<Config> = {},
  extra: Omit<AppDeps, 'db' | 'config'> = {},
): HardenedApp {
  const yoga = createApp({
    db: handle.db,
    config: { LOG_LEVEL: 'silent', ...config },
    now: () => TODAY,
    countedDb: handle.counted,
    ...extra,
  });
  const request = async (path: string, init?: RequestInit): Promise<Reply> => {
    const before = handle.statements.count;
    const response = await yoga.fetch(`http://test${path}`, init ?? {});
    const text = await response.text();
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return {
      status: response.status,
      headers: response.headers,
      body,
      text,
      statements: handle.statements.count - before,
    };
  };
  return {
    yoga,
    request,
    send: (query, options = {}) =>
      request('/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: options.accept ?? 'application/graphql-response+json',
          ...options.headers,
        },
        body: JSON.stringify({
          query,
          variables: options.variables,
          operationName: options.operationName,
          extensions: options.extensions,
        }),
      }),
  };
}

/** A logger that keeps its JSON lines in memory, for assertions on what was logged. */
export function memoryLogger(level: Config['LOG_LEVEL'] = 'debug'): { logger: Logger; lines: () => any[] } {
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      raw.push(String(chunk));
      callback();
    },
  });
  return {
    logger: createLogger(level, stream),
    lines: () =>
      raw
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
  };
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** The real server (`src/server.ts`) in a child process. */
export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** Its stdout JSON log lines so far. */
  logs(): any[];
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
  /** Kills it if still running (SIGKILL after a grace period). */
  kill(): Promise<void>;
}

/** Starts `node --import tsx src/server.ts` with `env` on a free port and waits until it listens. */
export async function spawnServer(env: Record<string, string>, startTimeoutMs = 60_000): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const logs = () =>
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
  const deadline = Date.now() + startTimeoutMs;
  while (!logs().some((l) => typeof l.msg === 'string' && l.msg.startsWith('GraphQL API on'))) {
    if (child.exitCode !== null)
      throw new Error(`server exited with ${child.exitCode} before listening:\n${out}\n${err}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not listen within ${startTimeoutMs} ms:\n${out}\n${err}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    logs,
    exited,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The error codes the operation limits answer with. */
export const LIMIT_CODES = [
  'DEPTH_LIMIT_EXCEEDED',
  'ALIAS_LIMIT_EXCEEDED',
  'TOKEN_LIMIT_EXCEEDED',
  'DIRECTIVE_LIMIT_EXCEEDED',
  'COST_LIMIT_EXCEEDED',
];

/** Text that must never reach a client: SQL, driver and host details, stack frames. */
export const LEAK =
  /\bselect\b|\bfrom\s+"|postgres|pglite|drizzle|ECONNREFUSED|127\.0\.0\.1|localhost|\bat\s+\S+\s+\(|\.ts:\d+|node_modules/i;
