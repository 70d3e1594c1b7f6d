/**
 * OperationOutcomes the connector answers with (BARS.md, "Back to FHIR"): an HTTP status, a FHIR
 * issue type, the NHS http-error-code of `details`, and diagnostics that never carry personal data
 * (they name rules, codes and FHIR paths, never a value the sender sent).
 */
import type * as R4 from 'fhir/r4.js';
import { GATEWAY_MAX_BODY_BYTES } from '@reconnect/config';

export const HTTP_ERROR_CODES = 'https://fhir.nhs.uk/Codesystem/http-error-codes';

const DETAIL_OF_STATUS: Record<number, { code: string; display: string }> = {
  400: { code: 'REC_BAD_REQUEST', display: '400: The API was unable to process the request.' },
  401: { code: 'REC_UNAUTHORIZED', display: '401: Unauthorized.' },
  403: { code: 'REC_FORBIDDEN', display: '403: Forbidden.' },
  404: { code: 'REC_NOT_FOUND', display: '404: Not found.' },
  405: { code: 'REC_METHOD_NOT_ALLOWED', display: '405: Method not allowed.' },
  406: { code: 'REC_NOT_ACCEPTABLE', display: '406: Not acceptable.' },
  409: { code: 'REC_CONFLICT', display: '409: Conflict.' },
  413: { code: 'REC_BAD_REQUEST', display: '400: The API was unable to process the request.' },
  415: { code: 'REC_UNSUPPORTED_MEDIA_TYPE', display: '415: Unsupported media type.' },
  422: { code: 'REC_UNPROCESSABLE_ENTITY', display: '422: Unprocessable entity.' },
  500: { code: 'REC_SERVER_ERROR', display: '500: Internal server error.' },
  503: { code: 'REC_SERVICE_UNAVAILABLE', display: '503: Service unavailable.' },
};

export type IssueType = R4.OperationOutcomeIssue['code'];

export interface Problem {
  code: IssueType;
  diagnostics: string;
  /** FHIR paths (FHIRPath simple expressions) of the elements at fault. */
  expression?: string[] | undefined;
}

/** A request the connector refuses: its HTTP status and the issues of its OperationOutcome. */
export class FhirError extends Error {
  readonly status: number;
  readonly problems: Problem[];
  constructor(status: number, problems: Problem | Problem[]) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map((p) => p.diagnostics).join('; '));
    this.name = 'FhirError';
    this.status = status;
    this.problems = list;
  }
}

export function operationOutcome(status: number, problems: Problem[]): R4.OperationOutcome {
  const detail = DETAIL_OF_STATUS[status] ?? DETAIL_OF_STATUS[status >= 500 ? 500 : 400]!;
  return {
    resourceType: 'OperationOutcome',
    issue: problems.map((p) => ({
      severity: 'error',
      code: p.code,
      details: { coding: [{ system: HTTP_ERROR_CODES, code: detail.code, display: detail.display }] },
      diagnostics: p.diagnostics,
      ...(p.expression && p.expression.length > 0 ? { expression: p.expression } : {}),
    })),
  };
}

/** A message larger than the connector takes, or than the gateway would take from it (413). */
export function tooLarge(maxBodyBytes = GATEWAY_MAX_BODY_BYTES): FhirError {
  return new FhirError(413, {
    code: 'too-costly',
    diagnostics: `A message is at most ${maxBodyBytes} bytes (${Math.floor(maxBodyBytes / 1024)} KiB).`,
  });
}
