/** Data sharing agreements: whether one is in force on a day (pure). */
import type { AgreementRow } from '../db/schema.ts';

/** In force from its first to its last day inclusive (Europe/London calendar dates). */
export function isAgreementActive(
  agreement: Pick<AgreementRow, 'startsOn' | 'endsOn'>,
  today: string,
): boolean {
  return agreement.startsOn <= today && today <= agreement.endsOn;
}

/** The agreement in force today; if several overlap, the one that started last. */
export function activeAgreementOf<A extends Pick<AgreementRow, 'startsOn' | 'endsOn'>>(
  agreements: A[],
  today: string,
): A | null {
  return (
    agreements
      .filter((a) => isAgreementActive(a, today))
      .sort((a, b) => (a.startsOn < b.startsOn ? 1 : a.startsOn > b.startsOn ? -1 : 0))[0] ?? null
  );
}
