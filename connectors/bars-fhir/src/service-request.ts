/**
 * The hub's referral as FHIR (BARS.md, "Back to FHIR"): a ServiceRequest whose id is the referral
 * id and whose identifier is its reference, the hub's status as the FHIR status with the exact one
 * in an extension, and the message Bundle that answers `$process-message`. Built only from fields
 * the caller may read (operations.ts), so it shows a referrer what the hub would show it anyway.
 */
import { randomUUID } from 'node:crypto';
import type * as R4 from 'fhir/r4.js';
import {
  BARS_EVENTS,
  ESTABLISHMENT,
  EXPECTED_RELEASE_DATE_EXTENSION,
  HEALTH_NEED_CATEGORIES,
  HEALTH_NEED_CATEGORY,
  ON_TEMPORARY_LICENCE_EXTENSION,
  REFERRAL_EVENT,
  REFERRAL_REFERENCE,
  REFERRAL_STATUS_EXTENSION,
  RELEASED_ON_EXTENSION,
  SERVICE_REQUEST_CATEGORY,
} from './bars-message.ts';
import type { BarsReferralFragment, ReferralStatus } from './generated/graphql.ts';

export const PERSON_ID = 'urn:reconnect-hub:id:person';
export const RECONNECT_SERVICE = 'urn:reconnect-hub:id:reconnect-service';
export const REFERRER_ORGANISATION = 'urn:reconnect-hub:id:referrer-organisation';
export const DECLINE_REASON_EXTENSION = 'urn:reconnect-hub:extension:decline-reason';
/** A DUPLICATE: the open referral it duplicates, by reference. */
export const DUPLICATE_OF_EXTENSION = 'urn:reconnect-hub:extension:duplicate-of';

const FHIR_STATUS: Record<ReferralStatus, R4.ServiceRequest['status']> = {
  SUBMITTED: 'active',
  PRE_RELEASE: 'active',
  POST_RELEASE: 'active',
  DECLINED: 'revoked',
  WITHDRAWN: 'revoked',
  DISCHARGED: 'completed',
};

export function serviceRequestOf(referral: BarsReferralFragment): R4.ServiceRequest {
  const custody = referral.custody;
  const extension: R4.Extension[] = [{ url: REFERRAL_STATUS_EXTENSION, valueCode: referral.status }];
  if (custody.expectedReleaseDate)
    extension.push({ url: EXPECTED_RELEASE_DATE_EXTENSION, valueDate: custody.expectedReleaseDate });
  if (custody.releasedOn) extension.push({ url: RELEASED_ON_EXTENSION, valueDate: custody.releasedOn });
  extension.push({ url: ON_TEMPORARY_LICENCE_EXTENSION, valueBoolean: custody.onTemporaryLicence });
  if (referral.decline) extension.push({ url: DECLINE_REASON_EXTENSION, valueCode: referral.decline.reason });
  if (referral.duplicateOf) {
    extension.push({
      url: DUPLICATE_OF_EXTENSION,
      valueIdentifier: { system: REFERRAL_REFERENCE, value: referral.duplicateOf.reference },
    });
  }
  const person = referral.person;
  return {
    resourceType: 'ServiceRequest',
    id: referral.id,
    meta: { versionId: String(referral.version) },
    extension,
    identifier: [{ system: REFERRAL_REFERENCE, value: referral.reference }],
    status: FHIR_STATUS[referral.status],
    intent: 'plan',
    category: [{ coding: [{ system: SERVICE_REQUEST_CATEGORY, code: 'referral', display: 'Referral' }] }],
    subject: {
      identifier: { system: PERSON_ID, value: person.id },
      display: `${person.givenName} ${person.familyName}`,
    },
    authoredOn: referral.submittedAt,
    requester: {
      identifier: { system: REFERRER_ORGANISATION, value: referral.referrer.organisationCode },
      display: referral.referrer.organisationName
        ? `${referral.referrer.name}, ${referral.referrer.organisationName}`
        : referral.referrer.name,
    },
    performer: [
      {
        identifier: { system: RECONNECT_SERVICE, value: referral.owningService.code },
        display: referral.owningService.name,
      },
    ],
    locationReference: [
      {
        identifier: { system: ESTABLISHMENT, value: custody.establishment.code },
        display: custody.establishment.name,
      },
    ],
    ...(referral.identifiedNeeds.length > 0
      ? {
          reasonCode: referral.identifiedNeeds.map((category) => ({
            coding: [
              { system: HEALTH_NEED_CATEGORY, code: category, display: HEALTH_NEED_CATEGORIES[category] },
            ],
          })),
        }
      : {}),
    ...(referral.reasonForReferral ? { note: [{ text: referral.reasonForReferral }] } : {}),
  };
}

/**
 * The answer to a `$process-message`: a message Bundle whose MessageHeader responds `ok` to the
 * request's MessageHeader and focuses the referral's ServiceRequest.
 */
export function responseMessageOf(
  requestHeaderId: string,
  referral: BarsReferralFragment,
  baseUrl: string,
  now: Date,
): R4.Bundle<R4.FhirResource> {
  const serviceRequest = serviceRequestOf(referral);
  const headerId = randomUUID();
  const srUrl = `${baseUrl}/ServiceRequest/${referral.id}`;
  return {
    resourceType: 'Bundle',
    id: randomUUID(),
    meta: { lastUpdated: now.toISOString() },
    type: 'message',
    timestamp: now.toISOString(),
    entry: [
      {
        fullUrl: `urn:uuid:${headerId}`,
        resource: {
          resourceType: 'MessageHeader',
          id: headerId,
          eventCoding: { system: BARS_EVENTS, code: REFERRAL_EVENT },
          source: { name: 'RECONNECT Hub', endpoint: baseUrl },
          response: { identifier: requestHeaderId, code: 'ok' },
          focus: [{ reference: srUrl }],
        },
      },
      { fullUrl: srUrl, resource: serviceRequest },
    ],
  };
}

export function searchsetOf(
  referrals: BarsReferralFragment[],
  selfUrl: string,
  baseUrl: string,
): R4.Bundle<R4.FhirResource> {
  return {
    resourceType: 'Bundle',
    id: randomUUID(),
    type: 'searchset',
    total: referrals.length,
    link: [{ relation: 'self', url: selfUrl }],
    entry: referrals.map((r) => ({
      fullUrl: `${baseUrl}/ServiceRequest/${r.id}`,
      resource: serviceRequestOf(r),
      search: { mode: 'match' },
    })),
  };
}
