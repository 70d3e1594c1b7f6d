/**
 * The per-service plans of the demo caseload, as data: where each RECONNECT service's demo
 * referrals are held, which police force refers, and how its older post-release case ends.
 * Codes only (services and establishments from the reference data, `directory.ts` looks up their
 * names); who each referral is about comes from the person subgraph's `DEMO_CASELOAD`.
 */

/** The older post-release case: discharge-overdue, extended by the lead, or released two months ago. */
export type LateCase = 'overdue' | 'extended' | 'recent';

export interface ServicePlan {
  /** The RECONNECT service (reference data: reconnect_services.csv). */
  code: string;
  /** The service's usual prisons (reference data: establishments.csv). */
  prisons: readonly [string, string, string];
  /** The service's IRC, if its region has one: IRC healthcare and Home Office referrals come from it. */
  irc?: string;
  /** The police force of the service's area (a referring organisation, not in the reference data). */
  police: { code: string; name: string };
  /** Where a case's person is held, by case key, when not the usual prisons (women's prisons). */
  heldAt?: Readonly<Record<string, string>>;
  late: LateCase;
}

export const PLANS: readonly ServicePlan[] = [
  {
    code: 'RC-NEY',
    prisons: ['LEI', 'HLI', 'DMI'],
    irc: 'IRC-DW',
    police: { code: 'POL-WY', name: 'West Yorkshire Police' },
    heldAt: { declined: 'NHI' },
    late: 'extended',
  },
  {
    code: 'RC-NW',
    prisons: ['MRI', 'LPI', 'FBI'],
    police: { code: 'POL-GMP', name: 'Greater Manchester Police' },
    heldAt: { post: 'STI', 'pre-met': 'STI', consented: 'MRI' },
    late: 'overdue',
  },
  {
    code: 'RC-MID',
    prisons: ['BMI', 'NMI', 'LCI'],
    police: { code: 'POL-WM', name: 'West Midlands Police' },
    heldAt: { 'pre-unmet': 'DHI', discharged: 'DHI' },
    late: 'recent',
  },
  {
    code: 'RC-EOE',
    prisons: ['NWI', 'PBI', 'CDI'],
    irc: 'IRC-YW',
    police: { code: 'POL-NFK', name: 'Norfolk Constabulary' },
    late: 'recent',
  },
  {
    code: 'RC-LDN',
    prisons: ['PVI', 'WWI', 'BXI'],
    irc: 'IRC-HW',
    police: { code: 'POL-MPS', name: 'Metropolitan Police Service' },
    late: 'recent',
  },
  {
    code: 'RC-SE',
    prisons: ['LWI', 'WCI', 'EYI'],
    irc: 'IRC-BH',
    police: { code: 'POL-SXP', name: 'Sussex Police' },
    late: 'recent',
  },
  {
    code: 'RC-SW',
    prisons: ['BLI', 'EXI', 'CWI'],
    police: { code: 'POL-ASP', name: 'Avon and Somerset Police' },
    heldAt: { new: 'EWI' },
    late: 'overdue',
  },
];

export const DEMO_SERVICE_CODES = PLANS.map((p) => p.code);
