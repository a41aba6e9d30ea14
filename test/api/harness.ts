/**
 * Test harness: starts `regelwerk api` as a real process (the bin, port 0) and talks HTTP to it. Logs (stdout,
 * JSON lines) and messages (stderr) are kept; `stop()` sends SIGTERM and waits for the exit.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bundleFromSources, serializeBundle } from '../../src/bundle/build.js';
import type { Bundle } from '../../src/runtime/format.js';
import { ROOT, readSources } from '../bundle/sources.js';

export interface Running {
  readonly url: string;
  readonly proc: ChildProcess;
  readonly stdout: string[];
  readonly stderr: string[];
  stop(): Promise<number | null>;
}

export async function tmpDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'regelwerk-api-'));
}

/** The Twents Model bundle (or one of another rules folder), written to a temporary file. */
export async function writeBundle(
  dir: string,
  name = 'twents-model.bundle.json',
  rules?: string,
): Promise<{ file: string; bundle: Bundle }> {
  const build = await bundleFromSources(readSources(rules));
  if (!build.ok) throw new Error(build.error);
  const file = path.join(dir, name);
  await writeFile(file, serializeBundle(build.bundle));
  return { file, bundle: build.bundle };
}

export function startApi(args: readonly string[], env: Record<string, string> = {}): Promise<Running> {
  const proc = spawn(
    process.execPath,
    [path.join(ROOT, 'bin/regelwerk.mjs'), 'api', '--port', '0', ...args],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const stdout: string[] = [];
  const stderr: string[] = [];
  let outBuf = '';
  proc.stdout?.on('data', (d: Buffer) => {
    outBuf += d.toString('utf8');
    const lines = outBuf.split('\n');
    outBuf = lines.pop() ?? '';
    stdout.push(...lines);
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`api did not start: ${stderr.join('')}`)), 60_000);
    proc.stderr?.on('data', (d: Buffer) => {
      stderr.push(d.toString('utf8'));
      const m = /luistert op (http:\/\/\S+)/.exec(stderr.join(''));
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          proc,
          stdout,
          stderr,
          stop: async () => {
            if (proc.exitCode === null) proc.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`api exited (${String(code)}): ${stderr.join('')}`));
    });
  });
}

/** POST JSON (or raw text with its own content type). */
export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
