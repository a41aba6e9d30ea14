/**
 * The editor is built by the `build:editor` script in a child process, never inside the server (issue 9,
 * item 8: vite in the server's process kept ~0.9 GB). A fake project whose script records its process id.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureBuilt, isBuildFresh } from '../../src/server/ensure-built.js';

let root: string;
const outDir = () => path.join(root, 'dist', 'editor');

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'regelwerk-bouw-'));
  await fs.mkdir(path.join(root, 'editor'));
  await fs.writeFile(path.join(root, 'editor', 'main.tsx'), '// app');
  const script =
    "const fs=require('fs');fs.mkdirSync('dist/editor',{recursive:true});" +
    "fs.appendFileSync('bouwers.txt',process.pid+'\\n');fs.writeFileSync('dist/editor/index.html','<!doctype html>')";
  const fail = 'node -e "console.error(\'kapot: ontbrekende import\');process.exit(3)"';
  await fs.writeFile(
    path.join(root, 'package.json'),
    JSON.stringify({
      name: 'nep',
      private: true,
      scripts: { 'build:editor': `node -e "${script}"`, kapot: fail },
    }),
  );
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const builders = async () =>
  (await fs.readFile(path.join(root, 'bouwers.txt'), 'utf8').catch(() => '')).split('\n').filter(Boolean);

describe('ensureBuilt', () => {
  it('runs build:editor in another process when the build is missing, once for two callers, then not again', async () => {
    expect(await isBuildFresh(root, outDir())).toBe(false);
    const ran = await Promise.all([ensureBuilt(root, outDir()), ensureBuilt(root, outDir())]);
    expect(ran.filter(Boolean)).toHaveLength(1);
    const pids = await builders();
    expect(pids).toHaveLength(1);
    expect(Number(pids[0])).not.toBe(process.pid);
    expect(await isBuildFresh(root, outDir())).toBe(true);
    expect(await ensureBuilt(root, outDir())).toBe(false);
    expect(await builders()).toHaveLength(1);
  });

  it('builds again when a source is newer than the build', async () => {
    await ensureBuilt(root, outDir());
    const later = new Date(Date.now() + 60_000);
    await fs.utimes(path.join(root, 'editor', 'main.tsx'), later, later);
    expect(await ensureBuilt(root, outDir())).toBe(true);
    expect(await builders()).toHaveLength(2);
  });

  it('reports a failing build with its own output', async () => {
    const pkg = JSON.parse(await fs.readFile(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    pkg.scripts['build:editor'] = pkg.scripts.kapot ?? '';
    await fs.writeFile(path.join(root, 'package.json'), JSON.stringify(pkg));
    await expect(ensureBuilt(root, outDir())).rejects.toThrow(
      /build:editor.*code 3[\s\S]*ontbrekende import/,
    );
  });
});
