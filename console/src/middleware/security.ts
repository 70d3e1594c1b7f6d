/**
 * Response headers for a console that shows health and criminal-justice data on shared machines:
 * a Content Security Policy that allows scripts and styles from the console itself only (no inline
 * script, no inline style attribute, no other origin), no framing, and `Cache-Control: no-store`
 * on everything but the static assets, so that Back after signing out shows nothing and no proxy
 * keeps a page about a person.
 */
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

export function securityHeaders(options: { production: boolean; signInOrigin?: string | undefined }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        // Signing out redirects the sign-out form to the identity provider's end-session page,
        // and browsers apply form-action to that redirect.
        formAction: ["'self'", ...(options.signInOrigin ? [options.signInOrigin] : [])],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        ...(options.production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // HSTS only where the console is served over HTTPS.
    strictTransportSecurity: options.production,
    referrerPolicy: { policy: 'no-referrer' },
  });
}

export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.set('Cache-Control', 'no-store');
  res.set('Pragma', 'no-cache');
  next();
}
