/**
 * What the connector asks the gateway, as the caller (the caller's own token): the establishment's
 * type for `custody.type`, `submitReferral`, `withdrawReferral`, and reads of the referral. Every
 * field read is one a referrer may read of its own referral (AUTH.md), so a ServiceRequest is built
 * from what the caller may see and nothing else.
 */
import { graphql } from './generated/gql.ts';

/** The fields a ServiceRequest is built from (service-request.ts). */
export const REFERRAL_FIELDS = graphql(`
  fragment BarsReferral on Referral {
    id
    reference
    status
    version
    source
    submittedAt
    reasonForReferral
    identifiedNeeds
    referrer {
      organisationCode
      organisationName
      name
      email
      phone
    }
    person {
      id
      givenName
      familyName
      dateOfBirth
    }
    custody {
      type
      establishment {
        code
        name
      }
      expectedReleaseDate
      releasedOn
      onTemporaryLicence
    }
    owningService {
      code
      name
    }
    decline {
      reason
    }
    duplicateOf {
      id
      reference
    }
  }
`);

/** Who the token names (its organisation must be the sender's), and the establishment's type. */
export const SENDER_AND_ESTABLISHMENT = graphql(`
  query BarsSenderAndEstablishment($code: String!) {
    me {
      organisationCode
    }
    establishment(code: $code) {
      code
      type
    }
  }
`);

export const SUBMIT_REFERRAL = graphql(`
  mutation BarsSubmitReferral($input: SubmitReferralInput!, $idempotencyKey: String!) {
    submitReferral(input: $input, idempotencyKey: $idempotencyKey) {
      replayed
      referral {
        ...BarsReferral
      }
    }
  }
`);

export const WITHDRAW_REFERRAL = graphql(`
  mutation BarsWithdrawReferral($id: ID!, $reason: String!) {
    withdrawReferral(id: $id, reason: $reason) {
      referral {
        ...BarsReferral
      }
    }
  }
`);

export const READ_REFERRAL = graphql(`
  query BarsReadReferral($id: ID!) {
    referral(id: $id) {
      ...BarsReferral
    }
  }
`);

export const REFERRAL_BY_REFERENCE = graphql(`
  query BarsReferralByReference($reference: String!) {
    referralByReference(reference: $reference) {
      ...BarsReferral
    }
  }
`);

/** The caller's own referrals of one NHS number (the hub checks the number), a page of 50 (the gateway's cost limit). */
export const SEARCH_BY_NHS_NUMBER = graphql(`
  query BarsSearchByNhsNumber($nhsNumber: String!, $after: String) {
    referrals(filter: { nhsNumber: $nhsNumber }, first: 50, after: $after) {
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...BarsReferral
      }
    }
  }
`);
