/**
 * The BaRS rules (src/bars-message.ts) as a table of cases, with no hub: each rule refused by a
 * message that breaks it alone, naming its element; the example of docs/FHIR.md read field by
 * field with the FHIR path of each; the BARS_SENDERS setting; the demo senders.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type * as R4 from 'fhir/r4.js';
import { barsFhirEnv, ConfigError, loadConfig } from '@reconnect/config';
import { BARS_RULES, fhirPathOf, readBarsMessage } from '../src/bars-message.ts';
import { FhirError } from '../src/outcome.ts';
import { demoSenders, sendersOf } from '../src/senders.ts';

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- FHIR JSON poked by tests

function example(change: (b: Loose) => void = () => {}): R4.Bundle<R4.FhirResource> {
  const text = readFileSync(new URL('../../../docs/FHIR.md', import.meta.url), 'utf8');
  const bundle = JSON.parse(/<!-- example-message -->\s*```json\n([\s\S]*?)\n```/.exec(text)![1]!) as Loose;
  change(bundle);
  return bundle as R4.Bundle<R4.FhirResource>;
}

const asUpdate = (b: Loose) => {
  b.entry[0].resource.reason.coding[0].code = 'update';
  b.entry[1].resource.status = 'revoked';
};

/** [rule (BARS_RULES.requires starts with), the change that breaks it alone, issue, expression]. */
const CASES: [string, (b: Loose) => void, string, string][] = [
  ['a Bundle of type message', (b) => (b.type = 'collection'), 'structure', 'Bundle.type'],
  ['a MessageHeader as the first', (b) => b.entry.splice(0, 1), 'structure', 'Bundle.entry[0].resource'],
  ['a MessageHeader.id', (b) => delete b.entry[0].resource.id, 'required', 'Bundle.entry[0].resource.id'],
  [
    'MessageHeader.eventCoding',
    (b) => (b.entry[0].resource.eventCoding.code = 'booking-request'),
    'structure',
    'Bundle.entry[0].resource.eventCoding',
  ],
  [
    'MessageHeader.reason',
    (b) => (b.entry[0].resource.reason.coding[0].code = 'delete'),
    'required',
    'Bundle.entry[0].resource.reason',
  ],
  [
    'MessageHeader.focus',
    (b) => (b.entry[0].resource.focus[0].reference = 'urn:uuid:elsewhere'),
    'required',
    'Bundle.entry[0].resource.focus',
  ],
  [
    'MessageHeader.sender',
    (b) => delete b.entry[0].resource.sender,
    'required',
    'Bundle.entry[0].resource.sender',
  ],
  [
    "the sender Organization's ODS code",
    (b) => (b.entry[4].resource.identifier[0].system = 'urn:other'),
    'required',
    'Bundle.entry[4].resource.identifier',
  ],
  [
    'ServiceRequest.intent',
    (b) => (b.entry[1].resource.intent = 'order'),
    'value',
    'Bundle.entry[1].resource.intent',
  ],
  [
    'ServiceRequest.category',
    (b) => delete b.entry[1].resource.category,
    'required',
    'Bundle.entry[1].resource.category',
  ],
  ['ServiceRequest.subject', (b) => b.entry.splice(2, 1), 'required', 'Bundle.entry[1].resource.subject'],
  [
    'Patient.name',
    (b) => delete b.entry[2].resource.name[0].family,
    'required',
    'Bundle.entry[2].resource.name',
  ],
  [
    'Patient.birthDate',
    (b) => (b.entry[2].resource.birthDate = '1988-04'),
    'required',
    'Bundle.entry[2].resource.birthDate',
  ],
  [
    'ServiceRequest.requester',
    (b) => (b.entry[1].resource.requester.reference = 'urn:uuid:7d3c1b2a-0f4e-4c5d-9a8b-1c2d3e4f5a06'),
    'required',
    'Bundle.entry[1].resource.requester',
  ],
  [
    'ServiceRequest.locationReference',
    (b) => (b.entry[5].resource.identifier[0].system = 'urn:other'),
    'required',
    'Bundle.entry[1].resource.locationReference',
  ],
  [
    'ServiceRequest.reasonCode',
    (b) => (b.entry[1].resource.reasonCode[1].coding[0].code = 'GAMBLING'),
    'value',
    'Bundle.entry[1].resource.reasonCode[1].coding[0].code',
  ],
  [
    'ServiceRequest.status revoked',
    (b) => (asUpdate(b), (b.entry[1].resource.status = 'active')),
    'not-supported',
    'Bundle.entry[1].resource.status',
  ],
  [
    'the referral to cancel',
    (b) => (asUpdate(b), delete b.entry[1].resource.id),
    'required',
    'Bundle.entry[1].resource.identifier',
  ],
];

describe('BARS_RULES', () => {
  it('has a case for every rule', () => {
    for (const rule of BARS_RULES)
      expect(
        CASES.some(([name]) => rule.requires.startsWith(name)),
        rule.requires,
      ).toBe(true);
  });

  it.each(CASES)('refuses a message without %s', (name, change, issue, expression) => {
    let error: unknown;
    try {
      readBarsMessage(example(change));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FhirError);
    const failure = error as FhirError;
    expect(failure.status).toBe(400);
    expect(failure.problems[0]).toMatchObject({ code: issue, expression: [expression] });
    expect(failure.problems[0]!.diagnostics).toContain(name);
  });
});

describe('reading the example of docs/FHIR.md', () => {
  const message = readBarsMessage(example());

  it('is a new referral from HCP-MRI with every field of the input', () => {
    expect(message).toMatchObject({
      kind: 'new',
      messageHeaderId: '5f0f2a4c-8c55-4d2b-a8c5-2f6e0f1f9b01',
      sender: { odsCode: 'HCP-MRI', path: 'Bundle.entry[4].resource.identifier[0].value' },
    });
    if (message.kind !== 'new') throw new Error('not new');
    expect(message.draft).toEqual({
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
        nhsNumber: '9434765919',
        prisonNumber: 'A4821KD',
        crn: null,
        pncId: null,
        homeOfficeReference: null,
        homeLocalAuthorityCode: 'E08000003',
      },
      custody: {
        establishmentCode: 'MRI',
        expectedReleaseDate: '2027-02-15',
        releasedOn: null,
        onTemporaryLicence: false,
      },
      identifiedNeeds: [
        {
          category: 'MENTAL_HEALTH',
          description: 'Depression, on sertraline; needs a community mental health team after release',
        },
        {
          category: 'SUBSTANCE_MISUSE',
          description: 'Opioid substitution therapy to continue in the community',
        },
      ],
      reasonForReferral:
        'Due for release in February; no GP in the community. Consents to RECONNECT contact.',
    });
  });

  it.each([
    ['input.person.nhsNumber', 'Bundle.entry[2].resource.identifier[0].value'],
    ['input.person.prisonNumber', 'Bundle.entry[2].resource.identifier[1].value'],
    ['input.person.dateOfBirth', 'Bundle.entry[2].resource.birthDate'],
    ['input.person.homeLocalAuthorityCode', 'Bundle.entry[2].resource.address[0].extension[0].valueCode'],
    ['input.custody.establishmentCode', 'Bundle.entry[5].resource.identifier[0].value'],
    ['input.custody.expectedReleaseDate', 'Bundle.entry[1].resource.extension[0].valueDate'],
    ['input.identifiedNeeds.1.description', 'Bundle.entry[1].resource.reasonCode[1].text'],
    ['input.referrer.email', 'Bundle.entry[3].resource.telecom[0].value'],
    // A field the mapping has no path of falls back to its parent's.
    ['input.person.crn', 'Bundle.entry[2].resource'],
  ])('names %s at %s', (field, path) => {
    if (message.kind !== 'new') throw new Error('not new');
    expect(fhirPathOf(message.paths, field)).toEqual([path]);
  });

  it('reads a cancellation by reference, with its note as the reason', () => {
    const cancellation = readBarsMessage(
      example((b) => {
        asUpdate(b);
        b.entry[1].resource.identifier = [
          { system: 'urn:reconnect-hub:id:referral-reference', value: 'RC-7K3M-9QX2' },
        ];
      }),
    );
    expect(cancellation).toMatchObject({
      kind: 'cancel',
      target: { reference: 'RC-7K3M-9QX2', path: 'Bundle.entry[1].resource.identifier[0].value' },
      reason: 'Due for release in February; no GP in the community. Consents to RECONNECT contact.',
    });
  });
});

describe('BARS_SENDERS', () => {
  it('reads CODE=SOURCE pairs, upper-casing the codes', () => {
    const config = loadConfig(barsFhirEnv, {
      BARS_SENDERS: 'hcp-mri=PRISON_HEALTHCARE, LD-NW = LIAISON_AND_DIVERSION,HCI-IRC-BH=IRC_HEALTHCARE',
    });
    expect(config.BARS_SENDERS).toEqual({
      'HCP-MRI': 'PRISON_HEALTHCARE',
      'LD-NW': 'LIAISON_AND_DIVERSION',
      'HCI-IRC-BH': 'IRC_HEALTHCARE',
    });
  });

  it('refuses a pair that is not CODE=SOURCE or names another source, and production without senders', () => {
    expect(() => loadConfig(barsFhirEnv, { BARS_SENDERS: 'HCP-MRI=PROBATION,oops' })).toThrow(ConfigError);
    try {
      loadConfig(barsFhirEnv, { BARS_SENDERS: 'HCP-MRI=PROBATION,oops' });
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2);
    }
    expect(() => loadConfig(barsFhirEnv, { NODE_ENV: 'production' })).toThrow(
      /GATEWAY_URL[\s\S]*BARS_SENDERS/,
    );
  });

  // contract/next/trust.md: BARS_SENDERS names organisations of kind PRISON_HEALTHCARE,
  // IRC_HEALTHCARE or LIAISON_AND_DIVERSION, each with the source its kind allows.
  it.each([
    [
      'an organisation the directory does not know',
      'Y01234=PRISON_HEALTHCARE',
      /not an organisation of the directory/,
    ],
    ['a probation region', 'PROB-NW=LIAISON_AND_DIVERSION', /PROBATION organisation/],
    ['the online form', 'RCF-ONLINE=PRISON_HEALTHCARE', /ONLINE_FORM organisation/],
    [
      'a prison healthcare team as liaison and diversion',
      'HCP-MRI=LIAISON_AND_DIVERSION',
      /PRISON_HEALTHCARE only/,
    ],
    ['an IRC healthcare team as prison healthcare', 'HCI-IRC-BH=PRISON_HEALTHCARE', /IRC_HEALTHCARE only/],
  ])('refuses %s (a configuration error naming the pair)', (_what, value, message) => {
    let problems: string[] = [];
    try {
      loadConfig(barsFhirEnv, { BARS_SENDERS: value });
    } catch (error) {
      problems = (error as ConfigError).problems;
    }
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^BARS_SENDERS: /);
    expect(problems[0]).toMatch(message);
  });

  it('adds the directory’s BaRS senders outside production only, configured ones winning', () => {
    expect(demoSenders().get('HCP-MRI')).toBe('PRISON_HEALTHCARE');
    expect(demoSenders().get('HCI-IRC-BH')).toBe('IRC_HEALTHCARE');
    expect(demoSenders().get('LD-NW')).toBe('LIAISON_AND_DIVERSION');
    expect(demoSenders().has('PROB-NW')).toBe(false);
    expect(demoSenders().has('RCF-ONLINE')).toBe(false);
    expect(
      [...demoSenders().values()].every((s) => s.endsWith('HEALTHCARE') || s === 'LIAISON_AND_DIVERSION'),
    ).toBe(true);
    expect([...sendersOf({ 'HCP-LEI': 'PRISON_HEALTHCARE' }, 'production')]).toEqual([
      ['HCP-LEI', 'PRISON_HEALTHCARE'],
    ]);
  });
});
