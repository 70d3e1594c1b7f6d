/**
 * `pnpm build` (issue 19, item 7): every deployable of scripts/lib/deployables.ts starts from its
 * built file with `node` alone (no tsx), serves its health and metrics endpoints, and the gateway
 * answers through the built subgraphs. The subgraphs need PostgreSQL (TEST_DATABASE_URL). In CI the
 * build output must exist (.ci/run builds before the tests); elsewhere its absence skips this file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHubDatabase, testConfig } from '../../hub/testing/index.ts';
import { AMQP_URL, createVhost } from '../../connectors/hmpps-events/test/support.ts';
import { DEPLOYABLES, bundleOf } from '../lib/deployables.ts';
import { ROOT } from '../lib/runtime.ts';
import { collect, freePortBlock, runScript, scriptEnv } from './support.ts';

const config = testConfig();
const built = DEPLOYABLES.every((d) => existsSync(join(ROOT, bundleOf(d))));
if (config.CI && !built) throw new Error('CI runs `pnpm build` before the tests: dist/ is missing');
const dataDir = mkdtempSync(join(tmpdir(), 'reconnect-built-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe.skipIf(!built || !config.TEST_DATABASE_URL || !AMQP_URL)(
  'the built deployables (run `pnpm build`, and set TEST_DATABASE_URL and TEST_AMQP_URL, to enable)',
  () => {
    it('start with node alone, answer health and metrics, and serve the graph together', async () => {
      const database = await createHubDatabase({ seed: false });
      const cleanups: (() => Promise<void>)[] = [];
      const running: {
        name: string;
        child: ChildProcess;
        exited: Promise<number | null>;
        output: () => { stdout: string; stderr: string };
      }[] = [];
      try {
        const seeded = await runScript('seed.ts', [], {
          DATA_DIR: dataDir,
          DATABASE_URL: database.url!,
          SEED_DEMO: 'false',
        });
        expect(seeded.code, seeded.stderr).toBe(0);
        // The HMPPS events connector consumes from a vhost of this test's own.
        const vhost = await createVhost('built');
        cleanups.push(() => vhost.remove());
        const port = await freePortBlock(8);
        const ports: Record<string, number> = {
          gateway: port,
          'regional-service': port + 1,
          person: port + 2,
          referral: port + 3,
          partner: port + 4,
          console: port + 5,
          'bars-fhir': port + 6,
          'hmpps-events': port + 7,
        };
        const common = {
          DATA_DIR: dataDir,
          LOG_LEVEL: 'warn',
          HOST: '127.0.0.1',
          INTERNAL_TOKEN_SECRET: 'a-test-internal-secret-of-at-least-32-chars',
          DATABASE_URL: database.url!,
          REGIONAL_SERVICE_URL: `http://127.0.0.1:${ports['regional-service']}/graphql`,
          PERSON_URL: `http://127.0.0.1:${ports.person}/graphql`,
          REFERRAL_URL: `http://127.0.0.1:${ports.referral}/graphql`,
          PARTNER_URL: `http://127.0.0.1:${ports.partner}/graphql`,
          GATEWAY_URL: `http://127.0.0.1:${port}/graphql`,
          HMPPS_EVENTS_AMQP_URL: vhost.url,
        };
        for (const deployable of DEPLOYABLES) {
          const child = spawn(process.execPath, [bundleOf(deployable), ...deployable.args], {
            cwd: ROOT,
            env: scriptEnv({ ...common, [deployable.portVar]: String(ports[deployable.name]) }),
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
          running.push({ name: deployable.name, child, exited, output: collect(child) });
        }
        const up = async (url: string) => {
          const deadline = Date.now() + 60_000;
          while (Date.now() < deadline) {
            if (
              await fetch(url).then(
                (r) => r.status === 200,
                () => false,
              )
            )
              return true;
            await new Promise((r) => setTimeout(r, 200));
          }
          return false;
        };
        const log = () => running.map((p) => `${p.name}: ${p.output().stderr.slice(-1500)}`).join('\n');
        expect(await up(`http://127.0.0.1:${port}/ready`), log()).toBe(true);
        for (const deployable of DEPLOYABLES) {
          const base = `http://127.0.0.1:${ports[deployable.name]}`;
          expect(await up(`${base}${deployable.health}`), `${deployable.name}\n${log()}`).toBe(true);
          const ready = await fetch(`${base}/ready`);
          expect(ready.status, deployable.name).toBe(200);
          expect(await ready.json()).toMatchObject({ status: 'ready' });
          const metrics = await fetch(`${base}/metrics`);
          expect(metrics.status, deployable.name).toBe(200);
          expect(await metrics.text()).toContain('process_resident_memory_bytes');
        }
        const token = await runScript('token.ts', ['RECONNECT_STAFF', '--org', 'RC-NW'], {
          DATA_DIR: dataDir,
        });
        const answer = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token.stdout.trim()}` },
          body: JSON.stringify({ query: '{ establishment(code: "MRI") { localService { code } } }' }),
        });
        expect(await answer.json()).toEqual({ data: { establishment: { localService: { code: 'RC-NW' } } } });
      } finally {
        for (const p of running) p.child.kill('SIGTERM');
        const codes = await Promise.all(running.map((p) => p.exited));
        await database.drop();
        for (const cleanup of cleanups) await cleanup();
        expect(codes, running.map((p) => `${p.name}: ${p.output().stderr.slice(-800)}`).join('\n')).toEqual(
          running.map(() => 0),
        );
      }
    }, 180_000);
  },
);
