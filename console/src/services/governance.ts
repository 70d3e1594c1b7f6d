/** Information governance: a person's access log, the partners' data sharing agreements, identity conflicts. */
import { byName } from '../presenters/paging.ts';
import type { Caller, GatewayClient } from '../gateway/client.ts';
import {
  AccessLogDocument,
  AgreementsDocument,
  IdentityConflictsDocument,
  ResolveIdentityConflictDocument,
  type AccessLogQuery,
  type AgreementsQuery,
  type IdentityConflictsQuery,
  type IdentityResolution,
} from '../generated/graphql.ts';

export type AccessLogPage = NonNullable<NonNullable<AccessLogQuery['person']>['accessLog']>;
export type PartnerAgreements = AgreementsQuery['partnerOrganisations'];
export type OpenConflicts = IdentityConflictsQuery['identityConflicts'];

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

  /** The open identity conflicts, oldest first, with both records' identity (the hub audits each read). */
  async openConflicts(caller: Caller, first: number): Promise<OpenConflicts> {
    const { data } = await this.gateway.send(caller, IdentityConflictsDocument, { first });
    return data.identityConflicts;
  }

  async resolveConflict(
    caller: Caller,
    id: string,
    outcome: IdentityResolution,
    note: string,
    keepPersonId: string | null,
  ): Promise<void> {
    await this.gateway.send(caller, ResolveIdentityConflictDocument, { id, outcome, note, keepPersonId });
  }
}
