/**
 * Enrolling a referral in Enhanced RECONNECT. The facts come from their owners through the graph,
 * asked with the caller's principal (so a referral the caller may not see stays NOT_FOUND), all
 * before the one transaction that writes the case, its partners, each partner's ER_PARTNER grant
 * and the audit event.
 */
import { and, eq } from 'drizzle-orm';
import { grantAccess, isUuid } from '@reconnect/access';
import { londonDateOf } from '@reconnect/config';
import { auditActor, recordAuditEvents } from '@reconnect/audit';
import type { Queryable } from '@reconnect/db';
import { badInput, forbidden, ineligible, invalidTransition, notFound } from '@reconnect/graph';
import type { Context } from '../context.ts';
import type { MutationEnrolEnhancedReconnectArgs } from '../generated/graphql.ts';
import { casePartners, enhancedCases, type EnhancedCaseRow } from '../db/schema.ts';
import { hubFor } from '@reconnect/hub-client';
import { activeAgreementOf } from './agreements.ts';
import { staffChangesCase } from './cases.ts';
import { partnerGrants } from './partner-grants.ts';
import { enhancedEligibilityRefusal } from './eligibility.ts';
import { isUniqueViolation } from '@reconnect/db';
import type { AgreementRow, PartnerRow } from '../db/schema.ts';
import { actorLabel } from '@reconnect/auth';

export const MAX_RATIONALE_LENGTH = 4000;

const REFERRAL = /* GraphQL */ `
  query EnrolReferral($id: ID!) {
    referral(id: $id) {
      id
      status
      person {
        id
      }
      owningService {
        code
      }
    }
  }
`;
const SERVICE = /* GraphQL */ `
  query EnrolService($code: String!) {
    reconnectService(code: $code) {
      region
      enhancedReconnect
    }
  }
`;
const PERSON = /* GraphQL */ `
  query EnrolPerson($id: ID!) {
    person(id: $id) {
      riskOfSeriousHarm {
        level
      }
      healthNeeds {
        category
        active
      }
    }
  }
`;

type ReferralAnswer = {
  referral: { id: string; status: string; person: { id: string }; owningService: { code: string } } | null;
};
type ServiceAnswer = { reconnectService: { region: string; enhancedReconnect: boolean } | null };
type PersonAnswer = {
  person: {
    riskOfSeriousHarm: { level: string } | null;
    healthNeeds: { category: string; active: boolean }[] | null;
  } | null;
};

export interface PartnerOnCase {
  partner: PartnerRow;
  /** All the partner's agreements: one is in force today, later ones carry on from it. */
  agreements: AgreementRow[];
}

/**
 * The partner, with the agreement that lets it join a case in `region` today; BAD_USER_INPUT at
 * `field` otherwise (unknown code, region not covered, or no agreement in force).
 */
export async function partnerForRegion(
  ctx: Context,
  code: string,
  region: string,
  field: string,
): Promise<PartnerOnCase> {
  const partner = await ctx.loaders.partnerByCode.load(code);
  if (!partner) throw badInput(field, 'That code is not a known partner organisation.');
  if (!partner.regions.includes(region)) {
    throw badInput(field, `${code} does not cover the case's region (${region}).`);
  }
  const agreements = await ctx.loaders.agreementsByPartner.load(partner.id);
  if (!activeAgreementOf(agreements, ctx.clock.today())) {
    throw badInput(field, `${code} has no data sharing agreement in force today.`);
  }
  return { partner, agreements };
}

/**
 * Adds a partner to a case and grants it access for as long as its agreements run (to the end of
 * each one's last day in London), with each agreement's scopes. Inside the caller's transaction.
 */
export async function addPartnerRows(
  tx: Queryable,
  ctx: Context,
  kase: Pick<EnhancedCaseRow, 'id' | 'referralId' | 'personId'>,
  { partner, agreements }: PartnerOnCase,
  now: Date,
): Promise<void> {
  await tx.insert(casePartners).values({
    caseId: kase.id,
    partnerId: partner.id,
    addedAt: now,
    addedBy: actorLabel(ctx.principal),
  });
  const today = londonDateOf(now);
  for (const grant of partnerGrants(kase, partner, agreements, now, today, 'enhancedCase.partnerAdded')) {
    await grantAccess(tx, grant);
  }
}

export async function enrolEnhancedReconnect(
  ctx: Context,
  args: MutationEnrolEnhancedReconnectArgs,
): Promise<EnhancedCaseRow> {
  const { referralId, input } = args;
  if (!isUuid(referralId)) throw notFound('Referral');
  const hub = hubFor(ctx);
  const { referral } = await hub.call<ReferralAnswer>('referral', REFERRAL, { id: referralId });
  // Security: what the referral subgraph would not show the caller is not revealed here either.
  if (!referral) throw notFound('Referral');
  if (!(await staffChangesCase(ctx, referral.id))) {
    throw forbidden("Only staff of the referral's owning service may enrol it in Enhanced RECONNECT.");
  }
  const rationale = input.rationale.trim();
  if (!rationale) throw badInput('input.rationale', 'Give the rationale for enrolment.');
  if (rationale.length > MAX_RATIONALE_LENGTH) {
    throw badInput('input.rationale', `A rationale may be at most ${MAX_RATIONALE_LENGTH} characters.`);
  }
  if (input.sharingConsent !== 'GIVEN') {
    throw badInput(
      'input.sharingConsent',
      'The person must give consent to share with partners: enrolment without it is refused.',
    );
  }

  const [{ reconnectService: service }, { person }] = await Promise.all([
    hub.call<ServiceAnswer>('regional-service', SERVICE, { code: referral.owningService.code }),
    hub.call<PersonAnswer>('person', PERSON, { id: referral.person.id }),
  ]);
  if (!service || !person) throw notFound('Referral');
  const refusal = enhancedEligibilityRefusal({
    referralStatus: referral.status,
    service,
    riskLevel: person.riskOfSeriousHarm?.level ?? null,
    activeNeedCategories: (person.healthNeeds ?? []).filter((n) => n.active).map((n) => n.category),
  });
  if (refusal) throw ineligible(refusal.reason, refusal.message);

  const partners: PartnerOnCase[] = [];
  for (const code of [...new Set(input.partnerCodes.map((c) => c.trim()))]) {
    partners.push(await partnerForRegion(ctx, code, service.region, 'input.partnerCodes'));
  }
  const existing = await ctx.db
    .select({ id: enhancedCases.id })
    .from(enhancedCases)
    .where(and(eq(enhancedCases.referralId, referral.id), eq(enhancedCases.status, 'OPEN')));
  if (existing.length) throw invalidTransition('The referral already has an open enhanced case.');

  const now = ctx.clock.now();
  const actor = actorLabel(ctx.principal);
  let created: EnhancedCaseRow;
  try {
    created = await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(enhancedCases)
        .values({
          referralId: referral.id,
          personId: referral.person.id,
          region: service.region,
          status: 'OPEN',
          openedAt: now,
          openedBy: actor,
          rationale,
          sharingConsentDecision: 'GIVEN',
          consentMethod: input.consentMethod,
          consentRecordedAt: now,
          consentRecordedBy: actor,
        })
        .returning();
      for (const p of partners) await addPartnerRows(tx, ctx, row!, p, now);
      await recordAuditEvents(tx, auditActor(ctx, now), [
        {
          action: 'enhancedCase.enrolled',
          subjectType: 'EnhancedCase',
          subjectId: row!.id,
          personId: row!.personId,
          fields: ['rationale', 'sharingConsent', ...(partners.length ? ['partners'] : [])],
        },
      ]);
      return row!;
    });
  } catch (error) {
    // Two enrolments at once: the partial unique index lets only one OPEN case per referral.
    if (isUniqueViolation(error)) throw invalidTransition('The referral already has an open enhanced case.');
    throw error;
  }
  ctx.access.clear();
  return created;
}
