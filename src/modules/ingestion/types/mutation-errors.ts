import { AuthorizationError, NotFoundError, ValidationError, type InputIssueShape } from '../errors.js';
import { builder } from '../../../schema/builder.js';

/** What every typed mutation error has: a message naming the culprit. */
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
