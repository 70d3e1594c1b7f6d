/**
 * CSRF protection by the synchroniser-token pattern: one random token per session, put in a hidden
 * field of every form (`res.locals.csrfToken`) and compared in constant time on every POST. A form
 * without it, or with another session's, is refused with 403. Written here rather than taken from a
 * package: `csurf` is deprecated, and the pattern is twenty lines that are easier to audit.
 * SameSite=Lax on the session cookie is the second line of defence.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export class CsrfError extends Error {
  constructor() {
    super('missing or wrong CSRF token');
    this.name = 'CsrfError';
  }
}

export function csrfProtection(req: Request, res: Response, next: NextFunction): void {
  const session = req.session;
  if (!session.csrfToken) session.csrfToken = randomBytes(32).toString('base64url');
  res.locals.csrfToken = session.csrfToken;
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
  const sent = (req.body as Record<string, unknown> | undefined)?._csrf;
  if (typeof sent !== 'string' || !same(sent, session.csrfToken)) return next(new CsrfError());
  next();
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
