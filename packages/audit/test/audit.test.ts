/**
 * The audit trail (ARCHITECTURE.md, "audit"; docs/RELIABILITY.md, "Audit"): append-only, written
 * for every read of a person (or the read fails), once per request; chained, folded into a Merkle
 * tree and signed by a background sequencer, so that an edited, removed or inserted event is found
 * and any event can be proved to be in a signed checkpoint. Runs on PGlite and, with
 * TEST_DATABASE_URL, on PostgreSQL (where concurrent writers and sequencers really race).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import type { Principal } from '@reconnect/auth';
import { rowsOf, sql, type Queryable } from '@reconnect/db';
import { createTestDatabase, newId, type TestDatabase } from '@reconnect/testing';
import {
  AuditRecorder,
  AuditSequencer,
  auditChain,
  auditCheckpoints,
  auditEvents,
  auditMigrations,
  createAuditSigner,
  generateAuditSigningKey,
  merkleRoot,
  leafHash,
  proveInclusion,
  readAccessLog,
  recordAuditEvents,
  sequenceRound,
  trustedKeys,
  verifyAuditChain,
  verifyInclusionProof,
  type AuditActor,
  type AuditEventInput,
  type ChainReport,
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
const change = (subjectId = newId()): AuditEventInput => ({
  action: 'referral.accept',
  subjectType: 'Referral',
  subjectId,
});

const KEY = generateAuditSigningKey();
const signer = createAuditSigner(KEY);
const keys = trustedKeys([KEY]);
const sequencer = (db: TestDatabase, batchSize?: number) =>
  new AuditSequencer({ db: db.handle.db, signer, ...(batchSize ? { batchSize } : {}) });
const verify = (db: Queryable) => verifyAuditChain(db, { trustedKeys: keys });

async function count(db: Queryable, table: string): Promise<number> {
  return Number(
    rowsOf<{ n: number | string }>(await db.execute(sql.raw(`select count(*) as n from ${table}`)))[0]!.n,
  );
}

/** What someone with the owner's rights could do: switch the guards off, change, switch them on. */
async function asOwner(db: Queryable, ...statements: ReturnType<typeof sql>[]) {
  await db.transaction(async (tx) => {
    for (const t of ['events', 'chain', 'checkpoints'])
      await tx.execute(sql.raw(`alter table audit.${t} disable trigger user`));
    for (const statement of statements) await tx.execute(statement);
    for (const t of ['events', 'chain', 'checkpoints'])
      await tx.execute(sql.raw(`alter table audit.${t} enable trigger user`));
  });
}

const kinds = (report: ChainReport) => report.problems.map((p) => p.kind);

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
    await sequencer(database).drain();
  });

  it.each([
    ['UPDATE', sql`update audit.events set outcome = 'DENIED'`],
    ['DELETE', sql`delete from audit.events`],
    ['TRUNCATE', sql`truncate audit.events`],
    ['UPDATE of the chain', sql`update audit.chain set hash = 'x'`],
    ['DELETE from the chain', sql`delete from audit.chain`],
    ['TRUNCATE of the chain', sql`truncate audit.chain`],
    ['UPDATE of a checkpoint', sql`update audit.checkpoints set root_hash = 'x'`],
    ['DELETE of a checkpoint', sql`delete from audit.checkpoints`],
  ])('%s is refused', async (_name, statement) => {
    const before = await db().select().from(auditEvents).orderBy(asc(auditEvents.seq));
    const chain = await db().select().from(auditChain).orderBy(asc(auditChain.position));
    await expect(db().execute(statement)).rejects.toThrow();
    expect(await db().select().from(auditEvents).orderBy(asc(auditEvents.seq))).toEqual(before);
    expect(await db().select().from(auditChain).orderBy(asc(auditChain.position))).toEqual(chain);
  });

  it('refuses through drizzle too', async () => {
    await expect(
      db().update(auditEvents).set({ outcome: 'DENIED' }).where(eq(auditEvents.action, 'person.read')),
    ).rejects.toThrow();
    await expect(db().delete(auditEvents)).rejects.toThrow();
  });

  it('the trigger numbers the row and queues it, whatever the writer sent', async () => {
    const personId = newId();
    await db()
      .insert(auditEvents)
      .values({ ...row(personId), seq: 1 });
    const [inserted] = await db().select().from(auditEvents).where(eq(auditEvents.personId, personId));
    expect(inserted!.seq).toBeGreaterThan(1);
    expect(await db().execute(sql`select 1 from audit.pending where event_seq = ${inserted!.seq}`)).toSatisfy(
      (r: unknown) => rowsOf(r).length === 1,
    );
    await expect(verify(db())).resolves.toMatchObject({ ok: true, pending: 1 });
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
    requestId: newId(),
  };
}

describe('once per request', () => {
  it('the same read repeated in one request is one event, even from racing transactions', async () => {
    const requestId = newId();
    const personId = newId();
    await Promise.all(
      Array.from({ length: 6 }, () =>
        db().transaction(async (tx) => {
          await recordAuditEvents(tx, actor(requestId), [read(personId, ['givenName', 'nhsNumber'])]);
        }),
      ),
    );
    await recordAuditEvents(db(), actor(requestId), [{ ...read(personId), outcome: 'DENIED' }]);
    await recordAuditEvents(db(), actor(), [read(personId)]); // another request: another read
    const rows = await db().select().from(auditEvents).where(eq(auditEvents.subjectId, personId));
    expect(
      rows
        .filter((r) => r.requestId === requestId)
        .map((r) => `${r.outcome} ${r.fields.join(',')}`)
        .sort(),
    ).toEqual(['DENIED givenName', 'SUCCESS givenName,nhsNumber']);
    expect(rows).toHaveLength(3);
  });

  // Before issue 24 the key was (request, action, subject, outcome) only: each of these was
  // dropped as a repeat of the first read, so a narrow read hid a wide one and another user's
  // read under the same request id left no trace.
  it('never folds a read into one that only looks like it: another reader, other fields, another purpose', async () => {
    const requestId = newId();
    const personId = newId();
    const other: Principal = { subject: 'worker-2', roles: ['RECONNECT_STAFF'], organisationCode: 'RC-NW' };
    const elsewhere: Principal = { ...principal, organisationCode: 'RC-LDN' };
    await recordAuditEvents(db(), actor(requestId), [read(personId, ['id'])]);
    await Promise.all([
      recordAuditEvents(db(), actor(requestId), [read(personId, ['id', 'nhsNumber', 'riskOfSeriousHarm'])]),
      recordAuditEvents(db(), { ...actor(requestId), principal: other }, [read(personId, ['id'])]),
      recordAuditEvents(db(), { ...actor(requestId), principal: elsewhere }, [read(personId, ['id'])]),
      recordAuditEvents(db(), { ...actor(requestId), purpose: 'identity resolution' }, [
        read(personId, ['id']),
      ]),
      recordAuditEvents(db(), { ...actor(requestId), purpose: undefined }, [read(personId, ['id'])]),
    ]);
    // True repeats are still one event each.
    await recordAuditEvents(db(), { ...actor(requestId), principal: other }, [read(personId, ['id'])]);
    await recordAuditEvents(db(), { ...actor(requestId), purpose: undefined }, [read(personId, ['id'])]);
    const rows = await db().select().from(auditEvents).where(eq(auditEvents.subjectId, personId));
    expect(
      rows
        .map((r) => `${r.actorSubject}@${r.actorOrganisation} ${r.purpose ?? '-'} ${r.fields.join(',')}`)
        .sort(),
    ).toEqual([
      'worker-1@RC-LDN DIRECT_CARE id',
      'worker-1@RC-NW - id',
      'worker-1@RC-NW DIRECT_CARE id',
      'worker-1@RC-NW DIRECT_CARE id,nhsNumber,riskOfSeriousHarm',
      'worker-1@RC-NW identity resolution id',
      'worker-2@RC-NW DIRECT_CARE id',
    ]);
  });

  it("keeps the client's correlation id beside the request id, in no key", async () => {
    const requestId = newId();
    const personId = newId();
    await recordAuditEvents(db(), { ...actor(requestId), correlationId: 'client-1' }, [read(personId)]);
    // The same read under the same hub request id is a repeat whatever the client said.
    await recordAuditEvents(db(), { ...actor(requestId), correlationId: 'client-2' }, [read(personId)]);
    const rows = await db().select().from(auditEvents).where(eq(auditEvents.subjectId, personId));
    expect(rows.map((r) => [r.requestId, r.correlationId])).toEqual([[requestId, 'client-1']]);
  });

  it('changes are never folded: each is its own event', async () => {
    const requestId = newId();
    const referral = newId();
    await recordAuditEvents(db(), actor(requestId), [change(referral), change(referral)]);
    await recordAuditEvents(db(), actor(requestId), [change(referral)]);
    expect(await db().select().from(auditEvents).where(eq(auditEvents.subjectId, referral))).toHaveLength(3);
  });
});

describe('the sequencer', () => {
  it('chains and checkpoints every event after many appends, in batches and in concurrent transactions', async () => {
    for (let i = 0; i < 10; i += 1) {
      await recordAuditEvents(db(), actor(), [
        read(newId()),
        read(newId(), ['nhsNumber', 'dateOfBirth']),
        read(newId()),
      ]);
    }
    // Twenty writers at once, each in its own transaction with two statements; on PostgreSQL they
    // run on separate connections: nothing serialises them now.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db().transaction(async (tx) => {
          await recordAuditEvents(tx, actor(), [read(newId())]);
          await recordAuditEvents(tx, actor(), [{ ...change(), outcome: i % 2 ? 'SUCCESS' : 'DENIED' }]);
        }),
      ),
    );
    const total = await count(db(), 'audit.events');
    expect(await count(db(), 'audit.pending')).toBeGreaterThanOrEqual(70);
    await sequencer(database, 16).drain();
    const report = await verify(db());
    expect(report).toMatchObject({ ok: true, checked: total, pending: 0, problemCount: 0 });
    expect(report.newestCheckpoint?.treeSize).toBe(total);
    expect(await count(db(), 'audit.pending')).toBe(0);

    // One chain, no fork, each event once; every checkpoint's root is the RFC 6962 hash of its leaves.
    const chain = await db().select().from(auditChain).orderBy(asc(auditChain.position));
    expect(chain.map((c) => c.position)).toEqual(chain.map((_, i) => i + 1));
    expect(chain[0]!.prevHash).toBe('genesis');
    for (let i = 1; i < chain.length; i += 1) expect(chain[i]!.prevHash).toBe(chain[i - 1]!.hash);
    expect(new Set(chain.map((c) => c.eventSeq)).size).toBe(total);
    const leaves = rowsOf<{ canonical: string }>(
      await db().execute(
        sql`select audit.canonical(e) as canonical from audit.chain c join audit.events e on e.seq = c.event_seq order by c.position`,
      ),
    ).map((r) => leafHash(r.canonical));
    const checkpoints = await db().select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.treeSize));
    expect(checkpoints.length).toBeGreaterThan(3); // batches of 16
    for (const c of checkpoints) {
      expect(c.rootHash).toBe(merkleRoot(leaves.slice(0, c.treeSize)).toString('hex'));
      expect(c.keyId).toBe(signer.keyId);
    }
  });

  it('does nothing, and signs nothing, when nothing is pending', async () => {
    await sequencer(database).drain();
    const before = await count(db(), 'audit.checkpoints');
    await expect(sequencer(database).runOnce()).resolves.toMatchObject({ skipped: false, chained: 0 });
    expect(await count(db(), 'audit.checkpoints')).toBe(before);
  });

  it('a crash between append and sequencing, or in the middle of a round, loses nothing', async () => {
    await sequencer(database).drain();
    const appended = [newId(), newId(), newId(), newId(), newId()];
    await recordAuditEvents(
      db(),
      actor(),
      appended.map((p) => read(p)),
    );
    // A sequencer that chains part of the queue and dies before committing.
    await expect(
      db().transaction(async (tx) => {
        const round = await sequenceRound(tx, { signer, batchSize: 3, now: new Date() });
        expect(round.chained).toBe(3);
        throw new Error('killed mid-batch');
      }),
    ).rejects.toThrow('killed mid-batch');
    const pendingAfterCrash = await verify(db());
    expect(pendingAfterCrash).toMatchObject({ ok: true, pending: 5 });
    // A new sequencer (another process) finishes the work.
    await sequencer(database, 2).drain();
    const report = await verify(db());
    expect(report).toMatchObject({ ok: true, pending: 0 });
    const chained = rowsOf<{ subject_id: string }>(
      await db().execute(sql`select e.subject_id from audit.chain c join audit.events e on e.seq = c.event_seq
                             where e.subject_id in (${sql.join(
                               appended.map((a) => sql`${a}`),
                               sql`, `,
                             )})`),
    );
    expect(chained.map((c) => c.subject_id).sort()).toEqual([...appended].sort());
  });

  it('two sequencers racing chain each event exactly once (one sequences, the other skips)', async () => {
    for (let i = 0; i < 8; i += 1)
      await recordAuditEvents(
        db(),
        actor(),
        Array.from({ length: 25 }, () => read(newId())),
      );
    const [a, b] = [sequencer(database, 10), sequencer(database, 10)];
    const appending = Promise.all(
      Array.from({ length: 5 }, () => recordAuditEvents(db(), actor(), [read(newId()), change()])),
    );
    await Promise.all([a.drain(), b.drain(), appending]);
    await a.drain();
    const report = await verify(db());
    expect(report).toMatchObject({ ok: true, pending: 0, checked: await count(db(), 'audit.events') });
    expect(
      rowsOf<{ n: number | string }>(
        await db().execute(sql`select count(*) - count(distinct event_seq) as n from audit.chain`),
      )[0]!.n,
    ).toSatisfy((n: unknown) => Number(n) === 0);
  });

  it('polls in the background once started, and stops cleanly', async () => {
    const polling = new AuditSequencer({ db: db(), signer, pollIntervalMs: 20 });
    polling.start();
    await recordAuditEvents(db(), actor(), [read(newId())]);
    await expect.poll(async () => count(db(), 'audit.pending'), { timeout: 10_000 }).toBe(0);
    await polling.stop();
    await recordAuditEvents(db(), actor(), [read(newId())]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await count(db(), 'audit.pending')).toBe(1);
  });
});

describe('inclusion proofs', () => {
  it('proves an event is in the newest signed checkpoint, and a tampered proof fails', async () => {
    const personId = newId();
    await recordAuditEvents(db(), actor(), [read(personId)]);
    await recordAuditEvents(db(), actor(), [read(newId()), read(newId())]);
    const [event] = await db().select().from(auditEvents).where(eq(auditEvents.subjectId, personId));
    await expect(proveInclusion(db(), event!.id)).rejects.toThrow(/pending/);
    await sequencer(database).drain();
    const proof = await proveInclusion(db(), event!.id);
    expect(proof.seq).toBe(event!.seq);
    expect(verifyInclusionProof(proof, keys)).toEqual({ ok: true });
    await expect(proveInclusion(db(), event!.seq)).resolves.toEqual(proof);

    expect(
      verifyInclusionProof({ ...proof, leafData: proof.leafData.replace('givenName', 'nhsNumber') }, keys).ok,
    ).toBe(false);
    expect(verifyInclusionProof({ ...proof, leafIndex: proof.leafIndex + 1 }, keys).ok).toBe(false);
    const path = [...proof.auditPath];
    path[0] = leafHash('forged').toString('hex');
    expect(verifyInclusionProof({ ...proof, auditPath: path }, keys).ok).toBe(false);
    expect(
      verifyInclusionProof({ ...proof, checkpoint: { ...proof.checkpoint, rootHash: path[0]! } }, keys).ok,
    ).toBe(false);
    expect(verifyInclusionProof(proof, trustedKeys([generateAuditSigningKey()])).ok).toBe(false);
  });
});

describe('tampering is detected', () => {
  let tampered: TestDatabase;
  const tdb = () => tampered.handle.db;
  let seqs: number[];

  beforeAll(async () => {
    tampered = await createTestDatabase({ migrations: [auditMigrations] });
    for (let i = 0; i < 5; i += 1) await recordAuditEvents(tdb(), actor(), [read(newId()), read(newId())]);
    await sequencer(tampered, 4).drain();
    seqs = (await tdb().select({ seq: auditEvents.seq }).from(auditEvents).orderBy(asc(auditEvents.seq))).map(
      (r) => r.seq,
    );
  });
  afterAll(async () => {
    await tampered?.drop();
  });

  /** Runs `statements` as the owner, checks what verify says, then undoes them with `undo`. */
  async function tamper(
    statements: ReturnType<typeof sql>[],
    undo: ReturnType<typeof sql>[],
  ): Promise<ChainReport> {
    await asOwner(tdb(), ...statements);
    try {
      return await verify(tdb());
    } finally {
      await asOwner(tdb(), ...undo);
      await expect(verify(tdb())).resolves.toMatchObject({ ok: true });
    }
  }

  it('starts intact', async () => {
    await expect(verify(tdb())).resolves.toMatchObject({ ok: true, checked: 10, pending: 0, checkpoints: 3 });
  });

  it('an edited event is found at that event', async () => {
    const target = seqs[3]!;
    const report = await tamper(
      [sql`update audit.events set fields = array['id']::text[] where seq = ${target}`],
      [sql`update audit.events set fields = array['givenName']::text[] where seq = ${target}`],
    );
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatchObject({ kind: 'edited', seq: target, position: 4 });
    // The checkpoints over it no longer match their leaves either.
    expect(kinds(report)).toContain('checkpoint-root');
  });

  it('an edit that rewrites the chain entry too is found by the link after it and by the signed roots', async () => {
    const target = seqs[6]!;
    const [original] = await tdb().select().from(auditChain).where(eq(auditChain.eventSeq, target));
    const report = await tamper(
      [
        sql`update audit.events set actor_subject = 'someone-else' where seq = ${target}`,
        sql`update audit.chain c set hash = audit.digest(c.prev_hash, e) from audit.events e where e.seq = c.event_seq and c.event_seq = ${target}`,
      ],
      [
        sql`update audit.events set actor_subject = 'worker-1' where seq = ${target}`,
        sql`update audit.chain set hash = ${original!.hash} where event_seq = ${target}`,
      ],
    );
    expect(kinds(report)).not.toContain('edited');
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'relinked', position: 8 }));
    expect(kinds(report)).toContain('checkpoint-root');
  });

  it('a removed event is found at its chain entry', async () => {
    const target = seqs[1]!;
    const [gone] = rowsOf<Record<string, unknown>>(
      await tdb().execute(sql`select * from audit.events where seq = ${target}`),
    );
    const report = await tamper(
      [sql`delete from audit.events where seq = ${target}`],
      [
        sql`insert into audit.events select * from json_populate_record(null::audit.events, ${JSON.stringify(gone)}::json)`,
      ],
    );
    expect(report.problems[0]).toMatchObject({ kind: 'removed', seq: target, position: 2 });
  });

  it('an event inserted behind the queue’s back is found', async () => {
    const report = await tamper(
      [
        sql`insert into audit.events (seq, at, actor_subject, actor_roles, action, subject_type, subject_id, fields, outcome)
           values (100000, now(), 'intruder', '{}', 'person.read', 'Person', 'p', '{}', 'SUCCESS')`,
      ],
      [sql`delete from audit.events where seq = 100000`],
    );
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'inserted', seq: 100000 })]);
  });

  it('entries removed from the end of the chain are found by the checkpoint over them', async () => {
    const last = await tdb().select().from(auditChain).orderBy(asc(auditChain.position));
    const tail = last.at(-1)!;
    const report = await tamper(
      [sql`delete from audit.chain where position = ${tail.position}`],
      [
        sql`insert into audit.chain (position, event_seq, prev_hash, hash, chained_at)
           values (${tail.position}, ${tail.eventSeq}, ${tail.prevHash}, ${tail.hash}, ${tail.chainedAt.toISOString()})`,
      ],
    );
    expect(kinds(report)).toContain('checkpoint-truncated');
  });

  it('a checkpoint not signed by a trusted key is found', async () => {
    const [c] = await tdb().select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.treeSize)).limit(1);
    const other = createAuditSigner(generateAuditSigningKey());
    const body = {
      treeSize: c!.treeSize,
      rootHash: c!.rootHash,
      chainHead: c!.chainHead,
      signedAt: c!.signedAt,
    };
    const report = await tamper(
      [
        sql`update audit.checkpoints set key_id = ${signer.keyId}, signature = ${other.sign(body)} where tree_size = ${c!.treeSize}`,
      ],
      [sql`update audit.checkpoints set signature = ${c!.signature} where tree_size = ${c!.treeSize}`],
    );
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'checkpoint-signature', treeSize: c!.treeSize }),
    ]);
  });
});

describe('the rows the old trigger chained (migration 0003)', () => {
  it('move into the new chain and verify, with the events appended after them', async () => {
    // The audit migrations up to 0002 only, as a database made before this change has them.
    const folder = mkdtempSync(join(tmpdir(), 'audit-legacy-'));
    try {
      cpSync(auditMigrations.folder, folder, { recursive: true });
      const journalFile = join(folder, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
      journal.entries = journal.entries.filter((e) => e.tag < '0003');
      writeFileSync(journalFile, JSON.stringify(journal));
      const legacy = await createTestDatabase({ migrations: [{ name: 'audit', folder }] });
      try {
        for (let i = 0; i < 4; i += 1) await recordLegacy(legacy.handle.db);
        await legacy.handle.migrate([auditMigrations]);
        expect(await count(legacy.handle.db, 'audit.chain')).toBe(8);
        await recordAuditEvents(legacy.handle.db, actor(), [read(newId()), read(newId())]);
        await new AuditSequencer({ db: legacy.handle.db, signer, batchSize: 3 }).drain();
        await expect(verify(legacy.handle.db)).resolves.toMatchObject({ ok: true, checked: 10, pending: 0 });
      } finally {
        await legacy.drop();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  /** An insert as the code before 0003 wrote it (the old trigger chains it). */
  async function recordLegacy(ldb: Queryable) {
    await ldb.execute(sql`
      insert into audit.events (at, actor_subject, actor_roles, action, subject_type, subject_id, fields, outcome, request_id)
      values (now(), 'worker-1', '{RECONNECT_STAFF}', 'person.read', 'Person', ${newId()}, '{givenName}', 'SUCCESS', ${newId()}),
             (now(), 'worker-1', '{RECONNECT_STAFF}', 'referral.accept', 'Referral', ${newId()}, '{}', 'SUCCESS', null)`);
  }
});

describe("the client's correlation id in the chain (migrations 0004, 0005)", () => {
  it('rows chained before it verify unchanged; a correlation id added, edited or removed is found', async () => {
    // The audit migrations up to 0003, as a database made before this change has them.
    const folder = mkdtempSync(join(tmpdir(), 'audit-before-correlation-'));
    try {
      cpSync(auditMigrations.folder, folder, { recursive: true });
      const journalFile = join(folder, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
      journal.entries = journal.entries.filter((e) => e.tag < '0004');
      writeFileSync(journalFile, JSON.stringify(journal));
      const before = await createTestDatabase({ migrations: [{ name: 'audit', folder }] });
      const bdb = before.handle.db;
      try {
        // As the code before it wrote them (no correlation_id column yet), chained and signed.
        for (let i = 0; i < 3; i += 1) {
          await bdb.execute(sql`
            insert into audit.events (at, actor_subject, actor_roles, action, subject_type, subject_id, fields, outcome, request_id)
            values (now(), 'worker-1', '{RECONNECT_STAFF}', 'person.read', 'Person', ${newId()}, '{givenName}', 'SUCCESS', ${newId()})`);
        }
        await new AuditSequencer({ db: bdb, signer }).drain();
        await before.handle.migrate([auditMigrations]);
        await recordAuditEvents(bdb, { ...actor(), correlationId: 'client-abc' }, [
          read(newId()),
          read(newId()),
        ]);
        await new AuditSequencer({ db: bdb, signer }).drain();
        await expect(verify(bdb)).resolves.toMatchObject({ ok: true, checked: 5, pending: 0 });

        const [oldRow] = rowsOf<{ seq: number }>(
          await bdb.execute(
            sql`select seq from audit.events where correlation_id is null order by seq limit 1`,
          ),
        );
        const [newRow] = rowsOf<{ seq: number }>(
          await bdb.execute(
            sql`select seq from audit.events where correlation_id is not null order by seq limit 1`,
          ),
        );
        for (const [statement, undo, seq] of [
          [
            sql`update audit.events set correlation_id = 'forged' where seq = ${oldRow!.seq}`,
            sql`update audit.events set correlation_id = null where seq = ${oldRow!.seq}`,
            oldRow!.seq,
          ],
          [
            sql`update audit.events set correlation_id = 'client-xyz' where seq = ${newRow!.seq}`,
            sql`update audit.events set correlation_id = 'client-abc' where seq = ${newRow!.seq}`,
            newRow!.seq,
          ],
          [
            sql`update audit.events set correlation_id = null where seq = ${newRow!.seq}`,
            sql`update audit.events set correlation_id = 'client-abc' where seq = ${newRow!.seq}`,
            newRow!.seq,
          ],
        ] as const) {
          await asOwner(bdb, statement);
          const report = await verify(bdb);
          await asOwner(bdb, undo);
          expect(report.problems[0]).toMatchObject({ kind: 'edited', seq: Number(seq) });
        }
        await expect(verify(bdb)).resolves.toMatchObject({ ok: true });
      } finally {
        await before.drop();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
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
        recorder.record(read(a)), // the same read through another path of the query: not sent again
        // Other fields of `a`: its own event (before issue 24 the index dropped it, narrowing the read).
        recorder.record(read(a, ['nhsNumber'])),
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
      [a, ['nhsNumber'], 'SUCCESS'],
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
  it('returns the events of one person, newest first, a page at a time, sequenced or not', async () => {
    const personId = newId();
    for (const fields of [['a'], ['b'], ['c']])
      await recordAuditEvents(db(), actor(), [read(personId, fields)]);
    await sequencer(database).drain();
    for (const fields of [['d'], ['e']]) await recordAuditEvents(db(), actor(), [read(personId, fields)]);
    await recordAuditEvents(db(), actor(), [read(newId(), ['other'])]);
    const first = await readAccessLog(db(), personId, 2);
    expect(first.rows.map((r) => r.fields[0])).toEqual(['e', 'd']);
    expect(first.hasNextPage).toBe(true);
    const rest = await readAccessLog(db(), personId, 10, first.rows.at(-1)!.seq);
    expect(rest.rows.map((r) => r.fields[0])).toEqual(['c', 'b', 'a']);
    expect(rest.hasNextPage).toBe(false);
  });
});
