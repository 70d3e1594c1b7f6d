/**
 * Which webhook URLs the hub will POST to. Security decision (no server-side request forgery): a
 * subscriber must not be able to make the hub call into its own network. In production only
 * `https` URLs to public hosts are accepted: IP literals in private, loopback, link-local,
 * unspecified or unique-local ranges (IPv6 spellings of IPv4 addresses included: mapped,
 * compatible, NAT64, 6to4), and names such as `localhost` or `*.internal`, are refused.
 * Outside production `http` is allowed to loopback only, so developers can run a receiver locally.
 * The dispatcher checks again before each POST, so a subscription stored under other rules is not
 * followed in production.
 */
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

export type Environment = 'development' | 'test' | 'production';

/**
 * Whether an IP address is an ordinary public unicast one, the only kind a webhook may reach in
 * production: its range (`addressRange`) is `unicast`. Anything that does not parse, and an IPv6
 * address with a zone, is not public.
 */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  if (bare.includes('%')) return false; // an IPv6 zone: an interface of this host
  return addressRange(bare) === 'unicast';
}

/**
 * The special-purpose range an address is in (`unicast` when none), for the decision, error
 * messages and logs. ipaddr.js classifies it against the IANA special-purpose registries (private,
 * loopback, link-local, carrier-grade NAT, unspecified, broadcast, multicast, unique-local,
 * documentation, benchmarking, 6to4, Teredo, NAT64, IPv4-mapped, IPv4-translated and the rest;
 * IPv4 in any spelling it parses, decimal, octal or hex, by its value).
 *
 * Security: an IPv6 address is judged as itself, never as an IPv4 address it embeds. IPv4-mapped
 * addresses (`::ffff:0:0/96`) are `ipv4Mapped` whatever IPv4 address they carry, and
 * IPv4-compatible ones (`::/96`, deprecated by RFC 4291), which ipaddr.js calls unicast, are
 * `ipv4Compatible`: a system that routes them to IPv4 would reach the address they carry
 * (`[::7f00:1]` is 127.0.0.1), and no public receiver needs either spelling. An IPv6 address is read
 * by the WHATWG URL parser first: ipaddr.js reads `::127.0.0.1` (how DNS libraries print
 * `::7f00:1`) as `::ffff:127.0.0.1`.
 */
export function addressRange(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '');
  const v6 = isIP(bare) === 6;
  const canonical = v6 ? canonicalIpv6(bare.split('%')[0]!) : bare;
  if (canonical === undefined || !ipaddr.isValid(canonical)) return 'invalid';
  const parsed = ipaddr.parse(canonical);
  const range = parsed.range();
  if (parsed.kind() === 'ipv6' && range === 'unicast') {
    const parts = (parsed as ipaddr.IPv6).parts;
    if (parts.slice(0, 6).every((part) => part === 0)) return 'ipv4Compatible';
  }
  return range;
}

/** An IPv6 address as the WHATWG URL parser writes it (RFC 5952: hex groups only), or undefined. */
function canonicalIpv6(address: string): string | undefined {
  try {
    return new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
}

/** Why the URL is refused, or null when it is acceptable. */
export function webhookUrlProblem(raw: string, environment: Environment): string | null {
  if (raw.length > 2048) return 'The URL is longer than 2048 characters.';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'This is not a valid absolute URL.';
  }
  if (url.username || url.password) return 'The URL must not carry credentials.';
  const host = webhookHost(url);
  const loopback = isLoopbackHost(host);
  if (url.protocol === 'http:') {
    if (environment === 'production') return 'The URL must use https.';
    if (!loopback) return 'Only loopback addresses may use http; other URLs must use https.';
    return null;
  }
  if (url.protocol !== 'https:') return 'The URL must use https.';
  if (environment === 'production' && (loopback || isPrivateHost(host))) {
    return 'Private, loopback and link-local addresses are not allowed.';
  }
  return null;
}

/** The host without IPv6 brackets or a trailing dot, lower case. */
export function webhookHost(url: URL): string {
  return url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

/** `localhost` and its subdomains (RFC 6761: always loopback), and loopback IP literals. */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return isIP(host) !== 0 && addressRange(host) === 'loopback';
}

/**
 * Hosts no public webhook receiver has: IP literals that are not public unicast, single-label
 * names and internal suffixes. A public-looking name can still resolve to a private address: the
 * dispatcher checks what it resolves to at every delivery (resolve.ts).
 */
function isPrivateHost(host: string): boolean {
  if (isIP(host) !== 0) return !isPublicAddress(host);
  if (!host.includes('.')) return true; // single-label names resolve internally
  return /\.(internal|local|lan|home|corp|intranet)$/.test(host);
}

/** Whether the hub may POST to this stored URL now (the dispatcher asks before every delivery). */
export function mayDeliverTo(url: string, environment: Environment): boolean {
  return webhookUrlProblem(url, environment) === null;
}
