/**
 * A limit on how many objects a query can ask for, estimated from the schema before anything runs.
 * graphql-armor's cost limit weighs fields by depth but not by list sizes, so a query that nests
 * the directory's lists inside each other (local authorities → service → establishments → service
 * → local authorities, fifteen times over with aliases) stays under it while asking for millions of
 * objects, enough to exhaust the gateway's memory. Here every list multiplies what is under it by
 * its real bound: a paged list by its `first` argument where it (or the connection above it) has
 * one, by the argument's default when it is left out, by the largest page size when it is a
 * variable; every other list by `listBound` (bounds.ts: a directory list by the rows the directory
 * holds, counted at start and on change; a list nobody configured by a large bound, never a small
 * guess). Scalars are free; objects count.
 */
import {
  GraphQLError,
  Kind,
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  isInterfaceType,
  isObjectType,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLOutputType,
  type SelectionSetNode,
  type ValidationRule,
  type FieldNode,
  type GraphQLField,
} from 'graphql';

export interface ObjectLimitOptions {
  /** The most objects one operation may be estimated to return. */
  maxObjects: number;
  /** What an unpaged list `Type.field` can hold (bounds.ts). */
  listBound: (type: string, field: string) => number;
  /** What `first: $variable` is assumed to be (the hub's largest page). */
  maxPageSize: number;
}

function listDepth(type: GraphQLOutputType): number {
  let t: GraphQLOutputType = type;
  let depth = 0;
  for (;;) {
    if (isNonNullType(t)) t = t.ofType;
    else if (isListType(t)) {
      depth += 1;
      t = t.ofType as GraphQLOutputType;
    } else return depth;
  }
}

/**
 * The page size a paged field asks for: its `first` literal, the largest page for a variable, the
 * argument's default when it is left out; undefined for a field that is not paged.
 */
function pageArgument(
  field: FieldNode,
  definition: GraphQLField<unknown, unknown>,
  options: ObjectLimitOptions,
): number | undefined {
  const argument = definition.args.find((a) => a.name === 'first');
  if (!argument) return undefined;
  const first = field.arguments?.find((a) => a.name.value === 'first');
  if (!first) {
    const fallback = argument.defaultValue;
    return typeof fallback === 'number' ? Math.max(0, fallback) : options.maxPageSize;
  }
  if (first.value.kind === Kind.INT) return Math.max(0, Number(first.value.value));
  return options.maxPageSize;
}

export function objectLimitRule(options: ObjectLimitOptions): ValidationRule {
  return (context) => {
    const schema = context.getSchema();
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }

    /** Objects under `selectionSet` when `multiplier` parents are selected; stops counting past the limit. */
    const estimate = (
      selectionSet: SelectionSetNode,
      parent: GraphQLCompositeType,
      multiplier: number,
      pageHint: number | undefined,
      seenFragments: Set<string>,
    ): number => {
      let total = 0;
      for (const selection of selectionSet.selections) {
        if (total > options.maxObjects) return total;
        if (selection.kind === Kind.FIELD) {
          if (!selection.selectionSet) continue; // scalars are free
          if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
          const definition = parent.getFields()[selection.name.value];
          if (!definition) continue; // validation reports unknown fields
          const ownPage = pageArgument(selection, definition, options);
          const lists = listDepth(definition.type);
          let objects = multiplier;
          for (let i = 0; i < lists; i += 1) {
            const unpaged = options.listBound(parent.name, definition.name);
            objects *= i === 0 ? (ownPage ?? pageHint ?? unpaged) : unpaged;
          }
          total += objects;
          const named = getNamedType(definition.type);
          if (isCompositeType(named)) {
            // A connection's `first` sizes the list inside it (`nodes`).
            const hint = lists === 0 ? ownPage : undefined;
            total += estimate(selection.selectionSet, named, objects, hint, seenFragments);
          }
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
          if (type && isCompositeType(type))
            total += estimate(selection.selectionSet, type, multiplier, pageHint, seenFragments);
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment || seenFragments.has(name)) continue; // cycles are a validation error of their own
          const type = schema.getType(fragment.typeCondition.name.value);
          if (type && isCompositeType(type)) {
            total += estimate(
              fragment.selectionSet,
              type,
              multiplier,
              pageHint,
              new Set([...seenFragments, name]),
            );
          }
        }
      }
      return total;
    };

    return {
      OperationDefinition(operation) {
        const root =
          operation.operation === 'query'
            ? schema.getQueryType()
            : operation.operation === 'mutation'
              ? schema.getMutationType()
              : schema.getSubscriptionType();
        if (!root) return;
        const objects = estimate(operation.selectionSet, root, 1, undefined, new Set());
        if (objects > options.maxObjects) {
          context.reportError(
            new GraphQLError(
              `The query's estimated cost is over the limit: it could return more than ${options.maxObjects} objects. Ask for fewer nested lists, or page through them with \`first\`.`,
              { nodes: [operation], extensions: { code: 'BAD_USER_INPUT' } },
            ),
          );
        }
      },
    };
  };
}
