/**
 * Delivers queued events to webhooks, at least once. Each round claims a batch of due deliveries
 * in one statement (`FOR UPDATE SKIP LOCKED`, so several dispatchers never take the same one) and
 * leases them by moving `next_attempt_at` forward; then it POSTs them with no transaction open and
 * records each outcome. A dispatcher that dies between the POST and the record leaves the lease to
 * expire and the delivery is sent again: receivers de-duplicate by event id.
 *
 * A 2xx answer is success. Anything else (another status, a timeout, a refused connection, a
 * redirect, which is never followed) is retried with exponential back-off and jitter, for at least
 * 24 hours from when the delivery became pending, and then parked until someone replays it. Nothing
 * is dropped.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '@reconnect/db';
import { deliveries, subscriptions } from './schema.ts';
import { signBody } from './signing.ts';
import type { EventBody } from './types.ts';
import { mayDeliverTo, type Environment } from './url.ts';

export interface DispatcherLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface DispatcherOptions {
  db: Db;
  clock: { now(): Date };
  environment: Environment;
  fetch?: typeof fetch;
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
  logger?: DispatcherLogger;
}

export const RETRY_FOR_MS = 24 * 60 * 60 * 1000;
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
  secret: string;
  payload: EventBody;
}

export class Dispatcher {
  private readonly fetch: typeof fetch;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly timeoutMs: number;
  private readonly leaseMs: number;
  private readonly retryForMs: number;
  private readonly random: () => number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private started = false;

  constructor(private readonly options: DispatcherOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.batchSize = options.batchSize ?? 50;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.leaseMs = options.leaseMs ?? Math.max(5 * 60_000, this.timeoutMs * 3);
    this.retryForMs = options.retryForMs ?? RETRY_FOR_MS;
    this.random = options.random ?? Math.random;
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
      returning d.id, d.subscription_id, d.attempts, d.pending_since, s.url, s.secret, o.payload`);
    return rowsOf<Record<string, unknown>>(result).map((r) => ({
      id: String(r.id),
      subscriptionId: String(r.subscription_id),
      attempts: Number(r.attempts),
      pendingSince: new Date(r.pending_since as string | Date),
      url: String(r.url),
      secret: String(r.secret),
      payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as EventBody,
    }));
  }

  private async deliver(delivery: Claimed): Promise<void> {
    const body = rawBody(delivery.payload);
    let failure: string | null;
    if (!mayDeliverTo(delivery.url, this.options.environment)) {
      failure = 'The URL is not allowed in this environment.';
    } else {
      failure = await this.post(delivery, body);
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
    if (park) {
      this.options.logger?.warn(
        { deliveryId: delivery.id, subscriptionId: delivery.subscriptionId, attempts },
        'webhook delivery parked after retrying for 24 hours',
      );
    }
  }

  /** The POST; null on a 2xx answer, else why not (never the answer's body). */
  private async post(delivery: Claimed, body: string): Promise<string | null> {
    try {
      const response = await this.fetch(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'reconnect-hub-webhooks',
          'x-reconnect-event-id': delivery.payload.id,
          'x-reconnect-event-type': delivery.payload.type,
          'x-reconnect-signature': signBody(delivery.secret, body),
        },
        body,
        // Security: a redirect could lead anywhere, including inside our network; never followed.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      await response.body?.cancel().catch(() => {});
      return response.status >= 200 && response.status < 300 ? null : `HTTP ${response.status}`;
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
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? 'Network error';
}
