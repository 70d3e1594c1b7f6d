/**
 * Helpers for the tests of the command-line scripts: run a script the way `pnpm` does (tsx, from
 * the repository root) with an environment free of the developer's own hub settings, and find free
 * ports for a hub that needs five in a row.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { ROOT } from '../lib/runtime.ts';

/** Every variable the hub's configuration reads: a test sets what it needs and inherits none. */
const HUB_VARIABLES = [
  'NODE_ENV',
  'LOG_LEVEL',
  'DATABASE_URL',
  'DATABASE_ROLES',
  'REGIONAL_SERVICE_DATABASE_PASSWORD',
  'PERSON_DATABASE_PASSWORD',
  'REFERRAL_DATABASE_PASSWORD',
  'PARTNER_DATABASE_PASSWORD',
  'DATA_DIR',
  'INTERNAL_TOKEN_SECRET',
  'HUB_TODAY',
  'PORT',
  'HOST',
  'AUTH_JWKS_FILE',
  'AUTH_JWKS_URL',
  'AUTH_ISSUER',
  'AUTH_AUDIENCE',
  'SUBGRAPH_TIMEOUT_MS',
  'GATEWAY_MAX_IN_FLIGHT_PER_CALLER',
  'GATEWAY_MAX_RESPONSE_BYTES',
  'REGIONAL_SERVICE_URL',
  'PERSON_URL',
  'REFERRAL_URL',
  'PARTNER_URL',
  'SEED_DEMO',
  'GATEWAY_URL',
  'HMPPS_EVENTS_AMQP_URL',
  'HMPPS_EVENTS_CLIENT_ID',
  'HMPPS_EVENTS_TOKEN_URL',
  'HMPPS_EVENTS_CLIENT_SECRET',
  'PRISONER_SEARCH_URL',
  'PRISONER_SEARCH_TOKEN_URL',
  'PRISONER_SEARCH_CLIENT_ID',
  'PRISONER_SEARCH_CLIENT_SECRET',
  'AUDIT_SIGNING_KEY',
  'INTERNAL_TOKEN_KEYS',
  'WEBHOOK_SECRET_KEYS',
  'WEBHOOK_DNS_SERVERS',
  'WEBHOOK_MAX_SUBSCRIPTIONS_PER_ORGANISATION',
  'OUTBOX_RETENTION_DAYS',
  'METRICS_INTERFACE',
  'METRICS_TOKEN',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'CONSOLE_PORT',
  'DATABASE_POOL_SIZE',
  'GATEWAY_ENGINE',
  'RETENTION_YEARS',
  'SESSION_SECRET',
  'CONSOLE_URL',
  'OIDC_ISSUER_URL',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'OIDC_SCOPES',
  'BARS_FHIR_PORT',
  'BARS_SENDERS',
  'BARS_FHIR_BASE_URL',
  'HMPPS_EVENTS_PORT',
  'HMPPS_EVENTS_CONCURRENCY',
  'HMPPS_EVENTS_RETRY_FOR_MS',
];

export function scriptEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of HUB_VARIABLES) delete env[name];
  return { ...env, ...settings };
}

/** Starts `scripts/<script>` under tsx, as `pnpm <script>` would. */
export function spawnScript(script: string, args: string[], env: Record<string, string>): ChildProcess {
  // Node itself with tsx's loader, not the tsx CLI: the CLI relays a signal only once its child
  // answers that it has a handler, and a busy child (a loaded machine) may answer too late, so the
  // CLI kills it with the signal (exit 143) instead of letting it shut down cleanly.
  return spawn(process.execPath, ['--import', 'tsx', join('scripts', script), ...args], {
    cwd: ROOT,
    env: scriptEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a script to completion. */
export function runScript(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<ScriptResult> {
  return new Promise((done, fail) => {
    const child = spawnScript(script, args, env);
    const out = collect(child);
    child.on('error', fail);
    child.on('close', (code) => done({ code, ...out() }));
  });
}

/** Collects a child's output; the returned function reads what has arrived so far. */
export function collect(child: ChildProcess): () => { stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return () => ({ stdout, stderr });
}

function listenOn(port: number): Promise<Server | undefined> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(undefined));
    server.listen(port, '127.0.0.1', () => done(server));
  });
}

const close = (server: Server) => new Promise<void>((done) => server.close(() => done()));

/** A port P such that P..P+count-1 are free now (the embedded hub uses PORT..PORT+4). */
export async function freePortBlock(count = 5): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const first = await listenOn(0);
    if (!first) continue;
    const base = (first.address() as { port: number }).port;
    const held = [first];
    let free = base + count - 1 <= 65535;
    for (let i = 1; free && i < count; i += 1) {
      const next = await listenOn(base + i);
      if (next) held.push(next);
      else free = false;
    }
    await Promise.all(held.map(close));
    if (free) return base;
  }
  throw new Error(`no block of ${count} free ports found`);
}

const READY_WITHIN_MS = 120_000;
const STOP_WITHIN_MS = 20_000;

/** `pnpm start` running in a child process. */
export interface RunningHub {
  child: ChildProcess;
  output: () => { stdout: string; stderr: string };
  exited: Promise<number | null>;
}

export function startHub(env: Record<string, string>): RunningHub {
  const child = spawnScript('start.ts', [], env);
  const output = collect(child);
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, output, exited };
}

/** Until the gateway on `port` is ready and the banner is printed (everything has started). */
export async function waitUntilReady(hub: RunningHub, port: number): Promise<void> {
  let exitCode: number | null | undefined;
  void hub.exited.then((code) => (exitCode = code));
  const deadline = Date.now() + READY_WITHIN_MS;
  while (Date.now() < deadline) {
    if (exitCode !== undefined)
      throw new Error(
        `pnpm start exited with ${exitCode} before it was ready:\n${hub.output().stderr}${hub.output().stdout}`,
      );
    try {
      const response = await fetch(`http://127.0.0.1:${port}/ready`);
      if (response.status === 200 && hub.output().stdout.includes('Stop with Ctrl-C.')) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `pnpm start was not ready within ${READY_WITHIN_MS} ms:\n${hub.output().stderr}${hub.output().stdout}`,
  );
}

/** SIGTERM, and the exit code (throws when it does not stop in time). */
export async function stopHub(hub: RunningHub): Promise<number | null> {
  hub.child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), STOP_WITHIN_MS).unref());
  const result = await Promise.race([hub.exited, timeout]);
  if (result === 'timeout') {
    hub.child.kill('SIGKILL');
    throw new Error(
      `pnpm start did not stop within ${STOP_WITHIN_MS} ms of SIGTERM:\n${hub.output().stderr}`,
    );
  }
  return result;
}
