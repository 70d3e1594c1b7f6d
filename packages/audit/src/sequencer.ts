/**
 * The audit sequencer: numbers appended events into the chain, folds them into the Merkle tree
 * and signs a checkpoint, in batches, off the request path (docs/RELIABILITY.md, "Audit").
 *
 * One round is one transaction:
 * 1. lock the one `audit.tree` row with FOR UPDATE SKIP LOCKED: the sequencer that gets it is the
 *    only one for the round; any other (every subgraph process runs one) finds no row and skips;
 * 2. if the tree is behind the chain (rows the 0003 migration moved from the old chain, or a
 *    tree folded from fewer positions), fold up to a batch of chained leaves into it; otherwise
 *    take up to a batch of `pending` events in append order, link each to the chain's head
 *    (`hash = sha256(prev_hash | canonical text)`), append them to `chain` at the next positions
 *    and delete them from `pending`;
 * 3. append the leaves (SHA-256(0x00 || canonical text)) to the stored frontier, O(batch · log n),
 *    store it, and insert a checkpoint of the new size signed with AUDIT_SIGNING_KEY.
 * A sequencer that dies anywhere in a round rolls the whole round back: its events stay pending
 * and the next round (of any sequencer) chains them. Events are never updated.
 *
 * The canonical text comes from the database (`audit.canonical`), so the sequencer, the chain the
 * old trigger made and `pnpm audit:verify` hash the very same bytes.
 */
import { desc, eq, sql } from 'drizzle-orm';
import { rowsOf, type Db, type Queryable } from '@reconnect/db';
import { createHash } from 'node:crypto';
import { appendLeaf, frontierLength, frontierRoot, leafHash, type Frontier } from './merkle.ts';
import { auditChain, auditCheckpoints, auditTree } from './schema.ts';
import type { AuditSigner } from './signing.ts';

export const GENESIS = 'genesis';

/** The chain link: what position n stores as its hash given position n-1's and the event's text. */
export function chainHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(`${prevHash}|${canonical}`, 'utf8').digest('hex');
}

export interface SequenceOptions {
  signer: AuditSigner;
  /** Events chained (or leaves folded) per round. */
  batchSize: number;
  /** When the checkpoint is signed. */
  now: Date;
}

export interface RoundResult {
  /** Another sequencer held the tree: nothing was done. */
  skipped: boolean;
  /** Pending events appended to the chain. */
  chained: number;
  /** Leaves folded into the tree (the chained ones and any the tree was behind by). */
  folded: number;
  /** The checkpoint signed, if the tree grew. */
  checkpoint?: { treeSize: number; rootHash: string };
}

/**
 * One round inside the caller's transaction `tx` (`AuditSequencer` opens it; a fault test may
 * throw after it to stand for a crash before commit).
 */
export async function sequenceRound(tx: Queryable, options: SequenceOptions): Promise<RoundResult> {
  const [tree] = await tx
    .select({ size: auditTree.size, frontier: auditTree.frontier })
    .from(auditTree)
    .where(eq(auditTree.id, 1))
    .for('update', { skipLocked: true });
  if (!tree) return { skipped: true, chained: 0, folded: 0 };
  if (tree.frontier.length !== frontierLength(tree.size)) {
    throw new Error(`audit.tree is corrupt: ${tree.frontier.length} frontier nodes for size ${tree.size}`);
  }
  const [head] = await tx
    .select({ position: auditChain.position, hash: auditChain.hash })
    .from(auditChain)
    .orderBy(desc(auditChain.position))
    .limit(1);
  const chainLength = head?.position ?? 0;
  if (tree.size > chainLength) {
    throw new Error(
      `audit.tree holds ${tree.size} leaves but the chain only ${chainLength}: run pnpm audit:verify`,
    );
  }

  let leaves: Buffer[];
  let newHead: string;
  let chained = 0;
  if (tree.size < chainLength) {
    const rows = rowsOf<{ position: number | string; hash: string; leaf: string | null }>(
      await tx.execute(sql`
        select c.position, c.hash,
               case when e.seq is null then null else "audit"."leaf_hash"(e) end as leaf
        from "audit"."chain" c left join "audit"."events" e on e.seq = c.event_seq
        where c.position > ${tree.size}
        order by c.position
        limit ${options.batchSize}`),
    );
    leaves = rows.map((r, i) => {
      if (Number(r.position) !== tree.size + i + 1 || r.leaf === null) {
        throw new Error(`audit chain position ${tree.size + i + 1} has no event: run pnpm audit:verify`);
      }
      return Buffer.from(r.leaf, 'hex');
    });
    newHead = rows.at(-1)!.hash;
  } else {
    const rows = rowsOf<{ seq: number | string; canonical: string }>(
      await tx.execute(sql`
        select p.event_seq as seq, "audit"."canonical"(e) as canonical
        from "audit"."pending" p join "audit"."events" e on e.seq = p.event_seq
        order by p.event_seq
        limit ${options.batchSize}`),
    );
    if (rows.length === 0) return { skipped: false, chained: 0, folded: 0 };
    let prev = head?.hash ?? GENESIS;
    const links = rows.map((r, i) => {
      const hash = chainHash(prev, r.canonical);
      const link = { position: chainLength + i + 1, eventSeq: Number(r.seq), prevHash: prev, hash };
      prev = hash;
      return link;
    });
    await tx.insert(auditChain).values(links);
    await tx.execute(sql`
      delete from "audit"."pending" p using "audit"."chain" c
      where c.event_seq = p.event_seq and c.position > ${chainLength}`);
    leaves = rows.map((r) => leafHash(r.canonical));
    newHead = prev;
    chained = rows.length;
  }

  let frontier: Frontier = { size: tree.size, nodes: tree.frontier.map((h) => Buffer.from(h, 'hex')) };
  for (const leaf of leaves) frontier = appendLeaf(frontier, leaf);
  const rootHash = frontierRoot(frontier).toString('hex');
  await tx
    .update(auditTree)
    .set({ size: frontier.size, frontier: frontier.nodes.map((n) => n.toString('hex')) })
    .where(eq(auditTree.id, 1));
  const body = { treeSize: frontier.size, rootHash, chainHead: newHead, signedAt: options.now };
  await tx.insert(auditCheckpoints).values({
    ...body,
    keyId: options.signer.keyId,
    signature: options.signer.sign(body),
  });
  return {
    skipped: false,
    chained,
    folded: leaves.length,
    checkpoint: { treeSize: frontier.size, rootHash },
  };
}

export interface SequencerLogger {
  error(object: object, message: string): void;
}

export interface AuditSequencerOptions {
  db: Db;
  signer: AuditSigner;
  clock?: { now(): Date };
  /** Events per round (default 500). */
  batchSize?: number;
  /** Pause between rounds when nothing was due (default 500 ms). */
  pollIntervalMs?: number;
  logger?: SequencerLogger;
}

/** Polls for pending events and sequences them; any number may run, one sequences at a time. */
export class AuditSequencer {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private started = false;

  constructor(private readonly options: AuditSequencerOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
  }

  /** Polls until `stop`. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule(0);
  }

  /** Stops polling and waits for the round in progress to commit or roll back. */
  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /**
   * Runs rounds until nothing is pending and the tree has every chained leaf (tests call this
   * rather than wait for a poll). When another sequencer holds the tree it waits for it. Returns
   * how many events this sequencer chained.
   */
  async drain(maxRounds = 1000): Promise<number> {
    let total = 0;
    for (let round = 0; round < maxRounds; round += 1) {
      if (!(await this.due())) return total;
      const result = await this.runOnce();
      total += result.chained;
      if (result.skipped) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`the audit sequencer did not drain in ${maxRounds} rounds`);
  }

  /** One round in its own transaction. */
  runOnce(): Promise<RoundResult> {
    const now = (this.options.clock ?? { now: () => new Date() }).now();
    return this.options.db.transaction((tx) =>
      sequenceRound(tx, { signer: this.options.signer, batchSize: this.batchSize, now }),
    );
  }

  /** One cheap statement, outside any transaction: is there anything to sequence? */
  async due(): Promise<boolean> {
    const [row] = rowsOf<{ due: boolean }>(
      await this.options.db.execute(sql`
        select exists (select 1 from "audit"."pending" p join "audit"."events" e on e.seq = p.event_seq)
            or (select size from "audit"."tree" where id = 1)
             < coalesce((select max(position) from "audit"."chain"), 0) as due`),
    );
    return row?.due === true;
  }

  private schedule(delayMs: number): void {
    if (!this.started) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = undefined;
      });
    }, delayMs);
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    let delay = this.pollIntervalMs;
    try {
      if (await this.due()) {
        const result = await this.runOnce();
        if (!result.skipped && result.folded === this.batchSize) delay = 0;
      }
    } catch (error) {
      this.options.logger?.error({ err: error }, 'audit sequencing round failed');
      // A broken chain or a lost database would fail every round: do not flood the log.
      delay = Math.max(this.pollIntervalMs, 5_000);
    }
    this.schedule(delay);
  }
}
