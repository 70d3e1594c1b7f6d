/**
 * Development sign-in (`pnpm start`, tests): a page listing the demo staff of every service and a
 * demo user of every other role (referrers, an Enhanced RECONNECT partner, a commissioner,
 * information governance); choosing one signs a token with the development key, as `pnpm token`
 * does, with the roles, `org` and `staff_id` an identity provider would give that person. Never
 * mounted when OIDC is configured, and the configuration refuses production without OIDC.
 */
import type { GatewayClient } from '../gateway/client.ts';
import { DirectoryStaffDocument, MeDocument } from '../generated/graphql.ts';
import type { Role, SignedInUser } from './user.ts';

export interface TokenClaims {
  roles: Role[];
  sub: string;
  name?: string | undefined;
  org?: string | undefined;
  staffId?: string | undefined;
  /** Seconds. */
  expiresIn?: number;
}

/** Signs a caller token the gateway trusts (the development key pair under DATA_DIR, or a test's). */
export type DevTokenSigner = (claims: TokenClaims) => Promise<string>;

export interface DemoUser {
  /** What the sign-in form sends: the staff id of staff, a fixed id for everyone else. */
  id: string;
  name: string;
  roleLabel: string;
  roles: Role[];
  org: string;
  serviceName: string;
  staffId: string | null;
}

export interface DemoService {
  code: string;
  name: string;
  users: DemoUser[];
}

/**
 * The demo users of the roles that are not a service's staff, each in an organisation the demo
 * data knows: PROB-NW and LD-NW refer to RECONNECT North West in the seeded caseload, and RCF-ONLINE
 * is the online form of people in custody and their family or friends (all three organisations of
 * the directory of referring organisations, named as it names them), ERP-NW-MH is
 * a North West partner with an active agreement (RISK and NEEDS), ERP-NW-HSG one whose agreement
 * shares NEEDS only, ERP-NEY-AP the partner on the demo data's open enhanced case (Shane O'Brien,
 * RC-NEY), and the reference data has no organisation for commissioners or information
 * governance, so they have their own codes.
 */
export const OTHER_DEMO_ORGANISATIONS: DemoService[] = [
  {
    code: 'PROB-NW',
    name: 'Probation Service North West',
    users: [
      demo(
        'demo-referrer-prob-nw',
        'Jane Whitaker',
        'Probation officer (referrer)',
        'REFERRER',
        'PROB-NW',
        'Probation Service North West',
      ),
    ],
  },
  {
    code: 'LD-NW',
    name: 'Liaison and Diversion North West (demo)',
    users: [
      demo(
        'demo-referrer-ld-nw',
        'Olu Bankole',
        'Liaison and diversion practitioner (referrer)',
        'REFERRER',
        'LD-NW',
        'Liaison and Diversion North West (demo)',
      ),
    ],
  },
  {
    code: 'RCF-ONLINE',
    name: 'RECONNECT online referral form (self, family and friends)',
    users: [
      demo(
        'demo-referrer-rcf-online',
        'Denise Walsh',
        'Family member, through the online form (referrer)',
        'REFERRER',
        'RCF-ONLINE',
        'RECONNECT online referral form (self, family and friends)',
      ),
    ],
  },
  {
    code: 'ERP-NW-MH',
    name: 'North West Forensic Community Mental Health (demo)',
    users: [
      demo(
        'demo-partner-nw-mh',
        'Rachel Dunn',
        'Enhanced RECONNECT partner',
        'ER_PARTNER',
        'ERP-NW-MH',
        'North West Forensic Community Mental Health (demo)',
      ),
    ],
  },
  {
    code: 'ERP-NEY-AP',
    name: 'North East Approved Premises Partnership (demo)',
    users: [
      demo(
        'demo-partner-ney-ap',
        'Grace Lowe',
        'Enhanced RECONNECT partner',
        'ER_PARTNER',
        'ERP-NEY-AP',
        'North East Approved Premises Partnership (demo)',
      ),
    ],
  },
  {
    code: 'ERP-NW-HSG',
    name: 'North West Housing Support (demo)',
    users: [
      demo(
        'demo-partner-nw-hsg',
        'Dev Sharma',
        'Enhanced RECONNECT partner (needs only)',
        'ER_PARTNER',
        'ERP-NW-HSG',
        'North West Housing Support (demo)',
      ),
    ],
  },
  {
    code: 'NHSE',
    name: 'NHS England',
    users: [
      demo('demo-commissioner', 'Chris Patel', 'Commissioner', 'COMMISSIONER', 'NHSE', 'NHS England'),
      demo(
        'demo-admin',
        'Morgan Ellis',
        'Information governance (admin)',
        'RECONNECT_ADMIN',
        'NHSE-IG',
        'NHS England information governance',
      ),
    ],
  },
];

function demo(
  id: string,
  name: string,
  roleLabel: string,
  role: Role,
  org: string,
  serviceName: string,
): DemoUser {
  return { id, name, roleLabel, roles: [role], org, serviceName, staffId: null };
}

const ROLE_LABELS: Record<string, string> = {
  TEAM_LEAD: 'Team lead',
  RECONNECT_WORKER: 'RECONNECT worker',
  PEER_SUPPORT_WORKER: 'Peer support worker',
};

export class DevelopmentSignIn {
  constructor(
    private readonly gateway: GatewayClient,
    private readonly sign: DevTokenSigner,
  ) {}

  /** Every service's active staff, then the demo users of the other roles. */
  async demoServices(): Promise<DemoService[]> {
    return [...(await this.demoStaff()), ...OTHER_DEMO_ORGANISATIONS];
  }

  /** Every service's active staff, read from the directory with a short-lived admin token. */
  private async demoStaff(): Promise<DemoService[]> {
    const token = await this.sign({ roles: ['RECONNECT_ADMIN'], sub: 'console-dev-sign-in', expiresIn: 60 });
    const { data } = await this.gateway.send({ token }, DirectoryStaffDocument, {});
    return data.reconnectServices.map((service) => ({
      code: service.code,
      name: service.name,
      users: service.staff.map((staff) => ({
        id: staff.id,
        name: staff.name,
        roleLabel: ROLE_LABELS[staff.role] ?? staff.role,
        roles: staff.role === 'TEAM_LEAD' ? ['RECONNECT_LEAD'] : ['RECONNECT_STAFF'],
        org: service.code,
        serviceName: service.name,
        staffId: staff.id,
      })),
    }));
  }

  /** Signs in as one demo user (by the id the form sent), checking the hub accepts the token. */
  async signInAs(id: string): Promise<SignedInUser | undefined> {
    const services = await this.demoServices();
    const user = services.flatMap((s) => s.users).find((u) => u.id === id);
    if (!user) return undefined;
    const token = await this.sign({
      roles: user.roles,
      sub: `dev-${user.id}`,
      name: user.name,
      org: user.org,
      staffId: user.staffId ?? undefined,
    });
    const { data } = await this.gateway.send({ token }, MeDocument, {});
    return {
      token,
      subject: data.me.subject,
      name: data.me.displayName ?? user.name,
      roles: data.me.roles,
      organisationCode: data.me.organisationCode,
      serviceName: data.me.service?.name ?? user.serviceName,
      staffId: user.staffId,
      method: 'development',
    };
  }
}
