/**
 * The effective declarations of one version, after walking its base chain: what the checker and the lowering
 * see. Every item keeps the version (file, id, date) whose text wrote it.
 */
import type {
  AllocationDecl,
  BandwidthDecl,
  BudgetDecl,
  CalcDecl,
  DomainDecl,
  FieldDecl,
  IndexationDecl,
  InputLevel,
  ModuleDecl,
  ParameterDecl,
  ProvisionDecl,
  RuleDecl,
  TableDecl,
  UnitDecl,
} from '../ast/ast.js';

/** The version whose file wrote an item. */
export interface VersionRef {
  readonly file: string;
  readonly version: string;
  readonly validFrom: string;
  /** The version's own `bron` (its header), if it has one. */
  readonly bron?: string | undefined;
}

export interface Eff<T> {
  readonly decl: T;
  readonly origin: VersionRef;
}

/** A table: its defining declaration, then the `wijzig tabel` amendments of later versions, then indexations. */
export interface EffTable extends Eff<TableDecl> {
  readonly parts: readonly Eff<TableDecl>[];
  readonly adjustments: readonly Eff<IndexationDecl>[];
}

/**
 * A parameter and the indexations that apply to its written value: only those of versions later than the one
 * that wrote it (a parameter written again starts without indexations).
 */
export interface EffParameter extends Eff<ParameterDecl> {
  readonly adjustments: readonly Eff<IndexationDecl>[];
}

export interface Items {
  readonly domains: Map<string, Eff<DomainDecl>>;
  /** All bandwidth lines of the version that last wrote any. */
  bandwidths: readonly Eff<BandwidthDecl>[];
  readonly fields: Record<InputLevel, Map<string, Eff<FieldDecl>>>;
  readonly parameters: Map<string, EffParameter>;
  readonly tables: Map<string, EffTable>;
  readonly calcs: Map<string, Eff<CalcDecl>>;
  budget: Eff<BudgetDecl> | undefined;
  readonly modules: Map<string, Eff<ModuleDecl>>;
  readonly rules: Map<string, Eff<RuleDecl>>;
  readonly provisions: Map<string, Eff<ProvisionDecl>>;
  /** iStandaard mappings: `resultaat` or `module:<naam>` → the declaration that last wrote it. */
  readonly allocations: Map<string, Eff<AllocationDecl>>;
  /** Declared units (`eenheid dagdeel …`), by name; the built-in ones are not here. */
  readonly units: Map<string, Eff<UnitDecl>>;
}

export function emptyItems(): Items {
  return {
    domains: new Map(),
    bandwidths: [],
    fields: { beschikking: new Map(), resultaat: new Map(), module: new Map() },
    parameters: new Map(),
    tables: new Map(),
    calcs: new Map(),
    budget: undefined,
    modules: new Map(),
    rules: new Map(),
    provisions: new Map(),
    allocations: new Map(),
    units: new Map(),
  };
}

/** A copy that can be changed without touching the base's items. */
export function copyItems(i: Items): Items {
  return {
    domains: new Map(i.domains),
    bandwidths: i.bandwidths,
    fields: {
      beschikking: new Map(i.fields.beschikking),
      resultaat: new Map(i.fields.resultaat),
      module: new Map(i.fields.module),
    },
    parameters: new Map(i.parameters),
    tables: new Map(i.tables),
    calcs: new Map(i.calcs),
    budget: i.budget,
    modules: new Map(i.modules),
    rules: new Map(i.rules),
    provisions: new Map(i.provisions),
    allocations: new Map(i.allocations),
    units: new Map(i.units),
  };
}

/** Fields every case has, per level, with their written type. */
export const BUILTIN_FIELDS: Readonly<
  Record<InputLevel, readonly { name: string; type: string; optional: boolean }[]>
> = {
  beschikking: [],
  resultaat: [
    { name: 'id', type: 'tekst', optional: true },
    { name: 'periode', type: 'periode', optional: false },
  ],
  module: [
    { name: 'module', type: 'tekst', optional: false },
    { name: 'variant', type: 'tekst', optional: true },
    // The id of the result of the same beschikking this request belongs to (read as `resultaat.<veld>`).
    { name: 'resultaat', type: 'tekst', optional: true },
    { name: 'periode', type: 'periode', optional: false },
    { name: 'id', type: 'tekst', optional: true },
  ],
};

/** The key of an allocation in {@link Items.allocations}: `resultaat` or `module:<naam>`. */
export const allocationKey = (d: AllocationDecl): string =>
  d.target === 'module' ? `module:${d.module?.text ?? ''}` : d.target;
