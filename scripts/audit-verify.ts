/**
 * `pnpm audit:verify [--key FILE]... [--prove EVENT]`: checks the audit trail (packages/audit) in
 * the database (DATABASE_URL, or the PGlite database under DATA_DIR). Reads only.
 *
 * Without --prove it recomputes the chain and the Merkle tree from the events, checks every
 * checkpoint's root and signature, and reports edited, removed and inserted events (verify.ts) and
 * how many are still pending. With --prove it prints, as JSON, the inclusion proof (RFC 6962
 * audit path) of one event (its id, or its seq) against the newest checkpoint, and checks it.
 *
 * Checkpoint signatures are checked with the public keys in the --key files (PEM; public or
 * private), or else with the public half of AUDIT_SIGNING_KEY (or of the development key under
 * DATA_DIR). Exit 0 when intact (or the proof verifies), 1 when not or when it cannot be read,
 * 2 for bad usage. Not while `pnpm start` holds the same PGlite database open (PGlite allows one
 * process).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  NoProofError,
  proveInclusion,
  trustedKeys,
  verifyAuditChain,
  verifyInclusionProof,
  type TrustedKeys,
} from '../packages/audit/src/index.ts';
import { hubEnv } from '../packages/config/src/index.ts';
import { pgliteDir, type DbHandle } from '../packages/db/src/index.ts';
import {
  EXIT_FAILURE,
  EXIT_USAGE,
  auditSigningKeyOf,
  dataDirOf,
  describeDatabase,
  loadConfigOrExit,
  openDatabase,
} from './lib/runtime.ts';

const USAGE = 'usage: pnpm audit:verify [--key PUBLIC_KEY_PEM_FILE]... [--prove EVENT_ID_OR_SEQ]';
let args;
try {
  args = parseArgs({
    options: {
      key: { type: 'string', multiple: true },
      prove: { type: 'string' },
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

const config = loadConfigOrExit(hubEnv);
// Opening a PGlite directory that does not exist would create an empty database and call it intact.
if (!config.DATABASE_URL && !existsSync(pgliteDir(dataDirOf(config)))) {
  console.error(
    `no database at ${describeDatabase(config)}: start the hub or run pnpm seed first, or set DATABASE_URL`,
  );
  process.exit(EXIT_FAILURE);
}

let keys: TrustedKeys;
try {
  keys = trustedKeys(
    args.key && args.key.length > 0
      ? args.key.map((file) => readFileSync(file, 'utf8'))
      : [auditSigningKeyOf(config)],
  );
} catch (error) {
  console.error('could not read the audit keys:', error instanceof Error ? error.message : error);
  process.exit(EXIT_FAILURE);
}

let handle: DbHandle | undefined;
try {
  handle = await openDatabase(config);
  if (args.prove !== undefined) {
    const event = /^\d+$/.test(args.prove) ? Number(args.prove) : args.prove;
    const proof = await proveInclusion(handle.db, event);
    await handle.close();
    const verdict = verifyInclusionProof(proof, keys);
    console.log(JSON.stringify({ ...proof, verified: verdict.ok }, null, 2));
    if (!verdict.ok) {
      console.error(`the proof does not verify: ${verdict.reason}`);
      process.exit(EXIT_FAILURE);
    }
    console.error(
      `event ${proof.eventId} is leaf ${proof.leafIndex} of the checkpoint of ${proof.checkpoint.treeSize} (key ${proof.checkpoint.keyId}): verified`,
    );
  } else {
    const report = await verifyAuditChain(handle.db, { trustedKeys: keys });
    await handle.close();
    const newest = report.newestCheckpoint
      ? `newest checkpoint ${report.newestCheckpoint.treeSize} signed by ${report.newestCheckpoint.keyId}`
      : 'no checkpoint yet';
    if (report.ok) {
      console.log(
        `audit chain intact: ${report.checked} events chained, ${report.pending} pending, ${report.checkpoints} checkpoints (${newest})`,
      );
    } else {
      console.log(
        `audit chain broken: ${report.problemCount} problems (${report.checked} events chained, ${report.pending} pending, ${report.checkpoints} checkpoints)`,
      );
      for (const p of report.problems) console.log(`  ${p.kind}: ${p.detail}`);
      if (report.problemCount > report.problems.length) {
        console.log(`  ... and ${report.problemCount - report.problems.length} more`);
      }
      process.exit(EXIT_FAILURE);
    }
  }
} catch (error) {
  const what = args.prove !== undefined ? `prove event ${args.prove}` : 'verify the audit chain';
  console.error(
    error instanceof NoProofError
      ? `cannot ${what}: ${error.message}`
      : `could not ${what} in ${describeDatabase(config)}: ${error instanceof Error ? error.message : String(error)}`,
  );
  await handle?.close().catch(() => {});
  process.exit(EXIT_FAILURE);
}
