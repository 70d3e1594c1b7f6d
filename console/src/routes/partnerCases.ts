/**
 * Enhanced RECONNECT partners: their organisation's open cases, each with what the data sharing
 * agreement's scopes allow (risk, needs), the named worker and support window, and a form to add
 * an update. A case whose consent is withdrawn, that is closed, or from which the partner was
 * removed is simply not there any more (the hub no longer answers it).
 */
import { Router, type Request, type Response } from 'express';
import { HubError } from '../gateway/client.ts';
import {
  errorListOf,
  validate,
  valuesOf,
  type Errors,
  type Field,
  type Values,
} from '../presenters/forms.ts';
import { formatDate, formatDateTime, label } from '../presenters/format.ts';
import { afterOf, cursorLinks } from '../presenters/paging.ts';
import type { PartnerCase } from '../services/partners.ts';
import { viewOf } from './actions.ts';
import { NotFoundError } from './errors.ts';
import { ID_PATTERN, callerFor, flash, param, takeFlash, type Services } from './context.ts';

const PAGE_SIZE = 25;

const UPDATE_FIELDS: Field[] = [
  {
    kind: 'textarea',
    name: 'note',
    label: 'Add an update',
    hint: 'What your organisation has done or found. The RECONNECT service and the case’s other partners will see it.',
    required: 'Enter the update',
    maxLength: 2000,
  },
];

function windowText(w: { startsOn: string; endsOn?: string | null; extendedUntil?: string | null }): string {
  const end = w.extendedUntil ?? w.endsOn;
  return end
    ? `${formatDate(w.startsOn)} to ${formatDate(end)}${w.extendedUntil ? ' (extended)' : ''}`
    : `From ${formatDate(w.startsOn)}, until six months after release`;
}

export function partnerCaseRoutes(services: Services): Router {
  const router = Router();

  router.get('/partner-cases', async (req: Request, res: Response) => {
    const after = afterOf(req);
    const page = await services.partners.openCases(callerFor(res), PAGE_SIZE, after);
    res.render('pages/partner-cases.njk', {
      total: page.totalCount,
      rows: page.nodes.map((c) => ({
        id: c.id,
        person: `${c.referral.person.familyName}, ${c.referral.person.givenName}`,
        reference: c.referral.reference,
        worker: c.referral.namedWorker?.name ?? 'Not assigned',
        window: windowText(c.referral.supportWindow),
        opened: formatDate(c.openedAt.slice(0, 10)),
      })),
      ...cursorLinks('/partner-cases', after, page.pageInfo),
    });
  });

  async function caseOf(req: Request, res: Response) {
    const id = param(req, 'id');
    if (!ID_PATTERN.test(id)) throw new NotFoundError();
    const answer = await services.partners.case(callerFor(res), id);
    if (!answer || answer.data.status !== 'OPEN') throw new NotFoundError();
    return answer;
  }

  function render(
    res: Response,
    answer: { data: PartnerCase; problems: { code: string; path?: (string | number)[] | undefined }[] },
    values: Values,
    errors: Errors,
    flashMessage?: string,
  ) {
    const c = answer.data;
    const withheld = (field: string) =>
      answer.problems.some((p) => p.code === 'FORBIDDEN' && p.path?.includes(field));
    const person = c.referral.person;
    const risk = person.riskOfSeriousHarm;
    res.render('pages/partner-case.njk', {
      flash: flashMessage,
      c,
      personName: `${person.givenName} ${person.familyName}`,
      details: [
        { key: { text: 'Date of birth' }, value: { text: formatDate(person.dateOfBirth) } },
        { key: { text: 'Referral' }, value: { text: c.referral.reference } },
        { key: { text: 'Named worker' }, value: { text: c.referral.namedWorker?.name ?? 'Not assigned' } },
        { key: { text: 'Support window' }, value: { text: windowText(c.referral.supportWindow) } },
        { key: { text: 'Enhanced case opened' }, value: { text: formatDateTime(c.openedAt) } },
        { key: { text: 'Why Enhanced RECONNECT' }, value: { text: c.rationale } },
        {
          key: { text: 'Partners' },
          value: {
            text: c.partners
              .filter((p) => p.active)
              .map((p) => p.partner.name)
              .join(', '),
          },
        },
      ],
      risk: withheld('riskOfSeriousHarm')
        ? null
        : risk
          ? [
              { key: { text: 'Risk of serious harm' }, value: { text: label(risk.level) } },
              { key: { text: 'Risk to' }, value: { text: risk.riskTo.map(label).join(', ') } },
              { key: { text: 'Summary' }, value: { text: risk.summary ?? '' } },
              { key: { text: 'Assessed on' }, value: { text: formatDate(risk.assessedOn) } },
            ]
          : [],
      needs: withheld('healthNeeds')
        ? null
        : (person.healthNeeds ?? []).map((n) => ({
            key: { text: label(n.category) },
            value: { text: n.description },
          })),
      updates: [...c.updates]
        .sort((a, b) => b.at.localeCompare(a.at))
        .map((u) => ({
          at: formatDateTime(u.at),
          author: [u.author, u.partner?.name].filter(Boolean).join(', '),
          note: u.note,
        })),
      fields: UPDATE_FIELDS.map((f) => viewOf(f, values, errors)),
      errorList: errorListOf(UPDATE_FIELDS, errors),
    });
  }

  router.get('/partner-cases/:id', async (req: Request, res: Response) => {
    render(res, await caseOf(req, res), {}, {}, takeFlash(req));
  });

  router.post('/partner-cases/:id', async (req: Request, res: Response) => {
    const answer = await caseOf(req, res);
    const values = valuesOf(UPDATE_FIELDS, req.body as Record<string, unknown>);
    const errors = validate(UPDATE_FIELDS, values, services.today());
    if (Object.keys(errors).length) return render(res.status(400), answer, values, errors);
    try {
      await services.partners.addUpdate(callerFor(res), answer.data.id, values.note!);
    } catch (error) {
      // Access ended between the page and the update (consent withdrawn, case closed).
      if (error instanceof HubError && ['FORBIDDEN', 'INVALID_TRANSITION'].includes(error.code))
        throw new NotFoundError();
      throw error;
    }
    flash(req, 'Update added');
    res.redirect(303, `/partner-cases/${answer.data.id}`);
  });

  return router;
}
