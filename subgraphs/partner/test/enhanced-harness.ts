/**
 * Shared set-up for the Enhanced RECONNECT tests: referrals seeded straight into an open state with
 * the owning service's grant, the person's risk and needs, and helpers to enrol and read as a
 * partner. The clock stands at 2026-11-25 unless a test moves it.
 */
import { eq } from 'drizzle-orm';
import { auditEvents } from '@reconnect/audit';
import {
  seedGrant,
  seedHealthNeed,
  seedPerson,
  seedReferral,
  seedRiskAssessment,
  stableUuid,
  type TestHub,
} from '@reconnect/hub/testing';

// Test code reads results by path: the loose type is deliberate.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = Record<string, any>;

export const NOW = '2026-11-25T10:00:00Z';
const GRANTS_FROM = new Date('2020-01-01T00:00:00Z');
export const NW_WORKER = stableUuid('staff:RC-NW:1');

export interface CaseSeed {
  service?: string;
  status?: 'SUBMITTED' | 'PRE_RELEASE' | 'POST_RELEASE' | 'DECLINED' | 'WITHDRAWN' | 'DISCHARGED';
  /** Risk levels recorded oldest first; the last is the latest. */
  risks?: ('LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH')[];
  needs?: { category: 'MENTAL_HEALTH' | 'SUBSTANCE_MISUSE' | 'PHYSICAL_HEALTH'; active?: boolean }[];
}

export async function seedEligibleReferral(hub: TestHub, seed: CaseSeed = {}) {
  const db = hub.database.handle.db;
  const service = seed.service ?? 'RC-NW';
  const person = await seedPerson(db, { givenName: 'Sam', dateOfBirth: '1985-03-04' });
  const status = seed.status ?? 'PRE_RELEASE';
  const referral = await seedReferral(db, {
    personId: person.id,
    status,
    owningServiceCode: service,
    submittedAt: new Date('2026-11-20T10:00:00Z'),
    namedWorkerId: service === 'RC-NW' ? NW_WORKER : null,
    ...(status === 'SUBMITTED'
      ? {}
      : {
          consentDecision: 'GIVEN' as const,
          consentMethod: 'FACE_TO_FACE' as const,
          consentRecordedAt: new Date('2026-11-21T10:00:00Z'),
          consentRecordedBy: 'seed',
        }),
  });
  await seedGrant(db, {
    organisationCode: service,
    relationship: 'OWNING_SERVICE',
    personId: person.id,
    referralId: referral.id,
    validFrom: GRANTS_FROM,
  });
  let day = 1;
  for (const level of seed.risks ?? ['MEDIUM', 'HIGH']) {
    await seedRiskAssessment(db, person.id, { level, assessedOn: `2026-10-0${day}` });
    day += 1;
  }
  for (const need of seed.needs ?? [{ category: 'MENTAL_HEALTH' }, { category: 'SUBSTANCE_MISUSE' }]) {
    await seedHealthNeed(db, person.id, { category: need.category, active: need.active ?? true });
  }
  return { person, referral };
}

export const ENROL = /* GraphQL */ `
  mutation Enrol($referralId: ID!, $input: EnrolEnhancedInput!) {
    enrolEnhancedReconnect(referralId: $referralId, input: $input) {
      enhancedCase {
        id
        status
        rationale
        sharingConsent {
          decision
          method
          recordedBy
        }
        partners {
          partner {
            code
          }
          active
        }
        referral {
          id
        }
      }
    }
  }
`;

export const enrolInput = (partnerCodes: string[], overrides: Loose = {}) => ({
  rationale: 'High risk with co-occurring mental health and substance misuse needs.',
  sharingConsent: 'GIVEN',
  consentMethod: 'FACE_TO_FACE',
  partnerCodes,
  ...overrides,
});

/** What a partner asks about its case: every ER_PARTNER row of the AUTH.md matrix. */
export const PARTNER_READ = /* GraphQL */ `
  query PartnerRead($id: ID!) {
    enhancedCase(id: $id) {
      id
      status
      rationale
      partners {
        partner {
          code
        }
      }
      updates {
        note
      }
      referral {
        id
        status
        reference
        custody {
          type
        }
        namedWorker {
          name
        }
        supportWindow {
          startsOn
        }
        consent {
          decision
        }
        contacts {
          id
        }
        history {
          type
        }
        reasonForReferral
        person {
          id
          givenName
          familyName
          dateOfBirth
          nhsNumber
          prisonNumber
          riskOfSeriousHarm {
            level
          }
          healthNeeds {
            category
          }
        }
      }
    }
  }
`;

/** The error codes of a response, by dotted path. */
export function errorsByPath(body: { errors?: { path?: (string | number)[]; extensions?: Loose }[] }) {
  const out: Record<string, string> = {};
  for (const e of body.errors ?? []) out[(e.path ?? []).join('.')] = String(e.extensions?.code);
  return out;
}

export async function auditActions(hub: TestHub, personId: string) {
  const rows = await hub.database.handle.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.personId, personId));
  return rows.map((r) => ({ action: r.action, org: r.actorOrganisation }));
}
