/**
 * The editor's server: the built app as static files and a small JSON file API for the rules folder.
 *
 *   GET  /api/bestanden            → the tree of rule files
 *   GET  /api/bestand?pad=…        → { pad, inhoud, versie }
 *   PUT  /api/bestand?pad=…        ← { inhoud, versie }  (versie null: a new file)
 *                                  → { pad, versie } | 409 { fout, inhoud, versie }
 *
 * Every error is JSON `{ fout: "…" }` in Dutch. Node's `http` only.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { RulesStore, StoreError } from './rules-store.js';
import { sendJson } from './json-response.js';
import { serveStatic } from './static-files.js';

export interface ServerOptions {
  /** The rules folder. */
  readonly rulesDir: string;
  /** The built app (dist/editor); without it only the API is served. */
  readonly appDir: string | undefined;
  readonly host: string;
  /** 0 for an ephemeral port. */
  readonly port: number;
  /** Largest accepted request body in bytes. */
  readonly maxBodyBytes?: number;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY = 1024 * 1024;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const store = new RulesStore(options.rulesDir);
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const server = http.createServer((req, res) => {
    handle(req, res, store, options.appDir, maxBody).catch((e: unknown) => {
      if (e instanceof StoreError) sendJson(res, e.status, { fout: e.message, ...e.extra });
      else {
        console.error(e);
        sendJson(res, 500, { fout: 'Er ging iets mis op de server. Probeer het opnieuw.' });
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
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
  appDir: string | undefined,
  maxBody: number,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const method = req.method ?? 'GET';
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
      const body = await readJsonBody(req, maxBody);
      const { inhoud, versie } = parseSaveBody(body);
      const saved = await store.save(pad, inhoud, versie);
      sendJson(res, 200, { pad: saved.pad, versie: saved.versie });
      return;
    }
    return methodNotAllowed(res, 'GET, PUT');
  }
  if (url.pathname.startsWith('/api/')) {
    sendJson(res, 404, { fout: `Onbekend adres '${url.pathname}'.` });
    return;
  }
  if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
  if (appDir === undefined) {
    sendJson(res, 404, { fout: 'De editor is niet gebouwd.' });
    return;
  }
  await serveStatic(req, res, appDir, url.pathname);
}

function methodNotAllowed(res: http.ServerResponse, allow: string): void {
  res.setHeader('Allow', allow);
  sendJson(res, 405, { fout: `Deze methode is hier niet toegestaan (wel: ${allow}).` });
}

/** Reads the body, refusing more than `limit` bytes with a 413. */
async function readJsonBody(req: http.IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? '0');
  const tooLarge = () =>
    new StoreError(413, `Het verzoek is te groot: hooguit ${Math.floor(limit / 1024)} KiB is toegestaan.`);
  if (declared > limit) {
    req.resume();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) {
      req.resume();
      throw tooLarge();
    }
    chunks.push(buf);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new StoreError(400, 'De inhoud van het verzoek is geen geldige JSON.');
  }
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
