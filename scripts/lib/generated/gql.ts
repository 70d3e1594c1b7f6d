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
  '\n  query Caseload {\n    referrals(filter: { status: [SUBMITTED, PRE_RELEASE, POST_RELEASE] }, first: 50) {\n      totalCount\n      nodes {\n        id\n        reference\n        status\n        version\n        person {\n          givenName\n          familyName\n        }\n        custody {\n          establishment {\n            name\n          }\n          expectedReleaseDate\n          releasedOn\n        }\n        namedWorker {\n          name\n        }\n        preReleaseContacts {\n          count\n          met\n        }\n        supportWindow {\n          startsOn\n          endsOn\n          dischargeOverdue\n        }\n      }\n    }\n  }\n': typeof types.CaseloadDocument;
  '\n  query Referral($id: ID!) {\n    referral(id: $id) {\n      reference\n      status\n      version\n      source\n      referrer {\n        organisationCode\n        name\n      }\n      person {\n        givenName\n        familyName\n        dateOfBirth\n        nhsNumber\n        homeArea {\n          name\n        }\n        healthNeeds {\n          category\n          description\n        }\n      }\n      custody {\n        type\n        establishment {\n          name\n          localService {\n            name\n          }\n        }\n        expectedReleaseDate\n      }\n      identifiedNeeds\n      reasonForReferral\n      consent {\n        decision\n        method\n      }\n      owningService {\n        code\n        name\n      }\n      history {\n        at\n        type\n        fromStatus\n        toStatus\n      }\n      enhancedCase {\n        status\n      }\n      availableActions\n    }\n  }\n': typeof types.ReferralDocument;
  '\n  mutation Submit($input: SubmitReferralInput!, $key: String!) {\n    submitReferral(input: $input, idempotencyKey: $key) {\n      replayed\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n': typeof types.SubmitDocument;
  '\n  mutation Consent($id: ID!, $v: Int) {\n    recordConsent(referralId: $id, decision: GIVEN, method: FACE_TO_FACE, expectedVersion: $v) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n': typeof types.ConsentDocument;
  '\n  mutation Accept($id: ID!, $v: Int) {\n    acceptReferral(id: $id, expectedVersion: $v) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n': typeof types.AcceptDocument;
  '\n  mutation Contact($id: ID!, $input: ContactInput!) {\n    recordContact(referralId: $id, input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n': typeof types.ContactDocument;
};
const documents: Documents = {
  '\n  query Caseload {\n    referrals(filter: { status: [SUBMITTED, PRE_RELEASE, POST_RELEASE] }, first: 50) {\n      totalCount\n      nodes {\n        id\n        reference\n        status\n        version\n        person {\n          givenName\n          familyName\n        }\n        custody {\n          establishment {\n            name\n          }\n          expectedReleaseDate\n          releasedOn\n        }\n        namedWorker {\n          name\n        }\n        preReleaseContacts {\n          count\n          met\n        }\n        supportWindow {\n          startsOn\n          endsOn\n          dischargeOverdue\n        }\n      }\n    }\n  }\n':
    types.CaseloadDocument,
  '\n  query Referral($id: ID!) {\n    referral(id: $id) {\n      reference\n      status\n      version\n      source\n      referrer {\n        organisationCode\n        name\n      }\n      person {\n        givenName\n        familyName\n        dateOfBirth\n        nhsNumber\n        homeArea {\n          name\n        }\n        healthNeeds {\n          category\n          description\n        }\n      }\n      custody {\n        type\n        establishment {\n          name\n          localService {\n            name\n          }\n        }\n        expectedReleaseDate\n      }\n      identifiedNeeds\n      reasonForReferral\n      consent {\n        decision\n        method\n      }\n      owningService {\n        code\n        name\n      }\n      history {\n        at\n        type\n        fromStatus\n        toStatus\n      }\n      enhancedCase {\n        status\n      }\n      availableActions\n    }\n  }\n':
    types.ReferralDocument,
  '\n  mutation Submit($input: SubmitReferralInput!, $key: String!) {\n    submitReferral(input: $input, idempotencyKey: $key) {\n      replayed\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n':
    types.SubmitDocument,
  '\n  mutation Consent($id: ID!, $v: Int) {\n    recordConsent(referralId: $id, decision: GIVEN, method: FACE_TO_FACE, expectedVersion: $v) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n':
    types.ConsentDocument,
  '\n  mutation Accept($id: ID!, $v: Int) {\n    acceptReferral(id: $id, expectedVersion: $v) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n':
    types.AcceptDocument,
  '\n  mutation Contact($id: ID!, $input: ContactInput!) {\n    recordContact(referralId: $id, input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n':
    types.ContactDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Caseload {\n    referrals(filter: { status: [SUBMITTED, PRE_RELEASE, POST_RELEASE] }, first: 50) {\n      totalCount\n      nodes {\n        id\n        reference\n        status\n        version\n        person {\n          givenName\n          familyName\n        }\n        custody {\n          establishment {\n            name\n          }\n          expectedReleaseDate\n          releasedOn\n        }\n        namedWorker {\n          name\n        }\n        preReleaseContacts {\n          count\n          met\n        }\n        supportWindow {\n          startsOn\n          endsOn\n          dischargeOverdue\n        }\n      }\n    }\n  }\n',
): typeof import('./graphql.ts').CaseloadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Referral($id: ID!) {\n    referral(id: $id) {\n      reference\n      status\n      version\n      source\n      referrer {\n        organisationCode\n        name\n      }\n      person {\n        givenName\n        familyName\n        dateOfBirth\n        nhsNumber\n        homeArea {\n          name\n        }\n        healthNeeds {\n          category\n          description\n        }\n      }\n      custody {\n        type\n        establishment {\n          name\n          localService {\n            name\n          }\n        }\n        expectedReleaseDate\n      }\n      identifiedNeeds\n      reasonForReferral\n      consent {\n        decision\n        method\n      }\n      owningService {\n        code\n        name\n      }\n      history {\n        at\n        type\n        fromStatus\n        toStatus\n      }\n      enhancedCase {\n        status\n      }\n      availableActions\n    }\n  }\n',
): typeof import('./graphql.ts').ReferralDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Submit($input: SubmitReferralInput!, $key: String!) {\n    submitReferral(input: $input, idempotencyKey: $key) {\n      replayed\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n',
): typeof import('./graphql.ts').SubmitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Consent($id: ID!, $v: Int) {\n    recordConsent(referralId: $id, decision: GIVEN, method: FACE_TO_FACE, expectedVersion: $v) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n',
): typeof import('./graphql.ts').ConsentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Accept($id: ID!, $v: Int) {\n    acceptReferral(id: $id, expectedVersion: $v) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n',
): typeof import('./graphql.ts').AcceptDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Contact($id: ID!, $input: ContactInput!) {\n    recordContact(referralId: $id, input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n',
): typeof import('./graphql.ts').ContactDocument;

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
