/**
 * Where a failed scenario amount comes from: the tariff cells and parameters the amount is made of (from the
 * explanation), compared with the same scenario priced by the rules as last saved. The ones whose value differs
 * are where the difference comes from; when none differs (the expectation was wrong before the edit), every cell
 * and parameter behind the amount is listed.
 */
import type { Ir } from '../../dsl/index.js';
import type { Engine } from '../../src/engine/evaluate.js';
import type { Evaluation, LineExplanation, ValueExplanation } from '../../src/engine/result.js';
import { explainedValueText } from '../../src/engine/format.js';
import type { ScenarioOrigin } from './protocol.js';

type Explained = Evaluation & { readonly explanation?: { readonly lines: readonly LineExplanation[] } };

/** The lines an amount expectation is about (undefined: not an amount). */
function linesOf(
  e: Ir.ExpectationDef,
  lines: readonly LineExplanation[],
): readonly LineExplanation[] | undefined {
  switch (e.kind) {
    case 'total':
      return lines;
    case 'result':
      return lines.filter((l) => l.kind === 'resultaat' && l.ref === e.id);
    case 'moduleAmount':
      return lines.filter((l) => l.kind === 'module' && l.key.split('/')[0] === e.module);
    default:
      return undefined;
  }
}

interface Value {
  readonly label: string;
  readonly value: string | null;
  readonly unit: string;
  readonly origin: ValueExplanation;
}

/** Each cell and parameter behind the lines, by label (a parameter as its name, a cell as its key). */
function values(lines: readonly LineExplanation[]): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const line of lines)
    for (const part of line.parts) {
      for (const c of part.cells)
        out.set(`${part.version}\u0000${c.key}`, { label: c.key, value: c.value, unit: c.unit, origin: c });
      for (const p of part.parameters)
        out.set(`${part.version}\u0000${p.name}`, { label: p.name, value: p.value, unit: p.unit, origin: p });
    }
  return out;
}

/** A cell or parameter value as the explanation and `regelwerk explain` write it ("€ 136,20 per week"). */
const shown = (v: string | null, unit: string): string => explainedValueText(v, unit);

function origin(v: Value, before?: Value): ScenarioOrigin {
  return {
    label: v.label,
    now: shown(v.value, v.unit),
    ...(before !== undefined ? { before: shown(before.value, before.unit) } : {}),
    version: v.origin.version,
    // A partial indexation says which cells it chose: "2022-almelo (voor ondersteuningsbehoefte OB2)".
    indexed: v.origin.indexations.map((i) =>
      i.selection === undefined ? i.version : `${i.version} (voor ${i.selection})`,
    ),
    file: v.origin.source.file,
    span: v.origin.source.span,
  };
}

/**
 * The origins of a failed amount: changed against `saved` (the same case priced by the saved rules) first; all of
 * them when nothing changed. `saved` undefined: no saved rules to compare with.
 */
export async function amountOrigins(
  expectation: Ir.ExpectationDef,
  casus: unknown,
  current: Engine,
  saved: Engine | undefined,
): Promise<{ readonly changed: boolean; readonly origins: readonly ScenarioOrigin[] } | undefined> {
  const now = (await current.evaluate(casus, { explain: true })) as Explained;
  if (!now.ok || now.explanation === undefined) return undefined;
  const lines = linesOf(expectation, now.explanation.lines);
  if (lines === undefined) return undefined;
  const mine = values(lines);
  if (saved !== undefined) {
    const then = (await saved.evaluate(casus, { explain: true })) as Explained;
    const theirs =
      then.ok && then.explanation !== undefined
        ? values(linesOf(expectation, then.explanation.lines) ?? [])
        : new Map<string, Value>();
    const changed = [...mine].filter(([k, v]) => theirs.get(k)?.value !== v.value);
    if (changed.length > 0)
      return { changed: true, origins: changed.map(([k, v]) => origin(v, theirs.get(k))) };
  }
  return { changed: false, origins: [...mine.values()].map((v) => origin(v)) };
}
