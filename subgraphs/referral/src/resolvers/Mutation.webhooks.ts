/** Webhook subscriptions: thin calls into service/webhooks.ts. */
import type { Context } from '../context.ts';
import * as webhooks from '../service/webhooks.ts';

export const webhookMutations = {
  registerWebhook: (_: unknown, args: { url: string; eventTypes: string[]; secret: string }, ctx: Context) =>
    webhooks.registerWebhook(ctx, args),
  removeWebhook: (_: unknown, args: { id: string }, ctx: Context) => webhooks.removeWebhook(ctx, args.id),
  replayParkedDeliveries: (_: unknown, args: { id: string }, ctx: Context) =>
    webhooks.replayParkedDeliveries(ctx, args.id),
};
