/**
 * Information governance keeps the directory of referring organisations (contract/next/trust.md,
 * "The source fits the organisation"): the organisations a referrer's token may name as `org`, of
 * which kind (and so which referral sources they may give), in which NHS region, and whether they
 * may refer at all. A list filtered by kind and region, and one form to add an organisation or
 * change one by its code; the hub validates and audits every save.
 */
import { Router, type Request, type Response } from 'express';
import { HubError } from '../gateway/client.ts';
import type { ReferringOrganisationKind, Region } from '../generated/graphql.ts';
import { label } from '../presenters/format.ts';
import { callerFor, flash, takeFlash, type Services } from './context.ts';

const BASE = '/referring-organisations';

export const KINDS: readonly ReferringOrganisationKind[] = [
  'PROBATION',
  'POLICE',
  'LIAISON_AND_DIVERSION',
  'HOME_OFFICE_ENFORCEMENT',
  'PRISON_HEALTHCARE',
  'IRC_HEALTHCARE',
  'ONLINE_FORM',
];
export const REGIONS: readonly Region[] = [
  'NORTH_EAST_AND_YORKSHIRE',
  'NORTH_WEST',
  'MIDLANDS',
  'EAST_OF_ENGLAND',
  'LONDON',
  'SOUTH_EAST',
  'SOUTH_WEST',
];
/** The hub's own rules (service/referring-organisations.ts), checked here first for a clear page. */
const CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
const CODE_MAX = 40;
const NAME_MAX = 200;

type FieldName = 'code' | 'name' | 'kind' | 'region' | 'active';
type Errors = Partial<Record<FieldName, string>>;
interface FormValues {
  code: string;
  name: string;
  kind: string;
  region: string;
  active: string;
}

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | null =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : null;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** The hub's BAD_USER_INPUT field → this form's field and what to do. */
const HUB_FIELDS: Record<string, [FieldName, string]> = {
  'input.code': [
    'code',
    'This code cannot be used: it belongs to a RECONNECT service, or is not in the right form',
  ],
  'input.name': ['name', 'Enter the organisation’s name'],
  'input.kind': ['kind', 'Select the kind of organisation'],
  'input.region': ['region', 'Select an NHS England region, or National'],
  'input.active': ['active', 'Select whether the organisation may refer'],
};

export function referringOrganisationRoutes(services: Services): Router {
  const router = Router();

  router.get(BASE, async (req: Request, res: Response) => {
    const kind = oneOf(KINDS, req.query.kind);
    const region = oneOf(REGIONS, req.query.region);
    const organisations = await services.governance.referringOrganisations(callerFor(res), kind, region);
    res.render('pages/referring-organisations.njk', {
      flash: takeFlash(req),
      count: organisations.length,
      kinds: [
        { value: '', text: 'Any kind' },
        ...KINDS.map((k) => ({ value: k, text: label(k), selected: k === kind })),
      ],
      regions: [
        { value: '', text: 'Any region' },
        ...REGIONS.map((r) => ({ value: r, text: label(r), selected: r === region })),
      ],
      rows: organisations.map((o) => [
        { text: o.code },
        { text: o.name },
        { text: label(o.kind) },
        { text: o.region ? label(o.region) : 'National' },
        { text: o.allowedSources.map(label).join(', ') },
        {
          html: o.active
            ? '<strong class="govuk-tag govuk-tag--green">Active</strong>'
            : '<strong class="govuk-tag govuk-tag--grey">Inactive</strong>',
        },
        {
          html: `<a class="govuk-link" href="${BASE}/save?code=${encodeURIComponent(o.code)}">Change<span class="govuk-visually-hidden"> ${escapeHtml(o.name)}</span></a>`,
        },
      ]),
    });
  });

  function renderForm(res: Response, values: FormValues, existing: boolean, errors: Errors = {}) {
    res.render('pages/referring-organisation-save.njk', {
      values,
      existing,
      errors,
      errorList: Object.entries(errors).map(([field, message]) => ({ text: message, href: `#${field}` })),
      kinds: KINDS.map((k) => ({ value: k, text: label(k), checked: k === values.kind })),
      regions: [
        { value: '', text: 'National (no region)' },
        ...REGIONS.map((r) => ({ value: r, text: label(r), selected: r === values.region })),
      ],
    });
  }

  router.get(`${BASE}/save`, async (req: Request, res: Response) => {
    const code = text(req.query.code);
    if (!code) return renderForm(res, { code: '', name: '', kind: '', region: '', active: 'yes' }, false);
    const organisation = await services.governance.referringOrganisation(callerFor(res), code);
    if (!organisation) return res.status(404).render('pages/not-found.njk');
    renderForm(
      res,
      {
        code: organisation.code,
        name: organisation.name,
        kind: organisation.kind,
        region: organisation.region ?? '',
        active: organisation.active ? 'yes' : 'no',
      },
      true,
    );
  });

  router.post(`${BASE}/save`, async (req: Request, res: Response) => {
    const body = req.body as Record<string, unknown>;
    const values: FormValues = {
      code: text(body.code),
      name: text(body.name),
      kind: text(body.kind),
      region: text(body.region),
      active: text(body.active),
    };
    const existing = body.existing === 'yes';
    const errors: Errors = {};
    if (!values.code) errors.code = 'Enter the organisation’s code';
    else if (values.code.length > CODE_MAX || !CODE.test(values.code))
      errors.code = `Enter a code of capital letters and numbers, in parts joined by hyphens, like PROB-NW (${CODE_MAX} characters or fewer)`;
    if (!values.name) errors.name = 'Enter the organisation’s name';
    else if (values.name.length > NAME_MAX) errors.name = `The name must be ${NAME_MAX} characters or fewer`;
    const kind = oneOf(KINDS, values.kind);
    if (!kind) errors.kind = 'Select the kind of organisation';
    const region = values.region ? oneOf(REGIONS, values.region) : null;
    if (values.region && !region) errors.region = 'Select an NHS England region, or National';
    if (values.active !== 'yes' && values.active !== 'no')
      errors.active = 'Select whether the organisation may refer';
    if (Object.keys(errors).length) return renderForm(res.status(400), values, existing, errors);
    let saved;
    try {
      saved = await services.governance.saveReferringOrganisation(callerFor(res), {
        code: values.code,
        name: values.name,
        kind: kind!,
        region,
        active: values.active === 'yes',
      });
    } catch (error) {
      const refusal =
        error instanceof HubError && error.code === 'BAD_USER_INPUT'
          ? HUB_FIELDS[error.field ?? '']
          : undefined;
      if (refusal) return renderForm(res.status(400), values, existing, { [refusal[0]]: refusal[1] });
      throw error;
    }
    flash(req, `${saved.name} (${saved.code}) saved: ${saved.active ? 'it may refer' : 'it may not refer'}`);
    res.redirect(303, `${BASE}?kind=${encodeURIComponent(kind!)}`);
  });

  return router;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
