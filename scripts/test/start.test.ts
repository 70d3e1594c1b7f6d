/**
 * `pnpm start` as a user meets it: the hub becomes ready, answers a token from `pnpm token`, stops
 * cleanly on SIGTERM with exit 0, and a second start on the same DATA_DIR reuses its keys and data.
 * On PostgreSQL when TEST_DATABASE_URL is set (a fresh database), PGlite under DATA_DIR otherwise.
 * A configuration error is reported in full before anything starts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubDatabase, testConfig, type TestDatabase } from '../../hub/testing/index.ts';
import { freePortBlock, runScript, startHub, stopHub, waitUntilReady } from './support.ts';

async function graphql(port: number, token: string, query: string) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] },
  };
}

describe('pnpm start', { timeout: 60_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'reconnect-start-'));
  let database: TestDatabase | undefined;
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
  };

  beforeAll(async () => {
    if (testConfig().TEST_DATABASE_URL) {
      // A fresh PostgreSQL database without data: start seeds it (and migrates again, harmlessly).
      database = await createHubDatabase({ seed: false });
      env.DATABASE_URL = database.url!;
    }
  });
  afterAll(async () => {
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves a token from pnpm token, stops on SIGTERM with exit 0, and starts again on the same data', async () => {
    const port = await freePortBlock();
    const first = startHub({ ...env, PORT: String(port) });
    try {
      await waitUntilReady(first, port);
    } catch (error) {
      first.child.kill('SIGKILL');
      throw error;
    }
    expect(first.output().stdout).toContain(`http://127.0.0.1:${port}/graphql`);
    expect(first.output().stdout).toContain('pnpm -s token RECONNECT_STAFF --org RC-NW');

    const token = await runScript('token.ts', ['RECONNECT_STAFF', '--org', 'RC-NW', '--sub', 'worker-1'], {
      DATA_DIR: dataDir,
    });
    expect(token.code).toBe(0);
    const me = await graphql(
      port,
      token.stdout.trim(),
      '{ me { subject roles } establishment(code: "MRI") { name localService { code } } }',
    );
    expect(me.body).toEqual({
      data: {
        me: { subject: 'worker-1', roles: ['RECONNECT_STAFF'] },
        establishment: { name: 'Manchester (HMP & YOI)', localService: { code: 'RC-NW' } },
      },
    });
    const anonymous = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { subject } }' }),
    });
    expect(anonymous.status).toBe(401);

    expect(await stopHub(first)).toBe(0);

    // Same DATA_DIR: the migrations and seeds run again without harm, and the development keys
    // are reused, so the token minted before the restart is still good.
    const second = startHub({ ...env, PORT: String(port) });
    try {
      await waitUntilReady(second, port);
      const again = await graphql(port, token.stdout.trim(), '{ me { subject } reconnectServices { code } }');
      expect(again.body.errors).toBeUndefined();
      expect(again.body.data?.me).toEqual({ subject: 'worker-1' });
      expect(again.body.data?.reconnectServices).toHaveLength(7);
    } finally {
      expect(await stopHub(second)).toBe(0);
    }
  }, 300_000);

  it('reports every configuration problem and exits 1 before starting anything', async () => {
    const result = await runScript('start.ts', [], {
      DATA_DIR: dataDir,
      PORT: 'four-thousand',
      HUB_TODAY: '25/11/2026',
      LOG_LEVEL: 'loud',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    for (const variable of ['PORT', 'HUB_TODAY', 'LOG_LEVEL'])
      expect(result.stderr).toContain(`${variable}:`);
  });
});
