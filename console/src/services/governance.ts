/** Information governance: a person's access log and the partners' data sharing agreements. */
import { byName } from '../presenters/paging.ts';
import type { Caller, GatewayClient } from '../gateway/client.ts';
import {
  AccessLogDocument,
  AgreementsDocument,
  type AccessLogQuery,
  type AgreementsQuery,
} from '../generated/graphql.ts';

export type AccessLogPage = NonNullable<NonNullable<AccessLogQuery['person']>['accessLog']>;
export type PartnerAgreements = AgreementsQuery['partnerOrganisations'];

export class GovernanceService {
  constructor(private readonly gateway: GatewayClient) {}

  /** The person's access log, newest first; undefined when there is no such person. */
  async accessLog(
    caller: Caller,
    personId: string,
    first: number,
    after: string | null,
  ): Promise<AccessLogPage | undefined> {
    const { data } = await this.gateway.send(caller, AccessLogDocument, { personId, first, after });
    return data.person?.accessLog ?? undefined;
  }

  async agreements(caller: Caller): Promise<PartnerAgreements> {
    const { data } = await this.gateway.send(caller, AgreementsDocument, {});
    return byName(data.partnerOrganisations);
  }
}
