/** Webhook subscriptions: thin calls into service/webhooks.ts. */
import type { MutationResolvers } from '../generated/resolvers.ts';
import * as webhooks from '../service/webhooks.ts';

export const webhookMutations: MutationResolvers = {
  registerWebhook: (_, args, ctx) => webhooks.registerWebhook(ctx, args),
  removeWebhook: (_, args, ctx) => webhooks.removeWebhook(ctx, args),
  replayParkedDeliveries: (_, args, ctx) => webhooks.replayParkedDeliveries(ctx, args),
};
