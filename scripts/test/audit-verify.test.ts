/**
 * `pnpm audit:verify` over a real database: intact (chain and signed checkpoints), tampered with,
 * an inclusion proof, a key it does not trust, and no database at all.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { accessMigrations } from '../../packages/access/src/index.ts';
import {
  AuditSequencer,
  auditEvents,
  auditMigrations,
  createAuditSigner,
  ensureDevAuditSigningKey,
  generateAuditSigningKey,
  recordAuditEvents,
  trustedKeys,
  verifyInclusionProof,
  type InclusionProof,
} from '../../packages/audit/src/index.ts';
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

/** Chains and signs what is pending with `key`, as the hub's sequencer does. */
const sequence = (db: Db, key: string) => new AuditSequencer({ db, signer: createAuditSigner(key) }).drain();

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
    'on the PGlite database under DATA_DIR: intact, proves an event, then broken at the edited row',
    { timeout: 120_000 },
    async () => {
      // The development key the command trusts when AUDIT_SIGNING_KEY is unset.
      const key = ensureDevAuditSigningKey(dataDir);
      let handle = await createDb({ dataDir: pgliteDir(dataDir) });
      await handle.migrate([accessMigrations, auditMigrations]);
      await recordAuditEvents(handle.db, actor, reads(7));
      await sequence(handle.db, key);
      await recordAuditEvents(handle.db, { ...actor, requestId: 'req-later' }, reads(2));
      const [event] = await handle.db.select().from(auditEvents).orderBy(auditEvents.seq).limit(1);
      await handle.close();

      const intact = await runScript('audit-verify.ts', [], { DATA_DIR: dataDir });
      expect(intact).toMatchObject({ code: 0 });
      expect(intact.stdout).toMatch(
        /^audit chain intact: 7 events chained, 2 pending, 1 checkpoints \(newest checkpoint 7 /,
      );

      const proved = await runScript('audit-verify.ts', ['--prove', event!.id], { DATA_DIR: dataDir });
      expect(proved.code, proved.stderr).toBe(0);
      const proof = JSON.parse(proved.stdout) as InclusionProof & { verified: boolean };
      expect(proof).toMatchObject({ eventId: event!.id, leafIndex: 0, verified: true });
      expect(proof.checkpoint.treeSize).toBe(7);
      expect(verifyInclusionProof(proof, trustedKeys([key]))).toEqual({ ok: true });

      // A key it was not told to trust: every checkpoint is refused, and so is the proof.
      const otherKey = join(dataDir, 'other.pem');
      writeFileSync(otherKey, generateAuditSigningKey());
      const untrusted = await runScript('audit-verify.ts', ['--key', otherKey], { DATA_DIR: dataDir });
      expect(untrusted.code).toBe(1);
      expect(untrusted.stdout).toContain('checkpoint-signature: checkpoint at 7 is signed by key');
      const unproved = await runScript('audit-verify.ts', ['--key', otherKey, '--prove', event!.id], {
        DATA_DIR: dataDir,
      });
      expect(unproved.code).toBe(1);
      expect(unproved.stderr).toMatch(/the proof does not verify/);

      handle = await createDb({ dataDir: pgliteDir(dataDir) });
      const seq = await tamper(handle.db);
      await handle.close();
      const broken = await runScript('audit-verify.ts', [], { DATA_DIR: dataDir });
      expect(broken.code).toBe(1);
      expect(broken.stdout).toMatch(/^audit chain broken: \d+ problems/);
      expect(broken.stdout).toContain(
        `edited: event ${seq} (chain position 3) does not match its chain entry`,
      );
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
    'on PostgreSQL through DATABASE_URL, with AUDIT_SIGNING_KEY',
    { timeout: 90_000 },
    async () => {
      const database = await createHubDatabase({ seed: false });
      const key = generateAuditSigningKey();
      try {
        await recordAuditEvents(database.handle.db, actor, reads(5));
        await sequence(database.handle.db, key);
        const env = { DATABASE_URL: database.url!, DATA_DIR: dataDir, AUDIT_SIGNING_KEY: key };
        const intact = await runScript('audit-verify.ts', [], env);
        expect(intact.code, intact.stderr).toBe(0);
        expect(intact.stdout).toMatch(/^audit chain intact: 5 events chained, 0 pending, 1 checkpoints/);
        const seq = await tamper(database.handle.db);
        const broken = await runScript('audit-verify.ts', [], env);
        expect(broken.code).toBe(1);
        expect(broken.stdout).toContain(`edited: event ${seq} (chain position 3)`);
      } finally {
        await database.drop();
      }
    },
  );
});
