/** `pnpm token`: development tokens that the hub's own verifier accepts, and clear usage errors. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEV_JWKS_FILE, createJwtVerifier } from '../../packages/auth/src/index.ts';
import { runScript } from './support.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'reconnect-token-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// Each test spawns tsx: generous bounds, for a loaded 2-core machine.
describe('pnpm token', { timeout: 60_000 }, () => {
  it('warns when a referrer token names an organisation the directory of referring organisations lacks', async () => {
    const unknown = await runScript('token.ts', ['REFERRER', '--org', 'PROB-NOWHERE'], { DATA_DIR: dataDir });
    expect(unknown.code).toBe(0);
    expect(unknown.stdout.trim()).toMatch(/^ey/);
    expect(unknown.stderr).toContain('PROB-NOWHERE is not an organisation of the directory');
    const known = await runScript('token.ts', ['REFERRER', '--org', 'RCF-ONLINE'], { DATA_DIR: dataDir });
    expect(known.code).toBe(0);
    expect(known.stderr).toBe('');
  });

  it('prints a token that verifies against the JWKS it wrote under DATA_DIR', async () => {
    const result = await runScript(
      'token.ts',
      [
        'RECONNECT_STAFF',
        'role_reconnect_lead',
        '--org',
        'RC-NW',
        '--staff-id',
        'staff-7',
        '--name',
        'Sam Okafor',
      ],
      { DATA_DIR: dataDir },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const verify = createJwtVerifier({
      jwksFile: join(dataDir, DEV_JWKS_FILE),
      issuer: 'reconnect-hub-dev',
      audience: 'reconnect-hub',
    });
    const principal = await verify(`Bearer ${result.stdout.trim()}`);
    expect(principal).toMatchObject({
      roles: ['RECONNECT_STAFF', 'RECONNECT_LEAD'],
      organisationCode: 'RC-NW',
      staffId: 'staff-7',
      displayName: 'Sam Okafor',
    });
  });

  it('uses the configured issuer and audience, and --sub', async () => {
    const env = { DATA_DIR: dataDir, AUTH_ISSUER: 'https://idp.example', AUTH_AUDIENCE: 'hub-staging' };
    const result = await runScript('token.ts', ['COMMISSIONER', '--sub', 'commissioner-1'], env);
    expect(result.code).toBe(0);
    const jwksFile = join(dataDir, DEV_JWKS_FILE);
    const token = `Bearer ${result.stdout.trim()}`;
    await expect(
      createJwtVerifier({ jwksFile, issuer: 'https://idp.example', audience: 'hub-staging' })(token),
    ).resolves.toMatchObject({
      subject: 'commissioner-1',
      roles: ['COMMISSIONER'],
    });
    await expect(
      createJwtVerifier({ jwksFile, issuer: 'reconnect-hub-dev', audience: 'reconnect-hub' })(token),
    ).rejects.toThrow();
  });

  it('honours --expires: a negative value gives a token the hub refuses as expired', async () => {
    const result = await runScript('token.ts', ['REFERRER', '--org', 'PROB-NW', '--expires=-120'], {
      DATA_DIR: dataDir,
    });
    expect(result.code).toBe(0);
    const verify = createJwtVerifier({
      jwksFile: join(dataDir, DEV_JWKS_FILE),
      issuer: 'reconnect-hub-dev',
      audience: 'reconnect-hub',
    });
    await expect(verify(`Bearer ${result.stdout.trim()}`)).rejects.toThrow('not valid');
  });

  it('refuses an unknown role with exit 2, naming the valid roles', async () => {
    const result = await runScript('token.ts', ['RECONNECT_STAFF', 'SUPERUSER'], { DATA_DIR: dataDir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('unknown role: SUPERUSER');
    for (const role of [
      'RECONNECT_STAFF',
      'RECONNECT_LEAD',
      'RECONNECT_ADMIN',
      'REFERRER',
      'ER_PARTNER',
      'COMMISSIONER',
    ]) {
      expect(result.stderr).toContain(role);
    }
  });

  it('refuses a call without a role with exit 2', async () => {
    const result = await runScript('token.ts', ['--org', 'RC-NW'], { DATA_DIR: dataDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: pnpm token');
  });
});
