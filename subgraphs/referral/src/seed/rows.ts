/**
 * The demo referrals as rows of the referral schema (referrals, history, contacts, engagements)
 * and the grants the referral subgraph owns (who may see each referral). Ids and references derive
 * from stable names, and times from `today`, so every run on the same day gives the same rows.
 */
import { stableUuid } from '@reconnect/db';
import type { NewGrant, Relationship } from '@reconnect/access';
import { addDays } from '@reconnect/config';
import { receivingServiceOf } from './directory.ts';
import { historyOf } from './history.ts';
import { demoReference } from './reference.ts';
import { actorOf, type DemoCase } from './story.ts';

export function demoRows(cases: DemoCase[], today: string) {
  const at = (daysAgo: number, hour = 10, minute = 0) =>
    new Date(
      `${addDays(today, -daysAgo)}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`,
    );
  const childId = (c: DemoCase, child: string) =>
    stableUuid(`referral:demo:${c.serviceCode}:${c.key}:${child}`);
  const referenceOf = (c: DemoCase) => demoReference(`${c.serviceCode}:${c.key}`);

  // Two demo referrals with one reference would make ON CONFLICT DO NOTHING drop one silently.
  if (new Set(cases.map(referenceOf)).size !== cases.length)
    throw new Error('demo references collide: change a case key');

  // Early in the day: everything else that happens on the day of referral happens after it.
  const submittedAtOf = new Map(cases.map((c, i) => [c, at(c.submittedDaysAgo, 8 + (i % 2), (i * 7) % 60)]));
  const histories = new Map(cases.map((c) => [c, historyOf(c, submittedAtOf.get(c)!, at)]));

  const referrals = cases.map((c) => {
    const history = histories.get(c)!;
    const receiving = c.person.homeAreaCode ? receivingServiceOf(c.person.homeAreaCode) : null;
    return {
      id: c.referralId,
      reference: referenceOf(c),
      status: c.status,
      version: history.version,
      source: c.source,
      referrerOrganisationCode: c.referrer.org,
      referringOrganisationCode: c.referrer.org,
      referrerOrganisationName: c.referrer.orgName,
      referrerName: c.referrer.name,
      referrerEmail: c.referrer.email,
      referrerPhone: c.referrer.phone,
      referrerRelationship: c.referrer.relationship,
      submittedAt: submittedAtOf.get(c)!,
      submittedBy: `demo:${c.referrer.org.toLowerCase()}`,
      personId: c.person.id,
      custodyType: c.custodyType,
      establishmentCode: c.establishmentCode,
      expectedReleaseDate: c.expectedReleaseDate,
      releasedOn: c.releasedOn,
      onTemporaryLicence: false,
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
      duplicateOfId: c.duplicateOfId ?? null,
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

  const events = cases.flatMap((c) =>
    histories
      .get(c)!
      .entries.map((e, i) => ({ id: childId(c, `event:${i}`), referralId: c.referralId, ...e })),
  );

  const contacts = cases.flatMap((c) =>
    c.contacts.map((k, i) => ({
      id: childId(c, `contact:${i}`),
      referralId: c.referralId,
      occurredAt: at(k.daysAgo, 10 + (i % 5)),
      mode: k.mode,
      purpose: k.purpose,
      staffId: k.staff?.id ?? null,
      note: k.note,
      recordedAt: at(k.daysAgo, 16),
      recordedBy: k.staff ? actorOf(k.staff) : 'demo',
    })),
  );

  const engagements = cases.flatMap((c) =>
    c.engagements.map((g, i) => ({
      id: childId(c, `engagement:${i}`),
      referralId: c.referralId,
      serviceType: g.serviceType,
      providerName: g.providerName,
      appointmentOn: g.appointmentOn,
      outcome: g.outcome,
      recordedAt: at(g.recordedDaysAgo, 17),
      recordedBy: c.namedWorker ? actorOf(c.namedWorker) : 'demo',
    })),
  );

  // Who may see each referral: its owning service and the organisation that referred it.
  const grant = (c: DemoCase, organisationCode: string, relationship: Relationship): NewGrant => ({
    id: stableUuid(`grant:demo:${c.serviceCode}:${c.key}:${relationship}`),
    organisationCode,
    relationship,
    personId: c.person.id,
    referralId: c.referralId,
    validFrom: submittedAtOf.get(c)!,
    validUntil: null,
    reason: 'referral.submitted',
  });
  const grants = cases.flatMap((c) => [
    grant(c, c.serviceCode, 'OWNING_SERVICE'),
    grant(c, c.referrer.org, 'REFERRER'),
  ]);

  return { referrals, events, contacts, engagements, grants };
}
