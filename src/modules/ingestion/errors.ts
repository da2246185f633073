import type { KeyScope } from './keys.js';

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
      `this operation needs an API key with the ${requiredScope} scope (Authorization: Bearer <key>); ` +
        'the request has none that is valid',
    );
  }
}
