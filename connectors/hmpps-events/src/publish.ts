/**
 * Publishing test events as HMPPS would: the domain event inside an SNS notification envelope,
 * on the topic exchange with the event type as routing key (contract/HMPPS-EVENTS.md). For
 * demonstrations (`pnpm hmpps:publish`) and the broker tests; the connector itself never publishes.
 */
import { randomUUID } from 'node:crypto';
import { Connection, type Publisher } from 'rabbitmq-client';
import { EXCHANGE, TOPOLOGY } from './topology.ts';

export interface TestEvent {
  eventType: string;
  occurredAt?: string;
  messageId?: string;
  prisonNumber?: string;
  additionalInformation?: Record<string, unknown>;
  description?: string;
}

/** The SNS envelope of one domain event, exactly as SQS delivers it. */
export function envelopeOf(event: TestEvent): { messageId: string; body: string } {
  const messageId = event.messageId ?? randomUUID();
  const occurredAt = event.occurredAt ?? new Date().toISOString();
  const domainEvent = {
    eventType: event.eventType,
    version: 1,
    occurredAt,
    publishedAt: new Date().toISOString(),
    description: event.description ?? event.eventType,
    additionalInformation: {
      ...(event.prisonNumber ? { nomsNumber: event.prisonNumber } : {}),
      ...event.additionalInformation,
    },
    ...(event.prisonNumber
      ? { personReference: { identifiers: [{ type: 'NOMS', value: event.prisonNumber }] } }
      : {}),
  };
  const envelope = {
    Type: 'Notification',
    MessageId: messageId,
    TopicArn: 'arn:aws:sns:eu-west-2:000000000000:hmpps-domain-events',
    Message: JSON.stringify(domainEvent),
    Timestamp: new Date().toISOString(),
    MessageAttributes: { eventType: { Type: 'String', Value: event.eventType } },
  };
  return { messageId, body: JSON.stringify(envelope) };
}

export interface EventPublisher {
  /** Publishes a raw body (a Buffer or string is sent as it is) with a routing key; confirmed. */
  publishRaw(routingKey: string, body: string | Buffer): Promise<void>;
  /** Publishes a test event in its envelope; answers its message id. */
  publish(event: TestEvent): Promise<string>;
  close(): Promise<void>;
}

/**
 * A confirming publisher on `amqpUrl` that declares the whole topology first (idempotently), so a
 * message published before the connector ever ran waits in the queue instead of being unroutable.
 */
export function eventPublisher(amqpUrl: string): EventPublisher {
  const connection = new Connection({ url: amqpUrl, connectionName: 'hmpps-events test publisher' });
  connection.on('error', () => {});
  const publisher: Publisher = connection.createPublisher({
    confirm: true,
    maxAttempts: 3,
    exchanges: TOPOLOGY.exchanges,
    queues: TOPOLOGY.queues,
    queueBindings: TOPOLOGY.queueBindings,
  });
  const publishRaw = (routingKey: string, body: string | Buffer) =>
    // A Buffer body goes out as it is (no content type), as SNS-to-SQS bodies arrive.
    publisher.send(
      { exchange: EXCHANGE, routingKey, durable: true },
      typeof body === 'string' ? Buffer.from(body) : body,
    );
  return {
    publishRaw,
    async publish(event) {
      const { messageId, body } = envelopeOf(event);
      await publishRaw(event.eventType, body);
      return messageId;
    },
    async close() {
      await publisher.close();
      await connection.close();
    },
  };
}
