/**
 * Example cases (the `.json` files in a ruleset's `voorbeelden/` folder) open in the playground, next to the
 * version that prices them: the one in force on the case's ingangsdatum (the municipal override for its gemeente
 * when there is one).
 */
import type { FileSummary } from '../worker/protocol.js';

type CaseObject = Record<string, unknown>;

const isObject = (v: unknown): v is CaseObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The case in a `.json` file, or undefined when the file is not a case (not JSON, not an object, no fields). */
export function exampleCase(path: string, text: string): CaseObject | undefined {
  if (!path.endsWith('.json')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (!isObject(value)) return undefined;
    return 'resultaten' in value || 'modules' in value || 'ingangsdatum' in value ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The rules file of the version in force on the case's first day, in the folder tree of the case file. */
export function versionFileFor(
  casePath: string,
  casus: CaseObject,
  summaries: ReadonlyMap<string, FileSummary>,
): string | undefined {
  const root = casePath.includes('/') ? casePath.slice(0, casePath.indexOf('/') + 1) : '';
  const day = typeof casus.ingangsdatum === 'string' ? casus.ingangsdatum : undefined;
  const gemeente = typeof casus.gemeente === 'string' ? casus.gemeente : undefined;
  const candidates = [...summaries.values()].filter(
    (s) =>
      s.path.startsWith(root) &&
      s.path.endsWith('.regels') &&
      s.validFrom !== undefined &&
      (day === undefined || s.validFrom <= day) &&
      (s.municipality === undefined || s.municipality.replace(/^"|"$/g, '') === gemeente),
  );
  candidates.sort(
    (a, b) =>
      (a.validFrom ?? '').localeCompare(b.validFrom ?? '') ||
      Number(a.municipality !== undefined) - Number(b.municipality !== undefined),
  );
  return candidates.at(-1)?.path;
}
