/**
 * Validation of an incoming case (unknown JSON) against a program's declared input, builtin fields included.
 * Produces a typed case, or Dutch diagnostics that name the field path. Never throws.
 */
import type { Ir } from '../../dsl/index.js';
import { Checker } from './case-checker.js';
import { CaseCache, isObject, show } from './case-statics.js';
import type { CaseDiagnostic } from './result.js';
import type { TypedCase } from './values.js';

export { MAX_ITEMS, CaseCache, domainValues } from './case-statics.js';
export { caseNumber, CASE_MAX_DECIMALS, CASE_MAX_INTEGER_DIGITS } from './case-numbers.js';
export { unknownFieldWarnings } from './case-warnings.js';

export type CaseCheck =
  | {
      readonly ok: true;
      readonly casus: TypedCase;
      /** Some object has a key that is not a declared field: ask {@link unknownFieldWarnings} which. */
      readonly extraKeys: boolean;
    }
  | { readonly ok: false; readonly diagnostics: readonly CaseDiagnostic[] };

/** The lists of a case, checked apart from the beschikking's fields. */
const LISTS: ReadonlySet<string> = new Set(['resultaten', 'modules']);

/**
 * Validate an unknown JSON value as a case for `program`. With `touches` (a case across versions that declare
 * different input), a result or module request none of whose days `touches` says are in this program is typed
 * without errors: the versions of its own days judge it.
 */
export function checkCase(
  program: Ir.Program,
  raw: unknown,
  touches?: (from: string, to: string) => boolean,
  cache: CaseCache = new CaseCache(),
): CaseCheck {
  const c = new Checker(program, touches, cache);
  if (!isObject(raw)) {
    c.diagnostics.push({
      severity: 'fout',
      rule: 'invoer',
      message: `Het geval moet een JSON-object zijn, niet ${show(raw)}.`,
    });
    return { ok: false, diagnostics: c.diagnostics };
  }
  const fields = c.fields(raw, program.input.beschikking, '', LISTS);
  const results = c.results(raw.resultaten);
  const modules = c.modules(raw.modules);
  const given = raw.resultaten;
  if (given === undefined || given === null || (Array.isArray(given) && given.length === 0))
    c.error('resultaten', 'geen resultaten; een beschikking heeft minstens één resultaat.');
  c.uniqueIds(results);
  c.uniqueIds(modules);
  // A module request's `resultaat` names a result of this beschikking by its id.
  const ids = new Set(results.map((r) => r.fields.id).filter((x): x is string => typeof x === 'string'));
  for (const m of modules) {
    const ref = m.fields.resultaat;
    if (typeof ref === 'string' && !ids.has(ref))
      c.error(
        `${m.path}.resultaat`,
        `geen resultaat met id '${ref}' in deze beschikking${ids.size > 0 ? ` (wel: ${[...ids].join(', ')})` : '; geef het resultaat een id'}.`,
      );
  }
  if (c.diagnostics.length > 0) return { ok: false, diagnostics: c.diagnostics };
  const requested = new Set<string>();
  for (const m of modules) {
    const name = m.fields.module;
    const variant = m.fields.variant;
    if (typeof name === 'string') requested.add(name);
    if (typeof name === 'string' && typeof variant === 'string') requested.add(`${name}/${variant}`);
  }
  const g = raw.gemeente;
  return {
    ok: true,
    casus: { fields, results, modules, requested, gemeente: typeof g === 'string' ? g : undefined },
    extraKeys: c.extraKeys,
  };
}
