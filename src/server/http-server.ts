/**
 * The editor's server: the built app as static files and a small JSON file API for the rules folder.
 *
 *   GET  /api/bestanden            → the tree of rule files
 *   GET  /api/bestand?pad=…        → { pad, inhoud, versie, alleenLezen, melding? }
 *   PUT  /api/bestand?pad=…        ← { inhoud, versie }  (versie null: a new file)
 *                                  → { pad, versie } | 409 { fout, inhoud, versie }
 *
 * Every request passes the guard first (request-guard.ts: host allow-list, no cross-site API requests,
 * JSON-only writes) and every answer carries its security headers. Every error is a Dutch problem
 * (`application/problem+json`, `{ status, detail, fout }`). Node's `http` only.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendJson, sendProblem } from './json-response.js';
import { allowedHosts, RequestGuard, SECURITY_HEADERS } from './request-guard.js';
import { RulesStore, StoreError } from './rules-store.js';
import { serveStatic } from './static-files.js';

export interface ServerOptions {
  /** The rules folder. */
  readonly rulesDir: string;
  /** The built app (dist/editor); without it only the API is served. */
  readonly appDir: string | undefined;
  /** The address to listen on; also an accepted `Host` name unless it is a wildcard (0.0.0.0, ::). */
  readonly host: string;
  /** 0 for an ephemeral port. */
  readonly port: number;
  /** More host names the server answers for (besides localhost, 127.0.0.1, [::1] and `host`). */
  readonly names?: readonly string[];
  /** Largest accepted request body in bytes. */
  readonly maxBodyBytes?: number;
  /** How long a request body may take to arrive, in ms. */
  readonly bodyTimeoutMs?: number;
  /** Progress lines (leftovers cleaned up at startup). */
  readonly log?: (line: string) => void;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY = 1024 * 1024;
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const store = new RulesStore(options.rulesDir);
  const removed = await store.removeLeftovers().catch(() => 0);
  if (removed > 0) options.log?.(`${removed} achtergebleven tijdelijke bestanden of sloten opgeruimd.`);
  const limits = {
    maxBody: options.maxBodyBytes ?? DEFAULT_MAX_BODY,
    bodyTimeout: options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS,
  };
  const guard = new RequestGuard();
  const server = http.createServer(
    {
      // Backstops behind the body timeout of readJsonBody: slow headers and requests are cut off.
      headersTimeout: 10_000,
      requestTimeout: limits.bodyTimeout + 10_000,
      connectionsCheckingInterval: 1_000,
      keepAliveTimeout: 5_000,
    },
    (req, res) => {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
      handle(req, res, store, guard, options.appDir, limits).catch((e: unknown) => {
        if (e instanceof StoreError) {
          sendProblem(res, e.status, e.message, e.extra);
        } else {
          console.error(`Fout bij ${req.method ?? '?'} ${(req.url ?? '').slice(0, 200)}:`, e);
          sendProblem(res, 500, 'Er ging iets mis op de server. Probeer het opnieuw.');
        }
      });
    },
  );
  // Requests Node refuses before our handler sees them (a malformed request, headers too large or too
  // slow) also get a Dutch problem instead of an empty answer.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const [status, reason, detail] = clientErrorAnswer(err.code);
    const body = JSON.stringify({ type: 'about:blank', title: reason, status, detail, fout: detail });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  guard.allow(allowedHosts(options.host, options.names ?? [], port));
  // On a wildcard address the printed address is the loopback one (the browser must use an accepted name).
  const shown = options.host === '0.0.0.0' ? '127.0.0.1' : options.host === '::' ? '::1' : options.host;
  const hostForUrl = shown.includes(':') ? `[${shown}]` : shown;
  return {
    url: `http://${hostForUrl}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  store: RulesStore,
  guard: RequestGuard,
  appDir: string | undefined,
  limits: { maxBody: number; bodyTimeout: number },
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const method = req.method ?? 'GET';
  const isApi = url.pathname.startsWith('/api/');
  const refusal = guard.check(req, isApi);
  if (refusal !== undefined) {
    res.setHeader('Connection', 'close');
    req.resume();
    return sendProblem(res, refusal.status, refusal.message);
  }
  if (url.pathname === '/api/bestanden') {
    if (method !== 'GET') return methodNotAllowed(res, 'GET');
    sendJson(res, 200, await store.list());
    return;
  }
  if (url.pathname === '/api/bestand') {
    const pad = url.searchParams.get('pad') ?? '';
    if (method === 'GET') {
      sendJson(res, 200, await store.read(pad));
      return;
    }
    if (method === 'PUT') {
      const body = await readJsonBody(req, res, limits);
      const { inhoud, versie } = parseSaveBody(body);
      const saved = await store.save(pad, inhoud, versie);
      sendJson(res, 200, { pad: saved.pad, versie: saved.versie });
      return;
    }
    return methodNotAllowed(res, 'GET, PUT');
  }
  if (isApi) return sendProblem(res, 404, `Onbekend adres '${url.pathname.slice(0, 200)}'.`);
  if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
  if (appDir === undefined) return sendProblem(res, 404, 'De editor is niet gebouwd.');
  await serveStatic(req, res, appDir, url.pathname);
}

function clientErrorAnswer(code: string | undefined): [number, string, string] {
  switch (code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, 'Request Timeout', 'Het verzoek kwam niet op tijd binnen.'];
    case 'HPE_HEADER_OVERFLOW':
      return [431, 'Request Header Fields Too Large', 'De kopregels van het verzoek zijn te groot.'];
    default:
      return [400, 'Bad Request', 'Het verzoek is geen geldig HTTP-verzoek.'];
  }
}

function methodNotAllowed(res: http.ServerResponse, allow: string): void {
  res.setHeader('Allow', allow);
  sendProblem(res, 405, `Deze methode is hier niet toegestaan (wel: ${allow}).`);
}

/**
 * Reads the body: more than `maxBody` bytes is a 413, a body that takes longer than `bodyTimeout` a 408
 * (the connection is closed after the answer, so a slow sender holds nothing open).
 */
function readJsonBody(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  limits: { maxBody: number; bodyTimeout: number },
): Promise<unknown> {
  const tooLarge = () =>
    new StoreError(
      413,
      `Het verzoek is te groot: hooguit ${Math.floor(limits.maxBody / 1024)} KiB is toegestaan.`,
    );
  const giveUp = (error: StoreError) => {
    res.setHeader('Connection', 'close');
    res.once('finish', () => req.destroy());
    req.resume();
    return error;
  };
  if (Number(req.headers['content-length'] ?? '0') > limits.maxBody)
    return Promise.reject(giveUp(tooLarge()));
  return new Promise<unknown>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (error: StoreError | undefined, value?: unknown) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.off('data', onData);
      if (error !== undefined) reject(giveUp(error));
      else resolve(value);
    };
    const timer = setTimeout(
      () =>
        finish(
          new StoreError(
            408,
            `De inhoud van het verzoek kwam niet binnen ${Math.round(limits.bodyTimeout / 1000)} seconden binnen.`,
          ),
        ),
      limits.bodyTimeout,
    );
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBody) return finish(tooLarge());
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('error', () => finish(new StoreError(400, 'Het verzoek werd afgebroken.')));
    req.once('end', () => {
      try {
        finish(undefined, JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
      } catch {
        finish(new StoreError(400, 'De inhoud van het verzoek is geen geldige JSON.'));
      }
    });
  });
}

function parseSaveBody(body: unknown): { inhoud: string; versie: string | null } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new StoreError(400, 'Verwacht een object met "inhoud" en "versie".');
  }
  const { inhoud, versie } = body as Record<string, unknown>;
  if (typeof inhoud !== 'string') {
    throw new StoreError(400, 'Het veld "inhoud" ontbreekt of is geen tekst.');
  }
  if (versie !== null && typeof versie !== 'string') {
    throw new StoreError(
      400,
      'Het veld "versie" ontbreekt: geef de versie die u het laatst las (of null voor een nieuw bestand).',
    );
  }
  return { inhoud, versie };
}
