/**
 * `pnpm internal-keys <subgraph>`: prints the INTERNAL_TOKEN_KEYS value for one subgraph's
 * processes, derived from INTERNAL_TOKEN_SECRET (or the development secret under DATA_DIR): the
 * key of its own audience, to verify the tokens it receives, and the keys of the subgraphs it calls
 * (INTERNAL_CALLS in packages/auth), nothing else. In production each subgraph is given this and
 * never the secret; only the gateway holds the secret (docs/OPERATIONS.md, "Secrets and key
 * rotation"). `--list` prints which audiences each process holds, without keys.
 *
 * The output is a secret: put it straight into the deployment's secret store. Exit 2 for bad usage.
 */
import { InternalKeys, INTERNAL_CALLS, audiencesOf } from '../packages/auth/src/index.ts';
import { SUBGRAPH_URL_VARS, commonEnv } from '../packages/config/src/index.ts';
import { EXIT_USAGE, internalSecretOf, loadConfigOrExit } from './lib/runtime.ts';

const names = Object.keys(SUBGRAPH_URL_VARS);
const args = process.argv.slice(2).filter((a) => a !== '--');
if (args[0] === '--list') {
  for (const process of Object.keys(INTERNAL_CALLS)) {
    console.log(`${process}: holds ${audiencesOf(process).join(', ')}`);
  }
  process.exit(0);
}
const name = args[0];
if (!name || !names.includes(name) || args.length > 1) {
  console.error(`usage: pnpm internal-keys <${names.join('|')}> | --list`);
  process.exit(EXIT_USAGE);
}
const config = loadConfigOrExit(commonEnv);
console.log(InternalKeys.forProcess(internalSecretOf(config), name).serialize());
