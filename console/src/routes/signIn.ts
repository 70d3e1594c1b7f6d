/** Sign-in (development list or OpenID Connect), sign-out. */
import { Router, type Request, type Response } from 'express';
import type { DevelopmentSignIn } from '../auth/development.ts';
import type { OidcSignIn } from '../auth/oidc.ts';
import { safeReturnTo, signIn, signOut } from '../auth/session.ts';
import { hasConsoleRole, type SignedInUser } from '../auth/user.ts';
import type { GatewayClient } from '../gateway/client.ts';
import { MeDocument } from '../generated/graphql.ts';

export function signInRoutes(options: {
  development?: DevelopmentSignIn;
  oidc?: OidcSignIn;
  gateway: GatewayClient;
  log: (e: unknown) => void;
}): Router {
  const router = Router();
  const { development, oidc } = options;

  router.get('/sign-in', async (req: Request, res: Response) => {
    if (oidc) {
      const pending = await oidc.start();
      req.session.oidc = {
        codeVerifier: pending.codeVerifier,
        state: pending.state,
        nonce: pending.nonce,
        returnTo: req.session.returnTo,
      };
      return req.session.save(() => res.redirect(303, pending.url));
    }
    const services = await development!.demoServices();
    res.render('pages/sign-in.njk', { services, expired: req.query.expired === 'yes' });
  });

  if (development) {
    router.post('/sign-in', async (req: Request, res: Response) => {
      const staffId = typeof req.body?.staffId === 'string' ? req.body.staffId : '';
      const user = staffId ? await development.signInAs(staffId) : undefined;
      if (!user) {
        const services = await development.demoServices();
        return res.status(400).render('pages/sign-in.njk', {
          services,
          errorList: [{ text: 'Select who to sign in as', href: '#staffId' }],
        });
      }
      res.redirect(303, await signIn(req, user));
    });
  }

  if (oidc) {
    router.get('/sign-in/callback', async (req: Request, res: Response) => {
      const pending = req.session.oidc;
      if (!pending) return res.redirect(303, '/sign-in');
      let user: SignedInUser;
      try {
        user = await oidc.finish(new URL(req.originalUrl, oidc.callbackUrl), pending);
        // The hub's own reading of the token: it must accept it, and it names the user's service.
        const { data } = await options.gateway.send({ token: user.token }, MeDocument, {});
        user = { ...user, roles: data.me.roles, serviceName: data.me.service?.name ?? null };
      } catch (error) {
        options.log(error);
        return res.status(401).render('pages/error.njk', {
          title: 'Sign-in failed',
          message: 'Your sign-in could not be completed. Try again.',
        });
      }
      if (!hasConsoleRole(user)) {
        return res.status(403).render('pages/error.njk', {
          title: 'This console is not for your account',
          message: 'Your account has no RECONNECT role that the console has pages for.',
        });
      }
      req.session.returnTo = safeReturnTo(pending.returnTo);
      res.redirect(303, await signIn(req, user));
    });
  }

  router.post('/sign-out', async (req: Request, res: Response) => {
    const user = req.session.user;
    await signOut(req);
    res.clearCookie('reconnect.sid');
    if (oidc && user?.method === 'oidc') return res.redirect(303, await oidc.endSessionUrl(user.idToken));
    res.redirect(303, '/signed-out');
  });

  router.get('/signed-out', (_req, res) => res.render('pages/signed-out.njk'));
  return router;
}
