import { builder } from '../../../schema/builder.js';
import { readAuditLog, type AuditRow } from '../service.js';

const AuditEntry = builder.objectRef<AuditRow>('AuditEntry').implement({
  description: 'One write: who, what, when, and what changed.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Position in the log.' }),
    actor: t.exposeString('actor', {
      description: 'The name of the key that wrote (or "import" for the command-line importer).',
    }),
    keyId: t.exposeInt('keyId', {
      nullable: true,
      description: 'The id of that key; null for the command-line importer.',
    }),
    operation: t.exposeString('operation', { description: 'The mutation or command.' }),
    at: t.string({ description: 'When, as an ISO 8601 timestamp.', resolve: (e) => e.at.toISOString() }),
    changes: t.string({ description: 'What changed, as JSON.', resolve: (e) => JSON.stringify(e.changes) }),
  }),
});

const AuditPage = builder.objectRef<{ entries: AuditRow[]; hasNextPage: boolean }>('AuditPage').implement({
  description: 'A page of the audit log, newest first.',
  fields: (t) => ({
    entries: t.field({ type: [AuditEntry], description: 'The entries.', resolve: (p) => p.entries }),
    hasNextPage: t.exposeBoolean('hasNextPage', { description: 'Whether older entries follow.' }),
    endCursor: t.string({
      nullable: true,
      description: 'Pass as `after` for the next page.',
      resolve: (p) => (p.entries.at(-1) ? String(p.entries.at(-1)!.id) : null),
    }),
  }),
});

builder.queryFields((t) => ({
  auditLog: t.field({
    type: AuditPage,
    description: 'Every write, newest first (needs an admin key).',
    args: {
      first: t.arg.int({ defaultValue: 50, description: 'Page size, 1 to 100.' }),
      after: t.arg.string({ description: 'An endCursor from the previous page.' }),
    },
    resolve: (_root, args, ctx) => readAuditLog(ctx, args),
  }),
}));
