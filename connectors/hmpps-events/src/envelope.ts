/**
 * The message body: the SNS notification envelope exactly as SQS delivers it, with the HMPPS
 * domain event as a JSON string in `Message` (contract/HMPPS-EVENTS.md, "Message"). One parser
 * for both transports. Nothing here throws: a body that is not such an envelope is `unparseable`
 * with a reason that names what is wrong and never echoes a value (a value may be personal data).
 */
import { z } from '@reconnect/config';

export interface DomainEvent {
  eventType: string;
  version: number | string;
  occurredAt: Date;
  additionalInformation: Record<string, unknown>;
  /** personReference.identifiers, by type (`NOMS` is the prison number). */
  identifiers: Record<string, string>;
}

export type ParsedMessage =
  | { ok: true; messageId: string; event: DomainEvent }
  | { ok: false; messageId: string | undefined; reason: string };

/** SNS MessageIds are UUIDs; the hub takes up to 200 characters (custody-events.ts). */
const MESSAGE_ID = z.string().trim().min(1).max(200);

const envelopeSchema = z.object({
  Type: z.literal('Notification'),
  MessageId: MESSAGE_ID,
  Message: z
    .string()
    .min(2)
    .max(256 * 1024),
});

const eventSchema = z.object({
  eventType: z.string().min(1).max(200),
  version: z.union([z.number(), z.string().max(20)]),
  occurredAt: z.iso.datetime({ offset: true }),
  additionalInformation: z.record(z.string(), z.unknown()).optional(),
  personReference: z
    .object({
      identifiers: z.array(z.object({ type: z.string().max(50), value: z.string().max(200) })).max(50),
    })
    .optional(),
});

/** Where zod found the problem, without the value it found there. */
function problemOf(error: z.ZodError, prefix: string): string {
  const issue = error.issues[0]!;
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  return `${path || '(root)'}: ${issue.code}`;
}

function jsonOf(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * `body` as the AMQP client hands it over: a Buffer, a string (text/plain), or already parsed
 * (application/json).
 */
export function parseMessage(body: unknown): ParsedMessage {
  let value = body;
  if (Buffer.isBuffer(value)) value = value.toString('utf8');
  if (typeof value === 'string') {
    const json = jsonOf(value);
    if (!json.ok) return { ok: false, messageId: undefined, reason: 'the body is not JSON' };
    value = json.value;
  }
  const envelope = envelopeSchema.safeParse(value);
  if (!envelope.success) {
    const id = MESSAGE_ID.safeParse((value as { MessageId?: unknown } | null)?.MessageId);
    return {
      ok: false,
      messageId: id.success ? id.data : undefined,
      reason: `not an SNS notification envelope (${problemOf(envelope.error, '')})`,
    };
  }
  const messageId = envelope.data.MessageId;
  const inner = jsonOf(envelope.data.Message);
  if (!inner.ok) return { ok: false, messageId, reason: 'Message is not JSON' };
  const event = eventSchema.safeParse(inner.value);
  if (!event.success) {
    return {
      ok: false,
      messageId,
      reason: `not an HMPPS domain event (${problemOf(event.error, 'Message')})`,
    };
  }
  const identifiers: Record<string, string> = {};
  for (const { type, value: id } of event.data.personReference?.identifiers ?? []) identifiers[type] = id;
  return {
    ok: true,
    messageId,
    event: {
      eventType: event.data.eventType,
      version: event.data.version,
      occurredAt: new Date(event.data.occurredAt),
      additionalInformation: event.data.additionalInformation ?? {},
      identifiers,
    },
  };
}
