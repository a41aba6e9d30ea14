/**
 * The history API in local mode: a save with a message is a commit by the local person; /api/stand moves so
 * another editor learns of it; a conflicting save answers who made the other change; the commit's semantic diff,
 * a comparison of two revisions, and restoring an earlier revision as a new commit.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/http-server.js';
import { Workflow } from '../../src/workflow/workflow.js';
import { ANNA, CHANGE_2023, copyRules } from '../workflow/support.js';
import { rawRequest } from './helpers.js';

let dir: string;
let rules: string;
let server: RunningServer;
const PAD = 'twents-model/2023.regels';

beforeAll(async () => {
  ({ dir, rules } = await copyRules('geschiedenis'));
  const wf = await Workflow.open(rules);
  await wf.newVersion({ basis: '2022', naam: '2023', vanaf: '2023-01-01' }, ANNA);
  server = await startServer({
    rulesDir: rules,
    appDir: undefined,
    host: '127.0.0.1',
    port: 0,
    person: { name: 'Lokale Persoon', email: 'lokaal@example' },
  });
});

afterAll(async () => {
  await server.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const get = async <T>(p: string): Promise<T> => {
  const res = await rawRequest(`${server.url}${p}`, {});
  expect(res.status, res.body).toBe(200);
  return JSON.parse(res.body) as T;
};
const send = (method: string, p: string, body: unknown) =>
  rawRequest(`${server.url}${p}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('history through the API', () => {
  let first: { inhoud: string; versie: string };

  it('commits a save with the message as the local person, and the stand moves', async () => {
    const before = await get<{ head: string; versies: Record<string, string> }>('/api/stand');
    first = await get(`/api/bestand?pad=${PAD}`);
    const res = await send('PUT', `/api/bestand?pad=${PAD}`, {
      inhoud: first.inhoud + CHANGE_2023,
      versie: first.versie,
      bericht: 'OB2 midden/C naar € 190,00',
    });
    expect(res.status, res.body).toBe(200);
    const after = await get<{ head: string; versies: Record<string, string>; laatste: { auteur: string } }>(
      '/api/stand',
    );
    expect(after.head).not.toBe(before.head);
    expect(after.versies[PAD]).not.toBe(before.versies[PAD]);
    expect(after.laatste.auteur).toBe('Lokale Persoon');
    const log = execFileSync('git', ['log', '-1', '--format=%an|%s'], {
      cwd: rules,
      encoding: 'utf8',
    }).trim();
    expect(log).toBe('Lokale Persoon|OB2 midden/C naar € 190,00');
  });

  it('answers a conflicting save with the other text and who made it', async () => {
    const res = await send('PUT', `/api/bestand?pad=${PAD}`, {
      inhoud: first.inhoud + '// mijn versie\n',
      versie: first.versie,
    });
    expect(res.status).toBe(409);
    const body = JSON.parse(res.body) as { inhoud: string; door: string; onderwerp: string };
    expect(body.inhoud).toContain('190,00');
    expect(body.door).toBe('Lokale Persoon');
    expect(body.onderwerp).toBe('OB2 midden/C naar € 190,00');
  });

  it('lists the commits of the file with the semantic diff of each', async () => {
    const commits = await get<{ hash: string; onderwerp: string; auteur: string }[]>(
      `/api/geschiedenis?pad=${PAD}`,
    );
    expect(commits.map((c) => `${c.auteur}: ${c.onderwerp}`)).toEqual([
      'Lokale Persoon: OB2 midden/C naar € 190,00',
      'Anna Opsteller: Nieuwe versie 2023 op basis van 2022 (concept)',
    ]);
    const change = await get<{
      verschillen: { from: string; to: string; cells: { key: string; old: string; new: string }[] }[];
    }>(`/api/commit?hash=${commits[0]?.hash ?? ''}`);
    expect(change.verschillen[0]?.cells).toEqual([
      expect.objectContaining({ key: 'ontwikkelen/OB2/midden/C', old: '188.41', new: '190.00' }),
    ]);
  });

  it('compares any two revisions of a version', async () => {
    const commits = await get<{ hash: string }[]>(`/api/geschiedenis?pad=${PAD}`);
    const diff = await get<{ cells: { key: string }[] }>(
      `/api/vergelijk?van=${commits[1]?.hash ?? ''}&vanVersie=2023&naar=werkmap&naarVersie=2023`,
    );
    expect(diff.cells.map((c) => c.key)).toEqual(['ontwikkelen/OB2/midden/C']);
    const unknown = await rawRequest(
      `${server.url}/api/vergelijk?van=bestaatniet&vanVersie=2023&naarVersie=2023`,
      {},
    );
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).fout).toMatch(/Revisie 'bestaatniet' bestaat niet/);
  });

  it('restores an earlier revision as a new commit', async () => {
    const commits = await get<{ hash: string }[]>(`/api/geschiedenis?pad=${PAD}`);
    const res = await send('POST', '/api/herstel', { pad: PAD, rev: commits[1]?.hash });
    expect(res.status, res.body).toBe(200);
    expect(await fs.readFile(`${rules}/${PAD}`, 'utf8')).toBe(first.inhoud);
    const after = await get<{ onderwerp: string }[]>(`/api/geschiedenis?pad=${PAD}`);
    expect(after).toHaveLength(3);
    expect(after[0]?.onderwerp).toMatch(/^twents-model\/2023\.regels hersteld naar revisie [0-9a-f]{12}$/);
  });
});
