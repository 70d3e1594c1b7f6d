import type { QueryResolvers } from '../generated/resolvers.ts';
import { caseloadPage, nhsNumberHolders, searchHolders } from '../service/caseload.ts';
import { recordSearchReads } from '../service/search-reads.ts';
import { dueWork } from '../service/due-work.ts';
import { handoverPage } from '../service/handover-list.ts';
import { serviceMetrics } from '../service/metrics.ts';
import { normaliseReference } from '../service/reference.ts';
import { visibleReferral } from '../service/visibility.ts';
import { listWebhooks } from '../service/webhooks.ts';
import { subjectAccessPart } from '../service/subject-access.ts';

export const Query: QueryResolvers = {
  referral: async (_, args, ctx) => visibleReferral(ctx, await ctx.loaders.referralById.load(args.id)),
  referralByReference: async (_, args, ctx) => {
    const reference = normaliseReference(args.reference);
    return reference ? visibleReferral(ctx, await ctx.loaders.referralByReference.load(reference)) : null;
  },
  /** The caller's caseload; the SQL in service/caseload.ts decides what it may see. */
  referrals: async (_, args, ctx) => {
    const nhsNumber = args.filter?.nhsNumber;
    const search = args.filter?.search;
    const [holders, found] = await Promise.all([
      nhsNumber != null ? nhsNumberHolders(ctx, nhsNumber) : undefined,
      search != null ? searchHolders(ctx, search) : undefined,
    ]);
    const personIds = holders && found ? holders.filter((id) => found.includes(id)) : (holders ?? found);
    const page = await caseloadPage(
      {
        db: ctx.db,
        principal: ctx.principal,
        now: ctx.access.at,
        today: ctx.clock.today(),
        relationships: ctx.access.relationships,
      },
      args,
      personIds,
    );
    // Later fields (duplicateOf, Person.referrals) may ask for these rows again in this request, and
    // every field rule asks the caller's relationship with each: the page's SQL already answered both.
    for (const row of page.nodes) {
      ctx.loaders.referralById.prime(row.id, row);
      ctx.access.primeReferral(row.id, page.relationships.get(row.id) ?? []);
    }
    // DOMAIN.md: a search is a read of each person it shows, in the access log like any other.
    if (search != null) await recordSearchReads(ctx, page.nodes);
    return page;
  },
  /** Handovers to or from the caller's own service; the SQL names no other service. */
  handovers: (_, args, ctx) =>
    handoverPage({ db: ctx.db, principal: ctx.principal, now: ctx.access.at }, args),
  /** The caller's service's due work, in one statement (service/due-work.ts). */
  dueWork: (_, args, ctx) => dueWork(ctx, args),
  /** The caller's organisation's subscriptions only. */
  webhooks: (_, __, ctx) => listWebhooks(ctx),
  /** Aggregates computed in SQL; see service/metrics.ts for each figure's definition and scope. */
  serviceMetrics: (_, args, ctx) => serviceMetrics(ctx, args),
  /** Internal: the person subgraph's subject access report asks for this subgraph's part. */
  referralSubjectAccessPart: (_, args, ctx) => subjectAccessPart(ctx, args),
};
