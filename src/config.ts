import { z } from 'zod';

const schema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    HOST: z.string().min(1).default('0.0.0.0'),
    /** Unset: embedded PGlite under DATA_DIR; `memory://`: in-memory PGlite; `postgres://…`: that server. */
    DATABASE_URL: z
      .string()
      .refine((v) => v === '' || /^(memory:\/\/|postgres(ql)?:\/\/)/.test(v), {
        message: 'must be memory:// or a postgres:// URL',
      })
      .optional(),
    DATA_DIR: z.string().min(1).default('./.data'),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    /** Load the bundled dataset into an empty database on start. */
    SEED_ON_START: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    LOG_LEVEL: z.enum(['silent', 'error', 'warn', 'info', 'debug']).default('info'),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
    // Operation limits, checked before any resolver or SQL runs (src/http/limits.ts).
    MAX_DEPTH: z.coerce.number().int().min(1).default(10),
    MAX_ALIASES: z.coerce.number().int().min(0).default(15),
    MAX_TOKENS: z.coerce.number().int().min(1).default(1000),
    MAX_DIRECTIVES: z.coerce.number().int().min(0).default(20),
    /** Upper bound on objects an operation may resolve (connections count their page size). */
    MAX_COST: z.coerce.number().int().min(1).default(5000),
    /** Length assumed for a list field without a page size, when costing an operation. */
    COST_LIST_SIZE: z.coerce.number().int().min(1).default(10),
    MAX_REQUEST_BODY_BYTES: z.coerce.number().int().min(1024).default(100_000),
    /** Accept only operations whose sha256 is in the trusted documents manifest. */
    TRUSTED_DOCUMENTS: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    /** Unset: trusted-documents.json at the repository root (npm run documents:manifest). */
    TRUSTED_DOCUMENTS_MANIFEST: z.string().min(1).optional(),
    /** Operations slower than this are logged at warn. */
    SLOW_OPERATION_MS: z.coerce.number().int().min(0).default(1000),
    /** PostgreSQL statement_timeout for every pooled connection (not applied to PGlite). */
    STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(5000),
    HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
    HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
    HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(0).default(5000),
    /**
     * Requests handled at once; later ones wait their turn (first come, first served). Bounds the
     * memory in flight; probes (/health, /ready, /metrics) and subscription streams never wait.
     */
    MAX_CONCURRENT_REQUESTS: z.coerce.number().int().min(1).default(10),
    /** Unset: response cache in memory and subscriptions in process; `redis://…`: both shared through that Redis. */
    REDIS_URL: z
      .string()
      .refine((v) => v === '' || (/^rediss?:\/\//.test(v) && URL.canParse(v)), {
        message: 'must be a redis:// or rediss:// URL',
      })
      .optional()
      .transform((v) => v || undefined),
    /** Prefix of every Redis key and channel this service uses, so several deployments can share a Redis. */
    REDIS_KEY_PREFIX: z.string().default('llmc:'),
    /** How long a cached response may be served (it is invalidated by every write anyway); 0 turns the cache off. */
    RESPONSE_CACHE_TTL_MS: z.coerce.number().int().min(0).default(60_000),
    /**
     * What the in-memory response cache may hold, in bytes of the cached responses' JSON (they take
     * a few times that on the heap); least recently used answers go first. Redis has its own bound.
     */
    RESPONSE_CACHE_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(0)
      .default(16 * 1024 * 1024),
  })
  .refine((c) => c.HTTP_REQUEST_TIMEOUT_MS === 0 || c.HTTP_HEADERS_TIMEOUT_MS <= c.HTTP_REQUEST_TIMEOUT_MS, {
    message: 'must not exceed HTTP_REQUEST_TIMEOUT_MS',
    path: ['HTTP_HEADERS_TIMEOUT_MS'],
  });

export type Config = Readonly<z.output<typeof schema>>;

/** The database the config names, as the client factory understands it. */
export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string | undefined }
  | { kind: 'postgres'; url: string; poolMax: number; statementTimeoutMs?: number };

/** Parses and freezes configuration; the only reader of `process.env`. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return Object.freeze(parsed.data);
}

/** Which database a config points at. */
export function databaseTarget(
  config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR' | 'DATABASE_POOL_MAX'> &
    Partial<Pick<Config, 'STATEMENT_TIMEOUT_MS'>>,
): DatabaseTarget {
  const url = config.DATABASE_URL;
  if (!url) return { kind: 'pglite', dataDir: config.DATA_DIR };
  if (url.startsWith('memory://')) return { kind: 'pglite', dataDir: undefined };
  return { kind: 'postgres', url, poolMax: config.DATABASE_POOL_MAX, statementTimeoutMs: config.STATEMENT_TIMEOUT_MS };
}

/** The configuration an empty environment gives: every default. */
export const DEFAULT_CONFIG: Config = loadConfig({});
