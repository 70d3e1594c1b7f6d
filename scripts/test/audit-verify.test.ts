/** `pnpm audit:verify` over a real database: intact, tampered with, and missing. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { accessMigrations } from '../../packages/access/src/index.ts';
import { auditEvents, auditMigrations, recordAuditEvents } from '../../packages/audit/src/index.ts';
import { createDb, pgliteDir, sql, type Db } from '../../packages/db/src/index.ts';
import { createHubDatabase, testConfig } from '../../hub/testing/index.ts';
import { runScript } from './support.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'reconnect-audit-verify-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const actor = {
  principal: { subject: 'worker-1', roles: ['RECONNECT_STAFF' as const], organisationCode: 'RC-NW' },
  requestId: 'req-verify',
  at: new Date(),
};
const reads = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    action: 'person.read',
    subjectType: 'Person',
    subjectId: `p-${i}`,
    fields: ['givenName'],
  }));

/** Edits the third event as the table owner could: guard off, change, guard on. Returns its seq. */
async function tamper(db: Db): Promise<number> {
  const rows = await db.select({ seq: auditEvents.seq }).from(auditEvents).orderBy(auditEvents.seq);
  const seq = rows[2]!.seq;
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit.events disable trigger events_append_only`);
    await tx.execute(sql`update audit.events set outcome = 'DENIED' where seq = ${seq}`);
    await tx.execute(sql`alter table audit.events enable trigger events_append_only`);
  });
  return seq;
}

describe('pnpm audit:verify', () => {
  // Each run starts tsx and opens PGlite: slower than the default timeout allows on a busy machine.
  it(
    'on the PGlite database under DATA_DIR: intact, then broken at the edited row',
    { timeout: 90_000 },
    async () => {
      let handle = await createDb({ dataDir: pgliteDir(dataDir) });
      await handle.migrate([accessMigrations, auditMigrations]);
      await recordAuditEvents(handle.db, actor, reads(7));
      await handle.close();

      const intact = await runScript('audit-verify.ts', [], { DATA_DIR: dataDir });
      expect(intact).toMatchObject({ code: 0, stdout: 'audit chain intact: 7 events\n' });

      handle = await createDb({ dataDir: pgliteDir(dataDir) });
      const seq = await tamper(handle.db);
      await handle.close();
      const broken = await runScript('audit-verify.ts', [], { DATA_DIR: dataDir });
      expect(broken.code).toBe(1);
      expect(broken.stdout).toMatch(new RegExp(`^audit chain broken at seq ${seq}\\b`));
    },
  );

  it('says so, and does not create a database, when there is none', { timeout: 90_000 }, async () => {
    const empty = join(dataDir, 'nothing-here');
    const result = await runScript('audit-verify.ts', [], { DATA_DIR: empty });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no database/);
    expect(existsSync(empty)).toBe(false);
  });

  it.runIf(!!testConfig().TEST_DATABASE_URL)(
    'on PostgreSQL through DATABASE_URL',
    { timeout: 90_000 },
    async () => {
      const database = await createHubDatabase({ seed: false });
      try {
        await recordAuditEvents(database.handle.db, actor, reads(5));
        const intact = await runScript('audit-verify.ts', [], {
          DATABASE_URL: database.url!,
          DATA_DIR: dataDir,
        });
        expect(intact).toMatchObject({ code: 0, stdout: 'audit chain intact: 5 events\n' });
        const seq = await tamper(database.handle.db);
        const broken = await runScript('audit-verify.ts', [], {
          DATABASE_URL: database.url!,
          DATA_DIR: dataDir,
        });
        expect(broken.code).toBe(1);
        expect(broken.stdout).toMatch(new RegExp(`^audit chain broken at seq ${seq}\\b`));
      } finally {
        await database.drop();
      }
    },
  );
});
