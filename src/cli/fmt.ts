/**
 * `regelwerk fmt [--check] [paths]`: rewrite files in the canonical layout, or with `--check` only report
 * which files differ (exit 1). Files with syntax errors are never rewritten.
 */
import { writeFile, rename } from 'node:fs/promises';
import { formatText, renderDiagnostics } from '../../dsl/index.js';
import { expandPaths, readTextFiles, renderLoadProblem } from './files.js';
import { EXIT_OK, EXIT_PROBLEMS, plural, type Io } from './output.js';

export async function runFmt(paths: readonly string[], check: boolean, io: Io): Promise<number> {
  const expanded = await expandPaths(paths);
  const read = await readTextFiles(expanded.paths);
  let failed = expanded.problems.length + read.problems.length;
  for (const p of [...expanded.problems, ...read.problems]) io.out(renderLoadProblem(p));
  let changed = 0;
  for (const f of read.files) {
    const result = formatText(f.text, f.path);
    if (!result.ok) {
      failed++;
      io.out(`${f.path}: niet opgemaakt: het bestand bevat fouten.`);
      const texts = new Map([[f.path, f.text]]);
      for (const r of renderDiagnostics(result.diagnostics, texts)) io.out(r + '\n');
      continue;
    }
    if (result.text === f.text) continue;
    changed++;
    if (check) {
      io.out(`${f.path}: niet in de standaardopmaak (voer 'regelwerk fmt ${f.path}' uit).`);
    } else {
      // Write next to the file, then rename: never a half-written rules file.
      const tmp = `${f.path}.${process.pid}.tmp`;
      await writeFile(tmp, result.text, 'utf8');
      await rename(tmp, f.path);
      io.out(`${f.path}: opgemaakt.`);
    }
  }
  const total = read.files.length;
  if (check) {
    io.out(
      `${plural(total, 'bestand', 'bestanden')} gecontroleerd, ${plural(changed, 'wijkt', 'wijken')} af van de standaardopmaak.`,
    );
    return changed > 0 || failed > 0 ? EXIT_PROBLEMS : EXIT_OK;
  }
  io.out(`${plural(total, 'bestand', 'bestanden')} bekeken, ${changed} opgemaakt.`);
  return failed > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
