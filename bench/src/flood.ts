/**
 * The flood scenario (issue 24 item 5; docs/RELIABILITY.md section 16): one caller sends the
 * nineteen-alias `localAuthorities` query `floods` times at once while another caller reads its
 * caseload page `caseloads` times in a row and `/health` is asked; reports what each got. Small
 * and short by design: it measures whether the gateway keeps answering the others, not throughput.
 *
 *   tsx bench/src/flood.ts --url http://localhost:4000/graphql --flooder TOKEN --caller TOKEN
 *
 * (`pnpm token COMMISSIONER` and `pnpm token RECONNECT_STAFF --org RC-NW` print development
 * tokens for a hub started with `pnpm start`.)
 */
import { parseArgs } from 'node:util';

export const FLOOD_ALIASES = 19;

/** The attack: nineteen aliases of local authorities → receiving service → local authorities. */
export function floodQuery(aliases = FLOOD_ALIASES): string {
  return `{ ${Array.from(
    { length: aliases },
    (_, i) => `a${i}: localAuthorities { receivingService { localAuthorities { code name region } } }`,
  ).join(' ')} }`;
}

const CASELOAD = '{ referrals(first: 20) { totalCount nodes { id reference status } } }';

export interface FloodSettings {
  url: string;
  flooderToken: string;
  callerToken: string;
  floods?: number;
  caseloads?: number;
}

export interface FloodReport {
  floods: number;
  /** The flood's answers by HTTP status and first error code (`200 ok` when it was served). */
  floodOutcomes: Record<string, number>;
  /** Bytes of the largest flood answer. */
  largestFloodAnswerBytes: number;
  caseloads: number;
  caseloadsAnswered: number;
  /** Milliseconds the slowest caseload took while the flood ran. */
  slowestCaseloadMs: number;
  healthStatus: number;
}

async function post(url: string, token: string, query: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, text: await response.text() };
}

function outcomeOf(answer: { status: number; text: string }): string {
  try {
    const code = (JSON.parse(answer.text) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]
      ?.extensions?.code;
    return `${answer.status} ${code ?? 'ok'}`;
  } catch {
    return `${answer.status} unreadable`;
  }
}

export async function runFlood(settings: FloodSettings): Promise<FloodReport> {
  const floods = settings.floods ?? 12;
  const caseloads = settings.caseloads ?? 5;
  const flood = floodQuery();
  const sent = Array.from({ length: floods }, () => post(settings.url, settings.flooderToken, flood));
  let answered = 0;
  let slowest = 0;
  for (let i = 0; i < caseloads; i += 1) {
    const started = performance.now();
    const answer = await post(settings.url, settings.callerToken, CASELOAD);
    slowest = Math.max(slowest, performance.now() - started);
    const body = JSON.parse(answer.text) as { errors?: unknown[]; data?: unknown };
    if (answer.status === 200 && !body.errors && body.data) answered += 1;
  }
  const health = await fetch(new URL('/health', settings.url), { signal: AbortSignal.timeout(10_000) }).then(
    (r) => r.status,
    () => 0,
  );
  const outcomes: Record<string, number> = {};
  let largest = 0;
  for (const answer of await Promise.all(sent)) {
    const outcome = outcomeOf(answer);
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    largest = Math.max(largest, Buffer.byteLength(answer.text));
  }
  return {
    floods,
    floodOutcomes: outcomes,
    largestFloodAnswerBytes: largest,
    caseloads,
    caseloadsAnswered: answered,
    slowestCaseloadMs: Math.round(slowest),
    healthStatus: health,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: 'http://localhost:4000/graphql' },
      flooder: { type: 'string' },
      caller: { type: 'string' },
      floods: { type: 'string', default: '12' },
      caseloads: { type: 'string', default: '5' },
    },
  });
  if (!values.flooder || !values.caller) {
    console.error('usage: tsx bench/src/flood.ts [--url URL] --flooder TOKEN --caller TOKEN [--floods 12]');
    process.exit(2);
  }
  console.log(
    JSON.stringify(
      await runFlood({
        url: values.url!,
        flooderToken: values.flooder,
        callerToken: values.caller,
        floods: Number(values.floods),
        caseloads: Number(values.caseloads),
      }),
      null,
      2,
    ),
  );
}
