/**
 * Information governance (RECONNECT_ADMIN): a person's access log (who read or changed the record,
 * when, what and why), page by page, and every partner's data sharing agreements with their scopes
 * and dates. The admin reads nothing else of the person (AUTH.md): not even their name.
 */
import { Router, type Request, type Response } from 'express';
import { formatDate, formatDateTime, label } from '../presenters/format.ts';
import { afterOf, cursorLinks } from '../presenters/paging.ts';
import { ID_PATTERN, callerFor, type Services } from './context.ts';

const PAGE_SIZE = 25;

export function governanceRoutes(services: Services): Router {
  const router = Router();

  router.get('/access-log', async (req: Request, res: Response) => {
    const raw = typeof req.query.person === 'string' ? req.query.person.trim() : '';
    const after = afterOf(req);
    const page =
      typeof req.query.page === 'string' && /^\d{1,4}$/.test(req.query.page) ? Number(req.query.page) : 1;
    if (!raw) return res.render('pages/access-log.njk', { person: '' });
    if (!ID_PATTERN.test(raw)) {
      return res.status(400).render('pages/access-log.njk', {
        person: raw,
        errorList: [
          { text: 'Enter the person’s hub ID, like 3f2b8c1e-5d4a-4b6e-9a7c-2e1f0d9b8a76', href: '#person' },
        ],
        error: 'Enter the person’s hub ID, like 3f2b8c1e-5d4a-4b6e-9a7c-2e1f0d9b8a76',
      });
    }
    const log = await services.governance.accessLog(callerFor(res), raw, PAGE_SIZE, after);
    if (!log) {
      return res.status(404).render('pages/access-log.njk', {
        person: raw,
        notFound: true,
      });
    }
    const base = `/access-log?person=${encodeURIComponent(raw)}`;
    res.render('pages/access-log.njk', {
      person: raw,
      page,
      rows: log.nodes.map((e) => [
        { text: formatDateTime(e.at) },
        { text: [e.actorSubject, e.actorOrganisation].filter(Boolean).join(', ') },
        { text: `${e.action}${e.fields.length ? `: ${e.fields.join(', ')}` : ''}` },
        { text: e.purpose ?? 'Not given' },
        { text: label(e.outcome) },
      ]),
      ...cursorLinks(base, after, log.pageInfo, `&page=${page + 1}`),
    });
  });

  router.get('/agreements', async (_req: Request, res: Response) => {
    const partners = await services.governance.agreements(callerFor(res));
    res.render('pages/agreements.njk', {
      partners: partners.map((p) => ({
        code: p.code,
        name: p.name,
        regions: p.regions.map(label).join(', '),
        rows: [...p.agreements]
          .sort((a, b) => b.startsOn.localeCompare(a.startsOn))
          .map((a) => [
            { text: a.reference },
            { text: a.scopes.map((s) => (s === 'RISK' ? 'Risk' : 'Health needs')).join(', ') },
            { text: formatDate(a.startsOn) },
            { text: formatDate(a.endsOn) },
            {
              html: a.active
                ? '<strong class="govuk-tag govuk-tag--green">Active</strong>'
                : '<strong class="govuk-tag govuk-tag--grey">Not active</strong>',
            },
          ]),
      })),
    });
  });

  return router;
}
