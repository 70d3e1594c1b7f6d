/**
 * The hub's own scalars (Date, DateTime) checked at the gateway, in inline literals and in
 * variables alike, before anything is planned or fetched. The supergraph the gateway serves has
 * pass-through scalars: an impossible date written inline (`serviceMetrics(from: "2027-02-30")`)
 * passed the gateway, failed the subgraph's validation with HTTP 400, and came back as "The
 * referral service is unavailable" (DOWNSTREAM_SERVICE_ERROR, logged at ERROR, counted by the
 * outage alerts). Now it is the caller's BAD_USER_INPUT with the input path in `extensions.field`,
 * and no subgraph is asked. The messages are the subgraphs' own (SCALAR_MESSAGES), without the value.
 *
 * Identifiers (NHS number, prison number, CRN, PNC id) are `String` in the schema: the person
 * subgraph checks them and answers BAD_USER_INPUT with the field itself (a 200, relayed as it is).
 */
import {
  GraphQLError,
  Kind,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  typeFromAST,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { SCALAR_MESSAGES, hubError, isCalendarDate, isIsoDateTime } from '@reconnect/graph';

interface ScalarCheck {
  valid: (value: string) => boolean;
  /** Said of a string that is not one. */
  message: string;
  /** Said of a literal that is not a string. */
  notString: string;
}

/** The hub's scalars, as packages/graph/src/scalars.ts implements them in every subgraph. */
export const HUB_SCALARS: Record<string, ScalarCheck> = {
  Date: { valid: isCalendarDate, message: SCALAR_MESSAGES[0]!, notString: SCALAR_MESSAGES[1]! },
  DateTime: { valid: isIsoDateTime, message: SCALAR_MESSAGES[2]!, notString: SCALAR_MESSAGES[3]! },
};

type Report = (field: string, message: string, node?: ValueNode) => void;

/** Checks an inline literal of `type` at `path`; variables inside it are checked with the variables. */
function checkLiteral(node: ValueNode, type: GraphQLInputType, path: string, report: Report): void {
  if (node.kind === Kind.VARIABLE || node.kind === Kind.NULL) return;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    if (node.kind === Kind.LIST) {
      node.values.forEach((item, i) => checkLiteral(item, inner.ofType, `${path}[${i}]`, report));
    } else {
      checkLiteral(node, inner.ofType, path, report);
    }
    return;
  }
  if (isInputObjectType(inner)) {
    if (node.kind !== Kind.OBJECT) return; // ValuesOfCorrectTypeRule reports it
    const fields = inner.getFields();
    for (const field of node.fields) {
      const definition = fields[field.name.value];
      if (definition) checkLiteral(field.value, definition.type, `${path}.${field.name.value}`, report);
    }
    return;
  }
  const check = isScalarType(inner) ? HUB_SCALARS[inner.name] : undefined;
  if (!check) return;
  if (node.kind !== Kind.STRING) report(path, check.notString, node);
  else if (!check.valid(node.value)) report(path, check.message, node);
}

/**
 * A validation rule: every inline literal of a hub scalar is one, else BAD_USER_INPUT at its path:
 * an argument's literal, and a variable's default value (`$from: Date = "2027-02-30"`, which is
 * what the subgraph gets when the caller sends no value for it).
 */
export const hubScalarLiteralsRule: ValidationRule = (context) => {
  const report: Report = (field, message, at) =>
    context.reportError(
      new GraphQLError(`The value at "${field}" is invalid: ${message}`, {
        ...(at ? { nodes: [at] } : {}),
        extensions: { code: 'BAD_USER_INPUT', field },
      }),
    );
  return {
    Field(node) {
      const definition = context.getFieldDef();
      if (!definition || !node.arguments) return;
      for (const argument of node.arguments) {
        const arg = definition.args.find((a) => a.name === argument.name.value);
        if (arg) checkLiteral(argument.value, arg.type, argument.name.value, report);
      }
    },
    VariableDefinition(node) {
      if (!node.defaultValue) return;
      const type = typeFromAST(context.getSchema(), node.type as never) as GraphQLInputType | undefined;
      if (type) checkLiteral(node.defaultValue, type, node.variable.name.value, report);
    },
  };
};

/** Checks a variable's JSON value of `type` at `path`. */
function checkValue(value: unknown, type: GraphQLInputType, path: string, report: Report): void {
  if (value === null || value === undefined) return;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    if (Array.isArray(value))
      value.forEach((item, i) => checkValue(item, inner.ofType, `${path}[${i}]`, report));
    else checkValue(value, inner.ofType, path, report);
    return;
  }
  if (isInputObjectType(inner)) {
    if (typeof value !== 'object' || Array.isArray(value)) return; // coercion reports it
    for (const [name, definition] of Object.entries(inner.getFields())) {
      checkValue((value as Record<string, unknown>)[name], definition.type, `${path}.${name}`, report);
    }
    return;
  }
  const check = isScalarType(inner) ? HUB_SCALARS[inner.name] : undefined;
  if (!check) return;
  if (typeof value !== 'string') report(path, check.notString);
  else if (!check.valid(value)) report(path, check.message);
}

/**
 * The first variable of `document`'s operation whose value holds a hub scalar that is not one, as
 * BAD_USER_INPUT (HTTP 400) naming the input path; undefined when every one is well formed.
 */
export function hubScalarVariablesError(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): GraphQLError | undefined {
  let error: GraphQLError | undefined;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName && definition.name?.value !== operationName) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      const type = typeFromAST(schema, variable.type as never) as GraphQLInputType | undefined;
      if (!type || !HUB_SCALAR_NAMES.some((n) => reaches(type, n))) continue;
      const name = variable.variable.name.value;
      checkValue(variables?.[name], type, name, (field, message) => {
        error ??= hubError(
          'BAD_USER_INPUT',
          `Variable "$${name}" has an invalid value${field === name ? '' : ` at "${field}"`}: ${message}`,
          { field, http: { status: 400 } },
        );
      });
      if (error) return error;
    }
  }
  return undefined;
}

const HUB_SCALAR_NAMES = Object.keys(HUB_SCALARS);

/** Whether a value of `type` can hold the scalar `name` anywhere (input objects walked once each). */
function reaches(type: GraphQLInputType, name: string, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (named.name === name) return true;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((f) => reaches(f.type, name, seen));
}
