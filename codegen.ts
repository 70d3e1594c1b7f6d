/**
 * GraphQL Code Generator: every generated TypeScript file of the repository, one `generates` entry
 * (or pair of entries) per target. `pnpm codegen` writes them (scripts/codegen.ts, which also runs
 * Prettier over them), `pnpm check:generated` fails when a committed one is stale.
 *
 * - Each subgraph gets `src/generated/graphql.ts` (its schema's types: enums, inputs, arguments;
 *   what services take) and `src/generated/resolvers.ts` (the `Resolvers` map type, federation
 *   aware, with the subgraph's `Context` and its drizzle rows as the parent types).
 * - Each client in the repository gets typed documents for the operations it sends, checked
 *   against the public API (`schema/api.graphql`): write the document inline with `graphql(...)`
 *   from the client's `generated/` folder. A new client adds one `clientOf(...)` entry.
 */
import { readFileSync } from 'node:fs';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { Kind, parse } from 'graphql';

type Generates = CodegenConfig['generates'];

/**
 * The hub's scalars as the code holds them (packages/graph/src/scalars.ts): a `Date` is a
 * YYYY-MM-DD string both ways (drizzle reads date columns as strings); a `DateTime` arrives parsed
 * into a `Date`, and is answered from timestamp columns, which drizzle reads as `Date`s.
 */
const SUBGRAPH_SCALARS = {
  Date: 'string',
  DateTime: { input: 'Date', output: 'Date' },
  // Federation's own: a selection such as "id", in @key and @requires.
  _FieldSet: 'string',
};

/** What a client sends and receives over JSON: both scalars are strings. */
const CLIENT_SCALARS = { Date: 'string', DateTime: 'string' };

const COMMON = {
  // Enum values are the strings the database and the wire hold; TypeScript enums would not match.
  enumsAsTypes: true,
  useTypeImports: true,
  strictScalars: true,
};

/**
 * `subgraphs/<name>/src/generated/{graphql,resolvers}.ts`. `mappers` name the TypeScript type a
 * resolver of each GraphQL type receives as its parent (and must return), relative to the
 * generated folder, e.g. `../db/schema.ts#ReferralRow`.
 */
function subgraph(name: string, mappers: Record<string, string>): Generates {
  const dir = `subgraphs/${name}/src`;
  const schema = `${dir}/schema.graphql`;
  return {
    [`${dir}/generated/graphql.ts`]: {
      schema,
      plugins: ['typescript'],
      config: { ...COMMON, scalars: SUBGRAPH_SCALARS },
    },
    [`${dir}/generated/resolvers.ts`]: {
      schema,
      plugins: [{ add: { content: importsOfSchemaTypes(schema) } }, 'typescript-resolvers'],
      config: {
        ...COMMON,
        // The schema's types come from graphql.ts (above), as `Types.X`.
        namespacedImportName: 'Types',
        scalars: SUBGRAPH_SCALARS,
        federation: true,
        contextType: '../context.ts#Context',
        mappers,
      },
    },
  };
}

/**
 * resolvers.ts refers to the schema's types as `Types.X`, except in its federation map, which names
 * the resolvable entity types (a @key without `resolvable: false`) bare: both are imported from graphql.ts.
 */
function importsOfSchemaTypes(schemaFile: string): string {
  const entities = parse(readFileSync(schemaFile, 'utf8'))
    .definitions.filter(
      (d) =>
        (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) &&
        d.directives?.some(
          (directive) =>
            directive.name.value === 'key' &&
            !directive.arguments?.some(
              (a) => a.name.value === 'resolvable' && a.value.kind === Kind.BOOLEAN && !a.value.value,
            ),
        ),
    )
    .map((d) => (d as { name: { value: string } }).name.value)
    .sort();
  return [
    "import type * as Types from './graphql.ts';",
    ...(entities.length ? [`import type { ${entities.join(', ')} } from './graphql.ts';`] : []),
    '',
  ].join('\n');
}

/**
 * A client's typed documents (`<dir>/generated/`): the operations written with `graphql(...)` in
 * the client's own files, typed against the public API schema. Documents are kept as strings, as
 * the clients send them. `graphql(source)` finds its typed document by the source text itself, so
 * after changing a document (or letting Prettier reformat it) run `pnpm codegen` again;
 * `pnpm check:generated` says so when it was forgotten.
 */
function clientOf(dir: string, documents: string[]): Generates {
  return {
    [`${dir}/generated/`]: {
      schema: 'schema/api.graphql',
      documents,
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        ...COMMON,
        scalars: CLIENT_SCALARS,
        documentMode: 'string',
        onlyOperationTypes: true,
      },
    },
  };
}

const config: CodegenConfig = {
  overwrite: true,
  // Relative imports carry their extension (the workspace runs TypeScript sources directly).
  importExtension: '.ts',
  generates: {
    ...subgraph('regional-service', {
      Principal: '@reconnect/auth#Principal',
      ReconnectService: '../db/schema.ts#ServiceRow',
      Establishment: '../db/schema.ts#EstablishmentRow',
      LocalAuthority: '../db/schema.ts#LocalAuthorityRow',
      Staff: '../db/schema.ts#StaffRow',
      ReferringOrganisation: '../db/schema.ts#ReferringOrganisationRow',
    }),
    ...subgraph('person', {
      Person: '../db/schema.ts#PersonRow',
      HealthNeed: '../db/schema.ts#HealthNeedRow',
      RiskAssessment: '../db/schema.ts#RiskAssessmentRow',
      IdentityConflict: '../db/schema.ts#IdentityConflictRow',
      IdentityConflictResolution: '../db/schema.ts#IdentityConflictRow',
      IdentityConflictConnection: '../service/conflicts.ts#ConflictPage',
      IdentityConflictPayload: '../service/merge.ts#ConflictPayloadSource',
      AuditEvent: '@reconnect/audit#AuditEventRow',
      AuditEventConnection: '../service/access-log.ts#AccessLogPage',
      PersonMatch: '../service/matching.ts#IdentityResolution',
      PersonPayload: '../service/people.ts#PersonPayloadSource',
    }),
    ...subgraph('referral', {
      Referral: '../service/referral-actions.ts#ReferralParent',
      Handover: '../db/schema.ts#HandoverRow',
      ReferralEvent: '../db/schema.ts#ReferralEventRow',
      CommunityEngagement: '../db/schema.ts#EngagementRow',
      ReferralConnection: '../service/caseload.ts#CaseloadPage',
      HandoverConnection: '../service/handover-list.ts#HandoverPage',
      SubmitReferralPayload: '../service/submit.ts#SubmitResult',
      WebhookSubscription: '../service/webhooks.ts#WebhookView',
      ServiceMetrics: '../service/metrics.ts#ServiceMetrics',
      DueWorkConnection: '../service/due-work.ts#DueWorkPage',
      DueWorkItem: '../service/due-work.ts#DueWorkItemRow',
    }),
    ...subgraph('partner', {
      PartnerOrganisation: '../db/schema.ts#PartnerRow',
      DataSharingAgreement: '../db/schema.ts#AgreementRow',
      EnhancedCase: '../db/schema.ts#EnhancedCaseRow',
      CasePartner: '../db/schema.ts#CasePartnerRow',
      PartnerUpdate: '../db/schema.ts#PartnerUpdateRow',
      EnhancedCaseConnection: '../service/case-list.ts#CaseListPage',
      Referral: '../service/cases.ts#ReferralKey',
    }),
    // The clients in this repository that send operations to the gateway.
    ...clientOf('bench/src', ['bench/src/operations.ts']),
    ...clientOf('scripts/lib', ['scripts/lib/loadtest-traffic.ts']),
    ...clientOf('connectors/bars-fhir/src', ['connectors/bars-fhir/src/operations.ts']),
    ...clientOf('connectors/hmpps-events/src', ['connectors/hmpps-events/src/gateway.ts']),
    // The console keeps its operations in .graphql files and sends them as document nodes.
    'console/src/generated/': {
      schema: 'schema/api.graphql',
      documents: ['console/src/graphql/*.graphql'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        ...COMMON,
        scalars: CLIENT_SCALARS,
        onlyOperationTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
      },
    },
  },
};

export default config;
