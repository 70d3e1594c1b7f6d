/**
 * Information governance: a person's access log, subject access reports and the partners' data
 * sharing agreements.
 */
import { HubError, type Caller, type GatewayClient } from '../gateway/client.ts';
import {
  AccessLogDocument,
  AgreementsDocument,
  SubjectAccessReportDocument,
  type AccessLogQuery,
  type AgreementsQuery,
  type SubjectAccessReportQuery,
} from '../generated/graphql.ts';

export type AccessLogPage = NonNullable<NonNullable<AccessLogQuery['person']>['accessLog']>;
export type PartnerAgreements = AgreementsQuery['partnerOrganisations'];
export type SubjectAccessReport = SubjectAccessReportQuery['subjectAccessReport'];

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

  /** The report (audited by the hub with the reason); undefined when there is no such person. */
  async subjectAccessReport(
    caller: Caller,
    personId: string,
    reason: string,
  ): Promise<SubjectAccessReport | undefined> {
    try {
      const { data } = await this.gateway.send(caller, SubjectAccessReportDocument, { personId, reason });
      return data.subjectAccessReport;
    } catch (error) {
      if (error instanceof HubError && error.code === 'NOT_FOUND') return undefined;
      throw error;
    }
  }

  async agreements(caller: Caller): Promise<PartnerAgreements> {
    const { data } = await this.gateway.send(caller, AgreementsDocument, {});
    return [...data.partnerOrganisations].sort((a, b) => a.name.localeCompare(b.name));
  }
}
