/**
 * Builds the editor app with vite when dist/editor is missing or older than its sources
 * (editor/, dsl/, src/ and the vite config).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

const SOURCE_DIRS = ['editor', 'dsl', 'src'];
const SOURCE_FILES = ['vite.config.ts', 'package.json'];

async function newestMtime(full: string): Promise<number> {
  const stat = await fs.stat(full).catch(() => undefined);
  if (stat === undefined) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of await fs.readdir(full)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, await newestMtime(path.join(full, entry)));
  }
  return newest;
}

/** True when `outDir/index.html` exists and is newer than every source file. */
export async function isBuildFresh(projectRoot: string, outDir: string): Promise<boolean> {
  const built = await fs.stat(path.join(outDir, 'index.html')).catch(() => undefined);
  if (built === undefined) return false;
  let newest = 0;
  for (const name of [...SOURCE_DIRS, ...SOURCE_FILES]) {
    newest = Math.max(newest, await newestMtime(path.join(projectRoot, name)));
  }
  return built.mtimeMs >= newest;
}

/** Runs vite's build API with the project's config. Returns whether a build ran. */
export async function ensureBuilt(
  projectRoot: string,
  outDir: string,
  log: (line: string) => void = () => undefined,
): Promise<boolean> {
  if (await isBuildFresh(projectRoot, outDir)) return false;
  log('De editor wordt gebouwd…');
  const { build } = await import('vite');
  await build({
    configFile: path.join(projectRoot, 'vite.config.ts'),
    root: path.join(projectRoot, 'editor'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
  return true;
}
