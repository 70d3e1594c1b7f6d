/**
 * Each fetch of a query plan sent straight to its subgraph, as the gateway sends it: the same query
 * and variables (fresh ones where the operation needs them unique, as a submission's idempotency
 * key and identifiers), with a fresh internal token bound to the body. Timed like the hub, these
 * say what the subgraphs alone cost, and so what the gateway adds.
 */
import type { Principal } from '../../packages/auth/src/index.ts';
import type { HttpTarget } from './load.ts';
import type { GraphqlBody } from './operations.ts';
import type { PlanFetch } from './plan.ts';
import { internalHeaders } from './tokens.ts';

export interface DirectOptions {
  url: string;
  internalSecret: string;
  principal: Principal;
  /** Fresh variables of the client operation (for a submission: a new key and person). */
  freshOperation?: () => GraphqlBody;
}

/** The fetch's variables, with those the client operation must not repeat taken from a fresh one. */
function variablesFor(fetch: PlanFetch, fresh?: () => GraphqlBody): Record<string, unknown> {
  if (!fresh || !('idempotencyKey' in fetch.variables)) return fetch.variables;
  const client = fresh().variables;
  const variables = { ...fetch.variables };
  for (const key of Object.keys(variables)) if (key in client) variables[key] = client[key];
  return variables;
}

export function directTarget(fetch: PlanFetch, options: DirectOptions): HttpTarget {
  return {
    url: options.url,
    dynamic: true,
    request: () => {
      const body = { query: fetch.query, variables: variablesFor(fetch, options.freshOperation) };
      return {
        headers: internalHeaders(options.internalSecret, fetch.subgraph, options.principal, body),
        body: JSON.stringify(body),
      };
    },
  };
}
