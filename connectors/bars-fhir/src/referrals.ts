/**
 * What the endpoint does with a referral message, a read and a search, apart from HTTP (app.ts):
 * each is a function of the caller and the FHIR it sent, answering FHIR or throwing a FhirError.
 *
 * A new referral is `submitReferral` with the idempotency key `bars:<X-Correlation-Id>:<MessageHeader.id>`:
 * the hub stores the key with the referral in one transaction and answers a repeat with the same
 * referral (`replayed`), which is a 409 `duplicate` here; ten copies at once are one referral
 * (the hub serialises them on the key). A cancellation is `withdrawReferral`.
 */
import type * as R4 from 'fhir/r4.js';
import {
  fhirPathOf,
  readBarsMessage,
  type CancellationMessage,
  type NewReferralMessage,
} from './bars-message.ts';
import { r4Problems } from './fhir-validation.ts';
import type {
  BarsReferralFragment,
  BarsSearchByNhsNumberQuery,
  SubmitReferralInput,
} from './generated/graphql.ts';
import { HubClient, HubError, REQUEST_TOO_LARGE, type Caller } from './hub.ts';
import {
  READ_REFERRAL,
  REFERRAL_BY_REFERENCE,
  SEARCH_BY_NHS_NUMBER,
  SENDER_AND_ESTABLISHMENT,
  SUBMIT_REFERRAL,
  WITHDRAW_REFERRAL,
} from './operations.ts';
import { FhirError, tooLarge, type Problem } from './outcome.ts';
import type { Senders } from './senders.ts';
import { responseMessageOf, searchsetOf } from './service-request.ts';

export interface ReferralsDeps {
  hub: HubClient;
  senders: Senders;
  now: () => Date;
}

export interface MessageRequest {
  caller: Caller;
  correlationId: string;
  /** The connector's base URL (`…/FHIR/R4`), for the answer's fullUrls. */
  baseUrl: string;
  body: unknown;
}

/** Hub errors as FHIR (BARS.md, "Back to FHIR"); `paths` turns a hub input field into a FHIR path. */
export function fhirErrorOf(error: unknown, paths: Record<string, string> = {}): FhirError {
  if (error instanceof FhirError) return error;
  if (!(error instanceof HubError)) {
    return new FhirError(500, {
      code: 'exception',
      diagnostics: 'The connector could not process the request.',
    });
  }
  const problem = (code: Problem['code'], diagnostics: string, expression?: string[]): Problem => ({
    code,
    diagnostics,
    ...(expression && expression.length > 0 ? { expression } : {}),
  });
  switch (error.code) {
    case 'BAD_USER_INPUT':
      return new FhirError(
        400,
        problem('value', error.hubMessage ?? 'The hub refused a value.', fhirPathOf(paths, error.field)),
      );
    case 'INELIGIBLE':
      return new FhirError(
        422,
        problem(
          'business-rule',
          `The referral is not eligible for RECONNECT: ${error.reason ?? 'OTHER'}${error.hubMessage ? ` (${error.hubMessage})` : ''}.`,
        ),
      );
    case 'INVALID_TRANSITION':
      return new FhirError(
        422,
        problem('business-rule', error.hubMessage ?? 'Not allowed in the referral’s status.'),
      );
    case 'FORBIDDEN':
      return new FhirError(403, problem('forbidden', error.hubMessage ?? 'The caller may not do this.'));
    case 'UNAUTHENTICATED':
      return new FhirError(401, problem('login', 'A valid bearer token is required.'));
    case 'NOT_FOUND':
      return new FhirError(404, problem('not-found', 'No such referral, or not one the caller may see.'));
    case 'IDEMPOTENCY_KEY_REUSED':
      return new FhirError(
        409,
        problem(
          'conflict',
          'This X-Correlation-Id and MessageHeader.id were already used for a different message: give a new message a new MessageHeader.id.',
        ),
      );
    case 'CONFLICT':
      return new FhirError(
        409,
        problem('conflict', 'The referral changed meanwhile: read it and try again.'),
      );
    case REQUEST_TOO_LARGE:
      return tooLarge();
    case 'DOWNSTREAM_SERVICE_ERROR':
      return new FhirError(503, problem('transient', 'The hub could not be reached: try again later.'));
    default:
      return new FhirError(500, problem('exception', 'The hub could not process the request.'));
  }
}

/** `$process-message`: a new referral or a cancellation. Answers the response message Bundle. */
export async function processMessage(
  deps: ReferralsDeps,
  request: MessageRequest,
): Promise<R4.Bundle<R4.FhirResource>> {
  const body = request.body;
  if (
    typeof body !== 'object' ||
    body === null ||
    (body as { resourceType?: unknown }).resourceType !== 'Bundle'
  ) {
    throw new FhirError(400, {
      code: 'structure',
      diagnostics: 'The body must be a FHIR R4 Bundle of type message.',
      expression: ['Bundle'],
    });
  }
  const problems = r4Problems(body);
  if (problems.length > 0) throw new FhirError(400, problems);
  const message = readBarsMessage(body as R4.Bundle<R4.FhirResource>);
  if (!deps.senders.has(message.sender.odsCode)) {
    throw new FhirError(422, {
      code: 'business-rule',
      diagnostics:
        'The sender Organization is not a BaRS sender of this hub (BARS_SENDERS): ask the RECONNECT Hub team to register its ODS code.',
      expression: [message.sender.path],
    });
  }
  return message.kind === 'new' ? submitNew(deps, request, message) : cancel(deps, request, message);
}

async function submitNew(
  deps: ReferralsDeps,
  request: MessageRequest,
  message: NewReferralMessage,
): Promise<R4.Bundle<R4.FhirResource>> {
  const { caller } = request;
  const establishmentPath = message.paths['input.custody.establishmentCode']!;
  try {
    const { me, establishment } = await deps.hub.send(caller, SENDER_AND_ESTABLISHMENT, {
      code: message.draft.custody.establishmentCode,
    });
    // Security decision: the token's organisation must be the sender's, so that one organisation
    // cannot refer as another's source (the hub records the token's organisation as the referrer's).
    if (me.organisationCode?.toUpperCase() !== message.sender.odsCode) {
      throw new FhirError(403, {
        code: 'forbidden',
        diagnostics: 'The sender Organization’s ODS code is not the organisation of the bearer token.',
        expression: [message.sender.path],
      });
    }
    if (!establishment) {
      throw new FhirError(400, {
        code: 'value',
        diagnostics: 'This is not a known prison or IRC in England (an HMPPS establishment code).',
        expression: [establishmentPath],
      });
    }
    const input: SubmitReferralInput = {
      ...message.draft,
      source: deps.senders.get(message.sender.odsCode)!,
      custody: { ...message.draft.custody, type: establishment.type },
    };
    const { submitReferral } = await deps.hub.send(caller, SUBMIT_REFERRAL, {
      input,
      idempotencyKey: idempotencyKeyOf(request.correlationId, message.messageHeaderId),
    });
    if (submitReferral.replayed) throw duplicateOf(submitReferral.referral);
    return responseMessageOf(message.messageHeaderId, submitReferral.referral, request.baseUrl, deps.now());
  } catch (error) {
    throw fhirErrorOf(error, message.paths);
  }
}

/** The hub's idempotency key of a message: X-Correlation-Id with the MessageHeader id (BARS.md). */
export function idempotencyKeyOf(correlationId: string, messageHeaderId: string): string {
  return `bars:${correlationId.toLowerCase()}:${messageHeaderId}`;
}

function duplicateOf(referral: BarsReferralFragment): FhirError {
  return new FhirError(409, {
    code: 'duplicate',
    diagnostics: `This message was already processed: it made referral ${referral.reference} (ServiceRequest/${referral.id}). Nothing new was stored.`,
  });
}

async function cancel(
  deps: ReferralsDeps,
  request: MessageRequest,
  message: CancellationMessage,
): Promise<R4.Bundle<R4.FhirResource>> {
  const { caller } = request;
  try {
    const referral = message.target.reference
      ? (await deps.hub.send(caller, REFERRAL_BY_REFERENCE, { reference: message.target.reference }))
          .referralByReference
      : (await deps.hub.send(caller, READ_REFERRAL, { id: message.target.id! })).referral;
    if (!referral) throw new HubError({ code: 'NOT_FOUND' });
    // BARS.md: a cancellation is allowed while SUBMITTED, and a business rule after (the hub's
    // refusal of a referrer's withdrawal after acceptance is FORBIDDEN, which would mislead).
    if (referral.status !== 'SUBMITTED') {
      throw new FhirError(422, {
        code: 'business-rule',
        diagnostics: `Referral ${referral.reference} is ${referral.status}: a referrer cancels a referral only while it is SUBMITTED; once RECONNECT has accepted it, contact the service.`,
        expression: [message.target.path],
      });
    }
    const id = referral.id;
    const { withdrawReferral } = await deps.hub.send(caller, WITHDRAW_REFERRAL, {
      id: id!,
      reason: message.reason,
    });
    return responseMessageOf(message.messageHeaderId, withdrawReferral.referral, request.baseUrl, deps.now());
  } catch (error) {
    const failure = fhirErrorOf(error);
    if (failure.status === 404 || failure.status === 422) {
      failure.problems.forEach((p) => (p.expression ??= [message.target.path]));
    }
    throw failure;
  }
}

/** `GET ServiceRequest/{id}`: the referral, when the caller may read it (404 otherwise). */
export async function readServiceRequest(
  deps: ReferralsDeps,
  caller: Caller,
  id: string,
): Promise<BarsReferralFragment> {
  try {
    const { referral } = await deps.hub.send(caller, READ_REFERRAL, { id });
    if (!referral) throw new HubError({ code: 'NOT_FOUND' });
    return referral;
  } catch (error) {
    // An id that is not one of the hub's is simply not found.
    if (error instanceof HubError && error.code === 'BAD_USER_INPUT')
      throw fhirErrorOf(new HubError({ code: 'NOT_FOUND' }));
    throw fhirErrorOf(error);
  }
}

const MAX_SEARCH_PAGES = 10;

/**
 * `GET ServiceRequest?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|{nhs}`: the caller's
 * visible referrals for that NHS number, newest first (the hub's `referrals` with its NHS number
 * filter; at most ten pages of 50).
 */
export async function searchByNhsNumber(
  deps: ReferralsDeps,
  caller: Caller,
  nhsNumber: string,
  selfUrl: string,
  baseUrl: string,
): Promise<R4.Bundle<R4.FhirResource>> {
  const found: BarsReferralFragment[] = [];
  try {
    let after: string | null = null;
    for (let page = 0; page < MAX_SEARCH_PAGES; page += 1) {
      const { referrals }: BarsSearchByNhsNumberQuery = await deps.hub.send(caller, SEARCH_BY_NHS_NUMBER, {
        nhsNumber,
        after,
      });
      found.push(...referrals.nodes);
      if (!referrals.pageInfo.hasNextPage) break;
      after = referrals.pageInfo.endCursor ?? null;
    }
  } catch (error) {
    const failure = fhirErrorOf(error);
    if (failure.status === 400)
      failure.problems.forEach((p) => (p.expression = ['ServiceRequest.patient.identifier']));
    throw failure;
  }
  return searchsetOf(found, selfUrl, baseUrl);
}
