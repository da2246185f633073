import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** How list sizes are estimated. */
export interface CostOptions {
  /** Size assumed for a connection without `first`/`last` (the schema's default page size). */
  defaultPageSize: number;
  /** Largest `first`/`last` a connection accepts. */
  maxPageSize: number;
  /** Size assumed for a plain list field (no page size argument). */
  defaultListSize: number;
}

/** A `first`/`last` outside 0..maxPageSize, found before execution. */
export interface PageSizeProblem {
  field: string;
  argument: 'first' | 'last';
  value: number;
}

/** What one operation would cost, and the page sizes it asks for that the schema refuses. */
export interface CostReport {
  cost: number;
  pageSizeProblems: PageSizeProblem[];
}

/**
 * Upper bound on the objects an operation can resolve: each object field costs 1 per instance,
 * a connection multiplies its selection by its page size (`first`/`last`, from literals or
 * variables, else the default page size) and a plain list by `defaultListSize`. Leaves are free.
 * Fragments on several types are all counted, so the bound holds for every runtime type.
 * Introspection fields (`__schema`, `__type`) cost nothing here.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  options: CostOptions,
): CostReport {
  const operation = findOperation(document, operationName);
  const pageSizeProblems: PageSizeProblem[] = [];
  if (!operation) return { cost: 0, pageSizeProblems };
  const root = schema.getRootType(operation.operation);
  if (!root) return { cost: 0, pageSizeProblems };

  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const fragmentCosts = new Map<string, number>();
  const vars = variablesWithDefaults(operation, variables ?? {});

  const selectionCost = (
    selectionSet: SelectionSetNode,
    parent: GraphQLCompositeType,
    visiting: Set<string>,
  ): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, parent, visiting);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) total += selectionCost(selection.selectionSet, type, visiting);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // Validation rejects fragment cycles; the guard keeps this safe if it ever runs first.
        if (!fragment || visiting.has(name)) continue;
        let cost = fragmentCosts.get(name);
        if (cost === undefined) {
          const type = schema.getType(fragment.typeCondition.name.value);
          cost =
            type && isCompositeType(type)
              ? selectionCost(fragment.selectionSet, type, new Set([...visiting, name]))
              : 0;
          fragmentCosts.set(name, cost);
        }
        total += cost;
      }
    }
    return total;
  };

  const fieldCost = (node: FieldNode, parent: GraphQLCompositeType, visiting: Set<string>): number => {
    // Introspection is answered from the schema in memory; its nesting is bounded by graphql-js's
    // MaxIntrospectionDepthRule rather than by this database-oriented cost.
    if (node.name.value === '__schema' || node.name.value === '__type') return 0;
    const field = fieldDefinition(parent, node.name.value);
    if (!field || !node.selectionSet) return 0;
    const type = getNamedType(field.type);
    if (!isCompositeType(type)) return 0;
    const children = selectionCost(node.selectionSet, type, visiting);
    return listSize(node, field, parent, type) * (1 + children);
  };

  const listSize = (
    node: FieldNode,
    field: GraphQLField<unknown, unknown>,
    parent: GraphQLCompositeType,
    type: GraphQLNamedType,
  ): number => {
    const paged = field.args.filter((a) => a.name === 'first' || a.name === 'last');
    if (paged.length > 0 && isConnection(type)) {
      let size: number | undefined;
      for (const arg of paged) {
        const value = argumentValue(node, arg, vars);
        // Anything but an integer fails variable coercion before execution, with its own message.
        if (typeof value !== 'number' || !Number.isInteger(value)) continue;
        if (value < 0 || value > options.maxPageSize) {
          pageSizeProblems.push({
            field: `${parent.name}.${field.name}`,
            argument: arg.name as 'first' | 'last',
            value,
          });
        }
        size = Math.max(size ?? 0, Math.min(Math.max(value, 0), options.maxPageSize));
      }
      return size ?? options.defaultPageSize;
    }
    // A connection's edges and nodes are the page its field already paid for.
    if (isConnection(parent)) return 1;
    return isListType(getNullableType(field.type)) ? options.defaultListSize : 1;
  };

  return { cost: selectionCost(operation.selectionSet, root, new Set()), pageSizeProblems };
}

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

function fieldDefinition(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === '__typename') return TypeNameMetaFieldDef;
  return 'getFields' in parent ? parent.getFields()[name] : undefined;
}

/** A Relay connection: an object type with `edges` and `pageInfo`. */
function isConnection(type: GraphQLNamedType): boolean {
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return 'edges' in fields && 'pageInfo' in fields;
}

function variablesWithDefaults(
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (variables[name] !== undefined) values[name] = variables[name];
    // Only page sizes matter here, and those are Int literals.
    else if (definition.defaultValue?.kind === Kind.INT) values[name] = Number(definition.defaultValue.value);
  }
  return values;
}

function argumentValue(node: FieldNode, arg: GraphQLArgument, variables: Record<string, unknown>): unknown {
  const given = node.arguments?.find((a) => a.name.value === arg.name);
  if (!given) return arg.defaultValue;
  if (given.value.kind === Kind.VARIABLE) {
    const value = variables[given.value.name.value];
    return value === undefined ? arg.defaultValue : value;
  }
  if (given.value.kind === Kind.INT) return Number(given.value.value);
  return undefined;
}
