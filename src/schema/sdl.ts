import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from './index.js';

/** The committed form of the schema: sorted SDL with a trailing newline. */
export function printSchemaSdl(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
