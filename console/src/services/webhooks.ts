/** The signed-in organisation's webhook subscriptions. */
import type { Caller, GatewayClient } from '../gateway/client.ts';
import {
  RegisterWebhookDocument,
  RemoveWebhookDocument,
  ReplayParkedDeliveriesDocument,
  WebhooksDocument,
  type WebhooksQuery,
} from '../generated/graphql.ts';

export type Webhook = WebhooksQuery['webhooks'][number];

export class WebhookService {
  constructor(private readonly gateway: GatewayClient) {}

  async list(caller: Caller): Promise<Webhook[]> {
    const { data } = await this.gateway.send(caller, WebhooksDocument, {});
    return data.webhooks;
  }

  async register(caller: Caller, url: string, eventTypes: string[], secret: string): Promise<string> {
    const { data } = await this.gateway.send(caller, RegisterWebhookDocument, { url, eventTypes, secret });
    return data.registerWebhook.id;
  }

  async remove(caller: Caller, id: string): Promise<void> {
    await this.gateway.send(caller, RemoveWebhookDocument, { id });
  }

  async replay(caller: Caller, id: string): Promise<void> {
    await this.gateway.send(caller, ReplayParkedDeliveriesDocument, { id });
  }
}
