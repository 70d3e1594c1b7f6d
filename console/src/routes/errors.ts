/**
 * Every failure ends on a page a worker understands: not found (also for a referral of another
 * service, so its existence is not revealed), not allowed, the hub unreachable, the form token
 * refused, or a plain "something went wrong" with the request id to quote. Never a stack trace,
 * GraphQL text or a token.
 */
import type { NextFunction, Request, Response } from 'express';
import { HubError, SignInRequiredError } from '../gateway/client.ts';
import { CsrfError } from '../middleware/csrf.ts';

export class NotFoundError extends Error {
  constructor() {
    super('not found');
    this.name = 'NotFoundError';
  }
}

export function notFound(_req: Request, _res: Response, next: NextFunction): void {
  next(new NotFoundError());
}

export function errorPages(log: (error: unknown) => void) {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(error);
    if (error instanceof SignInRequiredError) {
      req.session.destroy(() => res.redirect(303, '/sign-in?expired=yes'));
      return;
    }
    if (error instanceof NotFoundError || (error instanceof HubError && error.code === 'NOT_FOUND')) {
      res.status(404).render('pages/not-found.njk');
      return;
    }
    if (error instanceof HubError && error.code === 'FORBIDDEN') {
      res.status(403).render('pages/forbidden.njk');
      return;
    }
    if (error instanceof CsrfError) {
      res.status(403).render('pages/error.njk', {
        title: 'This form has expired',
        message: 'For your security, the form could not be sent. Go back, reload the page and try again.',
      });
      return;
    }
    if (error instanceof HubError && ['DOWNSTREAM_SERVICE_ERROR', 'HUB_UNREACHABLE'].includes(error.code)) {
      res.status(503).render('pages/error.njk', {
        title: 'Sorry, the hub is not available',
        message:
          'Part of the RECONNECT hub could not be reached, so this page could not be loaded. Try again in a few minutes.',
        requestId: error.requestId,
      });
      return;
    }
    const status = (error as { status?: unknown }).status;
    if (status === 400 || status === 413) {
      res.status(400).render('pages/error.njk', {
        title: 'Sorry, that request could not be read',
        message: 'Go back and try again.',
      });
      return;
    }
    log(error);
    res.status(500).render('pages/error.njk', {
      title: 'Sorry, there is a problem with the service',
      message: 'Try again later. Nothing you entered on this page was saved.',
      requestId: error instanceof HubError ? error.requestId : undefined,
    });
  };
}
