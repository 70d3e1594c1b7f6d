/**
 * Information governance: a person's access log, subject access reports, the partners' data
 * sharing agreements and identity conflicts.
 */
import { byName } from '../presenters/paging.ts';
import { HubError, type Caller, type GatewayClient } from '../gateway/client.ts';
import {
  AccessLogDocument,
  AgreementsDocument,
  IdentityConflictsDocument,
  ReferringOrganisationByCodeDocument,
  ReferringOrganisationsDocument,
  ResolveIdentityConflictDocument,
  SaveReferringOrganisationDocument,
  SubjectAccessReportDocument,
  type AccessLogQuery,
  type AgreementsQuery,
  type IdentityConflictsQuery,
  type IdentityResolution,
  type ReferringOrganisationInput,
  type ReferringOrganisationKind,
  type ReferringOrganisationsQuery,
  type Region,
  type SubjectAccessReportQuery,
} from '../generated/graphql.ts';

export type AccessLogPage = NonNullable<NonNullable<AccessLogQuery['person']>['accessLog']>;
export type PartnerAgreements = AgreementsQuery['partnerOrganisations'];
export type OpenConflicts = IdentityConflictsQuery['identityConflicts'];
export type SubjectAccessReport = SubjectAccessReportQuery['subjectAccessReport'];

export type ReferringOrganisations = ReferringOrganisationsQuery['referringOrganisations'];

export class GovernanceService {
  constructor(private readonly gateway: GatewayClient) {}

  /** The directory of referring organisations, filtered by kind and region. */
  async referringOrganisations(
    caller: Caller,
    kind: ReferringOrganisationKind | null,
    region: Region | null,
  ): Promise<ReferringOrganisations> {
    const { data } = await this.gateway.send(caller, ReferringOrganisationsDocument, { kind, region });
    return data.referringOrganisations;
  }

  async referringOrganisation(caller: Caller, code: string) {
    const { data } = await this.gateway.send(caller, ReferringOrganisationByCodeDocument, { code });
    return data.referringOrganisation ?? undefined;
  }

  /** Adds an organisation or changes one (by code); audited by the hub. */
  async saveReferringOrganisation(caller: Caller, input: ReferringOrganisationInput) {
    const { data } = await this.gateway.send(caller, SaveReferringOrganisationDocument, { input });
    return data.saveReferringOrganisation;
  }

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
