/** Running the CLI from tests: in-process (fast) or as the real bin (as a user would). */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/output.js';

const run = promisify(execFile);

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the CLI in-process, capturing what it prints. */
export async function cli(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') };
  const code = await main(argv, io);
  return { code, out, err };
}

/** Runs the real bin, as a user would. */
export async function bin(...argv: string[]): Promise<CliRun> {
  try {
    const r = await run('node', ['bin/regelwerk.mjs', ...argv], { cwd: process.cwd() });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

/** A fresh temporary directory. */
export const tmp = (): Promise<string> => mkdtemp(path.join(tmpdir(), 'regelwerk-cli-'));

/** A stack trace in output (never allowed). */
export const STACK = /\n\s+at .+:\d+:\d+/;
