/**
 * Team mode's security: without a session only the login page answers; a wrong password is slowed down; the
 * session cookie is HttpOnly and SameSite=Strict (Secure behind https); every route checks the role (a lezer
 * cannot save, an opsteller cannot adopt); binding to a non-loopback address without accounts is refused.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/http-server.js';
import { AccountFile } from '../../src/workflow/people.js';
import { copyRules } from '../workflow/support.js';
import { PROJECT_ROOT, rawRequest, type RawResponse } from './helpers.js';

let dir: string;
let rules: string;
let users: string;
let server: RunningServer;
const PASSWORDS = { anna: 'anna-wachtwoord-1', bart: 'bart-wachtwoord-1', lies: 'lies-wachtwoord-1' };

beforeAll(async () => {
  ({ dir, rules } = await copyRules('team'));
  users = path.join(dir, 'gebruikers.json');
  const accounts = await AccountFile.read(users, { create: true });
  await accounts.add({
    gebruikersnaam: 'anna',
    naam: 'Anna Opsteller',
    email: 'anna@x.example',
    rollen: ['opsteller'],
    wachtwoord: PASSWORDS.anna,
  });
  await accounts.add({
    gebruikersnaam: 'bart',
    naam: 'Bart Vaststeller',
    email: 'bart@x.example',
    rollen: ['vaststeller'],
    wachtwoord: PASSWORDS.bart,
  });
  await accounts.add({
    gebruikersnaam: 'lies',
    naam: 'Lies Lezer',
    email: '',
    rollen: ['lezer'],
    wachtwoord: PASSWORDS.lies,
  });
  await accounts.write();
  server = await startServer({ rulesDir: rules, appDir: undefined, host: '127.0.0.1', port: 0, users });
});

afterAll(async () => {
  await server.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const login = (name: string, password: string, base = server.url): Promise<RawResponse> =>
  rawRequest(`${base}/inloggen`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ gebruikersnaam: name, wachtwoord: password }).toString(),
  });

async function session(name: keyof typeof PASSWORDS): Promise<string> {
  const res = await login(name, PASSWORDS[name]);
  expect(res.status).toBe(303);
  const cookie = String(res.headers['set-cookie']?.[0] ?? '');
  return cookie.split(';')[0] ?? '';
}

const api = (cookie: string, p: string, method = 'GET', body?: unknown) =>
  rawRequest(`${server.url}${p}`, {
    method,
    headers: { Cookie: cookie, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });

describe('team mode without a session', () => {
  it.each(['/', '/index.html', '/iets'])('sends %s to the login page', async (p) => {
    const res = await rawRequest(`${server.url}${p}`, {});
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/inloggen');
  });

  it.each([
    ['GET', '/api/bestanden'],
    ['GET', '/api/bestand?pad=twents-model/2022.regels'],
    ['PUT', '/api/bestand?pad=twents-model/2022.regels'],
    ['GET', '/api/versies'],
    ['POST', '/api/versies'],
    ['GET', '/api/geschiedenis'],
    ['GET', '/api/ik'],
  ])('answers %s %s with 401', async (method, p) => {
    const res = await api('', p, method, method === 'GET' ? undefined : {});
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).fout).toMatch(/niet ingelogd/);
  });

  it('shows a Dutch login page', async () => {
    const res = await rawRequest(`${server.url}/inloggen`, {});
    expect(res.status).toBe(200);
    expect(res.body).toContain('<html lang="nl">');
    expect(res.body).toMatch(/Gebruikersnaam[\s\S]*Wachtwoord[\s\S]*Inloggen/);
  });

  it('refuses a login posted from another website', async () => {
    const res = await rawRequest(`${server.url}/inloggen`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://evil.example' },
      body: 'gebruikersnaam=anna&wachtwoord=x',
    });
    expect(res.status).toBe(403);
  });
});

describe('logging in', () => {
  it('slows down a wrong password: the next try must wait, even with the right password', async () => {
    const wrong = await login('lies', 'fout-wachtwoord');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toContain('Gebruikersnaam of wachtwoord klopt niet.');
    expect(Number(wrong.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const right = await login('lies', PASSWORDS.lies);
    expect(right.status).toBe(429);
    expect(right.body).toMatch(/Te veel mislukte pogingen\. Wacht \d+ seconde/);
    expect(Number(right.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(right.headers['set-cookie']).toBeUndefined();
  });

  it('treats an unknown name like a wrong password', async () => {
    const res = await login('niemand', 'wat-dan-ook-1');
    expect(res.status).toBe(401);
    expect(res.body).toContain('Gebruikersnaam of wachtwoord klopt niet.');
  });

  it('sets a session cookie with HttpOnly and SameSite=Strict (no Secure over plain http)', async () => {
    const res = await login('anna', PASSWORDS.anna);
    expect(res.status).toBe(303);
    const cookie = String(res.headers['set-cookie']?.[0]);
    expect(cookie).toMatch(/^regelwerk_sessie=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
    const me = await api(cookie.split(';')[0] ?? '', '/api/ik');
    expect(JSON.parse(me.body)).toMatchObject({
      gebruikersnaam: 'anna',
      rollen: ['opsteller'],
      modus: 'team',
    });
  });

  it('adds Secure behind https', async () => {
    const behind = await startServer({
      rulesDir: rules,
      appDir: undefined,
      host: '127.0.0.1',
      port: 0,
      users,
      https: true,
    });
    try {
      const res = await login('bart', PASSWORDS.bart, behind.url);
      expect(String(res.headers['set-cookie']?.[0])).toMatch(/; Secure$|; Secure;/);
    } finally {
      await behind.close();
    }
  });

  it('ends a session on logout', async () => {
    const cookie = await session('anna');
    expect((await api(cookie, '/api/uitloggen', 'POST', {})).status).toBe(200);
    expect((await api(cookie, '/api/ik')).status).toBe(401);
  });
});

describe('roles', () => {
  it('lets a lezer read but not save, and not create a version', async () => {
    const cookie = await session('lies').catch(async () => {
      // The brake of the test above may still hold for lies from this address: wait it out.
      await new Promise((r) => setTimeout(r, 2100));
      return session('lies');
    });
    const file = await api(cookie, '/api/bestand?pad=twents-model/2022.regels');
    expect(file.status).toBe(200);
    const saved = await api(cookie, '/api/bestand?pad=twents-model/nieuw.regels', 'PUT', {
      inhoud: '// x\n',
      versie: null,
    });
    expect(saved.status).toBe(403);
    expect(JSON.parse(saved.body).fout).toMatch(/rol 'opsteller' nodig/);
    expect(
      (await api(cookie, '/api/versies', 'POST', { basis: '2022', naam: '2023', vanaf: '2023-01-01' }))
        .status,
    ).toBe(403);
  });

  it('lets an opsteller create a version and save, but not adopt or send back', async () => {
    const cookie = await session('anna');
    const made = await api(cookie, '/api/versies', 'POST', {
      basis: '2022',
      naam: '2023',
      vanaf: '2023-01-01',
    });
    expect(made.status).toBe(201);
    const adopt = await api(cookie, '/api/versies/2023/vaststellen', 'POST', { besluit: 'Besluit' });
    expect(adopt.status).toBe(403);
    expect(JSON.parse(adopt.body).fout).toMatch(/rol 'vaststeller' nodig/);
    expect((await api(cookie, '/api/versies/2023/terugsturen', 'POST', { tekst: 'x' })).status).toBe(403);
  });

  it('lets a vaststeller not save', async () => {
    const cookie = await session('bart');
    const file = JSON.parse((await api(cookie, '/api/bestand?pad=twents-model/2023.regels')).body) as {
      inhoud: string;
      versie: string;
    };
    const saved = await api(cookie, '/api/bestand?pad=twents-model/2023.regels', 'PUT', {
      inhoud: file.inhoud + '\n',
      versie: file.versie,
    });
    expect(saved.status).toBe(403);
  });
});

describe('binding to another address', () => {
  it('is refused without accounts, with a Dutch message and exit code 2', () => {
    const r = spawnSync(
      process.execPath,
      ['bin/regelwerk.mjs', 'serve', '--host', '0.0.0.0', '--port', '0', '--niet-bouwen', '--regels', rules],
      {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /alleen op een adres van andere machines \(0\.0\.0\.0\) als er gebruikers zijn: start hem met --gebruikers/,
    );
  });
});
