/**
 * The lifecycle's pure rules, table-driven: who may change a referral (`refusalToChange`), and
 * that `availableActions` offers exactly the operations that the permission, the transition table
 * and the acceptance condition (consent GIVEN) together allow, for every caller and every status.
 */
import { describe, expect, it } from 'vitest';
import type { Relationship } from '@reconnect/access';
import { REFERRAL_STATUSES } from '../src/db/schema.ts';
import { availableActions } from '../src/service/actions.ts';
import { currentSupportEnd } from '../src/service/lifecycle-operations.ts';
import { refusalToChange } from '../src/service/lifecycle.ts';
import { TRANSITIONS, isAllowed, type Operation } from '../src/service/transitions.ts';

const OPERATIONS = Object.keys(TRANSITIONS) as Operation[];

interface Profile {
  label: string;
  roles: string[];
  relationships: Relationship[];
}

const PROFILES: Profile[] = [
  { label: 'owning staff', roles: ['RECONNECT_STAFF'], relationships: ['OWNING_SERVICE'] },
  { label: 'owning lead', roles: ['RECONNECT_LEAD'], relationships: ['OWNING_SERVICE'] },
  { label: 'receiving staff', roles: ['RECONNECT_STAFF'], relationships: ['RECEIVING_SERVICE'] },
  { label: 'receiving lead', roles: ['RECONNECT_LEAD'], relationships: ['RECEIVING_SERVICE'] },
  { label: 'sending staff', roles: ['RECONNECT_STAFF'], relationships: ['SENDING_SERVICE'] },
  { label: 'sending lead', roles: ['RECONNECT_LEAD'], relationships: ['SENDING_SERVICE'] },
  { label: 'referrer', roles: ['REFERRER'], relationships: ['REFERRER'] },
  { label: 'partner', roles: ['ER_PARTNER'], relationships: ['ER_PARTNER'] },
  { label: 'staff role, no grant', roles: ['RECONNECT_STAFF'], relationships: [] },
  // A grant the role may not use is not enough, nor a role without its grant.
  { label: 'referrer role on a service grant', roles: ['REFERRER'], relationships: ['OWNING_SERVICE'] },
  { label: 'admin', roles: ['RECONNECT_ADMIN'], relationships: [] },
  { label: 'commissioner', roles: ['COMMISSIONER'], relationships: [] },
  // It acts only by applying an event (changeReferral's custodyEvent), never as a caller here.
  { label: 'HMPPS events client', roles: ['HMPPS_EVENTS'], relationships: [] },
  {
    label: 'HMPPS events client on a service grant',
    roles: ['HMPPS_EVENTS'],
    relationships: ['OWNING_SERVICE'],
  },
];

/** Which ReferralAction advertises an operation (peer support has none of its own). */
const ACTION_OF: Record<Operation, string> = {
  RECORD_CONSENT: 'RECORD_CONSENT',
  ACCEPT: 'ACCEPT',
  DECLINE: 'DECLINE',
  WITHDRAW: 'WITHDRAW',
  ASSIGN_WORKER: 'ASSIGN_WORKER',
  ASSIGN_PEER_SUPPORT: 'ASSIGN_WORKER',
  RECORD_CONTACT: 'RECORD_CONTACT',
  UPDATE_EXPECTED_RELEASE_DATE: 'UPDATE_EXPECTED_RELEASE_DATE',
  RECORD_RELEASE: 'RECORD_RELEASE',
  RECORD_RETURN_TO_CUSTODY: 'RECORD_RETURN_TO_CUSTODY',
  RECORD_TRANSFER: 'RECORD_TRANSFER',
  RECORD_TEMPORARY_LICENCE: 'RECORD_TEMPORARY_LICENCE',
  // HMPPS custody events only: refused to every caller here, so never offered.
  RECORD_RELEASED_ON: 'none',
  SET_EXPECTED_RELEASE_DATE: 'none',
  RECORD_ENGAGEMENT: 'RECORD_ENGAGEMENT',
  EXTEND_SUPPORT: 'EXTEND_SUPPORT',
  DISCHARGE: 'DISCHARGE',
  ADD_NOTE: 'ADD_NOTE',
  BOOK_APPOINTMENT: 'BOOK_APPOINTMENT',
  // An action on an appointment: offered with BOOK_APPOINTMENT, as peer support with ASSIGN_WORKER.
  RECORD_APPOINTMENT_OUTCOME: 'BOOK_APPOINTMENT',
};

describe('who may change a referral', () => {
  it.each([
    ['RECORD_RELEASE', 'PRE_RELEASE'],
    ['RECORD_RELEASED_ON', 'SUBMITTED'],
    ['SET_EXPECTED_RELEASE_DATE', 'SUBMITTED'],
  ] as const)('the HMPPS events client applying an event may %s on %s', (operation, status) => {
    expect(
      refusalToChange(
        { roles: ['HMPPS_EVENTS'], relationships: [], viaCustodyEvent: true },
        operation,
        status,
      ),
    ).toBeNull();
    // The flag alone opens nothing to anyone else.
    expect(
      refusalToChange(
        { roles: ['RECONNECT_STAFF'], relationships: [], viaCustodyEvent: true },
        operation,
        status,
      ),
    ).not.toBeNull();
  });

  it.each([
    ['owning staff', 'ACCEPT', 'SUBMITTED', null],
    ['receiving staff', 'DISCHARGE', 'POST_RELEASE', /only the owning service changes/],
    ['receiving lead', 'EXTEND_SUPPORT', 'POST_RELEASE', /only the owning service changes/],
    ['receiving staff', 'ACCEPT', 'SUBMITTED', /only the owning service changes/],
    ['receiving staff', 'RECORD_CONTACT', 'PRE_RELEASE', /only the owning service changes/],
    ['receiving staff', 'ADD_NOTE', 'PRE_RELEASE', null],
    ['receiving staff', 'BOOK_APPOINTMENT', 'PRE_RELEASE', null],
    ['receiving lead', 'RECORD_APPOINTMENT_OUTCOME', 'POST_RELEASE', null],
    ['owning staff', 'EXTEND_SUPPORT', 'POST_RELEASE', 'Only a RECONNECT lead may extend support.'],
    ['owning lead', 'EXTEND_SUPPORT', 'POST_RELEASE', null],
    ['sending lead', 'RECORD_CONTACT', 'PRE_RELEASE', /sending service/],
    ['referrer', 'WITHDRAW', 'SUBMITTED', null],
    ['referrer', 'WITHDRAW', 'PRE_RELEASE', /only while it is SUBMITTED/],
    ['referrer', 'RECORD_CONTACT', 'SUBMITTED', /only withdraw/],
    ['partner', 'RECORD_CONTACT', 'PRE_RELEASE', /may not change/],
    ['staff role, no grant', 'RECORD_CONTACT', 'PRE_RELEASE', /may not change/],
    ['referrer role on a service grant', 'WITHDRAW', 'SUBMITTED', /may not change/],
    ['owning staff', 'RECORD_RELEASED_ON', 'SUBMITTED', /Only an HMPPS custody event/],
    ['owning lead', 'SET_EXPECTED_RELEASE_DATE', 'PRE_RELEASE', /Only an HMPPS custody event/],
    ['HMPPS events client', 'RECORD_RELEASE', 'PRE_RELEASE', /only through applyCustodyEvent/],
    [
      'HMPPS events client on a service grant',
      'RECORD_CONTACT',
      'PRE_RELEASE',
      /only through applyCustodyEvent/,
    ],
  ] as const)('%s: %s on %s', (label, operation, status, expected) => {
    const profile = PROFILES.find((p) => p.label === label)!;
    const refusal = refusalToChange(profile, operation, status);
    if (expected === null) expect(refusal).toBeNull();
    else if (typeof expected === 'string') expect(refusal).toBe(expected);
    else expect(refusal).toMatch(expected);
  });
});

describe('availableActions agrees with the mutations', () => {
  const cases = PROFILES.flatMap((profile) =>
    REFERRAL_STATUSES.flatMap((status) =>
      [null, 'GIVEN', 'REFUSED'].map(
        (consentDecision) => [profile.label, status, consentDecision, profile] as const,
      ),
    ),
  );

  it.each(cases)('%s, %s, consent %s', (_label, status, consentDecision, profile) => {
    const staff = profile.roles.some((r) => r === 'RECONNECT_STAFF' || r === 'RECONNECT_LEAD');
    const offered = availableActions(
      { status, consentDecision },
      {
        actsForService:
          staff && profile.relationships.some((r) => r === 'OWNING_SERVICE' || r === 'RECEIVING_SERVICE'),
        receivingOnly:
          staff &&
          !profile.relationships.includes('OWNING_SERVICE') &&
          profile.relationships.includes('RECEIVING_SERVICE'),
        isLead: profile.roles.includes('RECONNECT_LEAD'),
        isReferrerOfReferral:
          profile.roles.includes('REFERRER') && profile.relationships.includes('REFERRER'),
      },
    );
    const accepted = new Set(
      OPERATIONS.filter(
        (operation) =>
          refusalToChange(profile, operation, status) === null &&
          isAllowed(operation, status) &&
          (operation !== 'ACCEPT' || consentDecision === 'GIVEN'),
      ).map((operation) => ACTION_OF[operation]),
    );
    expect([...offered].sort()).toEqual([...accepted].sort());
  });
});

describe('the current end of support', () => {
  it.each([
    [{ releasedOn: '2026-08-31', supportExtendedUntil: null }, '2027-02-28'],
    [{ releasedOn: '2026-08-31', supportExtendedUntil: '2027-05-31' }, '2027-05-31'],
    [{ releasedOn: null, supportExtendedUntil: null }, null],
  ])('%o ends on %s', (facts, end) => expect(currentSupportEnd(facts)).toBe(end));
});
