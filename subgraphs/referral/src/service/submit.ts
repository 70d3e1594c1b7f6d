/**
 * `submitReferral` (DOMAIN.md "Eligibility at submission", "One person, many doors"; issue 3).
 *
 * In order: who may submit; the shape of the input; the idempotency key (a retry is answered
 * before anything else is asked of anyone); dates; the directory (a known prison or IRC in England
 * of the stated type, a known home area); eligibility. Only then is the person resolved by the
 * person subgraph (which may create them), so a malformed or ineligible submission stores nothing
 * and creates no one. The referral, its history, grants, idempotency row and audit event are then
 * written in one transaction that holds a lock on the person, so two submissions for one person
 * serialise and exactly one of them is the open referral. After commit the identified needs go to
 * the person subgraph, which only accepts them from a caller with a live grant on the referral.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { REFERRAL_ONLY_SCOPE, grantAccess } from '@reconnect/access';
import { auditActor, recordAuditEvents } from '@reconnect/audit';
import { hasRole, maySubmitReferrals } from '@reconnect/auth';
import { isUniqueViolation, type Queryable } from '@reconnect/db';
import { emitReferralEvent } from '@reconnect/events';
import { badInput, forbidden, ineligible, notFound } from '@reconnect/graph';
import type { Context } from '../context.ts';
import { idempotencyKeys, referrals, type ReferralRow, type ReferralStatus } from '../db/schema.ts';
import { hubFor } from '@reconnect/hub-client';
import type { MutationSubmitReferralArgs, SubmitReferralInput } from '../generated/graphql.ts';
import { checkEligibility, validateSubmission } from './eligibility.ts';
import { recordHistory } from './history.ts';
import {
  findKey,
  inputHash,
  replayOf,
  validateIdempotencyKey,
  type IdempotencyScope,
} from './idempotency.ts';
import { newReference } from './reference.ts';
import { assertSourceFitsOrganisation } from './referring-organisation.ts';
import { normaliseSubmission, submittedFields, type Submission } from './submission-input.ts';

export const OPEN_STATUSES: ReferralStatus[] = ['SUBMITTED', 'PRE_RELEASE', 'POST_RELEASE'];
const MAX_STORE_ATTEMPTS = 5;

export interface SubmitResult {
  referral: ReferralRow;
  replayed: boolean;
}

/**
 * Security decision: REFERRER, RECONNECT_STAFF and RECONNECT_LEAD may submit (AUTH.md), re-asserted
 * here whatever the shield said. The caller's organisation is required: it becomes the referral's
 * referring organisation and the holder of the REFERRER grant, and scopes the idempotency key.
 */
function assertMaySubmit(ctx: Context): string {
  if (!maySubmitReferrals(ctx.principal)) {
    throw forbidden('Only referrers and RECONNECT staff may submit referrals.');
  }
  const organisation = ctx.principal.organisationCode;
  if (!organisation) throw forbidden('Your token names no organisation: a referral must come from one.');
  return organisation;
}

/**
 * Security decision: RECONNECT staff (without the REFERRER role) submit referrals for their own
 * service only. Staff relationships are the owning, receiving or sending service (AUTH.md), so a
 * worker of another service would get a REFERRER grant their role cannot use: the referral would
 * vanish from their sight the moment it was stored, reference included, and the person subgraph
 * would refuse its needs. Refused before anything is written.
 */
function assertMaySubmitFor(ctx: Context, organisation: string, owningServiceCode: string): void {
  if (!hasRole(ctx.principal, 'REFERRER') && organisation !== owningServiceCode) {
    throw forbidden(
      `RECONNECT staff submit referrals for their own service; this establishment's service is ${owningServiceCode}.`,
    );
  }
}

export async function submitReferral(ctx: Context, args: MutationSubmitReferralArgs): Promise<SubmitResult> {
  const { input, idempotencyKey } = args;
  const organisation = assertMaySubmit(ctx);
  validateIdempotencyKey(idempotencyKey);
  const submission = normaliseSubmission(input);
  const scope: IdempotencyScope = {
    callerSubject: ctx.principal.subject,
    callerOrganisation: organisation,
    key: idempotencyKey,
  };
  const hash = inputHash(input);

  // A retry is answered from what was stored, whatever today's date now makes of the input.
  const stored = await findKey(ctx.db, scope);
  if (stored) return replay(ctx, replayOf(stored, hash), submission);
  // After the replay: a retry of what was stored answers with it, even if the organisation has
  // since been made inactive; anything new is checked against the directory.
  const referringOrganisation = await assertSourceFitsOrganisation(ctx, organisation, input.source);

  const today = ctx.clock.today();
  const shapeError = validateSubmission(
    {
      source: submission.source,
      custodyType: submission.custody.type,
      expectedReleaseDate: submission.custody.expectedReleaseDate,
      releasedOn: submission.custody.releasedOn,
      dateOfBirth: submission.person.dateOfBirth,
    },
    today,
  );
  if (shapeError) throw badInput(shapeError.field, shapeError.message);

  const directory = await lookUpDirectory(ctx, submission);

  const ineligibility = checkEligibility(
    {
      source: submission.source,
      dateOfBirth: submission.person.dateOfBirth,
      expectedReleaseDate: submission.custody.expectedReleaseDate,
      releasedOn: submission.custody.releasedOn,
      identifiedNeedCount: submission.needs.length,
    },
    today,
  );
  if (ineligibility) throw ineligible(ineligibility.reason, ineligibility.message);
  assertMaySubmitFor(ctx, organisation, directory.owningServiceCode);

  // The referral's id is chosen now, so the identity authority keeps what this submission said
  // against it (a referrer reads that, never the record: contract/next/trust.md).
  const referralId = randomUUID();
  const personId = await resolvePerson(ctx, submission, directory.homeAreaCode, referralId);

  const outcome = await store(ctx, {
    submission,
    directory,
    personId,
    referralId,
    scope,
    hash,
    organisation,
    referringOrganisation,
    input,
  });
  if (outcome.kind === 'replay') return replay(ctx, outcome.referralId, submission);

  const referral = outcome.referral;
  // The caller's new grants must be seen by the payload's field rules.
  ctx.access.clear();
  ctx.loaders.referralById.clear(referral.id).prime(referral.id, referral);
  if (outcome.duplicateOfId) ctx.loaders.referralById.clear(outcome.duplicateOfId);
  await recordNeeds(ctx, referral, submission);
  return { referral, replayed: false };
}

/**
 * The original referral of a retry. Its needs are sent to the person subgraph again: if the first
 * attempt committed the referral but could not reach the person subgraph, the retry completes it
 * (the person subgraph adds only categories the person has no active need in, so this never
 * doubles a need).
 */
async function replay(ctx: Context, referralId: string, submission: Submission): Promise<SubmitResult> {
  // The original may have committed (with the caller's grants) after this request began: judge
  // grants from now, or the payload's field rules would not see them yet.
  ctx.access.clear();
  const referral = await ctx.loaders.referralById.load(referralId);
  if (!referral) throw notFound('Referral');
  await recordNeeds(ctx, referral, submission);
  return { referral, replayed: true };
}

export interface DirectoryFacts {
  owningServiceCode: string;
  /** The home area's receiving service when it differs from the owning service. */
  receivingServiceCode: string | null;
  /** The current ONS code of the home area (superseded codes resolved), or null. */
  homeAreaCode: string | null;
}

interface EntitiesAnswer {
  _entities: ({
    code: string;
    type?: 'PRISON' | 'IRC';
    localService?: { code: string } | null;
    receivingService?: { code: string } | null;
  } | null)[];
}

const DIRECTORY_QUERY = `query ReferralDirectory($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Establishment { code type localService { code } }
    ... on LocalAuthority { code receivingService { code } }
  }
}`;

/** One call to the directory for the establishment and the home area. */
async function lookUpDirectory(ctx: Context, submission: Submission): Promise<DirectoryFacts> {
  const homeArea = submission.person.homeLocalAuthorityCode;
  const representations: Record<string, string>[] = [
    { __typename: 'Establishment', code: submission.custody.establishmentCode },
  ];
  if (homeArea) representations.push({ __typename: 'LocalAuthority', code: homeArea });
  const answer = await hubFor(ctx).call<EntitiesAnswer>('regional-service', DIRECTORY_QUERY, {
    representations,
  });
  const [establishment, area] = answer._entities;
  if (!establishment?.type) {
    throw badInput('input.custody.establishmentCode', 'This is not a known prison or IRC in England.');
  }
  if (establishment.type !== submission.custody.type) {
    throw badInput(
      'input.custody.establishmentCode',
      `This establishment is ${establishment.type === 'IRC' ? 'an IRC' : 'a prison'}, not ${submission.custody.type === 'IRC' ? 'an IRC' : 'a prison'}.`,
    );
  }
  if (!establishment.localService) {
    throw badInput('input.custody.establishmentCode', 'No RECONNECT service covers this establishment.');
  }
  if (homeArea && !area) {
    throw badInput('input.person.homeLocalAuthorityCode', 'This is not a known local authority in England.');
  }
  const owningServiceCode = establishment.localService.code;
  const receiving = area?.receivingService?.code ?? null;
  return {
    owningServiceCode,
    receivingServiceCode: receiving && receiving !== owningServiceCode ? receiving : null,
    homeAreaCode: area?.code ?? null,
  };
}

interface PersonMatchAnswer {
  resolvePersonIdentity: { person: { id: string } };
}

const RESOLVE_PERSON = `mutation ResolvePersonIdentity($input: PersonIdentityMatchInput!, $inputPath: String, $referralId: ID) {
  resolvePersonIdentity(input: $input, inputPath: $inputPath, referralId: $referralId) { person { id } }
}`;

/** The identity authority decides who this is (and checks every identifier, naming the field). */
async function resolvePerson(
  ctx: Context,
  submission: Submission,
  homeAreaCode: string | null,
  referralId: string,
): Promise<string> {
  const p = submission.person;
  const answer = await hubFor(ctx).call<PersonMatchAnswer>('person', RESOLVE_PERSON, {
    input: {
      givenName: p.givenName,
      familyName: p.familyName,
      dateOfBirth: p.dateOfBirth,
      nhsNumber: p.nhsNumber ?? null,
      prisonNumber: p.prisonNumber ?? null,
      crn: p.crn ?? null,
      pncId: p.pncId ?? null,
      homeOfficeReference: p.homeOfficeReference ?? null,
      homeLocalAuthorityCode: homeAreaCode,
    },
    inputPath: 'input.person',
    referralId,
  });
  return answer.resolvePersonIdentity.person.id;
}

const RECORD_NEEDS = `mutation RecordReferralNeeds($personId: ID!, $referralId: ID!, $needs: [HealthNeedInput!]!, $inputPath: String) {
  recordReferralNeeds(personId: $personId, referralId: $referralId, needs: $needs, inputPath: $inputPath) { id }
}`;

/**
 * The identified needs (with their descriptions, which only the person subgraph keeps) become the
 * person's health needs. Not a DUPLICATE's: a declined duplicate opens nothing and writes nothing
 * into the record (DOMAIN.md, "One person, many doors"); its needs stay on the referral itself. A
 * failure here reaches the caller, whose retry with the same key replays the referral and sends
 * them again.
 */
async function recordNeeds(ctx: Context, referral: ReferralRow, submission: Submission): Promise<void> {
  if (submission.needs.length === 0 || referral.declineReason === 'DUPLICATE') return;
  await hubFor(ctx).call('person', RECORD_NEEDS, {
    personId: referral.personId,
    referralId: referral.id,
    needs: submission.needs,
    inputPath: 'input.identifiedNeeds',
  });
}

interface StoreRequest {
  submission: Submission;
  directory: DirectoryFacts;
  personId: string;
  referralId: string;
  scope: IdempotencyScope;
  hash: string;
  organisation: string;
  /** The directory's organisation that submitted it; null for RECONNECT staff. */
  referringOrganisation: string | null;
  input: SubmitReferralInput;
}

type StoreOutcome =
  | { kind: 'created'; referral: ReferralRow; duplicateOfId: string | null }
  | { kind: 'replay'; referralId: string };

/**
 * Writes the referral, retrying on the (rare) collision of a random reference. When an identical
 * request won the race for the idempotency key, this one's transaction rolls back and it is
 * answered from the winner's row.
 */
async function store(ctx: Context, request: StoreRequest): Promise<StoreOutcome> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await ctx.db.transaction((tx) => storeOnce(ctx, tx, request));
    } catch (error) {
      if (isUniqueViolation(error, 'idempotency_keys_pkey')) {
        const winner = await findKey(ctx.db, request.scope);
        if (winner) return { kind: 'replay', referralId: replayOf(winner, request.hash) };
      }
      if (attempt < MAX_STORE_ATTEMPTS && isUniqueViolation(error, 'referrals_reference_key')) continue;
      throw error;
    }
  }
}

async function storeOnce(ctx: Context, tx: Queryable, request: StoreRequest): Promise<StoreOutcome> {
  const { submission, directory, personId, referralId, scope, hash, organisation, referringOrganisation } =
    request;
  // Submissions for one person take turns, so "is there an open referral?" has one answer at a time.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`referral.person:${personId}`}))`);
  // An identical request for this person may have committed while this one waited for the lock.
  const earlier = await findKey(tx, scope);
  if (earlier) return { kind: 'replay', referralId: replayOf(earlier, hash) };

  const [open] = await tx
    .select({ id: referrals.id, reference: referrals.reference })
    .from(referrals)
    .where(and(eq(referrals.personId, personId), inArray(referrals.status, OPEN_STATUSES)))
    .orderBy(asc(referrals.submittedAt), asc(referrals.id))
    .limit(1);

  const now = ctx.clock.now();
  const reference = newReference();
  const status: ReferralStatus = open ? 'DECLINED' : 'SUBMITTED';
  const [referral] = await tx
    .insert(referrals)
    .values({
      id: referralId,
      reference,
      status,
      source: submission.source,
      referrerOrganisationCode: organisation,
      referringOrganisationCode: referringOrganisation,
      referrerOrganisationName: submission.referrer.organisationName,
      referrerName: submission.referrer.name,
      referrerEmail: submission.referrer.email,
      referrerPhone: submission.referrer.phone,
      referrerRelationship: submission.referrer.relationship,
      submittedAt: now,
      submittedBy: ctx.principal.subject,
      personId,
      custodyType: submission.custody.type,
      establishmentCode: submission.custody.establishmentCode,
      expectedReleaseDate: submission.custody.expectedReleaseDate,
      releasedOn: submission.custody.releasedOn,
      onTemporaryLicence: submission.custody.onTemporaryLicence,
      reasonForReferral: submission.reasonForReferral,
      identifiedNeeds: submission.needCategories,
      owningServiceCode: directory.owningServiceCode,
      receivingServiceCode: directory.receivingServiceCode,
      homeAreaCode: directory.homeAreaCode,
      ...(open
        ? {
            duplicateOfId: open.id,
            declineReason: 'DUPLICATE',
            // Its submitter reads this: it names neither the open referral nor its service.
            declineNote: 'A duplicate of a referral of this person that is already open.',
            declinedAt: now,
          }
        : {}),
      updatedAt: now,
    })
    .returning();
  const row = referral!;

  const referrerLabel = submission.referrer.organisationName
    ? `${submission.referrer.organisationName} (${organisation})`
    : organisation;
  await recordHistory(tx, ctx.principal, [
    {
      referralId: row.id,
      type: 'referral.submitted',
      fromStatus: null,
      toStatus: status,
      reason: open ? 'Declined as a duplicate of a referral of this person that is already open.' : null,
      at: now,
    },
    // The open referral's own status and version do not change: staff acting on it are not
    // made to re-read it because somebody else referred the same person.
    ...(open
      ? [
          {
            referralId: open.id,
            type: 'referral.duplicate-received',
            reason: `Another referral, ${reference}, was received from ${referrerLabel} (${submission.source}) and declined as a duplicate.`,
            at: now,
          },
        ]
      : []),
  ]);

  // Access (AUTH.md): the owning service and the referring organisation. The receiving service's
  // access comes with a handover, not with the referral. A declined duplicate opens nothing of the
  // person to the service of its establishment: its grant is to the duplicate referral alone
  // (REFERRAL_ONLY; contract/next/trust.md, "A submission opens nothing it was not corroborated for").
  await grantAccess(tx, {
    organisationCode: directory.owningServiceCode,
    relationship: 'OWNING_SERVICE',
    personId,
    referralId: row.id,
    ...(open ? { scopes: [REFERRAL_ONLY_SCOPE] } : {}),
    validFrom: now,
    reason: 'referral.submitted',
  });
  await grantAccess(tx, {
    organisationCode: organisation,
    relationship: 'REFERRER',
    personId,
    referralId: row.id,
    validFrom: now,
    reason: 'referral.submitted',
  });

  await tx.insert(idempotencyKeys).values({ ...scope, inputHash: hash, referralId: row.id, createdAt: now });
  // Told to the owning service's and the referrer's webhooks once this commits (a duplicate too:
  // the referrer learns from the event that it was declined).
  await emitReferralEvent(tx, { type: 'referral.submitted', referralId: row.id, reference, occurredAt: now });

  await recordAuditEvents(tx, auditActor(ctx, now), [
    {
      action: 'referral.submitted',
      subjectType: 'Referral',
      subjectId: row.id,
      personId,
      fields: submittedFields(request.input),
    },
    ...(open
      ? [
          {
            action: 'referral.duplicate-received',
            subjectType: 'Referral',
            subjectId: open.id,
            personId,
            fields: ['history'],
          },
        ]
      : []),
  ]);
  return { kind: 'created', referral: row, duplicateOfId: open?.id ?? null };
}
