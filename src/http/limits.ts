import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { BREAK, GraphQLError, visit, type DocumentNode, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.js';
import { operationCost, type CostOptions, type PageSizeProblem } from './cost.js';

/** The schema's page sizes (src/schema/builder.ts: defaultConnectionSize, maxConnectionSize). */
export const PAGE_SIZE = { default: 20, max: 100 } as const;

type LimitConfig = Pick<
  Config,
  'MAX_DEPTH' | 'MAX_ALIASES' | 'MAX_TOKENS' | 'MAX_DIRECTIVES' | 'MAX_COST' | 'COST_LIST_SIZE'
>;

/** A request error: HTTP 400 under application/graphql-response+json, 200 with errors under application/json. */
function requestError(message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, http: { spec: true, status: 400 } } });
}

/** Reports an armor rejection as a validation error with a code, instead of armor's "Syntax Error: …". */
function report(code: string) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code } }));
  };
}

/**
 * Operation limits, all enforced before any resolver or SQL runs: tokens while parsing; depth,
 * aliases and directives as validation rules (graphql-armor); then, once variables are known,
 * page sizes (`first`/`last` on every connection, 0 to 100: a larger one is an error, never
 * silently clamped), the cost of the operation (see cost.ts), and NUL characters in strings.
 *
 * Introspection (`__schema`, `__type`) is exempt from the depth and cost limits, as GraphiQL's
 * introspection query is deeper than any data query; it never reaches the database, and
 * graphql-js's MaxIntrospectionDepthRule (part of the specified rules) stops nested
 * `fields { type { fields … } }` abuse.
 */
export function operationLimits(config: LimitConfig): Plugin[] {
  const armor = new EnvelopArmor({
    blockFieldSuggestion: { enabled: false },
    costLimit: { enabled: false },
    maxTokens: { n: config.MAX_TOKENS },
    // Armor 3.2.0 (max-depth 2.4.2) only skips a *field* named __schema: an operation or fragment
    // named __schema no longer bypasses the limit (the 2025 advisory); a test keeps it so.
    maxDepth: {
      n: config.MAX_DEPTH,
      ignoreIntrospection: true,
      flattenFragments: false,
      propagateOnRejection: false,
      onReject: [report('DEPTH_LIMIT_EXCEEDED')],
    },
    maxAliases: { n: config.MAX_ALIASES, propagateOnRejection: false, onReject: [report('ALIAS_LIMIT_EXCEEDED')] },
    maxDirectives: {
      n: config.MAX_DIRECTIVES,
      propagateOnRejection: false,
      onReject: [report('DIRECTIVE_LIMIT_EXCEEDED')],
    },
  });
  return [...(armor.protect().plugins as Plugin[]), tokenLimitErrors(), costLimit(config)];
}

/** Gives armor's token limit error (thrown while parsing) a code and the 400 of a parse error. */
function tokenLimitErrors(): Plugin {
  return {
    onParse() {
      return ({ result, replaceParseResult }) => {
        if (result instanceof GraphQLError && /Token limit of \d+ exceeded/.test(result.message)) {
          replaceParseResult(
            requestError(result.message.replace(/^Syntax Error: /, ''), { code: 'TOKEN_LIMIT_EXCEEDED' }),
          );
        }
      };
    },
  };
}

/** Page sizes and cost, checked with the request's variables just before execution. */
function costLimit(config: LimitConfig): Plugin {
  const options: CostOptions = {
    defaultPageSize: PAGE_SIZE.default,
    maxPageSize: PAGE_SIZE.max,
    defaultListSize: config.COST_LIST_SIZE,
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const variables = args.variableValues as Record<string, unknown> | null | undefined;
      const { cost, pageSizeProblems } = operationCost(
        args.schema,
        args.document,
        args.operationName,
        variables,
        options,
      );
      const errors = pageSizeProblems.map(pageSizeError);
      if (cost > config.MAX_COST) errors.push(costError(cost, config.MAX_COST));
      if (hasNul(variables) || documentHasNul(args.document)) {
        errors.push(requestError('Strings may not contain the NUL character (\\u0000)', { code: 'BAD_USER_INPUT' }));
      }
      if (errors.length > 0) setResultAndStopExecution({ errors });
    },
  };
}

function pageSizeError(problem: PageSizeProblem): GraphQLError {
  const { argument, value, field } = problem;
  return requestError(`${argument}: ${value} on ${field} is out of range: a page holds 0 to ${PAGE_SIZE.max} items`, {
    code: 'BAD_USER_INPUT',
    argument,
  });
}

function costError(cost: number, maxCost: number): GraphQLError {
  return requestError(
    `Query cost limit of ${maxCost} exceeded, found ${cost}: ask for smaller pages or fewer nested lists`,
    { code: 'COST_LIMIT_EXCEEDED', cost, maxCost },
  );
}

/** PostgreSQL text cannot hold NUL: such a string could only fail in the database, so it stops here. */
function hasNul(variables: unknown): boolean {
  // Iterative: variables are client JSON and may nest deeper than the call stack.
  const pending: unknown[] = [variables];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return true;
    } else if (Array.isArray(value)) {
      pending.push(...value);
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes('\u0000')) return true;
        pending.push(item);
      }
    }
  }
  return false;
}

/** Per parsed document (Yoga caches those), so a repeated operation is walked once. */
const nulInDocument = new WeakMap<DocumentNode, boolean>();

function documentHasNul(document: DocumentNode): boolean {
  let known = nulInDocument.get(document);
  if (known === undefined) {
    known = walkForNul(document);
    nulInDocument.set(document, known);
  }
  return known;
}

function walkForNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (node.value.includes('\u0000')) {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}
