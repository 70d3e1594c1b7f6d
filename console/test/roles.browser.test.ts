/**
 * Browser journeys of the roles that are not a service's staff, in Debian's Chromium against one
 * whole test hub (one browser for the file): a probation referrer makes a referral end to end
 * (identifier checks as they type, the establishment autocomplete, an eligibility refusal put
 * right) and the owning service's worker sees it in another browser context; the same form by
 * keyboard alone and without JavaScript; a partner reads a case and adds an update; a commissioner
 * downloads the metrics CSV; an admin reads an access log, keeps the directory of referring
 * organisations and manages webhooks. axe-core (WCAG 2.2
 * AA) on every screen and error state; the server's response time of each page is reported.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonDateOf } from '@reconnect/config';
import { seedIdentityConflict, seedPerson, startTestHub, type TestHub } from '@reconnect/hub/testing';
import { startConsole, type RunningConsole } from '../src/index.ts';
import {
  SKIP_MESSAGE,
  axeLog,
  checkScreen,
  chromiumFound,
  describeViolations,
  launch,
  mustRun,
} from './browser-support.ts';
import { DEMO, STAFF, addDays, enhancedCase, signerFor } from './support.ts';

const run = chromiumFound || mustRun;
if (!run) console.log(SKIP_MESSAGE);

describe.skipIf(!run)('console in a browser: referrers, partners, commissioners, admins', () => {
  let hub: TestHub;
  let web: RunningConsole;
  let browser: Browser;
  const today = () => londonDateOf(hub.clock.now());
  /** Server response time (request start to response end) of each screen, in ms. */
  const timings: { screen: string; ms: number }[] = [];

  beforeAll(async () => {
    if (!chromiumFound) throw new Error(`${SKIP_MESSAGE}; CI is set, so this fails instead`);
    hub = await startTestHub();
    web = await startConsole(
      {
        gatewayUrl: hub.gatewayUrl,
        sessionSecret: 'browser-test-session-secret-0123456789',
        production: false,
        devSigner: signerFor(hub),
        today,
        log: () => {},
      },
      0,
      '127.0.0.1',
    );
    browser = await launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await hub?.stop();
    if (axeLog.length)
      console.log(
        `axe (WCAG 2.2 AA): ${axeLog.length} screens, ${axeLog.reduce((n, s) => n + s.violations, 0)} violations`,
      );
    if (timings.length)
      console.log(`page response times (ms): ${timings.map((t) => `${t.screen} ${t.ms}`).join(', ')}`);
  });

  async function context(options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
    return browser.newContext({
      baseURL: web.url,
      // Only so that the test can inject axe-core; the console's own pages keep their CSP.
      bypassCSP: true,
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      viewport: { width: 1100, height: 900 },
      acceptDownloads: true,
    });
  }

  async function screen(page: Page, name: string) {
    const ms = (await page.evaluate(
      `(() => { const n = performance.getEntriesByType('navigation')[0]; return n ? Math.round(n.responseEnd - n.requestStart) : -1; })()`,
    )) as number;
    timings.push({ screen: name, ms });
    const violations = await checkScreen(page, name);
    expect(violations, `${name}:\n${describeViolations(violations)}`).toEqual([]);
  }

  async function signIn(page: Page, who: { name: string }) {
    await page.goto('/sign-in');
    await page.getByLabel(who.name).check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  }

  async function fillDate(page: Page, group: string, iso: string) {
    const [y, m, d] = iso.split('-');
    const fieldset = page.getByRole('group', { name: group });
    await fieldset.getByLabel('Day').fill(String(Number(d)));
    await fieldset.getByLabel('Month').fill(String(Number(m)));
    await fieldset.getByLabel('Year').fill(y!);
  }

  const cont = (page: Page) => page.getByRole('button', { name: 'Continue' }).click();
  const heading = (page: Page, text: string) => page.getByRole('heading', { level: 1, name: text }).waitFor();

  it('a probation referrer makes a referral end to end; the owning service sees it', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await signIn(page, DEMO.probation);
    await screen(page, 'referrer-your-referrals-empty');
    await page.getByRole('link', { name: 'Make a referral' }).first().click();
    await screen(page, 'referral-start');
    await page.getByRole('button', { name: 'Start now' }).click();

    await heading(page, 'Who is referring');
    await page.getByLabel('Your full name').fill('');
    await cont(page);
    await page.getByText('There is a problem').waitFor();
    await screen(page, 'referral-referrer-errors');
    // Probation gives one source and the directory names the organisation: neither is asked.
    expect(await page.locator('input[name=source], input[name=organisationName]').count()).toBe(0);
    await page.getByLabel('Your full name').fill('Jane Whitaker');
    await page.getByLabel('Email address (optional)').fill('jane.whitaker@probation.example.org');
    await screen(page, 'referral-referrer');
    await cont(page);

    await heading(page, 'The person you are referring');
    await page.getByLabel('First name').fill('Remy');
    await page.getByLabel('Last name').fill('Referred');
    // 17 on the expected release date: the hub will refuse it.
    const release = addDays(today(), 60);
    await fillDate(page, 'Date of birth', `${Number(release.slice(0, 4)) - 17}${release.slice(4)}`);
    // Identifiers are checked as they are typed.
    const nhs = page.getByLabel('NHS number (optional)');
    await nhs.fill('943 476 5918');
    await nhs.blur();
    await page.getByText('Enter a real NHS number').first().waitFor();
    await screen(page, 'referral-person-identifier-check');
    await nhs.fill('943 476 5919');
    await page.getByText('This looks right').waitFor();
    await page.getByLabel('Prison number (optional)').fill('A1234B');
    await cont(page);
    await page.getByText('There is a problem').waitFor();
    await screen(page, 'referral-person-errors');
    // A number nobody holds (a demo person's would now make a record of its own and a conflict).
    await page.getByLabel('Prison number (optional)').fill('X1234YZ');
    await cont(page);

    await heading(page, 'Custody');
    const establishment = page.getByRole('combobox', { name: /Which prison/ });
    await establishment.fill('Manch');
    await page.getByRole('option', { name: 'Manchester (HMP & YOI)' }).click();
    await screen(page, 'referral-custody');
    await page.getByLabel('No, they are still in custody').check();
    await fillDate(page, 'Expected release date', release);
    await page
      .getByRole('group', { name: /temporary licence/ })
      .getByLabel('No')
      .check();
    await cont(page);

    await heading(page, 'Health needs');
    await cont(page);
    await page.getByText('There is a problem').waitFor();
    await screen(page, 'referral-needs-errors');
    await page.getByLabel('Mental health', { exact: true }).check();
    await page.getByLabel('Describe the mental health need').fill('Depression; on medication in custody');
    await page.getByLabel('Substance misuse', { exact: true }).check();
    await page.getByLabel('Describe the substance misuse need').fill('Opiate substitution therapy');
    await screen(page, 'referral-needs');
    await cont(page);

    await heading(page, 'Reason for referral');
    await page.getByLabel(/Why are you referring/).fill('Needs GP registration and mental health follow-up.');
    await screen(page, 'referral-reason');
    await cont(page);

    await heading(page, 'Check your answers before sending the referral');
    await screen(page, 'referral-check-answers');
    await page.getByRole('button', { name: 'Send referral' }).click();
    // The hub refuses UNDER_18: the rule, in words, where the date of birth is.
    await page.getByText('RECONNECT supports adults only').first().waitFor();
    await screen(page, 'referral-ineligible');
    await fillDate(page, 'Date of birth', '1990-04-12');
    await cont(page);
    await heading(page, 'Check your answers before sending the referral');
    await page.getByRole('link', { name: 'Change reason' }).click();
    await page.getByLabel(/Why are you referring/).fill('Needs GP registration on release.');
    await cont(page);
    await heading(page, 'Check your answers before sending the referral');
    await page.getByRole('button', { name: 'Send referral' }).click();
    await page.locator('.govuk-panel').waitFor();
    await screen(page, 'referral-confirmation');
    const reference = (await page.locator('.govuk-panel strong').textContent())!.trim();
    expect(reference).toMatch(/^RC-/);

    await page.getByRole('link', { name: 'See the status of this referral' }).click();
    await screen(page, 'referrer-referral');
    await page.getByRole('link', { name: 'Your referrals' }).first().click();
    await page.getByRole('link', { name: reference }).waitFor();
    await screen(page, 'referrer-your-referrals');

    // The owning service's worker sees it in the caseload, in another browser context.
    const staff = await (await context()).newPage();
    await signIn(staff, STAFF.nwWorker);
    await staff.goto('/?tab=open');
    await staff.getByRole('link', { name: 'Referred, Remy' }).click();
    await staff.getByText(reference).first().waitFor();
    await staff.getByText('Opiate substitution therapy').waitFor();
    await staff.context().close();

    // Withdrawn by the referrer while SUBMITTED.
    await page.goto(`/your-referrals/${reference}`);
    await page.getByRole('button', { name: 'Withdraw referral' }).click();
    await page.getByRole('button', { name: 'Withdraw referral' }).click();
    await page.getByText('There is a problem').waitFor();
    await screen(page, 'referrer-withdraw-errors');
    await page.getByLabel(/Why are you withdrawing/).fill('Referred to the wrong service');
    await page.getByRole('button', { name: 'Withdraw referral' }).click();
    await page.locator('.govuk-notification-banner--success').getByText('Referral withdrawn').waitFor();
    await page.goto('/referrals/00000000-0000-4000-8000-000000000000');
    await screen(page, 'referrer-not-found');
    await ctx.close();
  }, 180_000);

  it('the online form asks who is referring: the person or family and friends, nothing else', async () => {
    const page = await (await context()).newPage();
    await signIn(page, DEMO.onlineForm);
    await page.getByRole('link', { name: 'Make a referral' }).first().click();
    await page.getByRole('button', { name: 'Start now' }).click();
    await heading(page, 'Who is referring');
    const sources = page.getByRole('group', { name: 'Who is making this referral?' }).getByRole('radio');
    expect(await sources.count()).toBe(2);
    expect(await page.locator('input[name=organisationName]').count()).toBe(0);
    await screen(page, 'referral-referrer-online-form');
    await cont(page);
    await page.getByText('There is a problem').waitFor();
    await screen(page, 'referral-referrer-online-form-errors');
    await page.context().close();
  }, 120_000);

  it('makes a referral by keyboard alone', async () => {
    const page = await (await context()).newPage();
    const focused = () =>
      page.evaluate(
        '({ id: document.activeElement?.id ?? "", text: document.activeElement?.labels?.[0]?.textContent?.trim() ?? document.activeElement?.textContent?.trim() ?? "" })',
      ) as Promise<{ id: string; text: string }>;
    const tabUntil = async (match: (f: { id: string; text: string }) => boolean, max = 80) => {
      for (let i = 0; i < max && !match(await focused()); i++) await page.keyboard.press('Tab');
      expect(match(await focused()), JSON.stringify(await focused())).toBe(true);
    };
    const toId = (id: string) => tabUntil((f) => f.id === id);
    const toText = (text: string) => tabUntil((f) => f.text === text);
    const enter = async (path: RegExp) => {
      await page.keyboard.press('Enter');
      await page.waitForURL(path);
    };

    await page.goto('/sign-in');
    await tabUntil((f) => f.id.startsWith('staff'));
    for (let i = 0; i < 80 && (await focused()).text !== DEMO.liaison.name; i++)
      await page.keyboard.press('ArrowDown');
    await enter(/\/your-referrals$/);
    await toText('Make a referral');
    await enter(/\/make-a-referral$/);
    await toText('Start now');
    await enter(/\/referrer$/);
    // The source and the organisation come from the directory (liaison and diversion gives one
    // source), the name from the sign-in: nothing to answer here.
    await toText('Continue');
    await enter(/\/person$/);
    await toId('givenName');
    await page.keyboard.type('Kit');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Keyboard');
    await page.keyboard.press('Tab');
    await page.keyboard.type('9');
    await page.keyboard.press('Tab');
    await page.keyboard.type('9');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1985');
    await toText('Continue');
    await enter(/\/custody$/);
    await toId('establishment');
    await page.keyboard.type('Manch');
    await page.getByRole('option', { name: 'Manchester (HMP & YOI)' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await toId('released');
    await page.keyboard.press('Space');
    const [y, m, d] = addDays(today(), 45).split('-');
    await toId('expectedReleaseDate-day');
    await page.keyboard.type(String(Number(d)));
    await page.keyboard.press('Tab');
    await page.keyboard.type(String(Number(m)));
    await page.keyboard.press('Tab');
    await page.keyboard.type(y!);
    await toId('onTemporaryLicence');
    await page.keyboard.press('Space');
    await toText('Continue');
    await enter(/\/needs$/);
    await toId('needs');
    await page.keyboard.press('Space'); // Physical health
    await page.keyboard.press('Tab'); // into its description
    expect((await focused()).id).toBe('need-PHYSICAL_HEALTH');
    await page.keyboard.type('Type 2 diabetes, insulin');
    await toText('Continue');
    await enter(/\/reason$/);
    await toId('reasonForReferral');
    await page.keyboard.type('Needs a GP and diabetes care on release.');
    await toText('Continue');
    await enter(/\/check-answers$/);
    await toText('Send referral');
    await enter(/\/confirmation$/);
    await page.locator('.govuk-panel').getByText('Referral sent').waitFor();
    await page.context().close();
  }, 120_000);

  it('makes a referral without JavaScript: the autocomplete is a plain select', async () => {
    const ctx = await context({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await signIn(page, DEMO.probation);
    await page.goto('/make-a-referral');
    await page.getByRole('button', { name: 'Start now' }).click();
    await cont(page);
    await page.getByLabel('First name').fill('Nico');
    await page.getByLabel('Last name').fill('Noscript');
    await fillDate(page, 'Date of birth', '1979-11-30');
    await page.getByLabel(/CRN/).fill('X12');
    await cont(page);
    await page.getByText('There is a problem').waitFor();
    await page.getByLabel(/CRN/).fill('X123456');
    await page.getByLabel(/Where will the person live/).selectOption({ label: 'Manchester' });
    await cont(page);
    await page.getByLabel(/Which prison/).selectOption({ label: 'Manchester (HMP & YOI)' });
    await page.getByLabel('No, they are still in custody').check();
    await fillDate(page, 'Expected release date', addDays(today(), 30));
    await page
      .getByRole('group', { name: /temporary licence/ })
      .getByLabel('Yes')
      .check();
    await cont(page);
    // Without JavaScript every description is shown; only the chosen needs' are sent.
    await page.getByLabel('Alcohol', { exact: true }).check();
    await page.getByLabel('Describe the alcohol need').fill('Alcohol dependence; detox in custody');
    await cont(page);
    await page.getByLabel(/Why are you referring/).fill('Alcohol services and housing on release.');
    await cont(page);
    const rotl = page.locator('.govuk-summary-list__row', { hasText: 'On temporary licence (ROTL)' });
    expect((await rotl.locator('dd').first().textContent())!.trim()).toBe('Yes');
    await page.getByRole('button', { name: 'Send referral' }).click();
    await page.locator('.govuk-panel').getByText('Referral sent').waitFor();
    // axe needs JavaScript in the page; these screens were checked with it in the journey above.
    await ctx.close();
  }, 120_000);

  it('a partner reads an enhanced case and adds an update', async () => {
    const { caseId } = await enhancedCase(hub, { givenName: 'Pat', familyName: 'Partnered' }, today());
    const page = await (await context()).newPage();
    await signIn(page, DEMO.partner);
    await screen(page, 'partner-cases');
    await page.getByRole('link', { name: 'Partnered, Pat' }).click();
    await page.waitForURL(`**/partner-cases/${caseId}`);
    await page.getByText('Risk to known adults when using').waitFor();
    await screen(page, 'partner-case');
    await page.getByRole('button', { name: 'Add update' }).click();
    await page.getByText('There is a problem').waitFor();
    await screen(page, 'partner-case-errors');
    await page.getByLabel('Add an update').fill('Met at the approved premises; attending the clinic.');
    await page.getByRole('button', { name: 'Add update' }).click();
    await page.locator('.govuk-notification-banner--success').getByText('Update added').waitFor();
    await page.getByText('Met at the approved premises; attending the clinic.').waitFor();
    await page.context().close();
  }, 120_000);

  it('a commissioner reads the service metrics and downloads the CSV', async () => {
    const page = await (await context()).newPage();
    await signIn(page, DEMO.commissioner);
    await page.waitForURL('**/service-metrics');
    await screen(page, 'commissioner-metrics');
    // Disclosure-controlled, and the page says so and what its mark means.
    await page.locator('#disclosure-control').getByText('Counts are rounded to the nearest 5').waitFor();
    expect(await page.locator('input[name$="-day"]').count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download these figures (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^reconnect-service-metrics-all-.*\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(
      /^Service code,Service,From,To,Referrals received.*,Disclosure controlled,Small numbers$/,
    );
    expect(csv).toContain('RC-NW,RECONNECT North West');
    await page.getByLabel('Service', { exact: true }).selectOption({ label: 'RECONNECT North West' });
    await page.getByRole('group', { name: 'Last month' }).getByLabel('Year').fill('');
    await page.getByRole('button', { name: 'Show figures' }).click();
    await page.getByText('There is a problem').waitFor();
    await screen(page, 'commissioner-metrics-errors');
    await page.context().close();
  }, 120_000);

  it('an admin reads an access log and the agreements, and registers a webhook', async () => {
    const { caseId, personId } = await enhancedCase(hub, { givenName: 'Al', familyName: 'Audited' }, today());
    const partner = await (await context()).newPage();
    await signIn(partner, DEMO.partner);
    await partner.goto(`/partner-cases/${caseId}`);
    await partner.context().close();

    const page = await (await context()).newPage();
    await signIn(page, DEMO.admin);
    await page.waitForURL('**/access-log');
    await page.getByRole('button', { name: 'Show access log' }).click();
    await screen(page, 'admin-access-log-empty');
    await page.getByLabel('Person’s hub ID').fill('not-an-id');
    await page.getByRole('button', { name: 'Show access log' }).click();
    await page.getByText('There is a problem').waitFor();
    await screen(page, 'admin-access-log-errors');
    await page.getByLabel('Person’s hub ID').fill(personId);
    await page.getByRole('button', { name: 'Show access log' }).click();
    await page
      .getByRole('cell', { name: /ERP-NW-MH/ })
      .first()
      .waitFor();
    await screen(page, 'admin-access-log');
    await page.getByRole('link', { name: 'Data sharing agreements' }).click();
    await screen(page, 'admin-agreements');

    // The directory of referring organisations: filtered, then one added (its errors first).
    await page.getByRole('link', { name: 'Referring organisations' }).click();
    await page.getByText('182 organisations').waitFor();
    await screen(page, 'admin-referring-organisations');
    await page.getByLabel('Kind').selectOption('POLICE');
    await page.getByLabel('NHS England region').selectOption('NORTH_WEST');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByText('5 organisations').waitFor();
    await screen(page, 'admin-referring-organisations-filtered');
    await page.getByRole('link', { name: 'Add an organisation' }).click();
    await page.getByRole('button', { name: 'Save organisation' }).click();
    await page.getByText('There is a problem').waitFor();
    await screen(page, 'admin-referring-organisation-errors');
    await page.getByLabel('Code').fill('Y04321');
    await page.getByLabel('Name').fill('Healthcare, Browser Test Prison');
    await page.getByLabel('Prison healthcare').check();
    await page.getByLabel('NHS England region').selectOption('SOUTH_WEST');
    await page.getByRole('button', { name: 'Save organisation' }).click();
    await page.getByText('Healthcare, Browser Test Prison (Y04321) saved: it may refer').waitFor();
    await screen(page, 'admin-referring-organisation-saved');

    // Identity conflicts: both records side by side, the form's errors, then a merge.
    const db = hub.database.handle.db;
    const linked = await seedPerson(db, { givenName: 'Robin', familyName: 'Twice' });
    const other = await seedPerson(db, { givenName: 'Robin', familyName: 'Twyce' });
    const conflict = await seedIdentityConflict(db, { personId: linked.id, otherPersonId: other.id });
    // And one whose demographics differ: the referral's own record beside the one holding its NHS number.
    const made = await seedPerson(db, { givenName: 'Jon', familyName: 'Doe', nhsNumber: null });
    const holder = await seedPerson(db, {
      givenName: 'Margaret',
      familyName: 'Hale',
      dateOfBirth: '1961-07-30',
    });
    const differ = await seedIdentityConflict(db, {
      personId: made.id,
      otherPersonId: holder.id,
      kind: 'DEMOGRAPHICS_DIFFER',
      identifierKind: 'NHS_NUMBER',
    });
    await page.getByRole('link', { name: 'Identity conflicts' }).click();
    const section = page.locator(`section[aria-labelledby="conflict-${conflict.id}"]`);
    await section.getByText(other.prisonNumber!).waitFor();
    const differing = page.locator(`section[aria-labelledby="conflict-${differ.id}"]`);
    await differing.getByText('Demographics differ').waitFor();
    expect(await differing.locator('.govuk-summary-list').first().innerText()).toMatch(
      /Contested identifiers\s+NHS number/,
    );
    expect(await section.locator('.govuk-summary-list').first().innerText()).toMatch(/Kind\s+Two records/);
    await screen(page, 'admin-identity-conflicts');
    await section.getByRole('button', { name: 'Resolve conflict' }).click();
    await page.getByText('There is a problem').waitFor();
    await screen(page, 'admin-identity-conflict-errors');
    const again = page.locator(`section[aria-labelledby="conflict-${conflict.id}"]`);
    await again.getByLabel('One person: keep the record the referral was linked to').check();
    await again.getByLabel('Why did you decide this?').fill('Same date of birth and prison record.');
    await again.getByRole('button', { name: 'Resolve conflict' }).click();
    await page.getByText('Conflict resolved: the two records are being merged into one').waitFor();
    expect(await page.locator(`section[aria-labelledby="conflict-${conflict.id}"]`).count()).toBe(0);
    await screen(page, 'admin-identity-conflict-resolved');
    const left = page.locator(`section[aria-labelledby="conflict-${differ.id}"]`);
    await left
      .getByLabel('Two different people: the identifiers stay with the record that held them')
      .check();
    await left.getByLabel('Why did you decide this?').fill('Another person altogether.');
    await left.getByRole('button', { name: 'Resolve conflict' }).click();
    await page.getByText('Conflict resolved: the records are two people').waitFor();

    await page.getByRole('link', { name: 'Webhooks' }).click();
    await screen(page, 'webhooks-empty');
    await page.getByRole('button', { name: 'Register a webhook' }).click();
    await page.getByRole('button', { name: 'Register webhook' }).click();
    await page.getByText('There is a problem').waitFor();
    await screen(page, 'webhook-register-errors');
    await page.getByLabel('Where should the hub send events?').fill('http://127.0.0.1:9/reconnect');
    await page.getByLabel('referral.accepted').check();
    await page.getByRole('button', { name: 'Register webhook' }).click();
    await page.locator('#secret').waitFor();
    await screen(page, 'webhook-secret');
    await page.getByRole('link', { name: 'Back to webhooks' }).click();
    await screen(page, 'webhooks');
    await page.getByRole('link', { name: /Remove/ }).click();
    await screen(page, 'webhook-remove');
    await page.getByRole('button', { name: 'Yes, remove webhook' }).click();
    await page.getByText('Your organisation has no webhooks.').waitFor();
    await page.context().close();
  }, 120_000);
});
