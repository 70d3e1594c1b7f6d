/**
 * What a client's operation asks of each audited type, taken over the whole operation (every
 * path, alias, inline and named fragment). The gateway sends it to the subgraphs in the internal
 * token: the query plan may reach one person through several subgraph fetches (`person(id)`, and
 * `_entities` for `referral { person }` and the caseload's people), each of which sees only its
 * own part of the query; with this, every fetch records the same read, and the audit trail keeps
 * one event per person per request that names everything the request asked of a person.
 */
import { TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';

/** Types whose reads are audited (ARCHITECTURE.md, "audit": sensitive reads of a person). */
export const AUDITED_TYPES = ['Person'] as const;

/** Per document: Apollo Server keeps one parsed DocumentNode per distinct query, so a repeated query is walked once. */
const cache = new WeakMap<DocumentNode, Record<string, string[]>>();

export function operationReads(schema: GraphQLSchema, document: DocumentNode): Record<string, string[]> {
  let reads = cache.get(document);
  if (!reads) {
    reads = walk(schema, document);
    cache.set(document, reads);
  }
  return reads;
}

function walk(schema: GraphQLSchema, document: DocumentNode): Record<string, string[]> {
  const found = new Map<string, Set<string>>(AUDITED_TYPES.map((t) => [t, new Set<string>()]));
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (parent && !node.name.value.startsWith('__')) found.get(parent.name)?.add(node.name.value);
      },
    }),
  );
  return Object.fromEntries([...found].map(([type, fields]) => [type, [...fields].sort()]));
}
