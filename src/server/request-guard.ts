/**
 * What every request passes before it is handled:
 * - the `Host` header names this server (loopback names with its port, or the names it was given): a page on
 *   another domain that resolves to 127.0.0.1 (DNS rebinding) gets nothing;
 * - API requests from another site are refused (`Sec-Fetch-Site`, `Origin`), and a request that changes
 *   something must be `application/json` (a plain HTML form or a "simple" cross-site fetch cannot send that);
 * - every answer carries security headers (CSP that lets Monaco's same-origin workers run, no framing,
 *   `nosniff`, no referrer).
 */
import type http from 'node:http';

/** A refusal: status and Dutch message. */
export interface Refusal {
  readonly status: number;
  readonly message: string;
}

/** Methods that send something to store: only as JSON. */
const WITH_BODY = new Set(['PUT', 'POST', 'PATCH']);

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** The CSP of the app: only our own origin; inline styles for Monaco and React; workers from our origin. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** A host name as it appears in a `Host` header (IPv6 in brackets), lower case. */
export function hostForHeader(name: string): string {
  const lower = name.trim().toLowerCase();
  return lower.includes(':') && !lower.startsWith('[') ? `[${lower}]` : lower;
}

const isWildcard = (host: string): boolean => ['0.0.0.0', '::', '[::]', ''].includes(host.trim());

/**
 * The `Host` values this server answers: the loopback names, the address it listens on (unless a wildcard)
 * and the extra names, each with the port (and bare on port 80); the extra names also bare (behind a proxy).
 */
export function allowedHosts(listenHost: string, extraNames: readonly string[], port: number): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  if (!isWildcard(listenHost)) names.add(hostForHeader(listenHost));
  for (const n of extraNames) names.add(hostForHeader(n));
  const out = new Set<string>();
  for (const n of names) {
    out.add(`${n}:${port}`);
    if (port === 80) out.add(n);
  }
  // A name given with --naam is also answered bare: a reverse proxy on port 80/443 forwards `Host: <naam>`.
  for (const n of extraNames) out.add(hostForHeader(n));
  return out;
}

export class RequestGuard {
  private hosts: ReadonlySet<string> = new Set();

  /** Sets the accepted `Host` values (known once the server listens and has its port). */
  allow(hosts: ReadonlySet<string>): void {
    this.hosts = hosts;
  }

  /** A refusal for a request this server must not answer, or undefined. */
  check(req: http.IncomingMessage, isApi: boolean): Refusal | undefined {
    const host = (req.headers.host ?? '').toLowerCase();
    if (!this.hosts.has(host)) {
      return {
        status: 421,
        message:
          host === ''
            ? 'Het verzoek noemt geen host. Open de editor via het adres dat de server afdrukt.'
            : `Deze server antwoordt niet voor de host '${host.slice(0, 100)}'. Open de editor via het adres dat de server afdrukt (bijvoorbeeld http://127.0.0.1:…), of start de server met --naam ${host.split(':')[0]?.slice(0, 100) ?? ''}.`,
      };
    }
    if (!isApi) return undefined;
    const crossSite = this.crossSite(req);
    if (crossSite !== undefined) return crossSite;
    const method = req.method ?? 'GET';
    if (WITH_BODY.has(method) && !isJson(header(req, 'content-type'))) {
      return {
        status: 415,
        message: 'Een wijziging moet als JSON worden gestuurd (Content-Type: application/json).',
      };
    }
    return undefined;
  }

  /** Also the https origin of the same host is our own (behind an https reverse proxy). */
  httpsOrigin = false;

  /** A refusal for a request another website made (Sec-Fetch-Site, Origin), or undefined. */
  crossSite(req: http.IncomingMessage): Refusal | undefined {
    const host = (req.headers.host ?? '').toLowerCase();
    const site = header(req, 'sec-fetch-site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      return {
        status: 403,
        message: `Een verzoek van een andere website wordt geweigerd (Sec-Fetch-Site: ${site.slice(0, 40)}). Gebruik de editor zelf.`,
      };
    }
    const origin = header(req, 'origin');
    // A form posted under `Referrer-Policy: no-referrer` says `Origin: null`; the browser's own
    // Sec-Fetch-Site (which no page can set) then tells whether it came from this origin.
    if (origin === 'null' && site === 'same-origin') return undefined;
    if (
      origin !== undefined &&
      origin !== `http://${host}` &&
      !(this.httpsOrigin && origin === `https://${host}`)
    ) {
      return {
        status: 403,
        message: `Een verzoek van een andere herkomst wordt geweigerd (Origin: ${origin.slice(0, 100)}). Gebruik de editor zelf.`,
      };
    }
    return undefined;
  }
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

/** `application/json`, optionally with `charset=utf-8`. */
function isJson(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const [type, ...params] = contentType.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => !p.startsWith('charset=') || p === 'charset=utf-8' || p === 'charset="utf-8"');
}
