/**
 * Metrics and span names by operation: the Apollo plugin that tells the HTTP front
 * (`createGraphqlHttpHandler`) which operation a request ran and how it ended.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { OUTCOME_OK, outcomeLabel } from '@reconnect/observability';
import { requestObservation } from './http.ts';

function rootFieldNames(selectionSet: SelectionSetNode, names: Set<string>): boolean {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) names.add(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) rootFieldNames(selection.selectionSet, names);
    else return false; // a fragment spread at the root: not worth resolving for a label
  }
  return true;
}

/**
 * The label of an operation: the root field it asks (`caseload`, `submitReferral`, `_entities`),
 * `multiple` for several, `introspection` for `__schema`/`__type` alone. Never the client's
 * operation name or an argument: a validated operation's root fields are fields of the schema, so
 * the label's values are bounded by the schema, and hold no personal data.
 */
export function operationLabel(operation: OperationDefinitionNode | null | undefined): string {
  if (!operation) return 'unknown';
  const names = new Set<string>();
  if (!rootFieldNames(operation.selectionSet, names)) return 'multiple';
  names.delete('__typename');
  const fields = [...names];
  if (fields.length === 0) return '__typename';
  if (fields.every((f) => f.startsWith('__'))) return 'introspection';
  return fields.length === 1 ? fields[0]! : 'multiple';
}

/** Records the operation label and the outcome (`ok` or the first error's code) of each request. */
export function observationPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ contextValue }) {
      const observation = requestObservation(contextValue);
      if (!observation) return;
      return {
        async didResolveOperation({ operation }) {
          observation.operation = operationLabel(operation);
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          observation.outcome = errors?.length ? outcomeLabel(errors[0]!.extensions?.['code']) : OUTCOME_OK;
        },
      };
    },
  };
}
