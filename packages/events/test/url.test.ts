/** Which webhook URLs are accepted, in production and outside it (no server-side request forgery). */
import { describe, expect, it } from 'vitest';
import { addressRange, isPublicAddress, webhookUrlProblem, type Environment } from '../src/url.ts';

const cases: [url: string, environment: Environment, accepted: boolean][] = [
  ['https://hooks.probation.example/reconnect', 'production', true],
  ['https://hooks.probation.example:8443/x?y=1', 'production', true],
  ['https://93.184.216.34/hook', 'production', true],
  ['http://hooks.probation.example/reconnect', 'production', false],
  ['http://127.0.0.1:9000/hook', 'production', false],
  ['https://127.0.0.1/hook', 'production', false],
  ['https://127.8.9.10/hook', 'production', false],
  ['https://localhost/hook', 'production', false],
  ['https://api.localhost/hook', 'production', false],
  ['https://10.1.2.3/hook', 'production', false],
  ['https://172.16.0.1/hook', 'production', false],
  ['https://172.31.255.255/hook', 'production', false],
  ['https://172.32.0.1/hook', 'production', true],
  ['https://192.168.1.10/hook', 'production', false],
  ['https://169.254.169.254/latest/meta-data', 'production', false],
  ['https://0.0.0.0/hook', 'production', false],
  ['https://[::1]/hook', 'production', false],
  ['https://[fc00::1]/hook', 'production', false],
  ['https://[fd12:3456::1]/hook', 'production', false],
  ['https://[fe80::1]/hook', 'production', false],
  ['https://[::ffff:10.0.0.1]/hook', 'production', false],
  ['https://[::ffff:127.0.0.1]/hook', 'production', false],
  ['https://[2001:4860:4860::8888]/hook', 'production', true],
  // Documentation, benchmarking, carrier-grade NAT, multicast, 6to4 and NAT64 addresses reach no public receiver.
  ['https://[2001:db8::1]/hook', 'production', false],
  ['https://198.18.0.1/hook', 'production', false],
  ['https://100.64.0.1/hook', 'production', false],
  ['https://224.0.0.1/hook', 'production', false],
  ['https://[2002:a00:1::]/hook', 'production', false],
  ['https://[64:ff9b::a00:1]/hook', 'production', false],
  // IPv6 spellings of IPv4 addresses (issue 24, item 7): IPv4-compatible (`::/96`; URL parsing
  // writes `[::127.0.0.1]` as `[::7f00:1]`) and IPv4-mapped are refused whatever they carry, and
  // so are NAT64 (well-known and local-use prefixes), IPv4-translated, 6to4 and Teredo.
  ['https://[::7f00:1]/hook', 'production', false],
  ['https://[::127.0.0.1]/hook', 'production', false],
  ['https://[::a00:1]/hook', 'production', false],
  ['https://[::c0a8:101]/hook', 'production', false],
  ['https://[::808:808]/hook', 'production', false],
  ['https://[0:0:0:0:0:0:7f00:1]/hook', 'production', false],
  ['https://[::ffff:7f00:1]/hook', 'production', false],
  ['https://[::ffff:8.8.8.8]/hook', 'production', false],
  ['https://[0:0:0:0:0:ffff:a9fe:a9fe]/hook', 'production', false],
  ['https://[::ffff:0:7f00:1]/hook', 'production', false],
  ['https://[64:ff9b::7f00:1]/hook', 'production', false],
  ['https://[64:ff9b:1::a00:1]/hook', 'production', false],
  ['https://[2002:7f00:1::1]/hook', 'production', false],
  ['https://[2002:c0a8:101::1]/hook', 'production', false],
  ['https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook', 'production', false],
  // WHATWG parsing turns these spellings of 127.0.0.1 into dotted decimal before the check.
  ['https://2130706433/hook', 'production', false],
  ['https://0x7f.1/hook', 'production', false],
  ['https://0177.0.0.1/hook', 'production', false],
  ['https://0x7f000001/hook', 'production', false],
  ['https://127.1/hook', 'production', false],
  ['https://0/hook', 'production', false],
  ['https://012.0.0.1/hook', 'production', false],
  ['https://0xa9.0xfe.0xa9.0xfe/hook', 'production', false],
  ['https://metadata/hook', 'production', false],
  ['https://vault.internal/hook', 'production', false],
  ['https://user:pass@hooks.probation.example/', 'production', false],
  ['ftp://hooks.probation.example/', 'production', false],
  ['not a url', 'production', false],
  // Outside production: http to loopback only, https anywhere.
  ['http://127.0.0.1:9000/hook', 'development', true],
  ['http://localhost:9000/hook', 'test', true],
  ['http://[::1]:9000/hook', 'test', true],
  ['http://10.0.0.5/hook', 'development', false],
  ['http://hooks.probation.example/hook', 'test', false],
  ['https://192.168.1.10/hook', 'development', true],
];

describe('webhookUrlProblem', () => {
  it.each(cases)('%s in %s: accepted %s', (url, environment, accepted) => {
    const problem = webhookUrlProblem(url, environment);
    if (accepted) expect(problem).toBeNull();
    else expect(problem).toEqual(expect.any(String));
  });
});

describe('isPublicAddress and addressRange: an address as DNS answers it', () => {
  it.each([
    ['8.8.8.8', 'unicast'],
    ['2001:4860:4860::8888', 'unicast'],
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['::7f00:1', 'ipv4Compatible'],
    ['::808:808', 'ipv4Compatible'],
    // How DNS libraries (c-ares, inet_ntop) print ::7f00:1; ipaddr.js alone would call it mapped.
    ['::127.0.0.1', 'ipv4Compatible'],
    ['::ffff:7f00:1', 'ipv4Mapped'],
    ['::ffff:808:808', 'ipv4Mapped'],
    ['::ffff:0:a00:1', 'rfc6145'],
    ['64:ff9b::a00:1', 'rfc6052'],
    ['64:ff9b:1::a00:1', 'rfc6052'],
    ['2002:a00:1::1', '6to4'],
    ['2001::1', 'teredo'],
    ['fe80::1%eth0', 'linkLocal'],
    // ipaddr.js reads IPv4 in every spelling inet_aton accepts, by its value.
    ['2130706433', 'loopback'],
    ['0x7f.1', 'loopback'],
    ['0177.0.0.1', 'loopback'],
    ['not an address', 'invalid'],
  ])('%s is %s', (address, range) => {
    expect(addressRange(address)).toBe(range);
    expect(isPublicAddress(address)).toBe(range === 'unicast');
  });
});
