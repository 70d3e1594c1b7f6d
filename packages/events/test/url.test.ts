/** Which webhook URLs are accepted, in production and outside it (no server-side request forgery). */
import { describe, expect, it } from 'vitest';
import { webhookUrlProblem, type Environment } from '../src/url.ts';

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
  // WHATWG parsing turns these spellings of 127.0.0.1 into dotted decimal before the check.
  ['https://2130706433/hook', 'production', false],
  ['https://0x7f.1/hook', 'production', false],
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
