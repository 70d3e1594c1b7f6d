/**
 * Calls from one subgraph to another on behalf of the original caller (ARCHITECTURE.md): the
 * callee receives the caller's principal in an internal token signed like the gateway's, so its own
 * permissions still apply. Errors keep their hub codes; an unreachable subgraph is
 * DOWNSTREAM_SERVICE_ERROR. Never call while holding a database transaction open (see @reconnect/db).
 */
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { callsAudience, internalRequestHeaders, type InternalKeys, type Principal } from '@reconnect/auth';
import { hubError, isHubError, type SubgraphContext } from '@reconnect/graph';
import {
  OUTCOME_OK,
  SpanKind,
  outcomeLabel,
  traceSpan,
  type DeployableMetrics,
} from '@reconnect/observability';

export interface HubClientOptions {
  /** The keys of the audiences this process calls (and its own); see INTERNAL_CALLS. */
  internalKeys: InternalKeys;
  subgraphUrls: Record<string, string>;
  /** The calling subgraph's name, recorded in the token. */
  callerName: string;
  timeoutMs?: number;
  /** The calling subgraph's metrics: each call's duration by callee and outcome. */
  metrics?: DeployableMetrics | undefined;
}

export interface OnBehalfOf {
  principal: Principal;
  /** The hub's id of the request being served (a new one when there is none: a background job). */
  requestId?: string;
  /** The client's correlation id of that request, carried on so the callee's audit keeps it too. */
  correlationId?: string | undefined;
  purpose?: string | undefined;
}

export class HubClient {
  constructor(private readonly options: HubClientOptions) {}

  /**
   * Calls `subgraph` in a span of its own (the fetch inside it carries `traceparent`), timed by
   * callee and outcome (the hub code of the answer's first error, `ok`, or `OTHER`).
   */
  async call<T>(
    subgraph: string,
    query: string,
    variables: Record<string, unknown>,
    onBehalfOf: OnBehalfOf,
  ): Promise<T> {
    // Security: only the declared calls (INTERNAL_CALLS); the keys held enforce it too.
    if (!callsAudience(this.options.callerName, subgraph)) {
      throw new Error(`${this.options.callerName} is not declared to call ${subgraph} (INTERNAL_CALLS)`);
    }
    const started = performance.now();
    let outcome = OUTCOME_OK;
    try {
      return await traceSpan(
        `call ${subgraph}`,
        { 'reconnect.subgraph': subgraph, 'reconnect.caller': this.options.callerName },
        () => this.send<T>(subgraph, query, variables, onBehalfOf),
        SpanKind.CLIENT,
      );
    } catch (error) {
      outcome = outcomeLabel((error as { extensions?: { code?: unknown } }).extensions?.code);
      throw error;
    } finally {
      this.options.metrics?.subgraphFetchDuration.observe(
        { subgraph, outcome },
        (performance.now() - started) / 1000,
      );
    }
  }

  private async send<T>(
    subgraph: string,
    query: string,
    variables: Record<string, unknown>,
    onBehalfOf: OnBehalfOf,
  ): Promise<T> {
    const url = this.options.subgraphUrls[subgraph];
    if (!url) throw new Error(`no URL for subgraph ${subgraph}`);
    const requestId = onBehalfOf.requestId ?? randomUUID();
    const headers = await internalRequestHeaders(
      this.options.internalKeys,
      subgraph,
      {
        principal: onBehalfOf.principal,
        requestId,
        correlationId: onBehalfOf.correlationId,
        purpose: onBehalfOf.purpose,
        caller: this.options.callerName,
      },
      { query, variables },
    );
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      // The client learns only which service; the subgraph's log gets the URL and the cause.
      throw downstream(`The ${subgraph} service could not be reached.`, url, error);
    }
    let body: { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
    try {
      body = (await response.json()) as typeof body;
    } catch (error) {
      throw downstream(`The ${subgraph} service answered with something unreadable.`, url, error);
    }
    const first = body.errors?.[0];
    if (first) {
      const error = new GraphQLError(first.message, { extensions: first.extensions ?? {} });
      if (isHubError(error)) throw error;
      // It was reached and failed: an internal error of the hub, not an unreachable service. Its
      // own log has the detail under the same request id.
      throw new Error(
        `${subgraph} answered ${String(first.extensions?.['code'] ?? 'an error')} (request ${requestId})`,
      );
    }
    if (!body.data) throw hubError('DOWNSTREAM_SERVICE_ERROR', `The ${subgraph} service returned no data.`);
    return body.data;
  }
}

/** What a call on the caller's behalf needs of the request: who serves it, for whom, and the deps. */
export type CallingRequest = Pick<
  SubgraphContext,
  'subgraph' | 'deps' | 'principal' | 'requestId' | 'correlationId' | 'purpose'
>;

/**
 * Calls to other subgraphs on behalf of this request's caller, so that the owners' permissions
 * decide what the caller may learn. Never call while a transaction is open: PGlite has one
 * connection.
 */
export function hubFor(ctx: CallingRequest) {
  const client = new HubClient({
    internalKeys: ctx.deps.internalKeys,
    subgraphUrls: ctx.deps.subgraphUrls,
    callerName: ctx.subgraph,
    metrics: ctx.deps.metrics,
  });
  const onBehalfOf = {
    principal: ctx.principal,
    requestId: ctx.requestId,
    correlationId: ctx.correlationId,
    purpose: ctx.purpose,
  };
  return {
    call: <T>(subgraph: string, query: string, variables: Record<string, unknown>) =>
      client.call<T>(subgraph, query, variables, onBehalfOf),
  };
}

/** A DOWNSTREAM_SERVICE_ERROR that keeps its cause (with the URL) for the log, never for the client. */
function downstream(message: string, url: string, cause: unknown): GraphQLError {
  const reason =
    cause instanceof Error
      ? `${cause.message}${cause.cause instanceof Error ? `: ${cause.cause.message}` : ''}`
      : String(cause);
  return new GraphQLError(message, {
    extensions: { code: 'DOWNSTREAM_SERVICE_ERROR' },
    originalError: new Error(`POST ${url} failed: ${reason}`),
  });
}
