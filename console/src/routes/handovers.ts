/**
 * Handover inboxes (incoming and outgoing, open ones sorted by their respond-by deadline) and the
 * answers to a handover, each behind a confirmation page: accept and decline (leads, receiving
 * service), cancel (sending service), complete (either side).
 */
import { Router, type Request, type Response } from 'express';
import { isLead } from '../auth/user.ts';
import { HubError } from '../gateway/client.ts';
import { handoverActionsOf, inboxOf, HANDOVER_ACTIONS } from '../presenters/handovers.ts';
import { errorListOf, validate, valuesOf, type Field } from '../presenters/forms.ts';
import { NotFoundError } from './errors.ts';
import { ID_PATTERN, callerFor, flash, param, takeFlash, userOf, type Services } from './context.ts';

const REASON: Field = {
  kind: 'textarea',
  name: 'reason',
  label: 'Reason',
  required: 'Enter a reason',
  maxLength: 1000,
};

export function handoverRoutes(services: Services): Router {
  const router = Router();

  router.get('/handovers', async (req: Request, res: Response) => {
    const caller = callerFor(res);
    const user = userOf(res);
    const direction = req.query.direction === 'outgoing' ? 'OUTGOING' : 'INCOMING';
    const open = req.query.show !== 'closed';
    const answer = await services.handovers.inbox(caller, direction, open);
    res.render('pages/handovers.njk', {
      flash: takeFlash(req),
      direction,
      open,
      inbox: inboxOf(answer.data.nodes, direction, services.today(), isLead(user)),
      total: answer.data.totalCount,
    });
  });

  async function load(req: Request, res: Response) {
    const id = param(req, 'id');
    const action = HANDOVER_ACTIONS.find((a) => a.slug === param(req, 'action'));
    if (!ID_PATTERN.test(id) || !action) throw new NotFoundError();
    const handover = await services.handovers.find(callerFor(res), id);
    if (!handover) throw new NotFoundError();
    const direction = handover.toService.code === userOf(res).organisationCode ? 'INCOMING' : 'OUTGOING';
    const allowed = handoverActionsOf(handover, direction, isLead(userOf(res))).some(
      (a) => a.slug === action.slug,
    );
    return { handover, action, allowed };
  }

  router.get('/handovers/:id/:action', async (req, res) => {
    const { handover, action, allowed } = await load(req, res);
    if (!allowed)
      return res.status(409).render('pages/error.njk', {
        title: 'This handover cannot be changed',
        message: 'Its status has changed, or this needs a team lead. Go back to the handovers inbox.',
      });
    res.render('pages/handover-confirm.njk', {
      handover,
      action,
      needsReason: action.needsReason,
      errorList: [],
      reason: { value: '' },
    });
  });

  router.post('/handovers/:id/:action', async (req, res) => {
    const { handover, action, allowed } = await load(req, res);
    if (!allowed)
      return res.status(409).render('pages/error.njk', {
        title: 'This handover cannot be changed',
        message: 'Its status has changed, or this needs a team lead. Go back to the handovers inbox.',
      });
    const caller = callerFor(res);
    const values = valuesOf(action.needsReason ? [REASON] : [], req.body as Record<string, unknown>);
    const errors = action.needsReason ? validate([REASON], values, services.today()) : {};
    const again = (list: { text: string; href: string }[]) =>
      res.status(400).render('pages/handover-confirm.njk', {
        handover,
        action,
        needsReason: action.needsReason,
        errorList: list,
        reason: { value: values.reason ?? '', error: errors.reason ? { text: errors.reason } : undefined },
      });
    if (Object.keys(errors).length) return again(errorListOf([REASON], errors));
    try {
      if (action.slug === 'accept') await services.handovers.accept(caller, handover.id);
      if (action.slug === 'decline') await services.handovers.decline(caller, handover.id, values.reason!);
      if (action.slug === 'cancel') await services.handovers.cancel(caller, handover.id, values.reason!);
      if (action.slug === 'complete') await services.handovers.complete(caller, handover.id);
    } catch (error) {
      if (
        error instanceof HubError &&
        ['INVALID_TRANSITION', 'CONFLICT', 'BAD_USER_INPUT'].includes(error.code)
      ) {
        return again([
          {
            text: 'This handover has changed since you opened it, so nothing was saved. Go back to the inbox to see it now.',
            href: '#main-content',
          },
        ]);
      }
      throw error;
    }
    flash(req, action.done);
    res.redirect(
      303,
      `/handovers?direction=${action.slug === 'cancel' ? 'outgoing' : req.body.direction === 'outgoing' ? 'outgoing' : 'incoming'}`,
    );
  });

  return router;
}
