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

/** What `regelwerk impact` (or `rapport`) compares: the rules folders, the caseload, the two versions. */
export interface ImpactRun {
  /** One folder or several (`--regels` repeated): a draft and the folder of its base. */
  readonly regels: string | readonly string[];
  readonly variantRegels?: string | readonly string[] | undefined;
  readonly caseload: string;
  readonly basis: string;
  readonly variant: string;
}

const repeated = (option: string, value: string | readonly string[] | undefined): string[] =>
  (value === undefined ? [] : typeof value === 'string' ? [value] : value).flatMap((v) => [option, v]);

/** The options of an impact run, as a user types them (`--regels … --caseload … --basis … --variant …`). */
export const impactOptions = (o: ImpactRun): string[] => [
  ...repeated('--regels', o.regels),
  ...repeated('--variant-regels', o.variantRegels),
  ...['--caseload', o.caseload, '--basis', o.basis, '--variant', o.variant],
];
