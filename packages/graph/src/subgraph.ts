/**
 * Builds one subgraph's server: the federated schema with its permissions compiled in, the context (accepted
 * only with a valid internal token bound to the request), per-request Access, audit recorder and
 * loaders, and error masking. Building has no side effects; `listen` starts it.
 */
import type { IncomingMessage } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  Kind,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLScalarType,
  type GraphQLSchema,
} from 'graphql';
import type { IRules } from 'graphql-shield';
import { Access } from '@reconnect/access';
import { AuditRecorder, auditActor } from '@reconnect/audit';
import {
  INTERNAL_TOKEN_HEADER,
  InternalTokenError,
  type InternalKeys,
  requestBodyHash,
  verifyInternalToken,
  type Principal,
} from '@reconnect/auth';
import type { Clock } from '@reconnect/config';
import { sql, type Db } from '@reconnect/db';
import {
  createDeployableMetrics,
  metricsRoute,
  type DeployableMetrics,
  type MetricsAccess,
} from '@reconnect/observability';
import { REQUEST_ERROR_CODES, isHubError, unauthenticated, withoutInputValues } from './errors.ts';
import { createGraphqlHttpHandler, listen, sendJson, type Listening } from './http.ts';
import { loggableError, type Logger } from './log.ts';
import { observationPlugin } from './observe.ts';
import { applyPermissions, federationRules } from './permissions.ts';
import { scalarResolvers } from './scalars.ts';

export interface SubgraphDeps {
  db: Db;
  clock: Clock;
  /**
   * The internal token keys this process holds (packages/auth, `InternalKeys.forProcess`): its own
   * audience's, to verify what it receives, and those of the subgraphs it calls.
   */
  internalKeys: InternalKeys;
  logger: Logger;
  environment: 'development' | 'test' | 'production';
  /** Base URLs of the other subgraphs, by name, for calls made on a caller's behalf. */
  subgraphUrls: Record<string, string>;
  /** What registering webhook subscriptions needs (the referral subgraph); unset elsewhere. */
  webhooks?: WebhookDeps | undefined;
  /** Who may scrape /metrics in production (METRICS_INTERFACE, METRICS_TOKEN); none: nobody. */
  metricsAccess?: Omit<MetricsAccess, 'environment'> | undefined;
  /** This subgraph's metrics, set by createSubgraph (hub-client records its fetches there). */
  metrics?: DeployableMetrics;
}

/** Webhook settings of the process that registers subscriptions (packages/events). */
export interface WebhookDeps {
  /** Seals a new subscription's secret before it is stored (WEBHOOK_SECRET_KEYS; events' secrets.ts). */
  secrets: { seal(plaintext: string, subscriptionId: string): { ciphertext: string; keyId: string } };
  /** WEBHOOK_MAX_SUBSCRIPTIONS_PER_ORGANISATION: active subscriptions one organisation may have. */
  maxSubscriptionsPerOrganisation: number;
}

/** What every resolver of every subgraph receives. */
export interface SubgraphContext<L = unknown> {
  /** The subgraph serving the request (the caller name of its calls to other subgraphs). */
  subgraph: string;
  principal: Principal;
  /** The hub's own id of the request, made by the gateway (next/trust.md). */
  requestId: string;
  /** The id the client sent, kept beside `requestId` for the audit and the logs; it decides nothing. */
  correlationId?: string | undefined;
  purpose?: string | undefined;
  /** Who sent the request: `gateway`, or the subgraph calling on the caller's behalf. */
  caller: string;
  /**
   * The fields the client's whole operation asks of each audited type, when the gateway sent it
   * (see InternalClaims.reads); an audit event of a read names these.
   */
  reads?: Record<string, string[]> | undefined;
  /** The raw internal token, forwarded (re-signed) on calls to other subgraphs. */
  db: Db;
  clock: Clock;
  access: Access;
  audit: AuditRecorder;
  loaders: L;
  log: Logger;
  deps: SubgraphDeps;
}

/**
 * A subgraph's resolvers: its generated `Resolvers` map (GraphQL Code Generator, federation: true,
 * `subgraphs/<name>/src/generated/resolvers.ts`), which types every field resolver and
 * `__resolveReference` against the subgraph's SDL. Here only its outline: resolvers by type name.
 * Scalars are not the subgraph's to give: createSubgraph adds the hub's own (`scalarResolvers`).
 */
export type SubgraphResolvers = Record<string, Record<string, unknown> | GraphQLScalarType | undefined>;

export interface SubgraphDefinition<L> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: SubgraphResolvers;
  permissions: IRules;
  createLoaders: (ctx: Omit<SubgraphContext<L>, 'loaders'>) => L;
  /** Gauges of what this subgraph owns (the referral subgraph's outbox), read at each scrape. */
  metrics?: (metrics: DeployableMetrics, db: Db) => void;
}

export interface Subgraph {
  name: string;
  server: ApolloServer<SubgraphContext<never>>;
  /** The executable schema, every field guarded by its rule (applyPermissions). */
  schema: GraphQLSchema;
  permissions: IRules;
  /** What its /metrics serves. */
  metrics: DeployableMetrics;
  createContext(input: {
    principal: Principal;
    requestId: string;
    correlationId?: string;
    purpose?: string;
    caller?: string;
  }): Promise<SubgraphContext<never>>;
  listen(port: number, host?: string): Promise<Listening>;
  stop(): Promise<void>;
}

export const SUBGRAPH_MAX_BODY_BYTES = 2 * 1024 * 1024;

export function createSubgraph<L>(definition: SubgraphDefinition<L>, deps: SubgraphDeps): Subgraph {
  const permissions: IRules = mergeRules(federationRules, definition.permissions);
  const resolvers = { ...scalarsDeclaredIn(definition.typeDefs), ...definition.resolvers };
  const schema = applyPermissions(
    // @apollo/subgraph's map type reads `__resolveReference(reference, context, info)` as a field
    // resolver `(parent, args, context, info)`: the generated Resolvers type checks the real shapes.
    buildSubgraphSchema([{ typeDefs: definition.typeDefs, resolvers: resolvers as never }]),
    permissions,
  );
  const log = deps.logger.child({ subgraph: definition.name });
  const metrics = createDeployableMetrics(definition.name);
  definition.metrics?.(metrics, deps.db);
  const ownDeps: SubgraphDeps = { ...deps, metrics };

  const server = new ApolloServer<SubgraphContext<L>>({
    schema,
    introspection: deps.environment === 'development',
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: deps.environment !== 'development',
    csrfPrevention: true,
    // The process that runs the servers owns shutdown (scripts/start.ts stops the gateway, then the
    // subgraphs, then the database): Apollo's own SIGINT/SIGTERM handlers would race it and re-raise
    // the signal.
    stopOnTerminationSignals: false,
    // The internal token is bound to the query text it travels with; a query-less persisted-query
    // request would bind it to nothing. The gateway never sends one.
    persistedQueries: false,
    formatError: (formatted, error) => maskError(formatted, error),
    // Inline traces (ftv1) would send resolver timings and errors to whoever asks with a header;
    // the hub does not report usage to Apollo, so nothing needs them.
    // Cache control is on by default and wraps every field resolver to collect cache hints the hub
    // never sets (HTTP caching of personal data is off the table): off, it costs nothing per field.
    plugins: [
      observationPlugin<SubgraphContext<L>>(),
      requestIdPlugin<L>(),
      errorLogPlugin<L>(log),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
    ],
  });

  const createContext = async (input: {
    principal: Principal;
    requestId: string;
    correlationId?: string | undefined;
    purpose?: string | undefined;
    caller?: string;
    reads?: Record<string, string[]> | undefined;
  }): Promise<SubgraphContext<L>> => {
    const base = {
      subgraph: definition.name,
      principal: input.principal,
      requestId: input.requestId,
      correlationId: input.correlationId,
      purpose: input.purpose,
      caller: input.caller ?? 'gateway',
      reads: input.reads,
      db: deps.db,
      clock: deps.clock,
      access: new Access({ db: deps.db, principal: input.principal, now: () => deps.clock.now() }),
      audit: undefined as unknown as AuditRecorder,
      log: log.child({
        requestId: input.requestId,
        ...(input.correlationId ? { correlationId: input.correlationId } : {}),
      }),
      deps: ownDeps,
    };
    base.audit = new AuditRecorder(deps.db, () => auditActor(input, deps.clock.now()));
    return { ...base, loaders: definition.createLoaders(base) };
  };

  const contextFromRequest = async (req: IncomingMessage, body: unknown): Promise<SubgraphContext<L>> => {
    const token = req.headers[INTERNAL_TOKEN_HEADER];
    const b = (body ?? {}) as { query?: string; variables?: unknown };
    try {
      const claims = await verifyInternalToken(
        deps.internalKeys,
        definition.name,
        typeof token === 'string' ? token : undefined,
        requestBodyHash(b.query, b.variables),
      );
      return createContext(claims);
    } catch (error) {
      if (error instanceof InternalTokenError) {
        log.warn({ reason: error.message }, 'refused a request without a valid internal token');
        throw unauthenticated('This service only answers the RECONNECT gateway.');
      }
      throw error;
    }
  };

  let started: Promise<void> | undefined;
  let listening: Listening | undefined;
  const ensureStarted = () => (started ??= server.start());

  return {
    name: definition.name,
    server: server as unknown as ApolloServer<SubgraphContext<never>>,
    schema,
    permissions,
    metrics,
    createContext: createContext as never,
    async listen(port, host = '127.0.0.1') {
      await ensureStarted();
      const handler = createGraphqlHttpHandler({
        server,
        context: contextFromRequest,
        maxBodyBytes: SUBGRAPH_MAX_BODY_BYTES,
        metrics,
        // Its callers are the gateway and other subgraphs: their x-request-id is the hub's own.
        trustRequestIdHeader: true,
        routes: {
          '/health': (_req, res) => sendJson(res, 200, { status: 'ok', subgraph: definition.name }),
          // Ready when its database answers: a load balancer sends it no request before then.
          '/ready': async (_req, res) => {
            const database = await Promise.race([
              deps.db.execute(sql`select 1`).then(
                () => 'ok',
                () => 'down',
              ),
              new Promise<string>((resolve) => setTimeout(() => resolve('down'), 2000).unref()),
            ]);
            const ready = database === 'ok';
            sendJson(res, ready ? 200 : 503, {
              status: ready ? 'ready' : 'not ready',
              subgraph: definition.name,
              database,
            });
          },
          '/metrics': metricsRoute(metrics, { environment: deps.environment, ...deps.metricsAccess }),
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

/** The hub's scalars (Date, DateTime) that these type definitions declare: one implementation for every subgraph. */
function scalarsDeclaredIn(typeDefs: DocumentNode): Partial<typeof scalarResolvers> {
  const declared = new Set(
    typeDefs.definitions.flatMap((d) => (d.kind === Kind.SCALAR_TYPE_DEFINITION ? [d.name.value] : [])),
  );
  return Object.fromEntries(Object.entries(scalarResolvers).filter(([name]) => declared.has(name)));
}

function mergeRules(a: IRules, b: IRules): IRules {
  const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
  for (const [type, rules] of Object.entries(b as Record<string, unknown>)) {
    const existing = out[type];
    out[type] =
      existing &&
      typeof existing === 'object' &&
      typeof rules === 'object' &&
      Object.getPrototypeOf(rules) === Object.prototype
        ? { ...(existing as object), ...(rules as object) }
        : rules;
  }
  return out as IRules;
}

/** An error that is neither the hub's own nor GraphQL's about the request: a fault of ours. */
function isUnexpected(error: unknown, code: unknown): boolean {
  const original = (error as { originalError?: unknown }).originalError ?? error;
  if (isHubError(original) || isHubError(error)) return false;
  return !(typeof code === 'string' && REQUEST_ERROR_CODES.has(code));
}

/**
 * What reaches the caller: hub errors as they are (a refused input without its value), GraphQL's
 * request errors without the values they echo, and anything else as a bare INTERNAL_SERVER_ERROR.
 * The detail of the last goes to the log (`errorLogPlugin`), under the request id.
 */
function maskError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = (error as { originalError?: unknown }).originalError ?? error;
  const code = formatted.extensions?.code;
  if (isHubError(original) || isHubError(error)) {
    const { http: _http, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    if (code !== 'BAD_USER_INPUT') return { ...formatted, extensions };
    // Variable coercion errors carry BAD_USER_INPUT too, and echo the value they refused.
    const input = withoutInputValues(formatted.message);
    return {
      ...formatted,
      message: input.message,
      extensions: { ...(input.field ? { field: input.field } : {}), ...extensions },
    };
  }
  // GraphQL's own request errors (parse, validation, variable coercion) are about the request
  // itself and carry no internals, but may echo a value from it.
  if (!isUnexpected(error, code)) {
    const input = withoutInputValues(formatted.message);
    return {
      message: input.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code, ...(input.field ? { field: input.field } : {}) },
    };
  }
  return {
    message: 'Internal server error.',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/**
 * Logs what a developer needs about a failed request, on the request's own logger (so every line
 * carries its request id, which the client also gets): an unexpected error with its SQL but
 * without query parameters (see `loggableError`), and the cause behind a DOWNSTREAM_SERVICE_ERROR
 * (which subgraph, which URL, what failed), which the client is never told.
 */
function errorLogPlugin<L>(fallback: Logger): ApolloServerPlugin<SubgraphContext<L>> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          const log = (contextValue as Partial<SubgraphContext<L>> | undefined)?.log ?? fallback;
          for (const error of errors) {
            const original: unknown = error.originalError ?? error;
            if (isUnexpected(error, error.extensions?.['code'])) {
              log.error({ err: loggableError(original), path: error.path }, 'unexpected error in a resolver');
              continue;
            }
            const cause = (original as { originalError?: unknown }).originalError;
            if (
              cause &&
              (original as { extensions?: { code?: unknown } }).extensions?.code ===
                'DOWNSTREAM_SERVICE_ERROR'
            ) {
              log.warn({ err: loggableError(cause), path: error.path }, 'a call to another subgraph failed');
            }
          }
        },
      };
    },
  };
}

function requestIdPlugin<L>(): ApolloServerPlugin<SubgraphContext<L>> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          response.http.headers.set('x-request-id', contextValue.requestId);
          // A variable the subgraph's own scalars refuse (an impossible Date that the gateway's
          // pass-through scalar let by) is the caller's error: Apollo answers it with HTTP 400,
          // which the gateway could only report as DOWNSTREAM_SERVICE_ERROR. Answer 200 so that
          // the gateway relays the BAD_USER_INPUT.
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          if (
            response.http.status === 400 &&
            errors?.length &&
            errors.every((e) => e.extensions?.['code'] === 'BAD_USER_INPUT')
          ) {
            response.http.status = 200;
          }
        },
      };
    },
  };
}
