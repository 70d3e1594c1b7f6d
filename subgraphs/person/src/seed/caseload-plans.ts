/**
 * Who each RECONNECT service's demo caseload is about, as data: eight people per service, one in
 * each place of the caseload (a place is a person the service's demo referrals tell a story
 * about). Named demo people (`people.ts`) take some places; the others get a person made up for
 * the caseload (`made-up-people.ts`). The referral subgraph's seed tells the stories; the cases of
 * each place are named here so that both seeds agree on which person each demo referral is about.
 */

export const CASELOAD_PLACES = [
  'new',
  'consented',
  'preMet',
  'preUnmet',
  'post',
  'postLate',
  'declined',
  'withdrawn',
] as const;
export type CaseloadPlace = (typeof CASELOAD_PLACES)[number];

/**
 * The demo referrals (by case key) about the person in each place, the first being the referral
 * that identified the person's needs: the person in `preMet` is referred again from another door
 * (a duplicate), and the person in `preUnmet` was supported and discharged after an earlier sentence.
 */
export const CASES_OF_PLACE: Record<CaseloadPlace, readonly string[]> = {
  new: ['new'],
  consented: ['consented'],
  preMet: ['pre-met', 'duplicate'],
  preUnmet: ['discharged', 'pre-unmet'],
  post: ['post'],
  postLate: ['post-late'],
  declined: ['declined'],
  withdrawn: ['withdrawn'],
};

export interface CaseloadPeoplePlan {
  serviceCode: string;
  /** Local authorities the service receives: the made-up people mostly live here. */
  homeAreas: readonly [string, string, string];
  /**
   * The service's region holds an IRC: the people made up for its `consented` and `withdrawn`
   * places are immigration detainees (a Home Office reference, no prison number or CRN).
   */
  immigrationDetainees: boolean;
  /** Named demo people (their keys) in this caseload, by place. */
  named: Partial<Record<CaseloadPlace, string>>;
}

/** In the directory's order of services; a made-up person's details depend on its position. */
export const CASELOAD_PEOPLE_PLANS: readonly CaseloadPeoplePlan[] = [
  {
    serviceCode: 'RC-NEY',
    homeAreas: ['E08000035', 'E08000039', 'E06000010'],
    immigrationDetainees: true,
    named: { preMet: 'daniel-marsh', post: 'shane-o-brien', new: 'ryan-whitfield', declined: 'chloe-ward' },
  },
  {
    serviceCode: 'RC-NW',
    homeAreas: ['E08000003', 'E08000012', 'E08000006'],
    immigrationDetainees: false,
    named: { post: 'kelly-ainsworth', preMet: 'leanne-hughes' },
  },
  {
    serviceCode: 'RC-MID',
    homeAreas: ['E08000025', 'E06000018', 'E06000016'],
    immigrationDetainees: false,
    named: { preUnmet: 'aaliyah-grant' },
  },
  {
    serviceCode: 'RC-EOE',
    homeAreas: ['E07000146', 'E06000031', 'E06000032'],
    immigrationDetainees: true,
    named: { post: 'marcus-bell' },
  },
  {
    serviceCode: 'RC-LDN',
    homeAreas: ['E09000007', 'E09000008', 'E09000005'],
    immigrationDetainees: true,
    named: { consented: 'tomasz-nowak' },
  },
  {
    serviceCode: 'RC-SE',
    homeAreas: ['E06000043', 'E06000038', 'E06000035'],
    immigrationDetainees: true,
    named: { consented: 'ahmed-farouk' },
  },
  {
    serviceCode: 'RC-SW',
    homeAreas: ['E06000023', 'E06000026', 'E06000052'],
    immigrationDetainees: false,
    named: { postLate: 'gary-pollard', new: 'joanne-pike' },
  },
];
