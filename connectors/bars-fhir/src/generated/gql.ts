/* eslint-disable */
import * as types from './graphql.ts';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  '\n  fragment BarsReferral on Referral {\n    id\n    reference\n    status\n    version\n    source\n    submittedAt\n    reasonForReferral\n    identifiedNeeds\n    referrer {\n      organisationCode\n      organisationName\n      name\n      email\n      phone\n    }\n    person {\n      id\n      givenName\n      familyName\n      dateOfBirth\n    }\n    custody {\n      type\n      establishment {\n        code\n        name\n      }\n      expectedReleaseDate\n      releasedOn\n      onTemporaryLicence\n    }\n    owningService {\n      code\n      name\n    }\n    decline {\n      reason\n    }\n    duplicateOf {\n      id\n      reference\n    }\n  }\n': typeof types.BarsReferralFragmentDoc;
  '\n  query BarsSenderAndEstablishment($code: String!) {\n    me {\n      organisationCode\n    }\n    establishment(code: $code) {\n      code\n      type\n    }\n  }\n': typeof types.BarsSenderAndEstablishmentDocument;
  '\n  mutation BarsSubmitReferral($input: SubmitReferralInput!, $idempotencyKey: String!) {\n    submitReferral(input: $input, idempotencyKey: $idempotencyKey) {\n      replayed\n      referral {\n        ...BarsReferral\n      }\n    }\n  }\n': typeof types.BarsSubmitReferralDocument;
  '\n  mutation BarsWithdrawReferral($id: ID!, $reason: String!) {\n    withdrawReferral(id: $id, reason: $reason) {\n      referral {\n        ...BarsReferral\n      }\n    }\n  }\n': typeof types.BarsWithdrawReferralDocument;
  '\n  query BarsReadReferral($id: ID!) {\n    referral(id: $id) {\n      ...BarsReferral\n    }\n  }\n': typeof types.BarsReadReferralDocument;
  '\n  query BarsReferralByReference($reference: String!) {\n    referralByReference(reference: $reference) {\n      ...BarsReferral\n    }\n  }\n': typeof types.BarsReferralByReferenceDocument;
  '\n  query BarsSearchByNhsNumber($nhsNumber: String!, $after: String) {\n    referrals(filter: { nhsNumber: $nhsNumber }, first: 50, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...BarsReferral\n      }\n    }\n  }\n': typeof types.BarsSearchByNhsNumberDocument;
};
const documents: Documents = {
  '\n  fragment BarsReferral on Referral {\n    id\n    reference\n    status\n    version\n    source\n    submittedAt\n    reasonForReferral\n    identifiedNeeds\n    referrer {\n      organisationCode\n      organisationName\n      name\n      email\n      phone\n    }\n    person {\n      id\n      givenName\n      familyName\n      dateOfBirth\n    }\n    custody {\n      type\n      establishment {\n        code\n        name\n      }\n      expectedReleaseDate\n      releasedOn\n      onTemporaryLicence\n    }\n    owningService {\n      code\n      name\n    }\n    decline {\n      reason\n    }\n    duplicateOf {\n      id\n      reference\n    }\n  }\n':
    types.BarsReferralFragmentDoc,
  '\n  query BarsSenderAndEstablishment($code: String!) {\n    me {\n      organisationCode\n    }\n    establishment(code: $code) {\n      code\n      type\n    }\n  }\n':
    types.BarsSenderAndEstablishmentDocument,
  '\n  mutation BarsSubmitReferral($input: SubmitReferralInput!, $idempotencyKey: String!) {\n    submitReferral(input: $input, idempotencyKey: $idempotencyKey) {\n      replayed\n      referral {\n        ...BarsReferral\n      }\n    }\n  }\n':
    types.BarsSubmitReferralDocument,
  '\n  mutation BarsWithdrawReferral($id: ID!, $reason: String!) {\n    withdrawReferral(id: $id, reason: $reason) {\n      referral {\n        ...BarsReferral\n      }\n    }\n  }\n':
    types.BarsWithdrawReferralDocument,
  '\n  query BarsReadReferral($id: ID!) {\n    referral(id: $id) {\n      ...BarsReferral\n    }\n  }\n':
    types.BarsReadReferralDocument,
  '\n  query BarsReferralByReference($reference: String!) {\n    referralByReference(reference: $reference) {\n      ...BarsReferral\n    }\n  }\n':
    types.BarsReferralByReferenceDocument,
  '\n  query BarsSearchByNhsNumber($nhsNumber: String!, $after: String) {\n    referrals(filter: { nhsNumber: $nhsNumber }, first: 50, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...BarsReferral\n      }\n    }\n  }\n':
    types.BarsSearchByNhsNumberDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment BarsReferral on Referral {\n    id\n    reference\n    status\n    version\n    source\n    submittedAt\n    reasonForReferral\n    identifiedNeeds\n    referrer {\n      organisationCode\n      organisationName\n      name\n      email\n      phone\n    }\n    person {\n      id\n      givenName\n      familyName\n      dateOfBirth\n    }\n    custody {\n      type\n      establishment {\n        code\n        name\n      }\n      expectedReleaseDate\n      releasedOn\n      onTemporaryLicence\n    }\n    owningService {\n      code\n      name\n    }\n    decline {\n      reason\n    }\n    duplicateOf {\n      id\n      reference\n    }\n  }\n',
): typeof import('./graphql.ts').BarsReferralFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query BarsSenderAndEstablishment($code: String!) {\n    me {\n      organisationCode\n    }\n    establishment(code: $code) {\n      code\n      type\n    }\n  }\n',
): typeof import('./graphql.ts').BarsSenderAndEstablishmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation BarsSubmitReferral($input: SubmitReferralInput!, $idempotencyKey: String!) {\n    submitReferral(input: $input, idempotencyKey: $idempotencyKey) {\n      replayed\n      referral {\n        ...BarsReferral\n      }\n    }\n  }\n',
): typeof import('./graphql.ts').BarsSubmitReferralDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation BarsWithdrawReferral($id: ID!, $reason: String!) {\n    withdrawReferral(id: $id, reason: $reason) {\n      referral {\n        ...BarsReferral\n      }\n    }\n  }\n',
): typeof import('./graphql.ts').BarsWithdrawReferralDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query BarsReadReferral($id: ID!) {\n    referral(id: $id) {\n      ...BarsReferral\n    }\n  }\n',
): typeof import('./graphql.ts').BarsReadReferralDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query BarsReferralByReference($reference: String!) {\n    referralByReference(reference: $reference) {\n      ...BarsReferral\n    }\n  }\n',
): typeof import('./graphql.ts').BarsReferralByReferenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query BarsSearchByNhsNumber($nhsNumber: String!, $after: String) {\n    referrals(filter: { nhsNumber: $nhsNumber }, first: 50, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...BarsReferral\n      }\n    }\n  }\n',
): typeof import('./graphql.ts').BarsSearchByNhsNumberDocument;

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
