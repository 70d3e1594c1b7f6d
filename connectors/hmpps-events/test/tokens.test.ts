/**
 * The connector's tokens without a broker: the client-credentials grant against a token endpoint
 * that checks the client (HMPPS Auth's stand-in), cached until near expiry and fetched again once
 * invalidated; a refused client and an unreachable endpoint told apart (the first is a
 * misconfiguration, the second transient); the development token carries the HMPPS_EVENTS role.
 */
import { createServer } from 'node:net';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSigner, TEST_AUDIENCE, TEST_ISSUER } from '@reconnect/hub/testing';
import { prisonerSearchClient } from '../src/prisoner-search.ts';
import { clientCredentialsTokenSource, devTokenSource, tokenFailureOf } from '../src/tokens.ts';
import { prisonerSearchStandIn } from './support.ts';

let auth: Awaited<ReturnType<typeof prisonerSearchStandIn>>;
beforeAll(async () => {
  auth = await prisonerSearchStandIn();
});
afterAll(async () => {
  await auth?.close();
});

async function failureOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return tokenFailureOf(error);
  }
  throw new Error('expected the token request to fail');
}

describe('client-credentials tokens', () => {
  it('fetches once, caches, and fetches again after invalidate()', async () => {
    const source = clientCredentialsTokenSource({
      tokenUrl: auth.tokenUrl,
      clientId: auth.client.id,
      clientSecret: auth.client.secret,
    });
    const before = auth.counts.tokens;
    const [a, b] = await Promise.all([source.get(), source.get()]);
    expect(a).toBe(b);
    expect(await source.get()).toBe(a);
    expect(auth.counts.tokens - before).toBe(1);
    source.invalidate();
    expect(await source.get()).not.toBe(a);
    expect(auth.counts.tokens - before).toBe(2);
  });

  it('a wrong secret is refused (misconfiguration); a closed port is unreachable (transient)', async () => {
    const wrong = clientCredentialsTokenSource({
      tokenUrl: auth.tokenUrl,
      clientId: auth.client.id,
      clientSecret: 'nope',
    });
    expect(await failureOf(wrong.get())).toBe('refused');
    const server = createServer();
    const port = await new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
    );
    await new Promise((resolve) => server.close(resolve));
    const down = clientCredentialsTokenSource({
      tokenUrl: `http://127.0.0.1:${port}/oauth/token`,
      clientId: 'x',
      clientSecret: 'y',
    });
    expect(await failureOf(down.get())).toBe('unreachable');
  });

  it('Prisoner Search without a valid token is refused, never read as "no date"', async () => {
    auth.hold('A1234BC', { confirmedReleaseDate: '2027-02-20' });
    const stale = { get: () => Promise.resolve('not-a-token'), invalidate: () => {} };
    expect(await prisonerSearchClient({ url: auth.url, token: stale }).releaseDateOf('A1234BC')).toEqual({
      kind: 'refused',
      status: 401,
    });
    const good = clientCredentialsTokenSource({
      tokenUrl: auth.tokenUrl,
      clientId: auth.client.id,
      clientSecret: auth.client.secret,
    });
    const search = prisonerSearchClient({ url: auth.url, token: good });
    expect(await search.releaseDateOf('A1234BC')).toEqual({ kind: 'date', date: '2027-02-20' });
    expect(await search.releaseDateOf('Z9999ZZ')).toEqual({ kind: 'none' });
  });
});

it('the development token is HMPPS_EVENTS for the client id, short-lived', async () => {
  const { signingKey } = await createTestSigner();
  const token = await devTokenSource({
    privateJwk: signingKey,
    clientId: 'hmpps-events-connector',
    issuer: TEST_ISSUER,
    audience: TEST_AUDIENCE,
  }).get();
  const claims = decodeJwt(token);
  expect(claims).toMatchObject({ sub: 'hmpps-events-connector', roles: ['HMPPS_EVENTS'], iss: TEST_ISSUER });
  expect(claims.exp! - claims.iat!).toBe(15 * 60);
});
