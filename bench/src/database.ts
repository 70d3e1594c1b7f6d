/**
 * The benchmark's databases: one per scale (`hub_bench_<scale>`) on the PostgreSQL server of
 * BENCH_DATABASE_URL, seeded once and reused while its marker says it holds this scale of this seed
 * version. Every run migrates it again (so a new migration is measured) and refreshes the reference
 * data; `--fresh` drops it and seeds from scratch.
 */
import { createDb, rowsOf, sql, type DbHandle } from '../../packages/db/src/index.ts';
import { ALL_MIGRATIONS, seedReferenceData } from '../../hub/src/index.ts';
import { SEED_VERSION, rowCounts, seedSynthetic, type SeedResult } from './seed.ts';

export interface BenchDatabase {
  name: string;
  url: string;
  handle: DbHandle;
  /** How the data got there: seeded now, or reused from an earlier run (with its seed time). */
  seed: SeedResult & { reused: boolean; seededAt: string };
  serverVersion: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Any database on the server; the bench databases are created beside it. */
  serverUrl: string;
  scale: string;
  referrals: number;
  fresh: boolean;
  log: (line: string) => void;
}

const MARKER = `create table if not exists bench.seeded (
  scale text not null, referrals int not null, seed_version int not null,
  seeded_at timestamptz not null, seconds double precision not null)`;

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer<T>(serverUrl: string, fn: (handle: DbHandle) => Promise<T>): Promise<T> {
  const admin = await createDb({ url: serverUrl, maxConnections: 1 });
  try {
    return await fn(admin);
  } finally {
    await admin.close();
  }
}

interface Marker {
  scale: string;
  referrals: number;
  seed_version: number;
  seeded_at: string | Date;
  seconds: number;
}

async function readMarker(handle: DbHandle): Promise<Marker | undefined> {
  try {
    const rows = rowsOf<Marker>(await handle.db.execute(sql.raw('select * from bench.seeded limit 1')));
    return rows[0];
  } catch {
    return undefined; // No marker table: an unfinished or foreign database.
  }
}

export async function openBenchDatabase(options: OpenOptions): Promise<BenchDatabase> {
  const name = `hub_bench_${options.scale}`;
  const url = databaseUrl(options.serverUrl, name);
  const exists = await onServer(options.serverUrl, async (admin) => {
    const rows = rowsOf(await admin.db.execute(sql`select 1 from pg_database where datname = ${name}`));
    return rows.length > 0;
  });

  if (exists && !options.fresh) {
    const handle = await createDb({ url });
    const marker = await readMarker(handle);
    if (
      marker &&
      marker.scale === options.scale &&
      marker.referrals === options.referrals &&
      marker.seed_version === SEED_VERSION
    ) {
      options.log(`reusing ${name} (seeded ${new Date(marker.seeded_at).toISOString()})`);
      await handle.migrate(ALL_MIGRATIONS);
      await seedReferenceData(handle.db);
      const removed = await removeSubmissions(handle);
      if (removed) options.log(`removed ${removed} referrals submitted by earlier runs`);
      await vacuum(handle, options.log);
      return finish(name, url, handle, {
        referrals: marker.referrals,
        seconds: marker.seconds,
        rows: await rowCounts(handle),
        reused: true,
        seededAt: new Date(marker.seeded_at).toISOString(),
      });
    }
    options.log(`${name} holds another seed: seeding it again`);
    await handle.close();
  }

  await onServer(options.serverUrl, async (admin) => {
    await admin.db.execute(sql.raw(`drop database if exists "${name}" with (force)`));
    await admin.db.execute(sql.raw(`create database "${name}"`));
  });
  const handle = await createDb({ url });
  try {
    options.log(`seeding ${name}: ${options.referrals} referrals`);
    await handle.migrate(ALL_MIGRATIONS);
    await seedReferenceData(handle.db);
    const seed = await seedSynthetic(handle, options.referrals, options.log);
    await handle.db.execute(sql.raw(MARKER));
    await handle.db.execute(
      sql`insert into bench.seeded values (${options.scale}, ${options.referrals}, ${SEED_VERSION}, now(), ${seed.seconds})`,
    );
    options.log(`seeded ${name} in ${seed.seconds.toFixed(1)} s`);
    await vacuum(handle, options.log);
    return finish(name, url, handle, { ...seed, reused: false, seededAt: new Date().toISOString() });
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/**
 * Takes out what earlier runs' submissions added (their referrals with history, contacts, grants,
 * events and idempotency keys, and the people they created), so that every run starts from the
 * seeded data: otherwise thousands of the newest referrals would be the benchmark's own, in front of
 * every caseload page. Their audit events stay: the audit log refuses deletes, and only grows.
 * Seeded referrals are `submitted_by = 'bench-referrer'`; the benchmark's callers are `bench-<role>@<org>`.
 */
export async function removeSubmissions(handle: DbHandle): Promise<number> {
  return handle.db.transaction(async (tx) => {
    const run = (text: string) => tx.execute(sql.raw(text));
    await run(`create temporary table bench_submitted on commit drop as
      select id, person_id from referral.referrals where submitted_by like 'bench-%@%'`);
    const [row] = rowsOf<{ n: number }>(await run('select count(*)::int as n from bench_submitted'));
    if (!row?.n) return 0;
    await run(`delete from events.deliveries where event_id in (select o.id from events.outbox o
      join bench_submitted b on b.id = o.referral_id)`);
    await run('delete from events.outbox where referral_id in (select id from bench_submitted)');
    await run('delete from access.grants where referral_id in (select id from bench_submitted)');
    await run('delete from referral.referrals where id in (select id from bench_submitted)');
    // The people those submissions created: no referral of theirs is left (cascades to their needs).
    await run(`delete from person.people p where p.id in (select person_id from bench_submitted)
      and not exists (select 1 from referral.referrals r where r.person_id = p.id)`);
    return Number(row.n);
  });
}

/**
 * Between variants: the submissions a variant just made taken out again, and the tables they
 * touched vacuumed, so that the caseload timed next does not walk past them (the newest referrals
 * are the first a caseload page reads) nor past their dead index entries.
 */
export async function removeSubmissionsNow(handle: DbHandle): Promise<void> {
  if (handle.kind !== 'postgres') return;
  if ((await removeSubmissions(handle)) > 0) {
    await handle.db.execute(sql.raw('vacuum referral.referrals, access.grants, person.people'));
  }
}

/**
 * VACUUM ANALYZE (PostgreSQL): fresh statistics, and visibility maps set, so index-only scans are
 * index-only from the first run rather than whenever autovacuum gets round to a table.
 */
async function vacuum(handle: DbHandle, log: (line: string) => void): Promise<void> {
  if (handle.kind !== 'postgres') return;
  const started = performance.now();
  await handle.db.execute(sql.raw('vacuum analyze'));
  log(`vacuum analyze: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function finish(
  name: string,
  url: string,
  handle: DbHandle,
  seed: BenchDatabase['seed'],
): Promise<BenchDatabase> {
  const [row] = rowsOf<{ server_version: string }>(await handle.db.execute(sql.raw('show server_version')));
  return {
    name,
    url,
    handle,
    seed,
    serverVersion: row?.server_version ?? 'unknown',
    close: () => handle.close(),
  };
}
