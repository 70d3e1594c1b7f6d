/**
 * Checking the audit trail (`pnpm audit:verify`): recomputes the chain and the Merkle tree from
 * the events themselves and compares them with what was stored and signed, trusting nothing the
 * sequencer keeps for itself (`audit.tree`).
 *
 * It reports:
 * - `edited`: an event whose canonical text no longer hashes to its chain entry;
 * - `relinked`: a chain entry whose `prev_hash` is not the previous entry's hash (an entry
 *   rewritten to hide an edit, or one inserted into the chain);
 * - `removed`: a chain entry whose event is gone, a gap in the chain's positions, or a queued
 *   event that is gone;
 * - `inserted`: an event neither chained nor pending (written with the triggers off);
 * - `checkpoint-root`: a checkpoint whose root or chain head is not what the leaves give;
 * - `checkpoint-truncated`: a checkpoint over more leaves than the chain has (entries removed
 *   from its end);
 * - `checkpoint-signature`: a checkpoint not signed by a trusted key.
 * Events still pending are counted, not a problem: the sequencer has yet to reach them.
 *
 * The chain is read a page at a time, so memory stays bounded; the cost is O(n log n).
 * Inclusion proofs (`proveInclusion`, `verifyInclusionProof`) tie one event to the newest
 * checkpoint with an RFC 6962 audit path.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Queryable } from '@reconnect/db';
import {
  appendLeaf,
  auditPath,
  emptyFrontier,
  frontierRoot,
  leafHash,
  verifyInclusion,
  type Frontier,
} from './merkle.ts';
import { GENESIS } from './sequencer.ts';
import { auditCheckpoints, type AuditCheckpointRow } from './schema.ts';
import { checkpointSignatureValid, type TrustedKeys } from './signing.ts';

export type AuditProblemKind =
  | 'edited'
  | 'relinked'
  | 'removed'
  | 'inserted'
  | 'checkpoint-root'
  | 'checkpoint-truncated'
  | 'checkpoint-signature';

export interface AuditProblem {
  kind: AuditProblemKind;
  /** The chain position concerned, when there is one. */
  position?: number;
  /** The event's `seq`, when known. */
  seq?: number;
  eventId?: string;
  /** The checkpoint concerned, by tree size. */
  treeSize?: number;
  detail: string;
}

export interface ChainReport {
  ok: boolean;
  /** Chain entries checked. */
  checked: number;
  /** Events appended and not yet chained. */
  pending: number;
  /** Checkpoints checked (root and signature). */
  checkpoints: number;
  newestCheckpoint?: { treeSize: number; rootHash: string; keyId: string; signedAt: Date };
  /** The first problems found, in chain order (at most `maxProblems`). */
  problems: AuditProblem[];
  /** How many problems there are in all. */
  problemCount: number;
}

export interface VerifyOptions {
  /** The public keys checkpoints may be signed with, by key id (signing.ts, `trustedKeys`). */
  trustedKeys: TrustedKeys;
  /** Chain entries read per statement (default 5000). */
  pageSize?: number;
  /** Problems listed in the report (default 100; all are counted). */
  maxProblems?: number;
}

interface ChainRow {
  position: number;
  seq: number;
  eventId: string | null;
  prevHash: string;
  hash: string;
  recomputed: string | null;
  leaf: string | null;
}

/** Chain entries after `after`, in order, with each event's recomputed link and leaf hash. */
async function chainPage(db: Queryable, after: number, limit: number): Promise<ChainRow[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select c.position, c.event_seq, c.prev_hash, c.hash, e.id as event_id,
             case when e.seq is null then null else "audit"."digest"(c.prev_hash, e) end as recomputed,
             case when e.seq is null then null else "audit"."leaf_hash"(e) end as leaf
      from "audit"."chain" c left join "audit"."events" e on e.seq = c.event_seq
      where c.position > ${after}
      order by c.position
      limit ${limit}`),
  );
  return rows.map((r) => ({
    position: Number(r.position),
    seq: Number(r.event_seq),
    eventId: (r.event_id as string | null) ?? null,
    prevHash: String(r.prev_hash),
    hash: String(r.hash),
    recomputed: (r.recomputed as string | null) ?? null,
    leaf: (r.leaf as string | null) ?? null,
  }));
}

async function* chainRows(db: Queryable, pageSize: number): AsyncGenerator<ChainRow> {
  let after = 0;
  for (;;) {
    const page = await chainPage(db, after, pageSize);
    yield* page;
    if (page.length < pageSize) return;
    after = page.at(-1)!.position;
  }
}

function bodyOf(c: AuditCheckpointRow) {
  return { treeSize: c.treeSize, rootHash: c.rootHash, chainHead: c.chainHead, signedAt: c.signedAt };
}

export async function verifyAuditChain(db: Queryable, options: VerifyOptions): Promise<ChainReport> {
  const maxProblems = options.maxProblems ?? 100;
  const problems: AuditProblem[] = [];
  let problemCount = 0;
  const add = (p: AuditProblem) => {
    problemCount += 1;
    if (problems.length < maxProblems) problems.push(p);
  };

  const checkpoints = await db.select().from(auditCheckpoints).orderBy(auditCheckpoints.treeSize);
  for (const c of checkpoints) {
    if (!checkpointSignatureValid(options.trustedKeys, c.keyId, bodyOf(c), c.signature)) {
      add({
        kind: 'checkpoint-signature',
        treeSize: c.treeSize,
        detail: options.trustedKeys.has(c.keyId)
          ? `checkpoint at ${c.treeSize} has a bad signature`
          : `checkpoint at ${c.treeSize} is signed by key ${c.keyId}, which is not trusted`,
      });
    }
  }

  let frontier: Frontier = emptyFrontier();
  let expectedPrev = GENESIS;
  let expectedPosition = 1;
  let checked = 0;
  let next = 0;
  for await (const row of chainRows(db, options.pageSize ?? 5000)) {
    if (row.position !== expectedPosition) {
      add({
        kind: 'removed',
        position: expectedPosition,
        detail: `chain positions ${expectedPosition}..${row.position - 1} are missing`,
      });
    }
    if (row.eventId === null) {
      add({
        kind: 'removed',
        position: row.position,
        seq: row.seq,
        detail: `event ${row.seq} (chain position ${row.position}) is gone`,
      });
    } else if (row.recomputed !== row.hash) {
      add({
        kind: 'edited',
        position: row.position,
        seq: row.seq,
        eventId: row.eventId,
        detail: `event ${row.seq} (chain position ${row.position}) does not match its chain entry`,
      });
    }
    if (row.prevHash !== expectedPrev) {
      add({
        kind: 'relinked',
        position: row.position,
        seq: row.seq,
        detail: `chain position ${row.position} does not link to the entry before it`,
      });
    }
    // An unknown leaf (its event gone) cannot match any signed root, which is the point.
    frontier = appendLeaf(frontier, row.leaf ? Buffer.from(row.leaf, 'hex') : Buffer.alloc(32));
    expectedPrev = row.hash;
    expectedPosition = row.position + 1;
    checked += 1;
    while (next < checkpoints.length && checkpoints[next]!.treeSize <= frontier.size) {
      const c = checkpoints[next]!;
      const root = frontierRoot(frontier).toString('hex');
      if (c.treeSize !== frontier.size || c.rootHash !== root || c.chainHead !== row.hash) {
        add({
          kind: 'checkpoint-root',
          treeSize: c.treeSize,
          detail: `checkpoint at ${c.treeSize} does not match the chain's first ${c.treeSize} entries`,
        });
      }
      next += 1;
    }
  }
  for (const c of checkpoints.slice(next)) {
    add({
      kind: 'checkpoint-truncated',
      treeSize: c.treeSize,
      detail: `checkpoint at ${c.treeSize} covers more entries than the chain's ${checked}`,
    });
  }

  const inserted = rowsOf<{ seq: number | string; id: string }>(
    await db.execute(sql`
      select e.seq, e.id from "audit"."events" e
      where not exists (select 1 from "audit"."chain" c where c.event_seq = e.seq)
        and not exists (select 1 from "audit"."pending" p where p.event_seq = e.seq)
      order by e.seq`),
  );
  for (const e of inserted) {
    add({
      kind: 'inserted',
      seq: Number(e.seq),
      eventId: e.id,
      detail: `event ${e.seq} is neither chained nor pending: it was written past the audit triggers`,
    });
  }
  const queue = rowsOf<{ seq: number | string; present: boolean }>(
    await db.execute(sql`
      select p.event_seq as seq, exists (select 1 from "audit"."events" e where e.seq = p.event_seq) as present
      from "audit"."pending" p order by p.event_seq`),
  );
  let pending = 0;
  for (const q of queue) {
    if (q.present) pending += 1;
    else add({ kind: 'removed', seq: Number(q.seq), detail: `pending event ${q.seq} is gone` });
  }

  const newest = checkpoints.at(-1);
  return {
    ok: problemCount === 0,
    checked,
    pending,
    checkpoints: checkpoints.length,
    ...(newest
      ? {
          newestCheckpoint: {
            treeSize: newest.treeSize,
            rootHash: newest.rootHash,
            keyId: newest.keyId,
            signedAt: newest.signedAt,
          },
        }
      : {}),
    problems,
    problemCount,
  };
}

/** An event's inclusion in the newest checkpoint: everything a third party needs to check it. */
export interface InclusionProof {
  eventId: string;
  seq: number;
  /** The event's canonical text: the leaf's data. */
  leafData: string;
  /** Zero-based: chain position - 1. */
  leafIndex: number;
  leafHash: string;
  /** RFC 6962 audit path, leaf side first, hex. */
  auditPath: string[];
  checkpoint: {
    treeSize: number;
    rootHash: string;
    chainHead: string;
    signedAt: string;
    keyId: string;
    signature: string;
  };
}

/** Thrown when a proof cannot be made: the event is unknown, not chained, or not yet in a checkpoint. */
export class NoProofError extends Error {
  override name = 'NoProofError';
}

/**
 * The audit path of one event (its `id`, or its `seq` given as a number) against the newest
 * checkpoint. Reads every leaf up to the checkpoint's size: O(n), for the command line.
 */
export async function proveInclusion(
  db: Queryable,
  event: string | number,
  pageSize = 5000,
): Promise<InclusionProof> {
  const [found] = rowsOf<{
    seq: number | string;
    id: string;
    canonical: string;
    position: number | string | null;
  }>(
    await db.execute(sql`
      select e.seq, e.id, "audit"."canonical"(e) as canonical, c.position
      from "audit"."events" e left join "audit"."chain" c on c.event_seq = e.seq
      where ${typeof event === 'number' ? sql`e.seq = ${event}` : sql`e.id = ${event}`}
      order by e.seq limit 1`),
  );
  if (!found) throw new NoProofError(`no audit event ${event}`);
  if (found.position === null) throw new NoProofError(`event ${found.id} is not chained yet: it is pending`);
  const position = Number(found.position);
  const [checkpoint] = await db
    .select()
    .from(auditCheckpoints)
    .orderBy(sql`${auditCheckpoints.treeSize} desc`)
    .limit(1);
  if (!checkpoint || checkpoint.treeSize < position) {
    throw new NoProofError(`event ${found.id} is chained but in no checkpoint yet`);
  }
  const leaves: Buffer[] = [];
  for await (const row of chainRows(db, pageSize)) {
    if (row.position > checkpoint.treeSize) break;
    if (row.position !== leaves.length + 1 || row.leaf === null) {
      throw new NoProofError(`the chain is broken at position ${leaves.length + 1}: run pnpm audit:verify`);
    }
    leaves.push(Buffer.from(row.leaf, 'hex'));
  }
  if (leaves.length !== checkpoint.treeSize) {
    throw new NoProofError(
      `the chain has ${leaves.length} entries, fewer than the checkpoint's ${checkpoint.treeSize}`,
    );
  }
  return {
    eventId: found.id,
    seq: Number(found.seq),
    leafData: found.canonical,
    leafIndex: position - 1,
    leafHash: leaves[position - 1]!.toString('hex'),
    auditPath: auditPath(position - 1, leaves).map((h) => h.toString('hex')),
    checkpoint: {
      treeSize: checkpoint.treeSize,
      rootHash: checkpoint.rootHash,
      chainHead: checkpoint.chainHead,
      signedAt: checkpoint.signedAt.toISOString(),
      keyId: checkpoint.keyId,
      signature: checkpoint.signature,
    },
  };
}

/** Checks a proof on its own: the leaf is its data's hash, the path leads to the root, the root is signed. */
export function verifyInclusionProof(
  proof: InclusionProof,
  keys: TrustedKeys,
): { ok: true } | { ok: false; reason: string } {
  const leaf = leafHash(proof.leafData);
  if (leaf.toString('hex') !== proof.leafHash)
    return { ok: false, reason: 'the leaf hash is not the hash of the event' };
  const c = proof.checkpoint;
  const body = {
    treeSize: c.treeSize,
    rootHash: c.rootHash,
    chainHead: c.chainHead,
    signedAt: new Date(c.signedAt),
  };
  if (!checkpointSignatureValid(keys, c.keyId, body, c.signature)) {
    return { ok: false, reason: `the checkpoint is not signed by a trusted key (key ${c.keyId})` };
  }
  const path = proof.auditPath.map((h) => Buffer.from(h, 'hex'));
  if (!verifyInclusion(proof.leafIndex, c.treeSize, leaf, path, Buffer.from(c.rootHash, 'hex'))) {
    return { ok: false, reason: 'the audit path does not lead to the checkpoint root' };
  }
  return { ok: true };
}
