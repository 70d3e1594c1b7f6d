/**
 * Which webhook URLs the hub will POST to. Security decision (no server-side request forgery): a
 * subscriber must not be able to make the hub call into its own network. In production only
 * `https` URLs to public hosts are accepted: IP literals in private, loopback, link-local,
 * unspecified or unique-local ranges, and names such as `localhost` or `*.internal`, are refused.
 * Outside production `http` is allowed to loopback only, so developers can run a receiver locally.
 * The dispatcher checks again before each POST, so a subscription stored under other rules is not
 * followed in production.
 */
import { isIP } from 'node:net';

export type Environment = 'development' | 'test' | 'production';

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
  const host = hostOf(url);
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
function hostOf(url: URL): string {
  return url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

function isLoopbackHost(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const v4 = ipv4Of(host);
  if (v4) return v4[0] === 127;
  return isIP(host) === 6 && expandIpv6(host) === '0000:0000:0000:0000:0000:0000:0000:0001';
}

/** Hosts no public webhook receiver has: private, link-local, unspecified, internal names. */
function isPrivateHost(host: string): boolean {
  if (!host.includes('.') && isIP(host) === 0) return true; // single-label names resolve internally
  if (/\.(internal|local|lan|home|corp|intranet)$/.test(host)) return true;
  const v4 = ipv4Of(host);
  if (v4) return isPrivateV4(v4);
  if (isIP(host) === 6) {
    const full = expandIpv6(host);
    const first = parseInt(full.slice(0, 4), 16);
    if (full === '0000:0000:0000:0000:0000:0000:0000:0000') return true;
    if ((first & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
    if ((first & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
    // IPv4-mapped (::ffff:a.b.c.d): judged by the IPv4 address.
    if (full.startsWith('0000:0000:0000:0000:0000:ffff:')) {
      const [hi, lo] = full
        .slice(30)
        .split(':')
        .map((h) => parseInt(h, 16)) as [number, number];
      return isPrivateV4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
    }
  }
  return false;
}

function isPrivateV4(octets: number[]): boolean {
  const [a, b = 0] = octets;
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168)
  );
}

/**
 * The four octets of an IPv4 host. WHATWG URL parsing already turns `0x7f.1`, `2130706433` and the
 * like into dotted decimal, so only that form needs reading here.
 */
function ipv4Of(host: string): number[] | null {
  if (isIP(host) !== 4) return null;
  return host.split('.').map(Number);
}

function expandIpv6(host: string): string {
  let address = host;
  // A trailing dotted IPv4 part becomes two hextets.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    address =
      address.slice(0, -dotted[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = address.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  const groups = tail !== undefined ? [...left, ...Array(missing).fill('0'), ...right] : left;
  return groups.map((g) => g.padStart(4, '0')).join(':');
}

/** Whether the hub may POST to this stored URL now (the dispatcher asks before every delivery). */
export function mayDeliverTo(url: string, environment: Environment): boolean {
  return webhookUrlProblem(url, environment) === null;
}
