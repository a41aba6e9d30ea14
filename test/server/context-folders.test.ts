/**
 * `regelwerk serve --regels concept --regels rules/twents-model`: the first folder is the working folder, the
 * next ones are read alongside, read-only, so a draft finds its base there. The editor sees them as read-only
 * folders in the tree (under `.basis-<n>/`), saving there is refused, and the workflow compiles with them: the
 * gate lets the draft through to `ter vaststelling`, which it refuses without the base (RW6001).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/http-server.js';
import type { DirEntry, FileContent } from '../../src/server/rules-store.js';
import { CHANGE_2023 } from '../workflow/support.js';
import { PROJECT_ROOT, rawRequest, startServerProcess } from './helpers.js';

const RULES = path.join(PROJECT_ROOT, 'rules', 'twents-model');
const DRAFT = `regelset "Twents Model"\nversie "2023" op basis van "2022"\ngeldig vanaf 2023-01-01\nstatus concept\n${CHANGE_2023}`;

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function draftFolder(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'regelwerk-context-'));
  const concept = path.join(dir, 'concept');
  await fs.mkdir(concept);
  await fs.writeFile(path.join(concept, '2023.regels'), DRAFT);
  return concept;
}

const start = async (concept: string, context: string[]) => {
  server = await startServer({
    rulesDir: concept,
    context,
    appDir: undefined,
    host: '127.0.0.1',
    port: 0,
    person: { name: 'Lokale Persoon', email: 'lokaal@example' },
  });
  return server.url;
};

const json = async <T>(url: string, init: Parameters<typeof rawRequest>[1] = {}) => {
  const r = await rawRequest(url, init);
  return { status: r.status, body: JSON.parse(r.body) as T };
};

describe('context folders beside the working folder', () => {
  it('shows them read-only in the tree and refuses saving there', async () => {
    const url = await start(await draftFolder(), [RULES]);
    const tree = await json<DirEntry>(`${url}/api/bestanden`);
    const context = tree.body.kinderen.find((k) => k.pad === '.basis-1');
    expect(context?.naam).toContain('alleen lezen');
    expect(JSON.stringify(context)).toContain('".basis-1/2022.regels"');
    expect(tree.body.kinderen.some((k) => k.pad === '2023.regels')).toBe(true);

    const pad = encodeURIComponent('.basis-1/2022.regels');
    const file = await json<FileContent>(`${url}/api/bestand?pad=${pad}`);
    expect(file.status).toBe(200);
    expect(file.body).toMatchObject({ pad: '.basis-1/2022.regels', alleenLezen: true, vergrendeld: true });
    expect(file.body.melding).toContain('alleen meeleest');
    expect(file.body.inhoud).toBe(await fs.readFile(path.join(RULES, '2022.regels'), 'utf8'));

    const save = await rawRequest(`${url}/api/bestand?pad=${pad}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ inhoud: 'kapot', versie: file.body.versie }),
    });
    expect(save.status).toBe(403);
    expect(save.body).toContain('opslaan kan alleen in de werkmap');
    expect(file.body.inhoud).toBe(await fs.readFile(path.join(RULES, '2022.regels'), 'utf8'));
    // The context folder's own path checks hold: no way out of it.
    const out = await rawRequest(
      `${url}/api/bestand?pad=${encodeURIComponent('.basis-1/../2019.regels')}`,
      {},
    );
    expect(out.status).toBe(400);
  });

  it('the gate compiles with them: the draft goes ter vaststelling; without the base it is refused', async () => {
    const alone = await start(await draftFolder(), []);
    const refused = await json<{ problemen: string[] }>(`${alone}/api/versies/2023/toets`);
    expect(refused.body.problemen.join('\n')).toMatch(/RW6001|basisversie '2022'/);
    await server?.close();

    const url = await start(await draftFolder(), [RULES]);
    const gate = await json<{ problemen: string[] }>(`${url}/api/versies/2023/toets`);
    expect(gate.body.problemen).toEqual([]);
    const step = await json<{ status: string }>(`${url}/api/versies/2023/ter-vaststelling`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ tekst: 'Graag vaststellen.' }),
    });
    expect(step.status).toBe(200);
    expect(step.body.status).toBe('ter vaststelling');
  });

  it('regelwerk serve takes --regels more than once', async () => {
    const proc = await startServerProcess(await draftFolder(), ['--regels', RULES]);
    try {
      const tree = await rawRequest(`${proc.url}/api/bestanden`, {});
      expect(tree.status).toBe(200);
      expect(tree.body).toContain('".basis-1/2022.regels"');
    } finally {
      await proc.stop();
    }
  });
});
