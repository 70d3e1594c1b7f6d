/**
 * What the demo referrals need from the other subgraphs' demo data, handed in by the composition
 * root (`seedDemoData`): the person subgraph's `DEMO_CASELOAD` (which person each demo referral is
 * about) and the directory's demo staff. Structural types, so this subgraph imports no other.
 */

/** A demo person, as the person subgraph describes them for the caseload. */
export interface DemoPersonRef {
  id: string;
  givenName: string;
  familyName: string;
  homeAreaCode: string | null;
  /** The health needs the person's demo referrals identify, as (category, description). */
  needs: readonly (readonly [string, string])[];
  /** Held under immigration powers: the person's referrals come from an IRC. */
  immigrationDetainee: boolean;
}

/** A demo referral of the person subgraph's `DEMO_CASELOAD`: its service, case key, id and person. */
export interface DemoCaseRef {
  serviceCode: string;
  caseKey: string;
  referralId: string;
  person: DemoPersonRef;
}

/** A demo staff member of the directory (regional-service's `demoStaff`). */
export interface DemoStaffRef {
  id: string;
  name: string;
  role: string;
  active: boolean;
}

export interface DemoInputs {
  caseload: readonly DemoCaseRef[];
  staff(serviceCode: string): readonly DemoStaffRef[];
}
