/**
 * `pnpm db:roles`: creates one PostgreSQL role per subgraph (`reconnect_regional_service`,
 * `reconnect_person`, `reconnect_referral`, `reconnect_partner`) and grants each its rights on the
 * database DATABASE_URL names: its own schema, `access` and `audit` (and `events` for referral),
 * nothing else (hub/src/roles.ts says exactly what). Run it as the database owner (who
 * needs CREATEROLE the first time, or ask an administrator) after `pnpm seed` has migrated; it is
 * idempotent, and later migrations by the same owner are covered by default privileges. Then run
 * the hub or the subgraphs with DATABASE_ROLES=per-subgraph.
 *
 * Settings: DATABASE_URL; the roles' passwords, each optional (REGIONAL_SERVICE_DATABASE_PASSWORD,
 * PERSON_DATABASE_PASSWORD, REFERRAL_DATABASE_PASSWORD, PARTNER_DATABASE_PASSWORD).
 */
import { databasePasswordsOf, dbRolesEnv } from '../packages/config/src/index.ts';
import { SUBGRAPH_PRIVILEGES, setupSubgraphRoles, subgraphRole } from '../hub/src/roles.ts';
import { EXIT_FAILURE, describeDatabase, loadConfigOrExit } from './lib/runtime.ts';

const config = loadConfigOrExit(dbRolesEnv);
const passwords = databasePasswordsOf(config);
try {
  console.log(`database roles in ${describeDatabase(config)}`);
  const report = await setupSubgraphRoles(config.DATABASE_URL!, passwords);
  for (const [name, schemas] of Object.entries(SUBGRAPH_PRIVILEGES)) {
    const role = subgraphRole(name);
    const created = report.created.includes(role) ? 'created' : 'existed';
    const password = passwords[name] ? ', password set' : '';
    const rights = Object.entries(schemas).map(([schema, privileges]) => `${schema} ${privileges.join('/')}`);
    console.log(`  ${role} (${created}${password}): ${rights.join('; ')}`);
  }
  console.log('done: run the hub or each subgraph with DATABASE_ROLES=per-subgraph');
} catch (error) {
  console.error('database roles failed:', error instanceof Error ? error.message : error);
  process.exit(EXIT_FAILURE);
}
