/**
 * Service metrics for commissioners: every service or one, for a period, as a table, server-drawn
 * charts and a CSV of the same figures. Aggregates only (AUTH.md: a commissioner reads
 * `serviceMetrics` and nothing about a person), and nothing on these pages links to one.
 */
import { Router, type Request, type Response } from 'express';
import { formatDate } from '../presenters/format.ts';
import { monthErrorListOf, monthPeriodOf, periodQuery } from '../presenters/monthPeriod.ts';
import {
  anySmallOf,
  chartsOf,
  controlledOf,
  csvOf,
  tableOf,
  type ServiceFigures,
} from '../presenters/serviceMetrics.ts';
import { callerFor, type Services } from './context.ts';

export function serviceMetricsRoutes(services: Services): Router {
  const router = Router();

  /**
   * The months and service asked for (the last three months of every service, this one to date,
   * to start with). Whole calendar months: the only periods a commissioner's figures cover.
   */
  async function read(req: Request, res: Response) {
    const today = services.today();
    const query = req.query as Record<string, unknown>;
    const { values, errors, errorParts, from, to } = monthPeriodOf(query, today);
    const caller = callerFor(res);
    const all = await services.metrics.services(caller);
    const requested = typeof query.service === 'string' ? query.service : '';
    const chosen = all.find((s) => s.code === requested) ?? null;
    if (requested && !chosen) errors.service = 'Select a RECONNECT service, or all services';
    const ok = Object.keys(errors).length === 0;
    let rows: ServiceFigures[] = [];
    let total: ServiceFigures | null = null;
    if (ok) {
      const wanted = chosen ? [chosen] : all;
      const [each, together] = await Promise.all([
        Promise.all(
          wanted.map(async (s) => ({
            code: s.code,
            name: s.name,
            metrics: await services.metrics.overview(caller, s.code, from!, to!),
          })),
        ),
        chosen
          ? Promise.resolve(null)
          : services.metrics.overview(caller, null, from!, to!).then((metrics) => ({
              code: null,
              name: 'All services',
              metrics,
            })),
      ]);
      rows = each;
      total = together;
    }
    return { values, errors, errorParts, from, to, all, chosen, rows, total, ok };
  }

  router.get('/service-metrics', async (req: Request, res: Response) => {
    const r = await read(req, res);
    const csvQuery = new URLSearchParams({
      service: r.chosen?.code ?? '',
      ...(r.ok ? periodQuery(r.from!, r.to!) : {}),
    });
    res.status(r.ok ? 200 : 400).render('pages/service-metrics.njk', {
      values: r.values,
      errors: r.errors,
      errorList: monthErrorListOf(r.errors, r.errorParts),
      errorParts: r.errorParts,
      serviceItems: [
        { value: '', text: 'All services', selected: !r.chosen },
        ...r.all.map((s) => ({ value: s.code, text: s.name, selected: r.chosen?.code === s.code })),
      ],
      period: r.ok ? `${formatDate(r.from)} to ${formatDate(r.to)}` : null,
      scope: r.chosen ? r.chosen.name : 'All services',
      table: r.ok ? tableOf(r.rows, r.total) : null,
      charts: r.ok ? chartsOf(r.rows) : [],
      controlled: r.ok && controlledOf(r.rows, r.total),
      anySmall: r.ok && anySmallOf(r.rows, r.total),
      csvHref: `/service-metrics.csv?${csvQuery.toString()}`,
    });
  });

  router.get('/service-metrics.csv', async (req: Request, res: Response) => {
    const r = await read(req, res);
    if (!r.ok) return res.redirect(303, '/service-metrics');
    const name = `reconnect-service-metrics-${r.chosen?.code ?? 'all'}-${r.from}-to-${r.to}.csv`;
    res
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="${name}"`)
      .send(csvOf(r.from!, r.to!, r.rows, r.total));
  });

  return router;
}
