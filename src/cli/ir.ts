/**
 * `regelwerk ir [paths]`: what the compiler makes of the rules, as readable text (dsl/ir/print.ts): every version
 * of the named files, with types, resolved names and lowered expressions. For developers and for reviewing what
 * a change in the rules means; test/fixtures/ir holds the golden files of the fixtures.
 */
import { printProgram } from '../../dsl/index.js';
import { EXIT_OK, EXIT_PROBLEMS, type Io } from './output.js';
import { loadRuleset } from './ruleset.js';

export async function runIr(paths: readonly string[], io: Io): Promise<number> {
  const ruleset = await loadRuleset(paths, io);
  if (ruleset === undefined) return EXIT_PROBLEMS;
  const programs = ruleset.programs.filter((p) => ruleset.named.has(p.file));
  io.out(programs.map(printProgram).join('\n'));
  return EXIT_OK;
}
