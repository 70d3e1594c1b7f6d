/**
 * Information governance (RECONNECT_ADMIN): a person's access log (who read or changed the record,
 * when, what and why), page by page, and every partner's data sharing agreements with their scopes
 * and dates. The admin reads nothing else of the person (AUTH.md): not even their name.
 */
import { Router, type Request, type Response } from 'express';
import { formatDate, formatDateTime, label } from '../presenters/format.ts';
import { HubError } from '../gateway/client.ts';
import { ID_PATTERN, callerFor, type Services } from './context.ts';

const PAGE_SIZE = 25;
const ID_ERROR = 'Enter the person’s hub ID, like 3f2b8c1e-5d4a-4b6e-9a7c-2e1f0d9b8a76';
const REASON_ERROR = 'Enter the reason for the report, such as the subject access request’s reference';
const MAX_REASON = 2000;

export function governanceRoutes(services: Services): Router {
  const router = Router();

  router.get('/access-log', async (req: Request, res: Response) => {
    const raw = typeof req.query.person === 'string' ? req.query.person.trim() : '';
    const after = typeof req.query.after === 'string' && req.query.after ? req.query.after : null;
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
      next:
        log.pageInfo.hasNextPage && log.pageInfo.endCursor
          ? `${base}&after=${encodeURIComponent(log.pageInfo.endCursor)}&page=${page + 1}`
          : null,
      first: after ? base : null,
    });
  });

  function renderSubjectAccess(
    res: Response,
    values: { person: string; reason: string },
    errors: Partial<Record<'person' | 'reason', string>> = {},
    notFound = false,
  ) {
    res.render('pages/subject-access.njk', {
      ...values,
      errors,
      notFound,
      errorList: Object.entries(errors).map(([k, text]) => ({ text, href: `#${k}` })),
    });
  }

  router.get('/subject-access', (req: Request, res: Response) => {
    const person = typeof req.query.person === 'string' ? req.query.person.trim() : '';
    renderSubjectAccess(res, { person: ID_PATTERN.test(person) ? person : '', reason: '' });
  });

  router.post('/subject-access', async (req: Request, res: Response) => {
    const body = req.body as Record<string, unknown>;
    const person = typeof body.person === 'string' ? body.person.trim() : '';
    const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
    const errors: Partial<Record<'person' | 'reason', string>> = {};
    if (!ID_PATTERN.test(person)) errors.person = ID_ERROR;
    if (!reason) errors.reason = REASON_ERROR;
    else if (reason.length > MAX_REASON)
      errors.reason = `The reason must be ${MAX_REASON} characters or fewer`;
    if (errors.person || errors.reason)
      return renderSubjectAccess(res.status(400), { person, reason }, errors);
    let report;
    try {
      report = await services.governance.subjectAccessReport(callerFor(res), person, reason);
    } catch (error) {
      if (error instanceof HubError && error.code === 'BAD_USER_INPUT') {
        return renderSubjectAccess(res.status(400), { person, reason }, { reason: REASON_ERROR });
      }
      throw error;
    }
    if (!report) return renderSubjectAccess(res.status(404), { person, reason }, {}, true);
    // A download, never a page: the document is the person's whole record.
    res
      .status(200)
      .attachment(`subject-access-${report.personId}-${report.generatedAt.slice(0, 10)}.json`)
      .type('application/json')
      .set('Cache-Control', 'no-store')
      .send(report.document);
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
