/**
 * `pnpm webhooks:rotate-key`: re-encrypts every webhook signing secret (packages/events,
 * secrets.ts) under the first key of WEBHOOK_SECRET_KEYS, in the database (DATABASE_URL, or the
 * PGlite database under DATA_DIR), in batches, each its own transaction; secrets still in
 * plaintext from before encryption are sealed too. Idempotent: a second run changes nothing.
 *
 * Rotation: put the new key first in WEBHOOK_SECRET_KEYS, keeping the old one after it, and
 * restart the hub (or the referral subgraph's processes) so new secrets are sealed under it and
 * old ones still open; run this; then remove the old key and restart again (docs/OPERATIONS.md,
 * "Secrets and key rotation"). `--new-key ID` prints a fresh `ID:base64` entry to put first.
 *
 * Run it as the database owner (it migrates the `events` schema first, as the hub's start does).
 * Exit 0 when done, 1 on failure, 2 for bad usage. Not while `pnpm start` holds the same PGlite
 * database open (PGlite allows one process).
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { commonEnv } from '../packages/config/src/index.ts';
import { pgliteDir, type DbHandle } from '../packages/db/src/index.ts';
import {
  WEBHOOK_KEY_ID_PATTERN,
  WebhookSecretKeyring,
  eventsMigrations,
  reencryptWebhookSecrets,
} from '../packages/events/src/index.ts';
import {
  EXIT_FAILURE,
  EXIT_USAGE,
  dataDirOf,
  describeDatabase,
  loadConfigOrExit,
  openDatabase,
  webhookSecretKeysOf,
} from './lib/runtime.ts';

const USAGE = 'usage: pnpm webhooks:rotate-key [--batch-size N] | --new-key KEY_ID';
let args;
try {
  args = parseArgs({
    options: {
      'batch-size': { type: 'string' },
      'new-key': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  }).values;
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(EXIT_USAGE);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (args['new-key'] !== undefined) {
  if (!WEBHOOK_KEY_ID_PATTERN.test(args['new-key'])) {
    console.error(`a key id is 1 to 32 letters, digits, - or _\n${USAGE}`);
    process.exit(EXIT_USAGE);
  }
  console.log(WebhookSecretKeyring.generateEntry(args['new-key']));
  process.exit(0);
}
const batchSize = args['batch-size'] === undefined ? 200 : Number(args['batch-size']);
if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
  console.error(`--batch-size must be a whole number from 1 to 10000\n${USAGE}`);
  process.exit(EXIT_USAGE);
}

const config = loadConfigOrExit(commonEnv);
if (!config.DATABASE_URL && !existsSync(pgliteDir(dataDirOf(config)))) {
  console.error(`no database at ${describeDatabase(config)}: start the hub first, or set DATABASE_URL`);
  process.exit(EXIT_FAILURE);
}

let handle: DbHandle | undefined;
try {
  const keyring = WebhookSecretKeyring.parse(webhookSecretKeysOf(config));
  handle = await openDatabase(config);
  await handle.migrate([eventsMigrations]);
  const result = await reencryptWebhookSecrets(handle.db, keyring, { batchSize });
  await handle.close();
  const others = keyring.keyIds.slice(1);
  console.log(
    `${describeDatabase(config)}: ${result.reencrypted} webhook secret(s) re-encrypted under key ${keyring.currentKeyId} ` +
      `(${result.wasPlaintext} were in plaintext), ${result.current} already under it.` +
      (others.length > 0
        ? ` Every secret is now under ${keyring.currentKeyId}: ${others.join(', ')} may be removed from WEBHOOK_SECRET_KEYS.`
        : ''),
  );
} catch (error) {
  await handle?.close().catch(() => {});
  // Never the keys or a secret: the message of a keyring or database error names neither.
  console.error('could not re-encrypt the webhook secrets:', error instanceof Error ? error.message : error);
  process.exit(EXIT_FAILURE);
}
