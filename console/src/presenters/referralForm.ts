/**
 * The "Make a referral" form as data: its question pages (GOV.UK one-thing-per-page, grouped as
 * the referral's parts), their fields and checks, the check-your-answers rows, the
 * `SubmitReferralInput` the answers make, and how the hub's refusals map back to the page and
 * answer to change. Pure functions: nothing here knows about HTTP or the session.
 */
import { IDENTIFIERS } from '../assets/identifiers.js';
import type { SubmitReferralInput } from '../generated/graphql.ts';
import { dateOf, validate, valuesOf, type Errors, type Field, type Option, type Values } from './forms.ts';
import { formatDate, label } from './format.ts';

/** The form's example prison number: in the right format, held by nobody in the demo data. */
export const EXAMPLE_PRISON_NUMBER = 'X1234YZ';

export const STEP_IDS = ['referrer', 'person', 'custody', 'needs', 'reason'] as const;
export type StepId = (typeof STEP_IDS)[number];

/** A referral being made: kept in the session from "Start now" until a new one is started. */
export interface ReferralDraft {
  /** The idempotency key, made when the form was started: every send of this draft uses it. */
  key: string;
  answers: Partial<Record<StepId, Values>>;
  submitted?: { id: string; reference: string; status: string; serviceName: string; replayed: boolean };
}

export interface Directory {
  establishments: { code: string; name: string; type: string }[];
  localAuthorities: { code: string; name: string }[];
  /** The organisation name to offer on the first page (staff: their service's). */
  organisationName: string | null;
  /**
   * A referrer's organisation in the directory of referring organisations (contract/next/trust.md):
   * the form names it instead of asking, and offers only the sources it may give. Null for staff,
   * who may record a referral received by phone or email from any source.
   */
  referringOrganisation: { name: string; allowedSources: readonly string[] } | null;
}

/** The sources the form offers: the organisation's, or every professional one for staff. */
export function sourcesOf(directory: Directory): readonly string[] {
  return directory.referringOrganisation?.allowedSources ?? PROFESSIONAL_SOURCES;
}

/** The source the form need not ask: the organisation gives only one. */
function impliedSource(directory: Directory): string | undefined {
  const sources = sourcesOf(directory);
  return sources.length === 1 ? sources[0] : undefined;
}

export interface Step {
  id: StepId;
  title: string;
  /** The heading of its section on the check-your-answers page. */
  section: string;
  fields: (directory: Directory) => Field[];
  /** Checks across fields, after each field's own. */
  check?: (values: Values, today: string) => Errors;
}

/** The referral sources a professional referrer uses (self and family referrals have their own form). */
export const PROFESSIONAL_SOURCES = [
  'PROBATION',
  'POLICE',
  'LIAISON_AND_DIVERSION',
  'HOME_OFFICE_ENFORCEMENT',
  'PRISON_HEALTHCARE',
  'IRC_HEALTHCARE',
] as const;

export const NEED_CATEGORIES = [
  'PHYSICAL_HEALTH',
  'MENTAL_HEALTH',
  'SUBSTANCE_MISUSE',
  'ALCOHOL',
  'LEARNING_DISABILITY',
  'NEURODIVERSITY',
  'BRAIN_INJURY',
  'SOCIAL_CARE',
  'OTHER',
] as const;

const opts = (values: readonly string[]): Option[] => values.map((v) => ({ value: v, text: label(v) }));

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[0-9 +()-]{7,20}$/;

function identifierField(name: keyof typeof IDENTIFIERS, text: string, hint: string): Field {
  return {
    kind: 'text',
    name,
    label: `${text} (optional)`,
    hint,
    identifier: name,
    width: 'govuk-input--width-20',
  };
}

export const STEPS: Step[] = [
  {
    id: 'referrer',
    title: 'Who is referring',
    section: 'Who is referring',
    fields: (directory) => [
      // A referrer's organisation decides the source when it allows one; the online form's asks
      // who is referring (the person themselves, or family or friends).
      ...(impliedSource(directory)
        ? []
        : [
            {
              kind: 'radios' as const,
              name: 'source',
              label: sourcesOf(directory).includes('SELF')
                ? 'Who is making this referral?'
                : 'Which service is making this referral?',
              options: opts(sourcesOf(directory)),
              required: sourcesOf(directory).includes('SELF')
                ? 'Select who is making this referral'
                : 'Select which service is making this referral',
            },
          ]),
      {
        kind: 'text',
        name: 'referrerName',
        label: 'Your full name',
        required: 'Enter your full name',
        maxLength: 100,
        autocompleteToken: 'name',
      },
      // The directory names a referrer's organisation: the form does not ask it.
      ...(directory.referringOrganisation
        ? []
        : [
            {
              kind: 'text' as const,
              name: 'organisationName',
              label: 'Your organisation',
              hint: 'For example, Probation Service North West or Greater Manchester Police custody suite',
              required: 'Enter your organisation',
              maxLength: 200,
              autocompleteToken: 'organization',
            },
          ]),
      {
        kind: 'text',
        name: 'email',
        label: 'Email address (optional)',
        hint: 'The RECONNECT service may contact you about this referral',
        maxLength: 200,
        autocompleteToken: 'email',
        inputType: 'email',
      },
      {
        kind: 'text',
        name: 'phone',
        label: 'Telephone number (optional)',
        maxLength: 20,
        autocompleteToken: 'tel',
        inputType: 'tel',
        width: 'govuk-input--width-20',
      },
    ],
    check: (values) => {
      const errors: Errors = {};
      if (values.email && !EMAIL.test(values.email))
        errors.email = 'Enter an email address in the correct format, like name@example.org';
      if (values.phone && !PHONE.test(values.phone))
        errors.phone = 'Enter a telephone number, like 01632 960 001 or +44 808 157 0192';
      return errors;
    },
  },
  {
    id: 'person',
    title: 'The person you are referring',
    section: 'The person',
    fields: (directory) => [
      {
        kind: 'text',
        name: 'givenName',
        label: 'First name',
        required: 'Enter the person’s first name',
        maxLength: 100,
      },
      {
        kind: 'text',
        name: 'familyName',
        label: 'Last name',
        required: 'Enter the person’s last name',
        maxLength: 100,
      },
      {
        kind: 'dateParts',
        name: 'dateOfBirth',
        label: 'Date of birth',
        hint: 'For example, 12 4 1988',
        required: 'Enter the person’s date of birth',
        notFuture: true,
      },
      identifierField('nhsNumber', 'NHS number', 'A 10 digit number, for example 943 476 5919'),
      // The example belongs to nobody (not to a demo person: a referrer copying it would name them).
      identifierField('prisonNumber', 'Prison number', `For example, ${EXAMPLE_PRISON_NUMBER}`),
      identifierField('crn', 'Probation case reference number (CRN)', 'For example, X123456'),
      identifierField('pncId', 'PNC ID', 'For example, 2012/0052834K'),
      identifierField('homeOfficeReference', 'Home Office reference', 'Up to 20 characters'),
      {
        kind: 'select',
        name: 'homeArea',
        label: 'Where will the person live after release? (optional)',
        hint: 'The local authority, if known: the RECONNECT service there will support the person after release',
        autocomplete: true,
        options: [
          { value: '', text: 'Not known' },
          ...directory.localAuthorities.map((a) => ({ value: a.code, text: a.name })),
        ],
      },
    ],
    check: (values) => {
      const errors: Errors = {};
      for (const [name, rule] of Object.entries(IDENTIFIERS)) {
        const value = values[name];
        if (value && !rule.check(value)) errors[name] = rule.message;
      }
      return errors;
    },
  },
  {
    id: 'custody',
    title: 'Custody',
    section: 'Custody',
    fields: (directory) => [
      {
        kind: 'select',
        name: 'establishment',
        label: 'Which prison or immigration removal centre is the person in, or were they released from?',
        hint: 'Start typing the name',
        autocomplete: true,
        required: 'Select the prison or immigration removal centre',
        options: [
          { value: '', text: '' },
          ...directory.establishments.map((e) => ({ value: e.code, text: e.name })),
        ],
      },
      {
        kind: 'radios',
        name: 'released',
        label: 'Has the person been released?',
        options: [
          { value: 'no', text: 'No, they are still in custody' },
          { value: 'yes', text: 'Yes, they have been released' },
        ],
        required: 'Select whether the person has been released',
      },
      {
        kind: 'dateParts',
        name: 'expectedReleaseDate',
        label: 'Expected release date',
        hint: 'If the person is still in custody. For example, 27 3 2027',
      },
      {
        kind: 'dateParts',
        name: 'releasedOn',
        label: 'Date of release',
        hint: 'If the person has been released. For example, 2 11 2026',
        notFuture: true,
      },
      {
        kind: 'radios',
        name: 'onTemporaryLicence',
        label: 'Is the person on release on temporary licence (ROTL)?',
        hint: 'ROTL is not a release: the expected release date is the final one',
        options: [
          { value: 'no', text: 'No' },
          { value: 'yes', text: 'Yes' },
        ],
        required: 'Select whether the person is on release on temporary licence',
      },
    ],
    check: (values, today) => {
      const errors: Errors = {};
      const entered = (name: string) => ['day', 'month', 'year'].some((p) => values[`${name}-${p}`]);
      if (values.released === 'no') {
        if (!entered('expectedReleaseDate')) errors.expectedReleaseDate = 'Enter the expected release date';
        else if ((dateOf(values, 'expectedReleaseDate') ?? '') < today)
          errors.expectedReleaseDate = 'Expected release date must be today or in the future';
        if (entered('releasedOn'))
          errors.releasedOn = 'Leave the date of release empty: the person is still in custody';
      }
      if (values.released === 'yes') {
        if (!entered('releasedOn')) errors.releasedOn = 'Enter the date of release';
        if (entered('expectedReleaseDate'))
          errors.expectedReleaseDate = 'Leave the expected release date empty: the person has been released';
        if (values.onTemporaryLicence === 'yes')
          errors.onTemporaryLicence = 'A person who has been released is not on temporary licence: select No';
      }
      return errors;
    },
  },
  {
    id: 'needs',
    title: 'Health needs',
    section: 'Health needs',
    fields: () => [
      {
        kind: 'text',
        name: 'needs',
        label: 'Which health needs does the person have?',
        required: 'Select at least one health need',
      },
      ...NEED_CATEGORIES.map((c): Field => ({
        kind: 'textarea',
        name: `need-${c}`,
        label: `Describe the ${label(c).toLowerCase()} need`,
        maxLength: 1000,
      })),
    ],
    check: (values) => {
      const errors: Errors = {};
      const chosen = (values.needs ?? '').split(',').filter(Boolean);
      if (chosen.some((c) => !(NEED_CATEGORIES as readonly string[]).includes(c)))
        errors.needs = 'Select at least one health need';
      for (const c of chosen) {
        const description = values[`need-${c}`] ?? '';
        if (!description) errors[`need-${c}`] = `Describe the ${label(c).toLowerCase()} need`;
        else if (description.length > 1000)
          errors[`need-${c}`] =
            `The description of the ${label(c).toLowerCase()} need must be 1000 characters or fewer`;
      }
      return errors;
    },
  },
  {
    id: 'reason',
    title: 'Reason for referral',
    section: 'Reason for referral',
    fields: () => [
      {
        kind: 'textarea',
        name: 'reasonForReferral',
        label: 'Why are you referring the person to RECONNECT?',
        hint: 'What support they need on release, and anything the service should know before contacting them',
        required: 'Enter why you are referring the person',
        maxLength: 2000,
      },
    ],
  },
];

export function stepOf(id: string): Step | undefined {
  return STEPS.find((s) => s.id === id);
}

/** The values a step's page sent; the health needs' checkboxes as one comma-separated value. */
export function answersOf(step: Step, directory: Directory, body: Record<string, unknown>): Values {
  const values = valuesOf(step.fields(directory), body);
  if (step.id === 'needs') {
    const raw = body.needs;
    const chosen = (Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : []).filter(
      (v): v is string => typeof v === 'string' && v !== '',
    );
    values.needs = chosen.join(',');
    // Descriptions of needs not chosen are not kept.
    for (const c of NEED_CATEGORIES) if (!chosen.includes(c)) values[`need-${c}`] = '';
  }
  return values;
}

/** Every check of a step: each field's own, then the step's across fields. */
export function checkStep(step: Step, directory: Directory, values: Values, today: string): Errors {
  const fields = step.fields(directory).filter((f) => !(step.id === 'needs' && f.name.startsWith('need-')));
  const errors = validate(fields, values, today);
  const more = step.check?.(values, today) ?? {};
  for (const [k, v] of Object.entries(more)) if (!errors[k]) errors[k] = v;
  return errors;
}

/** The first step not yet answered (or answered with something that no longer passes). */
export function firstIncomplete(draft: ReferralDraft, directory: Directory, today: string): StepId | null {
  for (const step of STEPS) {
    const values = draft.answers[step.id];
    if (!values || Object.keys(checkStep(step, directory, values, today)).length) return step.id;
  }
  return null;
}

const orNull = (value: string | undefined) => (value ? value : null);

/** The hub's input, from a complete draft. */
export function inputOf(draft: ReferralDraft, directory: Directory): SubmitReferralInput {
  const a = (id: StepId) => draft.answers[id] ?? {};
  const referrer = a('referrer');
  const person = a('person');
  const custody = a('custody');
  const needs = a('needs');
  const establishment = directory.establishments.find((e) => e.code === custody.establishment);
  const released = custody.released === 'yes';
  return {
    source: (impliedSource(directory) ?? referrer.source) as SubmitReferralInput['source'],
    referrer: {
      name: referrer.referrerName ?? '',
      organisationName: directory.referringOrganisation
        ? directory.referringOrganisation.name
        : orNull(referrer.organisationName),
      email: orNull(referrer.email),
      phone: orNull(referrer.phone),
    },
    person: {
      givenName: person.givenName ?? '',
      familyName: person.familyName ?? '',
      dateOfBirth: dateOf(person, 'dateOfBirth') ?? '',
      nhsNumber: orNull(person.nhsNumber),
      prisonNumber: orNull(person.prisonNumber),
      crn: orNull(person.crn),
      pncId: orNull(person.pncId),
      homeOfficeReference: orNull(person.homeOfficeReference),
      homeLocalAuthorityCode: orNull(person.homeArea),
    },
    custody: {
      // The establishment says whether it is a prison or an IRC: the form does not ask again.
      type: (establishment?.type ?? 'PRISON') as SubmitReferralInput['custody']['type'],
      establishmentCode: custody.establishment ?? '',
      expectedReleaseDate: released ? null : dateOf(custody, 'expectedReleaseDate'),
      releasedOn: released ? dateOf(custody, 'releasedOn') : null,
      onTemporaryLicence: !released && custody.onTemporaryLicence === 'yes',
    },
    identifiedNeeds: (needs.needs ?? '')
      .split(',')
      .filter(Boolean)
      .map((c) => ({
        category: c as SubmitReferralInput['identifiedNeeds'][number]['category'],
        description: needs[`need-${c}`] ?? '',
      })),
    reasonForReferral: orNull(a('reason').reasonForReferral),
  };
}

export interface AnswerRow {
  key: { text: string };
  value: { text?: string; html?: string };
  actions: { items: { href: string; text: string; visuallyHiddenText: string }[] };
}

/** The check-your-answers page: one summary list per step, each row with its change link. */
export function checkAnswersOf(
  draft: ReferralDraft,
  directory: Directory,
): { title: string; rows: AnswerRow[] }[] {
  const input = inputOf(draft, directory);
  const row = (step: StepId, key: string, text: string, field: string, changeable = true): AnswerRow => ({
    key: { text: key },
    value: { text: text || 'Not given' },
    actions: {
      items: changeable
        ? [
            {
              href: `/make-a-referral/${step}?change=yes#${field}`,
              text: 'Change',
              visuallyHiddenText: key.toLowerCase(),
            },
          ]
        : [],
    },
  });
  // What the directory decides (a referrer's organisation, a source it alone allows) has no change link.
  const fromDirectory = directory.referringOrganisation !== null;
  const establishment = directory.establishments.find((e) => e.code === input.custody.establishmentCode);
  const homeArea = directory.localAuthorities.find((l) => l.code === input.person.homeLocalAuthorityCode);
  const p = input.person;
  const c = input.custody;
  return [
    {
      title: 'Who is referring',
      rows: [
        row('referrer', 'Referring service', label(input.source), 'source', !impliedSource(directory)),
        row('referrer', 'Your name', input.referrer.name, 'referrerName'),
        row(
          'referrer',
          'Organisation',
          input.referrer.organisationName ?? '',
          'organisationName',
          !fromDirectory,
        ),
        row('referrer', 'Email address', input.referrer.email ?? '', 'email'),
        row('referrer', 'Telephone number', input.referrer.phone ?? '', 'phone'),
      ],
    },
    {
      title: 'The person',
      rows: [
        row('person', 'Name', `${p.givenName} ${p.familyName}`, 'givenName'),
        row('person', 'Date of birth', formatDate(p.dateOfBirth), 'dateOfBirth-day'),
        row('person', 'NHS number', p.nhsNumber ?? '', 'nhsNumber'),
        row('person', 'Prison number', p.prisonNumber?.toUpperCase() ?? '', 'prisonNumber'),
        row('person', 'CRN', p.crn?.toUpperCase() ?? '', 'crn'),
        row('person', 'PNC ID', p.pncId ?? '', 'pncId'),
        row('person', 'Home Office reference', p.homeOfficeReference ?? '', 'homeOfficeReference'),
        row('person', 'Home area after release', homeArea?.name ?? '', 'homeArea'),
      ],
    },
    {
      title: 'Custody',
      rows: [
        row(
          'custody',
          'Prison or IRC',
          establishment ? `${establishment.name} (${label(establishment.type)})` : '',
          'establishment',
        ),
        c.releasedOn
          ? row('custody', 'Released on', formatDate(c.releasedOn), 'releasedOn-day')
          : row(
              'custody',
              'Expected release date',
              formatDate(c.expectedReleaseDate),
              'expectedReleaseDate-day',
            ),
        row(
          'custody',
          'On temporary licence (ROTL)',
          c.onTemporaryLicence ? 'Yes' : 'No',
          'onTemporaryLicence',
        ),
      ],
    },
    {
      title: 'Health needs',
      rows: input.identifiedNeeds.map((n) =>
        row('needs', label(n.category), n.description, `need-${n.category}`),
      ),
    },
    {
      title: 'Reason for referral',
      rows: [row('reason', 'Reason', input.reasonForReferral ?? '', 'reasonForReferral')],
    },
  ];
}

/** Where a refusal of the hub is put right: the page, the answer and the words. */
export interface Refusal {
  step: StepId;
  field: string;
  message: string;
}

/**
 * INELIGIBLE, by its reason: the rule in plain words (DOMAIN.md, "Eligibility at submission"), on
 * the page where the answer that broke it can be changed.
 */
export function ineligibleRefusal(reason: string | undefined, draft: ReferralDraft): Refusal {
  const released = draft.answers.custody?.released === 'yes';
  switch (reason) {
    case 'UNDER_18':
      return {
        step: 'person',
        field: 'dateOfBirth',
        message:
          'RECONNECT supports adults only: the person must be 18 or over on the day they are released. Check the date of birth.',
      };
    case 'NO_IDENTIFIED_HEALTH_NEED':
      return {
        step: 'needs',
        field: 'needs',
        message: 'RECONNECT is for people with a health need: select at least one health need.',
      };
    case 'OUTSIDE_REFERRAL_WINDOW':
      return released
        ? {
            step: 'custody',
            field: 'releasedOn',
            message:
              'After release, only probation, police, liaison and diversion and Home Office enforcement may refer, and only up to 28 days after the date of release. Check the date of release and the referring service.',
          }
        : {
            step: 'custody',
            field: 'expectedReleaseDate',
            message:
              'A referral for a person in custody needs an expected release date that is not in the past. Check the expected release date.',
          };
    default:
      return {
        step: 'reason',
        field: 'reasonForReferral',
        message: 'The hub could not accept this referral under its rules. Check your answers.',
      };
  }
}

/** BAD_USER_INPUT's `extensions.field` (the input path) → the page and answer it came from. */
const HUB_FIELDS: Record<string, [StepId, string, string]> = {
  'input.source': ['referrer', 'source', 'Select which service is making this referral'],
  'input.referrer.name': ['referrer', 'referrerName', 'Enter your full name'],
  'input.referrer.organisationName': ['referrer', 'organisationName', 'Enter your organisation'],
  'input.referrer.email': ['referrer', 'email', 'Enter an email address in the correct format'],
  'input.referrer.phone': ['referrer', 'phone', 'Enter a telephone number'],
  'input.person.givenName': ['person', 'givenName', 'Enter the person’s first name'],
  'input.person.familyName': ['person', 'familyName', 'Enter the person’s last name'],
  'input.person.dateOfBirth': ['person', 'dateOfBirth', 'Enter a real date of birth in the past'],
  'input.person.nhsNumber': ['person', 'nhsNumber', IDENTIFIERS.nhsNumber.message],
  'input.person.prisonNumber': ['person', 'prisonNumber', IDENTIFIERS.prisonNumber.message],
  'input.person.crn': ['person', 'crn', IDENTIFIERS.crn.message],
  'input.person.pncId': ['person', 'pncId', IDENTIFIERS.pncId.message],
  'input.person.homeOfficeReference': [
    'person',
    'homeOfficeReference',
    IDENTIFIERS.homeOfficeReference.message,
  ],
  'input.person.homeLocalAuthorityCode': [
    'person',
    'homeArea',
    'Select where the person will live, or Not known',
  ],
  'input.custody.establishmentCode': ['custody', 'establishment', 'Select a prison or IRC in England'],
  'input.custody.type': ['custody', 'establishment', 'Select a prison or IRC in England'],
  'input.custody.expectedReleaseDate': [
    'custody',
    'expectedReleaseDate',
    'Enter an expected release date that is today or in the future',
  ],
  'input.custody.releasedOn': ['custody', 'releasedOn', 'Enter a date of release in the past 28 days'],
  'input.reasonForReferral': ['reason', 'reasonForReferral', 'Enter why you are referring the person'],
};

export function badInputRefusal(field: string | undefined): Refusal | undefined {
  if (!field) return undefined;
  const exact = HUB_FIELDS[field];
  if (exact) return { step: exact[0], field: exact[1], message: exact[2] };
  if (field.startsWith('input.identifiedNeeds'))
    return { step: 'needs', field: 'needs', message: 'Check the health needs: the hub did not accept them' };
  return undefined;
}
