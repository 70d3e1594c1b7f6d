/**
 * The hub's only public entry point (ARCHITECTURE.md, "A request"): verifies the caller's token,
 * applies limits, sends the principal to subgraphs in a short-lived internal token bound to each
 * subgraph request, puts a timeout on every subgraph fetch, masks errors, and answers /health and
 * /ready. Serves the committed supergraph; never introspects subgraphs at start-up. Entity fetches
 * of one request to one subgraph that start together go as one request (entities.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ApolloGateway,
  RemoteGraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import DataLoader from 'dataloader';
import { parse, type DocumentNode } from 'graphql';
import {
  AuthenticationError,
  PURPOSE_HEADER,
  internalRequestHeaders,
  type JwtVerifier,
  type Principal,
} from '@reconnect/auth';
import {
  createGraphqlHttpHandler,
  hubError,
  listen,
  observationPlugin,
  perRequest,
  requestIdsOf,
  sendJson,
  unauthenticated,
  type Listening,
  type Logger,
} from '@reconnect/graph';
import {
  OUTCOME_OK,
  SpanKind,
  createDeployableMetrics,
  metricsRoute,
  outcomeOfStatus,
  traceSpan,
  type DeployableMetrics,
  type MetricsAccess,
} from '@reconnect/observability';
import {
  DIRECTORY_COUNT_TIMEOUT_MS,
  DIRECTORY_REFRESH_MS,
  DirectoryCounter,
  changedDirectory,
} from './bounds.ts';
import { isEntitiesQuery, mergeEntityFetches, splitEntityAnswer } from './entities.ts';
import { maskGatewayError, withoutResponseExtensions } from './errors.ts';
import { ideRoutes } from './ide.ts';
import { hubScalarLiteralsRule, hubScalarVariablesError } from './inputs.ts';
import {
  AnswerTooLarge,
  CSRF_PREVENTION_HEADERS,
  DEFAULT_LIMITS,
  InFlight,
  answerTooLarge,
  armorConfig,
  byteBudget,
  checkRequest,
  objectLimit,
  textWithin,
  type ByteBudget,
  type Environment,
  type GatewayLimits,
} from './limits.ts';
import { operationReads } from './reads.ts';

export interface GatewayContext {
  principal?: Principal;
  /** The hub's own id of this request: a new UUID, whatever the client sent (next/trust.md). */
  requestId: string;
  /** The client's X-Correlation-Id or X-Request-Id, when usable: kept for the audit, decides nothing. */
  correlationId?: string | undefined;
  purpose?: string | undefined;
  /** The fields the operation asks of each audited type (see reads.ts), once it is resolved. */
  reads?: Record<string, string[]>;
  /** What this request may still read from subgraphs (GATEWAY_MAX_RESPONSE_BYTES). */
  budget?: ByteBudget;
}

export { DEFAULT_LIMITS, type GatewayLimits } from './limits.ts';

export interface GatewayOptions {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  verify: JwtVerifier;
  internalSecret: string;
  logger: Logger;
  environment: Environment;
  subgraphTimeoutMs: number;
  limits?: Partial<GatewayLimits>;
  /** Who may scrape /metrics in production (METRICS_INTERFACE, METRICS_TOKEN); none: nobody. */
  metricsAccess?: Omit<MetricsAccess, 'environment'> | undefined;
  /** How often the directory's rows are counted again for the object estimate (bounds.ts). */
  directoryRefreshMs?: number;
}

type ProcessOptions = GraphQLDataSourceProcessOptions<GatewayContext>;
type FetchAnswer = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;
interface EntityFetchOptions {
  options: ProcessOptions;
  document: DocumentNode;
}

/** Parsed fetch documents by query text, for a fetch whose plan did not hand over its own. */
const parsedFetches = new Map<string, DocumentNode>();
function fetchDocument(options: ProcessOptions): DocumentNode | undefined {
  if (!('incomingRequestContext' in options)) return undefined; // a health check or a schema load
  if (options.document) return options.document;
  const query = options.request.query;
  if (!query) return undefined;
  let document = parsedFetches.get(query);
  if (!document) {
    document = parse(query);
    if (parsedFetches.size >= 500) parsedFetches.clear();
    parsedFetches.set(query, document);
  }
  return document;
}

class HubDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** This subgraph's batch of entity fetches in each request (see entities.ts). */
  private readonly batchKey: symbol;

  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly secret: string,
    timeoutMs: number,
    metrics: DeployableMetrics,
    private readonly maxResponseBytes: number,
  ) {
    super({
      url,
      // Each fetch in a span of its own (undici's span inside it sends `traceparent`), timed by subgraph.
      fetcher: ((input: string, init: RequestInit) => {
        const started = performance.now();
        const observe = (outcome: string) =>
          metrics.subgraphFetchDuration.observe({ subgraph, outcome }, (performance.now() - started) / 1000);
        return traceSpan(
          `fetch ${subgraph}`,
          { 'reconnect.subgraph': subgraph },
          () => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) }),
          SpanKind.CLIENT,
        ).then(
          (response) => {
            observe(response.ok ? OUTCOME_OK : outcomeOfStatus(response.status));
            return response;
          },
          (error: unknown) => {
            observe((error as Error | undefined)?.name === 'TimeoutError' ? 'TIMEOUT' : 'UNREACHABLE');
            throw error;
          },
        );
      }) as never,
    });
    this.batchKey = Symbol(`entity fetches to ${subgraph}`);
  }

  /**
   * Entity fetches of one request to this subgraph that start in the same tick go as one request
   * (entities.ts); everything else, and a fetch alone in its tick, goes as it is. The batch is the
   * request context's own: two callers' fetches are never merged.
   */
  override process(options: ProcessOptions): Promise<FetchAnswer> {
    const document = fetchDocument(options);
    const context = options.context as Partial<GatewayContext> | undefined;
    if (!document || !context?.principal || !isEntitiesQuery(document)) return super.process(options);
    const loader = perRequest(
      context,
      this.batchKey,
      () =>
        new DataLoader<EntityFetchOptions, FetchAnswer>((batch) => this.processTogether(batch), {
          cache: false,
        }),
    );
    return loader.load({ options, document });
  }

  private async processTogether(batch: readonly EntityFetchOptions[]): Promise<(FetchAnswer | Error)[]> {
    const first = batch[0]!.options;
    if (batch.length === 1) return [await super.process(first)];
    const merged = mergeEntityFetches(
      batch.map(({ options, document }) => ({ ...options.request, query: options.request.query!, document })),
    );
    const answer = await super.process({ ...first, request: merged } as ProcessOptions);
    const parts = splitEntityAnswer(answer, batch.length);
    if (parts) return parts;
    // An answer that cannot be split faithfully (see splitEntityAnswer): each fetch on its own.
    return Promise.all(batch.map(({ options }) => super.process(options).catch((error: Error) => error)));
  }

  override async willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const ctx = context as Partial<GatewayContext>;
    if (!ctx.principal || !ctx.requestId) return; // health checks carry no caller: they get no token.
    const headers = await internalRequestHeaders(
      this.secret,
      this.subgraph,
      {
        principal: ctx.principal,
        requestId: ctx.requestId,
        correlationId: ctx.correlationId,
        purpose: ctx.purpose,
        caller: 'gateway',
        reads: ctx.reads,
      },
      request,
    );
    for (const [name, value] of Object.entries(headers)) request.http?.headers.set(name, value);
  }

  /** The answer read against the request's byte budget (GATEWAY_MAX_RESPONSE_BYTES), never past it. */
  override async parseBody(
    response: Parameters<RemoteGraphQLDataSource['parseBody']>[0],
    request?: Parameters<RemoteGraphQLDataSource['parseBody']>[1],
    context?: GatewayContext,
  ): Promise<object | string> {
    const budget = context?.budget;
    if (!budget) return super.parseBody(response, request, context);
    const text = await textWithin(response as unknown as Response, budget);
    // As RemoteGraphQLDataSource's own parseBody: JSON by either of GraphQL's JSON media types.
    const type = response.headers.get('content-type') ?? '';
    return /^application\/(graphql-response\+)?json/.test(type) ? (JSON.parse(text) as object) : text;
  }

  /**
   * A subgraph that is down, slow or answering non-2xx: the rest of the answer still comes back.
   * An answer past the byte budget: the whole request is refused (RATE_LIMITED, requestIdPlugin).
   */
  override didEncounterError(error: Error): never {
    if (error instanceof AnswerTooLarge) throw answerTooLarge(this.maxResponseBytes);
    throw hubError(
      'DOWNSTREAM_SERVICE_ERROR',
      `The ${this.subgraph} service is unavailable; its part of the answer is missing.`,
    );
  }
}

export interface Gateway {
  server: ApolloServer<GatewayContext>;
  /** What its /metrics serves. */
  metrics: DeployableMetrics;
  listen(port: number, host?: string): Promise<Listening>;
  stop(): Promise<void>;
}

export function createGateway(options: GatewayOptions): Gateway {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.logger.child({ component: 'gateway' });
  const metrics = createDeployableMetrics('gateway');
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name }) => {
      const url = options.subgraphUrls[name];
      if (!url) throw new Error(`no URL configured for subgraph ${name}`);
      return new HubDataSource(
        name,
        url,
        options.internalSecret,
        options.subgraphTimeoutMs,
        metrics,
        limits.maxResponseBytes,
      );
    },
  });
  // The directory's row counts, for the object estimate (bounds.ts): read at start, then refreshed.
  const directory = new DirectoryCounter({
    subgraphUrls: options.subgraphUrls,
    internalSecret: options.internalSecret,
    // Its own timeout: a short subgraph timeout must not leave the counts unread on a busy start.
    timeoutMs: Math.max(options.subgraphTimeoutMs, DIRECTORY_COUNT_TIMEOUT_MS),
    logger: log,
  });
  const inFlight = new InFlight(limits.maxInFlightPerCaller);
  // The limits both engines share (limits.ts); armor's token limit is off, `checkRequest` has it.
  const armor = new ApolloArmor(armorConfig(limits, options.environment)).protect();

  /** Tags every answer and error with the request id, and logs the unmasked errors under it. */
  const requestIdPlugin: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, schema, request, operationName }) {
          // Date and DateTime in variables, as hubScalarLiteralsRule checks them inline (inputs.ts).
          const invalid = hubScalarVariablesError(schema, document, request.variables, operationName);
          if (invalid) throw invalid;
          contextValue.reads = operationReads(schema, document);
        },
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            const code = (error.extensions as { code?: string } | undefined)?.code;
            if (!code || code === 'INTERNAL_SERVER_ERROR' || code === 'DOWNSTREAM_SERVICE_ERROR') {
              log.error(
                {
                  requestId: contextValue.requestId,
                  ...(contextValue.correlationId ? { correlationId: contextValue.correlationId } : {}),
                  err: error.originalError ?? error,
                  path: error.path,
                },
                'request error',
              );
            }
          }
        },
        async willSendResponse({ contextValue, response, document }) {
          if (contextValue?.budget?.exceeded) {
            // The subgraphs' answers went past GATEWAY_MAX_RESPONSE_BYTES: none of it is sent.
            const refusal = answerTooLarge(limits.maxResponseBytes);
            response.http.status = 429;
            response.body = {
              kind: 'single',
              singleResult: { errors: [{ message: refusal.message, extensions: { code: 'RATE_LIMITED' } }] },
            };
          }
          const answered = response.body.kind === 'single' ? response.body.singleResult.data : undefined;
          if (changedDirectory(document, answered)) void directory.refresh();
          if (response.body.kind === 'single') {
            // No top-level extensions reach a client (errors.ts: `valueCompletion` would tell
            // that a hidden record exists); what was dropped is logged, for a developer.
            const { result, dropped } = withoutResponseExtensions(response.body.singleResult);
            if (dropped) {
              response.body.singleResult = result;
              log.debug(
                { requestId: contextValue?.requestId, extensions: Object.keys(dropped), dropped },
                'response extensions dropped',
              );
            }
          }
          if (!contextValue?.requestId) return;
          response.http.headers.set('x-request-id', contextValue.requestId);
          if (response.body.kind === 'single') {
            for (const error of response.body.singleResult.errors ?? []) {
              (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
            }
          }
        },
      };
    },
  };

  const server = new ApolloServer<GatewayContext>({
    gateway,
    introspection: options.environment === 'development',
    hideSchemaDetailsFromClientErrors: options.environment !== 'development',
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // The process that runs the servers owns shutdown (scripts/start.ts stops the gateway, then the
    // subgraphs, then the database): Apollo's own SIGINT/SIGTERM handlers would race it and re-raise
    // the signal.
    stopOnTerminationSignals: false,
    csrfPrevention: { requestHeaders: CSRF_PREVENTION_HEADERS },
    validationRules: [
      ...(armor.validationRules as never[]),
      objectLimit(limits, directory.counts),
      hubScalarLiteralsRule,
    ],
    plugins: [
      ...(armor.plugins as unknown as ApolloServerPlugin<GatewayContext>[]),
      observationPlugin<GatewayContext>(),
      requestIdPlugin,
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are set or honoured (personal data is never HTTP-cached): no per-field cost.
      ApolloServerPluginCacheControlDisabled(),
    ],
    formatError: (formatted, error) => maskGatewayError(formatted, error),
  });

  const context = async (
    req: IncomingMessage,
    body: unknown,
    res: ServerResponse,
  ): Promise<GatewayContext> => {
    // The hub's own id, made by the HTTP front (a new UUID); the client's only as its correlation id.
    const { requestId, correlationId } = requestIdsOf(req);
    const purposeHeader = req.headers[PURPOSE_HEADER];
    const purpose = typeof purposeHeader === 'string' ? purposeHeader.slice(0, 200) : undefined;
    let principal: Principal;
    try {
      principal = await options.verify(req.headers.authorization);
    } catch (error) {
      if (error instanceof AuthenticationError) throw unauthenticated(error.message);
      throw error;
    }
    // Tokens and NUL characters, before Apollo parses the document, as the caller's error (an error
    // thrown here keeps its HTTP status; one thrown by a plugin would not).
    checkRequest(body, req.url ?? '/', limits);
    // The caller's requests in flight (GATEWAY_MAX_IN_FLIGHT_PER_CALLER): RATE_LIMITED, HTTP 429,
    // past the cap. The slot is given back when the response closes, on every path.
    const release = inFlight.acquire(principal.subject);
    if (res.closed || res.destroyed) release();
    else res.once('close', release);
    return {
      principal,
      requestId,
      ...(correlationId ? { correlationId } : {}),
      purpose,
      budget: byteBudget(limits),
    };
  };

  let started: Promise<void> | undefined;
  let listening: Listening | undefined;
  const ide = options.environment === 'development' ? ideRoutes() : undefined;
  return {
    server,
    metrics,
    async listen(port, host = '0.0.0.0') {
      await (started ??= server.start());
      await directory.start(options.directoryRefreshMs ?? DIRECTORY_REFRESH_MS);
      const handler = createGraphqlHttpHandler({
        server,
        context,
        maxBodyBytes: limits.maxBodyBytes,
        maxResponseBytes: limits.maxResponseBytes,
        metrics,
        // The IDE only in development: production answers GET /graphql like any GraphQL GET.
        ...(ide ? { landingPage: ide.landingPage } : {}),
        routes: {
          ...ide?.assets,
          '/health': (_req, res) => sendJson(res, 200, { status: 'ok' }),
          '/metrics': metricsRoute(metrics, { environment: options.environment, ...options.metricsAccess }),
          '/ready': async (_req, res) => {
            const checks = await Promise.all(
              Object.entries(options.subgraphUrls).map(async ([name, url]) => {
                try {
                  const r = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(2000) });
                  return [name, r.ok ? 'ok' : 'down'] as const;
                } catch {
                  return [name, 'down'] as const;
                }
              }),
            );
            const ready = checks.every(([, s]) => s === 'ok');
            sendJson(res, ready ? 200 : 503, {
              status: ready ? 'ready' : 'not ready',
              subgraphs: Object.fromEntries(checks),
            });
          },
        },
      });
      listening = await listen(handler, port, host);
      return listening;
    },
    async stop() {
      directory.stop();
      await listening?.close();
      if (started) await server.stop();
    },
  };
}
