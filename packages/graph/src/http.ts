/**
 * A small node:http front for Apollo Server: body size limit, JSON parsing, the GraphQL route, and
 * plain GET routes (health checks). Apollo Server 5 ships no HTTP framework integration of its own
 * beyond the standalone server, which cannot add routes; this keeps the hub free of one.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { OUTCOME_OK, outcomeOfStatus, traceIncoming, type DeployableMetrics } from '@reconnect/observability';

export type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface GraphqlHttpOptions<C extends BaseContext> {
  server: ApolloServer<C>;
  /**
   * Builds the request context; throw a GraphQLError with `extensions.http.status` to refuse. `res`
   * is the response, whose 'close' event fires once on every path (answered, failed, client gone).
   */
  context: (req: IncomingMessage, body: unknown, res: ServerResponse) => Promise<C>;
  maxBodyBytes: number;
  /**
   * The largest answer sent, in bytes: a larger one is measured before anything is written and
   * replaced by HTTP 429 RATE_LIMITED (next/trust.md, GATEWAY_MAX_RESPONSE_BYTES). Unset: no cap.
   */
  maxResponseBytes?: number;
  path?: string;
  /** Other routes by path (GET and HEAD). */
  routes?: Record<string, Route>;
  /** Route for GET on the GraphQL path when the client wants HTML (the IDE in development). */
  landingPage?: Route;
  /** Where each GraphQL request's duration goes, by operation and outcome (see `requestObservation`). */
  metrics?: DeployableMetrics;
  /**
   * Keep a well-formed `x-request-id` as the request's id: only for servers that answer the hub's
   * own processes (the subgraphs, whose callers are the gateway and each other). Unset (the
   * gateway), every request gets a new id and the caller's is its correlation id.
   */
  trustRequestIdHeader?: boolean;
}

/**
 * What the request's GraphQL execution learnt for its metric and span: the operation label (a root
 * field of the schema, see `operationLabel`) and the outcome (`ok` or the first error's code).
 * Plugins find it through the request context; a request refused before any context (a body too
 * large, a bad token) keeps `unknown` and the outcome of its HTTP status.
 */
export interface RequestObservation {
  operation?: string;
  outcome?: string;
}
/**
 * Kept on the context under a symbol: Apollo hands plugins a shallow copy of the context object,
 * which keeps its own enumerable properties, symbols included.
 */
const OBSERVATION = Symbol('request observation');

/** The observation of the request whose context this is (undefined outside an HTTP request). */
export function requestObservation(context: unknown): RequestObservation | undefined {
  return context && typeof context === 'object'
    ? (context as { [OBSERVATION]?: RequestObservation })[OBSERVATION]
    : undefined;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** What a caller whose answer is over GATEWAY_MAX_RESPONSE_BYTES is told (retrying does not help). */
export function answerTooLargeMessage(max: number): string {
  return `The answer would be larger than ${max} bytes. Ask for fewer fields or smaller pages.`;
}

function errorBody(message: string, code: string, requestId: string) {
  return { errors: [{ message, extensions: { code, requestId } }] };
}

const REQUEST_ID_HEADER = 'x-request-id';
export const CORRELATION_ID_HEADER = 'x-correlation-id';
/** What an `x-request-id` from inside the hub (the gateway, a subgraph) may look like to be kept. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;
/**
 * What a caller's own id may be to be kept as its correlation id (next/trust.md, "The audit's
 * request id"): 1 to 128 printable ASCII characters. Anything else (longer, a control character,
 * a byte outside ASCII) is dropped whole rather than cut or cleaned: a changed id correlates nothing.
 */
export const CORRELATION_ID_PATTERN = /^[\x20-\x7e]{1,128}$/;

/** A request's ids: the hub's own, and the caller's correlation id beside it when it sent a usable one. */
export interface RequestIds {
  requestId: string;
  correlationId?: string | undefined;
}

/**
 * The caller's correlation id at the hub's edge: its `x-correlation-id` (what the BaRS FHIR
 * endpoint passes on), else its `x-request-id`, when it fits CORRELATION_ID_PATTERN.
 */
export function correlationIdOf(
  header: (name: string) => string | string[] | null | undefined,
): string | undefined {
  for (const name of [CORRELATION_ID_HEADER, REQUEST_ID_HEADER]) {
    const value = header(name);
    if (typeof value === 'string' && CORRELATION_ID_PATTERN.test(value)) return value;
  }
  return undefined;
}

/**
 * The ids of a request at the hub's edge (the gateway): a new UUID, always. Security: a caller's
 * id decided what the audit trail folded together (a read hidden behind another caller's, or
 * behind its own earlier narrower read); now it is only kept, as `correlationId`, and decides
 * nothing (docs/RELIABILITY.md, "The audit's request id").
 */
export function edgeRequestIds(header: (name: string) => string | string[] | null | undefined): RequestIds {
  const correlationId = correlationIdOf(header);
  return { requestId: randomUUID(), ...(correlationId ? { correlationId } : {}) };
}

const requestIds = new WeakMap<IncomingMessage, RequestIds>();

/**
 * The ids of a request, the same for the whole request, so the context, the logs, the audit
 * events and the answer agree. Edge ids (a new UUID) unless the handler was told the request
 * comes from inside the hub (`trustRequestIdHeader`, the subgraphs), where `x-request-id` is the
 * gateway's own id.
 */
export function requestIdsOf(req: IncomingMessage, trustRequestIdHeader = false): RequestIds {
  let ids = requestIds.get(req);
  if (!ids) {
    const header = req.headers[REQUEST_ID_HEADER];
    ids =
      trustRequestIdHeader && typeof header === 'string' && REQUEST_ID_PATTERN.test(header)
        ? { requestId: header }
        : trustRequestIdHeader
          ? { requestId: randomUUID() }
          : edgeRequestIds((name) => req.headers[name]);
    requestIds.set(req, ids);
  }
  return ids;
}

/** The hub's id of a request (see requestIdsOf). */
export function requestIdOf(req: IncomingMessage): string {
  return requestIdsOf(req).requestId;
}

/**
 * Apollo answers some refusals (a failed context, a bad request) before any plugin sees a request
 * context; their errors get the request id here, like every other error.
 */
function withRequestId(body: string, requestId: string): string {
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: Record<string, unknown> }[] };
    if (!Array.isArray(parsed.errors)) return body;
    for (const error of parsed.errors) error.extensions = { ...error.extensions, requestId };
    return JSON.stringify(parsed);
  } catch {
    return body;
  }
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function createGraphqlHttpHandler<C extends BaseContext>(options: GraphqlHttpOptions<C>) {
  const path = options.path ?? '/graphql';
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { requestId, correlationId } = requestIdsOf(req, options.trustRequestIdHeader);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    // The caller's own id back beside the hub's, so it can match the answer to what it sent.
    if (correlationId) res.setHeader(CORRELATION_ID_HEADER, correlationId);
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const route = options.routes?.[url.pathname];
      if (route && (req.method === 'GET' || req.method === 'HEAD')) {
        await route(req, res);
        return;
      }
      if (url.pathname !== path) {
        sendJson(res, 404, errorBody('Not found.', 'NOT_FOUND', requestId));
        return;
      }
      if (req.method === 'GET' && options.landingPage && (req.headers.accept ?? '').includes('text/html')) {
        await options.landingPage(req, res);
        return;
      }
      let body: unknown;
      if (req.method === 'POST') {
        let text: string;
        try {
          text = await readBody(req, options.maxBodyBytes);
        } catch (error) {
          if (error instanceof BodyTooLarge) {
            sendJson(
              res,
              413,
              errorBody(
                `The request body is larger than ${options.maxBodyBytes} bytes.`,
                'BAD_USER_INPUT',
                requestId,
              ),
              { connection: 'close' },
            );
            req.resume();
            return;
          }
          throw error;
        }
        if ((req.headers['content-type'] ?? '').includes('application/json')) {
          try {
            body = text.length ? JSON.parse(text) : undefined;
          } catch {
            sendJson(res, 400, errorBody('The request body is not valid JSON.', 'BAD_USER_INPUT', requestId));
            return;
          }
        } else {
          body = text;
        }
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const observation: RequestObservation = {};
      const started = performance.now();
      const method = req.method?.toUpperCase() ?? 'GET';
      const result = await traceIncoming(
        req.headers,
        `${method} ${path}`,
        {
          'http.request.method': method,
          'url.path': path,
          'reconnect.request_id': requestId,
          ...(correlationId ? { 'reconnect.correlation_id': correlationId } : {}),
          'reconnect.deployable': options.metrics?.deployable ?? 'graphql',
        },
        async (span) => {
          const answer = await options.server.executeHTTPGraphQLRequest({
            httpGraphQLRequest: { method, headers, search: url.search, body },
            context: async () => {
              const context = await options.context(req, body, res);
              (context as { [OBSERVATION]?: RequestObservation })[OBSERVATION] = observation;
              return context;
            },
          });
          const status = answer.status ?? 200;
          observation.outcome ??= status < 400 ? OUTCOME_OK : outcomeOfStatus(status);
          if (span) {
            if (observation.operation) span.updateName(`${method} ${path} ${observation.operation}`);
            span.setAttributes({
              'http.response.status_code': status,
              'graphql.operation.name': observation.operation ?? 'unknown',
              'reconnect.outcome': observation.outcome,
            });
          }
          return answer;
        },
      );
      options.metrics?.requestDuration.observe(
        { operation: observation.operation ?? 'unknown', outcome: observation.outcome ?? OUTCOME_OK },
        (performance.now() - started) / 1000,
      );
      const max = options.maxResponseBytes;
      if (
        max !== undefined &&
        result.body.kind === 'complete' &&
        Buffer.byteLength(result.body.string) > max
      ) {
        // Measured before anything is written: the caller gets the refusal, not a cut answer.
        sendJson(res, 429, errorBody(answerTooLargeMessage(max), 'RATE_LIMITED', requestId));
        return;
      }
      for (const [key, value] of result.headers) res.setHeader(key, value);
      res.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') {
        if (res.statusCode >= 400) {
          res.removeHeader('content-length');
          res.end(withRequestId(result.body.string, requestId));
        } else {
          res.end(result.body.string);
        }
      } else {
        // An incremental answer (none is served today) cannot be refused once started: cut it.
        let sent = 0;
        for await (const chunk of result.body.asyncIterator) {
          sent += Buffer.byteLength(chunk);
          if (max !== undefined && sent > max) return void res.destroy();
          res.write(chunk);
        }
        res.end();
      }
    } catch {
      if (!res.headersSent)
        sendJson(res, 500, errorBody('Internal server error.', 'INTERNAL_SERVER_ERROR', requestId));
      else res.end();
    }
  };
}

export interface Listening {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** Listens on `port` (0 for a free one) and resolves with the URL of `path` there. */
export async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  port: number,
  host: string,
  path = '/graphql',
): Promise<Listening> {
  const server = createServer((req, res) => void handler(req, res));
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    url: `http://${shownHost}:${address.port}${path}`,
    port: address.port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      }),
  };
}
