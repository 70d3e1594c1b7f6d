/**
 * The connector's one call into the hub: `applyCustodyEvent` on the gateway's public API with the
 * connector's own token, as any outside client would (AUTH.md, "Clients in front of the gateway").
 * The answer is classified, never thrown: the connector decides from it whether to acknowledge,
 * retry, requeue or dead-letter the message.
 */
import { graphql } from './generated/gql.ts';
import type { CustodyEventInput, CustodyEventOutcome } from './generated/graphql.ts';

export const APPLY_CUSTODY_EVENT = graphql(`
  mutation ApplyCustodyEvent($event: CustodyEventInput!) {
    applyCustodyEvent(event: $event) {
      outcome
      referralId
    }
  }
`);

export type GatewayAnswer =
  | { kind: 'applied'; outcome: CustodyEventOutcome; referralId: string | null }
  /** The hub answered an error: its code (AUTH.md), and for BAD_USER_INPUT the input path. */
  | { kind: 'refused'; code: string; field: string | undefined; requestId: string | undefined }
  /** No GraphQL answer: the gateway unreachable, timed out, or a proxy's 5xx. */
  | { kind: 'unreachable'; detail: string };

interface Body {
  data?: { applyCustodyEvent?: { outcome: CustodyEventOutcome; referralId: string | null } | null } | null;
  errors?: { extensions?: { code?: unknown; field?: unknown; requestId?: unknown } }[];
}

export interface GatewayClientOptions {
  url: string;
  timeoutMs?: number;
}

export async function applyCustodyEvent(
  options: GatewayClientOptions,
  token: string,
  event: CustodyEventInput,
  signal?: AbortSignal,
): Promise<GatewayAnswer> {
  let response: Response;
  try {
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 15_000);
    response = await fetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ query: APPLY_CUSTODY_EVENT.toString(), variables: { event } }),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (error) {
    return { kind: 'unreachable', detail: error instanceof Error ? error.name : 'fetch failed' };
  }
  let body: Body;
  try {
    body = (await response.json()) as Body;
  } catch {
    return { kind: 'unreachable', detail: `HTTP ${response.status} without a GraphQL answer` };
  }
  const result = body.data?.applyCustodyEvent;
  if (result && !body.errors?.length) {
    return { kind: 'applied', outcome: result.outcome, referralId: result.referralId ?? null };
  }
  const extensions = body.errors?.[0]?.extensions ?? {};
  const code =
    typeof extensions.code === 'string'
      ? extensions.code
      : response.status === 401
        ? 'UNAUTHENTICATED'
        : 'INTERNAL_SERVER_ERROR';
  return {
    kind: 'refused',
    code,
    field: typeof extensions.field === 'string' ? extensions.field : undefined,
    requestId: typeof extensions.requestId === 'string' ? extensions.requestId : undefined,
  };
}
