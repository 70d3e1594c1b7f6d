/**
 * The probe mapping of the permission matrix: for every row of AUTH.md's field matrix, the GraphQL
 * operations and fields it covers (`ROWS`), and how each read probe's outcome follows from the
 * row's cells. The write probes are built in permission-matrix-operations.ts.
 *
 * A read probe names the rows along its path, root first (`steps`): `referral(id) { person {
 * nhsNumber } }` is the referral's status row at the root (with the relationship to the referral),
 * the status row again for `person` (the referral's link to its person, read with the status fields),
 * then the identifiers row for `nhsNumber`. The first step the caller's cell does not allow is where
 * FORBIDDEN must land; a root the caller has no relationship with must be null without an error.
 * Paths that cross subgraphs are resolved by the gateway through `_entities` on the owning subgraph.
 */
import { BINDING_ADDITIONS } from '@reconnect/hub/testing';
import {
  grantOf,
  needsRelationship,
  type Caller,
  type Expected,
  type Fixture,
  type Grant,
  type Loose,
  type ReadProbe,
  type RecordKey,
  type WriteProbe,
} from './permission-matrix-harness.ts';
import {
  CUSTODY_CHANGES,
  agreementProbe,
  caseWriteProbes,
  clinicalProbes,
  appointmentOutcomeProbe,
  CASEWORK_WRITES,
  custodyEventProbe,
  handoverProbes,
  identityConflictProbe,
  lifecycleProbes,
  saveReferringOrganisationProbe,
  submitProbe,
  webhookProbes,
} from './permission-matrix-operations.ts';

/** The rows of AUTH.md's field matrix, by their exact "data" label. */
export const ROW = {
  directory: 'directory: services, establishments, local authorities',
  staffLists: 'staff lists',
  referralStatus:
    'Referral: id, reference, status, version, source, submittedAt, custody, owningService, receivingService, availableActions (answered for the caller: a referrer sees WITHDRAW while its referral is SUBMITTED, a partner sees none)',
  referralSubmission: 'Referral: referrer, reasonForReferral, identifiedNeeds, decline, duplicateOf',
  referralCase:
    'Referral: consent, contacts, engagements, history, handovers, namedWorker, peerSupportWorker, supportWindow, preReleaseContacts, discharge, enhancedCase',
  personId: 'Person: id',
  personName: 'Person: givenName, familyName, dateOfBirth',
  personIdentifiers: 'Person: nhsNumber, prisonNumber, crn, pncId, homeOfficeReference, homeArea',
  healthNeeds: 'Person: healthNeeds',
  risk: 'Person: riskOfSeriousHarm, riskAssessments',
  personReferrals: 'Person: referrals',
  accessLog: 'Person: accessLog',
  enhancedCase: 'EnhancedCase and its updates',
  partners: 'partner organisations and agreements',
  metrics: 'serviceMetrics',
  webhooks: 'webhooks, registerWebhook, removeWebhook, replayParkedDeliveries',
  submit: 'submitReferral',
  transitions: 'referral transitions, contacts, engagements, handovers',
  // next/custody-events.md, read beside AUTH.md.
  custodyChanges: 'recordTransfer, recordTemporaryLicence',
  custodyEvents: 'applyCustodyEvent',
  // next/governance.md.
  personConflicts:
    'Person: identityConflicts (id, status, detectedAt, identifierType, referral; of otherPerson only id)',
  mergedInto: 'Person: mergedInto',
  conflictQueue:
    "identityConflicts query; in it, both records' givenName, familyName, dateOfBirth and identifiers",
  resolveConflict: 'resolveIdentityConflict',
  subjectAccessReport: 'subjectAccessReport',
  // next/casework.md.
  search: 'ReferralFilter.search',
  dueWork: 'dueWork',
  caseworkRead: 'Referral: notes, appointments',
  caseworkWrites: 'addCaseNote, bookAppointment',
  appointmentOutcome: 'recordAppointmentOutcome',
  // next/trust.md (joins ROWS once it is binding: see TRUST_ROWS).
  auditCorrelation: 'AuditEvent: correlationId',
  metricsControl: 'ServiceMetrics: disclosureControlled, smallNumbers',
  conflictKind: 'IdentityConflict: kind, contestedIdentifiers',
  referringOrganisations: 'referringOrganisations, referringOrganisation',
  saveReferringOrganisation: 'saveReferringOrganisation',
  referralReferringOrganisation: 'Referral: referringOrganisation',
} as const;

/**
 * Root fields any valid token may ask, whatever its roles: `me` describes only the caller's own
 * token (subject, roles, organisation), which the caller already holds; it reveals no record.
 */
export const OPEN_FIELDS: Record<string, string> = {
  me: "the caller's own token, parsed: nothing another party owns",
};

// ---------------------------------------------------------------------------------------------
// Reads

interface Step {
  row: string;
  /** The field, or `parent.field`, matched against a cell that allows "X and Y only". */
  name: string;
  /**
   * For a step whose object belongs to a service or organisation (a staff list, a partner): is it
   * the caller's own? Asked when the cell says "own ..." or, with `qualified`, when the caller's
   * column is qualified "(own)" (staff lists: the caller's own service).
   */
  own?: (caller: Caller) => boolean;
  qualified?: boolean;
}

type Check = (caller: Caller, fx: Fixture, last: Grant) => ((value: unknown) => string | null) | undefined;

const UNAUTHENTICATED: Expected = { kind: 'unauthenticated' };

/**
 * The outcome along a path: the first step the caller's cell does not allow is FORBIDDEN; a root
 * that is a `record` the caller's organisation has no grant on is hidden (for columns qualified
 * "(own)"); `null` entries stand for list indexes.
 */
function along(record: RecordKey | null, steps: (Step | null)[], check?: Check) {
  return (caller: Caller, fx: Fixture): Expected => {
    if (!caller.token) return UNAUTHENTICATED;
    let last: Grant | undefined;
    for (const [depth, step] of steps.entries()) {
      if (!step) continue;
      const g = grantOf(step.row, caller);
      const ownApplies = g.own || (step.qualified === true && needsRelationship(caller));
      const allowed =
        g.read &&
        (!g.only || g.only.includes(step.name)) &&
        (!g.scope || (fx.scopes[caller.org ?? ''] ?? []).includes(g.scope)) &&
        (!step.own || !ownApplies || step.own(caller));
      if (!allowed) return { kind: 'forbidden', depth };
      if (depth === 0 && record && needsRelationship(caller) && !fx.orgs[record].includes(caller.org ?? '')) {
        return { kind: 'hidden' };
      }
      last = g;
    }
    return { kind: 'read', check: check?.(caller, fx, last!) };
  };
}

const ids = (value: unknown): string[] =>
  ((value as { id?: string; code?: string }[] | null) ?? []).map((v) => v.id ?? v.code ?? '?').sort();
const sameSet = (want: string[]) => (value: unknown) =>
  JSON.stringify(ids(value)) === JSON.stringify([...want].sort())
    ? null
    : `expected exactly ${JSON.stringify([...want].sort())}, got ${JSON.stringify(ids(value))}`;
const containsIf = (wanted: boolean, id: string) => (value: unknown) =>
  ids(value).includes(id) === wanted
    ? null
    : `expected the list ${wanted ? 'to hold' : 'to leave out'} ${id}`;

const step = (row: string, name: string, extra: Partial<Step> = {}): Step => ({ row, name, ...extra });

/** A field of the fixture's referral, asked at the root and through the enhanced case (`_entities`). */
function referralProbes(
  row: string,
  field: string,
  selection: string,
  extra: Partial<ReadProbe> = {},
  check?: Check,
) {
  return [
    {
      name: `referral.${field}`,
      field,
      select: (fx: Fixture) => `referral(id: "${fx.referral}") { ${selection} }`,
      path: ['referral', field],
      expect: along('referral', [step(ROW.referralStatus, 'referral'), step(row, field)], check),
      ...extra,
    },
    {
      name: `enhancedCase.referral.${field}`,
      select: (fx: Fixture) => `enhancedCase(id: "${fx.enhancedCase}") { referral { ${selection} } }`,
      path: ['enhancedCase', 'referral', field],
      expect: along(
        'case',
        [step(ROW.enhancedCase, 'enhancedCase'), step(ROW.enhancedCase, 'referral'), step(row, field)],
        check,
      ),
      ...extra,
    },
  ] satisfies ReadProbe[];
}

/** A field of the fixture's person: `person(id)`, and through `referral` and `enhancedCase.referral` (`_entities`). */
function personProbes(row: string, field: string, selection: string, check?: Check): ReadProbe[] {
  const person = step(ROW.referralStatus, 'person');
  return [
    {
      name: `person.${field}`,
      field,
      select: (fx) => `person(id: "${fx.person}") { ${selection} }`,
      path: ['person', field],
      expect: along('person', [step(ROW.personId, 'person'), step(row, field)], check),
    },
    {
      name: `referral.person.${field}`,
      select: (fx) => `referral(id: "${fx.referral}") { person { ${selection} } }`,
      path: ['referral', 'person', field],
      expect: along('referral', [step(ROW.referralStatus, 'referral'), person, step(row, field)], check),
    },
    {
      name: `enhancedCase.referral.person.${field}`,
      select: (fx) => `enhancedCase(id: "${fx.enhancedCase}") { referral { person { ${selection} } } }`,
      path: ['enhancedCase', 'referral', 'person', field],
      expect: along(
        'case',
        [
          step(ROW.enhancedCase, 'enhancedCase'),
          step(ROW.enhancedCase, 'referral'),
          person,
          step(row, field),
        ],
        check,
      ),
    },
  ];
}

/** A field of the fixture's enhanced case, at the root and through `referral.enhancedCase` (`_entities`). */
function caseProbes(field: string, selection: string, extra: Partial<ReadProbe> = {}): ReadProbe[] {
  return [
    {
      name: `enhancedCase.${field}`,
      field,
      select: (fx) => `enhancedCase(id: "${fx.enhancedCase}") { ${selection} }`,
      path: ['enhancedCase', field],
      expect: along('case', [step(ROW.enhancedCase, 'enhancedCase'), step(ROW.enhancedCase, field)]),
      ...extra,
    },
    {
      name: `referral.enhancedCase.${field}`,
      select: (fx) => `referral(id: "${fx.referral}") { enhancedCase { ${selection} } }`,
      path: ['referral', 'enhancedCase', field],
      expect: along('referral', [
        step(ROW.referralStatus, 'referral'),
        step(ROW.referralCase, 'enhancedCase'),
        step(ROW.enhancedCase, field),
      ]),
      ...extra,
    },
  ];
}

/** A root field that reads no record (the directory, lists scoped by the caller's organisation). */
function rootProbe(
  row: string,
  root: string,
  selection: string,
  check?: Check,
  extra: Partial<ReadProbe> = {},
) {
  const name = root.replace(/\(.*$/, '');
  return {
    name: root,
    select: () => `${root} ${selection}`,
    path: [name],
    expect: along(null, [step(row, name)], check),
    ...extra,
  } satisfies ReadProbe;
}

const NW = 'RC-NW';
/**
 * The fixture's named and peer support workers are RC-NW's. Staff read a worker's name wherever
 * the relationship holds (AUTH.md's "(own)"): RC-MID, the receiving service of the handover, reads
 * the names of the people it takes the case over from; a partner reads the name through its case.
 * Other services never reach the worker: the referral is not revealed to them.
 */
const ownNamedWorker = (c: Caller) => c.column === 'ER_PARTNER' || c.column === 'STAFF/LEAD';
const staffStep = (name: string) => step(ROW.staffLists, name, { own: ownNamedWorker, qualified: true });

/** `availableActions` of the PRE_RELEASE referral: staff have actions, a referrer none (not SUBMITTED), a partner none. */
const actionsOfOpen: Check = (caller) => (value) => {
  const actions = value as string[];
  if (caller.column === 'STAFF/LEAD') return actions.length > 0 ? null : 'expected staff to have actions';
  return actions.length === 0 ? null : `expected no action, got ${JSON.stringify(actions)}`;
};
/** Of the SUBMITTED referral (no consent yet): its referrer sees WITHDRAW and nothing else; staff more. */
const actionsOfSubmitted: Check = (caller) => (value) => {
  const actions = value as string[];
  if (caller.column === 'REFERRER')
    return JSON.stringify(actions) === '["WITHDRAW"]'
      ? null
      : `expected ["WITHDRAW"], got ${JSON.stringify(actions)}`;
  return actions.includes('WITHDRAW') && actions.includes('RECORD_CONSENT')
    ? null
    : `expected WITHDRAW and RECORD_CONSENT among ${JSON.stringify(actions)}`;
};

const visibleReferrals: Check = (caller, fx, last) =>
  last.filtered ? sameSet(fx.visible[caller.org ?? ''] ?? []) : undefined;

const METRICS_PERIOD = 'from: "2026-01-01", to: "2026-11-25"';
function metricsProbe(code: string | null): ReadProbe {
  return {
    name: code ? `serviceMetrics(serviceCode: "${code}")` : 'serviceMetrics (no service named)',
    select: () =>
      `serviceMetrics(${code ? `serviceCode: "${code}", ` : ''}${METRICS_PERIOD}) { serviceCode referralsReceived }`,
    path: ['serviceMetrics'],
    // "own service": a service's figures for the caller's own service only; "every service": any.
    expect: along(
      null,
      [step(ROW.metrics, 'serviceMetrics', { own: (c) => !code || code === c.org })],
      (caller, _fx, g) => {
        const scope = g.own ? caller.org : code;
        return (value) =>
          (value as Loose).serviceCode === scope
            ? null
            : `expected figures for ${scope}, got ${JSON.stringify(value)}`;
      },
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// The mapping

export interface RowMapping {
  reads: ReadProbe[];
  writes: WriteProbe[];
  /** Why a cell saying "write" has no write probe (the API has no such operation). */
  noWrites?: string;
}

const NO_DIRECTORY_MUTATIONS =
  'The public API has no directory or staff mutations: the directory is maintained from the reference data (scripts/seed.ts), so "write" has no operation to probe.';

const clinical = clinicalProbes(ROW.healthNeeds, ROW.risk);

const BOUND_ROWS: Record<string, RowMapping> = {
  [ROW.directory]: {
    reads: [
      rootProbe(ROW.directory, 'reconnectServices', '{ code name region enhancedReconnect }'),
      rootProbe(
        ROW.directory,
        'reconnectService(code: "RC-NW")',
        '{ code name establishments { code } localAuthorities { code } }',
      ),
      rootProbe(ROW.directory, 'establishments(type: IRC)', '{ code name type region }'),
      rootProbe(ROW.directory, 'establishment(code: "MRI")', '{ code name localService { code name } }'),
      rootProbe(
        ROW.directory,
        'localAuthorities(region: NORTH_WEST)',
        '{ code name receivingService { code } }',
      ),
      // Across subgraphs: the referral's custody and owning service, the person's home area
      // (regional-service `_entities`).
      {
        name: 'referral.custody.establishment.name',
        select: (fx) => `referral(id: "${fx.referral}") { custody { establishment { name } } }`,
        path: ['referral', 'custody', 'establishment', 'name'],
        expect: along('referral', [
          step(ROW.referralStatus, 'referral'),
          step(ROW.referralStatus, 'custody'),
          null,
          step(ROW.directory, 'name'),
        ]),
      },
      {
        name: 'referral.owningService.name',
        select: (fx) => `referral(id: "${fx.referral}") { owningService { name region } }`,
        path: ['referral', 'owningService', 'name'],
        expect: along('referral', [
          step(ROW.referralStatus, 'referral'),
          step(ROW.referralStatus, 'owningService'),
          step(ROW.directory, 'name'),
        ]),
      },
      {
        name: 'person.homeArea.name',
        select: (fx) => `person(id: "${fx.person}") { homeArea { name receivingService { code } } }`,
        path: ['person', 'homeArea', 'name'],
        expect: along('person', [
          step(ROW.personId, 'person'),
          step(ROW.personIdentifiers, 'homeArea'),
          step(ROW.directory, 'name'),
        ]),
      },
    ],
    writes: [],
    noWrites: NO_DIRECTORY_MUTATIONS,
  },
  [ROW.staffLists]: {
    reads: [
      {
        name: 'reconnectService(RC-NW).staff',
        select: () => `reconnectService(code: "RC-NW") { staff { name role active service { code } } }`,
        path: ['reconnectService', 'staff'],
        expect: along(null, [
          step(ROW.directory, 'reconnectService'),
          step(ROW.staffLists, 'staff', { own: (c) => c.org === NW, qualified: true }),
        ]),
      },
      {
        name: 'reconnectService(RC-SW).staff',
        select: () => `reconnectService(code: "RC-SW") { staff { name } }`,
        path: ['reconnectService', 'staff'],
        expect: along(null, [
          step(ROW.directory, 'reconnectService'),
          step(ROW.staffLists, 'staff', { own: (c) => c.org === 'RC-SW', qualified: true }),
        ]),
      },
      {
        name: 'referral.namedWorker.name',
        select: (fx) => `referral(id: "${fx.referral}") { namedWorker { name } }`,
        path: ['referral', 'namedWorker', 'name'],
        expect: along('referral', [
          step(ROW.referralStatus, 'referral'),
          step(ROW.referralCase, 'namedWorker'),
          staffStep('namedWorker.name'),
        ]),
      },
      {
        name: 'referral.namedWorker.role',
        select: (fx) => `referral(id: "${fx.referral}") { namedWorker { role } }`,
        path: ['referral', 'namedWorker', 'role'],
        expect: along('referral', [
          step(ROW.referralStatus, 'referral'),
          step(ROW.referralCase, 'namedWorker'),
          staffStep('namedWorker.role'),
        ]),
      },
      {
        name: 'enhancedCase.referral.namedWorker.name',
        select: (fx) => `enhancedCase(id: "${fx.enhancedCase}") { referral { namedWorker { name } } }`,
        path: ['enhancedCase', 'referral', 'namedWorker', 'name'],
        expect: along('case', [
          step(ROW.enhancedCase, 'enhancedCase'),
          step(ROW.enhancedCase, 'referral'),
          step(ROW.referralCase, 'namedWorker'),
          staffStep('namedWorker.name'),
        ]),
      },
      {
        name: 'referral.peerSupportWorker.name',
        select: (fx) => `referral(id: "${fx.referral}") { peerSupportWorker { name } }`,
        path: ['referral', 'peerSupportWorker', 'name'],
        expect: along('referral', [
          step(ROW.referralStatus, 'referral'),
          step(ROW.referralCase, 'peerSupportWorker'),
          staffStep('peerSupportWorker.name'),
        ]),
      },
    ],
    writes: [],
    noWrites: NO_DIRECTORY_MUTATIONS,
  },
  [ROW.referralStatus]: {
    reads: [
      ...referralProbes(ROW.referralStatus, 'id', 'id'),
      ...referralProbes(ROW.referralStatus, 'reference', 'reference'),
      ...referralProbes(ROW.referralStatus, 'status', 'status'),
      ...referralProbes(ROW.referralStatus, 'version', 'version'),
      ...referralProbes(ROW.referralStatus, 'source', 'source'),
      ...referralProbes(ROW.referralStatus, 'submittedAt', 'submittedAt'),
      ...referralProbes(
        ROW.referralStatus,
        'custody',
        'custody { type expectedReleaseDate establishment { code } }',
      ),
      ...referralProbes(ROW.referralStatus, 'owningService', 'owningService { code }'),
      ...referralProbes(ROW.referralStatus, 'receivingService', 'receivingService { code }'),
      {
        name: 'referral.availableActions (PRE_RELEASE)',
        field: 'availableActions',
        select: (fx) => `referral(id: "${fx.referral}") { availableActions }`,
        path: ['referral', 'availableActions'],
        expect: along(
          'referral',
          [step(ROW.referralStatus, 'referral'), step(ROW.referralStatus, 'availableActions')],
          actionsOfOpen,
        ),
        mayBeEmpty: true,
      },
      {
        name: 'referral.availableActions (SUBMITTED)',
        select: (fx) => `referral(id: "${fx.submitted}") { availableActions }`,
        path: ['referral', 'availableActions'],
        expect: along(
          'submitted',
          [step(ROW.referralStatus, 'referral'), step(ROW.referralStatus, 'availableActions')],
          actionsOfSubmitted,
        ),
      },
      {
        name: 'referralByReference.status',
        select: (fx) => `referralByReference(reference: "${fx.reference}") { status reference }`,
        path: ['referralByReference', 'status'],
        expect: along('referral', [
          step(ROW.referralStatus, 'referralByReference'),
          step(ROW.referralStatus, 'status'),
        ]),
      },
      {
        // The caseload: services and referrers list their referrals, leaving out the others'.
        // Interpretation: a partner reads the status fields of its case's referral, but lists
        // nothing here (it finds that referral through enhancedCases): the hub refuses the list.
        name: 'referrals.nodes',
        select: () => `referrals(first: 50) { nodes { id status } totalCount }`,
        path: ['referrals', 'nodes'],
        mayBeEmpty: true,
        expect: (caller, fx) =>
          caller.token && caller.column === 'ER_PARTNER'
            ? { kind: 'forbidden', depth: 0 }
            : along(null, [step(ROW.referralStatus, 'referrals')], (c) =>
                containsIf(fx.orgs.referral.includes(c.org ?? ''), fx.referral),
              )(caller, fx),
      },
    ],
    writes: [],
  },
  [ROW.referralSubmission]: {
    reads: [
      ...referralProbes(ROW.referralSubmission, 'referrer', 'referrer { organisationCode name email }'),
      ...referralProbes(ROW.referralSubmission, 'reasonForReferral', 'reasonForReferral'),
      ...referralProbes(ROW.referralSubmission, 'identifiedNeeds', 'identifiedNeeds'),
      ...referralProbes(ROW.referralSubmission, 'decline', 'decline { reason note at }'),
      // The duplicate is a referral of its own: null for a caller it is not opened to (RC-MID).
      ...referralProbes(
        ROW.referralSubmission,
        'duplicateOf',
        'duplicateOf { id status }',
        { mayBeNull: true },
        (c, fx) => (value) =>
          (value != null) === fx.orgs.duplicate.includes(c.org ?? '')
            ? null
            : `expected the duplicate ${fx.orgs.duplicate.includes(c.org ?? '') ? 'shown' : 'hidden (null)'}, got ${JSON.stringify(value)}`,
      ),
      {
        name: 'referralByReference.referrer',
        select: (fx) => `referralByReference(reference: "${fx.reference}") { referrer { name } }`,
        path: ['referralByReference', 'referrer'],
        expect: along('referral', [
          step(ROW.referralStatus, 'referralByReference'),
          step(ROW.referralSubmission, 'referrer'),
        ]),
      },
    ],
    writes: [],
  },
  [ROW.referralCase]: {
    reads: [
      ...referralProbes(ROW.referralCase, 'consent', 'consent { decision method }'),
      ...referralProbes(ROW.referralCase, 'contacts', 'contacts { id mode preRelease }'),
      ...referralProbes(ROW.referralCase, 'engagements', 'engagements { id outcome }'),
      ...referralProbes(ROW.referralCase, 'history', 'history { type actor }'),
      ...referralProbes(
        ROW.referralCase,
        'handovers',
        'handovers { id status fromService { code } toService { code } }',
      ),
      // The worker's key only: their names are the staff lists row's.
      ...referralProbes(ROW.referralCase, 'namedWorker', 'namedWorker { id }'),
      ...referralProbes(ROW.referralCase, 'peerSupportWorker', 'peerSupportWorker { id }'),
      ...referralProbes(ROW.referralCase, 'supportWindow', 'supportWindow { startsOn dischargeOverdue }'),
      ...referralProbes(ROW.referralCase, 'preReleaseContacts', 'preReleaseContacts { count met }'),
      ...referralProbes(ROW.referralCase, 'discharge', 'discharge { reason at }'),
      ...referralProbes(ROW.referralCase, 'enhancedCase', 'enhancedCase { id status }'),
      {
        name: 'referralByReference.consent',
        select: (fx) => `referralByReference(reference: "${fx.reference}") { consent { decision } }`,
        path: ['referralByReference', 'consent'],
        expect: along('referral', [
          step(ROW.referralStatus, 'referralByReference'),
          step(ROW.referralCase, 'consent'),
        ]),
      },
      {
        // Handovers to or from the caller's own service; the fixture's goes from RC-NW to RC-MID.
        name: 'handovers(OUTGOING)',
        select: () => `handovers(direction: OUTGOING) { nodes { id status } totalCount }`,
        path: ['handovers', 'nodes'],
        mayBeEmpty: true,
        expect: along(null, [step(ROW.referralCase, 'handovers')], (c, fx) =>
          containsIf(c.org === NW, fx.handover),
        ),
      },
    ],
    writes: [],
  },
  [ROW.personId]: { reads: personProbes(ROW.personId, 'id', 'id'), writes: [] },
  [ROW.personName]: {
    reads: [
      ...personProbes(ROW.personName, 'givenName', 'givenName'),
      ...personProbes(ROW.personName, 'familyName', 'familyName'),
      ...personProbes(ROW.personName, 'dateOfBirth', 'dateOfBirth'),
    ],
    writes: [],
  },
  [ROW.personIdentifiers]: {
    reads: [
      ...personProbes(ROW.personIdentifiers, 'nhsNumber', 'nhsNumber'),
      ...personProbes(ROW.personIdentifiers, 'prisonNumber', 'prisonNumber'),
      ...personProbes(ROW.personIdentifiers, 'crn', 'crn'),
      ...personProbes(ROW.personIdentifiers, 'pncId', 'pncId'),
      ...personProbes(ROW.personIdentifiers, 'homeOfficeReference', 'homeOfficeReference'),
      ...personProbes(ROW.personIdentifiers, 'homeArea', 'homeArea { code }'),
    ],
    writes: [],
  },
  [ROW.healthNeeds]: {
    reads: personProbes(ROW.healthNeeds, 'healthNeeds', 'healthNeeds { category description }'),
    writes: clinical.needs,
  },
  [ROW.risk]: {
    reads: [
      ...personProbes(ROW.risk, 'riskOfSeriousHarm', 'riskOfSeriousHarm { level }'),
      ...personProbes(ROW.risk, 'riskAssessments', 'riskAssessments { level summary }'),
    ],
    writes: clinical.risk,
  },
  [ROW.personReferrals]: {
    // `person { referrals }` is the referral subgraph's field on Person (`_entities` there).
    reads: personProbes(ROW.personReferrals, 'referrals', 'referrals { id }', visibleReferrals),
    writes: [],
  },
  [ROW.accessLog]: {
    reads: personProbes(ROW.accessLog, 'accessLog', 'accessLog { nodes { action } }'),
    writes: [],
  },
  [ROW.enhancedCase]: {
    reads: [
      ...caseProbes('id', 'id'),
      ...caseProbes('referral', 'referral { id }'),
      ...caseProbes('status', 'status'),
      ...caseProbes('openedAt', 'openedAt'),
      ...caseProbes('closedAt', 'closedAt', { mayBeNull: true }),
      ...caseProbes('closeReason', 'closeReason', { mayBeNull: true }),
      ...caseProbes('rationale', 'rationale'),
      ...caseProbes('sharingConsent', 'sharingConsent { decision method }'),
      ...caseProbes('partners', 'partners { active addedAt }'),
      ...caseProbes('updates', 'updates { note author at }'),
      {
        name: 'enhancedCases.nodes',
        select: () => `enhancedCases(first: 50) { nodes { id status } totalCount }`,
        path: ['enhancedCases', 'nodes'],
        mayBeEmpty: true,
        expect: along(null, [step(ROW.enhancedCase, 'enhancedCases')], (c, fx) =>
          containsIf(fx.orgs.case.includes(c.org ?? ''), fx.enhancedCase),
        ),
      },
    ],
    writes: caseWriteProbes(ROW.enhancedCase),
  },
  [ROW.partners]: {
    reads: [
      rootProbe(ROW.partners, 'partnerOrganisations', '{ code name regions }', (c, fx, g) =>
        sameSet(g.own ? [c.org!] : fx.partnerCodes),
      ),
      rootProbe(
        ROW.partners,
        'partnerOrganisations',
        '{ code agreements { reference scopes } activeAgreement { reference } }',
        (c, fx, g) => sameSet(g.own ? [c.org!] : fx.partnerCodes),
      ),
      {
        // The case's partners: staff see both, a partner only itself.
        name: 'enhancedCase.partners.partner',
        select: (fx) => `enhancedCase(id: "${fx.enhancedCase}") { partners { partner { code } } }`,
        path: ['enhancedCase', 'partners'],
        expect: along(
          'case',
          [step(ROW.enhancedCase, 'enhancedCase'), step(ROW.enhancedCase, 'partners')],
          (c, fx) => {
            const want = grantOf(ROW.partners, c).own ? [c.org!] : fx.casePartnerCodes;
            return (value) => sameSet(want)((value as Loose[]).map((p) => p.partner));
          },
        ),
      },
      {
        // An update's author organisation (ERP-NW-MH): another partner on the case may not read it.
        name: 'enhancedCase.updates.0.partner.code',
        select: (fx) => `enhancedCase(id: "${fx.enhancedCase}") { updates { partner { code } } }`,
        path: ['enhancedCase', 'updates', '0', 'partner', 'code'],
        expect: along('case', [
          step(ROW.enhancedCase, 'enhancedCase'),
          step(ROW.enhancedCase, 'updates'),
          null,
          step(ROW.enhancedCase, 'partner'),
          step(ROW.partners, 'code', { own: (c) => c.org === 'ERP-NW-MH' }),
        ]),
      },
    ],
    writes: [agreementProbe(ROW.partners)],
  },
  [ROW.metrics]: { reads: [metricsProbe(NW), metricsProbe(null)], writes: [] },
  [ROW.webhooks]: {
    reads: [
      rootProbe(
        ROW.webhooks,
        'webhooks',
        '{ id url eventTypes active }',
        (c, fx) => (value) =>
          containsIf(true, fx.webhooks[c.org ?? '']!)(value) ?? containsIf(false, fx.otherWebhook)(value),
      ),
    ],
    writes: webhookProbes(ROW.webhooks),
  },
  [ROW.submit]: { reads: [], writes: [submitProbe(ROW.submit)] },
  [ROW.transitions]: {
    reads: [],
    writes: [...lifecycleProbes(ROW.transitions), ...handoverProbes(ROW.transitions)],
  },
  [ROW.custodyChanges]: {
    reads: [],
    writes: lifecycleProbes(ROW.custodyChanges, (mutation) => CUSTODY_CHANGES.has(mutation)),
  },
  [ROW.custodyEvents]: { reads: [], writes: [custodyEventProbe(ROW.custodyEvents)] },
};

// ---------------------------------------------------------------------------------------------
// next/governance.md: identity conflicts

const CONFLICT_SELECTION =
  'identityConflicts { id status detectedAt identifierType referral { id } otherPerson { id } }';
const IDENTITY_SELECTION =
  'givenName familyName dateOfBirth nhsNumber prisonNumber crn pncId homeOfficeReference';

/** The fixture's conflict is in the person's list. */
const holdsConflict: Check = (_caller, f) => containsIf(true, f.conflict);

export const GOVERNANCE_ROWS: Record<string, RowMapping> = {
  [ROW.personConflicts]: {
    reads: [
      ...personProbes(ROW.personConflicts, 'identityConflicts', CONFLICT_SELECTION, holdsConflict),
      {
        // "of otherPerson only id": its identity stays closed to whoever reads the conflict.
        name: 'person.identityConflicts.0.otherPerson.givenName',
        select: (f) => `person(id: "${f.person}") { identityConflicts { otherPerson { id givenName } } }`,
        path: ['person', 'identityConflicts', '0', 'otherPerson', 'givenName'],
        expect: (caller, f) => {
          const reach = along('person', [
            step(ROW.personId, 'person'),
            step(ROW.personConflicts, 'identityConflicts'),
            null,
            step(ROW.personConflicts, 'otherPerson'),
          ])(caller, f);
          return reach.kind === 'read' ? { kind: 'forbidden', depth: 4 } : reach;
        },
      },
    ],
    writes: [],
  },
  [ROW.mergedInto]: {
    reads: [
      // The fixture's person was merged into nobody: readable, and null.
      ...personProbes(ROW.mergedInto, 'mergedInto', 'mergedInto { id }').map((p) => ({
        ...p,
        mayBeNull: true,
      })),
      {
        // A record merged into the person: read by whoever reads the person, answering it.
        name: 'person(merged).mergedInto',
        select: (f) => `person(id: "${f.mergedPerson}") { mergedInto { id } }`,
        path: ['person', 'mergedInto'],
        expect: along(
          'person',
          [step(ROW.personId, 'person'), step(ROW.mergedInto, 'mergedInto')],
          (_c, f) => (value) =>
            (value as Loose).id === f.person ? null : `expected ${f.person}, got ${JSON.stringify(value)}`,
        ),
      },
    ],
    writes: [],
  },
  [ROW.conflictQueue]: {
    reads: [
      rootProbe(
        ROW.conflictQueue,
        'identityConflicts(first: 200)',
        `{ nodes { id person { id ${IDENTITY_SELECTION} } otherPerson { id ${IDENTITY_SELECTION} } } totalCount }`,
        (_c, f) => (value) => {
          const node = ((value as Loose).nodes as Loose[]).find((n) => n.id === f.conflict);
          if (!node) return `expected the fixture's conflict ${f.conflict} in the queue`;
          return node.person.id === f.person && node.person.familyName && node.otherPerson.nhsNumber
            ? null
            : `expected both records' identity, got ${JSON.stringify(node)}`;
        },
      ),
    ],
    writes: [],
  },
  [ROW.resolveConflict]: { reads: [], writes: [identityConflictProbe(ROW.resolveConflict)] },
};

/**
 * `subjectAccessReport` of the fixture's person: information governance reads it ("yes (reason
 * required; audited)"); for everyone else the root itself is FORBIDDEN (it is non-null, so the
 * whole response's data is null). The document's contents are tested in subject-access.test.ts.
 */
const subjectAccessProbe = (row: string): ReadProbe => ({
  name: 'subjectAccessReport',
  select: (fx) =>
    `subjectAccessReport(personId: "${fx.person}", reason: "permission matrix probe") { personId document }`,
  path: ['subjectAccessReport'],
  expect: along(null, [step(row, 'subjectAccessReport')], (_c, fx) => (value) => {
    const report = value as { personId: string; document: string };
    return report.personId === fx.person && (JSON.parse(report.document) as Loose).identity?.id === fx.person
      ? null
      : `expected the report of ${fx.person}`;
  }),
});

// ---------------------------------------------------------------------------------------------
// next/casework.md

/**
 * `referrals(filter: { search })` with the fixture referral's reference: whoever may search finds
 * it exactly when it is among the referrals it may see (its organisation has a grant on it); the
 * roles with no caseload are FORBIDDEN at the root. search.test.ts covers names and identifiers.
 */
const searchProbe: ReadProbe = {
  name: 'referrals(filter: { search: reference })',
  field: 'referrals',
  select: (fx) => `referrals(filter: { search: "${fx.reference.toLowerCase()}" }) { nodes { id } }`,
  path: ['referrals', 'nodes'],
  mayBeEmpty: true,
  expect: (caller, fx) => {
    if (!caller.token) return UNAUTHENTICATED;
    if (!grantOf(ROW.search, caller).read) return { kind: 'forbidden', depth: 0 };
    return { kind: 'read', check: containsIf(fx.orgs.referral.includes(caller.org ?? ''), fx.referral) };
  },
};

/** `dueWork`: a service's own (naming another service's is FORBIDDEN); nobody else's at all. */
const dueWorkProbe = (code: string | null): ReadProbe => ({
  name: code ? `dueWork(serviceCode: "${code}")` : 'dueWork',
  select: () => `dueWork${code ? `(serviceCode: "${code}")` : ''} { totalCount countsByKind { kind count } }`,
  path: ['dueWork'],
  expect: along(null, [step(ROW.dueWork, 'dueWork', code ? { own: (c) => c.org === code } : {})]),
});

export const CASEWORK_ROWS: Record<string, RowMapping> = {
  [ROW.search]: {
    reads: [searchProbe],
    writes: [],
    noWrites: 'The cell\'s "yes" is the right to search, a read: the filter has no operation to write.',
  },
  [ROW.dueWork]: { reads: [dueWorkProbe(null), dueWorkProbe(NW)], writes: [] },
  [ROW.caseworkRead]: {
    reads: [
      ...referralProbes(ROW.caseworkRead, 'notes', 'notes { id at author text }'),
      ...referralProbes(ROW.caseworkRead, 'appointments', 'appointments { id at with status providerName }'),
    ],
    writes: [],
  },
  [ROW.caseworkWrites]: {
    reads: [],
    writes: lifecycleProbes(ROW.caseworkWrites, (mutation) => CASEWORK_WRITES.has(mutation)),
  },
  [ROW.appointmentOutcome]: { reads: [], writes: [appointmentOutcomeProbe(ROW.appointmentOutcome)] },
};

/** Every row of AUTH.md and of the binding additions (custody-events, governance, casework). */
export const ROWS: Record<string, RowMapping> = {
  ...BOUND_ROWS,
  ...GOVERNANCE_ROWS,
  ...CASEWORK_ROWS,
  [ROW.subjectAccessReport]: { reads: [subjectAccessProbe(ROW.subjectAccessReport)], writes: [] },
};

// ---------------------------------------------------------------------------------------------
// next/trust.md

/**
 * The client's correlation id on an access-log event: information governance's alone. The event
 * is reached through `accessLog` (admin), so for everyone else FORBIDDEN lands there first; the
 * newest event may have no correlation id (null), which is still a read.
 */
const correlationIdProbe: ReadProbe = {
  name: 'person.accessLog.nodes.0.correlationId',
  field: 'correlationId',
  select: (fx) => `person(id: "${fx.person}") { accessLog(first: 1) { nodes { correlationId } } }`,
  path: ['person', 'accessLog', 'nodes', '0', 'correlationId'],
  mayBeNull: true,
  expect: along('person', [
    step(ROW.personId, 'person'),
    step(ROW.accessLog, 'accessLog'),
    null,
    null,
    step(ROW.auditCorrelation, 'correlationId'),
  ]),
};

// next/trust.md: disclosure control of service metrics

/**
 * `disclosureControlled` and `smallNumbers` of the figures `serviceMetrics` answers: read wherever
 * the figures are (a service's staff for their own service, commissioners for any). A commissioner's
 * figures are controlled; a service's own staff's are exact, with no small numbers named.
 */
function metricsControlProbe(code: string | null, field: 'disclosureControlled' | 'smallNumbers'): ReadProbe {
  return {
    name: `serviceMetrics${code ? `(serviceCode: "${code}")` : ''}.${field}`,
    select: () => `serviceMetrics(${code ? `serviceCode: "${code}", ` : ''}${METRICS_PERIOD}) { ${field} }`,
    path: ['serviceMetrics', field],
    // Exact figures name no small numbers.
    mayBeEmpty: field === 'smallNumbers',
    expect: along(
      null,
      [
        step(ROW.metrics, 'serviceMetrics', { own: (c) => !code || code === c.org }),
        step(ROW.metricsControl, field),
      ],
      (caller) => {
        const controlled = caller.column === 'COMMISSIONER';
        return (value) => {
          if (field === 'disclosureControlled')
            return value === controlled ? null : `expected ${controlled}, got ${JSON.stringify(value)}`;
          const names = value as unknown[];
          return Array.isArray(names) &&
            names.every((n) => typeof n === 'string') &&
            (controlled || !names.length)
            ? null
            : `expected ${controlled ? 'the names of small numbers' : 'none named'}, got ${JSON.stringify(value)}`;
        };
      },
    ),
  };
}

// next/trust.md: what kind of identity conflict, and which identifiers it contests

const CONFLICT_KINDS = ['TWO_RECORDS', 'DEMOGRAPHICS_DIFFER'];
const IDENTIFIER_TYPES = ['NHS_NUMBER', 'PRISON_NUMBER', 'CRN', 'PNC_ID', 'HOME_OFFICE_REFERENCE'];

const conflictKindCheck = (field: 'kind' | 'contestedIdentifiers') => () => (value: unknown) =>
  field === 'kind'
    ? CONFLICT_KINDS.includes(value as string)
      ? null
      : `expected a conflict kind, got ${JSON.stringify(value)}`
    : Array.isArray(value) && value.length > 0 && value.every((v) => IDENTIFIER_TYPES.includes(v as string))
      ? null
      : `expected identifier types, got ${JSON.stringify(value)}`;

/**
 * `kind` and `contestedIdentifiers` of the fixture person's conflict, read where the conflict is:
 * through `Person.identityConflicts` (staff of the person; information governance) and in the queue
 * (information governance). Everyone else meets FORBIDDEN on the way (or the person is hidden).
 */
function conflictKindProbes(field: 'kind' | 'contestedIdentifiers'): ReadProbe[] {
  return [
    {
      name: `person.identityConflicts.0.${field}`,
      field,
      select: (fx) => `person(id: "${fx.person}") { identityConflicts { ${field} } }`,
      path: ['person', 'identityConflicts', '0', field],
      expect: along(
        'person',
        [
          step(ROW.personId, 'person'),
          step(ROW.personConflicts, 'identityConflicts'),
          null,
          step(ROW.conflictKind, field),
        ],
        conflictKindCheck(field),
      ),
    },
    {
      name: `identityConflicts.nodes.0.${field}`,
      select: () => `identityConflicts(first: 1) { nodes { ${field} } }`,
      path: ['identityConflicts', 'nodes', '0', field],
      expect: along(
        null,
        [step(ROW.conflictQueue, 'identityConflicts'), null, null, step(ROW.conflictKind, field)],
        conflictKindCheck(field),
      ),
    },
  ];
}

// next/trust.md: the directory of referring organisations

/** The organisations of the reference data (referring_organisations.csv): the whole directory. */
const DIRECTORY_SIZE = 182;

/**
 * `referringOrganisations`: the whole directory for staff, leads, commissioners and information
 * governance; a referrer's list holds its own organisation alone ("own organisation only"); a
 * partner is FORBIDDEN.
 */
const referringOrganisationsProbe: ReadProbe = {
  name: 'referringOrganisations',
  select: () => 'referringOrganisations { code }',
  path: ['referringOrganisations'],
  expect: along(null, [step(ROW.referringOrganisations, 'referringOrganisations')], (caller, _fx, g) =>
    g.own
      ? sameSet([caller.org ?? ''])
      : (value) =>
          ids(value).length >= DIRECTORY_SIZE
            ? null
            : `expected the whole directory (${DIRECTORY_SIZE}), got ${ids(value).length}`,
  ),
};

/** `referringOrganisation(code)`: a referrer reads its own organisation, another is FORBIDDEN. */
function referringOrganisationProbe(code: string): ReadProbe {
  return {
    name: `referringOrganisation(code: "${code}")`,
    select: () => `referringOrganisation(code: "${code}") { code kind allowedSources active }`,
    path: ['referringOrganisation'],
    expect: along(
      null,
      [step(ROW.referringOrganisations, 'referringOrganisation', { own: (c) => c.org === code })],
      () => (value) =>
        (value as Loose | null)?.code === code ? null : `expected ${code}, got ${JSON.stringify(value)}`,
    ),
  };
}

/** The fixture's referral was submitted by PROB-NW (the directory's Probation Service North West). */
const referralOrganisationCheck: Check = () => (value) =>
  (value as Loose | null)?.code === 'PROB-NW' && (value as Loose).kind === 'PROBATION'
    ? null
    : `expected PROB-NW (PROBATION), got ${JSON.stringify(value)}`;

/** The rows of next/trust.md mapped so far; they join ROWS when 'trust' is in BINDING_ADDITIONS. */
export const TRUST_ROWS: Record<string, RowMapping> = {
  [ROW.auditCorrelation]: { reads: [correlationIdProbe], writes: [] },
  [ROW.conflictKind]: {
    reads: [...conflictKindProbes('kind'), ...conflictKindProbes('contestedIdentifiers')],
    writes: [],
  },
  [ROW.metricsControl]: {
    reads: [
      metricsControlProbe(NW, 'disclosureControlled'),
      metricsControlProbe(NW, 'smallNumbers'),
      metricsControlProbe(null, 'disclosureControlled'),
      metricsControlProbe(null, 'smallNumbers'),
    ],
    writes: [],
  },
  [ROW.referringOrganisations]: {
    reads: [
      referringOrganisationsProbe,
      referringOrganisationProbe('PROB-NW'),
      referringOrganisationProbe('POL-GMP'),
      referringOrganisationProbe('RCF-ONLINE'),
    ],
    writes: [],
  },
  [ROW.saveReferringOrganisation]: {
    reads: [],
    writes: [saveReferringOrganisationProbe(ROW.saveReferringOrganisation)],
  },
  [ROW.referralReferringOrganisation]: {
    reads: referralProbes(
      ROW.referralReferringOrganisation,
      'referringOrganisation',
      'referringOrganisation { code kind }',
      {},
      referralOrganisationCheck,
    ),
    writes: [],
  },
};
if ((BINDING_ADDITIONS as readonly string[]).includes('trust')) Object.assign(ROWS, TRUST_ROWS);

/**
 * The `me` probe: every caller with a token reads it, with the roles the hub made of its claim,
 * except a system client that reads nothing (next/custody-events.md: FORBIDDEN on every query).
 */
export const ME_PROBE: ReadProbe = {
  name: 'me',
  select: () => `me { subject roles organisationCode }`,
  path: ['me'],
  expect: (caller) =>
    caller.token && caller.onlyOperation
      ? { kind: 'forbidden', depth: 0 }
      : caller.token
        ? {
            kind: 'read',
            check: (value) => {
              const roles = (value as Loose).roles as string[];
              return JSON.stringify(roles) === JSON.stringify(caller.bareRoles)
                ? null
                : `expected roles ${JSON.stringify(caller.bareRoles)}, got ${JSON.stringify(roles)}`;
            },
          }
        : UNAUTHENTICATED,
};

/** The field names a "Referral: ..." or "Person: ..." label lists (parenthesised notes left out). */
export function labelFields(label: string): string[] {
  const match = /^(?:Referral|Person): (.*)$/.exec(label);
  if (!match) return [];
  return match[1]!
    .replace(/\([^)]*\)/g, '')
    .split(/,\s*|\s+and\s+/)
    .map((f) => f.trim())
    .filter(Boolean);
}
