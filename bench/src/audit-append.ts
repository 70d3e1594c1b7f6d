/**
 * `tsx bench/src/audit-append.ts [--seconds N] [--connections N]`: a micro-benchmark of the audit
 * trail's write path on PostgreSQL (TEST_DATABASE_URL's server, a database of its own, dropped
 * afterwards). Each "page" records 50 person reads of one request in one INSERT, as a caseload
 * page of 50 does through the person subgraph; N connections send pages back to back for the given
 * time, while one audit sequencer chains and signs in the background on the same pool, as in the
 * hub. Reports pages per second and latency per page, then drains the sequencer and verifies. Figures depend on the machine: compare runs
 * made one after another on the same host.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  AuditSequencer,
  auditMigrations,
  createAuditSigner,
  generateAuditSigningKey,
  recordAuditEvents,
  trustedKeys,
  verifyAuditChain,
} from '../../packages/audit/src/index.ts';
import { createDb, sql } from '../../packages/db/src/index.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const seconds = option('seconds', 10);
const connections = option('connections', 8);
const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const name = `audit_bench_${randomBytes(3).toString('hex')}`;
const server = await createDb({ url: serverUrl, maxConnections: 1 });
await server.db.execute(sql.raw(`CREATE DATABASE "${name}"`));
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const handle = await createDb({ url: url.toString(), maxConnections: connections });
try {
  await handle.migrate([auditMigrations]);
  const principal = { subject: 'bench', roles: ['RECONNECT_STAFF' as const], organisationCode: 'RC-NW' };
  const page = () => {
    const requestId = randomUUID();
    return recordAuditEvents(
      handle.db,
      { principal, requestId, at: new Date() },
      Array.from({ length: 50 }, () => {
        const id = randomUUID();
        return {
          action: 'person.read',
          subjectType: 'Person',
          subjectId: id,
          personId: id,
          fields: ['givenName'],
        };
      }),
    );
  };
  for (let i = 0; i < 20; i += 1) await page();
  const key = generateAuditSigningKey();
  const sequencer = new AuditSequencer({ db: handle.db, signer: createAuditSigner(key) });
  sequencer.start();
  const latencies: number[] = [];
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        const start = performance.now();
        await page();
        latencies.push(performance.now() - start);
      }
    }),
  );
  await sequencer.stop();
  const drainStart = performance.now();
  await sequencer.drain();
  const drainMs = Math.round(performance.now() - drainStart);
  const audit = await verifyAuditChain(handle.db, { trustedKeys: trustedKeys([key]) });
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
  console.log(
    JSON.stringify({
      connections,
      seconds,
      pages: latencies.length,
      pagesPerSecond: Number((latencies.length / seconds).toFixed(1)),
      p50Ms: Number(at(0.5)),
      p99Ms: Number(at(0.99)),
      // What the background sequencer had left when the load stopped, and the check after it.
      drainAfterMs: drainMs,
      verified: audit.ok && audit.pending === 0,
      chained: audit.checked,
      checkpoints: audit.checkpoints,
    }),
  );
} finally {
  await handle.close();
  await server.db.execute(sql.raw(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  await server.close();
}
