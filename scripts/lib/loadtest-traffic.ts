/**
 * The traffic of `pnpm loadtest` (issue 7, item 8): what a RECONNECT service and its referrers do
 * all day, as a mix of GraphQL requests, and what came back for each kind. Caseload reads and
 * referral detail as the North West service's staff; submissions as a probation referrer, each with
 * a fresh idempotency key and, now and then, a retry of an earlier one with the same key and input;
 * transitions on the referrals the run submitted (consent, accept, a contact, each with the version
 * last seen) and contacts on the demo caseload.
 *
 * Every submission that got an answer is remembered by key, so that the run can check afterwards
 * that each one is stored exactly once.
 */
import { randomInt } from 'node:crypto';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { graphql } from './generated/gql.ts';
import type { ContactInput, SubmitReferralInput } from './generated/graphql.ts';

export const OPERATIONS = ['caseload', 'detail', 'submit', 'transition'] as const;
export type Operation = (typeof OPERATIONS)[number];

/** One in ten requests of each kind, in this order: 3 caseload, 3 detail, 2 submit, 2 transition. */
const MIX: Operation[] = [
  'caseload',
  'detail',
  'submit',
  'caseload',
  'transition',
  'detail',
  'caseload',
  'submit',
  'detail',
  'transition',
];
/** Every REPLAY_EVERY-th submission retries an earlier one, as a client does after a timeout. */
const REPLAY_EVERY = 5;

export const CASELOAD = graphql(`
  query Caseload {
    referrals(filter: { status: [SUBMITTED, PRE_RELEASE, POST_RELEASE] }, first: 50) {
      totalCount
      nodes {
        id
        reference
        status
        version
        person {
          givenName
          familyName
        }
        custody {
          establishment {
            name
          }
          expectedReleaseDate
          releasedOn
        }
        namedWorker {
          name
        }
        preReleaseContacts {
          count
          met
        }
        supportWindow {
          startsOn
          endsOn
          dischargeOverdue
        }
      }
    }
  }
`);

const DETAIL = graphql(`
  query Referral($id: ID!) {
    referral(id: $id) {
      reference
      status
      version
      source
      referrer {
        organisationCode
        name
      }
      person {
        givenName
        familyName
        dateOfBirth
        nhsNumber
        homeArea {
          name
        }
        healthNeeds {
          category
          description
        }
      }
      custody {
        type
        establishment {
          name
          localService {
            name
          }
        }
        expectedReleaseDate
      }
      identifiedNeeds
      reasonForReferral
      consent {
        decision
        method
      }
      owningService {
        code
        name
      }
      history {
        at
        type
        fromStatus
        toStatus
      }
      enhancedCase {
        status
      }
      availableActions
    }
  }
`);

const SUBMIT = graphql(`
  mutation Submit($input: SubmitReferralInput!, $key: String!) {
    submitReferral(input: $input, idempotencyKey: $key) {
      replayed
      referral {
        id
        status
        version
      }
    }
  }
`);

const CONSENT = graphql(`
  mutation Consent($id: ID!, $v: Int) {
    recordConsent(referralId: $id, decision: GIVEN, method: FACE_TO_FACE, expectedVersion: $v) {
      referral {
        id
        status
        version
      }
    }
  }
`);

const ACCEPT = graphql(`
  mutation Accept($id: ID!, $v: Int) {
    acceptReferral(id: $id, expectedVersion: $v) {
      referral {
        id
        status
        version
      }
    }
  }
`);

const CONTACT = graphql(`
  mutation Contact($id: ID!, $input: ContactInput!) {
    recordContact(referralId: $id, input: $input) {
      referral {
        id
        status
        version
      }
    }
  }
`);

/** A request to send, and what it is. */
export interface PlannedRequest {
  operation: Operation;
  /** The step, for transitions (`consent`, `accept`, `contact`, `demo-contact`); the kind otherwise. */
  step: string;
  token: string;
  body: string;
  /** What the answer is checked against (a submission's key, a transition's referral). */
  submission?: { key: string; replay: boolean };
  transition?: PendingTransition;
}

interface PendingTransition {
  id: string;
  version: number;
  next: 'consent' | 'accept' | 'contact';
}

export interface OperationStats {
  requests: number;
  /** Answered 200 without errors. */
  ok: number;
  statuses: Record<string, number>;
  /** GraphQL error codes, one count per error. */
  errors: Record<string, number>;
  /** Latency of every answer, ms (measured from when the request was built to its answer). */
  latencies: number[];
}

export interface TrafficSetup {
  runId: string;
  /** Today's date at the hub (the demo data and the submission dates are relative to it). */
  today: string;
  staffToken: string;
  referrerToken: string;
  /** The North West caseload's referral ids, for detail reads. */
  referralIds: string[];
  /** Its referrals that are open, for contacts. */
  openReferralIds: string[];
}

/** A submission the hub answered with a referral; `id` is the referral it named. */
export interface AnsweredSubmission {
  id: string;
  replays: number;
  /** A replay named a different referral than the original answer: never acceptable. */
  mismatched: boolean;
}

interface GraphqlBody {
  data?: Record<
    string,
    { replayed?: boolean; referral?: { id: string; status: string; version: number } }
  > | null;
  errors?: { extensions?: { code?: unknown } }[];
}

export class Traffic {
  stats: Record<Operation, OperationStats> = emptyStats();
  /** Submissions answered with a referral, by idempotency key. */
  readonly submitted = new Map<string, AnsweredSubmission>();
  private readonly inputs = new Map<string, SubmitReferralInput>();
  private readonly pending: PendingTransition[] = [];
  private turn = 0;
  private submissions = 0;

  constructor(private readonly setup: TrafficSetup) {}

  /** Forgets the figures so far (after a warm-up); what was submitted is still checked. */
  resetStats(): void {
    this.stats = emptyStats();
  }

  /** The prefix of every idempotency key of this run. */
  get keyPrefix(): string {
    return `loadtest-${this.setup.runId}-`;
  }

  /** A LIKE pattern for the reasons for referral of this run's submissions. */
  get reasonPattern(): string {
    return `Load test ${this.keyPrefix}%`;
  }

  /** The reason for referral a submission with `key` carries: one per key, to count it by. */
  private reasonFor(key: string): string {
    return `Load test ${key}: needs GP registration and mental health follow-up on release.`;
  }

  next(): PlannedRequest {
    const operation = MIX[this.turn++ % MIX.length]!;
    switch (operation) {
      case 'caseload':
        return this.plan(operation, 'caseload', this.setup.staffToken, CASELOAD, {});
      case 'detail':
        return this.plan(operation, 'detail', this.setup.staffToken, DETAIL, {
          id: pick(this.setup.referralIds),
        });
      case 'submit':
        return this.nextSubmission();
      case 'transition':
        return this.nextTransition();
    }
  }

  /** Records an answer; `body` is the raw response text. */
  record(request: PlannedRequest, status: number, text: string, latencyMs: number): void {
    const stats = this.stats[request.operation];
    stats.requests += 1;
    stats.statuses[status] = (stats.statuses[status] ?? 0) + 1;
    stats.latencies.push(latencyMs);
    let body: GraphqlBody;
    try {
      body = JSON.parse(text) as GraphqlBody;
    } catch {
      stats.errors.UNREADABLE_RESPONSE = (stats.errors.UNREADABLE_RESPONSE ?? 0) + 1;
      return;
    }
    for (const error of body.errors ?? []) {
      const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'NO_CODE';
      stats.errors[code] = (stats.errors[code] ?? 0) + 1;
    }
    if (status === 200 && !body.errors?.length) stats.ok += 1;
    if (request.submission) this.recordSubmission(request.submission, body);
    if (request.transition) this.recordTransition(request.transition, body);
  }

  /**
   * A request for one of the typed documents above (scripts/lib/generated/, `pnpm codegen`): the
   * variables are checked against the operation's, and so against the public API.
   */
  private plan<V>(
    operation: Operation,
    step: string,
    token: string,
    document: DocumentTypeDecoration<unknown, V> & { toString(): string },
    variables: V,
    extra: Partial<PlannedRequest> = {},
  ): PlannedRequest {
    const body = JSON.stringify({ query: document.toString(), variables });
    return { operation, step, token, body, ...extra };
  }

  private nextSubmission(): PlannedRequest {
    this.submissions += 1;
    const earlier = [...this.submitted.keys()];
    if (this.submissions % REPLAY_EVERY === 0 && earlier.length > 0) {
      const key = pick(earlier);
      return this.plan(
        'submit',
        'replay',
        this.setup.referrerToken,
        SUBMIT,
        { key, input: this.inputs.get(key)! },
        {
          submission: { key, replay: true },
        },
      );
    }
    const key = `${this.keyPrefix}${this.submissions}`;
    const input = this.submissionInput(key);
    this.inputs.set(key, input);
    return this.plan(
      'submit',
      'submit',
      this.setup.referrerToken,
      SUBMIT,
      { key, input },
      {
        submission: { key, replay: false },
      },
    );
  }

  /** A referral from probation for a new person in a North West prison, released in a month. */
  private submissionInput(key: string): SubmitReferralInput {
    return {
      source: 'PROBATION',
      referrer: { name: 'Load Test', organisationName: 'Probation Service North West' },
      person: {
        givenName: 'Sam',
        familyName: `Loadtest${this.submissions}`,
        dateOfBirth: '1987-06-15',
        nhsNumber: nhsNumber(this.submissions),
      },
      custody: {
        type: 'PRISON',
        establishmentCode: 'MRI',
        expectedReleaseDate: addDays(this.setup.today, 30),
      },
      identifiedNeeds: [{ category: 'MENTAL_HEALTH', description: 'Anxiety; on medication in custody.' }],
      reasonForReferral: this.reasonFor(key),
    };
  }

  /**
   * The next step of a referral this run submitted (each is with one connection at a time, so the
   * version it carries is the latest), or else a contact on an open demo referral.
   */
  private nextTransition(): PlannedRequest {
    const staff = this.setup.staffToken;
    const item = this.pending.shift();
    if (!item) {
      return this.plan('transition', 'demo-contact', staff, CONTACT, {
        id: pick(this.setup.openReferralIds),
        input: this.contactInput(),
      });
    }
    const extra = { transition: item };
    if (item.next === 'consent')
      return this.plan('transition', 'consent', staff, CONSENT, { id: item.id, v: item.version }, extra);
    if (item.next === 'accept')
      return this.plan('transition', 'accept', staff, ACCEPT, { id: item.id, v: item.version }, extra);
    return this.plan(
      'transition',
      'contact',
      staff,
      CONTACT,
      { id: item.id, input: this.contactInput() },
      extra,
    );
  }

  private contactInput(): ContactInput {
    return {
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      mode: 'FACE_TO_FACE',
      purpose: 'RELEASE_PLANNING',
      note: 'Load test contact',
    };
  }

  private recordSubmission(submission: { key: string; replay: boolean }, body: GraphqlBody): void {
    const answer = body.data?.submitReferral;
    const id = answer?.referral?.id;
    if (!id) return;
    const known = this.submitted.get(submission.key);
    if (known) {
      known.replays += 1;
      if (known.id !== id || answer.replayed !== true) known.mismatched = true;
      return;
    }
    this.submitted.set(submission.key, { id, replays: 0, mismatched: false });
    // A first answer may itself be a replay (a retry's twin): either way the referral is new to us.
    this.pending.push({ id, version: answer.referral!.version, next: 'consent' });
  }

  /** Moves a referral to its next step; a refused step (CONFLICT, INVALID_TRANSITION) ends its run. */
  private recordTransition(item: PendingTransition, body: GraphqlBody): void {
    const payload = Object.values(body.data ?? {})[0];
    const referral = payload?.referral;
    if (!referral || body.errors?.length) return;
    if (item.next === 'contact') return;
    this.pending.push({
      id: item.id,
      version: referral.version,
      next: item.next === 'consent' ? 'accept' : 'contact',
    });
  }
}

/** The calendar date `days` after `date` (both YYYY-MM-DD). */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function emptyStats(): Record<Operation, OperationStats> {
  return Object.fromEntries(
    OPERATIONS.map((o) => [o, { requests: 0, ok: 0, statuses: {}, errors: {}, latencies: [] }]),
  ) as unknown as Record<Operation, OperationStats>;
}

function pick<T>(items: readonly T[]): T {
  return items[randomInt(items.length)]!;
}

/**
 * A valid NHS number (Modulus 11) in the 999 range, never issued to a patient, different for every
 * `serial` of a run and, by a random start, from other runs' numbers.
 */
const NHS_START = randomInt(900_000);
function nhsNumber(serial: number): string {
  for (let n = NHS_START + serial * 7; ; n += 1) {
    const nine = `999${String(n % 1_000_000).padStart(6, '0')}`;
    let sum = 0;
    for (let i = 0; i < 9; i += 1) sum += Number(nine[i]) * (10 - i);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    return `${nine}${check === 11 ? 0 : check}`;
  }
}
