/** Loads and compiles a rules folder for commands that evaluate (test, eval, explain). */
import { compile, renderDiagnostic, sortDiagnostics, type Ir } from '../../dsl/index.js';
import { expandPaths, readTextFiles, renderLoadProblem } from './files.js';
import type { Io } from './output.js';

/** Compiles everything under the paths; prints errors and returns undefined when it does not compile. */
export async function loadPrograms(paths: readonly string[], io: Io): Promise<Ir.Program[] | undefined> {
  return (await loadRuleset(paths, io))?.programs;
}

/** Like {@link loadPrograms}, with the source texts by file (for line numbers in explanations). */
export async function loadRuleset(
  paths: readonly string[],
  io: Io,
): Promise<{ programs: Ir.Program[]; texts: Record<string, string> } | undefined> {
  const expanded = await expandPaths(paths);
  const read = await readTextFiles(expanded.paths);
  for (const p of [...expanded.problems, ...read.problems]) {
    io.err(renderLoadProblem(p));
  }
  if (expanded.problems.length + read.problems.length > 0) return undefined;
  if (read.files.length === 0) {
    io.err(`Geen regelbestanden (.regels) gevonden in ${paths.join(', ')}.`);
    return undefined;
  }
  const result = compile(read.files);
  if (!result.ok) {
    const texts = new Map(read.files.map((f) => [f.path, f.text]));
    const errors = sortDiagnostics(result.diagnostics).filter((d) => d.severity === 'fout');
    io.err(
      `De regels bevatten ${errors.length === 1 ? 'een fout' : `${errors.length} fouten`}; los die eerst op:\n`,
    );
    for (const d of errors.slice(0, 20)) io.err(renderDiagnostic(d, texts.get(d.file) ?? '') + '\n');
    return undefined;
  }
  return { programs: result.programs, texts: Object.fromEntries(read.files.map((f) => [f.path, f.text])) };
}

/** Groups programs per ruleset name: each ruleset is evaluated with its own versions. */
export function byRuleset(programs: readonly Ir.Program[]): Map<string, Ir.Program[]> {
  const groups = new Map<string, Ir.Program[]>();
  for (const p of programs) {
    const list = groups.get(p.ruleset) ?? [];
    list.push(p);
    groups.set(p.ruleset, list);
  }
  return groups;
}
