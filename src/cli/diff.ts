/**
 * `regelwerk diff --regels <map> <van> <naar> [--gemeente g] [--json]`: what changed between two versions,
 * per tariff cell (old → new, absolute and %) and per declaration.
 */
import { diffPrograms } from '../change/diff.js';
import { renderDiff } from '../change/render-diff.js';
import { loadPrograms } from './ruleset.js';
import { EXIT_OK, EXIT_PROBLEMS, type Io } from './output.js';

export interface DiffOptions {
  readonly regels: string;
  readonly from: string;
  readonly to: string;
  readonly json: boolean;
}

export async function runDiff(options: DiffOptions, io: Io): Promise<number> {
  const programs = await loadPrograms([options.regels], io);
  if (!programs) return EXIT_PROBLEMS;
  const find = (v: string) => programs.find((p) => p.version === v);
  const a = find(options.from);
  const b = find(options.to);
  const known = programs.map((p) => p.version).join(', ');
  for (const [v, p] of [
    [options.from, a],
    [options.to, b],
  ] as const) {
    if (!p) {
      io.err(`Onbekende versie '${v}'. Bekende versies: ${known}.`);
      return EXIT_PROBLEMS;
    }
  }
  if (!a || !b) return EXIT_PROBLEMS;
  const d = diffPrograms(a, b);
  io.out(options.json ? JSON.stringify(d, null, 2) : renderDiff(d));
  return EXIT_OK;
}
