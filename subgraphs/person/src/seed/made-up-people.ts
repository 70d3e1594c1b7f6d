/**
 * The people made up for the demo caseload, where no named demo person takes the place: names,
 * dates of birth and identifiers derived from the place's position (`n`), so every run makes the
 * same people. Made-up people are placed in men's prisons and IRCs (the named demo women are placed
 * in women's prisons by the referral seed). NHS numbers are from the never-issued 999 range.
 */
import type { HealthNeedCategory } from '../db/schema.ts';

const GIVEN = [
  'Liam',
  'Jordan',
  'Paul',
  'Craig',
  'Darren',
  'Mohammed',
  'Wayne',
  'Kieran',
  'Lee',
  'Tyrone',
  'Stuart',
  'Bilal',
  'Connor',
  'Dean',
  'Jamie',
  'Ricky',
  'Nathan',
  'Scott',
  'Adam',
  'Kyle',
  'Sean',
  'Callum',
];
const FAMILY = [
  'Harper',
  'Lowe',
  'Fenwick',
  'Okoro',
  'Brennan',
  'Hussain',
  'Walsh',
  'Cartwright',
  'Doyle',
  'Mensah',
  'Pritchard',
  'Kaur',
  'Lambert',
  'Mitchell',
  'Nolan',
  'Osei',
  'Quinn',
  'Rahman',
  'Shaw',
  'Tate',
  'Varley',
  'Yates',
  'Ingram',
];
const IRC_GIVEN = ['Arben', 'Dawit', 'Mihai', 'Samir', 'Kofi', 'Luan', 'Yonas'];
const IRC_FAMILY = ['Berisha', 'Tesfaye', 'Popescu', 'Haddad', 'Asante', 'Krasniqi', 'Gebremedhin'];
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

const NEED_LIBRARY: [HealthNeedCategory, string][] = [
  ['MENTAL_HEALTH', 'Depression and anxiety; on sertraline.'],
  ['SUBSTANCE_MISUSE', 'Opiate use; on a methadone script that must continue on release.'],
  ['ALCOHOL', 'Alcohol dependence; detoxed in custody.'],
  ['PHYSICAL_HEALTH', 'Epilepsy; needs a GP to continue medication.'],
  ['SOCIAL_CARE', 'Needs help with personal care; no fixed abode on release.'],
  ['MENTAL_HEALTH', 'Bipolar disorder; under the in-reach team.'],
  ['NEURODIVERSITY', 'Autism; struggles with new places and letters.'],
  ['SUBSTANCE_MISUSE', 'Crack cocaine use; wants support to stay clean.'],
  ['PHYSICAL_HEALTH', 'Chronic back pain; on prescribed pain relief.'],
  ['LEARNING_DISABILITY', 'Learning disability; needs easy-read information.'],
  ['BRAIN_INJURY', 'Head injury from an assault; memory problems.'],
  ['MENTAL_HEALTH', 'PTSD and poor sleep.'],
  ['OTHER', 'Hearing impairment; needs a BSL interpreter for appointments.'],
];

/** The needs a referral identifies for the person in place `n`: one, and every third place two. */
export function libraryNeeds(n: number): [HealthNeedCategory, string][] {
  return [
    NEED_LIBRARY[n % NEED_LIBRARY.length]!,
    ...(n % 3 === 0 ? [NEED_LIBRARY[(n + 5) % NEED_LIBRARY.length]!] : []),
  ];
}

/** A valid NHS number in the 999 range from a serial (Modulus 11; serials giving 10 are skipped). */
function nhsNumberFrom(serial: number): string {
  for (let s = serial; ; s += 1) {
    const nine = `9991${String(s).padStart(5, '0')}`;
    const sum = [...nine].reduce((acc, d, i) => acc + Number(d) * (10 - i), 0);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    return `${nine}${check === 11 ? 0 : check}`;
  }
}

/** A made-up person's details (a row of the people table, without id and times). */
export interface MadeUpPerson {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  nhsNumber: string | null;
  prisonNumber: string | null;
  crn: string | null;
  pncId: string | null;
  homeOfficeReference: string | null;
  homeAreaCode: string;
}

/** The person made up for place `n`: a prisoner, or an immigration detainee (often no NHS number). */
export function madeUpPerson(n: number, immigrationDetainee: boolean, homeAreaCode: string): MadeUpPerson {
  const irc = immigrationDetainee;
  const year = 1972 + ((n * 11) % 31);
  return {
    givenName: irc ? IRC_GIVEN[n % IRC_GIVEN.length]! : GIVEN[n % GIVEN.length]!,
    familyName: irc ? IRC_FAMILY[(n * 3) % IRC_FAMILY.length]! : FAMILY[(n * 7) % FAMILY.length]!,
    dateOfBirth: `${year}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + ((n * 5) % 28)).padStart(2, '0')}`,
    nhsNumber: irc && n % 2 === 0 ? null : nhsNumberFrom(100 + n * 13),
    prisonNumber: irc
      ? null
      : `R${String(1000 + n * 37).slice(-4)}${LETTERS[n % 24]}${LETTERS[(n * 7) % 24]}`,
    crn: irc ? null : `R${String(100000 + n * 4099).slice(-6)}`,
    pncId: null,
    homeOfficeReference: irc ? `K${String(2000000 + n * 7919).slice(-7)}` : null,
    homeAreaCode,
  };
}
