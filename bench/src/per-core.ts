/**
 * Throughput per core (issue 14, item 5), in two senses, both in docs/PERFORMANCE.md:
 *
 * - per core of the machine: requests per second over the cores the machine has
 *   (`os.availableParallelism()`, or the count of CPUs an older result recorded). On a machine the
 *   hub shares with its load generator and PostgreSQL this is what the whole machine gave, split
 *   evenly; it does not grow with more processes once the cores are busy.
 * - per core the hub used: requests over the CPU seconds of the processes that served them (the
 *   gateways, the subgraphs and the PostgreSQL backends of the run's database; not the load
 *   generator, nor the loopback round-robins, which stand for a load balancer outside the hub).
 *   `coresBusy` is those CPU seconds per wall second: how many cores the hub kept busy.
 */
import { round } from './stats.ts';

/** Processes measured beside the hub that are not the hub: the load generator, the round-robins. */
const NOT_SERVING = new Set(['bench', 'round-robin']);

export interface PerCore {
  /** The machine's cores the figure is divided by. */
  cores: number;
  /** Requests per second per core of the machine. */
  rpsPerCore: number;
  /** CPU milliseconds the serving processes spent per request; undefined when not measured. */
  servingCpuMsPerRequest?: number;
  /** CPU seconds of the serving processes per wall second. */
  coresBusy?: number;
  /** Requests per CPU second of the serving processes (1000 / servingCpuMsPerRequest). */
  requestsPerCpuSecond?: number;
}

/** The CPU milliseconds of the serving processes, from per-process figures (per request or in all). */
export function servingCpuMs(byProcess: Record<string, number> | undefined): number | undefined {
  if (!byProcess) return undefined;
  const serving = Object.entries(byProcess).filter(([name]) => !NOT_SERVING.has(name));
  if (serving.length === 0) return undefined;
  return serving.reduce((sum, [, ms]) => sum + ms, 0);
}

/**
 * The per-core figures of a measurement: `rps` requests per second on a machine of `cores`, whose
 * serving processes spent `cpuMsPerRequest` (by process) on each request.
 */
export function perCore(rps: number, cores: number, cpuMsPerRequest?: Record<string, number>): PerCore {
  const result: PerCore = { cores, rpsPerCore: cores > 0 ? rps / cores : 0 };
  const cpuMs = servingCpuMs(cpuMsPerRequest);
  if (cpuMs !== undefined && cpuMs > 0) {
    result.servingCpuMsPerRequest = cpuMs;
    result.coresBusy = (rps * cpuMs) / 1000;
    result.requestsPerCpuSecond = 1000 / cpuMs;
  }
  return result;
}

/** The same figures rounded for a result file (three significant digits, stats.ts's `round`). */
export function roundedPerCore(p: PerCore): PerCore {
  const out: PerCore = { cores: p.cores, rpsPerCore: round(p.rpsPerCore) };
  if (p.servingCpuMsPerRequest !== undefined) out.servingCpuMsPerRequest = round(p.servingCpuMsPerRequest);
  if (p.coresBusy !== undefined) out.coresBusy = round(p.coresBusy);
  if (p.requestsPerCpuSecond !== undefined) out.requestsPerCpuSecond = round(p.requestsPerCpuSecond);
  return out;
}
