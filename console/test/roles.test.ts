/**
 * Page tests of the pages for the roles that are not a service's staff: the commissioner's service
 * metrics (table, charts, CSV, and no way to reach a person from them), the Enhanced RECONNECT
 * partner's cases, information governance's access log and agreements, and webhooks. Against a
 * whole test hub, as the staff pages are.
 */
import * as cheerio from 'cheerio';
import { deliveries } from '@reconnect/events';
import { seedIdentityConflict, seedPerson } from '@reconnect/hub/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO,
  STAFF,
  csrfOf,
  endEnhancedCase,
  enhancedCase,
  signedInAgent,
  startConsoleUnderTest,
  submitReferral,
  type Agent,
  type ConsoleUnderTest,
  type SubmittedReferral,
} from './support.ts';

let env: ConsoleUnderTest;
let app: ConsoleUnderTest['console']['app'];
let commissioner: Agent;
let referral: SubmittedReferral;

beforeAll(async () => {
  env = await startConsoleUnderTest();
  app = env.console.app;
  commissioner = await signedInAgent(app, DEMO.commissioner);
  referral = await submitReferral(env.hub, { givenName: 'Mina', familyName: 'Metrics' }, env.today());
});

afterAll(async () => {
  await env?.stop();
});

/** "25 November 2026" for a YYYY-MM-DD date. */
function formatLong(date: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

function navOf(html: string): string[] {
  const $ = cheerio.load(html);
  return $('.govuk-service-navigation a')
    .map((_, a) => $(a).text().trim())
    .get();
}

describe('service metrics (commissioner)', () => {
  it('shows every service’s figures as a table and as charts, with all services together', async () => {
    const page = await commissioner.get('/service-metrics').expect(200);
    const $ = cheerio.load(page.text);
    expect(navOf(page.text)).toEqual(['Service metrics']); // no webhooks: AUTH.md gives commissioners none
    const rows = $('table tbody tr');
    expect(rows.length).toBe(8); // seven services and all together
    const nw = rows.filter((_, tr) => $(tr).find('th').text().trim() === 'RECONNECT North West');
    // One referral, disclosure-controlled: a small number, shown as 5 and marked in words.
    const received = nw.find('td').first();
    expect(received.find('[aria-hidden="true"]').text()).toBe('5 [c]');
    expect(received.find('.govuk-visually-hidden').text()).toBe(
      '5 (small number: between 1 and 7, shown as 5)',
    );
    expect(rows.last().find('th').text().trim()).toBe('All services');
    const charts = $('svg.rc-chart');
    expect(charts.length).toBe(5);
    expect(charts.first().attr('role')).toBe('img');
    expect(charts.first().attr('aria-label')).toContain(
      'North West 5 (small number: between 1 and 7, shown as 5)',
    );
    // The small number's bar is hatched, and labelled with the mark: not told by colour alone.
    expect(charts.first().find('rect.rc-chart__bar--small').length).toBeGreaterThan(0);
    expect(charts.first().find('pattern').length).toBe(1);
    expect(
      $('figcaption')
        .map((_, f) => $(f).text().trim())
        .get(),
    ).toEqual([
      'Referrals received',
      'Acceptance',
      'Pre-release contact target met',
      'Engaged within 28 days of release',
      'Handovers overdue today',
    ]);
    // The page says the figures are controlled, and what the mark means.
    const key = $('#disclosure-control').text().replace(/\s+/g, ' ');
    expect(key).toContain('Counts are rounded to the nearest 5');
    expect(key).toContain('[c] marks a small number: a count between 1 and 7, shown as 5');
  });

  it('asks for whole months, and says so when the months are wrong', async () => {
    const page = await commissioner.get('/service-metrics').expect(200);
    const $ = cheerio.load(page.text);
    // No day to choose: a commissioner's period is whole months (this one to date by default).
    expect($('input[name$="-day"]').length).toBe(0);
    expect($('input[name="from-month"]').length).toBe(1);
    expect($('input[name="to-year"]').val()).toBe(env.today().slice(0, 4));
    expect($('h2').first().text()).toContain(`to ${formatLong(env.today())}`);

    const one = await commissioner
      .get('/service-metrics?service=RC-NW&from-month=1&from-year=2026&to-month=10&to-year=2026')
      .expect(200);
    const $one = cheerio.load(one.text);
    expect($one('table tbody tr').length).toBe(1);
    expect($one('h2').first().text()).toContain('RECONNECT North West: 1 January 2026 to 31 October 2026');

    const bad = await commissioner
      .get('/service-metrics?from-month=3&from-year=2026&to-month=2&to-year=2026')
      .expect(400);
    const summary = cheerio.load(bad.text)('.govuk-error-summary');
    expect(summary.text()).toContain('The end of the period must be the same month as its start or later');
    expect(summary.find('a').attr('href')).toBe('#to-month');
    const unreal = await commissioner
      .get('/service-metrics?from-month=13&from-year=2026&to-month=2&to-year=2026')
      .expect(400);
    expect(cheerio.load(unreal.text)('#from-error').text()).toContain('must be a real month and year');
  });

  it('downloads the same controlled figures as CSV, saying which are small numbers', async () => {
    const page = await commissioner.get('/service-metrics').expect(200);
    const href = cheerio.load(page.text)('a[download]').attr('href')!;
    expect(href).toMatch(/from-month=\d+&from-year=\d{4}&to-month=\d+&to-year=\d{4}/);
    const csv = await commissioner.get(href).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(
      /attachment; filename="reconnect-service-metrics-all-.*\.csv"/,
    );
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toContain('Service code,Service,From,To,Referrals received,Accepted,Acceptance (%)');
    expect(lines[0]).toMatch(/,Disclosure controlled,Small numbers$/);
    expect(lines).toHaveLength(9);
    const nw = lines.find((l) => l.startsWith('RC-NW,'))!.split(',');
    expect(nw[4]).toBe('5');
    expect(nw.at(-2)).toBe('yes');
    expect(nw.at(-1)).toContain('Referrals received');
    expect(lines.at(-1)).toMatch(/^ALL,All services,/);
    // Every figure of the CSV is one the page shows (a count is a multiple of 5).
    for (const line of lines.slice(1)) {
      for (const cell of line.split(',').slice(4, 6)) expect(Number(cell) % 5, line).toBe(0);
    }
  });

  it('reaches no person: every link of every page it can reach, followed, names nobody', async () => {
    const seen = new Set<string>();
    const queue = ['/', '/service-metrics'];
    while (queue.length) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const response = await commissioner.get(path).redirects(1);
      expect(response.status, path).toBeLessThan(400);
      const body = response.text;
      expect(body, path).not.toContain('Metrics');
      expect(body, path).not.toContain(referral.reference);
      if (!String(response.headers['content-type']).includes('html')) continue;
      const $ = cheerio.load(body);
      $('a[href]').each((_, a) => {
        const href = $(a).attr('href')!;
        if (href.startsWith('#')) return;
        const url = new URL(href, 'http://console.test');
        expect(url.host, href).toBe('console.test');
        expect(url.pathname, href).not.toMatch(/referrals|partner-cases|access-log|people|person/);
        if (seen.size < 40) queue.push(url.pathname + url.search);
      });
    }
    expect(seen.size).toBeGreaterThan(2);
    // And a person's pages are not found for it, even by their address.
    await commissioner.get(`/referrals/${referral.id}`).expect(404);
    await commissioner.get('/your-referrals').expect(404);
  });

  it('is the commissioner’s only: staff get the not-found page', async () => {
    const lead = await signedInAgent(app, STAFF.nwLead);
    await lead.get('/service-metrics').expect(404);
    await lead.get('/service-metrics.csv').expect(404);
  });
});

describe('Enhanced RECONNECT partner', () => {
  it('lists its open cases and shows each with what its agreement’s scopes allow', async () => {
    const { caseId } = await enhancedCase(
      env.hub,
      { givenName: 'Pia', familyName: 'Partnered' },
      env.today(),
    );
    const partner = await signedInAgent(app, DEMO.partner);
    const list = await partner.get('/partner-cases').expect(200);
    expect(navOf(list.text)).toEqual(['Enhanced cases', 'Webhooks']);
    expect(list.text).toContain('Partnered, Pia');
    const page = await partner.get(`/partner-cases/${caseId}`).expect(200);
    expect(page.text).toContain('Risk to known adults when using');
    expect(page.text).toContain('Psychosis, on depot medication');
    // Nothing a partner may not read: no identifiers.
    expect(page.text).not.toMatch(/NHS number|Prison number/);

    // The housing partner's agreement shares needs only.
    const housing = await signedInAgent(app, DEMO.housing);
    const needsOnly = await housing.get(`/partner-cases/${caseId}`).expect(200);
    expect(needsOnly.text).toContain('Psychosis, on depot medication');
    expect(needsOnly.text).not.toContain('Risk to known adults');
    expect(needsOnly.text).toContain('does not include risk information');
  });

  it('adds an update, with an error when it is empty', async () => {
    const { caseId } = await enhancedCase(env.hub, { givenName: 'Ulla', familyName: 'Updated' }, env.today());
    const partner = await signedInAgent(app, DEMO.partner);
    const page = await partner.get(`/partner-cases/${caseId}`).expect(200);
    const empty = await partner
      .post(`/partner-cases/${caseId}`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), note: '' })
      .expect(400);
    expect(cheerio.load(empty.text)('.govuk-error-summary a').attr('href')).toBe('#note');
    await partner
      .post(`/partner-cases/${caseId}`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), note: 'Seen at the approved premises; engaging well.' })
      .expect(303);
    const after = await partner.get(`/partner-cases/${caseId}`).expect(200);
    expect(after.text).toContain('Update added');
    expect(after.text).toContain('Seen at the approved premises; engaging well.');
  });

  it('loses a case at once when consent is withdrawn or the case is closed', async () => {
    const partner = await signedInAgent(app, DEMO.partner);
    for (const how of ['consent', 'close'] as const) {
      const name = how === 'consent' ? 'Withdrawn' : 'Closed';
      const { caseId } = await enhancedCase(env.hub, { givenName: 'Cas', familyName: name }, env.today());
      expect((await partner.get('/partner-cases').expect(200)).text).toContain(`${name}, Cas`);
      await endEnhancedCase(env.hub, caseId, how);
      expect((await partner.get('/partner-cases').expect(200)).text).not.toContain(`${name}, Cas`);
      const gone = await partner.get(`/partner-cases/${caseId}`).expect(404);
      expect(gone.text).not.toContain(name);
    }
  });

  it('is the partner’s only: a referrer and staff get the not-found page', async () => {
    const referrer = await signedInAgent(app, DEMO.probation);
    await referrer.get('/partner-cases').expect(404);
    const lead = await signedInAgent(app, STAFF.nwLead);
    await lead.get('/partner-cases').expect(404);
  });
});

describe('information governance (admin)', () => {
  it('reads a person’s access log, who, when, what and why, page by page', async () => {
    const { caseId, personId } = await enhancedCase(
      env.hub,
      { givenName: 'Lorna', familyName: 'Logged' },
      env.today(),
    );
    const partner = await signedInAgent(app, DEMO.partner);
    for (let i = 0; i < 14; i++) await partner.get(`/partner-cases/${caseId}`).expect(200);
    const admin = await signedInAgent(app, DEMO.admin);
    const start = await admin.get('/access-log').expect(200);
    expect(navOf(start.text)).toEqual([
      'Access log',
      'Data sharing agreements',
      'Identity conflicts',
      'Referring organisations',
      'Webhooks',
    ]);
    const page = await admin.get(`/access-log?person=${personId}`).expect(200);
    const $ = cheerio.load(page.text);
    const rows = $('table tbody tr');
    expect(rows.length).toBe(25);
    const partnerRow = rows.filter((_, tr) => $(tr).text().includes('ERP-NW-MH')).first();
    const cells = partnerRow
      .find('td')
      .map((_, c) => $(c).text().trim())
      .get();
    expect(cells[1]).toBe('dev-demo-partner-nw-mh, ERP-NW-MH');
    expect(cells[2]).toMatch(/^person\.read: /);
    expect(cells[3]).toBe('direct care');
    // An admin reads the log, not the person: no name on the page.
    expect(page.text).not.toContain('Logged');
    const next = $('a:contains("Next page")').attr('href')!;
    const second = await admin.get(next).expect(200);
    expect(cheerio.load(second.text)('caption').text()).toContain('page 2');
    expect(cheerio.load(second.text)('a:contains("First page")').attr('href')).toBe(
      `/access-log?person=${personId}`,
    );
  });

  it('resolves identity conflicts with both records side by side', async () => {
    const db = env.hub.database.handle.db;
    const linked = await seedPerson(db, { givenName: 'Casey', familyName: 'Linked' });
    const other = await seedPerson(db, { givenName: 'Casey', familyName: 'Other' });
    const conflict = await seedIdentityConflict(db, { personId: linked.id, otherPersonId: other.id });
    const admin = await signedInAgent(app, DEMO.admin);
    const page = await admin.get('/identity-conflicts').expect(200);
    const $ = cheerio.load(page.text);
    const section = $(`section[aria-labelledby="conflict-${conflict.id}"]`);
    expect(section.find('h2').text()).toBe('Prison number of Casey Other on the record of Casey Linked');
    const lists = section.find('.govuk-summary-list');
    expect(lists.length).toBe(3);
    expect(lists.eq(0).text()).toMatch(/Kind\s*Two records/);
    expect(lists.eq(0).text()).toMatch(/Contested identifiers\s*Prison number/);
    expect(lists.eq(1).text()).toContain(linked.nhsNumber!);
    expect(lists.eq(2).text()).toContain(other.prisonNumber!);
    const path = `/identity-conflicts/${conflict.id}/resolve`;
    const csrf = csrfOf(page.text);
    const invalid = await admin.post(path).type('form').send({ _csrf: csrf, keep: other.id }).expect(400);
    const errors = cheerio.load(invalid.text);
    expect(
      errors('.govuk-error-summary a')
        .map((_, a) => errors(a).attr('href'))
        .get(),
    ).toEqual([`#decision-${conflict.id}`, `#note-${conflict.id}`]);
    const done = await admin
      .post(path)
      .type('form')
      .send({ _csrf: csrf, keep: other.id, decision: 'DIFFERENT_PEOPLE', note: 'Different people.' })
      .expect(303);
    expect(done.headers.location).toBe('/identity-conflicts');
    const after = await admin.get('/identity-conflicts').expect(200);
    expect(after.text).toContain('Conflict resolved: the records are two people');
    expect(cheerio.load(after.text)(`section[aria-labelledby="conflict-${conflict.id}"]`).length).toBe(0);
    const staff = await signedInAgent(app, STAFF.nwLead);
    await staff.get('/identity-conflicts').expect(404);
  });

  it('shows a DEMOGRAPHICS_DIFFER conflict with its contested identifiers, and merges into the record that held them', async () => {
    const db = env.hub.database.handle.db;
    const made = await seedPerson(db, { givenName: 'Jon', familyName: 'Doe', prisonNumber: null });
    const held = await seedPerson(db, {
      givenName: 'Margaret',
      familyName: 'Hale',
      dateOfBirth: '1961-07-30',
    });
    const conflict = await seedIdentityConflict(db, {
      personId: made.id,
      otherPersonId: held.id,
      kind: 'DEMOGRAPHICS_DIFFER',
    });
    const admin = await signedInAgent(app, DEMO.admin);
    const page = await admin.get('/identity-conflicts').expect(200);
    const $ = cheerio.load(page.text);
    const section = $(`section[aria-labelledby="conflict-${conflict.id}"]`);
    const lists = section.find('.govuk-summary-list');
    expect(lists.eq(0).text()).toMatch(/Kind\s*Demographics differ/);
    expect(lists.eq(0).text()).toMatch(/Contested identifiers\s*Prison number/);
    expect(section.find('h3').first().text()).toBe('The record made from the referral');
    expect(section.text()).toContain(
      'Two different people: the identifiers stay with the record that held them',
    );
    await admin
      .post(`/identity-conflicts/${conflict.id}/resolve`)
      .type('form')
      .send({
        _csrf: csrfOf(page.text),
        keep: held.id,
        linked: made.id,
        decision: 'KEEP_OTHER',
        note: 'The referral gave a wrong name; the prison record is right.',
      })
      .expect(303);
    // The new record was merged into the one that held the identifier (the console named it).
    const governance = await env.hub.as('RECONNECT_ADMIN', { org: 'RECONNECT' });
    const read = await governance.query<{ person: { mergedInto: { id: string } | null } }>(
      `query($id: ID!) { person(id: $id) { mergedInto { id } } }`,
      { id: made.id },
    );
    expect(read.body.data!.person.mergedInto).toEqual({ id: held.id });
  });

  it('says when the ID is not one, or nobody has it', async () => {
    const admin = await signedInAgent(app, DEMO.admin);
    const bad = await admin.get('/access-log?person=nonsense').expect(400);
    expect(cheerio.load(bad.text)('.govuk-error-summary a').attr('href')).toBe('#person');
    const none = await admin.get('/access-log?person=00000000-0000-4000-8000-000000000000').expect(404);
    expect(none.text).toContain('No person has this ID');
  });

  it('hands over a subject access report as a JSON download, reason required', async () => {
    const { personId } = await enhancedCase(
      env.hub,
      { givenName: 'Sade', familyName: 'Subject' },
      env.today(),
    );
    const admin = await signedInAgent(app, DEMO.admin);
    const log = await admin.get(`/access-log?person=${personId}`).expect(200);
    const link = cheerio.load(log.text)('a:contains("Download a subject access report")').attr('href');
    expect(link).toBe(`/subject-access?person=${personId}`);
    const form = await admin.get(link!).expect(200);
    expect(cheerio.load(form.text)('#person').val()).toBe(personId);
    const csrf = csrfOf(form.text);

    const blank = await admin
      .post('/subject-access')
      .type('form')
      .send({ _csrf: csrf, person: personId, reason: '  ' })
      .expect(400);
    expect(cheerio.load(blank.text)('.govuk-error-summary a').attr('href')).toBe('#reason');
    const none = await admin
      .post('/subject-access')
      .type('form')
      .send({ _csrf: csrf, person: '00000000-0000-4000-8000-000000000000', reason: 'SAR-7' })
      .expect(404);
    expect(none.text).toContain('No person has this ID');

    const download = await admin
      .post('/subject-access')
      .type('form')
      .send({ _csrf: csrf, person: personId, reason: 'SAR-2026-0007' })
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => done(null, text));
      })
      .expect(200);
    expect(download.headers['content-type']).toMatch(/^application\/json/);
    expect(download.headers['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="?subject-access-${personId}-\\d{4}-\\d{2}-\\d{2}\\.json"?$`),
    );
    expect(download.headers['cache-control']).toBe('no-store');
    const doc = JSON.parse(download.body as string) as Record<string, unknown> & { enhancedCases: unknown[] };
    expect(doc).toMatchObject({ personId, reason: 'SAR-2026-0007', identity: { givenName: 'Sade' } });
    expect(doc.enhancedCases).toHaveLength(1);
    // Produced, it is in the access log with the reason.
    const after = await admin.get(`/access-log?person=${personId}`).expect(200);
    expect(after.text).toContain('subject access: SAR-2026-0007');
  });

  it('offers subject access reports to information governance only', async () => {
    const lead = await signedInAgent(app, STAFF.nwLead);
    await lead.get('/subject-access').expect(404);
  });

  it('lists every partner’s agreements with their scopes and dates', async () => {
    const admin = await signedInAgent(app, DEMO.admin);
    const page = await admin.get('/agreements').expect(200);
    const $ = cheerio.load(page.text);
    const housing = $('h2:contains("North West Housing Support")').nextAll('.rc-table-scroll').first();
    const cells = housing
      .find('tbody tr')
      .first()
      .find('td')
      .map((_, c) => $(c).text().trim())
      .get();
    expect(cells).toEqual(['DSA-NW-2026-04', 'Health needs', '1 April 2026', '31 March 2027', 'Active']);
    expect(page.text).toContain('No agreement: this partner cannot be added to a case.');
  });

  it('keeps the directory of referring organisations: lists with filters, adds one, changes one', async () => {
    const admin = await signedInAgent(app, DEMO.admin);
    const all = await admin.get('/referring-organisations').expect(200);
    expect(all.text).toContain('182 organisations');
    const filtered = await admin.get('/referring-organisations?kind=POLICE&region=NORTH_WEST').expect(200);
    const $ = cheerio.load(filtered.text);
    const codes = $('tbody tr')
      .map((_, r) => $(r).find('td').first().text().trim())
      .get();
    expect(codes.sort()).toEqual(['POL-CHE', 'POL-CUM', 'POL-GMP', 'POL-LAN', 'POL-MER']);
    expect($('#kind option[selected]').attr('value')).toBe('POLICE');

    // Checked on the page first, each error linked to its answer.
    const blank = await admin.get('/referring-organisations/save').expect(200);
    const invalid = await admin
      .post('/referring-organisations/save')
      .type('form')
      .send({ _csrf: csrfOf(blank.text), code: 'y 123', name: '', active: 'yes' })
      .expect(400);
    const errors = cheerio.load(invalid.text);
    expect(
      errors('.govuk-error-summary a')
        .map((_, a) => errors(a).attr('href'))
        .get(),
    ).toEqual(['#code', '#name', '#kind']);
    // The hub's refusal (a RECONNECT service's code) comes back on the same field.
    const service = await admin
      .post('/referring-organisations/save')
      .type('form')
      .send({
        _csrf: csrfOf(blank.text),
        code: 'RC-NW',
        name: 'Not a referrer',
        kind: 'POLICE',
        active: 'yes',
      })
      .expect(400);
    expect(cheerio.load(service.text)('.govuk-error-summary a').attr('href')).toBe('#code');

    const added = await admin
      .post('/referring-organisations/save')
      .type('form')
      .send({
        _csrf: csrfOf(blank.text),
        code: 'Y05678',
        name: 'Healthcare, Example Prison',
        kind: 'PRISON_HEALTHCARE',
        region: 'MIDLANDS',
        active: 'yes',
      })
      .expect(303);
    expect(added.headers.location).toBe('/referring-organisations?kind=PRISON_HEALTHCARE');
    const list = await admin.get('/referring-organisations?kind=PRISON_HEALTHCARE').expect(200);
    expect(list.text).toContain('Healthcare, Example Prison (Y05678) saved: it may refer');
    const row = cheerio
      .load(list.text)('tbody tr:contains("Y05678") td')
      .map((_, c) => cheerio.load(list.text)(c).text().trim())
      .get();
    expect(row.slice(0, 6)).toEqual([
      'Y05678',
      'Healthcare, Example Prison',
      'Prison healthcare',
      'Midlands',
      'Prison healthcare',
      'Active',
    ]);

    const change = await admin.get('/referring-organisations/save?code=Y05678').expect(200);
    expect(cheerio.load(change.text)('#name').val()).toBe('Healthcare, Example Prison');
    await admin
      .post('/referring-organisations/save')
      .type('form')
      .send({
        _csrf: csrfOf(change.text),
        existing: 'yes',
        code: 'Y05678',
        name: 'Healthcare, Example Prison',
        kind: 'PRISON_HEALTHCARE',
        region: '',
        active: 'no',
      })
      .expect(303);
    const after = await admin.get('/referring-organisations?kind=PRISON_HEALTHCARE').expect(200);
    const changed = cheerio
      .load(after.text)('tbody tr:contains("Y05678") td')
      .map((_, c) => cheerio.load(after.text)(c).text().trim())
      .get();
    expect(changed[3]).toBe('National');
    expect(changed[5]).toBe('Inactive');
    await admin.get('/referring-organisations/save?code=NOPE-1').expect(404);
  });

  it('is the admin’s only', async () => {
    const partner = await signedInAgent(app, DEMO.partner);
    await partner.get('/access-log').expect(404);
    await partner.get('/agreements').expect(404);
    await partner.get('/referring-organisations').expect(404);
    const staff = await signedInAgent(app, STAFF.nwLead);
    await staff.get('/referring-organisations').expect(404);
    await staff.get('/referring-organisations/save').expect(404);
  });
});

describe('webhooks', () => {
  it('registers one with the secret shown once, replays parked deliveries and removes it', async () => {
    const referrer = await signedInAgent(app, DEMO.liaison);
    const empty = await referrer.get('/webhooks').expect(200);
    expect(empty.text).toContain('Your organisation has no webhooks.');
    const form = await referrer.get('/webhooks/new').expect(200);
    const refused = await referrer
      .post('/webhooks/new')
      .type('form')
      .send({ _csrf: csrfOf(form.text), url: 'ftp://example.org/x' })
      .expect(400);
    expect(cheerio.load(refused.text)('.govuk-error-summary a').attr('href')).toBe('#url');
    const made = await referrer
      .post('/webhooks/new')
      .type('form')
      .send({
        _csrf: csrfOf(form.text),
        url: 'http://127.0.0.1:9/events',
        eventTypes: ['referral.submitted', 'referral.accepted'],
      })
      .expect(200);
    const secret = cheerio.load(made.text)('#secret').text();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const list = await referrer.get('/webhooks').expect(200);
    expect(list.text).toContain('http://127.0.0.1:9/events');
    expect(list.text).toContain('referral.submitted, referral.accepted');
    expect(list.text).not.toContain(secret);

    // A referral from that organisation makes a delivery; parked, it can be replayed.
    const hub = await env.hub.as('REFERRER', { org: 'LD-NW' });
    await hub.query(
      `mutation { submitReferral(idempotencyKey: "webhook-test-1", input: {
        source: LIAISON_AND_DIVERSION, referrer: { name: "Olu Bankole" },
        person: { givenName: "Hugo", familyName: "Hook", dateOfBirth: "1980-01-01" },
        custody: { type: PRISON, establishmentCode: "MRI", expectedReleaseDate: "${addDaysOf(env.today(), 30)}" },
        identifiedNeeds: [{ category: ALCOHOL, description: "Alcohol dependence" }] }) { referral { id } } }`,
    );
    await expect
      .poll(
        async () =>
          (
            await env.hub.database.handle.db
              .update(deliveries)
              .set({ status: 'PARKED', parkedAt: new Date() })
              .returning()
          ).length,
      )
      .toBeGreaterThan(0);
    const parked = await referrer.get('/webhooks').expect(200);
    const $ = cheerio.load(parked.text);
    expect($('.govuk-summary-list__row:contains("Parked deliveries") dd').text().trim()).toBe('1');
    await referrer
      .post($('form[action$="/replay"]').attr('action')!)
      .type('form')
      .send({ _csrf: csrfOf(parked.text) })
      .expect(303);
    const replayed = await referrer.get('/webhooks').expect(200);
    expect(replayed.text).toContain('1 parked delivery queued again');
    const id = /\/webhooks\/([0-9a-f-]{36})\/remove/.exec(replayed.text)![1]!;
    const confirm = await referrer.get(`/webhooks/${id}/remove`).expect(200);
    await referrer
      .post(`/webhooks/${id}/remove`)
      .type('form')
      .send({ _csrf: csrfOf(confirm.text) })
      .expect(303);
    const after = await referrer.get('/webhooks').expect(200);
    expect(after.text).toContain('removed');
    expect(after.text).toContain('Your organisation has no webhooks.');
    // Another organisation cannot see or remove it.
    const other = await signedInAgent(app, DEMO.probation);
    await other.get(`/webhooks/${id}/remove`).expect(404);
  });

  it('is not for commissioners', async () => {
    await commissioner.get('/webhooks').expect(404);
  });
});

function addDaysOf(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
