import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/http-server.js';
import { versionTag } from '../../src/server/rules-store.js';

let dir: string;
let rules: string;
let outside: string;
let app: string;
let server: RunningServer;

const api = (p: string, init?: RequestInit) => fetch(`${server.url}${p}`, init);
const put = (pad: string, body: unknown) =>
  api(`/api/bestand?pad=${encodeURIComponent(pad)}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const json = async (res: Response) => (await res.json()) as Record<string, unknown>;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'regelwerk-server-'));
  rules = path.join(dir, 'rules');
  outside = path.join(dir, 'geheim');
  app = path.join(dir, 'app');
  await fs.mkdir(outside);
  await fs.writeFile(path.join(outside, 'geheim.regels'), 'geheim');
  await fs.mkdir(path.join(app, 'assets'), { recursive: true });
  await fs.writeFile(path.join(app, 'index.html'), '<!doctype html><title>regelwerk</title>');
  await fs.writeFile(path.join(app, 'assets', 'main.js'), 'console.log(1)');
  await fs.mkdir(rules);
  server = await startServer({
    rulesDir: rules,
    appDir: app,
    host: '127.0.0.1',
    port: 0,
    maxBodyBytes: 64 * 1024,
  });
});

beforeEach(async () => {
  // A fresh folder for each test; its git repository (made when the server started) stays.
  for (const name of await fs.readdir(rules)) {
    if (name !== '.git' && name !== '.gitignore')
      await fs.rm(path.join(rules, name), { recursive: true, force: true });
  }
  await fs.mkdir(path.join(rules, 'almelo'), { recursive: true });
  await fs.writeFile(path.join(rules, 'twents-2019.regels'), 'regelset "Twents Model"\n');
  await fs.writeFile(path.join(rules, 'almelo', 'almelo-2021.regels'), 'regelset "Twents Model"\n');
  await fs.writeFile(path.join(rules, 'notities.txt'), 'niet tonen');
});

afterAll(async () => {
  await server.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('file API', () => {
  it('lists the tree of rule files only', async () => {
    const res = await api('/api/bestanden');
    expect(res.status).toBe(200);
    const tree = await json(res);
    expect(tree).toMatchObject({
      soort: 'map',
      kinderen: [
        { soort: 'map', naam: 'almelo', kinderen: [{ soort: 'bestand', pad: 'almelo/almelo-2021.regels' }] },
        { soort: 'bestand', pad: 'twents-2019.regels' },
      ],
    });
  });

  it('reads a file with its version tag', async () => {
    const res = await api('/api/bestand?pad=almelo/almelo-2021.regels');
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.inhoud).toBe('regelset "Twents Model"\n');
    expect(body.versie).toBe(versionTag('regelset "Twents Model"\n'));
  });

  it('saves with the right version and changes the tag', async () => {
    const before = await json(await api('/api/bestand?pad=twents-2019.regels'));
    const res = await put('twents-2019.regels', { inhoud: 'nieuw\n', versie: before.versie });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.versie).toBe(versionTag('nieuw\n'));
    expect(await fs.readFile(path.join(rules, 'twents-2019.regels'), 'utf8')).toBe('nieuw\n');
    const leftovers = (await fs.readdir(rules)).filter((f) => f.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  });

  it('refuses a save against an old version with 409 and the current content', async () => {
    const first = await json(await api('/api/bestand?pad=twents-2019.regels'));
    expect((await put('twents-2019.regels', { inhoud: 'van collega\n', versie: first.versie })).status).toBe(
      200,
    );
    const res = await put('twents-2019.regels', { inhoud: 'van mij\n', versie: first.versie });
    expect(res.status).toBe(409);
    const body = await json(res);
    expect(body.fout).toMatch(/intussen door iemand anders gewijzigd/);
    expect(body.inhoud).toBe('van collega\n');
    expect(body.versie).toBe(versionTag('van collega\n'));
    expect(await fs.readFile(path.join(rules, 'twents-2019.regels'), 'utf8')).toBe('van collega\n');
  });

  it('lets only one of two concurrent saves with the same version win', async () => {
    const first = await json(await api('/api/bestand?pad=twents-2019.regels'));
    const results = await Promise.all(
      ['a\n', 'b\n', 'c\n'].map((inhoud) => put('twents-2019.regels', { inhoud, versie: first.versie })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
  });

  it('creates a new file with versie null, but not over an existing one', async () => {
    expect((await put('almelo/nieuw.regels', { inhoud: 'x', versie: null })).status).toBe(200);
    expect(await fs.readFile(path.join(rules, 'almelo', 'nieuw.regels'), 'utf8')).toBe('x');
    const again = await put('almelo/nieuw.regels', { inhoud: 'y', versie: null });
    expect(again.status).toBe(409);
    expect((await json(again)).fout).toMatch(/bestaat al/);
  });

  it.each([
    ['../geheim/geheim.regels', 400],
    ['almelo/../../geheim/geheim.regels', 400],
    ['/etc/passwd.regels', 400],
    ['notities.txt', 400],
    [`${'a'.repeat(300)}.regels`, 400],
    ['regel\neinde.regels', 400],
    ['tab\tnaam.regels', 400],
    ['omgekeerd\u202Eslerge.regels', 400],
    ['stil\u2066.regels', 400],
    ['<script>.regels', 400],
    ['almelo/<b>.regels', 400],
    ['.verborgen.regels', 400],
    ['', 400],
  ])('refuses the path %s', async (pad, status) => {
    const read = await api(`/api/bestand?pad=${encodeURIComponent(pad)}`);
    expect(read.status).toBe(status);
    expect(typeof (await json(read)).fout).toBe('string');
    const save = await put(pad, { inhoud: 'x', versie: null });
    expect(save.status).toBe(status);
  });

  it('refuses symlinks that lead out of the rules folder', async () => {
    await fs.symlink(outside, path.join(rules, 'uitweg'));
    await fs.symlink(path.join(outside, 'geheim.regels'), path.join(rules, 'link.regels'));
    for (const pad of ['uitweg/geheim.regels', 'link.regels', 'uitweg/nieuw.regels']) {
      const read = await api(`/api/bestand?pad=${encodeURIComponent(pad)}`);
      expect(read.status, pad).toBe(403);
      const save = await put(pad, { inhoud: 'x', versie: versionTag('geheim') });
      expect(save.status, pad).toBe(403);
    }
    expect(await fs.readFile(path.join(outside, 'geheim.regels'), 'utf8')).toBe('geheim');
    expect(await fs.readdir(outside)).toEqual(['geheim.regels']);
  });

  it('answers 404 in Dutch for a missing file', async () => {
    const res = await api('/api/bestand?pad=bestaat-niet.regels');
    expect(res.status).toBe(404);
    expect((await json(res)).fout).toMatch(/bestaat niet/);
  });

  it('refuses too large a body with 413', async () => {
    const res = await put('twents-2019.regels', { inhoud: 'x'.repeat(100 * 1024), versie: null });
    expect(res.status).toBe(413);
    expect((await json(res)).fout).toMatch(/te groot/);
  });

  it('refuses malformed JSON and missing fields with 400', async () => {
    const bad = await put('twents-2019.regels', '{ niet json');
    expect(bad.status).toBe(400);
    expect((await json(bad)).fout).toMatch(/geen geldige JSON/);
    const missing = await put('twents-2019.regels', { inhoud: 'x' });
    expect(missing.status).toBe(400);
    expect((await json(missing)).fout).toMatch(/versie/);
    const wrongType = await put('twents-2019.regels', { inhoud: 3, versie: null });
    expect(wrongType.status).toBe(400);
  });

  it('answers other methods with 405', async () => {
    const res = await api('/api/bestand?pad=twents-2019.regels', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect((await json(res)).fout).toMatch(/niet toegestaan/);
  });
});

describe('static app', () => {
  it('serves index.html, assets, and falls back to index.html for app routes', async () => {
    const index = await api('/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    const asset = await api('/assets/main.js');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(await asset.text()).toBe('console.log(1)');
    const route = await api('/versie/2019');
    expect(await route.text()).toMatch(/regelwerk/);
    expect((await api('/assets/ontbreekt.js')).status).toBe(404);
  });

  it('never reads outside the app directory', async () => {
    const res = await api('/%2e%2e/rules/twents-2019.regels');
    expect([403, 404]).toContain(res.status);
    expect(await res.text()).not.toMatch(/regelset/);
  });
});
