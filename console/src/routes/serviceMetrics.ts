/**
 * Service metrics for commissioners: every service or one, for a period, as a table, server-drawn
 * charts and a CSV of the same figures. Aggregates only (AUTH.md: a commissioner reads
 * `serviceMetrics` and nothing about a person), and nothing on these pages links to one.
 */
import { Router, type Request, type Response } from 'express';
import {
  dateOf,
  errorListOf,
  validate,
  valuesOf,
  type Errors,
  type Field,
  type Values,
} from '../presenters/forms.ts';
import { formatDate } from '../presenters/format.ts';
import { chartsOf, csvOf, tableOf, type ServiceFigures } from '../presenters/serviceMetrics.ts';
import { callerFor, type Services } from './context.ts';

const PERIOD: Field[] = [
  { kind: 'dateParts', name: 'from', label: 'From', required: 'Enter the start of the period' },
  { kind: 'dateParts', name: 'to', label: 'To', required: 'Enter the end of the period' },
];

function shift(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function partsOf(name: string, date: string): Values {
  const [y, m, d] = date.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
}

export function serviceMetricsRoutes(services: Services): Router {
  const router = Router();

  /** The period and service asked for (the last 90 days of every service to start with). */
  async function read(req: Request, res: Response) {
    const today = services.today();
    const query = req.query as Record<string, unknown>;
    const given = Object.keys(query).some((k) => k.startsWith('from-') || k.startsWith('to-'));
    const values = given
      ? valuesOf(PERIOD, query)
      : { ...partsOf('from', shift(today, -90)), ...partsOf('to', today) };
    const errors: Errors = validate(PERIOD, values, today);
    const from = dateOf(values, 'from');
    const to = dateOf(values, 'to');
    if (!errors.to && from && to && from > to) errors.to = 'The end of the period must be after its start';
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
    return { values, errors, from, to, all, chosen, rows, total, ok };
  }

  router.get('/service-metrics', async (req: Request, res: Response) => {
    const r = await read(req, res);
    const fields = [...PERIOD, { kind: 'select', name: 'service', label: 'Service', options: [] } as Field];
    const csvQuery = new URLSearchParams({
      service: r.chosen?.code ?? '',
      ...(r.ok ? { ...partsOf('from', r.from!), ...partsOf('to', r.to!) } : {}),
    });
    res.status(r.ok ? 200 : 400).render('pages/service-metrics.njk', {
      values: r.values,
      errors: r.errors,
      errorList: errorListOf(fields, r.errors),
      serviceItems: [
        { value: '', text: 'All services', selected: !r.chosen },
        ...r.all.map((s) => ({ value: s.code, text: s.name, selected: r.chosen?.code === s.code })),
      ],
      period: r.ok ? `${formatDate(r.from)} to ${formatDate(r.to)}` : null,
      scope: r.chosen ? r.chosen.name : 'All services',
      table: r.ok ? tableOf(r.rows, r.total) : null,
      charts: r.ok ? chartsOf(r.rows) : [],
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
