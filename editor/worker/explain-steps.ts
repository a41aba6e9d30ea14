/**
 * Turns the engine's own trace (`evaluate(casus, { explain: true })`, field `explanation`) into readable Dutch
 * steps: per line the calculation with units, the tariff cell with the version and date that wrote it, its
 * `bron` and indexations; per module decision every condition (and for a refusal: why not, with the actual
 * values); per fired rule why it fired. Each step carries the source span it comes from, so a click selects it
 * in the editor — in the file that wrote it, which for an inherited cell is the base version's file.
 */
import type { Ir, Span } from '../../dsl/index.js';
import { selectionText } from '../../dsl/core.js';
import { dec, dutch, euro as euroDec, roundDec, type Dec } from '../../src/engine/decimal.js';
import type {
  CellExplanation,
  DecisionExplanation,
  Evaluation,
  EvaluationOk,
  LineExplanation,
  ParameterExplanation,
  RuleExplanation,
} from '../../src/engine/result.js';
import { AS_IF_NOTE, explainedValueText, percentText } from '../../src/engine/format.js';
import { euro } from '../../src/scenarios/run.js';
import { dutchDate } from '../dates.js';
import type { ExplainStep, StepTone } from './protocol.js';

const step = (
  text: string,
  depth: number,
  source: { readonly file: string; readonly span: Span } | undefined,
  tone: StepTone = 'info',
): ExplainStep => ({ text, depth, tone, file: source?.file, span: source?.span });

const valueText = explainedValueText;

const versionText = (version: string, validFrom: string, asIf?: true): string =>
  `versie ${version} (geldig vanaf ${dutchDate(validFrom)}${asIf ? `; ${AS_IF_NOTE}` : ''})`;

function programOf(
  programs: readonly Ir.Program[],
  ruleset: string | undefined,
  version: string,
): Ir.Program | undefined {
  return programs.find((p) => p.version === version && (ruleset === undefined || p.ruleset === ruleset));
}

/**
 * The steps of a cell or parameter: the value as written, each indexation that moved it (with the intermediate
 * value), the value used, and its bron.
 */
function cellSteps(
  cell: CellExplanation | ParameterExplanation,
  part: { readonly version: string },
  programs: readonly Ir.Program[],
  ruleset: string | undefined,
  depth: number,
): ExplainStep[] {
  const inherited = cell.version !== part.version;
  const isCell = 'key' in cell;
  const steps: ExplainStep[] = [
    step(
      `${isCell ? `Tariefcel ${cell.key}` : `Parameter ${cell.name}`}: ${!isCell && cell.written === null ? `berekend, ${valueText(cell.value, cell.unit)}` : valueText(cell.written, cell.unit)}, geschreven in ${versionText(cell.version, cell.validFrom)}${inherited ? ` — overgenomen in versie ${part.version}` : ''}`,
      depth,
      cell.source,
    ),
  ];
  const program = programOf(programs, ruleset, part.version);
  const table = isCell
    ? program?.tables.find((t) => t.name === cell.table)
    : program?.parameters.find((x) => x.name === cell.name);
  // The engine lists every indexation of the table; only those of a later version than the cell moved it.
  const applied = cell.indexations.filter((ix) => cell.validFrom < ix.validFrom);
  let value: Dec | undefined = cell.written === null ? undefined : dec(cell.written);
  for (const ix of applied) {
    const adj = table?.adjustments.find(
      (a) =>
        a.origin.version === ix.version &&
        a.fraction === ix.fraction &&
        (a.selection === undefined ? undefined : selectionText(a.selection)) === ix.selection,
    );
    const only = ix.selection !== undefined ? ` voor ${ix.selection}` : '';
    let text = `Geïndexeerd met ${percentText(ix.fraction)}${only} in ${versionText(ix.version, ix.validFrom)}`;
    if (value !== undefined) {
      const raw = value.times(dec(1).plus(dec(ix.fraction)));
      const next = adj?.rounding !== undefined ? roundDec(raw, adj.rounding) : raw;
      text += `: ${euroOrPlain(value, cell.unit)} × ${dutch(dec(1).plus(dec(ix.fraction)))} = ${dutch(raw)}${adj?.rounding !== undefined ? ` → ${euroOrPlain(next, cell.unit)} (afgerond)` : ''}`;
      value = next;
    }
    steps.push(step(text, depth + 1, adj?.origin));
  }
  const moved =
    cell.value !== null && cell.written !== null
      ? !dec(cell.value).eq(dec(cell.written))
      : cell.value !== cell.written;
  if (applied.length > 0 || moved) {
    steps.push(step(`Gebruikt: ${valueText(cell.value, cell.unit)}`, depth + 1, undefined));
  }
  if (cell.bron !== undefined) {
    steps.push(step(`Bron: ${cell.bron}`, depth + 1, table?.origin));
  }
  return steps;
}

function lineSteps(
  line: LineExplanation,
  ev: EvaluationOk,
  programs: readonly Ir.Program[],
  ruleset: string | undefined,
): ExplainStep[] {
  const result = ev.lines.find((l) => l.ref === line.ref && l.key === line.key);
  const what = line.kind === 'resultaat' ? 'Resultaat' : 'Module';
  const steps: ExplainStep[] = [
    step(
      `${what} ${line.ref}: ${line.label !== undefined ? `${line.label} (${line.key})` : line.key} = ${euro(line.amount)}`,
      0,
      result?.source,
      'kop',
    ),
  ];
  const several = line.parts.length > 1;
  for (const part of line.parts) {
    let depth = 1;
    if (several) {
      steps.push(
        step(
          `${dutchDate(part.from)} t/m ${dutchDate(part.to)}: ${versionText(part.version, part.validFrom, part.asIf)}`,
          1,
          undefined,
        ),
      );
      depth = 2;
    }
    steps.push(
      step(
        `Berekening: ${part.calculation !== '' ? part.calculation : euro(part.amount)}${several ? '' : `, ${versionText(part.version, part.validFrom, part.asIf)}`}`,
        depth,
        part.source,
      ),
    );
    if (part.note !== undefined) steps.push(step(part.note, depth + 1, undefined));
    if (part.hours !== undefined) {
      steps.push(step(`Indicatief ${dutch(dec(part.hours))} uur directe cliënttijd`, depth + 1, undefined));
    }
    for (const cell of part.cells) steps.push(...cellSteps(cell, part, programs, ruleset, depth + 1));
    for (const x of part.parameters) steps.push(...cellSteps(x, part, programs, ruleset, depth + 1));
  }
  if (several) steps.push(step(`Samen: ${line.calculation}`, 1, undefined));
  if (line.cap !== undefined) {
    steps.push(
      step(
        line.cap.applied
          ? `Maximum ${euro(line.cap.amount)} toegepast: ${line.calculation}`
          : `Maximum ${euro(line.cap.amount)} niet bereikt`,
        1,
        undefined,
        line.cap.applied ? 'niet' : 'info',
      ),
    );
  }
  return steps;
}

function decisionSteps(d: DecisionExplanation, ev: EvaluationOk): ExplainStep[] {
  const decision = ev.decisions.find((x) => x.ref === d.ref && x.module === d.module);
  const key = `${d.module}${d.variant !== undefined ? `/${d.variant}` : ''}`;
  // By the label the rules declare ("Module Vervoer: Per rit (vervoer/rit), module 1"), else by the key.
  const name =
    d.label !== undefined
      ? `Module ${d.label} (${key}), ${d.ref}`
      : `Module ${d.module}${d.variant !== undefined ? ` (${d.variant})` : ''}, ${d.ref}`;
  const steps: ExplainStep[] = [
    step(
      `${name}: ${d.allowed ? 'toegestaan' : 'geweigerd'}`,
      0,
      decision?.source ?? d.conditions[0]?.source,
      d.allowed ? 'kop' : 'niet',
    ),
  ];
  for (const c of d.conditions) {
    const actual = c.details.length > 0 ? ` (${c.details.join('; ')})` : '';
    steps.push(
      c.held
        ? step(`✓ Voorwaarde klopt${actual}`, 1, c.source, 'ok')
        : step(`✗ Waarom niet: ${c.reason}${actual}`, 1, c.source, 'niet'),
    );
  }
  return steps;
}

function ruleSteps(r: RuleExplanation): ExplainStep[] {
  const steps = [
    step(
      `${r.severity === 'fout' ? 'Fout' : 'Waarschuwing'} "${r.rule}"${r.path !== undefined ? ` bij ${r.path}` : ''}: ${r.message}`,
      0,
      r.source,
      r.severity === 'fout' ? 'niet' : 'kop',
    ),
  ];
  for (const x of r.details) steps.push(step(`Want ${x}`, 1, r.source));
  return steps;
}

export function explainSteps(ev: Evaluation, programs: readonly Ir.Program[]): ExplainStep[] {
  if (!ev.ok) {
    return ev.diagnostics.map((d) => step(`Ongeldig: ${d.message}`, 0, d.source, 'niet'));
  }
  const ruleset = programs.find((p) => ev.versions.includes(p.version))?.ruleset;
  const ex = ev.explanation;
  const steps: ExplainStep[] = [];
  if (ex === undefined) {
    for (const line of ev.lines) {
      steps.push(step(`${line.ref}: ${line.key} = ${euro(line.amount)}`, 0, line.source, 'kop'));
    }
  } else {
    for (const line of ex.lines) steps.push(...lineSteps(line, ev, programs, ruleset));
    for (const d of ex.decisions) steps.push(...decisionSteps(d, ev));
    for (const r of ex.rules) steps.push(...ruleSteps(r));
  }
  // Case diagnostics that are not fired rules (e.g. input warnings).
  const fired = new Set(ex?.rules.map((r) => r.rule) ?? []);
  for (const d of ev.diagnostics) {
    if (fired.has(d.rule)) continue;
    steps.push(
      step(
        `${d.severity === 'fout' ? 'Fout' : 'Waarschuwing'} "${d.rule}": ${d.message}`,
        0,
        d.source,
        d.severity === 'fout' ? 'niet' : 'kop',
      ),
    );
  }
  steps.push(step(`Totaal: ${euro(ev.total)} (versie ${ev.version})`, 0, undefined, 'kop'));
  return steps;
}

function euroOrPlain(d: Dec, unit: string): string {
  if (unit === '€') return euroDec(d);
  if (unit.startsWith('€ ')) return euroDec(d);
  return dutch(d);
}
