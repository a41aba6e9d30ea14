/**
 * `regelwerk check [--json] [paths]`: parse and check rules files, print diagnostics with a source line and a
 * `^~~~` marker. Exit 0 without errors, 1 with errors, 2 on wrong usage.
 */
import { compile, renderDiagnostics, sortDiagnostics, type Diagnostic } from '../../dsl/index.js';
import { changesAfterAdoption } from '../workflow/tamper.js';
import { diagnosticsAsJson, problemAsJson } from './diagnostics.js';
import { loadWithContext, renderLoadProblem, type LoadProblem } from './files.js';
import { EXIT_OK, EXIT_PROBLEMS, plural, type Io } from './output.js';

export interface CheckOutcome {
  readonly diagnostics: Diagnostic[];
  readonly problems: LoadProblem[];
  readonly texts: Map<string, string>;
  readonly fileCount: number;
}

/** Loads and compiles; diagnostics only for the files the user named. */
export async function checkPaths(paths: readonly string[]): Promise<CheckOutcome> {
  const loaded = await loadWithContext(paths);
  const result = compile(loaded.files);
  // RW8001: a file of an adopted version (tag vastgesteld/<versie>) changed after that tag.
  const tampered = await changesAfterAdoption(loaded.files.filter((f) => loaded.named.has(f.path)));
  const diagnostics = sortDiagnostics([
    ...result.diagnostics.filter((d) => loaded.named.has(d.file)),
    ...tampered,
  ]);
  const texts = new Map(loaded.files.map((f) => [f.path, f.text]));
  return { diagnostics, problems: loaded.problems, texts, fileCount: loaded.named.size };
}

export async function runCheck(paths: readonly string[], json: boolean, io: Io): Promise<number> {
  const outcome = await checkPaths(paths);
  const errors = outcome.diagnostics.filter((d) => d.severity === 'fout').length + outcome.problems.length;
  const warnings = outcome.diagnostics.filter((d) => d.severity === 'waarschuwing').length;
  if (json) {
    const shown = diagnosticsAsJson(outcome.diagnostics, outcome.texts);
    io.out(
      JSON.stringify(
        {
          ok: errors === 0,
          files: outcome.fileCount,
          errors,
          warnings,
          diagnostics: [...outcome.problems.map(problemAsJson), ...shown.diagnostics],
          omitted: shown.omitted,
          omittedPerFile: shown.omittedPerFile,
        },
        null,
        2,
      ),
    );
  } else {
    for (const p of outcome.problems) io.out(renderLoadProblem(p));
    for (const r of renderDiagnostics(outcome.diagnostics, outcome.texts)) io.out(r + '\n');
    io.out(
      `${plural(outcome.fileCount, 'bestand', 'bestanden')} gecontroleerd: ${plural(errors, 'fout', 'fouten')}, ${plural(warnings, 'waarschuwing', 'waarschuwingen')}.`,
    );
  }
  return errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
