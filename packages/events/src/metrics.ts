/**
 * The outbox's gauges, read at each scrape of the process that owns it (the referral subgraph):
 * events not yet delivered to every subscriber, the age of the oldest, parked deliveries (given up
 * after 24 hours of retries, waiting for a replay) and webhook subscriptions. Counts only: no event,
 * referral or organisation is ever a label.
 */
import { sql, rowsOf, type Queryable } from '@reconnect/db';
import type { DeployableMetrics } from '@reconnect/observability';
import { deliveries, outbox, subscriptions } from './schema.ts';

interface OutboxState {
  undelivered: number;
  oldestAgeSeconds: number;
  pending: number;
  parked: number;
  activeSubscriptions: number;
  failingSubscriptions: number;
}

/** One statement per scrape, whichever gauge asks first (they are collected together). */
async function outboxState(db: Queryable): Promise<OutboxState> {
  const [row] = rowsOf<Record<keyof OutboxState, string | number | null>>(
    await db.execute(sql`select
      (select count(distinct ${deliveries.eventId}) from ${deliveries} where ${deliveries.status} = 'PENDING') as "undelivered",
      (select coalesce(extract(epoch from now() - min(${outbox.createdAt})), 0) from ${outbox}
        where exists (select 1 from ${deliveries} d where d.event_id = ${outbox.id} and d.status = 'PENDING')) as "oldestAgeSeconds",
      (select count(*) from ${deliveries} where ${deliveries.status} = 'PENDING') as "pending",
      (select count(*) from ${deliveries} where ${deliveries.status} = 'PARKED') as "parked",
      (select count(*) from ${subscriptions} where ${subscriptions.active} and ${subscriptions.removedAt} is null) as "activeSubscriptions",
      (select count(*) from ${subscriptions} where ${subscriptions.active} and ${subscriptions.removedAt} is null
        and ${subscriptions.failingSince} is not null) as "failingSubscriptions"`),
  );
  const n = (v: string | number | null | undefined) => Number(v ?? 0);
  return {
    undelivered: n(row?.undelivered),
    oldestAgeSeconds: Math.max(0, n(row?.oldestAgeSeconds)),
    pending: n(row?.pending),
    parked: n(row?.parked),
    activeSubscriptions: n(row?.activeSubscriptions),
    failingSubscriptions: n(row?.failingSubscriptions),
  };
}

export function registerOutboxMetrics(metrics: DeployableMetrics, db: Queryable): void {
  let scrape: { at: number; state: Promise<OutboxState> } | undefined;
  const state = () => {
    const now = Date.now();
    if (!scrape || now - scrape.at > 1000) scrape = { at: now, state: outboxState(db) };
    return scrape.state;
  };
  metrics.gauge(
    'reconnect_outbox_undelivered_events',
    'Events not yet delivered to every subscriber.',
    async (g) => g.set((await state()).undelivered),
  );
  metrics.gauge(
    'reconnect_outbox_oldest_undelivered_age_seconds',
    'Age of the oldest event not yet delivered to every subscriber (0 when none).',
    async (g) => g.set((await state()).oldestAgeSeconds),
  );
  metrics.gauge(
    'reconnect_outbox_pending_deliveries',
    'Deliveries waiting for their next attempt.',
    async (g) => g.set((await state()).pending),
  );
  metrics.gauge(
    'reconnect_outbox_parked_deliveries',
    'Deliveries given up after 24 hours of retries, until a replay queues them again.',
    async (g) => g.set((await state()).parked),
  );
  metrics.gauge(
    'reconnect_webhook_subscriptions',
    'Active webhook subscriptions, and those of them failing now.',
    async (g) => {
      const s = await state();
      g.set({ state: 'active' }, s.activeSubscriptions);
      g.set({ state: 'failing' }, s.failingSubscriptions);
    },
    ['state'],
  );
}
