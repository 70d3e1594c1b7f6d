/**
 * One controller for every referral action (`actionSpecs.ts`): GET shows the form, POST validates
 * it, sends the mutation with the version the form was shown with, and maps the hub's answer back:
 * BAD_USER_INPUT highlights the field it names; CONFLICT keeps the input and shows the latest
 * version; INVALID_TRANSITION says the action is no longer possible. A decline shows a
 * check-your-answers page before it is sent.
 */
import { Router, type Request, type Response } from 'express';
import { HubError } from '../gateway/client.ts';
import {
  dateOf,
  errorListOf,
  validate,
  valuesOf,
  type Errors,
  type Field,
  type Values,
} from '../presenters/forms.ts';
import { label } from '../presenters/format.ts';
import { ReferralPresenter } from '../presenters/referral.ts';
import { specOf, type ActionContext, type ActionSpec } from './actionSpecs.ts';
import { NotFoundError } from './errors.ts';
import { ID_PATTERN, callerFor, flash, param, type Services } from './context.ts';

const HUB_MESSAGES: Record<string, string> = {
  INVALID_TRANSITION:
    'This can no longer be done: the referral’s status has changed. Go back to the referral to see what can be done now.',
  INELIGIBLE: 'The hub refused this change under the referral rules. Check your answers.',
  HUB_UNREACHABLE: 'The RECONNECT hub could not be reached, so nothing was saved. Try again.',
  DOWNSTREAM_SERVICE_ERROR:
    'Part of the RECONNECT hub is not available, so nothing was saved. Try again in a few minutes.',
  INTERNAL_SERVER_ERROR: 'Sorry, there is a problem with the service, so nothing was saved. Try again later.',
};

export function actionRoutes(services: Services): Router {
  const router = Router();

  async function contextOf(req: Request, res: Response, spec: ActionSpec): Promise<ActionContext> {
    const id = param(req, 'id');
    if (!ID_PATTERN.test(id)) throw new NotFoundError();
    const caller = callerFor(res);
    const answer = await services.referrals.referral(caller, id);
    if (!answer) throw new NotFoundError();
    const referral = answer.data;
    const needs = spec.needs ?? [];
    const [staff, serviceList, partners] = await Promise.all([
      needs.includes('staff')
        ? services.referrals.staffOf(caller, referral.owningService.code)
        : Promise.resolve([]),
      needs.includes('services') ? services.referrals.services(caller) : Promise.resolve([]),
      needs.includes('partners')
        ? services.referrals.partnersFor(caller, referral.owningService.region)
        : Promise.resolve([]),
    ]);
    return {
      referral,
      caller,
      referrals: services.referrals,
      staff,
      services: serviceList,
      partners,
      today: services.today(),
    };
  }

  function render(
    res: Response,
    spec: ActionSpec,
    ctx: ActionContext,
    values: Values,
    errors: Errors,
    conflict = false,
  ) {
    if (!ctx.referral.availableActions.includes(spec.action as never)) {
      res.status(409).render('pages/action-unavailable.njk', {
        spec,
        page: new ReferralPresenter(ctx.referral, ctx.today),
      });
      return;
    }
    const fields = spec.fields(ctx);
    res.render('pages/action.njk', {
      spec,
      page: new ReferralPresenter(ctx.referral, ctx.today),
      caption: spec.caption?.(ctx),
      fields: fields.map((f) => viewOf(f, values, errors)),
      errorList: errorListOf(fields, errors),
      conflict,
      version: ctx.referral.version,
      action: `/referrals/${ctx.referral.id}/${spec.slug}`,
    });
  }

  router.get('/referrals/:id/:slug', async (req, res, next) => {
    const spec = specOf(param(req, 'slug'));
    if (!spec) return next();
    const ctx = await contextOf(req, res, spec);
    render(res, spec, ctx, {}, {});
  });

  router.post(['/referrals/:id/:slug', '/referrals/:id/:slug/confirm'], async (req, res, next) => {
    const spec = specOf(param(req, 'slug'));
    if (!spec) return next();
    const confirming = req.path.endsWith('/confirm');
    const ctx = await contextOf(req, res, spec);
    const body = req.body as Record<string, unknown>;
    const fields = spec.fields(ctx);
    const values = valuesOf(fields, body);
    const shownVersion = Number(body.version);
    const errors = validate(fields, values, ctx.today);
    if (Object.keys(errors).length) return render(res, spec, ctx, values, errors);
    // The version the user saw: a change since then is a CONFLICT for the hub to report.
    if (Number.isInteger(shownVersion)) ctx.referral = { ...ctx.referral, version: shownVersion };
    if (spec.checkAnswers && !confirming) {
      return res.render('pages/check-answers.njk', {
        spec,
        page: new ReferralPresenter(ctx.referral, ctx.today),
        answers: fields.map((f) => ({
          key: { text: f.label.replace(' (optional)', '') },
          value: { text: answerText(f, values) || 'None' },
          actions: {
            items: [
              {
                href: `/referrals/${ctx.referral.id}/${spec.slug}`,
                text: 'Change',
                visuallyHiddenText: f.label.toLowerCase(),
              },
            ],
          },
        })),
        hidden: Object.entries(values),
        version: ctx.referral.version,
        action: `/referrals/${ctx.referral.id}/${spec.slug}/confirm`,
      });
    }
    try {
      await spec.send(ctx, values);
    } catch (error) {
      if (!(error instanceof HubError)) throw error;
      if (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN') throw error;
      if (error.code === 'CONFLICT') {
        const latest = await services.referrals.referral(ctx.caller, ctx.referral.id);
        if (!latest) throw new NotFoundError();
        return render(res.status(409), spec, { ...ctx, referral: latest.data }, values, {}, true);
      }
      const fieldErrors: Errors = {};
      if (error.code === 'BAD_USER_INPUT' && error.field) {
        const hubField = error.field.split('.').pop()!;
        const formField = spec.hubFields?.[hubField];
        const field = fields.find((f) => f.name === formField);
        if (field)
          fieldErrors[field.name] =
            `Check ${field.label.replace(' (optional)', '').toLowerCase()}: the hub did not accept it`;
      }
      if (!Object.keys(fieldErrors).length) {
        fieldErrors._form =
          error.code === 'BAD_USER_INPUT'
            ? 'Check your answers: the hub did not accept them'
            : (HUB_MESSAGES[error.code] ?? HUB_MESSAGES.INTERNAL_SERVER_ERROR!);
      }
      return render(res.status(error.code === 'BAD_USER_INPUT' ? 400 : 409), spec, ctx, values, fieldErrors);
    }
    flash(req, spec.done);
    res.redirect(303, `/referrals/${ctx.referral.id}`);
  });

  return router;
}

function answerText(field: Field, values: Values): string {
  if (field.kind === 'date' || field.kind === 'dateParts') {
    const d = dateOf(values, field.name);
    return d ?? '';
  }
  const value = values[field.name] ?? '';
  if (field.kind === 'radios' || field.kind === 'select')
    return field.options.find((o) => o.value === value)?.text ?? label(value);
  return value;
}

/** The macro parameters of one field, with its value and error. */
export function viewOf(field: Field, values: Values, errors: Errors) {
  const error = errors[field.name] ? { text: errors[field.name] } : undefined;
  const base = { kind: field.kind, name: field.name, label: field.label, hint: field.hint, error };
  switch (field.kind) {
    case 'radios':
      return {
        ...base,
        items: field.options.map((o) => ({
          value: o.value,
          text: o.text,
          hint: o.hint ? { text: o.hint } : undefined,
          checked: values[field.name] === o.value,
        })),
      };
    case 'select':
      return {
        ...base,
        autocomplete: field.autocomplete,
        items: field.options.map((o) => ({
          value: o.value,
          text: o.text,
          selected: values[field.name] === o.value,
        })),
      };
    case 'dateParts': {
      const part = (p: string) => values[`${field.name}-${p}`] ?? '';
      const cls = error ? ' govuk-input--error' : '';
      return {
        ...base,
        items: [
          { name: 'day', classes: `govuk-input--width-2${cls}`, value: part('day') },
          { name: 'month', classes: `govuk-input--width-2${cls}`, value: part('month') },
          { name: 'year', classes: `govuk-input--width-4${cls}`, value: part('year') },
        ],
      };
    }
    case 'text':
      return {
        ...base,
        value: values[field.name] ?? '',
        identifier: field.identifier,
        width: field.width,
        autocompleteToken: field.autocompleteToken,
        inputType: field.inputType,
      };
    default:
      return { ...base, value: values[field.name] ?? '' };
  }
}
