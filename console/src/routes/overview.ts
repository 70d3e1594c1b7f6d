/** The service overview for team leads: `serviceMetrics` for a chosen period. */
import { Router, type Request, type Response } from 'express';
import { isLead } from '../auth/user.ts';
import { dateOf, errorListOf, validate, valuesOf, type Field } from '../presenters/forms.ts';
import { overviewOf } from '../presenters/overview.ts';
import { callerFor, userOf, type Services } from './context.ts';

const FIELDS: Field[] = [
  { kind: 'dateParts', name: 'from', label: 'From', required: 'Enter the start of the period' },
  { kind: 'dateParts', name: 'to', label: 'To', required: 'Enter the end of the period' },
];

function shift(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function partsOf(name: string, date: string) {
  const [y, m, d] = date.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
}

export function overviewRoutes(services: Services): Router {
  const router = Router();
  router.get('/overview', async (req: Request, res: Response) => {
    const user = userOf(res);
    if (!isLead(user)) return res.status(403).render('pages/forbidden.njk');
    const today = services.today();
    const given = Object.keys(req.query).some((k) => k.startsWith('from-') || k.startsWith('to-'));
    const values = given
      ? valuesOf(FIELDS, req.query as Record<string, unknown>)
      : { ...partsOf('from', shift(today, -90)), ...partsOf('to', today) };
    const errors = validate(FIELDS, values, today);
    const from = dateOf(values, 'from');
    const to = dateOf(values, 'to');
    if (!errors.to && from && to && from > to) errors.to = 'The end of the period must be after its start';
    const view = (extra: Record<string, unknown>) => ({
      values,
      errorList: errorListOf(FIELDS, errors),
      errors,
      serviceName: user.serviceName,
      ...extra,
    });
    if (Object.keys(errors).length) return res.status(400).render('pages/overview.njk', view({}));
    const metrics = await services.metrics.overview(callerFor(res), user.organisationCode, from!, to!);
    res.render('pages/overview.njk', view({ overview: overviewOf(metrics) }));
  });
  return router;
}
