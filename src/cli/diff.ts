/**
 * `regelwerk diff --regels <map> <van> <naar> [--json | --csv]`: what changed between two versions, per tariff cell
 * (old → new, absolute and %) and per declaration. The caller loads the rules and checks that both versions exist
 * (an unknown version is wrong usage).
 */
import type { Ir } from '../../dsl/index.js';
import { diffPrograms } from '../change/diff.js';
import { diffCsv } from '../change/diff-csv.js';
import { renderDiff } from '../change/render-diff.js';
import { EXIT_OK, type Io } from './output.js';

export interface DiffOptions {
  readonly from: Ir.Program;
  readonly to: Ir.Program;
  readonly json: boolean;
  /** One CSV table: a row per changed cell and per changed declaration (src/change/diff-csv.ts). */
  readonly csv?: boolean;
}

export function runDiff(options: DiffOptions, io: Io): number {
  const d = diffPrograms(options.from, options.to);
  io.out(options.json ? JSON.stringify(d, null, 2) : options.csv === true ? diffCsv(d) : renderDiff(d));
  return EXIT_OK;
}
