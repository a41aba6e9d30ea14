/**
 * The units one version knows: the built-in vocabulary (dsl/ast/units.ts) and the units its rules declare
 * (`eenheid dagdeel meervoud dagdelen "Dagdeel (4 uur)" istandaard 16`, inherited through `op basis van`).
 * Resolves a unit as written (`dagdelen`) to its unit (`dagdeel`), reports unknown units with the nearest known
 * spelling, and reports declarations whose name or plural is already taken.
 */
import {
  BUILTIN_UNITS,
  isBuiltinUnit,
  UNIT_SPELLINGS,
  type CellUnit,
  type Name,
  type Unit,
  type UnitDecl,
  type UnitNames,
} from '../ast/ast.js';
import type { Type } from '../ir/ir.js';
import { ALLOCATION_UNITS, type AllocationUnit, type Eenheid } from '../ir/istandaard.js';
import { KEYWORD_WORDS } from '../syntax/tokens.js';
import { assertNever, type Span } from '../text/span.js';
import type { Eff } from './items.js';
import type { Reporter } from './env.js';
import { suggest } from './suggest.js';
import { T, UNIT_PLURAL, type PluralOf } from './types.js';

/** A unit the rules declare, resolved. */
export interface DeclaredUnit extends UnitNames {
  readonly label: string | undefined;
  /** The iStandaard Eenheid (WJ756) of a volume in this unit, when declared and known. */
  readonly eenheid: Eenheid | undefined;
  readonly eff: Eff<UnitDecl>;
}

/** The Eenheid codes (WJ756) a volume can have: every code but 83 (euro's). */
const VOLUME_EENHEDEN: readonly Eenheid[] = ['01', '04', '14', '16', '82'];
const isVolumeEenheid = (c: string): c is Eenheid => (VOLUME_EENHEDEN as readonly string[]).includes(c);

export class UnitVocabulary implements PluralOf {
  /** Every spelling (singular and plural) → its unit. */
  private readonly spellings = new Map<string, Unit>();
  private readonly byName = new Map<string, DeclaredUnit>();

  constructor(
    units: ReadonlyMap<string, Eff<UnitDecl>>,
    private readonly reporter: Reporter,
  ) {
    for (const [word, unit] of Object.entries(UNIT_SPELLINGS)) this.spellings.set(word, unit);
    for (const eff of units.values()) this.declare(eff);
  }

  private declare(eff: Eff<UnitDecl>): void {
    const d = eff.decl;
    const file = eff.origin.file;
    const name = d.name.text;
    if (name === '') return;
    const words = d.plural && d.plural.text !== name ? [d.name, d.plural] : [d.name];
    for (const w of words) {
      if (KEYWORD_WORDS.has(w.text)) return this.reporter.report(file, 'RW2504', w.span, [w.text]);
      const taken = this.spellings.get(w.text);
      if (taken === undefined) continue;
      if (isBuiltinUnit(taken)) {
        const of = taken === w.text ? '' : ` (een spelling van ${taken})`;
        return this.reporter.report(file, 'RW2502', w.span, [w.text, of]);
      }
      const other = this.byName.get(taken);
      const where = other && other.eff.origin.file !== file ? ` (in versie ${other.eff.origin.version})` : '';
      return this.reporter.report(file, 'RW2503', w.span, [name, w.text, taken, where]);
    }
    let eenheid: Eenheid | undefined;
    if (d.code) {
      if (isVolumeEenheid(d.code.text)) eenheid = d.code.text;
      else this.reporter.report(file, 'RW7502', d.code.span, [d.code.text, name]);
    }
    const plural = d.plural?.text ?? name;
    this.byName.set(name, { name, plural, label: d.label?.value, eenheid, eff });
    for (const w of words) this.spellings.set(w.text, name);
  }

  /** The unit a word means (`dagdelen` → `dagdeel`, `uren` → `uur`), or undefined if nobody knows it. */
  resolve(word: Unit): Unit | undefined {
    return this.spellings.get(word);
  }

  /** Resolves a unit as written; an unknown one gets RW2501 with the nearest known spelling. */
  check(word: Unit, file: string, span: Span): Unit | undefined {
    const unit = this.resolve(word);
    if (unit !== undefined) return unit;
    const declared = [...this.byName.keys()];
    const also = declared.length > 0 ? `; de regels declareren ${declared.join(', ')}` : '';
    this.reporter.report(file, 'RW2501', span, [word, also], suggest(word, this.spellings.keys()));
    return undefined;
  }

  /** The unit as the checker types it (silently: the unknown word itself when nobody knows it). */
  unit(word: Unit): Unit {
    return this.resolve(word) ?? word;
  }

  /** The type of a table's cells, its `per` resolved. */
  cellType(u: CellUnit): Type {
    switch (u.kind) {
      case 'money':
        return T.money;
      case 'rate':
        return T.rate(this.unit(u.per));
      case 'percent':
        return T.percent;
      case 'number':
        return T.number;
      default:
        return assertNever(u);
    }
  }

  /** The plural for messages: `dagen`, `dagdelen`. */
  plural(unit: Unit): string {
    return isBuiltinUnit(unit) ? UNIT_PLURAL[unit] : (this.byName.get(unit)?.plural ?? unit);
  }

  declared(unit: Unit): DeclaredUnit | undefined {
    return this.byName.get(unit);
  }

  /** The declared units, in declaration order (the base's first). */
  get all(): readonly DeclaredUnit[] {
    return [...this.byName.values()];
  }

  /** Every unit: the built-in ones, then the declared ones. */
  get names(): readonly Unit[] {
    return [...BUILTIN_UNITS, ...this.byName.keys()];
  }
}

/**
 * `toewijzing … in <eenheid> totaal`: an iStandaard word (`dagdelen`, `etmalen`) or a declared unit's name or
 * plural (`dagdelen` of `eenheid dagdeel … istandaard 16`). A volume also counts every declared unit with that
 * Eenheid code, one for one. Reports RW7005 (unknown word) or RW7501 (a declared unit without a code).
 */
export function allocationUnitOf(
  word: Name,
  units: UnitVocabulary,
  file: string,
  reporter: Reporter,
): AllocationUnit | undefined {
  const declared = units.declared(units.resolve(word.text) ?? '');
  let base: AllocationUnit | undefined;
  if (declared !== undefined) {
    if (declared.eenheid === undefined) {
      // A code WJ756 does not know was reported with the declaration (RW7502).
      if (declared.eff.decl.code === undefined) reporter.report(file, 'RW7501', word.span, [declared.name]);
      return undefined;
    }
    base = Object.values(ALLOCATION_UNITS).find((u) => u.eenheid === declared.eenheid);
  } else base = ALLOCATION_UNITS[word.text];
  if (base === undefined) {
    const words = [
      ...Object.keys(ALLOCATION_UNITS),
      ...units.all.filter((u) => u.eenheid).map((u) => u.plural),
    ];
    reporter.report(file, 'RW7005', word.span, [word.text], suggest(word.text, words));
    return undefined;
  }
  if (base.eenheid === '83') return base;
  const from: Partial<Record<string, string>> = { ...base.from };
  for (const u of units.all) if (u.eenheid === base.eenheid) from[u.name] = '1';
  return { eenheid: base.eenheid, word: declared?.plural ?? base.word, from };
}
