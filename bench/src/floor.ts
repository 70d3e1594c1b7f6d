/**
 * The floor: the caseload page's data in one hand-written SQL statement, for the same caller and
 * with the same visibility rule (a live grant of a service relationship, as service/caseload.ts
 * decides it), run over a postgres.js pool of the size the subgraphs use. Nothing can answer the
 * caseload screen faster than the database answers this; hub / floor is what the layers above it
 * (gateway, four subgraphs, permissions, audit) cost. Before it is timed, its answer is compared
 * with the hub's, field by field, so the two really return the same page.
 */
import { rowsOf, sql, type DbHandle } from '../../packages/db/src/index.ts';
import type { GraphqlAnswer } from './counts.ts';

const SERVICE_RELATIONSHIPS = ['OWNING_SERVICE', 'RECEIVING_SERVICE', 'SENDING_SERVICE'];

export interface FloorRow {
  id: string;
  reference: string;
  status: string;
  submitted_at: string | Date;
  given_name: string;
  family_name: string;
  establishment: string;
  expected_release_date: string | null;
  released_on: string | null;
  owning_service: string;
  named_worker: string | null;
  contacts: number;
  face_to_face: number;
  total_count: number;
}

/**
 * The statement: the page (first + 1 rows, for hasNextPage), its joins, and the total, counted from
 * the organisation's live grants alone (every grant names an existing referral; one with several
 * live grants counts once), the cheapest exact count there is.
 */
export function floorQuery(organisationCode: string, now: Date, first: number) {
  const relationships = sql.raw(SERVICE_RELATIONSHIPS.map((r) => `'${r}'`).join(', '));
  const visible = sql`exists (
    select 1 from access.grants g
    where g.referral_id = r.id and g.organisation_code = ${organisationCode}
      and g.relationship in (${relationships})
      and g.valid_from <= ${now.toISOString()}::timestamptz
      and (g.valid_until is null or g.valid_until > ${now.toISOString()}::timestamptz))`;
  return sql`
    select p.id, p.reference, p.status, p.submitted_at, pe.given_name, pe.family_name,
      e.name as establishment, p.expected_release_date::text, p.released_on::text, s.name as owning_service,
      st.name as named_worker, c.contacts, c.face_to_face,
      (select count(distinct g.referral_id)::int from access.grants g
        where g.organisation_code = ${organisationCode} and g.referral_id is not null
          and g.relationship in (${relationships})
          and g.valid_from <= ${now.toISOString()}::timestamptz
          and (g.valid_until is null or g.valid_until > ${now.toISOString()}::timestamptz)) as total_count
    from (
      select r.* from referral.referrals r where ${visible}
      order by r.submitted_at desc, r.id desc limit ${first + 1}
    ) p
    join person.people pe on pe.id = p.person_id
    join regional_service.establishments e on e.code = p.establishment_code
    join regional_service.reconnect_services s on s.code = p.owning_service_code
    left join regional_service.staff st on st.id = p.named_worker_id
    left join lateral (
      select count(*)::int as contacts, (count(*) filter (where x.mode = 'FACE_TO_FACE'))::int as face_to_face
      from referral.contacts x
      where x.referral_id = p.id
        and (p.released_on is null or (x.occurred_at at time zone 'Europe/London')::date < p.released_on)
    ) c on true
    order by p.submitted_at desc, p.id desc`;
}

export async function runFloor(
  handle: DbHandle,
  organisationCode: string,
  first: number,
): Promise<FloorRow[]> {
  return rowsOf<FloorRow>(await handle.db.execute(floorQuery(organisationCode, new Date(), first)));
}

interface CaseloadNode {
  id: string;
  reference: string;
  status: string;
  person: { givenName: string; familyName: string } | null;
  custody: { establishment: { name: string }; expectedReleaseDate: string | null; releasedOn: string | null };
  owningService: { name: string };
  namedWorker: { name: string } | null;
  preReleaseContacts: { count: number; faceToFace: number; met: boolean };
}

/** Differences between the floor's page and the hub's (empty when they agree). */
export function compareWithHub(rows: FloorRow[], answer: GraphqlAnswer, first: number): string[] {
  const page = (answer.data as { referrals: { totalCount: number; nodes: CaseloadNode[] } }).referrals;
  const problems: string[] = [];
  const floorPage = rows.slice(0, first);
  if (floorPage.length !== page.nodes.length) {
    problems.push(`the floor has ${floorPage.length} rows, the hub ${page.nodes.length}`);
  }
  if (rows[0] && rows[0].total_count !== page.totalCount) {
    problems.push(`totalCount: floor ${rows[0].total_count}, hub ${page.totalCount}`);
  }
  floorPage.forEach((row, i) => {
    const node = page.nodes[i];
    if (!node) return;
    const expect: [string, unknown, unknown][] = [
      ['id', row.id, node.id],
      ['reference', row.reference, node.reference],
      ['status', row.status, node.status],
      ['givenName', row.given_name, node.person?.givenName],
      ['familyName', row.family_name, node.person?.familyName],
      ['establishment', row.establishment, node.custody.establishment.name],
      ['expectedReleaseDate', row.expected_release_date, node.custody.expectedReleaseDate],
      ['releasedOn', row.released_on, node.custody.releasedOn],
      ['owningService', row.owning_service, node.owningService.name],
      ['namedWorker', row.named_worker, node.namedWorker?.name ?? null],
      ['contacts', row.contacts, node.preReleaseContacts.count],
      ['faceToFace', row.face_to_face, node.preReleaseContacts.faceToFace],
      ['met', row.contacts >= 2, node.preReleaseContacts.met],
    ];
    for (const [field, floor, hub] of expect) {
      if (floor !== hub) problems.push(`row ${i} ${field}: floor ${String(floor)}, hub ${String(hub)}`);
    }
  });
  return problems;
}
