/**
 * Seed builders for people (the person subgraph's own tables), for tests and benchmarks: each call makes a new person with fresh, valid, random identifiers
 * (NHS numbers from the never-issued 999 range) unless the test gives its own, so tests that run
 * concurrently on one database never collide on the unique identifier indexes.
 */
import { randomInt } from 'node:crypto';
import type { Queryable } from '@reconnect/db';
import * as personSchema from './db/schema.ts';
import { normaliseNhsNumber, pncCheckLetter } from './service/identifiers.ts';

type PersonRow = personSchema.PersonRow;
type NewPersonRow = personSchema.NewPersonRow;
type HealthNeedRow = personSchema.HealthNeedRow;
type RiskAssessmentRow = personSchema.RiskAssessmentRow;

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const letter = () => LETTERS[randomInt(26)]!;
const digits = (n: number) => Array.from({ length: n }, () => String(randomInt(10))).join('');

// Each test file has its own database and its own process: walking the 999 range from a random
// start never repeats a number within one file, where independent draws (a million values) could.
let nextNhsSerial = randomInt(1_000_000);

/** A valid NHS number in the 999 test range (never issued to a patient), unique in this process. */
export function randomNhsNumber(): string {
  for (;;) {
    nextNhsSerial = (nextNhsSerial + 1) % 1_000_000;
    const nine = `999${String(nextNhsSerial).padStart(6, '0')}`;
    for (let check = 0; check <= 9; check += 1) {
      if (normaliseNhsNumber(`${nine}${check}`)) return `${nine}${check}`;
    }
    // These nine digits give check digit 10: no valid number starts so; draw again.
  }
}

export const randomPrisonNumber = () => `${letter()}${digits(4)}${letter()}${letter()}`;
export const randomCrn = () => `${letter()}${digits(6)}`;

/** A valid PNC id, YYYY/NNNNNNNL, with its check letter. */
export function randomPncId(): string {
  const year = String(2000 + randomInt(25));
  const serial = digits(7);
  return `${year}/${serial}${pncCheckLetter(year.slice(2), serial)}`;
}

export const randomHomeOfficeReference = () => `HO${digits(10)}`;

export type PersonSeed = Partial<NewPersonRow>;

/**
 * Inserts a person and returns the row. Every identifier is random and valid unless given; pass
 * `null` for an identifier the person should not have.
 */
export async function seedPerson(db: Queryable, overrides: PersonSeed = {}): Promise<PersonRow> {
  const [row] = await db
    .insert(personSchema.people)
    .values({
      givenName: 'Test',
      familyName: `Person-${digits(6)}`,
      dateOfBirth: '1990-01-01',
      nhsNumber: randomNhsNumber(),
      prisonNumber: randomPrisonNumber(),
      crn: randomCrn(),
      pncId: randomPncId(),
      homeOfficeReference: null,
      homeAreaCode: 'E08000035',
      ...overrides,
    })
    .returning();
  return row!;
}

export interface HealthNeedSeed {
  category?: personSchema.HealthNeedCategory;
  description?: string;
  active?: boolean;
  recordedAt?: Date;
  recordedBy?: string;
  sourceReferralId?: string | null;
}

export async function seedHealthNeed(
  db: Queryable,
  personId: string,
  seed: HealthNeedSeed = {},
): Promise<HealthNeedRow> {
  const active = seed.active ?? true;
  const recordedAt = seed.recordedAt ?? new Date();
  const [row] = await db
    .insert(personSchema.healthNeeds)
    .values({
      personId,
      category: seed.category ?? 'MENTAL_HEALTH',
      description: seed.description ?? 'A health need recorded by a test.',
      active,
      recordedAt,
      recordedBy: seed.recordedBy ?? 'test',
      sourceReferralId: seed.sourceReferralId ?? null,
      resolvedAt: active ? null : recordedAt,
    })
    .returning();
  return row!;
}

export interface RiskAssessmentSeed {
  level?: personSchema.RiskLevel;
  riskTo?: personSchema.RiskGroup[];
  summary?: string | null;
  /** YYYY-MM-DD. */
  assessedOn?: string;
  source?: string;
  recordedAt?: Date;
  recordedBy?: string;
}

export async function seedRiskAssessment(
  db: Queryable,
  personId: string,
  seed: RiskAssessmentSeed = {},
): Promise<RiskAssessmentRow> {
  const [row] = await db
    .insert(personSchema.riskAssessments)
    .values({
      personId,
      level: seed.level ?? 'HIGH',
      riskTo: seed.riskTo ?? ['PUBLIC'],
      summary: seed.summary === undefined ? 'A risk assessment recorded by a test.' : seed.summary,
      assessedOn: seed.assessedOn ?? new Date().toISOString().slice(0, 10),
      source: seed.source ?? 'OASys (probation)',
      recordedAt: seed.recordedAt ?? new Date(),
      recordedBy: seed.recordedBy ?? 'test',
    })
    .returning();
  return row!;
}

export interface IdentityConflictSeed {
  personId: string;
  otherPersonId: string;
  identifierKind?: personSchema.IdentifierKind;
  kind?: personSchema.IdentityConflictKind;
  referralId?: string | null;
  recordedAt?: Date;
}

/** An open identity conflict between two people, as matching records one. */
export async function seedIdentityConflict(
  db: Queryable,
  seed: IdentityConflictSeed,
): Promise<personSchema.IdentityConflictRow> {
  const [row] = await db
    .insert(personSchema.identityConflicts)
    .values({
      personId: seed.personId,
      otherPersonId: seed.otherPersonId,
      kind: seed.kind ?? 'TWO_RECORDS',
      identifierKind: seed.identifierKind ?? 'PRISON_NUMBER',
      contestedIdentifierKinds: [seed.identifierKind ?? 'PRISON_NUMBER'],
      referralId: seed.referralId ?? null,
      recordedAt: seed.recordedAt ?? new Date(),
    })
    .returning();
  return row!;
}
