/**
 * Who may talk to the API. A request must name this server in its Host header (an IP address, localhost, or a
 * name given with --naam, as the editor server does), so a DNS-rebinding page cannot reach it; a browser page from another site
 * may not write (Origin / Sec-Fetch-Site); with an API key, /v1 and /beheer need it (`Authorization: Bearer …`
 * or `X-Api-Sleutel`). The key is kept only as its sha256 and compared in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

/** The host name of a Host header value (`[::1]:8080` → `::1`, `api.example:80` → `api.example`). */
export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  const colon = h.lastIndexOf(':');
  return colon >= 0 && h.indexOf(':') === colon ? h.slice(0, colon) : h;
}

export class HostPolicy {
  private readonly names: ReadonlySet<string>;

  constructor(names: readonly string[]) {
    this.names = new Set(['localhost', ...names.map((n) => hostName(n))]);
  }

  /** Whether a Host header names this server. */
  allows(host: string | undefined): boolean {
    if (host === undefined || host === '') return false;
    const name = hostName(host);
    return isIP(name) !== 0 || this.names.has(name);
  }

  /** Whether a write from a browser page comes from this server's own pages (or not from a browser page). */
  sameOrigin(origin: string | undefined, fetchSite: string | undefined): boolean {
    if (fetchSite === 'cross-site') return false;
    if (origin === undefined || origin === 'null') return origin === undefined;
    try {
      return this.allows(new URL(origin).host);
    } catch {
      return false;
    }
  }
}

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

export class ApiKey {
  private readonly hash: Buffer;

  constructor(key: string) {
    this.hash = digest(key);
  }

  /** Whether the request's headers carry the key. */
  matches(authorization: string | undefined, header: string | undefined): boolean {
    const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1];
    const given = bearer ?? header;
    if (given === undefined) return false;
    return timingSafeEqual(digest(given.trim()), this.hash);
  }
}
