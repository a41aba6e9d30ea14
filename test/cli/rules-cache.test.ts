/**
 * The compiled rules kept between runs of the built command line (src/cli/rules-cache.ts): a second run reads the
 * programs it kept, a changed rules file is compiled again (never a stale program), a damaged entry is compiled
 * anew, `REGELWERK_CACHE=uit` keeps nothing, and the folder keeps at most 32 entries.
 */
import { execFile } from 'node:child_process';
import { chmod, cp, mkdir, readdir, readFile, unlink, utimes, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cacheFolder } from '../../src/cli/rules-cache.js';
import { tmp } from '../support/cli.js';

const run = promisify(execFile);
const RULES = path.resolve('rules/twents-model');
const CASE = path.resolve('rules/twents-model/voorbeelden/ob-enkelvoudig-almelo.json');

/** `regelwerk eval` of the Almelo example with the built CLI, its cache in `cache`: the total it prints. */
async function total(rules: string, cache: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const r = await run('node', ['bin/regelwerk.mjs', 'eval', '--regels', rules, '--casus', CASE, '--json'], {
    env: { ...process.env, ...env, REGELWERK_CACHE: cache },
    // A run that hangs fails the test instead of the whole suite.
    timeout: 30_000,
  });
  return (JSON.parse(r.stdout) as { total: string }).total;
}

/** Entry `from` (kept for other rules) as if it were the entry `as`: its line 1 names the other key. */
async function foreignEntry(from: string, as: string): Promise<string> {
  const text = await readFile(from, 'utf8');
  const end = text.indexOf('\n');
  const head = JSON.parse(text.slice(0, end)) as { key: string };
  head.key = /^regels-([0-9a-f]{64})\.json$/.exec(as)?.[1] ?? '';
  expect(head.key).toHaveLength(64);
  return `${JSON.stringify(head)}\n${text.slice(end + 1)}`;
}

const entries = async (dir: string): Promise<string[]> =>
  (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort();

/** A copy of the Twents Model, with `vervoer_per_rit` in 2019 at `rit` euros when given (12,50 as shipped). */
async function rulesCopy(rit?: string): Promise<string> {
  const dir = path.join(await tmp(), 'twents-model');
  await cp(RULES, dir, { recursive: true });
  if (rit !== undefined) {
    const file = path.join(dir, '2019.regels');
    const text = await readFile(file, 'utf8');
    const changed = text.replace(
      'parameter vervoer_per_rit = € 12,50 per rit',
      `parameter vervoer_per_rit = € ${rit} per rit`,
    );
    expect(changed).not.toBe(text);
    await writeFile(file, changed);
  }
  return dir;
}

describe('the rules cache of the built command line', () => {
  it('keeps the programs, reads them back, and compiles a changed file again', async () => {
    const cache = path.join(await tmp(), 'cache');
    const rules = await rulesCopy();
    const first = await total(rules, cache);
    const kept = await entries(cache);
    expect(kept).toHaveLength(1);
    expect(await total(rules, cache)).toBe(first);
    expect(await entries(cache)).toEqual(kept);

    // The entry is what the second run used: one kept for other rules, put under this key, changes the total.
    const other = await rulesCopy('19,50');
    const otherTotal = await total(other, cache);
    expect(otherTotal).not.toBe(first);
    const [a, b] = [kept[0] as string, (await entries(cache)).find((n) => n !== kept[0]) as string];
    const original = await readFile(path.join(cache, a), 'utf8');
    await writeFile(path.join(cache, a), await foreignEntry(path.join(cache, b), a));
    expect(await total(rules, cache)).toBe(otherTotal);

    // A damaged entry is no entry: compiled again, the right total, the entry written anew.
    await writeFile(path.join(cache, a), '{"format": "regelwerk-gecompileerd", "programs": [');
    expect(await total(rules, cache)).toBe(first);
    expect(await readFile(path.join(cache, a), 'utf8')).toBe(original);

    // Nor is a hand-edited one (a tariff changed in the programs): its SHA-256 no longer matches.
    await writeFile(path.join(cache, a), original.replaceAll('"12.50"', '"99.50"'));
    expect(await readFile(path.join(cache, a), 'utf8')).not.toBe(original);
    expect(await total(rules, cache)).toBe(first);
    expect(await readFile(path.join(cache, a), 'utf8')).toBe(original);
  });

  it('uses no folder and no entry that others may write to', async () => {
    const root = await tmp();
    const cache = path.join(root, 'cache');
    const rules = await rulesCopy();
    const first = await total(rules, cache);
    const [mine] = (await entries(cache)) as [string];
    const otherTotal = await total(await rulesCopy('19,50'), cache);
    const theirs = (await entries(cache)).find((n) => n !== mine) as string;
    // A well-formed entry for these rules with other programs, as someone else could put it there.
    await writeFile(path.join(cache, mine), await foreignEntry(path.join(cache, theirs), mine));
    await chmod(path.join(cache, mine), 0o666);
    expect(await total(rules, cache)).toBe(first);
    await chmod(path.join(cache, mine), 0o600);
    await writeFile(path.join(cache, mine), await foreignEntry(path.join(cache, theirs), mine));
    expect(await total(rules, cache)).toBe(otherTotal);
    await chmod(cache, 0o777);
    expect(await total(rules, cache)).toBe(first);
    expect(otherTotal).not.toBe(first);
  });

  it('keeps nothing with REGELWERK_CACHE=uit', async () => {
    // Not in the default folders either (a home and an XDG cache folder of its own, both empty after).
    const home = await tmp();
    const xdg = await tmp();
    await total(RULES, 'uit', { HOME: home, XDG_CACHE_HOME: xdg });
    expect(await readdir(home)).toEqual([]);
    expect(await readdir(xdg)).toEqual([]);
    // Without REGELWERK_CACHE: the XDG cache folder.
    await total(RULES, '', { HOME: home, XDG_CACHE_HOME: xdg });
    expect(await entries(path.join(xdg, 'regelwerk'))).toHaveLength(1);
    expect(cacheFolder({ REGELWERK_CACHE: 'uit' })).toBeUndefined();
    expect(cacheFolder({ REGELWERK_CACHE: ' uit ' })).toBeUndefined();
    // A relative path keeps nothing (no folder where the command happens to run); `aan` is the default.
    expect(cacheFolder({ REGELWERK_CACHE: 'cache' })).toBeUndefined();
    expect(cacheFolder({ REGELWERK_CACHE: 'aan', XDG_CACHE_HOME: '/c' })).toBe('/c/regelwerk');
    expect(cacheFolder({ REGELWERK_CACHE: '~/x' })).toBe(path.join(homedir(), 'x'));
    expect(cacheFolder({ REGELWERK_CACHE: '/tmp/x' })).toBe('/tmp/x');
    expect(cacheFolder({ XDG_CACHE_HOME: '/var/cache/u' })).toBe('/var/cache/u/regelwerk');
  });

  it('never hangs on a folder it cannot make, and leaves no temporary file when it cannot keep an entry', async () => {
    // Node's recursive mkdir does not return for this path; the cache makes its folders one by one.
    expect(await total(RULES, '/proc/self/regelwerk-cache')).toBe(await total(RULES, 'uit'));
    const cache = path.join(await tmp(), 'cache');
    const first = await total(RULES, cache);
    const [entry] = (await entries(cache)) as [string];
    await unlink(path.join(cache, entry));
    await mkdir(path.join(cache, entry));
    expect(await total(RULES, cache)).toBe(first);
    expect(await total(RULES, cache)).toBe(first);
    expect((await readdir(cache)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps at most 32 entries, the least recently used going first', async () => {
    const cache = path.join(await tmp(), 'cache');
    const rules = await rulesCopy();
    await total(rules, cache);
    const [own] = await entries(cache);
    // 40 older entries of other rules (any content: only their names and times count here).
    const old = new Date('2020-01-01');
    for (let i = 0; i < 40; i++) {
      const name = path.join(cache, `regels-${i.toString(16).padStart(64, '0')}.json`);
      await writeFile(name, '{}');
      await utimes(name, old, new Date(old.getTime() + i * 1000));
    }
    // A file of someone else's with a name like a key: never removed.
    await writeFile(path.join(cache, `${'a'.repeat(64)}.json`), '{}');
    await utimes(path.join(cache, `${'a'.repeat(64)}.json`), old, old);
    // Used again (a hit refreshes its time), then new rules are kept: the oldest of the others go.
    await total(rules, cache);
    await total(await rulesCopy('17,50'), cache);
    const left = (await entries(cache)).filter((n) => n.startsWith('regels-'));
    expect(left).toHaveLength(32);
    expect(await entries(cache)).toContain(`${'a'.repeat(64)}.json`);
    expect(left).toContain(own);
    expect(left).not.toContain(`regels-${'0'.repeat(64)}.json`);
    expect(left).toContain(`regels-${(39).toString(16).padStart(64, '0')}.json`);
  });
});
