/**
 * Starting the console: from its validated configuration (`consoleEnv`) to a listening server.
 * `pnpm start` (scripts/start.ts) calls `startConsole` beside the embedded hub; `src/main.ts` runs
 * it alone against GATEWAY_URL.
 */
import type { Server } from 'node:http';
import { ensureDevKeys, signCallerToken } from '@reconnect/auth';
import { londonDateOf, metricsAccessOf, type ConsoleEnv } from '@reconnect/config';
import { randomBytes } from 'node:crypto';
import { createConsoleApp, type ConsoleOptions } from './app.ts';
import type { DevTokenSigner } from './auth/development.ts';

export { createConsoleApp, type ConsoleOptions } from './app.ts';
export type { DevTokenSigner, TokenClaims } from './auth/development.ts';

export interface RunningConsole {
  url: string;
  stop(): Promise<void>;
}

/** The development signer: the key pair under DATA_DIR that `pnpm token` and the dev gateway use. */
export async function devSignerOf(
  config: Pick<ConsoleEnv, 'DATA_DIR' | 'AUTH_ISSUER' | 'AUTH_AUDIENCE'>,
): Promise<DevTokenSigner> {
  const keys = await ensureDevKeys(config.DATA_DIR);
  return (claims) =>
    signCallerToken(keys.privateJwk, {
      roles: claims.roles,
      sub: claims.sub,
      name: claims.name,
      org: claims.org,
      staffId: claims.staffId,
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      ...(claims.expiresIn !== undefined ? { expiresIn: claims.expiresIn } : {}),
    });
}

export function optionsOf(config: ConsoleEnv, devSigner: DevTokenSigner | undefined): ConsoleOptions {
  const production = config.NODE_ENV === 'production';
  const consoleUrl = config.CONSOLE_URL ?? `http://localhost:${config.CONSOLE_PORT ?? 4005}`;
  return {
    gatewayUrl: config.GATEWAY_URL,
    // Outside production a per-process secret: sessions end when the console restarts.
    sessionSecret: config.SESSION_SECRET ?? randomBytes(32).toString('base64url'),
    production,
    databaseUrl: config.DATABASE_URL,
    devSigner: config.OIDC_ISSUER_URL ? undefined : devSigner,
    ...(config.OIDC_ISSUER_URL
      ? {
          oidc: {
            issuerUrl: config.OIDC_ISSUER_URL,
            clientId: config.OIDC_CLIENT_ID!,
            clientSecret: config.OIDC_CLIENT_SECRET,
            scopes: config.OIDC_SCOPES,
            consoleUrl,
            allowInsecureRequests: !production,
          },
        }
      : {}),
    today: () => config.HUB_TODAY ?? londonDateOf(new Date()),
    metricsAccess: metricsAccessOf(config),
  };
}

export async function startConsole(
  options: ConsoleOptions,
  port: number,
  host: string,
): Promise<RunningConsole> {
  const { app, close } = createConsoleApp(options);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}`,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await close();
    },
  };
}
