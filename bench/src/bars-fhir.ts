/**
 * `tsx bench/src/bars-fhir.ts [--requests N]`: a small timing run of the BaRS FHIR connector
 * (issue 17). It boots the whole hub as the tests do (startTestHub: PGlite, or a fresh PostgreSQL
 * database on TEST_DATABASE_URL's server) with the connector in front of its gateway, then sends N
 * referrals one at a time as `$process-message` (a BaRS message: validation, the directory lookup
 * and `submitReferral` through the gateway) and N as `submitReferral` straight to the gateway,
 * alternating, each for a new person. Prints p50/p90 of each and the difference, which is what the
 * connector adds. One client at a time: latency, not throughput. Figures depend on the machine
 * (and how busy it is): compare runs made one after another on the same host.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { barsFhirEnv, loadConfig } from '../../packages/config/src/index.ts';
import { startTestHub } from '../../hub/testing/index.ts';
import { randomNhsNumber } from '../../subgraphs/person/src/testing.ts';
import { optionsOf, startBarsConnector } from '../../connectors/bars-fhir/src/index.ts';
import { summarise } from './stats.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--requests');
const requests = at >= 0 ? Number(args[at + 1]) : 50;

const doc = readFileSync(new URL('../../docs/FHIR.md', import.meta.url), 'utf8');
const example = /<!-- example-message -->\s*```json\n([\s\S]*?)\n```/.exec(doc)![1]!;

const SUBMIT = `mutation ($input: SubmitReferralInput!, $key: String!) {
  submitReferral(input: $input, idempotencyKey: $key) { replayed referral { id reference status } }
}`;

function inputFor(nhsNumber: string) {
  return {
    source: 'PRISON_HEALTHCARE',
    referrer: {
      name: 'Amara Okafor',
      organisationName: 'Healthcare, Manchester (HMP & YOI)',
      email: 'amara.okafor@nhs.example.org',
      phone: '01632 960321',
    },
    person: {
      givenName: 'Daniel',
      familyName: 'Hargreaves',
      dateOfBirth: '1988-04-12',
      nhsNumber,
      homeLocalAuthorityCode: 'E08000003',
    },
    custody: {
      type: 'PRISON',
      establishmentCode: 'MRI',
      expectedReleaseDate: '2027-02-15',
      onTemporaryLicence: false,
    },
    identifiedNeeds: [{ category: 'MENTAL_HEALTH', description: 'Depression' }],
    reasonForReferral: 'Due for release in February.',
  };
}

const hub = await startTestHub();
const bars = await startBarsConnector(
  optionsOf(
    loadConfig(barsFhirEnv, { NODE_ENV: 'test', BARS_SENDERS: 'HCP-MRI=PRISON_HEALTHCARE' }),
    hub.gatewayUrl,
  ),
  0,
  '127.0.0.1',
);
const token = await hub.token('REFERRER', { org: 'HCP-MRI', sub: 'bench-healthcare' });

async function fhirOnce(): Promise<number> {
  const bundle = JSON.parse(example) as { entry: { resource: Record<string, unknown> }[] };
  bundle.entry[0]!.resource.id = randomUUID();
  bundle.entry[2]!.resource.identifier = [
    { system: 'https://fhir.nhs.uk/Id/nhs-number', value: randomNhsNumber() },
  ];
  const body = JSON.stringify(bundle);
  const start = performance.now();
  const response = await fetch(`${bars.url}/$process-message`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/fhir+json',
      'x-request-id': randomUUID(),
      'x-correlation-id': randomUUID(),
    },
    body,
  });
  await response.text();
  const ms = performance.now() - start;
  if (response.status !== 200) throw new Error(`$process-message answered ${response.status}`);
  return ms;
}

async function graphqlOnce(): Promise<number> {
  const body = JSON.stringify({
    query: SUBMIT,
    variables: { input: inputFor(randomNhsNumber()), key: randomUUID() },
  });
  const start = performance.now();
  const response = await fetch(hub.gatewayUrl, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body,
  });
  const answer = (await response.json()) as { errors?: unknown };
  const ms = performance.now() - start;
  if (answer.errors) throw new Error(`submitReferral answered ${JSON.stringify(answer.errors)}`);
  return ms;
}

try {
  // Warm-up: the R4 definitions, the gateway's plans, the connection pools.
  for (let i = 0; i < 5; i += 1) {
    await fhirOnce();
    await graphqlOnce();
  }
  const fhir: number[] = [];
  const graphql: number[] = [];
  for (let i = 0; i < requests; i += 1) {
    fhir.push(await fhirOnce());
    graphql.push(await graphqlOnce());
  }
  const f = summarise(fhir);
  const g = summarise(graphql);
  const database = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
  console.log(`BaRS FHIR timing, ${requests} requests each, one at a time, ${database}`);
  console.log(`  $process-message            p50 ${f.p50.toFixed(1)} ms   p90 ${f.p90.toFixed(1)} ms`);
  console.log(`  submitReferral via gateway  p50 ${g.p50.toFixed(1)} ms   p90 ${g.p90.toFixed(1)} ms`);
  console.log(`  the connector adds (p50)    ${(f.p50 - g.p50).toFixed(1)} ms`);
} finally {
  await bars.stop();
  await hub.stop();
}
