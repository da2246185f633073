import { z } from 'zod';

const schema = z.object({
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
});

export type Config = Readonly<z.output<typeof schema>>;

/** The database the config names, as the client factory understands it. */
export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string | undefined }
  | { kind: 'postgres'; url: string; poolMax: number };

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
export function databaseTarget(config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR' | 'DATABASE_POOL_MAX'>): DatabaseTarget {
  const url = config.DATABASE_URL;
  if (!url) return { kind: 'pglite', dataDir: config.DATA_DIR };
  if (url.startsWith('memory://')) return { kind: 'pglite', dataDir: undefined };
  return { kind: 'postgres', url, poolMax: config.DATABASE_POOL_MAX };
}
