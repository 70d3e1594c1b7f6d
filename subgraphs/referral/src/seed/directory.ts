/**
 * The directory as the demo referrals use it, read from `@reconnect/reference-data` (the rows the
 * regional-service subgraph seeds), so no establishment, local authority or service name is typed
 * again here. An unknown code throws: a demo must not cite something the directory does not hold.
 */
import * as reference from '@reconnect/reference-data';

interface Directory {
  establishments: Map<string, reference.EstablishmentRow>;
  localAuthorities: Map<string, reference.LocalAuthorityRow>;
  services: Map<string, reference.ServiceRow>;
  referringOrganisations: Map<string, reference.ReferringOrganisationRow>;
}

let directory: Directory | undefined;

function read(): Directory {
  directory ??= {
    establishments: new Map(reference.establishments().map((e) => [e.code, e])),
    localAuthorities: new Map(reference.localAuthorities().map((la) => [la.code, la])),
    services: new Map(reference.reconnectServices().map((s) => [s.code, s])),
    referringOrganisations: new Map(reference.referringOrganisations().map((o) => [o.code, o])),
  };
  return directory;
}

function known<T>(map: Map<string, T>, code: string, what: string): T {
  const row = map.get(code);
  if (!row) throw new Error(`demo seed: no ${what} ${code} in the reference data`);
  return row;
}

export const establishment = (code: string) => known(read().establishments, code, 'establishment');
export const localAuthority = (code: string) => known(read().localAuthorities, code, 'local authority');
export const reconnectService = (code: string) => known(read().services, code, 'RECONNECT service');
export const referringOrganisation = (code: string) =>
  known(read().referringOrganisations, code, 'referring organisation');

/** The place an establishment is named after: "Leeds (HMP)" is in Leeds. */
export const townOf = (establishmentCode: string) =>
  establishment(establishmentCode).name.replace(/\s*\(.*\)$/, '');

/** The area's short code in the referring organisations' codes: RC-NW's liaison and diversion is LD-NW. */
export const areaCodeOf = (serviceCode: string) => reconnectService(serviceCode).code.replace(/^RC-/, '');

/** The RECONNECT service that receives a local authority: the service of its region. */
export function receivingServiceOf(localAuthorityCode: string): string {
  const { region } = localAuthority(localAuthorityCode);
  const service = [...read().services.values()].find((s) => s.region === region);
  if (!service) throw new Error(`demo seed: no RECONNECT service in ${region}`);
  return service.code;
}
