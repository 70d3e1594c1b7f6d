/**
 * submitReferral end to end through the gateway (issue 3, DOMAIN.md "Identifiers", "One person,
 * many doors", "Eligibility at submission"): who may submit, every input error with its field and
 * every eligibility reason (and that neither stores anything), what a stored referral looks like
 * and who can see it, one person across doors, duplicates, idempotency, and the concurrency of
 * both on PostgreSQL. The source fits the organisation (contract/next/trust.md): a referrer submits
 * only as an active organisation of the directory, with a source its kind allows.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@reconnect/db';
import { startTestHub, testConfig, type HubClientForTests, type TestHub } from '@reconnect/hub/testing';
import { REFERENCE_ALPHABET } from '../src/service/reference.ts';

/** Test code reads results by path: the default result type is deliberately loose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- responses are read by path
type Loose = Record<string, any>;

const ON_POSTGRES = !!testConfig().TEST_DATABASE_URL;
const TODAY = '2026-11-25';
const REFERENCE = new RegExp(`^RC-[${REFERENCE_ALPHABET}]{4}-[${REFERENCE_ALPHABET}]{4}$`);

const SUBMIT = `mutation Submit($input: SubmitReferralInput!, $key: String!) {
  submitReferral(input: $input, idempotencyKey: $key) {
    replayed
    referral {
      id reference status version source submittedAt
      custody { type establishment { code } expectedReleaseDate releasedOn onTemporaryLicence }
      owningService { code } receivingService { code }
      referrer { organisationCode organisationName name }
      identifiedNeeds
      decline { reason }
      duplicateOf { id reference }
      person { id }
      referringOrganisation { code kind allowedSources active }
    }
  }
}`;

/** An organisation of the directory (referring_organisations.csv) of the kind each source needs. */
const ORGANISATION_OF: Record<string, string> = {
  PROBATION: 'PROB-NW',
  POLICE: 'POL-GMP',
  LIAISON_AND_DIVERSION: 'LD-NW',
  HOME_OFFICE_ENFORCEMENT: 'HO-IE',
  PRISON_HEALTHCARE: 'HCP-MRI',
  IRC_HEALTHCARE: 'HCI-IRC-BH',
  SELF: 'RCF-ONLINE',
  FAMILY_OR_FRIEND: 'RCF-ONLINE',
};

const STAFF_READ = `query($id: ID!) {
  referral(id: $id) {
    id reference status
    receivingService { code }
    duplicateOf { id }
    decline { reason note }
    history { type fromStatus toStatus actor reason }
    person { id nhsNumber prisonNumber crn homeArea { code } healthNeeds { category description active } }
  }
}`;

/** Everything a referrer may read of its own referral's person, and what names the decline. */
const SUBMITTER_READ = `query($id: ID!) {
  referral(id: $id) {
    id reference status
    duplicateOf { id reference }
    decline { reason note }
    person { givenName familyName dateOfBirth }
  }
}`;

/** `path -> code` of a response's errors. */
function errorPaths(body: Loose): Record<string, string> {
  return Object.fromEntries(
    ((body.errors ?? []) as Loose[]).map((e) => [(e.path ?? []).join('.'), e.extensions?.code as string]),
  );
}

// ---- people: fresh, valid identifiers for every test --------------------------------------------

let serial = 0;

/** A valid NHS number (Modulus 11) that no other test uses. */
function nhsNumber(): string {
  for (;;) {
    serial += 1;
    const nine = String(400_000_000 + serial * 7919).padStart(9, '0');
    let sum = 0;
    for (let i = 0; i < 9; i += 1) sum += Number(nine[i]) * (10 - i);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    return `${nine}${check === 11 ? 0 : check}`;
  }
}

function prisonNumber(): string {
  serial += 1;
  return `A${String(serial % 10_000).padStart(4, '0')}${'BCDEFGHJKL'[Math.floor(serial / 10_000) % 10]}Z`;
}

interface Overrides {
  source?: string;
  referrer?: Loose;
  person?: Loose;
  custody?: Loose;
  identifiedNeeds?: Loose[];
  reasonForReferral?: string | null;
}

function referralInput(o: Overrides = {}): Loose {
  return {
    source: o.source ?? 'PROBATION',
    referrer: {
      name: 'Pat Probation',
      organisationName: 'Probation North West',
      email: 'pat@probation.example',
      ...o.referrer,
    },
    person: {
      givenName: 'Alex',
      familyName: 'Smith',
      dateOfBirth: '1990-04-01',
      nhsNumber: nhsNumber(),
      ...o.person,
    },
    custody: { type: 'PRISON', establishmentCode: 'MRI', expectedReleaseDate: '2027-01-15', ...o.custody },
    identifiedNeeds: o.identifiedNeeds ?? [
      { category: 'MENTAL_HEALTH', description: 'Low mood; on sertraline in custody.' },
    ],
    ...(o.reasonForReferral !== undefined ? { reasonForReferral: o.reasonForReferral } : {}),
  };
}

// ---- the hub -----------------------------------------------------------------------------------

let hub: TestHub;
let probation: HubClientForTests;
let police: HubClientForTests;
let nwStaff: HubClientForTests;
let seStaff: HubClientForTests;

beforeAll(async () => {
  hub = await startTestHub();
  hub.clock.set(`${TODAY}T10:00:00Z`);
  probation = await hub.as('REFERRER', { org: 'PROB-NW', sub: 'pat-probation' });
  police = await hub.as('REFERRER', { org: 'POL-GMP', sub: 'gmp-custody-desk' });
  nwStaff = await hub.as('RECONNECT_STAFF', { org: 'RC-NW', sub: 'nw-worker' });
  seStaff = await hub.as('RECONNECT_STAFF', { org: 'RC-SE', sub: 'se-worker' });
});

afterAll(async () => {
  await hub?.stop();
});

async function submit(client: HubClientForTests, input: Loose, key: string = randomUUID()) {
  const response = await client.query<Loose>(SUBMIT, { input, key });
  return response.body;
}

/** Submits and expects success: the payload. */
async function submitted(client: HubClientForTests, input: Loose, key?: string): Promise<Loose> {
  const body = await submit(client, input, key);
  expect(body.errors).toBeUndefined();
  return body.data!.submitReferral;
}

interface Counts {
  referrals: number;
  events: number;
  keys: number;
  grants: number;
  people: number;
  needs: number;
  writes: number;
}

async function counts(): Promise<Counts> {
  const [row] = rowsOf<Counts>(
    await hub.database.handle.db.execute(sql`select
      (select count(*) from referral.referrals)::int as referrals,
      (select count(*) from referral.referral_events)::int as events,
      (select count(*) from referral.idempotency_keys)::int as keys,
      (select count(*) from access.grants)::int as grants,
      (select count(*) from person.people)::int as people,
      (select count(*) from person.health_needs)::int as needs,
      (select count(*) from audit.events where action in ('referral.submitted', 'person.identity-resolved', 'person.health-need-recorded'))::int as writes`),
  );
  return row!;
}

async function referralRow(id: string): Promise<Loose> {
  const [row] = rowsOf<Loose>(
    await hub.database.handle.db.execute(sql`select * from referral.referrals where id = ${id}`),
  );
  return row!;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// ---- accepted referrals ------------------------------------------------------------------------

describe('a referral from each source in custody', () => {
  it.each([
    ['PROBATION', 'PRISON', 'MRI', 'RC-NW'],
    ['POLICE', 'PRISON', 'MRI', 'RC-NW'],
    ['LIAISON_AND_DIVERSION', 'PRISON', 'MRI', 'RC-NW'],
    ['HOME_OFFICE_ENFORCEMENT', 'IRC', 'IRC-BH', 'RC-SE'],
    ['PRISON_HEALTHCARE', 'PRISON', 'MRI', 'RC-NW'],
    ['IRC_HEALTHCARE', 'IRC', 'IRC-BH', 'RC-SE'],
    ['SELF', 'PRISON', 'MRI', 'RC-NW'],
    ['FAMILY_OR_FRIEND', 'PRISON', 'MRI', 'RC-NW'],
  ])('%s (%s %s) is SUBMITTED to %s', async (source, type, establishmentCode, service) => {
    const referrer = await hub.as('REFERRER', { org: ORGANISATION_OF[source], sub: `sub-${source}` });
    const payload = await submitted(
      referrer,
      referralInput({
        source,
        custody: { type, establishmentCode },
        referrer: source === 'FAMILY_OR_FRIEND' ? { name: 'Sam Smith', relationship: 'Sister' } : {},
      }),
    );
    expect(payload.replayed).toBe(false);
    expect(payload.referral).toMatchObject({
      status: 'SUBMITTED',
      version: 1,
      source,
      custody: {
        type,
        establishment: { code: establishmentCode },
        expectedReleaseDate: '2027-01-15',
        releasedOn: null,
        onTemporaryLicence: false,
      },
      owningService: { code: service },
      receivingService: null,
      referrer: { organisationCode: ORGANISATION_OF[source] },
      identifiedNeeds: ['MENTAL_HEALTH'],
      decline: null,
      duplicateOf: null,
      referringOrganisation: { code: ORGANISATION_OF[source], active: true },
    });
    expect(payload.referral.referringOrganisation.allowedSources).toContain(source);
    expect(payload.referral.reference).toMatch(REFERENCE);
  });

  it('needs nothing but names and date of birth (an IRC detainee without identifiers)', async () => {
    const payload = await submitted(
      await hub.as('REFERRER', { org: 'HCI-IRC-BH' }),
      referralInput({
        source: 'IRC_HEALTHCARE',
        person: { nhsNumber: undefined, givenName: 'Detainee', familyName: 'Unknown' },
        custody: { type: 'IRC', establishmentCode: 'irc-bh' },
      }),
    );
    expect(payload.referral).toMatchObject({
      status: 'SUBMITTED',
      custody: { establishment: { code: 'IRC-BH' } },
    });
  });

  it('accepts a referral more than 12 weeks before release and one on temporary licence', async () => {
    const far = await submitted(
      probation,
      referralInput({ custody: { expectedReleaseDate: '2028-06-30', onTemporaryLicence: true } }),
    );
    expect(far.referral.custody).toMatchObject({
      expectedReleaseDate: '2028-06-30',
      onTemporaryLicence: true,
      releasedOn: null,
    });
  });
});

describe('a referral after release', () => {
  it.each([
    ['PROBATION', 28],
    ['POLICE', 14],
    ['LIAISON_AND_DIVERSION', 1],
    ['HOME_OFFICE_ENFORCEMENT', 0],
  ])('from %s, released %i days ago, is SUBMITTED', async (source, daysAgo) => {
    const releasedOn = addDays(TODAY, -daysAgo);
    const payload = await submitted(
      await hub.as('REFERRER', { org: ORGANISATION_OF[source], sub: `post-${source}` }),
      referralInput({ source, custody: { expectedReleaseDate: null, releasedOn } }),
    );
    expect(payload.referral).toMatchObject({
      status: 'SUBMITTED',
      custody: { releasedOn, expectedReleaseDate: null },
    });
  });
});

// ---- refused referrals store nothing -----------------------------------------------------------

describe('INELIGIBLE, with the reason, storing nothing and creating no person', () => {
  it.each<[string, Overrides, string]>([
    ['17 on the expected release date', { person: { dateOfBirth: '2009-01-16' } }, 'UNDER_18'],
    [
      '17 on the day of release',
      {
        custody: { expectedReleaseDate: null, releasedOn: '2026-11-20' },
        person: { dateOfBirth: '2008-11-21' },
      },
      'UNDER_18',
    ],
    ['no identified need', { identifiedNeeds: [] }, 'NO_IDENTIFIED_HEALTH_NEED'],
    [
      'released 29 days ago',
      { custody: { expectedReleaseDate: null, releasedOn: addDays(TODAY, -29) } },
      'OUTSIDE_REFERRAL_WINDOW',
    ],
    [
      'a self-referral after release',
      { source: 'SELF', custody: { expectedReleaseDate: null, releasedOn: addDays(TODAY, -3) } },
      'OUTSIDE_REFERRAL_WINDOW',
    ],
    [
      'a family referral after release',
      { source: 'FAMILY_OR_FRIEND', custody: { expectedReleaseDate: null, releasedOn: addDays(TODAY, -3) } },
      'OUTSIDE_REFERRAL_WINDOW',
    ],
    [
      'prison healthcare after release',
      { source: 'PRISON_HEALTHCARE', custody: { expectedReleaseDate: null, releasedOn: addDays(TODAY, -3) } },
      'OUTSIDE_REFERRAL_WINDOW',
    ],
    [
      'IRC healthcare after release',
      {
        source: 'IRC_HEALTHCARE',
        custody: {
          type: 'IRC',
          establishmentCode: 'IRC-BH',
          expectedReleaseDate: null,
          releasedOn: addDays(TODAY, -3),
        },
      },
      'OUTSIDE_REFERRAL_WINDOW',
    ],
    ['neither release date', { custody: { expectedReleaseDate: null } }, 'OUTSIDE_REFERRAL_WINDOW'],
    [
      'an expected release date in the past',
      { custody: { expectedReleaseDate: addDays(TODAY, -1) } },
      'OUTSIDE_REFERRAL_WINDOW',
    ],
  ])('%s', async (_name, overrides, reason) => {
    const before = await counts();
    // An organisation whose kind allows the source, so that the window itself refuses it.
    const org = ORGANISATION_OF[(overrides as Overrides).source ?? 'PROBATION']!;
    const client = await hub.as('REFERRER', { org, sub: `ineligible-${org}` });
    const body = await submit(client, referralInput(overrides));
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'INELIGIBLE', reason });
    expect(await counts()).toEqual(before);
  });
});

describe('BAD_USER_INPUT, with the field, storing nothing', () => {
  it.each<[string, string, Overrides, string?]>([
    ['an empty idempotency key', 'idempotencyKey', {}, ''],
    ['an idempotency key of 201 characters', 'idempotencyKey', {}, 'k'.repeat(201)],
    ['a blank referrer name', 'input.referrer.name', { referrer: { name: ' ' } }],
    ['a referrer name of 201 characters', 'input.referrer.name', { referrer: { name: 'n'.repeat(201) } }],
    ['a malformed referrer email', 'input.referrer.email', { referrer: { email: 'pat at probation' } }],
    ['a reason of 4001 characters', 'input.reasonForReferral', { reasonForReferral: 'r'.repeat(4001) }],
    [
      'a blank need description',
      'input.identifiedNeeds.1.description',
      {
        identifiedNeeds: [
          { category: 'ALCOHOL', description: 'Drinks daily' },
          { category: 'OTHER', description: '' },
        ],
      },
    ],
    [
      'a need description of 2001 characters',
      'input.identifiedNeeds.0.description',
      { identifiedNeeds: [{ category: 'ALCOHOL', description: 'd'.repeat(2001) }] },
    ],
    [
      'an NHS number with a bad check digit',
      'input.person.nhsNumber',
      { person: { nhsNumber: '9434765918' } },
    ],
    ['a bad prison number', 'input.person.prisonNumber', { person: { prisonNumber: 'A123BC' } }],
    ['a bad CRN', 'input.person.crn', { person: { crn: 'Q98765' } }],
    ['a PNC id with a wrong check letter', 'input.person.pncId', { person: { pncId: '2012/0052834A' } }],
    [
      'a Home Office reference of 21 characters',
      'input.person.homeOfficeReference',
      { person: { homeOfficeReference: 'H'.repeat(21) } },
    ],
    ['a blank family name', 'input.person.familyName', { person: { familyName: ' ' } }],
    [
      'an unknown establishment',
      'input.custody.establishmentCode',
      { custody: { establishmentCode: 'XYZ' } },
    ],
    [
      'an IRC given as a prison',
      'input.custody.establishmentCode',
      { custody: { type: 'PRISON', establishmentCode: 'IRC-BH' } },
    ],
    [
      'a prison given as an IRC',
      'input.custody.establishmentCode',
      { custody: { type: 'IRC', establishmentCode: 'MRI' } },
    ],
    [
      'an unknown local authority',
      'input.person.homeLocalAuthorityCode',
      { person: { homeLocalAuthorityCode: 'E08999999' } },
    ],
    [
      'a local authority code of the wrong form',
      'input.person.homeLocalAuthorityCode',
      { person: { homeLocalAuthorityCode: 'Manchester' } },
    ],
    [
      'both release dates',
      'input.custody.releasedOn',
      { custody: { expectedReleaseDate: '2027-01-15', releasedOn: addDays(TODAY, -2) } },
    ],
    [
      'a release date in the future',
      'input.custody.releasedOn',
      { custody: { expectedReleaseDate: null, releasedOn: addDays(TODAY, 1) } },
    ],
    [
      'a date of birth in the future',
      'input.person.dateOfBirth',
      { person: { dateOfBirth: addDays(TODAY, 1) } },
    ],
  ])('%s -> %s', async (_name, field, overrides, key) => {
    const before = await counts();
    const body = await submit(probation, referralInput(overrides), key);
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    // No error echoes what was sent.
    expect(JSON.stringify(body.errors)).not.toMatch(
      /9434765918|A123BC|Q98765|2012\/0052834A|pat at probation/,
    );
    expect(await counts()).toEqual(before);
  });
});

describe('who may submit', () => {
  it.each([
    ['a commissioner', 'COMMISSIONER', 'NHSE'],
    ['an ER partner', 'ER_PARTNER', 'P-NW-1'],
    ['an admin', 'RECONNECT_ADMIN', 'RC-NW'],
    ['a referrer whose token names no organisation', 'REFERRER', undefined],
    ['a referrer whose organisation the directory does not know', 'REFERRER', 'PROB-NOWHERE'],
    ["staff of a service other than the establishment's", 'RECONNECT_STAFF', 'RC-LDN'],
  ])('not %s (FORBIDDEN, nothing stored)', async (_who, role, org) => {
    const before = await counts();
    const body = await submit(await hub.as(role, org ? { org } : {}), referralInput());
    expect(body.data).toBeNull();
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await counts()).toEqual(before);
  });

  it("staff and leads of the establishment's own service, who then read all of it", async () => {
    const lead = await hub.as('RECONNECT_LEAD', { org: 'RC-NW', sub: 'nw-lead' });
    for (const client of [nwStaff, lead]) {
      const payload = await submitted(client, referralInput({ source: 'PRISON_HEALTHCARE' }));
      // A referral received by phone or email: no organisation of the directory submitted it.
      expect(payload.referral).toMatchObject({
        status: 'SUBMITTED',
        referrer: { organisationCode: 'RC-NW' },
        referringOrganisation: null,
      });
      const read = (await client.query<Loose>(STAFF_READ, { id: payload.referral.id })).body;
      expect(read.errors).toBeUndefined();
      expect(read.data!.referral.history).toEqual([
        expect.objectContaining({ type: 'referral.submitted', fromStatus: null, toStatus: 'SUBMITTED' }),
      ]);
    }
  });
});

// ---- the source fits the organisation (contract/next/trust.md) -----------------------------------

describe('the source fits the organisation', () => {
  let onlineForm: HubClientForTests;
  let admin: HubClientForTests;
  const SAVE = `mutation Save($input: ReferringOrganisationInput!) {
    saveReferringOrganisation(input: $input) { code active }
  }`;

  beforeAll(async () => {
    onlineForm = await hub.as('REFERRER', { org: 'RCF-ONLINE', sub: 'online-form' });
    admin = await hub.as('RECONNECT_ADMIN', { org: 'NHSE-IG', sub: 'ig-officer' });
  });

  async function refused(client: HubClientForTests, input: Loose, code: string, field?: string) {
    const before = await counts();
    const body = await submit(client, input);
    expect(body.data).toBeNull();
    expect(body.errors![0]!.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    expect(await counts()).toEqual(before);
    return body.errors![0]!;
  }

  it('refuses the online form submitting as PROBATION (BAD_USER_INPUT at input.source, nothing stored)', async () => {
    const error = await refused(
      onlineForm,
      referralInput({ source: 'PROBATION' }),
      'BAD_USER_INPUT',
      'input.source',
    );
    expect(error.message).toMatch(/SELF or FAMILY_OR_FRIEND/);
  });

  it('refuses the online form claiming PROBATION to refer after release (the post-release rule is not skipped)', async () => {
    await refused(
      onlineForm,
      referralInput({
        source: 'PROBATION',
        custody: { expectedReleaseDate: null, releasedOn: addDays(TODAY, -3) },
      }),
      'BAD_USER_INPUT',
      'input.source',
    );
  });

  it.each([
    ['PROB-NW', 'SELF'],
    ['POL-GMP', 'PROBATION'],
    ['HCP-MRI', 'IRC_HEALTHCARE'],
    ['HO-IE', 'FAMILY_OR_FRIEND'],
  ])('refuses %s giving source %s (BAD_USER_INPUT at input.source)', async (org, source) => {
    await refused(
      await hub.as('REFERRER', { org, sub: `wrong-source-${org}` }),
      referralInput({ source, referrer: source === 'FAMILY_OR_FRIEND' ? { relationship: 'Friend' } : {} }),
      'BAD_USER_INPUT',
      'input.source',
    );
  });

  it('refuses an organisation the directory does not know (FORBIDDEN), whatever the source', async () => {
    const unknown = await hub.as('REFERRER', { org: 'PROB-NOWHERE', sub: 'nobody' });
    for (const source of ['PROBATION', 'SELF']) {
      await refused(unknown, referralInput({ source }), 'FORBIDDEN');
    }
  });

  it('refuses an organisation information governance made inactive (FORBIDDEN), and takes it again once active', async () => {
    const cumbria = await hub.as('REFERRER', { org: 'POL-CUM', sub: 'cumbria-custody' });
    const organisation = {
      code: 'POL-CUM',
      name: 'Cumbria Constabulary',
      kind: 'POLICE',
      region: 'NORTH_WEST',
    };
    const off = (await admin.query<Loose>(SAVE, { input: { ...organisation, active: false } })).body;
    expect(off.errors).toBeUndefined();
    expect(off.data!.saveReferringOrganisation).toEqual({ code: 'POL-CUM', active: false });
    try {
      const error = await refused(cumbria, referralInput({ source: 'POLICE' }), 'FORBIDDEN');
      expect(error.message).toMatch(/inactive/);
    } finally {
      const on = (await admin.query<Loose>(SAVE, { input: { ...organisation, active: true } })).body;
      expect(on.errors).toBeUndefined();
    }
    const payload = await submitted(cumbria, referralInput({ source: 'POLICE' }));
    expect(payload.referral.referringOrganisation).toMatchObject({ code: 'POL-CUM', kind: 'POLICE' });
  });

  it('answers a retry of what an organisation sent before it was made inactive with that referral; anything new is refused', async () => {
    const lancashire = await hub.as('REFERRER', { org: 'POL-LAN', sub: 'lancashire-custody' });
    const organisation = {
      code: 'POL-LAN',
      name: 'Lancashire Constabulary',
      kind: 'POLICE',
      region: 'NORTH_WEST',
    };
    const input = referralInput({ source: 'POLICE', person: { givenName: 'Lee', familyName: 'Retry' } });
    const first = await submitted(lancashire, input, 'lancashire-retry-1');
    const off = (await admin.query<Loose>(SAVE, { input: { ...organisation, active: false } })).body;
    expect(off.errors).toBeUndefined();
    try {
      const again = await submitted(lancashire, input, 'lancashire-retry-1');
      expect(again.referral.id).toBe(first.referral.id);
      await refused(lancashire, input, 'FORBIDDEN');
    } finally {
      const on = (await admin.query<Loose>(SAVE, { input: { ...organisation, active: true } })).body;
      expect(on.errors).toBeUndefined();
    }
  });

  it('lets the online form refer as SELF and FAMILY_OR_FRIEND, naming it as the referring organisation', async () => {
    for (const source of ['SELF', 'FAMILY_OR_FRIEND']) {
      const payload = await submitted(
        onlineForm,
        referralInput({ source, referrer: source === 'FAMILY_OR_FRIEND' ? { relationship: 'Mother' } : {} }),
      );
      expect(payload.referral.referringOrganisation).toEqual({
        code: 'RCF-ONLINE',
        kind: 'ONLINE_FORM',
        allowedSources: ['SELF', 'FAMILY_OR_FRIEND'],
        active: true,
      });
      // Stored on the referral, beside the token's organisation.
      const [row] = rowsOf<{ referring_organisation_code: string }>(
        await hub.database.handle.db.execute(
          sql`select referring_organisation_code from referral.referrals where id = ${payload.referral.id}`,
        ),
      );
      expect(row!.referring_organisation_code).toBe('RCF-ONLINE');
    }
  });
});

// ---- what is stored, and who sees it -----------------------------------------------------------

describe('a stored referral', () => {
  let payload: Loose;
  let before: Counts;
  const nhs = nhsNumber();

  beforeAll(async () => {
    before = await counts();
    payload = await submitted(
      probation,
      referralInput({
        person: { nhsNumber: nhs, prisonNumber: prisonNumber(), homeLocalAuthorityCode: 'e08000003' },
        custody: { establishmentCode: 'mri' },
        identifiedNeeds: [
          { category: 'MENTAL_HEALTH', description: 'Low mood; on sertraline in custody.' },
          { category: 'SUBSTANCE_MISUSE', description: 'Opiate substitution: methadone 60ml.' },
        ],
        reasonForReferral: 'Release planning for GP registration.',
      }),
      'stored-referral',
    );
  });

  it('writes one referral, two grants, its history, the key, the person, the needs and the audit events', async () => {
    expect(await counts()).toEqual({
      referrals: before.referrals + 1,
      events: before.events + 1,
      keys: before.keys + 1,
      grants: before.grants + 2,
      people: before.people + 1,
      needs: before.needs + 2,
      writes: before.writes + 3,
    });
    const row = await referralRow(payload.referral.id);
    expect(row).toMatchObject({
      reference: payload.referral.reference,
      status: 'SUBMITTED',
      establishment_code: 'MRI',
      referrer_organisation_code: 'PROB-NW',
      referrer_organisation_name: 'Probation North West',
      referrer_name: 'Pat Probation',
      referrer_email: 'pat@probation.example',
      submitted_by: 'pat-probation',
      owning_service_code: 'RC-NW',
      receiving_service_code: null,
      home_area_code: 'E08000003',
      identified_needs: ['MENTAL_HEALTH', 'SUBSTANCE_MISUSE'],
      reason_for_referral: 'Release planning for GP registration.',
      duplicate_of_id: null,
    });
    expect(new Date(row.submitted_at as string).toISOString().slice(0, 10)).toBe(TODAY);
  });

  it('grants the owning service and the referring organisation, from now, and nobody else', async () => {
    const grants = rowsOf<Loose>(
      await hub.database.handle.db.execute(
        sql`select organisation_code, relationship, person_id, valid_until, reason from access.grants where referral_id = ${payload.referral.id} order by relationship`,
      ),
    );
    expect(grants).toEqual([
      {
        organisation_code: 'RC-NW',
        relationship: 'OWNING_SERVICE',
        person_id: payload.referral.person.id,
        valid_until: null,
        reason: 'referral.submitted',
      },
      {
        organisation_code: 'PROB-NW',
        relationship: 'REFERRER',
        person_id: payload.referral.person.id,
        valid_until: null,
        reason: 'referral.submitted',
      },
    ]);
  });

  it('audits the submission by field name, never by value', async () => {
    const events = rowsOf<Loose>(
      await hub.database.handle.db.execute(
        sql`select actor_subject, actor_organisation, fields, person_id from audit.events where action = 'referral.submitted' and subject_id = ${payload.referral.id}`,
      ),
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor_subject: 'pat-probation',
      actor_organisation: 'PROB-NW',
      person_id: payload.referral.person.id,
    });
    expect(events[0]!.fields).toEqual(
      expect.arrayContaining([
        'person.nhsNumber',
        'identifiedNeeds',
        'custody.establishmentCode',
        'reasonForReferral',
      ]),
    );
    expect(JSON.stringify(events[0])).not.toMatch(new RegExp(`${nhs}|sertraline|Smith`));
  });

  it("makes the identified needs the person's health needs, which the owning service's staff read", async () => {
    const read = (await nwStaff.query<Loose>(STAFF_READ, { id: payload.referral.id })).body;
    expect(read.errors).toBeUndefined();
    expect(read.data!.referral.person).toMatchObject({ nhsNumber: nhs, homeArea: { code: 'E08000003' } });
    expect(read.data!.referral.person.healthNeeds).toEqual(
      expect.arrayContaining([
        { category: 'MENTAL_HEALTH', description: 'Low mood; on sertraline in custody.', active: true },
        { category: 'SUBSTANCE_MISUSE', description: 'Opiate substitution: methadone 60ml.', active: true },
      ]),
    );
  });

  it('lets the referrer read its status fields by reference, and nothing of the case', async () => {
    const response = await probation.query<Loose>(
      `query($ref: String!) {
        referralByReference(reference: $ref) {
          id reference status version source submittedAt
          custody { type establishment { code } expectedReleaseDate }
          owningService { code } receivingService { code }
          referrer { name } identifiedNeeds decline { reason }
          consent { decision } contacts { id } history { type }
        }
      }`,
      { ref: payload.referral.reference.toLowerCase() },
    );
    const { data, errors } = response.body;
    expect(data!.referralByReference).toMatchObject({
      id: payload.referral.id,
      status: 'SUBMITTED',
      version: 1,
      custody: { type: 'PRISON', establishment: { code: 'MRI' }, expectedReleaseDate: '2027-01-15' },
      owningService: { code: 'RC-NW' },
      referrer: { name: 'Pat Probation' },
      identifiedNeeds: ['MENTAL_HEALTH', 'SUBSTANCE_MISUSE'],
      consent: null,
      contacts: null,
      history: null,
    });
    expect(errors!.map((e) => [e.path!.join('.'), e.extensions!.code]).sort()).toEqual([
      ['referralByReference.consent', 'FORBIDDEN'],
      ['referralByReference.contacts', 'FORBIDDEN'],
      ['referralByReference.history', 'FORBIDDEN'],
    ]);
  });

  it('is not revealed to another referrer or to another service', async () => {
    for (const client of [police, seStaff]) {
      const read = (
        await client.query<Loose>(`query($id: ID!) { referral(id: $id) { id } }`, { id: payload.referral.id })
      ).body;
      expect(read.data!.referral).toBeNull();
    }
  });
});

describe('the receiving service', () => {
  it.each([
    ['Westminster', 'E09000033', 'E09000033', 'RC-LDN'],
    ['Barnsley by its superseded code', 'E08000016', 'E08000038', 'RC-NEY'],
    ['Manchester (the owning service itself)', 'E08000003', 'E08000003', null],
  ])("is the home area's service: %s", async (_name, code, stored, receiving) => {
    const payload = await submitted(probation, referralInput({ person: { homeLocalAuthorityCode: code } }));
    expect(payload.referral.receivingService).toEqual(receiving ? { code: receiving } : null);
    const row = await referralRow(payload.referral.id);
    expect(row).toMatchObject({ home_area_code: stored, receiving_service_code: receiving });
    if (receiving) {
      // Its access comes with a handover (AUTH.md), not with the referral.
      const other = await hub.as('RECONNECT_STAFF', { org: receiving });
      const read = (
        await other.query<Loose>(`query($id: ID!) { referral(id: $id) { id } }`, { id: payload.referral.id })
      ).body;
      expect(read.data!.referral).toBeNull();
    }
  });
});

// ---- one person, many doors --------------------------------------------------------------------

describe('one person, many doors', () => {
  it('finds the person by NHS number, adds the prison number, and declines the second referral as a DUPLICATE', async () => {
    const nhs = nhsNumber();
    const prison = prisonNumber();
    const first = await submitted(probation, referralInput({ person: { nhsNumber: nhs } }));
    const second = await submitted(
      police,
      referralInput({
        source: 'POLICE',
        referrer: { name: 'PC Jones', organisationName: 'Greater Manchester Police' },
        // Corroborated: the same date of birth and family name, a nickname for the given name.
        person: { nhsNumber: nhs, prisonNumber: prison, givenName: 'Alexander' },
        identifiedNeeds: [{ category: 'ALCOHOL', description: 'Drinks heavily on release.' }],
      }),
    );
    expect(second.referral.person.id).toBe(first.referral.person.id);
    expect(second.referral.reference).toMatch(REFERENCE);
    expect(second.referral.reference).not.toBe(first.referral.reference);
    expect(second.referral).toMatchObject({ status: 'DECLINED', decline: { reason: 'DUPLICATE' } });
    // The police may not see the probation referral it duplicates: not revealed.
    expect(second.referral.duplicateOf).toBeNull();
    // What the police read of its duplicate names neither the open referral nor its service, and
    // the person is as the police sent it.
    const own = (await police.query<Loose>(SUBMITTER_READ, { id: second.referral.id })).body;
    expect(own.errors, JSON.stringify(own.errors)).toBeUndefined();
    expect(own.data!.referral.person).toEqual({
      givenName: 'Alexander',
      familyName: 'Smith',
      dateOfBirth: '1990-04-01',
    });
    expect(JSON.stringify(own.data)).not.toContain(first.referral.reference);
    expect(JSON.stringify(own.data)).not.toContain('RC-NW');
    // Nor does its own history (which its submitter does not read today, but might one day).
    const history = rowsOf<Loose>(
      await hub.database.handle.db.execute(
        sql`select reason from referral.referral_events where referral_id = ${second.referral.id}`,
      ),
    );
    expect(JSON.stringify(history)).not.toContain(first.referral.reference);

    const dup = (await nwStaff.query<Loose>(STAFF_READ, { id: second.referral.id })).body;
    expect(dup.errors).toBeUndefined();
    expect(dup.data!.referral).toMatchObject({
      status: 'DECLINED',
      duplicateOf: { id: first.referral.id },
      decline: { reason: 'DUPLICATE' },
      history: [expect.objectContaining({ type: 'referral.submitted', toStatus: 'DECLINED' })],
    });

    const open = (await nwStaff.query<Loose>(STAFF_READ, { id: first.referral.id })).body;
    expect(open.errors).toBeUndefined();
    expect(open.data!.referral.status).toBe('SUBMITTED');
    expect(open.data!.referral.person.prisonNumber).toBe(prison);
    // The open referral's history records the duplicate and its referrer, for its owning service.
    expect(open.data!.referral.history).toEqual([
      expect.objectContaining({ type: 'referral.submitted', toStatus: 'SUBMITTED' }),
      expect.objectContaining({
        type: 'referral.duplicate-received',
        fromStatus: null,
        toStatus: null,
        actor: 'gmp-custody-desk',
        reason: expect.stringContaining(second.referral.reference),
      }),
    ]);
    expect(open.data!.referral.history[1].reason).toContain('Greater Manchester Police (POL-GMP)');
    // A declined duplicate writes no needs into the record (they stay on the referral itself).
    expect(open.data!.referral.person.healthNeeds).toEqual([
      expect.objectContaining({ category: 'MENTAL_HEALTH' }),
    ]);
    expect(second.referral.identifiedNeeds).toEqual(['ALCOHOL']);
    // The open referral did not change state or version.
    expect((await referralRow(first.referral.id)).version).toBe(1);
  });

  it("gives a duplicate's establishment service the duplicate referral as submitted, and nothing of the person", async () => {
    const nhs = nhsNumber();
    const first = await submitted(probation, referralInput({ person: { nhsNumber: nhs } }));
    const second = await submitted(
      police,
      referralInput({
        source: 'POLICE',
        person: { nhsNumber: nhs, givenName: 'Al' },
        custody: { type: 'IRC', establishmentCode: 'IRC-BH' },
      }),
    );
    expect(second.referral).toMatchObject({ status: 'DECLINED', owningService: { code: 'RC-SE' } });
    const grants = rowsOf<Loose>(
      await hub.database.handle.db.execute(
        sql`select organisation_code, relationship, scopes from access.grants where referral_id = ${second.referral.id} order by relationship`,
      ),
    );
    expect(grants).toEqual([
      { organisation_code: 'RC-SE', relationship: 'OWNING_SERVICE', scopes: ['REFERRAL_ONLY'] },
      { organisation_code: 'POL-GMP', relationship: 'REFERRER', scopes: [] },
    ]);
    // RC-SE sees the duplicate, its person as the police sent it, and nothing of the record.
    const read = (
      await seStaff.query<Loose>(
        `query($id: ID!) { referral(id: $id) { id status person { id givenName familyName dateOfBirth } } }`,
        { id: second.referral.id },
      )
    ).body;
    expect(read.errors).toBeUndefined();
    expect(read.data!.referral.person).toEqual({
      id: first.referral.person.id,
      givenName: 'Al',
      familyName: 'Smith',
      dateOfBirth: '1990-04-01',
    });
    const record = (
      await seStaff.query<Loose>(
        `query($id: ID!) { person(id: $id) { nhsNumber healthNeeds { category } } }`,
        {
          id: first.referral.person.id,
        },
      )
    ).body;
    expect(record.data?.person?.nhsNumber ?? null).toBeNull();
    expect(record.data?.person?.healthNeeds ?? null).toBeNull();
    expect(Object.values(errorPaths(record))).toContain('FORBIDDEN');
    const denied = (await seStaff.query<Loose>(STAFF_READ, { id: second.referral.id })).body;
    expect(Object.values(errorPaths(denied))).toContain('FORBIDDEN');
    expect(JSON.stringify(denied.data)).not.toContain(nhs);
    // Nor the open referral.
    const openRead = (
      await seStaff.query<Loose>(`query($id: ID!) { referral(id: $id) { id } }`, { id: first.referral.id })
    ).body;
    expect(openRead.data!.referral).toBeNull();
  });

  it.each(['prisonNumber', 'nhsNumber', 'crn'] as const)(
    "a made-up name with somebody else's %s learns nothing, opens nothing and writes nothing",
    async (field) => {
      serial += 1;
      const victimIds = {
        nhsNumber: nhsNumber(),
        prisonNumber: prisonNumber(),
        crn: `X${String(100_000 + serial).padStart(6, '0')}`,
      };
      const first = await submitted(probation, referralInput({ person: victimIds }));
      const victimId = first.referral.person.id as string;
      const db = hub.database.handle.db;
      const snapshot = async () => ({
        person: rowsOf<Loose>(await db.execute(sql`select * from person.people where id = ${victimId}`)),
        needs: rowsOf<Loose>(
          await db.execute(sql`select * from person.health_needs where person_id = ${victimId}`),
        ),
        grants: rowsOf<Loose>(
          await db.execute(sql`select * from access.grants where person_id = ${victimId}`),
        ),
        history: rowsOf<Loose>(
          await db.execute(
            sql`select * from referral.referral_events where referral_id = ${first.referral.id}`,
          ),
        ),
      });
      const before = await snapshot();

      const attack = await submitted(
        police,
        referralInput({
          source: 'POLICE',
          person: {
            givenName: 'John',
            familyName: 'Doe',
            dateOfBirth: '1985-06-15',
            nhsNumber: null,
            [field]: victimIds[field],
          },
          identifiedNeeds: [{ category: 'ALCOHOL', description: 'Made up.' }],
          custody: { type: 'IRC', establishmentCode: 'IRC-BH' },
        }),
      );
      // Its own referral, of a person of its own: no DUPLICATE, nothing of the other record.
      expect(attack.referral).toMatchObject({ status: 'SUBMITTED', decline: null, duplicateOf: null });
      expect(attack.referral.person.id).not.toBe(victimId);
      const read = (await police.query<Loose>(SUBMITTER_READ, { id: attack.referral.id })).body;
      expect(read.errors).toBeUndefined();
      expect(read.data!.referral.person).toEqual({
        givenName: 'John',
        familyName: 'Doe',
        dateOfBirth: '1985-06-15',
      });
      const seen = JSON.stringify([attack, read]);
      for (const secret of ['Alex', 'Smith', '1990-04-01', victimId, first.referral.reference])
        expect(seen).not.toContain(secret);
      // Not a byte of the other record, its needs, its grants or its open referral changed.
      expect(await snapshot()).toEqual(before);
      // The establishment's service (RC-SE) has nothing on the other record.
      const probe = (
        await seStaff.query<Loose>(`query($id: ID!) { person(id: $id) { id givenName } }`, { id: victimId })
      ).body;
      expect(probe.data!.person).toBeNull();
      // The new record does not hold the contested identifier; the conflict names it.
      const [created] = rowsOf<Loose>(
        await db.execute(sql`select * from person.people where id = ${attack.referral.person.id}`),
      );
      const column = { nhsNumber: 'nhs_number', prisonNumber: 'prison_number', crn: 'crn' }[field];
      expect(created![column]).toBeNull();
      const conflicts = rowsOf<Loose>(
        await db.execute(
          sql`select kind, contested_identifier_kinds, other_person_id from person.identity_conflicts where person_id = ${attack.referral.person.id}`,
        ),
      );
      expect(conflicts).toEqual([
        {
          kind: 'DEMOGRAPHICS_DIFFER',
          contested_identifier_kinds: [
            { nhsNumber: 'NHS_NUMBER', prisonNumber: 'PRISON_NUMBER', crn: 'CRN' }[field],
          ],
          other_person_id: victimId,
        },
      ]);
    },
  );

  it('is a new referral again once the earlier one is closed', async () => {
    const nhs = nhsNumber();
    const first = await submitted(probation, referralInput({ person: { nhsNumber: nhs } }));
    await hub.database.handle.db.execute(
      sql`update referral.referrals set status = 'WITHDRAWN' where id = ${first.referral.id}`,
    );
    const second = await submitted(police, referralInput({ source: 'POLICE', person: { nhsNumber: nhs } }));
    expect(second.referral).toMatchObject({
      status: 'SUBMITTED',
      duplicateOf: null,
      person: { id: first.referral.person.id },
    });
  });
});

// ---- idempotency -------------------------------------------------------------------------------

describe('idempotency keys', () => {
  it('replays the original referral for the same key and input, storing nothing more', async () => {
    const input = referralInput();
    const first = await submitted(probation, input, 'retry-me');
    const before = await counts();
    hub.clock.set('2026-11-26T09:00:00Z'); // a retry the next day is still the same submission
    try {
      // The same input with its keys in another order is the same input.
      const reordered = {
        identifiedNeeds: input.identifiedNeeds,
        custody: input.custody,
        person: input.person,
        referrer: input.referrer,
        source: input.source,
      };
      const again = await submitted(probation, reordered, 'retry-me');
      expect(again.replayed).toBe(true);
      expect(again.referral).toEqual(first.referral);
    } finally {
      hub.clock.set(`${TODAY}T10:00:00Z`);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses the same key with a different input (IDEMPOTENCY_KEY_REUSED)', async () => {
    const input = referralInput();
    await submitted(probation, input, 'reused-key');
    const before = await counts();
    const body = await submit(probation, { ...input, reasonForReferral: 'Something else' }, 'reused-key');
    expect(body.data).toBeNull();
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await counts()).toEqual(before);
  });

  it('scopes keys to the caller: another organisation, or another user, may use the same key', async () => {
    const mine = await submitted(probation, referralInput(), 'shared-key');
    const otherOrg = await submitted(police, referralInput({ source: 'POLICE' }), 'shared-key');
    const colleague = await submitted(
      await hub.as('REFERRER', { org: 'PROB-NW', sub: 'pat-colleague' }),
      referralInput(),
      'shared-key',
    );
    expect(otherOrg.replayed).toBe(false);
    expect(colleague.replayed).toBe(false);
    expect(new Set([mine.referral.id, otherOrg.referral.id, colleague.referral.id]).size).toBe(3);
  });
});

// ---- concurrency (PostgreSQL: PGlite has one connection, so nothing runs at once there) ---------

describe('concurrent submissions', () => {
  it.runIf(ON_POSTGRES)('10 at once with one key make one referral, and every answer names it', async () => {
    const input = referralInput({ person: { prisonNumber: prisonNumber() } });
    const before = await counts();
    const bodies = await Promise.all(
      Array.from({ length: 10 }, () => submit(probation, input, 'ten-at-once')),
    );
    for (const body of bodies) expect(body.errors).toBeUndefined();
    const payloads = bodies.map((b) => b.data!.submitReferral);
    expect(new Set(payloads.map((p) => p.referral.id)).size).toBe(1);
    expect(payloads.filter((p) => !p.replayed)).toHaveLength(1);
    const after = await counts();
    expect(after.referrals).toBe(before.referrals + 1);
    expect(after.keys).toBe(before.keys + 1);
    expect(after.needs).toBe(before.needs + 1);
  });

  it.runIf(ON_POSTGRES)(
    '10 at once with one key and no identifiers (so no shared person to lock) still make one referral',
    async () => {
      const input = referralInput({
        source: 'IRC_HEALTHCARE',
        person: { nhsNumber: undefined, givenName: 'Nameless', familyName: 'Detainee' },
        custody: { type: 'IRC', establishmentCode: 'IRC-BH' },
      });
      const irc = await hub.as('REFERRER', { org: 'HCI-IRC-BH', sub: 'brook-house-healthcare' });
      const before = await counts();
      const bodies = await Promise.all(
        Array.from({ length: 10 }, () => submit(irc, input, 'ten-without-identifiers')),
      );
      for (const body of bodies) expect(body.errors).toBeUndefined();
      const payloads = bodies.map((b) => b.data!.submitReferral);
      expect(new Set(payloads.map((p) => p.referral.id)).size).toBe(1);
      expect(payloads.filter((p) => !p.replayed)).toHaveLength(1);
      expect((await counts()).referrals).toBe(before.referrals + 1);
    },
  );

  it.runIf(ON_POSTGRES)(
    '5 at once for one person with different keys: exactly one is open, the rest are DUPLICATEs of it',
    async () => {
      const nhs = nhsNumber();
      const bodies = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          submit(
            i % 2 ? police : probation,
            referralInput({ source: i % 2 ? 'POLICE' : 'PROBATION', person: { nhsNumber: nhs } }),
          ),
        ),
      );
      for (const body of bodies) expect(body.errors).toBeUndefined();
      const referrals = bodies.map((b) => b.data!.submitReferral.referral);
      expect(new Set(referrals.map((r) => r.person.id)).size).toBe(1);
      const open = referrals.filter((r) => r.status === 'SUBMITTED');
      expect(open).toHaveLength(1);
      const rows = await Promise.all(referrals.map((r) => referralRow(r.id)));
      const declined = rows.filter((r) => r.status === 'DECLINED');
      expect(declined).toHaveLength(4);
      for (const row of declined)
        expect(row).toMatchObject({ decline_reason: 'DUPLICATE', duplicate_of_id: open[0]!.id });
      const history = (await nwStaff.query<Loose>(STAFF_READ, { id: open[0]!.id })).body.data!.referral
        .history;
      expect(history.filter((e: Loose) => e.type === 'referral.duplicate-received')).toHaveLength(4);
    },
  );
});
