/**
 * Entity fetches that the query plan starts at the same moment against one subgraph, sent as one
 * request (issue 14). Apollo's planner sends one `_entities` fetch per path of the operation: the
 * caseload's establishments, owning services and named workers are three requests to the
 * regional-service subgraph, and the detail's directory fields eight, each started in the same tick
 * and each paying for its own HTTP round trip, internal token, and request context in the subgraph.
 *
 * Here the fetches of one step become one document: each fetch's `_entities` field under its own
 * alias (`_entities0`, `_entities1`, ...), its variables and fragments renamed with the same suffix,
 * so that every part keeps exactly its own selection and representations. The answer is split back
 * into one `_entities` answer per fetch, each with its own errors (paths renamed back), before the
 * gateway merges them: to the gateway, each fetch got the answer it would have got alone.
 *
 * Only one caller's fetches are ever merged (gateway.ts keeps a batch per request context), and the
 * merged body gets its own internal token, bound to that body.
 */
import {
  Kind,
  OperationTypeNode,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
} from 'graphql';

export interface EntityFetch {
  query: string;
  document: DocumentNode;
  variables?: Record<string, unknown> | undefined;
  operationName?: string | undefined;
}

export interface MergedFetch {
  query: string;
  operationName: string;
  variables: Record<string, unknown>;
}

export interface FetchAnswer {
  data?: Record<string, unknown> | null | undefined;
  errors?: readonly GraphQLFormattedError[] | undefined;
}

const ENTITIES = '_entities';
const aliasOf = (i: number) => `${ENTITIES}${i}`;
const ALIAS = /^_entities(\d+)$/;
/** A name of fetch `i` in the merged document; unique, since `i` is the digits after the last `__`. */
const renamed = (name: string, i: number) => `${name}__${i}`;

/** Whether `document` is a query of `_entities` alone: the fetch the planner sends for an entity. */
export function isEntitiesQuery(document: DocumentNode): boolean {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) return false;
  const [operation] = operations as OperationDefinitionNode[];
  if (operation!.operation !== OperationTypeNode.QUERY || operation!.directives?.length) return false;
  const [field, ...rest] = operation!.selectionSet.selections;
  return (
    rest.length === 0 &&
    field?.kind === Kind.FIELD &&
    field.name.value === ENTITIES &&
    !field.alias &&
    !field.directives?.length
  );
}

/** The fetch's document with every variable and fragment renamed for position `i`, and its field aliased. */
function partOf(document: DocumentNode, i: number): DocumentNode {
  return visit(document, {
    Variable: (node) => ({ ...node, name: { ...node.name, value: renamed(node.name.value, i) } }),
    FragmentSpread: (node) => ({ ...node, name: { ...node.name, value: renamed(node.name.value, i) } }),
    FragmentDefinition: (node) => ({ ...node, name: { ...node.name, value: renamed(node.name.value, i) } }),
    OperationDefinition: {
      leave: (node) => {
        const [field] = node.selectionSet.selections as FieldNode[];
        const aliased: FieldNode = { ...field!, alias: { kind: Kind.NAME, value: aliasOf(i) } };
        return { ...node, selectionSet: { ...node.selectionSet, selections: [aliased] } };
      },
    },
  });
}

/** Merged query text by the queries it merges, in order (a plan's steps repeat: so do their batches). */
const merged = new Map<string, { query: string; operationName: string }>();
const MERGED_CACHE_SIZE = 500;

function mergedQuery(fetches: readonly EntityFetch[]): { query: string; operationName: string } {
  const key = fetches.map((f) => f.query).join('\u0000');
  let hit = merged.get(key);
  if (!hit) {
    const variableDefinitions: VariableDefinitionNode[] = [];
    const selections: FieldNode[] = [];
    const fragments: FragmentDefinitionNode[] = [];
    fetches.forEach((fetch, i) => {
      for (const definition of partOf(fetch.document, i).definitions) {
        if (definition.kind === Kind.OPERATION_DEFINITION) {
          variableDefinitions.push(...(definition.variableDefinitions ?? []));
          selections.push(...(definition.selectionSet.selections as FieldNode[]));
        } else if (definition.kind === Kind.FRAGMENT_DEFINITION) {
          fragments.push(definition);
        }
      }
    });
    const operationName = `${fetches[0]!.operationName ?? 'Entities'}__${fetches.length}`;
    const document: DocumentNode = {
      kind: Kind.DOCUMENT,
      definitions: [
        {
          kind: Kind.OPERATION_DEFINITION,
          operation: OperationTypeNode.QUERY,
          name: { kind: Kind.NAME, value: operationName },
          variableDefinitions,
          selectionSet: { kind: Kind.SELECTION_SET, selections },
        },
        ...fragments,
      ],
    };
    hit = { query: print(document), operationName };
    if (merged.size >= MERGED_CACHE_SIZE) merged.delete(merged.keys().next().value!);
    merged.set(key, hit);
  }
  return hit;
}

/** One request for all of `fetches` (at least two, all `isEntitiesQuery`). */
export function mergeEntityFetches(fetches: readonly EntityFetch[]): MergedFetch {
  const variables: Record<string, unknown> = {};
  fetches.forEach((fetch, i) => {
    for (const [name, value] of Object.entries(fetch.variables ?? {})) variables[renamed(name, i)] = value;
  });
  return { ...mergedQuery(fetches), variables };
}

/**
 * The merged answer as the `count` answers each fetch would have had alone: its own `_entities`,
 * the errors under its alias (paths renamed back), and every error that names no alias (a request
 * error, which each fetch alone would have had too). Undefined when the answer cannot be split
 * faithfully: no data, or an alias missing (an `_entities` field failed and nulled the whole
 * answer, which alone it would have done to its own answer only); the caller then sends them apart.
 */
export function splitEntityAnswer<A extends FetchAnswer>(answer: A, count: number): A[] | undefined {
  const data = answer.data;
  if (!data) return undefined;
  for (let i = 0; i < count; i += 1) if (!Array.isArray(data[aliasOf(i)])) return undefined;
  const own: GraphQLFormattedError[][] = Array.from({ length: count }, () => []);
  const shared: GraphQLFormattedError[] = [];
  for (const error of answer.errors ?? []) {
    const match = typeof error.path?.[0] === 'string' ? ALIAS.exec(error.path[0]) : null;
    const i = match ? Number(match[1]) : -1;
    if (i >= 0 && i < count) own[i]!.push({ ...error, path: [ENTITIES, ...error.path!.slice(1)] });
    else shared.push(error);
  }
  return own.map((errors, i) => {
    const all = [...errors, ...shared];
    const part: A = { ...answer, data: { [ENTITIES]: data[aliasOf(i)] } };
    if (all.length) part.errors = all;
    else delete part.errors;
    return part;
  });
}
