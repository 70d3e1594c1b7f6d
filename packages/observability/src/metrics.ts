/**
 * Prometheus metrics (prom-client 15). Two scopes:
 *
 * - the **process**: Node's default metrics, the database pools and audit write latency. In
 *   production every deployable is its own process, so they are the deployable's; in the embedded
 *   hub (one process) every deployable's /metrics shows the same process figures, which is true.
 * - the **deployable** (`DeployableMetrics`, one per gateway, subgraph, console, connector): request
 *   durations, subgraph fetches and whatever gauges it adds (the outbox, for the referral subgraph).
 *
 * Labels never hold an id, a name or any value from a request: operation labels are root fields of
 * the schema (bounded by it, see `operationLabel` in @reconnect/graph), outcomes are the hub's error
 * codes (anything else is `OTHER`), routes are route patterns, subgraphs are configured names.
 * A new deployable is one call: `createDeployableMetrics(name)`, then serve `metricsRoute(...)`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import client from 'prom-client';

export const METRICS_CONTENT_TYPE = client.Registry.PROMETHEUS_CONTENT_TYPE;

/** Seconds; from a primed loader hit to the gateway's subgraph timeout. */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The outcome of a request that succeeded. */
export const OUTCOME_OK = 'ok';

/**
 * The codes an outcome label may hold (contract/AUTH.md, "Errors", and GraphQL's own request codes);
 * any other string becomes `OTHER`, so a label can never carry what a caller sent.
 */
const OUTCOME_CODES = new Set([
  OUTCOME_OK,
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'INELIGIBLE',
  'INVALID_TRANSITION',
  'CONFLICT',
  'IDEMPOTENCY_KEY_REUSED',
  'DOWNSTREAM_SERVICE_ERROR',
  // A caller held to its limits (next/trust.md): not a fault of ours, never counted as OTHER.
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'TIMEOUT',
  'UNREACHABLE',
]);

export function outcomeLabel(code: unknown): string {
  return typeof code === 'string' && OUTCOME_CODES.has(code) ? code : 'OTHER';
}

/** The outcome of an answer that carries no GraphQL error code, from its HTTP status. */
export function outcomeOfStatus(status: number): string {
  if (status < 400) return OUTCOME_OK;
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 413) return 'BAD_USER_INPUT';
  if (status === 429) return 'RATE_LIMITED';
  if (status < 500) return 'BAD_REQUEST';
  return 'INTERNAL_SERVER_ERROR';
}

// ---- the process -------------------------------------------------------------------------------

/** What a database pool reports: its size and the statements or transactions that want a connection. */
export interface PoolUse {
  max: number;
  /** Statements outside a transaction plus open transactions: each holds (or waits for) a connection. */
  wanted: number;
}

interface ProcessMetrics {
  registry: client.Registry;
  auditWrite: client.Histogram;
  pools: Map<string, Set<() => PoolUse>>;
}

let processScope: ProcessMetrics | undefined;

function processMetrics(): ProcessMetrics {
  if (processScope) return processScope;
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const pools = new Map<string, Set<() => PoolUse>>();
  const use = () =>
    [...pools].map(([pool, sources]) => {
      let max = 0;
      let wanted = 0;
      for (const source of sources) {
        const u = source();
        max += u.max;
        wanted += Math.min(u.wanted, u.max); // in use: what waits beyond the size is not
      }
      return { pool, max, wanted };
    });
  new client.Gauge({
    name: 'reconnect_db_pool_connections_max',
    help: 'Connections the database pool may open (PGlite: 1).',
    labelNames: ['pool'],
    registers: [registry],
    collect() {
      this.reset();
      for (const p of use()) this.set({ pool: p.pool }, p.max);
    },
  });
  new client.Gauge({
    name: 'reconnect_db_pool_connections_in_use',
    help: 'Connections of the pool running a statement or holding a transaction.',
    labelNames: ['pool'],
    registers: [registry],
    collect() {
      this.reset();
      for (const p of use()) this.set({ pool: p.pool }, p.wanted);
    },
  });
  new client.Gauge({
    name: 'reconnect_db_pool_waiting',
    help: 'Statements and transactions waiting for a free connection of the pool.',
    labelNames: ['pool'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [pool, sources] of pools) {
        let waiting = 0;
        for (const source of sources) {
          const u = source();
          waiting += Math.max(0, u.wanted - u.max);
        }
        this.set({ pool }, waiting);
      }
    },
  });
  const auditWrite = new client.Histogram({
    name: 'reconnect_audit_write_duration_seconds',
    help: 'Time to append one batch of audit events (a read waits for it).',
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  processScope = { registry, auditWrite, pools };
  return processScope;
}

/**
 * Reports a database pool's use under `pool` (a bounded name: `main`, or a subgraph's role);
 * several handles under one name add up. Returns the function that stops reporting it.
 */
export function registerDatabasePool(pool: string, use: () => PoolUse): () => void {
  const { pools } = processMetrics();
  let sources = pools.get(pool);
  if (!sources) pools.set(pool, (sources = new Set()));
  sources.add(use);
  return () => {
    sources.delete(use);
    if (sources.size === 0) pools.delete(pool);
  };
}

/** Records how long one audit write took. */
export function observeAuditWrite(seconds: number): void {
  processMetrics().auditWrite.observe(seconds);
}

// ---- a deployable ------------------------------------------------------------------------------

export class DeployableMetrics {
  readonly registry = new client.Registry();
  /** Requests by operation (a root field of the schema, or a route pattern) and outcome. */
  readonly requestDuration: client.Histogram<'operation' | 'outcome'>;
  private fetches?: client.Histogram<'subgraph' | 'outcome'>;

  constructor(readonly deployable: string) {
    this.registry.setDefaultLabels({ deployable });
    this.requestDuration = new client.Histogram({
      name: 'reconnect_request_duration_seconds',
      help: 'Requests served, by GraphQL operation (root field; `unknown` before it resolved) or route, and outcome code.',
      labelNames: ['operation', 'outcome'],
      buckets: DURATION_BUCKETS,
      registers: [this.registry],
    });
    processMetrics();
  }

  /** Fetches this deployable makes to a subgraph (the gateway's plan, a subgraph's hub-client calls). */
  get subgraphFetchDuration(): client.Histogram<'subgraph' | 'outcome'> {
    return (this.fetches ??= new client.Histogram({
      name: 'reconnect_subgraph_fetch_duration_seconds',
      help: 'Fetches to a subgraph, by subgraph and outcome.',
      labelNames: ['subgraph', 'outcome'],
      buckets: DURATION_BUCKETS,
      registers: [this.registry],
    }));
  }

  /** A gauge read at scrape time (`collect` sets it), e.g. the outbox's depth. */
  gauge<L extends string>(
    name: string,
    help: string,
    collect: (gauge: client.Gauge<L>) => Promise<void> | void,
    labelNames: readonly L[] = [],
  ): void {
    new client.Gauge<L>({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        await collect(this);
      },
    });
  }

  /** The Prometheus text of the process and of this deployable. */
  async text(): Promise<string> {
    const [process, own] = await Promise.all([processMetrics().registry.metrics(), this.registry.metrics()]);
    return `${process}\n${own}`;
  }
}

export function createDeployableMetrics(deployable: string): DeployableMetrics {
  return new DeployableMetrics(deployable);
}

// ---- who may read /metrics ---------------------------------------------------------------------

/**
 * Who may scrape: outside production anyone who reaches the port (development, tests); in
 * production a request that arrived on `interface` (the metrics network's address of this host)
 * or that carries `token` as its bearer. With neither configured, production answers 401 to all.
 * /metrics never asks for a caller's token: a scraper is not a user.
 */
export interface MetricsAccess {
  environment: 'development' | 'test' | 'production';
  /** METRICS_INTERFACE: the local address a scrape may arrive on without a token. */
  interface?: string | undefined;
  /** METRICS_TOKEN: the bearer secret a scrape may present instead. */
  token?: string | undefined;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

export function mayScrape(req: IncomingMessage, access: MetricsAccess): boolean {
  if (access.environment !== 'production') return true;
  if (access.interface) {
    const local = (req.socket.localAddress ?? '').replace(/^::ffff:/, '');
    if (local === access.interface.replace(/^::ffff:/, '')) return true;
  }
  if (access.token) {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer (.+)$/i.exec(header);
    // Compared as digests: equal lengths, and no early exit that times the secret.
    if (match && timingSafeEqual(digest(match[1]!), digest(access.token))) return true;
  }
  return false;
}

/** The GET /metrics route of a deployable (a node:http or Express handler). */
export function metricsRoute(metrics: DeployableMetrics, access: MetricsAccess) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!mayScrape(req, access)) {
      res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer' });
      res.end('Metrics need the metrics interface or the metrics bearer token.\n');
      return;
    }
    const text = await metrics.text();
    res.writeHead(200, { 'content-type': METRICS_CONTENT_TYPE, 'cache-control': 'no-store' });
    res.end(text);
  };
}
