/**
 * The directory of referring organisations (contract/next/trust.md, "The source fits the
 * organisation"): reading it as each caller may, and information governance keeping it.
 */
import { eq, sql } from 'drizzle-orm';
import { hasRole, isServiceStaff, type Principal } from '@reconnect/auth';
import { auditActor, recordAuditEvents } from '@reconnect/audit';
import { badInput, forbidden } from '@reconnect/graph';
import { ALLOWED_SOURCES, REGIONS, isReferringOrganisationKind } from '@reconnect/reference-data';
import type { Context } from '../context.ts';
import { listReferringOrganisations, type ReferringOrganisationFilter } from '../db/queries.ts';
import { referringOrganisations, services, type ReferringOrganisationRow } from '../db/schema.ts';
import type { ReferringOrganisationInput } from '../generated/graphql.ts';

export const MAX_CODE_LENGTH = 40;
export const MAX_NAME_LENGTH = 200;
/** Upper-case letters and digits in parts joined by single hyphens: PROB-NW, HCI-IRC-DW, Y01234. */
const CODE_PATTERN = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

/** The sources an organisation of this kind may give. */
export function allowedSourcesOf(row: Pick<ReferringOrganisationRow, 'kind'>): string[] {
  return [...(ALLOWED_SOURCES[row.kind] ?? [])];
}

/** Reads the whole directory: RECONNECT staff and leads, commissioners, information governance. */
export function readsWholeDirectory(p: Principal): boolean {
  return isServiceStaff(p) || hasRole(p, 'COMMISSIONER', 'RECONNECT_ADMIN');
}

/**
 * Security decision: a referrer reads its own organisation only (the token's `org`), so the list
 * is narrowed to it; callers who read the whole directory get every row the filters keep. The
 * shield rule has already refused everyone else.
 */
export function referringOrganisationsFor(ctx: Context, filter: ReferringOrganisationFilter) {
  if (readsWholeDirectory(ctx.principal)) return listReferringOrganisations(ctx.db, filter);
  const own = ctx.principal.organisationCode;
  if (!hasRole(ctx.principal, 'REFERRER') || !own) return [];
  return listReferringOrganisations(ctx.db, { ...filter, code: own });
}

interface ValidInput {
  code: string;
  name: string;
  kind: ReferringOrganisationRow['kind'];
  region: string | null;
  active: boolean;
}

/** Every problem names its input path (AUTH.md: BAD_USER_INPUT with `field`). */
function validate(input: ReferringOrganisationInput): ValidInput {
  const code = input.code.trim();
  if (!code) throw badInput('input.code', 'Give the organisation’s code (the `org` its tokens carry).');
  if (code.length > MAX_CODE_LENGTH)
    throw badInput('input.code', `A code may be at most ${MAX_CODE_LENGTH} characters.`);
  if (!CODE_PATTERN.test(code)) {
    throw badInput(
      'input.code',
      'A code is upper-case letters and digits, in parts joined by single hyphens (e.g. PROB-NW or Y01234), exactly as the identity provider puts it in `org`.',
    );
  }
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name) throw badInput('input.name', 'Give the organisation’s name.');
  if (name.length > MAX_NAME_LENGTH)
    throw badInput('input.name', `A name may be at most ${MAX_NAME_LENGTH} characters.`);
  if (!isReferringOrganisationKind(input.kind))
    throw badInput('input.kind', 'Not a kind of referring organisation.');
  const region = input.region ?? null;
  if (region !== null && !(REGIONS as readonly string[]).includes(region))
    throw badInput('input.region', 'Not an NHS England region.');
  if (input.active === null)
    throw badInput('input.active', 'Say whether the organisation may refer (true or false).');
  return { code, name, kind: input.kind, region, active: input.active ?? true };
}

/**
 * `saveReferringOrganisation`: information governance adds an organisation or changes one (by
 * code), in one transaction with its audit event. Security decisions: RECONNECT_ADMIN only,
 * re-asserted here whatever the shield said; a RECONNECT service's code is refused, so that no
 * referrer token can carry the organisation code a service's grants are held under.
 */
export async function saveReferringOrganisation(
  ctx: Context,
  input: ReferringOrganisationInput,
): Promise<ReferringOrganisationRow> {
  if (!hasRole(ctx.principal, 'RECONNECT_ADMIN'))
    throw forbidden('Only information governance keeps the directory of referring organisations.');
  const valid = validate(input);
  const now = ctx.clock.now();
  const saved = await ctx.db.transaction(async (tx) => {
    const [service] = await tx
      .select({ code: services.code })
      .from(services)
      .where(eq(services.code, valid.code));
    if (service) {
      throw badInput(
        'input.code',
        'This is a RECONNECT service’s code: a referring organisation needs its own.',
      );
    }
    const [before] = await tx
      .select()
      .from(referringOrganisations)
      .where(eq(referringOrganisations.code, valid.code))
      .for('update');
    const [row] = await tx
      .insert(referringOrganisations)
      .values({
        ...valid,
        source: 'saveReferringOrganisation',
        updatedAt: now,
        updatedBy: ctx.principal.subject,
      })
      .onConflictDoUpdate({
        target: referringOrganisations.code,
        set: {
          name: sql`excluded.name`,
          kind: sql`excluded.kind`,
          region: sql`excluded.region`,
          active: sql`excluded.active`,
          source: sql`excluded.source`,
          updatedAt: sql`excluded.updated_at`,
          updatedBy: sql`excluded.updated_by`,
        },
      })
      .returning();
    const changed = before
      ? (['name', 'kind', 'region', 'active'] as const).filter((f) => before[f] !== valid[f])
      : ['code', 'name', 'kind', 'region', 'active'];
    await recordAuditEvents(tx, auditActor(ctx, now), [
      {
        action: before ? 'referringOrganisation.changed' : 'referringOrganisation.added',
        subjectType: 'ReferringOrganisation',
        subjectId: valid.code,
        fields: changed,
      },
    ]);
    return row!;
  });
  ctx.loaders.referringOrganisationByCode.clear(saved.code).prime(saved.code, saved);
  return saved;
}
