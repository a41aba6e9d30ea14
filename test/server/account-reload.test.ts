/**
 * A running `regelwerk serve --gebruikers` sees `regelwerk gebruiker toevoegen|wijzigen|verwijderen` without a
 * restart: a removed account loses access at its next request, a new one can log in, changed roles apply to the
 * session at once, a changed password ends the sessions; a broken file keeps the last good accounts, a file that
 * is gone lets nobody in. The server and the CLI run as real processes, as a team would run them.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyRules } from '../workflow/support.js';
import { PROJECT_ROOT, rawRequest, startServerProcess, type ServerProcess } from './helpers.js';

let dir: string;
let users: string;
let server: ServerProcess;

/** `regelwerk gebruiker …` as a user runs it, the password (if any) on standard input. */
function gebruiker(args: readonly string[], password = ''): string {
  const r = spawnSync(process.execPath, ['bin/regelwerk.mjs', 'gebruiker', ...args, '--gebruikers', users], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    input: `${password}\n`,
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

async function login(name: string, password: string): Promise<string | undefined> {
  const res = await rawRequest(`${server.url}/inloggen`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ gebruikersnaam: name, wachtwoord: password }).toString(),
  });
  if (res.status !== 303) return undefined;
  return String(res.headers['set-cookie']?.[0] ?? '').split(';')[0];
}

const me = (cookie: string) => rawRequest(`${server.url}/api/ik`, { headers: { Cookie: cookie } });

beforeAll(async () => {
  let rules: string;
  ({ dir, rules } = await copyRules('accounts'));
  users = path.join(dir, 'gebruikers.json');
  gebruiker(
    ['toevoegen', 'anna', '--rol', 'opsteller', '--volledige-naam', 'Anna de Vries'],
    'anna-wachtwoord-1',
  );
  gebruiker(['toevoegen', 'bart', '--rol', 'vaststeller'], 'bart-wachtwoord-1');
  server = await startServerProcess(rules, ['--gebruikers', users]);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('account changes reach a running server', () => {
  it('a removed account loses access at its next request and cannot log in', async () => {
    const anna = await login('anna', 'anna-wachtwoord-1');
    expect(anna).toBeDefined();
    expect((await me(anna ?? '')).status).toBe(200);
    expect(gebruiker(['verwijderen', 'anna'])).toContain('bij het volgende verzoek');
    const after = await me(anna ?? '');
    expect(after.status).toBe(401);
    expect(after.body).toContain('niet ingelogd');
    expect(await login('anna', 'anna-wachtwoord-1')).toBeUndefined();
  });

  it('a new account can log in at once', async () => {
    gebruiker(['toevoegen', 'kees', '--rol', 'lezer', '--volledige-naam', 'Kees Lezer'], 'kees-wachtwoord-1');
    const kees = await login('kees', 'kees-wachtwoord-1');
    expect(kees).toBeDefined();
    const who = JSON.parse((await me(kees ?? '')).body) as { naam: string; rollen: string[] };
    expect(who).toMatchObject({ naam: 'Kees Lezer', rollen: ['lezer'] });

    // Changed roles apply to the open session.
    gebruiker(['wijzigen', 'kees', '--rol', 'opsteller']);
    const now = JSON.parse((await me(kees ?? '')).body) as { rollen: string[] };
    expect(now.rollen).toEqual(['opsteller']);
  });

  it('a changed password ends the sessions; the new password works, the old one not', async () => {
    const bart = await login('bart', 'bart-wachtwoord-1');
    expect((await me(bart ?? '')).status).toBe(200);
    gebruiker(['wijzigen', 'bart', '--wachtwoord'], 'bart-wachtwoord-2');
    expect((await me(bart ?? '')).status).toBe(401);
    expect(await login('bart', 'bart-wachtwoord-2')).toBeDefined();
    expect(await login('bart', 'bart-wachtwoord-1')).toBeUndefined();
  });

  it('a broken file keeps the last good accounts; a file that is gone lets nobody in', async () => {
    const kees = (await login('kees', 'kees-wachtwoord-1')) ?? '';
    expect((await me(kees)).status).toBe(200);
    const good = await fs.readFile(users, 'utf8');
    await fs.writeFile(users, good.slice(0, 40));
    expect((await me(kees)).status).toBe(200);
    await fs.writeFile(users, good);
    expect((await me(kees)).status).toBe(200);
    await fs.rm(users);
    expect((await me(kees)).status).toBe(401);
    expect(await login('bart', 'bart-wachtwoord-2')).toBeUndefined();
    await fs.writeFile(users, good, { mode: 0o600 });
    expect(await login('kees', 'kees-wachtwoord-1')).toBeDefined();
  });
});
