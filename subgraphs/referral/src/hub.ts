/**
 * Calls to other subgraphs on the caller's behalf (identity from person, establishments, areas and
 * staff from regional-service). Never call while a transaction is open: PGlite has one connection.
 */
import { HubClient } from '@reconnect/hub-client';
import type { Context } from './context.ts';

export function hubFor(ctx: Context) {
  const client = new HubClient({
    internalSecret: ctx.deps.internalSecret,
    subgraphUrls: ctx.deps.subgraphUrls,
    callerName: 'referral',
  });
  return {
    call: <T>(subgraph: string, query: string, variables: Record<string, unknown>) =>
      client.call<T>(subgraph, query, variables, {
        principal: ctx.principal,
        requestId: ctx.requestId,
        purpose: ctx.purpose,
      }),
  };
}
