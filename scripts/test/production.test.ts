/**
 * `pnpm seed` and the production layout: each subgraph and the gateway in its own process
 * (`pnpm --filter <package> start`), refusing unsafe configuration, and answering through the
 * gateway when all five run against one PostgreSQL database (only when TEST_DATABASE_URL is set:
 * PGlite cannot be shared between processes).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateAuditSigningKey } from '../../packages/audit/src/index.ts';
import { InternalKeys } from '../../packages/auth/src/index.ts';
import { createHubDatabase, testConfig } from '../../hub/testing/index.ts';
import { collect, freePortBlock, runScript, spawnScript } from './support.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'reconnect-production-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const PRODUCTION = { NODE_ENV: 'production', LOG_LEVEL: 'warn' };
const SECRET = 'a-test-internal-secret-of-at-least-32-chars';

// Each test spawns tsx processes: generous bounds, for a loaded 2-core machine.
const SPAWN_TIMEOUT = { timeout: 120_000 };

describe('pnpm seed', SPAWN_TIMEOUT, () => {
  it('migrates and seeds the reference data into the PGlite database under DATA_DIR, and says how much', async () => {
    const result = await runScript('seed.ts', [], { DATA_DIR: dataDir, SEED_DEMO: 'false' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`PGlite at ${join(dataDir, 'pglite')}`);
    expect(result.stdout).toContain('"services":7');
    expect(result.stdout).toContain('demo data: not seeded (SEED_DEMO=false)');
  });
});

describe('one subgraph per process', SPAWN_TIMEOUT, () => {
  it('names the subgraphs when given an unknown one (exit 2)', async () => {
    const result = await runScript('run-subgraph.ts', ['people'], { DATA_DIR: dataDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('regional-service|person|referral|partner');
  });

  it('refuses to run on PGlite, and in production without the secret, the audit key and the other subgraphs’ URLs', async () => {
    const pglite = await runScript('run-subgraph.ts', ['person'], { DATA_DIR: dataDir });
    expect(pglite.code).toBe(1);
    expect(pglite.stderr).toContain('DATABASE_URL: required');

    const production = await runScript('run-subgraph.ts', ['referral'], {
      ...PRODUCTION,
      DATABASE_URL: 'postgres://hub@127.0.0.1:1/hub',
      PERSON_URL: 'http://person.internal/graphql',
    });
    expect(production.code).toBe(1);
    // A subgraph holds its own per-audience keys in production, never the secret (issue 19).
    expect(production.stderr).toContain('INTERNAL_TOKEN_KEYS: required in production');
    // Every subgraph process signs audit checkpoints: no production start without the key.
    expect(production.stderr).toContain('AUDIT_SIGNING_KEY: required in production');

    const urls = await runScript('run-subgraph.ts', ['referral'], {
      ...PRODUCTION,
      DATABASE_URL: 'postgres://hub@127.0.0.1:1/hub',
      INTERNAL_TOKEN_KEYS: InternalKeys.forProcess(SECRET, 'referral').serialize(),
      AUDIT_SIGNING_KEY: generateAuditSigningKey(),
      PERSON_URL: 'http://person.internal/graphql',
    });
    expect(urls.code).toBe(1);
    expect(urls.stderr).toContain('REGIONAL_SERVICE_URL: required in production');
    expect(urls.stderr).toContain('PARTNER_URL: required in production');
    expect(urls.stderr).not.toContain('PERSON_URL');
    expect(urls.stderr).not.toContain('REFERRAL_URL');
  });

  it('the gateway refuses production without a JWKS, the secret and every subgraph URL', async () => {
    const result = await runScript('run-gateway.ts', [], {
      ...PRODUCTION,
      PARTNER_URL: 'http://partner.internal/graphql',
    });
    expect(result.code).toBe(1);
    for (const variable of [
      'INTERNAL_TOKEN_SECRET',
      'AUTH_JWKS_URL',
      'REGIONAL_SERVICE_URL',
      'PERSON_URL',
      'REFERRAL_URL',
    ]) {
      expect(result.stderr).toContain(`${variable}:`);
    }
    expect(result.stderr).not.toContain('PARTNER_URL');
  });

  it.skipIf(!testConfig().TEST_DATABASE_URL)(
    'serves the graph with four subgraphs (each as its own database role) and the gateway in five processes on PostgreSQL, and stops each with exit 0',
    async () => {
      const database = await createHubDatabase({ seed: false });
      const processes: {
        name: string;
        child: ChildProcess;
        exited: Promise<number | null>;
        output: () => { stdout: string; stderr: string };
      }[] = [];
      try {
        const port = await freePortBlock();
        const names = ['regional-service', 'person', 'referral', 'partner'];
        const urls = {
          REGIONAL_SERVICE_URL: `http://127.0.0.1:${port + 1}/graphql`,
          PERSON_URL: `http://127.0.0.1:${port + 2}/graphql`,
          REFERRAL_URL: `http://127.0.0.1:${port + 3}/graphql`,
          PARTNER_URL: `http://127.0.0.1:${port + 4}/graphql`,
        };
        const common = {
          ...urls,
          DATA_DIR: dataDir,
          LOG_LEVEL: 'warn',
          INTERNAL_TOKEN_SECRET: SECRET,
          HOST: '127.0.0.1',
        };
        const { INTERNAL_TOKEN_SECRET: _gatewayOnly, ...subgraphCommon } = common;
        const seeded = await runScript('seed.ts', [], {
          ...common,
          DATABASE_URL: database.url!,
          SEED_DEMO: 'false',
        });
        expect(seeded.code).toBe(0);
        // Least privilege, as in production: each subgraph serves as its own database role.
        const roles = await runScript('db-roles.ts', [], { DATABASE_URL: database.url! });
        expect(roles.code, roles.stderr).toBe(0);

        const spawnProcess = (name: string, script: string, args: string[], env: Record<string, string>) => {
          const child = spawnScript(script, args, env);
          const output = collect(child);
          const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
          processes.push({ name, child, exited, output });
        };
        names.forEach((name, i) =>
          spawnProcess(name, 'run-subgraph.ts', [name], {
            ...subgraphCommon,
            // Only its own keys (issue 19): the secret stays with the gateway.
            INTERNAL_TOKEN_KEYS: InternalKeys.forProcess(SECRET, name).serialize(),
            DATABASE_URL: database.url!,
            DATABASE_ROLES: 'per-subgraph',
            PORT: String(port + i + 1),
          }),
        );
        spawnProcess('gateway', 'run-gateway.ts', [], { ...common, PORT: String(port) });

        const deadline = Date.now() + 90_000;
        let ready = false;
        while (!ready && Date.now() < deadline) {
          ready = await fetch(`http://127.0.0.1:${port}/ready`).then(
            (r) => r.status === 200,
            () => false,
          );
          if (!ready) await new Promise((r) => setTimeout(r, 250));
        }
        expect(ready, processes.map((p) => `${p.name}: ${p.output().stderr}`).join('\n')).toBe(true);

        const token = await runScript('token.ts', ['RECONNECT_STAFF', '--org', 'RC-NW'], {
          DATA_DIR: dataDir,
        });
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token.stdout.trim()}` },
          body: JSON.stringify({
            query: '{ me { roles } establishment(code: "MRI") { localService { code } } }',
          }),
        });
        expect(await response.json()).toEqual({
          data: { me: { roles: ['RECONNECT_STAFF'] }, establishment: { localService: { code: 'RC-NW' } } },
        });
      } finally {
        for (const p of processes) p.child.kill('SIGTERM');
        const codes = await Promise.all(processes.map((p) => p.exited));
        await database.drop();
        expect(
          codes,
          processes
            .map(
              (p, i) =>
                `${p.name} exited ${codes[i]}:\n${p.output().stdout.slice(-1500)}\n${p.output().stderr.slice(-1500)}`,
            )
            .join('\n'),
        ).toEqual(processes.map(() => 0));
      }
    },
    180_000,
  );
});
