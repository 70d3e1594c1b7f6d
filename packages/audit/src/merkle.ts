/**
 * Merkle tree hashing as Certificate Transparency does it (RFC 6962 section 2.1, RFC 9162
 * section 2.1): leaves hash as SHA-256(0x00 || data), interior nodes as SHA-256(0x01 || left ||
 * right), and a tree of n leaves splits at the largest power of two below n. The 0x00/0x01
 * prefixes keep a leaf from being passed off as a node (second-preimage attacks).
 *
 * The sequencer keeps only the frontier, the roots of the tree's perfect subtrees (one per set bit
 * of its size, largest first), so appending a leaf costs O(log n) and the root is O(log n) from it.
 * Audit paths (inclusion proofs) are built from all leaves (`pnpm audit:verify --prove`) and
 * checked with the RFC 9162 algorithm. Pure functions: no database, no clock.
 */
import { createHash } from 'node:crypto';

export type Hash = Buffer;

const LEAF_PREFIX = Buffer.from([0]);
const NODE_PREFIX = Buffer.from([1]);

/** SHA-256(0x00 || data): a leaf's hash. */
export function leafHash(data: Buffer | string): Hash {
  return createHash('sha256')
    .update(LEAF_PREFIX)
    .update(typeof data === 'string' ? Buffer.from(data, 'utf8') : data)
    .digest();
}

/** SHA-256(0x01 || left || right): an interior node's hash. */
export function nodeHash(left: Hash, right: Hash): Hash {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** The hash of the empty tree: SHA-256 of nothing. */
export const EMPTY_ROOT: Hash = createHash('sha256').digest();

/** A tree known only by its size and frontier (the roots of its perfect subtrees, largest first). */
export interface Frontier {
  size: number;
  nodes: Hash[];
}

export const emptyFrontier = (): Frontier => ({ size: 0, nodes: [] });

/** Appends one leaf hash; returns the new frontier (the argument is not changed). */
export function appendLeaf(frontier: Frontier, leaf: Hash): Frontier {
  const nodes = [...frontier.nodes, leaf];
  // Each trailing 1 bit of the old size is a perfect subtree the new leaf completes a pair with.
  for (let s = frontier.size; s % 2 === 1; s = Math.floor(s / 2)) {
    const right = nodes.pop()!;
    const left = nodes.pop()!;
    nodes.push(nodeHash(left, right));
  }
  return { size: frontier.size + 1, nodes };
}

/** The Merkle tree hash of the tree the frontier stands for. */
export function frontierRoot(frontier: Frontier): Hash {
  if (frontier.nodes.length === 0) return EMPTY_ROOT;
  let root = frontier.nodes[frontier.nodes.length - 1]!;
  for (let i = frontier.nodes.length - 2; i >= 0; i -= 1) root = nodeHash(frontier.nodes[i]!, root);
  return root;
}

/** The number of frontier nodes a tree of `size` leaves has (its set bits): a check on stored state. */
export function frontierLength(size: number): number {
  let n = 0;
  for (let s = size; s > 0; s = Math.floor(s / 2)) n += s % 2;
  return n;
}

/** MTH(D[n]) of RFC 6962, for a list of leaf hashes. */
export function merkleRoot(leaves: readonly Hash[]): Hash {
  let frontier = emptyFrontier();
  for (const leaf of leaves) frontier = appendLeaf(frontier, leaf);
  return frontierRoot(frontier);
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** PATH(m, D[n]) of RFC 6962 section 2.1.1: the audit path of leaf `index` in the tree of `leaves`. */
export function auditPath(index: number, leaves: readonly Hash[]): Hash[] {
  if (!Number.isInteger(index) || index < 0 || index >= leaves.length) {
    throw new RangeError(`leaf ${index} is not in a tree of ${leaves.length}`);
  }
  const path: Hash[] = [];
  let lo = 0;
  let hi = leaves.length;
  let m = index;
  // Walk down from the root, collecting the sibling subtree's hash at each split (leaf side last).
  const siblings: Hash[] = [];
  while (hi - lo > 1) {
    const k = largestPowerOfTwoBelow(hi - lo);
    if (m < k) {
      siblings.push(merkleRoot(leaves.slice(lo + k, hi)));
      hi = lo + k;
    } else {
      siblings.push(merkleRoot(leaves.slice(lo, lo + k)));
      lo += k;
      m -= k;
    }
  }
  for (let i = siblings.length - 1; i >= 0; i -= 1) path.push(siblings[i]!);
  return path;
}

/**
 * RFC 9162 section 2.1.3.2: whether `path` proves that `leaf` is leaf `index` of the tree of
 * `size` leaves whose root is `root`.
 */
export function verifyInclusion(
  index: number,
  size: number,
  leaf: Hash,
  path: readonly Hash[],
  root: Hash,
): boolean {
  if (!Number.isInteger(index) || !Number.isInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}
