/**
 * The reference data of ../shared/data (English prisons and IRCs, local authorities, the demo
 * deployment's RECONNECT services and partners), copied verbatim into `data/` so a fresh clone can
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
