/**
 * The console's only way into the hub: POSTs typed GraphQL documents to the gateway's public
 * endpoint with the signed-in user's token, exactly as any outside client would (AUTH.md, "Clients
 * in front of the gateway"). Staff requests say why they read a person (`x-purpose-of-use`), which
 * the hub records in that person's access log.
 *
 * Errors are turned into `HubError`s with the hub's code; their messages are never shown to a user
 * (views map the code to words a worker understands), so no GraphQL text reaches a page.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

export const PURPOSE_OF_USE = 'direct care';

export interface HubErrorDetail {
  code: string;
  /** For BAD_USER_INPUT: the input path, e.g. `input.occurredAt` or `releasedOn`. */
  field?: string | undefined;
  path?: (string | number)[] | undefined;
  requestId?: string | undefined;
  /** For INELIGIBLE: the eligibility rule broken, a `DeclineReason`. */
  reason?: string | undefined;
}

/** A hub error the page has to deal with (the operation did not happen, or nothing came back). */
export class HubError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  readonly requestId: string | undefined;
  readonly reason: string | undefined;
  constructor(detail: HubErrorDetail) {
    super(`hub answered ${detail.code}${detail.field ? ` (${detail.field})` : ''}`);
    this.name = 'HubError';
    this.code = detail.code;
    this.field = detail.field;
    this.requestId = detail.requestId;
    this.reason = detail.reason;
  }
}

/** The token was refused (expired, revoked): the user must sign in again. */
export class SignInRequiredError extends Error {
  constructor() {
    super('the hub refused the session token');
    this.name = 'SignInRequiredError';
  }
}

export interface HubAnswer<T> {
  data: T;
  /** Errors beside data: parts the hub could not load (DOWNSTREAM_SERVICE_ERROR) or may not show. */
  problems: HubErrorDetail[];
}

export interface Caller {
  token: string;
  /** Staff read people for direct care; the header is sent only when set. */
  purposeOfUse?: string | undefined;
}

interface GraphqlBody {
  data?: unknown;
  errors?: { path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface GatewayClientOptions {
  url: string;
  timeoutMs?: number;
}

export class GatewayClient {
  private readonly printed = new WeakMap<object, string>();
  constructor(private readonly options: GatewayClientOptions) {}

  /**
   * Sends one operation. Throws `HubError` when the hub answered errors and no data (a refused
   * mutation, an unknown id), and `SignInRequiredError` on 401; otherwise answers the data with any
   * errors beside it, so a page can show what loaded and say what did not.
   */
  async send<T, V extends Record<string, unknown>>(
    caller: Caller,
    document: TypedDocumentNode<T, V>,
    variables: V,
  ): Promise<HubAnswer<T>> {
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: `Bearer ${caller.token}`,
        ...(caller.purposeOfUse ? { 'x-purpose-of-use': caller.purposeOfUse } : {}),
      },
      body: JSON.stringify({ query: this.textOf(document), variables }),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
    }).catch(() => {
      // Unreachable gateway or timeout: the page says the hub could not be reached.
      throw new HubError({ code: 'HUB_UNREACHABLE' });
    });
    if (response.status === 401) throw new SignInRequiredError();
    let body: GraphqlBody;
    try {
      body = (await response.json()) as GraphqlBody;
    } catch {
      throw new HubError({ code: 'HUB_UNREACHABLE' });
    }
    const problems = (body.errors ?? []).map(detailOf);
    if (problems.some((p) => p.code === 'UNAUTHENTICATED')) throw new SignInRequiredError();
    if (body.data === null || body.data === undefined || hasNullRootWithError(body, problems)) {
      throw new HubError(problems[0] ?? { code: 'INTERNAL_SERVER_ERROR' });
    }
    return { data: body.data as T, problems };
  }

  private textOf(document: object): string {
    let text = this.printed.get(document);
    if (!text) {
      text = print(document as Parameters<typeof print>[0]);
      this.printed.set(document, text);
    }
    return text;
  }
}

function detailOf(error: NonNullable<GraphqlBody['errors']>[number]): HubErrorDetail {
  const extensions = error.extensions ?? {};
  return {
    code: typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR',
    field: typeof extensions.field === 'string' ? extensions.field : undefined,
    path: error.path,
    requestId: typeof extensions.requestId === 'string' ? extensions.requestId : undefined,
    reason: typeof extensions.reason === 'string' ? extensions.reason : undefined,
  };
}

/** A mutation or root query whose own field failed: `data: { acceptReferral: null }` with an error at it. */
function hasNullRootWithError(body: GraphqlBody, problems: HubErrorDetail[]): boolean {
  const data = body.data as Record<string, unknown>;
  return problems.some(
    (p) => p.path?.length === 1 && typeof p.path[0] === 'string' && data[p.path[0]] === null,
  );
}
