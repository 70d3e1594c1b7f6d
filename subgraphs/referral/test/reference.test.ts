import { describe, expect, it } from 'vitest';
import { REFERENCE_ALPHABET, newReference, normaliseReference } from '../src/service/reference.ts';

describe('referral references', () => {
  it('look like RC-XXXX-XXXX and avoid look-alike characters', () => {
    for (let i = 0; i < 500; i += 1) {
      const ref = newReference();
      expect(ref).toMatch(/^RC-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      expect(ref.slice(3)).not.toMatch(/[0O1IL2Z5S8B]/);
    }
    expect(REFERENCE_ALPHABET).not.toMatch(/[0O1IL2Z5S8B]/);
  });

  it.each([
    ['RC-7K3M-9QX4', 'RC-7K3M-9QX4'],
    ['rc-7k3m-9qx4', 'RC-7K3M-9QX4'],
    ['RC 7K3M 9QX4', 'RC-7K3M-9QX4'],
    ['7K3M9QX4', 'RC-7K3M-9QX4'],
    ['RC-7K3M-9QX', null],
    ['RC-7K3M-9QX2', null], // 2 is a look-alike of Z: never issued
    ['', null],
    ["RC-7K3M-9QX4' OR 1=1", null],
  ])('normalises %j to %j', (input, expected) => {
    expect(normaliseReference(input)).toBe(expected);
  });
});
