/**
 * Front-end benchmark: raw Chevrotain lexing + parsing versus the full front end (lex, parse, AST, check, IR)
 * on the same generated 10,000-line ruleset, measured in the same run.
 */
import { compile, parseCst } from '../../dsl/index.js';
import { generateRuleset } from './generate.js';
import { median, timeIt } from './timing.js';

export interface FrontEndFigures {
  readonly lines: number;
  readonly rawParseMs: number;
  readonly frontEndMs: number;
  readonly rawParseLinesPerSecond: number;
  readonly frontEndLinesPerSecond: number;
  readonly frontEndToRawParseRatio: number;
  readonly diagnostics: number;
}

export function runFrontEndBench(lines = 10_000, rounds = 15): FrontEndFigures {
  const text = generateRuleset(lines);
  const actualLines = text.split('\n').length - 1;
  const file = { path: 'benchmark.regels', text };
  const check = compile([file]);
  const errors = check.diagnostics.filter((d) => d.severity === 'fout');
  if (errors.length > 0) {
    throw new Error(
      `De gegenereerde regelset bevat fouten: ${errors
        .slice(0, 3)
        .map((d) => `${d.code} ${d.message}`)
        .join('; ')}`,
    );
  }
  const raw = median(timeIt(() => parseCst(text), rounds));
  const full = median(timeIt(() => compile([file]), rounds));
  return {
    lines: actualLines,
    rawParseMs: raw,
    frontEndMs: full,
    rawParseLinesPerSecond: Math.round((actualLines / raw) * 1000),
    frontEndLinesPerSecond: Math.round((actualLines / full) * 1000),
    frontEndToRawParseRatio: Math.round((full / raw) * 100) / 100,
    diagnostics: check.diagnostics.length,
  };
}
