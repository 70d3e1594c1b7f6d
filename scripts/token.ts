/**
 * `pnpm token <role> [<role>...] [--org CODE] [--sub ID] [--name N] [--staff-id ID] [--expires SECONDS]`
 * prints a caller token signed with the development key under DATA_DIR (created when absent), for
 * the issuer and audience the hub is configured with. Only the token goes to stdout, so
 * `TOKEN=$(pnpm -s token RECONNECT_STAFF --org RC-NW)` works.
 *
 * A REFERRER's `--org` should be an organisation of the directory of referring organisations
 * (packages/reference-data/data/referring_organisations.csv, e.g. PROB-NW, POL-GMP, LD-NW, HO-IE,
 * HCP-MRI, HCI-IRC-BH, RCF-ONLINE): the hub refuses a referrer's submissions from any other, so the
 * script warns (the token is still printed, to try exactly that).
 *
 * Development only: the key it signs with is the one `pnpm start` trusts when no AUTH_JWKS_FILE or
 * AUTH_JWKS_URL is set. A production hub trusts only its identity provider's keys.
 */
import { parseArgs } from 'node:util';
import { ROLES, ensureDevKeys, signCallerToken, type Role } from '../packages/auth/src/index.ts';
import { hubEnv } from '../packages/config/src/index.ts';
import { referringOrganisations } from '../packages/reference-data/src/index.ts';
import { EXIT_USAGE, dataDirOf, loadConfigOrExit } from './lib/runtime.ts';

const USAGE = `usage: pnpm token <role> [<role>...] [--org CODE] [--sub ID] [--name NAME] [--staff-id ID] [--expires SECONDS]
roles: ${ROLES.join(', ')}`;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(EXIT_USAGE);
}

function parseCommandLine() {
  try {
    return parseArgs({
      // pnpm passes everything after the script name; a stray `--` is not a role.
      args: process.argv.slice(2).filter((a) => a !== '--'),
      allowPositionals: true,
      options: {
        org: { type: 'string' },
        sub: { type: 'string' },
        name: { type: 'string' },
        'staff-id': { type: 'string' },
        expires: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return fail((error as Error).message);
  }
}

const { values, positionals } = parseCommandLine();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length === 0) fail('name at least one role');

// The same normalisation the gateway applies to the `roles` claim (ROLE_ prefix, case).
const roles = positionals.map((raw) =>
  raw
    .trim()
    .toUpperCase()
    .replace(/^ROLE_/, ''),
);
const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
if (unknown.length > 0) fail(`unknown role${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);

let expiresIn: number | undefined;
if (values.expires !== undefined) {
  expiresIn = Number(values.expires);
  if (!/^-?\d+$/.test(values.expires) || expiresIn === 0)
    fail('--expires must be a whole number of seconds (--expires=-60 gives an expired token)');
}

if (roles.includes('REFERRER')) {
  const known = referringOrganisations().find((o) => o.code === values.org);
  if (!known) {
    console.error(
      `warning: ${values.org ? `${values.org} is` : 'no --org is'} not an organisation of the directory of referring organisations, so the hub will refuse this referrer's submissions (try --org PROB-NW, POL-GMP, HCP-MRI or RCF-ONLINE)`,
    );
  }
}

const config = loadConfigOrExit(hubEnv);
if (config.AUTH_JWKS_FILE || config.AUTH_JWKS_URL) {
  console.error(
    'warning: AUTH_JWKS_FILE or AUTH_JWKS_URL is set, so the hub will not trust this development token',
  );
}
const keys = await ensureDevKeys(dataDirOf(config));
const token = await signCallerToken(keys.privateJwk, {
  roles: roles as Role[],
  org: values.org,
  sub: values.sub ?? `dev-${roles.join('+').toLowerCase()}${values.org ? `@${values.org}` : ''}`,
  name: values.name,
  staffId: values['staff-id'],
  issuer: config.AUTH_ISSUER,
  audience: config.AUTH_AUDIENCE,
  ...(expiresIn !== undefined ? { expiresIn } : {}),
});
console.log(token);
