/**
 * The BaRS rules on top of FHIR R4 (BARS.md, "The referral message"): what makes a message Bundle
 * a BaRS referral this hub takes, and what it says, as a `SubmitReferralInput` (or a cancellation)
 * with the FHIR path each input field came from, so a hub error about a field can name the element
 * the sender must fix.
 *
 * The base specification (cardinalities, datatypes, formats, unknown elements) is checked first by
 * `fhir-validation.ts`; the rules here assume a structurally valid R4 Bundle and check only what BaRS
 * and this hub add: the message event and reason, the resources a referral needs and the references
 * between them, and the identifier systems and extensions the hub reads. Each rule is one row of
 * `BARS_RULES`; the first row that fails decides the answer (400, issue `structure` or `required`).
 * Diagnostics name elements and codes, never a value the sender sent (no personal data).
 */
import type * as R4 from 'fhir/r4.js';
import type { HealthNeedCategory, ReferralSource, SubmitReferralInput } from './generated/graphql.ts';
import { FhirError, type IssueType } from './outcome.ts';

export const BARS_EVENTS = 'https://fhir.nhs.uk/CodeSystem/message-events-bars';
export const REFERRAL_EVENT = 'servicerequest-request';
export const BARS_REASONS = 'https://fhir.nhs.uk/CodeSystem/message-reason-bars';
export const SERVICE_REQUEST_CATEGORY = 'https://fhir.nhs.uk/CodeSystem/message-category-servicerequest';
export const NHS_NUMBER = 'https://fhir.nhs.uk/Id/nhs-number';
export const ODS_CODE = 'https://fhir.nhs.uk/Id/ods-organization-code';
export const PRISON_NUMBER = 'urn:reconnect-hub:id:prison-number';
export const CRN = 'urn:reconnect-hub:id:crn';
export const PNC_ID = 'urn:reconnect-hub:id:pnc-id';
export const HOME_OFFICE_REFERENCE = 'urn:reconnect-hub:id:home-office-reference';
export const ESTABLISHMENT = 'urn:reconnect-hub:id:establishment';
export const REFERRAL_REFERENCE = 'urn:reconnect-hub:id:referral-reference';
export const LOCAL_AUTHORITY_EXTENSION = 'urn:reconnect-hub:extension:local-authority';
export const EXPECTED_RELEASE_DATE_EXTENSION = 'urn:reconnect-hub:extension:expected-release-date';
export const RELEASED_ON_EXTENSION = 'urn:reconnect-hub:extension:released-on';
export const ON_TEMPORARY_LICENCE_EXTENSION = 'urn:reconnect-hub:extension:on-temporary-licence';
export const REFERRAL_STATUS_EXTENSION = 'urn:reconnect-hub:extension:referral-status';
export const HEALTH_NEED_CATEGORY = 'urn:reconnect-hub:CodeSystem:health-need-category';

export const HEALTH_NEED_CATEGORIES: Record<HealthNeedCategory, string> = {
  PHYSICAL_HEALTH: 'Physical health',
  MENTAL_HEALTH: 'Mental health',
  SUBSTANCE_MISUSE: 'Substance misuse',
  ALCOHOL: 'Alcohol',
  LEARNING_DISABILITY: 'Learning disability',
  NEURODIVERSITY: 'Neurodiversity',
  BRAIN_INJURY: 'Brain injury',
  SOCIAL_CARE: 'Social care',
  OTHER: 'Other',
};

/** The sources an NHS system may refer as (BARS.md: `BARS_SENDERS`). */
export const BARS_SOURCES = ['PRISON_HEALTHCARE', 'IRC_HEALTHCARE', 'LIAISON_AND_DIVERSION'] as const;
export type BarsSource = (typeof BARS_SOURCES)[number] & ReferralSource;

/** The input before the directory says the custody type (the connector asks the hub for it). */
export type ReferralDraft = Omit<SubmitReferralInput, 'source' | 'custody'> & {
  custody: Omit<SubmitReferralInput['custody'], 'type'>;
};

export interface NewReferralMessage {
  kind: 'new';
  messageHeaderId: string;
  /** The sender Organization's ODS code and where it is in the Bundle. */
  sender: { odsCode: string; path: string };
  draft: ReferralDraft;
  /** Input path (`input.person.nhsNumber`) -> the FHIR path it was read from. */
  paths: Record<string, string>;
}

export interface CancellationMessage {
  kind: 'cancel';
  messageHeaderId: string;
  sender: { odsCode: string; path: string };
  /** The referral to withdraw: its id (ServiceRequest.id) or reference (the identifier). */
  target: { id?: string; reference?: string; path: string };
  reason: string;
}

export type BarsMessage = NewReferralMessage | CancellationMessage;

// ---- reading a Bundle --------------------------------------------------------------------------

interface Located<T extends R4.FhirResource = R4.FhirResource> {
  resource: T;
  /** `Bundle.entry[i].resource` */
  path: string;
}

/** A message Bundle with its entries indexed by fullUrl and by `Type/id`, for references. */
class MessageBundle {
  private readonly byReference = new Map<string, Located>();
  readonly entries: Located[];
  constructor(readonly bundle: R4.Bundle<R4.FhirResource>) {
    this.entries = (bundle.entry ?? []).flatMap((entry, i) =>
      entry.resource ? [{ resource: entry.resource, path: `Bundle.entry[${i}].resource` }] : [],
    );
    (bundle.entry ?? []).forEach((entry, i) => {
      const resource = entry.resource;
      if (!resource) return;
      const located = { resource, path: `Bundle.entry[${i}].resource` };
      if (entry.fullUrl) this.byReference.set(entry.fullUrl, located);
      if (resource.id) this.byReference.set(`${resource.resourceType}/${resource.id}`, located);
    });
  }

  resolve<K extends R4.FhirResource['resourceType']>(
    reference: R4.Reference | undefined,
    ...types: K[]
  ): Located<Extract<R4.FhirResource, { resourceType: K }>> | undefined {
    const found = reference?.reference ? this.byReference.get(reference.reference) : undefined;
    if (!found || !(types as string[]).includes(found.resource.resourceType)) return undefined;
    return found as Located<Extract<R4.FhirResource, { resourceType: K }>>;
  }
}

/** What the rules have found so far, for the rules after them. */
interface Reading {
  bundle: MessageBundle;
  header?: Located<R4.MessageHeader>;
  reason?: 'new' | 'update';
  serviceRequest?: Located<R4.ServiceRequest>;
  sender?: Located<R4.Organization>;
  odsIndex?: number;
  patient?: Located<R4.Patient>;
  practitioner?: Located<R4.Practitioner>;
  role?: Located<R4.PractitionerRole>;
  location?: Located<R4.Location>;
}

export interface BarsRule {
  /** What the rule requires, as the diagnostics say it. */
  requires: string;
  issue: Extract<IssueType, 'structure' | 'required' | 'value' | 'not-supported'>;
  /** Only for this kind of message (reason `new` or `update`); both when absent. */
  only?: 'new' | 'update';
  /** The element at fault when the rule fails. */
  at: (r: Reading) => string;
  /** True when the message meets the rule; it may record what it found on the reading. */
  holds: (r: Reading) => boolean;
}

const codingIn = (codings: R4.Coding[] | undefined, system: string) =>
  (codings ?? []).find((c) => c.system === system);

/** The rules, in order: each may rely on what the rows above it found. */
export const BARS_RULES: BarsRule[] = [
  {
    requires: 'a Bundle of type message',
    issue: 'structure',
    at: () => 'Bundle.type',
    holds: (r) => r.bundle.bundle.type === 'message',
  },
  {
    requires: 'a MessageHeader as the first entry of the Bundle',
    issue: 'structure',
    at: () => 'Bundle.entry[0].resource',
    holds: (r) => {
      const first = r.bundle.entries[0];
      if (first?.path !== 'Bundle.entry[0].resource' || first.resource.resourceType !== 'MessageHeader')
        return false;
      r.header = first as Located<R4.MessageHeader>;
      return true;
    },
  },
  {
    requires: 'a MessageHeader.id (with X-Correlation-Id, it makes the message idempotent)',
    issue: 'required',
    at: () => 'Bundle.entry[0].resource.id',
    holds: (r) => Boolean(r.header!.resource.id),
  },
  {
    requires: `MessageHeader.eventCoding ${BARS_EVENTS}|${REFERRAL_EVENT} (a BaRS referral request)`,
    issue: 'structure',
    at: () => 'Bundle.entry[0].resource.eventCoding',
    holds: (r) => {
      const event = r.header!.resource.eventCoding;
      return event?.system === BARS_EVENTS && event.code === REFERRAL_EVENT;
    },
  },
  {
    requires: `MessageHeader.reason coded in ${BARS_REASONS}: new, or update (a cancellation)`,
    issue: 'required',
    at: () => 'Bundle.entry[0].resource.reason',
    holds: (r) => {
      const code = codingIn(r.header!.resource.reason?.coding, BARS_REASONS)?.code;
      if (code !== 'new' && code !== 'update') return false;
      r.reason = code;
      return true;
    },
  },
  {
    requires: 'MessageHeader.focus referencing the ServiceRequest entry of the Bundle',
    issue: 'required',
    at: () => 'Bundle.entry[0].resource.focus',
    holds: (r) => {
      const focus = (r.header!.resource.focus ?? [])
        .map((f) => r.bundle.resolve(f, 'ServiceRequest'))
        .find(Boolean);
      if (!focus) return false;
      r.serviceRequest = focus;
      return true;
    },
  },
  {
    requires: 'MessageHeader.sender referencing the sender Organization entry of the Bundle',
    issue: 'required',
    at: () => 'Bundle.entry[0].resource.sender',
    holds: (r) => {
      const sender = r.bundle.resolve(r.header!.resource.sender, 'Organization');
      if (!sender) return false;
      r.sender = sender;
      return true;
    },
  },
  {
    requires: `the sender Organization's ODS code (identifier system ${ODS_CODE})`,
    issue: 'required',
    at: (r) => `${r.sender!.path}.identifier`,
    holds: (r) => {
      const index = (r.sender!.resource.identifier ?? []).findIndex((i) => i.system === ODS_CODE && i.value);
      if (index < 0) return false;
      r.odsIndex = index;
      return true;
    },
  },
  {
    requires: 'ServiceRequest.intent plan',
    issue: 'value',
    only: 'new',
    at: (r) => `${r.serviceRequest!.path}.intent`,
    holds: (r) => r.serviceRequest!.resource.intent === 'plan',
  },
  {
    requires: `ServiceRequest.category ${SERVICE_REQUEST_CATEGORY}|referral`,
    issue: 'required',
    only: 'new',
    at: (r) => `${r.serviceRequest!.path}.category`,
    holds: (r) =>
      (r.serviceRequest!.resource.category ?? []).some(
        (c) => codingIn(c.coding, SERVICE_REQUEST_CATEGORY)?.code === 'referral',
      ),
  },
  {
    requires: 'ServiceRequest.subject referencing the Patient entry of the Bundle',
    issue: 'required',
    only: 'new',
    at: (r) => `${r.serviceRequest!.path}.subject`,
    holds: (r) => {
      const patient = r.bundle.resolve(r.serviceRequest!.resource.subject, 'Patient');
      if (!patient) return false;
      r.patient = patient;
      return true;
    },
  },
  {
    requires: 'Patient.name with a family name and a given name',
    issue: 'required',
    only: 'new',
    at: (r) => `${r.patient!.path}.name`,
    holds: (r) => {
      const name = nameOf(r.patient!.resource.name);
      return Boolean(name?.name.family?.trim() && name.name.given?.[0]?.trim());
    },
  },
  {
    requires: 'Patient.birthDate as a full date (YYYY-MM-DD)',
    issue: 'required',
    only: 'new',
    at: (r) => `${r.patient!.path}.birthDate`,
    holds: (r) => /^\d{4}-\d{2}-\d{2}$/.test(r.patient!.resource.birthDate ?? ''),
  },
  {
    requires:
      'ServiceRequest.requester referencing the Practitioner (or a PractitionerRole with its practitioner) of the Bundle, with a name',
    issue: 'required',
    only: 'new',
    at: (r) => `${r.serviceRequest!.path}.requester`,
    holds: (r) => {
      const requester = r.serviceRequest!.resource.requester;
      const role = r.bundle.resolve(requester, 'PractitionerRole');
      const practitioner = role
        ? r.bundle.resolve(role.resource.practitioner, 'Practitioner')
        : r.bundle.resolve(requester, 'Practitioner');
      if (!practitioner || !practitionerName(practitioner.resource)) return false;
      r.practitioner = practitioner;
      if (role) r.role = role;
      return true;
    },
  },
  {
    requires: `ServiceRequest.locationReference referencing a Location of the Bundle with an identifier of system ${ESTABLISHMENT}`,
    issue: 'required',
    only: 'new',
    at: (r) => `${r.serviceRequest!.path}.locationReference`,
    holds: (r) => {
      const location = (r.serviceRequest!.resource.locationReference ?? [])
        .map((l) => r.bundle.resolve(l, 'Location'))
        .find((l) => l?.resource.identifier?.some((i) => i.system === ESTABLISHMENT && i.value));
      if (!location) return false;
      r.location = location;
      return true;
    },
  },
  {
    requires: `ServiceRequest.reasonCode coded in ${HEALTH_NEED_CATEGORY} only with its codes (${Object.keys(HEALTH_NEED_CATEGORIES).join(', ')})`,
    issue: 'value',
    only: 'new',
    at: (r) => {
      const bad = needCodings(r.serviceRequest!).find((n) => !isCategory(n.code));
      return bad?.path ?? `${r.serviceRequest!.path}.reasonCode`;
    },
    holds: (r) => needCodings(r.serviceRequest!).every((n) => isCategory(n.code)),
  },
  {
    requires: 'ServiceRequest.status revoked (an update is a cancellation)',
    issue: 'not-supported',
    only: 'update',
    at: (r) => `${r.serviceRequest!.path}.status`,
    holds: (r) => r.serviceRequest!.resource.status === 'revoked',
  },
  {
    requires: `the referral to cancel: ServiceRequest.id (the referral id) or its identifier of system ${REFERRAL_REFERENCE}`,
    issue: 'required',
    only: 'update',
    at: (r) => `${r.serviceRequest!.path}.identifier`,
    holds: (r) =>
      Boolean(
        r.serviceRequest!.resource.id ||
        r.serviceRequest!.resource.identifier?.some((i) => i.system === REFERRAL_REFERENCE && i.value),
      ),
  },
];

/**
 * Reads a structurally valid R4 Bundle as a BaRS referral message; throws a 400 FhirError naming
 * the first rule it breaks.
 */
export function readBarsMessage(bundle: R4.Bundle<R4.FhirResource>): BarsMessage {
  const r: Reading = { bundle: new MessageBundle(bundle) };
  for (const rule of BARS_RULES) {
    if (rule.only && r.reason !== rule.only) continue;
    if (!rule.holds(r)) {
      throw new FhirError(400, {
        code: rule.issue,
        diagnostics: `Not a BaRS referral this hub takes: it needs ${rule.requires}.`,
        expression: [rule.at(r)],
      });
    }
  }
  const messageHeaderId = r.header!.resource.id!;
  const sender = {
    odsCode: r.sender!.resource.identifier![r.odsIndex!]!.value!.trim().toUpperCase(),
    path: `${r.sender!.path}.identifier[${r.odsIndex!}].value`,
  };
  if (r.reason === 'update') return cancellationOf(r, messageHeaderId, sender);
  return newReferralOf(r, messageHeaderId, sender);
}

function cancellationOf(
  r: Reading,
  messageHeaderId: string,
  sender: CancellationMessage['sender'],
): CancellationMessage {
  const sr = r.serviceRequest!;
  const index = (sr.resource.identifier ?? []).findIndex((i) => i.system === REFERRAL_REFERENCE && i.value);
  const target: CancellationMessage['target'] =
    index >= 0
      ? {
          reference: sr.resource.identifier![index]!.value!.trim(),
          path: `${sr.path}.identifier[${index}].value`,
        }
      : { id: sr.resource.id!, path: `${sr.path}.id` };
  const note = sr.resource.note?.[0]?.text?.trim();
  return {
    kind: 'cancel',
    messageHeaderId,
    sender,
    target,
    reason: note || 'Cancelled by the referrer (BaRS cancellation)',
  };
}

function newReferralOf(
  r: Reading,
  messageHeaderId: string,
  sender: NewReferralMessage['sender'],
): NewReferralMessage {
  const paths: Record<string, string> = {};
  const sr = r.serviceRequest!;
  const patient = r.patient!;
  const practitioner = r.practitioner!;
  const location = r.location!;

  // Patient: name (official, else the first), birth date, identifiers, home area.
  const { name, index: nameIndex } = nameOf(patient.resource.name)!;
  paths['input.person'] = patient.path;
  paths['input.person.givenName'] = `${patient.path}.name[${nameIndex}].given[0]`;
  paths['input.person.familyName'] = `${patient.path}.name[${nameIndex}].family`;
  paths['input.person.dateOfBirth'] = `${patient.path}.birthDate`;
  const identifier = (system: string, field: string): string | undefined => {
    const i = (patient.resource.identifier ?? []).findIndex((id) => id.system === system && id.value);
    if (i < 0) return undefined;
    paths[`input.person.${field}`] = `${patient.path}.identifier[${i}].value`;
    return patient.resource.identifier![i]!.value!;
  };
  const homeArea = localAuthorityOf(patient);
  if (homeArea) paths['input.person.homeLocalAuthorityCode'] = homeArea.path;

  // The referrer: the practitioner's name and telecom (the role's telecom first), the sender's name.
  paths['input.referrer'] = practitioner.path;
  paths['input.referrer.name'] = `${practitioner.path}.name`;
  const telecom = (system: 'email' | 'phone', field: string): string | undefined => {
    for (const holder of [r.role, practitioner]) {
      const i = (holder?.resource.telecom ?? []).findIndex((t) => t.system === system && t.value);
      if (holder && i >= 0) {
        paths[`input.referrer.${field}`] = `${holder.path}.telecom[${i}].value`;
        return holder.resource.telecom![i]!.value!;
      }
    }
    return undefined;
  };
  if (r.sender!.resource.name) paths['input.referrer.organisationName'] = `${r.sender!.path}.name`;

  // Custody: the Location's establishment code and the ServiceRequest's extensions.
  const establishmentIndex = location.resource.identifier!.findIndex(
    (i) => i.system === ESTABLISHMENT && i.value,
  );
  paths['input.custody'] = sr.path;
  paths['input.custody.establishmentCode'] = `${location.path}.identifier[${establishmentIndex}].value`;
  paths['input.custody.type'] = paths['input.custody.establishmentCode'];
  const extension = <K extends 'valueDate' | 'valueBoolean'>(url: string, field: string, key: K) => {
    const i = (sr.resource.extension ?? []).findIndex((e) => e.url === url);
    if (i < 0) return undefined;
    paths[`input.custody.${field}`] = `${sr.path}.extension[${i}].${key}`;
    return sr.resource.extension![i]![key] as R4.Extension[K];
  };

  // Needs and the reason for referral.
  const needs = needCodings(sr);
  paths['input.identifiedNeeds'] = `${sr.path}.reasonCode`;
  needs.forEach((need, k) => {
    paths[`input.identifiedNeeds.${k}`] = need.path;
    paths[`input.identifiedNeeds.${k}.category`] = need.path;
    paths[`input.identifiedNeeds.${k}.description`] = need.textPath;
  });
  const reasonForReferral = sr.resource.note?.[0]?.text;
  if (reasonForReferral !== undefined) paths['input.reasonForReferral'] = `${sr.path}.note[0].text`;

  const draft: ReferralDraft = {
    referrer: {
      name: practitionerName(practitioner.resource)!,
      organisationName: r.sender!.resource.name ?? null,
      email: telecom('email', 'email') ?? null,
      phone: telecom('phone', 'phone') ?? null,
    },
    person: {
      givenName: name.given![0]!.trim(),
      familyName: name.family!.trim(),
      dateOfBirth: patient.resource.birthDate!,
      nhsNumber: identifier(NHS_NUMBER, 'nhsNumber') ?? null,
      prisonNumber: identifier(PRISON_NUMBER, 'prisonNumber') ?? null,
      crn: identifier(CRN, 'crn') ?? null,
      pncId: identifier(PNC_ID, 'pncId') ?? null,
      homeOfficeReference: identifier(HOME_OFFICE_REFERENCE, 'homeOfficeReference') ?? null,
      homeLocalAuthorityCode: homeArea?.code ?? null,
    },
    custody: {
      establishmentCode: location.resource.identifier![establishmentIndex]!.value!.trim().toUpperCase(),
      expectedReleaseDate:
        extension(EXPECTED_RELEASE_DATE_EXTENSION, 'expectedReleaseDate', 'valueDate') ?? null,
      releasedOn: extension(RELEASED_ON_EXTENSION, 'releasedOn', 'valueDate') ?? null,
      onTemporaryLicence:
        extension(ON_TEMPORARY_LICENCE_EXTENSION, 'onTemporaryLicence', 'valueBoolean') ?? false,
    },
    identifiedNeeds: needs.map((n) => ({
      category: n.code as HealthNeedCategory,
      description: n.text?.trim() || HEALTH_NEED_CATEGORIES[n.code as HealthNeedCategory],
    })),
    reasonForReferral: reasonForReferral ?? null,
  };
  return { kind: 'new', messageHeaderId, sender, draft, paths };
}

/** The FHIR path a hub input field came from: the field's own, else its nearest parent's. */
export function fhirPathOf(paths: Record<string, string>, field: string | undefined): string[] {
  if (!field) return [];
  for (let parts = field.split('.'); parts.length > 0; parts = parts.slice(0, -1)) {
    const found = paths[parts.join('.')];
    if (found) return [found];
  }
  return [];
}

// ---- small readers -----------------------------------------------------------------------------

/** Patient.name use official, else the first. */
function nameOf(names: R4.HumanName[] | undefined): { name: R4.HumanName; index: number } | undefined {
  if (!names || names.length === 0) return undefined;
  const official = names.findIndex((n) => n.use === 'official');
  const index = official >= 0 ? official : 0;
  return { name: names[index]!, index };
}

function practitionerName(practitioner: R4.Practitioner): string | undefined {
  const name = nameOf(practitioner.name)?.name;
  if (!name) return undefined;
  const text = name.text?.trim() || [...(name.given ?? []), name.family ?? ''].join(' ').trim();
  return text || undefined;
}

function localAuthorityOf(patient: Located<R4.Patient>): { code: string; path: string } | undefined {
  const addresses = patient.resource.address ?? [];
  for (let a = 0; a < addresses.length; a += 1) {
    const extensions = addresses[a]!.extension ?? [];
    const e = extensions.findIndex((x) => x.url === LOCAL_AUTHORITY_EXTENSION && x.valueCode);
    if (e >= 0) {
      return {
        code: extensions[e]!.valueCode!.trim().toUpperCase(),
        path: `${patient.path}.address[${a}].extension[${e}].valueCode`,
      };
    }
  }
  return undefined;
}

interface NeedCoding {
  code: string;
  text: string | undefined;
  path: string;
  textPath: string;
}

function needCodings(sr: Located<R4.ServiceRequest>): NeedCoding[] {
  return (sr.resource.reasonCode ?? []).flatMap((concept, k) => {
    const c = (concept.coding ?? []).findIndex((coding) => coding.system === HEALTH_NEED_CATEGORY);
    if (c < 0) return [];
    const coding = concept.coding![c]!;
    return [
      {
        code: coding.code ?? '',
        text: concept.text ?? coding.display,
        path: `${sr.path}.reasonCode[${k}].coding[${c}].code`,
        textPath: `${sr.path}.reasonCode[${k}].text`,
      },
    ];
  });
}

const isCategory = (code: string): code is HealthNeedCategory => Object.hasOwn(HEALTH_NEED_CATEGORIES, code);
