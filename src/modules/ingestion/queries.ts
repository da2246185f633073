import { desc, lt } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { auditLog } from '../../db/tables/index.js';

/** One entry of the audit log as stored. */
export type AuditRow = typeof auditLog.$inferSelect;

/** A page of the audit log, newest first: `first` entries older than the cursor `after`, and whether more follow. */
export async function loadAuditPage(
  db: Database,
  first: number,
  after: number | null,
): Promise<{ entries: AuditRow[]; hasNextPage: boolean }> {
  // One row beyond the page tells whether another page follows.
  const rows = await db
    .select()
    .from(auditLog)
    .where(after == null ? undefined : lt(auditLog.id, after))
    .orderBy(desc(auditLog.id))
    .limit(first + 1);
  return { entries: rows.slice(0, first), hasNextPage: rows.length > first };
}

/** A provider by slug, as a mutation's payload shows it after the write. */
export const providerBySlug = (db: Database, slug: string) => db.query.providers.findFirst({ where: { slug } });

/** A family by slug, as a mutation's payload shows it after the write. */
export const familyBySlug = (db: Database, slug: string) => db.query.families.findFirst({ where: { slug } });

/** A model by slug, as a mutation's payload shows it after the write. */
export const modelBySlug = (db: Database, slug: string) => db.query.models.findFirst({ where: { slug } });

/** A model by id, as a mutation's payload shows it after the write. */
export const modelById = (db: Database, id: number) => db.query.models.findFirst({ where: { id } });
