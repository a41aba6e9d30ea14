/**
 * Turns an evaluation into clickable explanation steps: every result line with its tariff cell (looked up in
 * the program of the version that priced it), every module decision with its failed conditions, every rule
 * that fired. Each step points at the source it comes from.
 */
import type { Ir, Span } from '../../dsl/index.js';
import type { Evaluation, ResultLine, SourceRef } from '../../src/engine/result.js';
import { euro } from '../../src/scenarios/run.js';
import type { ExplainStep } from './protocol.js';

const at = (source: SourceRef | undefined): { file: string | undefined; span: Span | undefined } => ({
  file: source?.file,
  span: source?.span,
});

/** `weektarief[ontwikkelen, OB2, midden, B]` → its cell in the given program. */
function tariffCell(
  key: string,
  program: Ir.Program | undefined,
): { file: string; span: Span; value: string | null } | undefined {
  const m = /^([\p{L}_][\p{L}\d_]*)\[(.*)\]$/u.exec(key);
  if (m === null || program === undefined) return undefined;
  const table = program.tables.find((t) => t.name === m[1]);
  const wanted = (m[2] ?? '').split(',').map((s) => s.trim());
  const cell = table?.cells.find(
    (c) => c.key.length === wanted.length && c.key.every((k, i) => k === wanted[i]),
  );
  return cell === undefined ? undefined : { file: cell.file, span: cell.span, value: cell.value };
}

function lineSteps(
  line: ResultLine,
  programs: readonly Ir.Program[],
  ruleset: string | undefined,
): ExplainStep[] {
  const steps: ExplainStep[] = [
    {
      text: `${line.kind === 'resultaat' ? 'Resultaat' : 'Module'} ${line.ref}: ${line.key} — ${line.quantity} ${line.unit} × ${euro(line.rate)} = ${euro(line.amount)}${line.capped === true ? ' (begrensd door het maximum)' : ''}`,
      ...at(line.source),
      depth: 0,
    },
  ];
  const parts = line.parts.length > 0 ? line.parts : [];
  for (const part of parts) {
    const program = programs.find(
      (p) => p.version === part.version && (ruleset === undefined || p.ruleset === ruleset),
    );
    const cell = tariffCell(line.key, program);
    steps.push({
      text: `${part.from} t/m ${part.to}, versie ${part.version}: ${part.quantity} ${line.unit} × ${euro(part.rate)} = ${euro(part.amount)}${cell !== undefined ? ` — tariefcel ${line.key}` : ''}`,
      file: cell?.file ?? line.source.file,
      span: cell?.span ?? line.source.span,
      depth: 1,
    });
  }
  if (parts.length === 0) {
    const cell = tariffCell(
      line.key,
      programs.find((p) => ruleset === undefined || p.ruleset === ruleset),
    );
    if (cell !== undefined) {
      steps.push({ text: `Tariefcel ${line.key}`, file: cell.file, span: cell.span, depth: 1 });
    }
  }
  return steps;
}

export function explainSteps(ev: Evaluation, programs: readonly Ir.Program[]): ExplainStep[] {
  if (!ev.ok) {
    return ev.diagnostics.map((d) => ({ text: `Ongeldig: ${d.message}`, ...at(d.source), depth: 0 }));
  }
  const ruleset = programs.find((p) => ev.versions.includes(p.version))?.ruleset;
  const steps: ExplainStep[] = [];
  for (const line of ev.lines) steps.push(...lineSteps(line, programs, ruleset));
  for (const d of ev.decisions) {
    steps.push({
      text: `Module ${d.module}${d.variant !== undefined ? ` (${d.variant})` : ''} ${d.ref}: ${d.allowed ? 'toegestaan' : `geweigerd — ${d.reason ?? ''}`}`,
      ...at(d.source),
      depth: 0,
    });
    for (const f of d.failed) steps.push({ text: `${f.reason}: ${f.detail}`, ...at(f.source), depth: 1 });
  }
  for (const d of ev.diagnostics) {
    steps.push({
      text: `${d.severity === 'fout' ? 'Fout' : 'Waarschuwing'} "${d.rule}": ${d.message}`,
      ...at(d.source),
      depth: 0,
    });
  }
  steps.push({
    text: `Totaal: ${euro(ev.total)} (versie ${ev.version})`,
    file: undefined,
    span: undefined,
    depth: 0,
  });
  return steps;
}
