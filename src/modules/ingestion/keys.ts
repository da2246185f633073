import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { apiKeys } from '../../db/tables/index.js';

/** What a key may do: `write` data, or `admin` (keys, methodology, audit log) which includes write. */
export type KeyScope = 'write' | 'admin';

/** The key a request authenticated with. */
export interface Principal {
  keyId: number;
  name: string;
  scope: KeyScope;
}

const PREFIX = 'llmc_';

/** SHA-256 of a key: what the database stores and looks keys up by. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Creates a key; the returned `key` is the only time it is ever visible. */
export async function createKey(
  db: Database,
  options: { name: string; scope: KeyScope },
): Promise<{ id: number; key: string }> {
  const name = options.name.trim();
  if (!name) throw new Error('a key needs a name (who holds it)');
  const key = `${PREFIX}${randomBytes(24).toString('base64url')}`;
  const [row] = await db
    .insert(apiKeys)
    .values({ name, scope: options.scope, prefix: key.slice(0, PREFIX.length + 6), keyHash: hashKey(key) })
    .returning({ id: apiKeys.id });
  return { id: row!.id, key };
}

/** Every key, newest first, without secrets. */
export function listKeys(db: Database) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      scope: apiKeys.scope,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .orderBy(apiKeys.id);
}

/** Revokes a key; false when there is no such active key. */
export async function revokeKey(db: Database, id: number): Promise<boolean> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}

/** The active key an `Authorization: Bearer …` header names, or null (missing, malformed, unknown or revoked). */
export async function authenticate(db: Database, authorization: string | null | undefined): Promise<Principal | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
  if (!match?.[1]?.startsWith(PREFIX)) return null;
  const [row] = await db
    .select({ keyId: apiKeys.id, name: apiKeys.name, scope: apiKeys.scope })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashKey(match[1])), isNull(apiKeys.revokedAt)))
    .limit(1);
  return row ?? null;
}

/** Whether a key's scope covers what an operation needs. */
export function allows(principal: Principal | null, needed: KeyScope): boolean {
  if (!principal) return false;
  return principal.scope === 'admin' || needed === 'write';
}
