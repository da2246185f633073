import {
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type OperationDefinitionNode,
} from 'graphql';

/** The operation a request runs: the named one, or the only one. */
export function findOperation(
  document: DocumentNode,
  operationName: string | null | undefined,
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName) return operations.find((o) => o.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

/** The document's fragments by name. */
export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/** The operation's variables as sent, else their Int defaults: page sizes, all the cost reads, are Ints. */
export function variablesWithDefaults(
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (variables[name] !== undefined) values[name] = variables[name];
    else if (definition.defaultValue?.kind === Kind.INT) values[name] = Number(definition.defaultValue.value);
  }
  return values;
}

/** An argument's value: an Int literal, a variable's value, else the schema default (other literals: undefined). */
export function argumentValue(node: FieldNode, arg: GraphQLArgument, variables: Record<string, unknown>): unknown {
  const given = node.arguments?.find((a) => a.name.value === arg.name);
  if (!given) return arg.defaultValue;
  if (given.value.kind === Kind.VARIABLE) {
    const value = variables[given.value.name.value];
    return value === undefined ? arg.defaultValue : value;
  }
  if (given.value.kind === Kind.INT) return Number(given.value.value);
  return undefined;
}
