import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startListeningApp, type ListeningApp } from '../helpers/server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (file: string) => readFileSync(`${root}${file}`, 'utf8');

interface Healthcheck {
  test: string | string[];
  interval?: string;
  timeout?: string;
  retries?: number;
  start_period?: string;
}
interface Service {
  image?: string;
  build?: string;
  ports?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: Healthcheck;
  volumes?: string[];
}
interface Compose {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

/** One Dockerfile instruction, continuation lines joined. */
interface Instruction {
  keyword: string;
  args: string;
}

/** Dockerfile → its stages (one per FROM), each a list of instructions. */
function dockerStages(text: string): { from: string; name?: string; instructions: Instruction[] }[] {
  const logical = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages: { from: string; name?: string; instructions: Instruction[] }[] = [];
  for (const line of logical) {
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    if (keyword.toUpperCase() === 'FROM') {
      const [from = '', as, name] = args.split(/\s+/);
      stages.push({ from, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ keyword: keyword.toUpperCase(), args });
    }
  }
  return stages;
}

/** Whether `path` reaches the Docker build context under these .dockerignore rules (last match wins). */
function inBuildContext(rules: string[], path: string): boolean {
  let included = true;
  for (const rule of rules) {
    const negated = rule.startsWith('!');
    const pattern = (negated ? rule.slice(1) : rule).replace(/^\/+|\/+$/g, '');
    const source = pattern
      .split(/(\*\*|\*|\?)/)
      .map((part) =>
        part === '**'
          ? '.*'
          : part === '*'
            ? '[^/]*'
            : part === '?'
              ? '[^/]'
              : part.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
      )
      .join('');
    if (new RegExp(`^${source}(/.*)?$`).test(path)) included = negated;
  }
  return included;
}

/** The rows of the README's table of the api service's environment: variable → value. */
function readmeEnvironment(): Record<string, string> {
  const section = /## Deployment\n([\s\S]*?)\n## /.exec(read('README.md'))?.[1] ?? '';
  return Object.fromEntries([...section.matchAll(/^\| `([A-Z_]+)` \| `([^`]*)` \|/gm)].map((m) => [m[1]!, m[2]!]));
}

const DURATION = /^(\d+(\.\d+)?(us|ms|s|m|h))+$/;
const testCommand = (h: Healthcheck) => (Array.isArray(h.test) ? h.test.join(' ') : h.test);

describe('docker-compose.yml', () => {
  const doc = parseDocument(read('docker-compose.yml'));
  const compose = doc.toJS() as Compose;
  const { postgres, redis, api } = compose.services;

  it('is valid YAML with only compose-spec top-level keys', () => {
    expect(doc.errors).toEqual([]);
    expect(doc.warnings).toEqual([]);
    for (const key of Object.keys(compose))
      expect(['name', 'services', 'volumes', 'networks', 'configs', 'secrets']).toContain(key);
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'postgres', 'redis']);
  });

  it('runs PostgreSQL 15 and Redis 7, each with a healthcheck', () => {
    expect(postgres!.image).toBe('postgres:15');
    expect(testCommand(postgres!.healthcheck!)).toContain('pg_isready');
    expect(redis!.image).toBe('redis:7');
    expect(redis!.healthcheck!.test).toEqual(['CMD', 'redis-cli', 'ping']);
  });

  it('builds the service from this folder, publishes 4000 and probes readiness', () => {
    expect(api!.build).toBe('.');
    expect(api!.ports).toEqual(['4000:4000']);
    expect(testCommand(api!.healthcheck!)).toContain('http://127.0.0.1:4000/ready');
  });

  it('gives every healthcheck well-formed durations and retries', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      const h = service.healthcheck!;
      expect(h, name).toBeDefined();
      expect(['CMD', 'CMD-SHELL'], name).toContain(Array.isArray(h.test) ? h.test[0] : 'CMD-SHELL');
      for (const value of [h.interval, h.timeout, h.start_period].filter((v) => v !== undefined))
        expect(value, name).toMatch(DURATION);
      expect(Number.isInteger(h.retries), name).toBe(true);
    }
  });

  it('starts the service only once PostgreSQL and Redis are healthy', () => {
    expect(api!.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
  });

  it('declares every named volume a service mounts', () => {
    const named = Object.values(compose.services)
      .flatMap((s) => s.volumes ?? [])
      .map((v) => v.split(':')[0]!)
      .filter((source) => !source.startsWith('.') && !source.startsWith('/'));
    for (const volume of named) expect(Object.keys(compose.volumes ?? {})).toContain(volume);
  });

  it('sets exactly the environment the README promises', () => {
    expect(readmeEnvironment()).toEqual({
      DATABASE_URL: 'postgres://postgres:postgres@postgres:5432/llmc',
      REDIS_URL: 'redis://redis:6379',
      PORT: '4000',
      LOG_LEVEL: 'info',
    });
    expect(api!.environment).toEqual(readmeEnvironment());
  });

  it('points the service at the compose PostgreSQL and Redis, in settings the service accepts', () => {
    const db = new URL(api!.environment!.DATABASE_URL!);
    expect([db.hostname, db.port, db.pathname]).toEqual(['postgres', '5432', `/${postgres!.environment!.POSTGRES_DB}`]);
    expect([db.username, db.password]).toEqual([
      postgres!.environment!.POSTGRES_USER,
      postgres!.environment!.POSTGRES_PASSWORD,
    ]);
    const cache = new URL(api!.environment!.REDIS_URL!);
    expect([cache.protocol, cache.hostname, cache.port]).toEqual(['redis:', 'redis', '6379']);
    const config = loadConfig(api!.environment);
    expect(config.DATABASE_URL).toBe(api!.environment!.DATABASE_URL);
    expect(config.PORT).toBe(4000);
    expect(config.LOG_LEVEL).toBe('info');
  });
});

describe('Dockerfile', () => {
  const stages = dockerStages(read('Dockerfile'));
  const runtime = stages.at(-1)!;
  const args = (keyword: string) => runtime.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);

  it('builds in two named stages on node:20-bookworm-slim', () => {
    expect(stages.map((s) => [s.from, s.name])).toEqual([
      ['node:20-bookworm-slim', 'build'],
      ['node:20-bookworm-slim', 'runtime'],
    ]);
  });

  it('installs the lockfile in the build stage and ships production dependencies only', () => {
    const build = stages[0]!.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
    expect(build.some((a) => /^npm ci\b/.test(a))).toBe(true);
    expect(build.some((a) => /^npm prune --omit=dev\b/.test(a))).toBe(true);
    expect(args('COPY').some((a) => a.startsWith('--from=build '))).toBe(true);
  });

  it('runs as a non-root user, exposes 4000 and health-checks the service', () => {
    const users = args('USER');
    expect(users.length).toBeGreaterThan(0);
    expect(['root', '0', '0:0']).not.toContain(users.at(-1));
    expect(args('EXPOSE')).toEqual(['4000']);
    const [healthcheck] = args('HEALTHCHECK');
    expect(healthcheck).toMatch(/\bCMD\b/);
    expect(healthcheck).toContain('/health');
    // What npm start runs (package.json), node's heap bound included.
    const start = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.start!.split(' ');
    expect(args('CMD')).toEqual([JSON.stringify(start).replace(/","/g, '", "')]);
    // The image runs what its build stage built.
    expect(stages[0]!.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args)).toContain('npm run build');
  });

  it('gets what the service reads at run time into the build context, and not the rest', () => {
    const rules = read('.dockerignore')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    const needed = [
      'package.json',
      'package-lock.json',
      'src/server.ts',
      'scripts/build.mjs',
      'drizzle/20261125181346_init/migration.sql',
      'data/models.json',
      'contract/compare-page.graphql',
    ];
    expect(needed.filter((p) => !inBuildContext(rules, p))).toEqual([]);
    const unwanted = [
      'dist/server.js',
      'scripts/schema-check.ts',
      'node_modules/graphql/index.js',
      '.git/HEAD',
      '.data/PG_VERSION',
      '.env',
      'test/unit/profile.test.ts',
      'test-artifacts/graphiql.png',
    ];
    expect(unwanted.filter((p) => inBuildContext(rules, p))).toEqual([]);
  });
});

describe('the probes the deployment uses', () => {
  let app: ListeningApp;
  beforeAll(async () => {
    app = await startListeningApp();
  });
  afterAll(() => app.close());

  /** Runs a probe the way Docker does (argv, no shell) with PORT set; its exit code. */
  async function probe(argv: string[], port: string): Promise<number> {
    const [command, ...rest] = argv;
    return new Promise((resolve) => {
      execFile(command!, rest, { env: { ...process.env, PORT: port }, timeout: 10_000 }, (error) =>
        resolve(error ? (typeof error.code === 'number' ? error.code : 1) : 0),
      );
    });
  }
  const port = () => new URL(app.origin).port;

  it.each(['/health', '/ready'])('%s answers 200 on a running service', async (path) => {
    const response = await fetch(`${app.origin}${path}`);
    expect(response.status).toBe(200);
  });

  it("the image's HEALTHCHECK passes against the running service and fails with nothing listening", async () => {
    const healthcheck = dockerStages(read('Dockerfile'))
      .at(-1)!
      .instructions.find((i) => i.keyword === 'HEALTHCHECK')!.args;
    const argv = JSON.parse(healthcheck.slice(healthcheck.indexOf('CMD') + 3)) as string[];
    expect(argv[0]).toBe('node');
    expect(await probe(argv, port())).toBe(0);
    expect(await probe(argv, '1')).toBe(1);
  });

  it("compose's readiness check passes against the running service and fails with nothing listening", async () => {
    const compose = parseDocument(read('docker-compose.yml')).toJS() as Compose;
    const [kind, ...argv] = compose.services.api!.healthcheck!.test as string[];
    expect(kind).toBe('CMD');
    const at = (p: string) => argv.map((a) => a.replace('127.0.0.1:4000', `127.0.0.1:${p}`));
    expect(await probe(at(port()), port())).toBe(0);
    expect(await probe(at('1'), '1')).toBe(1);
  });
});
