/**
 * Webhook signing secrets at rest (issue 19, item 4). HMAC signing needs the secret itself, so it
 * cannot be hashed; it is stored encrypted with AES-256-GCM (node:crypto) under a key from
 * WEBHOOK_SECRET_KEYS, with the key's id beside it (`subscriptions.secret_key_id`). The ciphertext
 * is bound to its subscription and key id (the GCM additional data), so it cannot be moved to
 * another row. Keys are listed newest first: new secrets are sealed under the first; the others
 * only open what was sealed before a rotation, until `pnpm webhooks:rotate-key` re-encrypts
 * everything under the first (`reencryptWebhookSecrets`). Secrets are never logged, and the API
 * never returns them.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, asc, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '@reconnect/db';
import { subscriptions } from './schema.ts';

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
export const WEBHOOK_KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const DEV_KEYS_FILE = 'webhook-secret-keys';

/** What registering a subscription needs: sealing a new secret (graph's SubgraphDeps names it). */
export interface WebhookSecretSealer {
  seal(plaintext: string, subscriptionId: string): { ciphertext: string; keyId: string };
}

export class WebhookSecretError extends Error {}

export interface WebhookSecretKey {
  id: string;
  key: Buffer;
}

export class WebhookSecretKeyring implements WebhookSecretSealer {
  private readonly keys: ReadonlyMap<string, Buffer>;
  /** The key new secrets are sealed under: the first listed. */
  readonly currentKeyId: string;

  constructor(keys: readonly WebhookSecretKey[]) {
    if (keys.length === 0) throw new WebhookSecretError('at least one webhook secret key is needed');
    const map = new Map<string, Buffer>();
    for (const { id, key } of keys) {
      if (!WEBHOOK_KEY_ID_PATTERN.test(id)) throw new WebhookSecretError(`bad key id ${JSON.stringify(id)}`);
      if (key.length !== KEY_BYTES) throw new WebhookSecretError(`key ${id} is not ${KEY_BYTES} bytes`);
      if (map.has(id)) throw new WebhookSecretError(`key id ${id} is listed twice`);
      map.set(id, key);
    }
    this.keys = map;
    this.currentKeyId = keys[0]!.id;
  }

  /** `id:base64key[,id:base64key...]`, newest first (WEBHOOK_SECRET_KEYS). */
  static parse(text: string): WebhookSecretKeyring {
    const keys = text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const at = part.indexOf(':');
        if (at <= 0) throw new WebhookSecretError('each key is id:base64');
        return { id: part.slice(0, at), key: Buffer.from(part.slice(at + 1), 'base64') };
      });
    return new WebhookSecretKeyring(keys);
  }

  /** A new random key with this id, as a WEBHOOK_SECRET_KEYS entry. */
  static generateEntry(id: string): string {
    return `${id}:${randomBytes(KEY_BYTES).toString('base64')}`;
  }

  get keyIds(): string[] {
    return [...this.keys.keys()];
  }

  seal(plaintext: string, subscriptionId: string): { ciphertext: string; keyId: string } {
    const keyId = this.currentKeyId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(keyId)!, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(additionalData(subscriptionId, keyId));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    const b64 = (b: Buffer) => b.toString('base64url');
    return { ciphertext: `${FORMAT}.${b64(iv)}.${b64(ciphertext)}.${b64(tag)}`, keyId };
  }

  /** The secret; throws WebhookSecretError for an unknown key or a ciphertext that does not verify. */
  open(ciphertext: string, keyId: string, subscriptionId: string): string {
    const key = this.keys.get(keyId);
    if (!key)
      throw new WebhookSecretError(`the secret is sealed under key ${keyId}, which is not configured`);
    const [format, iv, body, tag] = ciphertext.split('.');
    if (format !== FORMAT || !iv || body === undefined || !tag) {
      throw new WebhookSecretError('the stored secret is not in a known format');
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(additionalData(subscriptionId, keyId));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new WebhookSecretError('the stored secret does not verify under its key');
    }
  }

  /**
   * The secret of a stored row. A row without a key id is a plaintext secret from before
   * encryption (migration 0001 added the column), read as it is until the start-up step or the
   * rotate command seals it.
   */
  openStored(row: { id: string; secret: string; secretKeyId: string | null }): string {
    return row.secretKeyId === null ? row.secret : this.open(row.secret, row.secretKeyId, row.id);
  }
}

function additionalData(subscriptionId: string, keyId: string): Buffer {
  return Buffer.from(`reconnect-webhook-secret:${FORMAT}:${subscriptionId}:${keyId}`, 'utf8');
}

export interface ReencryptResult {
  /** Rows re-encrypted (or sealed for the first time). */
  reencrypted: number;
  /** Of those, rows that held a plaintext secret. */
  wasPlaintext: number;
  /** Rows already under the current key. */
  current: number;
}

/**
 * Re-encrypts every subscription's secret (removed ones too) that is not under the keyring's
 * current key, plaintext ones included, in batches of `batchSize`, each batch in one transaction
 * with its rows locked (so a concurrent run or registration never loses an update). `onlyPlaintext`
 * seals plaintext rows only (what start-up does). Idempotent: a second run finds nothing to do.
 */
export async function reencryptWebhookSecrets(
  db: Db,
  keyring: WebhookSecretKeyring,
  options: { batchSize?: number; onlyPlaintext?: boolean } = {},
): Promise<ReencryptResult> {
  const batchSize = options.batchSize ?? 200;
  const result: ReencryptResult = { reencrypted: 0, wasPlaintext: 0, current: 0 };
  const stale = options.onlyPlaintext
    ? isNull(subscriptions.secretKeyId)
    : or(isNull(subscriptions.secretKeyId), ne(subscriptions.secretKeyId, keyring.currentKeyId));
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const rows = await tx
        .select({
          id: subscriptions.id,
          secret: subscriptions.secret,
          secretKeyId: subscriptions.secretKeyId,
        })
        .from(subscriptions)
        .where(and(stale, gt(subscriptions.id, after)))
        .orderBy(asc(subscriptions.id))
        .limit(batchSize)
        .for('update');
      for (const row of rows) {
        const sealed = keyring.seal(keyring.openStored(row), row.id);
        await tx
          .update(subscriptions)
          .set({ secret: sealed.ciphertext, secretKeyId: sealed.keyId })
          .where(eq(subscriptions.id, row.id));
        result.reencrypted += 1;
        if (row.secretKeyId === null) result.wasPlaintext += 1;
      }
      if (rows.length > 0) after = rows.at(-1)!.id;
      return rows.length < batchSize;
    });
    if (done) break;
  }
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(subscriptions)
    .where(eq(subscriptions.secretKeyId, keyring.currentKeyId));
  result.current = Number(row?.n ?? 0) - result.reencrypted;
  return result;
}

/** The development keyring under `dataDir`, created on first use. Never used in production. */
export function ensureDevWebhookSecretKeys(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DEV_KEYS_FILE);
  if (!existsSync(file)) {
    writeFileSync(file, WebhookSecretKeyring.generateEntry(`dev-${randomBytes(3).toString('hex')}`), {
      mode: 0o600,
    });
    chmodSync(file, 0o600);
  }
  return readFileSync(file, 'utf8').trim();
}
