import type { Context } from '../context.ts';
import type { AgreementRow } from '../db/schema.ts';
import { isAgreementActive } from '../service/agreements.ts';

export const DataSharingAgreement = {
  active: (a: AgreementRow, _: unknown, ctx: Context) => isAgreementActive(a, ctx.clock.today()),
};
