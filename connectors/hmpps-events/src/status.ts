/**
 * The connector's own small HTTP server, like every deployable's: `/health` (the process answers),
 * `/ready` (it holds a broker connection) and `/metrics` (Prometheus text: the process, and the
 * connector's counters read from `connector.stats` at scrape time). The counters' labels are
 * outcome codes and reasons, never a message id or a prison number.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import client from 'prom-client';
import { createDeployableMetrics, metricsRoute, type MetricsAccess } from '@reconnect/observability';
import type { ConnectorStats } from './stats.ts';

export const DEFAULT_HMPPS_EVENTS_PORT = 4007;

/** Each result a message can end in, with the stats' counters by code. */
const RESULTS = ['applied', 'skipped', 'dead_lettered'] as const;

export function hmppsEventsMetrics(stats: ConnectorStats) {
  const metrics = createDeployableMetrics('hmpps-events');
  const byResult: Record<(typeof RESULTS)[number], Record<string, number>> = {
    applied: stats.outcomes,
    skipped: stats.skipped,
    dead_lettered: stats.deadLettered,
  };
  new client.Counter({
    name: 'reconnect_hmpps_events_total',
    help: 'HMPPS events finished with, by result (applied: the hub answered; skipped; dead_lettered; requeued) and the outcome code or reason.',
    labelNames: ['result', 'code'],
    registers: [metrics.registry],
    collect() {
      this.reset();
      for (const result of RESULTS) {
        for (const [code, n] of Object.entries(byResult[result])) this.inc({ result, code }, n);
      }
      if (stats.requeued > 0) this.inc({ result: 'requeued', code: 'transient' }, stats.requeued);
    },
  });
  new client.Counter({
    name: 'reconnect_hmpps_events_retries_total',
    help: 'Attempts on an HMPPS event that failed for a transient reason and were retried, by code.',
    labelNames: ['code'],
    registers: [metrics.registry],
    collect() {
      this.reset();
      for (const [code, n] of Object.entries(stats.retries)) this.inc({ code }, n);
    },
  });
  metrics.gauge(
    'reconnect_hmpps_events_last_applied_lag_seconds',
    'From the last applied event occurring (occurredAt) to the hub answering it: the queue lag.',
    (gauge) => {
      if (stats.lastAppliedLagMs !== null) gauge.set(stats.lastAppliedLagMs / 1000);
    },
  );
  metrics.gauge(
    'reconnect_hmpps_events_last_applied_timestamp_seconds',
    'When the hub last answered an HMPPS event (Unix time): no change for long while HMPPS publishes means a stuck connector.',
    (gauge) => {
      if (stats.lastAppliedAt) gauge.set(stats.lastAppliedAt.getTime() / 1000);
    },
  );
  metrics.gauge(
    'reconnect_hmpps_events_broker_connected',
    'Whether the connector holds a broker connection (1) or not (0).',
    (gauge) => gauge.set(stats.connected ? 1 : 0),
  );
  return metrics;
}

export interface StatusServer {
  url: string;
  stop(): Promise<void>;
}

export async function startStatusServer(
  stats: ConnectorStats,
  options: { port: number; host?: string; access: MetricsAccess },
): Promise<StatusServer> {
  const metrics = hmppsEventsMetrics(stats);
  const scrape = metricsRoute(metrics, options.access);
  const json = (res: import('node:http').ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET') return json(res, 405, { status: 'method not allowed' });
    if (path === '/health') return json(res, 200, { status: 'ok' });
    if (path === '/ready')
      return stats.connected
        ? json(res, 200, { status: 'ready' })
        : json(res, 503, { status: 'not ready', broker: 'disconnected' });
    if (path === '/metrics') return void scrape(req, res);
    json(res, 404, { status: 'not found' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : 'localhost';
  return {
    url: `http://${host}:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
