import { buildSchema, findBreakingChanges, findDangerousChanges } from 'graphql';

/** One change between two versions of the schema, as graphql-js names and describes it. */
export interface SchemaChange {
  type: string;
  description: string;
}

/** The commit-message marker that declares a breaking schema change intended. */
export const BREAKING_MARKER = '[breaking-schema]';

/** Changes from `before` to `after` (SDL) that break an operation valid against `before`. */
export function breakingChanges(before: string, after: string): SchemaChange[] {
  return findBreakingChanges(buildSchema(before), buildSchema(after)).map(({ type, description }) => ({
    type,
    description,
  }));
}

/** Changes that keep every operation valid but may change what a client gets (an enum value or union member added, a default changed). */
export function dangerousChanges(before: string, after: string): SchemaChange[] {
  return findDangerousChanges(buildSchema(before), buildSchema(after)).map(({ type, description }) => ({
    type,
    description,
  }));
}

/** Whether any of these commit messages declares the breaking change intended. */
export function breakingAllowed(commitMessages: readonly string[]): boolean {
  return commitMessages.some((m) => m.includes(BREAKING_MARKER));
}
