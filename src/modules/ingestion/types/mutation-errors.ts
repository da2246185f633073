import { ChangeError } from '../changes.js';
import type { KeyScope, Principal } from '../keys.js';
import { allows } from '../keys.js';
import type { Context } from '../../../context.js';
import { builder } from '../../../schema/builder.js';

/** One thing wrong with an input, and where. */
export interface InputIssueShape {
  inputPath: string[];
  message: string;
}

/** The input broke a rule; nothing was written. Every problem is listed. */
export class ValidationError extends Error {
  constructor(readonly issues: InputIssueShape[]) {
    super(
      issues.length === 1
        ? issues[0]!.message
        : `${issues.length} problems: ${issues.map((i) => i.message).join('; ')}`,
    );
  }
}

/** The input names something that does not exist; nothing was written. */
export class NotFoundError extends Error {
  constructor(readonly issues: InputIssueShape[]) {
    super(issues.map((i) => i.message).join('; '));
  }
}

/** The request carries no valid key with the scope the operation needs; nothing was written. */
export class AuthorizationError extends Error {
  constructor(readonly requiredScope: KeyScope) {
    super(
      `this operation needs an API key with the ${requiredScope} scope (Authorization: Bearer <key>); the request has none that is valid`,
    );
  }
}

export const MutationError = builder.interfaceRef<Error>('MutationError').implement({
  description: 'Why a mutation changed nothing.',
  fields: (t) => ({ message: t.exposeString('message', { description: 'What went wrong, naming the culprit.' }) }),
});

const InputIssue = builder.objectRef<InputIssueShape>('InputIssue').implement({
  description: 'One problem with a mutation input.',
  fields: (t) => ({
    inputPath: t.exposeStringList('inputPath', {
      description: 'Where in the input, e.g. ["input", "scores", "17", "value"].',
    }),
    message: t.exposeString('message', { description: 'What is wrong there.' }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input broke a rule; nothing was written. Every problem is listed with its input path.',
  interfaces: [MutationError],
  fields: (t) => ({
    issues: t.field({ type: [InputIssue], description: 'Every problem found.', resolve: (e) => e.issues }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'The input names something that does not exist; nothing was written.',
  interfaces: [MutationError],
  fields: (t) => ({
    issues: t.field({
      type: [InputIssue],
      description: 'What was not found, with its input path.',
      resolve: (e) => e.issues,
    }),
  }),
});

const KeyScopeEnum = builder.enumType('KeyScope', {
  description: 'What an API key may do.',
  values: {
    write: { description: 'Write data (models, scores, prices).' },
    admin: { description: 'Everything, plus methodology and the audit log.' },
  },
});

builder.objectType(AuthorizationError, {
  name: 'AuthorizationError',
  description: 'No valid API key with the needed scope: missing, wrong, revoked or under-scoped. Nothing was written.',
  interfaces: [MutationError],
  fields: (t) => ({
    requiredScope: t.field({
      type: KeyScopeEnum,
      description: 'The scope the operation needs.',
      resolve: (e) => e.requiredScope,
    }),
  }),
});

/** The errors every data mutation can return. */
export const MUTATION_ERRORS = [ValidationError, NotFoundError, AuthorizationError];

/** The errors-plugin options of a mutation: its payload or one of the typed errors, in a union named `<Name>Result`. */
export function mutationErrors(name: string) {
  return {
    types: MUTATION_ERRORS,
    directResult: true as const,
    union: { name: `${name}Result`, description: `What ${name} returns: the payload, or why nothing changed.` },
  };
}

/** The caller's key if it has `scope`, else an AuthorizationError (thrown as a typed result). */
export async function requireScope(ctx: Context, scope: KeyScope): Promise<Principal> {
  const principal = await ctx.principal();
  if (!principal || !allows(principal, scope)) throw new AuthorizationError(scope);
  return principal;
}

/** A write's change error as the typed error a payload shows, input paths under `input`. */
export function typedChangeError(
  error: unknown,
  mapPath: (path: (string | number)[]) => (string | number)[] = (p) => p,
): unknown {
  if (!(error instanceof ChangeError)) return error;
  const issues = error.issues.map((i) => ({
    inputPath: ['input', ...mapPath(i.path)].map(String),
    message: i.message,
  }));
  return error.kind === 'NOT_FOUND' ? new NotFoundError(issues) : new ValidationError(issues);
}
