/**
 * The committed supergraph served by a second federation engine, Hive Gateway (The Guild's
 * `@graphql-hive/gateway-runtime`), so that benchmarks can run it beside the Apollo gateway in
 * gateway.ts and the hub can offer it if it is faster (issue 8).
 *
 * It keeps the edge semantics the subgraphs and callers rely on (ARCHITECTURE.md, "A request"):
 * the caller's JWT is verified before anything is parsed (401 UNAUTHENTICATED otherwise); every
 * subgraph fetch carries the internal token, signed for that subgraph and bound to the exact body
 * sent, with the request id and the purpose of use; every subgraph fetch has a timeout; a subgraph
 * that is down, slow or answering non-2xx becomes DOWNSTREAM_SERVICE_ERROR with the rest of the
 * answer kept; and errors are masked with the same rules as the Apollo gateway (errors.ts).
 *
 * It applies the same limits and refusals, defined once in limits.ts: the body size (413), no HTTP
 * batching, Apollo's CSRF rule, the token limit and the NUL-in-variables check before parsing, and
 * graphql-armor's depth, cost, alias and directive limits with the object limit as validation rules,
 * so an over-limit operation reaches no subgraph; field suggestions are blocked, and introspection
 * is off outside development. Refusals carry the Apollo gateway's status, code and message, and
 * like it this engine is fit for production.
 *
 * Not carried over: the development IDE; and /ready says the supergraph is loaded without asking
 * the subgraphs.
 */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import {
  createGatewayRuntime,
  Logger as HiveLogger,
  type GatewayPlugin,
  type GatewayRuntime,
  type LogLevel,
} from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import httpTransport from '@graphql-mesh/transport-http';
import { GraphQLError, Kind, parse, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import {
  AuthenticationError,
  PURPOSE_HEADER,
  REQUEST_ID_HEADER,
  internalRequestHeaders,
  type Principal,
} from '@reconnect/auth';
import {
  CORRELATION_ID_HEADER,
  edgeRequestIds,
  listen,
  loggableError,
  type Listening,
  type Logger,
} from '@reconnect/graph';
import { OUTCOME_OK, createDeployableMetrics, metricsRoute, outcomeOfStatus } from '@reconnect/observability';
import {
  DIRECTORY_COUNT_TIMEOUT_MS,
  DIRECTORY_REFRESH_MS,
  DirectoryCounter,
  changedDirectory,
  type DirectoryCounts,
} from './bounds.ts';
import { isValueCompletionError, maskGatewayError, withoutResponseExtensions } from './errors.ts';
import { hubScalarLiteralsRule, hubScalarVariablesError } from './inputs.ts';
import {
  AnswerTooLarge,
  CSRF_MESSAGE,
  DEFAULT_LIMITS,
  IN_FLIGHT_RETRY_AFTER_SECONDS,
  InFlight,
  answerTooLarge,
  armorConfig,
  byteBudget,
  checkRequest,
  looksLikeCsrf,
  objectLimit,
  textWithin,
  type ByteBudget,
  type GatewayLimits,
} from './limits.ts';
import { operationReads } from './reads.ts';
import type { Gateway, GatewayOptions } from './gateway.ts';

/**
 * The Apollo gateway's options, `limits` included, and the query planner: `tools` is Hive's own
 * (`@graphql-tools/federation`, in JavaScript); `router` is Hive Router's, in Rust
 * (`@graphql-hive/router-runtime`, which loads `@graphql-hive/router-query-planner`'s native
 * module). Everything else in this file is the same for both.
 */
export type HiveGatewayOptions = GatewayOptions & { planner?: 'tools' | 'router' };

export interface HiveGateway extends Pick<Gateway, 'listen' | 'stop'> {
  runtime: GatewayRuntime;
}

/** What the edge knows of one incoming request, from `onRequest` to the last subgraph fetch. */
interface Edge {
  /** The hub's own id: a new UUID for every request, as gateway.ts (next/trust.md). */
  requestId: string;
  /** The client's X-Correlation-Id or X-Request-Id, when usable: kept, decides nothing. */
  correlationId?: string | undefined;
  principal?: Principal;
  purpose?: string | undefined;
  reads?: Record<string, string[]>;
  /** What this request may still read from subgraphs (GATEWAY_MAX_RESPONSE_BYTES). */
  budget?: ByteBudget;
}

const GRAPHQL_PATH = '/graphql';

/** The subgraph names the supergraph declares (`join__Graph` values' `@join__graph(name:)`). */
function subgraphNamesOf(supergraph: DocumentNode): string[] {
  const names: string[] = [];
  for (const definition of supergraph.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const directive = value.directives?.find((d) => d.name.value === 'join__graph');
      const name = directive?.arguments?.find((a) => a.name.value === 'name')?.value;
      if (name?.kind === Kind.STRING) names.push(name.value);
    }
  }
  return names;
}

/** Hive's own log lines go to the hub's pino logger, at the same level. */
function hiveLoggerOf(logger: Logger): HiveLogger {
  const levels: readonly string[] = ['trace', 'debug', 'info', 'warn', 'error'];
  const level: LogLevel | false =
    logger.level === 'fatal' ? 'error' : levels.includes(logger.level) ? (logger.level as LogLevel) : false;
  return new HiveLogger({
    level,
    // Hive's error and debug lines carry subgraph request bodies (variables: personal data), headers
    // (the internal token) and results: none of them goes into the hub's logs.
    redact: {
      paths: [
        'body',
        'headers',
        'variables',
        'data',
        'request',
        'response',
        'extensions.request',
        'extensions.response',
      ],
      remove: true,
    },
    writers: [
      {
        write(at, attrs, msg) {
          logger[at]({ ...attrs }, msg ?? '');
        },
      },
    ],
  });
}

function jsonResponse(
  status: number,
  body: unknown,
  requestId: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      [REQUEST_ID_HEADER]: requestId,
      ...headers,
    },
  });
}

/** An answer of one error, as the Apollo gateway gives a request it refuses before running it. */
function refusal(
  status: number,
  message: string,
  requestId: string,
  code = 'BAD_USER_INPUT',
  headers: Record<string, string> = {},
  extensions: Record<string, unknown> = {},
): Response {
  return jsonResponse(
    status,
    { errors: [{ message, extensions: { code, ...extensions, requestId } }] },
    requestId,
    headers,
  );
}

/** The body of `request` as text, or undefined when it is over `limit` bytes (read no further). */
async function bodyWithin(request: Request, limit: number): Promise<string | undefined> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) return undefined;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Whether a parsed POST body is a JSON object with at least one key (what Apollo Server requires). */
function isOperationBody(body: unknown): boolean {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length > 0;
}

/** graphql-armor's limits (limits.ts, as gateway.ts) and the object limit, as Hive plugins. */
function limitPlugins(
  limits: GatewayLimits,
  options: HiveGatewayOptions,
  counts: DirectoryCounts,
): GatewayPlugin[] {
  const config = armorConfig(limits, options.environment);
  // Apollo Server drops a suggestion whole (`hideSchemaDetailsFromClientErrors`): no mask here either.
  config.blockFieldSuggestion = { ...config.blockFieldSuggestion, mask: '' };
  const armor = new EnvelopArmor(config).protect();
  const rule = objectLimit(limits, counts);
  return [
    ...(armor.plugins as GatewayPlugin[]),
    {
      onValidate({ addValidationRule }) {
        addValidationRule(rule);
        addValidationRule(hubScalarLiteralsRule);
      },
    },
  ];
}

/** The headers of a subgraph fetch as a plain record, whatever form the transport gave them in. */
function headerRecord(headers: unknown): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers) return Object.fromEntries(headers.entries());
  if (Array.isArray(headers)) return Object.fromEntries(headers as [string, string][]);
  return { ...(headers as Record<string, string>) };
}

/** The correlation id of a request, for a log line (nothing when the client sent none). */
function correlationOf(edge: Edge | undefined): { correlationId?: string } {
  return edge?.correlationId ? { correlationId: edge.correlationId } : {};
}

/** The code our own fetch hook gives a subgraph answer past the byte budget; never reaches a client. */
const SUBGRAPH_TOO_LARGE = 'HUB_SUBGRAPH_TOO_LARGE';
/** The code our own fetch hook gives a subgraph's non-2xx answer; never reaches a client. */
const SUBGRAPH_UNAVAILABLE = 'HUB_SUBGRAPH_UNAVAILABLE';
/** Hive's codes for a subgraph that could not answer: refused or failed fetch, and timeout. */
const UNAVAILABLE_CODES = new Set([SUBGRAPH_UNAVAILABLE, 'SUBREQUEST_HTTP_ERROR', 'GATEWAY_TIMEOUT']);

/**
 * Hive's errors in the shape errors.ts expects of Apollo's: a subgraph that could not answer is
 * DOWNSTREAM_SERVICE_ERROR with gateway.ts's message (never the fetch error's, which names the
 * subgraph's URL); a variable that does not coerce is the caller's BAD_USER_INPUT (Apollo's code
 * for it); a validation error loses graphql-js's "Did you mean" (Apollo's gateway blocks those).
 */
function normalise(error: GraphQLFormattedError): GraphQLFormattedError {
  const ext = (error.extensions ?? {}) as Record<string, unknown>;
  if (typeof ext.code === 'string' && UNAVAILABLE_CODES.has(ext.code)) {
    const service = typeof ext.serviceName === 'string' ? `The ${ext.serviceName} service` : 'A service';
    return {
      ...error,
      message: `${service} is unavailable; its part of the answer is missing.`,
      extensions: { code: 'DOWNSTREAM_SERVICE_ERROR' },
    };
  }
  if (!error.path && (ext.code === undefined || ext.code === 'GRAPHQL_VALIDATION_FAILED')) {
    const message = error.message.replace(/ Did you mean .*$/s, '');
    const code = ext.code ?? (/^Variable "\$/.test(message) ? 'BAD_USER_INPUT' : undefined);
    const http = (ext.http as { status?: number } | undefined)?.status;
    return {
      ...error,
      message,
      extensions: { ...ext, code: code ?? (http && http < 500 ? 'BAD_USER_INPUT' : undefined) },
    };
  }
  return error;
}

/**
 * One error as the client may see it: the Apollo gateway's masking (errors.ts) plus the request id.
 * A GraphQLError again, so that Yoga takes the HTTP status of a request error from
 * `extensions.http` (400, as Apollo answers), which it never prints.
 */
function maskHiveError(error: GraphQLError, requestId: string): GraphQLError {
  const masked = maskGatewayError(normalise(error.toJSON()), error);
  const requestError = !masked.path && masked.extensions?.code === 'BAD_USER_INPUT';
  const out = new GraphQLError(masked.message, {
    ...(error.nodes ? { nodes: error.nodes } : {}),
    ...(error.source ? { source: error.source } : {}),
    ...(error.positions ? { positions: error.positions } : {}),
    ...(masked.path ? { path: masked.path } : {}),
    extensions: { ...masked.extensions, requestId, ...(requestError ? { http: { status: 400 } } : {}) },
  });
  if (!out.locations && masked.locations) {
    (out as { locations?: GraphQLFormattedError['locations'] }).locations = masked.locations;
  }
  return out;
}

/** Result errors are typed GraphQLError; one that is not (a plugin's plain object) is made one. */
function asGraphqlError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  const { message, path } = (error ?? {}) as Partial<GraphQLFormattedError>;
  return new GraphQLError(String(message), { ...(path ? { path } : {}) });
}

/**
 * The hub's edge as one Hive plugin: the request checks made before parsing (size, JSON, CSRF,
 * batching, tokens, NUL characters; in the Apollo gateway's order, with its answers), caller
 * verification, the request id, the internal token and headers on every subgraph fetch, non-2xx
 * subgraph answers as DOWNSTREAM_SERVICE_ERROR, and masking with logging of what was masked.
 */
function hubEdgePlugin(
  options: HiveGatewayOptions,
  limits: GatewayLimits,
  log: Logger,
  directory: DirectoryCounter,
): GatewayPlugin {
  // Keyed by the incoming Request, which Hive hands every hook (as `request` or `context.request`).
  const edges = new WeakMap<Request, Edge>();
  const inFlight = new InFlight(limits.maxInFlightPerCaller);
  /** Slots given back when a request's response is made, for a server without a Node response. */
  const releases = new WeakMap<Request, () => void>();
  return {
    async onRequest({ request: incoming, url, endResponse, setRequest, serverContext }) {
      let request = incoming;
      const edge: Edge = edgeRequestIds((name) => incoming.headers.get(name));
      edges.set(request, edge);
      if (url.pathname !== GRAPHQL_PATH) return; // /health, /ready and 404s carry no caller.
      const refuse = (status: number, message: string, headers?: Record<string, string>) =>
        endResponse(refusal(status, message, edge.requestId, 'BAD_USER_INPUT', headers));

      // The body, read once within the size limit (as @reconnect/graph's HTTP front for Apollo),
      // then handed on to Hive as the request's body.
      let body: unknown;
      if (request.method === 'POST') {
        const text = await bodyWithin(request, limits.maxBodyBytes);
        if (text === undefined) {
          return refuse(413, `The request body is larger than ${limits.maxBodyBytes} bytes.`, {
            connection: 'close',
          });
        }
        if ((request.headers.get('content-type') ?? '').includes('application/json')) {
          try {
            body = text.length ? JSON.parse(text) : undefined;
          } catch {
            return refuse(400, 'The request body is not valid JSON.');
          }
        } else {
          body = text;
        }
        const headers = new Headers(request.headers);
        headers.delete('content-length');
        request = new Request(request.url, { method: 'POST', headers, body: text });
        edges.set(request, edge);
        setRequest(request);
      }
      if (looksLikeCsrf(request.headers.get('content-type'), (name) => request.headers.get(name))) {
        return refuse(400, CSRF_MESSAGE);
      }

      try {
        edge.principal = await options.verify(request.headers.get('authorization') ?? undefined);
      } catch (error) {
        // As gateway.ts: the verifier's own message (it never says why a token failed), or, when
        // verifying itself failed (a JWKS endpoint down), a bare internal error.
        const refused = error instanceof AuthenticationError;
        if (!refused)
          log.error(
            { requestId: edge.requestId, ...correlationOf(edge), err: loggableError(error) },
            'token verification failed',
          );
        const answer = refused
          ? { status: 401, message: error.message, code: 'UNAUTHENTICATED' }
          : { status: 500, message: 'Internal server error.', code: 'INTERNAL_SERVER_ERROR' };
        endResponse(
          jsonResponse(
            answer.status,
            {
              errors: [
                { message: answer.message, extensions: { code: answer.code, requestId: edge.requestId } },
              ],
            },
            edge.requestId,
          ),
        );
        return;
      }
      edge.purpose = request.headers.get(PURPOSE_HEADER)?.slice(0, 200);

      try {
        checkRequest(body, request.url, limits);
      } catch (error) {
        return refuse(400, (error as Error).message);
      }
      if (Array.isArray(body)) return refuse(400, 'Operation batching disabled.');
      if (request.method === 'POST' && !isOperationBody(body)) {
        return refuse(400, 'POST body missing, invalid Content-Type, or JSON object has no keys.');
      }
      // As gateway.ts: the caller's requests in flight (GATEWAY_MAX_IN_FLIGHT_PER_CALLER), the slot
      // given back when the Node response closes (every path), and the request's byte budget.
      let release: () => void;
      try {
        release = inFlight.acquire(edge.principal.subject);
      } catch (error) {
        return endResponse(
          refusal(
            429,
            (error as Error).message,
            edge.requestId,
            'RATE_LIMITED',
            { 'retry-after': String(IN_FLIGHT_RETRY_AFTER_SECONDS) },
            { retryAfterSeconds: IN_FLIGHT_RETRY_AFTER_SECONDS },
          ),
        );
      }
      const res = (serverContext as { res?: ServerResponse } | undefined)?.res;
      if (res && (res.closed || res.destroyed)) release();
      else if (res) res.once('close', release);
      else {
        releases.set(request, release);
        request.signal?.addEventListener('abort', release, { once: true });
      }
      edge.budget = byteBudget(limits);
    },

    onExecute({ args, setResultAndStopExecution }) {
      // As gateway.ts: Date and DateTime in variables checked before any subgraph is asked.
      const invalid = hubScalarVariablesError(
        args.schema,
        args.document,
        args.variableValues ?? undefined,
        args.operationName,
      );
      if (invalid) return setResultAndStopExecution({ errors: [invalid] });
      // As gateway.ts: every subgraph fetch carries what the whole operation reads of audited types.
      const edge = edges.get((args.contextValue as { request: Request }).request);
      if (edge) edge.reads = operationReads(args.schema, args.document);
      const document = args.document;
      return {
        onExecuteDone: ({ result }) => {
          const data =
            'data' in result ? (result.data as Record<string, unknown> | null | undefined) : undefined;
          if (changedDirectory(document, data)) void directory.refresh();
        },
      };
    },

    async onFetch({ context, executionRequest, options: init, setOptions }) {
      const subgraph = executionRequest?.subgraphName;
      const edge = 'request' in context ? edges.get(context.request) : undefined;
      if (!subgraph || !edge?.principal) return undefined; // no caller: no token (as gateway.ts).
      // Bound to the body exactly as the transport serialised it, which is what the subgraph hashes.
      const body = JSON.parse(String(init.body ?? '{}')) as { query?: string; variables?: unknown };
      const headers = await internalRequestHeaders(
        options.internalSecret,
        subgraph,
        {
          principal: edge.principal,
          requestId: edge.requestId,
          correlationId: edge.correlationId,
          purpose: edge.purpose,
          caller: 'gateway',
          reads: edge.reads,
        },
        body,
      );
      setOptions({ ...init, headers: { ...headerRecord(init.headers), ...headers } });
      return async ({ response, setResponse }) => {
        if (response.ok && edge.budget) {
          // Read against the request's byte budget (GATEWAY_MAX_RESPONSE_BYTES), never past it.
          try {
            const text = await textWithin(response, edge.budget);
            const type = response.headers.get('content-type');
            setResponse(
              new Response(text, { status: response.status, headers: type ? { 'content-type': type } : {} }),
            );
          } catch (error) {
            if (!(error instanceof AnswerTooLarge)) throw error;
            setResponse(
              Response.json({
                data: null,
                errors: [{ message: 'too large', extensions: { code: SUBGRAPH_TOO_LARGE } }],
              }),
            );
          }
          return;
        }
        if (response.ok) return;
        // As gateway.ts: a subgraph answering non-2xx is unavailable, whatever its body says.
        void response.body?.cancel();
        setResponse(
          Response.json({
            data: null,
            errors: [{ message: 'unavailable', extensions: { code: SUBGRAPH_UNAVAILABLE } }],
          }),
        );
      };
    },

    onResultProcess({ request, result, setResult }) {
      if (Array.isArray(result) || Symbol.asyncIterator in result) return;
      const edge = edges.get(request);
      const requestId = edge?.requestId ?? randomUUID();
      // As gateway.ts: an answer past GATEWAY_MAX_RESPONSE_BYTES, read from the subgraphs or as
      // it would be sent, is refused whole (RATE_LIMITED, HTTP 429).
      if (edge?.budget?.exceeded || Buffer.byteLength(JSON.stringify(result)) > limits.maxResponseBytes) {
        const refused = answerTooLarge(limits.maxResponseBytes);
        setResult({
          errors: [
            new GraphQLError(refused.message, {
              extensions: { code: 'RATE_LIMITED', requestId, http: { status: 429 } },
            }),
          ],
        });
        return;
      }
      // As gateway.ts: no top-level extensions, and the gateway's own value-completion errors (a
      // non-null field of an entity a subgraph would not resolve for the caller) dropped, so that
      // a hidden record is answered exactly as an absent one (errors.ts).
      const { result: answer, dropped } = withoutResponseExtensions(result);
      const all = (result.errors ?? []).map(asGraphqlError);
      const completion = all.filter(isValueCompletionError);
      if (dropped || completion.length > 0) {
        log.debug(
          {
            requestId,
            extensions: Object.keys(dropped ?? {}),
            valueCompletion: completion.map((e) => ({ message: e.message, path: e.path })),
          },
          'response extensions dropped',
        );
      }
      if (!dropped && all.length === 0) return;
      const errors = all
        .filter((error) => !isValueCompletionError(error))
        .map((error) => {
          const masked = maskHiveError(error, requestId);
          const code = masked.extensions.code;
          if (code === 'INTERNAL_SERVER_ERROR' || code === 'DOWNSTREAM_SERVICE_ERROR') {
            // The detail stays in the log, under the request id; loggableError keeps query
            // parameters out, and the error's extensions (Hive puts the subgraph request there) too.
            const { serviceName } = (error.extensions ?? {}) as { serviceName?: unknown };
            log.error(
              {
                requestId,
                ...correlationOf(edge),
                serviceName,
                path: error.path,
                err: loggableError(error.originalError ?? error),
              },
              'request error',
            );
          }
          return masked;
        });
      const { errors: _unmasked, ...rest } = answer;
      setResult(errors.length > 0 ? { ...rest, errors } : rest);
    },

    onResponse({ request, response }) {
      releases.get(request)?.();
      const edge = edges.get(request);
      if (!edge) return;
      response.headers.set(REQUEST_ID_HEADER, edge.requestId);
      // The caller's own id back beside the hub's, as gateway.ts.
      if (edge.correlationId) response.headers.set(CORRELATION_ID_HEADER, edge.correlationId);
    },
  };
}

/**
 * A Hive Gateway over `options.subgraphUrls` (which replace the supergraph's recorded URLs, as in
 * gateway.ts), answering POST and GET /graphql, GET /health and GET /ready (the supergraph is
 * loaded; unlike gateway.ts it does not ask the subgraphs).
 */
export function createHiveGateway(options: HiveGatewayOptions): HiveGateway {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.logger.child({ component: 'hive-gateway' });
  const supergraph = parse(options.supergraphSdl);
  // The directory's row counts, for the object estimate (bounds.ts), as gateway.ts.
  const directory = new DirectoryCounter({
    subgraphUrls: options.subgraphUrls,
    internalSecret: options.internalSecret,
    // Its own timeout: a short subgraph timeout must not leave the counts unread on a busy start.
    timeoutMs: Math.max(options.subgraphTimeoutMs, DIRECTORY_COUNT_TIMEOUT_MS),
    logger: log,
  });
  const transportEntries: Record<string, { location: string; options: Record<string, unknown> }> = {};
  for (const name of subgraphNamesOf(supergraph)) {
    const url = options.subgraphUrls[name];
    if (!url) throw new Error(`no URL configured for subgraph ${name}`);
    // Security: the HTTP executor shares one in-flight subgraph request among identical queries,
    // keyed on the URL and body only (our internal token is added after it, in onFetch). The
    // caseload query names no caller, so two organisations asking at once would both get the first
    // one's referrals (gateway/test/hive-isolation.test.ts). Every caller's fetch is its own. (It
    // also made Hive look 3-4x faster in the benchmark, whose callers all ask the same thing.)
    transportEntries[name] = { location: url, options: { deduplicateInflightRequests: false } };
  }
  const runtime = createGatewayRuntime({
    supergraph,
    // Hive Router's planner loads its native module on the first plan, not on import.
    ...(options.planner === 'router' ? { unifiedGraphHandler } : {}),
    transports: { http: httpTransport as never },
    transportEntries,
    upstreamTimeout: options.subgraphTimeoutMs,
    logging: hiveLoggerOf(log),
    graphqlEndpoint: GRAPHQL_PATH,
    healthCheckEndpoint: '/health',
    readinessCheckEndpoint: '/ready',
    landingPage: false,
    graphiql: false,
    // Our own request ids (a new UUID each, edgeRequestIds), as gateway.ts; Hive's would trust the header.
    requestId: false,
    // hubEdgePlugin masks every error with errors.ts's rules; Yoga's masking would hide the codes
    // it needs (a variable's coercion error becomes "Unexpected error.").
    maskedErrors: false,
    // Keep the subgraph's name on its errors, but give a code-less one no code: errors.ts then
    // masks it as INTERNAL_SERVER_ERROR, as behind gateway.ts (Hive's default code would pass it).
    subgraphErrors: { errorCode: false },
    ...(options.environment === 'development' ? {} : { disableIntrospection: {} }),
    // One operation a request, as gateway.ts (hubEdgePlugin refuses an array body first).
    batching: false,
    plugins: () => [
      hubEdgePlugin(options, limits, log, directory),
      ...limitPlugins(limits, options, directory.counts),
    ],
  });
  let listening: Listening | undefined;
  // /metrics as behind gateway.ts; requests are timed by outcome of their HTTP status only (the
  // operation label is `unknown`: Hive's plugins are not wired to the metrics yet).
  const metrics = createDeployableMetrics('gateway');
  const scrape = metricsRoute(metrics, { environment: options.environment, ...options.metricsAccess });
  return {
    runtime,
    async listen(port, host = '0.0.0.0') {
      // Hive loads the supergraph on its first request; load it now, as gateway.ts does, so that a
      // bad supergraph fails the start and the first caller does not wait for it.
      await runtime.getSchema();
      await directory.start(options.directoryRefreshMs ?? DIRECTORY_REFRESH_MS);
      listening = await listen(
        async (req, res) => {
          if ((req.url ?? '').split('?')[0] === '/metrics') return scrape(req, res);
          if (!(req.url ?? '').startsWith(GRAPHQL_PATH)) return runtime.handle(req, res);
          const started = performance.now();
          res.once('finish', () =>
            metrics.requestDuration.observe(
              {
                operation: 'unknown',
                outcome: res.statusCode < 400 ? OUTCOME_OK : outcomeOfStatus(res.statusCode),
              },
              (performance.now() - started) / 1000,
            ),
          );
          return runtime.handle(req, res);
        },
        port,
        host,
      );
      return listening;
    },
    async stop() {
      directory.stop();
      await listening?.close();
      await runtime.dispose();
    },
  };
}
