/**
 * Why rules did not load, for people (Dutch text on stderr) and for programs (`--json`). Apart from
 * ./ruleset.ts, so that loading rules that compile (or come from the cache) never loads the compiler.
 */
import { renderDiagnostics } from '../../dsl/index.js';
import { diagnosticsAsJson, problemAsJson } from './diagnostics.js';
import { renderLoadProblem } from './files.js';
import { plural, writeJsonFailure, type Io, type JsonProblem } from './output.js';
import type { RulesetFailure } from './ruleset.js';

/** The failure as `--json` diagnostics. */
export function failureAsJson(f: RulesetFailure): JsonProblem[] {
  return [
    ...f.problems.map(problemAsJson),
    ...(f.empty !== undefined ? [{ severity: 'fout' as const, message: f.empty }] : []),
    ...diagnosticsAsJson(f.errors, f.texts, Infinity).diagnostics,
  ];
}

/** Prints why the rules did not load: as text on stderr, or with `json` as one JSON object on stdout. */
export function reportFailure(f: RulesetFailure, io: Io, json: boolean): void {
  if (json) {
    writeJsonFailure(io, failureAsJson(f));
    return;
  }
  for (const p of f.problems) io.err(renderLoadProblem(p));
  if (f.empty !== undefined) io.err(f.empty);
  if (f.errors.length > 0) {
    const n = f.errors.length;
    io.err(`De regels bevatten ${n === 1 ? 'een fout' : `${n} fouten`}; los die eerst op:\n`);
    for (const r of renderDiagnostics(f.errors.slice(0, 20), f.texts)) io.err(r + '\n');
    if (n > 20) io.err(`… en nog ${plural(n - 20, 'fout', 'fouten')}.`);
  }
}
