/**
 * Delivers queued events to webhooks, at least once. Each round claims a batch of due deliveries
 * in one statement (`FOR UPDATE SKIP LOCKED`, so several dispatchers never take the same one) and
 * leases them by moving `next_attempt_at` forward; then it POSTs them with no transaction open and
 * records each outcome. A dispatcher that dies between the POST and the record leaves the lease to
 * expire and the delivery is sent again: receivers de-duplicate by event id.
 *
 * Every delivery resolves the host again and, in production, goes only to public addresses, over a
 * connection pinned to the address checked (resolve.ts, post.ts).
 *
 * A 2xx answer is success. Anything else (another status, a timeout, a refused connection, a
 * redirect, which is never followed) is retried with exponential back-off and jitter, for at least
 * 24 hours from when the delivery became pending, and then parked until someone replays it. Nothing
 * is dropped.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '@reconnect/db';
import { deliveries, outbox, subscriptions } from './schema.ts';
import { WebhookSecretError, type WebhookSecretKeyring } from './secrets.ts';
import { signBody } from './signing.ts';
import type { EventBody } from './types.ts';
import { createPinnedPoster, type WebhookPoster } from './post.ts';
import { WebhookResolver, resolveDeliveryTarget } from './resolve.ts';
import type { Environment } from './url.ts';

export interface DispatcherLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface DispatcherOptions {
  db: Db;
  clock: { now(): Date };
  environment: Environment;
  /** Opens the subscriptions' stored secrets (WEBHOOK_SECRET_KEYS). */
  secrets: WebhookSecretKeyring;
  /**
   * Resolves webhook hosts at every delivery (resolve.ts); default: the system's DNS servers, or
   * WEBHOOK_DNS_SERVERS.
   */
  resolver?: WebhookResolver;
  /** Sends one POST to the checked address (post.ts); tests may wrap the real one. */
  post?: WebhookPoster;
  /** Deliveries claimed per round. */
  batchSize?: number;
  /** Pause between rounds when nothing was due. */
  pollIntervalMs?: number;
  /** How long one POST may take. */
  timeoutMs?: number;
  /** How long a claimed delivery is left to its dispatcher before another may take it. */
  leaseMs?: number;
  /** How long a failing delivery is retried before it is parked. */
  retryForMs?: number;
  /** For the jitter; tests may fix it. */
  random?: () => number;
  /**
   * How long a delivered event stays in the outbox (OUTBOX_RETENTION_DAYS): an event all of whose
   * deliveries were delivered (or that had none) more than this long ago is deleted with them.
   */
  outboxRetentionMs?: number;
  /** How often the polling loop prunes (default hourly); `prune()` runs it at once. */
  pruneIntervalMs?: number;
  /** Events deleted per pruning transaction. */
  pruneBatchSize?: number;
  logger?: DispatcherLogger;
}

export const RETRY_FOR_MS = 24 * 60 * 60 * 1000;
export const OUTBOX_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * What the dispatcher has done since this process started, for `/metrics` (counters: they only
 * grow). Plain numbers, so whoever wires prom-client reads them in a collect callback.
 */
export interface DispatcherCounters {
  /** Deliveries answered 2xx. */
  delivered: number;
  /** Attempts that failed (any reason) and were scheduled again or parked. */
  failed: number;
  /** Of the failures, deliveries parked after retrying for 24 hours. */
  parked: number;
  /** Of the failures, refused because the host resolved to a non-public address (production). */
  refusedAddress: number;
  /** Outbox events pruned, and the deliveries pruned with them. */
  prunedEvents: number;
  prunedDeliveries: number;
}
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60 * 1000;

/** The wait after the `attempts`-th failure: 30 s doubling to at most an hour, ±25 % jitter. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const exponential = BASE_DELAY_MS * 2 ** Math.min(Math.max(attempts - 1, 0), 20);
  const jittered = Math.min(exponential, MAX_DELAY_MS) * (0.75 + random() * 0.5);
  return Math.round(Math.min(jittered, MAX_DELAY_MS));
}

interface Claimed {
  id: string;
  subscriptionId: string;
  attempts: number;
  pendingSince: Date;
  url: string;
  /** As stored: sealed (secrets.ts), opened only to sign. */
  storedSecret: string;
  secretKeyId: string | null;
  payload: EventBody;
}

export class Dispatcher {
  private readonly resolver: WebhookResolver;
  private readonly poster: WebhookPoster;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly timeoutMs: number;
  private readonly leaseMs: number;
  private readonly retryForMs: number;
  private readonly random: () => number;
  private readonly outboxRetentionMs: number;
  private readonly pruneIntervalMs: number;
  private readonly pruneBatchSize: number;
  private lastPrunedAt = Number.NEGATIVE_INFINITY;
  private readonly counters: DispatcherCounters = {
    delivered: 0,
    failed: 0,
    parked: 0,
    refusedAddress: 0,
    prunedEvents: 0,
    prunedDeliveries: 0,
  };
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private started = false;

  constructor(private readonly options: DispatcherOptions) {
    this.resolver = options.resolver ?? new WebhookResolver();
    this.poster = options.post ?? createPinnedPoster();
    this.batchSize = options.batchSize ?? 50;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.leaseMs = options.leaseMs ?? Math.max(5 * 60_000, this.timeoutMs * 3);
    this.retryForMs = options.retryForMs ?? RETRY_FOR_MS;
    this.random = options.random ?? Math.random;
    this.outboxRetentionMs = options.outboxRetentionMs ?? OUTBOX_RETENTION_MS;
    this.pruneIntervalMs = options.pruneIntervalMs ?? 60 * 60_000;
    this.pruneBatchSize = options.pruneBatchSize ?? 500;
  }

  /** A copy of the counters (see DispatcherCounters). */
  metrics(): DispatcherCounters {
    return { ...this.counters };
  }

  /**
   * Deletes events delivered to every subscriber (or to none) longer than the retention ago, with
   * their deliveries, in transactions of `pruneBatchSize` events (rows locked with SKIP LOCKED, so
   * replicas pruning at once share the work), until none is left. An event with a delivery still
   * PENDING or PARKED is kept, however old: a replay may still need it. Returns the events deleted.
   */
  async prune(): Promise<number> {
    const cutoff = new Date(this.options.clock.now().getTime() - this.outboxRetentionMs).toISOString();
    let total = 0;
    for (;;) {
      const { events, deliveriesDeleted } = await this.options.db.transaction(async (tx) => {
        const doomed = rowsOf<{ id: string }>(
          await tx.execute(sql`
            select o.id from ${outbox} o
            where o.created_at < ${cutoff}::timestamptz
              and not exists (
                select 1 from ${deliveries} d
                where d.event_id = o.id and (d.status <> 'DELIVERED' or d.delivered_at >= ${cutoff}::timestamptz)
              )
            order by o.created_at
            limit ${this.pruneBatchSize}
            for update of o skip locked`),
        ).map((r) => String(r.id));
        if (doomed.length === 0) return { events: 0, deliveriesDeleted: 0 };
        const ids = sql.join(
          doomed.map((id) => sql`${id}::uuid`),
          sql`, `,
        );
        const gone = rowsOf(
          await tx.execute(sql`delete from ${deliveries} where event_id in (${ids}) returning id`),
        ).length;
        const removed = rowsOf(
          await tx.execute(sql`delete from ${outbox} where id in (${ids}) returning id`),
        ).length;
        return { events: removed, deliveriesDeleted: gone };
      });
      this.counters.prunedEvents += events;
      this.counters.prunedDeliveries += deliveriesDeleted;
      total += events;
      if (events < this.pruneBatchSize) break;
    }
    return total;
  }

  /** Polls until `stop`. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule(0);
  }

  /** Stops polling and waits for the round in progress to finish recording its outcomes. */
  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Runs rounds until nothing is due (tests call this instead of waiting for a poll). */
  async drain(maxRounds = 100): Promise<number> {
    let total = 0;
    for (let round = 0; round < maxRounds; round += 1) {
      const n = await this.runOnce();
      total += n;
      if (n === 0) break;
    }
    return total;
  }

  /** One round: claims due deliveries, sends them, records what happened. Returns how many. */
  async runOnce(): Promise<number> {
    const claimed = await this.claim();
    await Promise.all(claimed.map((delivery) => this.deliver(delivery)));
    return claimed.length;
  }

  private schedule(delayMs: number): void {
    if (!this.started) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = undefined;
      });
    }, delayMs);
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    let busy = false;
    try {
      busy = (await this.runOnce()) === this.batchSize;
    } catch (error) {
      this.options.logger?.error({ err: error }, 'webhook dispatch round failed');
    }
    // Pruning rides on the same loop, at most once per interval (of real time: a fixed test clock
    // would otherwise never move on).
    if (!busy && performance.now() - this.lastPrunedAt >= this.pruneIntervalMs) {
      this.lastPrunedAt = performance.now();
      try {
        const pruned = await this.prune();
        if (pruned > 0) this.options.logger?.info({ pruned }, 'pruned delivered events from the outbox');
      } catch (error) {
        this.options.logger?.error({ err: error }, 'outbox pruning failed');
      }
    }
    this.schedule(busy ? 0 : this.pollIntervalMs);
  }

  private async claim(): Promise<Claimed[]> {
    const now = this.options.clock.now();
    const leaseUntil = new Date(now.getTime() + this.leaseMs);
    const result = await this.options.db.execute(sql`
      with due as (
        select d.id from ${deliveries} d
        join ${subscriptions} s on s.id = d.subscription_id
        where d.status = 'PENDING' and d.next_attempt_at <= ${now.toISOString()}::timestamptz and s.active
        order by d.next_attempt_at
        limit ${this.batchSize}
        for update of d skip locked
      )
      update ${deliveries} d
      set next_attempt_at = ${leaseUntil.toISOString()}::timestamptz
      from due, events.outbox o, events.subscriptions s
      where d.id = due.id and o.id = d.event_id and s.id = d.subscription_id
      returning d.id, d.subscription_id, d.attempts, d.pending_since, s.url, s.secret, s.secret_key_id, o.payload`);
    return rowsOf<Record<string, unknown>>(result).map((r) => ({
      id: String(r.id),
      subscriptionId: String(r.subscription_id),
      attempts: Number(r.attempts),
      pendingSince: new Date(r.pending_since as string | Date),
      url: String(r.url),
      storedSecret: String(r.secret),
      secretKeyId: r.secret_key_id == null ? null : String(r.secret_key_id),
      payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as EventBody,
    }));
  }

  private async deliver(delivery: Claimed): Promise<void> {
    const body = rawBody(delivery.payload);
    let failure: string | null;
    // Checked at every delivery, not at registration only: what a name resolves to can change.
    const target = await resolveDeliveryTarget(delivery.url, this.options.environment, this.resolver);
    if (!target.ok) {
      failure = target.problem;
      if (target.range) {
        this.counters.refusedAddress += 1;
        this.options.logger?.warn(
          {
            deliveryId: delivery.id,
            subscriptionId: delivery.subscriptionId,
            host: target.host,
            range: target.range,
          },
          'webhook delivery refused: the host resolves to a non-public address',
        );
      }
    } else {
      const secret = this.secretOf(delivery);
      failure =
        secret === null
          ? 'The signing secret cannot be opened with the configured keys.'
          : await this.post(delivery, body, target, secret);
    }
    const now = this.options.clock.now();
    const db = this.options.db;
    if (failure === null) {
      await db.execute(sql`
        update ${deliveries} set status = 'DELIVERED', attempts = attempts + 1, delivered_at = ${now.toISOString()}::timestamptz, last_error = null
        where id = ${delivery.id}::uuid and status = 'PENDING'`);
      await db.execute(
        sql`update ${subscriptions} set failing_since = null where id = ${delivery.subscriptionId}::uuid`,
      );
      this.counters.delivered += 1;
      return;
    }
    const attempts = delivery.attempts + 1;
    const park = now.getTime() - delivery.pendingSince.getTime() >= this.retryForMs;
    const next = new Date(now.getTime() + backoffMs(attempts, this.random));
    await db.execute(sql`
      update ${deliveries} set
        attempts = ${attempts},
        last_error = ${failure.slice(0, 300)},
        status = ${park ? 'PARKED' : 'PENDING'},
        parked_at = ${park ? now.toISOString() : null}::timestamptz,
        next_attempt_at = ${next.toISOString()}::timestamptz
      where id = ${delivery.id}::uuid and status = 'PENDING'`);
    await db.execute(sql`
      update ${subscriptions} set failing_since = coalesce(failing_since, ${now.toISOString()}::timestamptz)
      where id = ${delivery.subscriptionId}::uuid`);
    this.counters.failed += 1;
    if (park) {
      this.counters.parked += 1;
      this.options.logger?.warn(
        { deliveryId: delivery.id, subscriptionId: delivery.subscriptionId, attempts },
        'webhook delivery parked after retrying for 24 hours',
      );
    }
  }

  /** The subscription's secret, opened for signing; null (and logged, by key id only) if it cannot be. */
  private secretOf(delivery: Claimed): string | null {
    try {
      return this.options.secrets.openStored({
        id: delivery.subscriptionId,
        secret: delivery.storedSecret,
        secretKeyId: delivery.secretKeyId,
      });
    } catch (error) {
      if (!(error instanceof WebhookSecretError)) throw error;
      this.options.logger?.error(
        { deliveryId: delivery.id, subscriptionId: delivery.subscriptionId, reason: error.message },
        'webhook delivery not signed: its secret cannot be opened',
      );
      return null;
    }
  }

  /** The POST; null on a 2xx answer, else why not (never the answer's body). */
  private async post(
    delivery: Claimed,
    body: string,
    target: { url: URL; address: string; family: 4 | 6 },
    secret: string,
  ): Promise<string | null> {
    try {
      // Security: a redirect could lead anywhere, including inside our network; never followed.
      const status = await this.poster({
        url: target.url,
        address: target.address,
        family: target.family,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'reconnect-hub-webhooks',
          'x-reconnect-event-id': delivery.payload.id,
          'x-reconnect-event-type': delivery.payload.type,
          'x-reconnect-signature': signBody(secret, body),
        },
        body,
        timeoutMs: this.timeoutMs,
      });
      return status >= 200 && status < 300 ? null : `HTTP ${status}`;
    } catch (error) {
      return describeNetworkError(error);
    }
  }
}

/** The body in the documented key order (jsonb does not keep it); the same bytes on every attempt. */
export function rawBody(payload: EventBody): string {
  const { id, type, occurredAt, referralId, reference, handoverId, detail } = payload;
  return JSON.stringify({
    id,
    type,
    occurredAt,
    referralId,
    reference,
    ...(handoverId ? { handoverId } : {}),
    detail,
  });
}

function describeNetworkError(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'Timed out';
  const code = (error as { code?: string })?.code;
  if (code) return code;
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? 'Network error';
}
