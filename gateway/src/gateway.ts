/**
 * The hub's only public entry point (ARCHITECTURE.md, "A request"): verifies the caller's token,
 * applies limits, sends the principal to subgraphs in a short-lived internal token bound to each
 * subgraph request, puts a timeout on every subgraph fetch, masks errors, and answers /health and
 * /ready. Serves the committed supergraph; never introspects subgraphs at start-up.
 */
import type { IncomingMessage } from 'node:http';
import {
  ApolloGateway,
  RemoteGraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  AuthenticationError,
  INTERNAL_TOKEN_HEADER,
  PURPOSE_HEADER,
  REQUEST_ID_HEADER,
  requestBodyHash,
  signInternalToken,
  type JwtVerifier,
  type Principal,
} from '@reconnect/auth';
import { Lexer, Source, TokenKind } from 'graphql';
import {
  createGraphqlHttpHandler,
  hubError,
  listen,
  requestIdOf,
  sendJson,
  unauthenticated,
  type Listening,
  type Logger,
} from '@reconnect/graph';
import { objectLimitRule } from './cost.ts';
import { maskGatewayError } from './errors.ts';
import { ideRoutes } from './ide.ts';
import { operationReads } from './reads.ts';

export interface GatewayContext {
  principal?: Principal;
  requestId: string;
  purpose?: string | undefined;
  /** The fields the operation asks of each audited type (see reads.ts), once it is resolved. */
  reads?: Record<string, string[]>;
}

export interface GatewayLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxBodyBytes: number;
  /** Objects one operation may be estimated to return, lists multiplied (see cost.ts). */
  maxObjects: number;
}

export const DEFAULT_LIMITS: GatewayLimits = {
  maxDepth: 12,
  maxCost: 20_000,
  maxAliases: 20,
  maxDirectives: 20,
  maxTokens: 4_000,
  maxObjects: 50_000,
  maxBodyBytes: 256 * 1024,
};

export interface GatewayOptions {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  verify: JwtVerifier;
  internalSecret: string;
  logger: Logger;
  environment: 'development' | 'test' | 'production';
  subgraphTimeoutMs: number;
  limits?: Partial<GatewayLimits>;
}

class HubDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly secret: string,
    timeoutMs: number,
  ) {
    super({
      url,
      fetcher: ((input: string, init: RequestInit) =>
        fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as never,
    });
  }

  override async willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const ctx = context as Partial<GatewayContext>;
    if (!ctx.principal || !ctx.requestId) return; // health checks carry no caller: they get no token.
    const token = await signInternalToken(
      this.secret,
      this.subgraph,
      {
        principal: ctx.principal,
        requestId: ctx.requestId,
        purpose: ctx.purpose,
        caller: 'gateway',
        reads: ctx.reads,
      },
      requestBodyHash(request.query, request.variables),
    );
    request.http?.headers.set(INTERNAL_TOKEN_HEADER, token);
    request.http?.headers.set(REQUEST_ID_HEADER, ctx.requestId);
    if (ctx.purpose) request.http?.headers.set(PURPOSE_HEADER, ctx.purpose);
  }

  /** A subgraph that is down, slow or answering non-2xx: the rest of the answer still comes back. */
  override didEncounterError(): never {
    throw hubError(
      'DOWNSTREAM_SERVICE_ERROR',
      `The ${this.subgraph} service is unavailable; its part of the answer is missing.`,
    );
  }
}

/** Whether `source` has more than `max` tokens; a lexical error is left to the parser to report. */
function hasMoreTokensThan(source: string, max: number): boolean {
  const lexer = new Lexer(new Source(source));
  try {
    let count = 0;
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      count += 1;
      if (count > max) return true;
    }
  } catch {
    return false;
  }
  return false;
}

/** Whether a JSON value holds a string with a NUL character anywhere (keys included). */
function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v));
  }
  return false;
}

/**
 * The document of a request, wherever it came: a POST body or, for GET, the `query` parameter.
 * Read before Apollo parses it, so that the token limit applies first.
 */
function documentOf(req: IncomingMessage, body: unknown): string | undefined {
  const query = (body as { query?: unknown } | undefined)?.query;
  if (typeof query === 'string') return query;
  return new URL(req.url ?? '/', 'http://localhost').searchParams.get('query') ?? undefined;
}

export interface Gateway {
  server: ApolloServer<GatewayContext>;
  listen(port: number, host?: string): Promise<Listening>;
  stop(): Promise<void>;
}

export function createGateway(options: GatewayOptions): Gateway {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.logger.child({ component: 'gateway' });
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name }) => {
      const url = options.subgraphUrls[name];
      if (!url) throw new Error(`no URL configured for subgraph ${name}`);
      return new HubDataSource(name, url, options.internalSecret, options.subgraphTimeoutMs);
    },
  });
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true },
    costLimit: { maxCost: limits.maxCost },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    // Armor's Apollo token limit parses in `parsingDidStart`, and Apollo answers anything thrown
    // from a plugin hook with HTTP 500, a plain syntax error included: the context checks it instead.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: options.environment !== 'development' },
  }).protect();

  /** Tags every answer and error with the request id, and logs the unmasked errors under it. */
  const requestIdPlugin: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, schema }) {
          contextValue.reads = operationReads(schema, document);
        },
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            const code = (error.extensions as { code?: string } | undefined)?.code;
            if (!code || code === 'INTERNAL_SERVER_ERROR' || code === 'DOWNSTREAM_SERVICE_ERROR') {
              log.error(
                { requestId: contextValue.requestId, err: error.originalError ?? error, path: error.path },
                'request error',
              );
            }
          }
        },
        async willSendResponse({ contextValue, response }) {
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
    csrfPrevention: true,
    validationRules: [
      ...(armor.validationRules as never[]),
      objectLimitRule({ maxObjects: limits.maxObjects, defaultListSize: 50, maxPageSize: 100 }),
    ],
    plugins: [
      ...(armor.plugins as unknown as ApolloServerPlugin<GatewayContext>[]),
      requestIdPlugin,
      ApolloServerPluginLandingPageDisabled(),
    ],
    formatError: (formatted, error) => maskGatewayError(formatted, error),
  });

  const context = async (req: IncomingMessage, body: unknown): Promise<GatewayContext> => {
    const requestId = requestIdOf(req);
    const purposeHeader = req.headers[PURPOSE_HEADER];
    const purpose = typeof purposeHeader === 'string' ? purposeHeader.slice(0, 200) : undefined;
    let principal: Principal;
    try {
      principal = await options.verify(req.headers.authorization);
    } catch (error) {
      if (error instanceof AuthenticationError) throw unauthenticated(error.message);
      throw error;
    }
    // Parsing cost grows with the document: refuse a long one before Apollo parses it, as the
    // caller's error (an error thrown here keeps its HTTP status; one thrown by a plugin would not).
    const source = documentOf(req, body);
    if (source !== undefined && hasMoreTokensThan(source, limits.maxTokens)) {
      throw hubError('BAD_USER_INPUT', `The query has more than ${limits.maxTokens} tokens.`, {
        http: { status: 400 },
      });
    }
    // PostgreSQL cannot store a NUL character in text: a variable carrying one would fail deep in a
    // subgraph's write as an internal error. Refuse it here as the caller's error.
    if (containsNul((body as { variables?: unknown } | undefined)?.variables)) {
      throw hubError('BAD_USER_INPUT', 'A variable contains a NUL character.', { http: { status: 400 } });
    }
    return { principal, requestId, purpose };
  };

  let started: Promise<void> | undefined;
  let listening: Listening | undefined;
  const ide = options.environment === 'development' ? ideRoutes() : undefined;
  return {
    server,
    async listen(port, host = '0.0.0.0') {
      await (started ??= server.start());
      const handler = createGraphqlHttpHandler({
        server,
        context,
        maxBodyBytes: limits.maxBodyBytes,
        // The IDE only in development: production answers GET /graphql like any GraphQL GET.
        ...(ide ? { landingPage: ide.landingPage } : {}),
        routes: {
          ...ide?.assets,
          '/health': (_req, res) => sendJson(res, 200, { status: 'ok' }),
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
      await listening?.close();
      if (started) await server.stop();
    },
  };
}
