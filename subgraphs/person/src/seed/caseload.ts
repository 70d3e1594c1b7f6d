/**
 * The demo caseload's people, and which person each demo referral is about: the facts the person
 * and referral seeds share. The person seed writes these people and the health needs their
 * referrals identified (each remembering the referral it came from); the composition root hands
 * `DEMO_CASELOAD` to the referral seed, which tells each referral's story about its person.
 * Pure and deterministic: ids derive from stable keys, and nothing depends on the date.
 */
import { stableUuid } from '@reconnect/db';
import type { HealthNeedCategory } from '../db/schema.ts';
import {
  CASELOAD_PEOPLE_PLANS,
  CASELOAD_PLACES,
  CASES_OF_PLACE,
  type CaseloadPeoplePlan,
  type CaseloadPlace,
} from './caseload-plans.ts';
import { libraryNeeds, madeUpPerson, type MadeUpPerson } from './made-up-people.ts';
import { DEMO_PEOPLE, demoPersonId } from './people.ts';

/** A person of the demo caseload, as the referral seed needs to know them. */
export interface DemoCaseloadPerson {
  key: string;
  id: string;
  givenName: string;
  familyName: string;
  homeAreaCode: string | null;
  /** The health needs the person's demo referrals identify, as (category, description). */
  needs: readonly (readonly [HealthNeedCategory, string])[];
  /** Held under immigration powers: the person's demo referrals come from an IRC. */
  immigrationDetainee: boolean;
}

/** A demo referral: its service, its case key in that service's caseload, its id and its person. */
export interface DemoCaseloadReferral {
  serviceCode: string;
  caseKey: string;
  referralId: string;
  person: DemoCaseloadPerson;
}

/** The stable id of a demo referral (the referral seed writes it; the person seed's needs cite it). */
export const demoReferralId = (serviceCode: string, caseKey: string) =>
  stableUuid(`referral:demo:${serviceCode}:${caseKey}`);

interface CaseloadEntry {
  person: DemoCaseloadPerson;
  /** The person's demo referrals, the one that identified the needs first. */
  cases: DemoCaseloadReferral[];
  /** Categories of needs the person subgraph holds already (a named person's own). */
  knownNeeds: ReadonlySet<string>;
  /** The person's details, when made up for the caseload rather than a named demo person. */
  madeUp?: MadeUpPerson;
}

function entryOf(plan: CaseloadPeoplePlan, planIndex: number, place: CaseloadPlace): CaseloadEntry {
  const placeIndex = CASELOAD_PLACES.indexOf(place);
  const n = planIndex * CASELOAD_PLACES.length + placeIndex;
  const namedKey = plan.named[place];
  const cases: DemoCaseloadReferral[] = [];
  const withCases = (person: DemoCaseloadPerson) => {
    for (const caseKey of CASES_OF_PLACE[place]) {
      cases.push({
        serviceCode: plan.serviceCode,
        caseKey,
        referralId: demoReferralId(plan.serviceCode, caseKey),
        person,
      });
    }
    return person;
  };

  if (namedKey) {
    const named = DEMO_PEOPLE.find((p) => p.key === namedKey);
    if (!named) throw new Error(`demo caseload ${plan.serviceCode}: no demo person ${namedKey}`);
    const own = named.needs ?? [];
    const person = withCases({
      key: named.key,
      id: demoPersonId(named.key),
      givenName: named.givenName,
      familyName: named.familyName,
      homeAreaCode: named.homeAreaCode ?? null,
      needs: own.length > 0 ? own : libraryNeeds(n).slice(0, 1),
      immigrationDetainee: !named.prisonNumber && !!named.homeOfficeReference,
    });
    return { person, cases, knownNeeds: new Set(own.map(([category]) => category)) };
  }

  const immigrationDetainee = plan.immigrationDetainees && (place === 'consented' || place === 'withdrawn');
  // Some people live in another service's area: the receiving service differs (cross-area cases).
  const crossArea = place === 'preUnmet' || place === 'withdrawn';
  const areas = crossArea
    ? CASELOAD_PEOPLE_PLANS[(planIndex + 1) % CASELOAD_PEOPLE_PLANS.length]!.homeAreas
    : plan.homeAreas;
  const madeUp = madeUpPerson(n, immigrationDetainee, areas[placeIndex % 3]!);
  const key = `caseload-${plan.serviceCode.toLowerCase()}-${place.toLowerCase()}`;
  const person = withCases({
    key,
    id: demoPersonId(key),
    givenName: madeUp.givenName,
    familyName: madeUp.familyName,
    homeAreaCode: madeUp.homeAreaCode,
    needs: libraryNeeds(n),
    immigrationDetainee,
  });
  return { person, cases, knownNeeds: new Set(), madeUp };
}

function caseloadEntries(): CaseloadEntry[] {
  const entries = CASELOAD_PEOPLE_PLANS.flatMap((plan, planIndex) =>
    CASELOAD_PLACES.map((place) => entryOf(plan, planIndex, place)),
  );
  // A person in two caseloads would have two open referrals, which the hub never allows.
  const keys = entries.map((e) => e.person.key);
  if (new Set(keys).size !== keys.length) throw new Error('a demo person is in two demo caseloads');
  return entries;
}

const ENTRIES = caseloadEntries();

/** Every demo referral and the person it is about. */
export const DEMO_CASELOAD: readonly DemoCaseloadReferral[] = ENTRIES.flatMap((e) => e.cases);

/** The people made up for the caseload, as rows of the people table (without times). */
export function madeUpCaseloadPeople() {
  return ENTRIES.flatMap((e) => (e.madeUp ? [{ id: e.person.id, ...e.madeUp }] : []));
}

/**
 * The health needs the demo referrals identified that the person subgraph does not hold yet, each
 * remembering the referral that identified it (the person's first), as rows without times.
 */
export function referralIdentifiedNeeds() {
  return ENTRIES.flatMap(({ person, cases, knownNeeds }) =>
    person.needs.flatMap(([category, description], i) =>
      knownNeeds.has(category)
        ? []
        : [
            {
              id: stableUuid(`person:demo:${person.key}:referral-need:${i}`),
              personId: person.id,
              category,
              description,
              sourceReferralId: cases[0]!.referralId,
            },
          ],
    ),
  );
}
