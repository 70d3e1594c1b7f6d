/**
 * Corroboration (DOMAIN.md, "One person, many doors", step 2): an identifier alone never proves
 * who someone is. A record is the submission's person only when its date of birth equals the
 * submission's and its family name or its given name equals the submission's once both are
 * normalised. Pure functions, no database: the rule is tested on its own (demographics.test.ts).
 *
 * Normalisation uses the ECMAScript built-ins, which are the Unicode standard's own algorithms as
 * shipped in Node's ICU: `String.prototype.normalize('NFKD')` decomposes "é" to "e" plus a
 * combining accent and compatibility forms ("ﬁ", full-width letters) to their plain letters;
 * removing `\p{M}` (every combining mark) takes the accents off; `toLowerCase()` is Unicode's
 * locale-independent lower-casing (not `toLocaleLowerCase`, whose Turkish dotless i would make a
 * match depend on the server's locale); keeping only `\p{L}` drops hyphens, apostrophes, spaces
 * and digits. No hand-typed table of accents.
 */

export interface Demographics {
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD, or null when the record has none (it then corroborates nothing). */
  dateOfBirth: string | null;
}

/** "O'Brien" -> "obrien", "Zoë" -> "zoe", "Smith-Jones" -> "smithjones", "ＪＯＳＥ" -> "jose". */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}]/gu, '');
}

/**
 * True when `record` corroborates `submission`: the same date of birth, and the same family name
 * (a nickname, or a twin: see docs/GOVERNANCE.md, "Matching") or the same given name (a name
 * changed by marriage). A name that normalises to nothing (no letters at all) corroborates nothing.
 */
export function corroborates(record: Demographics, submission: Demographics): boolean {
  if (record.dateOfBirth === null || record.dateOfBirth !== submission.dateOfBirth) return false;
  const same = (a: string, b: string) => {
    const x = normaliseName(a);
    return x.length > 0 && x === normaliseName(b);
  };
  return same(record.familyName, submission.familyName) || same(record.givenName, submission.givenName);
}
