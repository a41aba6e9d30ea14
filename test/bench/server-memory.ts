/**
 * `serverMemoryMiB`: resident memory of a started editor server (`regelwerk serve` from dist/, as `npm start` runs it),
 * measured after the editor loaded: the app, the file list and every rules file requested once.
 * The editor build runs before the measurement, in its own child process (it is never part of the server).
 * Linux only (reads /proc); elsewhere the figure is left out.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from '../../src/server/ensure-built.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function residentMiB(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

function filePaths(node: { soort: string; pad: string; kinderen?: unknown[] }): string[] {
  return node.soort === 'bestand'
    ? [node.pad]
    : (node.kinderen ?? []).flatMap((k) => filePaths(k as { soort: string; pad: string }));
}

export async function runServerMemoryBench(
  log: (s: string) => void,
): Promise<{ serverMemoryMiB?: number; serverMemoryAtStartMiB?: number }> {
  if (!existsSync('/proc/self/status')) return {};
  // As `npm start`: the CLI build, then the editor build when stale (both in child processes).
  const cli = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build:cli'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (cli.status !== 0) throw new Error(`npm run build:cli mislukte: ${cli.stderr}`);
  await ensureBuilt(ROOT, path.join(ROOT, 'dist', 'editor'), log);
  const child = spawn(process.execPath, ['bin/regelwerk.mjs', 'serve', '--port', '0', '--niet-bouwen'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString('utf8');
        const m = /draait op (http:\/\/\S+?)\/\s/.exec(out);
        if (m?.[1] !== undefined) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`de server stopte (code ${code}): ${out}`)));
    });
    const atStart = await residentMiB(child.pid ?? 0);
    await (await fetch(`${url}/`)).text();
    const tree = (await (await fetch(`${url}/api/bestanden`)).json()) as { soort: string; pad: string };
    for (const pad of filePaths(tree)) {
      await (await fetch(`${url}/api/bestand?pad=${encodeURIComponent(pad)}`)).text();
    }
    const loaded = await residentMiB(child.pid ?? 0);
    log(
      `  resident geheugen: ${atStart} MiB na de start, ${loaded} MiB na het laden van de editor (doel < 250)`,
    );
    return { serverMemoryMiB: loaded, serverMemoryAtStartMiB: atStart };
  } finally {
    child.kill('SIGTERM');
  }
}
