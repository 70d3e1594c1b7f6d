/**
 * Page tests of "Make a referral" and "Your referrals" against a whole test hub: the question
 * pages and their checks, check your answers, the confirmation, eligibility refusals on the page
 * where they are put right, the idempotency key (a double click makes one referral), a referrer's
 * own referrals and withdrawing one, and who may see these pages at all.
 */
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCrn, isNhsNumber, isPncId, isPrisonNumber } from '../src/assets/identifiers.js';
import {
  DEMO,
  STAFF,
  addDays,
  csrfOf,
  signedInAgent,
  startConsoleUnderTest,
  type Agent,
  type ConsoleUnderTest,
} from './support.ts';

let env: ConsoleUnderTest;
let app: ConsoleUnderTest['console']['app'];
let referrer: Agent;

beforeAll(async () => {
  env = await startConsoleUnderTest();
  app = env.console.app;
  referrer = await signedInAgent(app, DEMO.probation);
});

afterAll(async () => {
  await env?.stop();
});

function errorSummaryOf(html: string) {
  const $ = cheerio.load(html);
  return $('.govuk-error-summary__list a')
    .map((_, a) => ({ text: $(a).text().trim(), href: $(a).attr('href') }))
    .get();
}

/** Posts one question page with its CSRF token. */
async function answer(agent: Agent, path: string, fields: Record<string, string | string[]>) {
  const page = await agent.get(path);
  return agent
    .post(path)
    .type('form')
    .send({ _csrf: csrfOf(page.text), ...fields });
}

function dateParts(name: string, iso: string) {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
}

/** Starts a referral and answers every page; answers the agent at check your answers. */
async function fillIn(
  agent: Agent,
  person: { givenName: string; familyName: string; dateOfBirth?: string; nhsNumber?: string },
  custody: Record<string, string> = {},
) {
  const start = await agent.get('/make-a-referral').expect(200);
  await agent
    .post('/make-a-referral/start')
    .type('form')
    .send({ _csrf: csrfOf(start.text) })
    .expect(303);
  // Probation gives one source, and the directory names the organisation: neither is asked.
  await answer(agent, '/make-a-referral/referrer', {
    referrerName: 'Jane Whitaker',
    email: 'jane.whitaker@probation.example.org',
    phone: '01632 960 001',
  }).then((r) => expect(r.status).toBe(303));
  await answer(agent, '/make-a-referral/person', {
    givenName: person.givenName,
    familyName: person.familyName,
    ...dateParts('dateOfBirth', person.dateOfBirth ?? '1986-02-03'),
    nhsNumber: person.nhsNumber ?? '',
    prisonNumber: '',
    crn: '',
    pncId: '',
    homeOfficeReference: '',
    homeArea: 'E08000003',
  }).then((r) => expect(r.status).toBe(303));
  await answer(agent, '/make-a-referral/custody', {
    establishment: 'MRI',
    released: 'no',
    onTemporaryLicence: 'no',
    ...dateParts('expectedReleaseDate', addDays(env.today(), 50)),
    ...custody,
  }).then((r) => expect(r.status).toBe(303));
  await answer(agent, '/make-a-referral/needs', {
    needs: ['MENTAL_HEALTH', 'SUBSTANCE_MISUSE'],
    'need-MENTAL_HEALTH': 'Depression, on medication in custody',
    'need-SUBSTANCE_MISUSE': 'Opiate substitution therapy',
  }).then((r) => expect(r.status).toBe(303));
  const last = await answer(agent, '/make-a-referral/reason', {
    reasonForReferral: 'Needs GP registration and mental health follow-up on release.',
  });
  expect(last.status).toBe(303);
  expect(last.headers.location).toBe('/make-a-referral/check-answers');
}

describe('identifier checks (the same module runs in the browser)', () => {
  it('checks NHS numbers by Modulus 11, prison numbers, CRNs and PNC ids by their formats', () => {
    expect(isNhsNumber('943 476 5919')).toBe(true);
    expect(isNhsNumber('9434765918')).toBe(false);
    expect(isPrisonNumber('a1234bc')).toBe(true);
    expect(isPrisonNumber('A1234B')).toBe(false);
    expect(isCrn('X123456')).toBe(true);
    expect(isCrn('X12345')).toBe(false);
    expect(isPncId('2012/0052834K')).toBe(true);
    expect(isPncId('2012/0052834A')).toBe(false);
  });
});

describe('make a referral', () => {
  it('asks each question, checks the answers, and sends one referral with its reference', async () => {
    await fillIn(referrer, { givenName: 'Morgan', familyName: 'Formfill', nhsNumber: '943 476 5919' });
    const check = await referrer.get('/make-a-referral/check-answers').expect(200);
    const $ = cheerio.load(check.text);
    const rows = $('.govuk-summary-list__row')
      .map((_, r) => $(r).find('dt').text().trim() + ': ' + $(r).find('dd').first().text().trim())
      .get();
    expect(rows).toContain('Name: Morgan Formfill');
    expect(rows).toContain('NHS number: 943 476 5919');
    expect(rows).toContain('Prison or IRC: Manchester (HMP & YOI) (Prison)');
    expect(rows).toContain('Mental health: Depression, on medication in custody');
    // From the directory of referring organisations, not asked: no change link.
    expect(rows).toContain('Organisation: Probation Service North West');
    expect(rows).toContain('Referring service: Probation');
    expect($('a[href="/make-a-referral/referrer?change=yes#organisationName"]').length).toBe(0);
    expect($('a[href="/make-a-referral/person?change=yes#nhsNumber"]').text()).toContain('Change');

    // A change link comes back to check your answers.
    const change = await answer(referrer, '/make-a-referral/reason?change=yes', {
      reasonForReferral: 'Needs GP registration on release.',
    });
    expect(change.headers.location).toBe('/make-a-referral/check-answers');

    const sent = await referrer
      .post('/make-a-referral/check-answers')
      .type('form')
      .send({ _csrf: csrfOf(check.text) })
      .expect(303);
    expect(sent.headers.location).toBe('/make-a-referral/confirmation');
    const confirmation = await referrer.get('/make-a-referral/confirmation').expect(200);
    const reference = cheerio.load(confirmation.text)('.govuk-panel__body strong').text();
    expect(reference).toMatch(/^RC-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(confirmation.text).toContain('RECONNECT North West will check the referral');

    const mine = await referrer.get('/your-referrals').expect(200);
    expect(mine.text).toContain(reference);
    expect(mine.text).toContain('Formfill, Morgan');
  });

  it('shows each question’s errors, identifiers included, linked to their answers', async () => {
    const start = await referrer.get('/make-a-referral').expect(200);
    await referrer
      .post('/make-a-referral/start')
      .type('form')
      .send({ _csrf: csrfOf(start.text) })
      .expect(303);
    const empty = await answer(referrer, '/make-a-referral/referrer', {
      referrerName: '',
    });
    expect(empty.status).toBe(400);
    expect(errorSummaryOf(empty.text).map((e) => e.href)).toEqual(['#referrerName']);
    const person = await answer(referrer, '/make-a-referral/person', {
      givenName: 'Iris',
      familyName: 'Ident',
      ...dateParts('dateOfBirth', '1990-01-01'),
      nhsNumber: '9434765918',
      prisonNumber: 'A1234B',
      crn: 'X12',
      pncId: '2012/0052834A',
    });
    expect(person.status).toBe(400);
    expect(errorSummaryOf(person.text)).toEqual([
      { text: 'Enter a real NHS number: 10 digits, for example 943 476 5919', href: '#nhsNumber' },
      { text: expect.stringContaining('prison number') as unknown as string, href: '#prisonNumber' },
      { text: expect.stringContaining('CRN') as unknown as string, href: '#crn' },
      { text: expect.stringContaining('PNC ID') as unknown as string, href: '#pncId' },
    ]);
    // The answers given are kept.
    expect(cheerio.load(person.text)('#nhsNumber').val()).toBe('9434765918');
    const custody = await answer(referrer, '/make-a-referral/custody', {
      released: 'no',
      onTemporaryLicence: 'no',
    });
    expect(errorSummaryOf(custody.text).map((e) => e.href)).toEqual([
      '#establishment',
      '#expectedReleaseDate-day',
    ]);
    const needs = await answer(referrer, '/make-a-referral/needs', { needs: 'ALCOHOL' });
    expect(errorSummaryOf(needs.text)).toEqual([
      { text: 'Describe the alcohol need', href: '#need-ALCOHOL' },
    ]);
    // Check your answers is not reached before every question is answered.
    const early = await referrer.get('/make-a-referral/check-answers').expect(303);
    expect(early.headers.location).toBe('/make-a-referral/referrer');
  });

  it('explains an eligibility refusal on the page where the answer can be changed', async () => {
    // 17 on the expected release date: the hub refuses UNDER_18.
    const release = addDays(env.today(), 50);
    const dob = `${Number(release.slice(0, 4)) - 17}${release.slice(4)}`;
    await fillIn(referrer, { givenName: 'Young', familyName: 'Person', dateOfBirth: dob });
    const check = await referrer.get('/make-a-referral/check-answers').expect(200);
    const refused = await referrer
      .post('/make-a-referral/check-answers')
      .type('form')
      .send({ _csrf: csrfOf(check.text) })
      .expect(400);
    const $ = cheerio.load(refused.text);
    expect($('h1').text()).toContain('The person you are referring');
    expect(errorSummaryOf(refused.text)).toEqual([
      {
        text: 'RECONNECT supports adults only: the person must be 18 or over on the day they are released. Check the date of birth.',
        href: '#dateOfBirth-day',
      },
    ]);
    expect($('main form').attr('action')).toBe('/make-a-referral/person?change=yes');
    // Put right, it goes through.
    const fixed = await answer(referrer, '/make-a-referral/person?change=yes', {
      givenName: 'Young',
      familyName: 'Person',
      ...dateParts('dateOfBirth', '1990-05-05'),
      nhsNumber: '',
      homeArea: '',
    });
    expect(fixed.headers.location).toBe('/make-a-referral/check-answers');
    const again = await referrer.get('/make-a-referral/check-answers').expect(200);
    await referrer
      .post('/make-a-referral/check-answers')
      .type('form')
      .send({ _csrf: csrfOf(again.text) })
      .expect(303);
  });

  it('makes one referral however often the form is sent: a double click, a retry, going back', async () => {
    const agent = await signedInAgent(app, DEMO.liaison);
    await fillIn(agent, { givenName: 'Dora', familyName: 'Doubleclick' });
    const check = await agent.get('/make-a-referral/check-answers').expect(200);
    const send = () =>
      agent
        .post('/make-a-referral/check-answers')
        .type('form')
        .send({ _csrf: csrfOf(check.text) });
    const [one, two] = await Promise.all([send(), send()]);
    expect([one.status, two.status]).toEqual([303, 303]);
    const retry = await send();
    expect(retry.headers.location).toBe('/make-a-referral/confirmation');
    // The organisation's referrals, as the hub lists them: one.
    const mine = await agent.get('/your-referrals').expect(200);
    expect(mine.text.match(/Doubleclick, Dora/g)).toHaveLength(1);
  });

  it('offers RECONNECT staff only their own service’s establishments', async () => {
    const staff = await signedInAgent(app, STAFF.nwWorker);
    const start = await staff.get('/make-a-referral').expect(200);
    await staff
      .post('/make-a-referral/start')
      .type('form')
      .send({ _csrf: csrfOf(start.text) })
      .expect(303);
    const custody = await staff.get('/make-a-referral/custody').expect(200);
    const options = cheerio
      .load(custody.text)('#establishment option')
      .map((_, o) => cheerio.load(custody.text)(o).attr('value'))
      .get()
      .filter(Boolean);
    expect(options).toContain('MRI');
    expect(options).not.toContain('LEI'); // Leeds: North East and Yorkshire's
  });
});

describe('the source fits the organisation', () => {
  it('offers the online form only self and family or friends, and never asks the organisation', async () => {
    const form = await signedInAgent(app, DEMO.onlineForm);
    const start = await form.get('/make-a-referral').expect(200);
    await form
      .post('/make-a-referral/start')
      .type('form')
      .send({ _csrf: csrfOf(start.text) })
      .expect(303);
    const page = await form.get('/make-a-referral/referrer').expect(200);
    const $ = cheerio.load(page.text);
    expect(
      $('input[name=source]')
        .map((_, i) => $(i).attr('value'))
        .get(),
    ).toEqual(['SELF', 'FAMILY_OR_FRIEND']);
    expect($('input[name=organisationName]').length).toBe(0);
    // A source the organisation may not give is refused on the page, as an unanswered question.
    const wrong = await answer(form, '/make-a-referral/referrer', {
      source: 'PROBATION',
      referrerName: 'Denise Walsh',
    });
    expect(wrong.status).toBe(400);
    expect(errorSummaryOf(wrong.text).map((e) => e.href)).toEqual(['#source']);
  });

  it('tells a referrer whose organisation is inactive that it cannot refer, before asking anything', async () => {
    const admin = await signedInAgent(app, DEMO.admin);
    const list = await admin.get('/referring-organisations?kind=PROBATION').expect(200);
    expect(list.text).toContain('PROB-NW');
    // Information governance marks Liaison and Diversion North West inactive: its referrer is told.
    const form = await admin.get('/referring-organisations/save?code=LD-NW').expect(200);
    await admin
      .post('/referring-organisations/save')
      .type('form')
      .send({
        _csrf: csrfOf(form.text),
        existing: 'yes',
        code: 'LD-NW',
        name: 'Liaison and Diversion North West (demo)',
        kind: 'LIAISON_AND_DIVERSION',
        region: 'NORTH_WEST',
        active: 'no',
      })
      .expect(303);
    try {
      const liaison = await signedInAgent(app, DEMO.liaison);
      const refused = await liaison.get('/make-a-referral').expect(403);
      expect(refused.text).toContain('Your organisation cannot make referrals here');
    } finally {
      const again = await admin.get('/referring-organisations/save?code=LD-NW').expect(200);
      await admin
        .post('/referring-organisations/save')
        .type('form')
        .send({
          _csrf: csrfOf(again.text),
          existing: 'yes',
          code: 'LD-NW',
          name: 'Liaison and Diversion North West (demo)',
          kind: 'LIAISON_AND_DIVERSION',
          region: 'NORTH_WEST',
          active: 'yes',
        })
        .expect(303);
    }
    const liaison = await signedInAgent(app, DEMO.liaison);
    await liaison.get('/make-a-referral').expect(200);
  });
});

describe('your referrals', () => {
  it('shows a referral’s status by reference, withdraws it while SUBMITTED, and nothing of another organisation’s', async () => {
    const agent = await signedInAgent(app, DEMO.probation);
    await fillIn(agent, { givenName: 'Wendy', familyName: 'Withdrawn' });
    const check = await agent.get('/make-a-referral/check-answers').expect(200);
    await agent
      .post('/make-a-referral/check-answers')
      .type('form')
      .send({ _csrf: csrfOf(check.text) });
    const confirmation = await agent.get('/make-a-referral/confirmation');
    const reference = cheerio.load(confirmation.text)('.govuk-panel__body strong').text();
    const page = await agent.get(`/your-referrals/${reference}`).expect(200);
    expect(page.text).toContain('Submitted');
    // A referrer reads status fields only: no NHS number, consent or worker.
    expect(page.text).not.toContain('943');
    expect(page.text).not.toMatch(/Named worker|Consent/);
    const empty = await agent
      .post(`/your-referrals/${reference}/withdraw`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), reason: '' })
      .expect(400);
    expect(errorSummaryOf(empty.text)).toEqual([
      { text: 'Enter why you are withdrawing the referral', href: '#reason' },
    ]);
    await agent
      .post(`/your-referrals/${reference}/withdraw`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), reason: 'Referred in error' })
      .expect(303);
    const after = await agent.get(`/your-referrals/${reference}`).expect(200);
    expect(after.text).toContain('Referral withdrawn');
    expect(after.text).toContain('Withdrawn');
    expect(after.text).not.toContain(`/your-referrals/${reference}/withdraw`);

    // Sent again from a page shown before the withdrawal: the hub refuses, the page says why.
    const stale = await agent
      .post(`/your-referrals/${reference}/withdraw`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), reason: 'Again', version: '1' })
      .expect(409);
    expect(stale.text).toContain('can no longer be withdrawn');

    // Another organisation's referrer: not found.
    const other = await signedInAgent(app, DEMO.liaison);
    await other.get(`/your-referrals/${reference}`).expect(404);
  });

  it('is only for referrers: every other role gets the not-found page', async () => {
    const staff = await signedInAgent(app, STAFF.nwLead);
    await staff.get('/your-referrals').expect(404);
    await referrer.get('/handovers').expect(404);
    const home = await referrer.get('/').expect(303);
    expect(home.headers.location).toBe('/your-referrals');
    const nav = cheerio
      .load((await referrer.get('/your-referrals')).text)('.govuk-service-navigation a')
      .map((_, a) => cheerio.load('')(a).text().trim())
      .get();
    expect(nav).toEqual(['Your referrals', 'Make a referral', 'Webhooks']);
  });
});
