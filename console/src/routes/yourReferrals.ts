/**
 * "Your referrals", for a referrer: the status of each referral its organisation made, by
 * reference, and withdrawing one while it is SUBMITTED. Only what AUTH.md lets a referrer read: the
 * status fields, never consent, contacts, workers or the person's identifiers.
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
import { formatDate, formatDateTime, label, statusTagClass } from '../presenters/format.ts';
import type { MyReferral } from '../services/referrer.ts';
import { afterOf, cursorLinks } from '../presenters/paging.ts';
import { NotFoundError } from './errors.ts';
import { viewOf } from './actions.ts';
import { callerFor, flash, param, takeFlash, type Services } from './context.ts';

const PAGE_SIZE = 25;
/** A referral reference: RC- and two groups of four, without look-alike characters. */
const REFERENCE = /^RC-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

const WITHDRAW_FIELDS: Field[] = [
  {
    kind: 'textarea',
    name: 'reason',
    label: 'Why are you withdrawing this referral?',
    hint: 'The RECONNECT service will see this reason',
    required: 'Enter why you are withdrawing the referral',
    maxLength: 1000,
  },
];

export function yourReferralRoutes(services: Services): Router {
  const router = Router();

  router.get('/your-referrals', async (req: Request, res: Response) => {
    const after = afterOf(req);
    const page = await services.referrer.mine(callerFor(res), PAGE_SIZE, after);
    res.render('pages/your-referrals.njk', {
      flash: takeFlash(req),
      total: page.totalCount,
      rows: page.nodes.map((r) => ({
        reference: r.reference,
        person: `${r.person.familyName}, ${r.person.givenName}`,
        establishment: r.custody.establishment.name,
        service: r.owningService.name,
        submitted: formatDate(r.submittedAt.slice(0, 10)),
        status: { text: label(r.status), classes: statusTagClass(r.status) },
      })),
      ...cursorLinks('/your-referrals', after, page.pageInfo),
    });
  });

  async function referralOf(req: Request, res: Response): Promise<MyReferral> {
    const reference = param(req, 'reference').toUpperCase();
    if (!REFERENCE.test(reference)) throw new NotFoundError();
    const referral = await services.referrer.byReference(callerFor(res), reference);
    if (!referral) throw new NotFoundError();
    return referral;
  }

  router.get('/your-referrals/:reference', async (req: Request, res: Response) => {
    const referral = await referralOf(req, res);
    res.render('pages/your-referral.njk', { flash: takeFlash(req), ...detailOf(referral) });
  });

  function renderWithdraw(res: Response, referral: MyReferral, values: Values, errors: Errors) {
    if (!referral.availableActions.includes('WITHDRAW')) {
      res.status(409);
      return res.render('pages/your-referral.njk', {
        ...detailOf(referral),
        unavailable:
          'This referral can no longer be withdrawn: the RECONNECT service has already acted on it.',
      });
    }
    res.render('pages/your-referral-withdraw.njk', {
      referral,
      person: `${referral.person.givenName} ${referral.person.familyName}`,
      fields: WITHDRAW_FIELDS.map((f) => viewOf(f, values, errors)),
      errorList: errorListOf(WITHDRAW_FIELDS, errors),
      version: referral.version,
    });
  }

  router.get('/your-referrals/:reference/withdraw', async (req: Request, res: Response) => {
    renderWithdraw(res, await referralOf(req, res), {}, {});
  });

  router.post('/your-referrals/:reference/withdraw', async (req: Request, res: Response) => {
    const referral = await referralOf(req, res);
    // Already acted on (or withdrawn) since the form was shown: say so, send nothing.
    if (!referral.availableActions.includes('WITHDRAW')) return renderWithdraw(res, referral, {}, {});
    const values = valuesOf(WITHDRAW_FIELDS, req.body as Record<string, unknown>);
    const errors = validate(WITHDRAW_FIELDS, values, services.today());
    if (Object.keys(errors).length) return renderWithdraw(res.status(400), referral, values, errors);
    const shown = Number((req.body as Record<string, unknown>).version);
    try {
      await services.referrer.withdraw(
        callerFor(res),
        referral.id,
        values.reason!,
        Number.isInteger(shown) ? shown : referral.version,
      );
    } catch (error) {
      // A referrer may withdraw only while SUBMITTED: a change in between is refused as one of these.
      if (
        !(error instanceof HubError) ||
        !['CONFLICT', 'INVALID_TRANSITION', 'FORBIDDEN'].includes(error.code)
      )
        throw error;
      const latest = await referralOf(req, res);
      return renderWithdraw(res.status(409), latest, values, {
        _form:
          'The referral changed while you were withdrawing it. Check its status, then try again if it can still be withdrawn.',
      });
    }
    flash(req, 'Referral withdrawn');
    res.redirect(303, `/your-referrals/${referral.reference}`);
  });

  return router;
}

function detailOf(r: MyReferral) {
  const release = r.custody.releasedOn
    ? { key: { text: 'Released on' }, value: { text: formatDate(r.custody.releasedOn) } }
    : { key: { text: 'Expected release date' }, value: { text: formatDate(r.custody.expectedReleaseDate) } };
  const rows = [
    {
      key: { text: 'Status' },
      value: { html: `<strong class="govuk-tag ${statusTagClass(r.status)}">${label(r.status)}</strong>` },
    },
    { key: { text: 'Sent' }, value: { text: formatDateTime(r.submittedAt) } },
    {
      key: { text: 'Sent by' },
      value: { text: [r.referrer.name, r.referrer.organisationName].filter(Boolean).join(', ') },
    },
    { key: { text: 'Referring service' }, value: { text: label(r.source) } },
    { key: { text: 'Person' }, value: { text: `${r.person.givenName} ${r.person.familyName}` } },
    { key: { text: 'Date of birth' }, value: { text: formatDate(r.person.dateOfBirth) } },
    { key: { text: 'Prison or IRC' }, value: { text: r.custody.establishment.name } },
    release,
    { key: { text: 'RECONNECT service' }, value: { text: r.owningService.name } },
    { key: { text: 'Health needs' }, value: { text: r.identifiedNeeds.map(label).join(', ') } },
    { key: { text: 'Reason for referral' }, value: { text: r.reasonForReferral ?? '' } },
  ];
  if (r.decline) {
    rows.push({
      key: { text: 'Declined because' },
      value: { text: [label(r.decline.reason), r.decline.note].filter(Boolean).join(': ') },
    });
  }
  if (r.duplicateOf) {
    rows.push({
      key: { text: 'Already referred' },
      value: { text: `The person already has an open referral, ${r.duplicateOf.reference}` },
    });
  }
  return { referral: r, rows, mayWithdraw: r.availableActions.includes('WITHDRAW') };
}
