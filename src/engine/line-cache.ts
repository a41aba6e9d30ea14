/**
 * What an engine remembers to build result lines (part of its EngineCache): source references and cell keys,
 * and the figures of parts and quantities per shared decimal instance.
 */
import type { Ir } from '../../dsl/index.js';
import type { PartFigures } from './assemble.js';
import type { Dec, SharedDecimals } from './decimal.js';
import type { SourceRef } from './result.js';
import type { CellUse, LoadedCell } from './runtime.js';

const keyText = (c: CellUse): string => `${c.table.def.name}[${c.key.join(', ')}]`;

/**
 * What an engine remembers to build result lines: source references and cell keys (built once and shared by every
 * result that cites them), and the figures of parts and quantities per shared decimal instance (see
 * `SharedDecimals`; decimals are immutable, so the text of an instance never changes). All weak: keyed by the
 * engine's origins, loaded cells and shared decimals.
 */
export class LineCache {
  private readonly sourceRefs = new WeakMap<Ir.Origin, Map<string, SourceRef>>();
  private readonly cellKeys = new WeakMap<LoadedCell, string>();
  /** Quantity texts of two-part lines, per pair of quantity instances. */
  readonly pairQuantity = new WeakMap<Dec, WeakMap<Dec, string>>();
  /** Caps in whole cents (null: not in cents), per shared instance. */
  readonly capCents = new WeakMap<Dec, number | null>();
  /** Part figures per rate (with the rounding it was first priced with) and quantity instance. */
  readonly partFigures = new WeakMap<
    Dec,
    { readonly rounding: Ir.Rounding; readonly byQuantity: WeakMap<Dec, PartFigures> }
  >();

  constructor(readonly decimals: SharedDecimals) {}

  /** The source reference of an origin in a file, one object per origin and file. */
  sourceRef(o: Ir.Origin, file: string): SourceRef {
    let byFile = this.sourceRefs.get(o);
    if (!byFile) this.sourceRefs.set(o, (byFile = new Map()));
    let ref = byFile.get(file);
    if (!ref) byFile.set(file, (ref = { id: o.id, file, span: o.span }));
    return ref;
  }

  /** The key of a looked-up cell, "weektarief[ontwikkelen, OB2, midden, B]" (built once per existing cell). */
  cellKeyText(c: CellUse): string {
    if (c.cell === undefined) return keyText(c);
    let text = this.cellKeys.get(c.cell);
    if (text === undefined) this.cellKeys.set(c.cell, (text = keyText(c)));
    return text;
  }
}
