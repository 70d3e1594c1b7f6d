/**
 * `pnpm hmpps:publish <eventType> --prison-number A1234BC [--reason R] [--prison MRI]
 * [--removed-prison-number B2345CD] [--categories SENTENCE,...] [--occurred-at ISO] [--message-id ID]`:
 * publishes one HMPPS domain event, correctly enveloped (SNS notification), on the broker at
 * HMPPS_EVENTS_AMQP_URL, for demonstrations. `eventType` may be the full HMPPS name or a short one:
 * released, received, merged, sentence (prisoner-offender-search.prisoner.updated with SENTENCE).
 * Declares the topology first, so the message waits in the queue if the connector is not running.
 */
import { parseArgs } from 'node:util';
import { eventPublisher } from '../connectors/hmpps-events/src/publish.ts';
import { describeBroker } from '../connectors/hmpps-events/src/index.ts';
import { hmppsEventsEnv } from '../packages/config/src/index.ts';
import { EXIT_USAGE, loadConfigOrExit } from './lib/runtime.ts';

const SHORT: Record<string, string> = {
  released: 'prison-offender-events.prisoner.released',
  received: 'prison-offender-events.prisoner.received',
  merged: 'prison-offender-events.prisoner.merged',
  sentence: 'prisoner-offender-search.prisoner.updated',
};

const usage = `usage: pnpm hmpps:publish <released|received|merged|sentence|eventType> --prison-number A1234BC
  [--reason RELEASED] [--prison MRI] [--removed-prison-number B2345CD] [--categories SENTENCE]
  [--occurred-at 2026-12-01T10:15:00Z] [--message-id ID]`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'prison-number': { type: 'string' },
    reason: { type: 'string' },
    prison: { type: 'string' },
    'removed-prison-number': { type: 'string' },
    categories: { type: 'string' },
    'occurred-at': { type: 'string' },
    'message-id': { type: 'string' },
  },
});
const [name] = positionals;
if (!name || !values['prison-number']) {
  console.error(usage);
  process.exit(EXIT_USAGE);
}
const eventType = SHORT[name] ?? name;
const config = loadConfigOrExit(hmppsEventsEnv);
const amqpUrl = config.HMPPS_EVENTS_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const defaults: Record<string, Record<string, unknown>> = {
  'prison-offender-events.prisoner.released': { reason: 'RELEASED' },
  'prison-offender-events.prisoner.received': { reason: 'ADMISSION' },
  'prisoner-offender-search.prisoner.updated': { categoriesChanged: ['SENTENCE'] },
};
const additionalInformation: Record<string, unknown> = { ...defaults[eventType] };
if (values.reason) additionalInformation.reason = values.reason;
if (values.prison) additionalInformation.prisonId = values.prison;
if (values['removed-prison-number'])
  additionalInformation.removedNomsNumber = values['removed-prison-number'];
if (values.categories) additionalInformation.categoriesChanged = values.categories.split(',');

const publisher = eventPublisher(amqpUrl);
try {
  const messageId = await publisher.publish({
    eventType,
    prisonNumber: values['prison-number'],
    additionalInformation,
    ...(values['occurred-at'] ? { occurredAt: values['occurred-at'] } : {}),
    ...(values['message-id'] ? { messageId: values['message-id'] } : {}),
  });
  console.log(`published ${eventType} (message ${messageId}) to ${describeBroker(amqpUrl)}`);
} finally {
  await publisher.close();
}
