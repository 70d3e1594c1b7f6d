/**
 * Demo caseloads for a new user to explore: every RECONNECT service gets referrals in every state,
 * from every kind of referrer, with consent, named and peer support workers, contacts (some meeting
 * the two-contact target, some not), community engagements, history, a declined duplicate and, in
 * some services, discharge-overdue and extended cases. All names and identifiers are fictional (NHS
 * numbers from the never-issued 999 range).
 *
 * The referral domain does not reach into other domains' tables: the composition root
 * (packages/hub, `seedDemoData`) passes in the person domain's demo people and the directory's demo
 * staff; the person subgraph's seed writes every person this caseload is about. This module writes
 * referrals, their children and their grants (who may see them).
 *
 * Idempotent: ids and references are derived from stable names, rows are inserted with ON CONFLICT
 * DO NOTHING, and dates are relative to `clock.today()` on the first run.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '@reconnect/config';
import { grants, type NewGrant, type Relationship } from '@reconnect/access';
import { stableUuid, type Queryable } from '@reconnect/db';
import { contacts, engagements, referralEvents, referrals, type ReferralStatus } from './db/schema.ts';
import { addDays, addMonths, daysBetween } from './service/dates.ts';
import { REFERENCE_ALPHABET } from './service/reference.ts';

/** A demo person of the person domain (its DEMO_PEOPLE). */
export interface DemoPersonRef {
  key: string;
  givenName: string;
  familyName: string;
  homeAreaCode?: string | undefined;
  homeOfficeReference?: string | undefined;
  needs?: readonly (readonly [string, string])[] | undefined;
}

/** A demo staff member of the directory (its demoStaff). */
export interface DemoStaffRef {
  id: string;
  name: string;
  role: string;
  active: boolean;
}

/** What the caseload needs to know of the other domains' demo data. */
export interface DemoDirectory {
  people: readonly DemoPersonRef[];
  /** The person domain's stable id for a demo person key (also used for `demoCaseloadPeople`). */
  personId(key: string): string;
  staff(serviceCode: string): readonly DemoStaffRef[];
}

/** A person row for the person domain's `people` table. */
export interface DemoCaseloadPerson {
  id: string;
  key: string;
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

export const demoReferralId = (serviceCode: string, caseKey: string) =>
  stableUuid(`referral:demo:${serviceCode}:${caseKey}`);

/** A reference in the referral alphabet, derived from the referral's name. */
function demoReference(name: string): string {
  const bytes = createHash('sha256').update(`reconnect-hub:reference:${name}`).digest();
  const chars = Array.from(
    bytes.subarray(0, 8),
    (b) => REFERENCE_ALPHABET[b % REFERENCE_ALPHABET.length],
  ).join('');
  return `RC-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

// --- The directory as the demo uses it -----------------------------------------------------------

/** The RECONNECT service that receives each home area the demo uses (the directory's mapping). */
const AREA_SERVICE: Record<string, string> = {
  E08000035: 'RC-NEY',
  E08000021: 'RC-NEY',
  E08000039: 'RC-NEY',
  E06000010: 'RC-NEY',
  E08000003: 'RC-NW',
  E08000012: 'RC-NW',
  E08000006: 'RC-NW',
  E08000001: 'RC-NW',
  E08000010: 'RC-NW',
  E08000025: 'RC-MID',
  E06000018: 'RC-MID',
  E06000016: 'RC-MID',
  E06000015: 'RC-MID',
  E07000146: 'RC-EOE',
  E06000031: 'RC-EOE',
  E06000032: 'RC-EOE',
  E07000008: 'RC-EOE',
  E09000007: 'RC-LDN',
  E09000008: 'RC-LDN',
  E09000005: 'RC-LDN',
  E06000043: 'RC-SE',
  E06000038: 'RC-SE',
  E06000035: 'RC-SE',
  E06000023: 'RC-SW',
  E06000026: 'RC-SW',
  E06000052: 'RC-SW',
  E06000030: 'RC-SW',
};

const ESTABLISHMENT_NAMES: Record<string, string> = {
  LEI: 'HMP Leeds',
  HLI: 'HMP Hull',
  DMI: 'HMP Durham',
  'IRC-DW': 'Derwentside IRC',
  MRI: 'HMP Manchester',
  LPI: 'HMP Liverpool',
  STI: 'HMP Styal',
  FBI: 'HMP Forest Bank',
  BMI: 'HMP Birmingham',
  NMI: 'HMP Nottingham',
  LCI: 'HMP Leicester',
  DHI: 'HMP Drake Hall',
  NWI: 'HMP Norwich',
  PBI: 'HMP Peterborough',
  CDI: 'HMP Chelmsford',
  'IRC-YW': "Yarl's Wood IRC",
  PVI: 'HMP Pentonville',
  WWI: 'HMP Wandsworth',
  BXI: 'HMP Brixton',
  'IRC-HW': 'Harmondsworth IRC',
  LWI: 'HMP Lewes',
  WCI: 'HMP Winchester',
  EYI: 'HMP Elmley',
  'IRC-BH': 'Brook House IRC',
  BLI: 'HMP Bristol',
  EXI: 'HMP Exeter',
  CWI: 'HMP Channings Wood',
  EWI: 'HMP Eastwood Park',
  NHI: 'HMP New Hall',
};

type Slot = 'new' | 'consented' | 'preMet' | 'preUnmet' | 'post' | 'postLate' | 'declined' | 'withdrawn';
const SLOTS: Slot[] = ['new', 'consented', 'preMet', 'preUnmet', 'post', 'postLate', 'declined', 'withdrawn'];

interface ServicePlan {
  code: string;
  region: string;
  regionName: string;
  prisons: [string, string, string];
  /** The service's IRC, if its region has one: IRC healthcare and Home Office referrals come from it. */
  irc?: string;
  /** Home areas the service receives (the people it supports mostly live here). */
  areas: [string, string, string];
  police: [string, string];
  /** Demo people of the person domain placed in this caseload, by slot. */
  people: Partial<Record<Slot, string>>;
  /** Where a slot's person is held, when not the service's usual prisons (women's prisons). */
  at?: Partial<Record<Slot, string>>;
  /** The older post-release case: discharge-overdue, extended, or simply released two months ago. */
  late: 'overdue' | 'extended' | 'recent';
}

const PLANS: ServicePlan[] = [
  {
    code: 'RC-NEY',
    region: 'NEY',
    regionName: 'North East and Yorkshire',
    prisons: ['LEI', 'HLI', 'DMI'],
    irc: 'IRC-DW',
    areas: ['E08000035', 'E08000039', 'E06000010'],
    police: ['POL-WY', 'West Yorkshire Police'],
    people: { preMet: 'daniel-marsh', post: 'shane-o-brien', new: 'ryan-whitfield', declined: 'chloe-ward' },
    at: { declined: 'NHI' },
    late: 'extended',
  },
  {
    code: 'RC-NW',
    region: 'NW',
    regionName: 'North West',
    prisons: ['MRI', 'LPI', 'FBI'],
    areas: ['E08000003', 'E08000012', 'E08000006'],
    police: ['POL-GMP', 'Greater Manchester Police'],
    people: { post: 'kelly-ainsworth', preMet: 'leanne-hughes' },
    at: { post: 'STI', preMet: 'STI', consented: 'MRI' },
    late: 'overdue',
  },
  {
    code: 'RC-MID',
    region: 'MID',
    regionName: 'Midlands',
    prisons: ['BMI', 'NMI', 'LCI'],
    areas: ['E08000025', 'E06000018', 'E06000016'],
    police: ['POL-WM', 'West Midlands Police'],
    people: { preUnmet: 'aaliyah-grant' },
    at: { preUnmet: 'DHI' },
    late: 'recent',
  },
  {
    code: 'RC-EOE',
    region: 'EOE',
    regionName: 'East of England',
    prisons: ['NWI', 'PBI', 'CDI'],
    irc: 'IRC-YW',
    areas: ['E07000146', 'E06000031', 'E06000032'],
    police: ['POL-NFK', 'Norfolk Constabulary'],
    people: { post: 'marcus-bell' },
    late: 'recent',
  },
  {
    code: 'RC-LDN',
    region: 'LDN',
    regionName: 'London',
    prisons: ['PVI', 'WWI', 'BXI'],
    irc: 'IRC-HW',
    areas: ['E09000007', 'E09000008', 'E09000005'],
    police: ['POL-MPS', 'Metropolitan Police Service'],
    people: { consented: 'tomasz-nowak' },
    late: 'recent',
  },
  {
    code: 'RC-SE',
    region: 'SE',
    regionName: 'South East',
    prisons: ['LWI', 'WCI', 'EYI'],
    irc: 'IRC-BH',
    areas: ['E06000043', 'E06000038', 'E06000035'],
    police: ['POL-SXP', 'Sussex Police'],
    people: { consented: 'ahmed-farouk' },
    late: 'recent',
  },
  {
    code: 'RC-SW',
    region: 'SW',
    regionName: 'South West',
    prisons: ['BLI', 'EXI', 'CWI'],
    areas: ['E06000023', 'E06000026', 'E06000052'],
    police: ['POL-ASP', 'Avon and Somerset Police'],
    people: { postLate: 'gary-pollard', new: 'joanne-pike' },
    at: { new: 'EWI' },
    late: 'overdue',
  },
];

export const DEMO_SERVICE_CODES = PLANS.map((p) => p.code);

// --- The extra people the caseload needs ----------------------------------------------------------

// Made-up people are placed in men's prisons and IRCs; the person domain's demo women are placed in
// women's prisons (ServicePlan.at).
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

const NEED_LIBRARY: [string, string][] = [
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

interface CasePerson {
  key: string;
  id: string;
  givenName: string;
  familyName: string;
  homeAreaCode: string | null;
  /** Needs the person domain holds already (demo people), by category. */
  knownNeeds: Set<string>;
  needs: [string, string][];
  generated?: DemoCaseloadPerson;
}

/** The people of a service's caseload, one per slot: the person domain's demo people, or made up. */
function casePeople(
  plan: ServicePlan,
  planIndex: number,
  directory: DemoDirectory,
): Record<Slot, CasePerson> {
  const out = {} as Record<Slot, CasePerson>;
  SLOTS.forEach((slot, slotIndex) => {
    const demoKey = plan.people[slot];
    const demo = demoKey ? directory.people.find((p) => p.key === demoKey) : undefined;
    const n = planIndex * SLOTS.length + slotIndex;
    const library = [
      NEED_LIBRARY[n % NEED_LIBRARY.length]!,
      ...(n % 3 === 0 ? [NEED_LIBRARY[(n + 5) % NEED_LIBRARY.length]!] : []),
    ];
    if (demo) {
      const known = (demo.needs ?? []).map(([c, d]) => [c, d] as [string, string]);
      out[slot] = {
        key: demo.key,
        id: directory.personId(demo.key),
        givenName: demo.givenName,
        familyName: demo.familyName,
        homeAreaCode: demo.homeAreaCode ?? null,
        knownNeeds: new Set(known.map(([c]) => c)),
        needs: known.length > 0 ? known : library.slice(0, 1),
      };
      return;
    }
    const irc = !!plan.irc && (slot === 'consented' || slot === 'withdrawn');
    const key = `caseload-${plan.code.toLowerCase()}-${slot.toLowerCase()}`;
    // Some people live in another service's area: the receiving service differs (cross-area cases).
    const crossArea = slot === 'preUnmet' || slot === 'withdrawn';
    const homeAreaCode = crossArea
      ? PLANS[(planIndex + 1) % PLANS.length]!.areas[slotIndex % 3]
      : plan.areas[slotIndex % 3];
    const givenName = irc ? IRC_GIVEN[n % IRC_GIVEN.length]! : GIVEN[n % GIVEN.length]!;
    const familyName = irc ? IRC_FAMILY[(n * 3) % IRC_FAMILY.length]! : FAMILY[(n * 7) % FAMILY.length]!;
    const year = 1972 + ((n * 11) % 31);
    const generated: DemoCaseloadPerson = {
      id: directory.personId(key),
      key,
      givenName,
      familyName,
      dateOfBirth: `${year}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + ((n * 5) % 28)).padStart(2, '0')}`,
      nhsNumber: irc && n % 2 === 0 ? null : nhsNumberFrom(100 + n * 13),
      prisonNumber: irc
        ? null
        : `R${String(1000 + n * 37).slice(-4)}${'ABCDEFGHJKLMNPQRSTUVWXYZ'[n % 24]}${'ABCDEFGHJKLMNPQRSTUVWXYZ'[(n * 7) % 24]}`,
      crn: irc ? null : `R${String(100000 + n * 4099).slice(-6)}`,
      pncId: null,
      homeOfficeReference: irc ? `K${String(2000000 + n * 7919).slice(-7)}` : null,
      homeAreaCode: homeAreaCode!,
    };
    out[slot] = {
      key,
      id: generated.id,
      givenName,
      familyName,
      homeAreaCode: homeAreaCode!,
      knownNeeds: new Set(),
      needs: library,
      generated,
    };
  });
  return out;
}

// --- The cases ------------------------------------------------------------------------------------

/**
 * One entry of a referral's history, named and worded as the lifecycle writes it. `becomes` is the
 * status after the change (unchanged when absent); from/to are filled in chronologically on seeding.
 * `statusless` entries (a duplicate received) carry no status and do not change the version.
 */
interface DemoEvent {
  daysAgo: number;
  type: string;
  becomes?: ReferralStatus;
  statusless?: boolean;
  actor: string;
  actorOrganisation: string;
  reason?: string;
}

interface DemoCase {
  key: string;
  serviceCode: string;
  person: CasePerson;
  status: ReferralStatus;
  source: string;
  referrer: {
    org: string;
    orgName: string | null;
    name: string;
    email: string | null;
    phone: string | null;
    relationship: string | null;
  };
  submittedDaysAgo: number;
  custodyType: 'PRISON' | 'IRC';
  establishmentCode: string;
  expectedReleaseDate: string | null;
  releasedOn: string | null;
  onTemporaryLicence?: boolean;
  reasonForReferral: string;
  consent?: {
    decision: 'GIVEN' | 'REFUSED' | 'WITHDRAWN';
    method: 'FACE_TO_FACE' | 'VIDEO' | 'TELEPHONE';
    daysAgo: number;
    by: string;
  };
  namedWorker?: DemoStaffRef;
  peerSupportWorker?: DemoStaffRef;
  duplicateOf?: string;
  decline?: { reason: string; note: string; daysAgo: number };
  discharge?: { reason: string; note: string; daysAgo: number };
  extension?: { until: string; reason: string };
  contacts: {
    daysAgo: number;
    mode: 'FACE_TO_FACE' | 'VIDEO' | 'TELEPHONE';
    purpose: string;
    note: string;
    staff?: DemoStaffRef;
  }[];
  engagements: {
    serviceType: string;
    providerName: string;
    appointmentOn: string | null;
    outcome: 'BOOKED' | 'ATTENDED' | 'MISSED' | 'CANCELLED';
    recordedDaysAgo: number;
  }[];
  events: DemoEvent[];
}

const REFERRER_NAMES = [
  'Jane Whitaker',
  'Rob Ellison',
  'Priya Desai',
  'Mark Fletcher',
  'Sian Roberts',
  'Gareth Lloyd',
  'Olu Bankole',
  'Karen Moss',
];

function referrerFor(
  source: string,
  plan: ServicePlan,
  establishment: string,
  person: CasePerson,
  n: number,
): DemoCase['referrer'] {
  const name = REFERRER_NAMES[n % REFERRER_NAMES.length]!;
  const mail = (domain: string) => `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@${domain}`;
  const phone = `01632 960${String(100 + ((n * 37) % 900)).padStart(3, '0')}`;
  switch (source) {
    case 'PROBATION':
      return {
        org: `PROB-${plan.region}`,
        orgName: `Probation Service ${plan.regionName}`,
        name,
        email: mail('probation.example.org'),
        phone,
        relationship: null,
      };
    case 'POLICE':
      return {
        org: plan.police[0],
        orgName: plan.police[1],
        name,
        email: mail('police.example.org'),
        phone,
        relationship: null,
      };
    case 'LIAISON_AND_DIVERSION':
      return {
        org: `LD-${plan.region}`,
        orgName: `Liaison and Diversion ${plan.regionName}`,
        name,
        email: mail('nhs.example.org'),
        phone,
        relationship: null,
      };
    case 'HOME_OFFICE_ENFORCEMENT':
      return {
        org: 'HOIE',
        orgName: 'Home Office Immigration Enforcement',
        name,
        email: mail('homeoffice.example.org'),
        phone,
        relationship: null,
      };
    case 'PRISON_HEALTHCARE':
      return {
        org: `HCP-${establishment}`,
        orgName: `Healthcare, ${ESTABLISHMENT_NAMES[establishment] ?? establishment}`,
        name,
        email: mail('nhs.example.org'),
        phone,
        relationship: null,
      };
    case 'IRC_HEALTHCARE':
      return {
        org: `HCI-${establishment.replace(/^IRC-/, '')}`,
        orgName: `Healthcare, ${ESTABLISHMENT_NAMES[establishment] ?? establishment}`,
        name,
        email: mail('nhs.example.org'),
        phone,
        relationship: null,
      };
    case 'SELF':
      return {
        org: 'RCF-ONLINE',
        orgName: 'RECONNECT online referral form',
        name: `${person.givenName} ${person.familyName}`,
        email: null,
        phone: null,
        relationship: null,
      };
    default:
      return {
        org: 'RCF-ONLINE',
        orgName: 'RECONNECT online referral form',
        name: `${['Margaret', 'Denise', 'Tony', 'Sharon'][n % 4]} ${person.familyName}`,
        email: null,
        phone,
        relationship: ['Mother', 'Sister', 'Father', 'Partner'][n % 4]!,
      };
  }
}

const actorOf = (who: { name: string }) => `${who.name} (demo)`;

/** The ten referrals of one service's caseload, their stories told as rows and events. */
function serviceCases(
  plan: ServicePlan,
  planIndex: number,
  directory: DemoDirectory,
  today: string,
): DemoCase[] {
  const people = casePeople(plan, planIndex, directory);
  const staff = directory.staff(plan.code).filter((s) => s.active);
  const lead = staff.find((s) => s.role === 'TEAM_LEAD') ?? staff[0]!;
  const workers = staff.filter((s) => s.role === 'RECONNECT_WORKER');
  const peers = staff.filter((s) => s.role === 'PEER_SUPPORT_WORKER');
  const worker = (i: number) => workers[i % Math.max(workers.length, 1)] ?? lead;
  const peer = (i: number) => peers[i % Math.max(peers.length, 1)] ?? lead;
  const prison = (slot: Slot, i: number) => plan.at?.[slot] ?? plan.prisons[i % 3]!;
  const day = (daysAgo: number) => addDays(today, -daysAgo);
  const cases: DemoCase[] = [];

  const base = (
    caseKey: string,
    slot: Slot,
    source: string,
    submittedDaysAgo: number,
    custody: { type: 'PRISON' | 'IRC'; at: string },
  ) => {
    const person = people[slot];
    const n = planIndex * 10 + cases.length;
    const referrer = referrerFor(source, plan, custody.at, person, n);
    const c: DemoCase = {
      key: caseKey,
      serviceCode: plan.code,
      person,
      status: 'SUBMITTED',
      source,
      referrer,
      submittedDaysAgo,
      custodyType: custody.type,
      establishmentCode: custody.at,
      expectedReleaseDate: null,
      releasedOn: null,
      reasonForReferral: `${person.needs.map(([, d]) => d).join(' ')} Needs help to register with a GP and link in with community services before release.`,
      contacts: [],
      engagements: [],
      events: [
        {
          daysAgo: submittedDaysAgo,
          type: 'referral.submitted',
          becomes: 'SUBMITTED',
          actor: actorOf(referrer),
          actorOrganisation: referrer.org,
        },
      ],
    };
    cases.push(c);
    return c;
  };
  const consent = (
    c: DemoCase,
    daysAgo: number,
    decision: 'GIVEN' | 'REFUSED',
    by: DemoStaffRef,
    method: 'FACE_TO_FACE' | 'VIDEO' | 'TELEPHONE' = 'FACE_TO_FACE',
  ) => {
    c.consent = { decision, method, daysAgo, by: actorOf(by) };
    c.events.push({
      daysAgo,
      type: 'referral.consent-recorded',
      actor: actorOf(by),
      actorOrganisation: plan.code,
      reason: `Consent ${decision} (${method})`,
    });
  };
  const accept = (c: DemoCase, daysAgo: number, by: DemoStaffRef, named: DemoStaffRef) => {
    c.status = 'PRE_RELEASE';
    c.namedWorker = named;
    c.events.push({
      daysAgo,
      type: 'referral.accepted',
      becomes: 'PRE_RELEASE',
      actor: actorOf(by),
      actorOrganisation: plan.code,
    });
    c.events.push({
      daysAgo,
      type: 'referral.worker-assigned',
      actor: actorOf(by),
      actorOrganisation: plan.code,
      reason: `Named worker: ${named.name}`,
    });
  };
  const release = (c: DemoCase, daysAgo: number, by: DemoStaffRef) => {
    c.status = 'POST_RELEASE';
    c.releasedOn = day(daysAgo);
    c.events.push({
      daysAgo,
      type: 'referral.released',
      becomes: 'POST_RELEASE',
      actor: actorOf(by),
      actorOrganisation: plan.code,
      reason: `Released on ${c.releasedOn}`,
    });
  };
  const contact = (
    c: DemoCase,
    daysAgo: number,
    mode: DemoCase['contacts'][number]['mode'],
    purpose: string,
    note: string,
    by = c.namedWorker ?? lead,
  ) => {
    c.contacts.push({ daysAgo, mode, purpose, note, staff: by });
    c.events.push({
      daysAgo,
      type: 'referral.contact-recorded',
      actor: actorOf(by),
      actorOrganisation: plan.code,
      reason: `${mode} contact (${purpose}) on ${day(daysAgo)}`,
    });
  };
  const engage = (
    c: DemoCase,
    serviceType: string,
    providerName: string,
    appointmentDaysAgo: number | null,
    outcome: DemoCase['engagements'][number]['outcome'],
    recordedDaysAgo: number,
  ) => {
    c.engagements.push({
      serviceType,
      providerName,
      appointmentOn: appointmentDaysAgo === null ? null : day(appointmentDaysAgo),
      outcome,
      recordedDaysAgo,
    });
    c.events.push({
      daysAgo: recordedDaysAgo,
      type: 'referral.engagement-recorded',
      actor: actorOf(c.namedWorker ?? lead),
      actorOrganisation: plan.code,
      reason: `${serviceType} with ${providerName}: ${outcome}`,
    });
  };
  const town = ESTABLISHMENT_NAMES[plan.prisons[0]]?.replace(/^HMP /, '') ?? plan.regionName;

  // 1. Just arrived: nobody has seen the person yet.
  const fresh = base('new', 'new', 'PROBATION', 1, { type: 'PRISON', at: prison('new', 0) });
  fresh.expectedReleaseDate = day(-60);

  // 2. Assessed and consenting: ready for the team to accept.
  const consentedIrc = !!plan.irc;
  const ready = base(
    'consented',
    'consented',
    consentedIrc ? 'IRC_HEALTHCARE' : 'PRISON_HEALTHCARE',
    6,
    consentedIrc ? { type: 'IRC', at: plan.irc! } : { type: 'PRISON', at: prison('consented', 1) },
  );
  ready.expectedReleaseDate = day(-25);
  consent(ready, 3, 'GIVEN', worker(0));
  contact(
    ready,
    3,
    'FACE_TO_FACE',
    'ASSESSMENT',
    'Assessment on the wing; keen for support on release.',
    worker(0),
  );

  // 3. Accepted, two contacts before release (target met), GP registration booked.
  const met = base('pre-met', 'preMet', 'POLICE', 40, { type: 'PRISON', at: prison('preMet', 2) });
  met.expectedReleaseDate = day(-8);
  consent(met, 36, 'GIVEN', worker(1));
  accept(met, 35, lead, worker(1));
  contact(met, 36, 'FACE_TO_FACE', 'ASSESSMENT', 'Assessment and consent.');
  contact(met, 12, 'VIDEO', 'RELEASE_PLANNING', 'Release plan agreed: GP, pharmacy, housing appointment.');
  engage(met, 'GP_REGISTRATION', `${town} Health Centre`, -9, 'BOOKED', 5);

  // 4. Accepted, release further away, one telephone contact so far (target not met yet).
  const unmet = base('pre-unmet', 'preUnmet', 'SELF', 20, { type: 'PRISON', at: prison('preUnmet', 0) });
  unmet.expectedReleaseDate = day(-70);
  consent(unmet, 15, 'GIVEN', worker(2), 'TELEPHONE');
  accept(unmet, 14, lead, worker(2));
  contact(unmet, 15, 'TELEPHONE', 'ASSESSMENT', 'Telephone assessment; visits restricted this week.');

  // 5. Released a month ago: contacts before release, gate meet, engaged with the GP.
  const post = base('post', 'post', 'LIAISON_AND_DIVERSION', 95, { type: 'PRISON', at: prison('post', 1) });
  post.expectedReleaseDate = day(35);
  consent(post, 90, 'GIVEN', worker(0));
  accept(post, 88, lead, worker(0));
  post.peerSupportWorker = peer(0);
  post.events.push({
    daysAgo: 80,
    type: 'referral.peer-support-assigned',
    actor: actorOf(lead),
    actorOrganisation: plan.code,
    reason: `Peer support worker: ${peer(0).name}`,
  });
  contact(post, 90, 'FACE_TO_FACE', 'ASSESSMENT', 'Assessment and consent.');
  contact(post, 60, 'FACE_TO_FACE', 'RELEASE_PLANNING', 'Release planning with the substance misuse team.');
  contact(post, 40, 'VIDEO', 'RELEASE_PLANNING', 'Confirmed accommodation and GP.');
  release(post, 35, worker(0));
  contact(post, 35, 'FACE_TO_FACE', 'GATE_MEET', 'Met at the gate; went to the pharmacy together.');
  contact(post, 20, 'FACE_TO_FACE', 'PEER_SUPPORT', 'Peer support session at the community hub.', peer(0));
  contact(post, 8, 'TELEPHONE', 'POST_RELEASE_SUPPORT', 'Check-in call; doing well.');
  engage(post, 'GP_REGISTRATION', `${town} Health Centre`, 32, 'ATTENDED', 32);
  engage(post, 'SUBSTANCE_MISUSE', 'Change Grow Live', 30, 'MISSED', 29);
  engage(post, 'SUBSTANCE_MISUSE', 'Change Grow Live', 22, 'ATTENDED', 22);
  engage(post, 'MENTAL_HEALTH', 'Community Mental Health Team', -6, 'BOOKED', 4);

  // 6. The older post-release case: overdue for discharge, extended by the lead, or recent.
  const late = base('post-late', 'postLate', 'FAMILY_OR_FRIEND', 0, {
    type: 'PRISON',
    at: prison('postLate', 2),
  });
  const releasedAgo =
    plan.late === 'recent'
      ? 60
      : daysBetween(addMonths(today, -6), today) + (plan.late === 'overdue' ? 9 : 5);
  late.submittedDaysAgo = releasedAgo + 50;
  late.events[0]!.daysAgo = late.submittedDaysAgo;
  late.expectedReleaseDate = day(releasedAgo);
  consent(late, releasedAgo + 45, 'GIVEN', worker(1));
  accept(late, releasedAgo + 44, lead, worker(1));
  contact(late, releasedAgo + 45, 'FACE_TO_FACE', 'ASSESSMENT', 'Assessment; family very involved.');
  release(late, releasedAgo, worker(1));
  engage(
    late,
    'MENTAL_HEALTH',
    'Community Mental Health Team',
    releasedAgo - 14,
    'ATTENDED',
    releasedAgo - 14,
  );
  if (plan.late === 'extended') {
    late.extension = {
      until: day(-45),
      reason:
        'Supported accommodation starts next month; ending support now would put the placement at risk.',
    };
    late.events.push({
      daysAgo: 3,
      type: 'referral.support-extended',
      actor: actorOf(lead),
      actorOrganisation: plan.code,
      reason: `Until ${late.extension.until}: ${late.extension.reason}`,
    });
  }

  // 7. A second referral for the person in case 3, from another door: declined as a duplicate.
  const dupSource = ['HOME_OFFICE_ENFORCEMENT', 'LIAISON_AND_DIVERSION', 'PROBATION'][planIndex % 3]!;
  const dup = base('duplicate', 'preMet', dupSource, 12, { type: 'PRISON', at: met.establishmentCode });
  // Stored DECLINED at submission, as service/submit.ts does: one history entry, and one on the
  // open referral that leaves its status and version alone.
  const metReference = demoReference(`${plan.code}:pre-met`);
  dup.status = 'DECLINED';
  dup.expectedReleaseDate = met.expectedReleaseDate;
  dup.duplicateOf = 'pre-met';
  dup.decline = { reason: 'DUPLICATE', note: `A duplicate of open referral ${metReference}.`, daysAgo: 12 };
  dup.events[0]!.becomes = 'DECLINED';
  dup.events[0]!.reason = `Declined as a duplicate of open referral ${metReference}.`;
  met.events.push({
    daysAgo: 12,
    type: 'referral.duplicate-received',
    statusless: true,
    actor: actorOf(dup.referrer),
    actorOrganisation: dup.referrer.org,
    reason: `Another referral, ${demoReference(`${plan.code}:duplicate`)}, was received from ${dup.referrer.orgName} (${dup.referrer.org}) (${dup.source}) and declined as a duplicate.`,
  });

  // 8. Declined: consent refused, or already supported elsewhere.
  const refused = planIndex % 2 === 0;
  const declined = base('declined', 'declined', 'PROBATION', 50, {
    type: 'PRISON',
    at: prison('declined', 1),
  });
  declined.status = 'DECLINED';
  declined.expectedReleaseDate = day(-15);
  if (refused) consent(declined, 46, 'REFUSED', worker(2));
  contact(
    declined,
    46,
    'FACE_TO_FACE',
    'ASSESSMENT',
    refused ? 'Did not want support from RECONNECT.' : 'Already under the community forensic team.',
    worker(2),
  );
  declined.decline = refused
    ? { reason: 'CONSENT_NOT_GIVEN', note: 'Refused consent at assessment.', daysAgo: 45 }
    : {
        reason: 'SUPPORTED_ELSEWHERE',
        note: 'Supported by the community forensic team on release.',
        daysAgo: 45,
      };
  declined.events.push({
    daysAgo: 45,
    type: 'referral.declined',
    becomes: 'DECLINED',
    actor: actorOf(lead),
    actorOrganisation: plan.code,
    reason: `${declined.decline.reason}: ${declined.decline.note}`,
  });

  // 9. Withdrawn by the referrer while still SUBMITTED.
  const withdrawnIrc = !!plan.irc;
  const withdrawn = base(
    'withdrawn',
    'withdrawn',
    withdrawnIrc ? 'HOME_OFFICE_ENFORCEMENT' : 'PRISON_HEALTHCARE',
    30,
    withdrawnIrc ? { type: 'IRC', at: plan.irc! } : { type: 'PRISON', at: prison('withdrawn', 2) },
  );
  withdrawn.status = 'WITHDRAWN';
  withdrawn.expectedReleaseDate = day(-20);
  withdrawn.events.push({
    daysAgo: 27,
    type: 'referral.withdrawn',
    becomes: 'WITHDRAWN',
    actor: actorOf(withdrawn.referrer),
    actorOrganisation: withdrawn.referrer.org,
    reason: withdrawnIrc
      ? 'Granted leave to remain and released to an address in another region.'
      : 'Transferred to a prison in Wales.',
  });

  // 10. An earlier sentence of the person in case 4: supported, engaged and discharged.
  const earlier = base('discharged', 'preUnmet', 'PROBATION', 400, {
    type: 'PRISON',
    at: prison('preUnmet', 1),
  });
  earlier.expectedReleaseDate = day(330);
  consent(earlier, 395, 'GIVEN', worker(0));
  accept(earlier, 394, lead, worker(0));
  contact(earlier, 390, 'FACE_TO_FACE', 'ASSESSMENT', 'Assessment and consent.');
  contact(earlier, 345, 'FACE_TO_FACE', 'RELEASE_PLANNING', 'Release plan agreed.');
  release(earlier, 330, worker(0));
  contact(earlier, 330, 'FACE_TO_FACE', 'GATE_MEET', 'Gate meet.');
  engage(earlier, 'GP_REGISTRATION', `${town} Health Centre`, 326, 'ATTENDED', 326);
  engage(earlier, 'MENTAL_HEALTH', 'Talking Therapies', 300, 'ATTENDED', 300);
  earlier.status = 'DISCHARGED';
  earlier.discharge = {
    reason: 'ENGAGED_WITH_COMMUNITY_SERVICES',
    note: 'Registered with a GP and engaging with talking therapies.',
    daysAgo: 200,
  };
  earlier.events.push({
    daysAgo: 200,
    type: 'referral.discharged',
    becomes: 'DISCHARGED',
    actor: actorOf(worker(0)),
    actorOrganisation: plan.code,
    reason: `${earlier.discharge.reason}: ${earlier.discharge.note}`,
  });

  return cases;
}

function allCases(directory: DemoDirectory, today: string): DemoCase[] {
  return PLANS.flatMap((plan, i) => serviceCases(plan, i, directory, today));
}

/**
 * A case's history in order, with each entry's from and to status, its time (the submission, then
 * 20 minutes apart from 10:00 on each day), the version it ends at and when it last changed. Throws
 * when the story does not end in the case's status: a demo must not contradict its own history.
 */
function historyOf(c: DemoCase, submittedAt: Date, at: (daysAgo: number, hour?: number) => Date) {
  let status: ReferralStatus | null = null;
  let version = 0;
  let lastChangeAt = submittedAt;
  const perDay = new Map<number, number>();
  // A stable sort: entries of one day keep the order the story told them in.
  const entries = [...c.events]
    .sort((a, b) => b.daysAgo - a.daysAgo)
    .map((e, i) => {
      const nth = perDay.get(e.daysAgo) ?? 0;
      perDay.set(e.daysAgo, nth + 1);
      const when = i === 0 ? submittedAt : new Date(at(e.daysAgo, 10).getTime() + nth * 20 * 60_000);
      const from = status;
      if (!e.statusless) {
        status = e.becomes ?? status;
        version += 1;
        lastChangeAt = when;
      }
      return {
        at: when,
        type: e.type,
        fromStatus: e.statusless ? null : from,
        toStatus: e.statusless ? null : status,
        actor: e.actor,
        actorOrganisation: e.actorOrganisation,
        reason: e.reason ?? null,
      };
    });
  if (status !== c.status)
    throw new Error(`demo referral ${c.serviceCode}:${c.key} ends ${status}, not ${c.status}`);
  return { entries, version, lastChangeAt };
}

/**
 * Seeds the demo referrals with their contacts, engagements, history and grants; returns how many
 * demo referrals exist (new or already there).
 */
export async function seedDemoReferrals(
  db: Queryable,
  clock: Clock,
  directory: DemoDirectory,
): Promise<number> {
  const today = clock.today();
  const cases = allCases(directory, today);
  const at = (daysAgo: number, hour = 10, minute = 0) =>
    new Date(
      `${addDays(today, -daysAgo)}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`,
    );
  const idOf = (c: DemoCase) => demoReferralId(c.serviceCode, c.key);

  const references = new Set(cases.map((c) => demoReference(`${c.serviceCode}:${c.key}`)));
  // Two demo referrals with one reference would make ON CONFLICT DO NOTHING drop one silently.
  if (references.size !== cases.length) throw new Error('demo references collide: change a case key');

  // Early in the day: everything else that happens on the day of referral happens after it.
  const submittedAtOf = new Map(cases.map((c, i) => [c, at(c.submittedDaysAgo, 8 + (i % 2), (i * 7) % 60)]));
  const histories = new Map(cases.map((c) => [c, historyOf(c, submittedAtOf.get(c)!, at)]));

  const referralRows = cases.map((c) => {
    const submittedAt = submittedAtOf.get(c)!;
    const history = histories.get(c)!;
    const receiving = c.person.homeAreaCode ? AREA_SERVICE[c.person.homeAreaCode] : undefined;
    return {
      id: idOf(c),
      reference: demoReference(`${c.serviceCode}:${c.key}`),
      status: c.status,
      version: history.version,
      source: c.source,
      referrerOrganisationCode: c.referrer.org,
      referrerOrganisationName: c.referrer.orgName,
      referrerName: c.referrer.name,
      referrerEmail: c.referrer.email,
      referrerPhone: c.referrer.phone,
      referrerRelationship: c.referrer.relationship,
      submittedAt,
      submittedBy: `demo:${c.referrer.org.toLowerCase()}`,
      personId: c.person.id,
      custodyType: c.custodyType,
      establishmentCode: c.establishmentCode,
      expectedReleaseDate: c.expectedReleaseDate,
      releasedOn: c.releasedOn,
      onTemporaryLicence: c.onTemporaryLicence ?? false,
      reasonForReferral: c.reasonForReferral,
      identifiedNeeds: [...new Set(c.person.needs.map(([category]) => category))],
      owningServiceCode: c.serviceCode,
      receivingServiceCode: receiving && receiving !== c.serviceCode ? receiving : null,
      homeAreaCode: c.person.homeAreaCode,
      consentDecision: c.consent?.decision ?? null,
      consentMethod: c.consent?.method ?? null,
      consentRecordedAt: c.consent ? at(c.consent.daysAgo, 11) : null,
      consentRecordedBy: c.consent?.by ?? null,
      namedWorkerId: c.namedWorker?.id ?? null,
      peerSupportWorkerId: c.peerSupportWorker?.id ?? null,
      duplicateOfId: c.duplicateOf ? demoReferralId(c.serviceCode, c.duplicateOf) : null,
      declineReason: c.decline?.reason ?? null,
      declineNote: c.decline?.note ?? null,
      declinedAt: c.decline ? at(c.decline.daysAgo, 15) : null,
      dischargeReason: c.discharge?.reason ?? null,
      dischargeNote: c.discharge?.note ?? null,
      dischargedAt: c.discharge ? at(c.discharge.daysAgo, 15) : null,
      supportExtendedUntil: c.extension?.until ?? null,
      extensionReason: c.extension?.reason ?? null,
      updatedAt: history.lastChangeAt,
    };
  });

  const eventRows = cases.flatMap((c) =>
    histories.get(c)!.entries.map((e, i) => ({
      id: stableUuid(`referral:demo:${c.serviceCode}:${c.key}:event:${i}`),
      referralId: idOf(c),
      ...e,
    })),
  );

  const contactRows = cases.flatMap((c) =>
    c.contacts.map((k, i) => ({
      id: stableUuid(`referral:demo:${c.serviceCode}:${c.key}:contact:${i}`),
      referralId: idOf(c),
      occurredAt: at(k.daysAgo, 10 + (i % 5)),
      mode: k.mode,
      purpose: k.purpose,
      staffId: k.staff?.id ?? null,
      note: k.note,
      recordedAt: at(k.daysAgo, 16),
      recordedBy: k.staff ? actorOf(k.staff) : 'demo',
    })),
  );

  const engagementRows = cases.flatMap((c) =>
    c.engagements.map((g, i) => ({
      id: stableUuid(`referral:demo:${c.serviceCode}:${c.key}:engagement:${i}`),
      referralId: idOf(c),
      serviceType: g.serviceType,
      providerName: g.providerName,
      appointmentOn: g.appointmentOn,
      outcome: g.outcome,
      recordedAt: at(g.recordedDaysAgo, 17),
      recordedBy: c.namedWorker ? actorOf(c.namedWorker) : 'demo',
    })),
  );

  // Who may see each referral: its owning service and the organisation that referred it.
  const grantRow = (c: DemoCase, organisationCode: string, relationship: Relationship): NewGrant => ({
    id: stableUuid(`grant:demo:${c.serviceCode}:${c.key}:${relationship}`),
    organisationCode,
    relationship,
    personId: c.person.id,
    referralId: idOf(c),
    validFrom: submittedAtOf.get(c)!,
    validUntil: null,
    reason: 'referral.submitted',
  });
  const grantRows = cases.flatMap((c) => [
    grantRow(c, c.serviceCode, 'OWNING_SERVICE'),
    grantRow(c, c.referrer.org, 'REFERRER'),
  ]);

  await db.transaction(async (tx) => {
    await tx.insert(referrals).values(referralRows).onConflictDoNothing();
    await tx.insert(referralEvents).values(eventRows).onConflictDoNothing();
    if (contactRows.length) await tx.insert(contacts).values(contactRows).onConflictDoNothing();
    if (engagementRows.length) await tx.insert(engagements).values(engagementRows).onConflictDoNothing();
    await tx.insert(grants).values(grantRows).onConflictDoNothing();
  });
  return cases.length;
}
