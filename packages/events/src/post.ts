/**
 * The webhook POST over node:http(s), connected to the one address resolve.ts checked: the socket's
 * `lookup` answers that address and never asks DNS again, while everything else (the Host header,
 * TLS server name and certificate check) uses the URL's host as usual. No connection is reused
 * (`agent: false`), so a pooled socket to an address checked earlier cannot carry a later delivery.
 * A redirect is an answer like any other: it is never followed.
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';

export interface WebhookRequest {
  url: URL;
  /** The checked address and its family: the only place the connection may go. */
  address: string;
  family: 4 | 6;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/** Sends one request; resolves with the HTTP status, rejects on a network error or time-out. */
export type WebhookPoster = (request: WebhookRequest) => Promise<number>;

export interface PinnedPosterOptions {
  /** Extra trusted certificate authorities (PEM), e.g. a private CA; unset: Node's bundled roots. */
  ca?: string | readonly string[] | undefined;
}

export function createPinnedPoster(options: PinnedPosterOptions = {}): WebhookPoster {
  return (request) =>
    new Promise<number>((resolve, reject) => {
      const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
        if (lookupOptions.all) {
          (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
            { address: request.address, family: request.family },
          ]);
        } else {
          callback(null, request.address, request.family);
        }
      };
      const secure = request.url.protocol === 'https:';
      const client = secure ? https : http;
      const req = client.request(request.url, {
        method: 'POST',
        headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
        agent: false,
        lookup,
        signal: AbortSignal.timeout(request.timeoutMs),
        ...(secure && options.ca ? { ca: options.ca as string | string[] } : {}),
      });
      req.on('response', (res) => {
        // The answer's body is never read or kept (it may be an error page from anywhere).
        res.resume();
        res.on('error', () => {});
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      req.end(request.body);
    });
}

export const postPinned: WebhookPoster = createPinnedPoster();
