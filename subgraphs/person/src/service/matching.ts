/**
 * The identity authority's matching (DOMAIN.md, "One person, many doors"): the records holding
 * any identifier of the submission are candidates; a candidate whose date of birth and family or
 * given name agree with the submission's is corroborated (demographics.ts); the submission is
 * linked to the first corroborated candidate in the identifiers' order of precedence, and
 * identifiers it lacks are added. An identifier held by a record that does not corroborate is
 * contested: never added, never linked through, recorded as an identity conflict for information
 * governance. No corroborated candidate: a new record, without the contested identifiers.
 *
 * `decideMatch` is the rule (pure); `resolveIdentity` applies it in one transaction. Concurrent
 * submissions are safe because every identifier is unique in the database: the loser of a race
 * gets a unique violation, and its retry sees the winner's row and links to it.
 */
import { eq, or, sql, type SQL } from 'drizzle-orm';
import { isHubError } from '@reconnect/graph';
import { isUniqueViolation, type Db } from '@reconnect/db';
import { recordAuditEvents, type AuditActor } from '@reconnect/audit';
import {
  IDENTIFIER_KINDS,
  identityConflicts,
  people,
  submissions,
  type IdentifierKind,
  type IdentityConflictKind,
  type IdentityConflictRow,
  type PersonRow,
} from '../db/schema.ts';
import { corroborates, type Demographics } from './demographics.ts';
import type { Identity } from './identifiers.ts';

type IdentifierField = 'nhsNumber' | 'prisonNumber' | 'crn' | 'pncId' | 'homeOfficeReference';

export const IDENTIFIER_FIELD: Record<IdentifierKind, IdentifierField> = {
  NHS_NUMBER: 'nhsNumber',
  PRISON_NUMBER: 'prisonNumber',
  CRN: 'crn',
  PNC_ID: 'pncId',
  HOME_OFFICE_REFERENCE: 'homeOfficeReference',
};

export type Identifiers = Record<IdentifierField, string | null>;
export type Submitted = Identifiers & Demographics;
export type Candidate = Identifiers & Demographics & { id: string };

/** A record other than the linked (or new) one that holds identifiers of the submission. */
export interface ConflictDecision {
  otherPersonId: string;
  /** TWO_RECORDS when that record corroborates the submission too, else DEMOGRAPHICS_DIFFER. */
  kind: IdentityConflictKind;
  /** Every identifier of the submission that record holds, in order of precedence. */
  identifiers: IdentifierKind[];
}

export type MatchDecision =
  | {
      kind: 'create';
      /** Identifiers held by records that did not corroborate: the new record does not get them. */
      withhold: IdentifierKind[];
      conflicts: ConflictDecision[];
    }
  | {
      kind: 'link';
      personId: string;
      matchedOn: IdentifierKind;
      /** Identifiers of the submission the person did not have: added to it. */
      add: IdentifierKind[];
      /** Identifiers of the submission that belong to another person: not added, recorded. */
      conflicts: ConflictDecision[];
    };

/**
 * Decides who a submission is, given every person holding any of its identifiers.
 *
 * An identifier the linked person already holds with a different value is neither replaced nor
 * reported: a referrer's word does not overwrite a recorded identifier (staff correct records),
 * and two values on one person are not two people.
 */
export function decideMatch(input: Submitted, candidates: readonly Candidate[]): MatchDecision {
  const holder = (kind: IdentifierKind): Candidate | undefined => {
    const value = input[IDENTIFIER_FIELD[kind]];
    return value === null ? undefined : candidates.find((c) => c[IDENTIFIER_FIELD[kind]] === value);
  };
  const held = IDENTIFIER_KINDS.flatMap((kind) => {
    const c = holder(kind);
    return c ? [{ kind, holder: c, corroborated: corroborates(c, input) }] : [];
  });
  const conflictsWith = (others: typeof held): ConflictDecision[] => {
    const byRecord = new Map<string, ConflictDecision>();
    for (const h of others) {
      const found = byRecord.get(h.holder.id);
      if (found) found.identifiers.push(h.kind);
      else
        byRecord.set(h.holder.id, {
          otherPersonId: h.holder.id,
          kind: h.corroborated ? 'TWO_RECORDS' : 'DEMOGRAPHICS_DIFFER',
          identifiers: [h.kind],
        });
    }
    return [...byRecord.values()];
  };
  const match = held.find((h) => h.corroborated);
  if (!match) {
    return { kind: 'create', withhold: held.map((h) => h.kind), conflicts: conflictsWith(held) };
  }
  const person = match.holder;
  const add: IdentifierKind[] = [];
  for (const kind of IDENTIFIER_KINDS) {
    const field = IDENTIFIER_FIELD[kind];
    if (input[field] !== null && !holder(kind) && person[field] === null) add.push(kind);
  }
  return {
    kind: 'link',
    personId: person.id,
    matchedOn: match.kind,
    add,
    conflicts: conflictsWith(held.filter((h) => h.holder.id !== person.id)),
  };
}

export interface IdentityResolution {
  person: PersonRow;
  created: boolean;
  matchedOn: IdentifierKind | null;
  addedIdentifiers: IdentifierKind[];
  conflicts: IdentityConflictRow[];
}

/** Fields of a new person, for the audit event (names of fields, never their values). */
const PERSON_FIELDS: [keyof Identity, string][] = [
  ['givenName', 'givenName'],
  ['familyName', 'familyName'],
  ['dateOfBirth', 'dateOfBirth'],
  ['nhsNumber', 'nhsNumber'],
  ['prisonNumber', 'prisonNumber'],
  ['crn', 'crn'],
  ['pncId', 'pncId'],
  ['homeOfficeReference', 'homeOfficeReference'],
  ['homeAreaCode', 'homeArea'],
];

const MAX_ATTEMPTS = 5;

/** Who submitted, for the record of what they submitted (a referrer reads that, never the record). */
export interface Submitter {
  /** The referral being stored (its id is chosen by the referral subgraph before it asks). */
  referralId: string | null;
  organisationCode: string | null;
}

/**
 * Applies the matching rule in one transaction, retrying when a concurrent submission claimed one
 * of the identifiers first. The caller has already validated `identity` and asserted permission.
 */
export async function resolveIdentity(
  db: Db,
  actor: AuditActor,
  identity: Identity,
  submitter: Submitter = { referralId: null, organisationCode: null },
): Promise<IdentityResolution> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction((tx) => resolveOnce(tx as unknown as Db, actor, identity, submitter));
    } catch (error) {
      if (attempt < MAX_ATTEMPTS && !isHubError(error) && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

async function resolveOnce(
  tx: Db,
  actor: AuditActor,
  identity: Identity,
  submitter: Submitter,
): Promise<IdentityResolution> {
  const byIdentifier: SQL[] = [];
  for (const kind of IDENTIFIER_KINDS) {
    const field = IDENTIFIER_FIELD[kind];
    const value = identity[field];
    if (value !== null) byIdentifier.push(eq(people[field], value));
  }
  const candidates = byIdentifier.length
    ? await tx
        .select()
        .from(people)
        .where(or(...byIdentifier))
    : [];
  const decision = decideMatch(identity, candidates);
  const at = actor.at;

  const recordConflicts = (personId: string, added: IdentifierKind[]) =>
    decision.conflicts.length
      ? tx
          .insert(identityConflicts)
          .values(
            decision.conflicts.map((c) => ({
              personId,
              otherPersonId: c.otherPersonId,
              kind: c.kind,
              identifierKind: c.identifiers[0]!,
              contestedIdentifierKinds: c.identifiers,
              recordedAt: at,
              // The referral this submission stores is linked by recordReferralNeeds (same request).
              requestId: actor.requestId,
              referralId: submitter.referralId,
              addedIdentifierKinds: added,
            })),
          )
          .onConflictDoNothing()
          .returning()
      : Promise.resolve([] as IdentityConflictRow[]);
  const recordSubmission = (personId: string) =>
    tx.insert(submissions).values({
      personId,
      referralId: submitter.referralId,
      organisationCode: submitter.organisationCode,
      givenName: identity.givenName,
      familyName: identity.familyName,
      dateOfBirth: identity.dateOfBirth,
      recordedAt: at,
    });

  if (decision.kind === 'create') {
    // Contested identifiers stay with the record that holds them (every identifier is unique).
    const values = { ...identity };
    for (const kind of decision.withhold) values[IDENTIFIER_FIELD[kind]] = null;
    const [person] = await tx
      .insert(people)
      .values({ ...values, createdAt: at, updatedAt: at })
      .returning();
    const conflicts = await recordConflicts(person!.id, []);
    await recordSubmission(person!.id);
    await recordAuditEvents(tx, actor, [
      {
        action: 'person.identity-resolved',
        subjectType: 'Person',
        subjectId: person!.id,
        personId: person!.id,
        fields: [
          ...PERSON_FIELDS.filter(([key]) => values[key] !== null).map(([, name]) => name),
          ...(conflicts.length ? ['identityConflicts'] : []),
        ],
        outcome: 'SUCCESS',
      },
    ]);
    return { person: person!, created: true, matchedOn: null, addedIdentifiers: [], conflicts };
  }

  const matched = candidates.find((c) => c.id === decision.personId)!;
  const changes: Partial<PersonRow> = {};
  for (const kind of decision.add) changes[IDENTIFIER_FIELD[kind]] = identity[IDENTIFIER_FIELD[kind]];
  // A home area is recorded when the person has none; a different one on a later referral is
  // that referral's business (handover), not a silent change of the person's record.
  const addHomeArea = identity.homeAreaCode !== null && matched.homeAreaCode === null;
  if (addHomeArea) changes.homeAreaCode = identity.homeAreaCode;

  let person = matched;
  if (Object.keys(changes).length > 0) {
    const [updated] = await tx
      .update(people)
      .set({ ...changes, updatedAt: at, version: sql`${people.version} + 1` })
      .where(eq(people.id, matched.id))
      .returning();
    person = updated!;
  }
  const conflicts = await recordConflicts(matched.id, decision.add);
  await recordSubmission(matched.id);
  const changedFields = [
    ...decision.add.map((kind) => IDENTIFIER_FIELD[kind] as string),
    ...(addHomeArea ? ['homeArea'] : []),
    ...(conflicts.length ? ['identityConflicts'] : []),
  ];
  await recordAuditEvents(tx, actor, [
    {
      action: 'person.identity-resolved',
      subjectType: 'Person',
      subjectId: matched.id,
      personId: matched.id,
      fields: changedFields,
    },
  ]);
  return { person, created: false, matchedOn: decision.matchedOn, addedIdentifiers: decision.add, conflicts };
}
