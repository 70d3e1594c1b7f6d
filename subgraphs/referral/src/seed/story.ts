/**
 * A demo referral told as a story: its state and the history entries that led there, named and
 * worded as the lifecycle writes them. `storyteller` gives the steps a service's stories are told
 * in (refer, consent, accept, release, contact, engage), each updating the case and its history
 * together, so a demo never contradicts its own history.
 */
import type { ReferralStatus } from '../db/schema.ts';
import { addDays } from '@reconnect/config';
import { townOf } from './directory.ts';
import type { DemoInputs, DemoPersonRef, DemoStaffRef } from './inputs.ts';
import type { ServicePlan } from './plans.ts';
import { referrerFor, type DemoReferrer } from './referrers.ts';

/**
 * One entry of a referral's history. `becomes` is the status after the change (unchanged when
 * absent); from/to are filled in chronologically on seeding. `statusless` entries (a duplicate
 * received) carry no status and do not change the version.
 */
export interface DemoEvent {
  daysAgo: number;
  type: string;
  becomes?: ReferralStatus;
  statusless?: boolean;
  actor: string;
  actorOrganisation: string;
  reason?: string;
}

type ContactMode = 'FACE_TO_FACE' | 'VIDEO' | 'TELEPHONE';
type Outcome = 'BOOKED' | 'ATTENDED' | 'MISSED' | 'CANCELLED';

export interface DemoCase {
  key: string;
  serviceCode: string;
  referralId: string;
  person: DemoPersonRef;
  status: ReferralStatus;
  source: string;
  referrer: DemoReferrer;
  submittedDaysAgo: number;
  custodyType: 'PRISON' | 'IRC';
  establishmentCode: string;
  expectedReleaseDate: string | null;
  releasedOn: string | null;
  reasonForReferral: string;
  consent?: { decision: 'GIVEN' | 'REFUSED' | 'WITHDRAWN'; method: ContactMode; daysAgo: number; by: string };
  namedWorker?: DemoStaffRef;
  peerSupportWorker?: DemoStaffRef;
  duplicateOfId?: string;
  decline?: { reason: string; note: string; daysAgo: number };
  discharge?: { reason: string; note: string; daysAgo: number };
  extension?: { until: string; reason: string };
  contacts: { daysAgo: number; mode: ContactMode; purpose: string; note: string; staff?: DemoStaffRef }[];
  engagements: {
    serviceType: string;
    providerName: string;
    appointmentOn: string | null;
    outcome: Outcome;
    recordedDaysAgo: number;
  }[];
  events: DemoEvent[];
}

/** How the demo names its actors in history and audit. */
export const actorOf = (who: { name: string }) => `${who.name} (demo)`;

/** The steps of one service's stories, and the cases told so far (in the order they were begun). */
export function storyteller(plan: ServicePlan, planIndex: number, inputs: DemoInputs, today: string) {
  const staff = inputs.staff(plan.code).filter((s) => s.active);
  const lead = staff.find((s) => s.role === 'TEAM_LEAD') ?? staff[0]!;
  const workers = staff.filter((s) => s.role === 'RECONNECT_WORKER');
  const peers = staff.filter((s) => s.role === 'PEER_SUPPORT_WORKER');
  const worker = (i: number) => workers[i % Math.max(workers.length, 1)] ?? lead;
  const peer = (i: number) => peers[i % Math.max(peers.length, 1)] ?? lead;
  const day = (daysAgo: number) => addDays(today, -daysAgo);
  /** Where a case's person is held: the plan's exception, or one of the service's usual prisons. */
  const heldAt = (caseKey: string, i: number) => plan.heldAt?.[caseKey] ?? plan.prisons[i % 3]!;
  const cases: DemoCase[] = [];
  const note = (c: DemoCase, event: Omit<DemoEvent, 'actor' | 'actorOrganisation'>, by: { name: string }) =>
    c.events.push({ ...event, actor: actorOf(by), actorOrganisation: plan.code });

  /** A referral submitted `submittedDaysAgo` by a referrer of `source`, about the case's person. */
  const refer = (
    caseKey: string,
    source: string,
    submittedDaysAgo: number,
    custody: { type: 'PRISON' | 'IRC'; at: string },
  ) => {
    const subject = inputs.caseload.find((c) => c.serviceCode === plan.code && c.caseKey === caseKey);
    if (!subject) throw new Error(`demo referral ${plan.code}:${caseKey} has no person in DEMO_CASELOAD`);
    const { person } = subject;
    if ((custody.type === 'IRC') !== person.immigrationDetainee)
      throw new Error(
        `demo referral ${plan.code}:${caseKey}: held in ${custody.at}, about someone who is ${person.immigrationDetainee ? '' : 'not '}an immigration detainee`,
      );
    const referrer = referrerFor(source, plan, custody.at, person, planIndex * 10 + cases.length);
    const c: DemoCase = {
      key: caseKey,
      serviceCode: plan.code,
      referralId: subject.referralId,
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
    method: ContactMode = 'FACE_TO_FACE',
  ) => {
    c.consent = { decision, method, daysAgo, by: actorOf(by) };
    note(c, { daysAgo, type: 'referral.consent-recorded', reason: `Consent ${decision} (${method})` }, by);
  };

  const accept = (c: DemoCase, daysAgo: number, by: DemoStaffRef, named: DemoStaffRef) => {
    c.status = 'PRE_RELEASE';
    c.namedWorker = named;
    note(c, { daysAgo, type: 'referral.accepted', becomes: 'PRE_RELEASE' }, by);
    note(c, { daysAgo, type: 'referral.worker-assigned', reason: `Named worker: ${named.name}` }, by);
  };

  const release = (c: DemoCase, daysAgo: number, by: DemoStaffRef) => {
    c.status = 'POST_RELEASE';
    c.releasedOn = day(daysAgo);
    note(
      c,
      { daysAgo, type: 'referral.released', becomes: 'POST_RELEASE', reason: `Released on ${c.releasedOn}` },
      by,
    );
  };

  const contact = (
    c: DemoCase,
    daysAgo: number,
    mode: ContactMode,
    purpose: string,
    text: string,
    by = c.namedWorker ?? lead,
  ) => {
    c.contacts.push({ daysAgo, mode, purpose, note: text, staff: by });
    note(
      c,
      {
        daysAgo,
        type: 'referral.contact-recorded',
        reason: `${mode} contact (${purpose}) on ${day(daysAgo)}`,
      },
      by,
    );
  };

  const engage = (
    c: DemoCase,
    serviceType: string,
    providerName: string,
    appointmentDaysAgo: number | null,
    outcome: Outcome,
    recordedDaysAgo: number,
  ) => {
    c.engagements.push({
      serviceType,
      providerName,
      appointmentOn: appointmentDaysAgo === null ? null : day(appointmentDaysAgo),
      outcome,
      recordedDaysAgo,
    });
    note(
      c,
      {
        daysAgo: recordedDaysAgo,
        type: 'referral.engagement-recorded',
        reason: `${serviceType} with ${providerName}: ${outcome}`,
      },
      c.namedWorker ?? lead,
    );
  };

  return {
    cases,
    lead,
    worker,
    peer,
    day,
    heldAt,
    /** The town of the service's first prison: the demo's community providers are named after it. */
    town: townOf(plan.prisons[0]),
    note,
    refer,
    consent,
    accept,
    release,
    contact,
    engage,
  };
}
