/**
 * The transport: one broker connection (rabbitmq-client, which reconnects by itself and re-runs
 * the consumer's declarations on every new channel), the queue consumed as contract/HMPPS-EVENTS.md
 * lays it out, and each message taken through parse -> plan -> (Prisoner Search) -> the gateway ->
 * verdict. The handling is kept apart from the queue client: envelope.ts, handlers.ts and
 * verdict.ts are pure.
 *
 * A message is acknowledged only after the hub answered; dead-lettered at once when it can never
 * apply (unparseable, malformed, BAD_USER_INPUT); on a transient failure held and retried with
 * back-off (so a hub that is down does not make the queue spin, and does not use up the delivery
 * limit) for up to `retryForMs`, then requeued. Each outcome is logged with the message id, never
 * a prison number or anything else about the person.
 */
import { Connection, ConsumerStatus, type AsyncMessage, type Consumer } from 'rabbitmq-client';
import type { Logger } from 'pino';
import { parseMessage } from './envelope.ts';
import { applyCustodyEvent, type GatewayAnswer } from './gateway.ts';
import type { CustodyEventInput } from './generated/graphql.ts';
import { planOf } from './handlers.ts';
import type { PrisonerSearch } from './prisoner-search.ts';
import { count, newStats, type ConnectorStats } from './stats.ts';
import { tokenFailureOf, type TokenSource } from './tokens.ts';
import { DEAD_LETTER_QUEUE, QUEUE, QUEUE_ARGUMENTS, TOPOLOGY } from './topology.ts';
import { backoffMs, verdictOf } from './verdict.ts';

export interface HmppsEventsConnectorOptions {
  amqpUrl: string;
  gatewayUrl: string;
  token: TokenSource;
  /** Unset: release-date events are dead-lettered (replay them once it is configured). */
  prisonerSearch?: PrisonerSearch | undefined;
  logger: Logger;
  /** Messages handled at once; the channel's prefetch is the same. */
  concurrency?: number;
  /** How long a transient failure is retried in place before the message is requeued. */
  retryForMs?: number;
  /** Back-off between attempts on one message: from `initialMs`, doubling, up to `maxMs`. */
  backoff?: { initialMs: number; maxMs: number };
  /** Back-off between reconnections to the broker (rabbitmq-client's retryLow / retryHigh). */
  reconnect?: { lowMs: number; highMs: number };
  gatewayTimeoutMs?: number;
  now?: () => Date;
  /** Called once for each message the connector finished with (metrics, tests). */
  onSettled?: (settled: Settled) => void;
}

/** What became of one message: `outcome` is the hub's, or the connector's reason. */
export interface Settled {
  messageId: string | undefined;
  disposition: 'ack' | 'dead-letter' | 'requeue';
  outcome: string;
}

export interface HmppsEventsConnector {
  stats: ConnectorStats;
  /** Resolves once the topology is declared and the consumer is consuming. */
  ready: Promise<void>;
  /** Stops consuming; messages being held are requeued; then closes the connection. */
  stop(): Promise<void>;
}

interface Disposition {
  status: ConsumerStatus;
  messageId: string | undefined;
  outcome: string;
}

const ack = (messageId: string | undefined, outcome: string): Disposition => ({
  status: ConsumerStatus.ACK,
  messageId,
  outcome,
});

/** The declarations of the whole topology, in order (exchanges, queues, bindings); idempotent. */
export async function declareTopology(connection: Connection): Promise<void> {
  for (const exchange of TOPOLOGY.exchanges) await connection.exchangeDeclare(exchange);
  for (const queue of TOPOLOGY.queues) await connection.queueDeclare(queue);
  for (const binding of TOPOLOGY.queueBindings) await connection.queueBind(binding);
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

export function startHmppsEventsConnector(options: HmppsEventsConnectorOptions): HmppsEventsConnector {
  const log = options.logger;
  const stats = newStats();
  const now = options.now ?? (() => new Date());
  const concurrency = options.concurrency ?? 8;
  const retryForMs = options.retryForMs ?? 600_000;
  const backoff = options.backoff ?? { initialMs: 250, maxMs: 30_000 };
  const stopping = new AbortController();
  const gateway = { url: options.gatewayUrl, timeoutMs: options.gatewayTimeoutMs ?? 15_000 };

  const connection = new Connection({
    url: options.amqpUrl,
    connectionName: 'reconnect-hub hmpps-events-connector',
    retryLow: options.reconnect?.lowMs ?? 1_000,
    retryHigh: options.reconnect?.highMs ?? 30_000,
  });
  let connectedOnce = false;
  connection.on('connection', () => {
    stats.connected = true;
    log.info({ queue: QUEUE }, connectedOnce ? 'broker connection re-established' : 'broker connected');
    if (connectedOnce) {
      // The consumer re-declares its own queue, exchanges and bindings; the dead-letter side is
      // declared again here, in case the broker came back without it.
      declareTopology(connection).catch((error: unknown) =>
        log.warn(
          { err: errorName(error) },
          'declaring the topology again failed; the next reconnection retries',
        ),
      );
    }
    connectedOnce = true;
  });
  connection.on('error', (error: unknown) => {
    stats.connected = connection.ready;
    log.warn({ err: errorName(error) }, 'broker connection error; reconnecting');
  });

  /** Asks Prisoner Search when the plan needs it; `undefined` input means the outcome is decided. */
  async function inputOf(
    plan: ReturnType<typeof planOf>,
    messageId: string,
  ): Promise<{ input: CustodyEventInput } | { decided: Disposition } | { transient: string }> {
    if (plan.kind === 'apply') return { input: plan.input };
    if (plan.kind === 'skip') {
      count(stats.skipped, 'NOT_FOR_HUB');
      log.info({ messageId, why: plan.why }, 'acknowledged: not for the hub');
      return { decided: ack(messageId, 'NOT_FOR_HUB') };
    }
    if (plan.kind === 'reject') return { decided: deadLetter(messageId, 'MALFORMED', plan.reason) };
    if (!options.prisonerSearch) {
      return {
        decided: deadLetter(
          messageId,
          'NO_PRISONER_SEARCH',
          'a release-date event, and PRISONER_SEARCH_URL is not set',
        ),
      };
    }
    const answer = await options.prisonerSearch.releaseDateOf(plan.prisonNumber, stopping.signal);
    switch (answer.kind) {
      case 'date':
        return { input: plan.withReleaseDate(answer.date) };
      case 'none':
        count(stats.skipped, 'NO_RELEASE_DATE');
        log.info({ messageId }, 'acknowledged: Prisoner Search has no release date to send');
        return { decided: ack(messageId, 'NO_RELEASE_DATE') };
      case 'malformed':
        return {
          decided: deadLetter(
            messageId,
            'MALFORMED',
            'Prisoner Search answered a date that is not an ISO date',
          ),
        };
      case 'refused':
        log.error(
          { messageId, status: answer.status },
          'Prisoner Search refused the connector: check PRISONER_SEARCH_* settings',
        );
        return { transient: `PRISONER_SEARCH_${answer.status}` };
      case 'unreachable':
        return { transient: 'PRISONER_SEARCH_UNREACHABLE' };
    }
  }

  function deadLetter(messageId: string | undefined, kind: string, reason: string): Disposition {
    count(stats.deadLettered, kind);
    log.warn(
      { messageId, kind, reason, deadLetterQueue: DEAD_LETTER_QUEUE },
      'dead-lettered: it can never apply',
    );
    return { status: ConsumerStatus.DROP, messageId, outcome: kind };
  }

  async function callHub(input: CustodyEventInput): Promise<GatewayAnswer> {
    let token: string;
    try {
      token = await options.token.get();
    } catch (error) {
      return tokenFailureOf(error) === 'refused'
        ? { kind: 'refused', code: 'UNAUTHENTICATED', field: undefined, requestId: undefined }
        : { kind: 'unreachable', detail: 'the token endpoint' };
    }
    return applyCustodyEvent(gateway, token, input, stopping.signal);
  }

  async function handle(message: AsyncMessage): Promise<Disposition> {
    const parsed = parseMessage(message.body);
    const deliveries = Number(message.headers?.['x-delivery-count'] ?? 0) + 1;
    if (!parsed.ok) return deadLetter(parsed.messageId, 'UNPARSEABLE', parsed.reason);
    const { messageId, event } = parsed;
    const plan = planOf(event, messageId);
    const heldSince = Date.now();
    for (let attempt = 0; ; attempt++) {
      if (stopping.signal.aborted) return requeue(messageId, 'the connector is stopping');
      let failure: string;
      const prepared = await inputOf(plan, messageId);
      if ('decided' in prepared) return prepared.decided;
      if ('transient' in prepared) {
        failure = prepared.transient;
      } else {
        const answer = await callHub(prepared.input);
        const verdict = verdictOf(answer);
        if (verdict === 'ack' && answer.kind === 'applied') {
          count(stats.outcomes, answer.outcome);
          stats.lastAppliedAt = now();
          stats.lastAppliedLagMs = stats.lastAppliedAt.getTime() - event.occurredAt.getTime();
          log.info(
            {
              messageId,
              eventType: event.eventType,
              outcome: answer.outcome,
              referralId: answer.referralId,
              deliveries,
            },
            'applied',
          );
          return ack(messageId, answer.outcome);
        }
        if (verdict === 'dead-letter' && answer.kind === 'refused') {
          return deadLetter(messageId, answer.code, `the hub refused it (${answer.field ?? 'no field'})`);
        }
        failure = answer.kind === 'refused' ? answer.code : 'GATEWAY_UNREACHABLE';
        if (verdict === 'misconfigured') {
          options.token.invalidate();
          log.error(
            { messageId, code: failure },
            'the hub refused the connector itself: check HMPPS_EVENTS_CLIENT_ID and its token settings; the message is kept',
          );
        }
      }
      count(stats.retries, failure);
      if (Date.now() - heldSince >= retryForMs) return requeue(messageId, failure);
      const wait = backoffMs(attempt, backoff.initialMs, backoff.maxMs);
      log.warn(
        { messageId, code: failure, attempt: attempt + 1, retryInMs: wait },
        'transient failure; retrying',
      );
      await sleep(wait, stopping.signal);
    }
  }

  function requeue(messageId: string, why: string): Disposition {
    stats.requeued++;
    log.warn({ messageId, why }, 'requeued');
    return { status: ConsumerStatus.REQUEUE, messageId, outcome: why };
  }

  let consumer: Consumer | undefined;
  const ready = (async () => {
    for (let attempt = 0; !stopping.signal.aborted; attempt++) {
      try {
        await declareTopology(connection);
        break;
      } catch (error) {
        log.warn({ err: errorName(error) }, 'declaring the topology failed; retrying');
        await sleep(backoffMs(attempt, 500, 30_000), stopping.signal);
      }
    }
    if (stopping.signal.aborted) return;
    const started = new Promise<void>((resolve) => {
      consumer = connection.createConsumer(
        {
          queue: QUEUE,
          queueOptions: { durable: true, arguments: { ...QUEUE_ARGUMENTS } },
          qos: { prefetchCount: concurrency },
          concurrency,
          exchanges: TOPOLOGY.exchanges,
          queueBindings: TOPOLOGY.queueBindings.filter((b) => b.queue === QUEUE),
        },
        async (message) => {
          const done = await handle(message);
          const disposition =
            done.status === ConsumerStatus.ACK
              ? 'ack'
              : done.status === ConsumerStatus.DROP
                ? 'dead-letter'
                : 'requeue';
          options.onSettled?.({ messageId: done.messageId, disposition, outcome: done.outcome });
          return done.status;
        },
      );
      consumer.once('ready', () => resolve());
      consumer.on('ready', () => log.info({ queue: QUEUE, concurrency }, 'consuming'));
      consumer.on('error', (error: unknown) =>
        log.warn({ err: errorName(error) }, 'consumer error; it recovers by itself'),
      );
    });
    await started;
  })();

  let stopped: Promise<void> | undefined;
  return {
    stats,
    ready,
    stop() {
      // Idempotent: a second call waits for the first.
      stopped ??= (async () => {
        stopping.abort();
        await ready.catch(() => {});
        await consumer?.close();
        await connection.close();
        stats.connected = false;
      })();
      return stopped;
    },
  };
}

/** An error's name and code only: a broker or fetch error never carries personal data, but keep it short. */
function errorName(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { code?: unknown; name?: unknown; message?: unknown };
    return [e.name, e.code, e.message].filter((x) => typeof x === 'string').join(': ');
  }
  return String(error);
}
