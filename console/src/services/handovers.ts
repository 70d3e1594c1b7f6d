/** Handover inboxes and answers, through the gateway. */
import type { Caller, GatewayClient } from '../gateway/client.ts';
import {
  AcceptHandoverDocument,
  CancelHandoverDocument,
  CompleteHandoverDocument,
  DeclineHandoverDocument,
  HandoversDocument,
  type HandoverRowFragment,
  type HandoverDirection,
} from '../generated/graphql.ts';

export type HandoverRow = HandoverRowFragment;

export class HandoverService {
  constructor(private readonly gateway: GatewayClient) {}

  /** One inbox: the open handovers first (bounded at 100, the API's page maximum). */
  async inbox(caller: Caller, direction: HandoverDirection, open: boolean) {
    const answer = await this.gateway.send(caller, HandoversDocument, {
      direction,
      status: open ? ['REQUESTED', 'ACCEPTED'] : ['COMPLETED', 'DECLINED', 'CANCELLED'],
      first: 100,
      after: null,
    });
    return { data: answer.data.handovers, problems: answer.problems };
  }

  /** A handover the user can see, found in either inbox. */
  async find(caller: Caller, id: string): Promise<HandoverRow | undefined> {
    for (const direction of ['INCOMING', 'OUTGOING'] as const) {
      const { data } = await this.gateway.send(caller, HandoversDocument, {
        direction,
        status: null,
        first: 100,
        after: null,
      });
      const found = data.handovers.nodes.find((h) => h.id === id);
      if (found) return found;
    }
    return undefined;
  }

  accept(c: Caller, id: string) {
    return this.gateway.send(c, AcceptHandoverDocument, { id });
  }
  decline(c: Caller, id: string, reason: string) {
    return this.gateway.send(c, DeclineHandoverDocument, { id, reason });
  }
  cancel(c: Caller, id: string, reason: string) {
    return this.gateway.send(c, CancelHandoverDocument, { id, reason });
  }
  complete(c: Caller, id: string) {
    return this.gateway.send(c, CompleteHandoverDocument, { id });
  }
}
