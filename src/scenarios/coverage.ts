/**
 * Scenario coverage per version: which rules fired in some scenario, which modules were both allowed and
 * refused somewhere, and which tariff cells were priced by some scenario.
 */
import type { Ir } from '../../dsl/index.js';
import type { ScenarioOutcome } from './run.js';

export interface VersionCoverage {
  readonly version: string;
  readonly rules: {
    readonly total: number;
    readonly fired: readonly string[];
    readonly notFired: readonly string[];
    /** Rule name → the version it was written in, for rules this version inherits unchanged. */
    readonly inheritedFrom: Readonly<Record<string, string>>;
  };
  readonly modules: {
    readonly total: number;
    readonly allowed: readonly string[];
    readonly refused: readonly string[];
    readonly untested: readonly string[];
  };
  readonly cells: {
    readonly total: number;
    readonly used: number;
    readonly unusedPerTable: Readonly<Record<string, number>>;
  };
}

const cellKey = (table: string, key: readonly string[]): string => `${table}[${key.join(', ')}]`;

/** All tariff cells an evaluation read: line keys and, when explained, every cell of every part. */
function usedCells(o: ScenarioOutcome): string[] {
  if (!o.evaluation.ok) return [];
  const keys = o.evaluation.lines.map((l) => l.key);
  for (const line of o.evaluation.explanation?.lines ?? []) {
    for (const part of line.parts) for (const c of part.cells) keys.push(c.key);
  }
  return keys;
}

export function computeCoverage(
  programs: readonly Ir.Program[],
  outcomes: readonly ScenarioOutcome[],
): VersionCoverage[] {
  return programs.map((p) => {
    const label = p.version + (p.municipality ? ` (${p.municipality})` : '');
    // A scenario exercises the versions that priced it (a case across a boundary exercises both).
    const mine = outcomes.filter((o) =>
      o.evaluation.ok ? o.evaluation.versions.includes(p.version) : o.program === label,
    );
    const fired = new Set<string>();
    const allowed = new Set<string>();
    const refused = new Set<string>();
    const cells = new Set<string>();
    for (const o of mine) {
      if (!o.evaluation.ok) continue;
      for (const d of o.evaluation.diagnostics) fired.add(d.rule);
      for (const d of o.evaluation.decisions) (d.allowed ? allowed : refused).add(d.module);
      for (const k of usedCells(o)) cells.add(k);
    }
    const ruleNames = p.rules.map((r) => r.name);
    const moduleNames = p.modules.map((m) => m.name);
    const unusedPerTable: Record<string, number> = {};
    let total = 0;
    let used = 0;
    for (const t of p.tables) {
      for (const c of t.cells) {
        if (c.value === null) continue;
        total++;
        if (cells.has(cellKey(t.name, c.key))) used++;
        else unusedPerTable[t.name] = (unusedPerTable[t.name] ?? 0) + 1;
      }
    }
    return {
      version: label,
      rules: {
        total: ruleNames.length,
        fired: ruleNames.filter((n) => fired.has(n)),
        notFired: ruleNames.filter((n) => !fired.has(n)),
        inheritedFrom: Object.fromEntries(
          p.rules.filter((r) => r.origin.version !== p.version).map((r) => [r.name, r.origin.version]),
        ),
      },
      modules: {
        total: moduleNames.length,
        allowed: moduleNames.filter((n) => allowed.has(n)),
        refused: moduleNames.filter((n) => refused.has(n)),
        untested: moduleNames.filter((n) => !allowed.has(n) && !refused.has(n)),
      },
      cells: { total, used, unusedPerTable },
    };
  });
}

const pct = (a: number, b: number): string => (b === 0 ? '–' : `${Math.floor((a * 1000) / b) / 10} %`);

export function renderCoverage(coverage: readonly VersionCoverage[]): string {
  const out = ["Dekking door scenario's:"];
  for (const c of coverage) {
    out.push(`  versie ${c.version}`);
    out.push(
      `    regels:  ${c.rules.fired.length}/${c.rules.total} geraakt (${pct(c.rules.fired.length, c.rules.total)})`,
    );
    for (const n of c.rules.notFired) {
      const from = c.rules.inheritedFrom[n];
      out.push(`      niet geraakt: "${n}"${from ? ` (ongewijzigd uit versie ${from})` : ''}`);
    }
    out.push(
      `    modules: ${c.modules.allowed.length}/${c.modules.total} toegestaan, ${c.modules.refused.length}/${c.modules.total} geweigerd in een scenario`,
    );
    for (const n of c.modules.untested) out.push(`      niet getest: ${n}`);
    out.push(
      `    tariefcellen: ${c.cells.used}/${c.cells.total} gebruikt (${pct(c.cells.used, c.cells.total)})`,
    );
    for (const [t, n] of Object.entries(c.cells.unusedPerTable))
      out.push(`      ${t}: ${n} cellen niet gebruikt`);
  }
  return out.join('\n');
}
