/**
 * The hub's permissions: rule maps written with graphql-shield's constructors (`rule`, `and`, `or`,
 * `allow`, ...), compiled once at schema build into a wrapper around each field's resolver
 * (`applyPermissions`). Deny by default, every denial a FORBIDDEN error at the field's path, and a
 * rule that throws is an error, not a denial, as under shield's middleware. The middleware itself
 * is not used: it wrapped every field of every row in an async resolver and evaluated every branch
 * of `and`/`or`, which on a caseload page of 50 cost the referral subgraph 18.8 ms of CPU against
 * 4.2 ms without it (docs/PERFORMANCE.md). Compiled, a field whose rule is `allow` is not wrapped,
 * a synchronous rule (a role check) answers synchronously, `and`/`or` stop at the first answer that
 * decides them (shield's `chain` and `race`), and a record's decision is made once per request.
 */
import {
  defaultFieldResolver,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { allow, and, chain, deny, not, or, race, rule as shieldRule } from 'graphql-shield';
import type { IRule, IRules } from 'graphql-shield';
import { hasRole, isServiceStaff, type Principal, type Role } from '@reconnect/auth';
import { forbidden } from './errors.ts';

export { allow, and, chain, deny, not, or, race };
export type { IRule, IRules };

/**
 * graphql-shield's `rule`, except that a rule which throws (its relationship query failed because
 * the database went away, say) answers with that error rather than a denial. Shield turns a thrown
 * error into `false`, and so into FORBIDDEN: a caller with every right would be told it has none,
 * and would not retry. Returned, the error fails the field like any resolver error (masked as
 * INTERNAL_SERVER_ERROR unless it is the hub's own). A rule that answers synchronously stays
 * synchronous, so a role check costs no promise.
 */
export const rule: typeof shieldRule = (name, options) => {
  const build = shieldRule(name, options);
  return (func) =>
    build((parent, args, ctx, info) => {
      try {
        const answer = func(parent, args, ctx, info);
        return isPromise(answer) ? answer.catch(asError) : answer;
      } catch (error) {
        return asError(error);
      }
    });
};

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function isPromise<T>(value: unknown): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** What a rule decides: allowed, denied, or an error (which fails the field, never denies it). */
type Decision = boolean | Error;
type Pending = Decision | Promise<Decision>;
type Evaluate = (parent: unknown, args: Record<string, unknown>, ctx: object, info: unknown) => Pending;

/** Per request (keyed by the context object): contextual rules by name, decisions per record. */
interface RequestCache {
  contextual: Map<string, Pending>;
  /** record -> rule -> decision, for fields without arguments on object types. */
  records: WeakMap<object, Map<unknown, Pending>>;
}

const requestCaches = new WeakMap<object, RequestCache>();

function cacheOf(ctx: object): RequestCache {
  let cache = requestCaches.get(ctx);
  if (!cache) {
    cache = { contextual: new Map(), records: new WeakMap() };
    requestCaches.set(ctx, cache);
  }
  return cache;
}

/** Shield's reading of a rule function's answer: an Error or a message is an error, only `true` allows. */
function normalise(answer: unknown): Decision {
  if (answer instanceof Error) return answer;
  if (typeof answer === 'string') return new Error(answer);
  return answer === true;
}

function then(pending: Pending, next: (decision: Decision) => Pending): Pending {
  return isPromise<Decision>(pending) ? pending.then(next) : next(pending);
}

const ALLOW = Symbol('allow');

interface ShieldRule {
  name: string;
  func: (parent: unknown, args: unknown, ctx: unknown, info: unknown) => unknown;
  cache: 'contextual' | 'strict' | 'no_cache' | ((...a: unknown[]) => string);
}
interface ShieldLogicRule {
  getRules(): IRule[];
  error?: Error;
}

/**
 * One rule tree as one function. `and`/`chain` stop at the first answer that is not `true` and
 * return it; `or`/`race` stop at the first `true`, else return the first error, else deny. (Shield's
 * `and` and `or` run every branch and, for `and`, prefer a later error to an earlier denial; here a
 * role check that denies means the relationship query never runs.) `not` of an error is that error
 * (shield's `not` would turn it into an allow).
 */
function compile(r: unknown): Evaluate | typeof ALLOW {
  const kind = (r as object).constructor.name;
  switch (kind) {
    case 'RuleTrue':
      return ALLOW;
    case 'RuleFalse':
      return () => false;
    case 'Rule':
    case 'InputRule':
      return compileLeaf(r as unknown as ShieldRule);
    case 'RuleAnd':
    case 'RuleChain':
    case 'RuleOr':
    case 'RuleRace': {
      const parts = (r as unknown as ShieldLogicRule).getRules().map(compile);
      const all = kind === 'RuleAnd' || kind === 'RuleChain';
      if (all) {
        const needed = parts.filter((p): p is Evaluate => p !== ALLOW);
        if (needed.length === 0) return ALLOW;
        return (parent, args, ctx, info) => {
          const step = (i: number): Pending =>
            i === needed.length
              ? true
              : then(needed[i]!(parent, args, ctx, info), (d) => (d === true ? step(i + 1) : d));
          return step(0);
        };
      }
      if (parts.includes(ALLOW)) return ALLOW;
      const options = parts as Evaluate[];
      return (parent, args, ctx, info) => {
        const step = (i: number, error: Error | undefined): Pending =>
          i === options.length
            ? (error ?? false)
            : then(options[i]!(parent, args, ctx, info), (d) =>
                d === true ? true : step(i + 1, error ?? (d instanceof Error ? d : undefined)),
              );
        return step(0, undefined);
      };
    }
    case 'RuleNot': {
      const logic = r as unknown as ShieldLogicRule;
      const inner = compile(logic.getRules()[0]!);
      const error = logic.error;
      if (inner === ALLOW) return () => error ?? false;
      return (parent, args, ctx, info) =>
        then(inner(parent, args, ctx, info), (d) =>
          d instanceof Error ? d : d === true ? (error ?? false) : true,
        );
    }
    default:
      throw new Error(`A permission rule of a kind the hub does not know: ${kind}`);
  }
}

function compileLeaf(r: ShieldRule): Evaluate {
  const run = (parent: unknown, args: unknown, ctx: unknown, info: unknown): Pending => {
    try {
      const answer = r.func(parent, args, ctx, info);
      // A rule function that throws or rejects denies, as under shield; the hub's `rule` catches
      // first and answers with the error instead.
      return isPromise(answer) ? answer.then(normalise, () => false) : normalise(answer);
    } catch {
      return false;
    }
  };
  if (r.cache === 'contextual') {
    return (parent, args, ctx, info) => {
      const cache = cacheOf(ctx).contextual;
      let d = cache.get(r.name);
      if (d === undefined) {
        d = run(parent, args, ctx, info);
        cache.set(r.name, d);
      }
      return d;
    };
  }
  // 'strict' and keyed caches are left to the per-record decision of `guarded`: one evaluation
  // per record and rule already, and never an answer kept across records.
  return run;
}

function hasArgs(args: Record<string, unknown>): boolean {
  return Object.keys(args).length > 0;
}

/**
 * Wraps each field's resolver in its rule, in place, and returns the schema. Every object type's
 * every field gets the rule the map names for it (its own, the type's `*`, the type-wide rule), or
 * `deny`. A record's decision under one rule is remembered for the request, so the ten status
 * fields of one referral ask once; fields with arguments and root fields decide every time.
 */
export function applyPermissions(schema: GraphQLSchema, permissions: IRules): GraphQLSchema {
  assertRuleNamesUnique(permissions);
  const map = permissions as Record<string, unknown>;
  // One compiled function per rule object: the per-record decisions are remembered by it, so the
  // fields one rule guards share one decision.
  const compiled = new Map<unknown, Evaluate | typeof ALLOW>();
  const compileOnce = (r: unknown) => {
    let c = compiled.get(r);
    if (c === undefined) compiled.set(r, (c = compile(r)));
    return c;
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectTypeOfAnyRealm(type) || type.name.startsWith('__')) continue;
    const typeRule = map[type.name];
    const fields = type.getFields();
    const fieldRules = typeRule && isFieldMap(typeRule) ? (typeRule as Record<string, IRule>) : undefined;
    if (fieldRules) {
      const unknown = Object.keys(fieldRules).filter((f) => f !== '*' && !(f in fields));
      if (unknown.length > 0) {
        throw new Error(
          `Rules name fields the schema does not have: ${unknown.map((f) => `${type.name}.${f}`).join(', ')}`,
        );
      }
    }
    const root =
      type === schema.getQueryType() ||
      type === schema.getMutationType() ||
      type === schema.getSubscriptionType();
    for (const [name, field] of Object.entries(fields)) {
      const chosen: unknown = fieldRules
        ? (fieldRules[name] ?? fieldRules['*'] ?? deny)
        : ((typeRule as IRule | undefined) ?? deny);
      const check = compileOnce(chosen);
      if (check === ALLOW) continue;
      field.resolve = guarded(check, field.resolve ?? defaultFieldResolver, !root);
    }
  }
  return schema;
}

function guarded(
  check: Evaluate,
  resolve: GraphQLFieldResolver<unknown, object>,
  perRecord: boolean,
): GraphQLFieldResolver<unknown, object> {
  const decide = (parent: unknown, args: Record<string, unknown>, ctx: object, info: unknown): Pending => {
    if (!perRecord || typeof parent !== 'object' || parent === null || hasArgs(args)) {
      return check(parent, args, ctx, info);
    }
    const records = cacheOf(ctx).records;
    let decisions = records.get(parent);
    if (!decisions) records.set(parent, (decisions = new Map()));
    let d = decisions.get(check);
    if (d === undefined) {
      d = check(parent, args, ctx, info);
      decisions.set(check, d);
    }
    return d;
  };
  return (parent, args, ctx, info) => {
    const d = decide(parent, args, ctx ?? {}, info);
    if (isPromise<Decision>(d))
      return d.then((decision) => (decision === true ? resolve(parent, args, ctx, info) : refusal(decision)));
    return d === true ? resolve(parent, args, ctx, info) : refusal(d);
  };
}

/** A denial is FORBIDDEN at the field's path; an error (a rule that failed) is that error. */
function refusal(decision: false | Error): Error {
  return decision === false ? forbidden() : decision;
}

/** Shield's own check: two different rules of one name would share one contextual cache entry. */
function assertRuleNamesUnique(permissions: IRules): void {
  const seen = new Map<string, unknown>();
  const visit = (r: unknown): void => {
    if (!r || typeof r !== 'object') return;
    if (isFieldMap(r)) return Object.values(r as Record<string, unknown>).forEach(visit);
    const kind = r.constructor.name;
    if (kind === 'Rule' || kind === 'InputRule') {
      const { name, func } = r as ShieldRule;
      if (seen.has(name) && seen.get(name) !== func) {
        throw new Error(`Two different permission rules are both named ${name}.`);
      }
      seen.set(name, func);
    } else if (typeof (r as ShieldLogicRule).getRules === 'function') {
      (r as ShieldLogicRule).getRules().forEach(visit);
    }
  };
  visit(permissions);
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
