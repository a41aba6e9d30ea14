/**
 * Real server processes (issue 9, items 4 and 5): two servers on one folder let exactly one of two saves
 * with the same version win; saves cut off by kill -9 leave complete files, and the next start leaves no
 * temporary files behind.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { versionTag } from '../../src/server/rules-store.js';
import { putSave, rawRequest, startServerProcess, type ServerProcess } from './helpers.js';

let dir: string;
let rules: string;
const running: ServerProcess[] = [];

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'regelwerk-processen-'));
  rules = path.join(dir, 'rules');
  await fs.mkdir(rules);
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.stop('SIGKILL')));
  await fs.rm(dir, { recursive: true, force: true });
});

async function start(): Promise<ServerProcess> {
  const p = await startServerProcess(rules);
  running.push(p);
  return p;
}

/** Every file below `root` whose name starts with a dot (temporary files, locks), outside the folder's git repository. */
async function hiddenEntries(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(root, { withFileTypes: true, recursive: true })) {
    const inGit = path.relative(root, e.parentPath).split(path.sep)[0] === '.git';
    if (e.name.startsWith('.') && !inGit && e.name !== '.git' && e.name !== '.gitignore') out.push(e.name);
  }
  return out;
}

describe('two server processes on one folder', () => {
  it('let exactly one of two saves with the same version win, every round', async () => {
    const [a, b] = await Promise.all([start(), start()]);
    if (a === undefined || b === undefined) throw new Error('geen servers');
    const file = path.join(rules, '2019.regels');
    for (let round = 0; round < 15; round++) {
      const begin = `ronde ${round}\n`;
      await fs.writeFile(file, begin);
      const statuses = await Promise.all([
        putSave(a.url, '2019.regels', `server a ${round}\n`, versionTag(begin)),
        putSave(b.url, '2019.regels', `server b ${round}\n`, versionTag(begin)),
      ]);
      expect(statuses.sort(), `ronde ${round}`).toEqual([200, 409]);
      expect(await fs.readFile(file, 'utf8')).toMatch(/^server [ab] /);
    }
    expect(await hiddenEntries(rules)).toEqual([]);
  });
});

describe('kill -9 during saves', () => {
  it('leaves every file complete, and after a restart no temporary files', async () => {
    const ROUNDS = 6;
    const FILES = 4;
    const SAVES = 3;
    const begin = 'regelset "Twents Model"\n';
    const content = (round: number, file: number, save: number) =>
      `// ronde ${round}, bestand ${file}, opslag ${save}\n${`tarief ${round}.${file}.${save}\n`.repeat(20_000)}// einde\n`;
    // Each round saves its own files: a lock left by a killed server is only taken over after 10 s.
    const name = (round: number, file: number) => `ronde-${round}-${file}.regels`;
    for (let r = 0; r < ROUNDS; r++) {
      for (let f = 0; f < FILES; f++) await fs.writeFile(path.join(rules, name(r, f)), begin);
    }
    let killedWhileSaving = 0;
    for (let r = 0; r < ROUNDS; r++) {
      const server = await start();
      const saves: Promise<number>[] = [];
      const firstAnswer = new Promise<void>((resolve) => {
        for (let f = 0; f < FILES; f++) {
          for (let s = 0; s < SAVES; s++) {
            const save = putSave(server.url, name(r, f), content(r, f, s), versionTag(begin));
            saves.push(save);
            void save.then(() => resolve());
          }
        }
      });
      await firstAnswer;
      await server.stop('SIGKILL');
      // A save the kill cut off has no answer (status 0).
      if ((await Promise.all(saves)).includes(0)) killedWhileSaving++;
    }
    // Saves were really cut off (not all answered before the kill).
    expect(killedWhileSaving).toBeGreaterThan(0);
    for (let r = 0; r < ROUNDS; r++) {
      for (let f = 0; f < FILES; f++) {
        const text = await fs.readFile(path.join(rules, name(r, f)), 'utf8');
        const complete = [begin, ...[0, 1, 2].map((s) => content(r, f, s))];
        expect(complete.includes(text), `${name(r, f)} is volledig`).toBe(true);
      }
    }
    const again = await start();
    const temps = (await hiddenEntries(rules)).filter((n) => n.endsWith('.tmp'));
    expect(temps).toEqual([]);
    const list = await rawRequest(`${again.url}/api/bestanden`, {});
    expect(list.status).toBe(200);
  });
});
