/**
 * The broker's side of contract/HMPPS-EVENTS.md, "Topology": SNS's topic is a durable topic
 * exchange, the hub's SQS queue a quorum queue bound with one routing key per event type the hub
 * takes, and SQS's "dead-letter queue after 3 receives" the queue's delivery limit with a
 * dead-letter exchange and queue. The connector declares all of it at start and again on every
 * reconnection (declarations are idempotent).
 */
export const EXCHANGE = 'hmpps.domain-events';
export const QUEUE = 'reconnect-hub.hmpps-domain-events';
export const DEAD_LETTER_EXCHANGE = 'hmpps.domain-events.dlx';
export const DEAD_LETTER_QUEUE = 'reconnect-hub.hmpps-domain-events.dlq';
/** Deliveries of one message before the broker dead-letters it (SQS's maxReceiveCount). */
export const DELIVERY_LIMIT = 3;

/** The event types the queue is bound to: the contract's table, nothing else. */
export const BOUND_EVENT_TYPES = [
  'prison-offender-events.prisoner.released',
  'prison-offender-events.prisoner.received',
  'prison-offender-events.prisoner.merged',
  'prisoner-offender-search.prisoner.updated',
] as const;

export const QUEUE_ARGUMENTS = {
  'x-queue-type': 'quorum',
  'x-delivery-limit': DELIVERY_LIMIT,
  'x-dead-letter-exchange': DEAD_LETTER_EXCHANGE,
  // A nack without requeue keeps its routing key into the dead-letter exchange; the dead-letter
  // queue is bound with '#', so every reason lands there.
} as const;

/** Every declaration, as rabbitmq-client's consumer and publisher options take them. */
export const TOPOLOGY = {
  exchanges: [
    { exchange: EXCHANGE, type: 'topic', durable: true },
    { exchange: DEAD_LETTER_EXCHANGE, type: 'topic', durable: true },
  ],
  queues: [
    { queue: QUEUE, durable: true, arguments: { ...QUEUE_ARGUMENTS } },
    { queue: DEAD_LETTER_QUEUE, durable: true, arguments: { 'x-queue-type': 'quorum' as const } },
  ],
  queueBindings: [
    ...BOUND_EVENT_TYPES.map((routingKey) => ({ exchange: EXCHANGE, queue: QUEUE, routingKey })),
    { exchange: DEAD_LETTER_EXCHANGE, queue: DEAD_LETTER_QUEUE, routingKey: '#' },
  ],
};
