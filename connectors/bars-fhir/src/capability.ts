/** `GET /FHIR/R4/metadata`: what the endpoint supports (BARS.md, "Operations"). */
import type * as R4 from 'fhir/r4.js';

export function capabilityStatementOf(baseUrl: string, date: string): R4.CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date,
    publisher: 'NHS England, RECONNECT care after custody',
    kind: 'instance',
    software: { name: 'RECONNECT Hub BaRS FHIR connector' },
    implementation: { description: 'RECONNECT Hub: BaRS referrals into RECONNECT', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json'],
    rest: [
      {
        mode: 'server',
        documentation:
          'BaRS (NHS Booking and Referral Standard) referral requests for RECONNECT; the bearer token is the one the RECONNECT Hub gateway takes. See docs/FHIR.md.',
        security: {
          description:
            'Authorization: Bearer <JWT>, the same token the hub gateway takes; X-Request-Id and X-Correlation-Id (UUIDs) are required on $process-message.',
        },
        resource: [
          {
            type: 'ServiceRequest',
            interaction: [{ code: 'read' }, { code: 'search-type' }],
            searchParam: [
              {
                name: 'patient:identifier',
                type: 'token',
                documentation:
                  'https://fhir.nhs.uk/Id/nhs-number|{NHS number}: the caller’s referrals for that person',
              },
            ],
          },
        ],
        operation: [
          {
            name: 'process-message',
            definition: 'http://hl7.org/fhir/OperationDefinition/MessageHeader-process-message',
          },
        ],
      },
    ],
  };
}
