/**
 * Registering a webhook through the gateway of a hub running in production (issue 24, item 7;
 * docs/RELIABILITY.md, "Trust: the smaller holes"): an IPv6 spelling of an IPv4 address, whichever
 * IPv4 address it carries, is refused like the IPv4 address itself. The attack: `https://[::7f00:1]/`
 * (how URL parsing writes `[::127.0.0.1]`) was accepted as a public unicast address, so a
 * subscriber could point the hub's deliveries at an address that a host routing IPv4-compatible
 * addresses reaches as 127.0.0.1. Now every such URL is BAD_USER_INPUT on `url` and nothing is
 * stored; an ordinary public name is still accepted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type HubClientForTests, type TestHub } from '@reconnect/hub/testing';
import type { Loose } from './lifecycle-harness.ts';

const REGISTER = `mutation ($url: String!) {
  registerWebhook(url: $url, eventTypes: [], secret: "a-receiver-secret-of-some-length") { id url }
}`;
const LIST = `{ webhooks { url } }`;

let hub: TestHub;
let staff: HubClientForTests;

beforeAll(async () => {
  hub = await startTestHub({ environment: 'production' });
  staff = await hub.as('RECONNECT_STAFF', { org: 'RC-NW' });
});

afterAll(async () => {
  await hub?.stop();
});

describe('registerWebhook in production', () => {
  it.each([
    ['IPv4-compatible loopback', 'https://[::7f00:1]/hook'],
    ['IPv4-compatible loopback, dotted', 'https://[::127.0.0.1]/hook'],
    ['IPv4-compatible private', 'https://[::a00:1]/hook'],
    ['IPv4-compatible public', 'https://[::808:808]/hook'],
    ['IPv4-mapped loopback', 'https://[::ffff:127.0.0.1]/hook'],
    ['IPv4-mapped metadata service', 'https://[::ffff:169.254.169.254]/latest/meta-data'],
    ['IPv4-mapped public', 'https://[::ffff:8.8.8.8]/hook'],
    ['IPv4-translated', 'https://[::ffff:0:7f00:1]/hook'],
    ['NAT64 of loopback', 'https://[64:ff9b::7f00:1]/hook'],
    ['NAT64 (local use) of a private address', 'https://[64:ff9b:1::a00:1]/hook'],
    ['6to4 of a private address', 'https://[2002:c0a8:101::1]/hook'],
    ['loopback in hex', 'https://0x7f000001/hook'],
    ['loopback in octal', 'https://0177.0.0.1/hook'],
    ['loopback as one decimal number', 'https://2130706433/hook'],
  ])('%s (%s) is refused on url, and nothing is stored', async (_label, url) => {
    const before = (await staff.query<Loose>(LIST)).body.data?.webhooks;
    const response = await staff.query<Loose>(REGISTER, { url });
    expect(response.body.data?.registerWebhook ?? null).toBeNull();
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    expect((await staff.query<Loose>(LIST)).body.data?.webhooks).toEqual(before);
  });

  it('accepts a public name', async () => {
    const response = await staff.query<Loose>(REGISTER, { url: 'https://hooks.probation.example/reconnect' });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.registerWebhook.url).toBe('https://hooks.probation.example/reconnect');
  });
});
