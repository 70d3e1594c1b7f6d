/**
 * What every subgraph's per-request loaders share: putting a batch's rows back in the order of its
 * keys (DataLoader's contract), and a per-request memo for batches that are not plain table reads
 * (a service decision gathered for every parent of a fetch at once).
 */

/** The row of each key, or null: for loaders of one row per key. */
export function byKey<K, T>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): (T | null)[] {
  const map = new Map<K, T>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((k) => map.get(k) ?? null);
}

/** The rows of each key, in the rows' order: for loaders of many rows per key. */
export function groupBy<K, T>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): T[][] {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

const memos = new WeakMap<object, Map<symbol, unknown>>();

/**
 * One value per request and key, made on first use: `request` is the request's context, so the
 * value lives exactly as long as the request (a loader that closes over the caller must never
 * outlive it, nor be shared with another request).
 */
export function perRequest<T>(request: object, key: symbol, create: () => T): T {
  let memo = memos.get(request);
  if (!memo) memos.set(request, (memo = new Map()));
  if (!memo.has(key)) memo.set(key, create());
  return memo.get(key) as T;
}
