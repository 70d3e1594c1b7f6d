/**
 * The gateway's query plan as the subgraphs saw it: the fetches one operation makes, and which of
 * them waited for which. A fetch depends on another when, in every recorded run, it started only
 * after the other had answered; fetches of one parallel step start together, before any of them
 * answers. The critical path is the longest chain of dependent fetches, weighted by each fetch's
 * own latency when called directly: what the operation would cost with a gateway that took no time.
 * (Nested plans can make this an over-estimate, never an under-estimate, of the true critical path:
 * a fetch that always finishes before an unrelated one starts is counted as its predecessor.)
 */
import type { RecordedFetch } from './proxy.ts';

export interface PlanFetch {
  /** `<order>-<subgraph>`, e.g. `1-referral`, `2-person`. */
  key: string;
  subgraph: string;
  query: string;
  /** The variables of the first recorded run (what the direct replay sends). */
  variables: Record<string, unknown>;
  dependsOn: string[];
}

/** The fetches the gateway made (not subgraph-to-subgraph calls), ordered by start, with identities. */
function gatewayFetches(run: RecordedFetch[]): { id: string; fetch: RecordedFetch }[] {
  const seen = new Map<string, number>();
  return run
    .filter((f) => f.caller === 'gateway')
    .sort((a, b) => a.startedAt - b.startedAt)
    .map((fetch) => {
      const base = `${fetch.subgraph}\n${fetch.query}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return { id: `${base}\n${n}`, fetch };
    });
}

export function planOf(runs: RecordedFetch[][]): PlanFetch[] {
  if (runs.length === 0) throw new Error('no recorded runs');
  const identified = runs.map(gatewayFetches);
  const first = identified[0]!;
  const ids = first.map((f) => f.id);
  for (const run of identified) {
    const other = run.map((f) => f.id);
    if (other.length !== ids.length || other.some((id) => !ids.includes(id))) {
      throw new Error('the gateway made different fetches for the same operation in two runs');
    }
  }
  const keyOf = new Map(first.map((f, i) => [f.id, `${i + 1}-${f.fetch.subgraph}`]));
  return first.map(({ id, fetch }) => ({
    key: keyOf.get(id)!,
    subgraph: fetch.subgraph,
    query: fetch.query,
    variables: fetch.variables,
    dependsOn: ids
      .filter((other) => other !== id)
      .filter((other) =>
        identified.every((run) => {
          const me = run.find((f) => f.id === id)!.fetch;
          const them = run.find((f) => f.id === other)!.fetch;
          return me.startedAt >= them.endedAt;
        }),
      )
      .map((other) => keyOf.get(other)!),
  }));
}

export interface CriticalPath {
  ms: number;
  path: string[];
}

/** The heaviest chain of dependent fetches under `weight` (ms per fetch key). */
export function criticalPath(plan: PlanFetch[], weight: (key: string) => number): CriticalPath {
  const best = new Map<string, CriticalPath>();
  // Plan order is start order, so every fetch comes after the ones it depends on.
  for (const step of plan) {
    let before: CriticalPath = { ms: 0, path: [] };
    for (const dep of step.dependsOn) {
      const candidate = best.get(dep);
      if (candidate && candidate.ms > before.ms) before = candidate;
    }
    best.set(step.key, { ms: before.ms + weight(step.key), path: [...before.path, step.key] });
  }
  let result: CriticalPath = { ms: 0, path: [] };
  for (const candidate of best.values()) if (candidate.ms > result.ms) result = candidate;
  return result;
}
