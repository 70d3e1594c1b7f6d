/**
 * Signing and checking audit checkpoints with Ed25519 (node:crypto).
 *
 * The key is AUDIT_SIGNING_KEY: the PKCS8 PEM text of an Ed25519 private key
 * (`openssl genpkey -algorithm ed25519`), the same for every process of a deployment. In
 * development a key is generated under DATA_DIR on first use (`audit-signing-key.pem`, mode 0600);
 * production refuses to start without one (packages/config). A checkpoint records the id of the
 * key that signed it, the first 16 hex digits of SHA-256 of the public key (SPKI DER), so verify
 * knows which trusted public key to check it with, and a rotated key leaves old checkpoints
 * checkable by their own key.
 *
 * What is signed is `checkpointText`: a few lines naming the log, the tree size, the root hash,
 * the chain's head hash and the time, in the manner of a transparency log checkpoint.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The first line of every checkpoint: which log, and which version of the format. */
export const CHECKPOINT_ORIGIN = 'reconnect-hub/audit/v1';
export const DEV_AUDIT_SIGNING_KEY_FILE = 'audit-signing-key.pem';

export interface CheckpointBody {
  treeSize: number;
  rootHash: string;
  chainHead: string;
  signedAt: Date;
}

/** The bytes a checkpoint's signature covers. */
export function checkpointText(c: CheckpointBody): string {
  return [
    CHECKPOINT_ORIGIN,
    String(c.treeSize),
    c.rootHash,
    `chain ${c.chainHead}`,
    `time ${c.signedAt.toISOString()}`,
    '',
  ].join('\n');
}

export interface AuditSigner {
  keyId: string;
  publicKey: KeyObject;
  /** Base64 Ed25519 signature of `checkpointText(body)`. */
  sign(body: CheckpointBody): string;
}

/** The id a checkpoint records for the key that signed it. */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

/** Parses an Ed25519 private key from PKCS8 PEM (escaped `\n` accepted, as env files write it). */
export function parseAuditSigningKey(pem: string): KeyObject {
  const key = createPrivateKey({ key: pem.includes('\\n') ? pem.replace(/\\n/g, '\n') : pem, format: 'pem' });
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`the audit signing key must be Ed25519, not ${key.asymmetricKeyType ?? 'unknown'}`);
  }
  return key;
}

export function createAuditSigner(pem: string): AuditSigner {
  const privateKey = parseAuditSigningKey(pem);
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: keyIdOf(publicKey),
    publicKey,
    sign: (body) => sign(null, Buffer.from(checkpointText(body), 'utf8'), privateKey).toString('base64'),
  };
}

/** Public keys verify trusts, by key id. */
export type TrustedKeys = ReadonlyMap<string, KeyObject>;

/** Trusted keys from public or private keys (PEM text or KeyObjects). */
export function trustedKeys(keys: readonly (KeyObject | string)[]): TrustedKeys {
  const map = new Map<string, KeyObject>();
  for (const key of keys) {
    const object = typeof key === 'string' ? createPublicKey(key.replace(/\\n/g, '\n')) : key;
    const publicKey = object.type === 'private' ? createPublicKey(object) : object;
    if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error('audit keys are Ed25519');
    map.set(keyIdOf(publicKey), publicKey);
  }
  return map;
}

/** Whether `signature` is a good signature of the checkpoint by the trusted key `keyId`. */
export function checkpointSignatureValid(
  keys: TrustedKeys,
  keyId: string,
  body: CheckpointBody,
  signature: string,
): boolean {
  const publicKey = keys.get(keyId);
  if (!publicKey) return false;
  try {
    return verify(
      null,
      Buffer.from(checkpointText(body), 'utf8'),
      publicKey,
      Buffer.from(signature, 'base64'),
    );
  } catch {
    return false;
  }
}

/** A fresh Ed25519 private key as PKCS8 PEM (development keys and tests). */
export function generateAuditSigningKey(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** The development signing key under `dataDir`, created on first use. Never used in production. */
export function ensureDevAuditSigningKey(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DEV_AUDIT_SIGNING_KEY_FILE);
  if (!existsSync(file)) {
    writeFileSync(file, generateAuditSigningKey(), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return readFileSync(file, 'utf8');
}
