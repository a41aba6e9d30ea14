/**
 * Module requests one side of a comparison cannot price because its version does not have that module (or that
 * variant): a module the variant withdrew (`vervalt module vervoer`) or one it added. Priced as they are, such a
 * request makes the whole beschikking invalid on that side, so its results would count as € 0 and a withdrawn
 * module would seem to cost every case that asked for it. Instead the request is left out on that side only: the
 * results and the other modules are priced as usual, and the report counts the request as a change of status
 * ("module vervoer vervalt in de variant"). A module neither side knows stays in: that is a mistake in the case,
 * reported as a bad row.
 */
import type { Ir } from '../../dsl/index.js';

/** The modules (and their variants) one side's programs know. */
export class ModuleCatalog {
  /** Module name → its variants (empty: a module without variants). */
  private readonly modules = new Map<string, Set<string>>();

  constructor(programs: readonly Ir.Program[]) {
    for (const p of programs)
      for (const m of p.modules) {
        let variants = this.modules.get(m.name);
        if (!variants) this.modules.set(m.name, (variants = new Set()));
        for (const v of m.variants) variants.add(v.name);
      }
  }

  /** Whether a request for `module` (with `variant`, if the module has variants) can be priced. */
  knows(module: string, variant: unknown): boolean {
    const variants = this.modules.get(module);
    if (!variants) return false;
    return variants.size === 0 || (typeof variant === 'string' && variants.has(variant));
  }
}

/** A case as one side prices it, with the requests left out (`module` or `module/variant`). */
export interface SideCase {
  readonly casus: unknown;
  readonly dropped: readonly string[];
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Leaves out of `casus` every module request `own` cannot price and `other` can. Returns `casus` itself (no
 * copy) when nothing is left out, which is nearly always.
 */
export function forSide(casus: unknown, own: ModuleCatalog, other: ModuleCatalog): SideCase {
  const requests = isRecord(casus) ? casus['modules'] : undefined;
  if (!Array.isArray(requests)) return { casus, dropped: NONE };
  let kept: unknown[] | undefined;
  let dropped: string[] | undefined;
  for (let i = 0; i < requests.length; i++) {
    const r: unknown = requests[i];
    const name = isRecord(r) ? r['module'] : undefined;
    const variant = isRecord(r) ? r['variant'] : undefined;
    const drop = typeof name === 'string' && !own.knows(name, variant) && other.knows(name, variant);
    if (drop) {
      kept ??= requests.slice(0, i);
      (dropped ??= []).push(typeof variant === 'string' ? `${name}/${variant}` : name);
    } else kept?.push(r);
  }
  if (!kept || !dropped) return { casus, dropped: NONE };
  return { casus: { ...(casus as Record<string, unknown>), modules: kept }, dropped };
}

const NONE: readonly string[] = Object.freeze([]);
