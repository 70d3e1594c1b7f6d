/**
 * Agencies' webhook subscriptions (DOMAIN.md, "Events to other agencies"; AUTH.md: webhooks and
 * their mutations are for the caller's own organisation). Every read and change is scoped to the
 * organisation in the caller's token: another organisation's subscription is NOT_FOUND, exactly as
 * one that does not exist, so ids reveal nothing.
 */
import { isUuid } from '@reconnect/access';
import { auditActor, recordAuditEvents } from '@reconnect/audit';
import { hasRole, SERVICE_STAFF_ROLES } from '@reconnect/auth';
import {
  countActiveSubscriptions,
  createSubscription,
  findSubscription,
  lockOrganisationSubscriptions,
  isEventType,
  listSubscriptions,
  parkedCounts,
  removeSubscription,
  replayParked,
  webhookUrlProblem,
  type PublicSubscription,
} from '@reconnect/events';
import { badInput, forbidden, notFound } from '@reconnect/graph';
import type { Context } from '../context.ts';
import type {
  MutationRegisterWebhookArgs,
  MutationRemoveWebhookArgs,
  MutationReplayParkedDeliveriesArgs,
} from '../generated/graphql.ts';

export type WebhookView = PublicSubscription & { parkedDeliveries: number };

export const MIN_SECRET_LENGTH = 16;
export const MAX_SECRET_LENGTH = 256;

/** Who may subscribe: the shield rule on the webhook operations and the check below. */
export const WEBHOOK_SUBSCRIBER_ROLES = [
  ...SERVICE_STAFF_ROLES,
  'RECONNECT_ADMIN',
  'REFERRER',
  'ER_PARTNER',
] as const;

/**
 * Security decision: staff, leads and admins subscribe for their service, referrers and partners
 * for their organisation (AUTH.md), re-asserted here whatever the shield said. Without an
 * organisation in the token there is nothing to scope the subscription to, so it is refused.
 */
function subscriberOrganisation(ctx: Context): string {
  if (!hasRole(ctx.principal, ...WEBHOOK_SUBSCRIBER_ROLES)) {
    throw forbidden('Only RECONNECT staff and admins, referrers and partners may manage webhooks.');
  }
  const organisation = ctx.principal.organisationCode;
  if (!organisation) throw forbidden('Your token names no organisation: webhooks belong to one.');
  return organisation;
}

/** The checks of registerWebhook's input, each naming its argument. */
export function validateWebhookInput(
  input: MutationRegisterWebhookArgs,
  environment: 'development' | 'test' | 'production',
): { url: string; eventTypes: string[]; secret: string } {
  const url = input.url.trim();
  const urlProblem = webhookUrlProblem(url, environment);
  if (urlProblem) throw badInput('url', urlProblem);
  const eventTypes = [...new Set(input.eventTypes.map((t) => t.trim()))];
  const unknown = eventTypes.find((t) => !isEventType(t));
  if (unknown !== undefined) {
    throw badInput('eventTypes', 'An event type is not one the hub sends.');
  }
  if (input.secret.length < MIN_SECRET_LENGTH || input.secret.length > MAX_SECRET_LENGTH) {
    throw badInput('secret', `The secret must be ${MIN_SECRET_LENGTH} to ${MAX_SECRET_LENGTH} characters.`);
  }
  return { url, eventTypes, secret: input.secret };
}

/**
 * Registers a subscription for the caller's organisation, its secret sealed before it is stored
 * (WEBHOOK_SECRET_KEYS), unless the organisation already has as many active subscriptions as
 * WEBHOOK_MAX_SUBSCRIPTIONS_PER_ORGANISATION allows: then BAD_USER_INPUT on `url`, and nothing is
 * written. The count and the insert are atomic (the organisation's subscriptions are locked).
 */
export async function registerWebhook(ctx: Context, args: MutationRegisterWebhookArgs): Promise<WebhookView> {
  const organisationCode = subscriberOrganisation(ctx);
  const input = validateWebhookInput(args, ctx.deps.environment);
  const webhooks = ctx.deps.webhooks;
  if (!webhooks) throw new Error('this process has no webhook settings (WEBHOOK_SECRET_KEYS)');
  const at = ctx.clock.now();
  const created = await ctx.db.transaction(async (tx) => {
    await lockOrganisationSubscriptions(tx, organisationCode);
    const max = webhooks.maxSubscriptionsPerOrganisation;
    if ((await countActiveSubscriptions(tx, organisationCode)) >= max) {
      throw badInput(
        'url',
        `Your organisation already has ${max} webhook subscriptions, the most allowed: remove one before registering another.`,
      );
    }
    const row = await createSubscription(
      tx,
      { organisationCode, ...input, createdBy: ctx.principal.subject, at },
      webhooks.secrets,
    );
    await recordAuditEvents(tx, auditActor(ctx, at), [
      {
        action: 'webhook.registered',
        subjectType: 'WebhookSubscription',
        subjectId: row.id,
        fields: ['url', 'eventTypes', 'secret'],
      },
    ]);
    return row;
  });
  return { ...created, parkedDeliveries: 0 };
}

/** The caller's organisation's active subscriptions, with their parked counts in one more query. */
export async function listWebhooks(ctx: Context): Promise<WebhookView[]> {
  const organisationCode = subscriberOrganisation(ctx);
  const rows = await listSubscriptions(ctx.db, organisationCode);
  const parked = await parkedCounts(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, parkedDeliveries: parked.get(r.id) ?? 0 }));
}

export async function removeWebhook(ctx: Context, args: MutationRemoveWebhookArgs): Promise<boolean> {
  const { id } = args;
  const organisationCode = subscriberOrganisation(ctx);
  if (!isUuid(id)) throw notFound('Webhook subscription');
  const at = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (!(await removeSubscription(tx, organisationCode, id, at))) throw notFound('Webhook subscription');
    await recordAuditEvents(tx, auditActor(ctx, at), [
      { action: 'webhook.removed', subjectType: 'WebhookSubscription', subjectId: id, fields: ['active'] },
    ]);
  });
  return true;
}

export async function replayParkedDeliveries(
  ctx: Context,
  args: MutationReplayParkedDeliveriesArgs,
): Promise<WebhookView> {
  const { id } = args;
  const organisationCode = subscriberOrganisation(ctx);
  if (!isUuid(id)) throw notFound('Webhook subscription');
  const at = ctx.clock.now();
  const subscription = await ctx.db.transaction(async (tx) => {
    const found = await findSubscription(tx, organisationCode, id);
    if (!found) throw notFound('Webhook subscription');
    await replayParked(tx, id, at);
    await recordAuditEvents(tx, auditActor(ctx, at), [
      {
        action: 'webhook.deliveries-replayed',
        subjectType: 'WebhookSubscription',
        subjectId: id,
        fields: ['parkedDeliveries'],
      },
    ]);
    return found;
  });
  return { ...subscription, parkedDeliveries: 0 };
}
