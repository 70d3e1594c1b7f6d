/**
 * The identity authority's matching (DOMAIN.md, "One person, many doors"): the first identifier,
 * in a fixed order, that matches a person decides who the submission is; identifiers that person
 * lacks are added; an identifier that belongs to a different person is recorded as an identity
 * conflict for staff, never merged; no match creates a person.
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
  type IdentifierKind,
  type IdentityConflictRow,
  type PersonRow,
} from '../db/schema.ts';
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
export type Candidate = Identifiers & { id: string };

export type MatchDecision =
  | { kind: 'create' }
  | {
      kind: 'link';
      personId: string;
      matchedOn: IdentifierKind;
      /** Identifiers of the submission the person did not have: added to it. */
      add: IdentifierKind[];
      /** Identifiers of the submission that belong to another person: not added, recorded. */
      conflicts: { kind: IdentifierKind; otherPersonId: string }[];
    };

/**
 * Decides who a submission is, given every person holding any of its identifiers.
 *
 * An identifier the person already holds with a different value is neither replaced nor reported:
 * a referrer's word does not overwrite a recorded identifier (staff correct records), and two
 * values on one person are not two people.
 */
export function decideMatch(input: Identifiers, candidates: readonly Candidate[]): MatchDecision {
  const holder = (kind: IdentifierKind): Candidate | undefined => {
    const value = input[IDENTIFIER_FIELD[kind]];
    return value === null ? undefined : candidates.find((c) => c[IDENTIFIER_FIELD[kind]] === value);
  };
  const matchedOn = IDENTIFIER_KINDS.find((kind) => holder(kind) !== undefined);
  if (!matchedOn) return { kind: 'create' };
  const person = holder(matchedOn)!;
  const add: IdentifierKind[] = [];
  const conflicts: { kind: IdentifierKind; otherPersonId: string }[] = [];
  for (const kind of IDENTIFIER_KINDS) {
    const field = IDENTIFIER_FIELD[kind];
    if (kind === matchedOn || input[field] === null) continue;
    const other = holder(kind);
    if (other && other.id !== person.id) conflicts.push({ kind, otherPersonId: other.id });
    else if (!other && person[field] === null) add.push(kind);
  }
  return { kind: 'link', personId: person.id, matchedOn, add, conflicts };
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

/**
 * Applies the matching rule in one transaction, retrying when a concurrent submission claimed one
 * of the identifiers first. The caller has already validated `identity` and asserted permission.
 */
export async function resolveIdentity(
  db: Db,
  actor: AuditActor,
  identity: Identity,
): Promise<IdentityResolution> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction((tx) => resolveOnce(tx as unknown as Db, actor, identity));
    } catch (error) {
      if (attempt < MAX_ATTEMPTS && !isHubError(error) && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

async function resolveOnce(tx: Db, actor: AuditActor, identity: Identity): Promise<IdentityResolution> {
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

  if (decision.kind === 'create') {
    const [person] = await tx
      .insert(people)
      .values({ ...identity, createdAt: at, updatedAt: at })
      .returning();
    await recordAuditEvents(tx, actor, [
      {
        action: 'person.identity-resolved',
        subjectType: 'Person',
        subjectId: person!.id,
        personId: person!.id,
        fields: PERSON_FIELDS.filter(([key]) => identity[key] !== null).map(([, name]) => name),
        outcome: 'SUCCESS',
      },
    ]);
    return { person: person!, created: true, matchedOn: null, addedIdentifiers: [], conflicts: [] };
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
  const conflicts = decision.conflicts.length
    ? await tx
        .insert(identityConflicts)
        .values(
          decision.conflicts.map((c) => ({
            personId: matched.id,
            otherPersonId: c.otherPersonId,
            identifierKind: c.kind,
            recordedAt: at,
            // The referral this submission stores is linked by recordReferralNeeds (same request).
            requestId: actor.requestId,
            addedIdentifierKinds: decision.add,
          })),
        )
        .onConflictDoNothing()
        .returning()
    : [];
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
