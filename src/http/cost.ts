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
  type SelectionSetNode,
} from 'graphql';
import { argumentValue, findOperation, fragmentsOf, variablesWithDefaults } from './document.js';

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
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return { cost: 0, pageSizeProblems: [] };
  const walk: Walk = {
    schema,
    options,
    fragments: fragmentsOf(document),
    fragmentCosts: new Map(),
    variables: variablesWithDefaults(operation, variables ?? {}),
    pageSizeProblems: [],
  };
  return {
    cost: selectionCost(walk, operation.selectionSet, root, new Set()),
    pageSizeProblems: walk.pageSizeProblems,
  };
}

/** One operation's costing: what it reads, and the page size problems found on the way. */
interface Walk {
  schema: GraphQLSchema;
  options: CostOptions;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  /** Per fragment name, so a fragment spread many times is walked once. */
  fragmentCosts: Map<string, number>;
  variables: Record<string, unknown>;
  pageSizeProblems: PageSizeProblem[];
}

/** `visiting`: the fragments being walked on the way here. */
function selectionCost(
  walk: Walk,
  selectionSet: SelectionSetNode,
  parent: GraphQLCompositeType,
  visiting: Set<string>,
): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      total += fieldCost(walk, selection, parent, visiting);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parent;
      if (type && isCompositeType(type)) total += selectionCost(walk, selection.selectionSet, type, visiting);
    } else {
      total += fragmentCost(walk, selection.name.value, visiting);
    }
  }
  return total;
}

function fragmentCost(walk: Walk, name: string, visiting: Set<string>): number {
  const fragment = walk.fragments.get(name);
  // Validation rejects fragment cycles; the guard keeps this safe if it ever runs first.
  if (!fragment || visiting.has(name)) return 0;
  let cost = walk.fragmentCosts.get(name);
  if (cost === undefined) {
    const type = walk.schema.getType(fragment.typeCondition.name.value);
    cost =
      type && isCompositeType(type)
        ? selectionCost(walk, fragment.selectionSet, type, new Set([...visiting, name]))
        : 0;
    walk.fragmentCosts.set(name, cost);
  }
  return cost;
}

function fieldCost(walk: Walk, node: FieldNode, parent: GraphQLCompositeType, visiting: Set<string>): number {
  // Introspection is answered from the schema in memory; its nesting is bounded by graphql-js's
  // MaxIntrospectionDepthRule rather than by this database-oriented cost.
  if (node.name.value === '__schema' || node.name.value === '__type') return 0;
  const field = fieldDefinition(parent, node.name.value);
  if (!field || !node.selectionSet) return 0;
  const type = getNamedType(field.type);
  if (!isCompositeType(type)) return 0;
  const children = selectionCost(walk, node.selectionSet, type, visiting);
  return listSize(walk, node, field, parent, type) * (1 + children);
}

/** How many instances of `field` one instance of `parent` can resolve. */
function listSize(
  walk: Walk,
  node: FieldNode,
  field: GraphQLField<unknown, unknown>,
  parent: GraphQLCompositeType,
  type: GraphQLNamedType,
): number {
  const paged = field.args.filter((a) => a.name === 'first' || a.name === 'last');
  if (paged.length > 0 && isConnection(type)) return pageSize(walk, node, paged, `${parent.name}.${field.name}`);
  // A connection's edges and nodes are the page its field already paid for.
  if (isConnection(parent)) return 1;
  return isListType(getNullableType(field.type)) ? walk.options.defaultListSize : 1;
}

/** The largest of a connection's `first`/`last` (clamped to 0..max), reporting those out of range. */
function pageSize(walk: Walk, node: FieldNode, paged: GraphQLArgument[], field: string): number {
  const { maxPageSize, defaultPageSize } = walk.options;
  let size: number | undefined;
  for (const arg of paged) {
    const value = argumentValue(node, arg, walk.variables);
    // Anything but an integer fails variable coercion before execution, with its own message.
    if (typeof value !== 'number' || !Number.isInteger(value)) continue;
    if (value < 0 || value > maxPageSize) {
      walk.pageSizeProblems.push({ field, argument: arg.name as 'first' | 'last', value });
    }
    size = Math.max(size ?? 0, Math.min(Math.max(value, 0), maxPageSize));
  }
  return size ?? defaultPageSize;
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
