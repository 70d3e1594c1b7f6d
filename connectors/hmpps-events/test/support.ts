/**
 * Test support for the HMPPS events connector against the real broker (TEST_AMQP_URL):
 *
 * - a vhost of its own per test file (vitest runs files in parallel), made and removed with
 *   `rabbitmqctl`, so every file has fresh queues under the contract's names;
 * - a TCP proxy between the connector and a server (the broker, the gateway) that a test cuts and
 *   restores: "the broker restarted" or "the hub down" for this file's connector alone, never for
 *   other files sharing the server;
 * - the two systems outside the hub that cannot run here, played by local HTTP servers that behave
 *   like them: HMPPS Prisoner Search (`GET /prisoner/{prisonNumber}`, bearer token checked) with
 *   HMPPS Auth's client-credentials token endpoint, and the hub's identity provider issuing the
 *   connector's HMPPS_EVENTS token (signed with the key the test hub trusts);
 * - seeds (a person with a prison number and a referral in a given state) and waiting for a
 *   message to be settled by the connector, without sleeping.
 */
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { promisify } from 'node:util';
import { signCallerToken } from '@reconnect/auth';
import { loadConfig, testEnv } from '@reconnect/config';
import {
  randomPrisonNumber,
  seedGrant,
  seedPerson,
  seedReferral,
  type TestHub,
} from '@reconnect/hub/testing';
import { pino } from 'pino';
import type { Settled } from '../src/connector.ts';

const run = promisify(execFile);
const env = loadConfig(testEnv);
export const AMQP_URL = env.TEST_AMQP_URL;
/** In CI a missing broker is a failure, never a silent skip. */
export const mustRun = Boolean(env.CI);
export const SKIP_MESSAGE =
  'HMPPS events broker tests skipped: set TEST_AMQP_URL=amqp://guest:guest@127.0.0.1:5672 (a RabbitMQ server; rabbitmqctl on this machine)';
/** Broker test files: `describe.skipIf(!brokerTests)`, after `announceSkip()`. */
export const brokerTests = Boolean(AMQP_URL) || mustRun;
/** The one line a skipped broker test file prints. */
export function announceSkip(): void {
  if (!brokerTests) console.log(SKIP_MESSAGE);
}

export const logger = pino({ name: 'hmpps-events-test', level: env.LOG_LEVEL });

/** A vhost of this test file's own on the broker, with rights for the URL's user; `remove()` deletes it. */
export async function createVhost(
  label: string,
): Promise<{ name: string; url: string; remove(): Promise<void> }> {
  if (!AMQP_URL) throw new Error(`${SKIP_MESSAGE}; CI is set, so this fails instead`);
  const base = new URL(AMQP_URL);
  const name = `reconnect-test-${label}-${randomBytes(4).toString('hex')}`;
  await run('rabbitmqctl', ['add_vhost', name]);
  await run('rabbitmqctl', [
    'set_permissions',
    '-p',
    name,
    decodeURIComponent(base.username) || 'guest',
    '.*',
    '.*',
    '.*',
  ]);
  const url = new URL(AMQP_URL);
  url.pathname = `/${encodeURIComponent(name)}`;
  return {
    name,
    url: url.href,
    async remove() {
      await run('rabbitmqctl', ['delete_vhost', name]);
    },
  };
}

/** What the broker does when it shuts down: closes every connection of the vhost (320 CONNECTION_FORCED). */
export async function closeConnectionsOf(vhost: string): Promise<void> {
  await run('rabbitmqctl', ['close_all_connections', '-p', vhost, 'broker restart (test)']);
}

/** A TCP proxy on a free port to `target`; `cut()` drops every connection and refuses new ones until `restore()`. */
export async function tcpProxy(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  let server: TcpServer | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createTcpServer((client) => {
        const upstream = connect(target.port, target.host);
        sockets.add(client).add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
        client.pipe(upstream);
        upstream.pipe(client);
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as { port: number }).port;
        server = s;
        resolve();
      });
    });
  await listen();
  return {
    get port() {
      return port;
    },
    async cut() {
      const s = server;
      server = undefined;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      await new Promise<void>((resolve) => (s ? s.close(() => resolve()) : resolve()));
    },
    restore: listen,
    async close() {
      await this.cut();
    },
  };
}

/** `url` with its host and port replaced by the proxy's. */
export function through(url: string, proxyPort: number): string {
  const u = new URL(url);
  u.hostname = '127.0.0.1';
  u.port = String(proxyPort);
  return u.href;
}

async function listening(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return new URLSearchParams(text);
}

/** Client id and secret from HTTP Basic (client_secret_basic) or the form (client_secret_post). */
function clientOf(req: IncomingMessage, form: URLSearchParams): { id: string; secret: string } | null {
  const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
  if (basic) {
    const [id, secret] = Buffer.from(basic[1]!, 'base64').toString().split(':');
    return { id: decodeURIComponent(id ?? ''), secret: decodeURIComponent(secret ?? '') };
  }
  const id = form.get('client_id');
  return id ? { id, secret: form.get('client_secret') ?? '' } : null;
}

/**
 * HMPPS Prisoner Search with HMPPS Auth beside it. `POST /auth/oauth/token` grants client
 * credentials to the one client it knows (an opaque token, 20 minutes); `GET /prisoner/{number}`
 * answers 401 without that token, 404 for a prison number it does not hold, and otherwise the
 * prisoner's record, of which the connector reads `confirmedReleaseDate` and `releaseDate`.
 */
export async function prisonerSearchStandIn() {
  const client = { id: 'reconnect-hub-prisoner-search', secret: randomBytes(16).toString('hex') };
  const tokens = new Set<string>();
  const prisoners = new Map<string, Record<string, unknown>>();
  const counts = { tokens: 0, lookups: 0, refused: 0 };
  const http = await listening((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method === 'POST' && url.pathname === '/auth/oauth/token') {
        const form = await formOf(req);
        const caller = clientOf(req, form);
        if (form.get('grant_type') !== 'client_credentials')
          return json(res, 400, { error: 'unsupported_grant_type' });
        if (caller?.id !== client.id || caller.secret !== client.secret)
          return json(res, 401, { error: 'invalid_client' });
        const token = randomUUID();
        tokens.add(token);
        counts.tokens++;
        return json(res, 200, { access_token: token, token_type: 'bearer', expires_in: 1200 });
      }
      const match = /^\/prisoner\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'GET' && match) {
        const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
        if (!bearer || !tokens.has(bearer)) {
          counts.refused++;
          return json(res, 401, { status: 401, userMessage: 'Authentication failure' });
        }
        counts.lookups++;
        const prisoner = prisoners.get(decodeURIComponent(match[1]!));
        if (!prisoner) return json(res, 404, { status: 404, userMessage: 'Prisoner not found' });
        return json(res, 200, prisoner);
      }
      json(res, 404, { status: 404 });
    })();
  });
  return {
    url: http.url,
    tokenUrl: `${http.url}/auth/oauth/token`,
    client,
    counts,
    /** Records a prisoner as Prisoner Search returns it (a subset of its fields). */
    hold(prisonNumber: string, dates: { confirmedReleaseDate?: string | null; releaseDate?: string | null }) {
      prisoners.set(prisonNumber, {
        prisonerNumber: prisonNumber,
        status: 'ACTIVE IN',
        prisonId: 'MRI',
        sentenceStartDate: '2026-01-10',
        ...dates,
      });
    },
    close: http.close,
  };
}

/**
 * The hub's identity provider: a client-credentials token endpoint that issues the connector's
 * token (role HMPPS_EVENTS, `sub` = its client id) signed with the key the test hub trusts.
 */
export async function identityProviderStandIn(hub: TestHub, issuer: string, audience: string) {
  const client = { id: 'hmpps-events-connector', secret: randomBytes(16).toString('hex') };
  const counts = { tokens: 0 };
  const http = await listening((req, res) => {
    void (async () => {
      const form = await formOf(req);
      const caller = clientOf(req, form);
      if (req.method !== 'POST' || form.get('grant_type') !== 'client_credentials') {
        return json(res, 400, { error: 'unsupported_grant_type' });
      }
      if (caller?.id !== client.id || caller.secret !== client.secret)
        return json(res, 401, { error: 'invalid_client' });
      counts.tokens++;
      const token = await signCallerToken(hub.signingKey, {
        roles: ['HMPPS_EVENTS'],
        sub: client.id,
        issuer,
        audience,
        expiresIn: 600,
      });
      json(res, 200, { access_token: token, token_type: 'Bearer', expires_in: 600 });
    })();
  });
  return { tokenUrl: `${http.url}/oauth/token`, client, counts, close: http.close };
}

/** Waits for the connector to settle messages: `settled(id)` resolves when message `id` is done with. */
export function settlements() {
  const done = new Map<string, Settled[]>();
  const waiting = new Map<string, ((s: Settled) => void)[]>();
  const all: Settled[] = [];
  return {
    all,
    onSettled(s: Settled) {
      all.push(s);
      if (!s.messageId) return;
      done.set(s.messageId, [...(done.get(s.messageId) ?? []), s]);
      for (const resolve of waiting.get(s.messageId) ?? []) resolve(s);
      waiting.delete(s.messageId);
    },
    /** The `n`th settlement of message `id` (1: the first). */
    settled(id: string, n = 1): Promise<Settled> {
      const seen = done.get(id) ?? [];
      if (seen.length >= n) return Promise.resolve(seen[n - 1]!);
      return new Promise((resolve) => {
        const check = () => {
          const now = done.get(id) ?? [];
          if (now.length >= n) resolve(now[n - 1]!);
          else waiting.set(id, [...(waiting.get(id) ?? []), check]);
        };
        waiting.set(id, [...(waiting.get(id) ?? []), check]);
      });
    },
    of(id: string): Settled[] {
      return done.get(id) ?? [];
    },
  };
}

/** A person with a prison number and a referral in `status` (RC-NW owns it, PROB-NW referred it). */
export async function seedCase(
  hub: TestHub,
  status: 'SUBMITTED' | 'PRE_RELEASE' | 'POST_RELEASE',
  extra: Record<string, unknown> = {},
) {
  const db = hub.database.handle.db;
  const person = await seedPerson(db, { prisonNumber: randomPrisonNumber() });
  const states = {
    SUBMITTED: { status: 'SUBMITTED' as const },
    PRE_RELEASE: {
      status: 'PRE_RELEASE' as const,
      consentDecision: 'GIVEN' as const,
      consentMethod: 'FACE_TO_FACE' as const,
      consentRecordedAt: new Date('2026-11-21T10:00:00Z'),
      consentRecordedBy: 'seed',
      expectedReleaseDate: '2027-01-15',
    },
    POST_RELEASE: {
      status: 'POST_RELEASE' as const,
      consentDecision: 'GIVEN' as const,
      consentMethod: 'FACE_TO_FACE' as const,
      consentRecordedAt: new Date('2026-11-21T10:00:00Z'),
      consentRecordedBy: 'seed',
      expectedReleaseDate: '2026-11-22',
      releasedOn: '2026-11-22',
    },
  };
  const referral = await seedReferral(db, {
    personId: person.id,
    submittedAt: new Date('2026-11-20T10:00:00Z'),
    ...states[status],
    ...extra,
  });
  for (const [organisationCode, relationship] of [
    ['RC-NW', 'OWNING_SERVICE'],
    ['PROB-NW', 'REFERRER'],
  ] as const) {
    await seedGrant(db, {
      organisationCode,
      relationship,
      personId: person.id,
      referralId: referral.id,
      validFrom: new Date('2020-01-01T00:00:00Z'),
    });
  }
  return { person, referral, prisonNumber: person.prisonNumber! };
}

// Test code reads results by path: the loose type is deliberate.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = Record<string, any>;

/** What staff of the owning service see of the referral, through the gateway. */
export const REFERRAL = /* GraphQL */ `
  query ($id: ID!) {
    referral(id: $id) {
      status
      version
      custody {
        establishment {
          code
        }
        releasedOn
        expectedReleaseDate
        onTemporaryLicence
      }
      person {
        prisonNumber
      }
      history {
        type
        actor
      }
    }
  }
`;
