/** Reading AUTH.md's Roles and Field matrix tables into data (the permission matrix tests use it). */
import { describe, expect, it } from 'vitest';
import { MATRIX_COLUMNS, parseAuthContract, readAuthContract } from '../src/auth-matrix.ts';

const SAMPLE = `# Who may read

## Roles

| role | who | relationship that opens a referral or person |
|---|---|---|
| \`RECONNECT_STAFF\` | workers | the owning service |
| \`COMMISSIONER\` | NHS England | none: aggregate \`serviceMetrics\` only |

## Field matrix

"own" means the relationship holds.

| data | STAFF/LEAD (own) | REFERRER (own) | ER_PARTNER (own case) | COMMISSIONER | ADMIN |
|---|---|---|---|---|---|
| Person: id | read | read | read | no | read |
| staff lists | read | no | names of the case's named worker | no | read, write |

Extending support needs \`RECONNECT_LEAD\`.

## Errors

| code | when |
|---|---|
| \`FORBIDDEN\` | no |
`;

describe('parseAuthContract', () => {
  it('reads the Roles table, the field matrix by column, and the prose around it', () => {
    const contract = parseAuthContract(SAMPLE);
    expect(contract.roles).toEqual([
      { role: 'RECONNECT_STAFF', who: 'workers', relationship: 'the owning service' },
      { role: 'COMMISSIONER', who: 'NHS England', relationship: 'none: aggregate serviceMetrics only' },
    ]);
    expect(contract.columns).toEqual([
      { column: 'STAFF/LEAD', qualifier: 'own' },
      { column: 'REFERRER', qualifier: 'own' },
      { column: 'ER_PARTNER', qualifier: 'own case' },
      { column: 'COMMISSIONER', qualifier: null },
      { column: 'ADMIN', qualifier: null },
    ]);
    expect(contract.rows).toEqual([
      {
        data: 'Person: id',
        cells: {
          'STAFF/LEAD': 'read',
          REFERRER: 'read',
          ER_PARTNER: 'read',
          COMMISSIONER: 'no',
          ADMIN: 'read',
        },
      },
      {
        data: 'staff lists',
        cells: {
          'STAFF/LEAD': 'read',
          REFERRER: 'no',
          ER_PARTNER: "names of the case's named worker",
          COMMISSIONER: 'no',
          ADMIN: 'read, write',
        },
      },
    ]);
    expect(contract.matrixNotes).toEqual([
      '"own" means the relationship holds.',
      'Extending support needs `RECONNECT_LEAD`.',
    ]);
  });

  it('reads the columns by name, whatever their order', () => {
    const swapped = SAMPLE.replace(
      '| data | STAFF/LEAD (own) | REFERRER (own) |',
      '| data | REFERRER (own) | STAFF/LEAD (own) |',
    ).replace('| staff lists | read | no |', '| staff lists | no | read |');
    expect(parseAuthContract(swapped).rows[1]!.cells).toMatchObject({ 'STAFF/LEAD': 'read', REFERRER: 'no' });
  });

  it.each([
    ['a missing section', SAMPLE.replace('## Field matrix', '## Fields'), /no "## Field matrix" section/],
    ['an unknown column', SAMPLE.replace('| ADMIN |', '| AUDITOR |'), /unknown column "AUDITOR"/],
    [
      'a missing column',
      SAMPLE.replace(' ADMIN |\n|---|---|---|---|---|---|', '\n|---|---|---|---|---|'),
      /exactly the columns/,
    ],
    [
      'a ragged row',
      SAMPLE.replace('| read | read | read | no | read |', '| read | read | no | read |'),
      /ragged/,
    ],
    ['a row given twice', SAMPLE.replace('| staff lists |', '| Person: id |'), /twice/],
  ])('refuses %s', (_what, markdown, error) => {
    expect(() => parseAuthContract(markdown)).toThrow(error);
  });

  it('reads the contract next to this repository: every role and a cell for each column of each row', () => {
    const contract = readAuthContract();
    expect(contract.roles.map((r) => r.role)).toEqual(
      expect.arrayContaining([
        'RECONNECT_STAFF',
        'RECONNECT_LEAD',
        'RECONNECT_ADMIN',
        'REFERRER',
        'ER_PARTNER',
      ]),
    );
    expect(contract.rows.length).toBeGreaterThanOrEqual(10);
    for (const row of contract.rows) {
      expect(Object.keys(row.cells).sort()).toEqual([...MATRIX_COLUMNS].sort());
      for (const text of Object.values(row.cells)) expect(text, row.data).not.toBe('');
    }
  });

  it('reads the binding additions of contract/next/ beside AUTH.md', () => {
    const alone = readAuthContract(undefined, []);
    const contract = readAuthContract();
    expect(contract.roles.map((r) => r.role)).toEqual([...alone.roles.map((r) => r.role), 'HMPPS_EVENTS']);
    expect(contract.rows.map((r) => r.data).slice(alone.rows.length)).toEqual([
      'recordTransfer, recordTemporaryLicence',
      'applyCustodyEvent',
      'Person: identityConflicts (id, status, detectedAt, identifierType, referral; of otherPerson only id)',
      'Person: mergedInto',
      "identityConflicts query; in it, both records' givenName, familyName, dateOfBirth and identifiers",
      'resolveIdentityConflict',
      'subjectAccessReport',
      'IdentityConflict: kind, contestedIdentifiers',
      'referringOrganisations, referringOrganisation',
      'saveReferringOrganisation',
      'Referral: referringOrganisation',
      'ServiceMetrics: disclosureControlled, smallNumbers',
      'AuditEvent: correlationId',
      // next/casework.md.
      'ReferralFilter.search',
      'dueWork',
      'Referral: notes, appointments',
      'addCaseNote, bookAppointment',
      'recordAppointmentOutcome',
    ]);
    expect(contract.rows.find((r) => r.data === 'dueWork')!.cells['STAFF/LEAD']).toBe('own service only');
    // trust.md's rows are binding: its cells, not AUTH.md's, say who reads the directory.
    expect(contract.rows.find((r) => r.data === 'saveReferringOrganisation')!.cells.ADMIN).toBe('yes');
    expect(contract.rows.find((r) => r.data === 'applyCustodyEvent')!.cells.ADMIN).toBe(
      'no (HMPPS_EVENTS only)',
    );
  });

  it('reads an addition with no Roles section', () => {
    const rowsOnly = parseAuthContract(SAMPLE.slice(SAMPLE.indexOf('## Field matrix')), true);
    expect(rowsOnly.roles).toEqual([]);
    expect(rowsOnly.rows.length).toBeGreaterThan(0);
  });
});
