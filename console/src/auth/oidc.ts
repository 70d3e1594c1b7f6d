/**
 * Production sign-in: OpenID Connect authorisation code flow with PKCE (`openid-client` 6, the
 * certified relying-party library, which does discovery, PKCE, state and nonce checks and the
 * ID token's validation). The access token is what the console sends to the gateway (whose
 * AUTH_JWKS_URL trusts the same provider); the ID token's claims give roles, `org` and `staff_id`
 * (AUTH.md). Signing out ends the session at the provider too (RP-initiated logout).
 */
import * as client from 'openid-client';
import { ROLES } from '@reconnect/auth';
import type { Role, SignedInUser } from './user.ts';
import { normaliseRole } from './user.ts';

export interface OidcSettings {
  issuerUrl: string;
  clientId: string;
  clientSecret?: string | undefined;
  scopes: string;
  /** The console's public base URL, e.g. https://console.reconnect.example */
  consoleUrl: string;
  /** Tests talk to a provider on http://127.0.0.1. */
  allowInsecureRequests?: boolean;
}

export interface PendingSignIn {
  url: string;
  codeVerifier: string;
  state: string;
  nonce: string;
}

export class OidcSignIn {
  private configuration: Promise<client.Configuration> | undefined;
  constructor(private readonly settings: OidcSettings) {}

  private config(): Promise<client.Configuration> {
    this.configuration ??= client
      .discovery(
        new URL(this.settings.issuerUrl),
        this.settings.clientId,
        this.settings.clientSecret,
        undefined,
        this.settings.allowInsecureRequests ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        // A provider that was down at the first sign-in is asked again at the next.
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }

  get callbackUrl(): string {
    return new URL('/sign-in/callback', this.settings.consoleUrl).href;
  }

  async start(): Promise<PendingSignIn> {
    const config = await this.config();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.callbackUrl,
      scope: this.settings.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, codeVerifier, state, nonce };
  }

  /** Exchanges the code the provider sent back (`currentUrl` is the callback URL with its query). */
  async finish(currentUrl: URL, pending: Omit<PendingSignIn, 'url'>): Promise<SignedInUser> {
    const config = await this.config();
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('the provider sent no ID token');
    const rawRoles = Array.isArray(claims.roles) ? claims.roles : [];
    const roles = rawRoles
      .filter((r): r is string => typeof r === 'string')
      .map(normaliseRole)
      .filter((r): r is Role => (ROLES as readonly string[]).includes(r));
    return {
      token: tokens.access_token,
      subject: claims.sub,
      name: typeof claims.name === 'string' ? claims.name : claims.sub,
      roles,
      organisationCode: typeof claims.org === 'string' ? claims.org : null,
      serviceName: null,
      staffId: typeof claims.staff_id === 'string' ? claims.staff_id : null,
      method: 'oidc',
      idToken: tokens.id_token,
    };
  }

  /** Where to send the browser to end the session at the provider. */
  async endSessionUrl(idToken: string | undefined): Promise<string> {
    const config = await this.config();
    if (!config.serverMetadata().end_session_endpoint) return '/signed-out';
    return client.buildEndSessionUrl(config, {
      post_logout_redirect_uri: new URL('/signed-out', this.settings.consoleUrl).href,
      ...(idToken ? { id_token_hint: idToken } : {}),
    }).href;
  }
}
