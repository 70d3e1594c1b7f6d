/**
 * graphql-shield, set up safely for the hub (STACK-NOTES.md): deny by default, errors thrown by
 * resolvers keep their own codes, and a denial is a FORBIDDEN error at the field's path.
 */
import type { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { allow, and, deny, not, or, rule as shieldRule, shield } from 'graphql-shield';
import type { IRule, IRules } from 'graphql-shield';
import { hasRole, isServiceStaff, type Principal, type Role } from '@reconnect/auth';
import { forbidden } from './errors.ts';

export { allow, and, deny, not, or };
export type { IRule, IRules };

/**
 * graphql-shield's `rule`, except that a rule which throws (its relationship query failed because
 * the database went away, say) answers with that error rather than a denial. Shield turns a thrown
 * error into `false`, and so into FORBIDDEN: a caller with every right would be told it has none,
 * and would not retry. Returned, the error fails the field like any resolver error (masked as
 * INTERNAL_SERVER_ERROR unless it is the hub's own).
 */
export const rule: typeof shieldRule = (name, options) => {
  const build = shieldRule(name, options);
  return (func) =>
    build(async (parent, args, ctx, info) => {
      try {
        return await func(parent, args, ctx, info);
      } catch (error) {
        return error instanceof Error ? error : new Error(String(error));
      }
    });
};

export function hubShield(permissions: IRules) {
  return shield(permissions, {
    fallbackRule: deny,
    allowExternalErrors: true,
    fallbackError: () => forbidden(),
    debug: false,
  });
}

const roleRules = new Map<string, IRule>();

/** The caller has one of these roles. Depends on the request only, so it is cached per request. */
export function hasAnyRole(...roles: Role[]): IRule {
  const name = `hasAnyRole:${[...roles].sort().join(',')}`;
  let r = roleRules.get(name);
  if (!r) {
    r = rule(name, { cache: 'contextual' })((_parent, _args, ctx: { principal?: { roles: Role[] } }) =>
      hasRole(ctx.principal as never, ...roles),
    );
    roleRules.set(name, r);
  }
  return r;
}

/** The caller is RECONNECT service staff: @reconnect/auth's isServiceStaff, per request. */
export const serviceStaff: IRule = rule('serviceStaff', { cache: 'contextual' })(
  (_parent, _args, ctx: { principal?: Principal }) => isServiceStaff(ctx.principal),
);

/** Federation plumbing the gateway needs; only reachable with a valid internal token anyway. */
export const federationRules: IRules = {
  Query: { _service: allow, _entities: allow },
  _Service: { sdl: allow },
};

/**
 * Fields of the schema that no rule names: every object type must have a type-wide rule, a `*`
 * rule, or a rule per field. The deny-by-default test asserts this list is empty.
 */
export function fieldsWithoutRules(schema: GraphQLSchema, permissions: IRules): string[] {
  const missing: string[] = [];
  const map = permissions as Record<string, unknown>;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectTypeOfAnyRealm(type) || type.name.startsWith('__')) continue;
    const typeRule = map[type.name];
    if (typeRule && !isFieldMap(typeRule)) continue;
    const fieldRules = (typeRule ?? {}) as Record<string, unknown>;
    if (fieldRules['*']) continue;
    for (const field of Object.keys((type as GraphQLObjectType).getFields())) {
      if (!fieldRules[field]) missing.push(`${type.name}.${field}`);
    }
  }
  return missing;
}

/**
 * `isObjectType` uses `instanceof`, which fails when the schema was built by another copy of
 * graphql-js (under vitest, Apollo's CommonJS copy and our ESM copy are two): a check that throws
 * or skips types would make the deny-by-default test useless. graphql-js tags its types instead.
 */
function isObjectTypeOfAnyRealm(type: unknown): type is GraphQLObjectType {
  return Object.prototype.toString.call(type) === '[object GraphQLObjectType]';
}

function isFieldMap(value: unknown): boolean {
  // A rule is a class instance (Rule, RuleAnd, ...); a field map is a plain object.
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}
