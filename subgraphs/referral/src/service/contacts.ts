/**
 * Pre-release contact compliance (DOMAIN.md): at least two contacts before release, face to face
 * where possible. A contact is pre-release when it happened before the release date, or while the
 * person is still in custody (no release date recorded).
 */
import { londonDateOf } from '@reconnect/config';

export const REQUIRED_PRE_RELEASE_CONTACTS = 2;

export function isPreRelease(occurredAt: Date, releasedOn: string | null): boolean {
  return releasedOn === null || londonDateOf(occurredAt) < releasedOn;
}

export function contactCompliance(list: { occurredAt: Date; mode: string }[], releasedOn: string | null) {
  const pre = list.filter((c) => isPreRelease(c.occurredAt, releasedOn));
  return {
    count: pre.length,
    faceToFace: pre.filter((c) => c.mode === 'FACE_TO_FACE').length,
    required: REQUIRED_PRE_RELEASE_CONTACTS,
    met: pre.length >= REQUIRED_PRE_RELEASE_CONTACTS,
  };
}
