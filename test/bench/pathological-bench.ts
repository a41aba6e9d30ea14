/**
 * Checking junk: a generated file of 80.000 lines of one junk character (160 KB), compiled and rendered as
 * `regelwerk check` does (in-process: no process start). Baseline in the same run: a valid generated ruleset of
 * about the same size.
 */
import { compile, renderDiagnostics } from '../../dsl/index.js';
import { junkCharLines } from '../support/pathological.js';
import { generateRuleset } from './generate.js';
import { median, timeIt } from './timing.js';

export interface PathologicalFigures {
  readonly pathologicalCheckSeconds: number;
  readonly pathologicalBytes: number;
  readonly pathologicalToValidCheckRatio: number;
}

function check(path: string, text: string): number {
  const r = compile([{ path, text }]);
  return renderDiagnostics(r.diagnostics, new Map([[path, text]])).join('\n').length;
}

export function runPathologicalBench(rounds = 3): PathologicalFigures {
  const junk = junkCharLines(80_000);
  let valid = generateRuleset(4000);
  while (valid.length < junk.length) valid += '\n' + generateRuleset(500);
  const junkMs = median(timeIt(() => check('rommel.regels', junk), rounds));
  const validMs = median(timeIt(() => check('geldig.regels', valid.slice(0, valid.length)), rounds));
  return {
    pathologicalCheckSeconds: Number((junkMs / 1000).toFixed(3)),
    pathologicalBytes: junk.length,
    pathologicalToValidCheckRatio: Number((junkMs / validMs).toFixed(2)),
  };
}
