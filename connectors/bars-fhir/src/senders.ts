/**
 * Which NHS organisations may refer through BaRS, and as which `ReferralSource` (BARS.md:
 * `BARS_SENDERS`, which the configuration checks against the directory of referring
 * organisations: contract/next/trust.md). Outside production every organisation of the directory's
 * reference data that may send through BaRS is added, so that the demo users of `pnpm start` can
 * refer at once: each prison's healthcare team (`HCP-<prison>`), each IRC's (`HCI-<IRC code>`) and
 * each region's liaison and diversion team (`LD-<area>`), the codes the demo referrals carry
 * (subgraphs/referral/src/seed/referrers.ts). Configured senders win over demo ones.
 */
import { BARS_SENDER_SOURCES, type BarsSenderSource } from '@reconnect/config';
import { referringOrganisations } from '@reconnect/reference-data';

export type Senders = ReadonlyMap<string, BarsSenderSource>;

/** The directory's organisations of the kinds that send through BaRS, each with its kind's source. */
export function demoSenders(): Map<string, BarsSenderSource> {
  const senders = new Map<string, BarsSenderSource>();
  for (const o of referringOrganisations()) {
    if ((BARS_SENDER_SOURCES as readonly string[]).includes(o.kind)) {
      senders.set(o.code, o.kind as BarsSenderSource);
    }
  }
  return senders;
}

export function sendersOf(
  configured: Record<string, BarsSenderSource>,
  environment: 'development' | 'test' | 'production',
): Senders {
  const senders = environment === 'production' ? new Map<string, BarsSenderSource>() : demoSenders();
  for (const [code, source] of Object.entries(configured)) senders.set(code.toUpperCase(), source);
  return senders;
}
