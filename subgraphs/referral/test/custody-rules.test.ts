/**
 * The custody changes' pure rules (DOMAIN.md, "Custody changes"), table-driven: what a transfer
 * changes and whether it hands the referral over, and what a temporary licence changes.
 */
import { describe, expect, it } from 'vitest';
import { temporaryLicenceChange, transferChange, type TransferFacts } from '../src/service/custody.ts';

const AT_MANCHESTER = {
  establishmentCode: 'MRI',
  custodyType: 'PRISON',
  owningServiceCode: 'RC-NW',
} as const;
const facts = (over: Partial<TransferFacts> = {}): TransferFacts => ({
  current: AT_MANCHESTER,
  to: { code: 'FBI', type: 'PRISON', localServiceCode: 'RC-NW' },
  transferredOn: '2026-11-24',
  referredOn: '2026-11-20',
  today: '2026-11-25',
  openHandover: false,
  ...over,
});

describe('transferChange', () => {
  it.each([
    ['within the owning service', facts(), null, ['custody.establishment'], /from MRI to FBI on 2026-11-24$/],
    [
      "to another service's prison",
      facts({ to: { code: 'LEI', type: 'PRISON', localServiceCode: 'RC-NEY' } }),
      'RC-NEY',
      ['custody.establishment'],
      /from MRI to LEI/,
    ],
    [
      "to another service's prison with a handover open",
      facts({ to: { code: 'LEI', type: 'PRISON', localServiceCode: 'RC-NEY' }, openHandover: true }),
      null,
      ['custody.establishment'],
      /to LEI/,
    ],
    [
      'to an IRC of another service (the type changes too)',
      facts({ to: { code: 'HEI', type: 'IRC', localServiceCode: 'RC-SE' } }),
      'RC-SE',
      ['custody.establishment', 'custody.type'],
      /\(PRISON to IRC\)$/,
    ],
    [
      'to an establishment no service covers',
      facts({ to: { code: 'XYZ', type: 'PRISON', localServiceCode: null } }),
      null,
      ['custody.establishment'],
      /to XYZ/,
    ],
    [
      'on the day itself',
      facts({ transferredOn: '2026-11-25' }),
      null,
      ['custody.establishment'],
      /2026-11-25/,
    ],
    [
      'on the day of the referral',
      facts({ transferredOn: '2026-11-20' }),
      null,
      ['custody.establishment'],
      /2026-11-20/,
    ],
  ] as const)('%s', (_label, input, handOverTo, fields, reason) => {
    const change = transferChange(input);
    expect(change.set).toEqual({ establishmentCode: input.to.code, custodyType: input.to.type });
    expect(change.handOverTo).toBe(handOverTo);
    expect(change.fields).toEqual(fields);
    expect(change.reason).toMatch(reason);
  });

  it.each([
    ['a transfer date in the future', facts({ transferredOn: '2026-11-26' }), 'transferredOn', /future/],
    [
      'a transfer date before the referral',
      facts({ transferredOn: '2026-11-19' }),
      'transferredOn',
      /before/,
    ],
    [
      'a transfer to where the person is',
      facts({ to: { code: 'MRI', type: 'PRISON', localServiceCode: 'RC-NW' } }),
      'establishmentCode',
      /already at MRI/,
    ],
  ] as const)('refuses %s (BAD_USER_INPUT on the field)', (_label, input, field, message) => {
    let thrown: unknown;
    try {
      transferChange(input);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
    expect((thrown as Error).message).toMatch(message);
  });
});

describe('temporaryLicenceChange', () => {
  it.each([
    [false, true, 'referral.temporary-licence-started', /began/],
    [true, false, 'referral.temporary-licence-ended', /ended/],
  ] as const)('on licence %s, recorded %s: %s', (now, next, event, reason) => {
    const change = temporaryLicenceChange(now, next);
    expect(change.set).toEqual({ onTemporaryLicence: next });
    expect(change.event).toBe(event);
    expect(change.reason).toMatch(reason);
  });

  it.each([
    [true, true, /already on temporary licence/],
    [false, false, /not on temporary licence/],
  ] as const)('on licence %s, recorded %s: INVALID_TRANSITION', (now, next, message) => {
    expect(() => temporaryLicenceChange(now, next)).toThrow(message);
    try {
      temporaryLicenceChange(now, next);
    } catch (error) {
      expect(error).toMatchObject({ extensions: { code: 'INVALID_TRANSITION' } });
    }
  });
});
