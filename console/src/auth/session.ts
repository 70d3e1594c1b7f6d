/**
 * Server-side sessions (express-session). In PostgreSQL (`connect-pg-simple`, in its own
 * `console_session` table) whenever DATABASE_URL is set, so sessions survive a restart and work
 * across instances; in memory only for development and tests on PGlite. The cookie is httpOnly,
 * SameSite=Lax and Secure in production; a session ends after 30 minutes without a request and
 * after 8 hours whatever happens.
 */
import type { NextFunction, Request, Response, RequestHandler } from 'express';
import session from 'express-session';
import connectPgSimple from 'connect-pg-simple';
import pg from 'pg';
import type { SignedInUser } from './user.ts';

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 8 * 60 * 60 * 1000;
export const SESSION_COOKIE = 'reconnect.sid';

declare module 'express-session' {
  interface SessionData {
    user?: SignedInUser;
    /** When the user signed in (ms since epoch), for the 8-hour limit. */
    signedInAt?: number;
    csrfToken?: string;
    /** OIDC: the PKCE verifier, state and nonce of the sign-in in progress. */
    oidc?: { codeVerifier: string; state: string; nonce: string; returnTo?: string | undefined };
    /** Where to go after signing in. */
    returnTo?: string;
    /** A one-off message for the next page (e.g. "Consent recorded"). */
    flash?: string;
  }
}

export interface SessionOptions {
  secret: string;
  production: boolean;
  databaseUrl?: string | undefined;
}

export interface Sessions {
  middleware: RequestHandler;
  close(): Promise<void>;
}

export function createSessions(options: SessionOptions): Sessions {
  let pool: pg.Pool | undefined;
  let store: session.Store | undefined;
  if (options.databaseUrl) {
    pool = new pg.Pool({ connectionString: options.databaseUrl, max: 4 });
    const PgStore = connectPgSimple(session);
    store = new PgStore({
      pool,
      tableName: 'console_session',
      createTableIfMissing: true,
      // Expired rows are removed every 15 minutes.
      pruneSessionInterval: 15 * 60,
    });
  }
  const middleware = session({
    name: SESSION_COOKIE,
    secret: options.secret,
    resave: false,
    saveUninitialized: false,
    // Each request restarts the 30-minute idle clock.
    rolling: true,
    proxy: options.production,
    ...(store ? { store } : {}),
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: options.production,
      maxAge: IDLE_TIMEOUT_MS,
    },
  });
  return {
    middleware,
    async close() {
      if (store && 'close' in store && typeof store.close === 'function') (store.close as () => void)();
      await pool?.end();
    },
  };
}

/** Ends a session older than 8 hours, however active. */
export function absoluteTimeout(req: Request, _res: Response, next: NextFunction): void {
  const started = req.session.signedInAt;
  if (started !== undefined && Date.now() - started > ABSOLUTE_TIMEOUT_MS) {
    req.session.regenerate((error) => next(error));
    return;
  }
  next();
}

/** Pages need a signed-in user; anyone else goes to the sign-in page (and comes back after). */
export function requireUser(req: Request, res: Response, next: NextFunction): void {
  const user = req.session.user;
  if (!user) {
    // Only pages are worth coming back to (not an image or a script the browser asked for).
    if (req.method === 'GET' && req.accepts('html') && req.headers.accept?.includes('text/html')) {
      req.session.returnTo = req.originalUrl;
    }
    res.redirect(303, '/sign-in');
    return;
  }
  res.locals.user = user;
  next();
}

/** Starts a fresh session for a user who has just signed in (no session fixation). */
export function signIn(req: Request, user: SignedInUser): Promise<string> {
  const returnTo = safeReturnTo(req.session.returnTo);
  return new Promise((resolve, reject) => {
    req.session.regenerate((error) => {
      if (error) return reject(error as Error);
      req.session.user = user;
      req.session.signedInAt = Date.now();
      req.session.save((saveError) => (saveError ? reject(saveError as Error) : resolve(returnTo)));
    });
  });
}

export function signOut(req: Request): Promise<void> {
  return new Promise((resolve, reject) =>
    req.session.destroy((error) => (error ? reject(error as Error) : resolve())),
  );
}

/** Only a path on this console: never an absolute URL someone put in the session. */
export function safeReturnTo(value: string | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}
