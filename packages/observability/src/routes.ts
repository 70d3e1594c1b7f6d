/**
 * A routed HTTP deployable's requests (the console, the BaRS FHIR connector: Express) in its
 * metrics and traces: each request in a SERVER span (continuing a `traceparent` if a proxy sent
 * one; the deployable's calls to the gateway are its children and carry it on), timed by route
 * pattern and outcome. The label is the route as written (`GET /referrals/:id`), never the path
 * asked for, so no id reaches a label or a span name.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { OUTCOME_OK, outcomeOfStatus, type DeployableMetrics } from './metrics.ts';
import { traceIncoming } from './tracing.ts';

/** What an Express request has once routed: the matched route's pattern. */
type RoutedRequest = IncomingMessage & { route?: { path?: unknown } | undefined; baseUrl?: string };

export function observeRoutes(metrics: DeployableMetrics) {
  return (req: RoutedRequest, res: ServerResponse, next: () => void): void => {
    const started = performance.now();
    const method = req.method ?? 'GET';
    const unnamed = `${method} ${metrics.deployable}`;
    void traceIncoming(
      req.headers,
      unnamed,
      { 'http.request.method': method, 'reconnect.deployable': metrics.deployable },
      (span) => {
        const finished = new Promise<void>((resolve) => {
          res.once('close', () => {
            const routePath: unknown = req.route?.path;
            // The pattern as written, less Express's escapes (`/\\$process-message`).
            const operation =
              typeof routePath === 'string'
                ? `${method} ${req.baseUrl ?? ''}${routePath.replace(/\\/g, '')}`
                : 'unmatched';
            const outcome = res.statusCode < 400 ? OUTCOME_OK : outcomeOfStatus(res.statusCode);
            metrics.requestDuration.observe({ operation, outcome }, (performance.now() - started) / 1000);
            if (span) {
              span.updateName(operation === 'unmatched' ? unnamed : operation);
              span.setAttributes({
                'http.response.status_code': res.statusCode,
                'reconnect.outcome': outcome,
              });
            }
            resolve();
          });
        });
        next();
        return finished;
      },
    );
  };
}
