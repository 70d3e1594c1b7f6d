// Types of identifiers.js (plain JavaScript so that the browser runs the same checks).
export declare function isNhsNumber(raw: string): boolean;
export declare function isPrisonNumber(raw: string): boolean;
export declare function isCrn(raw: string): boolean;
export declare function isPncId(raw: string): boolean;
export declare function isHomeOfficeReference(raw: string): boolean;
export declare const IDENTIFIERS: Record<
  'nhsNumber' | 'prisonNumber' | 'crn' | 'pncId' | 'homeOfficeReference',
  { check: (raw: string) => boolean; message: string }
>;
