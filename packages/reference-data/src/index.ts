/**
 * The reference data of ../shared/data (English prisons and IRCs, local authorities, the demo
 * deployment's RECONNECT services and partners, the organisations that may refer), copied verbatim into `data/` so a fresh clone can
 * seed without the shared folder. `pnpm sync:shared` refreshes the copy and a test
 * fails when it differs from ../shared/data. Each row keeps the file it came from.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export const REFERENCE_DATA_DIR = fileURLToPath(new URL('../data', import.meta.url));
export const REFERENCE_FILES = [
  'establishments.csv',
  'local_authorities.csv',
  'reconnect_services.csv',
  'partners.csv',
  'referring_organisations.csv',
] as const;

export const REGIONS = [
  'NORTH_EAST_AND_YORKSHIRE',
  'NORTH_WEST',
  'MIDLANDS',
  'EAST_OF_ENGLAND',
  'LONDON',
  'SOUTH_EAST',
  'SOUTH_WEST',
] as const;
export type Region = (typeof REGIONS)[number];

function read(file: (typeof REFERENCE_FILES)[number]): Record<string, string>[] {
  return parse(readFileSync(`${REFERENCE_DATA_DIR}/${file}`, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as Record<string, string>[];
}

function region(value: string | undefined, file: string): Region {
  if (!value || !(REGIONS as readonly string[]).includes(value))
    throw new Error(`${file}: unknown region ${value}`);
  return value as Region;
}

export interface EstablishmentRow {
  code: string;
  name: string;
  type: 'PRISON' | 'IRC';
  region: Region;
  source: string;
}

export function establishments(): EstablishmentRow[] {
  return read('establishments.csv').map((r) => {
    if (r.type !== 'PRISON' && r.type !== 'IRC') throw new Error(`establishments.csv: bad type ${r.type}`);
    if (!r.code) throw new Error(`establishments.csv: ${r.name} has no code`);
    return {
      code: r.code,
      name: r.name!,
      type: r.type,
      region: region(r.region, 'establishments.csv'),
      source: 'shared/data/establishments.csv',
    };
  });
}

export interface LocalAuthorityRow {
  code: string;
  name: string;
  region: Region;
  source: string;
}

export function localAuthorities(): LocalAuthorityRow[] {
  return read('local_authorities.csv').map((r) => ({
    code: r.code!,
    name: r.name!,
    region: region(r.region, 'local_authorities.csv'),
    source: 'shared/data/local_authorities.csv',
  }));
}

/** Superseded ONS codes still in use elsewhere (SOURCES.md, "Aliases to accept on input"). */
export const LOCAL_AUTHORITY_ALIASES: Record<string, string> = {
  E08000016: 'E08000038', // Barnsley, recoded 2025
  E08000019: 'E08000039', // Sheffield, recoded 2025
};

export interface ServiceRow {
  code: string;
  name: string;
  region: Region;
  enhancedReconnect: boolean;
  source: string;
}

export function reconnectServices(): ServiceRow[] {
  return read('reconnect_services.csv').map((r) => ({
    code: r.code!,
    name: r.name!,
    region: region(r.region, 'reconnect_services.csv'),
    enhancedReconnect: r.enhanced_reconnect === 'true',
    source: 'shared/data/reconnect_services.csv',
  }));
}

export interface PartnerRow {
  code: string;
  name: string;
  regions: Region[];
  agreement?:
    { reference: string; scopes: ('RISK' | 'NEEDS')[]; startsOn: string; endsOn: string } | undefined;
  source: string;
}

export function partners(): PartnerRow[] {
  return read('partners.csv').map((r) => ({
    code: r.code!,
    name: r.name!,
    regions: (r.regions ?? '')
      .split(';')
      .filter(Boolean)
      .map((v) => region(v, 'partners.csv')),
    agreement: r.agreement_reference
      ? {
          reference: r.agreement_reference,
          scopes: (r.agreement_scopes ?? '').split(';').filter(Boolean) as ('RISK' | 'NEEDS')[],
          startsOn: r.agreement_starts_on!,
          endsOn: r.agreement_ends_on!,
        }
      : undefined,
    source: 'shared/data/partners.csv',
  }));
}

/** The kinds of referring organisation (contract/next/trust.md). */
export const REFERRING_ORGANISATION_KINDS = [
  'PROBATION',
  'POLICE',
  'LIAISON_AND_DIVERSION',
  'HOME_OFFICE_ENFORCEMENT',
  'PRISON_HEALTHCARE',
  'IRC_HEALTHCARE',
  'ONLINE_FORM',
] as const;
export type ReferringOrganisationKind = (typeof REFERRING_ORGANISATION_KINDS)[number];

/**
 * The referral sources each kind of organisation may give (contract/next/trust.md, "The source fits
 * the organisation"; DOMAIN.md, "One person, many doors"): its own, and for the online form the
 * person themselves and their family or friends.
 */
export const ALLOWED_SOURCES: Readonly<Record<ReferringOrganisationKind, readonly string[]>> = {
  PROBATION: ['PROBATION'],
  POLICE: ['POLICE'],
  LIAISON_AND_DIVERSION: ['LIAISON_AND_DIVERSION'],
  HOME_OFFICE_ENFORCEMENT: ['HOME_OFFICE_ENFORCEMENT'],
  PRISON_HEALTHCARE: ['PRISON_HEALTHCARE'],
  IRC_HEALTHCARE: ['IRC_HEALTHCARE'],
  ONLINE_FORM: ['SELF', 'FAMILY_OR_FRIEND'],
};

export function isReferringOrganisationKind(value: string): value is ReferringOrganisationKind {
  return (REFERRING_ORGANISATION_KINDS as readonly string[]).includes(value);
}

export interface ReferringOrganisationRow {
  code: string;
  name: string;
  kind: ReferringOrganisationKind;
  /** Null for national organisations (British Transport Police, the Home Office, the online form). */
  region: Region | null;
  source: string;
}

/** The directory of referring organisations as the reference data holds it (182 rows). */
export function referringOrganisations(): ReferringOrganisationRow[] {
  return read('referring_organisations.csv').map((r) => {
    const file = 'referring_organisations.csv';
    if (!r.code || !r.name) throw new Error(`${file}: a row without a code or name`);
    if (!r.kind || !isReferringOrganisationKind(r.kind)) throw new Error(`${file}: bad kind ${r.kind}`);
    return {
      code: r.code,
      name: r.name,
      kind: r.kind,
      region: r.region ? region(r.region, file) : null,
      source: 'shared/data/referring_organisations.csv',
    };
  });
}
