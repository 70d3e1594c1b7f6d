/**
 * The per-service plans of the demo caseload, as data: where each RECONNECT service's demo
 * referrals are held, which police force and probation region refer, and how its older
 * post-release case ends.
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
  /** The police force of the service's area (reference data: referring_organisations.csv). */
  police: string;
  /** The probation region of the service's usual prisons (referring_organisations.csv). */
  probation: string;
  /** Where a case's person is held, by case key, when not the usual prisons (women's prisons). */
  heldAt?: Readonly<Record<string, string>>;
  late: LateCase;
}

export const PLANS: readonly ServicePlan[] = [
  {
    code: 'RC-NEY',
    prisons: ['LEI', 'HLI', 'DMI'],
    irc: 'IRC-DW',
    police: 'POL-WY',
    probation: 'PROB-YH',
    heldAt: { declined: 'NHI' },
    late: 'extended',
  },
  {
    code: 'RC-NW',
    prisons: ['MRI', 'LPI', 'FBI'],
    police: 'POL-GMP',
    probation: 'PROB-NW',
    heldAt: { post: 'STI', 'pre-met': 'STI', consented: 'MRI' },
    late: 'overdue',
  },
  {
    code: 'RC-MID',
    prisons: ['BMI', 'NMI', 'LCI'],
    police: 'POL-WM',
    probation: 'PROB-WM',
    heldAt: { 'pre-unmet': 'DHI', discharged: 'DHI' },
    late: 'recent',
  },
  {
    code: 'RC-EOE',
    prisons: ['NWI', 'PBI', 'CDI'],
    irc: 'IRC-YW',
    police: 'POL-NFK',
    probation: 'PROB-EOE',
    late: 'recent',
  },
  {
    code: 'RC-LDN',
    prisons: ['PVI', 'WWI', 'BXI'],
    irc: 'IRC-HW',
    police: 'POL-MPS',
    probation: 'PROB-LDN',
    late: 'recent',
  },
  {
    code: 'RC-SE',
    prisons: ['LWI', 'WCI', 'EYI'],
    irc: 'IRC-BH',
    police: 'POL-SXP',
    probation: 'PROB-KSS',
    late: 'recent',
  },
  {
    code: 'RC-SW',
    prisons: ['BLI', 'EXI', 'CWI'],
    police: 'POL-ASP',
    probation: 'PROB-SW',
    heldAt: { new: 'EWI' },
    late: 'overdue',
  },
];

export const DEMO_SERVICE_CODES = PLANS.map((p) => p.code);
