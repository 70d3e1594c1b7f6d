/**
 * Least privilege on PostgreSQL (ARCHITECTURE.md, "Running"): LOGIN roles with rights on the
 * schemas they are given and nothing else. The hub gives one to each subgraph
 * (hub/src/roles.ts); this module only knows how to make the database say so.
 *
 * `setupRoles` is run by the database owner after the migrations (`pnpm db:roles`, `pnpm start`
 * with DATABASE_ROLES=per-subgraph, the test harness on PostgreSQL). It is idempotent:
 * - a missing role is created (LOGIN, NOINHERIT, no superuser, CREATEDB, CREATEROLE, replication or
 *   BYPASSRLS; an existing one is brought back to that and taken out of any role it was made a
 *   member of). Roles are cluster-wide, so runs against other databases of the same server may
 *   create one at the same moment: the loser's duplicate error is expected and ignored;
 * - each role's privileges on every managed schema converge to exactly the listed ones: revoked,
 *   then granted, in one transaction under an advisory lock, so a running subgraph never sees the
 *   gap and two runs on one database do not interleave. Default privileges do the same for tables
 *   the owner creates later, so a new migration does not lock a subgraph out of its own table.
 * The roles never own anything: they cannot alter or drop a table, disable the audit log's
 * triggers, or truncate. The database's CONNECT and TEMPORARY are taken from PUBLIC (CONNECT is
 * given to the roles, and must be given by hand to any other login, such as a monitoring user),
 * and CREATE on schema `public` is taken from PUBLIC.
 *
 * Passwords: none by default (trust or peer authentication, as on a development machine). When a
 * role is given one, each run sets it (ALTER ROLE ... PASSWORD, hashed by the server with its
 * password_encryption; keep statement logging off while it runs), and the role's connections send
 * it (`roleUrl`).
 *
 * PGlite has no use for any of this: it has one connection, shared by the whole process, so every
 * subgraph in it necessarily runs as the same user, and no other process can connect to it.
 */
import postgres from 'postgres';

export type TablePrivilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

export interface RoleDefinition {
  /** The role's name: lower case letters, digits and underscores. */
  role: string;
  /** USAGE on each schema, and these privileges on all its tables (and its sequences' USAGE with INSERT). */
  schemas: Record<string, readonly TablePrivilege[]>;
  /**
   * More privileges on single tables (`schema.table`) of those schemas, beyond the schema's list:
   * e.g. DELETE on a queue in a schema that is otherwise append-only.
   */
  tables?: Record<string, readonly TablePrivilege[]>;
  /** Set as the role's password on each run when given. */
  password?: string | undefined;
}

export interface RolesReport {
  database: string;
  /** Roles this run created (the others existed). */
  created: string[];
  roles: string[];
}

/** Serialises runs on one database (advisory locks are per database; roles are handled apart). */
const ROLES_LOCK = 7_263_003;
const NAME = /^[a-z_][a-z0-9_]*$/;
const PRIVILEGES = new Set<TablePrivilege>(['SELECT', 'INSERT', 'UPDATE', 'DELETE']);
const ATTRIBUTES = 'LOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS';

/**
 * Creates the roles and grants them exactly their privileges on the database `url` names, as the
 * user it names (the owner of the migrated tables, or a superuser). Privileges on any schema in
 * `alsoRevokeOn` (and on every schema some role is given) are taken from every role first.
 */
export async function setupRoles(
  url: string,
  definitions: readonly RoleDefinition[],
  options: { alsoRevokeOn?: readonly string[] } = {},
): Promise<RolesReport> {
  for (const d of definitions) {
    checkName(d.role);
    for (const [schema, privileges] of Object.entries(d.schemas)) {
      checkName(schema);
      for (const p of privileges) if (!PRIVILEGES.has(p)) throw new Error(`unknown privilege ${p}`);
    }
    for (const [table, privileges] of Object.entries(d.tables ?? {})) {
      const [schema, name, ...rest] = table.split('.');
      if (!schema || !name || rest.length > 0 || !(schema in d.schemas)) {
        throw new Error(`${table}: name a table as schema.table, in one of the role's schemas`);
      }
      checkName(schema);
      checkName(name);
      for (const p of privileges) if (!PRIVILEGES.has(p)) throw new Error(`unknown privilege ${p}`);
    }
  }
  const sql = postgres(url, {
    max: 1,
    onnotice: () => {},
    connection: { application_name: 'reconnect-hub-roles' },
  });
  try {
    const created: string[] = [];
    for (const d of definitions) {
      if (await ensureRole(sql, d.role)) created.push(d.role);
    }
    const roles = definitions.map((d) => ident(d.role));
    const all = roles.join(', ');
    const managed = [
      ...new Set([...definitions.flatMap((d) => Object.keys(d.schemas)), ...(options.alsoRevokeOn ?? [])]),
    ];
    managed.forEach(checkName);
    const database = await sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(${ROLES_LOCK})`;
      const [{ name } = { name: '' }] = await tx<{ name: string }[]>`select current_database() as name`;
      const present = new Set(
        (await tx<{ nspname: string }[]>`select nspname from pg_namespace`).map((r) => r.nspname),
      );
      for (const d of definitions) {
        for (const schema of Object.keys(d.schemas)) {
          if (!present.has(schema)) {
            throw new Error(
              `schema ${schema} does not exist in ${name}: run the migrations first (pnpm seed)`,
            );
          }
        }
      }
      const run = (statement: string) => tx.unsafe(statement);
      await run(`REVOKE CONNECT, TEMPORARY ON DATABASE ${ident(name)} FROM PUBLIC`);
      await run(`GRANT CONNECT ON DATABASE ${ident(name)} TO ${all}`);
      if (present.has('public')) await run(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
      for (const schema of managed.filter((s) => present.has(s))) {
        const s = ident(schema);
        await run(`REVOKE ALL ON ALL TABLES IN SCHEMA ${s} FROM ${all}`);
        await run(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${s} FROM ${all}`);
        await run(`REVOKE ALL ON SCHEMA ${s} FROM ${all}`);
        await run(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} REVOKE ALL ON TABLES FROM ${all}`);
        await run(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} REVOKE ALL ON SEQUENCES FROM ${all}`);
      }
      for (const d of definitions) {
        const role = ident(d.role);
        for (const [schema, privileges] of Object.entries(d.schemas)) {
          const s = ident(schema);
          await run(`GRANT USAGE ON SCHEMA ${s} TO ${role}`);
          if (privileges.length === 0) continue;
          const list = privileges.join(', ');
          await run(`GRANT ${list} ON ALL TABLES IN SCHEMA ${s} TO ${role}`);
          await run(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT ${list} ON TABLES TO ${role}`);
          if (privileges.includes('INSERT')) {
            await run(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${s} TO ${role}`);
            await run(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT USAGE ON SEQUENCES TO ${role}`);
          }
        }
        for (const [table, privileges] of Object.entries(d.tables ?? {})) {
          if (privileges.length === 0) continue;
          const [schema, name] = table.split('.') as [string, string];
          await run(`GRANT ${privileges.join(', ')} ON ${ident(schema)}.${ident(name)} TO ${role}`);
        }
      }
      return name;
    });
    for (const d of definitions) {
      if (d.password === undefined) continue;
      // format(%L) quotes the password on the server: no client-side escaping of a secret.
      const [row] = await sql<{ statement: string }[]>`
        select format('ALTER ROLE %I PASSWORD %L', ${d.role}::text, ${d.password}::text) as statement`;
      await sql.unsafe(row!.statement);
    }
    return { database, created, roles: definitions.map((d) => d.role) };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The same database as `url`, connecting as `role` (with its password, if it has one). */
export function roleUrl(url: string, role: string, password?: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(role);
  u.password = password === undefined ? '' : encodeURIComponent(password);
  return u.toString();
}

/** Creates the role if missing; makes an existing one no more than a plain login. True if created. */
async function ensureRole(sql: postgres.Sql, role: string): Promise<boolean> {
  const [existing] = await sql<
    {
      rolsuper: boolean;
      rolcreatedb: boolean;
      rolcreaterole: boolean;
      rolreplication: boolean;
      rolbypassrls: boolean;
      rolinherit: boolean;
      rolcanlogin: boolean;
    }[]
  >`select rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls, rolinherit, rolcanlogin
    from pg_roles where rolname = ${role}`;
  if (!existing) {
    try {
      await sql.unsafe(`CREATE ROLE ${ident(role)} ${ATTRIBUTES}`);
      return true;
    } catch (error) {
      // Created meanwhile by a run on another database: 42710 duplicate_object, or 23505 when both
      // reached pg_authid's unique index at once.
      const code = (error as { code?: string }).code;
      if (code === '42710' || code === '23505') return false;
      throw error;
    }
  }
  const { rolcanlogin, rolinherit, ...powers } = existing;
  if (!rolcanlogin || rolinherit || Object.values(powers).some(Boolean)) {
    await sql.unsafe(`ALTER ROLE ${ident(role)} ${ATTRIBUTES}`);
  }
  const memberships = await sql<{ name: string }[]>`
    select g.rolname as name from pg_auth_members m join pg_roles g on g.oid = m.roleid
    where m.member = (select oid from pg_roles where rolname = ${role})`;
  for (const { name } of memberships) await sql.unsafe(`REVOKE ${ident(name)} FROM ${ident(role)}`);
  return false;
}

function checkName(name: string): void {
  if (!NAME.test(name)) throw new Error(`not a plain PostgreSQL name: ${JSON.stringify(name)}`);
}

/** A checked name, quoted (the database name is the one name that is not checked). */
function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
