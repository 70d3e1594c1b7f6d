/**
 * The console's composition root: gateway client → services → routes, with the middleware every
 * page shares (security headers, no-store, sessions, CSRF, sign-in, errors). HMPPS UI template
 * order: static assets first (cacheable, no session), then everything else behind the session.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import nunjucks from 'nunjucks';
import { DevelopmentSignIn, type DevTokenSigner } from './auth/development.ts';
import { OidcSignIn, type OidcSettings } from './auth/oidc.ts';
import { absoluteTimeout, createSessions, requireUser } from './auth/session.ts';
import {
  homeOf,
  isCommissioner,
  isAdmin,
  isLead,
  isPartner,
  isReferrer,
  isStaff,
  mayRefer,
  maySubscribe,
  navigationOf,
} from './auth/user.ts';
import { GatewayClient } from './gateway/client.ts';
import { csrfProtection } from './middleware/csrf.ts';
import { noStore, securityHeaders } from './middleware/security.ts';
import { formatDate, formatDateTime, label } from './presenters/format.ts';
import { actionRoutes } from './routes/actions.ts';
import { caseloadRoutes } from './routes/caseload.ts';
import { onlyFor, type Services } from './routes/context.ts';
import { errorPages, notFound } from './routes/errors.ts';
import { handoverRoutes } from './routes/handovers.ts';
import { makeReferralRoutes } from './routes/makeReferral.ts';
import { yourReferralRoutes } from './routes/yourReferrals.ts';
import { serviceMetricsRoutes } from './routes/serviceMetrics.ts';
import { partnerCaseRoutes } from './routes/partnerCases.ts';
import { PartnerService } from './services/partners.ts';
import { governanceRoutes } from './routes/governance.ts';
import { referringOrganisationRoutes } from './routes/referringOrganisations.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { GovernanceService } from './services/governance.ts';
import { WebhookService } from './services/webhooks.ts';
import { overviewRoutes } from './routes/overview.ts';
import { referralRoutes } from './routes/referral.ts';
import { signInRoutes } from './routes/signIn.ts';
import { HandoverService } from './services/handovers.ts';
import { MetricsService } from './services/metrics.ts';
import { ReferralService } from './services/referrals.ts';
import { ReferrerService } from './services/referrer.ts';
import { createDeployableMetrics, metricsRoute, observeRoutes } from '@reconnect/observability';

const HERE = dirname(fileURLToPath(import.meta.url));
const PACKAGE_ROOT = join(HERE, '..');
const GOVUK = join(PACKAGE_ROOT, 'node_modules/govuk-frontend/dist');
const MOJ = join(PACKAGE_ROOT, 'node_modules/@ministryofjustice/frontend');
const AUTOCOMPLETE = join(PACKAGE_ROOT, 'node_modules/accessible-autocomplete/dist');

export interface ConsoleOptions {
  gatewayUrl: string;
  sessionSecret: string;
  production: boolean;
  /** PostgreSQL for sessions; unset keeps them in memory (development and tests only). */
  databaseUrl?: string | undefined;
  /** Development sign-in: signs tokens the gateway trusts. */
  devSigner?: DevTokenSigner | undefined;
  oidc?: OidcSettings | undefined;
  today: () => string;
  log?: (error: unknown) => void;
  /** Who may scrape /metrics in production (METRICS_INTERFACE, METRICS_TOKEN); none: nobody. */
  metricsAccess?: { interface?: string; token?: string } | undefined;
}

export interface ConsoleApp {
  app: Express;
  close(): Promise<void>;
}

export function createConsoleApp(options: ConsoleOptions): ConsoleApp {
  if (!options.devSigner && !options.oidc)
    throw new Error('the console needs OIDC settings or a development signer');
  const log =
    options.log ??
    ((error: unknown) => console.error('console error', error instanceof Error ? error.stack : error));
  const gateway = new GatewayClient({ url: options.gatewayUrl });
  const services: Services = {
    referrals: new ReferralService(gateway),
    handovers: new HandoverService(gateway),
    metrics: new MetricsService(gateway),
    referrer: new ReferrerService(gateway),
    partners: new PartnerService(gateway),
    governance: new GovernanceService(gateway),
    webhooks: new WebhookService(gateway),
    today: options.today,
  };

  const app = express();
  app.disable('x-powered-by');
  if (options.production) app.set('trust proxy', 1);
  const views = nunjucks.configure([join(HERE, 'views'), GOVUK, MOJ], {
    autoescape: true,
    express: app,
    noCache: !options.production,
  });
  views.addFilter('formatDate', formatDate);
  views.addFilter('formatDateTime', formatDateTime);
  views.addFilter('label', label);
  // MOJ's timeline formats its dates with `mojDate`; the console's own date style instead of MOJ's
  // moment.js filters.
  views.addFilter('mojDate', (value: string, type?: string) =>
    type === 'date' || type === 'shortdate' ? formatDate(value) : formatDateTime(value),
  );
  app.set('view engine', 'njk');

  const metrics = createDeployableMetrics('console');
  app.get(
    '/metrics',
    metricsRoute(metrics, {
      environment: options.production ? 'production' : 'development',
      ...options.metricsAccess,
    }),
  );
  app.use(observeRoutes(metrics));
  app.use(
    securityHeaders({
      production: options.production,
      signInOrigin: options.oidc ? new URL(options.oidc.issuerUrl).origin : undefined,
    }),
  );
  app.use('/assets', assets());
  // Browsers ask for it on their own; answered before the session so it never becomes a "return to" page.
  app.get('/favicon.ico', (_req, res) => {
    res
      .set('Cache-Control', 'public, max-age=86400')
      .sendFile(join(GOVUK, 'govuk/assets/images/favicon.ico'));
  });
  // Ready when the gateway it serves answers its own health check.
  app.get('/ready', async (_req, res) => {
    const up = await fetch(new URL('/health', options.gatewayUrl), {
      signal: AbortSignal.timeout(2000),
    }).then(
      (r) => r.ok,
      () => false,
    );
    res
      .status(up ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json({ status: up ? 'ready' : 'not ready', gateway: up ? 'ok' : 'down' });
  });
  app.get('/health', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'UP' });
  });
  app.use(noStore);
  const sessions = createSessions({
    secret: options.sessionSecret,
    production: options.production,
    databaseUrl: options.databaseUrl,
  });
  app.use(sessions.middleware);
  app.use(absoluteTimeout);
  app.use(express.urlencoded({ extended: false, limit: '50kb' }));
  app.use(csrfProtection);
  app.use((req, res, next) => {
    const user = req.session.user;
    res.locals.user = user;
    res.locals.isLead = user ? isLead(user) : false;
    res.locals.currentPath = req.path;
    res.locals.navigation = user ? navigationOf(user, req.path) : [];
    res.locals.homeHref = user ? homeOf(user) : '/';
    next();
  });

  const development = options.devSigner ? new DevelopmentSignIn(gateway, options.devSigner) : undefined;
  const oidc = options.oidc ? new OidcSignIn(options.oidc) : undefined;
  app.use(signInRoutes({ ...(oidc ? { oidc } : { development: development! }), gateway, log }));
  app.use(requireUser);
  // Each role's pages, for that role only ("/" takes everyone else to their own first page).
  app.get('/', (_req, res, next) => {
    const user = res.locals.user as Parameters<typeof isStaff>[0];
    if (isStaff(user)) return next();
    res.redirect(303, homeOf(user));
  });
  app.use(onlyFor(isStaff, caseloadRoutes(services)));
  app.use(onlyFor(isStaff, referralRoutes(services)));
  app.use(onlyFor(isStaff, actionRoutes(services)));
  app.use(onlyFor(isStaff, handoverRoutes(services)));
  app.use(onlyFor(isStaff, overviewRoutes(services)));
  app.use(onlyFor(mayRefer, makeReferralRoutes(services)));
  app.use(onlyFor(isReferrer, yourReferralRoutes(services)));
  app.use(onlyFor(isCommissioner, serviceMetricsRoutes(services)));
  app.use(onlyFor(isPartner, partnerCaseRoutes(services)));
  app.use(onlyFor(isAdmin, governanceRoutes(services)));
  app.use(onlyFor(isAdmin, referringOrganisationRoutes(services)));
  app.use(onlyFor(maySubscribe, webhookRoutes(services)));
  app.use(notFound);
  app.use(errorPages(log));
  return { app, close: () => sessions.close() };
}

/**
 * Static assets: GOV.UK and MOJ Frontend's scripts and images, and one stylesheet made of both
 * with the GOV.UK typeface (GDS Transport, GOV.UK's alone) replaced by the system's, so it is
 * neither named nor downloaded.
 */
function assets(): express.Router {
  const router = express.Router();
  const css = [
    readFileSync(join(GOVUK, 'govuk/govuk-frontend.min.css'), 'utf8'),
    readFileSync(join(MOJ, 'moj/moj-frontend.min.css'), 'utf8'),
    readFileSync(join(AUTOCOMPLETE, 'accessible-autocomplete.min.css'), 'utf8'),
    readFileSync(join(HERE, 'assets/app.css'), 'utf8'),
  ]
    .join('\n')
    .replace(/@font-face\{[^}]*GDS Transport[^}]*\}/g, '')
    .replace(
      /"?GDS Transport"?,\s*arial,\s*sans-serif/g,
      'system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif',
    )
    .replace(/\/\*# sourceMappingURL=[^*]*\*\//g, '');
  router.get('/app.css', (_req, res) => {
    res.type('text/css').set('Cache-Control', 'public, max-age=3600').send(css);
  });
  const files: Record<string, string> = {
    'govuk-frontend.min.js': join(GOVUK, 'govuk/govuk-frontend.min.js'),
    'moj-frontend.min.js': join(MOJ, 'moj/moj-frontend.min.js'),
    'app.js': join(HERE, 'assets/app.js'),
    'identifiers.js': join(HERE, 'assets/identifiers.js'),
    'accessible-autocomplete.min.js': join(AUTOCOMPLETE, 'accessible-autocomplete.min.js'),
  };
  for (const [name, file] of Object.entries(files)) {
    router.get(`/${name}`, (_req, res) => {
      res.type('text/javascript').set('Cache-Control', 'public, max-age=3600').sendFile(file);
    });
  }
  router.use('/images', express.static(join(GOVUK, 'govuk/assets/images'), { maxAge: '1h' }));
  router.use('/moj/images', express.static(join(MOJ, 'moj/assets/images'), { maxAge: '1h' }));
  return router;
}
