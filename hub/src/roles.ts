/**
 * One PostgreSQL role per subgraph (ARCHITECTURE.md, "Running"): what each may do, and the
 * connection pools that act as them. A subgraph reads and writes its own schema; reads the grants
 * in `access` (referral and partner also write them); appends to and reads `audit` (no role may
 * update, delete or truncate its events, chain or checkpoints); every role also runs the audit
 * sequencer, which deletes what it chains from `audit.pending` and updates the one `audit.tree`
 * row (and locks it: FOR UPDATE needs UPDATE); and only referral,
 * which writes the outbox and whose processes run the webhook dispatcher, touches `events`. No role
 * has any right on another subgraph's schema or on `drizzle` (migrations run as the owner).
 *
 * No subgraph deletes shared rows, except the dispatcher pruning delivered events from the outbox
 * (`events`, issue 19): grants end (valid_until) rather than disappear, so not even the writers of
 * `access` may DELETE. A subgraph's own schema is its own business, DELETE included.
 *
 * PGlite keeps one handle for everything: see packages/db/src/roles.ts.
 */
import {
  createDb,
  sql,
  roleUrl,
  setupRoles,
  type DbHandle,
  type RoleDefinition,
  type RolesReport,
  type StatementCounter,
  type TablePrivilege,
} from '@reconnect/db';

const OWN: TablePrivilege[] = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];
const READ: TablePrivilege[] = ['SELECT'];
const WRITE_GRANTS: TablePrivilege[] = ['SELECT', 'INSERT', 'UPDATE'];
const APPEND: TablePrivilege[] = ['SELECT', 'INSERT'];
/** DELETE: the dispatcher prunes delivered events after OUTBOX_RETENTION_DAYS (issue 19, item 6). */
const OUTBOX: TablePrivilege[] = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];

/** Each subgraph's privileges by schema. */
export const SUBGRAPH_PRIVILEGES: Record<string, Record<string, TablePrivilege[]>> = {
  'regional-service': { regional_service: OWN, access: READ, audit: APPEND },
  person: { person: OWN, access: READ, audit: APPEND },
  referral: { referral: OWN, access: WRITE_GRANTS, audit: APPEND, events: OUTBOX },
  partner: { partner: OWN, access: WRITE_GRANTS, audit: APPEND },
};

/** Beyond APPEND on `audit`: what the audit sequencer, run by every subgraph, needs. */
export const AUDIT_SEQUENCER_TABLES: Record<string, TablePrivilege[]> = {
  'audit.pending': ['DELETE'],
  'audit.tree': ['UPDATE'],
};

/** Schemas no subgraph role may use at all: taken from every role on each run. */
const NOBODYS = ['drizzle', 'public'];

/** The subgraph's role: `reconnect_` and its name, e.g. `reconnect_regional_service`. */
export function subgraphRole(name: string): string {
  return `reconnect_${name.replace(/-/g, '_')}`;
}

export type RolePasswords = Partial<Record<string, string | undefined>>;

export function subgraphRoleDefinitions(passwords: RolePasswords = {}): RoleDefinition[] {
  return Object.entries(SUBGRAPH_PRIVILEGES).map(([name, schemas]) => ({
    role: subgraphRole(name),
    schemas,
    tables: AUDIT_SEQUENCER_TABLES,
    password: passwords[name],
  }));
}

/** Creates the subgraphs' roles and grants them their privileges, as the owner `url` names. */
export function setupSubgraphRoles(url: string, passwords: RolePasswords = {}): Promise<RolesReport> {
  return setupRoles(url, subgraphRoleDefinitions(passwords), { alsoRevokeOn: NOBODYS });
}

export interface SubgraphHandleOptions {
  /** By subgraph name; a role without one connects without a password. */
  passwords?: RolePasswords;
  /** Each pool's size (default 5: four pools and the owner's share one server). */
  maxConnections?: number;
  /** Count every pool's statements on this counter (the test harness's measure). */
  statements?: StatementCounter;
  /** Only these subgraphs (default all four). */
  only?: string[];
}

/** A connection pool per subgraph on the database `url` names, each connecting as its role. */
export async function openSubgraphHandles(
  url: string,
  options: SubgraphHandleOptions = {},
): Promise<Record<string, DbHandle>> {
  const handles: Record<string, DbHandle> = {};
  try {
    for (const name of options.only ?? Object.keys(SUBGRAPH_PRIVILEGES)) {
      if (!SUBGRAPH_PRIVILEGES[name]) throw new Error(`no database role for subgraph ${name}`);
      const handle = await createDb({
        url: roleUrl(url, subgraphRole(name), options.passwords?.[name]),
        maxConnections: options.maxConnections ?? 5,
        poolName: name,
        ...(options.statements ? { statements: options.statements } : {}),
      });
      handles[name] = handle;
      // Connect now: a missing role or a wrong password stops the start, not the first request.
      await handle.db.execute(sql`select 1`);
    }
  } catch (error) {
    await closeHandles(handles);
    throw error;
  }
  return handles;
}

/** Closes what `openSubgraphHandles` opened. */
export async function closeHandles(handles: Record<string, DbHandle>): Promise<void> {
  await Promise.all(Object.values(handles).map((h) => h.close()));
}
