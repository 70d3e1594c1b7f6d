/**
 * Referral reads and writes for one signed-in user, through the gateway. Controllers call these;
 * nothing here knows about HTTP or pages.
 */
import type { Caller, GatewayClient, HubAnswer } from '../gateway/client.ts';
import {
  AcceptReferralDocument,
  AssignPeerSupportDocument,
  AssignWorkerDocument,
  CaseloadDocument,
  DeclineReferralDocument,
  DischargeReferralDocument,
  EnrolEnhancedDocument,
  ExtendSupportDocument,
  PartnersDocument,
  RecordConsentDocument,
  RecordContactDocument,
  RecordEngagementDocument,
  RecordReleaseDocument,
  RecordReturnToCustodyDocument,
  RecordTemporaryLicenceDocument,
  RecordTransferDocument,
  ReferralDocument,
  RequestHandoverDocument,
  ServiceStaffDocument,
  ServicesDocument,
  UpdateExpectedReleaseDateDocument,
  WithdrawReferralDocument,
  type CaseloadQuery,
  type CaseloadQueryVariables,
  type ReferralQuery,
  type ServiceStaffQuery,
} from '../generated/graphql.ts';

export type ReferralDetail = NonNullable<ReferralQuery['referral']>;
export type CaseloadPage = CaseloadQuery['referrals'];
export type StaffMember = NonNullable<ServiceStaffQuery['reconnectService']>['staff'][number];

export class ReferralService {
  constructor(private readonly gateway: GatewayClient) {}

  async caseload(caller: Caller, variables: CaseloadQueryVariables): Promise<HubAnswer<CaseloadPage>> {
    const answer = await this.gateway.send(caller, CaseloadDocument, variables);
    return { data: answer.data.referrals, problems: answer.problems };
  }

  /** The referral, or undefined when it does not exist or the user has no relationship with it. */
  async referral(caller: Caller, id: string): Promise<HubAnswer<ReferralDetail> | undefined> {
    const answer = await this.gateway.send(caller, ReferralDocument, { id });
    if (!answer.data.referral) return undefined;
    return { data: answer.data.referral, problems: answer.problems };
  }

  async staffOf(caller: Caller, serviceCode: string): Promise<StaffMember[]> {
    const { data } = await this.gateway.send(caller, ServiceStaffDocument, { code: serviceCode });
    return data.reconnectService?.staff ?? [];
  }

  async services(caller: Caller): Promise<{ code: string; name: string }[]> {
    const { data } = await this.gateway.send(caller, ServicesDocument, {});
    return data.reconnectServices;
  }

  recordConsent(c: Caller, referralId: string, decision: string, method: string, expectedVersion: number) {
    return this.gateway.send(c, RecordConsentDocument, {
      referralId,
      decision: decision as never,
      method: method as never,
      expectedVersion,
    });
  }

  accept(c: Caller, id: string, expectedVersion: number) {
    return this.gateway.send(c, AcceptReferralDocument, { id, expectedVersion });
  }

  decline(c: Caller, id: string, reason: string, note: string | null, expectedVersion: number) {
    return this.gateway.send(c, DeclineReferralDocument, {
      id,
      reason: reason as never,
      note,
      expectedVersion,
    });
  }

  assignWorker(c: Caller, referralId: string, staffId: string, expectedVersion: number) {
    return this.gateway.send(c, AssignWorkerDocument, { referralId, staffId, expectedVersion });
  }

  assignPeerSupport(c: Caller, referralId: string, staffId: string, expectedVersion: number) {
    return this.gateway.send(c, AssignPeerSupportDocument, { referralId, staffId, expectedVersion });
  }

  recordContact(
    c: Caller,
    referralId: string,
    input: {
      occurredAt: string;
      mode: string;
      purpose: string;
      staffId?: string | null;
      note?: string | null;
    },
  ) {
    return this.gateway.send(c, RecordContactDocument, {
      referralId,
      input: { ...input, mode: input.mode as never, purpose: input.purpose as never },
    });
  }

  updateExpectedReleaseDate(
    c: Caller,
    referralId: string,
    date: string,
    reason: string,
    expectedVersion: number,
  ) {
    return this.gateway.send(c, UpdateExpectedReleaseDateDocument, {
      referralId,
      expectedReleaseDate: date,
      reason,
      expectedVersion,
    });
  }

  recordRelease(c: Caller, referralId: string, releasedOn: string, expectedVersion: number) {
    return this.gateway.send(c, RecordReleaseDocument, { referralId, releasedOn, expectedVersion });
  }

  recordReturnToCustody(
    c: Caller,
    referralId: string,
    establishmentCode: string,
    expectedReleaseDate: string | null,
    expectedVersion: number,
  ) {
    return this.gateway.send(c, RecordReturnToCustodyDocument, {
      referralId,
      establishmentCode,
      expectedReleaseDate,
      expectedVersion,
    });
  }

  recordTransfer(
    c: Caller,
    referralId: string,
    establishmentCode: string,
    transferredOn: string,
    expectedVersion: number,
  ) {
    return this.gateway.send(c, RecordTransferDocument, {
      referralId,
      establishmentCode,
      transferredOn,
      expectedVersion,
    });
  }

  recordTemporaryLicence(
    c: Caller,
    referralId: string,
    onTemporaryLicence: boolean,
    expectedVersion: number,
  ) {
    return this.gateway.send(c, RecordTemporaryLicenceDocument, {
      referralId,
      onTemporaryLicence,
      expectedVersion,
    });
  }

  recordEngagement(
    c: Caller,
    referralId: string,
    input: { serviceType: string; providerName: string; appointmentOn?: string | null; outcome: string },
  ) {
    return this.gateway.send(c, RecordEngagementDocument, {
      referralId,
      input: { ...input, serviceType: input.serviceType as never, outcome: input.outcome as never },
    });
  }

  /**
   * Enhanced RECONNECT partners that could join a case of this region now: those covering it with
   * an active data sharing agreement (the hub refuses any other).
   */
  async partnersFor(c: Caller, region: string): Promise<{ code: string; name: string }[]> {
    const { data } = await this.gateway.send(c, PartnersDocument, {});
    return data.partnerOrganisations
      .filter((p) => p.activeAgreement && p.regions.includes(region as never))
      .map((p) => ({ code: p.code, name: p.name }));
  }

  enrolEnhanced(
    c: Caller,
    referralId: string,
    input: { rationale: string; sharingConsent: string; consentMethod: string; partnerCodes: string[] },
  ) {
    return this.gateway.send(c, EnrolEnhancedDocument, {
      referralId,
      input: {
        ...input,
        sharingConsent: input.sharingConsent as never,
        consentMethod: input.consentMethod as never,
      },
    });
  }

  extendSupport(c: Caller, referralId: string, until: string, reason: string, expectedVersion: number) {
    return this.gateway.send(c, ExtendSupportDocument, { referralId, until, reason, expectedVersion });
  }

  discharge(c: Caller, referralId: string, reason: string, note: string | null, expectedVersion: number) {
    return this.gateway.send(c, DischargeReferralDocument, {
      referralId,
      reason: reason as never,
      note,
      expectedVersion,
    });
  }

  withdraw(c: Caller, id: string, reason: string, expectedVersion: number) {
    return this.gateway.send(c, WithdrawReferralDocument, { id, reason, expectedVersion });
  }

  requestHandover(c: Caller, referralId: string, toServiceCode: string, note: string | null) {
    return this.gateway.send(c, RequestHandoverDocument, { referralId, toServiceCode, note });
  }
}
