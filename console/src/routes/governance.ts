/**
 * Information governance (RECONNECT_ADMIN): a person's access log (who read or changed the record,
 * when, what and why), page by page, and every partner's data sharing agreements with their scopes
 * and dates. The admin reads nothing else of the person (AUTH.md): not even their name.
 */
import { Router, type Request, type Response } from 'express';
import { formatDate, formatDateTime, label } from '../presenters/format.ts';
import { afterOf, cursorLinks } from '../presenters/paging.ts';
import { HubError } from '../gateway/client.ts';
import type { OpenConflicts } from '../services/governance.ts';
import { ID_PATTERN, callerFor, flash, takeFlash, type Services } from './context.ts';

const PAGE_SIZE = 25;
const CONFLICTS_PAGE = 50;
const NOTE_MAX = 2000;
const ID_ERROR = 'Enter the person’s hub ID, like 3f2b8c1e-5d4a-4b6e-9a7c-2e1f0d9b8a76';
const REASON_ERROR = 'Enter the reason for the report, such as the subject access request’s reference';
const MAX_REASON = 2000;

type ConflictRecord = OpenConflicts['nodes'][number]['person'];

/** One record of a conflict as summary-list rows (identity only: all the hub opens here). */
function recordRows(p: ConflictRecord) {
  const row = (key: string, value: string | null | undefined) => ({
    key: { text: key },
    value: { text: value || 'Not recorded' },
  });
  return [
    row('Name', `${p.givenName} ${p.familyName}`),
    row('Date of birth', formatDate(p.dateOfBirth)),
    row('NHS number', p.nhsNumber),
    row('Prison number', p.prisonNumber),
    row('CRN', p.crn),
    row('PNC ID', p.pncId),
    row('Home Office reference', p.homeOfficeReference),
    row('Hub ID', p.id),
  ];
}

interface ResolveErrors {
  decision?: string;
  note?: string;
}

async function renderConflicts(
  services: Services,
  res: Response,
  invalid?: { id: string; errors: ResolveErrors; decision: string; note: string },
  message?: string,
) {
  const conflicts = await services.governance.openConflicts(callerFor(res), CONFLICTS_PAGE);
  res.render('pages/identity-conflicts.njk', {
    flash: message,
    total: conflicts.totalCount,
    errorList: invalid
      ? Object.entries(invalid.errors).map(([field, text]) => ({ text, href: `#${field}-${invalid.id}` }))
      : undefined,
    conflicts: conflicts.nodes.map((c) => ({
      id: c.id,
      detectedAt: formatDateTime(c.detectedAt),
      kind: c.kind,
      kindLabel: c.kind === 'DEMOGRAPHICS_DIFFER' ? 'Demographics differ' : 'Two records',
      identifier: label(c.identifierType),
      contested: c.contestedIdentifiers.map((kind) => label(kind)),
      linked: {
        id: c.person.id,
        name: `${c.person.givenName} ${c.person.familyName}`,
        rows: recordRows(c.person),
      },
      other: {
        id: c.otherPerson.id,
        name: `${c.otherPerson.givenName} ${c.otherPerson.familyName}`,
        rows: recordRows(c.otherPerson),
      },
      ...(invalid?.id === c.id
        ? { errors: invalid.errors, decision: invalid.decision, note: invalid.note }
        : {}),
    })),
  });
}

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

  router.get('/identity-conflicts', async (req: Request, res: Response) => {
    await renderConflicts(services, res, undefined, takeFlash(req));
  });

  router.post('/identity-conflicts/:id/resolve', async (req: Request, res: Response) => {
    const id = typeof req.params.id === 'string' ? req.params.id : '';
    if (!ID_PATTERN.test(id)) return res.status(404).render('pages/not-found.njk');
    const body = req.body as { [key: string]: unknown };
    const decision = typeof body.decision === 'string' ? body.decision : '';
    const note = typeof body.note === 'string' ? body.note.trim() : '';
    // Both records' ids come with the form: the hub's default record to keep differs by kind, so
    // the console names the one the person chose, whichever it is.
    const idOf = (value: unknown) => (typeof value === 'string' && ID_PATTERN.test(value) ? value : null);
    const keep =
      decision === 'KEEP_OTHER' ? idOf(body.keep) : decision === 'KEEP_LINKED' ? idOf(body.linked) : null;
    const errors: ResolveErrors = {};
    if (!['KEEP_LINKED', 'KEEP_OTHER', 'DIFFERENT_PEOPLE'].includes(decision))
      errors.decision = 'Select whether these are one person or two';
    if (!note) errors.note = 'Enter why you decided this';
    else if (note.length > NOTE_MAX) errors.note = `The note must be ${NOTE_MAX} characters or fewer`;
    if (Object.keys(errors).length) {
      res.status(400);
      return renderConflicts(services, res, { id, errors, decision, note });
    }
    const outcome = decision === 'DIFFERENT_PEOPLE' ? 'DIFFERENT_PEOPLE' : 'SAME_PERSON';
    try {
      await services.governance.resolveConflict(callerFor(res), id, outcome, note, keep);
    } catch (error) {
      if (error instanceof HubError && (error.code === 'INVALID_TRANSITION' || error.code === 'NOT_FOUND')) {
        flash(req, 'That conflict has already been resolved');
        return res.redirect(303, '/identity-conflicts');
      }
      throw error;
    }
    flash(
      req,
      outcome === 'SAME_PERSON'
        ? 'Conflict resolved: the two records are being merged into one'
        : 'Conflict resolved: the records are two people',
    );
    res.redirect(303, '/identity-conflicts');
  });

  return router;
}
