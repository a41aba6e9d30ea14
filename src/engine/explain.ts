/**
 * Explanations: for every amount the tariff cell (key, version and effective date, indexations, bron, source
 * span) and the calculation with units; for every module decision and fired rule the conditions with the
 * actual values. `renderExplanation` prints it in Dutch for a person (the CLI's `explain`).
 */
import type { Ir } from '../../dsl/index.js';
import { LineIndex, selectionText, tableUnitText } from '../../dsl/core.js';
import type { LineCache } from './line-cache.js';
import type { LineDraft, PricedPart } from './assemble.js';
import { dec, euro, isDec, moneyString, plainString, rateString } from './decimal.js';
import { AS_IF_NOTE, explainedValueText, percentText, quantityText, rateText } from './format.js';
import type {
  CellExplanation,
  DecisionExplanation,
  Evaluation,
  Explanation,
  LineExplanation,
  ModuleDecision,
  ParameterExplanation,
  PartExplanation,
  RuleExplanation,
  SourceRef,
  ValueExplanation,
} from './result.js';
import type { CellUse, ParamUse } from './runtime.js';
import type { Answers, ItemTask } from './tasks.js';

const MODE: Record<Ir.RoundingMode, string> = {
  half_omhoog: 'half naar boven',
  half_even: 'half naar even',
  omlaag: 'naar beneden',
  omhoog: 'naar boven',
};

export function roundingText(r: Ir.Rounding): string {
  const to = r.decimals === 2 ? 'centen' : r.decimals === 0 ? "hele euro's" : `${r.decimals} decimalen`;
  return `afgerond op ${to}, ${MODE[r.mode]}`;
}

function cellExplanation(use: CellUse, cache: LineCache): CellExplanation {
  const t = use.table.def;
  const def = use.cell?.def;
  const value = use.cell?.value;
  const bron = def?.bron ?? t.source;
  return {
    table: t.name,
    ...(t.label !== undefined ? { label: t.label } : {}),
    key: cache.cellKeyText(use),
    value: value === undefined ? null : value.toFixed(),
    written: def?.value ?? null,
    unit: tableUnitText(t.type),
    version: def?.version ?? t.origin.version,
    validFrom: def?.validFrom ?? t.origin.validFrom,
    indexations: (use.cell?.indexations ?? []).map((a) => ({
      fraction: a.fraction,
      version: a.origin.version,
      validFrom: a.origin.validFrom,
      ...(a.selection !== undefined ? { selection: selectionText(a.selection) } : {}),
    })),
    ...(bron !== undefined ? { bron } : {}),
    source: def
      ? { id: `${t.origin.id}:${def.key.join(',')}`, file: def.file, span: def.span }
      : cache.sourceRef(t.origin, t.origin.file),
  };
}

function parameterExplanation(use: ParamUse, cache: LineCache): ParameterExplanation {
  const d = use.def;
  const bron = d.source;
  return {
    name: d.name,
    value: isDec(use.value) ? use.value.toFixed() : null,
    written: d.value.kind === 'const' && typeof d.value.value === 'string' ? d.value.value : null,
    unit: tableUnitText(d.type),
    version: d.origin.version,
    validFrom: d.origin.validFrom,
    indexations: d.adjustments.map((a) => ({
      fraction: a.fraction,
      version: a.origin.version,
      validFrom: a.origin.validFrom,
    })),
    ...(bron !== undefined ? { bron } : {}),
    source: cache.sourceRef(d.origin, d.origin.file),
  };
}

function partExplanation(p: PricedPart, cache: LineCache): PartExplanation {
  const x = p.priced;
  const rate = x.rate;
  const quantity = x.quantity;
  const unit = x.unit;
  const qc = x.quantityCap;
  // A declared unit (`eenheid dagdeel meervoud dagdelen`) is written with its plural: "9 dagdelen".
  const units = p.program.units;
  // A quantity maximum that applied is part of the calculation: which maximum, and what was asked.
  const capText =
    qc === undefined
      ? ''
      : ` (maximum ${quantityText(qc.max, qc.unit, units)}${qc.per ? ` per ${qc.per}` : ''}${qc.per ? `: ${quantityText(qc.limit, qc.unit, units)} in deze periode` : ''}; aangevraagd ${quantityText(qc.requested, qc.unit, units)})`;
  const calc =
    rate && quantity
      ? `${rateText(rate, unit)} × ${quantityText(quantity, unit, units)}${capText} = ${euro(p.amount)}${x.rounding ? ` (${roundingText(x.rounding)})` : ''}`
      : '';
  return {
    version: p.program.version,
    validFrom: p.program.asIf?.validFrom ?? p.program.validFrom,
    ...(p.program.asIf ? { asIf: true as const } : {}),
    from: p.from,
    to: p.to,
    cells: x.cells.map((c) => cellExplanation(c, cache)),
    parameters: x.params.map((u) => parameterExplanation(u, cache)),
    rate: rate ? rateString(rate) : '',
    quantity: quantity ? plainString(quantity) : '',
    unit: unit ?? '',
    amount: moneyString(p.amount),
    ...(x.rounding ? { rounding: roundingText(x.rounding) } : {}),
    calculation: calc,
    ...(x.hours !== undefined ? { hours: plainString(x.hours, 2) } : {}),
    ...(p.wholeAcross
      ? {
          note: `De periode loopt over een versiegrens, maar de hoeveelheid hangt niet af van de periode: het geheel is geprijsd met versie ${p.program.version}, die op de eerste dag geldt.`,
        }
      : {}),
    source: cache.sourceRef(x.source, x.source.file ?? p.program.file),
  };
}

/** A module's label with its variant's ("Vervoer: Per rit"), or undefined when the rules declare none. */
export function moduleLabel(def: Ir.ModuleDef | undefined, variant: string | undefined): string | undefined {
  if (def?.label === undefined) return undefined;
  const v = variant === undefined ? undefined : def.variants.find((x) => x.name === variant);
  return v ? `${def.label}: ${v.label ?? v.name}` : def.label;
}

/** The label of a module line (its key is "module" or "module/variant"), from the program that priced it. */
function lineLabel(d: LineDraft): string | undefined {
  if (d.line.kind !== 'module') return undefined;
  const [name, variant] = d.line.key.split('/');
  const program = d.parts[0]?.program;
  return moduleLabel(
    program?.modules.find((m) => m.name === name),
    variant,
  );
}

function lineExplanation(d: LineDraft, cache: LineCache): LineExplanation {
  const parts = d.parts.map((p) => partExplanation(p, cache));
  const sumText =
    d.parts.length > 1
      ? `${d.parts.map((p) => euro(p.amount)).join(' + ')} = ${euro(d.uncapped)}`
      : euro(d.uncapped);
  const capText =
    d.cap !== undefined && d.uncapped.gt(d.cap) ? `; maximum ${euro(d.cap)}: ${euro(d.amount)}` : '';
  const label = lineLabel(d);
  return {
    kind: d.line.kind,
    ref: d.line.ref,
    key: d.line.key,
    ...(label !== undefined ? { label } : {}),
    amount: d.line.amount,
    parts,
    calculation: `${sumText}${capText}`,
    ...(d.cap !== undefined ? { cap: { amount: moneyString(d.cap), applied: d.uncapped.gt(d.cap) } } : {}),
  };
}

export function buildExplanation(
  drafts: readonly LineDraft[],
  items: readonly ItemTask[],
  answers: Answers,
  decisions: readonly ModuleDecision[],
  cache: LineCache,
): Explanation {
  const rules: RuleExplanation[] = [];
  const explained: DecisionExplanation[] = [];
  // As in the diagnostics: a rule that fires under several versions for the same item is explained once per
  // severity (the first).
  const seen = new Set<string>();
  items.forEach((task, i) => {
    const answer = answers.items[i];
    if (!answer) return;
    const item = task.ctx.result ?? task.ctx.module;
    for (const f of answer.fired) {
      const key = `${f.rule.name}\u0000${item?.path ?? ''}\u0000${f.rule.severity}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rules.push({
        rule: f.rule.name,
        severity: f.rule.severity,
        message: f.rule.message,
        ...(item ? { path: item.path } : {}),
        details: f.details.map((x) => x.text),
        checks: f.details,
        source: cache.sourceRef(f.rule.origin, f.rule.origin.file),
        version: task.ctx.rt.program.version,
      });
    }
    if (task.module && task.ctx.module) {
      const d = decisions.find((x) => x.ref === task.ctx.module?.ref && x.module === task.module?.name);
      const file = task.module.origin.file;
      const label = moduleLabel(task.module, d?.variant);
      explained.push({
        module: task.module.name,
        ...(d?.variant !== undefined ? { variant: d.variant } : {}),
        ...(label !== undefined ? { label } : {}),
        ref: task.ctx.module.ref,
        allowed: answer.conditions.every((c) => c.ok),
        conditions: answer.conditions.map((c) => ({
          reason: c.condition.reason,
          held: c.ok,
          ...(c.undetermined ? { undetermined: true as const } : {}),
          details: c.details.map((x) => x.text),
          checks: c.details,
          source: cache.sourceRef(c.condition.origin, file),
        })),
        version: task.ctx.rt.program.version,
      });
    }
  });
  const judgedCells: { version: string; key: string }[] = [];
  const judged = new Set<string>();
  items.forEach((task, i) => {
    const version = task.ctx.rt.program.version;
    for (const use of answers.items[i]?.cells ?? []) {
      const key = cache.cellKeyText(use);
      const id = `${version}\u0000${key}`;
      if (judged.has(id)) continue;
      judged.add(id);
      judgedCells.push({ version, key });
    }
  });
  return { lines: drafts.map((d) => lineExplanation(d, cache)), decisions: explained, rules, judgedCells };
}

/** "Module Vervoer: Per rit (vervoer/rit, module 1)", or "Module vervoer/rit (module 1)" without a label. */
const moduleHeading = (label: string | undefined, key: string, ref: string): string =>
  label !== undefined ? `Module ${label} (${key}, ${ref})` : `Module ${key} (${ref})`;

/** Source texts by file, to show line numbers; without them spans print as offsets. */
export type Sources = Readonly<Record<string, string>>;

/** "geldig vanaf 2024-01-01", with {@link AS_IF_NOTE} when the version was priced as if it applied on every day. */
const validityText = (p: PartExplanation): string =>
  `geldig vanaf ${p.validFrom}${p.asIf ? `; ${AS_IF_NOTE}` : ''}`;

function where(s: SourceRef, sources: Sources | undefined): string {
  const text = sources?.[s.file];
  if (text === undefined) return `${s.file}@${s.span.start}`;
  const pos = new LineIndex(text).position(s.span.start);
  return `${s.file}:${pos.line}:${pos.column}`;
}

/** A readable Dutch explanation of an evaluation (with `{ explain: true }`). */
export function renderExplanation(evaluation: Evaluation, sources?: Sources): string {
  const out: string[] = [];
  if (!evaluation.ok) {
    out.push('Het geval is ongeldig:');
    for (const d of evaluation.diagnostics) out.push(`  - ${d.message}`);
    return out.join('\n');
  }
  out.push(`Versie: ${evaluation.version}`);
  const ex = evaluation.explanation;
  for (const line of ex?.lines ?? []) {
    out.push(
      '',
      // "Resultaat r1: weektarief[…]"; a module request as in its decision: "Module Vervoer: Per kilometer
      // (vervoer/km, module 1)" (without a declared label: "Module vervoer/km (module 1)").
      `${line.kind === 'resultaat' ? `Resultaat ${line.ref}: ${line.key}` : moduleHeading(line.label, line.key, line.ref)} = ${euro(dec(line.amount))}`,
    );
    for (const p of line.parts) {
      out.push(`  ${p.from} t/m ${p.to}, versie ${p.version} (${validityText(p)}):`);
      out.push(`    ${p.calculation}`);
      if (p.note !== undefined) out.push(`    ${p.note}`);
      if (p.hours !== undefined)
        out.push(`    indicatief ${p.hours.replace('.', ',')} uur directe cliënttijd`);
      for (const c of p.cells) out.push(`    ${c.key} = ${madeOf(c)} [${where(c.source, sources)}]`);
      for (const x of p.parameters)
        out.push(`    parameter ${x.name} = ${madeOf(x)} [${where(x.source, sources)}]`);
      out.push(`    berekening volgens ${where(p.source, sources)}`);
    }
    if (line.parts.length > 1 || line.cap) out.push(`  totaal: ${line.calculation}`);
  }
  for (const d of ex?.decisions ?? []) {
    out.push(
      '',
      `${moduleHeading(d.label, `${d.module}${d.variant ? `/${d.variant}` : ''}`, d.ref)}: ${d.allowed ? 'toegestaan' : 'geweigerd'}, versie ${d.version}`,
    );
    for (const c of d.conditions) {
      out.push(
        `  ${c.held ? '✓' : c.undetermined ? '?' : '✗'} ${c.held ? 'voorwaarde klopt' : c.undetermined ? `niet te beoordelen (een waarde is leeg): ${c.reason}` : c.reason} [${where(c.source, sources)}]`,
      );
      for (const x of c.details) out.push(`      ${x}`);
    }
  }
  for (const r of ex?.rules ?? []) {
    out.push(
      '',
      `${r.severity === 'fout' ? 'Fout' : 'Waarschuwing'} "${r.rule}"${r.path ? ` (${r.path})` : ''}, versie ${r.version}: ${r.message} [${where(r.source, sources)}]`,
    );
    for (const x of r.details) out.push(`  want ${x}`);
  }
  for (const u of evaluation.undetermined ?? []) {
    out.push(
      '',
      `Niet te beoordelen: ${u.severity === 'fout' ? 'fout' : 'waarschuwing'} "${u.rule}"${u.path ? ` (${u.path})` : ''}, versie ${u.version}: ${u.message} [${where(u.source, sources)}]`,
    );
    for (const x of u.details) out.push(`  ${x}`);
  }
  // Everything else the evaluation reports (a missing tariff, an unknown field, …): nothing is left out.
  const explained = new Set((ex?.rules ?? []).map((r) => `${r.rule}\u0000${r.path ?? ''}`));
  for (const d of evaluation.diagnostics) {
    if (explained.has(`${d.rule}\u0000${d.path ?? ''}`)) continue;
    out.push('', `${d.severity === 'fout' ? 'Fout' : 'Waarschuwing'} (${d.rule}): ${d.message}`);
  }
  out.push('', `Totaal: ${euro(dec(evaluation.total))}`);
  return out.join('\n');
}

/**
 * What a cell or parameter holds and where it comes from: "€ 140,08 per week (geschreven in versie 2019, geldig
 * vanaf 2019-01-01, als € 136,20 per week; geïndexeerd met 2,85 % in versie 2020 (2020-01-01)); bron: …".
 */
function madeOf(x: ValueExplanation): string {
  const moved = x.indexations.length > 0 && x.written !== null;
  const idx = x.indexations
    .map(
      (i) =>
        `geïndexeerd met ${percentText(i.fraction)}${i.selection !== undefined ? ` voor ${i.selection}` : ''} in versie ${i.version} (${i.validFrom})`,
    )
    .join(', ');
  return `${explainedValueText(x.value, x.unit)} (geschreven in versie ${x.version}, geldig vanaf ${x.validFrom}${moved ? `, als ${explainedValueText(x.written, x.unit)}; ${idx}` : ''})${x.bron ? `; bron: ${x.bron}` : ''}`;
}
