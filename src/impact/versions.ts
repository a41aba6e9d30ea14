/**
 * The programs one side of an impact analysis prices with: the named regional version and its municipal
 * overrides (an override built directly on it, `versie "2019-almelo" op basis van "2019"`), each made to apply on
 * every day, so that every beschikking is priced wholly "as if" that version were in force, whatever its dates.
 */
import type { Ir } from '../../dsl/index.js';
import type { ImpactSide } from './types.js';

/** The first day every version is made to start on (no case period is earlier). */
const ALWAYS_FROM = '1900-01-01';

export type VersionSelection =
  | { readonly ok: true; readonly programs: Ir.Program[]; readonly side: ImpactSide }
  | { readonly ok: false; readonly message: string };

/** The regional versions, by name, for a Dutch message that lists them. */
export function knownVersions(programs: readonly Ir.Program[]): string[] {
  return [...new Set(programs.filter((p) => p.municipality === undefined).map((p) => p.version))];
}

/** `p` made to apply on every day; it keeps its own dates in `asIf` for the explanation. */
const always = (p: Ir.Program): Ir.Program => ({
  ...p,
  validFrom: ALWAYS_FROM,
  validTo: undefined,
  asIf: p.asIf ?? { validFrom: p.validFrom, validTo: p.validTo },
});

/**
 * Selects `version` among `programs` (all compiled versions of the rules). `role` ("basis", "variant") is named in
 * the Dutch message when the version is unknown or is a municipal override itself.
 */
export function selectVersion(
  programs: readonly Ir.Program[],
  version: string,
  role: string,
): VersionSelection {
  const regional = programs.filter((p) => p.version === version && p.municipality === undefined);
  const known = knownVersions(programs);
  if (regional.length === 0) {
    const override = programs.find((p) => p.version === version);
    if (override?.municipality !== undefined)
      return {
        ok: false,
        message: `versie '${version}' (${role}) is een gemeentelijke afwijking voor ${override.municipality}; kies de regionale versie${override.base ? ` ('${override.base}')` : ''}: de afwijking wordt dan voor de beschikkingen van ${override.municipality} vanzelf toegepast.`,
      };
    return {
      ok: false,
      message: `onbekende versie '${version}' (${role}). Bekende versies: ${known.join(', ') || 'geen'}.`,
    };
  }
  if (regional.length > 1)
    return {
      ok: false,
      message: `versie '${version}' (${role}) komt voor in meer dan één regelset (${regional.map((p) => p.ruleset).join(', ')}); geef bij --regels de map van één regelset op.`,
    };
  const main = regional[0] as Ir.Program;
  const overrides = programs.filter(
    (p) => p.municipality !== undefined && p.base === version && p.ruleset === main.ruleset,
  );
  return {
    ok: true,
    programs: [always(main), ...overrides.map(always)],
    side: { version, overrides: overrides.map((p) => p.version) },
  };
}
