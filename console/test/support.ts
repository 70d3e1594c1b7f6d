/**
 * Test support for the console: a whole test hub (`startTestHub`) with the console in front of it,
 * signing development tokens with the key that hub trusts; referrals submitted through the
 * gateway as a referrer would; and a signed-in supertest agent.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { signCallerToken } from '@reconnect/auth';
import { londonDateOf } from '@reconnect/config';
import {
  TEST_AUDIENCE,
  TEST_ISSUER,
  seedGrant,
  seedHealthNeed,
  seedPerson,
  seedReferral,
  seedRiskAssessment,
  startTestHub,
  type TestHub,
} from '@reconnect/hub/testing';
import * as cheerio from 'cheerio';
import supertest from 'supertest';
import { createConsoleApp, type ConsoleApp } from '../src/app.ts';
import type { DevTokenSigner } from '../src/auth/development.ts';

export interface ConsoleUnderTest {
  hub: TestHub;
  console: ConsoleApp;
  today: () => string;
  stop(): Promise<void>;
}

export function signerFor(hub: TestHub): DevTokenSigner {
  return (claims) =>
    signCallerToken(hub.signingKey, {
      roles: claims.roles,
      sub: claims.sub,
      name: claims.name,
      org: claims.org,
      staffId: claims.staffId,
      issuer: TEST_ISSUER,
      audience: TEST_AUDIENCE,
      ...(claims.expiresIn !== undefined ? { expiresIn: claims.expiresIn } : {}),
    });
}

export async function startConsoleUnderTest(hub?: TestHub): Promise<ConsoleUnderTest> {
  const started = hub ?? (await startTestHub());
  const today = () => londonDateOf(started.clock.now());
  const app = createConsoleApp({
    gatewayUrl: started.gatewayUrl,
    sessionSecret: 'test-session-secret-test-session-secret',
    production: false,
    devSigner: signerFor(started),
    today,
    log: () => {},
  });
  return {
    hub: started,
    console: app,
    today,
    async stop() {
      await app.close();
      if (!hub) await started.stop();
    },
  };
}

/** Demo staff (seeded with the reference data), by service and position in `demoStaff`. */
export const STAFF = {
  nwLead: { service: 'RC-NW', name: 'Sam Okafor' },
  nwWorker: { service: 'RC-NW', name: 'Hannah Byrne' },
  nwPeer: { service: 'RC-NW', name: 'Marcus Reid' },
  neyLead: { service: 'RC-NEY', name: 'Aisha Khan' },
  neyWorker: { service: 'RC-NEY', name: 'Tom Hargreaves' },
} as const;

/** The demo users of the other roles (auth/development.ts), by their name on the sign-in page. */
export const DEMO = {
  housing: { service: 'ERP-NW-HSG', name: 'Dev Sharma' },
  probation: { service: 'PROB-NW', name: 'Jane Whitaker' },
  liaison: { service: 'LD-NW', name: 'Olu Bankole' },
  onlineForm: { service: 'RCF-ONLINE', name: 'Denise Walsh' },
  partner: { service: 'ERP-NW-MH', name: 'Rachel Dunn' },
  commissioner: { service: 'NHSE', name: 'Chris Patel' },
  admin: { service: 'NHSE-IG', name: 'Morgan Ellis' },
} as const;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export interface SubmittedReferral {
  id: string;
  reference: string;
}

/** A referral from probation for a person held at HMP Manchester (RC-NW), homed in `homeArea`. */
export async function submitReferral(
  hub: TestHub,
  person: { givenName: string; familyName: string; homeArea?: string },
  today: string,
): Promise<SubmittedReferral> {
  const referrer = await hub.as('REFERRER', { org: 'PROB-NW' });
  const answer = await referrer.query<{ submitReferral: { referral: SubmittedReferral } }>(
    `mutation ($input: SubmitReferralInput!, $key: String!) {
      submitReferral(input: $input, idempotencyKey: $key) { referral { id reference } }
    }`,
    {
      key: randomUUID(),
      input: {
        source: 'PROBATION',
        referrer: { name: 'Jo Bloggs', organisationName: 'Probation Service North West' },
        person: {
          givenName: person.givenName,
          familyName: person.familyName,
          dateOfBirth: '1988-04-12',
          homeLocalAuthorityCode: person.homeArea ?? 'E08000003',
        },
        custody: { type: 'PRISON', establishmentCode: 'MRI', expectedReleaseDate: addDays(today, 40) },
        identifiedNeeds: [{ category: 'MENTAL_HEALTH', description: 'Depression; on medication in custody' }],
        reasonForReferral: 'Needs GP registration and community mental health follow-up on release.',
      },
    },
  );
  const referral = answer.body.data?.submitReferral.referral;
  if (!referral) throw new Error(`submitReferral failed: ${JSON.stringify(answer.body.errors)}`);
  return referral;
}

export type Agent = ReturnType<typeof supertest.agent>;

/** The CSRF token of the form on a page. */
export function csrfOf(html: string): string {
  const token = cheerio.load(html)('input[name=_csrf]').first().val();
  if (typeof token !== 'string' || !token) throw new Error('no CSRF token on the page');
  return token;
}

/** A supertest agent signed in (development sign-in) as one of the demo staff. */
export async function signedInAgent(
  app: ConsoleApp['app'] | Server,
  who: { service: string; name: string },
): Promise<Agent> {
  const agent = supertest.agent(app);
  const page = await agent.get('/sign-in').expect(200);
  const $ = cheerio.load(page.text);
  const staffId = $(`label:contains("${who.name}")`).attr('for');
  const value = staffId ? $(`#${staffId}`).val() : undefined;
  if (typeof value !== 'string') throw new Error(`${who.name} is not on the sign-in page`);
  await agent
    .post('/sign-in')
    .type('form')
    .send({ _csrf: csrfOf(page.text), staffId: value })
    .expect(303);
  return agent;
}

/** Posts a form on `path` with its CSRF token (read from the form's own page). */
export async function postForm(agent: Agent, path: string, fields: Record<string, string>) {
  const form = await agent.get(path.replace(/\/confirm$/, ''));
  const version = cheerio.load(form.text)('input[name=version]').val();
  return agent
    .post(path)
    .type('form')
    .send({ _csrf: csrfOf(form.text), ...(typeof version === 'string' ? { version } : {}), ...fields });
}

/**
 * An open Enhanced RECONNECT case of RC-NW with sharing consent GIVEN and two North West partners
 * (ERP-NW-MH shares risk and needs, ERP-NW-HSG needs only): a PRE_RELEASE referral of a person at
 * HIGH risk with two needs, enrolled by the service's lead through the gateway.
 */
export async function enhancedCase(
  hub: TestHub,
  person: { givenName: string; familyName: string },
  today: string,
): Promise<{ caseId: string; referralId: string; personId: string }> {
  const db = hub.database.handle.db;
  const seeded = await seedPerson(db, person);
  const row = await seedReferral(db, {
    personId: seeded.id,
    status: 'PRE_RELEASE',
    owningServiceCode: 'RC-NW',
    expectedReleaseDate: addDays(today, 40),
    consentDecision: 'GIVEN',
    consentMethod: 'FACE_TO_FACE',
    consentRecordedAt: new Date(),
    consentRecordedBy: 'seed',
  });
  await seedGrant(db, {
    organisationCode: 'RC-NW',
    relationship: 'OWNING_SERVICE',
    personId: seeded.id,
    referralId: row.id,
  });
  await seedRiskAssessment(db, seeded.id, { level: 'HIGH', summary: 'Risk to known adults when using' });
  await seedHealthNeed(db, seeded.id, {
    category: 'MENTAL_HEALTH',
    description: 'Psychosis, on depot medication',
  });
  await seedHealthNeed(db, seeded.id, { category: 'SUBSTANCE_MISUSE', description: 'Crack cocaine use' });
  const lead = await hub.as('RECONNECT_LEAD', { org: 'RC-NW' });
  const answer = await lead.query<{ enrolEnhancedReconnect: { enhancedCase: { id: string } } }>(
    `mutation ($id: ID!) {
      enrolEnhancedReconnect(referralId: $id, input: {
        rationale: "High risk of serious harm; psychosis and substance misuse on release",
        sharingConsent: GIVEN, consentMethod: FACE_TO_FACE, partnerCodes: ["ERP-NW-MH", "ERP-NW-HSG"]
      }) { enhancedCase { id } }
    }`,
    { id: row.id },
  );
  const caseId = answer.body.data?.enrolEnhancedReconnect.enhancedCase.id;
  if (!caseId) throw new Error(`enrolEnhancedReconnect failed: ${JSON.stringify(answer.body.errors)}`);
  return { caseId, referralId: row.id, personId: seeded.id };
}

/** Staff of RC-NW end a partner's access: consent withdrawn, or the case closed. */
export async function endEnhancedCase(hub: TestHub, caseId: string, how: 'consent' | 'close'): Promise<void> {
  const lead = await hub.as('RECONNECT_LEAD', { org: 'RC-NW' });
  const answer = await lead.query(
    how === 'consent'
      ? 'mutation ($id: ID!) { withdrawSharingConsent(caseId: $id) { enhancedCase { id } } }'
      : 'mutation ($id: ID!) { closeEnhancedCase(caseId: $id, reason: "Support ended") { enhancedCase { id } } }',
    { id: caseId },
  );
  if (answer.body.errors) throw new Error(JSON.stringify(answer.body.errors));
}
