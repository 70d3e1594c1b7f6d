/**
 * OpenID Connect sign-in against a real provider (`oidc-provider` 9) started here: authorisation
 * code with PKCE, the claims giving roles, `org` and `staff_id`, the provider's JWT access token
 * used at the gateway, and sign-out ending the session at the provider. The test hub's gateway
 * trusts only its own test key, so a second gateway over the same subgraphs trusts the provider's
 * JWKS, as a production gateway's AUTH_JWKS_URL does. Needs Chromium (the provider's login pages
 * are a browser's job); skipped like the other browser tests without it.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createJwtVerifier } from '@reconnect/auth';
import { SUPERGRAPH_FILE, createGateway, type Gateway } from '@reconnect/gateway';
import { createLogger } from '@reconnect/graph';
import { startTestHub, type TestHub } from '@reconnect/hub/testing';
import { londonDateOf } from '@reconnect/config';
import Provider from 'oidc-provider';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsole, type RunningConsole } from '../src/index.ts';
import { SKIP_MESSAGE, chromiumFound, launch, mustRun } from './browser-support.ts';
import { submitReferral } from './support.ts';

const run = chromiumFound || mustRun;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Sam Okafor, team lead of RECONNECT North West, as the identity provider knows her. */
const SAM = { sub: 'sam.okafor', name: 'Sam Okafor', roles: ['ROLE_RECONNECT_LEAD'], org: 'RC-NW' };

describe.skipIf(!run)('OpenID Connect sign-in', () => {
  let hub: TestHub;
  let gateway: Gateway;
  let providerServer: Server;
  let web: RunningConsole;
  let browser: Browser;
  let issuer: string;

  beforeAll(async () => {
    if (!chromiumFound) throw new Error(`${SKIP_MESSAGE}; CI is set, so this fails instead`);
    hub = await startTestHub();
    const [providerPort, consolePort] = [await freePort(), await freePort()];
    issuer = `http://127.0.0.1:${providerPort}`;
    const consoleUrl = `http://127.0.0.1:${consolePort}`;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'reconnect-console',
          client_secret: 'console-secret',
          redirect_uris: [`${consoleUrl}/sign-in/callback`],
          post_logout_redirect_uris: [`${consoleUrl}/signed-out`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          id_token_signed_response_alg: 'ES256',
        },
      ],
      pkce: { required: () => true },
      // The provider signs with its own key pair: the test hub's key, reused only to keep it short.
      jwks: { keys: [{ ...hub.signingKey, use: 'sig' }] },
      enabledJWA: { idTokenSigningAlgValues: ['ES256'] },
      async findAccount(_ctx, id) {
        return { accountId: id, claims: async () => ({ ...SAM, sub: id, staff_id: staffId }) };
      },
      claims: { openid: ['sub'], profile: ['name', 'roles', 'org', 'staff_id'] },
      conformIdTokenClaims: false,
      features: {
        devInteractions: { enabled: true },
        rpInitiatedLogout: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => 'urn:reconnect:hub',
          useGrantedResource: () => true,
          getResourceServerInfo: () => ({
            scope: 'openid profile',
            audience: 'reconnect-hub',
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'ES256' } },
          }),
        },
      },
      async extraTokenClaims(_ctx, token) {
        const claims = 'accountId' in token ? { roles: SAM.roles, org: SAM.org, staff_id: staffId } : {};
        return claims;
      },
    });
    providerServer = await new Promise<Server>((resolve) => {
      const s = provider.listen(providerPort, () => resolve(s));
    });
    gateway = createGateway({
      supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
      subgraphUrls: hub.subgraphUrls,
      verify: createJwtVerifier({ jwksUrl: `${issuer}/jwks`, issuer, audience: 'reconnect-hub' }),
      internalSecret: hub.internalSecret,
      logger: createLogger('silent', 'oidc-test-gateway'),
      environment: 'test',
      subgraphTimeoutMs: 10_000,
    });
    const listening = await gateway.listen(0, '127.0.0.1');
    web = await startConsole(
      {
        gatewayUrl: listening.url,
        sessionSecret: 'oidc-test-session-secret-0123456789abc',
        production: false,
        oidc: {
          issuerUrl: issuer,
          clientId: 'reconnect-console',
          clientSecret: 'console-secret',
          scopes: 'openid profile',
          consoleUrl,
          allowInsecureRequests: true,
        },
        today: () => londonDateOf(hub.clock.now()),
        log: () => {},
      },
      consolePort,
      '127.0.0.1',
    );
    browser = await launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await gateway?.stop();
    providerServer?.closeAllConnections();
    await new Promise((resolve) => providerServer?.close(resolve));
    await hub?.stop();
  });

  // Sam's staff id in the directory: the first member of RC-NW's demo staff.
  let staffId = '';

  it('signs in with code + PKCE, acts with the provider’s token, and signs out at the provider', async () => {
    const referral = await submitReferral(
      hub,
      { givenName: 'Olive', familyName: 'Oidc' },
      londonDateOf(hub.clock.now()),
    );
    const admin = await hub.as('RECONNECT_ADMIN');
    const staff = await admin.query<{ reconnectService: { staff: { id: string; name: string }[] } }>(
      '{ reconnectService(code: "RC-NW") { staff { id name } } }',
    );
    staffId = staff.body.data!.reconnectService.staff.find((s) => s.name === 'Sam Okafor')!.id;

    const page = await (await browser.newContext({ baseURL: web.url })).newPage();
    await page.goto('/');
    // The console sent the browser to the provider, with a PKCE challenge.
    await page.waitForURL((url) => url.href.startsWith(issuer));
    await page
      .locator('input[name=login]')
      .waitFor({ timeout: 5000 })
      .catch(async (error: unknown) => {
        console.log(page.url(), (await page.content()).slice(0, 2000));
        throw error;
      });
    await page.locator('input[name=login]').fill(SAM.sub);
    await page.locator('input[name=password]').fill('any');
    await page.locator('button[type=submit]').click();
    await page.locator('button[type=submit]').click(); // consent
    await page.waitForURL((url) => url.href.startsWith(web.url.replace('localhost', '127.0.0.1')));
    // Signed in as the claims say, and the hub accepted the access token: the caseload lists the
    // RC-NW referral, and "My cases" exists because the token named a staff id.
    await page
      .getByText('Sam Okafor, RECONNECT North West')
      .waitFor({ timeout: 10_000 })
      .catch(async (error: unknown) => {
        console.log(page.url(), (await page.content()).slice(0, 3000));
        throw error;
      });
    await page.goto('/?tab=open');
    await page.getByRole('link', { name: 'Oidc, Olive' }).waitFor();
    expect(await page.getByRole('link', { name: 'My cases' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Service overview' }).count()).toBe(1);
    await page.goto(`/referrals/${referral.id}`);
    await page.getByRole('button', { name: 'Record consent' }).waitFor();

    // Signing out ends the provider's session too (RP-initiated logout), then comes back.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.href.startsWith(issuer));
    await page.locator('button[autofocus], button[type=submit]').first().click();
    await page.waitForURL(/\/signed-out$/);
    await page.goto('/');
    // Back at the provider's login: its session ended as well.
    await page.waitForURL((url) => url.href.startsWith(issuer));
    expect(await page.locator('input[name=login]').count()).toBe(1);
  }, 120_000);
});
