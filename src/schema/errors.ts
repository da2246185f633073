import { GraphQLError } from 'graphql';

/** A bad query argument: the message names the culprit, `extensions.code` says what kind. */
export function badInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
}

/** A lookup by a key that names nothing. */
export function notFound(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND', ...extra } });
}
