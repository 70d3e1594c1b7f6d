/**
 * `pnpm start` with HMPPS_EVENTS_AMQP_URL set, as a user meets it (issue 16): the banner says the
 * connector consumes the broker, `pnpm hmpps:publish released --prison-number …` publishes an
 * enveloped event, and the demo referral of that person is POST_RELEASE in the API moments later
 * (the time it took is printed, not asserted). A vhost of this file's own on TEST_AMQP_URL; without
 * one the test is skipped with one line (with CI set it fails).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubDatabase, testConfig, type TestDatabase } from '../../hub/testing/index.ts';
import { announceSkip, brokerTests, createVhost } from '../../connectors/hmpps-events/test/support.ts';
import { collect, freePortBlock, runScript, spawnScript } from './support.ts';

// Test code reads results by path: the loose type is deliberate.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

announceSkip();
describe.skipIf(!brokerTests)(
  'pnpm start with a broker: the HMPPS events connector',
  { timeout: 180_000 },
  () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'reconnect-hmpps-start-'));
    let database: TestDatabase | undefined;
    let vhost: Awaited<ReturnType<typeof createVhost>>;
    let child: ChildProcess | undefined;
    let output: () => { stdout: string; stderr: string };
    let exited: Promise<number | null>;
    let port: number;
    let env: Record<string, string>;

    beforeAll(async () => {
      vhost = await createVhost('start');
      env = {
        DATA_DIR: dataDir,
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        NODE_ENV: 'development',
        HMPPS_EVENTS_AMQP_URL: vhost.url,
      };
      if (testConfig().TEST_DATABASE_URL) {
        database = await createHubDatabase({ seed: false });
        env.DATABASE_URL = database.url!;
      }
      port = await freePortBlock(6);
      child = spawnScript('start.ts', [], { ...env, PORT: String(port) });
      output = collect(child);
      exited = new Promise((done) => child!.on('exit', (code) => done(code)));
      const deadline = Date.now() + 150_000;
      while (!output().stdout.includes('Stop with Ctrl-C.') || !output().stdout.includes('consuming')) {
        if (Date.now() > deadline || child.exitCode !== null) {
          throw new Error(`pnpm start did not become ready:\n${output().stderr}${output().stdout}`);
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    });
    afterAll(async () => {
      if (child && child.exitCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000).unref())]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await vhost?.remove();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    async function graphql(token: string, query: string): Promise<Loose> {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'x-purpose-of-use': 'direct care',
        },
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as Loose;
    }

    it('says so in its banner, and a release published with pnpm hmpps:publish shows as POST_RELEASE', async () => {
      expect(output().stdout).toContain('HMPPS custody events: consuming amqp://127.0.0.1:5672 vhost');
      expect(output().stdout).toContain('pnpm hmpps:publish released');
      const token = (
        await runScript('token.ts', ['RECONNECT_STAFF', '--org', 'RC-NW'], { DATA_DIR: dataDir })
      ).stdout.trim();
      const QUERY = `{ referrals(first: 100) { nodes { id status custody { establishment { code } releasedOn } person { prisonNumber } } } }`;
      const before = await graphql(token, QUERY);
      const demo = (before.data.referrals.nodes as Loose[]).find(
        (r) => r.status === 'PRE_RELEASE' && r.person.prisonNumber && r.custody.establishment,
      );
      expect(demo).toBeDefined();
      const published = await runScript(
        'hmpps-publish.ts',
        [
          'released',
          '--prison-number',
          demo!.person.prisonNumber,
          '--prison',
          demo!.custody.establishment.code,
        ],
        { HMPPS_EVENTS_AMQP_URL: vhost.url },
      );
      expect(published.stderr).toBe('');
      expect(published.stdout).toMatch(
        /^published prison-offender-events\.prisoner\.released \(message [0-9a-f-]{36}\)/,
      );
      const sent = performance.now();
      const READ = `{ referral(id: "${demo!.id}") { status custody { releasedOn } history { type actor } } }`;
      let seen: Loose = {};
      while (performance.now() - sent < 30_000) {
        seen = (await graphql(token, READ)).data.referral as Loose;
        if (seen.status === 'POST_RELEASE') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      console.log(
        `pnpm hmpps:publish -> POST_RELEASE in the API: ${Math.round(performance.now() - sent)} ms`,
      );
      expect(seen.status).toBe('POST_RELEASE');
      expect(seen.custody.releasedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(seen.history.at(-1)).toEqual({ type: 'referral.released', actor: 'hmpps-events-connector' });
    });

    it('stops cleanly on SIGTERM, connector included', async () => {
      child!.kill('SIGTERM');
      expect(await exited).toBe(0);
    });
  },
);
