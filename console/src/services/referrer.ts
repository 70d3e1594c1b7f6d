/**
 * What the referral form and "Your referrals" ask of the hub, for one signed-in user: the directory
 * the form offers, the submission (with its idempotency key), and a referrer's own referrals.
 */
import { byName } from '../presenters/paging.ts';
import type { Caller, GatewayClient } from '../gateway/client.ts';
import {
  EstablishmentsDocument,
  LocalAuthoritiesDocument,
  MyReferralDocument,
  MyReferralsDocument,
  OwnReferringOrganisationDocument,
  ServiceEstablishmentsDocument,
  SubmitReferralDocument,
  WithdrawReferralDocument,
  type MyReferralQuery,
  type MyReferralsQuery,
  type OwnReferringOrganisationQuery,
  type SubmitReferralInput,
  type SubmitReferralMutation,
} from '../generated/graphql.ts';

export type MyReferral = NonNullable<MyReferralQuery['referralByReference']>;
export type MyReferralsPage = MyReferralsQuery['referrals'];
export type Submitted = SubmitReferralMutation['submitReferral'];
export type OwnReferringOrganisation = NonNullable<OwnReferringOrganisationQuery['referringOrganisation']>;

export class ReferrerService {
  constructor(private readonly gateway: GatewayClient) {}

  /** Every prison and IRC, by name; for staff (`serviceCode`), only their own service's. */
  async establishments(
    caller: Caller,
    serviceCode: string | null,
  ): Promise<{ code: string; name: string; type: string }[]> {
    const list = serviceCode
      ? ((await this.gateway.send(caller, ServiceEstablishmentsDocument, { code: serviceCode })).data
          .reconnectService?.establishments ?? [])
      : (await this.gateway.send(caller, EstablishmentsDocument, {})).data.establishments;
    return byName(list);
  }

  async localAuthorities(caller: Caller): Promise<{ code: string; name: string }[]> {
    const { data } = await this.gateway.send(caller, LocalAuthoritiesDocument, {});
    return byName(data.localAuthorities);
  }

  /**
   * The caller's own organisation in the directory of referring organisations (a referrer reads
   * its own only), or null when the directory does not know it.
   */
  async ownOrganisation(caller: Caller, code: string): Promise<OwnReferringOrganisation | null> {
    const { data } = await this.gateway.send(caller, OwnReferringOrganisationDocument, { code });
    return data.referringOrganisation ?? null;
  }

  async submit(caller: Caller, input: SubmitReferralInput, idempotencyKey: string): Promise<Submitted> {
    const { data } = await this.gateway.send(caller, SubmitReferralDocument, { input, idempotencyKey });
    return data.submitReferral;
  }

  async mine(caller: Caller, first: number, after: string | null): Promise<MyReferralsPage> {
    const { data } = await this.gateway.send(caller, MyReferralsDocument, { first, after });
    return data.referrals;
  }

  async byReference(caller: Caller, reference: string): Promise<MyReferral | undefined> {
    const { data } = await this.gateway.send(caller, MyReferralDocument, { reference });
    return data.referralByReference ?? undefined;
  }

  withdraw(caller: Caller, id: string, reason: string, expectedVersion: number) {
    return this.gateway.send(caller, WithdrawReferralDocument, { id, reason, expectedVersion });
  }
}
