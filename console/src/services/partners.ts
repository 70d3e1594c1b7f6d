/** An Enhanced RECONNECT partner's open cases and its updates to them, through the gateway. */
import type { Caller, GatewayClient, HubAnswer } from '../gateway/client.ts';
import {
  PartnerCaseDocument,
  PartnerCasesDocument,
  RecordPartnerUpdateDocument,
  type PartnerCaseQuery,
  type PartnerCasesQuery,
} from '../generated/graphql.ts';

export type PartnerCasesPage = PartnerCasesQuery['enhancedCases'];
export type PartnerCase = NonNullable<PartnerCaseQuery['enhancedCase']>;

export class PartnerService {
  constructor(private readonly gateway: GatewayClient) {}

  async openCases(caller: Caller, first: number, after: string | null): Promise<PartnerCasesPage> {
    const { data } = await this.gateway.send(caller, PartnerCasesDocument, { first, after });
    return data.enhancedCases;
  }

  /**
   * The case, or undefined when the partner may not see it (closed, consent withdrawn, removed, no
   * agreement). The problems say which fields its agreement's scopes do not open.
   */
  async case(caller: Caller, id: string): Promise<HubAnswer<PartnerCase> | undefined> {
    const answer = await this.gateway.send(caller, PartnerCaseDocument, { id });
    if (!answer.data.enhancedCase) return undefined;
    return { data: answer.data.enhancedCase, problems: answer.problems };
  }

  addUpdate(caller: Caller, caseId: string, note: string) {
    return this.gateway.send(caller, RecordPartnerUpdateDocument, { caseId, note });
  }
}
