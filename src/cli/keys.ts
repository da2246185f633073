import { parseArgs } from 'node:util';
import { databaseTarget, loadConfig } from '../config.js';
import { createDb } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { createKey, listKeys, revokeKey, type KeyScope } from '../modules/ingestion/service.js';

const USAGE = `Usage:
  npm run keys -- create --scope write|admin --name <who>
  npm run keys -- list
  npm run keys -- revoke <id>`;

/** One key as `list` prints it: id, scope, prefix, holder, when created and, if so, revoked. */
function keyLine(k: Awaited<ReturnType<typeof listKeys>>[number]): string {
  const revoked = k.revokedAt ? `\trevoked ${k.revokedAt.toISOString()}` : '';
  return `${k.id}\t${k.scope}\t${k.prefix}…\t${k.name}\tcreated ${k.createdAt.toISOString()}${revoked}`;
}

/** `npm run keys -- …`: create (prints the key once), list, revoke. Returns the exit code. */
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { scope: { type: 'string' }, name: { type: 'string' } },
  });
  const [command, arg] = positionals;
  if (command === 'create' && ((values.scope !== 'write' && values.scope !== 'admin') || !values.name?.trim())) {
    console.error(USAGE);
    return 2;
  }
  if (command !== 'create' && command !== 'list' && !(command === 'revoke' && /^\d+$/.test(arg ?? ''))) {
    console.error(USAGE);
    return 2;
  }
  const handle = await createDb(databaseTarget(loadConfig()));
  try {
    await migrate(handle);
    if (command === 'create') {
      const { id, key } = await createKey(handle.db, { name: values.name!, scope: values.scope as KeyScope });
      console.log(
        `Created key ${id} (${values.scope}) for ${values.name}. It is shown only now; store it safely:\n${key}`,
      );
    } else if (command === 'list') {
      for (const k of await listKeys(handle.db)) console.log(keyLine(k));
    } else {
      const revoked = await revokeKey(handle.db, Number(arg));
      console.log(revoked ? `Revoked key ${arg}.` : `No active key ${arg}.`);
      return revoked ? 0 : 1;
    }
    return 0;
  } finally {
    await handle.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
