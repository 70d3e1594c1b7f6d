/** RFC 6962 Merkle hashing (merkle.ts) against the RFC's recursive definitions, for every small tree. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_ROOT,
  appendLeaf,
  auditPath,
  emptyFrontier,
  frontierRoot,
  leafHash,
  merkleRoot,
  nodeHash,
  verifyInclusion,
  type Hash,
} from '../src/merkle.ts';

/** MTH of RFC 6962 section 2.1, written as the RFC does. */
function mth(leaves: Hash[]): Hash {
  if (leaves.length === 0) return createHash('sha256').digest();
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

const leaves = (n: number) => Array.from({ length: n }, (_, i) => leafHash(`event ${i}`));

describe('Merkle tree hash', () => {
  it('hashes leaves and nodes with the 0x00 and 0x01 prefixes', () => {
    expect(leafHash('').toString('hex')).toBe(
      createHash('sha256')
        .update(Buffer.from([0]))
        .digest('hex'),
    );
    const [a, b] = leaves(2);
    expect(nodeHash(a!, b!)).toEqual(
      createHash('sha256')
        .update(Buffer.from([1]))
        .update(a!)
        .update(b!)
        .digest(),
    );
    expect(merkleRoot([])).toEqual(EMPTY_ROOT);
  });

  it('the frontier gives the RFC root at every size, one leaf at a time', () => {
    const all = leaves(70);
    let frontier = emptyFrontier();
    for (let n = 1; n <= all.length; n += 1) {
      frontier = appendLeaf(frontier, all[n - 1]!);
      expect(frontierRoot(frontier)).toEqual(mth(all.slice(0, n)));
    }
  });

  it('every audit path verifies, and fails for another leaf, index, root or path', () => {
    for (let size = 1; size <= 33; size += 1) {
      const tree = leaves(size);
      const root = mth(tree);
      for (let i = 0; i < size; i += 1) {
        const path = auditPath(i, tree);
        expect(verifyInclusion(i, size, tree[i]!, path, root), `${i} of ${size}`).toBe(true);
        expect(verifyInclusion(i, size, leafHash('other'), path, root)).toBe(false);
        if (size > 1) {
          expect(verifyInclusion((i + 1) % size, size, tree[i]!, path, root)).toBe(false);
          expect(verifyInclusion(i, size, tree[i]!, path, mth(tree.slice(0, size - 1)))).toBe(false);
        }
        // A path cut short or padded does not reach the root. (The size is not bound by the path
        // alone: a checkpoint signs its size together with its root, and verify uses that size.)
        if (path.length > 0) expect(verifyInclusion(i, size, tree[i]!, path.slice(1), root)).toBe(false);
        expect(verifyInclusion(i, size, tree[i]!, [...path, leafHash('extra')], root)).toBe(false);
      }
    }
  });
});
