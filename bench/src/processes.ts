/**
 * The hub as production runs it: each subgraph and each gateway in its own Node process
 * (scripts/run-subgraph.ts, scripts/run-gateway.ts) against the bench database, on loopback ports
 * (with `--instances`, several of each behind the round-robins of bench/src/round-robin-process.ts),
 * and what each process costs: CPU time (user + system, from /proc/<pid>/stat) and peak resident
 * memory (VmHWM from /proc/<pid>/status, reset before each variant through clear_refs where the
 * kernel allows it), plus the CPU of the PostgreSQL backends serving the bench database.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync, writeFileSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rowsOf, sql, type DbHandle } from '../../packages/db/src/index.ts';
import { SUBGRAPH_URL_VARS } from '../../packages/config/src/index.ts';
import { generateAuditSigningKey } from '../../packages/audit/src/index.ts';
import { InternalKeys } from '../../packages/auth/src/index.ts';
import { WebhookSecretKeyring } from '../../packages/events/src/index.ts';
import { ROUND_ROBIN_STATS_PATH } from './round-robin.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const SUBGRAPHS = Object.keys(SUBGRAPH_URL_VARS) as (keyof typeof SUBGRAPH_URL_VARS)[];

export interface HubProcess {
  name: string;
  pid: number;
  url: string;
  child: ChildProcess;
  log: string;
}

/** A free loopback port (the OS picks one; it is free again when this returns). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface SplitHubOptions {
  /** Every process is added here the moment it is spawned, so that a signal mid-start stops it too. */
  started: HubProcess[];
  databaseUrl: string;
  internalSecret: string;
  jwksFile: string;
  issuer: string;
  audience: string;
  logDir: string;
  /** DATABASE_POOL_SIZE of each subgraph process (default: the hub's, 10). */
  poolSize?: number;
}

/**
 * The key the subgraph processes' audit sequencers sign checkpoints with (production requires
 * one): made for this bench run, the same for every process, as a deployment has it. The
 * scale-out phase verifies the chain's checkpoints with it.
 */
export const AUDIT_SIGNING_KEY = generateAuditSigningKey();

/** Only what the processes need: nothing from the bench's own environment leaks into their config. */
function baseEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    AUDIT_SIGNING_KEY,
  };
}

/** WEBHOOK_SECRET_KEYS of the bench's referral processes (production requires one). */
const WEBHOOK_SECRET_KEYS = WebhookSecretKeyring.generateEntry('bench');

/** The name of the `instance`-th process of a kind: the first keeps the plain name, as before. */
export function instanceName(name: string, instance = 1): string {
  return instance === 1 ? name : `${name}-${instance}`;
}

function startProcess(name: string, script: string, args: string[], env: NodeJS.ProcessEnv, log: string) {
  const fd = openSync(log, 'a');
  // Node itself with tsx as a loader (not the tsx CLI, which would put a second process in between):
  // the pid measured is the server's.
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, script), ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  if (child.pid === undefined) throw new Error(`${name} did not start`);
  return child;
}

async function waitFor(what: string, check: () => Promise<boolean>, child: ChildProcess, log: string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`${what} exited with ${child.exitCode}:\n${tail(log)}`);
    }
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} was not ready within 90 s:\n${tail(log)}`);
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '(no log)';
  }
}

export interface SubgraphProcesses {
  processes: HubProcess[];
  urls: Record<string, string>;
}

export interface SubgraphLayout {
  /** Which instance of each subgraph this set is (1, 2, ...): in its process names and logs. */
  instance?: number;
  /** The ports to listen on, by subgraph (default: free ones). */
  ports?: Record<string, number>;
  /**
   * Where these processes call the other subgraphs on a caller's behalf (default: each other, as
   * in production with one instance; with several, the round-robin of each subgraph).
   */
  peerUrls?: Record<string, string>;
}

/** The four subgraphs, each calling the others directly (as in production), or as `layout` says. */
export async function startSubgraphs(
  options: SplitHubOptions,
  layout: SubgraphLayout = {},
): Promise<SubgraphProcesses> {
  const ports =
    layout.ports ?? Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (s) => [s, await freePort()])));
  const urls = Object.fromEntries(SUBGRAPHS.map((s) => [s, `http://127.0.0.1:${ports[s]}/graphql`]));
  const peers = layout.peerUrls ?? urls;
  const urlEnv = Object.fromEntries(SUBGRAPHS.map((s) => [SUBGRAPH_URL_VARS[s], peers[s]]));
  const processes: HubProcess[] = [];
  try {
    for (const subgraph of SUBGRAPHS) {
      const name = instanceName(subgraph, layout.instance);
      const log = join(options.logDir, `${name}.log`);
      const child = startProcess(
        name,
        'scripts/run-subgraph.ts',
        [subgraph],
        {
          ...baseEnv(),
          // As in production: a subgraph holds its own internal token keys, never the secret.
          INTERNAL_TOKEN_KEYS: InternalKeys.forProcess(options.internalSecret, subgraph).serialize(),
          ...(subgraph === 'referral' ? { WEBHOOK_SECRET_KEYS } : {}),
          ...urlEnv,
          DATABASE_URL: options.databaseUrl,
          PORT: String(ports[subgraph]),
          ...(options.poolSize ? { DATABASE_POOL_SIZE: String(options.poolSize) } : {}),
        },
        log,
      );
      const started: HubProcess = { name, pid: child.pid!, url: urls[subgraph]!, child, log };
      processes.push(started);
      options.started.push(started);
    }
    for (const p of processes) {
      await waitFor(p.name, async () => (await fetch(new URL('/health', p.url))).ok, p.child, p.log);
    }
    return { processes, urls };
  } catch (error) {
    await stopProcesses(processes);
    forget(options.started, processes);
    throw error;
  }
}

/**
 * The round-robins of a scaled-out hub (bench/src/round-robin.ts), every listener in one process
 * named `round-robin`: each on its port, passing requests to its upstreams in turn.
 */
export async function startRoundRobins(
  options: SplitHubOptions,
  listeners: { port: number; upstreams: string[] }[],
): Promise<HubProcess> {
  const log = join(options.logDir, 'round-robin.log');
  const child = startProcess(
    'round-robin',
    'bench/src/round-robin-process.ts',
    listeners.map((l) => `${l.port}=${l.upstreams.join(',')}`),
    { PATH: process.env.PATH, HOME: process.env.HOME },
    log,
  );
  const url = `http://127.0.0.1:${listeners[0]!.port}`;
  const started: HubProcess = { name: 'round-robin', pid: child.pid!, url, child, log };
  options.started.push(started);
  try {
    for (const l of listeners) {
      const stats = new URL(ROUND_ROBIN_STATS_PATH, `http://127.0.0.1:${l.port}`);
      await waitFor('round-robin', async () => (await fetch(stats)).ok, child, log);
    }
  } catch (error) {
    await stopProcesses([started]);
    forget(options.started, [started]);
    throw error;
  }
  return started;
}

function forget(started: HubProcess[], stopped: HubProcess[]): void {
  for (const p of stopped) {
    const i = started.indexOf(p);
    if (i >= 0) started.splice(i, 1);
  }
}

/**
 * A gateway process in front of the subgraphs. `engine` is passed as GATEWAY_ENGINE (unset for
 * the hub's own Apollo gateway); `ready` is asked until it answers true.
 */
export async function startGateway(
  options: SplitHubOptions,
  subgraphUrls: Record<string, string>,
  engine: string,
  ready: (url: string) => Promise<boolean>,
  layout: { instance?: number; port?: number } = {},
): Promise<HubProcess> {
  const port = layout.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}/graphql`;
  const name = instanceName(`gateway-${engine}`, layout.instance);
  const log = join(options.logDir, `${name}.log`);
  const urlEnv = Object.fromEntries(SUBGRAPHS.map((s) => [SUBGRAPH_URL_VARS[s], subgraphUrls[s]]));
  const child = startProcess(
    name,
    'scripts/run-gateway.ts',
    [],
    {
      ...baseEnv(),
      INTERNAL_TOKEN_SECRET: options.internalSecret,
      ...urlEnv,
      ...(engine === 'apollo' ? {} : { GATEWAY_ENGINE: engine }),
      PORT: String(port),
      AUTH_JWKS_FILE: options.jwksFile,
      AUTH_ISSUER: options.issuer,
      AUTH_AUDIENCE: options.audience,
      SUBGRAPH_TIMEOUT_MS: '60000',
      // The benchmark's one token stands for every connection's user: the per-caller cap on
      // requests in flight (default 8) would refuse the connections past it. Lifted here only.
      GATEWAY_MAX_IN_FLIGHT_PER_CALLER: '10000',
    },
    log,
  );
  const gateway: HubProcess = { name, pid: child.pid!, url, child, log };
  options.started.push(gateway);
  try {
    await waitFor(gateway.name, () => ready(url), child, log);
  } catch (error) {
    await stopProcesses([gateway]);
    forget(options.started, [gateway]);
    throw error;
  }
  return gateway;
}

/** SIGTERM, then SIGKILL after 10 s, for each process this benchmark started. */
export async function stopProcesses(processes: HubProcess[]): Promise<void> {
  await Promise.all(
    processes.map(
      (p) =>
        new Promise<void>((resolve) => {
          if (p.child.exitCode !== null || p.child.signalCode !== null) return resolve();
          const timer = setTimeout(() => p.child.kill('SIGKILL'), 10_000);
          p.child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          p.child.kill('SIGTERM');
        }),
    ),
  );
}

let clockTicks: number | undefined;
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** User + system CPU time of a process, in milliseconds; undefined when it is gone. */
export function cpuMsOf(pid: number | 'self'): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond();
  } catch {
    return undefined;
  }
}

/** Peak resident set size (VmHWM) in MiB. */
export function peakRssMbOf(pid: number | 'self'): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Resets VmHWM to the current RSS (Linux 4.0+); false where the kernel or permissions refuse. */
export function resetPeakRss(pid: number | 'self'): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

export interface ProcessUsage {
  /** CPU milliseconds per process during the variant (postgres: its backends for this database). */
  cpuMs: Record<string, number>;
  /** Peak RSS (MiB) per process during the variant, or over the process's life where it could not be reset. */
  peakRssMb: Record<string, number>;
  peakIsPerVariant: boolean;
}

/** Measures CPU and peak memory of the hub processes, this process and the database backends. */
export class UsageMeter {
  private cpuBefore = new Map<string, number>();
  private pgBefore = new Map<number, number>();
  private resetOk = true;

  constructor(
    private readonly processes: () => HubProcess[],
    private readonly handle: DbHandle,
    private readonly database: string,
  ) {}

  private async backendPids(): Promise<number[]> {
    const rows = rowsOf<{ pid: number }>(
      await this.handle.db.execute(
        sql`select pid from pg_stat_activity where datname = ${this.database} and pid <> pg_backend_pid()`,
      ),
    );
    return rows.map((r) => Number(r.pid));
  }

  private named(): { name: string; pid: number | 'self' }[] {
    return [...this.processes().map((p) => ({ name: p.name, pid: p.pid })), { name: 'bench', pid: 'self' }];
  }

  async start(): Promise<void> {
    this.cpuBefore.clear();
    for (const p of this.named()) {
      this.cpuBefore.set(p.name, cpuMsOf(p.pid) ?? 0);
      this.resetOk = resetPeakRss(p.pid) && this.resetOk;
    }
    this.pgBefore.clear();
    for (const pid of await this.backendPids()) this.pgBefore.set(pid, cpuMsOf(pid) ?? 0);
  }

  async stop(): Promise<ProcessUsage> {
    const cpuMs: Record<string, number> = {};
    const peakRssMb: Record<string, number> = {};
    for (const p of this.named()) {
      cpuMs[p.name] = (cpuMsOf(p.pid) ?? 0) - (this.cpuBefore.get(p.name) ?? 0);
      peakRssMb[p.name] = peakRssMbOf(p.pid) ?? 0;
    }
    let pg = 0;
    for (const pid of await this.backendPids()) pg += (cpuMsOf(pid) ?? 0) - (this.pgBefore.get(pid) ?? 0);
    cpuMs.postgres = pg;
    return { cpuMs, peakRssMb, peakIsPerVariant: this.resetOk };
  }
}
