/**
 * Where a delivery goes, decided at every delivery (no server-side request forgery through DNS):
 * the host is resolved by the dispatcher itself, every address it resolves to is classified
 * (url.ts, `isPublicAddress`), and in production the delivery is refused unless all are public
 * unicast. The POST then connects to the address that was checked (post.ts pins it), so a name that
 * answered a public address to the check and a private one a moment later (DNS rebinding) is never
 * followed: there is no second lookup.
 *
 * Resolution goes to DNS servers directly through `dns.promises.Resolver` (c-ares), not the
 * system's `getaddrinfo`: the servers are the system's (`/etc/resolv.conf`) unless
 * WEBHOOK_DNS_SERVERS names others, and `/etc/hosts` is not read, so an entry there cannot point a
 * subscriber's name inside the network either.
 */
import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';
import {
  addressRange,
  isLoopbackHost,
  isPublicAddress,
  webhookHost,
  webhookUrlProblem,
  type Environment,
} from './url.ts';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export interface WebhookResolverOptions {
  /** DNS servers (`host` or `host:port`, IPv6 in brackets with a port); unset: the system's. */
  servers?: readonly string[] | undefined;
  /** Per query attempt; the resolver tries twice. */
  timeoutMs?: number;
}

/** Resolves webhook hosts through DNS, A and AAAA at once. */
export class WebhookResolver {
  private readonly resolver: dns.Resolver;
  /** Queries sent (each A or AAAA lookup counts one), for tests and the figures. */
  queries = 0;

  constructor(options: WebhookResolverOptions = {}) {
    this.resolver = new dns.Resolver({ timeout: options.timeoutMs ?? 2_000, tries: 2 });
    if (options.servers && options.servers.length > 0) this.resolver.setServers([...options.servers]);
  }

  /** Every address of the host; throws with the DNS error code when it has none. */
  async addressesOf(host: string): Promise<ResolvedAddress[]> {
    this.queries += 2;
    const [v4, v6] = await Promise.allSettled([this.resolver.resolve4(host), this.resolver.resolve6(host)]);
    const addresses: ResolvedAddress[] = [
      ...(v4.status === 'fulfilled' ? v4.value.map((address) => ({ address, family: 4 as const })) : []),
      ...(v6.status === 'fulfilled' ? v6.value.map((address) => ({ address, family: 6 as const })) : []),
    ];
    if (addresses.length > 0) return addresses;
    const failure = [v4, v6].find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined;
    const code = (failure?.reason as { code?: string } | undefined)?.code ?? 'ENOTFOUND';
    throw Object.assign(new Error(`DNS ${code}`), { code });
  }
}

export type DeliveryTarget =
  | { ok: true; url: URL; host: string; address: string; family: 4 | 6 }
  | { ok: false; problem: string; host?: string; range?: string };

/**
 * Checks a stored URL for one delivery and picks the address to connect to: the URL rules first
 * (url.ts), then the host's addresses. An IP literal is its own address; `localhost` names are
 * loopback by definition (RFC 6761) and only ever allowed outside production. In production every
 * address must be public unicast: a name with one private address among public ones is refused,
 * whichever the connection would have used.
 */
export async function resolveDeliveryTarget(
  raw: string,
  environment: Environment,
  resolver: WebhookResolver,
): Promise<DeliveryTarget> {
  if (webhookUrlProblem(raw, environment) !== null) {
    return { ok: false, problem: 'The URL is not allowed in this environment.' };
  }
  const url = new URL(raw);
  const host = webhookHost(url);
  let addresses: ResolvedAddress[];
  const literal = isIP(host);
  if (literal !== 0) {
    addresses = [{ address: host, family: literal as 4 | 6 }];
  } else if (isLoopbackHost(host)) {
    addresses = [{ address: '127.0.0.1', family: 4 }];
  } else {
    try {
      addresses = await resolver.addressesOf(host);
    } catch (error) {
      return { ok: false, host, problem: `DNS: ${(error as { code?: string }).code ?? 'no address'}` };
    }
  }
  if (environment === 'production') {
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused) {
      const range = addressRange(refused.address);
      return {
        ok: false,
        host,
        range,
        problem: `The host resolves to a non-public address (${range}); not delivered.`,
      };
    }
  }
  const chosen = addresses.find((a) => a.family === 4) ?? addresses[0]!;
  return { ok: true, url, host, address: chosen.address, family: chosen.family };
}
