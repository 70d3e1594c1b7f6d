/**
 * The handling without the transport, by table (CONVENTIONS.md: a handler is a pure function of
 * the message): the SNS envelope parser, each event type's handler, the verdict on each answer of
 * the hub, and the back-off. No broker needed.
 */
import { describe, expect, it } from 'vitest';
import { parseMessage, type DomainEvent } from '../src/envelope.ts';
import { planOf } from '../src/handlers.ts';
import { envelopeOf } from '../src/publish.ts';
import { backoffMs, verdictOf } from '../src/verdict.ts';
import type { GatewayAnswer } from '../src/gateway.ts';

const CONTRACT_EXAMPLE = {
  Type: 'Notification',
  MessageId: '5b3d3c2e-1f0a-4a55-9f43-0d6f6a0c9d11',
  TopicArn: 'arn:aws:sns:eu-west-2:000000000000:hmpps-domain-events',
  Message:
    '{"eventType":"prison-offender-events.prisoner.released","version":1,"occurredAt":"2026-12-01T10:15:00Z","publishedAt":"2026-12-01T10:15:02Z","description":"A prisoner has been released from prison","additionalInformation":{"nomsNumber":"A1234BC","reason":"RELEASED","prisonId":"MRI"},"personReference":{"identifiers":[{"type":"NOMS","value":"A1234BC"}]}}',
  Timestamp: '2026-12-01T10:15:02.123Z',
  MessageAttributes: { eventType: { Type: 'String', Value: 'prison-offender-events.prisoner.released' } },
};

describe('the SNS envelope', () => {
  it("parses the contract's example, as a Buffer, a string or already parsed", () => {
    for (const body of [
      Buffer.from(JSON.stringify(CONTRACT_EXAMPLE)),
      JSON.stringify(CONTRACT_EXAMPLE),
      CONTRACT_EXAMPLE,
    ]) {
      const parsed = parseMessage(body);
      expect(parsed).toMatchObject({
        ok: true,
        messageId: CONTRACT_EXAMPLE.MessageId,
        event: {
          eventType: 'prison-offender-events.prisoner.released',
          occurredAt: new Date('2026-12-01T10:15:00Z'),
          additionalInformation: { nomsNumber: 'A1234BC', reason: 'RELEASED', prisonId: 'MRI' },
          identifiers: { NOMS: 'A1234BC' },
        },
      });
    }
  });

  const wrap = (message: unknown) =>
    JSON.stringify({
      Type: 'Notification',
      MessageId: 'm-1',
      Message: typeof message === 'string' ? message : JSON.stringify(message),
    });
  it.each([
    ['not JSON', '{"Type":', undefined, /not JSON/],
    ['not an object', '42', undefined, /envelope/],
    ['no MessageId', JSON.stringify({ Type: 'Notification', Message: '{}' }), undefined, /MessageId/],
    [
      'another Type',
      JSON.stringify({ Type: 'SubscriptionConfirmation', MessageId: 'm-1', Message: '{}' }),
      'm-1',
      /Type/,
    ],
    ['Message not JSON', wrap('{nope'), 'm-1', /Message is not JSON/],
    ['no eventType', wrap({ version: 1, occurredAt: '2026-11-25T09:00:00Z' }), 'm-1', /eventType/],
    ['no occurredAt', wrap({ eventType: 'x', version: 1 }), 'm-1', /occurredAt/],
    [
      'occurredAt not a date',
      wrap({ eventType: 'x', version: 1, occurredAt: 'yesterday' }),
      'm-1',
      /occurredAt/,
    ],
    [
      '31 February',
      wrap({ eventType: 'x', version: 1, occurredAt: '2026-02-31T10:00:00Z' }),
      'm-1',
      /occurredAt/,
    ],
    [
      'no time zone',
      wrap({ eventType: 'x', version: 1, occurredAt: '2026-11-25T10:00:00' }),
      'm-1',
      /occurredAt/,
    ],
  ])('is unparseable when %s, with a reason that echoes no value', (_label, body, messageId, reason) => {
    const parsed = parseMessage(body);
    expect(parsed).toMatchObject({ ok: false, messageId });
    if (parsed.ok) return;
    expect(parsed.reason).toMatch(reason);
    expect(parsed.reason).not.toMatch(/A1234BC|yesterday|2026/);
  });
});

const eventOf = (
  eventType: string,
  additionalInformation: Record<string, unknown>,
  identifiers = {},
): DomainEvent => ({
  eventType,
  version: 1,
  occurredAt: new Date('2026-11-25T09:15:00Z'),
  additionalInformation,
  identifiers,
});

describe('one handler per event type', () => {
  it.each([
    [
      'released',
      eventOf('prison-offender-events.prisoner.released', {
        nomsNumber: 'a1234bc',
        reason: 'RELEASED',
        prisonId: 'mri',
      }),
      { type: 'RELEASED', reason: 'RELEASED', prisonNumber: 'A1234BC', establishmentCode: 'MRI' },
    ],
    [
      'received, the prison number from personReference',
      eventOf(
        'prison-offender-events.prisoner.received',
        { reason: 'ADMISSION', prisonId: 'FBI' },
        { NOMS: 'B2345CD' },
      ),
      { type: 'RECEIVED', reason: 'ADMISSION', prisonNumber: 'B2345CD', establishmentCode: 'FBI' },
    ],
    [
      'merged',
      eventOf('prison-offender-events.prisoner.merged', {
        nomsNumber: 'A1234BC',
        removedNomsNumber: 'B2345CD',
      }),
      { type: 'MERGED', prisonNumber: 'A1234BC', removedPrisonNumber: 'B2345CD' },
    ],
  ])('%s', (_label, event, input) => {
    expect(planOf(event, 'm-1')).toEqual({
      kind: 'apply',
      input: expect.objectContaining({ messageId: 'm-1', occurredAt: '2026-11-25T09:15:00.000Z', ...input }),
    });
  });

  it('a SENTENCE update looks the release date up, then sends RELEASE_DATE_CHANGED', () => {
    const plan = planOf(
      eventOf('prisoner-offender-search.prisoner.updated', {
        nomsNumber: 'A1234BC',
        categoriesChanged: ['SENTENCE'],
      }),
      'm-2',
    );
    expect(plan).toMatchObject({ kind: 'look-up-release-date', prisonNumber: 'A1234BC' });
    if (plan.kind !== 'look-up-release-date') return;
    expect(plan.withReleaseDate('2027-02-20')).toEqual({
      messageId: 'm-2',
      type: 'RELEASE_DATE_CHANGED',
      occurredAt: '2026-11-25T09:15:00.000Z',
      prisonNumber: 'A1234BC',
      expectedReleaseDate: '2027-02-20',
    });
  });

  it.each([
    [
      'an update without SENTENCE',
      eventOf('prisoner-offender-search.prisoner.updated', {
        nomsNumber: 'A1234BC',
        categoriesChanged: ['LOCATION'],
      }),
    ],
    [
      'prisoner-offender-search.prisoner.released',
      eventOf('prisoner-offender-search.prisoner.released', { nomsNumber: 'A1234BC' }),
    ],
    ['an unknown type', eventOf('probation-case.registration.added', {})],
    ['a name on the prototype chain', eventOf('constructor', {})],
  ])('skips %s', (_label, event) => {
    expect(planOf(event, 'm-3').kind).toBe('skip');
  });

  it.each([
    [
      'no prison number',
      eventOf('prison-offender-events.prisoner.released', { reason: 'RELEASED' }),
      /nomsNumber is missing/,
    ],
    [
      'a prison number of the wrong format',
      eventOf('prison-offender-events.prisoner.released', { nomsNumber: '12345' }),
      /nomsNumber is malformed/,
    ],
    [
      'a prisonId that is no code',
      eventOf('prison-offender-events.prisoner.released', { nomsNumber: 'A1234BC', prisonId: "MRI'; --" }),
      /prisonId/,
    ],
    [
      'a reason that is no code',
      eventOf('prison-offender-events.prisoner.received', { nomsNumber: 'A1234BC', reason: 'x'.repeat(60) }),
      /reason/,
    ],
    [
      'a merge without the removed number',
      eventOf('prison-offender-events.prisoner.merged', { nomsNumber: 'A1234BC' }),
      /removedNomsNumber is missing/,
    ],
    [
      'a SENTENCE update with a bad number',
      eventOf('prisoner-offender-search.prisoner.updated', {
        nomsNumber: '../admin',
        categoriesChanged: ['SENTENCE'],
      }),
      /malformed/,
    ],
  ])('rejects %s', (_label, event, reason) => {
    const plan = planOf(event, 'm-4');
    expect(plan).toMatchObject({ kind: 'reject' });
    if (plan.kind === 'reject') expect(plan.reason).toMatch(reason);
  });

  it('what the publisher envelopes, the parser reads back', () => {
    const { messageId, body } = envelopeOf({
      eventType: 'prison-offender-events.prisoner.received',
      prisonNumber: 'A1234BC',
      occurredAt: '2026-11-25T09:00:00Z',
      additionalInformation: { reason: 'TRANSFERRED', prisonId: 'LEI' },
    });
    const parsed = parseMessage(Buffer.from(body));
    expect(parsed.ok && planOf(parsed.event, parsed.messageId)).toMatchObject({
      kind: 'apply',
      input: {
        messageId,
        type: 'RECEIVED',
        reason: 'TRANSFERRED',
        prisonNumber: 'A1234BC',
        establishmentCode: 'LEI',
      },
    });
  });
});

describe('the verdict on each answer', () => {
  const refused = (code: string): GatewayAnswer => ({
    kind: 'refused',
    code,
    field: undefined,
    requestId: undefined,
  });
  it.each<[string, GatewayAnswer, string]>([
    ...['RELEASE_RECORDED', 'IGNORED', 'STALE', 'ALREADY_APPLIED', 'IDENTITY_CONFLICT_RECORDED'].map(
      (outcome): [string, GatewayAnswer, string] => [
        outcome,
        { kind: 'applied', outcome, referralId: null } as GatewayAnswer,
        'ack',
      ],
    ),
    ['BAD_USER_INPUT', refused('BAD_USER_INPUT'), 'dead-letter'],
    ['CONFLICT', refused('CONFLICT'), 'retry'],
    ['DOWNSTREAM_SERVICE_ERROR', refused('DOWNSTREAM_SERVICE_ERROR'), 'retry'],
    ['INTERNAL_SERVER_ERROR', refused('INTERNAL_SERVER_ERROR'), 'retry'],
    ['a code it does not know', refused('GRAPHQL_VALIDATION_FAILED'), 'retry'],
    ['the gateway unreachable', { kind: 'unreachable', detail: 'TypeError' } as GatewayAnswer, 'retry'],
    ['UNAUTHENTICATED', refused('UNAUTHENTICATED'), 'misconfigured'],
    ['FORBIDDEN', refused('FORBIDDEN'), 'misconfigured'],
  ])('%s: %s', (_label, answer, verdict) => {
    expect(verdictOf(answer)).toBe(verdict);
  });

  it('backs off exponentially with jitter, up to the cap', () => {
    expect(backoffMs(0, 250, 30_000, () => 0)).toBe(125);
    expect(backoffMs(0, 250, 30_000, () => 1)).toBe(250);
    expect(backoffMs(3, 250, 30_000, () => 1)).toBe(2000);
    expect(backoffMs(20, 250, 30_000, () => 1)).toBe(30_000);
    expect(backoffMs(1000, 250, 30_000, () => 0.5)).toBe(22_500);
  });
});
