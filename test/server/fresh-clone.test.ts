/**
 * `npm start` on a fresh clone (what it runs: `regelwerk serve` without --regels) works on the workspace
 * .werkruimte/regels with its own git history: after a save, `git status` of the project stays clean, and the
 * save is a commit in the workspace, not in the project.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, rawRequest } from './helpers.js';
import { spawn, type ChildProcess } from 'node:child_process';

let tmp: string;
let clone: string;
let child: ChildProcess | undefined;
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' });

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'regelwerk-kloon-'));
  clone = path.join(tmp, 'regelwerk');
  git(tmp, 'clone', '-q', PROJECT_ROOT, clone);
  // The clone's dependencies and built CLI (npm ci and npm start's build:cli): node_modules one folder up,
  // where Node finds it, and dist/ (ignored by git) copied in.
  await fs.symlink(path.join(PROJECT_ROOT, 'node_modules'), path.join(tmp, 'node_modules'));
  await fs.cp(path.join(PROJECT_ROOT, 'dist', 'cli'), path.join(clone, 'dist', 'cli'), { recursive: true });
}, 120_000);

afterAll(async () => {
  if (child !== undefined && child.exitCode === null) {
    const exited = new Promise((r) => child?.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  await fs.rm(tmp, { recursive: true, force: true });
});

function serve(): Promise<string> {
  child = spawn(process.execPath, ['bin/regelwerk.mjs', 'serve', '--niet-bouwen', '--port', '0'], {
    cwd: clone,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child?.stdout?.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const m = /draait op (http:\/\/\S+?)\/\s/.exec(out);
      if (m?.[1] !== undefined) resolve(m[1]);
    });
    child?.stderr?.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child?.once('exit', (code) => reject(new Error(`server stopte (code ${code}): ${out}`)));
  });
}

describe('npm start on a fresh clone', () => {
  it('saves into the workspace as a commit and leaves the project clean', async () => {
    expect(git(clone, 'status', '--porcelain')).toBe('');
    const url = await serve();
    const workspace = path.join(clone, '.werkruimte', 'regels');
    const pad = 'twents-model/voorbeelden/nieuw-geval.json';
    const res = await rawRequest(`${url}/api/bestand?pad=${encodeURIComponent(pad)}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        inhoud: '{ "gemeente": "Hengelo" }\n',
        versie: null,
        bericht: 'Een nieuw proefgeval',
      }),
    });
    expect(res.status, res.body).toBe(200);
    expect(await fs.readFile(path.join(workspace, pad), 'utf8')).toBe('{ "gemeente": "Hengelo" }\n');
    expect(git(clone, 'status', '--porcelain')).toBe('');
    expect(git(clone, 'log', '--format=%s', '-1')).not.toContain('Een nieuw proefgeval');
    expect(git(workspace, 'log', '--format=%s').trim().split('\n')).toEqual([
      'Een nieuw proefgeval',
      'Beginstand van de regels',
    ]);
    // An adopted version cannot be saved there either.
    const file = JSON.parse(
      (await rawRequest(`${url}/api/bestand?pad=twents-model/2019.regels`, {})).body,
    ) as {
      inhoud: string;
      versie: string;
      alleenLezen: boolean;
    };
    expect(file.alleenLezen).toBe(true);
  });
});
