/**
 * The editor's server: the built app as static files and a small JSON file API for the rules folder.
 *
 *   GET  /api/bestanden            → the tree of rule files
 *   GET  /api/bestand?pad=…        → { pad, inhoud, versie, alleenLezen, melding? }
 *   PUT  /api/bestand?pad=…        ← { inhoud, versie, bericht? }  (versie null: a new file; bericht: commit message)
 *                                  → { pad, versie, commit } | 409 { fout, inhoud, versie, door?, onderwerp? }
 *
 *   POST /api/herstel              ← { pad, rev, bericht? }  an earlier revision as a new commit
 *   …and the workflow's routes (workflow-routes.ts): versions and their steps, history, who is logged in.
 *
 * Every save is a git commit with the person as author (save.ts); adopted versions are read-only. Local mode
 * (loopback only, one person with every role) or team mode (`users`: login page, sessions, roles; access.ts).
 * Every request passes the guard first (request-guard.ts: host allow-list, no cross-site API requests,
 * JSON-only writes) and every answer carries its security headers. Every error is a Dutch problem
 * (`application/problem+json`, `{ status, detail, fout }`). Node's `http` only.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Person } from '../workflow/git.js';
import { WorkflowError } from '../workflow/errors.js';
import { History } from '../workflow/history.js';
import { LiveAccounts } from '../workflow/live-accounts.js';
import { personOf } from '../workflow/people.js';
import { Workflow } from '../workflow/workflow.js';
import { localPerson } from '../workflow/workspace.js';
import { Access, redirect } from './access.js';
import { readJsonBody, type BodyLimits } from './json-body.js';
import { sendJson, sendProblem } from './json-response.js';
import { allowedHosts, RequestGuard, SECURITY_HEADERS } from './request-guard.js';
import { ContextStore } from './context-store.js';
import { RulesStore, StoreError } from './rules-store.js';
import { saveAndCommit } from './save.js';
import { serveStatic } from './static-files.js';
import { need, routeWorkflow } from './workflow-routes.js';

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
  /** Folders whose rules are shown read-only beside `rulesDir` (a draft's base elsewhere); see context-store.ts. */
  readonly context?: readonly string[];
  /** Team mode: the accounts file (`regelwerk gebruiker …`). Without it: local mode, loopback only. */
  readonly users?: string;
  /** The server is reached over https (a reverse proxy): the session cookie gets `Secure`. */
  readonly https?: boolean;
  /** Local mode: the person saves are made as (default: git's user.name/user.email, else the login name). */
  readonly person?: Person;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost)$/i;

/** Whether the address only this machine can reach. */
export const isLoopback = (host: string): boolean => LOOPBACK.test(host.trim());

/** Thrown before listening when the server would be reachable by others without accounts. */
export class StartRefusal extends Error {}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY = 1024 * 1024;
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  if (options.users === undefined && !isLoopback(options.host)) {
    throw new StartRefusal(
      `De server luistert alleen op een adres van andere machines (${options.host}) als er gebruikers zijn: ` +
        "start hem met --gebruikers <bestand> (maak gebruikers met 'regelwerk gebruiker toevoegen'), of laat --host weg.",
    );
  }
  const store = new RulesStore(options.rulesDir);
  const workflow = await Workflow.open(options.rulesDir, options.context ?? []);
  const context = new ContextStore(options.context ?? []);
  // Team mode reads the accounts file again when it changes; removed users' sessions end (live-accounts.ts).
  let ended: (users: readonly string[]) => void = () => undefined;
  const access =
    options.users !== undefined
      ? Access.team(
          await LiveAccounts.open(
            options.users,
            (line) => options.log?.(line),
            (users) => ended(users),
          ),
          options.https === true,
        )
      : Access.local(options.person ?? (await localPerson(workflow.repo)));
  ended = (users) => access.endSessions(users);
  const history = new History(workflow);
  const removed = await store.removeLeftovers().catch(() => 0);
  if (removed > 0) options.log?.(`${removed} achtergebleven tijdelijke bestanden of sloten opgeruimd.`);
  const limits = {
    maxBody: options.maxBodyBytes ?? DEFAULT_MAX_BODY,
    bodyTimeout: options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS,
  };
  const guard = new RequestGuard();
  guard.httpsOrigin = options.https === true;
  const app: App = { store, context, workflow, history, access, guard, appDir: options.appDir, limits };
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
      handle(req, res, app).catch((e: unknown) => {
        if (e instanceof StoreError || e instanceof WorkflowError) {
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

interface App {
  readonly store: RulesStore;
  readonly context: ContextStore;
  readonly workflow: Workflow;
  readonly history: History;
  readonly access: Access;
  readonly guard: RequestGuard;
  readonly appDir: string | undefined;
  readonly limits: BodyLimits;
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse, app: App): Promise<void> {
  const { store, context, guard, access, workflow } = app;
  const url = new URL(req.url ?? '/', 'http://localhost');
  const method = req.method ?? 'GET';
  const isApi = url.pathname.startsWith('/api/');
  const refusal =
    guard.check(req, isApi) ??
    (url.pathname === '/inloggen' && method === 'POST' ? guard.crossSite(req) : undefined);
  if (refusal !== undefined) {
    res.setHeader('Connection', 'close');
    req.resume();
    return sendProblem(res, refusal.status, refusal.message);
  }
  if (url.pathname === '/inloggen') return access.handleLogin(req, res);
  const who = await access.identify(req);
  if (who === undefined) {
    req.resume();
    if (!isApi && (method === 'GET' || method === 'HEAD')) return redirect(res, '/inloggen');
    return sendProblem(res, 401, 'U bent niet ingelogd (of uw sessie is verlopen). Log in via /inloggen.');
  }
  if (url.pathname === '/api/bestanden') {
    if (method !== 'GET') return methodNotAllowed(res, 'GET');
    const tree = await store.list();
    sendJson(res, 200, { ...tree, kinderen: [...tree.kinderen, ...(await context.list())] });
    return;
  }
  if (url.pathname === '/api/bestand') {
    const pad = url.searchParams.get('pad') ?? '';
    if (ContextStore.owns(pad)) {
      if (method === 'GET') return sendJson(res, 200, await context.read(pad));
      if (method === 'PUT') {
        need(who, 'opsteller');
        req.resume();
        return context.refuseSave(pad);
      }
      return methodNotAllowed(res, 'GET, PUT');
    }
    if (method === 'GET') {
      const file = await store.read(pad);
      const locked = file.alleenLezen
        ? undefined
        : await workflow.saveRefusal(file.pad, file.inhoud, file.inhoud);
      sendJson(
        res,
        200,
        locked === undefined ? file : { ...file, alleenLezen: true, melding: locked, vergrendeld: true },
      );
      return;
    }
    if (method === 'PUT') {
      need(who, 'opsteller');
      const body = await readJsonBody(req, res, app.limits);
      const { inhoud, versie, bericht } = parseSaveBody(body);
      sendJson(
        res,
        200,
        await saveAndCommit(store, workflow, personOf(who), { pad, inhoud, versie, bericht }),
      );
      return;
    }
    return methodNotAllowed(res, 'GET, PUT');
  }
  if (url.pathname === '/api/herstel') {
    if (method !== 'POST') return methodNotAllowed(res, 'POST');
    need(who, 'opsteller');
    const body = (await readJsonBody(req, res, app.limits)) as Record<string, unknown> | null;
    const pad = typeof body?.['pad'] === 'string' ? body['pad'] : '';
    const rev = typeof body?.['rev'] === 'string' ? body['rev'] : '';
    const typed = typeof body?.['bericht'] === 'string' ? body['bericht'] : '';
    const inhoud = await app.history.textAt(rev, pad);
    const current = await store.read(pad).catch(() => undefined);
    const bericht = typed.trim() !== '' ? typed : `${pad} hersteld naar revisie ${rev.slice(0, 12)}`;
    sendJson(
      res,
      200,
      await saveAndCommit(store, workflow, personOf(who), {
        pad,
        inhoud,
        versie: current?.versie ?? null,
        bericht,
      }),
    );
    return;
  }
  if (isApi) {
    if (
      await routeWorkflow({
        req,
        res,
        url,
        who,
        workflow,
        history: app.history,
        access,
        store,
        limits: app.limits,
      })
    )
      return;
    return sendProblem(res, 404, `Onbekend adres '${url.pathname.slice(0, 200)}'.`);
  }
  if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
  if (app.appDir === undefined) return sendProblem(res, 404, 'De editor is niet gebouwd.');
  await serveStatic(req, res, app.appDir, url.pathname);
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

function parseSaveBody(body: unknown): { inhoud: string; versie: string | null; bericht: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new StoreError(400, 'Verwacht een object met "inhoud" en "versie".');
  }
  const { inhoud, versie, bericht } = body as Record<string, unknown>;
  if (bericht !== undefined && typeof bericht !== 'string') {
    throw new StoreError(400, 'Het veld "bericht" (de omschrijving van de wijziging) moet tekst zijn.');
  }
  if (typeof inhoud !== 'string') {
    throw new StoreError(400, 'Het veld "inhoud" ontbreekt of is geen tekst.');
  }
  if (versie !== null && typeof versie !== 'string') {
    throw new StoreError(
      400,
      'Het veld "versie" ontbreekt: geef de versie die u het laatst las (of null voor een nieuw bestand).',
    );
  }
  return { inhoud, versie, bericht: bericht ?? '' };
}
