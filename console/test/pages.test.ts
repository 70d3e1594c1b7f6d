/**
 * Page tests (supertest + cheerio) of every screen and state, against a whole test hub: the
 * console is a real client of a real gateway here, so what a page shows is what the hub answered.
 */
import * as cheerio from 'cheerio';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleApp } from '../src/app.ts';
import {
  STAFF,
  addDays,
  csrfOf,
  postForm,
  signedInAgent,
  startConsoleUnderTest,
  submitReferral,
  type Agent,
  type ConsoleUnderTest,
  type SubmittedReferral,
} from './support.ts';
import {
  seedGrant,
  seedHealthNeed,
  seedPerson,
  seedReferral,
  seedRiskAssessment,
} from '@reconnect/hub/testing';

let env: ConsoleUnderTest;
let app: ConsoleUnderTest['console']['app'];
let lead: Agent;
let referral: SubmittedReferral;

/** Nothing of the hub's internals, and no token, ever reaches a page. */
function expectNoLeaks(html: string) {
  expect(html).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/); // a JWT
  expect(html).not.toMatch(/\bmutation\b|\bquery \w+\(|GraphQL|extensions|at [A-Za-z]+ \(/);
}

function errorSummaryOf(html: string) {
  const $ = cheerio.load(html);
  return $('.govuk-error-summary__list a')
    .map((_, a) => ({ text: $(a).text().trim(), href: $(a).attr('href') }))
    .get();
}

beforeAll(async () => {
  env = await startConsoleUnderTest();
  app = env.console.app;
  lead = await signedInAgent(app, STAFF.nwLead);
  referral = await submitReferral(env.hub, { givenName: 'Alex', familyName: 'Example' }, env.today());
});

afterAll(async () => {
  await env?.stop();
});

describe('signed out', () => {
  it('serves no page to a signed-out user: every page sends them to sign in', async () => {
    for (const path of [
      '/',
      `/referrals/${referral.id}`,
      '/handovers',
      '/overview',
      `/referrals/${referral.id}/consent`,
    ]) {
      const response = await supertest(app).get(path).expect(303);
      expect(response.headers.location).toBe('/sign-in');
    }
  });

  it('lists the demo staff of every service on the development sign-in page', async () => {
    const page = await supertest(app).get('/sign-in').expect(200);
    const $ = cheerio.load(page.text);
    const legends = $('legend')
      .map((_, l) => $(l).text().trim())
      .get();
    expect(legends).toContain('RECONNECT North West');
    expect(legends).toContain('RECONNECT North East and Yorkshire');
    expect(page.text).toContain('Sam Okafor');
    expect(page.text).toContain('Aisha Khan');
    // The member of staff who has left is not offered.
    expect(page.text).not.toContain('Neil Parry');
  });

  it('asks to choose someone when the sign-in form is sent empty', async () => {
    const agent = supertest.agent(app);
    const form = await agent.get('/sign-in');
    const response = await agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrfOf(form.text) })
      .expect(400);
    expect(errorSummaryOf(response.text)).toEqual([{ text: 'Select who to sign in as', href: '#staffId' }]);
  });
});

describe('security', () => {
  it('sends a CSP without inline script, no-store and a hardened session cookie', async () => {
    const agent = supertest.agent(app);
    const page = await agent.get('/sign-in').expect(200);
    const csp = page.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers['cache-control']).toBe('no-store');
    const cookie = (page.headers['set-cookie'] as unknown as string[]).join(';');
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cheerio.load(page.text)('script:not([src])').length).toBe(0);
  });

  it('refuses a form without its CSRF token', async () => {
    const response = await lead
      .post(`/referrals/${referral.id}/consent`)
      .type('form')
      .send({ decision: 'GIVEN', method: 'FACE_TO_FACE', version: '1' })
      .expect(403);
    expect(response.text).toContain('This form has expired');
  });

  it('shows the not-found page for another service’s referral and for nonsense ids', async () => {
    const ney = await signedInAgent(app, STAFF.neyLead);
    const other = await ney.get(`/referrals/${referral.id}`).expect(404);
    expect(other.text).toContain('Page not found');
    expect(other.text).not.toContain('Alex');
    await ney.get(`/referrals/${referral.id}/consent`).expect(404);
    await lead.get('/referrals/not-an-id').expect(404);
    await lead.get('/no-such-page').expect(404);
  });

  it('signs out: the session is gone', async () => {
    const agent = await signedInAgent(app, STAFF.nwWorker);
    const page = await agent.get('/').expect(200);
    await agent
      .post('/sign-out')
      .type('form')
      .send({ _csrf: csrfOf(page.text) })
      .expect(303);
    await agent.get('/').expect(303);
  });
});

describe('caseload', () => {
  it('lists open referrals with their columns, and not in "my cases" before assignment', async () => {
    const open = await lead.get('/?tab=open').expect(200);
    const $ = cheerio.load(open.text);
    const row = $('#caseload tbody tr').filter((_, tr) => $(tr).text().includes(referral.reference));
    expect(row.length).toBe(1);
    const cells = row
      .find('td, th')
      .map((_, c) => $(c).text().replace(/\s+/g, ' ').trim())
      .get();
    expect(cells[0]).toBe('Example, Alex');
    expect(cells[2]).toBe('Submitted');
    expect(cells[3]).toBe('Manchester (HMP & YOI)');
    expect(cells[4]).toMatch(/^Expected in (5|6) weeks/);
    expect(cells[5]).toBe('Not assigned');
    expect(cells[6]).toBe('0 of 2');
    expectNoLeaks(open.text);
    const mine = await lead.get('/?tab=mine').expect(200);
    expect(mine.text).not.toContain(referral.reference);
    const unassigned = await lead.get('/?tab=unassigned').expect(200);
    expect(unassigned.text).toContain(referral.reference);
    const closed = await lead.get('/?tab=closed').expect(200);
    expect(closed.text).not.toContain(referral.reference);
  });

  it('filters by status and shows the selected filters with links to remove them', async () => {
    const filtered = await lead.get('/?tab=open&status=POST_RELEASE').expect(200);
    expect(filtered.text).not.toContain(referral.reference);
    const $ = cheerio.load(filtered.text);
    expect($('.moj-filter__tag').text()).toContain('Post-release');
    expect($('#status-3').attr('checked')).toBeDefined();
    const submitted = await lead.get('/?tab=open&status=SUBMITTED&release=next-12-weeks').expect(200);
    expect(submitted.text).toContain(referral.reference);
  });
});

describe('referral and its actions', () => {
  it('shows the person banner, summaries and exactly the actions the hub allows', async () => {
    const page = await lead.get(`/referrals/${referral.id}`).expect(200);
    const $ = cheerio.load(page.text);
    expect($('.rc-banner h1').text()).toContain('Alex Example');
    expect($('.rc-banner').text()).toContain('12 April 1988');
    const buttons = $('.rc-actions a')
      .map((_, a) => $(a).text().trim())
      .get();
    const hub = await (
      await env.hub.as('RECONNECT_LEAD', { org: 'RC-NW' })
    ).query<{
      referral: { availableActions: string[] };
    }>(`{ referral(id: "${referral.id}") { availableActions } }`);
    const expected = hub.body.data!.referral.availableActions;
    expect(expected).toContain('RECORD_CONSENT');
    expect(buttons).toContain('Record consent');
    expect(buttons).not.toContain('Record release');
    // One button per action (two for ASSIGN_WORKER: named worker and peer support), in the hub's order.
    const { ACTION_BUTTONS } = await import('../src/presenters/referral.ts');
    expect(buttons).toEqual(expected.flatMap((a) => (ACTION_BUTTONS[a] ?? []).map((b) => b.text)));
    // Casework (ADD_NOTE, BOOK_APPOINTMENT) has no console screens yet: the API offers it first.
    const NO_SCREEN_YET = ['ENROL_ENHANCED', 'ADD_NOTE', 'BOOK_APPOINTMENT'];
    expect(expected.every((a) => NO_SCREEN_YET.includes(a) || ACTION_BUTTONS[a])).toBe(true);
    expect($('.moj-timeline__item').length).toBeGreaterThan(0);
    expectNoLeaks(page.text);
  });

  it('shows the error summary and inline errors for an empty consent form, then records consent', async () => {
    const empty = await postForm(lead, `/referrals/${referral.id}/consent`, {});
    expect(empty.status).toBe(200);
    expect(errorSummaryOf(empty.text)).toEqual([
      { text: 'Select the person’s decision', href: '#decision' },
      { text: 'Select how consent was recorded', href: '#method' },
    ]);
    const $ = cheerio.load(empty.text);
    expect($('title').text()).toMatch(/^Error: /);
    expect($('#decision-error').text()).toContain('Select the person’s decision');
    const done = await postForm(lead, `/referrals/${referral.id}/consent`, {
      decision: 'GIVEN',
      method: 'FACE_TO_FACE',
    });
    expect(done.status).toBe(303);
    const page = await lead.get(`/referrals/${referral.id}`);
    expect(page.text).toContain('Consent recorded');
    expect(page.text).toContain('Given (face to face)');
  });

  it('accepts, assigns a worker from the service, and counts contacts before release', async () => {
    expect((await postForm(lead, `/referrals/${referral.id}/accept`, {})).status).toBe(303);
    const assign = await lead.get(`/referrals/${referral.id}/assign-worker`).expect(200);
    const $ = cheerio.load(assign.text);
    const names = $('.govuk-radios__label')
      .map((_, l) => $(l).text().trim())
      .get();
    expect(names).toContain('Hannah Byrne');
    expect(names).not.toContain('Aisha Khan');
    const hannah = $('label:contains("Hannah Byrne")').attr('for')!;
    expect(
      (
        await postForm(lead, `/referrals/${referral.id}/assign-worker`, {
          staffId: String($(`#${hannah}`).val()),
        })
      ).status,
    ).toBe(303);

    const contact = await lead.get(`/referrals/${referral.id}/contact`).expect(200);
    expect(contact.text).toContain('This will be contact 1 of 2 before release.');
    const bad = await postForm(lead, `/referrals/${referral.id}/contact`, {
      occurredOn: '31/2/2026',
      occurredTime: '25:00',
      mode: 'FACE_TO_FACE',
      purpose: 'ASSESSMENT',
    });
    expect(errorSummaryOf(bad.text).map((e) => e.href)).toEqual(['#occurredOn', '#occurredTime']);
    // The input is kept.
    expect(cheerio.load(bad.text)('#occurredOn').val()).toBe('31/2/2026');
    const [y, m, d] = env.today().split('-');
    const good = await postForm(lead, `/referrals/${referral.id}/contact`, {
      occurredOn: `${Number(d)}/${Number(m)}/${y}`,
      occurredTime: '00:01',
      mode: 'FACE_TO_FACE',
      purpose: 'ASSESSMENT',
    });
    expect(good.status).toBe(303);
    const next = await lead.get(`/referrals/${referral.id}/contact`).expect(200);
    expect(next.text).toContain('This will be contact 2 of 2 before release.');
    const mine = await signedInAgent(app, STAFF.nwWorker);
    expect((await mine.get('/?tab=mine')).text).toContain(referral.reference);
  });

  it('keeps the input and says someone else changed the referral on a CONFLICT', async () => {
    const form = await lead.get(`/referrals/${referral.id}/expected-release-date`).expect(200);
    const staleVersion = String(cheerio.load(form.text)('input[name=version]').val());
    // Someone else changes the referral meanwhile.
    const other = await signedInAgent(app, STAFF.nwWorker);
    const [y, m, d] = addDays(env.today(), 50).split('-');
    expect(
      (
        await postForm(other, `/referrals/${referral.id}/expected-release-date`, {
          expectedReleaseDate: `${Number(d)}/${Number(m)}/${y}`,
          reason: 'Sentence recalculated',
        })
      ).status,
    ).toBe(303);
    const [y2, m2, d2] = addDays(env.today(), 60).split('-');
    const conflict = await lead
      .post(`/referrals/${referral.id}/expected-release-date`)
      .type('form')
      .send({
        _csrf: csrfOf(form.text),
        version: staleVersion,
        expectedReleaseDate: `${Number(d2)}/${Number(m2)}/${y2}`,
        reason: 'Parole hearing moved',
      })
      .expect(409);
    const $ = cheerio.load(conflict.text);
    expect($('#conflict').text()).toContain('Someone else changed this referral');
    expect(Number($('input[name=version]').val())).toBeGreaterThan(Number(staleVersion));
    expect($('#reason').val()).toBe('Parole hearing moved');
    expect($('#expectedReleaseDate').val()).toBe(`${Number(d2)}/${Number(m2)}/${y2}`);
    expectNoLeaks(conflict.text);
  });

  it('maps the hub’s BAD_USER_INPUT to the field it names', async () => {
    const [y, m, d] = env.today().split('-');
    expect(
      (
        await postForm(lead, `/referrals/${referral.id}/release`, {
          releasedOn: `${Number(d)}/${Number(m)}/${y}`,
        })
      ).status,
    ).toBe(303);
    const bad = await postForm(lead, `/referrals/${referral.id}/return-to-custody`, {
      establishmentCode: 'ZZZZ',
    });
    expect(bad.status).toBe(400);
    expect(errorSummaryOf(bad.text)).toEqual([
      { text: 'Check establishment code: the hub did not accept it', href: '#establishmentCode' },
    ]);
    expect(cheerio.load(bad.text)('#establishmentCode').val()).toBe('ZZZZ');
    expectNoLeaks(bad.text);
  });

  it('records an engagement and offers only the actions of the new state', async () => {
    const done = await postForm(lead, `/referrals/${referral.id}/engagement`, {
      serviceType: 'GP_REGISTRATION',
      providerName: 'Ancoats Urban Village Medical Practice',
      outcome: 'ATTENDED',
    });
    expect(done.status).toBe(303);
    const page = await lead.get(`/referrals/${referral.id}`);
    expect(page.text).toContain('Ancoats Urban Village Medical Practice: attended');
    // Not offered now: a plain page, not the form.
    const accept = await lead.get(`/referrals/${referral.id}/accept`).expect(409);
    expect(accept.text).toContain('You cannot accept referral now');
  });

  it('records a transfer and a temporary licence through their forms', async () => {
    const held = await submitReferral(env.hub, { givenName: 'Robin', familyName: 'Transfer' }, env.today());
    const [y, m, d] = env.today().split('-');
    const page = await lead.get(`/referrals/${held.id}`);
    expect(page.text).toContain('Record transfer');
    expect(page.text).toContain('Record temporary licence');
    const missing = await postForm(lead, `/referrals/${held.id}/transfer`, { establishmentCode: 'FBI' });
    // The form's own check, before anything reaches the hub.
    expect(missing.status).toBe(200);
    expect(errorSummaryOf(missing.text)).toEqual([
      { text: 'Enter the date of transfer', href: '#transferredOn' },
    ]);
    const unknown = await postForm(lead, `/referrals/${held.id}/transfer`, {
      establishmentCode: 'ZZZZ',
      transferredOn: `${Number(d)}/${Number(m)}/${y}`,
    });
    expect(unknown.status).toBe(400);
    expect(errorSummaryOf(unknown.text)).toEqual([
      { text: 'Check new establishment code: the hub did not accept it', href: '#establishmentCode' },
    ]);
    const moved = await postForm(lead, `/referrals/${held.id}/transfer`, {
      establishmentCode: 'fbi',
      transferredOn: `${Number(d)}/${Number(m)}/${y}`,
    });
    expect(moved.status).toBe(303);
    expect(
      (await postForm(lead, `/referrals/${held.id}/temporary-licence`, { temporaryLicence: 'BEGAN' })).status,
    ).toBe(303);
    const after = await lead.get(`/referrals/${held.id}`);
    expect(after.text).toContain('Transferred from MRI to FBI');
    expect(after.text).toContain('Release on temporary licence began');
    expectNoLeaks(after.text);
  });

  it('declines only after check-your-answers', async () => {
    const second = await submitReferral(env.hub, { givenName: 'Jamie', familyName: 'Decline' }, env.today());
    const check = await postForm(lead, `/referrals/${second.id}/decline`, {
      reason: 'SUPPORTED_ELSEWHERE',
      note: 'Has a care coordinator',
    });
    expect(check.status).toBe(200);
    const $ = cheerio.load(check.text);
    expect($('h1').text()).toContain('Check your answers before declining');
    expect($('.govuk-summary-list').text()).toContain('Supported elsewhere');
    const stillOpen = await lead.get(`/referrals/${second.id}`);
    expect(stillOpen.text).toContain('Submitted');
    const confirmed = await lead
      .post(`/referrals/${second.id}/decline/confirm`)
      .type('form')
      .send({
        _csrf: csrfOf(check.text),
        version: $('input[name=version]').val(),
        reason: 'SUPPORTED_ELSEWHERE',
        note: 'Has a care coordinator',
      })
      .expect(303);
    expect(confirmed.headers.location).toBe(`/referrals/${second.id}`);
    const closed = await lead.get('/?tab=closed');
    expect(closed.text).toContain(second.reference);
  });
});

describe('handovers', () => {
  it('shows an incoming handover to the receiving lead, who accepts it after confirming', async () => {
    const moving = await submitReferral(
      env.hub,
      { givenName: 'Robin', familyName: 'Leeds', homeArea: 'E08000035' },
      env.today(),
    );
    expect(
      (await postForm(lead, `/referrals/${moving.id}/consent`, { decision: 'GIVEN', method: 'VIDEO' }))
        .status,
    ).toBe(303);
    expect((await postForm(lead, `/referrals/${moving.id}/accept`, {})).status).toBe(303);
    const outgoing = await lead.get('/handovers?direction=outgoing').expect(200);
    expect(outgoing.text).toContain('Leeds, Robin');
    const ney = await signedInAgent(app, STAFF.neyLead);
    const inbox = await ney.get('/handovers').expect(200);
    const $ = cheerio.load(inbox.text);
    const row = $('#handovers tbody tr').filter((_, tr) => $(tr).text().includes('Leeds, Robin'));
    const accept = row.find('a:contains("Accept")').attr('href')!;
    expect(row.find('a:contains("Decline")').length).toBe(1);
    const confirm = await ney.get(accept).expect(200);
    expect(confirm.text).toContain('Accept this handover?');
    await ney
      .post(accept)
      .type('form')
      .send({ _csrf: csrfOf(confirm.text) })
      .expect(303);
    const after = await ney.get('/handovers');
    expect(after.text).toContain('Accepted');
    // A worker (not a lead) of the receiving service is not offered accept or decline.
    const worker = await signedInAgent(app, STAFF.neyWorker);
    const theirs = await worker.get('/handovers');
    expect(cheerio.load(theirs.text)('a:contains("Decline")').length).toBe(0);
    // Cancel needs a reason.
    const cancelPath = cheerio.load(outgoing.text)('#handovers a:contains("Cancel")').attr('href')!;
    const cancelForm = await lead.get(cancelPath).expect(200);
    const noReason = await lead
      .post(cancelPath)
      .type('form')
      .send({ _csrf: csrfOf(cancelForm.text) })
      .expect(400);
    expect(errorSummaryOf(noReason.text)).toEqual([{ text: 'Enter a reason', href: '#reason' }]);
  });
});

describe('service overview', () => {
  it('shows a lead their service’s figures with SVG bar charts', async () => {
    const page = await lead.get('/overview').expect(200);
    const $ = cheerio.load(page.text);
    expect($('h1').text()).toContain('Service overview');
    expect($('.govuk-summary-list').text()).toContain('Referrals received');
    expect($('svg.rc-chart').length).toBeGreaterThan(0);
    expect($('svg.rc-chart').first().attr('aria-label')).toMatch(/Referrals by source: Probation \d+/);
  });

  it('says what is wrong with a bad period', async () => {
    const page = await lead
      .get('/overview?from-day=31&from-month=2&from-year=2026&to-day=1&to-month=1&to-year=2026')
      .expect(400);
    expect(errorSummaryOf(page.text)).toEqual([
      { text: 'From must be a real date, for example 27 3 2026', href: '#from-day' },
    ]);
  });

  it('is not for workers', async () => {
    const worker = await signedInAgent(app, STAFF.nwWorker);
    const page = await worker.get('/overview').expect(403);
    expect(page.text).toContain('You cannot see this page');
    expect(page.text).not.toContain('Service overview</a>');
  });
});

describe('Enhanced RECONNECT enrolment', () => {
  /** A PRE_RELEASE referral of RC-NW (an ER pilot service) for a person at HIGH risk with two needs. */
  async function eligibleReferral() {
    const db = env.hub.database.handle.db;
    const person = await seedPerson(db, { givenName: 'Erin', familyName: 'Enhanced' });
    const row = await seedReferral(db, {
      personId: person.id,
      status: 'PRE_RELEASE',
      owningServiceCode: 'RC-NW',
      expectedReleaseDate: addDays(env.today(), 40),
      consentDecision: 'GIVEN',
      consentMethod: 'FACE_TO_FACE',
      consentRecordedAt: new Date(),
      consentRecordedBy: 'seed',
    });
    await seedGrant(db, {
      organisationCode: 'RC-NW',
      relationship: 'OWNING_SERVICE',
      personId: person.id,
      referralId: row.id,
    });
    await seedRiskAssessment(db, person.id, { level: 'HIGH' });
    await seedHealthNeed(db, person.id, { category: 'MENTAL_HEALTH' });
    await seedHealthNeed(db, person.id, { category: 'SUBSTANCE_MISUSE' });
    return row;
  }

  it('offers enrolment when the hub does, lists only partners that may join, and enrols', async () => {
    const eligible = await eligibleReferral();
    const page = await lead.get(`/referrals/${eligible.id}`).expect(200);
    expect(cheerio.load(page.text)(`a[href="/referrals/${eligible.id}/enrol-enhanced"]`).text()).toContain(
      'Enrol in Enhanced RECONNECT',
    );
    const form = await lead.get(`/referrals/${eligible.id}/enrol-enhanced`).expect(200);
    const partners = cheerio
      .load(form.text)('#partnerCode option')
      .map((_, o) => cheerio.load(form.text)(o).attr('value'))
      .get();
    // North West partners with an active agreement only: not another region's.
    expect(partners).toContain('ERP-NW-MH');
    expect(partners).not.toContain('ERP-NEY-AP');

    const bad = await postForm(lead, `/referrals/${eligible.id}/enrol-enhanced`, { partnerCode: 'NONE' });
    expect(errorSummaryOf(bad.text).map((e) => e.href)).toEqual([
      '#rationale',
      '#sharingConsent',
      '#consentMethod',
    ]);
    const good = await postForm(lead, `/referrals/${eligible.id}/enrol-enhanced`, {
      rationale: 'High risk of serious harm; mental health and substance misuse needs on release.',
      sharingConsent: 'GIVEN',
      consentMethod: 'FACE_TO_FACE',
      partnerCode: 'ERP-NW-MH',
    });
    expect(good.status).toBe(303);
    const after = await lead.get(`/referrals/${eligible.id}`).expect(200);
    expect(after.text).toContain('Enrolled in Enhanced RECONNECT');
    expect(after.text).not.toContain(`/referrals/${eligible.id}/enrol-enhanced`);
    expectNoLeaks(after.text);
  });

  it('does not offer enrolment to a referral that is not eligible', async () => {
    const page = await lead.get(`/referrals/${referral.id}`).expect(200);
    expect(page.text).not.toContain('enrol-enhanced');
    await lead
      .get(`/referrals/${referral.id}/enrol-enhanced`)
      .expect((r) => expect(r.text).not.toContain('Why Enhanced RECONNECT'));
  });
});

describe('when the hub is down', () => {
  it('shows a plain page without internals', async () => {
    const down = createConsoleApp({
      gatewayUrl: 'http://127.0.0.1:9/graphql',
      sessionSecret: 'test-session-secret-test-session-secret',
      production: false,
      devSigner: async () => 'not-a-token',
      today: env.today,
      log: () => {},
    });
    const page = await supertest(down.app).get('/sign-in').expect(503);
    expect(page.text).toContain('Sorry, the hub is not available');
    expectNoLeaks(page.text);
    await down.close();
  });
});
