/**
 * The default rules folder of `regelwerk serve` and `regelwerk versie`: a workspace `.werkruimte/regels` in
 * regelwerk's own folder (ignored by git), made from `rules/` the first time, with its own git repository.
 * So the editor never makes commits in the project's repository.
 */
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Person } from './git.js';
import type { RulesRepo } from './repo.js';

export const WORKSPACE = path.join('.werkruimte', 'regels');

/** The workspace folder, made from `rules/` when it does not exist yet. Returns its path and whether it is new. */
export async function ensureWorkspace(projectRoot: string): Promise<{ dir: string; made: boolean }> {
  const dir = path.join(projectRoot, WORKSPACE);
  if (existsSync(dir)) return { dir, made: false };
  await fs.mkdir(path.dirname(dir), { recursive: true });
  const temp = `${dir}.${process.pid}.nieuw`;
  await fs.rm(temp, { recursive: true, force: true });
  await fs.cp(path.join(projectRoot, 'rules'), temp, { recursive: true });
  try {
    await fs.rename(temp, dir);
  } catch (e) {
    // Another process made it at the same moment: theirs counts.
    await fs.rm(temp, { recursive: true, force: true });
    if (!existsSync(dir)) throw e;
  }
  return { dir, made: true };
}

/** The person of this machine: git's user.name and user.email there, else the login name. */
export async function localPerson(repo: RulesRepo): Promise<Person> {
  const configured = await repo.git.configuredPerson();
  if (configured !== undefined) return configured;
  const login = os.userInfo().username || 'lokaal';
  return { name: login, email: `${login}@${os.hostname() || 'lokaal'}` };
}
