/**
 * The workflow's part of the editor's API (every route checks the person's role):
 *
 *   GET  /api/ik                              → who is logged in, roles, mode
 *   POST /api/uitloggen                       (team mode)
 *   GET  /api/versies                         → every version's state (status, decision, authors, comments)
 *   POST /api/versies                         ← { basis, naam, vanaf, gemeente?, bericht? }   (opsteller)
 *   GET  /api/versies/<v>/toets               → what blocks `ter vaststelling`, and every scenario's outcome
 *   POST /api/versies/<v>/ter-vaststelling    ← { tekst? }                                    (opsteller)
 *   POST /api/versies/<v>/vaststellen         ← { besluit }                                   (vaststeller)
 *   POST /api/versies/<v>/terugsturen         ← { tekst }                                     (vaststeller)
 *   POST /api/versies/<v>/opmerkingen         ← { tekst }                          (opsteller or vaststeller)
 *   GET  /api/geschiedenis?pad=…|versie=…     → commits (who, when, message)
 *   GET  /api/commit?hash=…                   → a commit's files and semantic diff per version
 *   GET  /api/vergelijk?van=&vanVersie=&naar=&naarVersie=   → the diff of any two (revision, version) pairs
 *   GET  /api/waardegeschiedenis?versie=&tabel=&sleutel=  | &parameter=   → a cell's or parameter's history
 *   GET  /api/bestand-op?pad=&rev=            → a file's text at a revision
 *   POST /api/herstel                         ← { pad, rev, bericht? }   an earlier revision as a new commit
 *   GET  /api/stand                           → HEAD and every file's version tag (the editor polls it)
 */
import type http from 'node:http';
import { hasRole, personOf, type Identity, type Role } from '../workflow/people.js';
import type { History } from '../workflow/history.js';
import type { Workflow } from '../workflow/workflow.js';
import type { Access } from './access.js';
import { readJsonBody, type BodyLimits } from './json-body.js';
import { sendJson } from './json-response.js';
import type { RulesStore } from './rules-store.js';
import { filePaths } from './tree-paths.js';
import { StoreError } from './store-error.js';

export interface RouteContext {
  readonly req: http.IncomingMessage;
  readonly res: http.ServerResponse;
  readonly url: URL;
  readonly who: Identity;
  readonly workflow: Workflow;
  readonly history: History;
  readonly access: Access;
  readonly store: RulesStore;
  readonly limits: BodyLimits;
}

const ROLE_TEXT: Record<Role, string> = {
  lezer: 'lezer',
  opsteller: 'opsteller',
  vaststeller: 'vaststeller',
};

/** Refuses (403) unless the person has one of the roles. */
export function need(who: Identity, ...roles: Role[]): void {
  if (roles.some((r) => hasRole(who.rollen, r))) return;
  throw new StoreError(
    403,
    `Hiervoor is de rol ${roles.map((r) => `'${ROLE_TEXT[r]}'`).join(' of ')} nodig; u (${who.naam}) heeft de rol${who.rollen.length === 1 ? '' : 'len'} ${who.rollen.join(', ')}.`,
  );
}

function text(body: unknown, field: string, required: boolean): string {
  const v = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined;
  if (v === undefined || v === null) {
    if (required) throw new StoreError(400, `Het veld "${field}" ontbreekt.`);
    return '';
  }
  if (typeof v !== 'string') throw new StoreError(400, `Het veld "${field}" moet tekst zijn.`);
  return v;
}

function method(ctx: RouteContext, allowed: 'GET' | 'POST'): void {
  if ((ctx.req.method ?? 'GET') !== allowed) {
    ctx.res.setHeader('Allow', allowed);
    throw new StoreError(405, `Deze methode is hier niet toegestaan (wel: ${allowed}).`);
  }
}

/** Answers a workflow route; false when the path is not one. */
export async function routeWorkflow(ctx: RouteContext): Promise<boolean> {
  const { url, who, workflow, history, res } = ctx;
  const p = url.pathname;
  const q = (name: string) => url.searchParams.get(name) ?? undefined;
  const person = personOf(who);
  const body = async () => readJsonBody(ctx.req, res, ctx.limits);
  if (p === '/api/ik') {
    method(ctx, 'GET');
    sendJson(res, 200, { ...who, modus: ctx.access.mode });
    return true;
  }
  if (p === '/api/uitloggen') {
    method(ctx, 'POST');
    ctx.access.logout(ctx.req, res);
    sendJson(res, 200, { uitgelogd: true });
    return true;
  }
  if (p === '/api/versies') {
    if (ctx.req.method === 'POST') {
      need(who, 'opsteller');
      const b = await body();
      const gemeente = text(b, 'gemeente', false);
      const state = await workflow.newVersion(
        {
          basis: text(b, 'basis', true),
          naam: text(b, 'naam', true),
          vanaf: text(b, 'vanaf', true),
          ...(gemeente !== '' ? { gemeente } : {}),
          bericht: text(b, 'bericht', false),
        },
        person,
      );
      sendJson(res, 201, state);
      return true;
    }
    method(ctx, 'GET');
    sendJson(res, 200, await workflow.states());
    return true;
  }
  const step = /^\/api\/versies\/([^/]+)\/(toets|ter-vaststelling|vaststellen|terugsturen|opmerkingen)$/.exec(
    p,
  );
  if (step?.[1] !== undefined) {
    const versie = decodeURIComponent(step[1]);
    switch (step[2]) {
      case 'toets':
        method(ctx, 'GET');
        sendJson(res, 200, await workflow.gate(versie));
        return true;
      case 'ter-vaststelling':
        method(ctx, 'POST');
        need(who, 'opsteller');
        sendJson(
          res,
          200,
          await workflow.requestAdoption(versie, person, text(await body(), 'tekst', false)),
        );
        return true;
      case 'vaststellen':
        method(ctx, 'POST');
        need(who, 'vaststeller');
        sendJson(res, 200, await workflow.adopt(versie, person, text(await body(), 'besluit', true)));
        return true;
      case 'terugsturen':
        method(ctx, 'POST');
        need(who, 'vaststeller');
        sendJson(res, 200, await workflow.sendBack(versie, person, text(await body(), 'tekst', true)));
        return true;
      default:
        method(ctx, 'POST');
        need(who, 'opsteller', 'vaststeller');
        sendJson(res, 200, await workflow.comment(versie, person, text(await body(), 'tekst', true)));
        return true;
    }
  }
  if (p === '/api/geschiedenis') {
    method(ctx, 'GET');
    const pad = q('pad');
    const versie = q('versie');
    sendJson(res, 200, await history.log({ ...(pad ? { pad } : {}), ...(versie ? { versie } : {}) }));
    return true;
  }
  if (p === '/api/commit') {
    method(ctx, 'GET');
    sendJson(res, 200, await history.commitChange(q('hash') ?? ''));
    return true;
  }
  if (p === '/api/vergelijk') {
    method(ctx, 'GET');
    const vanVersie = q('vanVersie');
    const naarVersie = q('naarVersie');
    if (!vanVersie || !naarVersie)
      throw new StoreError(400, 'Geef vanVersie en naarVersie (en eventueel van en naar: revisies).');
    sendJson(
      res,
      200,
      await history.compare(
        { rev: q('van') ?? 'werkmap', versie: vanVersie },
        { rev: q('naar') ?? 'werkmap', versie: naarVersie },
      ),
    );
    return true;
  }
  if (p === '/api/waardegeschiedenis') {
    method(ctx, 'GET');
    const versie = q('versie');
    if (!versie) throw new StoreError(400, 'Geef de versie (versie=…).');
    const tabel = q('tabel');
    const sleutel = q('sleutel');
    const parameter = q('parameter');
    sendJson(
      res,
      200,
      await history.valueHistory({
        versie,
        ...(tabel ? { tabel } : {}),
        ...(sleutel ? { sleutel } : {}),
        ...(parameter ? { parameter } : {}),
      }),
    );
    return true;
  }
  if (p === '/api/bestand-op') {
    method(ctx, 'GET');
    const pad = q('pad') ?? '';
    await ctx.store.read(pad).catch((e: unknown) => {
      // Only the path's soundness matters here (the file may be gone since).
      if (e instanceof StoreError && e.status === 404) return undefined;
      throw e;
    });
    sendJson(res, 200, { pad, rev: q('rev') ?? '', inhoud: await history.textAt(q('rev') ?? '', pad) });
    return true;
  }
  if (p === '/api/stand') {
    method(ctx, 'GET');
    // A file removed while the folder is read is simply not in this answer.
    const tree = await ctx.store.list().catch(() => ctx.store.list());
    const versies: Record<string, string> = {};
    for (const pad of filePaths(tree)) {
      const f = await ctx.store.read(pad).catch(() => undefined);
      if (f !== undefined) versies[pad] = f.versie;
    }
    const [last] = await workflow.repo.log({ max: 1 });
    sendJson(res, 200, {
      head: last?.hash ?? null,
      laatste:
        last === undefined ? null : { auteur: last.auteur, onderwerp: last.onderwerp, datum: last.datum },
      versies,
    });
    return true;
  }
  return false;
}
