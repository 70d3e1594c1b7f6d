/**
 * "Make a referral": the GOV.UK question pages for referrers without a system of their own (and
 * RECONNECT staff, for their own service's establishments). The answers live in the session; the
 * idempotency key is made when the form is started, so a double click, a browser retry or going
 * back and sending again never makes a second referral: the hub answers the first one again.
 */
import { randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { isReferrer, isStaff } from '../auth/user.ts';
import { HubError } from '../gateway/client.ts';
import { errorListOf, type Errors, type Values } from '../presenters/forms.ts';
import { label } from '../presenters/format.ts';
import {
  NEED_CATEGORIES,
  STEPS,
  STEP_IDS,
  answersOf,
  badInputRefusal,
  checkAnswersOf,
  checkStep,
  firstIncomplete,
  ineligibleRefusal,
  inputOf,
  stepOf,
  type Directory,
  type ReferralDraft,
  type Refusal,
  type Step,
} from '../presenters/referralForm.ts';
import type { OwnReferringOrganisation } from '../services/referrer.ts';
import { viewOf } from './actions.ts';
import { callerFor, param, userOf, type Services } from './context.ts';

declare module 'express-session' {
  interface SessionData {
    referralDraft?: ReferralDraft;
  }
}

const BASE = '/make-a-referral';

export function makeReferralRoutes(services: Services): Router {
  const router = Router();

  /**
   * A referrer refers as its organisation in the directory of referring organisations (its token's
   * `org`, contract/next/trust.md): the form names it and offers only the sources it may give. A
   * referrer whose organisation the directory does not know, or marks inactive, cannot refer: the
   * hub would refuse it (FORBIDDEN), so the form says so before anything is asked.
   */
  router.use(BASE, async (_req: Request, res: Response, next) => {
    const user = userOf(res);
    if (!isReferrer(user) || isStaff(user)) return next();
    const organisation = user.organisationCode
      ? await services.referrer.ownOrganisation(callerFor(res), user.organisationCode)
      : null;
    if (!organisation?.active) {
      res.status(403).render('pages/error.njk', {
        title: 'Your organisation cannot make referrals here',
        message:
          'The RECONNECT directory of referring organisations does not list your organisation as one that may refer. Contact RECONNECT information governance to be added.',
      });
      return;
    }
    res.locals.referringOrganisation = organisation;
    next();
  });

  async function directoryOf(res: Response, step?: Step): Promise<Directory> {
    const user = userOf(res);
    const caller = callerFor(res);
    const organisation = res.locals.referringOrganisation as OwnReferringOrganisation | undefined;
    const wants = (id: string) => !step || step.id === id;
    const [establishments, localAuthorities] = await Promise.all([
      wants('custody')
        ? services.referrer.establishments(caller, isStaff(user) ? user.organisationCode : null)
        : Promise.resolve([]),
      wants('person') ? services.referrer.localAuthorities(caller) : Promise.resolve([]),
    ]);
    return {
      establishments,
      localAuthorities,
      organisationName: organisation?.name ?? user.serviceName,
      referringOrganisation: organisation
        ? { name: organisation.name, allowedSources: organisation.allowedSources }
        : null,
    };
  }

  function backOf(step: Step, change: boolean): string {
    if (change) return `${BASE}/check-answers`;
    const i = STEP_IDS.indexOf(step.id);
    return i === 0 ? BASE : `${BASE}/${STEP_IDS[i - 1]}`;
  }

  function renderStep(
    res: Response,
    step: Step,
    directory: Directory,
    values: Values,
    errors: Errors,
    change: boolean,
  ) {
    const fields = step.fields(directory);
    const needs =
      step.id === 'needs'
        ? NEED_CATEGORIES.map((c) => {
            const description = fields.find((f) => f.name === `need-${c}`)!;
            return {
              value: c,
              text: label(c),
              checked: (values.needs ?? '').split(',').includes(c),
              description: viewOf(description, values, errors),
            };
          })
        : [];
    res.render('pages/make-referral/question.njk', {
      step,
      stepNumber: STEP_IDS.indexOf(step.id) + 1,
      stepCount: STEP_IDS.length,
      fields: step.id === 'needs' ? [] : fields.map((f) => viewOf(f, values, errors)),
      needs,
      needsError: errors.needs ? { text: errors.needs } : undefined,
      errorList: errorListOf(fields, errors),
      action: `${BASE}/${step.id}${change ? '?change=yes' : ''}`,
      back: backOf(step, change),
    });
  }

  function refuse(res: Response, draft: ReferralDraft, directory: Directory, refusal: Refusal) {
    const step = stepOf(refusal.step)!;
    res.status(400);
    renderStep(
      res,
      step,
      directory,
      draft.answers[step.id] ?? {},
      { [refusal.field]: refusal.message },
      true,
    );
  }

  router.get(BASE, (req: Request, res: Response) => {
    const draft = req.session.referralDraft;
    res.render('pages/make-referral/start.njk', {
      inProgress: Boolean(draft && !draft.submitted && Object.keys(draft.answers).length),
      staff: isStaff(userOf(res)),
    });
  });

  router.post(`${BASE}/start`, (req: Request, res: Response) => {
    req.session.referralDraft = { key: randomUUID(), answers: {} };
    res.redirect(303, `${BASE}/${STEP_IDS[0]}`);
  });

  router.get(`${BASE}/check-answers`, async (req: Request, res: Response) => {
    const draft = req.session.referralDraft;
    if (!draft) return res.redirect(303, BASE);
    if (draft.submitted) return res.redirect(303, `${BASE}/confirmation`);
    const directory = await directoryOf(res);
    const incomplete = firstIncomplete(draft, directory, services.today());
    if (incomplete) return res.redirect(303, `${BASE}/${incomplete}`);
    res.render('pages/make-referral/check-answers.njk', { sections: checkAnswersOf(draft, directory) });
  });

  router.post(`${BASE}/check-answers`, async (req: Request, res: Response) => {
    const draft = req.session.referralDraft;
    if (!draft) return res.redirect(303, BASE);
    if (draft.submitted) return res.redirect(303, `${BASE}/confirmation`);
    const directory = await directoryOf(res);
    const incomplete = firstIncomplete(draft, directory, services.today());
    if (incomplete) return res.redirect(303, `${BASE}/${incomplete}`);
    let submitted;
    try {
      submitted = await services.referrer.submit(callerFor(res), inputOf(draft, directory), draft.key);
    } catch (error) {
      if (!(error instanceof HubError)) throw error;
      if (error.code === 'INELIGIBLE')
        return refuse(res, draft, directory, ineligibleRefusal(error.reason, draft));
      const refusal = error.code === 'BAD_USER_INPUT' ? badInputRefusal(error.field) : undefined;
      if (refusal) return refuse(res, draft, directory, refusal);
      throw error;
    }
    // Another request of this session (a double click) may have finished first: same referral.
    req.session.referralDraft = {
      ...draft,
      submitted: {
        id: submitted.referral.id,
        reference: submitted.referral.reference,
        status: submitted.referral.status,
        serviceName: submitted.referral.owningService.name,
        replayed: submitted.replayed,
      },
    };
    req.session.save(() => res.redirect(303, `${BASE}/confirmation`));
  });

  router.get(`${BASE}/confirmation`, (req: Request, res: Response) => {
    const submitted = req.session.referralDraft?.submitted;
    if (!submitted) return res.redirect(303, BASE);
    res.render('pages/make-referral/confirmation.njk', { submitted });
  });

  router.get(`${BASE}/:step`, async (req: Request, res: Response, next) => {
    const step = stepOf(param(req, 'step'));
    if (!step) return next();
    const draft = req.session.referralDraft;
    if (!draft) return res.redirect(303, BASE);
    if (draft.submitted) return res.redirect(303, `${BASE}/confirmation`);
    const directory = await directoryOf(res, step);
    const values =
      draft.answers[step.id] ??
      (step.id === 'referrer'
        ? {
            organisationName: directory.organisationName ?? '',
            referrerName: userOf(res).name,
          }
        : {});
    renderStep(res, step, directory, values, {}, req.query.change === 'yes');
  });

  router.post(`${BASE}/:step`, async (req: Request, res: Response, next) => {
    const step = stepOf(param(req, 'step'));
    if (!step) return next();
    const draft = req.session.referralDraft;
    if (!draft) return res.redirect(303, BASE);
    if (draft.submitted) return res.redirect(303, `${BASE}/confirmation`);
    const change = req.query.change === 'yes';
    const directory = await directoryOf(res, step);
    const values = answersOf(step, directory, req.body as Record<string, unknown>);
    const errors = checkStep(step, directory, values, services.today());
    if (Object.keys(errors).length) {
      res.status(400);
      return renderStep(res, step, directory, values, errors, change);
    }
    req.session.referralDraft = { ...draft, answers: { ...draft.answers, [step.id]: values } };
    const i = STEP_IDS.indexOf(step.id);
    const nextPage = change || i === STEPS.length - 1 ? 'check-answers' : STEP_IDS[i + 1]!;
    req.session.save(() => res.redirect(303, `${BASE}/${nextPage}`));
  });

  return router;
}
