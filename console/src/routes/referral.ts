/** The referral page. */
import { Router, type Request, type Response } from 'express';
import { ReferralPresenter, missingPartsOf } from '../presenters/referral.ts';
import { NotFoundError } from './errors.ts';
import { ID_PATTERN, callerFor, param, takeFlash, type Services } from './context.ts';

export function referralRoutes(services: Services): Router {
  const router = Router();
  router.get('/referrals/:id', async (req: Request, res: Response) => {
    const id = param(req, 'id');
    if (!ID_PATTERN.test(id)) throw new NotFoundError();
    const answer = await services.referrals.referral(callerFor(res), id);
    if (!answer) throw new NotFoundError();
    res.render('pages/referral.njk', {
      flash: takeFlash(req),
      page: new ReferralPresenter(answer.data, services.today()),
      missing: missingPartsOf(answer.problems),
    });
  });
  return router;
}
