/**
 * `pnpm retention` (DOMAIN.md "Subject access and retention"): erases the personal data of people
 * past retention, every subgraph its own. The composition root is the one place that may import
 * every subgraph, so the run calls each subgraph's own retention module here, each on that
 * subgraph's database handle (its own role under DATABASE_ROLES=per-subgraph), rather than through
 * internal GraphQL operations: retention is a batch job with no caller, whose principal an
 * internal token would have to invent, and it needs short transactions over many rows, not a
 * request per person. Each module still reads and writes only its own schema.
 *
 * A run, batch by batch (people by id): the referral subgraph says who is past retention (every
 * referral closed, the last before the cutoff), then erases its part of each person under a lock
 * that checks the rule again; the partner and person subgraphs then erase theirs for the people
 * it confirmed (asked again just before, so a referral submitted meanwhile spares its person).
 * The referral subgraph's list does not depend on what was erased, so a run that stopped half-way
 * is completed by the next one, and every module skips what it erased before: a second run erases
 * nothing and writes no audit event. A dry run counts what each subgraph would erase.
 */
import { randomUUID } from 'node:crypto';
import type { AuditActor } from '@reconnect/audit';
import type { Db } from '@reconnect/db';
import { partnerRetention } from '@reconnect/partner-subgraph';
import { personRetention } from '@reconnect/person-subgraph';
import { referralRetention } from '@reconnect/referral-subgraph';

export const DEFAULT_RETENTION_BATCH = 500;

export interface RetentionOptions {
  /** Each subgraph's database (the same one, when roles are shared). */
  db: { person: Db; referral: Db; partner: Db };
  retentionYears: number;
  /** The day the run counts from (the cutoff is this less `retentionYears`); default now. */
  asOf: Date;
  /** When the erasure happens (audit events and `erasedAt`); default now. */
  now?: Date;
  apply: boolean;
  batchSize?: number;
  /** Told after each batch (progress for people running it by hand). */
  onBatch?: (report: RetentionReport) => void;
}

export interface RetentionReport {
  apply: boolean;
  cutoff: string;
  runId: string;
  /** People past retention found (erased before or not). */
  pastRetention: number;
  batches: number;
  referral: referralRetention.ReferralErasureCounts;
  person: personRetention.PersonErasureCounts;
  partner: partnerRetention.PartnerErasureCounts;
}

/** `asOf` less `years` calendar years (29 February falls back to 28 February). */
export function retentionCutoff(asOf: Date, years: number): Date {
  const cutoff = new Date(asOf);
  cutoff.setUTCFullYear(asOf.getUTCFullYear() - years);
  if (cutoff.getUTCMonth() !== asOf.getUTCMonth()) cutoff.setUTCDate(0);
  return cutoff;
}

function add<T extends object>(total: T, more: T): void {
  for (const key of Object.keys(more) as (keyof T)[]) {
    (total[key] as number) += more[key] as number;
  }
}

export async function runRetention(options: RetentionOptions): Promise<RetentionReport> {
  const cutoff = retentionCutoff(options.asOf, options.retentionYears);
  const runId = randomUUID();
  const limit = options.batchSize ?? DEFAULT_RETENTION_BATCH;
  const report: RetentionReport = {
    apply: options.apply,
    cutoff: cutoff.toISOString(),
    runId,
    pastRetention: 0,
    batches: 0,
    referral: {
      people: 0,
      referrals: 0,
      history: 0,
      contacts: 0,
      engagements: 0,
      handovers: 0,
      notes: 0,
      appointments: 0,
    },
    person: { people: 0, healthNeeds: 0, riskAssessments: 0 },
    partner: { people: 0, enhancedCases: 0, partnerUpdates: 0 },
  };
  const actorAt = (): AuditActor => ({
    principal: { subject: 'retention', displayName: 'pnpm retention', roles: [] },
    requestId: runId,
    purpose: `retention: ${options.retentionYears} years after the last referral closed`,
    at: options.now ?? new Date(),
  });
  let after: string | undefined;
  for (;;) {
    const batch = await referralRetention.peoplePastRetention(options.db.referral, { cutoff, after, limit });
    if (batch.length === 0) break;
    after = batch.at(-1);
    report.batches += 1;
    report.pastRetention += batch.length;
    if (!options.apply) {
      add(report.referral, await referralRetention.countReferralErasure(options.db.referral, batch));
      add(report.partner, await partnerRetention.countPartnerErasure(options.db.partner, batch));
      add(report.person, await personRetention.countPersonErasure(options.db.person, batch));
    } else {
      const referral = await referralRetention.eraseReferralData(options.db.referral, batch, {
        cutoff,
        actor: actorAt(),
      });
      add(report.referral, referral.counts);
      // Erased before (a run that stopped half-way) or now: the others erase what they still hold.
      const confirmed = await referralRetention.stillPastRetention(options.db.referral, batch, cutoff);
      add(
        report.partner,
        (await partnerRetention.erasePartnerData(options.db.partner, confirmed, { actor: actorAt() })).counts,
      );
      add(
        report.person,
        (await personRetention.erasePersonData(options.db.person, confirmed, { actor: actorAt() })).counts,
      );
    }
    options.onBatch?.(report);
    if (batch.length < limit) break;
  }
  return report;
}
