/**
 * The fields an operation asks of a type, anywhere in it (through fields, inline fragments and
 * named fragments, as `_entities` queries write them): what the audit event of a read names.
 * Taken over the whole operation so that one person read through several paths of one request is
 * one event naming everything that request could see.
 *
 * Types are inspected by shape, not with graphql-js's `instanceof` predicates: @apollo/subgraph
 * builds the schema with the CommonJS copy of graphql, and this module may load the ESM one.
 */
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

interface TypeLike {
  name: string;
  getFields?: () => Record<string, { type: unknown }>;
}

function namedType(type: unknown): TypeLike | undefined {
  let current = type as { ofType?: unknown } | undefined;
  while (current && current.ofType) current = current.ofType as { ofType?: unknown };
  return current as TypeLike | undefined;
}

export function requestedFields(info: GraphQLResolveInfo, typeName: string): string[] {
  const fields = new Set<string>();
  const schema = info.schema;
  const typeNamed = (name: string) => schema.getType(name) as unknown as TypeLike | undefined;

  const walk = (
    set: SelectionSetNode | undefined,
    parent: TypeLike | undefined,
    fragmentsOnPath: Set<string>,
  ) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith('__')) continue;
        if (parent?.name === typeName) fields.add(name);
        if (selection.selectionSet)
          walk(selection.selectionSet, namedType(parent?.getFields?.()[name]?.type), fragmentsOnPath);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(
          selection.selectionSet,
          selection.typeCondition ? typeNamed(selection.typeCondition.name.value) : parent,
          fragmentsOnPath,
        );
      } else {
        const name = selection.name.value;
        const fragment = info.fragments[name];
        if (!fragment || fragmentsOnPath.has(name)) continue;
        walk(
          fragment.selectionSet,
          typeNamed(fragment.typeCondition.name.value),
          new Set([...fragmentsOnPath, name]),
        );
      }
    }
  };
  const root = {
    query: schema.getQueryType(),
    mutation: schema.getMutationType(),
    subscription: schema.getSubscriptionType(),
  }[info.operation.operation] as unknown as TypeLike | undefined;
  walk(info.operation.selectionSet, root, new Set());
  return [...fields].sort();
}
