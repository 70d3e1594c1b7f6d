/**
 * Webhooks, for every organisation that may subscribe (AUTH.md: staff, referrers, partners and
 * admins, their own organisation's): its subscriptions, registering one with a secret the console
 * makes and shows once (the hub never returns it), removing one, and replaying parked deliveries.
 */
import { randomBytes } from 'node:crypto';
import { EVENT_TYPES } from '@reconnect/events';
import { Router, type Request, type Response } from 'express';
import { HubError } from '../gateway/client.ts';
import { formatDateTime } from '../presenters/format.ts';
import type { Webhook } from '../services/webhooks.ts';
import { NotFoundError } from './errors.ts';
import { ID_PATTERN, callerFor, flash, param, takeFlash, type Services } from './context.ts';

const URL_ERROR = 'Enter a web address starting with https://, like https://example.org/reconnect/events';

export function webhookRoutes(services: Services): Router {
  const router = Router();

  router.get('/webhooks', async (req: Request, res: Response) => {
    const hooks = await services.webhooks.list(callerFor(res));
    res.render('pages/webhooks.njk', {
      flash: takeFlash(req),
      hooks: hooks.map((h) => ({
        id: h.id,
        url: h.url,
        events: h.eventTypes.length ? h.eventTypes.join(', ') : 'All events',
        created: formatDateTime(h.createdAt),
        failingSince: h.failingSince ? formatDateTime(h.failingSince) : null,
        parked: h.parkedDeliveries,
      })),
    });
  });

  function renderNew(res: Response, url: string, chosen: string[], errors: Record<string, string>) {
    res.render('pages/webhook-new.njk', {
      url,
      items: EVENT_TYPES.map((t) => ({ value: t, text: t, checked: chosen.includes(t) })),
      errors,
      errorList: Object.entries(errors).map(([k, text]) => ({ text, href: `#${k}` })),
    });
  }

  router.get('/webhooks/new', (_req: Request, res: Response) => renderNew(res, '', [], {}));

  router.post('/webhooks/new', async (req: Request, res: Response) => {
    const body = req.body as Record<string, unknown>;
    const url = typeof body.url === 'string' ? body.url.trim() : '';
    const raw = body.eventTypes;
    const chosen = (Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : []).filter(
      (t): t is string => typeof t === 'string' && (EVENT_TYPES as readonly string[]).includes(t),
    );
    if (!url) return renderNew(res.status(400), url, chosen, { url: URL_ERROR });
    // The secret: made here, sent once to the hub, shown once on the next page, kept nowhere.
    const secret = randomBytes(32).toString('base64url');
    let id: string;
    try {
      id = await services.webhooks.register(callerFor(res), url, chosen, secret);
    } catch (error) {
      if (error instanceof HubError && error.code === 'BAD_USER_INPUT') {
        return renderNew(
          res.status(400),
          url,
          chosen,
          error.field === 'eventTypes' ? { eventTypes: 'Select events the hub sends' } : { url: URL_ERROR },
        );
      }
      throw error;
    }
    res.render('pages/webhook-secret.njk', { id, url, secret });
  });

  async function hookOf(req: Request, res: Response): Promise<Webhook> {
    const id = param(req, 'id');
    if (!ID_PATTERN.test(id)) throw new NotFoundError();
    const hook = (await services.webhooks.list(callerFor(res))).find((h) => h.id === id);
    if (!hook) throw new NotFoundError();
    return hook;
  }

  router.get('/webhooks/:id/remove', async (req: Request, res: Response) => {
    res.render('pages/webhook-remove.njk', { hook: await hookOf(req, res) });
  });

  router.post('/webhooks/:id/remove', async (req: Request, res: Response) => {
    const hook = await hookOf(req, res);
    await services.webhooks.remove(callerFor(res), hook.id);
    flash(req, `Webhook to ${hook.url} removed`);
    res.redirect(303, '/webhooks');
  });

  router.post('/webhooks/:id/replay', async (req: Request, res: Response) => {
    const hook = await hookOf(req, res);
    await services.webhooks.replay(callerFor(res), hook.id);
    flash(
      req,
      `${hook.parkedDeliveries} parked ${hook.parkedDeliveries === 1 ? 'delivery' : 'deliveries'} queued again`,
    );
    res.redirect(303, '/webhooks');
  });

  return router;
}
