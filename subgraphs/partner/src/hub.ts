/**
 * Calls to other subgraphs on the caller's behalf (the referral, its owning service's directory
 * entry, the person's risk and needs), so that their owners' permissions decide what the caller
 * may learn. Never call while a transaction is open: PGlite has one connection.
 */
import { HubClient } from '@reconnect/hub-client';
import type { SubgraphContext } from '@reconnect/graph';

/** Needs only the request's identity, so that loaders built before the context is complete can call. */
export function hubFor(ctx: Pick<SubgraphContext, 'deps' | 'principal' | 'requestId' | 'purpose'>) {
  const client = new HubClient({
    internalSecret: ctx.deps.internalSecret,
    subgraphUrls: ctx.deps.subgraphUrls,
    callerName: 'partner',
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
