/**
 * Webhook delivery without server-side request forgery through DNS (issue 19, item 3). The
 * dispatcher resolves each webhook's host itself at every delivery, through a DNS server on
 * loopback that these tests control (speaking real DNS over UDP; the dispatcher's own resolver is
 * pointed at it with `setServers`, as WEBHOOK_DNS_SERVERS does). In production an answer with any
 * non-public address is refused before a connection is made; outside production the same path
 * delivers over https, with the certificate checked against the name, to the address it resolved;
 * and a name whose answer changes after the check (DNS rebinding) is not looked up twice.
 *
 * The https receiver's certificate (fixtures/, self-signed for hooks.partner.example, valid to
 * 2126) stands in for a partner's; the dispatcher is told to trust it as it would a private CA.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { accessMigrations, grantAccess } from '@reconnect/access';
import { createTestDatabase, type TestDatabase } from '@reconnect/testing';
import {
  Dispatcher,
  WebhookSecretKeyring,
  WebhookResolver,
  createPinnedPoster,
  createSubscription,
  deliveries,
  emitReferralEvent,
  eventsMigrations,
  resolveDeliveryTarget,
  type Environment,
} from '../src/index.ts';
import { startDnsServer, type DnsServer, type Records } from './dns-server.ts';
import { startReceiver, type Receiver } from './receiver.ts';

const HOST = 'hooks.partner.example';
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const tls = { key: fixture(`${HOST}.key.pem`), cert: fixture(`${HOST}.cert.pem`), host: HOST };

/** The keys the subscriptions' secrets are sealed under (WEBHOOK_SECRET_KEYS). */
const secrets = WebhookSecretKeyring.parse(WebhookSecretKeyring.generateEntry('test-1'));
let database: TestDatabase;
let dns: DnsServer;
let receiver: Receiver;
const clock = { now: () => new Date('2026-11-25T10:00:00Z') };

beforeAll(async () => {
  database = await createTestDatabase({ migrations: [accessMigrations, eventsMigrations] });
  dns = await startDnsServer();
  receiver = await startReceiver(0, { tls });
});

afterAll(async () => {
  await receiver?.close();
  await dns?.close();
  await database?.drop();
});

const db = () => database.handle.db;

/** A dispatcher as the hub builds one, its resolver pointed at the test's DNS server. */
function dispatcher(environment: Environment) {
  return new Dispatcher({
    db: db(),
    clock,
    environment,
    secrets,
    resolver: new WebhookResolver({ servers: [dns.address], timeoutMs: 1_000 }),
    post: createPinnedPoster({ ca: tls.cert }),
    timeoutMs: 2_000,
    random: () => 0.5,
  });
}

/** One subscription of a fresh organisation at `url`, and one event for it; returns the delivery's id. */
async function oneDelivery(url: string): Promise<string> {
  const organisationCode = `ORG-${randomUUID().slice(0, 6)}`;
  const referralId = randomUUID();
  await grantAccess(db(), {
    organisationCode,
    relationship: 'OWNING_SERVICE',
    personId: randomUUID(),
    referralId,
    enhancedCaseId: null,
    validFrom: new Date('2020-01-01T00:00:00Z'),
    validUntil: null,
    reason: 'test',
  });
  const subscription = await createSubscription(
    db(),
    {
      organisationCode,
      url,
      eventTypes: [],
      secret: 'whsec-0123456789abcdef',
      createdBy: 'test',
      at: clock.now(),
    },
    secrets,
  );
  await db().transaction((tx) =>
    emitReferralEvent(tx, {
      type: 'referral.submitted',
      referralId,
      reference: 'RC-TEST-0001',
      occurredAt: clock.now(),
    }),
  );
  const [row] = await db().select().from(deliveries).where(eq(deliveries.subscriptionId, subscription.id));
  return row!.id;
}

async function deliveryRow(id: string) {
  const [row] = await db().select().from(deliveries).where(eq(deliveries.id, id));
  return row!;
}

describe('in production, a name resolving to a non-public address is never connected to', () => {
  const cases: [label: string, records: Records, range: string][] = [
    ['loopback', { A: ['127.0.0.1'] }, 'loopback'],
    ['a private network', { A: ['10.20.30.40'] }, 'private'],
    ['the cloud metadata service (link-local)', { A: ['169.254.169.254'] }, 'linkLocal'],
    ['carrier-grade NAT', { A: ['100.64.1.2'] }, 'carrierGradeNat'],
    ['IPv6 loopback', { AAAA: ['::1'] }, 'loopback'],
    ['IPv6 unique-local', { AAAA: ['fd00:1234::1'] }, 'uniqueLocal'],
    // IPv6 spellings of IPv4 addresses are judged as IPv6, whatever they carry (issue 24, item 7).
    ['an IPv4-mapped private address', { AAAA: ['::ffff:192.168.1.1'] }, 'ipv4Mapped'],
    ['an IPv4-mapped public address', { AAAA: ['::ffff:8.8.8.8'] }, 'ipv4Mapped'],
    ['an IPv4-compatible loopback address', { AAAA: ['::7f00:1'] }, 'ipv4Compatible'],
    ['NAT64 of a private address', { AAAA: ['64:ff9b::a00:1'] }, 'rfc6052'],
    ['6to4 of a private address', { AAAA: ['2002:c0a8:101::1'] }, '6to4'],
    ['a private address among public ones', { A: ['8.8.8.8', '192.168.0.10'] }, 'private'],
  ];
  it.each(cases)('%s', async (_label, records, range) => {
    const name = `${randomUUID().slice(0, 8)}.${HOST}`;
    dns.records.set(name, records);
    const before = receiver.received.length;
    const id = await oneDelivery(`https://${name}:${receiver.port}/hook`);

    expect(await dispatcher('production').runOnce()).toBe(1);

    const row = await deliveryRow(id);
    expect(row.status).toBe('PENDING');
    expect(row.attempts).toBe(1);
    expect(row.lastError).toBe(`The host resolves to a non-public address (${range}); not delivered.`);
    expect(receiver.received.length).toBe(before);
    // The answer came from the test's server: the dispatcher asked it, once for each family.
    expect(
      dns.queries
        .filter((q) => q.name === name)
        .map((q) => q.type)
        .sort(),
    ).toEqual(['A', 'AAAA']);
  });

  it('a name that does not resolve is a failed attempt, retried later', async () => {
    const name = `missing-${randomUUID().slice(0, 8)}.${HOST}`;
    const id = await oneDelivery(`https://${name}/hook`);
    await dispatcher('production').runOnce();
    const row = await deliveryRow(id);
    expect(row.status).toBe('PENDING');
    expect(row.lastError).toBe('DNS: ENOTFOUND');
  });

  it.each(['https://[::ffff:7f00:1]/hook', 'https://[::7f00:1]/hook', 'https://[::127.0.0.1]/hook'])(
    'IP literals are judged the same way, without a lookup: %s',
    async (url) => {
      const resolver = new WebhookResolver({ servers: [dns.address] });
      const target = await resolveDeliveryTarget(url, 'production', resolver);
      expect(target).toMatchObject({ ok: false });
      expect(resolver.queries).toBe(0);
    },
  );
});

describe('the connection goes to the address that was checked', () => {
  it('delivers over https to the resolved address, the certificate checked against the name', async () => {
    const name = HOST;
    dns.records.set(name, { A: ['127.0.0.1'] });
    const before = receiver.received.length;
    const id = await oneDelivery(`https://${name}:${receiver.port}/pinned`);

    await dispatcher('test').runOnce();

    expect((await deliveryRow(id)).status).toBe('DELIVERED');
    const request = receiver.received.at(-1)!;
    expect(receiver.received.length).toBe(before + 1);
    expect(request.path).toBe('/pinned');
    expect(request.headers.host).toBe(`${name}:${receiver.port}`);
  });

  it('a certificate for another name is refused even at the checked address', async () => {
    const name = `other-${randomUUID().slice(0, 8)}.example`;
    dns.records.set(name, { A: ['127.0.0.1'] });
    const id = await oneDelivery(`https://${name}:${receiver.port}/wrong-name`);
    await dispatcher('test').runOnce();
    const row = await deliveryRow(id);
    expect(row.status).toBe('PENDING');
    expect(row.lastError).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
  });

  it('a name that answers differently after the check (rebinding) is looked up once per delivery', async () => {
    // The first answer is where the receiver listens; any later one is an address where nothing
    // does. A second lookup at connect time would get it and fail with ECONNREFUSED.
    const name = HOST;
    let answered = 0;
    dns.records.set(name, () => {
      answered += 1;
      return answered <= 2 ? { A: ['127.0.0.1'] } : { A: ['127.0.0.2'] };
    });
    const queriesBefore = dns.queries.length;
    const id = await oneDelivery(`https://${name}:${receiver.port}/rebinding`);

    await dispatcher('test').runOnce();

    expect((await deliveryRow(id)).status).toBe('DELIVERED');
    expect(receiver.received.at(-1)!.path).toBe('/rebinding');
    expect(
      dns.queries
        .slice(queriesBefore)
        .map((q) => q.type)
        .sort(),
    ).toEqual(['A', 'AAAA']);
  });
});
