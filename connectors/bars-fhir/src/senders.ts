/**
 * Which NHS organisations may refer through BaRS, and as which `ReferralSource` (BARS.md:
 * `BARS_SENDERS`). Outside production the demo data's referring organisations are added, so that
 * the demo users of `pnpm start` can refer at once: each prison's healthcare team (`HCP-<prison>`),
 * each IRC's (`HCI-<IRC code without IRC->`) and each area's liaison and diversion team
 * (`LD-<service code without RC->`), the codes the demo referrals carry
 * (subgraphs/referral/src/seed/referrers.ts). Configured senders win over demo ones.
 */
import type { BarsSenderSource } from '@reconnect/config';
import { establishments, reconnectServices } from '@reconnect/reference-data';

export type Senders = ReadonlyMap<string, BarsSenderSource>;

export function demoSenders(): Map<string, BarsSenderSource> {
  const senders = new Map<string, BarsSenderSource>();
  for (const e of establishments()) {
    if (e.type === 'PRISON') senders.set(`HCP-${e.code}`, 'PRISON_HEALTHCARE');
    else senders.set(`HCI-${e.code.replace(/^IRC-/, '')}`, 'IRC_HEALTHCARE');
  }
  for (const s of reconnectServices())
    senders.set(`LD-${s.code.replace(/^RC-/, '')}`, 'LIAISON_AND_DIVERSION');
  return senders;
}

export function sendersOf(
  configured: Record<string, BarsSenderSource>,
  environment: 'development' | 'test' | 'production',
): Senders {
  const senders = environment === 'production' ? new Map<string, BarsSenderSource>() : demoSenders();
  for (const [ods, source] of Object.entries(configured)) senders.set(ods.toUpperCase(), source);
  return senders;
}
