/**
 * The named demo people: fictional names, NHS numbers from the 999 range (never issued to real
 * patients) with valid check digits, and made-up prison numbers, CRNs and PNC ids. Some carry
 * health needs and risk assessments. Plain data: `write.ts` writes it, and the demo caseload
 * (`caseload.ts`) places some of these people in the services' caseloads.
 */
import { stableUuid } from '@reconnect/db';
import type { HealthNeedCategory, RiskGroup, RiskLevel } from '../db/schema.ts';

/** The stable id of a demo person (named or made up for the caseload), from its key. */
export const demoPersonId = (key: string) => stableUuid(`person:demo:${key}`);

export interface DemoPerson {
  key: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  nhsNumber?: string;
  prisonNumber?: string;
  crn?: string;
  pncId?: string;
  homeOfficeReference?: string;
  homeAreaCode?: string;
  needs?: [HealthNeedCategory, string][];
  risk?: { level: RiskLevel; riskTo: RiskGroup[]; summary: string; daysAgo: number; source: string };
}

export const DEMO_PEOPLE: DemoPerson[] = [
  {
    key: 'daniel-marsh',
    givenName: 'Daniel',
    familyName: 'Marsh',
    dateOfBirth: '1988-03-14',
    nhsNumber: '9990007926',
    prisonNumber: 'A1234BC',
    crn: 'X123456',
    pncId: '2012/0052834K',
    homeAreaCode: 'E08000035',
    needs: [
      ['MENTAL_HEALTH', 'Depression; on sertraline in custody.'],
      ['SUBSTANCE_MISUSE', 'Opiate use; on methadone script.'],
    ],
    risk: {
      level: 'HIGH',
      riskTo: ['KNOWN_ADULT', 'PUBLIC'],
      summary: 'History of violence when using.',
      daysAgo: 40,
      source: 'OASys (probation)',
    },
  },
  {
    key: 'kelly-ainsworth',
    givenName: 'Kelly',
    familyName: 'Ainsworth',
    dateOfBirth: '1995-11-02',
    nhsNumber: '9990023751',
    prisonNumber: 'B4821KD',
    crn: 'Y204817',
    homeAreaCode: 'E08000003',
    needs: [['ALCOHOL', 'Alcohol dependence; detoxed in custody.']],
    risk: {
      level: 'MEDIUM',
      riskTo: ['KNOWN_ADULT'],
      summary: 'Domestic incidents when drinking.',
      daysAgo: 90,
      source: 'OASys (probation)',
    },
  },
  {
    key: 'tomasz-nowak',
    givenName: 'Tomasz',
    familyName: 'Nowak',
    dateOfBirth: '1979-06-21',
    homeOfficeReference: 'N1234567',
    homeAreaCode: 'E09000007',
    needs: [['PHYSICAL_HEALTH', 'Type 2 diabetes; needs GP registration on release.']],
  },
  {
    key: 'shane-o-brien',
    givenName: 'Shane',
    familyName: "O'Brien",
    dateOfBirth: '1991-01-30',
    nhsNumber: '9990031673',
    prisonNumber: 'C7730PL',
    crn: 'Z558210',
    pncId: '2015/0123456U',
    homeAreaCode: 'E08000021',
    needs: [
      ['MENTAL_HEALTH', 'Psychosis; under in-reach team.'],
      ['BRAIN_INJURY', 'Acquired brain injury (2014).'],
      ['SOCIAL_CARE', 'Needs supported accommodation.'],
    ],
    risk: {
      level: 'VERY_HIGH',
      riskTo: ['PUBLIC', 'STAFF'],
      summary: 'Serious assault on staff while unwell.',
      daysAgo: 20,
      source: 'OASys (probation)',
    },
  },
  {
    key: 'aaliyah-grant',
    givenName: 'Aaliyah',
    familyName: 'Grant',
    dateOfBirth: '2001-08-09',
    nhsNumber: '9990039593',
    prisonNumber: 'D1029FG',
    homeAreaCode: 'E08000025',
    needs: [['NEURODIVERSITY', 'ADHD, diagnosed in custody.']],
  },
  {
    key: 'gary-pollard',
    givenName: 'Gary',
    familyName: 'Pollard',
    dateOfBirth: '1969-12-05',
    nhsNumber: '9990047510',
    prisonNumber: 'E5566HJ',
    crn: 'A900112',
    pncId: '2009/0007711T',
    homeAreaCode: 'E06000026',
    needs: [
      ['PHYSICAL_HEALTH', 'COPD; inhalers.'],
      ['ALCOHOL', 'Long-term alcohol use.'],
    ],
    risk: {
      level: 'LOW',
      riskTo: ['PUBLIC'],
      summary: 'No current concerns.',
      daysAgo: 120,
      source: 'OASys (probation)',
    },
  },
  {
    key: 'leanne-hughes',
    givenName: 'Leanne',
    familyName: 'Hughes',
    dateOfBirth: '1986-04-17',
    nhsNumber: '9990055432',
    crn: 'B310778',
    homeAreaCode: 'E08000012',
    needs: [
      ['SUBSTANCE_MISUSE', 'Crack cocaine use.'],
      ['MENTAL_HEALTH', 'Anxiety and self-harm history.'],
    ],
    risk: {
      level: 'HIGH',
      riskTo: ['CHILDREN'],
      summary: 'Safeguarding plan in place.',
      daysAgo: 15,
      source: 'Children’s services',
    },
  },
  {
    key: 'ahmed-farouk',
    givenName: 'Ahmed',
    familyName: 'Farouk',
    dateOfBirth: '1993-09-28',
    homeOfficeReference: 'F9876543',
    homeAreaCode: 'E06000023',
    needs: [['MENTAL_HEALTH', 'PTSD.']],
  },
  {
    key: 'ryan-whitfield',
    givenName: 'Ryan',
    familyName: 'Whitfield',
    dateOfBirth: '1998-02-11',
    nhsNumber: '9990063354',
    prisonNumber: 'F3141QR',
    crn: 'C271828',
    pncId: '2018/0404040X',
    homeAreaCode: 'E08000039',
    needs: [['LEARNING_DISABILITY', 'Mild learning disability; needs easy-read letters.']],
    risk: {
      level: 'MEDIUM',
      riskTo: ['PUBLIC'],
      summary: 'Acquisitive offending.',
      daysAgo: 60,
      source: 'OASys (probation)',
    },
  },
  {
    key: 'joanne-pike',
    givenName: 'Joanne',
    familyName: 'Pike',
    dateOfBirth: '1975-07-03',
    nhsNumber: '9990071276',
    prisonNumber: 'G2718ST',
    homeAreaCode: 'E06000052',
  },
  {
    key: 'marcus-bell',
    givenName: 'Marcus',
    familyName: 'Bell',
    dateOfBirth: '1983-10-19',
    nhsNumber: '9990079196',
    prisonNumber: 'H1618UV',
    crn: 'D161803',
    pncId: '2001/0000009Z',
    homeAreaCode: 'E07000146',
    needs: [
      ['SUBSTANCE_MISUSE', 'Spice use in custody.'],
      ['PHYSICAL_HEALTH', 'Hepatitis C, treatment started.'],
    ],
    risk: {
      level: 'HIGH',
      riskTo: ['PUBLIC', 'KNOWN_ADULT'],
      summary: 'Robbery with a weapon.',
      daysAgo: 30,
      source: 'OASys (probation)',
    },
  },
  {
    key: 'chloe-ward',
    givenName: 'Chloe',
    familyName: 'Ward',
    dateOfBirth: '2004-05-25',
    nhsNumber: '9990087113',
    crn: 'E112358',
    homeAreaCode: 'E08000035',
    needs: [['MENTAL_HEALTH', 'Emotionally unstable personality disorder.']],
  },
];
