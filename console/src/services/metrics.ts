/** The service overview's figures, through the gateway. */
import { byName } from '../presenters/paging.ts';
import type { Caller, GatewayClient } from '../gateway/client.ts';
import {
  MetricsServicesDocument,
  ServiceOverviewDocument,
  type ServiceOverviewQuery,
} from '../generated/graphql.ts';

export type ServiceMetrics = ServiceOverviewQuery['serviceMetrics'];

export class MetricsService {
  constructor(private readonly gateway: GatewayClient) {}

  async overview(
    caller: Caller,
    serviceCode: string | null,
    from: string,
    to: string,
  ): Promise<ServiceMetrics> {
    const { data } = await this.gateway.send(caller, ServiceOverviewDocument, { serviceCode, from, to });
    return data.serviceMetrics;
  }

  /** Every RECONNECT service, by name. */
  async services(caller: Caller): Promise<{ code: string; name: string }[]> {
    const { data } = await this.gateway.send(caller, MetricsServicesDocument, {});
    return byName(data.reconnectServices);
  }
}
