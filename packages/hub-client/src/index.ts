/**
 * Calls from one subgraph to another on behalf of the original caller (ARCHITECTURE.md): the
 * callee receives the caller's principal in an internal token signed like the gateway's, so its own
 * permissions still apply. Errors keep their hub codes; an unreachable subgraph is
 * DOWNSTREAM_SERVICE_ERROR. Never call while holding a database transaction open (see @reconnect/db).
 */
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import {
  INTERNAL_TOKEN_HEADER,
  PURPOSE_HEADER,
  REQUEST_ID_HEADER,
  requestBodyHash,
  signInternalToken,
  type Principal,
} from '@reconnect/auth';
import { hubError, isHubError } from '@reconnect/graph';

export interface HubClientOptions {
  internalSecret: string;
  subgraphUrls: Record<string, string>;
  /** The calling subgraph's name, recorded in the token. */
  callerName: string;
  timeoutMs?: number;
}

export interface OnBehalfOf {
  principal: Principal;
  requestId?: string;
  purpose?: string | undefined;
}

export class HubClient {
  constructor(private readonly options: HubClientOptions) {}

  async call<T>(
    subgraph: string,
    query: string,
    variables: Record<string, unknown>,
    onBehalfOf: OnBehalfOf,
  ): Promise<T> {
    const url = this.options.subgraphUrls[subgraph];
    if (!url) throw new Error(`no URL for subgraph ${subgraph}`);
    const requestId = onBehalfOf.requestId ?? randomUUID();
    const token = await signInternalToken(
      this.options.internalSecret,
      subgraph,
      {
        principal: onBehalfOf.principal,
        requestId,
        purpose: onBehalfOf.purpose,
        caller: this.options.callerName,
      },
      requestBodyHash(query, variables),
    );
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [INTERNAL_TOKEN_HEADER]: token,
          [REQUEST_ID_HEADER]: requestId,
          ...(onBehalfOf.purpose ? { [PURPOSE_HEADER]: onBehalfOf.purpose } : {}),
        },
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
