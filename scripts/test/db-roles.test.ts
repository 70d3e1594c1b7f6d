/**
 * Least privilege in PostgreSQL (ARCHITECTURE.md, "Running"; hub/src/roles.ts): one role
 * per subgraph with rights on its own schema only, plus `access` and `audit` (and `events` for
 * referral). Each role is tried against every other schema, the audit log and the migrations'
 * bookkeeping; the setup is run again (and twice at once) and must change nothing, and undoes a
 * privilege granted by hand; and the whole hub works end to end with every subgraph on its role,
 * which is how startTestHub runs every PostgreSQL test. PGlite has no roles (one connection): only
 * the configuration checks run there.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuditSequencer,
  createAuditSigner,
  recordAuditEvents,
  verifyAuditChain,
} from '../../packages/audit/src/index.ts';
import { hubEnv, loadConfig } from '../../packages/config/src/index.ts';
import { createDb, roleUrl, rowsOf, setupRoles, sql, type DbHandle } from '../../packages/db/src/index.ts';
import { SUBGRAPH_PRIVILEGES, setupSubgraphRoles, subgraphRole } from '../../hub/src/index.ts';
import { startTestHub, testConfig, type TestHub } from '../../hub/testing/index.ts';
import { runScript } from './support.ts';

const ON_POSTGRES = !!testConfig().TEST_DATABASE_URL;
const SUBGRAPHS = Object.keys(SUBGRAPH_PRIVILEGES);
/** Each subgraph's own schema, and one of its tables. */
const OWN: Record<string, { schema: string; table: string }> = {
  'regional-service': { schema: 'regional_service', table: 'reconnect_services' },
  person: { schema: 'person', table: 'people' },
  referral: { schema: 'referral', table: 'referrals' },
  partner: { schema: 'partner', table: 'partner_organisations' },
};

/** The SQLSTATE and message a statement fails with (drizzle wraps the driver's error), or 'ok'. */
async function attempt(handle: DbHandle, statement: string): Promise<string> {
  try {
    await handle.db.execute(sql.raw(statement));
    return 'ok';
  } catch (error) {
    let e: unknown = error;
    while (e && !(e as { code?: unknown }).code) e = (e as { cause?: unknown }).cause;
    const { code, message } = (e ?? error) as { code?: string; message?: string };
    return `${code}: ${message}`;
  }
}

describe('configuration', () => {
  it('refuses DATABASE_ROLES=per-subgraph without DATABASE_URL (PGlite has one user)', () => {
    expect(() => loadConfig(hubEnv, { DATABASE_ROLES: 'per-subgraph' })).toThrow(
      /DATABASE_ROLES: per-subgraph needs DATABASE_URL/,
    );
    expect(loadConfig(hubEnv, {}).DATABASE_ROLES).toBe('shared');
  });

  it('pnpm db:roles refuses to run without DATABASE_URL (exit 1)', async () => {
    const result = await runScript('db-roles.ts', [], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL: required');
  }, 60_000);

  it('connects a role to the same database, with its password when it has one', () => {
    const owner = 'postgres://owner:secret@db.internal:5432/hub?sslmode=require';
    expect(roleUrl(owner, 'reconnect_person')).toBe(
      'postgres://reconnect_person@db.internal:5432/hub?sslmode=require',
    );
    expect(roleUrl(owner, 'reconnect_person', 'p@ss/w:rd')).toBe(
      'postgres://reconnect_person:p%40ss%2Fw%3Ard@db.internal:5432/hub?sslmode=require',
    );
  });
});

describe.skipIf(!ON_POSTGRES)(
  'per-subgraph roles on PostgreSQL (skipped on PGlite: no TEST_DATABASE_URL, and PGlite has no roles)',
  () => {
    let hub: TestHub;
    /** One connection per role on the test database, connected as that role. */
    const as: Record<string, DbHandle> = {};

    beforeAll(async () => {
      hub = await startTestHub();
      for (const name of SUBGRAPHS) {
        as[name] = await createDb({ url: roleUrl(hub.database.url!, subgraphRole(name)), maxConnections: 1 });
      }
    });
    afterAll(async () => {
      await Promise.all(Object.values(as).map((h) => h.close()));
      await hub?.stop();
    });

    /** Every privilege the roles hold in this database: tables, sequences, schemas, defaults, the database. */
    async function privileges(): Promise<string[]> {
      return rowsOf<{ line: string }>(
        await hub.database.handle.db.execute(sql`
        select concat_ws(' ', 'table', grantee, table_schema, table_name, privilege_type) as line
          from information_schema.role_table_grants where grantee like 'reconnect\\_%'
        union all
        select concat_ws(' ', 'sequence', r.rolname, n.nspname, c.relname, p.privilege)
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          cross join pg_roles r cross join unnest(array['USAGE', 'SELECT', 'UPDATE']) as p(privilege)
          where c.relkind = 'S' and r.rolname like 'reconnect\\_%' and has_sequence_privilege(r.oid, c.oid, p.privilege)
        union all
        select concat_ws(' ', 'schema', r.rolname, n.nspname, p.privilege)
          from pg_namespace n cross join pg_roles r cross join unnest(array['USAGE', 'CREATE']) as p(privilege)
          where r.rolname like 'reconnect\\_%' and n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
            and has_schema_privilege(r.oid, n.oid, p.privilege)
        union all
        select concat_ws(' ', 'default', d.defaclobjtype, n.nspname, d.defaclacl::text)
          from pg_default_acl d join pg_namespace n on n.oid = d.defaclnamespace
        union all
        select concat_ws(' ', 'database', datacl::text) from pg_database where datname = current_database()
        order by 1`),
      ).map((r) => r.line);
    }

    it('runs every subgraph of the hub on its own role', async () => {
      expect(hub.databaseRoles).toBe('per-subgraph');
      const users = rowsOf<{ usename: string }>(
        await hub.database.handle.db.execute(
          sql`select distinct usename from pg_stat_activity where datname = current_database() order by 1`,
        ),
      ).map((r) => r.usename);
      // Each pool connected at start (the handles check their role); the owner seeds and inspects.
      expect(users).toEqual(expect.arrayContaining(SUBGRAPHS.map(subgraphRole)));
    });

    it('refuses the partner subgraph’s role the person schema: permission denied (42501)', async () => {
      const outcome = await attempt(as.partner!, 'select id from person.people limit 1');
      expect(outcome).toBe('42501: permission denied for schema person');
    });

    const pairs = SUBGRAPHS.flatMap((name) =>
      SUBGRAPHS.filter((other) => other !== name).map((other) => [name, other] as const),
    );
    it.each(pairs)('refuses %s’s role every table of %s’s schema, to read or write', async (name, other) => {
      const { schema, table } = OWN[other]!;
      const client = as[name]!;
      expect(await attempt(client, `select 1 from ${schema}.${table} limit 1`)).toBe(
        `42501: permission denied for schema ${schema}`,
      );
      expect(await attempt(client, `delete from ${schema}.${table} where false`)).toBe(
        `42501: permission denied for schema ${schema}`,
      );
      const [counted] = rowsOf<{ tables: number; granted: number }>(
        await client.db.execute(sql`
        select count(*)::int as tables,
          count(*) filter (where has_table_privilege(c.oid, 'SELECT,INSERT,UPDATE,DELETE,TRUNCATE,REFERENCES,TRIGGER'))::int as granted
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ${schema} and c.relkind in ('r', 'v', 'm', 'p')`),
      );
      expect(counted!.tables).toBeGreaterThan(0);
      expect(counted!.granted).toBe(0);
    });

    it.each(SUBGRAPHS)(
      'lets %s’s role use its own schema, but not create in it or any other',
      async (name) => {
        const { schema, table } = OWN[name]!;
        const client = as[name]!;
        expect(await attempt(client, `select 1 from ${schema}.${table} limit 1`)).toBe('ok');
        expect(await attempt(client, `select 1 from access.grants limit 1`)).toBe('ok');
        expect(await attempt(client, `select 1 from audit.events limit 1`)).toBe('ok');
        for (const target of [schema, 'public', 'audit', 'access']) {
          expect(await attempt(client, `create table ${target}.intruder (id int)`)).toBe(
            `42501: permission denied for schema ${target}`,
          );
        }
        expect(await attempt(client, 'create schema intruder')).toBe(
          `42501: permission denied for database ${new URL(hub.database.url!).pathname.slice(1)}`,
        );
        expect(await attempt(client, 'select 1 from drizzle.__migrations_person limit 1')).toBe(
          '42501: permission denied for schema drizzle',
        );
      },
    );

    it.each(SUBGRAPHS)('never lets %s’s role update, delete or truncate the audit log', async (name) => {
      const client = as[name]!;
      // `where false`: no row reaches the append-only trigger, so only the privilege can refuse.
      for (const statement of [
        'update audit.events set outcome = outcome where false',
        'delete from audit.events where false',
        'truncate audit.events',
        'alter table audit.events disable trigger events_append_only',
        "select setval('audit.events_seq', 1)",
      ]) {
        expect(await attempt(client, statement), statement).toMatch(
          /^42501: (permission denied for (table|sequence) events(_seq)?|must be owner of table events)$/,
        );
      }
      // Nor the chain and the checkpoints the sequencer writes, nor the sequencer's one row.
      for (const [table, statement] of [
        ['chain', 'update audit.chain set hash = hash where false'],
        ['chain', 'delete from audit.chain where false'],
        ['chain', 'truncate audit.chain'],
        ['checkpoints', 'update audit.checkpoints set signature = signature where false'],
        ['checkpoints', 'delete from audit.checkpoints where false'],
        ['tree', 'delete from audit.tree where false'],
        ['pending', 'update audit.pending set event_seq = event_seq where false'],
        ['pending', 'truncate audit.pending'],
      ] as const) {
        expect(await attempt(client, statement), statement).toBe(
          `42501: permission denied for table ${table}`,
        );
      }
    });

    it.each(SUBGRAPHS)(
      'lets %s’s role run the audit sequencer: chain, checkpoint, empty the queue',
      async (name) => {
        const principal = { subject: `roles-${name}`, roles: ['RECONNECT_STAFF' as const] };
        await recordAuditEvents(as[name]!.db, { principal, requestId: randomUUID(), at: new Date() }, [
          { action: 'person.read', subjectType: 'Person', subjectId: randomUUID(), fields: ['id'] },
        ]);
        const sequencer = new AuditSequencer({
          db: as[name]!.db,
          signer: createAuditSigner(hub.auditSigningKey),
        });
        expect(await sequencer.drain()).toBeGreaterThan(0);
        const report = await verifyAuditChain(as[name]!.db, { trustedKeys: hub.auditKeys });
        expect(report).toMatchObject({ ok: true, pending: 0 });
        expect(report.newestCheckpoint?.treeSize).toBe(report.checked);
      },
    );

    it('lets only referral and partner write grants, and nobody delete them; only referral touches events', async () => {
      for (const name of SUBGRAPHS) {
        const writes = await attempt(as[name]!, 'update access.grants set reason = reason where false');
        expect(writes, name).toBe(
          name === 'referral' || name === 'partner' ? 'ok' : '42501: permission denied for table grants',
        );
        expect(await attempt(as[name]!, 'delete from access.grants where false'), name).toBe(
          '42501: permission denied for table grants',
        );
        expect(await attempt(as[name]!, 'select 1 from events.outbox limit 1'), name).toBe(
          name === 'referral' ? 'ok' : '42501: permission denied for schema events',
        );
      }
    });

    it('owns nothing: every table, sequence and function of the hub belongs to the owner', async () => {
      const owned = rowsOf<{ name: string }>(
        await hub.database.handle.db.execute(sql`
        select c.oid::regclass::text as name from pg_class c join pg_roles r on r.oid = c.relowner
          where r.rolname like 'reconnect\\_%'
        union all
        select p.oid::regprocedure::text from pg_proc p join pg_roles r on r.oid = p.proowner
          where r.rolname like 'reconnect\\_%'
        union all
        select n.nspname from pg_namespace n join pg_roles r on r.oid = n.nspowner
          where r.rolname like 'reconnect\\_%'`),
      );
      expect(owned).toEqual([]);
    });

    it('is idempotent: run again, twice at once and by `pnpm db:roles`, it changes nothing', async () => {
      const before = await privileges();
      expect(before.length).toBeGreaterThan(20);
      const again = await setupSubgraphRoles(hub.database.url!);
      expect(again.created).toEqual([]);
      await Promise.all([setupSubgraphRoles(hub.database.url!), setupSubgraphRoles(hub.database.url!)]);
      const script = await runScript('db-roles.ts', [], {
        DATABASE_URL: hub.database.url!,
        LOG_LEVEL: 'warn',
      });
      expect(script.stderr).toBe('');
      expect(script.code).toBe(0);
      for (const name of SUBGRAPHS) expect(script.stdout).toContain(`${subgraphRole(name)} (existed)`);
      expect(await privileges()).toEqual(before);
    }, 60_000);

    it('takes back a privilege granted by hand on the next run', async () => {
      const before = await privileges();
      await hub.database.handle.db.execute(sql`grant select on person.people to reconnect_partner`);
      await hub.database.handle.db.execute(sql`grant usage on schema person to reconnect_partner`);
      expect(await attempt(as.partner!, 'select 1 from person.people limit 1')).toBe('ok');
      await setupSubgraphRoles(hub.database.url!);
      expect(await attempt(as.partner!, 'select 1 from person.people limit 1')).toBe(
        '42501: permission denied for schema person',
      );
      expect(await privileges()).toEqual(before);
    });

    it('sets a role’s password when given one, and the role logs in with it', async () => {
      const role = `reconnect_test_${randomUUID().slice(0, 8)}`;
      const password = `it's a "secret" ${randomUUID()}`;
      const owner = hub.database.handle.db;
      try {
        const report = await setupRoles(hub.database.url!, [
          { role, schemas: { audit: ['SELECT'] }, password },
        ]);
        expect(report.created).toEqual([role]);
        const [stored] = rowsOf<{ hashed: boolean }>(
          await owner.execute(
            sql`select rolpassword like 'SCRAM-SHA-256$%' as hashed from pg_authid where rolname = ${role}`,
          ),
        );
        expect(stored?.hashed).toBe(true);
        const client = await createDb({ url: roleUrl(hub.database.url!, role, password), maxConnections: 1 });
        try {
          expect(await attempt(client, 'select count(*) from audit.events')).toBe('ok');
          expect(await attempt(client, 'insert into audit.events (at) values (now())')).toBe(
            '42501: permission denied for table events',
          );
        } finally {
          await client.close();
        }
      } finally {
        await owner.execute(sql.raw(`drop owned by "${role}"`));
        await owner.execute(sql.raw(`drop role "${role}"`));
      }
    });

    it('serves the graph end to end with every subgraph on its role: submit, read, audit, outbox', async () => {
      const probation = await hub.as('REFERRER', { org: 'PROB-NW', sub: 'roles-probation' });
      const submitted = await probation.query<{
        submitReferral: { referral: { id: string; status: string } };
      }>(
        `mutation($input: SubmitReferralInput!, $key: String!) {
        submitReferral(input: $input, idempotencyKey: $key) { referral { id status } }
      }`,
        {
          key: randomUUID(),
          input: {
            source: 'PROBATION',
            referrer: { name: 'Pat Probation', organisationName: 'Probation North West' },
            person: {
              givenName: 'Rory',
              familyName: 'Roles',
              dateOfBirth: '1988-02-03',
              prisonNumber: 'A1234RL',
            },
            custody: { type: 'PRISON', establishmentCode: 'MRI', expectedReleaseDate: '2099-01-15' },
            identifiedNeeds: [{ category: 'MENTAL_HEALTH', description: 'Low mood.' }],
          },
        },
      );
      expect(submitted.body.errors).toBeUndefined();
      const referral = submitted.body.data!.submitReferral.referral;
      expect(referral.status).toBe('SUBMITTED');

      const staff = await hub.as('RECONNECT_STAFF', { org: 'RC-NW', sub: 'roles-staff' });
      const read = await staff.query<Record<string, unknown>>(
        `query($id: ID!) { referral(id: $id) {
        status owningService { code name }
        person { familyName prisonNumber healthNeeds { category } }
      } }`,
        { id: referral.id },
      );
      expect(read.body).toEqual({
        data: {
          referral: {
            status: 'SUBMITTED',
            owningService: { code: 'RC-NW', name: 'RECONNECT North West' },
            person: {
              familyName: 'Roles',
              prisonNumber: 'A1234RL',
              healthNeeds: [{ category: 'MENTAL_HEALTH' }],
            },
          },
        },
      });
      const [counts] = rowsOf<{ audit: number; outbox: number; grants: number }>(
        await hub.database.handle.db.execute(sql`select
        (select count(*) from audit.events where action in ('referral.submitted', 'person.read'))::int as audit,
        (select count(*) from events.outbox where referral_id = ${referral.id}::uuid)::int as outbox,
        (select count(*) from access.grants where referral_id = ${referral.id}::uuid)::int as grants`),
      );
      expect(counts!.audit).toBeGreaterThanOrEqual(2);
      expect(counts!.outbox).toBeGreaterThanOrEqual(1);
      expect(counts!.grants).toBeGreaterThanOrEqual(1);
      // The dispatcher claims deliveries as the referral subgraph's role.
      await expect(hub.dispatcher.drain()).resolves.not.toThrow();
    });
  },
);
