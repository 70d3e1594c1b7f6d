/**
 * What the benchmark asks the hub: the caseload page, one referral's full detail (fields from all
 * four subgraphs), and a referral submission, each as a RECONNECT worker of one service would; and
 * the scenario they run in (the service, the worker, the referral whose detail is read), found in
 * the seeded data.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { rowsOf, sql, type DbHandle } from '../../packages/db/src/index.ts';
import { randomNhsNumber } from '../../subgraphs/person/src/testing.ts';
import { graphql } from './generated/gql.ts';

/**
 * The caseload screen: a page of the caller's referrals, newest first, with the person's name, the
 * establishment, the owning service, the named worker and pre-release contact compliance, and the
 * total and next-page cursor the screen shows (as in docs/API.md and the caseload statements test).
 */
export const CASELOAD = graphql(`
  query BenchCaseload($first: Int!) {
    referrals(first: $first) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        reference
        status
        submittedAt
        person {
          givenName
          familyName
        }
        custody {
          establishment {
            name
          }
          expectedReleaseDate
          releasedOn
        }
        owningService {
          name
        }
        namedWorker {
          name
        }
        preReleaseContacts {
          count
          faceToFace
          met
        }
      }
    }
  }
`);

/** A referral's page: its own fields, the person (person), the directory (regional-service), the enhanced case (partner). */
export const DETAIL = graphql(`
  query BenchDetail($id: ID!) {
    referral(id: $id) {
      id
      reference
      status
      version
      source
      submittedAt
      referrer {
        organisationCode
        name
      }
      reasonForReferral
      identifiedNeeds
      person {
        id
        givenName
        familyName
        dateOfBirth
        nhsNumber
        prisonNumber
        crn
        homeArea {
          name
        }
        healthNeeds {
          category
          description
        }
        riskOfSeriousHarm {
          level
          assessedOn
        }
      }
      custody {
        type
        establishment {
          name
          localService {
            name
          }
        }
        expectedReleaseDate
        releasedOn
        onTemporaryLicence
      }
      consent {
        decision
        method
      }
      owningService {
        code
        name
      }
      receivingService {
        code
        name
      }
      namedWorker {
        name
        role
      }
      peerSupportWorker {
        name
      }
      supportWindow {
        startsOn
        endsOn
        dischargeOverdue
      }
      contacts {
        occurredAt
        mode
        purpose
        preRelease
        staff {
          name
        }
      }
      preReleaseContacts {
        count
        met
      }
      engagements {
        serviceType
        outcome
        appointmentOn
      }
      history {
        at
        type
        toStatus
      }
      handovers {
        status
        toService {
          name
        }
        respondBy
        overdue
      }
      enhancedCase {
        status
      }
      availableActions
    }
  }
`);

export const SUBMIT = graphql(`
  mutation BenchSubmit($input: SubmitReferralInput!, $idempotencyKey: String!) {
    submitReferral(input: $input, idempotencyKey: $idempotencyKey) {
      replayed
      referral {
        id
        reference
        status
        person {
          givenName
          familyName
        }
        custody {
          establishment {
            name
          }
        }
        owningService {
          name
        }
      }
    }
  }
`);

export type OperationName = 'caseload' | 'detail' | 'submit';

export interface GraphqlBody {
  query: string;
  variables: Record<string, unknown>;
}

/**
 * A request body for one of the typed documents above (bench/src/generated/, `pnpm codegen`): the
 * variables are checked against the operation's, and so against the public API.
 */
function bodyFor<V extends Record<string, unknown>>(
  document: DocumentTypeDecoration<unknown, V> & { toString(): string },
  variables: V,
): GraphqlBody {
  return { query: document.toString(), variables };
}

export interface Scenario {
  /** The service whose worker reads the caseload and the detail. */
  serviceCode: string;
  /** The worker whose token the caller holds. */
  staffId: string;
  /** Referrals the caller's service may see now. */
  caseloadSize: number;
  detailReferralId: string;
  /**
   * Submissions come from a probation referrer to a prison of another service (with a home area of
   * that service: no handover), so the referrals they add never reach the caseload being timed.
   */
  submit: {
    serviceCode: string;
    referrerOrganisation: string;
    establishmentCode: string;
    homeAreaCode: string;
  };
}

async function one<T>(handle: DbHandle, query: ReturnType<typeof sql>, what: string): Promise<T> {
  const [row] = rowsOf<T>(await handle.db.execute(query));
  if (!row) throw new Error(`the seeded data has no ${what}: seed a larger scale`);
  return row;
}

/** The caller's service's worker, caseload size and richest open referral, and where submissions go. */
export async function findScenario(
  handle: DbHandle,
  serviceCode: string,
  submitServiceCode: string,
): Promise<Scenario> {
  const staff = await one<{ id: string }>(
    handle,
    sql`select st.id from regional_service.staff st
        join regional_service.reconnect_services s on s.id = st.service_id
        where s.code = ${serviceCode} and st.active and st.role = 'RECONNECT_WORKER' order by st.id limit 1`,
    `worker in ${serviceCode}`,
  );
  const caseload = await one<{ n: number }>(
    handle,
    sql`select count(*)::int as n from referral.referrals r where exists (
          select 1 from access.grants g where g.referral_id = r.id and g.organisation_code = ${serviceCode}
          and g.relationship in ('OWNING_SERVICE', 'RECEIVING_SERVICE', 'SENDING_SERVICE')
          and g.valid_from <= now() and (g.valid_until is null or g.valid_until > now()))`,
    'caseload',
  );
  // The open referral with the most to show: peer support, contacts, engagements, a handover.
  const detail = await one<{ id: string }>(
    handle,
    sql`select r.id from referral.referrals r
        where r.owning_service_code = ${serviceCode} and r.status in ('PRE_RELEASE', 'POST_RELEASE')
          and r.named_worker_id is not null
          and exists (select 1 from access.grants g where g.referral_id = r.id
            and g.organisation_code = ${serviceCode} and g.relationship = 'OWNING_SERVICE' and g.valid_until is null)
        order by (r.status = 'POST_RELEASE')::int
          + (r.peer_support_worker_id is not null)::int
          + (exists (select 1 from referral.handovers h where h.referral_id = r.id))::int
          + least((select count(*) from referral.contacts c where c.referral_id = r.id), 3)::int
          + (exists (select 1 from referral.engagements e where e.referral_id = r.id))::int desc,
          r.submitted_at desc
        limit 1`,
    `open referral owned by ${serviceCode}`,
  );
  const place = await one<{ establishment: string; area: string; probation: string }>(
    handle,
    sql`select (select e.code from regional_service.establishments e where e.local_service_id = s.id
          and e.type = 'PRISON' order by e.code limit 1) as establishment,
        (select o.code from regional_service.referring_organisations o where o.kind = 'PROBATION'
          and o.region = s.region and o.active order by o.code limit 1) as probation,
        (select l.code from regional_service.local_authorities l where l.receiving_service_id = s.id
          order by l.code limit 1) as area
        from regional_service.reconnect_services s where s.code = ${submitServiceCode}`,
    `prison and area of ${submitServiceCode}`,
  );
  return {
    serviceCode,
    staffId: staff.id,
    caseloadSize: Number(caseload.n),
    detailReferralId: detail.id,
    submit: {
      serviceCode: submitServiceCode,
      // A probation region of the directory of referring organisations, in the service's region.
      referrerOrganisation: place.probation,
      establishmentCode: place.establishment,
      homeAreaCode: place.area,
    },
  };
}

export function caseloadBody(first: number): GraphqlBody {
  return bodyFor(CASELOAD, { first });
}

export function detailBody(scenario: Scenario): GraphqlBody {
  return bodyFor(DETAIL, { id: scenario.detailReferralId });
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
// Prison numbers Z0000AA..Z9999ZZ: the seed uses B..., so a submission never matches a seeded person.
let prisonSerial = randomInt(10_000 * 26 * 26);
function nextPrisonNumber(): string {
  prisonSerial = (prisonSerial + 1) % (10_000 * 26 * 26);
  const digits = String(prisonSerial % 10_000).padStart(4, '0');
  const rest = Math.floor(prisonSerial / 10_000);
  return `Z${digits}${LETTERS[rest % 26]}${LETTERS[Math.floor(rest / 26) % 26]}`;
}

function isoDate(daysFromNow: number): string {
  return new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A new, eligible referral of a new person (fresh NHS and prison numbers, so identity matching
 * creates the person) to a prison of the submitting service, with a fresh idempotency key.
 */
export function submitBody(scenario: Scenario): GraphqlBody {
  const serial = randomInt(1_000_000);
  return bodyFor(SUBMIT, {
    idempotencyKey: `bench-${randomUUID()}`,
    input: {
      source: 'PROBATION',
      referrer: { name: 'Bench Probation Practitioner', organisationName: 'Bench Probation Service' },
      person: {
        givenName: 'Bench',
        familyName: `Submitted-${serial}`,
        dateOfBirth: '1986-04-12',
        nhsNumber: randomNhsNumber(),
        prisonNumber: nextPrisonNumber(),
        homeLocalAuthorityCode: scenario.submit.homeAreaCode,
      },
      custody: {
        type: 'PRISON',
        establishmentCode: scenario.submit.establishmentCode,
        expectedReleaseDate: isoDate(60),
      },
      identifiedNeeds: [{ category: 'MENTAL_HEALTH', description: 'Low mood; on medication in custody.' }],
      reasonForReferral: 'Benchmark submission.',
    },
  });
}

export function bodyOf(operation: OperationName, scenario: Scenario, first = 50): GraphqlBody {
  if (operation === 'caseload') return caseloadBody(first);
  if (operation === 'detail') return detailBody(scenario);
  return submitBody(scenario);
}
