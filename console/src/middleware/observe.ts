/**
 * The console's requests in its metrics and traces: each request in a SERVER span (continuing a
 * `traceparent` if a proxy sent one; the console's calls to the gateway are its children and
 * carry it on), timed by route pattern and outcome. The label is the route as written
 * (`GET /referrals/:id`), never the path asked for, so no id reaches a label or a span name.
 */
import type { RequestHandler } from 'express';
import { OUTCOME_OK, outcomeOfStatus, traceIncoming, type DeployableMetrics } from '@reconnect/observability';

export function observeRequests(metrics: DeployableMetrics): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    void traceIncoming(
      req.headers,
      `${req.method} console`,
      { 'http.request.method': req.method, 'reconnect.deployable': metrics.deployable },
      (span) => {
        const finished = new Promise<void>((resolve) => {
          res.once('close', () => {
            const routePath: unknown = (req.route as { path?: unknown } | undefined)?.path;
            const operation = typeof routePath === 'string' ? `${req.method} ${routePath}` : 'unmatched';
            const outcome = res.statusCode < 400 ? OUTCOME_OK : outcomeOfStatus(res.statusCode);
            metrics.requestDuration.observe({ operation, outcome }, (performance.now() - started) / 1000);
            if (span) {
              span.updateName(operation === 'unmatched' ? `${req.method} console` : operation);
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
