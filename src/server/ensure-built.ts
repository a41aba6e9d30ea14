/**
 * Builds the editor app when dist/editor is missing or older than its sources (editor/, dsl/, src/, the vite
 * config, package.json). The build runs `npm run build:editor` (vite) in a child process, so its memory
 * (about 0.8 GB while bundling Monaco) is given back when it ends and never stays in the server. A lock
 * next to the output lets two processes that want the build at once (two test files, two servers) build it
 * once.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

const SOURCE_DIRS = ['editor', 'views', 'dsl', 'src'];
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

/** Runs `npm run <script>` in `projectRoot`; rejects with the build's own output when it fails. */
function runBuildScript(projectRoot: string, script: string): Promise<void> {
  // Under npm (npm start, npx) npm_execpath is npm's own script; otherwise npm from the PATH.
  const npmCli = process.env.npm_execpath;
  const [command, args] =
    npmCli !== undefined && /npm-cli\.js$/.test(npmCli)
      ? [process.execPath, [npmCli, 'run', '--silent', script]]
      : [process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', script]];
  return new Promise((resolve, reject) => {
    // A production build, also when the caller runs under a test runner (NODE_ENV=test would bundle React's
    // development build).
    const env = { ...process.env, NODE_ENV: 'production' };
    const child = spawn(command, args, { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-8_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', (e) => reject(new Error(`npm kon niet worden gestart (${e.message}).`)));
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`'npm run ${script}' stopte met ${signal ?? `code ${code}`}:\n${output.trim()}`));
    });
  });
}

/**
 * Builds when the build is missing or stale (in a child process). Returns whether a build ran. `script` is the
 * npm script that builds `outDir`: `build:editor:e2e` for the browser tests' copy (dist/editor-e2e).
 */
export async function ensureBuilt(
  projectRoot: string,
  outDir: string,
  log: (line: string) => void = () => undefined,
  script = 'build:editor',
): Promise<boolean> {
  if (await isBuildFresh(projectRoot, outDir)) return false;
  const lockDir = path.dirname(outDir);
  await fs.mkdir(lockDir, { recursive: true });
  const release = await lockfile.lock(lockDir, {
    realpath: false,
    lockfilePath: path.join(lockDir, `.${path.basename(outDir)}-bouw.lock`),
    // Another process is building: wait for it (a build takes up to a few minutes on a busy machine).
    retries: { retries: 400, factor: 1, minTimeout: 500, maxTimeout: 500 },
    onCompromised: () => undefined,
  });
  try {
    if (await isBuildFresh(projectRoot, outDir)) return false;
    log(`De editor wordt gebouwd (npm run ${script})…`);
    await runBuildScript(projectRoot, script);
    return true;
  } finally {
    await release().catch(() => undefined);
  }
}
