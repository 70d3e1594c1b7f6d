/**
 * The audit trail (ARCHITECTURE.md, "audit"): append-only, hash-chained so that an edited or
 * removed row is found, and written for every read of a person, or the read fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import type { Principal } from '@reconnect/auth';
import { rowsOf, sql, type Queryable } from '@reconnect/db';
import { createTestDatabase, newId, type TestDatabase } from '@reconnect/testing';
import {
  AuditRecorder,
  auditEvents,
  auditMigrations,
  readAccessLog,
  recordAuditEvents,
  verifyAuditChain,
  type AuditActor,
  type AuditEventInput,
} from '../src/index.ts';

const principal: Principal = { subject: 'worker-1', roles: ['RECONNECT_STAFF'], organisationCode: 'RC-NW' };
const actor = (requestId = newId()): AuditActor => ({
  principal,
  requestId,
  purpose: 'DIRECT_CARE',
  at: new Date(),
});
const read = (personId: string, fields = ['givenName']): AuditEventInput => ({
  action: 'person.read',
  subjectType: 'Person',
  subjectId: personId,
  personId,
  fields,
});

async function count(db: Queryable): Promise<number> {
  return Number(
    rowsOf<{ n: number | string }>(await db.execute(sql`select count(*) as n from audit.events`))[0]!.n,
  );
}

let database: TestDatabase;
const db = () => database.handle.db;

beforeAll(async () => {
  database = await createTestDatabase({ migrations: [auditMigrations] });
});
afterAll(async () => {
  await database?.drop();
});

describe('append-only', () => {
  beforeAll(async () => {
    await recordAuditEvents(db(), actor(), [read(newId()), read(newId())]);
  });

  it.each([
    ['UPDATE', sql`update audit.events set outcome = 'DENIED'`],
    ['UPDATE of the hash', sql`update audit.events set hash = 'x', prev_hash = 'y'`],
    ['DELETE', sql`delete from audit.events`],
    ['TRUNCATE', sql`truncate audit.events`],
  ])('%s is refused', async (_name, statement) => {
    const before = await db().select().from(auditEvents).orderBy(asc(auditEvents.seq));
    await expect(db().execute(statement)).rejects.toThrow();
    expect(await db().select().from(auditEvents).orderBy(asc(auditEvents.seq))).toEqual(before);
  });

  it('refuses through drizzle too', async () => {
    await expect(
      db().update(auditEvents).set({ outcome: 'DENIED' }).where(eq(auditEvents.action, 'person.read')),
    ).rejects.toThrow();
    await expect(db().delete(auditEvents)).rejects.toThrow();
  });

  it('the trigger numbers and hashes the row, whatever the writer sent', async () => {
    const personId = newId();
    await db()
      .insert(auditEvents)
      .values({ ...row(personId), seq: 1, prevHash: 'genesis', hash: 'forged' });
    const [inserted] = await db().select().from(auditEvents).where(eq(auditEvents.personId, personId));
    expect(inserted!.hash).not.toBe('forged');
    expect(inserted!.seq).toBeGreaterThan(1);
    await expect(verifyAuditChain(db())).resolves.toMatchObject({ ok: true });
  });
});

function row(personId: string) {
  return {
    at: new Date(),
    actorSubject: 'x',
    actorOrganisation: null,
    actorRoles: ['RECONNECT_STAFF'],
    action: 'person.read',
    subjectType: 'Person',
    subjectId: personId,
    personId,
    fields: ['id'],
    purpose: null,
    outcome: 'SUCCESS',
    requestId: 'r',
  };
}

describe('the chain', () => {
  it('verifies after many inserts, in batches and in concurrent transactions', async () => {
    for (let i = 0; i < 10; i += 1) {
      await recordAuditEvents(db(), actor(), [
        read(newId()),
        read(newId(), ['nhsNumber', 'dateOfBirth']),
        read(newId()),
      ]);
    }
    // Twenty writers at once, each in its own transaction with two statements; on PostgreSQL
    // these run on separate connections and race for the chain.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db().transaction(async (tx) => {
          await recordAuditEvents(tx, actor(), [read(newId())]);
          await recordAuditEvents(tx, actor(), [
            {
              action: 'referral.accept',
              subjectType: 'Referral',
              subjectId: newId(),
              outcome: i % 2 ? 'SUCCESS' : 'DENIED',
            },
          ]);
        }),
      ),
    );
    const total = await count(db());
    const report = await verifyAuditChain(db());
    expect(report).toEqual({ ok: true, checked: total });
    expect(total).toBeGreaterThanOrEqual(10 * 3 + 20 * 2);

    // Every row links to the one before it: one chain, no fork.
    const rows = await db().select().from(auditEvents).orderBy(asc(auditEvents.seq));
    expect(rows[0]!.prevHash).toBe('genesis');
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(new Set(rows.map((r) => r.hash)).size).toBe(rows.length);
  });

  it('a rolled-back write leaves no trace in the chain', async () => {
    await expect(
      db().transaction(async (tx) => {
        await recordAuditEvents(tx, actor(), [read(newId())]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await recordAuditEvents(db(), actor(), [read(newId())]);
    await expect(verifyAuditChain(db())).resolves.toMatchObject({ ok: true });
  });
});

describe('tampering is detected', () => {
  let tampered: TestDatabase;
  const tdb = () => tampered.handle.db;

  beforeAll(async () => {
    tampered = await createTestDatabase({ migrations: [auditMigrations] });
    for (let i = 0; i < 5; i += 1) await recordAuditEvents(tdb(), actor(), [read(newId()), read(newId())]);
  });
  afterAll(async () => {
    await tampered?.drop();
  });

  /** What someone with the owner's rights could do: switch the guard off, change, switch it on. */
  async function asOwner(statement: ReturnType<typeof sql>) {
    await tdb().transaction(async (tx) => {
      await tx.execute(sql`alter table audit.events disable trigger events_append_only`);
      await tx.execute(statement);
      await tx.execute(sql`alter table audit.events enable trigger events_append_only`);
    });
  }

  async function seqs(): Promise<number[]> {
    return (await tdb().select({ seq: auditEvents.seq }).from(auditEvents).orderBy(asc(auditEvents.seq))).map(
      (r) => r.seq,
    );
  }

  it('starts intact', async () => {
    await expect(verifyAuditChain(tdb())).resolves.toEqual({ ok: true, checked: 10 });
  });

  it('an edited field is found at that row', async () => {
    const target = (await seqs())[3]!;
    await asOwner(sql`update audit.events set fields = array['id']::text[] where seq = ${target}`);
    await expect(verifyAuditChain(tdb())).resolves.toEqual({ ok: false, checked: 10, brokenAt: target });
  });

  it('an edit that recomputes the row hash is found at the next row', async () => {
    // Forge a row and its own hash together: only the link from the next row gives it away.
    const all = await seqs();
    const target = all[6]!;
    await asOwner(sql`update audit.events set actor_subject = 'someone-else' where seq = ${target}`);
    await asOwner(sql`update audit.events e set hash = audit.digest(e.prev_hash, e) where seq = ${target}`);
    const report = await verifyAuditChain(tdb());
    expect(report.ok).toBe(false);
    // The first break reported is still the earlier edit; once that is undone, the forged row's
    // successor is.
    expect(report.brokenAt).toBe(all[3]);
    await asOwner(sql`update audit.events set fields = array['givenName']::text[] where seq = ${all[3]!}`);
    await expect(verifyAuditChain(tdb())).resolves.toEqual({ ok: false, checked: 10, brokenAt: all[7] });
  });

  it('a removed row is found at the row after it', async () => {
    const fresh = await createTestDatabase({ migrations: [auditMigrations] });
    try {
      for (let i = 0; i < 4; i += 1) await recordAuditEvents(fresh.handle.db, actor(), [read(newId())]);
      const all = (
        await fresh.handle.db.select({ seq: auditEvents.seq }).from(auditEvents).orderBy(asc(auditEvents.seq))
      ).map((r) => r.seq);
      await fresh.handle.db.transaction(async (tx) => {
        await tx.execute(sql`alter table audit.events disable trigger events_append_only`);
        await tx.execute(sql`delete from audit.events where seq = ${all[1]!}`);
        await tx.execute(sql`alter table audit.events enable trigger events_append_only`);
      });
      await expect(verifyAuditChain(fresh.handle.db)).resolves.toEqual({
        ok: false,
        checked: 3,
        brokenAt: all[2],
      });
    } finally {
      await fresh.drop();
    }
  });
});

describe('AuditRecorder', () => {
  it("writes one tick's reads with one INSERT, once per subject per request, with the actor", async () => {
    const requestId = newId();
    const [a, b, c] = [newId(), newId(), newId()];
    const recorder = new AuditRecorder(db(), () => ({
      principal,
      requestId,
      purpose: 'DIRECT_CARE',
      at: new Date(),
    }));
    const { statements } = await database.handle.statements.measure(() =>
      Promise.all([
        recorder.record(read(a)),
        recorder.record(read(b)),
        recorder.record(read(a)), // the same read through another path of the query
        recorder.record(read(a, ['nhsNumber'])), // sent, and skipped by the chain: `a` is read already
        recorder.record({ ...read(c), outcome: 'DENIED' }),
      ]),
    );
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/^insert into "audit"."events"/i);
    const rows = await db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.requestId, requestId))
      .orderBy(asc(auditEvents.seq));
    expect(rows.map((r) => [r.subjectId, r.fields, r.outcome])).toEqual([
      [a, ['givenName'], 'SUCCESS'],
      [b, ['givenName'], 'SUCCESS'],
      [c, ['givenName'], 'DENIED'],
    ]);
    expect(rows[0]).toMatchObject({
      actorSubject: 'worker-1',
      actorOrganisation: 'RC-NW',
      actorRoles: ['RECONNECT_STAFF'],
      purpose: 'DIRECT_CARE',
    });

    // A later tick is a later statement; a read already recorded in this request is not repeated.
    const later = await database.handle.statements.measure(() =>
      Promise.all([recorder.record(read(a)), recorder.record(read(newId()))]),
    );
    expect(later.statements).toHaveLength(1);
  });

  it('a failing write rejects every read waiting for it, repeats included', async () => {
    const recorder = new AuditRecorder(db(), () => actor());
    const personId = newId();
    // A null subject breaks a NOT NULL column: the one INSERT of this tick fails as a whole.
    const broken = { ...read(newId()), subjectId: null as unknown as string };
    const results = await Promise.allSettled([
      recorder.record(read(personId)),
      recorder.record(broken),
      recorder.record(read(personId)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    // Asked again later in the same request, the read still fails rather than pretend it was written.
    await expect(recorder.record(read(personId))).rejects.toThrow();
    expect(await db().select().from(auditEvents).where(eq(auditEvents.subjectId, personId))).toEqual([]);
  });
});

describe('readAccessLog', () => {
  it('returns the events of one person, newest first, a page at a time', async () => {
    const personId = newId();
    for (const fields of [['a'], ['b'], ['c'], ['d'], ['e']])
      await recordAuditEvents(db(), actor(), [read(personId, fields)]);
    await recordAuditEvents(db(), actor(), [read(newId(), ['other'])]);
    const first = await readAccessLog(db(), personId, 2);
    expect(first.rows.map((r) => r.fields[0])).toEqual(['e', 'd']);
    expect(first.hasNextPage).toBe(true);
    const rest = await readAccessLog(db(), personId, 10, first.rows.at(-1)!.seq);
    expect(rest.rows.map((r) => r.fields[0])).toEqual(['c', 'b', 'a']);
    expect(rest.hasNextPage).toBe(false);
  });
});
