/**
 * The server answers only its own host and refuses cross-site writes (issue 9, item 1): DNS rebinding,
 * cross-site PUTs and non-JSON writes are refused with a Dutch problem; every answer has security headers.
 */
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/http-server.js';
import { versionTag } from '../../src/server/rules-store.js';
import { AccountFile } from '../../src/workflow/people.js';
import { rawRequest } from './helpers.js';

let dir: string;
let rules: string;
let server: RunningServer;
const ORIGINAL = 'regelset "Twents Model"\n';

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'regelwerk-guard-'));
  rules = path.join(dir, 'rules');
  await fs.mkdir(rules);
  await fs.mkdir(path.join(dir, 'app'));
  await fs.writeFile(path.join(dir, 'app', 'index.html'), '<!doctype html><title>regelwerk</title>');
  server = await startServer({
    rulesDir: rules,
    appDir: path.join(dir, 'app'),
    host: '127.0.0.1',
    port: 0,
    names: ['regels.gemeente.example'],
  });
});

afterAll(async () => {
  await server.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const file = () => path.join(rules, '2019.regels');
const url = (p: string) => `${server.url}${p}`;
const problem = (body: string) => JSON.parse(body) as { status: number; fout: string; detail: string };

async function save(headers: Record<string, string>, inhoud = 'overschreven\n') {
  await fs.writeFile(file(), ORIGINAL);
  return rawRequest(url('/api/bestand?pad=2019.regels'), {
    method: 'PUT',
    headers,
    body: JSON.stringify({ inhoud, versie: versionTag(ORIGINAL) }),
  });
}

describe('Host allow-list (DNS rebinding)', () => {
  it.each(['evil.example', `evil.example:${0}`, 'localhost.evil.example', '127.0.0.1', 'localhost:1'])(
    'refuses Host %s for the app, the file list, a file and a save',
    async (name) => {
      const host = name === `evil.example:0` ? `evil.example:${server.port}` : name;
      await fs.writeFile(file(), ORIGINAL);
      for (const p of ['/', '/api/bestanden', '/api/bestand?pad=2019.regels']) {
        const res = await rawRequest(url(p), { headers: { Host: host } });
        expect(res.status, `${host} ${p}`).toBe(421);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(problem(res.body).fout).toMatch(/antwoordt niet voor de host/);
        expect(res.body).not.toContain('Twents');
      }
      const put = await save({ Host: host, 'Content-Type': 'application/json' });
      expect(put.status).toBe(421);
      expect(await fs.readFile(file(), 'utf8')).toBe(ORIGINAL);
    },
  );

  it.each(['localhost', '127.0.0.1', '[::1]', 'regels.gemeente.example', 'LOCALHOST'])(
    'answers Host %s with its port',
    async (name) => {
      const res = await rawRequest(url('/api/bestanden'), { headers: { Host: `${name}:${server.port}` } });
      expect(res.status).toBe(200);
    },
  );
});

describe('cross-site requests', () => {
  it('refuses a PUT with a foreign Origin, even as text/plain, and leaves the file alone', async () => {
    for (const contentType of ['text/plain', 'application/json']) {
      const res = await save({ 'Content-Type': contentType, Origin: 'http://evil.example' });
      expect(res.status).toBe(403);
      expect(problem(res.body).fout).toMatch(/andere herkomst/);
      expect(await fs.readFile(file(), 'utf8')).toBe(ORIGINAL);
    }
  });

  it.each(['cross-site', 'same-site'])('refuses a PUT with Sec-Fetch-Site: %s', async (site) => {
    const res = await save({ 'Content-Type': 'application/json', 'Sec-Fetch-Site': site });
    expect(res.status).toBe(403);
    expect(problem(res.body).fout).toMatch(/andere website/);
    expect(await fs.readFile(file(), 'utf8')).toBe(ORIGINAL);
  });

  it('refuses a cross-site read of the API', async () => {
    const res = await rawRequest(url('/api/bestand?pad=2019.regels'), {
      headers: { 'Sec-Fetch-Site': 'cross-site', Origin: 'http://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('Twents');
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''])(
    'refuses a same-origin write that is not JSON (%s) with 415',
    async (contentType) => {
      const res = await save(contentType === '' ? {} : { 'Content-Type': contentType });
      expect(res.status).toBe(415);
      expect(problem(res.body).fout).toMatch(/als JSON/);
      expect(await fs.readFile(file(), 'utf8')).toBe(ORIGINAL);
    },
  );

  it('accepts the editor’s own save (same origin, JSON)', async () => {
    const res = await save({
      'Content-Type': 'application/json; charset=utf-8',
      Origin: server.url,
      'Sec-Fetch-Site': 'same-origin',
    });
    expect(res.status).toBe(200);
    expect(await fs.readFile(file(), 'utf8')).toBe('overschreven\n');
  });
});

describe('security headers', () => {
  it.each(['/', '/api/bestanden', '/api/onbekend'])('are on %s', async (p) => {
    const res = await rawRequest(url(p), {});
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("worker-src 'self'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });
});

describe('requests Node itself refuses', () => {
  it('answers a malformed request with a Dutch problem, not an empty answer', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(server.port, '127.0.0.1');
      let data = '';
      socket.on('data', (c: Buffer) => (data += c.toString('utf8')));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
      socket.write('DIT IS GEEN HTTP\r\n\r\n');
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(answer).toMatch(/application\/problem\+json/);
    expect(answer).toMatch(/geen geldig HTTP-verzoek/);
  });
});

describe('a server on every address', () => {
  it('is refused without accounts, with a Dutch message', async () => {
    await expect(
      startServer({ rulesDir: rules, appDir: undefined, host: '0.0.0.0', port: 0 }),
    ).rejects.toThrow(/alleen .* als er gebruikers zijn: start hem met --gebruikers/);
  });

  it('prints a loopback address and still refuses foreign names (with accounts)', async () => {
    const users = path.join(dir, 'gebruikers.json');
    const accounts = await AccountFile.read(users, { create: true });
    await accounts.add({
      gebruikersnaam: 'anna',
      naam: 'Anna',
      email: '',
      rollen: ['lezer'],
      wachtwoord: 'geheim-genoeg-1',
    });
    await accounts.write();
    const wide = await startServer({ rulesDir: rules, appDir: undefined, host: '0.0.0.0', port: 0, users });
    try {
      expect(wide.url).toBe(`http://127.0.0.1:${wide.port}`);
      // Without a session only the login page answers.
      expect((await rawRequest(`${wide.url}/api/bestanden`, {})).status).toBe(401);
      expect((await rawRequest(`${wide.url}/inloggen`, {})).status).toBe(200);
      const foreign = await rawRequest(`${wide.url}/api/bestanden`, {
        headers: { Host: `evil.example:${wide.port}` },
      });
      expect(foreign.status).toBe(421);
    } finally {
      await wide.close();
    }
  });
});
