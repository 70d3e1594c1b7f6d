/**
 * The HTTP side of the connector (Express, as the console): `/FHIR/R4` as BARS.md says, and
 * `/health` and `/ready` like the other deployables. Every answer is `application/fhir+json` and
 * echoes X-Request-Id and X-Correlation-Id; every refusal is an OperationOutcome. The work is in
 * referrals.ts; nothing here reads a message's content.
 */
import { GATEWAY_MAX_BODY_BYTES } from '@reconnect/config';
import { createDeployableMetrics, metricsRoute, observeRoutes } from '@reconnect/observability';
import express, { type NextFunction, type Request, type Response } from 'express';
import { NHS_NUMBER } from './bars-message.ts';
import { capabilityStatementOf } from './capability.ts';
import { HubClient } from './hub.ts';
import { FhirError, operationOutcome, tooLarge } from './outcome.ts';
import { processMessage, readServiceRequest, searchByNhsNumber } from './referrals.ts';
import type { Senders } from './senders.ts';
import { serviceRequestOf } from './service-request.ts';

export const FHIR_BASE = '/FHIR/R4';
const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface BarsAppOptions {
  gatewayUrl: string;
  senders: Senders;
  /**
   * The public base URL (`https://…/FHIR/R4`) of every fullUrl and link in an answer. Security:
   * configured, never taken from a request (a forged `Host` header would otherwise put a URL of
   * the caller's choosing into the referral messages the hub answers).
   */
  baseUrl: string;
  /**
   * The largest message taken (bytes): the gateway's own limit by default, so that a message the
   * gateway would refuse is refused here with 413, not passed on to come back as a bad request.
   */
  maxBodyBytes?: number;
  now?: () => Date;
  gatewayTimeoutMs?: number;
  /** Production: /metrics answers only the metrics interface or bearer (METRICS_INTERFACE, METRICS_TOKEN). */
  production?: boolean;
  metricsAccess?: { interface?: string; token?: string } | undefined;
  /** Where unexpected failures are logged (the error's name and request id, never the message body). */
  logger?: { error(details: object, message: string): void } | undefined;
}

export function createBarsApp(options: BarsAppOptions): express.Express {
  const hub = new HubClient(options.gatewayUrl, options.gatewayTimeoutMs);
  const deps = { hub, senders: options.senders, now: options.now ?? (() => new Date()) };
  const baseUrl = options.baseUrl;
  const maxBodyBytes = options.maxBodyBytes ?? GATEWAY_MAX_BODY_BYTES;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  const metrics = createDeployableMetrics('bars-fhir');
  app.get(
    '/metrics',
    metricsRoute(metrics, {
      environment: options.production ? 'production' : 'development',
      ...options.metricsAccess,
    }),
  );
  app.use(observeRoutes(metrics));

  app.get('/health', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const gateway = await fetch(new URL('/health', options.gatewayUrl), { signal: AbortSignal.timeout(2000) })
      .then((r) => (r.ok ? 'ok' : 'down'))
      .catch(() => 'down');
    res
      .status(gateway === 'ok' ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json({ status: gateway === 'ok' ? 'ready' : 'not ready', gateway });
  });

  const fhir = express.Router();
  fhir.use((req, res, next) => {
    res.set('Cache-Control', 'no-store');
    for (const header of ['x-request-id', 'x-correlation-id']) {
      const value = req.get(header);
      if (value && value.length <= 200) res.set(header, value);
    }
    next();
  });

  fhir.get('/metadata', (_req, res) => {
    send(res, 200, capabilityStatementOf(baseUrl, '2026-12-01'));
  });

  fhir.all('/\\$process-message', (req, res, next) => {
    if (req.method !== 'POST') {
      res.set('Allow', 'POST');
      return next(
        new FhirError(405, { code: 'not-supported', diagnostics: '$process-message takes POST only.' }),
      );
    }
    next();
  });
  fhir.post(
    '/\\$process-message',
    requireToken,
    requireTracingHeaders,
    requireFhirJson,
    express.json({ type: () => true, limit: maxBodyBytes, strict: false }),
    async (req, res) => {
      const message = await processMessage(deps, {
        caller: callerOf(req),
        correlationId: req.get('x-correlation-id')!,
        baseUrl,
        body: req.body as unknown,
      });
      send(res, 200, message);
    },
  );

  fhir.get('/ServiceRequest/:id', requireToken, async (req, res) => {
    const referral = await readServiceRequest(deps, callerOf(req), String(req.params.id));
    send(res, 200, serviceRequestOf(referral));
  });

  fhir.get('/ServiceRequest', requireToken, async (req, res) => {
    const parameter = req.query['patient:identifier'];
    const unknown = Object.keys(req.query).filter((k) => k !== 'patient:identifier' && !k.startsWith('_'));
    const [system, value] = typeof parameter === 'string' ? splitToken(parameter) : [undefined, undefined];
    if (unknown.length > 0 || system !== NHS_NUMBER || !value) {
      throw new FhirError(400, {
        code: 'not-supported',
        diagnostics: `Search ServiceRequests by patient:identifier=${NHS_NUMBER}|{NHS number}, and by nothing else.`,
      });
    }
    const self = `${baseUrl}/ServiceRequest?patient:identifier=${encodeURIComponent(`${NHS_NUMBER}|${value}`)}`;
    send(res, 200, await searchByNhsNumber(deps, callerOf(req), value, self, baseUrl));
  });

  fhir.use((_req, _res, next) => {
    next(
      new FhirError(404, {
        code: 'not-supported',
        diagnostics: 'This endpoint has no such interaction (see metadata).',
      }),
    );
  });
  fhir.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const failure = bodyParserFailure(error, maxBodyBytes) ?? (error instanceof FhirError ? error : null);
    if (failure && failure.status < 500) {
      return send(res, failure.status, operationOutcome(failure.status, failure.problems));
    }
    // The caller's ids: the hub's audit and logs keep them as correlationId beside its own ids.
    options.logger?.error(
      {
        error: error instanceof Error ? error.name : typeof error,
        requestId: req.get('x-request-id'),
        correlationId: req.get('x-correlation-id'),
      },
      'BaRS FHIR request failed',
    );
    if (failure) return send(res, failure.status, operationOutcome(failure.status, failure.problems));
    send(
      res,
      500,
      operationOutcome(500, [
        { code: 'exception', diagnostics: 'The connector could not process the request.' },
      ]),
    );
  });
  app.use(FHIR_BASE, fhir);
  app.use((_req, res) => {
    send(
      res,
      404,
      operationOutcome(404, [{ code: 'not-found', diagnostics: `The FHIR endpoint is ${FHIR_BASE}.` }]),
    );
  });
  return app;
}

function send(res: Response, status: number, resource: object): void {
  res.status(status).type(FHIR_JSON).send(JSON.stringify(resource));
}

function callerOf(req: Request) {
  return {
    token: bearerOf(req)!,
    requestId: req.get('x-request-id'),
    correlationId: req.get('x-correlation-id'),
  };
}

function bearerOf(req: Request): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
  return m?.[1];
}

/** The gateway decides whether the token is valid; without one there is nothing to ask it. */
function requireToken(req: Request, _res: Response, next: NextFunction): void {
  if (bearerOf(req)) return next();
  next(new FhirError(401, { code: 'login', diagnostics: 'Authorization: Bearer <token> is required.' }));
}

function requireTracingHeaders(req: Request, _res: Response, next: NextFunction): void {
  const problems = ['X-Request-Id', 'X-Correlation-Id']
    .filter((h) => !UUID.test(req.get(h) ?? ''))
    .map((h) => ({ code: 'required' as const, diagnostics: `The ${h} header is required, a UUID.` }));
  next(problems.length > 0 ? new FhirError(400, problems) : undefined);
}

function requireFhirJson(req: Request, _res: Response, next: NextFunction): void {
  const type = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/fhir+json' || type === 'application/json') return next();
  next(
    new FhirError(415, { code: 'not-supported', diagnostics: 'Send the message as application/fhir+json.' }),
  );
}

/** body-parser's refusals (unreadable JSON, too large) as OperationOutcomes. */
function bodyParserFailure(error: unknown, maxBodyBytes: number): FhirError | null {
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') {
    return new FhirError(400, { code: 'structure', diagnostics: 'The body is not JSON.' });
  }
  if (type === 'entity.too.large') return tooLarge(maxBodyBytes);
  if ((typeof type === 'string' && type.startsWith('encoding.')) || type === 'charset.unsupported') {
    return new FhirError(415, { code: 'not-supported', diagnostics: 'Send UTF-8 application/fhir+json.' });
  }
  return null;
}

function splitToken(token: string): [string | undefined, string | undefined] {
  const bar = token.indexOf('|');
  return bar < 0 ? [undefined, token] : [token.slice(0, bar), token.slice(bar + 1)];
}
