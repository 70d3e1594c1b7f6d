/**
 * Development sign-in (`pnpm start`, tests): a page listing the demo staff of every service; choosing
 * one signs a token with the development key, as `pnpm token` does, with the roles, `org` and
 * `staff_id` an identity provider would give that person. Never mounted when OIDC is configured,
 * and the configuration refuses production without OIDC.
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
  id: string;
  name: string;
  roleLabel: string;
  roles: Role[];
  org: string;
  serviceName: string;
  staffId: string;
}

export interface DemoService {
  code: string;
  name: string;
  users: DemoUser[];
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

  /** Every service's active staff, read from the directory with a short-lived admin token. */
  async demoServices(): Promise<DemoService[]> {
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

  /** Signs in as one demo user (chosen by staff id), checking the hub accepts the token. */
  async signInAs(staffId: string): Promise<SignedInUser | undefined> {
    const services = await this.demoServices();
    const user = services.flatMap((s) => s.users).find((u) => u.staffId === staffId);
    if (!user) return undefined;
    const token = await this.sign({
      roles: user.roles,
      sub: `dev-${user.staffId}`,
      name: user.name,
      org: user.org,
      staffId: user.staffId,
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
