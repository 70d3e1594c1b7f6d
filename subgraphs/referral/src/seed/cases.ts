/**
 * The ten demo referrals of each service, every state and every kind of referrer among them:
 * new, consented, accepted with and without the two-contact target met, released, an older
 * post-release case (discharge-overdue, extended or recent), a declined duplicate, declined,
 * withdrawn, and discharged after an earlier sentence. Dates are days before `today`.
 */
import { addMonths, daysBetween } from '@reconnect/config';
import type { DemoInputs } from './inputs.ts';
import { PLANS, type ServicePlan } from './plans.ts';
import { demoReference } from './reference.ts';
import { actorOf, storyteller, type DemoCase } from './story.ts';

function serviceCases(plan: ServicePlan, planIndex: number, inputs: DemoInputs, today: string): DemoCase[] {
  const tell = storyteller(plan, planIndex, inputs, today);
  const { lead, worker, peer, day, heldAt, town, note, refer, consent, accept, release, contact, engage } =
    tell;

  // 1. Just arrived: nobody has seen the person yet.
  const fresh = refer('new', 'PROBATION', 1, { type: 'PRISON', at: heldAt('new', 0) });
  fresh.expectedReleaseDate = day(-60);

  // 2. Assessed and consenting: ready for the team to accept.
  const ready = refer(
    'consented',
    plan.irc ? 'IRC_HEALTHCARE' : 'PRISON_HEALTHCARE',
    6,
    plan.irc ? { type: 'IRC', at: plan.irc } : { type: 'PRISON', at: heldAt('consented', 1) },
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
  const met = refer('pre-met', 'POLICE', 40, { type: 'PRISON', at: heldAt('pre-met', 2) });
  met.expectedReleaseDate = day(-8);
  consent(met, 36, 'GIVEN', worker(1));
  accept(met, 35, lead, worker(1));
  contact(met, 36, 'FACE_TO_FACE', 'ASSESSMENT', 'Assessment and consent.');
  contact(met, 12, 'VIDEO', 'RELEASE_PLANNING', 'Release plan agreed: GP, pharmacy, housing appointment.');
  engage(met, 'GP_REGISTRATION', `${town} Health Centre`, -9, 'BOOKED', 5);

  // 4. Accepted, release further away, one telephone contact so far (target not met yet).
  const unmet = refer('pre-unmet', 'SELF', 20, { type: 'PRISON', at: heldAt('pre-unmet', 0) });
  unmet.expectedReleaseDate = day(-70);
  consent(unmet, 15, 'GIVEN', worker(2), 'TELEPHONE');
  accept(unmet, 14, lead, worker(2));
  contact(unmet, 15, 'TELEPHONE', 'ASSESSMENT', 'Telephone assessment; visits restricted this week.');

  // 5. Released a month ago: contacts before release, gate meet, engaged with the GP.
  const post = refer('post', 'LIAISON_AND_DIVERSION', 95, { type: 'PRISON', at: heldAt('post', 1) });
  post.expectedReleaseDate = day(35);
  consent(post, 90, 'GIVEN', worker(0));
  accept(post, 88, lead, worker(0));
  post.peerSupportWorker = peer(0);
  note(
    post,
    { daysAgo: 80, type: 'referral.peer-support-assigned', reason: `Peer support worker: ${peer(0).name}` },
    lead,
  );
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
  const late = refer('post-late', 'FAMILY_OR_FRIEND', 0, { type: 'PRISON', at: heldAt('post-late', 2) });
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
    note(
      late,
      {
        daysAgo: 3,
        type: 'referral.support-extended',
        reason: `Until ${late.extension.until}: ${late.extension.reason}`,
      },
      lead,
    );
  }

  // 7. A second referral for the person in case 3, from another door: declined as a duplicate.
  // Stored DECLINED at submission, as service/submit.ts does: one history entry, and one on the
  // open referral that leaves its status and version alone.
  const dupSource = ['HOME_OFFICE_ENFORCEMENT', 'LIAISON_AND_DIVERSION', 'PROBATION'][planIndex % 3]!;
  const dup = refer('duplicate', dupSource, 12, { type: 'PRISON', at: met.establishmentCode });
  dup.status = 'DECLINED';
  dup.expectedReleaseDate = met.expectedReleaseDate;
  dup.duplicateOfId = met.referralId;
  // Its note and history name no open referral (its submitter reads them: DOMAIN.md).
  dup.decline = {
    reason: 'DUPLICATE',
    note: 'A duplicate of a referral of this person that is already open.',
    daysAgo: 12,
  };
  dup.events[0]!.becomes = 'DECLINED';
  dup.events[0]!.reason = 'Declined as a duplicate of a referral of this person that is already open.';
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
  const declined = refer('declined', 'PROBATION', 50, { type: 'PRISON', at: heldAt('declined', 1) });
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
  note(
    declined,
    {
      daysAgo: 45,
      type: 'referral.declined',
      becomes: 'DECLINED',
      reason: `${declined.decline.reason}: ${declined.decline.note}`,
    },
    lead,
  );

  // 9. Withdrawn by the referrer while still SUBMITTED.
  const withdrawn = refer(
    'withdrawn',
    plan.irc ? 'HOME_OFFICE_ENFORCEMENT' : 'PRISON_HEALTHCARE',
    30,
    plan.irc ? { type: 'IRC', at: plan.irc } : { type: 'PRISON', at: heldAt('withdrawn', 2) },
  );
  withdrawn.status = 'WITHDRAWN';
  withdrawn.expectedReleaseDate = day(-20);
  withdrawn.events.push({
    daysAgo: 27,
    type: 'referral.withdrawn',
    becomes: 'WITHDRAWN',
    actor: actorOf(withdrawn.referrer),
    actorOrganisation: withdrawn.referrer.org,
    reason: plan.irc
      ? 'Granted leave to remain and released to an address in another region.'
      : 'Transferred to a prison in Wales.',
  });

  // 10. An earlier sentence of the person in case 4: supported, engaged and discharged.
  const earlier = refer('discharged', 'PROBATION', 400, { type: 'PRISON', at: heldAt('discharged', 1) });
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
  note(
    earlier,
    {
      daysAgo: 200,
      type: 'referral.discharged',
      becomes: 'DISCHARGED',
      reason: `${earlier.discharge.reason}: ${earlier.discharge.note}`,
    },
    worker(0),
  );

  return tell.cases;
}

/**
 * Every demo referral of every service. Throws unless the cases told are exactly the demo
 * referrals of the person subgraph's `DEMO_CASELOAD`, so the two seeds cannot drift apart.
 */
export function allCases(inputs: DemoInputs, today: string): DemoCase[] {
  const cases = PLANS.flatMap((plan, i) => serviceCases(plan, i, inputs, today));
  const told = new Set(cases.map((c) => c.referralId));
  const untold = inputs.caseload.filter((c) => !told.has(c.referralId));
  if (told.size !== cases.length || untold.length > 0 || cases.length !== inputs.caseload.length)
    throw new Error(
      `demo caseload and demo referrals disagree: ${untold.map((c) => `${c.serviceCode}:${c.caseKey}`).join(', ')}`,
    );
  return cases;
}
