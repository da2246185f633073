import type { Executor } from '../../db/client.js';
import { auditLog } from '../../db/tables/index.js';

/** Appends an audit entry: who (key), which operation, and what changed. The time is the transaction's. */
export async function recordAudit(
  tx: Executor,
  actor: { keyId: number | null; name: string },
  operation: string,
  changes: unknown,
): Promise<void> {
  await tx.insert(auditLog).values({ keyId: actor.keyId, actor: actor.name, operation, changes: changes as object });
}
