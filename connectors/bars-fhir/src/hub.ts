/**
 * The connector's only way into the hub: typed GraphQL documents POSTed to the gateway's public
 * endpoint with the caller's own bearer token (AUTH.md, "Clients in front of the gateway"), so the
 * hub's rules apply to the NHS system exactly as to any other client. The hub's errors come back as
 * `HubError`s with their code; an unreachable gateway is DOWNSTREAM_SERVICE_ERROR.
 */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

export interface HubErrorDetail {
  code: string;
  /** BAD_USER_INPUT: the input path, e.g. `input.person.nhsNumber`. */
  field?: string | undefined;
  /** INELIGIBLE: the DeclineReason. */
  reason?: string | undefined;
  path?: readonly (string | number)[] | undefined;
  /** The hub's message: written for the caller, never carrying personal data (AUTH.md, "Errors"). */
  message?: string | undefined;
}

/** The connector's code for a request the gateway refused as too large (HTTP 413). */
export const REQUEST_TOO_LARGE = 'REQUEST_TOO_LARGE';

export class HubError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  readonly reason: string | undefined;
  readonly hubMessage: string | undefined;
  constructor(detail: HubErrorDetail) {
    super(`the hub answered ${detail.code}`);
    this.name = 'HubError';
    this.code = detail.code;
    this.field = detail.field;
    this.reason = detail.reason;
    this.hubMessage = detail.message;
  }
}

interface GraphqlBody {
  data?: Record<string, unknown> | null;
  errors?: { message?: unknown; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface Caller {
  /** The bearer token exactly as the caller sent it. */
  token: string;
  /**
   * The caller's X-Request-Id and X-Correlation-Id, passed on as they came. The gateway gives each
   * request its own id and keeps the caller's X-Correlation-Id (else its X-Request-Id) beside it as
   * the audit's `correlationId` (next/trust.md): neither decides anything in the hub.
   */
  requestId?: string | undefined;
  correlationId?: string | undefined;
}

export class HubClient {
  constructor(
    private readonly gatewayUrl: string,
    private readonly timeoutMs = 15_000,
  ) {}

  /**
   * Sends one operation and answers its data. Throws HubError when the hub answered an error at
   * the operation's root field or no data (a refused mutation, an unauthenticated token).
   */
  async send<T, V>(
    caller: Caller,
    document: DocumentTypeDecoration<T, V> & { toString(): string },
    variables: V,
  ): Promise<T> {
    const response = await fetch(this.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: `Bearer ${caller.token}`,
        ...(caller.requestId ? { 'x-request-id': caller.requestId } : {}),
        ...(caller.correlationId ? { 'x-correlation-id': caller.correlationId } : {}),
      },
      body: JSON.stringify({ query: document.toString(), variables }),
      signal: AbortSignal.timeout(this.timeoutMs),
    }).catch(() => {
      throw new HubError({ code: 'DOWNSTREAM_SERVICE_ERROR' });
    });
    // The gateway refused the request's size: the message was too large (REQUEST_TOO_LARGE is the
    // connector's own code for it, never the hub's), not a bad value.
    if (response.status === 413) {
      await response.body?.cancel();
      throw new HubError({ code: REQUEST_TOO_LARGE });
    }
    let body: GraphqlBody;
    try {
      body = (await response.json()) as GraphqlBody;
    } catch {
      throw new HubError({ code: response.status === 401 ? 'UNAUTHENTICATED' : 'DOWNSTREAM_SERVICE_ERROR' });
    }
    const errors = (body.errors ?? []).map(detailOf);
    if (response.status === 401 || errors.some((e) => e.code === 'UNAUTHENTICATED')) {
      throw new HubError({ code: 'UNAUTHENTICATED' });
    }
    const data = body.data;
    if (data === null || data === undefined) {
      throw new HubError(errors[0] ?? { code: 'DOWNSTREAM_SERVICE_ERROR' });
    }
    // An error at a root field that came back null: the operation itself failed.
    const atRoot = errors.find(
      (e) => e.path?.length === 1 && typeof e.path[0] === 'string' && data[e.path[0]] === null,
    );
    if (atRoot) throw new HubError(atRoot);
    // A subgraph that could not be reached leaves its fields null beside the error.
    const downstream = errors.find((e) => e.code === 'DOWNSTREAM_SERVICE_ERROR');
    if (downstream) throw new HubError(downstream);
    return data as T;
  }
}

function detailOf(error: NonNullable<GraphqlBody['errors']>[number]): HubErrorDetail {
  const extensions = error.extensions ?? {};
  return {
    code: typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR',
    field: typeof extensions.field === 'string' ? extensions.field : undefined,
    reason: typeof extensions.reason === 'string' ? extensions.reason : undefined,
    path: error.path,
    message: typeof error.message === 'string' ? error.message : undefined,
  };
}
