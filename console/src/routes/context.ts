/** What every controller is given: the services, the clock, and helpers to read the user. */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { callerOf, type SignedInUser } from '../auth/user.ts';
import type { Caller } from '../gateway/client.ts';
import type { HandoverService } from '../services/handovers.ts';
import type { MetricsService } from '../services/metrics.ts';
import type { ReferralService } from '../services/referrals.ts';
import type { ReferrerService } from '../services/referrer.ts';
import type { PartnerService } from '../services/partners.ts';
import type { GovernanceService } from '../services/governance.ts';
import type { WebhookService } from '../services/webhooks.ts';

export interface Services {
  referrals: ReferralService;
  handovers: HandoverService;
  metrics: MetricsService;
  referrer: ReferrerService;
  partners: PartnerService;
  governance: GovernanceService;
  webhooks: WebhookService;
  /** Today's date in Europe/London (YYYY-MM-DD). */
  today: () => string;
}

export function userOf(res: Response): SignedInUser {
  return res.locals.user as SignedInUser;
}

export function callerFor(res: Response): Caller {
  return callerOf(userOf(res));
}

/** A one-off message shown on the next page (then forgotten). */
export function flash(req: Request, message: string): void {
  req.session.flash = message;
}

export function takeFlash(req: Request): string | undefined {
  const message = req.session.flash;
  delete req.session.flash;
  return message;
}

export function param(req: Request, name: string): string {
  const value = req.params[name];
  return typeof value === 'string' ? value : '';
}

/** Referral and handover ids are UUIDs; anything else is simply not found. */
export const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Mounts a role's pages for the users who have that role; for anyone else they do not exist (the
 * not-found page), so a page of another role's reveals nothing.
 */
export function onlyFor(allowed: (user: SignedInUser) => boolean, pages: RequestHandler): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!allowed(userOf(res))) return next();
    return pages(req, res, next);
  };
}
