/** The GraphQL IDE: served from local packages in development, never in production. */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createGateway, SUPERGRAPH_FILE, type Gateway } from '../src/index.ts';
import { createLogger, type Listening } from '@reconnect/graph';

const started: { gateway: Gateway; listening: Listening }[] = [];

async function start(environment: 'development' | 'production') {
  const gateway = createGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
    subgraphUrls: {
      'regional-service': 'http://127.0.0.1:9/graphql',
      person: 'http://127.0.0.1:9/graphql',
      referral: 'http://127.0.0.1:9/graphql',
      partner: 'http://127.0.0.1:9/graphql',
    },
    verify: async () => {
      throw new Error('not used');
    },
    internalSecret: 'x'.repeat(40),
    logger: createLogger('silent', 'ide-test'),
    environment,
    subgraphTimeoutMs: 1000,
  });
  const listening = await gateway.listen(0, '127.0.0.1');
  started.push({ gateway, listening });
  return listening.url;
}

afterAll(async () => {
  for (const { gateway } of started) await gateway.stop();
});

describe('the GraphQL IDE', () => {
  it('is served with its scripts and styles in development, without internet access', async () => {
    const url = await start('development');
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="ide">');
    expect(html).toContain('Authorization');
    expect(html).toContain('pnpm -s token');
    // Every asset the page loads comes from the gateway itself.
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBe(4);
    for (const asset of assets) {
      expect(asset.startsWith('/ide/')).toBe(true);
      const response = await fetch(new URL(asset, url));
      expect(response.status, asset).toBe(200);
      expect((await response.arrayBuffer()).byteLength, asset).toBeGreaterThan(1000);
    }
  });

  it('is not served in production', async () => {
    const url = await start('production');
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toContain('text/html');
    expect((await fetch(new URL('/ide/graphiql.js', url))).status).toBe(404);
  });
});
