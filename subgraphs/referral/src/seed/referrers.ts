/**
 * Who made each demo referral: an organisation of the directory of referring organisations
 * (reference data: referring_organisations.csv) whose kind allows the source (probation, police,
 * liaison and diversion, the Home Office, prison or IRC healthcare, the online form), in the
 * service's area, and a made-up person there. Healthcare is the establishment's own team
 * (`HCP-<prison>`, `HCI-<IRC>`). An organisation the directory lacks throws.
 */
import { areaCodeOf, referringOrganisation } from './directory.ts';
import type { ServicePlan } from './plans.ts';

export interface DemoReferrer {
  org: string;
  orgName: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  relationship: string | null;
}

/** The online form that people in custody, their family and friends use. */
const ONLINE_FORM = 'RCF-ONLINE';

const REFERRER_NAMES = [
  'Jane Whitaker',
  'Rob Ellison',
  'Priya Desai',
  'Mark Fletcher',
  'Sian Roberts',
  'Gareth Lloyd',
  'Olu Bankole',
  'Karen Moss',
];

/** The referrer of a service's `n`th demo referral from `source`, about a person held at `establishmentCode`. */
export function referrerFor(
  source: string,
  plan: ServicePlan,
  establishmentCode: string,
  person: { givenName: string; familyName: string },
  n: number,
): DemoReferrer {
  const name = REFERRER_NAMES[n % REFERRER_NAMES.length]!;
  const mail = (domain: string) => `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@${domain}`;
  const phone = `01632 960${String(100 + ((n * 37) % 900)).padStart(3, '0')}`;
  const professional = (org: string, domain: string): DemoReferrer => ({
    org,
    orgName: referringOrganisation(org).name,
    name,
    email: mail(domain),
    phone,
    relationship: null,
  });
  const area = areaCodeOf(plan.code);
  switch (source) {
    case 'PROBATION':
      return professional(plan.probation, 'probation.example.org');
    case 'POLICE':
      return professional(plan.police, 'police.example.org');
    case 'LIAISON_AND_DIVERSION':
      return professional(`LD-${area}`, 'nhs.example.org');
    case 'HOME_OFFICE_ENFORCEMENT':
      return professional('HO-IE', 'homeoffice.example.org');
    case 'PRISON_HEALTHCARE':
      return professional(`HCP-${establishmentCode}`, 'nhs.example.org');
    case 'IRC_HEALTHCARE':
      return professional(`HCI-${establishmentCode}`, 'nhs.example.org');
    case 'SELF':
      return {
        org: ONLINE_FORM,
        orgName: referringOrganisation(ONLINE_FORM).name,
        name: `${person.givenName} ${person.familyName}`,
        email: null,
        phone: null,
        relationship: null,
      };
    default:
      return {
        org: ONLINE_FORM,
        orgName: referringOrganisation(ONLINE_FORM).name,
        name: `${['Margaret', 'Denise', 'Tony', 'Sharon'][n % 4]} ${person.familyName}`,
        email: null,
        phone,
        relationship: ['Mother', 'Sister', 'Father', 'Partner'][n % 4]!,
      };
  }
}
